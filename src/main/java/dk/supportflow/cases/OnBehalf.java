package dk.supportflow.cases;

import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.domain.Refused;
import dk.supportflow.people.Groups;
import dk.supportflow.privacy.Cpr;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Who reported a case. Normally the person who registers it; a supportberettiget (or an
 * administrator) may register it for a superbruger who phoned, wrote or came by, who then owns
 * the case as if they had filed it. The same rule for the API and the Tasklist start form.
 */
@Component
public class OnBehalf {

    /** The reporter; {@code registeredBy} and {@code channel} only when someone else registered the case. */
    public record Reporting(String reporter, String registeredBy, String channel) {
    }

    private final IdentityService identityService;

    public OnBehalf(IdentityService identityService) {
        this.identityService = identityService;
    }

    public Reporting resolve(CaseReport report, String caller) {
        String reporter = report.reporter() == null || report.reporter().isBlank() ? caller : report.reporter().strip();
        if (reporter.equals(caller)) {
            if (report.channel() != null && !report.channel().isBlank()) {
                throw Refused.invalid(Vars.CHANNEL, "Angiv kun, hvordan henvendelsen kom ind, når du registrerer den for en superbruger.");
            }
            return new Reporting(caller, null, null);
        }
        if (!isSupportStaff(caller)) {
            throw Refused.forbidden("Kun de supportberettigede kan registrere en henvendelse for en anden.");
        }
        if (identityService.createUserQuery().userId(reporter).count() == 0) {
            throw Refused.invalid(Vars.REPORTER, "Der findes ingen bruger med brugernavnet \"" + Cpr.maskInText(reporter)
                    + "\". Skriv brugernavnet på den superbruger, der henvendte sig.");
        }
        if (report.channel() == null || report.channel().isBlank()) {
            throw Refused.invalid(Vars.CHANNEL, "Vælg, hvordan superbrugeren henvendte sig: telefon, mail eller personligt.");
        }
        return new Reporting(reporter, caller, report.channel());
    }

    private boolean isSupportStaff(String userId) {
        return identityService.createGroupQuery().groupMember(userId).groupIdIn(Groups.SUPPORTBERETTIGEDE, Groups.CAMUNDA_ADMIN).count() > 0;
    }
}
