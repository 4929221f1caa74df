package dk.supportflow.notification;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox: right after the transaction that wrote a mail commits, and on a schedule
 * for whatever is still pending (SMTP down, node restarted). A mail is claimed before it is
 * sent, so two threads or nodes never send the same one.
 */
@Component
public class MailDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(MailDispatcher.class);

    private final OutboxMailRepository repository;
    private final JavaMailSender mailSender;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String from;
    private final int maxAttempts;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "mail-dispatcher");
        thread.setDaemon(true);
        return thread;
    });

    public MailDispatcher(OutboxMailRepository repository, JavaMailSender mailSender, TransactionTemplate transactions,
            Clock clock, @Value("${supportflow.mail.from}") String from,
            @Value("${supportflow.mail.max-attempts}") int maxAttempts) {
        this.repository = repository;
        this.mailSender = mailSender;
        this.transactions = transactions;
        this.clock = clock;
        this.from = from;
        this.maxAttempts = maxAttempts;
    }

    void dispatchSoon() {
        executor.execute(this::dispatchPending);
    }

    /** Sends every pending mail; returns how many were sent. */
    @Scheduled(fixedDelayString = "${supportflow.mail.dispatch-interval}")
    public int dispatchPending() {
        int sent = 0;
        for (Long id : repository.findPendingIds()) {
            if (claim(id) && send(id)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean claim(Long id) {
        return Boolean.TRUE.equals(transactions.execute(status -> repository.claim(id) == 1));
    }

    private boolean send(Long id) {
        OutboxMail mail = repository.findById(id).orElseThrow();
        try {
            MimeMessage message = mailSender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(mail.getRecipient());
            helper.setSubject(mail.getSubject());
            helper.setText(mail.getBody(), false);
            mailSender.send(message);
            mail.sent(clock.instant());
            transactions.executeWithoutResult(status -> repository.save(mail));
            return true;
        } catch (MailException | MessagingException e) {
            mail.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), maxAttempts);
            transactions.executeWithoutResult(status -> repository.save(mail));
            // the outbox id, not the address: logs carry no personal data
            LOG.warn("Mail {} not sent (attempt {} of {}): {}", id, mail.getAttempts(), maxAttempts, e.getClass().getSimpleName());
            return false;
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
