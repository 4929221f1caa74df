package dk.supportflow.portal.overview;

import dk.supportflow.portal.PortalPage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.supportflow.domain.Refused;
import dk.supportflow.minsupport.MinSupportRules;
import dk.supportflow.platform.ClockConfig;
import dk.supportflow.waitingtime.MinSupportReport;
import dk.supportflow.web.DateParameter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** /portal/minsupport: the vendor's response times by criticality, as a table and a chart. */
@Controller
public class MinSupportPage implements PortalPage {

    private final MinSupportReport report;
    private final ObjectMapper json;
    private final Clock clock;

    public MinSupportPage(MinSupportReport report, ObjectMapper json, Clock clock) {
        this.report = report;
        this.json = json;
        this.clock = clock;
    }

    /** A row of the table: the criticality's Danish name (or the change requests), and its figures. */
    public record Line(String label, MinSupportReport.Row figures) {
    }

    @GetMapping("/portal/minsupport")
    String page(@RequestParam(required = false) String fra, @RequestParam(required = false) String til, Model model)
            throws JsonProcessingException {
        List<Refused.Field> refused = new ArrayList<>();
        LocalDate to = DateParameter.parse("til", til, refused);
        LocalDate from = DateParameter.parse("fra", fra, refused);
        Map<String, String> errors = new LinkedHashMap<>();
        refused.forEach(field -> errors.put(field.name(), field.message()));
        to = to == null ? LocalDate.now(clock.withZone(ClockConfig.ZONE)) : to;
        from = from == null ? to.minusMonths(6) : from;
        if (to.isBefore(from)) {
            errors.put("til", "Slutdatoen ligger før startdatoen.");
            from = to.minusMonths(6);
        }
        MinSupportReport.Report figures = report.build(from, to);
        List<String> labels = new ArrayList<>();
        List<Double> medians = new ArrayList<>();
        List<Double> p90s = new ArrayList<>();
        for (MinSupportReport.Row row : figures.byCriticality()) {
            labels.add(MinSupportRules.CRITICALITIES.get(row.criticality()));
            medians.add(days(row.medianVendorTime()));
            p90s.add(days(row.p90VendorTime()));
        }
        Map<String, String> values = new LinkedHashMap<>();
        // what was typed stays in the field next to its message
        values.put("fra", errors.containsKey("fra") ? fra : from.toString());
        values.put("til", errors.containsKey("til") ? til : to.toString());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        List<Line> lines = new ArrayList<>();
        figures.byCriticality().forEach(row -> lines.add(new Line(MinSupportRules.CRITICALITIES.get(row.criticality()), row)));
        lines.add(new Line("Ændringsønsker", figures.changeRequests()));
        model.addAttribute("lines", lines);
        // inside <script type="application/json"> a "<" could end the element; as \u003c it stays JSON
        model.addAttribute("chart", json.writeValueAsString(Map.of("labels", labels, "median", medians, "p90", p90s))
                .replace("<", "\\u003c"));
        return "portal/minsupport";
    }

    private static double days(String iso) {
        return iso == null ? 0 : Math.round(Duration.parse(iso).toMinutes() / 144.0) / 10.0;
    }
}
