package dk.supportflow.cases;

import dk.supportflow.people.Groups;
import dk.supportflow.platform.IdentityAuthenticationProvider;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
@Tag(name = "Supportsager", description = "Indberet fejl, se sagens tilstand og tilføj ny information")
public class CaseController {

    private final SupportCaseService supportCaseService;
    private final TitleCheck titleCheck;

    public CaseController(SupportCaseService supportCaseService, TitleCheck titleCheck) {
        this.supportCaseService = supportCaseService;
        this.titleCheck = titleCheck;
    }

    /**
     * The opened case, with advice on its title: a report is never refused for its title, but the
     * reporter learns what a good one looks like (it is checked again before MinSupport).
     */
    public record Opened(String caseNumber, String processInstanceId, List<String> titleFindings) {
    }

    public record NewInformation(
            @NotBlank(message = "Skriv, hvor informationen kommer fra (fx CPR, kollega, borger).")
            @Size(max = 100, message = "Kilden må højst være 100 tegn.")
            String source,
            @NotBlank(message = "Skriv informationen.")
            @Size(max = 4000, message = "Teksten må højst være 4000 tegn.")
            String text) {
    }

    @PostMapping
    @Operation(summary = "Indberet en fejl, en supportsag eller et ændringsønske og start en supportsag. "
            + "En supportberettiget kan registrere henvendelsen for en superbruger (reporter og channel).")
    public ResponseEntity<Opened> open(@Valid @RequestBody CaseReport report, Authentication user) {
        SupportCaseService.OpenedCase opened = supportCaseService.openCase(report, user.getName());
        return ResponseEntity.created(URI.create("/api/cases/" + opened.caseNumber()))
                .body(new Opened(opened.caseNumber(), opened.processInstanceId(), titleCheck.messages(report.title())));
    }

    @GetMapping("/{caseNumber}")
    @Operation(summary = "Sagens tilstand: fase, udfald, MinSupport-nummer (CPR vises maskeret)")
    public CaseView get(@PathVariable String caseNumber, Authentication user) {
        return supportCaseService.view(caseNumber, user.getName(), isSupportStaff(user));
    }

    @PostMapping("/{caseNumber}/events")
    @Operation(summary = "Ny information på en åben sag (beskeden CaseInformationAdded)")
    public ResponseEntity<Void> addInformation(@PathVariable String caseNumber, @Valid @RequestBody NewInformation info,
            Authentication user) {
        supportCaseService.addInformation(caseNumber, info.source(), info.text(), user.getName(), isSupportStaff(user));
        return ResponseEntity.accepted().build();
    }

    /** A supportberettiget or an administrator: they work every case. */
    public static boolean isSupportStaff(Authentication user) {
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(IdentityAuthenticationProvider.GROUP_PREFIX
                + Groups.SUPPORTBERETTIGEDE) || a.getAuthority().equals(IdentityAuthenticationProvider.GROUP_PREFIX + Groups.CAMUNDA_ADMIN));
    }
}
