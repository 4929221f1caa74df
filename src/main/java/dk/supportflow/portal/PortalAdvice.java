package dk.supportflow.portal;

import dk.supportflow.domain.Refused;
import dk.supportflow.people.PeopleDirectory;
import dk.supportflow.web.ApiExceptionHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * What every portal page has: who is logged in; and a Danish page when a service refuses or
 * something fails (before the API's JSON handler, which would answer the rest of the site).
 */
@ControllerAdvice(assignableTypes = PortalPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PortalAdvice {

    private static final Logger LOG = LoggerFactory.getLogger(PortalAdvice.class);

    private final PeopleDirectory people;

    public PortalAdvice(PeopleDirectory people) {
        this.people = people;
    }

    @ModelAttribute("me")
    PortalUser me() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated() || "anonymousUser".equals(user.getPrincipal())) {
            return null;
        }
        return PortalUser.of(user, people.displayName(user.getName()));
    }

    /** The part of the portal a page belongs to ("sager", "viden", …), for the navigation. */
    @ModelAttribute("section")
    String section(HttpServletRequest request) {
        String[] parts = request.getRequestURI().split("/");
        return parts.length > 2 ? parts[2] : "";
    }

    /** Another's case, an unknown one, a closed one: the service's Danish reason, with its HTTP status. */
    @ExceptionHandler(Refused.class)
    String refused(Refused refused, HttpServletResponse response, Model model) {
        response.setStatus(ApiExceptionHandler.statusOf(refused.why()).value());
        model.addAttribute("message", refused.getMessage());
        model.addAttribute("status", response.getStatus());
        return "portal/refused";
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        model.addAttribute("message", "Filen er for stor. Gør skærmbilledet mindre, eller del dokumentet op, og prøv igen.");
        model.addAttribute("status", response.getStatus());
        return "portal/refused";
    }

    @ExceptionHandler(Exception.class)
    String failed(Exception e, HttpServletResponse response, Model model) {
        // the type only: messages of lower layers may quote input
        LOG.error("Portal page failed: {}", e.getClass().getName());
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        model.addAttribute("message", "Siden kunne ikke vises på grund af en fejl i Supportflow. Prøv igen om lidt; "
                + "sker det igen, så kontakt de driftsansvarlige.");
        model.addAttribute("status", response.getStatus());
        return "portal/refused";
    }
}
