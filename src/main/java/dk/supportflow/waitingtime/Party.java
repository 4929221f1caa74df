package dk.supportflow.waitingtime;

import static dk.supportflow.process.SupportCaseProcess.Waiting;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who a case waits on. A party other than the municipality owns the time in which one of its
 * activities of {@code supportCase} is active; all other time from the start of the case until
 * it is closed is the municipality's (analysis, escalation, forwarding, knowledge sharing).
 * See docs/process-guide.md, "Hvem venter vi på?".
 */
public enum Party {
    /** The supportberettigede: everything not listed for another party. */
    MUNICIPALITY("municipality", Set.of()),
    /** The reporter, while "Uddyb fejlindberetningen" or "Svar på MinSupports spørgsmål" is open. */
    REPORTER("reporter", Waiting.ON_REPORTER),
    /** The vendor, from the report to MinSupport until its answer (message or follow-up). */
    VENDOR("vendor", Waiting.ON_VENDOR),
    /**
     * The failing integration, while the case waits to try it again. Counted apart: neither the
     * municipality's work nor MinSupport's response time.
     */
    INTEGRATION("integration", Waiting.ON_INTEGRATION);

    private final String key;
    private final Set<String> activityIds;

    Party(String key, Set<String> activityIds) {
        this.key = key;
        this.activityIds = activityIds;
    }

    /** The name in the API: municipality, reporter, vendor or integration. */
    public String key() {
        return key;
    }

    Set<String> activityIds() {
        return activityIds;
    }

    /** Every activity whose time belongs to a party other than the municipality. */
    static String[] waitingActivityIds() {
        return Arrays.stream(values()).flatMap(p -> p.activityIds.stream()).collect(Collectors.toSet())
                .toArray(String[]::new);
    }
}
