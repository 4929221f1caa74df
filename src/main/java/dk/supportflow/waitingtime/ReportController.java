package dk.supportflow.waitingtime;

import dk.supportflow.domain.Refused;
import dk.supportflow.web.DateParameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reports for the supportberettigede and administrators (see platform.SecurityConfig). */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Rapporter", description = "Svartider og ventetid")
public class ReportController {

    private final MinSupportReport minSupportReport;

    public ReportController(MinSupportReport minSupportReport) {
        this.minSupportReport = minSupportReport;
    }

    @GetMapping("/minsupport")
    @Operation(summary = "MinSupports svartider pr. kritikalitet: antal besvarede, median og 90 %-fraktil, åbne og den ældste åbne")
    public MinSupportReport.Report minSupport(
            @Parameter(description = "Første dag (åååå-mm-dd), sagen blev indberettet til MinSupport")
            @RequestParam(required = false) String from,
            @Parameter(description = "Sidste dag (åååå-mm-dd, medregnet)")
            @RequestParam(required = false) String to) {
        List<Refused.Field> errors = new ArrayList<>();
        LocalDate fromDate = DateParameter.parse("from", from, errors);
        LocalDate toDate = DateParameter.parse("to", to, errors);
        if (errors.isEmpty() && fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            errors.add(new Refused.Field("to", "Slutdatoen ligger før startdatoen."));
        }
        if (!errors.isEmpty()) {
            throw new Refused(Refused.Why.INVALID, "Rapporten kunne ikke dannes. Ret de nævnte felter og prøv igen.",
                    errors);
        }
        return minSupportReport.build(fromDate, toDate);
    }
}
