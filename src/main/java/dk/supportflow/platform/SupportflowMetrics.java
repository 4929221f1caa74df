package dk.supportflow.platform;

import dk.supportflow.cases.CaseStage;
import dk.supportflow.cases.SupportCaseProcess;
import dk.supportflow.notification.OutboxMail;
import dk.supportflow.notification.OutboxMailRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Supportflow's own gauges for /actuator/prometheus: open cases by stage, cases waiting on
 * MinSupport and the oldest wait, the job executor's backlog, and unsent mails by status.
 * The figures are read from the database every {@code supportflow.metrics.refresh-interval}
 * (not per scrape, so that scrapes of several nodes cost nothing) and hold no personal data.
 */
@Component
public class SupportflowMetrics implements MeterBinder {

    private static final Logger LOG = LoggerFactory.getLogger(SupportflowMetrics.class);

    /** The wait states of every running case (Camunda's runtime table, one row per active execution). */
    private static final String ACTIVE_ACTIVITIES = """
            select e.PROC_INST_ID_, e.ACT_ID_ from ACT_RU_EXECUTION e join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_
            where d.KEY_ = ? and e.IS_ACTIVE_ = true""";

    record Snapshot(Map<CaseStage, Long> openByStage, long waitingOnMinSupport, Duration oldestMinSupportWait,
            long executableJobs, long failedJobs, Map<OutboxMail.Status, Long> unsentMails) {
    }

    private final JdbcTemplate jdbc;
    private final HistoryService historyService;
    private final ManagementService managementService;
    private final OutboxMailRepository outbox;
    private final Clock clock;
    private volatile Snapshot snapshot;

    public SupportflowMetrics(JdbcTemplate jdbc, HistoryService historyService, ManagementService managementService,
            OutboxMailRepository outbox, Clock clock) {
        this.jdbc = jdbc;
        this.historyService = historyService;
        this.managementService = managementService;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (CaseStage stage : CaseStage.values()) {
            if (stage != CaseStage.CLOSED) {
                Gauge.builder("supportflow.cases.open", this, m -> m.snapshot().openByStage().getOrDefault(stage, 0L))
                        .description("Running support cases by stage").tag("stage", stage.key()).register(registry);
            }
        }
        Gauge.builder("supportflow.minsupport.waiting", this, m -> m.snapshot().waitingOnMinSupport())
                .description("Cases waiting on MinSupport's answer now").register(registry);
        TimeGauge.builder("supportflow.minsupport.waiting.oldest", this, TimeUnit.SECONDS,
                        m -> m.snapshot().oldestMinSupportWait().toSeconds())
                .description("How long the case that has waited longest on MinSupport has waited so far").register(registry);
        Gauge.builder("supportflow.jobs.executable", this, m -> m.snapshot().executableJobs())
                .description("Job executor backlog: due jobs with retries left (async steps, timers)").register(registry);
        Gauge.builder("supportflow.jobs.failed", this, m -> m.snapshot().failedJobs())
                .description("Jobs without retries left (incidents)").register(registry);
        for (OutboxMail.Status status : List.of(OutboxMail.Status.PENDING, OutboxMail.Status.SENDING, OutboxMail.Status.FAILED)) {
            Gauge.builder("supportflow.mails", this, m -> m.snapshot().unsentMails().getOrDefault(status, 0L))
                    .description("Unsent mails in the outbox by status").tag("status", status.name()).register(registry);
        }
    }

    Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null) {
            refresh();
            current = snapshot;
        }
        return current;
    }

    @Scheduled(fixedDelayString = "${supportflow.metrics.refresh-interval}",
            initialDelayString = "${supportflow.metrics.refresh-interval}")
    public void refresh() {
        try {
            snapshot = read();
        } catch (RuntimeException e) {
            // keep the last figures; a failing database shows in the health check
            LOG.warn("Metrics not refreshed ({})", e.getClass().getSimpleName());
            if (snapshot == null) {
                snapshot = new Snapshot(Map.of(), 0, Duration.ZERO, 0, 0, Map.of());
            }
        }
    }

    private Snapshot read() {
        Map<String, List<String>> activitiesByCase = new HashMap<>();
        jdbc.query(ACTIVE_ACTIVITIES, (java.sql.ResultSet row) -> {
            List<String> activities = activitiesByCase.computeIfAbsent(row.getString(1), id -> new ArrayList<>());
            if (row.getString(2) != null) {
                activities.add(row.getString(2));
            }
        }, SupportCaseProcess.PROCESS_KEY);
        Map<CaseStage, Long> openByStage = new EnumMap<>(CaseStage.class);
        activitiesByCase.values().forEach(activities -> openByStage.merge(CaseStage.of(activities), 1L, Long::sum));

        Instant now = clock.instant();
        List<HistoricActivityInstance> waits = historyService.createHistoricActivityInstanceQuery()
                .activityId(SupportCaseProcess.Elements.SUBPROCESS_AWAIT_MINSUPPORT).unfinished().list();
        Duration oldestWait = waits.stream().map(wait -> Duration.between(wait.getStartTime().toInstant(), now))
                .max(Duration::compareTo).orElse(Duration.ZERO);

        Map<OutboxMail.Status, Long> unsent = new EnumMap<>(OutboxMail.Status.class);
        outbox.countUnsent().forEach(count -> unsent.put(count.getStatus(), count.getCount()));

        return new Snapshot(openByStage, waits.size(), oldestWait,
                managementService.createJobQuery().executable().count(),
                managementService.createJobQuery().noRetriesLeft().count(), unsent);
    }
}
