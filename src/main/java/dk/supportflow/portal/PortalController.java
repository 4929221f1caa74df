package dk.supportflow.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.supportflow.dashboard.DashboardFigures;
import dk.supportflow.platform.PasswordLogins;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/** The way in: the login page, the start page each role lands on, the page for a refused address, the dashboard. */
@Controller
public class PortalController implements PortalPage {

    private final DashboardFigures figures;
    private final ObjectMapper json;
    private final boolean singleSignOn;
    private final PasswordLogins passwordLogins;

    public PortalController(DashboardFigures figures, ObjectMapper json,
            @Value("${supportflow.identity.sso.enabled:false}") boolean singleSignOn, PasswordLogins passwordLogins) {
        this.figures = figures;
        this.json = json;
        this.singleSignOn = singleSignOn;
        this.passwordLogins = passwordLogins;
    }

    /** The password form; with single sign-on first the way to the municipality's login. */
    @GetMapping("/portal/login")
    String login(Model model) {
        model.addAttribute("singleSignOn", singleSignOn);
        model.addAttribute("passwordForEveryone", passwordLogins.forEveryone());
        return "portal/login";
    }

    /** A superbruger and a supportberettiget start at the cases; the driftsansvarlige at the driftsside. */
    @GetMapping({"/portal", "/portal/"})
    String start(@ModelAttribute("me") PortalUser me) {
        if (me.mayReadCases()) {
            return "redirect:/portal/sager";
        }
        if (me.mayReadDriftsside()) {
            return "redirect:/portal/driftsside";
        }
        return "redirect:/portal/viden";
    }

    /** Any method: a refused form post (a missing CSRF token) is forwarded here as it came. */
    @RequestMapping("/portal/ingen-adgang")
    String denied(Model model) {
        model.addAttribute("status", 403);
        model.addAttribute("message", "Du har ikke adgang til denne side. Spørg en supportberettiget, hvis du mener, du burde have det.");
        return "portal/refused";
    }

    /** The dashboard's old address leads to its place in the portal. */
    @GetMapping("/dashboard")
    String dashboard() {
        return "redirect:/portal/overblik";
    }

    /** The dashboard with the figures inside the page: one request, and the charts need no further calls. */
    @GetMapping("/portal/overblik")
    String overview(Model model) throws JsonProcessingException {
        // inside <script type="application/json"> a "<" could end the element; as \u003c it stays JSON
        model.addAttribute("figures", json.writeValueAsString(figures.figures()).replace("<", "\\u003c"));
        return "portal/overblik";
    }
}
