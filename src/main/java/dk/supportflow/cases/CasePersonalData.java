package dk.supportflow.cases;

import dk.supportflow.notification.OutboxMailRepository;
import java.time.Instant;
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
public class CasePersonalData {

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

    public CasePersonalData(SupportCaseRepository cases, CaseInformationRepository information,
            OutboxMailRepository outbox, CaseProcessData processData, ApplicationEventPublisher events,
            CaseDialogue dialogue) {
        this.dialogue = dialogue;
        this.cases = cases;
        this.information = information;
        this.outbox = outbox;
        this.processData = processData;
        this.events = events;
    }

    /** The numbers of the cases that hold the CPR number with this lookup value. */
    @Transactional(readOnly = true)
    public List<String> caseNumbersOf(String cprLookup) {
        return cases.findByCprLookupOrderByIdAsc(cprLookup).stream().map(SupportCase::getCaseNumber).toList();
    }

    /**
     * Erases the citizen from every case that holds their CPR number, open or closed. An open
     * case keeps its process: only the citizen's data goes. Returns the case numbers.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> eraseCitizen(String cprLookup, Instant now) {
        List<SupportCase> found = cases.findByCprLookupOrderByIdAsc(cprLookup);
        found.forEach(supportCase -> anonymise(supportCase, ERASURE_PLACEHOLDER, now));
        return found.stream().map(SupportCase::getCaseNumber).toList();
    }

    /**
     * Anonymises up to {@code limit} cases closed before {@code cutoff} that still hold personal
     * data, oldest first, and returns their numbers. Repeating it finds nothing new.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> anonymiseClosedBefore(Instant cutoff, int limit, Instant now) {
        List<SupportCase> due = cases.findByClosedAtBeforeAndAnonymisedAtIsNullOrderByClosedAtAscIdAsc(cutoff, Limit.of(limit));
        due.forEach(supportCase -> anonymise(supportCase, RETENTION_PLACEHOLDER, now));
        return due.stream().map(SupportCase::getCaseNumber).toList();
    }

    private void anonymise(SupportCase supportCase, String placeholder, Instant now) {
        supportCase.eraseCitizenData(placeholder, PLACEHOLDERS);
        information.deleteByCaseId(supportCase.getId());
        dialogue.erase(supportCase);
        outbox.deleteSentOfCase(supportCase.getCaseNumber());
        processData.erase(supportCase.getProcessInstanceId(), placeholder);
        // attachments and other per-case data of other features, in this transaction
        events.publishEvent(new CaseAnonymised(supportCase.getId(), supportCase.getCaseNumber()));
        // an open case is finished by retention once it is closed: information may still arrive
        if (supportCase.isClosed()) {
            supportCase.markAnonymised(now);
        }
        cases.save(supportCase);
    }
}
