package dk.supportflow.meetings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One closed case counted against its error pattern, with the knowledge article it was solved with, if any. */
@Entity
@Table(name = "error_pattern_occurrence")
class PatternOccurrence {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_number", nullable = false, unique = true)
    private String caseNumber;

    @Column(nullable = false)
    private String component;

    @Column(name = "error_class", nullable = false)
    private String errorClass;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "article_id")
    private Long articleId;

    protected PatternOccurrence() {
    }

    PatternOccurrence(String caseNumber, ErrorPattern pattern, Long articleId, Instant occurredAt) {
        this.caseNumber = caseNumber;
        this.articleId = articleId;
        this.component = pattern.component();
        this.errorClass = pattern.errorClass();
        this.occurredAt = occurredAt;
    }

    String getCaseNumber() {
        return caseNumber;
    }

    Long getArticleId() {
        return articleId;
    }
}
