package dk.supportflow.driftsside;

import dk.supportflow.privacy.Cpr;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
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

/** One item of the driftsside, read from the feed or registered by hand, and what its review made of it. */
@Entity
@Table(name = "driftsside_message")
public class DriftssideMessage {

    public enum Source {
        feed, manual
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String guid;

    @Column(nullable = false)
    private String source;

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private String state;

    @Column(nullable = false)
    private String title;

    private String summary;

    private String link;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "registered_by", nullable = false)
    private String registeredBy;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "reviewed_by")
    private String reviewedBy;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    @Column(name = "known_error_id")
    private Long knownErrorId;

    @Column(name = "shared_with_caseworkers", nullable = false)
    private boolean sharedWithCaseworkers;

    @Column(name = "shared_with_support", nullable = false)
    private boolean sharedWithSupport;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "driftsside_fix", joinColumns = @JoinColumn(name = "message_id"))
    @Column(name = "known_error_id")
    @OrderBy
    private Set<Long> fixedKnownErrorIds = new TreeSet<>();

    protected DriftssideMessage() {
    }

    public DriftssideMessage(String guid, Source source, MessageKind kind, String title, String summary, String link,
            Instant publishedAt, String registeredBy, Instant registeredAt) {
        this.guid = guid;
        this.source = source.name();
        this.kind = kind.code();
        this.state = MessageState.AWAITING_REVIEW.code();
        this.title = Cpr.maskInText(title);
        this.summary = summary == null ? null : Cpr.maskInText(summary);
        this.link = link;
        this.publishedAt = publishedAt;
        this.registeredBy = registeredBy;
        this.registeredAt = registeredAt;
    }

    void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** Records the review; the kind follows a known error or release note. */
    void reviewed(MessageState outcome, String by, Instant when, boolean toCaseworkers, boolean toSupport) {
        this.state = outcome.code();
        if (outcome == MessageState.KNOWN_ERROR) {
            this.kind = MessageKind.KENDT_FEJL.code();
        } else if (outcome == MessageState.RELEASE_NOTE) {
            this.kind = MessageKind.RELEASE.code();
        }
        this.reviewedBy = by;
        this.reviewedAt = when;
        this.sharedWithCaseworkers = toCaseworkers;
        this.sharedWithSupport = toSupport;
    }

    void knownError(Long knownErrorId) {
        this.knownErrorId = knownErrorId;
    }

    void fixes(Long knownErrorId) {
        fixedKnownErrorIds.add(knownErrorId);
    }

    public Long getId() {
        return id;
    }

    public String getGuid() {
        return guid;
    }

    public Source getSource() {
        return Source.valueOf(source);
    }

    public MessageKind getKind() {
        return MessageKind.ofCode(kind).orElseThrow();
    }

    public MessageState getState() {
        return MessageState.ofCode(state).orElseThrow();
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    public String getLink() {
        return link;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }

    public String getRegisteredBy() {
        return registeredBy;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }

    public Long getKnownErrorId() {
        return knownErrorId;
    }

    public boolean isSharedWithCaseworkers() {
        return sharedWithCaseworkers;
    }

    public boolean isSharedWithSupport() {
        return sharedWithSupport;
    }

    public Set<Long> getFixedKnownErrorIds() {
        return fixedKnownErrorIds;
    }
}
