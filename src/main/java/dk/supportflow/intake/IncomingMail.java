package dk.supportflow.intake;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.TextNode;

/**
 * One mail from the support mailbox as the intake reads it: who sent it, its subject, its text (an
 * HTML-only mail reduced to text, never rendered), the headers that tell an automatic mail or a
 * reply, and its attachments.
 */
record IncomingMail(String messageId, String sender, String senderName, String subject, String text,
        List<String> references, Headers headers, List<Attachment> attachments, boolean tooLarge) {

    record Attachment(String name, String contentType, byte[] content) {
    }

    /** The headers that tell an auto-reply, a bounce or a mailing list. */
    record Headers(String autoSubmitted, String precedence, String returnPath, String contentType, boolean autoReplyHeader,
            boolean listHeader) {
    }

    static IncomingMail of(MimeMessage message, long maxBytes) throws MessagingException, IOException {
        InternetAddress from = firstAddress(message.getFrom());
        String sender = from == null ? "" : from.getAddress().strip().toLowerCase(Locale.ROOT);
        String name = from == null || from.getPersonal() == null ? "" : from.getPersonal().strip();
        String subject = message.getSubject() == null ? "" : message.getSubject().strip();
        List<String> references = new ArrayList<>();
        for (String header : List.of("In-Reply-To", "References")) {
            String value = message.getHeader(header, " ");
            if (value != null) {
                for (String id : value.split("\\s+")) {
                    if (!id.isBlank()) {
                        references.add(id.strip());
                    }
                }
            }
        }
        Headers headers = new Headers(header(message, "Auto-Submitted"), header(message, "Precedence"),
                header(message, "Return-Path"), message.getContentType(),
                message.getHeader("X-Autoreply") != null || message.getHeader("X-Autorespond") != null,
                message.getHeader("List-Id") != null || message.getHeader("List-Unsubscribe") != null);
        long size = message.getSize();
        boolean tooLarge = size > maxBytes;
        Content content = new Content();
        if (!tooLarge) {
            content.read(message);
        }
        String messageId = message.getMessageID();
        if (messageId == null || messageId.isBlank()) {
            // a mail without one gets a stable id of its own: the same mail seen again is recognised
            messageId = "<sha256-" + digest(sender + "\n" + subject + "\n" + message.getSentDate() + "\n" + content.text()) + ">";
        }
        return new IncomingMail(messageId.strip(), sender, name, subject, content.text(), references, headers,
                content.attachments, tooLarge);
    }

    /** The mail's text and files: the first plain text part, else its HTML as text. */
    private static final class Content {
        private String plain;
        private String html;
        private final List<Attachment> attachments = new ArrayList<>();

        void read(Part part) throws MessagingException, IOException {
            String disposition = part.getDisposition();
            String fileName = part.getFileName() == null ? null : MimeUtility.decodeText(part.getFileName());
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    read(child);
                }
            } else if (part.isMimeType("message/rfc822")) {
                // a forwarded mail is a file of its own, not this mail's text
                attachments.add(new Attachment(fileName == null ? "videresendt.eml" : fileName, "message/rfc822", bytes(part)));
            } else if (fileName != null || Part.ATTACHMENT.equalsIgnoreCase(disposition)) {
                attachments.add(new Attachment(fileName == null ? "bilag" : fileName, baseType(part), bytes(part)));
            } else if (part.isMimeType("text/plain") && plain == null) {
                plain = String.valueOf(part.getContent());
            } else if (part.isMimeType("text/html") && html == null) {
                html = String.valueOf(part.getContent());
            }
        }

        String text() {
            String text = plain != null ? plain : html != null ? htmlToText(html) : "";
            return text.replace("\r\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
        }
    }

    /** HTML to text with its paragraphs and line breaks; scripts, styles and markup are dropped. */
    static String htmlToText(String html) {
        Document document = Jsoup.parse(html);
        document.select("script, style, head, title").remove();
        if (document.body() == null) {
            return "";
        }
        // the source's line breaks are spaces in HTML; <br> (wholeText gives it as a line break) and the blocks are the breaks
        document.body().traverse((node, depth) -> {
            if (node instanceof TextNode text && text.parent() != null && !"pre".equals(text.parent().nodeName())) {
                text.text(text.getWholeText().replaceAll("\\s+", " "));
            }
        });
        document.select("p, div, li, tr, h1, h2, h3, h4, h5, h6, blockquote, pre, table").after("\n\n");
        return document.body().wholeText().replace('\u00a0', ' ').replaceAll("[ \\t]+\n", "\n")
                .replaceAll("\n[ \\t]+", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }

    /** The text, with the quoted earlier mails of a reply cut off: only what was written now. */
    String newText() {
        List<String> kept = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith(">") || trimmed.matches("(?i)^(den|on) .+ (skrev|wrote)( .*)?:$")
                    || trimmed.matches("(?i)^-+ ?(oprindelig meddelelse|original message) ?-+$")
                    || trimmed.matches("(?i)^(fra|from): .+") && !kept.isEmpty()) {
                break;
            }
            kept.add(line);
        }
        String result = String.join("\n", kept).strip();
        return result.isEmpty() ? text : result;
    }

    private static String header(Message message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null || values.length == 0 ? "" : values[0].strip();
    }

    private static InternetAddress firstAddress(Address[] addresses) {
        if (addresses == null) {
            return null;
        }
        for (Address address : addresses) {
            if (address instanceof InternetAddress internet && internet.getAddress() != null) {
                return internet;
            }
        }
        return null;
    }

    private static String baseType(Part part) throws MessagingException {
        String type = part.getContentType() == null ? "application/octet-stream" : part.getContentType();
        return type.split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    private static byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
