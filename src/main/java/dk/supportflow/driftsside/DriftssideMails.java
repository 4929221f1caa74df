package dk.supportflow.driftsside;

import dk.supportflow.notification.Mails;
import dk.supportflow.people.Groups;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The mails of the driftsside, in Danish: a fixed known error to the reporter, a message passed
 * on.
 */
@Component
public class DriftssideMails {

    private final Mails mails;

    public DriftssideMails(Mails mails) {
        this.mails = mails;
    }

    /** A release on the driftsside fixes the known error that the reporter's case matched. */
    public void knownErrorFixed(String caseNumber, String title, String reporter, String knownError, String release,
            String releaseLink) {
        mails.send("known-error-fixed", caseNumber, mails.toUser(reporter), "[" + caseNumber + "] Fejlen er rettet: " + title,
                "Hej " + mails.nameOf(reporter) + "\n\n"
                        + "Den fejl, du har indberettet, er en kendt fejl hos leverandøren af KP:\n" + title + "\n\n"
                        + "Kendt fejl: " + knownError + "\n\n"
                        + "Ifølge driftssiden er fejlen nu rettet: " + release + "\n"
                        + (releaseLink == null ? "" : releaseLink + "\n")
                        + "\nPrøv igen på samme måde som før. Opstår fejlen stadig, så giv den supportberettigede besked og nævn sagen "
                        + caseNumber + "." + Mails.SIGNATURE);
    }

    /**
     * A driftsside message the driftsansvarlige pass on: to every sagsbehandler and/or every
     * supportberettiget (each once). A known error comes with its component and workaround.
     */
    public void passOnDriftsbesked(String key, boolean toCaseworkers, boolean toSupport, String title, String kindName,
            String summary, String link, String note, String component, String workaround) {
        List<String> recipients = new ArrayList<>();
        if (toCaseworkers) {
            recipients.addAll(mails.toGroup(Groups.SAGSBEHANDLERE));
        }
        if (toSupport) {
            mails.toGroup(Groups.SUPPORTBERETTIGEDE).stream().filter(m -> !recipients.contains(m)).forEach(recipients::add);
        }
        mails.send("driftsbesked", key, recipients, "[" + key + "] Fra driftssiden: " + title,
                "Hej alle\n\n"
                        + (note == null || note.isBlank() ? "" : note.strip() + "\n\n")
                        + kindName + " fra driftssiden:\n" + title + "\n\n"
                        + (summary == null ? "" : summary + "\n\n")
                        + (component == null ? "" : "Hvor i KP: " + component + "\n")
                        + (workaround == null ? "" : "Sådan gør du, indtil fejlen er rettet: " + workaround + "\n\n")
                        + Optional.ofNullable(link).or(mails::driftssideLink).map(url -> "Læs mere på driftssiden: " + url).orElse("")
                        + Mails.DRIFT_SIGNATURE);
    }
}
