package dk.supportflow.portal.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A report begun on /portal/indrapporter: whether suggestions were shown while it was typed, and
 * how it ended. No text and no person: only what the deflection figures count.
 */
@Entity
@Table(name = "report_draft")
public class ReportDraft {

    @Id
    private String id;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "suggestions_shown_at")
    private Instant suggestionsShownAt;

    @Column(name = "solved_at")
    private Instant solvedAt;

    @Column(name = "solved_by_kind")
    private String solvedByKind;

    @Column(name = "solved_by_ref")
    private String solvedByRef;

    @Column(name = "reported_at")
    private Instant reportedAt;

    @Column(name = "case_number")
    private String caseNumber;

    protected ReportDraft() {
    }

    ReportDraft(String id, Instant startedAt) {
        this.id = id;
        this.startedAt = startedAt;
    }

    void suggestionsShown(Instant when) {
        if (suggestionsShownAt == null) {
            suggestionsShownAt = when;
        }
    }

    /** True the first time: a second click on "Det løste mit problem" is not counted again. */
    boolean solved(String kind, String ref, Instant when) {
        if (solvedAt != null || reportedAt != null) {
            return false;
        }
        solvedAt = when;
        solvedByKind = kind;
        solvedByRef = ref;
        return true;
    }

    void reported(String caseNumber, Instant when) {
        if (reportedAt == null) {
            reportedAt = when;
            this.caseNumber = caseNumber;
        }
    }

    public String getId() {
        return id;
    }

    public Instant getSolvedAt() {
        return solvedAt;
    }

    public Instant getReportedAt() {
        return reportedAt;
    }

    public String getCaseNumber() {
        return caseNumber;
    }
}
