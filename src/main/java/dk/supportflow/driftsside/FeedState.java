package dk.supportflow.driftsside;

import dk.supportflow.platform.FailureStreak;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The health of the feed (one row): failed reads in a row, the last success and failure. */
@Entity
@Table(name = "driftsside_feed_state")
public class FeedState extends FailureStreak {

    static final int ID = 1;

    protected FeedState() {
    }
}
