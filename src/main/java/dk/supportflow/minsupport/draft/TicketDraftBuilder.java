package dk.supportflow.minsupport.draft;

import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.analysis.AnalysisRules;
import dk.supportflow.cases.SupportCase;
import dk.supportflow.minsupport.MinSupportRules;
import dk.supportflow.minsupport.attachment.AttachmentInfo;
import dk.supportflow.people.PeopleDirectory;
import dk.supportflow.privacy.Cpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * Drafts the MinSupport case from the case's report, the process variables of the analysis and
 * the reporting supportberettiget. Free texts from variables are CPR-masked here too: the only
 * CPR number a draft may hold is the one the caller decides to put in {@link CprLine}.
 */
@Component
public class TicketDraftBuilder {

    static final String OTHER_CASES_PLACEHOLDER = "[Udfyld: Opleves fejlen på andre sager? Skriv hvilke – eller at det er "
            + "prøvet på en anden sag, hvor det virkede.]";

    private final PeopleDirectory people;

    public TicketDraftBuilder(PeopleDirectory people) {
        this.people = people;
    }

    /** What the draft says about the CPR number: the value to show (or null) and, if not in clear, why. */
    public record CprLine(String value, boolean inClear, String note) {
    }

    public TicketDraft build(SupportCase supportCase, Map<String, Object> variables, String userId, CprLine cpr,
            List<AttachmentInfo> attachments) {
        String ticketType = text(variables, Vars.TICKET_TYPE);
        String supportType = MinSupportRules.SUPPORT_REQUEST.equals(ticketType) ? text(variables, Vars.SUPPORT_TYPE) : null;
        String ticketTitle = text(variables, Vars.TICKET_TITLE);
        String criticality = text(variables, Vars.CRITICALITY);
        String suggested = text(variables, Vars.SUGGESTED_CRITICALITY);
        String errorClass = text(variables, Vars.ERROR_CLASS);
        String otherCases = Optional.ofNullable(text(variables, Vars.OTHER_CASES_AFFECTED))
                .orElse(blankToNull(supportCase.getOtherCasesAffected()));
        String component = Optional.ofNullable(text(variables, Vars.COMPONENT)).orElse(blankToNull(supportCase.getComponent()));
        boolean bug = ticketType == null ? supportCase.isError() : MinSupportRules.BUG.equals(ticketType);

        TicketDraft.User user = userId == null ? new TicketDraft.User(null, null, null, null)
                : new TicketDraft.User(userId, people.displayName(userId), people.emailOf(userId).orElse(null),
                        people.phoneOf(userId).orElseGet(() -> text(variables, Vars.HANDLER_PHONE)));
        String actual = blankToNull(supportCase.getActual());
        TicketDraft.Description description = new TicketDraft.Description(
                action(supportCase, variables),
                supportCase.getExpected().strip() + (actual == null ? "" : "\n\nDet skete i stedet: " + actual),
                otherCases == null ? (bug ? OTHER_CASES_PLACEHOLDER : null) : otherCases,
                otherCases != null);
        List<TicketDraft.Attachment> files = attachments.stream()
                .map(a -> new TicketDraft.Attachment(a.id(), a.name(), a.type(), a.typeName(), a.size(), a.pdfUrl()))
                .toList();

        List<String> missing = new ArrayList<>();
        if (ticketType == null) {
            missing.add("Sagstype");
        }
        if (MinSupportRules.SUPPORT_REQUEST.equals(ticketType) && supportType == null) {
            missing.add("Supporttype");
        }
        if (component == null) {
            missing.add("Komponent");
        }
        if (criticality == null) {
            missing.add("Kritikalitet");
        }
        if (user.userId() == null) {
            missing.add("Brugerens navn");
        }
        if (user.email() == null) {
            missing.add("Brugerens e-mail");
        }
        if (user.phone() == null) {
            missing.add("Brugerens telefon");
        }
        if (otherCases == null && bug) {
            missing.add(TicketDraft.OTHER_CASES_HEADING);
        }
        if ("technicalError".equals(errorClass) && files.isEmpty()) {
            missing.add("Skærmbillede af fejlen (bilag)");
        }

        return new TicketDraft(
                supportCase.getCaseNumber(),
                ticketType,
                ticketType == null ? null : MinSupportRules.TICKET_TYPES.getOrDefault(ticketType, ticketType),
                supportType,
                ticketTitle != null ? ticketTitle : supportCase.getTitle(),
                component,
                criticality,
                criticality == null ? null : MinSupportRules.CRITICALITIES.getOrDefault(criticality, criticality),
                suggested,
                suggested == null ? null : MinSupportRules.CRITICALITIES.getOrDefault(suggested, suggested),
                text(variables, Vars.CRITICALITY_JUSTIFICATION),
                user,
                cpr.value(),
                cpr.inClear(),
                cpr.note(),
                blankToNull(supportCase.getKpCaseId()),
                blankToNull(supportCase.getKpTaskKey()),
                blankToNull(supportCase.getKpTaskId()),
                supportCase.isPaymentBlocked(),
                supportCase.isPaymentBlocked() ? supportCase.getAvailableDate() : null,
                errorClass,
                errorClass == null ? null : AnalysisRules.ERROR_CLASSES.getOrDefault(errorClass, errorClass),
                blankToNull(supportCase.getErrorMessage()),
                description,
                files,
                List.copyOf(missing));
    }

    /** Part 1: what they were working on and what they did, step by step, and what came out of asking. */
    private static String action(SupportCase supportCase, Map<String, Object> variables) {
        StringBuilder action = new StringBuilder()
                .append(supportCase.isError() ? "Arbejdede med: " : "Henvendelsen drejer sig om: ")
                .append(supportCase.getWorkingOn().strip());
        String steps = blankToNull(supportCase.getStepsTaken());
        if (steps != null) {
            action.append("\n\nTrin for trin:\n").append(stepByStep(steps));
        }
        String tried = blankToNull(supportCase.getTriedSoFar());
        if (tried != null) {
            action.append("\n\nAllerede prøvet: ").append(tried);
        }
        String additionalInfo = text(variables, Vars.ADDITIONAL_INFO);
        if (additionalInfo != null) {
            String question = text(variables, Vars.QUESTION);
            if (question != null) {
                action.append("\n\nDen supportberettigedes spørgsmål til indberetteren: ").append(question);
            }
            action.append("\nIndberetterens uddybning: ").append(additionalInfo);
        }
        return action.toString();
    }

    /** Numbers the steps when they are several lines and not numbered or bulleted already. */
    static String stepByStep(String steps) {
        List<String> lines = steps.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (lines.size() < 2 || lines.stream().anyMatch(line -> line.matches("(\\d+[.)]|[-*•]).*"))) {
            return steps.strip();
        }
        return IntStream.range(0, lines.size()).mapToObj(i -> (i + 1) + ". " + lines.get(i))
                .collect(Collectors.joining("\n"));
    }

    /** A text variable, stripped and CPR-masked, or null when missing or blank. */
    private static String text(Map<String, Object> variables, String name) {
        Object value = variables.get(name);
        return value == null ? null : blankToNull(Cpr.maskInText(value.toString()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
