package dk.supportflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading one mail: HTML reduced to text safely, a reply's quote cut off, automatic mails told apart. */
class IncomingMailTest {

    @Test
    void anHtmlOnlyMailBecomesTextWithItsParagraphsAndNothingOfItsMarkupOrScripts() throws Exception {
        MimeMessage message = message("superbruger1@kommune.example", "Fejl i brevet");
        message.setContent("""
                <html><head><style>p { color: red }</style><script>alert('x')</script><title>Skjult</title></head>
                <body><p>Hej&nbsp;support,</p><p>Brevet <b>Afgørelse</b> mangler adressen.<br>Se
                <a href="https://kp.example/sag/1">sagen</a>.</p><ul><li>trin 1</li><li>trin 2</li></ul>
                <img src="https://tracker.example/pixel.gif" onerror="alert(1)"></body></html>""", "text/html; charset=UTF-8");
        message.saveChanges();

        IncomingMail mail = IncomingMail.of(message, 1_000_000);

        assertThat(mail.text()).startsWith("Hej support,\n\nBrevet Afgørelse mangler adressen.\nSe sagen.")
                .contains("sagen").contains("trin 1").contains("trin 2")
                .doesNotContain("<").doesNotContain("alert").doesNotContain("color: red").doesNotContain("Skjult");
        assertThat(mail.sender()).isEqualTo("superbruger1@kommune.example");
    }

    @Test
    void aReplyKeepsWhatWasWrittenNowAndLeavesTheQuotedMailOut() throws Exception {
        MimeMessage message = message("Superbruger1@Kommune.Example", "SV: [SUP-2026-000001] Spørgsmål");
        message.setText("""
                Det var sag 4711.

                Fra: Supportflow <supportflow@kommune.example>
                Sendt: 5. december 2026
                Emne: [SUP-2026-000001] Spørgsmål

                Hvilken sag i KP var det?""", "UTF-8");
        message.setHeader("In-Reply-To", "<supportflow-outbox-12@kommune.example>");
        message.saveChanges();

        IncomingMail mail = IncomingMail.of(message, 1_000_000);

        assertThat(mail.newText()).isEqualTo("Det var sag 4711.");
        assertThat(mail.references()).containsExactly("<supportflow-outbox-12@kommune.example>");
        assertThat(mail.sender()).isEqualTo("superbruger1@kommune.example");
    }

    @Test
    void autoRepliesBouncesListsAndOurOwnMailsAreAutomatic() throws Exception {
        Set<String> own = Set.of("supportflow@kommune.example");
        assertThat(reason(message("superbruger1@kommune.example", "Fejl i brevet"), own)).isEmpty();

        MimeMessage autoReply = message("superbruger1@kommune.example", "Fejl i brevet");
        autoReply.setHeader("Auto-Submitted", "auto-replied");
        assertThat(reason(autoReply, own)).contains("Auto-Submitted: auto-replied");
        MimeMessage notAuto = message("superbruger1@kommune.example", "Fejl i brevet");
        notAuto.setHeader("Auto-Submitted", "no");
        assertThat(reason(notAuto, own)).isEmpty();
        MimeMessage outOfOffice = message("superbruger1@kommune.example", "Automatisk svar: Fejl i brevet");
        assertThat(reason(outOfOffice, own)).isPresent();
        MimeMessage bulk = message("nyhedsbrev@kombit.example", "Nyt fra KOMBIT");
        bulk.setHeader("Precedence", "bulk");
        assertThat(reason(bulk, own)).isPresent();
        MimeMessage bounce = message("MAILER-DAEMON@kommune.example", "Undeliverable");
        assertThat(reason(bounce, own)).isPresent();
        assertThat(reason(message("supportflow@kommune.example", "[SUP-2026-000001] Svar"), own)).contains("our own address");
    }

    private static java.util.Optional<String> reason(MimeMessage message, Set<String> own) throws Exception {
        message.saveChanges();
        return AutomaticMail.reason(IncomingMail.of(message, 1_000_000), own);
    }

    private static MimeMessage message(String from, String subject) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress(from));
        message.setRecipients(MimeMessage.RecipientType.TO, "support@kommune.example");
        message.setSubject(subject, "UTF-8");
        message.setText("Tekst", "UTF-8");
        return message;
    }
}
