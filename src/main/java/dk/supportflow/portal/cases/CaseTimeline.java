package dk.supportflow.portal.cases;

import dk.supportflow.cases.CaseView;
import dk.supportflow.driftsside.KnownErrorCase;
import dk.supportflow.driftsside.KnownErrorLinks;
import dk.supportflow.knowledge.KnowledgeEntries;
import dk.supportflow.knowledge.KnownError;
import dk.supportflow.notification.OutboxMail;
import dk.supportflow.notification.OutboxMailRepository;
import dk.supportflow.people.PeopleDirectory;
import dk.supportflow.process.SupportCaseProcess;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What has happened on a case, oldest first: filed, each task done and by whom, information added,
 * mails sent (subject and recipients), the dialogue with MinSupport, known errors linked, closed.
 * Tasks come from the engine's history, so they are gone once its history is cleaned up.
 */
@Component
public class CaseTimeline {

    /** One event: when, what (a Danish line), who (a name, or null) and a text (or null). */
    public record Entry(Instant at, String kind, String what, String who, String text) {
    }

    private final HistoryService history;
    private final OutboxMailRepository mails;
    private final KnownErrorLinks knownErrorLinks;
    private final KnowledgeEntries knowledge;
    private final PeopleDirectory people;

    public CaseTimeline(HistoryService history, OutboxMailRepository mails, KnownErrorLinks knownErrorLinks,
            KnowledgeEntries knowledge, PeopleDirectory people) {
        this.history = history;
        this.mails = mails;
        this.knownErrorLinks = knownErrorLinks;
        this.knowledge = knowledge;
        this.people = people;
    }

    @Transactional(readOnly = true)
    public List<Entry> of(CaseView view) {
        List<Entry> entries = new ArrayList<>();
        String filedBy = people.displayName(view.reporter());
        entries.add(new Entry(view.createdAt(), "filed", view.registeredBy() == null ? "Indrapporteret"
                : "Registreret af " + people.displayName(view.registeredBy()) + " efter "
                        + SupportCaseProcess.Channels.phrase(view.channel()), filedBy, null));
        if (view.processInstanceId() != null) {
            for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery()
                    .processInstanceId(view.processInstanceId()).finished().orderByHistoricTaskInstanceEndTime().asc().list()) {
                if ("completed".equals(task.getDeleteReason())) {
                    entries.add(new Entry(task.getEndTime().toInstant(), "task", "Opgaven »" + task.getName() + "« er udført",
                            task.getAssignee() == null ? null : people.displayName(task.getAssignee()), null));
                }
            }
        }
        view.information().forEach(info -> entries.add(new Entry(info.receivedAt(), "information",
                "Ny information (" + info.source() + ")", null, info.text())));
        view.minSupportDialogue().forEach(line -> entries.add(new Entry(line.at(), "dialogue",
                "MinSupport".equals(line.from()) ? "Spørgsmål fra MinSupport" : "Svar til MinSupport", line.from(), line.text())));
        entries.addAll(mailsOf(view.caseNumber()));
        for (KnownErrorCase link : knownErrorLinks.linksOf(view.caseNumber())) {
            String symptom = knownError(link.getKnownErrorId()).map(KnownError::getSymptom).orElse("en kendt fejl");
            entries.add(new Entry(link.getLinkedAt(), "knownError", "Knyttet til en kendt fejl fra driftssiden", null, symptom));
        }
        if (view.closedAt() != null) {
            entries.add(new Entry(view.closedAt(), "closed", "Sagen er lukket", null, null));
        }
        entries.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return entries;
    }

    /** One entry per mail: the outbox keeps a row per recipient of the same subject, written together. */
    private List<Entry> mailsOf(String caseNumber) {
        Map<String, List<OutboxMail>> bySending = new LinkedHashMap<>();
        for (OutboxMail mail : mails.findByCaseNumberOrderByIdAsc(caseNumber)) {
            Instant at = mail.getSentAt() != null ? mail.getSentAt() : mail.getCreatedAt();
            bySending.computeIfAbsent(mail.getSubject() + "|" + at.truncatedTo(ChronoUnit.MINUTES), k -> new ArrayList<>())
                    .add(mail);
        }
        List<Entry> entries = new ArrayList<>();
        bySending.values().forEach(group -> {
            OutboxMail first = group.get(0);
            boolean sent = group.stream().allMatch(m -> m.getStatus() == OutboxMail.Status.SENT);
            entries.add(new Entry(first.getSentAt() != null ? first.getSentAt() : first.getCreatedAt(), "mail",
                    (sent ? "Mail sendt: " : "Mail på vej: ") + first.getSubject(), null,
                    "Til: " + String.join(", ", group.stream().map(OutboxMail::getRecipient).distinct().toList())));
        });
        return entries;
    }

    private Optional<KnownError> knownError(Long id) {
        try {
            return Optional.of(knowledge.knownError(id));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
