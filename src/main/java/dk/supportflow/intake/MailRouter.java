package dk.supportflow.intake;

import dk.supportflow.cases.SupportCase;
import dk.supportflow.cases.SupportCaseService;
import dk.supportflow.domain.Refused;
import dk.supportflow.intake.IntakeMailRecord.Outcome;
import dk.supportflow.minsupport.MinSupportAnswers;
import dk.supportflow.minsupport.MinSupportNumbers;
import dk.supportflow.minsupport.attachment.Attachments;
import dk.supportflow.notification.IntakeSettings;
import dk.supportflow.notification.MailReferences;
import dk.supportflow.people.Groups;
import dk.supportflow.people.PeopleDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What one mail from the support mailbox is, and where it goes: MinSupport's notifications to the
 * cases waiting on their number, a reply to the case it answers (a closed one gets a new case that
 * names it), a new report from a superbruger to a new case, anything else a polite answer. Mails no
 * person wrote go nowhere. Every path is the one the API takes, with the same rules.
 */
@Component
class MailRouter {

    private static final Logger LOG = LoggerFactory.getLogger(MailRouter.class);
    /** A case number in the subject, as every mail Supportflow sends carries it: [SUP-2026-000123]. */
    static final Pattern CASE_IN_SUBJECT = Pattern.compile("\\[(SUP-\\d{4}-\\d{6})]");

    record Routed(Outcome outcome, String caseNumber) {
    }

    private final IntakeSettings settings;
    private final PeopleDirectory people;
    private final SupportCaseService cases;
    private final Attachments attachments;
    private final MinSupportAnswers minSupport;
    private final MailReferences references;
    private final IntakeMails answers;
    private final String from;

    MailRouter(IntakeSettings settings, PeopleDirectory people, SupportCaseService cases, Attachments attachments,
            MinSupportAnswers minSupport, MailReferences references, IntakeMails answers,
            @Value("${supportflow.mail.from}") String from) {
        this.settings = settings;
        this.people = people;
        this.cases = cases;
        this.attachments = attachments;
        this.minSupport = minSupport;
        this.references = references;
        this.answers = answers;
        this.from = from.strip().toLowerCase(Locale.ROOT);
    }

    /** Supportflow's sender, and the mailbox itself: a mail from either came from here. */
    private Set<String> ownAddresses() {
        String mailbox = settings.address().strip().toLowerCase(Locale.ROOT);
        return mailbox.isEmpty() || mailbox.equals(from) ? Set.of(from) : Set.of(from, mailbox);
    }

    Routed route(IncomingMail mail) {
        Optional<String> automatic = AutomaticMail.reason(mail, ownAddresses());
        if (automatic.isPresent()) {
            LOG.info("Mail {} left alone: {}", mail.messageId(), automatic.get());
            return new Routed(Outcome.AUTOMATIC, null);
        }
        if (settings.fromMinSupport(mail.sender())) {
            return fromMinSupport(mail);
        }
        if (mail.tooLarge()) {
            answers.refused(mail.sender(), mail.subject(), "Mailen er større end de " + settings.maxBytes() / (1024 * 1024)
                    + " MB, Supportflow tager imod. Send teksten uden de største bilag, og læg dem på sagen i portalen.");
            return new Routed(Outcome.REFUSED, null);
        }
        Optional<String> user = people.userWithEmail(mail.sender());
        Optional<SupportCase> answered = answeredCase(mail);
        if (user.isEmpty()) {
            answers.notTaken(mail.sender(), mail.subject());
            return new Routed(Outcome.SENDER_ANSWERED, answered.map(SupportCase::getCaseNumber).orElse(null));
        }
        boolean supportStaff = isSupportStaff(user.get());
        if (answered.isPresent()) {
            return reply(mail, user.get(), supportStaff, answered.get());
        }
        if (!supportStaff && !people.groupsOf(user.get()).contains(Groups.SUPERBRUGERE)) {
            answers.notTaken(mail.sender(), mail.subject());
            return new Routed(Outcome.SENDER_ANSWERED, null);
        }
        String caseNumber = cases.openFromMail(user.get(), mail.subject(), mail.text(), null).caseNumber();
        attach(mail, caseNumber, user.get(), supportStaff);
        return new Routed(Outcome.CASE_OPENED, caseNumber);
    }

