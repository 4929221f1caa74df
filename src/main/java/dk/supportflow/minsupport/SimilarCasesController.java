package dk.supportflow.minsupport;

import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.cases.SupportCase;
import dk.supportflow.cases.SupportCaseService;
import dk.supportflow.domain.Refused;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "MinSupport")
public class SimilarCasesController {

    private final SupportCaseService cases;
    private final SimilarMinSupportCases similarCases;
    private final RuntimeService runtimeService;

    public SimilarCasesController(SupportCaseService cases, SimilarMinSupportCases similarCases,
            RuntimeService runtimeService) {
        this.cases = cases;
        this.similarCases = similarCases;
        this.runtimeService = runtimeService;
    }

    @GetMapping("/api/minsupport/similar-cases")
    @Operation(summary = "Åbne og tidligere sager med MinSupport-nummer, der ligner sagen (åbne først)")
    public List<SimilarMinSupportCases.Match> similar(@RequestParam String caseNumber) {
        SupportCase supportCase = cases.find(caseNumber)
                .orElseThrow(() -> Refused.notFound("Sagen " + caseNumber + " findes ikke."));
        String errorClass = supportCase.isClosed() || supportCase.getProcessInstanceId() == null ? null
                : (String) runtimeService.createVariableInstanceQuery().processInstanceIdIn(supportCase.getProcessInstanceId())
                        .variableName(Vars.ERROR_CLASS).list().stream().findFirst().map(v -> v.getValue()).orElse(null);
        return similarCases.find(caseNumber, supportCase.getTitle(), supportCase.getActual(), supportCase.getComponent(),
                errorClass);
    }
}
