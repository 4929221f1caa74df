package dk.supportflow.waitingtime;

import static dk.supportflow.process.SupportCaseProcess.Elements;
import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.cases.SupportCase;
import dk.supportflow.cases.SupportCaseRepository;
import dk.supportflow.platform.ClockConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * MinSupport's response times by criticality ({@code GET /api/reports/minsupport}).
 *
 * <p>The vendor time of a case runs from the completion of "Indberet til MinSupport" until the
 * answer arrived (message or follow-up). Closed cases come from {@code case_waiting_time}, which
 * outlives Camunda's history, and are counted in the database ({@link AnsweredFigures}); open cases
 * (waiting on MinSupport, or answered and not yet closed) from the history, counted here with the
 * closed cases of the MinSupport cases they follow. A MinSupport case counts once, however many of
 * our cases follow it: answered with the longest vendor time among its answered cases (the one that
 * reported it), else open since the earliest report; it falls in the period in which that case
 * was reported to MinSupport. Ændringsønsker are counted apart: they follow a slower path.
 */
@Service
public class MinSupportReport {

    /** The criticalities in order of severity (codes as in {@code criticality}). */
    static final List<String> CRITICALITIES = List.of("kritisk", "hoej", "medium", "lav");
    private static final Set<String> TERMINATED = Set.of(HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED,
            HistoricProcessInstance.STATE_INTERNALLY_TERMINATED);

    private final HistoryService historyService;
    private final AnsweredFigures answeredFigures;
    private final SupportCaseRepository cases;
    private final CaseClock caseClock;
    private final Clock clock;

    MinSupportReport(HistoryService historyService, SupportCaseRepository cases, AnsweredFigures answeredFigures,
            CaseClock caseClock, Clock clock) {
        this.historyService = historyService;
        this.cases = cases;
        this.answeredFigures = answeredFigures;
        this.caseClock = caseClock;
        this.clock = clock;
    }

    /**
     * @param from           first day (Danish time) on which the counted cases were reported to
     *                       MinSupport; absent for no limit
     * @param to             last such day, inclusive; absent for no limit
     * @param byCriticality  one row each for kritisk, hoej, medium and lav (fejlsager and supportsager)
     * @param changeRequests ændringsønsker of every criticality together
     */
    public record Report(Instant generatedAt, LocalDate from, LocalDate to, List<Row> byCriticality, Row changeRequests) {
    }

    /**
     * @param criticality      kritisk, hoej, medium or lav; absent for the change requests
     * @param answered         MinSupport cases answered
     * @param medianVendorTime median of their vendor times (ISO 8601), absent when none is answered
     * @param p90VendorTime    90th percentile, linear between the closest ranks
     * @param open             MinSupport cases still waiting on MinSupport
     * @param oldestOpen       the one of them that has waited longest
     */
    public record Row(String criticality, int answered, String medianVendorTime, String p90VendorTime, int open,
            OldestOpen oldestOpen) {
    }

    public record OldestOpen(String caseNumber, String minSupportCaseNumber, Instant reportedAt, String age) {
    }

    /** A MinSupport case still waiting for its answer, with the first of our cases that reported it. */
    public record OpenCase(String caseNumber, String minSupportCaseNumber, String ticketType, String criticality,
            Instant reportedAt) {
    }

    /** Every MinSupport case that waits for its answer now. */
    @Transactional(readOnly = true)
    public List<OpenCase> openCases() {
        return perMinSupportCase(openEntries(clock.instant())).stream().filter(e -> !e.answered())
                .map(e -> new OpenCase(e.caseNumber(), e.minSupportCaseNumber(), e.ticketType(), e.criticality(),
                        e.reportedAt()))
                .toList();
    }

    /** One of our cases that went to MinSupport. */
    record Entry(String caseNumber, String minSupportCaseNumber, String ticketType, String criticality,
            Instant reportedAt, Duration vendorTime, boolean answered) {
    }

    @Transactional(readOnly = true)
    public Report build(LocalDate from, LocalDate to) {
        Instant now = clock.instant();
        Instant fromInstant = from == null ? Instant.EPOCH : from.atStartOfDay(ClockConfig.ZONE).toInstant();
        Instant toInstant = to == null ? now.plus(Duration.ofDays(1)) : to.plusDays(1).atStartOfDay(ClockConfig.ZONE).toInstant();
        // the MinSupport cases that open cases (few) follow are counted here, with their counted closed
        // case; every other one in the database
        List<Entry> followed = new ArrayList<>(openEntries(now));
        Set<String> numbers = followed.stream().map(Entry::minSupportCaseNumber).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
        if (!numbers.isEmpty()) {
            answeredFigures.countingFor(numbers).forEach(kept -> followed.add(entry(kept)));
        }
        List<Entry> counted = perMinSupportCase(followed).stream()
                .filter(e -> !e.reportedAt().isBefore(fromInstant) && e.reportedAt().isBefore(toInstant)).toList();
        Map<String, AnsweredFigures.Figures> answered = answeredFigures.figures(fromInstant, toInstant, numbers,
                counted.stream().filter(Entry::answered)
                        .map(e -> new AnsweredFigures.Counted(bucket(e), e.vendorTime().toMillis())).toList());
        return summarise(now, from, to, answered, counted.stream().filter(e -> !e.answered()).toList());
    }

