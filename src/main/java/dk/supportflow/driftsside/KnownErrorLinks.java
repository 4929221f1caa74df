package dk.supportflow.driftsside;

import dk.supportflow.cases.CaseProcesses;
import dk.supportflow.cases.CaseProgress;
import dk.supportflow.cases.SupportCase;
import dk.supportflow.cases.SupportCaseService;
import dk.supportflow.driftsside.KnownErrorMatcher.CaseText;
import dk.supportflow.driftsside.KnownErrorMatcher.KnownErrorText;
import dk.supportflow.knowledge.KnownError;
import dk.supportflow.knowledge.KnownErrorRepository;
import dk.supportflow.process.SupportCaseProcess;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Known errors and the support cases they concern. A known error from the driftsside is matched
 * against the open cases (each match is linked and gets the message {@code KnownErrorReported}),
 * a new case against the known errors at intake; when a release fixes a known error, the reporter
 * of every linked case is told once.
 */
@Service
public class KnownErrorLinks {

    /** Camunda keeps string variables in a 4000 character column. */
    private static final int MAX_NOTICE = 3800;

    private final KnownErrorRepository knownErrors;
    private final KnownErrorCaseRepository links;
    private final DriftssideMessageRepository messages;
    private final CaseProcesses processes;
    private final SupportCaseService supportCases;
    private final CaseProgress progress;
    private final DriftssideMails mails;
    private final Clock clock;

    public KnownErrorLinks(KnownErrorRepository knownErrors, KnownErrorCaseRepository links,
            DriftssideMessageRepository messages, CaseProcesses processes, SupportCaseService supportCases,
            CaseProgress progress, DriftssideMails mails, Clock clock) {
        this.knownErrors = knownErrors;
        this.links = links;
        this.messages = messages;
        this.processes = processes;
        this.supportCases = supportCases;
        this.progress = progress;
        this.mails = mails;
        this.clock = clock;
    }

    /** Links every open case that matches the new known error and reports it to them; returns their case numbers. */
    @Transactional
    public List<String> matchOpenCases(KnownError knownError, String driftssideText) {
        KnownErrorText text = new KnownErrorText(knownError.getId(),
                KnownErrorMatcher.join(knownError.getSymptom(), driftssideText), knownError.getComponent());
        List<String> linked = new ArrayList<>();
        for (CaseText supportCase : openCases()) {
            if (KnownErrorMatcher.matches(text, supportCase)
                    && !links.existsByKnownErrorIdAndCaseNumber(knownError.getId(), supportCase.caseNumber())) {
                links.save(new KnownErrorCase(knownError.getId(), supportCase.caseNumber(), KnownErrorCase.MatchedAt.review,
                        supportCase.minSupportCaseNumber(), clock.instant()));
                // the link row is the event: the case's job registers every link not yet registered
                processes.send(supportCase.caseNumber(), SupportCaseProcess.Messages.KNOWN_ERROR_REPORTED, Map.of(), Map.of());
                linked.add(supportCase.caseNumber());
            }
        }
        return linked;
    }

    /** A new case: links the known errors it matches and returns the notice for its forms ("" for none). */
    @Transactional
    public String matchAtIntake(String caseNumber, String text, String component) {
        CaseText supportCase = new CaseText(caseNumber, text, component, null);
        Map<Long, String> driftssideTexts = messages.findByKnownErrorIdIsNotNull().stream()
                .collect(Collectors.toMap(DriftssideMessage::getKnownErrorId, m -> Objects.toString(m.getSummary(), ""),
                        (a, b) -> a));
        for (KnownError knownError : knownErrors.findByRetiredAtIsNullOrderByCreatedAtDesc()) {
            KnownErrorText errorText = new KnownErrorText(knownError.getId(),
                    KnownErrorMatcher.join(knownError.getSymptom(), driftssideTexts.get(knownError.getId())),
                    knownError.getComponent());
            if (KnownErrorMatcher.matches(errorText, supportCase)
                    && !links.existsByKnownErrorIdAndCaseNumber(knownError.getId(), caseNumber)) {
                links.save(new KnownErrorCase(knownError.getId(), caseNumber, KnownErrorCase.MatchedAt.intake, null,
                        clock.instant()));
            }
        }
        return notice(caseNumber);
    }

