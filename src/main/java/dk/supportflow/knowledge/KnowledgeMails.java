package dk.supportflow.knowledge;

import dk.supportflow.notification.Mails;
import dk.supportflow.people.Groups;
import org.springframework.stereotype.Component;

/**
 * The mail of knowledge sharing, in Danish: the answer to every caseworker, never personal data.
 */
@Component
public class KnowledgeMails {

    private final Mails mails;

    public KnowledgeMails(Mails mails) {
        this.mails = mails;
    }

    /** Knowledge sharing: the answer goes to every caseworker. Never personal data. */
    public void shareWithCaseworkers(String caseNumber, String title, String message, String answer) {
        mails.send("share-with-caseworkers", caseNumber, mails.toGroup(Groups.SAGSBEHANDLERE), "[" + caseNumber + "] Til alle sagsbehandlere: " + title,
                "Hej alle\n\n" + message + "\n\n"
                        + "Fejlen: " + title + "\n"
                        + "Løsningen:\n" + answer + "\n\n"
                        + "Møder du samme fejl, så prøv løsningen ovenfor. Hjælper den ikke, så kontakt din superbruger. (Sag " + caseNumber + ")"
                        + mails.guides() + Mails.SIGNATURE);
    }
}
