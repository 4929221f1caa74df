package dk.supportflow.meetings;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * A recurring error pattern proposed for a gangmøde, with the cases that made it recur. OPEN until
 * a planner chooses it for a gangmøde (PLANNED), COVERED once that gangmøde is recorded as held.
 */
@Entity
@Table(name = "meeting_topic")
public class MeetingTopic {

    public enum Status { OPEN, PLANNED, COVERED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String component;

    @Column(name = "error_class", nullable = false)
    private String errorClass;

    /** The name a supportberettiget gave a topic proposed by hand; null for a recurring error pattern. */
    private String title;

    /** Why it was proposed, for the agenda. */
    private String note;

    /** Who proposed it by hand; null when the recurring errors made it. */
    @Column(name = "proposed_by")
    private String proposedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    /**
     * The pattern while the topic is open or planned, unique in the table: two cases closing at
     * once cannot open two topics for one pattern (the later job fails, and its retry joins the
     * topic). Null for a topic proposed by hand without an error class, and once covered.
     */
    @Column(name = "open_key")
    private String openKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "covered_at")
    private Instant coveredAt;

    @Column(name = "gangmoede_id")
    private Long gangmoedeId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "meeting_topic_case", joinColumns = @JoinColumn(name = "topic_id"))
    @Column(name = "case_number")
    @OrderBy
    private Set<String> caseNumbers = new TreeSet<>();

    protected MeetingTopic() {
    }

    MeetingTopic(ErrorPattern pattern, Instant createdAt) {
        this.component = pattern.component();
        this.errorClass = pattern.errorClass();
        this.status = Status.OPEN;
        this.createdAt = createdAt;
        this.openKey = ErrorPattern.PROPOSED.equals(errorClass) ? null : errorClass + "|" + component;
    }

    static MeetingTopic proposed(ErrorPattern pattern, String title, String note, String proposedBy, Instant createdAt) {
        MeetingTopic topic = new MeetingTopic(pattern, createdAt);
        topic.title = title;
        topic.note = note;
        topic.proposedBy = proposedBy;
        return topic;
    }

    void addCase(String caseNumber) {
        caseNumbers.add(caseNumber);
    }

    void planned(Long gangmoedeId) {
        status = Status.PLANNED;
        this.gangmoedeId = gangmoedeId;
    }

    void covered(Instant when) {
        status = Status.COVERED;
        coveredAt = when;
        openKey = null;
    }

    public Long getId() {
        return id;
    }

    public ErrorPattern pattern() {
        return new ErrorPattern(component, errorClass);
    }

    public String getTitle() {
        return title;
    }

    public String getNote() {
        return note;
    }

    public String getProposedBy() {
        return proposedBy;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getCoveredAt() {
        return coveredAt;
    }

    public Long getGangmoedeId() {
        return gangmoedeId;
    }

    public Set<String> getCaseNumbers() {
        return Set.copyOf(caseNumbers);
    }
}
