package dk.supportflow.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A lease in table job_lease: the node that takes it runs the job, every other node leaves it
 * alone until it is given back or runs out (a node that died mid-run does not block the job for
 * longer than the lease). Taken and given back in short transactions of their own.
 */
@Component
public class JobLease {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final DatabaseClock clock;
    /** This node, for the row: who holds the lease. */
    private final String holder = UUID.randomUUID().toString();

    public JobLease(JdbcTemplate jdbc, TransactionTemplate transactions, DatabaseClock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Takes the lease of the job for at most {@code duration}; false when another node holds it. */
    public boolean take(String job, Duration duration) {
        // the database's time: nodes whose clocks differ agree on when a lease runs out
        Instant now = clock.now();
        Integer taken = transactions.execute(status -> jdbc.update(
                "update job_lease set holder = ?, leased_until = ? where name = ? and (leased_until is null or leased_until < ?)",
                holder, java.sql.Timestamp.from(now.plus(duration)), job, java.sql.Timestamp.from(now)));
        return taken != null && taken == 1;
    }

    public void giveBack(String job) {
        transactions.executeWithoutResult(status -> jdbc.update(
                "update job_lease set holder = null, leased_until = null where name = ? and holder = ?", job, holder));
    }
}