    private Routed fromMinSupport(IncomingMail mail) {
        Matcher answer = settings.minSupportAnswer().matcher(mail.subject());
        if (answer.find() && MinSupportNumbers.isValid(MinSupportNumbers.normalise(answer.group("number")))) {
            minSupport.answer(answer.group("number"), text(mail), null);
            return new Routed(Outcome.MINSUPPORT_ANSWER, null);
        }
        Matcher question = settings.minSupportQuestion().matcher(mail.subject());
        if (question.find() && MinSupportNumbers.isValid(MinSupportNumbers.normalise(question.group("number")))) {
            minSupport.ask(question.group("number"), text(mail));
            return new Routed(Outcome.MINSUPPORT_QUESTION, null);
        }
        LOG.warn("Mail {} from MinSupport is neither an answer nor a question by its subject; it is left in the handled folder",
                mail.messageId());
        return new Routed(Outcome.MINSUPPORT_OTHER, null);
    }

    /** Information for the case, or, when it is closed, a new case linked to it. */
    private Routed reply(IncomingMail mail, String user, boolean supportStaff, SupportCase answered) {
        String caseNumber = answered.getCaseNumber();
        if (!supportStaff && !answered.getReporter().equals(user)) {
            answers.refused(mail.sender(), mail.subject(), "Du kan kun skrive til dine egne sager, og sag " + caseNumber
                    + " er ikke din.");
            return new Routed(Outcome.REFUSED, caseNumber);
        }
        if (answered.isClosed()) {
            String followUp = cases.openFromMail(user, CASE_IN_SUBJECT.matcher(mail.subject()).replaceAll("").strip()
                    .replaceFirst("(?i)^((sv|re|vs|fw|fwd):\\s*)+", ""), mail.newText(), caseNumber).caseNumber();
            attach(mail, followUp, user, supportStaff);
            return new Routed(Outcome.FOLLOW_UP_OPENED, followUp);
        }
        cases.addInformation(caseNumber, "Mail fra " + people.displayName(user), text(mail), user, supportStaff);
        attach(mail, caseNumber, user, supportStaff);
        return new Routed(Outcome.INFORMATION_ADDED, caseNumber);
    }

    /** Each file as on the API; one that is refused does not stop the others, and the sender is told. */
    private void attach(IncomingMail mail, String caseNumber, String user, boolean supportStaff) {
        List<String> leftOut = new ArrayList<>();
        for (IncomingMail.Attachment file : mail.attachments()) {
            try {
                attachments.attach(caseNumber, new Attachments.Upload(file.name(), file.contentType(), file.content()), user,
                        supportStaff);
            } catch (Refused refused) {
                leftOut.add(file.name() + ": " + refused.getMessage());
            }
        }
        if (!leftOut.isEmpty()) {
            answers.filesLeftOut(mail.sender(), caseNumber, leftOut);
        }
    }

    /** The case the mail answers: named in the subject, or the case of one of our mails it refers to. */
    private Optional<SupportCase> answeredCase(IncomingMail mail) {
        Matcher inSubject = CASE_IN_SUBJECT.matcher(mail.subject());
        Optional<String> caseNumber = inSubject.find() ? Optional.of(inSubject.group(1)) : references.caseOf(mail.references());
        return caseNumber.flatMap(cases::find);
    }

    private boolean isSupportStaff(String user) {
        List<String> groups = people.groupsOf(user);
        return groups.contains(Groups.SUPPORTBERETTIGEDE) || groups.contains(Groups.CAMUNDA_ADMIN);
    }

    /** What the person wrote now, or, when nothing is left after cutting the quote, the whole text. */
    private static String text(IncomingMail mail) {
        String text = mail.newText();
        return text.isBlank() ? "(Mailen havde ingen tekst.)" : text.length() > 4000 ? text.substring(0, 3999) + "…" : text;
    }
}
