package dk.supportflow.driftsside;

import dk.supportflow.cases.SupportCaseService;
import dk.supportflow.knowledge.KnownError;
import dk.supportflow.knowledge.KnownErrorRepository;
import dk.supportflow.people.Groups;
import dk.supportflow.platform.IdentityAuthenticationProvider;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The known errors linked to a case; readable by whoever may read the case. */
@RestController
@Tag(name = "Driftssiden")
public class CaseKnownErrorsController {

    private final SupportCaseService cases;
    private final KnownErrorLinks links;
    private final KnownErrorRepository knownErrors;

    public CaseKnownErrorsController(SupportCaseService cases, KnownErrorLinks links, KnownErrorRepository knownErrors) {
        this.cases = cases;
        this.links = links;
        this.knownErrors = knownErrors;
    }

    public record CaseKnownError(long knownErrorId, String symptom, String component, String workaround, String sourceLink,
            boolean fixed, String matchedAt, String minSupportCaseNumber, Instant linkedAt, Instant reporterNotifiedAt) {
    }

    @GetMapping("/api/cases/{caseNumber}/known-errors")
    @Operation(summary = "De kendte fejl fra driftssiden, som sagen er knyttet til")
    public List<CaseKnownError> knownErrors(@PathVariable String caseNumber, Authentication user) {
        cases.readable(caseNumber, user.getName(), isSupportStaff(user));
        return links.linksOf(caseNumber).stream().map(link -> {
            KnownError k = knownErrors.findById(link.getKnownErrorId()).orElseThrow();
            return new CaseKnownError(k.getId(), k.getSymptom(), k.getComponent(), k.getWorkaround(), k.getSourceLink(),
                    k.isRetired(), link.getMatchedAt().name(), link.getMinSupportCaseNumber(), link.getLinkedAt(),
                    link.getReporterNotifiedAt());
        }).toList();
    }

    private static boolean isSupportStaff(Authentication user) {
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(
                IdentityAuthenticationProvider.GROUP_PREFIX + Groups.SUPPORTBERETTIGEDE)
                || a.getAuthority().equals(IdentityAuthenticationProvider.GROUP_PREFIX + Groups.CAMUNDA_ADMIN));
    }
}
