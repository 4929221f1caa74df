package dk.supportflow.notification;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The Message-IDs of the mails Supportflow sends, and the way back from one: a reply names the
 * mail it answers (In-Reply-To, References), and that mail its case.
 */
@Component
public class MailReferences {

    private static final Pattern OURS = Pattern.compile("<supportflow-outbox-(\\d+)@[^>]+>");

    private final OutboxMailRepository outbox;

    public MailReferences(OutboxMailRepository outbox) {
        this.outbox = outbox;
    }

    /**
     * The Message-ID comes from the outbox row, not from the moment of sending: a mail sent again
     * after an unknown SMTP outcome (a node stopped mid-send, the database gone when the send was
     * to be recorded) is recognisable as the same mail, and mail clients show it once.
     */
    static String messageId(long outboxId, String from) {
        String domain = from.contains("@") ? from.substring(from.lastIndexOf('@') + 1).replace(">", "").strip() : "supportflow";
        return "<supportflow-outbox-" + outboxId + "@" + domain + ">";
    }

    /** The case of the newest of our mails among the ids, if any of them is ours. */
    public Optional<String> caseOf(List<String> messageIds) {
        for (int i = messageIds.size() - 1; i >= 0; i--) {
            Matcher ours = OURS.matcher(messageIds.get(i));
            if (ours.matches()) {
                Optional<String> caseNumber = outbox.findById(Long.parseLong(ours.group(1))).map(OutboxMail::getCaseNumber);
                if (caseNumber.isPresent()) {
                    return caseNumber;
                }
            }
        }
        return Optional.empty();
    }
}
