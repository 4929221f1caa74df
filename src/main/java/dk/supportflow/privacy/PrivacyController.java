package dk.supportflow.privacy;

import dk.supportflow.domain.Refused;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Finding and erasing a citizen's data by CPR number. Administrators only (SecurityConfig);
 * every call is audited in {@code privacy_audit}. The CPR number comes in the request body,
 * never in the URL, where access logs, proxies and browser histories would keep it.
 */
@RestController
@RequestMapping("/api/privacy/citizens")
@Tag(name = "Persondata", description = "Find og slet en borgers oplysninger (kun administratorer)")
public class PrivacyController {

    private final CitizenData citizenData;

    public PrivacyController(CitizenData citizenData) {
        this.citizenData = citizenData;
    }

    /** The citizen, by CPR number (checked by CitizenData, so that a bad one is never repeated). */
    public record Citizen(String cpr) {
    }

    public record Found(int casesFound, List<String> caseNumbers) {
    }

    public record Erased(int casesErased, List<String> caseNumbers) {
    }

    @PostMapping("/search")
    @Operation(summary = "Sagerne, der har oplysninger om borgeren med dette CPR-nummer")
    public Found find(@RequestBody Citizen citizen, Authentication user) {
        List<String> caseNumbers = citizenData.find(citizen.cpr(), user.getName());
        return new Found(caseNumbers.size(), caseNumbers);
    }

    /**
     * 200 also when no case holds the number (casesErased 0): erasure is idempotent, and a
     * repeated request must not fail because the first one succeeded.
     */
    @PostMapping("/erase")
    @Operation(summary = "Slet borgerens CPR-nummer og oplysninger på alle sager; åbne sager kører videre")
    public Erased erase(@RequestBody Citizen citizen, Authentication user) {
        List<String> caseNumbers = citizenData.erase(citizen.cpr(), user.getName());
        return new Erased(caseNumbers.size(), caseNumbers);
    }

    /**
     * The former paths, which took the CPR number in the URL: 404 with every method, answered
     * here so that the error page does not repeat the URL, and with it the number.
     */
    @Hidden
    @RequestMapping({"/{formerCpr}", "/{formerCpr}/**"})
    public void formerPaths() {
        throw Refused.notFound("Adressen findes ikke. CPR-nummeret sendes nu i forespørgslens indhold.");
    }
}
