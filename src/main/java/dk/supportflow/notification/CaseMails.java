package dk.supportflow.notification;

import dk.supportflow.people.Groups;
import dk.supportflow.people.PeopleDirectory;
import dk.supportflow.platform.Links;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The mails a support case sends, in Danish. Subjects always start with the case number, so a
 * reply or a search in the mailbox finds the case.
 */
@Service
public class CaseMails {

    private static final Logger LOG = LoggerFactory.getLogger(CaseMails.class);
    public static final String SIGNATURE = "\n\nVenlig hilsen\nDe supportberettigede brugere\n\n"
            + "Denne mail er sendt automatisk af Supportflow.";

    private static final String DRIFT_SIGNATURE = "\n\nVenlig hilsen\nDe driftsansvarlige\n\n"
            + "Denne mail er sendt automatisk af Supportflow.";

    private final MailOutbox outbox;
    private final PeopleDirectory people;
    private final String tasklistUrl;
    private final Links links;

    public CaseMails(MailOutbox outbox, PeopleDirectory people, @Value("${supportflow.mail.tasklist-url}") String tasklistUrl,
            Links links) {
        this.outbox = outbox;
        this.people = people;
        this.tasklistUrl = tasklistUrl;
        this.links = links;
    }

    private String guides() {
        return links.documentLibrary().map(url -> "\n\nVejledninger til KP finder du i KOMBITs dokumentbibliotek:\n" + url).orElse("");
    }

    /**
     * The reporter learns the case number and what happens next; a case registered for them by a
     * supportberettiget says who registered it and from which contact.
     */
    public void receipt(String caseNumber, String title, String reporter, boolean error, String registeredBy,
            String channelName) {
        String what = error ? "fejlindberetning" : "henvendelse";
        String registered = registeredBy == null ? "Tak for din " + what + "."
                : people.displayName(registeredBy) + " har registreret din " + what + " i Supportflow"
                        + (channelName == null ? "" : " efter " + channelName) + ".";
        send("receipt", caseNumber, toUser(reporter), "[" + caseNumber + "] Vi har modtaget din " + what + ": " + title,
                "Hej " + people.displayName(reporter) + "\n\n"
                        + registered + " Den har fået sagsnummer " + caseNumber + ":\n"
                        + title + "\n\n"
                        + (error ? "En supportberettiget bruger analyserer nu fejlen." : "En supportberettiget bruger ser nu på den.")
                        + " Du får en mail, når der er et svar, "
                        + "eller hvis vi har brug for flere oplysninger fra dig. Skriv sagsnummeret, hvis du "
                        + "henvender dig om sagen." + SIGNATURE);
    }

    /** The reporter is asked for more information (needMoreInfo). */
    public void question(String caseNumber, String title, String reporter, String question) {
        send("question", caseNumber, toUser(reporter), "[" + caseNumber + "] Spørgsmål til din fejlindberetning: " + title,
                "Hej " + people.displayName(reporter) + "\n\n"
                        + "Den supportberettigede har brug for flere oplysninger for at kunne løse fejlen, du har indberettet:\n"
                        + title + "\n\n"
                        + "Spørgsmål:\n" + question + "\n\n"
                        + "Svar i Tasklist under \"Mine opgaver\" (opgaven \"Uddyb fejlindberetningen\"):\n" + tasklistUrl
                        + SIGNATURE);
    }

    /** MinSupport asked something only the reporter can answer. */
    public void minSupportQuestion(String caseNumber, String title, String reporter, String question) {
        send("minsupport-question", caseNumber, toUser(reporter), "[" + caseNumber + "] MinSupport spørger om din sag: " + title,
                "Hej " + people.displayName(reporter) + "\n\n"
                        + "Leverandøren arbejder på sagen, du har indberettet, i MinSupport:\n" + title + "\n\n"
                        + "De har brug for svar på dette:\n" + question + "\n\n"
                        + "Svar i Tasklist under \"Mine opgaver\" (opgaven \"Svar på MinSupports spørgsmål\"):\n" + tasklistUrl
                        + "\n\nDen supportberettigede giver dit svar videre til MinSupport." + SIGNATURE);
    }

    /** The reporter answered MinSupport's question: the supportberettiget who has the case (or all of them) passes it on. */
    public void reporterAnsweredMinSupport(String caseNumber, String title, Optional<String> caseHandler, String reporter,
            String minSupportCaseNumber, String answer) {
        List<String> recipients = handlerOrGroup(caseHandler);
        send("reporter-answered-minsupport", caseNumber, recipients, "[" + caseNumber + "] Svar til MinSupport fra " + people.displayName(reporter) + ": " + title,
                people.displayName(reporter) + " har svaret på MinSupports spørgsmål i sag " + caseNumber + ":\n" + title
                        + "\n\nSvaret:\n" + answer + "\n\n"
                        + "Giv svaret videre på sagen i MinSupport" + (minSupportCaseNumber == null ? "" : " (" + minSupportCaseNumber + ")")
                        + ". Svaret står også på sagens næste opfølgning i Tasklist:\n" + tasklistUrl + SIGNATURE);
    }

