package dk.supportflow.portal.report;

import dk.supportflow.domain.Refused;
import dk.supportflow.platform.ClockConfig;
import dk.supportflow.web.DateParameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The deflection figures for the supportberettigede and administrators (see platform.SecurityConfig). */
@RestController
@Tag(name = "Rapporter", description = "Svartider og ventetid")
public class DeflectionController {

    private final Deflections deflections;
    private final Clock clock;

    public DeflectionController(Deflections deflections, Clock clock) {
        this.deflections = deflections;
        this.clock = clock;
    }

    @GetMapping("/api/reports/deflection")
    @Operation(summary = "Indberetninger i portalen: hvor mange fik forslag, mens de blev skrevet (shown), hvor mange blev "
            + "løst af et forslag uden en sag (solvedBySuggestion), og hvor mange blev indberettet som sag (reported)")
    public Deflections.Figures deflection(
            @Parameter(description = "Første dag (åååå-mm-dd); 30 dage før sidste dag, hvis den ikke er givet")
            @RequestParam(required = false) String from,
            @Parameter(description = "Sidste dag (åååå-mm-dd, medregnet); i dag, hvis den ikke er givet")
            @RequestParam(required = false) String to) {
        List<Refused.Field> errors = new ArrayList<>();
        LocalDate toDate = DateParameter.parse("to", to, errors);
        LocalDate fromDate = DateParameter.parse("from", from, errors);
        if (errors.isEmpty()) {
            toDate = toDate == null ? LocalDate.now(clock.withZone(ClockConfig.ZONE)) : toDate;
            fromDate = fromDate == null ? toDate.minusDays(30) : fromDate;
            if (toDate.isBefore(fromDate)) {
                errors.add(new Refused.Field("to", "Slutdatoen ligger før startdatoen."));
            }
        }
        if (!errors.isEmpty()) {
            throw new Refused(Refused.Why.INVALID, "Tallene kunne ikke dannes. Ret de nævnte felter og prøv igen.", errors);
        }
        return deflections.figures(fromDate, toDate);
    }
}
