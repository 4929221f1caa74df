package dk.supportflow.knowledge;

import dk.supportflow.knowledge.search.KnowledgeEntry;
import dk.supportflow.knowledge.search.KnowledgeKind;
import dk.supportflow.privacy.Cpr;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A known error from the vendor's driftsside: the symptom users see, the component, what to do
 * meanwhile and the link to the driftsside's description. Registered through the API now, fed by
 * the driftsside watcher when that exists. Retired when the vendor has fixed it.
 */
@Entity
@Table(name = "known_error")
public class KnownError {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String symptom;

    private String component;

    @Column(nullable = false)
    private String workaround;

    @Column(name = "source_link")
    private String sourceLink;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    protected KnownError() {
    }

    public KnownError(String symptom, String component, String workaround, String sourceLink, String createdBy,
            Instant createdAt) {
        this.symptom = Cpr.maskInText(symptom);
        this.component = component;
        this.workaround = Cpr.maskInText(workaround);
        this.sourceLink = sourceLink;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void edit(String symptom, String component, String workaround, String sourceLink) {
        this.symptom = Cpr.maskInText(symptom);
        this.component = component;
        this.workaround = Cpr.maskInText(workaround);
        this.sourceLink = sourceLink;
    }

    public void retire(Instant when) {
        if (retiredAt == null) {
            retiredAt = when;
        }
    }

    public KnowledgeEntry toEntry() {
        return new KnowledgeEntry(KnowledgeKind.KNOWN_ERROR, String.valueOf(id), symptom, symptom, workaround, null,
                component, createdAt, null, sourceLink);
    }

    public Long getId() {
        return id;
    }

    public String getSymptom() {
        return symptom;
    }

    public String getComponent() {
        return component;
    }

    public String getWorkaround() {
        return workaround;
    }

    public String getSourceLink() {
        return sourceLink;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getRetiredAt() {
        return retiredAt;
    }

    public boolean isRetired() {
        return retiredAt != null;
    }
}