    /** The link that opens the task in Tasklist. */
    public String taskLink(String taskId) {
        return taskId == null ? tasklistUrl : tasklistUrl + "#/?task=" + taskId;
    }

    /** provideMoreInfo has waited for the reporter's answer. */
    public void reporterReminder(String caseNumber, String title, String reporter, String taskId) {
        send("reporter-reminder", caseNumber, toUser(reporter), "[" + caseNumber + "] Påmindelse: vi venter på dit svar: " + title,
                "Hej " + people.displayName(reporter) + "\n\n"
                        + "Den supportberettigede venter stadig på dit svar på spørgsmålet til sag " + caseNumber + ":\n"
                        + title + "\n\n"
                        + "Sagen kommer ikke videre, før du har svaret. Svar her (opgaven \"Uddyb fejlindberetningen\"):\n"
                        + taskLink(taskId) + SIGNATURE);
    }

    /** The reporter still has not answered: the supportberettiget who has the case (or all of them) decides what now. */
    public void reporterSilent(String caseNumber, String title, Optional<String> caseHandler, String reporter, String taskId) {
        List<String> recipients = handlerOrGroup(caseHandler);
        send("reporter-silent", caseNumber, recipients, "[" + caseNumber + "] " + people.displayName(reporter) + " har ikke svaret: " + title,
                people.displayName(reporter) + " har endnu ikke svaret på spørgsmålet i sag " + caseNumber + ":\n" + title
                        + "\n\nRing eller skriv til indberetteren, eller luk sagen, hvis den ikke længere er aktuel. "
                        + "Opgaven, der venter på svaret:\n" + taskLink(taskId) + SIGNATURE);
    }

    /** A task of the supportberettigede has lain untouched: its assignee, or the whole group, is reminded. */
    public void taskReminder(String caseNumber, String title, String taskName, String assignee, String taskId) {
        List<String> recipients = assignee == null ? people.emailsOfGroup(Groups.SUPPORTBERETTIGEDE) : toUser(assignee);
        send("task-reminder", caseNumber, recipients, "[" + caseNumber + "] Påmindelse: \"" + taskName + "\" venter: " + title,
                "Opgaven \"" + taskName + "\" på sag " + caseNumber + " venter stadig"
                        + (assignee == null ? ", og ingen har taget den" : " på " + people.displayName(assignee)) + ":\n"
                        + title + "\n\nÅbn opgaven:\n" + taskLink(taskId) + SIGNATURE);
    }

    /** The follow-up timer of a MinSupport case fired. */
    public void followUpReminder(String caseNumber, String title, String minSupportCaseNumber, String criticality,
            int followUpCount) {
        send("follow-up-reminder", caseNumber, people.emailsOfGroup(Groups.SUPPORTBERETTIGEDE),
                "[" + caseNumber + "] Følg op på MinSupport-sag " + minSupportCaseNumber,
                "Det er tid til at følge op på MinSupport-sag " + minSupportCaseNumber + ".\n\n"
                        + "Sag: " + caseNumber + " – " + title + "\n"
                        + "Kritikalitet: " + criticality + "\n"
                        + "Opfølgning nr.: " + followUpCount + "\n\n"
                        + "Se om MinSupport har svaret, og afslut opgaven \"Følg op på MinSupport-sagen\" i Tasklist:\n"
                        + tasklistUrl + SIGNATURE);
    }

    /**
     * The answer goes back to the reporter; for a change request (ændringsønske) with
     * MinSupport's decision in Danish, e.g. "Planlagt".
     */
    public void answer(String caseNumber, String title, String reporter, boolean error, String answer,
            String changeRequestDecision) {
        send("answer", caseNumber, toUser(reporter), "[" + caseNumber + "] Svar på din " + (error ? "fejlindberetning" : "henvendelse")
                        + ": " + title,
                "Hej " + people.displayName(reporter) + "\n\n"
                        + (error ? "Her er svaret på den fejl, du har indberettet:\n" : "Her er svaret på din henvendelse:\n")
                        + title + "\n\n"
                        + (changeRequestDecision == null ? ""
                                : "MinSupports afgørelse af ændringsønsket: " + changeRequestDecision + "\n\n")
                        + answer + "\n\n"
                        + (error ? "Giv gerne svaret videre til de kolleger, der har mødt samme fejl." : "")
                        + guides() + SIGNATURE);
    }

