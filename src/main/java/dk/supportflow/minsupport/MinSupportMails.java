package dk.supportflow.minsupport;

import dk.supportflow.notification.Mails;
import dk.supportflow.people.Groups;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The mails of the MinSupport stage, in Danish: MinSupport's question to the reporter, the
 * reporter's answer to the case handler, the follow-up reminder.
 */
@Component
public class MinSupportMails {

    private final Mails mails;

    public MinSupportMails(Mails mails) {
        this.mails = mails;
    }

    /** MinSupport asked something only the reporter can answer. */
    public void minSupportQuestion(String caseNumber, String title, String reporter, String question) {
        mails.send("minsupport-question", caseNumber, mails.toUser(reporter), "[" + caseNumber + "] MinSupport spørger om din sag: " + title,
                "Hej " + mails.nameOf(reporter) + "\n\n"
                        + "Leverandøren arbejder på sagen, du har indberettet, i MinSupport:\n" + title + "\n\n"
                        + "De har brug for svar på dette:\n" + question + "\n\n"
                        + "Svar i Tasklist under \"Mine opgaver\" (opgaven \"Svar på MinSupports spørgsmål\"):\n" + mails.tasklistUrl()
                        + "\n\nDen supportberettigede giver dit svar videre til MinSupport." + Mails.SIGNATURE);
    }

    /** The reporter answered MinSupport's question: the supportberettiget who has the case (or all of them) passes it on. */
    public void reporterAnsweredMinSupport(String caseNumber, String title, Optional<String> caseHandler, String reporter,
            String minSupportCaseNumber, String answer) {
        List<String> recipients = mails.handlerOrGroup(caseHandler);
        mails.send("reporter-answered-minsupport", caseNumber, recipients, "[" + caseNumber + "] Svar til MinSupport fra " + mails.nameOf(reporter) + ": " + title,
                mails.nameOf(reporter) + " har svaret på MinSupports spørgsmål i sag " + caseNumber + ":\n" + title
                        + "\n\nSvaret:\n" + answer + "\n\n"
                        + "Giv svaret videre på sagen i MinSupport" + (minSupportCaseNumber == null ? "" : " (" + minSupportCaseNumber + ")")
                        + ". Svaret står også på sagens næste opfølgning i Tasklist:\n" + mails.tasklistUrl() + Mails.SIGNATURE);
    }

    /** The follow-up timer of a MinSupport case fired. */
    public void followUpReminder(String caseNumber, String title, String minSupportCaseNumber, String criticality,
            int followUpCount) {
        mails.send("follow-up-reminder", caseNumber, mails.toGroup(Groups.SUPPORTBERETTIGEDE),
                "[" + caseNumber + "] Følg op på MinSupport-sag " + minSupportCaseNumber,
                "Det er tid til at følge op på MinSupport-sag " + minSupportCaseNumber + ".\n\n"
                        + "Sag: " + caseNumber + " – " + title + "\n"
                        + "Kritikalitet: " + criticality + "\n"
                        + "Opfølgning nr.: " + followUpCount + "\n\n"
                        + "Se om MinSupport har svaret, og afslut opgaven \"Følg op på MinSupport-sagen\" i Tasklist:\n"
                        + mails.tasklistUrl() + Mails.SIGNATURE);
    }
}
