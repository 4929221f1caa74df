package dk.supportflow.minsupport;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An answer or a question from MinSupport that no case waited on when it came. */
@Entity
@Table(name = "minsupport_inbox")
public class InboxEntry {

    public enum Kind { answer, question }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "minsupport_case_number", nullable = false)
    private String minSupportCaseNumber;

    @Column(nullable = false)
    private String kind;

    /** Null once delivered: the case holds it then. */
    private String text;

    @Column(name = "change_request_outcome")
    private String changeRequestOutcome;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    /** The case numbers it reached, comma-separated. */
    @Column(name = "delivered_to")
    private String deliveredTo;

    protected InboxEntry() {
    }

    InboxEntry(String minSupportCaseNumber, Kind kind, String text, String changeRequestOutcome, Instant receivedAt) {
        this.minSupportCaseNumber = minSupportCaseNumber;
        this.kind = kind.name();
        this.text = text;
        this.changeRequestOutcome = changeRequestOutcome;
        this.receivedAt = receivedAt;
    }

    void delivered(Instant when, String caseNumbers) {
        this.deliveredAt = when;
        this.deliveredTo = caseNumbers;
        this.text = null;
    }

    public Long getId() {
        return id;
    }

    public String getMinSupportCaseNumber() {
        return minSupportCaseNumber;
    }

    public Kind getKind() {
        return Kind.valueOf(kind);
    }

    public String getText() {
        return text;
    }

    public String getChangeRequestOutcome() {
        return changeRequestOutcome;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    public String getDeliveredTo() {
        return deliveredTo;
    }
}
