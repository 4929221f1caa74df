package dk.supportflow.cases;

import dk.supportflow.platform.Gauges;
import dk.supportflow.platform.RefreshedFigures;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Open cases by stage, cases waiting on MinSupport and the oldest wait, as the case rows have them. */
@Component
class CaseGauges implements Gauges {

    record Figures(Map<CaseStage, Long> openByStage, long waitingOnMinSupport, Duration oldestMinSupportWait) {
    }

    private final RefreshedFigures<Figures> figures;

    CaseGauges(JdbcTemplate jdbc, Clock clock) {
        this.figures = new RefreshedFigures<>("cases", () -> {
            Map<CaseStage, Long> openByStage = new EnumMap<>(CaseStage.class);
            jdbc.query("select stage, count(*) from support_case where closed_at is null group by stage",
                    (java.sql.ResultSet row) -> {
                        openByStage.merge(CaseStage.ofKey(row.getString(1)), row.getLong(2), Long::sum);
                    });
            return jdbc.queryForObject("select count(*), min(awaiting_since) from support_case "
                    + "where closed_at is null and awaiting_minsupport = true", (row, n) -> {
                        Timestamp oldest = row.getTimestamp(2);
                        return new Figures(openByStage, row.getLong(1),
                                oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), clock.instant()));
                    });
        }, new Figures(Map.of(), 0, Duration.ZERO));
    }

    @Override
    public void register(MeterRegistry registry) {
        for (CaseStage stage : CaseStage.values()) {
            if (stage != CaseStage.CLOSED) {
                Gauge.builder("supportflow.cases.open", figures, f -> f.get().openByStage().getOrDefault(stage, 0L))
                        .description("Running support cases by stage").tag("stage", stage.key()).register(registry);
            }
        }
        Gauge.builder("supportflow.minsupport.waiting", figures, f -> f.get().waitingOnMinSupport())
                .description("Cases waiting on MinSupport's answer now").register(registry);
        TimeGauge.builder("supportflow.minsupport.waiting.oldest", figures, TimeUnit.SECONDS,
                        f -> f.get().oldestMinSupportWait().toSeconds())
                .description("How long the case that has waited longest on MinSupport has waited so far").register(registry);
    }

    @Override
    public void refresh() {
        figures.refresh();
    }
}
