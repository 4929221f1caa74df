package dk.supportflow.cases;

import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.domain.Refused;
import dk.supportflow.platform.ClockConfig;
import dk.supportflow.privacy.Cpr;
import dk.supportflow.privacy.CprCipher;
import dk.supportflow.privacy.CprLookup;
import dk.supportflow.process.SupportCaseProcess;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Opening, reading and adding to support cases. */
@Service
public class SupportCaseService {

    /** Camunda keeps string variables in a 4000 character column. */
    private static final int MAX_LOG_LENGTH = 3800;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(ClockConfig.ZONE);

    private final SupportCaseRepository cases;
    private final CaseInformationRepository information;
    private final CaseNumbers caseNumbers;
    private final CprCipher cprCipher;
    private final CprLookup cprLookup;
    private final CaseFacts.Solutions solutions;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final CaseFacts.WaitingTimes waitingTimes;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final OnBehalf onBehalf;
    private final KpComponents components;
    private final CaseDialogue dialogue;
    private final CaseProcesses processes;

    public SupportCaseService(SupportCaseRepository cases, CaseInformationRepository information, CaseNumbers caseNumbers,
            CprCipher cprCipher, CprLookup cprLookup, CaseFacts.Solutions solutions, RuntimeService runtimeService,
            TaskService taskService, CaseFacts.WaitingTimes waitingTimes, ApplicationEventPublisher events, Clock clock,
            TransactionTemplate transaction, OnBehalf onBehalf, KpComponents components, CaseDialogue dialogue,
            CaseProcesses processes) {
        this.dialogue = dialogue;
        this.processes = processes;
        this.cases = cases;
        this.information = information;
        this.caseNumbers = caseNumbers;
        this.cprCipher = cprCipher;
        this.cprLookup = cprLookup;
        this.solutions = solutions;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.waitingTimes = waitingTimes;
        this.events = events;
        this.clock = clock;
        this.transaction = transaction;
        this.onBehalf = onBehalf;
        this.components = components;
    }

    public record OpenedCase(String caseNumber, String processInstanceId) {
    }

    /**
     * Opens a case from a validated report and starts its process, in one transaction: either
     * both exist afterwards or neither. Spring Security has decided that the caller may report;
     * the process is started by the application (no engine authentication), the only caller
     * allowed to give it a business key (platform.ProcessStartGuard), and the intake listener
     * takes the reporter from the case row registered here.
     *
     * <p>The case number is taken first, in a short transaction of its own (unless the caller
     * has one): the year's counter row is locked only for that moment, not while the process
     * starts, so cases opened at the same time on one or several nodes do not queue behind each
     * other. A case that then fails to open leaves its number unused.
     *
     * @throws Refused when the report names another reporter and the caller may not
     *     register for them (see {@link OnBehalf})
     */
    public OpenedCase openCase(CaseReport submitted, String caller) {
        CaseReport report = submitted.withCprMaskedInTexts();
        OnBehalf.Reporting reporting = onBehalf.resolve(report, caller);
        String caseNumber = caseNumbers.next();
        return transaction.execute(status -> {
            SupportCase supportCase = register(report, reporting, caseNumber);
            ProcessInstance instance = runtimeService.startProcessInstanceByKey(
                    SupportCaseProcess.PROCESS_KEY, supportCase.getCaseNumber(), report.toVariables(supportCase.getComponent()));
            return new OpenedCase(supportCase.getCaseNumber(), instance.getId());
        });
    }

