package dk.supportflow.platform;

import dk.supportflow.domain.Refused;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** For administrators (SecurityConfig): lift a person's login lock at once, from every address. */
@RestController
@RequestMapping("/api/people")
@Tag(name = "Personer", description = "Låste logins (kun administratorer)")
public class LoginUnlockController {

    private final LoginThrottle throttle;
    private final IdentityService identityService;

    public LoginUnlockController(LoginThrottle throttle, IdentityService identityService) {
        this.throttle = throttle;
        this.identityService = identityService;
    }

    public record Unlocked(String userId, String message) {
    }

    @PostMapping("/{userId}/unlock")
    @Operation(summary = "Lås en persons login op igen efter for mange forkerte adgangskoder")
    public Unlocked unlock(@PathVariable String userId) {
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            throw Refused.notFound("Brugeren findes ikke.");
        }
        throttle.unlock(userId);
        identityService.unlockUser(userId);
        return new Unlocked(userId, "Brugeren kan logge ind igen.");
    }
}
