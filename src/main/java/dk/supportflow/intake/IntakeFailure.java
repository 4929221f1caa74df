package dk.supportflow.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** How often in a row the handling of one mail has failed; gone once it is taken in or left for a person. */
@Entity
@Table(name = "intake_failure")
class IntakeFailure {

    @Id
    @Column(name = "message_id", length = 998)
    private String messageId;

    @Column(nullable = false)
    private int failures;

    @Column(name = "last_failure_at", nullable = false)
    private Instant lastFailureAt;

    protected IntakeFailure() {
    }

    IntakeFailure(String messageId) {
        this.messageId = messageId;
    }

    int failedAgain(Instant at) {
        lastFailureAt = at;
        return ++failures;
    }
}
