package dk.supportflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.DanishText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The messages people get when something is refused are Danish (DanishText): every string in the
 * source that is a validation message, an API error, a refused task or start, or a rule's problem.
 */
class DanishMessagesTest {

    /** A line that hands a text to a person: the literals on it are read. */
    private static final Pattern USER_MESSAGE = Pattern.compile(
            "message = \"|Refused\\.\\w+\\(|new Refused\\(|UserInputRefused\\(|\\.problem\\(|requireText\\(|"
                    + "requireOneOf\\(|new Refused\\(|FormFieldValidationException\\(");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void everyMessageForPeopleSpeaksDanishWithoutCodeNames() throws IOException {
        List<String> findings = new ArrayList<>();
        int read = 0;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(source);
                for (int i = 0; i < lines.size(); i++) {
                    if (!USER_MESSAGE.matcher(lines.get(i)).find()) {
                        continue;
                    }
                    // the message may go on over the next lines of the same statement
                    StringBuilder statement = new StringBuilder(lines.get(i));
                    for (int j = i + 1; j < lines.size() && !statement.toString().contains(";") && j < i + 6; j++) {
                        statement.append(' ').append(lines.get(j));
                    }
                    Matcher literal = LITERAL.matcher(statement);
                    while (literal.find()) {
                        String text = literal.group(1);
                        // a field or variable name passed along with the message is code, not text
                        if (text.contains(" ")) {
                            read++;
                            findings.addAll(DanishText.findings(source.getFileName() + ":" + (i + 1), text));
                        }
                    }
                }
            }
        }
        assertThat(read).as("messages read").isGreaterThan(100);
        assertThat(findings).isEmpty();
    }
}
