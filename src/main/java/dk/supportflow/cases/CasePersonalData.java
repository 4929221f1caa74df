package dk.supportflow.cases;

import dk.supportflow.notification.OutboxMailRepository;
import dk.supportflow.privacy.PersonalDataHolder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A citizen's data on the cases: found by the CPR lookup value, erased on request, and removed
 * from closed cases after the retention period. What stays is what the knowledge needs: case
 * number, title, component, dates, and the solved case (which never held personal data).
 */
@Service
public class CasePersonalData implements PersonalDataHolder {

    /** Shown instead of a report text removed by retention. */
    public static final String RETENTION_PLACEHOLDER = "[slettet efter opbevaringsperioden]";
    /** Shown instead of a report text erased at the citizen's request. */
    public static final String ERASURE_PLACEHOLDER = "[slettet efter anmodning om sletning]";
    private static final Set<String> PLACEHOLDERS = Set.of(RETENTION_PLACEHOLDER, ERASURE_PLACEHOLDER);

    private final SupportCaseRepository cases;
    private final CaseInformationRepository information;
    private final OutboxMailRepository outbox;
    private final CaseProcessData processData;
    private final ApplicationEventPublisher events;
    private final CaseDialogue dialogue;
    private final CprIndex cprIndex;

    public CasePersonalData(SupportCaseRepository cases, CaseInformationRepository information,
            OutboxMailRepository outbox, CaseProcessData processData, ApplicationEventPublisher events,
            CaseDialogue dialogue, CprIndex cprIndex) {
        this.dialogue = dialogue;
        this.cprIndex = cprIndex;
        this.cases = cases;
        this.information = information;
        this.outbox = outbox;
        this.processData = processData;
        this.events = events;
    }

    /** The numbers of the cases that hold the CPR number with this lookup value. */
    @Transactional(readOnly = true)
    @Override
    public List<String> caseNumbersOf(String cprLookup) {
        return cases.findByCprLookupOrderByIdAsc(cprLookup).stream().map(SupportCase::getCaseNumber).toList();
    }

    /**
     * Erases the citizen from every case that holds their CPR number, open or closed. An open
     * case keeps its process: only the citizen's data goes. Returns the case numbers.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @Override
    public List<String> eraseCitizen(String cprLookup, Instant now) {
        List<SupportCase> found = cases.findByCprLookupOrderByIdAsc(cprLookup);
        found.forEach(supportCase -> anonymise(supportCase, ERASURE_PLACEHOLDER, now));
        return found.stream().map(SupportCase::getCaseNumber).toList();
    }

    /**
     * Up to {@code limit} cases closed before {@code cutoff} that still hold personal data, oldest
     * first, leaving out those in {@code skipped} (a case that could not be anonymised this run).
     */
    @Transactional(readOnly = true)
    @Override
    public List<String> dueForRetention(Instant cutoff, int limit, Collection<String> skipped) {
        // never an empty NOT IN
        List<String> excluded = new ArrayList<>(skipped);
        excluded.add("");
        return cases.findDueForRetention(cutoff, excluded, Limit.of(limit)).stream().map(SupportCase::getCaseNumber).toList();
    }

    /** Anonymises these cases after the retention period. Repeating it changes nothing. */
    @Transactional(propagation = Propagation.MANDATORY)
    @Override
    public void anonymiseAfterRetention(List<String> caseNumbers, Instant now) {
        for (String caseNumber : caseNumbers) {
            cases.findByCaseNumber(caseNumber).filter(c -> c.getAnonymisedAt() == null)
                    .ifPresent(supportCase -> anonymise(supportCase, RETENTION_PLACEHOLDER, now));
        }
    }

    @Override
    public void indexLookups() {
        cprIndex.indexMissing();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    private void anonymise(SupportCase supportCase, String placeholder, Instant now) {
        // what the report said, to find copies of it in knowledge written from the case
        List<String> reportTexts = new ArrayList<>(List.of(supportCase.getWorkingOn(), nonNull(supportCase.getStepsTaken()),
                supportCase.getExpected(), nonNull(supportCase.getActual()), nonNull(supportCase.getTriedSoFar()),
                nonNull(supportCase.getErrorMessage()), nonNull(supportCase.getOtherCasesAffected())));
        information.findByCaseIdOrderByReceivedAtAscIdAsc(supportCase.getId()).forEach(i -> reportTexts.add(i.getText()));
        dialogue.of(supportCase).forEach(line -> reportTexts.add(line.text()));
        supportCase.eraseCitizenData(placeholder, PLACEHOLDERS);
        information.deleteByCaseId(supportCase.getId());
        dialogue.erase(supportCase);
        // sent, waiting or failed: a mail about the case is a copy of it
        outbox.deleteOfCase(supportCase.getCaseNumber());
        processData.erase(supportCase.getProcessInstanceId(), placeholder);
        // attachments and other per-case data of other features, in this transaction
        events.publishEvent(new CaseAnonymised(supportCase.getId(), supportCase.getCaseNumber(), List.copyOf(reportTexts),
                placeholder));
        // an open case is finished by retention once it is closed: information may still arrive
        if (supportCase.isClosed()) {
            supportCase.markAnonymised(now);
        }
        cases.save(supportCase);
    }
}
