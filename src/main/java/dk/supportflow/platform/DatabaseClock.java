package dk.supportflow.platform;

import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The time as the database tells it: one clock for every node of a cluster. Leases and claims
 * that another node may judge stale are stamped and judged by it, so a node whose own clock
 * runs ahead never takes another's fresh claim for an old one.
 */
@Component
public class DatabaseClock {

    private final JdbcTemplate jdbc;

    public DatabaseClock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Instant now() {
        return jdbc.queryForObject("select current_timestamp", (rows, i) -> rows.getTimestamp(1).toInstant());
    }
}
