package dk.supportflow.analysis;

import dk.supportflow.notification.Mails;
import org.springframework.stereotype.Component;

/**
 * The mail of the analysis, in Danish: the question to the reporter.
 */
@Component
public class AnalysisMails {

    private final Mails mails;

    public AnalysisMails(Mails mails) {
        this.mails = mails;
    }

    /** The reporter is asked for more information (needMoreInfo). */
    public void question(String caseNumber, String title, String reporter, String question) {
        mails.send("question", caseNumber, mails.toUser(reporter), "[" + caseNumber + "] Spørgsmål til din fejlindberetning: " + title,
                "Hej " + mails.nameOf(reporter) + "\n\n"
                        + "Den supportberettigede har brug for flere oplysninger for at kunne løse fejlen, du har indberettet:\n"
                        + title + "\n\n"
                        + "Spørgsmål:\n" + question + "\n\n"
                        + "Svar i Tasklist under \"Mine opgaver\" (opgaven \"Uddyb fejlindberetningen\"):\n" + mails.tasklistUrl()
                        + Mails.SIGNATURE);
    }
}
