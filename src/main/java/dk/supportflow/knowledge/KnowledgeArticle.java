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
import java.util.Collection;

/** A solved case edited into an article for reuse: title, symptom, cause, solution. Never personal data. */
@Entity
@Table(name = "knowledge_article")
public class KnowledgeArticle {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_number", nullable = false)
    private String caseNumber;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String symptom;

    private String cause;

    @Column(nullable = false)
    private String solution;

    private String component;

    @Column(name = "error_class")
    private String errorClass;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    protected KnowledgeArticle() {
    }

    public KnowledgeArticle(String caseNumber, String title, String symptom, String cause, String solution,
            String component, String errorClass, String createdBy, Instant createdAt) {
        this.caseNumber = caseNumber;
        this.title = Cpr.maskInText(title);
        this.symptom = Cpr.maskInText(symptom);
        this.cause = Cpr.maskInText(cause);
        this.solution = Cpr.maskInText(solution);
        this.component = component;
        this.errorClass = errorClass;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** The writer's improved text; the case it came from, its error class and its author stay. */
    void edit(String title, String symptom, String cause, String solution, String component) {
        this.title = Cpr.maskInText(title);
        this.symptom = Cpr.maskInText(symptom);
        this.cause = Cpr.maskInText(cause);
        this.solution = Cpr.maskInText(solution);
        this.component = component;
    }

    public void retire(Instant when) {
        if (retiredAt == null) {
            retiredAt = when;
        }
    }

    /**
     * The case it was written from is erased: whatever the writer copied from the report
     * (verbatim, at least 20 characters, for shorter ones are common words) is replaced.
     */
    boolean eraseCopiesOf(Collection<String> reportTexts, String placeholder) {
        String before = title + symptom + cause + solution;
        for (String text : reportTexts) {
            if (text != null && text.strip().length() >= 20) {
                title = title.replace(text.strip(), placeholder);
                symptom = symptom.replace(text.strip(), placeholder);
                cause = cause == null ? null : cause.replace(text.strip(), placeholder);
                solution = solution.replace(text.strip(), placeholder);
            }
        }
        return !before.equals(title + symptom + cause + solution);
    }

    public KnowledgeEntry toEntry() {
        String body = cause == null || cause.isBlank() ? symptom : symptom + "\n" + cause;
        return new KnowledgeEntry(KnowledgeKind.ARTICLE, String.valueOf(id), title, body, solution, errorClass, component,
                createdAt, null, null);
    }

    public Long getId() {
        return id;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public String getTitle() {
        return title;
    }

    public String getSymptom() {
        return symptom;
    }

    public String getCause() {
        return cause;
    }

    public String getSolution() {
        return solution;
    }

    public String getComponent() {
        return component;
    }

    public String getErrorClass() {
        return errorClass;
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
