package dk.supportflow.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A mail taken from the support mailbox, once by its Message-ID, and what became of it. */
@Entity
@Table(name = "intake_mail")
class IntakeMailRecord {

    enum Outcome {
        /** A new report: a case was opened. */
        CASE_OPENED,
        /** A reply: information added to its case. */
        INFORMATION_ADDED,
        /** A reply to a closed case: a new case linked to it. */
        FOLLOW_UP_OPENED,
        MINSUPPORT_ANSWER,
        MINSUPPORT_QUESTION,
        /** From MinSupport, but neither an answer nor a question by its subject. */
        MINSUPPORT_OTHER,
        /** Nobody Supportflow knows, or somebody who may not report: answered politely, nothing else. */
        SENDER_ANSWERED,
        /** Refused (too large, bad attachments, a case they may not add to): the sender is told why. */
        REFUSED,
        /** An auto-reply, a bounce, a list or our own mail: left alone. */
        AUTOMATIC
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "message_id", nullable = false, length = 998)
    private String messageId;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private Outcome outcome;

    @Column(name = "case_number", length = 20)
    private String caseNumber;

    protected IntakeMailRecord() {
    }

    IntakeMailRecord(String messageId, Instant receivedAt) {
        this.messageId = messageId;
        this.receivedAt = receivedAt;
        this.outcome = Outcome.AUTOMATIC;
    }

    void handled(Outcome outcome, String caseNumber) {
        this.outcome = outcome;
        this.caseNumber = caseNumber;
    }

    Outcome getOutcome() {
        return outcome;
    }

    String getCaseNumber() {
        return caseNumber;
    }
}
