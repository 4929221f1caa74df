package dk.supportflow.portal.report;

import dk.supportflow.platform.ClockConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How often the answers shown while a report is typed solve the problem before a case is filed
 * (deflection): per report begun, whether suggestions were shown, whether one solved it, or
 * whether it was filed. Each is counted once per report, however often the page asks.
 */
@Service
public class Deflections {

    private static final Pattern DRAFT_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** The figures for a period: reports shown suggestions, solved by one, and filed as cases. */
    public record Figures(LocalDate from, LocalDate to, long shown, long solvedBySuggestion, long reported) {
    }

    private final ReportDraftRepository drafts;
    private final Clock clock;

    public Deflections(ReportDraftRepository drafts, Clock clock) {
        this.drafts = drafts;
        this.clock = clock;
    }

    /** A new report's id, carried by the form (never stored until something happens to it). */
    public static String newDraftId() {
        return UUID.randomUUID().toString();
    }

    public static boolean isDraftId(String id) {
        return id != null && DRAFT_ID.matcher(id).matches();
    }

    @Transactional
    public void suggestionsShown(String draftId) {
        draft(draftId).suggestionsShown(clock.instant());
    }

    /** Returns false when the report was already solved or filed. */
    @Transactional
    public boolean solvedBySuggestion(String draftId, String kind, String ref) {
        return draft(draftId).solved(kind, ref, clock.instant());
    }

    @Transactional
    public void reported(String draftId, String caseNumber) {
        draft(draftId).reported(caseNumber, clock.instant());
    }

    /** The counts from the first day to the last (both included, Danish days). */
    @Transactional(readOnly = true)
    public Figures figures(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(ClockConfig.ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ClockConfig.ZONE).toInstant();
        return new Figures(from, to,
                drafts.countBySuggestionsShownAtGreaterThanEqualAndSuggestionsShownAtLessThan(start, end),
                drafts.countBySolvedAtGreaterThanEqualAndSolvedAtLessThan(start, end),
                drafts.countByReportedAtGreaterThanEqualAndReportedAtLessThan(start, end));
    }

    private ReportDraft draft(String draftId) {
        if (!isDraftId(draftId)) {
            throw new IllegalArgumentException("not a draft id");
        }
        return drafts.findById(draftId).orElseGet(() -> drafts.save(new ReportDraft(draftId, clock.instant())));
    }
}
