package dk.supportflow.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** For operations: resend a mail that could not be delivered. Administrators only (SecurityConfig). */
@RestController
@RequestMapping("/api/mails")
@Tag(name = "Mails", description = "Udgående mails, der ikke kunne afleveres (kun administratorer)")
public class MailRetryController {

    private final MailOutbox outbox;

    public MailRetryController(MailOutbox outbox) {
        this.outbox = outbox;
    }

    /** No recipient in the answer: the id and the case say which mail. */
    public record Retried(Long id, String caseNumber, String status, String message) {
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Send en mail igen, der ikke kunne afleveres; dens hændelse (incident) i Cockpit løses")
    public Retried retry(@PathVariable Long id) {
        OutboxMail mail = outbox.retry(id);
        return new Retried(mail.getId(), mail.getCaseNumber(), mail.getStatus().name(),
                "Mailen sendes igen.");
    }
}
