package dk.supportflow.notification;

import dk.supportflow.privacy.Cpr;
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
    private final Clock clock;

    public MailOutbox(OutboxMailRepository repository, MailDispatcher dispatcher, Clock clock) {
        this.repository = repository;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(Mail mail) {
        // last line of defence: no mail carries a CPR number, whatever text went into it
        String subject = Cpr.maskInText(mail.subject());
        String body = Cpr.maskInText(mail.body());
        for (String recipient : mail.recipients()) {
            repository.save(new OutboxMail(mail.caseNumber(), recipient, subject, body, clock.instant()));
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                dispatcher.dispatchSoon();
            }
        });
    }
}
