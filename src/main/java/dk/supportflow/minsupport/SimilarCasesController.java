package dk.supportflow.minsupport;

import dk.supportflow.cases.SupportCase;
import dk.supportflow.cases.SupportCaseService;
import dk.supportflow.domain.Refused;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "MinSupport")
public class SimilarCasesController {

    private final SupportCaseService cases;
    private final SimilarMinSupportCases similarCases;

    public SimilarCasesController(SupportCaseService cases, SimilarMinSupportCases similarCases) {
        this.cases = cases;
        this.similarCases = similarCases;
    }

    @GetMapping("/api/minsupport/similar-cases")
    @Operation(summary = "Åbne og tidligere sager med MinSupport-nummer, der ligner sagen (åbne først)")
    public List<SimilarMinSupportCases.Match> similar(@RequestParam String caseNumber) {
        SupportCase supportCase = cases.find(caseNumber)
                .orElseThrow(() -> Refused.notFound("Sagen " + caseNumber + " findes ikke."));
        // the error class the analysis gave, as the case row has it
        return similarCases.find(caseNumber, supportCase.getTitle(), supportCase.getActual(), supportCase.getComponent(),
                supportCase.isClosed() ? null : supportCase.getErrorClass());
    }
}
