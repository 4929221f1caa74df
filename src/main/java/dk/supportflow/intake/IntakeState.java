package dk.supportflow.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The health of the mailbox (one row): failed reads in a row, the last success and failure. */
@Entity
@Table(name = "intake_state")
class IntakeState {

    static final int ID = 1;

    @Id
    private Integer id;

    @Column(name = "consecutive_failures", nullable = false)
    private int consecutiveFailures;

    @Column(name = "last_success_at")
    private Instant lastSuccessAt;

    @Column(name = "last_failure_at")
    private Instant lastFailureAt;

    @Column(name = "last_failure")
    private String lastFailure;

    protected IntakeState() {
    }

    /** Returns the failures in a row, this one included. */
    int failed(String reason, Instant when) {
        consecutiveFailures++;
        lastFailureAt = when;
        lastFailure = reason.length() > 200 ? reason.substring(0, 200) : reason;
        return consecutiveFailures;
    }

    /** Returns the failures in a row before this success. */
    int succeeded(Instant when) {
        int before = consecutiveFailures;
        consecutiveFailures = 0;
        lastSuccessAt = when;
        return before;
    }

    int getConsecutiveFailures() {
        return consecutiveFailures;
    }

    String getLastFailure() {
        return lastFailure;
    }
}
