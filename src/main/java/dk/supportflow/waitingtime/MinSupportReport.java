package dk.supportflow.waitingtime;

import static dk.supportflow.process.SupportCaseProcess.Elements;
import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.cases.SupportCase;
import dk.supportflow.cases.SupportCaseRepository;
import dk.supportflow.minsupport.MinSupportRules;
import dk.supportflow.platform.ClockConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * outlives Camunda's history; open cases (waiting on MinSupport, or answered and not yet closed)
 * from the history. A MinSupport case counts once, however many of our cases follow it: answered
 * with the longest vendor time among its answered cases (the one that reported it), else open
 * since the earliest report. Ændringsønsker are counted apart: they follow a slower path.
 */
@Service
public class MinSupportReport {

    /** The criticalities in order of severity (codes as in {@code criticality}). */
    static final List<String> CRITICALITIES = List.of("kritisk", "hoej", "medium", "lav");
    private static final Set<String> TERMINATED = Set.of(HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED,
            HistoricProcessInstance.STATE_INTERNALLY_TERMINATED);

    private final HistoryService historyService;
    private final CaseWaitingTimeRepository stored;
    private final SupportCaseRepository cases;
    private final CaseClock caseClock;
    private final Clock clock;

    public MinSupportReport(HistoryService historyService, SupportCaseRepository cases, CaseWaitingTimeRepository stored,
            CaseClock caseClock, Clock clock) {
        this.historyService = historyService;
        this.cases = cases;
        this.stored = stored;
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
        return perMinSupportCase(entries(clock.instant(), null, null, false)).stream().filter(e -> !e.answered())
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
        Instant fromInstant = from == null ? null : from.atStartOfDay(ClockConfig.ZONE).toInstant();
        Instant toInstant = to == null ? null : to.plusDays(1).atStartOfDay(ClockConfig.ZONE).toInstant();
        List<Entry> entries = entries(now, fromInstant, toInstant, true).stream()
                .filter(e -> (fromInstant == null || !e.reportedAt().isBefore(fromInstant))
                        && (toInstant == null || e.reportedAt().isBefore(toInstant)))
                .toList();
        return summarise(now, from, to, entries);
    }

    static Report summarise(Instant now, LocalDate from, LocalDate to, List<Entry> entries) {
        Map<String, List<Entry>> byCriticality = new LinkedHashMap<>();
        CRITICALITIES.forEach(c -> byCriticality.put(c, new ArrayList<>()));
        List<Entry> changeRequests = new ArrayList<>();
        for (Entry entry : perMinSupportCase(entries)) {
            if (MinSupportRules.CHANGE_REQUEST.equals(entry.ticketType())) {
                changeRequests.add(entry);
            } else {
                byCriticality.computeIfAbsent(entry.criticality() == null ? "unknown" : entry.criticality(),
                        c -> new ArrayList<>()).add(entry);
            }
        }
        List<Row> rows = byCriticality.entrySet().stream().map(e -> row(e.getKey(), e.getValue(), now)).toList();
        return new Report(now, from, to, rows, row(null, changeRequests, now));
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

    static Row row(String criticality, List<Entry> entries, Instant now) {
        List<Duration> answered = entries.stream().filter(Entry::answered).map(Entry::vendorTime).sorted().toList();
        List<Entry> open = entries.stream().filter(e -> !e.answered()).toList();
        OldestOpen oldest = open.stream().min(Comparator.comparing(Entry::reportedAt).thenComparing(Entry::caseNumber))
                .map(e -> new OldestOpen(e.caseNumber(), e.minSupportCaseNumber(), e.reportedAt(),
                        IsoDurations.format(Duration.between(e.reportedAt(), now))))
                .orElse(null);
        return new Row(criticality, answered.size(), IsoDurations.format(percentile(answered, 0.5)),
                IsoDurations.format(percentile(answered, 0.9)), open.size(), oldest);
    }

    /**
     * The percentile of sorted values, linear between the closest ranks (as PERCENTILE.INC in a
     * spreadsheet; the 0.5 percentile is the usual median). Null for no values.
     */
    static Duration percentile(List<Duration> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        double rank = p * (sorted.size() - 1);
        int lower = (int) Math.floor(rank);
        int upper = Math.min(lower + 1, sorted.size() - 1);
        long low = sorted.get(lower).toMillis();
        long high = sorted.get(upper).toMillis();
        return Duration.ofMillis(low + Math.round((rank - lower) * (high - low)));
    }

    /**
     * Every case that went to MinSupport: the closed ones as stored (reported in the period, when
     * one is given; none when {@code withClosed} is false), the open ones from their history.
     */
    List<Entry> entries(Instant now, Instant from, Instant to, boolean withClosed) {
        List<Entry> entries = new ArrayList<>();
        if (withClosed) {
            for (AnsweredMinSupportCase kept : stored.findAnswered(
                    from == null ? Instant.EPOCH : from, to == null ? now.plus(Duration.ofDays(1)) : to)) {
                entries.add(new Entry(kept.caseNumber(), kept.minSupportCaseNumber(), kept.ticketType(),
                        kept.criticality(), kept.minSupportReportedAt(), Duration.ofMillis(kept.vendorMs()), true));
            }
        }
        // the waits of the open cases that went to MinSupport (the case rows say which): a closed case
        // counts as stored (above), and the history of every closed case is never read
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