    /**
     * A release fixed the known error: every linked case's reporter is told, once (a later release
     * note naming it again mails nobody), and the notice on the open cases says it is fixed.
     * Returns the number of reporters told.
     */
    @Transactional
    public int reportFixed(long knownErrorId, DriftssideMessage release) {
        KnownError knownError = knownErrors.findById(knownErrorId).orElseThrow();
        int told = 0;
        for (KnownErrorCase link : links.findByKnownErrorIdOrderByCaseNumberAsc(knownErrorId)) {
            Optional<SupportCase> supportCase = supportCases.find(link.getCaseNumber());
            if (link.getReporterNotifiedAt() != null || supportCase.isEmpty()) {
                continue;
            }
            mails.knownErrorFixed(link.getCaseNumber(), supportCase.get().getTitle(), supportCase.get().getReporter(),
                    knownError.getSymptom(), release.getTitle(), release.getLink());
            link.reporterNotified(clock.instant());
            told++;
            processes.noteKnownError(supportCase.get(), notice(link.getCaseNumber()));
        }
        return told;
    }

    /** The case's links made at review that the case has not registered yet; each is marked as registered. */
    @Transactional
    public List<KnownErrorCase> toRegister(String caseNumber) {
        List<KnownErrorCase> pending = links.findByCaseNumberAndRegisteredAtIsNullOrderByIdAsc(caseNumber);
        Instant now = clock.instant();
        pending.forEach(link -> link.registered(now));
        return pending;
    }

    /** The known errors linked to a case, for its forms: what to do meanwhile, and whether it is fixed. */
    public String notice(String caseNumber) {
        StringBuilder text = new StringBuilder();
        for (KnownErrorCase link : links.findByCaseNumberOrderByLinkedAtAscIdAsc(caseNumber)) {
            KnownError knownError = knownErrors.findById(link.getKnownErrorId()).orElseThrow();
            String entry = "• " + knownError.getSymptom()
                    + (knownError.getComponent() == null ? "" : " (" + knownError.getComponent() + ")")
                    + "\n  Midlertidig løsning: " + knownError.getWorkaround()
                    + (knownError.getSourceLink() == null ? "" : "\n  Driftssiden: " + knownError.getSourceLink())
                    + fixedLine(knownError);
            if (text.length() + entry.length() + 2 > MAX_NOTICE) {
                break;
            }
            text.append(text.isEmpty() ? "" : "\n\n").append(entry);
        }
        return text.toString();
    }

    private String fixedLine(KnownError knownError) {
        if (!knownError.isRetired()) {
            return "";
        }
        return messages.findFixing(knownError.getId()).stream().findFirst()
                .map(release -> "\n  Rettet ifølge driftssiden: " + release.getTitle())
                .orElse("\n  Ikke længere aktuel (udfaset).");
    }

    public List<KnownErrorCase> linksOf(String caseNumber) {
        return links.findByCaseNumberOrderByLinkedAtAscIdAsc(caseNumber);
    }

    public List<KnownErrorCase> linksTo(Long knownErrorId) {
        return links.findByKnownErrorIdOrderByCaseNumberAsc(knownErrorId);
    }

    /**
     * The running support cases, with their texts from their rows (cases.CaseProgress keeps them in
     * step); the MinSupport number only while the case waits on MinSupport. Suspended cases are left out.
     */
    private List<CaseText> openCases() {
        return processes.active(progress.openCases()).stream()
                .map(row -> new CaseText(row.getCaseNumber(), KnownErrorMatcher.join(row.getTitle(), row.getActual(),
                        row.getErrorMessage()), row.getComponent(), row.isAwaitingMinSupport() ? row.getMinSupportCaseNumber() : null))
                .toList();
    }
}
