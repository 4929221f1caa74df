package dk.supportflow.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.supportflow.DanishText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a person reads on a Tasklist form is Danish: no English words, no variable names, no API
 * paths (DanishText). Reads every label, description, text and option of every form in processes/forms.
 */
class DanishFormTextTest {

    @Test
    void everyFormSpeaksDanishWithoutCodeNames() throws IOException {
        List<String> findings = new ArrayList<>();
        try (Stream<Path> forms = Files.list(Path.of("processes/forms"))) {
            for (Path form : forms.sorted().toList()) {
                for (String text : visibleTexts(new ObjectMapper().readTree(form.toFile()))) {
                    findings.addAll(DanishText.findings(form.getFileName().toString(), text));
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
}
