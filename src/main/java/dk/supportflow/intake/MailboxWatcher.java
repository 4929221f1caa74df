package dk.supportflow.intake;

import dk.supportflow.notification.IntakeSettings;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One read of the support mailbox: each unread mail is taken once (its Message-ID is kept; the
 * same mail seen again, on this node or another, is only put away) and handled in a transaction
 * of its own with everything it leads to, then moved to the handled folder. A mail whose handling
 * fails stays unread and is tried again at the next read; it does not stop the others. After
 * {@value #TRIES} failures in a row it is left in the mailbox marked as read for a person (marked
 * unread again, it gets as many new tries), so no mail is tried for ever. A mailbox
 * that cannot be read is one log line, and after the threshold of failed reads in a row an
 * incident in Cockpit, resolved by the next read that works, as for the driftsside.
 */
@Service
public class MailboxWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxWatcher.class);
    /** Tries of one mail, one per read: enough to ride out a case that is busy or the database that blinked. */
    static final int TRIES = 5;

    public enum Status {
        READ, OFF, FAILED, DOWN;

        public String value() {
            return name().toLowerCase();
        }
    }

    public record Poll(Status status, int handled) {
    }

    private final IntakeSettings settings;
    private final Mailbox mailbox;
    private final MailRouter router;
    private final IntakeMailRepository taken;
    private final IntakeFailureRepository failures;
    private final IntakeStateRepository states;
    private final MailboxIncidents incidents;
    private final Clock clock;
    private final TransactionTemplate perMail;
    private final AtomicBoolean offLogged = new AtomicBoolean();

    public MailboxWatcher(IntakeSettings settings, Mailbox mailbox, MailRouter router, IntakeMailRepository taken,
            IntakeFailureRepository failures, IntakeStateRepository states, MailboxIncidents incidents, Clock clock,
            PlatformTransactionManager transactions) {
        this.settings = settings;
        this.mailbox = mailbox;
        this.router = router;
        this.taken = taken;
        this.failures = failures;
        this.states = states;
        this.incidents = incidents;
        this.clock = clock;
        this.perMail = new TransactionTemplate(transactions);
        perMail.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Transactional
    public Poll poll() {
        if (!settings.enabled()) {
            if (offLogged.compareAndSet(false, true)) {
                LOG.info("No support mailbox to read: supportflow.mail.intake is not enabled");
            }
            return new Poll(Status.OFF, 0);
        }
        // the row locked for the whole read: two reads that overlap take the mails one after the other
        IntakeState state = states.lock().orElseThrow();
        int handled = 0;
        try (Mailbox.Connection connection = mailbox.open()) {
            for (Message message : connection.unread()) {
                if (take(connection, message)) {
                    handled++;
                }
            }
        } catch (MessagingException e) {
            return failed(state, e.toString());
        }
        int failuresBefore = state.succeeded(clock.instant());
        if (failuresBefore > 0) {
            LOG.info("Support mailbox {} read again after {} failed reads", settings.describe(), failuresBefore);
            incidents.resolveAll();
        }
        if (handled > 0) {
            LOG.info("Support mailbox {} read: {} mails taken in", settings.describe(), handled);
        }
        return new Poll(Status.READ, handled);
    }

    /** Handles one mail once; returns whether it was new. Put away either way, unless its handling failed. */
    private boolean take(Mailbox.Connection connection, Message message) throws MessagingException {
        MimeMessage copy = connection.copyOf(message);
        IncomingMail mail;
        try {
            mail = IncomingMail.of(copy, settings.maxBytes());
        } catch (MessagingException | IOException | RuntimeException e) {
            // the copy is here already: what cannot be read is the mail itself, and reading it again will not help
            LOG.warn("Mail {} cannot be read ({}); it is left in {} marked as read for a person to look at",
                    copy.getMessageID(), e.getClass().getSimpleName(), settings.folder());
            connection.markRead(message);
            return false;
        }
        Boolean isNew;
        try {
            isNew = perMail.execute(status -> {
                if (taken.existsByMessageId(mail.messageId())) {
                    return false;
                }
                IntakeMailRecord record = taken.saveAndFlush(new IntakeMailRecord(mail.messageId(), clock.instant()));
                MailRouter.Routed routed = router.route(mail);
                record.handled(routed.outcome(), routed.caseNumber());
                failures.deleteById(mail.messageId());
                LOG.info("Mail {} taken in: {}{}", mail.messageId(), routed.outcome(),
                        routed.caseNumber() == null ? "" : " (" + routed.caseNumber() + ")");
                return true;
            });
        } catch (DataIntegrityViolationException e) {
            // another node took it at the same moment
            isNew = false;
        } catch (RuntimeException e) {
            mailFailed(connection, message, mail.messageId(), e);
            return false;
        }
        connection.putAway(message);
        return Boolean.TRUE.equals(isNew);
    }

    /** Tried again at the next read, or after the last try left for a person. */
    private void mailFailed(Mailbox.Connection connection, Message message, String messageId, RuntimeException e)
            throws MessagingException {
        Integer inARow = perMail.execute(status -> {
            IntakeFailure failure = failures.findById(messageId).orElseGet(() -> new IntakeFailure(messageId));
            int count = failure.failedAgain(clock.instant());
            if (count < TRIES) {
                failures.save(failure);
            } else {
                failures.delete(failure);
            }
            return count;
        });
        if (inARow < TRIES) {
            LOG.warn("Mail {} not taken in ({}): try {} of {}; it stays unread and is tried again at the next read",
                    messageId, e, inARow, TRIES);
            return;
        }
        LOG.error("Mail {} not taken in ({}) after {} tries; it is left in {} marked as read for a person to look at",
                messageId, e, inARow, settings.folder());
        connection.markRead(message);
    }

    private Poll failed(IntakeState state, String reason) {
        int failures = state.failed(reason, clock.instant());
        int threshold = settings.failureThreshold();
        if (failures == threshold) {
            LOG.error("Support mailbox {} not read ({}): {} failures in a row. An incident '{}' is open in Cockpit until it "
                    + "is read again", settings.describe(), reason, failures, MailboxIncidents.INCIDENT_TYPE);
            return new Poll(Status.DOWN, 0);
        }
        LOG.warn("Support mailbox {} not read ({}): failure {} in a row{}; trying again at the next read", settings.describe(),
                reason, failures, failures < threshold ? ", an incident after " + threshold : ", the incident stays open");
        return new Poll(Status.FAILED, 0);
    }
}
