package dk.supportflow.notification;

import dk.supportflow.privacy.Cpr;
import dk.supportflow.web.ApiException;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes mails into the outbox inside the caller's transaction. If that transaction rolls back
 * (a failed and later retried job), the mail is gone with it, so a retried job never mails
 * twice; once it commits, the dispatcher sends it.
 */
@Service
public class MailOutbox {

    private final OutboxMailRepository repository;
    private final MailDispatcher dispatcher;
    private final MailDeliveryIncidents incidents;
    private final Clock clock;

    public MailOutbox(OutboxMailRepository repository, MailDispatcher dispatcher, MailDeliveryIncidents incidents,
            Clock clock) {
        this.repository = repository;
        this.dispatcher = dispatcher;
        this.incidents = incidents;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(Mail mail) {
        // last line of defence: no mail carries a CPR number, whatever text went into it
        String subject = Cpr.maskInText(mail.subject());
        String body = Cpr.maskInText(mail.body());
        for (String recipient : mail.recipients()) {
            OutboxMail row = new OutboxMail(mail.caseNumber(), recipient, subject, body, clock.instant());
            if (mail.attachment() != null) {
                row.attach(mail.attachment());
            }
            repository.save(row);
        }
        dispatchAfterCommit();
    }

    /**
     * Sends a mail again now: a FAILED one with all its attempts anew (and its incident resolved),
     * a PENDING one without waiting for its next attempt.
     */
    @Transactional
    public OutboxMail retry(Long id) {
        OutboxMail mail = repository.lockById(id)
                .orElseThrow(() -> ApiException.notFound("Mailen med id " + id + " findes ikke."));
        switch (mail.getStatus()) {
            case SENT -> throw ApiException.conflict("Mailen med id " + id + " er allerede sendt.");
            case SENDING -> throw ApiException.conflict("Mailen med id " + id + " er ved at blive sendt.");
            case PENDING, FAILED -> mail.retry(clock.instant());
        }
        incidents.resolve(id);
        dispatchAfterCommit();
        return mail;
    }

    private void dispatchAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                dispatcher.dispatchSoon();
            }
        });
    }
}
