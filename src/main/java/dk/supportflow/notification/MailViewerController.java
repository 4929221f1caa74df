package dk.supportflow.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dk.supportflow.people.Groups;
import dk.supportflow.people.PeopleDirectory;
import dk.supportflow.platform.ClockConfig;
import dk.supportflow.platform.IdentityAuthenticationProvider;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * /mails: the mails the embedded SMTP server received, newest first. Everyone sees the mails
 * addressed to them; administrators see all. Only there while the embedded server runs.
 */
@RestController
public class MailViewerController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

    private final ObjectProvider<GreenMail> embeddedServer;
    private final PeopleDirectory people;

    public MailViewerController(ObjectProvider<GreenMail> embeddedServer, PeopleDirectory people) {
        this.embeddedServer = embeddedServer;
        this.people = people;
    }

    @GetMapping(value = "/mails", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    public String mails(Authentication user) throws MessagingException {
        GreenMail server = embeddedServer.getIfAvailable();
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>Sendte mails – Supportflow</title>
                <style>body{font-family:sans-serif;margin:2rem;max-width:60rem}article{border:1px solid #ccc;
                border-radius:6px;padding:1rem;margin:1rem 0}pre{white-space:pre-wrap;font-family:inherit}
                dt{font-weight:bold;float:left;width:5rem}dd{margin-left:5rem}</style></head><body>
                <h1>Sendte mails</h1>
                """);
        if (server == null) {
            html.append("<p>Mails sendes via den konfigurerede SMTP-server (spring.mail.host) og vises derfor ikke her.</p>");
            return html.append("</body></html>").toString();
        }
        boolean admin = user.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(IdentityAuthenticationProvider.GROUP_PREFIX + Groups.CAMUNDA_ADMIN));
        String ownAddress = people.emailOf(user.getName()).orElse("");
        List<MimeMessage> messages = Arrays.asList(server.getReceivedMessages());
        html.append("<p>").append(admin ? "Alle mails, som den indbyggede mailserver har modtaget"
                : "Mails til " + escape(ownAddress)).append(", nyeste først.</p>");
        int shown = 0;
        for (int i = messages.size() - 1; i >= 0; i--) {
            MimeMessage message = messages.get(i);
            String to = addresses(message.getAllRecipients());
            if (!admin && !addressedTo(message.getAllRecipients(), ownAddress)) {
                continue;
            }
            shown++;
            String sent = message.getSentDate() == null ? ""
                    : WHEN.format(ZonedDateTime.ofInstant(message.getSentDate().toInstant(), ClockConfig.ZONE));
            html.append("<article><dl><dt>Sendt</dt><dd>").append(sent)
                    .append("</dd><dt>Til</dt><dd>").append(escape(to))
                    .append("</dd><dt>Emne</dt><dd>").append(escape(message.getSubject()))
                    .append("</dd></dl><pre>").append(escape(text(message)))
                    .append("</pre></article>");
        }
        if (shown == 0) {
            html.append("<p>Ingen mails endnu.</p>");
        }
        return html.append("</body></html>").toString();
    }

    /** Escapes markup only; Danish letters stay as they are in the UTF-8 page. */
    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }

    /** The mail's text; attachments (such as a gangmøde's calendar file) are named below it. */
    private static String text(MimeMessage message) throws MessagingException {
        try {
            StringBuilder text = new StringBuilder();
            List<String> files = new ArrayList<>();
            collect(message, text, files);
            files.forEach(name -> text.append("\n\nVedhæftet: ").append(name));
            return text.toString();
        } catch (IOException e) {
            return GreenMailUtil.getBody(message);
        }
    }

    private static void collect(Part part, StringBuilder text, List<String> files) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            files.add(part.getFileName());
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), text, files);
            }
        } else if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        }
    }

    /** Exactly one of the recipients, never an empty address: a part of an address is someone else's. */
    static boolean addressedTo(Address[] recipients, String address) {
        String own = address == null ? "" : address.strip();
        return !own.isEmpty() && recipients != null && Arrays.stream(recipients)
                .map(r -> r instanceof InternetAddress internet ? internet.getAddress() : r.toString())
                .anyMatch(r -> r != null && r.strip().equalsIgnoreCase(own));
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }
}
