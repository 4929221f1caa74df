package dk.supportflow.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * The health of something read on a timer from outside (one row each: the driftsside's feed, the
 * support mailbox): failed reads in a row, the last success and the last failure, for the
 * incident after a threshold and the API.
 */
@MappedSuperclass
public abstract class FailureStreak {

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

    /** Returns the failures in a row, this one included. */
    public int failed(String reason, Instant when) {
        consecutiveFailures++;
        lastFailureAt = when;
        lastFailure = reason.length() > 200 ? reason.substring(0, 200) : reason;
        return consecutiveFailures;
    }

    /** Returns the failures in a row before this success. */
    public int succeeded(Instant when) {
        int before = consecutiveFailures;
        consecutiveFailures = 0;
        lastSuccessAt = when;
        return before;
    }

    public int getConsecutiveFailures() {
        return consecutiveFailures;
    }

    public Instant getLastSuccessAt() {
        return lastSuccessAt;
    }

    public Instant getLastFailureAt() {
        return lastFailureAt;
    }

    public String getLastFailure() {
        return lastFailure;
    }
}
