package dk.supportflow.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard for the supportberettigede and the driftsansvarlige: a page with charts
 * (Chart.js) and the same figures as JSON.
 */
@RestController
@Tag(name = "Overblik", description = "Tallene bag overbliksiden /dashboard")
public class DashboardController {

    private static final String PAGE = "dashboard/index.html";
    private static final String FIGURES_PLACEHOLDER = "/*FIGURES*/";

    private final DashboardFigures figures;
    private final ObjectMapper json;
    private final String page;

    public DashboardController(DashboardFigures figures, ObjectMapper json) {
        this.figures = figures;
        this.json = json;
        try {
            this.page = new ClassPathResource(PAGE).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/api/dashboard")
    @Operation(summary = "Sager pr. uge, hyppigste fejlmønstre, åbne MinSupport-sager efter alder og gangmøders effekt")
    public DashboardFigures.Figures figures() {
        return figures.figures();
    }

    /** The page, with the figures inside it: one request, and the charts need no further calls. */
    @GetMapping(value = "/dashboard", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    public String page() throws JsonProcessingException {
        // inside <script type="application/json"> a "<" could end the element; as \u003c it stays JSON
        String data = json.writeValueAsString(figures.figures()).replace("<", "\\u003c");
        return page.replace(FIGURES_PLACEHOLDER, data);
    }
}
