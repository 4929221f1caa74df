package dk.supportflow.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Supportflow's own gauges for /actuator/prometheus: each feature's {@link Gauges} (open cases by
 * stage and the wait on MinSupport in cases, unsent mails in notification) and here the job
 * executor's backlog. The figures are read every {@code supportflow.metrics.refresh-interval} and
 * hold no personal data.
 */
@Component
public class SupportflowMetrics implements MeterBinder {

    record Jobs(long executable, long failed) {
    }

    private final List<Gauges> features;
    private final RefreshedFigures<Jobs> jobs;

    public SupportflowMetrics(List<Gauges> features, ManagementService managementService) {
        this.features = features;
        this.jobs = new RefreshedFigures<>("jobs", () -> new Jobs(managementService.createJobQuery().executable().count(),
                managementService.createJobQuery().noRetriesLeft().count()), new Jobs(0, 0));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        features.forEach(feature -> feature.register(registry));
        Gauge.builder("supportflow.jobs.executable", jobs, figures -> figures.get().executable())
                .description("Job executor backlog: due jobs with retries left (async steps, timers)").register(registry);
        Gauge.builder("supportflow.jobs.failed", jobs, figures -> figures.get().failed())
                .description("Jobs without retries left (incidents)").register(registry);
    }

    @Scheduled(fixedDelayString = "${supportflow.metrics.refresh-interval}",
            initialDelayString = "${supportflow.metrics.refresh-interval}")
    public void refresh() {
        features.forEach(Gauges::refresh);
        jobs.refresh();
    }
}