    /** Knowledge sharing: the answer goes to every caseworker. Never personal data. */
    public void shareWithCaseworkers(String caseNumber, String title, String message, String answer) {
        send("share-with-caseworkers", caseNumber, people.emailsOfGroup(Groups.SAGSBEHANDLERE), "[" + caseNumber + "] Til alle sagsbehandlere: " + title,
                "Hej alle\n\n" + message + "\n\n"
                        + "Fejlen: " + title + "\n"
                        + "Løsningen:\n" + answer + "\n\n"
                        + "Møder du samme fejl, så prøv løsningen ovenfor. Hjælper den ikke, så kontakt din superbruger. (Sag " + caseNumber + ")"
                        + guides() + SIGNATURE);
    }

    /** New information reached an open case; the supportberettiget who has it (or all of them) is told. */
    public void informationAdded(String caseNumber, String title, Optional<String> caseHandler, String source,
            String text) {
        List<String> recipients = handlerOrGroup(caseHandler);
        send("information-added", caseNumber, recipients, "[" + caseNumber + "] Ny information på sagen: " + title,
                "Der er kommet ny information på sag " + caseNumber + ":\n" + title + "\n\n"
                        + "Kilde: " + source + "\n" + text + "\n\n"
                        + "Gennemgå sagen igen: noget kan have ændret sig. Informationen står også på sagens opgave i Tasklist:\n"
                        + tasklistUrl + SIGNATURE);
    }

    /** A release on the driftsside fixes the known error that the reporter's case matched. */
    public void knownErrorFixed(String caseNumber, String title, String reporter, String knownError, String release,
            String releaseLink) {
        send("known-error-fixed", caseNumber, toUser(reporter), "[" + caseNumber + "] Fejlen er rettet: " + title,
                "Hej " + people.displayName(reporter) + "\n\n"
                        + "Den fejl, du har indberettet, er en kendt fejl hos leverandøren af KP:\n" + title + "\n\n"
                        + "Kendt fejl: " + knownError + "\n\n"
                        + "Ifølge driftssiden er fejlen nu rettet: " + release + "\n"
                        + (releaseLink == null ? "" : releaseLink + "\n")
                        + "\nPrøv igen på samme måde som før. Opstår fejlen stadig, så giv den supportberettigede besked og nævn sagen "
                        + caseNumber + "." + SIGNATURE);
    }

    /**
     * A driftsside message the driftsansvarlige pass on: to every sagsbehandler and/or every
     * supportberettiget (each once). A known error comes with its component and workaround.
     */
    public void passOnDriftsbesked(String key, boolean toCaseworkers, boolean toSupport, String title, String kindName,
            String summary, String link, String note, String component, String workaround) {
        List<String> recipients = new ArrayList<>();
        if (toCaseworkers) {
            recipients.addAll(people.emailsOfGroup(Groups.SAGSBEHANDLERE));
        }
        if (toSupport) {
            people.emailsOfGroup(Groups.SUPPORTBERETTIGEDE).stream().filter(m -> !recipients.contains(m)).forEach(recipients::add);
        }
        send("driftsbesked", key, recipients, "[" + key + "] Fra driftssiden: " + title,
                "Hej alle\n\n"
                        + (note == null || note.isBlank() ? "" : note.strip() + "\n\n")
                        + kindName + " fra driftssiden:\n" + title + "\n\n"
                        + (summary == null ? "" : summary + "\n\n")
                        + (component == null ? "" : "Hvor i KP: " + component + "\n")
                        + (workaround == null ? "" : "Sådan gør du, indtil fejlen er rettet: " + workaround + "\n\n")
                        + Optional.ofNullable(link).or(links::driftsside).map(url -> "Læs mere på driftssiden: " + url).orElse("")
                        + DRIFT_SIGNATURE);
    }

    /** The supportberettiget who has the case, or all of them while nobody has taken a task of it. */
    private List<String> handlerOrGroup(Optional<String> caseHandler) {
        return caseHandler.map(this::toUser).filter(list -> !list.isEmpty())
                .orElseGet(() -> people.emailsOfGroup(Groups.SUPPORTBERETTIGEDE));
    }

    private List<String> toUser(String userId) {
        return people.emailOf(userId).map(List::of).orElseGet(List::of);
    }

    private void send(String purpose, String caseNumber, List<String> recipients, String subject, String body) {
        if (recipients.isEmpty()) {
            LOG.warn("Case {}: nobody to send '{}' to (no e-mail address on file)", caseNumber, subject.replaceAll(":.*", ""));
            return;
        }
        outbox.enqueue(new Mail(caseNumber, purpose, recipients, subject, body));
    }
}
