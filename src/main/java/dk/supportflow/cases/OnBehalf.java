package dk.supportflow.cases;

import static dk.supportflow.process.SupportCaseProcess.Vars;
import dk.supportflow.process.SupportCaseProcess;

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

    /**
     * Why a report on behalf of someone was refused, and the field at fault; {@code forbidden}
     * when the caller may not do it at all.
     */
    public static class Refused extends RuntimeException {
        private final String field;
        private final boolean forbidden;

        Refused(String field, String message, boolean forbidden) {
            super(message);
            this.field = field;
            this.forbidden = forbidden;
        }

        public String field() {
            return field;
        }

        public boolean forbidden() {
            return forbidden;
        }
    }

    private final IdentityService identityService;

    public OnBehalf(IdentityService identityService) {
        this.identityService = identityService;
    }

    public Reporting resolve(CaseReport report, String caller) {
        String reporter = report.reporter() == null || report.reporter().isBlank() ? caller : report.reporter().strip();
        if (reporter.equals(caller)) {
            if (report.channel() != null && !report.channel().isBlank()) {
                throw new Refused(Vars.CHANNEL, "Angiv kun, hvordan henvendelsen kom ind, når du registrerer den for en superbruger.", false);
            }
            return new Reporting(caller, null, null);
        }
        if (!isSupportStaff(caller)) {
            throw new Refused(Vars.REPORTER, "Kun de supportberettigede kan registrere en henvendelse for en anden.", true);
        }
        if (identityService.createUserQuery().userId(reporter).count() == 0) {
            throw new Refused(Vars.REPORTER, "Der findes ingen bruger med brugernavnet \"" + Cpr.maskInText(reporter)
                    + "\". Skriv brugernavnet på den superbruger, der henvendte sig.", false);
        }
        if (report.channel() == null || report.channel().isBlank()) {
            throw new Refused(Vars.CHANNEL, "Vælg, hvordan superbrugeren henvendte sig: telefon, mail eller personligt.", false);
        }
        return new Reporting(reporter, caller, report.channel());
    }

    private boolean isSupportStaff(String userId) {
        return identityService.createGroupQuery().groupMember(userId).groupIdIn(Groups.SUPPORTBERETTIGEDE, Groups.CAMUNDA_ADMIN).count() > 0;
    }
}
