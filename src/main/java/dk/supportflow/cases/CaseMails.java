package dk.supportflow.cases;

import dk.supportflow.notification.Mails;
import dk.supportflow.people.Groups;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The mails of a support case itself, in Danish: the receipt, reminders while it waits, new
 * information and the answer. Subjects start with the case number (see notification.Mails).
 */
@Component
public class CaseMails {

    private final Mails mails;

    public CaseMails(Mails mails) {
        this.mails = mails;
    }

    /**
     * The reporter learns the case number and what happens next; a case registered for them by a
     * supportberettiget says who registered it and from which contact.
     */
    public void receipt(String caseNumber, String title, String reporter, boolean error, String registeredBy,
            String channelName) {
        String what = error ? "fejlindberetning" : "henvendelse";
        String registered = registeredBy == null ? "Tak for din " + what + "."
                : mails.nameOf(registeredBy) + " har registreret din " + what + " i Supportflow"
                        + (channelName == null ? "" : " efter " + channelName) + ".";
        mails.send("receipt", caseNumber, mails.toUser(reporter), "[" + caseNumber + "] Vi har modtaget din " + what + ": " + title,
                "Hej " + mails.nameOf(reporter) + "\n\n"
                        + registered + " Den har fået sagsnummer " + caseNumber + ":\n"
                        + title + "\n\n"
                        + (error ? "En supportberettiget bruger analyserer nu fejlen." : "En supportberettiget bruger ser nu på den.")
                        + " Du får en mail, når der er et svar, "
                        + "eller hvis vi har brug for flere oplysninger fra dig. Skriv sagsnummeret, hvis du "
                        + "henvender dig om sagen." + Mails.SIGNATURE);
    }

    /** provideMoreInfo has waited for the reporter's answer. */
    public void reporterReminder(String caseNumber, String title, String reporter, String taskId) {
        mails.send("reporter-reminder", caseNumber, mails.toUser(reporter), "[" + caseNumber + "] Påmindelse: vi venter på dit svar: " + title,
                "Hej " + mails.nameOf(reporter) + "\n\n"
                        + "Den supportberettigede venter stadig på dit svar på spørgsmålet til sag " + caseNumber + ":\n"
                        + title + "\n\n"
                        + "Sagen kommer ikke videre, før du har svaret. Svar her (opgaven \"Uddyb fejlindberetningen\"):\n"
                        + mails.taskLink(taskId) + Mails.SIGNATURE);
    }

    /** The reporter still has not answered: the supportberettiget who has the case (or all of them) decides what now. */
    public void reporterSilent(String caseNumber, String title, Optional<String> caseHandler, String reporter, String taskId) {
        List<String> recipients = mails.handlerOrGroup(caseHandler);
        mails.send("reporter-silent", caseNumber, recipients, "[" + caseNumber + "] " + mails.nameOf(reporter) + " har ikke svaret: " + title,
                mails.nameOf(reporter) + " har endnu ikke svaret på spørgsmålet i sag " + caseNumber + ":\n" + title
                        + "\n\nRing eller skriv til indberetteren, eller luk sagen, hvis den ikke længere er aktuel. "
                        + "Opgaven, der venter på svaret:\n" + mails.taskLink(taskId) + Mails.SIGNATURE);
    }

    /** A task of the supportberettigede has lain untouched: its assignee, or the whole group, is reminded. */
    public void taskReminder(String caseNumber, String title, String taskName, String assignee, String taskId) {
        List<String> recipients = assignee == null ? mails.toGroup(Groups.SUPPORTBERETTIGEDE) : mails.toUser(assignee);
        mails.send("task-reminder", caseNumber, recipients, "[" + caseNumber + "] Påmindelse: \"" + taskName + "\" venter: " + title,
                "Opgaven \"" + taskName + "\" på sag " + caseNumber + " venter stadig"
                        + (assignee == null ? ", og ingen har taget den" : " på " + mails.nameOf(assignee)) + ":\n"
                        + title + "\n\nÅbn opgaven:\n" + mails.taskLink(taskId) + Mails.SIGNATURE);
    }

    /**
     * The answer goes back to the reporter; for a change request (ændringsønske) with
     * MinSupport's decision in Danish, e.g. "Planlagt".
     */
    public void answer(String caseNumber, String title, String reporter, boolean error, String answer,
            String changeRequestDecision) {
        mails.send("answer", caseNumber, mails.toUser(reporter), "[" + caseNumber + "] Svar på din " + (error ? "fejlindberetning" : "henvendelse")
                        + ": " + title,
                "Hej " + mails.nameOf(reporter) + "\n\n"
                        + (error ? "Her er svaret på den fejl, du har indberettet:\n" : "Her er svaret på din henvendelse:\n")
                        + title + "\n\n"
                        + (changeRequestDecision == null ? ""
                                : "MinSupports afgørelse af ændringsønsket: " + changeRequestDecision + "\n\n")
                        + answer + "\n\n"
                        + (error ? "Giv gerne svaret videre til de kolleger, der har mødt samme fejl." : "")
                        + mails.guides() + Mails.SIGNATURE);
    }

    /** New information reached an open case; the supportberettiget who has it (or all of them) is told. */
    public void informationAdded(String caseNumber, String title, Optional<String> caseHandler, String source,
            String text) {
        List<String> recipients = mails.handlerOrGroup(caseHandler);
        mails.send("information-added", caseNumber, recipients, "[" + caseNumber + "] Ny information på sagen: " + title,
                "Der er kommet ny information på sag " + caseNumber + ":\n" + title + "\n\n"
                        + "Kilde: " + source + "\n" + text + "\n\n"
                        + "Gennemgå sagen igen: noget kan have ændret sig. Informationen står også på sagens opgave i Tasklist:\n"
                        + mails.tasklistUrl() + Mails.SIGNATURE);
    }
}
