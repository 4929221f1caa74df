package dk.supportflow.intake;

import dk.supportflow.platform.FailureStreak;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The health of the support mailbox (one row): failed reads in a row, the last success and failure. */
@Entity
@Table(name = "intake_state")
class IntakeState extends FailureStreak {

    static final int ID = 1;

    protected IntakeState() {
    }
}