    /**
     * The report from the answered MinSupport cases' figures by bucket and the MinSupport cases
     * still waiting (one entry each): a row for every criticality, and one for the change requests.
     */
    static Report summarise(Instant now, LocalDate from, LocalDate to, Map<String, AnsweredFigures.Figures> answered,
            List<Entry> waiting) {
        Map<String, List<Entry>> open = waiting.stream()
                .collect(Collectors.groupingBy(MinSupportReport::bucket, LinkedHashMap::new, Collectors.toList()));
        Set<String> buckets = new LinkedHashSet<>(CRITICALITIES);
        buckets.addAll(answered.keySet());
        buckets.addAll(open.keySet());
        buckets.remove(AnsweredFigures.CHANGE_REQUESTS);
        List<Row> rows = buckets.stream()
                .map(b -> row(b, answered.get(b), open.getOrDefault(b, List.of()), now)).toList();
        return new Report(now, from, to, rows, row(null, answered.get(AnsweredFigures.CHANGE_REQUESTS),
                open.getOrDefault(AnsweredFigures.CHANGE_REQUESTS, List.of()), now));
    }

    /** One entry per MinSupport case (see the class comment). */
    static List<Entry> perMinSupportCase(List<Entry> entries) {
        Map<String, List<Entry>> groups = entries.stream().collect(Collectors.groupingBy(
                e -> e.minSupportCaseNumber() == null ? "case:" + e.caseNumber() : "ms:" + e.minSupportCaseNumber(),
                LinkedHashMap::new, Collectors.toList()));
        List<Entry> result = new ArrayList<>();
        for (List<Entry> group : groups.values()) {
            List<Entry> answered = group.stream().filter(Entry::answered).toList();
            result.add(answered.isEmpty()
                    ? group.stream().min(Comparator.comparing(Entry::reportedAt)).orElseThrow()
                    : answered.stream().max(Comparator.comparing(Entry::vendorTime)).orElseThrow());
        }
        return result;
    }

    private static String bucket(Entry entry) {
        return AnsweredFigures.bucket(entry.ticketType(), entry.criticality());
    }

    private static Entry entry(AnsweredMinSupportCase kept) {
        return new Entry(kept.caseNumber(), kept.minSupportCaseNumber(), kept.ticketType(), kept.criticality(),
                kept.minSupportReportedAt(), Duration.ofMillis(kept.vendorMs()), true);
    }

    private static Row row(String criticality, AnsweredFigures.Figures answered, List<Entry> open, Instant now) {
        OldestOpen oldest = open.stream().min(Comparator.comparing(Entry::reportedAt).thenComparing(Entry::caseNumber))
                .map(e -> new OldestOpen(e.caseNumber(), e.minSupportCaseNumber(), e.reportedAt(),
                        IsoDurations.format(Duration.between(e.reportedAt(), now))))
                .orElse(null);
        return answered == null
                ? new Row(criticality, 0, null, null, open.size(), oldest)
                : new Row(criticality, answered.answered(), IsoDurations.format(answered.median()),
                        IsoDurations.format(answered.p90()), open.size(), oldest);
    }

    /**
     * Every open case that went to MinSupport, from its history (the case rows say which cases):
     * the history of the closed cases is never read, their figures are stored.
     */
    List<Entry> openEntries(Instant now) {
        List<Entry> entries = new ArrayList<>();
        Map<String, List<HistoricActivityInstance>> waits = new LinkedHashMap<>();
        for (SupportCase open : cases.findByClosedAtIsNullAndMinSupportCaseNumberIsNotNullOrderByCaseNumberAsc()) {
            if (open.getProcessInstanceId() != null) {
                List<HistoricActivityInstance> caseWaits = historyService.createHistoricActivityInstanceQuery()
                        .processInstanceId(open.getProcessInstanceId()).activityId(Elements.SUBPROCESS_AWAIT_MINSUPPORT).list();
                if (!caseWaits.isEmpty()) {
                    waits.put(open.getProcessInstanceId(), caseWaits);
                }
            }
        }
        if (waits.isEmpty()) {
            return entries;
        }
        List<HistoricProcessInstance> processes = historyService.createHistoricProcessInstanceQuery()
                .processInstanceIds(waits.keySet()).list().stream()
                .filter(p -> !TERMINATED.contains(p.getState()))
                .toList();
        Map<String, Map<String, Object>> variables = caseClock.processVariables(
                processes.stream().map(HistoricProcessInstance::getId).toList());
        for (HistoricProcessInstance process : processes) {
            List<Interval> intervals = waits.get(process.getId()).stream().map(CaseClock::interval).toList();
            Instant until = process.getEndTime() == null ? now : process.getEndTime().toInstant();
            Instant reportedAt = intervals.stream().map(Interval::start).min(Comparator.naturalOrder()).orElseThrow();
            Map<String, Object> vars = variables.getOrDefault(process.getId(), Map.of());
            entries.add(new Entry(process.getBusinessKey(), (String) vars.get(Vars.MINSUPPORT_CASE_NUMBER),
                    (String) vars.get(Vars.TICKET_TYPE), (String) vars.get(Vars.CRITICALITY), reportedAt,
                    Interval.union(intervals, reportedAt, until), intervals.stream().noneMatch(Interval::running)));
        }
        return entries;
    }
}
