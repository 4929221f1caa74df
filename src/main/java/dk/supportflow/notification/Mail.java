package dk.supportflow.notification;

import java.util.List;

/**
 * A plain-text mail about a case (or, without a case number, about something else), to one or
 * more people. The purpose names which mail it is (e.g. {@code answer}): with the case, the
 * recipient and the step that sends it, it makes the mail's idempotency key.
 */
public record Mail(String caseNumber, String purpose, List<String> recipients, String subject, String body,
        Attachment attachment) {

    /** A file sent along, such as a calendar invitation. */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    public Mail(String caseNumber, String purpose, List<String> recipients, String subject, String body) {
        this(caseNumber, purpose, recipients, subject, body, null);
    }
}