    /**
     * A report that came by mail from a known superbruger (or supportberettiget): the subject is
     * the title, the mail's text what they wrote; the rest of the training's questions are answered
     * in triageMail before the analysis. A mail about a closed case opens a new case linked to it.
     */
    public OpenedCase openFromMail(String reporter, String subject, String text, String earlierCase) {
        String title = subject == null || subject.isBlank() ? "Indberetning på mail uden emne" : subject.strip();
        if (earlierCase != null) {
            title = "Opfølgning på " + earlierCase + ": " + title;
        }
        title = title.length() > 200 ? title.substring(0, 199) + "…" : title;
        String description = (earlierCase == null ? "" : "Mail om den lukkede sag " + earlierCase + ".\n\n")
                + (text == null || text.isBlank() ? "(Mailen havde ingen tekst.)" : text.strip());
        description = description.length() > 4000 ? description.substring(0, 3999) + "…" : description;
        CaseReport report = new CaseReport(title, description, null, "", null, null, null, null, null, null, null, false,
                null, null, null, SupportCaseProcess.Kinds.ERROR, null, null).withCprMaskedInTexts();
        String caseNumber = caseNumbers.next();
        return transaction.execute(status -> {
            SupportCase supportCase = register(report, new OnBehalf.Reporting(reporter, null, SupportCaseProcess.Channels.MAIL),
                    caseNumber);
            if (earlierCase != null) {
                supportCase.followUpOf(earlierCase);
                cases.save(supportCase);
            }
            Map<String, Object> variables = new java.util.HashMap<>(report.toVariables(supportCase.getComponent()));
            variables.put(Vars.TRIAGE, true);
            ProcessInstance instance = runtimeService.startProcessInstanceByKey(SupportCaseProcess.PROCESS_KEY,
                    supportCase.getCaseNumber(), variables);
            return new OpenedCase(supportCase.getCaseNumber(), instance.getId());
        });
    }

    /** The report as triageMail completed it: it replaces what the mail gave, title and reporter kept. */
    @Transactional
    public void applyTriage(String caseNumber, CaseReport triaged) {
        SupportCase supportCase = get(caseNumber);
        CaseReport report = triaged.withCprMaskedInTexts();
        supportCase.amend(report, components.canonical(report.component()));
        cases.save(supportCase);
    }

    /** A CPR number given in the triage of a mail report: encrypted on the case row, as one given at the start. */
    @Transactional
    public void registerCpr(String caseNumber, String processInstanceId, String cpr) {
        SupportCase supportCase = ofProcess(caseNumber, processInstanceId);
        String number = cpr.strip();
        supportCase.registerCpr(cprCipher.encrypt(number), cprLookup.hash(number));
        cases.save(supportCase);
    }

    /** Stores a new case with a fresh case number; the caller starts (or is) its process. */
    @Transactional
    public SupportCase register(CaseReport report, OnBehalf.Reporting reporting) {
        return register(report, reporting, caseNumbers.next());
    }

    private SupportCase register(CaseReport report, OnBehalf.Reporting reporting, String caseNumber) {
        String cpr = report.hasCpr() ? report.cpr().strip() : null;
        return cases.save(new SupportCase(caseNumber, reporting, report, components.canonical(report.component()),
                cprCipher.encrypt(cpr), cprLookup.hash(cpr), clock.instant()));
    }

    @Transactional
    public void attachProcess(SupportCase supportCase, String processInstanceId) {
        supportCase.attachProcess(processInstanceId);
        cases.save(supportCase);
    }

    public Optional<SupportCase> find(String caseNumber) {
        return cases.findByCaseNumber(caseNumber);
    }

    /**
     * The case a process instance carries (its business key), checked to belong to that
     * instance: a process never reads or changes a case that is not its own.
     */
    public SupportCase ofProcess(String caseNumber, String processInstanceId) {
        return find(caseNumber).filter(c -> processInstanceId.equals(c.getProcessInstanceId()))
                .orElseThrow(() -> new IllegalStateException("Process instance " + processInstanceId
                        + " does not carry case " + caseNumber));
    }

