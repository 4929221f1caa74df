package dk.supportflow.cases;

import dk.supportflow.process.SupportCaseProcess;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** A reported error or request and the report's details. The CPR number is kept here only, encrypted. */
@Entity
@Table(name = "support_case")
public class SupportCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_number", nullable = false, unique = true)
    private String caseNumber;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(nullable = false)
    private String reporter;

    /** The supportberettiget who registered the case for the reporter; null when the reporter filed it. */
    @Column(name = "registered_by")
    private String registeredBy;

    /** How the reporter reached support when someone registered the case for them (SupportCaseProcess.Channels). */
    private String channel;

    /** What the request is about (SupportCaseProcess.Kinds). */
    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private String title;

    @Column(name = "working_on", nullable = false)
    private String workingOn;

    @Column(name = "steps_taken")
    private String stepsTaken;

    @Column(nullable = false)
    private String expected;

    private String actual;

    @Column(name = "tried_so_far")
    private String triedSoFar;

    @Column(name = "error_message")
    private String errorMessage;

    private String component;

    @Column(name = "cpr_encrypted")
    private String cprEncrypted;

    /** Keyed hash of the CPR number (privacy.CprLookup), the only way to find a citizen's cases. */
    @Column(name = "cpr_lookup")
    private String cprLookup;

    @Column(name = "kp_case_id")
    private String kpCaseId;

    @Column(name = "kp_task_key")
    private String kpTaskKey;

    @Column(name = "kp_task_id")
    private String kpTaskId;

    /** The third part of a good description: does the error occur on other cases? */
    @Column(name = "other_cases_affected")
    private String otherCasesAffected;

    @Column(name = "payment_blocked", nullable = false)
    private boolean paymentBlocked;

    @Column(name = "available_date")
    private LocalDate availableDate;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    /** As the process has it (CaseProgress): set by analysis, null before it. */
    @Column(name = "error_class")
    private String errorClass;

    /** The MinSupport case the case was reported to or follows, once it has one. */
    @Column(name = "minsupport_case_number")
    private String minSupportCaseNumber;

    /** Waits on MinSupport's answer now (in SubProcess_AwaitMinSupport). */
    @Column(name = "awaiting_minsupport", nullable = false)
    private boolean awaitingMinSupport;

    /** Since when it waits on MinSupport's answer; null when it does not. */
    @Column(name = "awaiting_since")
    private Instant awaitingSince;

    /** Where the case is: the key of its {@link CaseStage} (CaseStageRecorder). */
    @Column(name = "stage")
    private String stage;

    /** The criticality it was reported to MinSupport with, or changed to since; null before the report. */
    @Column(name = "criticality")
    private String criticality;

    /** When the personal data of the closed case was removed (retention or erasure); null while it is kept. */
    @Column(name = "anonymised_at")
    private Instant anonymisedAt;

    /** The closed case this one follows up (a reply to it by mail); null for a case of its own. */
    @Column(name = "follows_case")
    private String followsCase;

    protected SupportCase() {
    }

    SupportCase(String caseNumber, OnBehalf.Reporting reporting, CaseReport report, String component,
            String cprEncrypted, String cprLookup, Instant createdAt) {
        this.caseNumber = caseNumber;
        this.reporter = reporting.reporter();
        this.registeredBy = reporting.registeredBy();
        this.channel = reporting.channel();
        this.title = report.title().strip();
        amend(report, component);
        this.cprEncrypted = cprEncrypted;
        this.cprLookup = cprLookup;
        this.kpTaskId = report.kpTaskId();
        this.otherCasesAffected = report.otherCasesAffected() == null || report.otherCasesAffected().isBlank() ? null
                : report.otherCasesAffected().strip();
        this.paymentBlocked = report.isPaymentBlocked();
        this.availableDate = report.availableDate();
        this.createdAt = createdAt;
    }

    void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** What the process has decided so far; a value the process does not have (yet) leaves the row's. */
    void follow(String errorClass, String minSupportCaseNumber) {
        if (errorClass != null) {
            this.errorClass = errorClass;
        }
        if (minSupportCaseNumber != null) {
            this.minSupportCaseNumber = minSupportCaseNumber;
        }
    }

    void awaitMinSupport(boolean awaiting, Instant since) {
        this.awaitingMinSupport = awaiting;
        this.awaitingSince = awaiting ? since : null;
    }

    void rate(String criticality) {
        this.criticality = criticality;
    }

    void enter(CaseStage stage) {
        this.stage = stage.key();
    }

    boolean hasStage() {
        return stage != null;
    }

    public CaseStage getStage() {
        return isClosed() ? CaseStage.CLOSED : CaseStage.ofKey(stage);
    }

    public String getCriticality() {
        return criticality;
    }

    public Instant getAwaitingSince() {
        return awaitingSince;
    }

    public String getErrorClass() {
        return errorClass;
    }

    public String getMinSupportCaseNumber() {
        return minSupportCaseNumber;
    }

    public boolean isAwaitingMinSupport() {
        return awaitingMinSupport;
    }

    /** A CPR number given after the report (the triage of a mail report), encrypted and hashed by the caller. */
    void registerCpr(String cprEncrypted, String cprLookup) {
        this.cprEncrypted = cprEncrypted;
        this.cprLookup = cprLookup;
    }

    /** For cases registered before the lookup column existed. */
    void indexCpr(String cprLookup) {
        this.cprLookup = cprLookup;
    }

    /**
     * Removes what can identify the citizen: the CPR number, the report's free texts (which may
     * name the citizen or describe their situation) and the KP references and dates. The title
     * and the component stay: they never hold a CPR number and keep the case recognisable as
     * knowledge. A text that is already a placeholder keeps its reason.
     */
    void eraseCitizenData(String placeholder, Set<String> knownPlaceholders) {
        cprEncrypted = null;
        cprLookup = null;
        workingOn = replace(workingOn, placeholder, knownPlaceholders);
        stepsTaken = replace(stepsTaken, placeholder, knownPlaceholders);
        expected = replace(expected, placeholder, knownPlaceholders);
        actual = replace(actual, placeholder, knownPlaceholders);
        triedSoFar = replace(triedSoFar, placeholder, knownPlaceholders);
        errorMessage = replace(errorMessage, placeholder, knownPlaceholders);
        otherCasesAffected = replace(otherCasesAffected, placeholder, knownPlaceholders);
        kpCaseId = null;
        kpTaskKey = null;
        kpTaskId = null;
        availableDate = null;
    }

    private static String replace(String text, String placeholder, Set<String> knownPlaceholders) {
        return text == null || knownPlaceholders.contains(text) ? text : placeholder;
    }

    void markAnonymised(Instant when) {
        this.anonymisedAt = when;
    }

    public void close(Instant when) {
        this.closedAt = when;
        this.stage = CaseStage.CLOSED.key();
        this.awaitingMinSupport = false;
        this.awaitingSince = null;
    }

    /** The report's answers (as reported, or as triage completed them); the title, reporter and CPR number stay. */
    void amend(CaseReport report, String canonicalComponent) {
        this.kind = report.kindOrDefault();
        this.workingOn = report.workingOn();
        this.stepsTaken = report.stepsTaken();
        this.expected = report.expected();
        this.actual = report.actual();
        this.triedSoFar = report.triedSoFar();
        this.errorMessage = report.errorMessage();
        this.component = canonicalComponent;
        this.kpCaseId = report.kpCaseId();
        this.kpTaskKey = report.kpTaskKey();
    }

    public boolean isClosed() {
        return closedAt != null;
    }

    public Long getId() {
        return id;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getReporter() {
        return reporter;
    }

    public String getRegisteredBy() {
        return registeredBy;
    }

    public String getFollowsCase() {
        return followsCase;
    }

    void followUpOf(String closedCase) {
        this.followsCase = closedCase;
    }

    public String getChannel() {
        return channel;
    }

    public String getKind() {
        return kind;
    }

    public boolean isError() {
        return SupportCaseProcess.Kinds.ERROR.equals(kind);
    }

    public String getKpTaskId() {
        return kpTaskId;
    }

    public String getOtherCasesAffected() {
        return otherCasesAffected;
    }

    public String getTitle() {
        return title;
    }

    public String getWorkingOn() {
        return workingOn;
    }

    public String getStepsTaken() {
        return stepsTaken;
    }

    public String getExpected() {
        return expected;
    }

    public String getActual() {
        return actual;
    }

    public String getTriedSoFar() {
        return triedSoFar;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public String getComponent() {
        return component;
    }

    String getCprEncrypted() {
        return cprEncrypted;
    }

    String getCprLookup() {
        return cprLookup;
    }

    public String getKpCaseId() {
        return kpCaseId;
    }

    public String getKpTaskKey() {
        return kpTaskKey;
    }

    public boolean isPaymentBlocked() {
        return paymentBlocked;
    }

    public LocalDate getAvailableDate() {
        return availableDate;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public Instant getAnonymisedAt() {
        return anonymisedAt;
    }
}
