package dk.supportflow;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/** Reading what the tests' SMTP server received; sending runs in the background, so tests wait for it. */
public final class ReceivedMails {

    private static final long WAIT_MILLIS = 10_000;

    private ReceivedMails() {
    }

    /** The received mails that match, once at least {@code expected} of them have arrived (or the wait is over). */
    public static List<MimeMessage> await(GreenMailExtension smtp, Predicate<MimeMessage> which, int expected)
            throws InterruptedException {
        try {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMillis(WAIT_MILLIS))
                    .pollInterval(java.time.Duration.ofMillis(50))
                    .until(() -> Arrays.stream(smtp.getReceivedMessages()).filter(which).count() >= expected);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // the caller's assertion on what did arrive says more than the timeout
        }
        return Arrays.stream(smtp.getReceivedMessages()).filter(which).toList();
    }

    public static Predicate<MimeMessage> subjectStartsWith(String start) {
        return mail -> subject(mail).startsWith(start);
    }

    public static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The mail's plain text: the whole body, or its text/plain part. */
    public static String text(MimeMessage mail) {
        try {
            return text((jakarta.mail.Part) mail);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = text(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    public static String recipient(MimeMessage mail) {
        try {
            return mail.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
