package dk.supportflow.cases;

import java.util.Optional;

/**
 * What features above cases know of a case and its view shows: implemented by knowledge (how a
 * closed case was solved) and waitingtime (its waiting times), so that cases imports neither.
 */
public final class CaseFacts {

    private CaseFacts() {
    }

    /** How a closed case ended, as kept when it closed. */
    public record Solution(String outcome, String errorClass, String minSupportCaseNumber, String answer) {
    }

    public interface Solutions {
        Optional<Solution> of(String caseNumber);
    }

    public interface WaitingTimes {
        Optional<CaseView.WaitingTime> of(SupportCase supportCase);
    }
}
