package dk.supportflow.dashboard;

import dk.supportflow.analysis.AnalysisRules;
import dk.supportflow.cases.SupportCaseRepository;
import dk.supportflow.meetings.GangmoedeAgenda;
import dk.supportflow.meetings.MeetingTopic;
import dk.supportflow.meetings.MeetingTopicRepository;
import dk.supportflow.meetings.RecurringErrors;
import dk.supportflow.minsupport.MinSupportRules;
import dk.supportflow.platform.ClockConfig;
import dk.supportflow.waitingtime.MinSupportReport;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of the dashboard: cases per week by error class, the most frequent error patterns,
 * open MinSupport cases by age, and whether the errors stopped after a gangmøde. Labels are
 * Danish: they are shown as they are. No personal data: counts, components and error classes.
 */
@Service
public class DashboardFigures {

    static final int WEEKS = 12;
    static final int TOP_PATTERNS = 10;
    static final String UNCLASSIFIED = "Ikke klassificeret endnu";
    /** Upper bounds of the age groups of open MinSupport cases, and their labels. */
    static final List<Duration> AGE_LIMITS = List.of(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7),
            Duration.ofDays(14), Duration.ofDays(28));
    static final List<String> AGE_LABELS = List.of("Under 1 dag", "1–3 dage", "3–7 dage", "1–2 uger", "2–4 uger",
            "Over 4 uger");

    public record Figures(Instant generatedAt, ChartData casesPerWeek, ChartData topPatterns,
            ChartData openMinSupportByAge, ChartData gangmoedeEffect) {
    }

    private final SupportCaseRepository cases;
    private final RecurringErrors recurringErrors;
    private final MeetingTopicRepository topics;
    private final MinSupportReport minSupportReport;
    private final Clock clock;

    public DashboardFigures(SupportCaseRepository cases, RecurringErrors recurringErrors,
            MeetingTopicRepository topics, MinSupportReport minSupportReport, Clock clock) {
        this.cases = cases;
        this.recurringErrors = recurringErrors;
        this.topics = topics;
        this.minSupportReport = minSupportReport;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Figures figures() {
        Instant now = clock.instant();
        return new Figures(now, casesPerWeek(now), topPatterns(), openMinSupportByAge(now), gangmoedeEffect());
    }

    /** Reported cases in each of the last weeks (Monday to Sunday, Danish time), by the error class the analysis gave. */
    ChartData casesPerWeek(Instant now) {
        LocalDate thisMonday = LocalDate.ofInstant(now, ClockConfig.ZONE).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate firstMonday = thisMonday.minusWeeks(WEEKS - 1);
        List<String> weeks = new ArrayList<>();
        for (int i = 0; i < WEEKS; i++) {
            LocalDate monday = firstMonday.plusWeeks(i);
            weeks.add("Uge " + monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
        Map<String, long[]> counts = new LinkedHashMap<>();
        List.of("userError", "processError", "integrationError", "technicalError").forEach(c -> counts.put(label(c), new long[WEEKS]));
        counts.put(UNCLASSIFIED, new long[WEEKS]);
        // counted in the database, week by week: a busy quarter is not loaded case by case
        for (int week = 0; week < WEEKS; week++) {
            Instant from = firstMonday.plusWeeks(week).atStartOfDay(ClockConfig.ZONE).toInstant();
            Instant to = firstMonday.plusWeeks(week + 1L).atStartOfDay(ClockConfig.ZONE).toInstant();
            for (SupportCaseRepository.ErrorClassCount count : cases.countByErrorClass(from, to)) {
                String errorClass = count.getErrorClass();
                counts.computeIfAbsent(errorClass == null ? UNCLASSIFIED : label(errorClass), k -> new long[WEEKS])[week]
                        += count.getCount();
            }
        }
        return new ChartData("Sager pr. uge fordelt på fejltype", weeks, series(counts));
    }

    ChartData topPatterns() {
        List<RecurringErrors.PatternCount> top = recurringErrors.topPatterns(TOP_PATTERNS);
        return new ChartData("Hyppigste fejlmønstre de sidste " + recurringErrors.window().toDays() + " dage",
                top.stream().map(p -> p.component() + " – " + label(p.errorClass())).toList(),
                List.of(new ChartData.Series("Løste sager", top.stream().map(RecurringErrors.PatternCount::occurrences).toList())));
    }

    /** Open MinSupport cases by how long they have waited, by criticality (change requests apart). */
    ChartData openMinSupportByAge(Instant now) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        List.of("kritisk", "hoej", "medium", "lav").forEach(c -> counts.put(MinSupportRules.CRITICALITIES.get(c),
                new long[AGE_LABELS.size()]));
        counts.put("Ændringsønske", new long[AGE_LABELS.size()]);
        for (MinSupportReport.OpenCase open : minSupportReport.openCases()) {
            String group = MinSupportRules.CHANGE_REQUEST.equals(open.ticketType()) ? "Ændringsønske"
                    : MinSupportRules.CRITICALITIES.getOrDefault(open.criticality(), "Ukendt");
            counts.computeIfAbsent(group, k -> new long[AGE_LABELS.size()])[ageGroup(Duration.between(open.reportedAt(), now))]++;
        }
        return new ChartData("Åbne MinSupport-sager efter alder", AGE_LABELS, series(counts));
    }

    /** For each covered topic: occurrences of its pattern in the window before and after the gangmøde. */
    ChartData gangmoedeEffect() {
        List<String> labels = new ArrayList<>();
        List<Long> before = new ArrayList<>();
        List<Long> after = new ArrayList<>();
        for (MeetingTopic topic : topics.findByStatusOrderByCreatedAtAsc(MeetingTopic.Status.COVERED)) {
            recurringErrors.effect(topic).ifPresent(effect -> {
                labels.add(GangmoedeAgenda.name(topic) + (effect.windowComplete() ? "" : " (efter-perioden er ikke slut)"));
                before.add(effect.before());
                after.add(effect.after());
            });
        }
        long days = recurringErrors.window().toDays();
        return new ChartData("Effekt af gangmøder: forekomster " + days + " dage før og efter", labels,
                List.of(new ChartData.Series("Før mødet", before), new ChartData.Series("Efter mødet", after)));
    }

    static int ageGroup(Duration age) {
        for (int i = 0; i < AGE_LIMITS.size(); i++) {
            if (age.compareTo(AGE_LIMITS.get(i)) < 0) {
                return i;
            }
        }
        return AGE_LIMITS.size();
    }

    static String label(String errorClass) {
        return AnalysisRules.ERROR_CLASSES.getOrDefault(errorClass, errorClass);
    }

    private static List<ChartData.Series> series(Map<String, long[]> counts) {
        return counts.entrySet().stream()
                .map(e -> new ChartData.Series(e.getKey(), Arrays.stream(e.getValue()).boxed().toList()))
                .toList();
    }
}
