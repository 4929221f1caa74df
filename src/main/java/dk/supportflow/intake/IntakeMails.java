package dk.supportflow.intake;

import dk.supportflow.notification.Mails;
import java.util.List;
import org.springframework.stereotype.Component;

/** What the intake answers a person whose mail it could not take as they meant it, in Danish. */
@Component
class IntakeMails {

    static final String PURPOSE = "intake";

    private final Mails mails;

    IntakeMails(Mails mails) {
        this.mails = mails;
    }

    /** Somebody Supportflow does not know (or who may not report): no case, a polite answer. */
    void notTaken(String sender, String subject) {
        mails.send(PURPOSE, null, List.of(sender), "Vi kunne ikke tage imod din mail: " + shortened(subject), """
                Tak for din mail.

                Supportpostkassen tager imod fejlindberetninger om KP fra kommunens superbrugere og svar på de \
                mails, Supportflow har sendt. Din mailadresse hører ikke til en af dem, så din mail er ikke \
                registreret som en sag.

                Har du fundet en fejl i KP, så kontakt superbrugeren på din afdeling, som indberetter den for dig.

                Venlig hilsen
                Supportflow""");
    }

    /** A mail that was taken, but not all of it: the files that were left out, and why. */
    void filesLeftOut(String sender, String caseNumber, List<String> reasons) {
        mails.send(PURPOSE, caseNumber, List.of(sender), "[" + caseNumber + "] Ikke alle bilag kom med",
                "Din mail er registreret på sag " + caseNumber + ", men disse bilag kom ikke med:\n\n- "
                        + String.join("\n- ", reasons)
                        + "\n\nSend dem igen i et format, Supportflow tager imod (PDF, PNG, JPEG eller DOCX), eller læg dem på "
                        + "sagen i portalen.\n\nVenlig hilsen\nSupportflow");
    }

    /** A mail Supportflow cannot take as it is: why, and what to do. */
    void refused(String sender, String subject, String reason) {
        mails.send(PURPOSE, null, List.of(sender), "Vi kunne ikke tage imod din mail: " + shortened(subject),
                "Tak for din mail. Den kunne ikke registreres: " + reason
                        + "\n\nDu kan også skrive til sagen i portalen.\n\nVenlig hilsen\nSupportflow");
    }

    private static String shortened(String subject) {
        String text = subject == null || subject.isBlank() ? "(uden emne)" : subject.strip();
        return text.length() > 150 ? text.substring(0, 150) + "…" : text;
    }
}
