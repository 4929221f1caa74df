package dk.supportflow.notification;

import dk.supportflow.platform.Gauges;
import dk.supportflow.platform.RefreshedFigures;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Unsent mails in the outbox by status. */
@Component
class MailGauges implements Gauges {

    private final RefreshedFigures<Map<OutboxMail.Status, Long>> unsent;

    MailGauges(OutboxMailRepository outbox) {
        this.unsent = new RefreshedFigures<>("mails", () -> {
            Map<OutboxMail.Status, Long> counts = new EnumMap<>(OutboxMail.Status.class);
            outbox.countUnsent().forEach(count -> counts.put(count.getStatus(), count.getCount()));
            return counts;
        }, Map.of());
    }

    @Override
    public void register(MeterRegistry registry) {
        for (OutboxMail.Status status : List.of(OutboxMail.Status.PENDING, OutboxMail.Status.SENDING, OutboxMail.Status.FAILED)) {
            Gauge.builder("supportflow.mails", unsent, figures -> figures.get().getOrDefault(status, 0L))
                    .description("Unsent mails in the outbox by status").tag("status", status.name()).register(registry);
        }
    }

    @Override
    public void refresh() {
        unsent.refresh();
    }
}
