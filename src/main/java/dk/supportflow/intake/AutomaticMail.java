package dk.supportflow.intake;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Mails no person wrote, which must never become a report or a reply (nor get an answer, which
 * could start a loop): auto-replies and out-of-office notes, bounces, mailing lists, and
 * Supportflow's own mails come back.
 */
final class AutomaticMail {

    private static final Set<String> BULK = Set.of("bulk", "junk", "list", "auto_reply", "auto-reply");
    private static final Pattern SYSTEM_SENDER = Pattern.compile("^(mailer-daemon|postmaster|no-?reply|do-?not-?reply)@.*");
    /** Out-of-office notes that carry none of the headers (older clients). */
    private static final Pattern AUTO_SUBJECT = Pattern.compile(
            "(?i)^(automatisk svar|autosvar|auto(matic)? reply|out of office|fraværende|ikke til stede)\\b.*");

    private AutomaticMail() {
    }

    /** Why the mail is automatic, or empty when a person wrote it. */
    static Optional<String> reason(IncomingMail mail, Set<String> ownAddresses) {
        IncomingMail.Headers headers = mail.headers();
        if (mail.sender().isEmpty()) {
            return Optional.of("no sender");
        }
        if (ownAddresses.contains(mail.sender())) {
            return Optional.of("our own address");
        }
        if (!headers.autoSubmitted().isEmpty() && !headers.autoSubmitted().equalsIgnoreCase("no")) {
            return Optional.of("Auto-Submitted: " + headers.autoSubmitted());
        }
        if (BULK.contains(headers.precedence().toLowerCase(Locale.ROOT))) {
            return Optional.of("Precedence: " + headers.precedence());
        }
        if (headers.returnPath().equals("<>")) {
            return Optional.of("empty Return-Path (a bounce)");
        }
        if (headers.contentType() != null && headers.contentType().toLowerCase(Locale.ROOT).startsWith("multipart/report")) {
            return Optional.of("a delivery report");
        }
        if (SYSTEM_SENDER.matcher(mail.sender()).matches()) {
            return Optional.of("a system sender");
        }
        if (headers.autoReplyHeader()) {
            return Optional.of("X-Autoreply");
        }
        if (headers.listHeader()) {
            return Optional.of("a mailing list");
        }
        if (AUTO_SUBJECT.matcher(mail.subject()).matches()) {
            return Optional.of("an out-of-office subject");
        }
        return Optional.empty();
    }
}
