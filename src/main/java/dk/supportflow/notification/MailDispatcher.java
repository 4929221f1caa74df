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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.dao.DataAccessException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
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
 * for whatever is still due (SMTP down, node restarted). Due mails go in batches of
 * {@value #BATCH}: claimed in one transaction, sent over one SMTP connection, recorded in one.
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
    private final IntakeSettings intake;
    private final String from;
    /** Mails claimed, sent over one SMTP connection and recorded together. */
    static final int BATCH = 20;

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
            IntakeSettings intake, @Value("${supportflow.mail.from}") String from) {
        this.intake = intake;
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

    /**
     * One run that reads the time from {@code now}; tests pass a clock ahead to skip the backoff
     * waits. Due mails go in batches: claimed in one transaction, sent over one SMTP connection,
     * recorded in one transaction.
     */
    int dispatch(Clock now) {
        recordWhatWasSent(now.instant());
        Instant claimTime = databaseClock.now();
        releaseStaleClaims(claimTime, now.instant());
        int sent = 0;
        List<Long> due = repository.findDueIds(now.instant());
        for (int from = 0; from < due.size(); from += BATCH) {
            List<OutboxMail> claimed = claim(due.subList(from, Math.min(due.size(), from + BATCH)), now.instant(), claimTime);
            Batch batch = send(claimed);
            recordSent(batch.sent(), now.instant());
            sent += batch.sent().size();
            batch.failed().forEach((mail, e) -> recordFailure(mail, e, now.instant()));
            if (batch.unavailable() != null) {
                // the next mails would only wait for the same timeouts: one is charged an attempt, the others wait
                recordFailure(batch.unsent().get(0), batch.unavailable(), now.instant());
                release(batch.unsent().subList(1, batch.unsent().size()));
                int waiting = batch.unsent().size() - 1 + Math.max(0, due.size() - from - BATCH);
                if (waiting > 0) {
                    LOG.warn("SMTP server unavailable ({}); {} more due mails wait for the next run", rootCause(batch.unavailable()),
                            waiting);
                }
                break;
            }
        }
        return sent;
    }

    /** What became of a batch: sent, failed one by one, or (unavailable set) not sent for want of a server. */
    private record Batch(List<OutboxMail> sent, Map<OutboxMail, Exception> failed, List<OutboxMail> unsent,
            Exception unavailable) {
    }

    private Batch send(List<OutboxMail> claimed) {
        Map<MimeMessage, OutboxMail> messages = new LinkedHashMap<>();
        Map<OutboxMail, Exception> failed = new LinkedHashMap<>();
        for (OutboxMail mail : claimed) {
            try {
                messages.put(message(mail), mail);
            } catch (MessagingException | RuntimeException e) {
                failed.put(mail, e);
            }
        }
        if (messages.isEmpty()) {
            return new Batch(List.of(), failed, List.of(), null);
        }
        try {
            mailSender.send(messages.keySet().toArray(MimeMessage[]::new));
            return new Batch(List.copyOf(messages.values()), failed, List.of(), null);
        } catch (MailException e) {
            Map<Object, Exception> perMessage = e instanceof MailSendException send ? send.getFailedMessages() : Map.of();
            List<OutboxMail> sent = new ArrayList<>();
            List<OutboxMail> unsent = new ArrayList<>();
            Exception unavailable = null;
            for (Map.Entry<MimeMessage, OutboxMail> entry : messages.entrySet()) {
                Exception cause = perMessage.isEmpty() ? e : perMessage.get(entry.getKey());
                if (cause == null) {
                    sent.add(entry.getValue());
                } else if (serverUnavailable(cause) || serverUnavailable(e)) {
                    unsent.add(entry.getValue());
                    unavailable = unavailable == null ? cause : unavailable;
                } else {
                    failed.put(entry.getValue(), cause);
                }
            }
            return new Batch(sent, failed, unsent, unavailable);
        }
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

    /**
     * Claims the batch's mails in one transaction, each by its own conditional update: only the
     * rows this run changed are its own (another run may stamp the same time). Returns them as
     * stored (claimed_at is the claim's token).
     */
    private List<OutboxMail> claim(List<Long> ids, Instant now, Instant claimTime) {
        return transactions.execute(status -> {
            List<Long> mine = ids.stream().filter(id -> repository.claim(id, now, claimTime) == 1).toList();
            if (mine.isEmpty()) {
                return List.<OutboxMail>of();
            }
            // in the order they were due: the first is the one charged when the server is away
            Map<Long, OutboxMail> byId = repository.findAllById(mine).stream()
                    .collect(Collectors.toMap(OutboxMail::getId, mail -> mail));
            return mine.stream().map(byId::get).toList();
        });
    }

    /** Claimed mails not tried (the server was unavailable) go back to the queue without an attempt. */
    private void release(List<OutboxMail> mails) {
        if (!mails.isEmpty()) {
            transactions.executeWithoutResult(status -> mails.forEach(mail -> repository.releaseClaim(mail.getId(),
                    mail.getClaimedAt())));
        }
    }

    private MimeMessage message(OutboxMail mail) throws MessagingException {
        String messageId = MailReferences.messageId(mail.getId(), from);
        Session session = mailSender instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // saveChanges() would give it a new one on every attempt
                setHeader("Message-ID", messageId);
            }
        };
        Optional<Mail.Attachment> attachment = mail.attachment();
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED, "UTF-8");
        helper.setFrom(from);
        helper.setTo(mail.getRecipient());
        // a reply reaches the support mailbox, which the intake reads
        if (intake.enabled() && !intake.address().isBlank()) {
            helper.setReplyTo(intake.address());
        }
        helper.setSubject(mail.getSubject());
        helper.setText(mail.getBody(), MailHtml.of(mail.getSubject(), mail.getBody()));
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

    /** Records the batch's sent mails in one transaction. */
    private void recordSent(List<OutboxMail> sent, Instant now) {
        if (sent.isEmpty()) {
            return;
        }
        try {
            transactions.executeWithoutResult(status -> sent.forEach(mail -> recordSent(mail.getId(), mail.getClaimedAt(), now)));
        } catch (DataAccessException | TransactionException e) {
            // sent, but the database is away: sending them again would deliver them twice
            sent.forEach(mail -> sentNotRecorded.put(mail.getId(), mail.getClaimedAt()));
            LOG.warn("Mails {} were sent; recording that waits for the database ({})",
                    sent.stream().map(OutboxMail::getId).toList(), rootCause(e));
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
                    current.failed(e.getClass().getSimpleName() + ": " + e.getMessage() + " (" + cause + ")", policy, now);
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
