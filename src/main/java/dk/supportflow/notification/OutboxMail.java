package dk.supportflow.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A mail written in the same transaction as the work that caused it, sent after that commits.
 * PENDING (waiting, possibly after failed attempts, until next_attempt_at) → SENDING (claimed by
 * one dispatcher) → SENT, or back to PENDING after a failed attempt, or FAILED when the attempts
 * are spent.
 */
@Entity
@Table(name = "outbox_mail")
public class OutboxMail {

    public enum Status { PENDING, SENDING, SENT, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_number")
    private String caseNumber;

    /** One row per case, purpose, recipient and step (see MailOutbox): unique in the table. */
    @Column(name = "idempotency_key", nullable = false, updatable = false)
    private String idempotencyKey;

    @Column(nullable = false)
    private String recipient;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    @Column(name = "attachment_name")
    private String attachmentName;

    @Column(name = "attachment_type")
    private String attachmentType;

    @Column(name = "attachment_content")
    private byte[] attachmentContent;

    protected OutboxMail() {
    }

    OutboxMail(String caseNumber, String idempotencyKey, String recipient, String subject, String body, Instant createdAt) {
        this.caseNumber = caseNumber;
        this.idempotencyKey = idempotencyKey;
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.createdAt = createdAt;
        this.nextAttemptAt = createdAt;
        this.status = Status.PENDING;
    }

    void attach(Mail.Attachment attachment) {
        attachmentName = attachment.fileName();
        attachmentType = attachment.contentType();
        attachmentContent = attachment.content();
    }

    /** The file sent along, if any. */
    public Optional<Mail.Attachment> attachment() {
        return attachmentName == null ? Optional.empty()
                : Optional.of(new Mail.Attachment(attachmentName, attachmentType, attachmentContent));
    }

    /** Still held by the claim made at {@code claimedAt}: nobody released and re-claimed it meanwhile. */
    boolean isClaimedAt(Instant claimedAt) {
        return status == Status.SENDING && claimedAt != null && claimedAt.equals(this.claimedAt);
    }

    void sent(Instant when) {
        status = Status.SENT;
        sentAt = when;
        lastError = null;
    }

    /** Records a failed attempt: back to PENDING until the policy's next attempt, or FAILED. */
    void failed(String error, DeliveryPolicy policy, Instant now) {
        attempts++;
        lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
        if (policy.givesUpAfter(attempts)) {
            status = Status.FAILED;
        } else {
            status = Status.PENDING;
            nextAttemptAt = policy.nextAttempt(attempts, now);
        }
    }

    /** An administrator asks for another round: a FAILED mail gets all its attempts again. */
    void retry(Instant now) {
        if (status == Status.FAILED) {
            attempts = 0;
        }
        status = Status.PENDING;
        nextAttemptAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Status getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant getClaimedAt() {
        return claimedAt;
    }
}
