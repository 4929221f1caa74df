package dk.supportflow.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's figures as JSON, for the supportberettigede and the driftsansvarlige; the page
 * with its charts (Chart.js) is the portal's /portal/overblik.
 */
@RestController
@Tag(name = "Overblik", description = "Tallene bag overbliksiden /portal/overblik")
public class DashboardController {

    private final DashboardFigures figures;

    public DashboardController(DashboardFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/api/dashboard")
    @Operation(summary = "Sager pr. uge, hyppigste fejlmønstre, åbne MinSupport-sager efter alder og gangmøders effekt")
    public DashboardFigures.Figures figures() {
        return figures.figures();
    }
}
