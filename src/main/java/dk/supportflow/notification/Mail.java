package dk.supportflow.notification;

import java.util.List;

/** A plain-text mail about a case (or, without a case number, about something else), to one or more people. */
public record Mail(String caseNumber, List<String> recipients, String subject, String body, Attachment attachment) {

    /** A file sent along, such as a calendar invitation. */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    public Mail(String caseNumber, List<String> recipients, String subject, String body) {
        this(caseNumber, recipients, subject, body, null);
    }
}
