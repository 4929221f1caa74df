package dk.supportflow.privacy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * One look-up or erasure of personal data. Holds case numbers only, never the CPR number or its
 * lookup value: the audit trail must not become a register of who asked about which citizen.
 */
@Entity
@Table(name = "privacy_audit")
public class PrivacyAudit {

    public enum Action { FIND, ERASE, RETENTION }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Action action;

    @Column(name = "case_count", nullable = false)
    private int caseCount;

    /** Comma-separated, e.g. {@code SUP-2025-000012,SUP-2025-000031}; empty when none. */
    @Column(name = "case_numbers", nullable = false)
    private String caseNumbers;

    protected PrivacyAudit() {
    }

    PrivacyAudit(Instant occurredAt, String actor, Action action, List<String> caseNumbers) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.caseCount = caseNumbers.size();
        this.caseNumbers = String.join(",", caseNumbers);
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public Action getAction() {
        return action;
    }

    public int getCaseCount() {
        return caseCount;
    }

    public List<String> getCaseNumbers() {
        return caseNumbers.isEmpty() ? List.of() : List.of(caseNumbers.split(","));
    }
}
