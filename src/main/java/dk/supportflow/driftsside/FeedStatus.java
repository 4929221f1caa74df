package dk.supportflow.driftsside;

/** How one read of the driftsside went; the value of {@code feedStatus} that the watcher's gateway reads. */
public enum FeedStatus {
    /** Read (possibly with nothing new). */
    READ("read"),
    /** No address configured: nothing to read. */
    OFF("off"),
    /** Not read; tried again at the next tick. */
    FAILED("failed"),
    /** Not read the threshold number of times in a row: an incident until it can be read again. */
    DOWN("down");

    private final String value;

    FeedStatus(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
