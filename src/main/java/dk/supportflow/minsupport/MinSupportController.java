package dk.supportflow.minsupport;

import dk.supportflow.cases.TitleCheck;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

    /** The cases reached; none, with {@code waitsForCase}, when it is kept until a case waits on the number. */
    public record Delivered(String minSupportCaseNumber, List<String> caseNumbers, boolean waitsForCase) {

        static ResponseEntity<Delivered> of(String typedNumber, MinSupportAnswers.Outcome outcome) {
            Delivered delivered = new Delivered(MinSupportNumbers.normalise(typedNumber), outcome.caseNumbers(), outcome.kept());
            return outcome.kept() ? ResponseEntity.accepted().body(delivered) : ResponseEntity.ok(delivered);
        }
    }

    /** An answer or a question in the inbox: when it came, and where it went (text only while it waits). */
    public record InboxView(Long id, String minSupportCaseNumber, String kind, String text, Instant receivedAt,
            Instant deliveredAt, String deliveredTo) {
    }

    @GetMapping("/answers")
    @Operation(summary = "Svar og spørgsmål fra MinSupport, der kom, før en sag ventede på MinSupport-sagen "
            + "(unmatched=true: kun dem, der stadig venter)")
    public List<InboxView> inbox(@RequestParam(defaultValue = "false") boolean unmatched) {
        return answers.inbox(unmatched).stream().map(e -> new InboxView(e.getId(), e.getMinSupportCaseNumber(),
                e.getKind().name(), e.getText(), e.getReceivedAt(), e.getDeliveredAt(), e.getDeliveredTo())).toList();
    }

    public record Question(
            @NotBlank(message = "Skriv MinSupports spørgsmål.")
            @Size(max = 4000, message = "Spørgsmålet må højst være 4000 tegn.")
            String question) {
    }

    @PostMapping("/{minSupportCaseNumber}/question")
    @Operation(summary = "MinSupport spørger om noget, som kun indberetteren kan svare på: spørgsmålet går til "
            + "indberetteren på alle sager, der venter på MinSupport-sagen")
    public ResponseEntity<Delivered> question(@PathVariable String minSupportCaseNumber,
            @Valid @RequestBody Question question) {
        return Delivered.of(minSupportCaseNumber, answers.ask(minSupportCaseNumber, question.question()));
    }

    @PostMapping("/{minSupportCaseNumber}/answer")
    @Operation(summary = "Registrér MinSupports svar; alle sager, der venter på MinSupport-sagen, får det. "
            + "Venter ingen sag endnu, gemmes svaret (202) og når sagen, så snart den venter")
    public ResponseEntity<Delivered> answer(@PathVariable String minSupportCaseNumber, @Valid @RequestBody Answer answer) {
        return Delivered.of(minSupportCaseNumber, answers.answer(minSupportCaseNumber, answer.answer(),
                answer.changeRequestOutcome()));
    }
}
