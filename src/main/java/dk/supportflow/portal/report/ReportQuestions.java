package dk.supportflow.portal.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The report's questions as the Tasklist start form asks them (processes/forms/supportCaseStart.form):
 * labels, help texts and choices are read from the form, so the portal and Tasklist ask alike.
 */
@Component
public class ReportQuestions {

    static final String START_FORM = "processes/forms/supportCaseStart.form";

    /** A question: its label, its help text (may be null) and, for a choice, its options (value → label). */
    public record Question(String label, String hint, Map<String, String> options) {
    }

    private final Map<String, Question> questions = new LinkedHashMap<>();

    public ReportQuestions(ObjectMapper json) {
        try (InputStream form = new ClassPathResource(START_FORM).getInputStream()) {
            collect(json.readTree(form));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void collect(JsonNode node) {
        for (JsonNode component : node.path("components")) {
            if (component.hasNonNull("key")) {
                Map<String, String> options = new LinkedHashMap<>();
                component.path("values").forEach(v -> options.put(v.path("value").asText(), v.path("label").asText()));
                String label = component.hasNonNull("label") ? component.get("label").asText()
                        : component.path("dateLabel").asText(component.get("key").asText());
                questions.put(component.get("key").asText(), new Question(label,
                        component.hasNonNull("description") ? component.get("description").asText() : null, options));
            }
            collect(component);
        }
    }

    /** Every question by its key (the fields of cases.CaseReport). */
    public Map<String, Question> all() {
        return questions;
    }
}