    /** The case of the process instance an execution belongs to (see {@link #ofProcess(String, String)}). */
    public SupportCase ofProcess(DelegateExecution execution) {
        return ofProcess(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }

    SupportCase get(String caseNumber) {
        return find(caseNumber).orElseThrow(() -> Refused.notFound("Sagen " + caseNumber + " findes ikke."));
    }

    /** The case if the user may read it (the rule of {@link #view}): 404 for an unknown case, 403 for others' cases. */
    @Transactional(readOnly = true)
    public SupportCase readable(String caseNumber, String userId, boolean supportStaff) {
        SupportCase supportCase = get(caseNumber);
        requireAccess(supportCase, userId, supportStaff);
        return supportCase;
    }

    /**
     * The case's CPR number in clear text, or null. Only for the MinSupport draft shown to the
     * supportberettiget who has the case: never put it in a variable, a mail or a log.
     */
    public String cprInClear(SupportCase supportCase) {
        return cprCipher.decrypt(supportCase.getCprEncrypted());
    }

    /** The reporter sees their own case; the supportberettigede and administrators see every case. */
    @Transactional(readOnly = true)
    public CaseView view(String caseNumber, String userId, boolean supportStaff) {
        SupportCase supportCase = get(caseNumber);
        requireAccess(supportCase, userId, supportStaff);
        List<CaseView.Information> info = information.findByCaseIdOrderByReceivedAtAscIdAsc(supportCase.getId()).stream()
                .map(i -> new CaseView.Information(i.getSource(), i.getText(), i.getReceivedAt()))
                .toList();
        String cpr = Cpr.mask(cprCipher.decrypt(supportCase.getCprEncrypted()));

        // the row has what the process decided; the outcome and answer are the engine's until closing
        CaseStage stage = supportCase.getStage();
        String errorClass = supportCase.getErrorClass();
        String minSupportCaseNumber = supportCase.getMinSupportCaseNumber();
        String criticality = supportCase.getCriticality();
        String outcome;
        String answer;
        List<CaseView.OpenTask> openTasks = List.of();
        Optional<CaseFacts.Solution> solved = solutions.of(caseNumber);
        ProcessInstance instance = supportCase.getProcessInstanceId() == null ? null
                : runtimeService.createProcessInstanceQuery().processInstanceId(supportCase.getProcessInstanceId()).singleResult();
        if (supportCase.isClosed() || instance == null) {
            stage = CaseStage.CLOSED;
            outcome = solved.map(CaseFacts.Solution::outcome).orElse(null);
            answer = solved.map(CaseFacts.Solution::answer).orElse(null);
            if (errorClass == null) {
                errorClass = solved.map(CaseFacts.Solution::errorClass).orElse(null);
            }
            if (minSupportCaseNumber == null) {
                minSupportCaseNumber = solved.map(CaseFacts.Solution::minSupportCaseNumber).orElse(null);
            }
            criticality = null;
        } else {
            Map<String, Object> vars = runtimeService.getVariables(instance.getId(), List.of(Vars.OUTCOME, Vars.ANSWER));
            outcome = (String) vars.get(Vars.OUTCOME);
            answer = (String) vars.get(Vars.ANSWER);
            openTasks = taskService.createTaskQuery().processInstanceId(instance.getId()).orderByTaskCreateTime().asc()
                    .list().stream()
                    .map(t -> new CaseView.OpenTask(t.getId(), t.getTaskDefinitionKey(), t.getName(), t.getAssignee()))
                    .toList();
        }
        return new CaseView(supportCase.getCaseNumber(), supportCase.getProcessInstanceId(), stage.key(),
                stage.danishName(), outcome, errorClass, minSupportCaseNumber, criticality, answer,
                supportCase.getTitle(), supportCase.getReporter(), supportCase.getWorkingOn(),
                supportCase.getStepsTaken(), supportCase.getExpected(), supportCase.getActual(),
                supportCase.getTriedSoFar(), supportCase.getErrorMessage(), supportCase.getComponent(), cpr,
                supportCase.getKpCaseId(), supportCase.getKpTaskKey(), supportCase.isPaymentBlocked(),
                supportCase.getAvailableDate(), supportCase.getCreatedAt(), supportCase.getClosedAt(), openTasks, info,
                waitingTimes.of(supportCase).orElse(null), supportCase.getKind(), supportCase.getOtherCasesAffected(),
                supportCase.getKpTaskId(), supportCase.getRegisteredBy(), supportCase.getChannel(), dialogue.of(supportCase),
                supportCase.getFollowsCase(), cases.followUpsOf(supportCase.getCaseNumber()));
    }

    /**
     * Passes new information to an open case as the message {@code CaseInformationAdded}; the
     * process stores it and tells the supportberettiget who has the case.
     */
    public void addInformation(String caseNumber, String source, String text, String userId, boolean supportStaff) {
        SupportCase supportCase = get(caseNumber);
        requireAccess(supportCase, userId, supportStaff);
        if (supportCase.isClosed()) {
            throw Refused.conflict("Sagen " + caseNumber + " er lukket. Opret en ny sag, hvis fejlen er opstået igen.");
        }
        boolean received = processes.send(caseNumber, SupportCaseProcess.Messages.CASE_INFORMATION_ADDED, Map.of(),
                Map.of(Vars.INFORMATION_SOURCE, Cpr.maskInText(source.strip()), Vars.INFORMATION_TEXT, Cpr.maskInText(text.strip())));
        if (!received) {
            throw Refused.conflict("Sagen " + caseNumber + " kan ikke tage imod ny information lige nu. Prøv igen om et øjeblik.");
        }
    }

    /**
     * Keeps new information that has just reached the case (message {@code CaseInformationAdded}),
     * in the transaction that brought it: nothing sent at the same moment can overwrite it. The
     * job after the event tells the supportberettiget ({@link #informationToNotify}).
     */
    @Transactional
    public void receiveInformation(String caseNumber, String source, String text) {
        information.save(new CaseInformation(get(caseNumber).getId(), Cpr.maskInText(source), Cpr.maskInText(text),
                clock.instant()));
    }

    /** The information nobody has been told about yet, oldest first; each is marked as told. */
    @Transactional
    public List<CaseInformation> informationToNotify(String caseNumber) {
        List<CaseInformation> pending = information.findByCaseIdAndNotifiedAtIsNullOrderByIdAsc(get(caseNumber).getId());
        Instant now = clock.instant();
        pending.forEach(entry -> entry.notified(now));
        return pending;
    }

    /**
     * Keeps a piece of information a step of the process produced itself (and tells about
     * itself) and returns the information log for the task forms.
     */
    @Transactional
    public String recordInformation(String caseNumber, String source, String text) {
        SupportCase supportCase = get(caseNumber);
        CaseInformation entry = new CaseInformation(supportCase.getId(), Cpr.maskInText(source), Cpr.maskInText(text),
                clock.instant());
        entry.notified(entry.getReceivedAt());
        information.save(entry);
        return informationLog(caseNumber);
    }

    /**
     * The information log for the task forms, newest first, cut to what a Camunda string
     * variable holds; the case keeps it all.
     */
    @Transactional(readOnly = true)
    public String informationLog(String caseNumber) {
        List<CaseInformation> all = information.findByCaseIdOrderByReceivedAtAscIdAsc(get(caseNumber).getId());
        StringBuilder log = new StringBuilder();
        for (int i = all.size() - 1; i >= 0; i--) {
            CaseInformation entry = all.get(i);
            String line = WHEN.format(entry.getReceivedAt()) + " – " + entry.getSource() + ": " + entry.getText();
            if (log.isEmpty() && line.length() > MAX_LOG_LENGTH) {
                log.append(line, 0, MAX_LOG_LENGTH).append("…\n");
                continue;
            }
            if (log.length() + line.length() > MAX_LOG_LENGTH) {
                log.append("… ældre information står på sagen ").append(caseNumber);
                break;
            }
            log.append(line).append('\n');
        }
        return log.toString().strip();
    }

    /**
     * Marks the case closed and tells the features above ({@link CaseClosed}): knowledge keeps it
     * as a solved case, waitingtime keeps its waiting times, which outlive Camunda's history. Safe to repeat.
     */
    @Transactional
    public void close(String caseNumber, String errorClass, String outcome, String answer, String minSupportCaseNumber) {
        SupportCase supportCase = get(caseNumber);
        Instant now = clock.instant();
        // a request has no "what happened instead": what it is about stands for it
        String symptom = Stream.of(Objects.requireNonNullElse(supportCase.getActual(), supportCase.getWorkingOn()),
                        supportCase.getErrorMessage()).filter(Objects::nonNull)
                .collect(Collectors.joining("\n"));
        if (!supportCase.isClosed()) {
            supportCase.close(now);
            cases.save(supportCase);
        }
        events.publishEvent(new CaseClosed(caseNumber, supportCase.getProcessInstanceId(), supportCase.getTitle(), symptom,
                supportCase.getComponent(), errorClass, outcome, answer, minSupportCaseNumber, now));
    }

    private static void requireAccess(SupportCase supportCase, String userId, boolean supportStaff) {
        if (!supportStaff && !supportCase.getReporter().equals(userId)) {
            throw Refused.forbidden("Du har kun adgang til de sager, du selv har indberettet.");
        }
    }
}
