package dk.supportflow.minsupport;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/minsupport")
@Tag(name = "MinSupport", description = "Svar fra leverandørens support")
public class MinSupportController {

    private final MinSupportAnswers answers;
    private final TitleCheck titleCheck;

    public MinSupportController(MinSupportAnswers answers, TitleCheck titleCheck) {
        this.answers = answers;
        this.titleCheck = titleCheck;
    }

    public record TitleToCheck(@Size(max = 1000, message = "Titlen må højst være 1000 tegn.") String title) {
    }

    @PostMapping("/title-check")
    @Operation(summary = "Vurdér en titel til MinSupport: neutral, præcis, siger hvor i KP fejlen ses")
    public TitleCheck.Result checkTitle(@Valid @RequestBody TitleToCheck request) {
        return titleCheck.check(request.title());
    }

    public record Answer(
            @NotBlank(message = "Skriv MinSupports svar.")
            @Size(max = 4000, message = "Svaret må højst være 4000 tegn.")
            String answer,
            @Pattern(regexp = "accepted|rejected|planned",
                    message = "Afgørelsen af et ændringsønske skal være accepteret, afvist eller planlagt.")
            String changeRequestOutcome) {
    }

    public record Delivered(String minSupportCaseNumber, List<String> caseNumbers) {
    }

    public record Question(
            @NotBlank(message = "Skriv MinSupports spørgsmål.")
            @Size(max = 4000, message = "Spørgsmålet må højst være 4000 tegn.")
            String question) {
    }

    @PostMapping("/{minSupportCaseNumber}/question")
    @Operation(summary = "MinSupport spørger om noget, som kun indberetteren kan svare på: spørgsmålet går til "
            + "indberetteren på alle sager, der venter på MinSupport-sagen")
    public Delivered question(@PathVariable String minSupportCaseNumber, @Valid @RequestBody Question question) {
        return new Delivered(MinSupportNumbers.normalise(minSupportCaseNumber),
                answers.ask(minSupportCaseNumber, question.question()));
    }

    @PostMapping("/{minSupportCaseNumber}/answer")
    @Operation(summary = "Registrér MinSupports svar; alle sager, der venter på MinSupport-sagen, får det")
    public Delivered answer(@PathVariable String minSupportCaseNumber, @Valid @RequestBody Answer answer) {
        return new Delivered(minSupportCaseNumber, answers.receive(minSupportCaseNumber, answer.answer(), answer.changeRequestOutcome()));
    }
}
