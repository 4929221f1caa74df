package dk.supportflow.driftsside;

/** The driftsside could not be read or is not a feed. The message is short and safe to log (no feed content). */
public class FeedUnavailableException extends Exception {

    public FeedUnavailableException(String reason) {
        super(reason);
    }
}
