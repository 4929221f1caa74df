package dk.supportflow.notification;

import dk.supportflow.domain.Refused;
import dk.supportflow.privacy.Cpr;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes mails into the outbox inside the caller's transaction. If that transaction rolls back
 * (a failed and later retried job), the mail is gone with it, so a retried job never mails
 * twice; once it commits, the dispatcher sends it.
 *
 * <p>Every row carries an idempotency key, unique in the table: case, purpose, recipient, step
 * and the mail's text (one job may send two different mails of one purpose, e.g. two pieces of
 * new information). Inside a Camunda job the step is the job, so the same job run again (after a
 * commit whose outcome it never learned, or by a second node once its lock ran out) finds its
 * mail written and adds none; outside a job every call is a step of its own.
 */
@Service
public class MailOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);

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
        String step = currentStep();
        for (String recipient : mail.recipients()) {
            String key = idempotencyKey(mail.caseNumber(), mail.purpose(), recipient, step, subject + "\n" + body);
            if (repository.existsByIdempotencyKey(key)) {
                LOG.info("Mail '{}' of case {} was written by an earlier run of this step; not written again", mail.purpose(),
                        mail.caseNumber());
                continue;
            }
            OutboxMail row = new OutboxMail(mail.caseNumber(), key, recipient, subject, body, clock.instant());
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
                .orElseThrow(() -> Refused.notFound("Mailen med id " + id + " findes ikke."));
        switch (mail.getStatus()) {
            case SENT -> throw Refused.conflict("Mailen med id " + id + " er allerede sendt.");
            case SENDING -> throw Refused.conflict("Mailen med id " + id + " er ved at blive sendt.");
            case PENDING, FAILED -> mail.retry(clock.instant());
        }
        incidents.resolve(id);
        dispatchAfterCommit();
        return mail;
    }

    /** The Camunda job being executed, or a step of its own where no job runs. */
    private static String currentStep() {
        CommandContext command = Context.getCommandContext();
        JobEntity job = command == null ? null : command.getCurrentJob();
        return job != null ? "job:" + job.getId() : "call:" + UUID.randomUUID();
    }

    /** A hash, so the key is short and holds no address. */
    static String idempotencyKey(String caseNumber, String purpose, String recipient, String step, String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(String.join("\u0000", String.valueOf(caseNumber),
                    purpose, recipient, step, text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
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
