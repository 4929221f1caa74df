package dk.supportflow.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a person reads on a Tasklist form is Danish: no English words, no variable names, no API
 * paths. Reads every label, description, text and option of every form in processes/forms, with
 * the template expressions ({{...}}) and HTML tags taken out.
 */
class DanishFormTextTest {

    /** English words a Danish form has no use for (whole words, any case). */
    private static final List<String> ENGLISH = List.of("the", "and", "task", "error", "please", "click", "submit",
            "case", "field", "required", "select", "yes", "no", "true", "false", "null", "user", "process", "watcher",
            "support");
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{[^}]*}}");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern WORD = Pattern.compile("[\\p{L}/_-]+");

    @Test
    void everyFormSpeaksDanishWithoutCodeNames() throws IOException {
        List<String> codeNames = new ArrayList<>(variableNames());
        codeNames.addAll(List.of("/api/", "engine-rest", "camunda"));
        List<String> findings = new ArrayList<>();
        try (Stream<Path> forms = Files.list(Path.of("processes/forms"))) {
            for (Path form : forms.sorted().toList()) {
                for (String text : visibleTexts(new ObjectMapper().readTree(form.toFile()))) {
                    String plain = TAG.matcher(TEMPLATE.matcher(text).replaceAll(" ")).replaceAll(" ");
                    Matcher words = WORD.matcher(plain);
                    while (words.find()) {
                        String word = words.group();
                        if (ENGLISH.contains(word.toLowerCase()) || codeNames.stream().anyMatch(word::equals)
                                || codeNames.stream().filter(c -> c.startsWith("/") || c.contains("-"))
                                        .anyMatch(c -> word.toLowerCase().contains(c))) {
                            findings.add(form.getFileName() + ": \"" + word + "\" in \"" + plain.strip() + "\"");
                        }
                    }
                }
            }
        }
        assertThat(findings).isEmpty();
    }

    private static List<String> visibleTexts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isObject()) {
            for (String key : List.of("label", "description", "text", "content", "placeholder")) {
                if (node.hasNonNull(key) && node.get(key).isTextual()) {
                    texts.add(node.get(key).asText());
                }
            }
            node.fields().forEachRemaining(e -> {
                if (e.getValue().isContainerNode()) {
                    texts.addAll(visibleTexts(e.getValue()));
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> texts.addAll(visibleTexts(child)));
        }
        return texts;
    }

    /** The process variables of every process: code names, never words for people. */
    private static List<String> variableNames() {
        return Stream.of(SupportCaseProcess.Vars.class, dk.supportflow.meetings.GangmoedeProcess.Vars.class,
                        dk.supportflow.driftsside.DriftssideProcess.Vars.class)
                .flatMap(c -> Arrays.stream(c.getDeclaredFields()))
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(DanishFormTextTest::value)
                // a one-word name such as "title" or "answer" is an English word, caught above
                .filter(name -> !name.equals(name.toLowerCase()))
                .toList();
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
