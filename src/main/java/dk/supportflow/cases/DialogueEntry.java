package dk.supportflow.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One turn of the dialogue with MinSupport: a question from the vendor, or the reporter's answer. */
@Entity
@Table(name = "minsupport_dialogue")
public class DialogueEntry {

    public static final String MINSUPPORT = "minsupport";
    public static final String REPORTER = "reporter";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Column(name = "said_at", nullable = false)
    private Instant saidAt;

    @Column(nullable = false)
    private String party;

    /** Who wrote it: the reporter's user id; null for MinSupport. */
    private String author;

    @Column(nullable = false)
    private String text;

    protected DialogueEntry() {
    }

    DialogueEntry(Long caseId, Instant saidAt, String party, String author, String text) {
        this.caseId = caseId;
        this.saidAt = saidAt;
        this.party = party;
        this.author = author;
        this.text = text;
    }

    public Instant getSaidAt() {
        return saidAt;
    }

    public String getParty() {
        return party;
    }

    public String getAuthor() {
        return author;
    }

    public String getText() {
        return text;
    }
}
