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

/** A closed case kept as reusable knowledge: what went wrong and the answer. Never personal data. */
@Entity
@Table(name = "solved_case")
public class SolvedCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_number", nullable = false, unique = true)
    private String caseNumber;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String symptom;

    private String component;

    /** Null for a support or change request, which is no error. */
    @Column(name = "error_class")
    private String errorClass;

    @Column(nullable = false)
    private String outcome;

    @Column(nullable = false)
    private String answer;

    @Column(name = "minsupport_case_number")
    private String minSupportCaseNumber;

    @Column(name = "solved_at", nullable = false)
    private Instant solvedAt;

    protected SolvedCase() {
    }

    public SolvedCase(String caseNumber, String title, String symptom, String component, String errorClass,
            String outcome, String answer, String minSupportCaseNumber, Instant solvedAt) {
        this.caseNumber = caseNumber;
        // free texts may quote a citizen's CPR number by mistake; knowledge must never hold one
        this.title = Cpr.maskInText(title);
        this.symptom = Cpr.maskInText(symptom);
        this.component = component;
        this.errorClass = errorClass;
        this.outcome = outcome;
        this.answer = Cpr.maskInText(answer);
        this.minSupportCaseNumber = minSupportCaseNumber;
        this.solvedAt = solvedAt;
    }

    /** The case as an entry of the knowledge index. */
    /** The citizen's case is erased: the symptom came from the report, so it goes; title and answer stay. */
    void eraseReport(String placeholder) {
        this.symptom = placeholder;
    }

    public KnowledgeEntry toEntry() {
        return new KnowledgeEntry(KnowledgeKind.CASE, caseNumber, title, symptom, answer, errorClass, component, solvedAt,
                minSupportCaseNumber, null);
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

    public String getComponent() {
        return component;
    }

    public String getErrorClass() {
        return errorClass;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getAnswer() {
        return answer;
    }

    public String getMinSupportCaseNumber() {
        return minSupportCaseNumber;
    }

    public Instant getSolvedAt() {
        return solvedAt;
    }
}
