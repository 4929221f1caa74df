package dk.supportflow.driftsside;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A support case that matches a known error: found at the case's intake or when the known error
 * was registered from the driftsside. When a release fixes the error, the case's reporter is
 * told once ({@code reporterNotifiedAt}).
 */
@Entity
@Table(name = "known_error_case")
public class KnownErrorCase {

    /** When the match was found. */
    public enum MatchedAt {
        intake, review
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "known_error_id", nullable = false)
    private Long knownErrorId;

    @Column(name = "case_number", nullable = false)
    private String caseNumber;

    @Column(name = "matched_at", nullable = false)
    private String matchedAt;

    @Column(name = "minsupport_case_number")
    private String minSupportCaseNumber;

    @Column(name = "linked_at", nullable = false)
    private Instant linkedAt;

    @Column(name = "reporter_notified_at")
    private Instant reporterNotifiedAt;

    /**
     * When the case registered the link (Task_RegisterKnownError); a link made at intake is
     * registered at once, one made at review when the job after the message has run.
     */
    @Column(name = "registered_at")
    private Instant registeredAt;

    protected KnownErrorCase() {
    }

    KnownErrorCase(Long knownErrorId, String caseNumber, MatchedAt matchedAt, String minSupportCaseNumber, Instant linkedAt) {
        this.knownErrorId = knownErrorId;
        this.caseNumber = caseNumber;
        this.matchedAt = matchedAt.name();
        this.minSupportCaseNumber = minSupportCaseNumber;
        this.linkedAt = linkedAt;
        this.registeredAt = matchedAt == MatchedAt.intake ? linkedAt : null;
    }

    void registered(Instant when) {
        this.registeredAt = when;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }

    void reporterNotified(Instant when) {
        this.reporterNotifiedAt = when;
    }

    public Long getKnownErrorId() {
        return knownErrorId;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public MatchedAt getMatchedAt() {
        return MatchedAt.valueOf(matchedAt);
    }

    public String getMinSupportCaseNumber() {
        return minSupportCaseNumber;
    }

    public Instant getLinkedAt() {
        return linkedAt;
    }

    public Instant getReporterNotifiedAt() {
        return reporterNotifiedAt;
    }
}
