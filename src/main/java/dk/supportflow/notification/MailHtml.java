package dk.supportflow.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * The HTML part of a mail, made from its Danish text: a page in Danish with the subject as its
 * title, paragraphs, lists for the lines that start with "- ", and links that are links. Screen
 * readers get the language and the structure; every character of the text is escaped.
 */
final class MailHtml {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)]");

    private MailHtml() {
    }

    static String of(String subject, String text) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(escape(subject)).append("</title>\n</head>\n<body style=\"font-family: Arial, Helvetica, sans-serif; "
                        + "font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 40em;\">\n");
        for (String block : text.replace("\r\n", "\n").strip().split("\n\\s*\n")) {
            List<String> lines = List.of(block.split("\n"));
            if (lines.stream().allMatch(line -> line.startsWith("- "))) {
                html.append("<ul>\n");
                lines.forEach(line -> html.append("<li>").append(inline(line.substring(2))).append("</li>\n"));
                html.append("</ul>\n");
            } else {
                List<String> parts = new ArrayList<>();
                lines.forEach(line -> parts.add(inline(line)));
                html.append("<p>").append(String.join("<br>\n", parts)).append("</p>\n");
            }
        }
        return html.append("</body>\n</html>\n").toString();
    }

    /** A line escaped, with its web addresses as links. */
    private static String inline(String line) {
        StringBuilder result = new StringBuilder();
        Matcher link = LINK.matcher(line);
        int at = 0;
        while (link.find()) {
            result.append(escape(line.substring(at, link.start())));
            String url = escape(link.group());
            result.append("<a href=\"").append(url).append("\">").append(url).append("</a>");
            at = link.end();
        }
        return result.append(escape(line.substring(at))).toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
