package dk.supportflow.notification;

import dk.supportflow.platform.DatabaseClock;
import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.dao.DataAccessException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox: right after the transaction that wrote a mail commits, and on a schedule
 * for whatever is still due (SMTP down, node restarted).
 *
 * <p>Never twice: a mail is claimed (PENDING → SENDING, a conditional UPDATE) before it is sent,
 * so two threads or nodes never send the same one, and its outcome is only recorded while that
 * claim still holds. The one exception: a mail that stays SENDING longer than the sending timeout
 * is taken to be left behind by a node that stopped mid-send and goes back to PENDING; if that
 * node had in fact handed it to the SMTP server, it arrives twice (with the same Message-ID).
 * Claims are stamped and judged stale by the database's clock, so a node whose clock runs ahead
 * never takes another node's fresh claim for an old one. A mail sent while the database went away
 * before its sending was recorded is remembered by this node, recorded first when the database is
 * back, and never released as stale by it.
 *
 * <p>Never lost: a failed attempt puts the mail back to PENDING with a later next attempt
 * (see {@link DeliveryPolicy}); when the attempts are spent it becomes FAILED and
 * {@link MailDeliveryIncidents} raises an incident in Cockpit.
 */
@Component
public class MailDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(MailDispatcher.class);

    private final OutboxMailRepository repository;
    private final JavaMailSender mailSender;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final DatabaseClock databaseClock;
    private final DeliveryPolicy policy;
    private final MailDeliveryIncidents incidents;
    private final String from;
    private final AtomicBoolean runQueued = new AtomicBoolean();
    /** Mails this node handed to the SMTP server but could not record as sent yet: id → the claim's token. */
    private final Map<Long, Instant> sentNotRecorded = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "mail-dispatcher");
        thread.setDaemon(true);
        return thread;
    });

    public MailDispatcher(OutboxMailRepository repository, JavaMailSender mailSender, TransactionTemplate transactions,
            Clock clock, DatabaseClock databaseClock, DeliveryPolicy policy, MailDeliveryIncidents incidents,
            @Value("${supportflow.mail.from}") String from) {
        this.databaseClock = databaseClock;
        this.repository = repository;
        this.mailSender = mailSender;
        this.transactions = transactions;
        this.clock = clock;
        this.policy = policy;
        this.incidents = incidents;
        this.from = from;
    }

    /** Sends soon, in the background. One queued run is enough: it takes everything due when it starts. */
    void dispatchSoon() {
        if (!runQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                runQueued.set(false);
                try {
                    dispatchPending();
                } catch (RuntimeException e) {
                    LOG.error("Mail dispatch failed; the scheduled run tries again", e);
                }
            });
        } catch (RejectedExecutionException e) {
            // shutting down: the scheduled run of the next start sends it
            runQueued.set(false);
        }
    }

    /** Sends every due mail; returns how many were sent. */
    @Scheduled(fixedDelayString = "${supportflow.mail.dispatch-interval}")
    public int dispatchPending() {
        return dispatch(clock);
    }

    /** One run that reads the time from {@code now}; tests pass a clock ahead to skip the backoff waits. */
    int dispatch(Clock now) {
        recordWhatWasSent(now.instant());
        Instant claimTime = databaseClock.now();
        releaseStaleClaims(claimTime, now.instant());
        int sent = 0;
        List<Long> due = repository.findDueIds(now.instant());
        for (int i = 0; i < due.size(); i++) {
            OutboxMail mail = claim(due.get(i), now.instant(), claimTime);
            if (mail == null) {
                continue;
            }
            try {
                mailSender.send(message(mail));
            } catch (RuntimeException | MessagingException e) {
                recordFailure(mail, e, now.instant());
                if (serverUnavailable(e)) {
                    // the next mails would only wait for the same timeouts; they are not charged an attempt
                    if (i + 1 < due.size()) {
                        LOG.warn("SMTP server unavailable ({}); {} more due mails wait for the next run", rootCause(e),
                                due.size() - i - 1);
                    }
                    break;
                }
                continue;
            }
            recordSent(mail, now.instant());
            sent++;
        }
        return sent;
    }

    /** A node that stopped mid-send leaves its mail SENDING; after the sending timeout it goes out again. */
    private void releaseStaleClaims(Instant claimTime, Instant now) {
        Instant cutoff = policy.staleClaimsBefore(claimTime);
        for (Long id : repository.findStaleClaimIds(cutoff)) {
            if (!sentNotRecorded.containsKey(id) && Boolean.TRUE.equals(transactions.execute(status -> repository.releaseStaleClaim(id, cutoff, now) == 1))) {
                LOG.warn("Mail {} was SENDING for more than {}, so its sender stopped mid-send; it is sent again "
                        + "and may arrive twice", id, policy.sendingTimeout());
            }
        }
    }

    /** The claimed mail, as stored (its claimed_at is the claim's token), or null if another was first. */
    private OutboxMail claim(Long id, Instant now, Instant claimTime) {
        return transactions.execute(status -> repository.claim(id, now, claimTime) == 1
                ? repository.findById(id).orElse(null) : null);
    }

    /**
     * The Message-ID comes from the outbox row, not from the moment of sending: a mail sent again
     * after an unknown SMTP outcome (a node stopped mid-send, the database gone when the send was
     * to be recorded) is recognisable as the same mail, and mail clients show it once.
     */
    static String messageId(long outboxId, String from) {
        String domain = from.contains("@") ? from.substring(from.lastIndexOf('@') + 1).replace(">", "").strip() : "supportflow";
        return "<supportflow-outbox-" + outboxId + "@" + domain + ">";
    }

    private MimeMessage message(OutboxMail mail) throws MessagingException {
        String messageId = messageId(mail.getId(), from);
        Session session = mailSender instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // saveChanges() would give it a new one on every attempt
                setHeader("Message-ID", messageId);
            }
        };
        Optional<Mail.Attachment> attachment = mail.attachment();
        MimeMessageHelper helper = new MimeMessageHelper(message, attachment.isPresent(), "UTF-8");
        helper.setFrom(from);
        helper.setTo(mail.getRecipient());
        helper.setSubject(mail.getSubject());
        helper.setText(mail.getBody(), false);
        if (attachment.isPresent()) {
            Mail.Attachment file = attachment.get();
            helper.addAttachment(file.fileName(), new ByteArrayResource(file.content()), file.contentType());
        }
        return message;
    }

    /** Records the mails sent while the database was away; throws while it still is. */
    private void recordWhatWasSent(Instant now) {
        for (Map.Entry<Long, Instant> sent : sentNotRecorded.entrySet()) {
            recordSent(sent.getKey(), sent.getValue(), now);
            sentNotRecorded.remove(sent.getKey());
        }
    }

    private void recordSent(OutboxMail claimed, Instant now) {
        try {
            recordSent(claimed.getId(), claimed.getClaimedAt(), now);
        } catch (DataAccessException | TransactionException e) {
            // sent, but the database is away: sending it again would deliver it twice
            sentNotRecorded.put(claimed.getId(), claimed.getClaimedAt());
            LOG.warn("Mail {} was sent; recording that waits for the database ({})", claimed.getId(), rootCause(e));
            throw e;
        }
    }

    private void recordSent(Long id, Instant claimedAt, Instant now) {
        boolean recorded = Boolean.TRUE.equals(transactions.execute(status -> repository.lockById(id)
                .filter(mail -> mail.isClaimedAt(claimedAt))
                .map(mail -> {
                    mail.sent(now);
                    return true;
                })
                .orElse(false)));
        if (!recorded) {
            LOG.warn("Mail {} was sent after it had been released as stale; it may arrive twice", id);
        }
    }

    private void recordFailure(OutboxMail claimed, Exception e, Instant now) {
        String cause = rootCause(e);
        OutboxMail mail = transactions.execute(status -> repository.lockById(claimed.getId())
                .filter(current -> current.isClaimedAt(claimed.getClaimedAt()))
                .map(current -> {
                    current.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), policy, now);
                    return current;
                })
                .orElse(null));
        // the outbox id, never the address: logs carry no personal data
        if (mail == null) {
            LOG.warn("Mail {} not sent ({}), and it had been released as stale meanwhile", claimed.getId(), cause);
        } else if (mail.getStatus() == OutboxMail.Status.FAILED) {
            LOG.error("Mail {} not sent ({}); gave up after {} attempts", mail.getId(), cause, mail.getAttempts());
            incidents.report(mail, cause);
        } else {
            LOG.warn("Mail {} not sent ({}), attempt {} of {}; next attempt at {}", mail.getId(), cause,
                    mail.getAttempts(), policy.maxAttempts(), mail.getNextAttemptAt());
        }
    }

    /** Connection refused or timed out, or the login failed: no mail would get through right now. */
    private static boolean serverUnavailable(Throwable e) {
        return e instanceof MailAuthenticationException || causes(e).anyMatch(IOException.class::isInstance);
    }

    /** The innermost cause's type, e.g. ConnectException or SocketTimeoutException: names no one. */
    private static String rootCause(Throwable e) {
        return causes(e).reduce((first, second) -> second).orElse(e).getClass().getSimpleName();
    }

    /** e and its causes; Spring keeps a failure of the message itself beside the exception, not as its cause. */
    private static Stream<Throwable> causes(Throwable e) {
        Throwable top = e instanceof MailSendException send && send.getCause() == null
                && send.getMessageExceptions().length > 0 ? send.getMessageExceptions()[0] : e;
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = top; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain.stream();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
