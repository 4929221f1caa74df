package dk.supportflow.notification;

import dk.supportflow.people.Groups;
import dk.supportflow.people.PeopleDirectory;
import dk.supportflow.platform.Links;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What every feature's mails share: recipients by person or group, the signature, links to
 * Tasklist and the guides, and the outbox. The features write their own texts (cases.CaseMails,
 * analysis.AnalysisMails, minsupport.MinSupportMails, knowledge.KnowledgeMails,
 * driftsside.DriftssideMails, meetings.GangmoedeMails). Subjects start with the case number, so a
 * reply or a search in the mailbox finds the case.
 */
@Component
public class Mails {

    private static final Logger LOG = LoggerFactory.getLogger(Mails.class);
    public static final String SIGNATURE = "\n\nVenlig hilsen\nDe supportberettigede brugere\n\n"
            + "Denne mail er sendt automatisk af Supportflow.";
    public static final String DRIFT_SIGNATURE = "\n\nVenlig hilsen\nDe driftsansvarlige\n\n"
            + "Denne mail er sendt automatisk af Supportflow.";

    private final MailOutbox outbox;
    private final PeopleDirectory people;
    private final String tasklistUrl;
    private final Links links;

    public Mails(MailOutbox outbox, PeopleDirectory people, @Value("${supportflow.mail.tasklist-url}") String tasklistUrl,
            Links links) {
        this.outbox = outbox;
        this.people = people;
        this.tasklistUrl = tasklistUrl;
        this.links = links;
    }

    public String tasklistUrl() {
        return tasklistUrl;
    }

    /** The link that opens the task in Tasklist. */
    public String taskLink(String taskId) {
        return taskId == null ? tasklistUrl : tasklistUrl + "#/?task=" + taskId;
    }

    /** Where the guides to KP are, as a closing paragraph; empty when no library is configured. */
    public String guides() {
        return links.documentLibrary().map(url -> "\n\nVejledninger til KP finder du i KOMBITs dokumentbibliotek:\n" + url).orElse("");
    }

    public Optional<String> driftssideLink() {
        return links.driftsside();
    }

    public String nameOf(String userId) {
        return people.displayName(userId);
    }

    public List<String> toUser(String userId) {
        return people.emailOf(userId).map(List::of).orElseGet(List::of);
    }

    public List<String> toGroup(String groupId) {
        return people.emailsOfGroup(groupId);
    }

    /** The supportberettiget who has the case, or all of them while nobody has taken a task of it. */
    public List<String> handlerOrGroup(Optional<String> caseHandler) {
        return caseHandler.map(this::toUser).filter(list -> !list.isEmpty())
                .orElseGet(() -> toGroup(Groups.SUPPORTBERETTIGEDE));
    }

    /** Writes the mail to the outbox in the caller's transaction; nobody to send to is logged, not an error. */
    public void send(String purpose, String caseNumber, List<String> recipients, String subject, String body) {
        if (recipients.isEmpty()) {
            LOG.warn("Case {}: nobody to send '{}' to (no e-mail address on file)", caseNumber, subject.replaceAll(":.*", ""));
            return;
        }
        outbox.enqueue(new Mail(caseNumber, purpose, recipients, subject, body));
    }
}
