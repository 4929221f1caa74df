package dk.supportflow.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Finding and erasing a citizen's data by CPR number. Administrators only (SecurityConfig);
 * every call is audited in {@code privacy_audit}.
 */
@RestController
@RequestMapping("/api/privacy/citizens")
@Tag(name = "Persondata", description = "Find og slet en borgers oplysninger (kun administratorer)")
public class PrivacyController {

    private final CitizenData citizenData;

    public PrivacyController(CitizenData citizenData) {
        this.citizenData = citizenData;
    }

    public record Found(int casesFound, List<String> caseNumbers) {
    }

    public record Erased(int casesErased, List<String> caseNumbers) {
    }

    @GetMapping("/{cpr}")
    @Operation(summary = "Sagerne, der har oplysninger om borgeren med dette CPR-nummer")
    public Found find(@PathVariable String cpr, Authentication user) {
        List<String> caseNumbers = citizenData.find(cpr, user.getName());
        return new Found(caseNumbers.size(), caseNumbers);
    }

    /**
     * 200 also when no case holds the number (casesErased 0): erasure is idempotent, and a
     * repeated request must not fail because the first one succeeded.
     */
    @DeleteMapping("/{cpr}")
    @Operation(summary = "Slet borgerens CPR-nummer og oplysninger på alle sager; åbne sager kører videre")
    public Erased erase(@PathVariable String cpr, Authentication user) {
        List<String> caseNumbers = citizenData.erase(cpr, user.getName());
        return new Erased(caseNumbers.size(), caseNumbers);
    }
}
