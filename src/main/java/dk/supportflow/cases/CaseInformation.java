package dk.supportflow.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** New information that reached a case while it was open (an event from CPR, a colleague's change, ...). */
@Entity
@Table(name = "case_information")
public class CaseInformation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Column(nullable = false)
    private String source;

    @Column(nullable = false)
    private String text;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    /** When the supportberettiget was told about it; null until the job after the event has run. */
    @Column(name = "notified_at")
    private Instant notifiedAt;

    protected CaseInformation() {
    }

    CaseInformation(Long caseId, String source, String text, Instant receivedAt) {
        this.caseId = caseId;
        this.source = source;
        this.text = text;
        this.receivedAt = receivedAt;
    }

    void notified(Instant when) {
        this.notifiedAt = when;
    }

    public Long getId() {
        return id;
    }

    public Instant getNotifiedAt() {
        return notifiedAt;
    }

    public String getSource() {
        return source;
    }

    public String getText() {
        return text;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }
}
