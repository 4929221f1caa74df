package dk.supportflow.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The health of mail delivery, read from the outbox instead of by connecting to the SMTP server
 * at every health check (cheap, and the same answer on every node). {@code DEGRADED} when a
 * mail has waited past its due time for longer than {@code supportflow.mail.health-overdue}
 * or has FAILED: the cases go on, but people are not told. It replaces Spring Boot's SMTP check
 * ({@code management.health.mail.enabled=false}).
 */
@Component("mail")
public class MailHealth extends AbstractHealthIndicator {

    public static final Status DEGRADED = new Status("DEGRADED", "Mails are not getting through");

    private final OutboxMailRepository outbox;
    private final Clock clock;
    private final Duration overdue;

    public MailHealth(OutboxMailRepository outbox, Clock clock, @Value("${supportflow.mail.health-overdue}") Duration overdue) {
        super("Mail health check failed");
        this.outbox = outbox;
        this.clock = clock;
        this.overdue = overdue;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Instant now = clock.instant();
        long pending = 0;
        long failed = 0;
        Instant oldestDue = null;
        for (OutboxMailRepository.StatusCount count : outbox.countUnsent()) {
            switch (count.getStatus()) {
                case PENDING -> {
                    pending = count.getCount();
                    oldestDue = count.getOldestDue();
                }
                case FAILED -> failed = count.getCount();
                default -> {
                }
            }
        }
        Duration overdueBy = oldestDue == null || oldestDue.isAfter(now) ? Duration.ZERO : Duration.between(oldestDue, now);
        builder.status(failed > 0 || overdueBy.compareTo(overdue) > 0 ? DEGRADED : Status.UP)
                .withDetail("pending", pending)
                .withDetail("failed", failed)
                .withDetail("oldestPendingOverdueSeconds", overdueBy.toSeconds());
    }
}
