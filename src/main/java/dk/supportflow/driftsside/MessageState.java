package dk.supportflow.driftsside;

import dk.supportflow.process.DriftssideProcess;
import java.util.Arrays;
import java.util.Optional;

/** Where a driftsside message is: waiting for review, or what the review made of it. */
public enum MessageState {
    AWAITING_REVIEW("awaitingReview", "Afventer vurdering"),
    KNOWN_ERROR(DriftssideProcess.Outcomes.KNOWN_ERROR, "Kendt fejl"),
    RELEASE_NOTE(DriftssideProcess.Outcomes.RELEASE_NOTE, "Releasenote"),
    INFORMATION(DriftssideProcess.Outcomes.INFORMATION, "Til orientering"),
    NOISE(DriftssideProcess.Outcomes.NOISE, "Støj");

    private final String code;
    private final String danishName;

    MessageState(String code, String danishName) {
        this.code = code;
        this.danishName = danishName;
    }

    public String code() {
        return code;
    }

    public String danishName() {
        return danishName;
    }

    /** The state a review outcome leads to. */
    public static Optional<MessageState> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
