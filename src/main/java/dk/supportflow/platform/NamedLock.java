package dk.supportflow.platform;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A lock on a row of table named_lock, held until the caller's transaction ends: transactions on
 * any node that hold the same name take turns. For short critical sections only.
 */
@Component
public class NamedLock {

    public static final String ERROR_PATTERNS = "error-patterns";
    public static final String MINSUPPORT_COUNTING = "minsupport-counting";

    private final JdbcTemplate jdbc;

    public NamedLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void hold(String name) {
        jdbc.queryForObject("select name from named_lock where name = ? for update", String.class, name);
    }
}
