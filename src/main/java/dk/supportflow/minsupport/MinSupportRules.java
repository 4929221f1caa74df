package dk.supportflow.minsupport;

import static dk.supportflow.process.SupportCaseProcess.Tasks;
import static dk.supportflow.process.SupportCaseProcess.TicketTypes;
import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.cases.KpComponents;
import dk.supportflow.cases.TitleCheck;
import dk.supportflow.process.SupportCaseProcess;
import dk.supportflow.tasks.TaskInput;
import dk.supportflow.tasks.TaskRules;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Stage 2, "Anvend MinSupport": the report, the follow-ups and passing the answer on. */
@Component
public class MinSupportRules implements TaskRules {

    public static final Map<String, String> TICKET_TYPES = Map.of(
            TicketTypes.BUG, "Fejlsag",
            TicketTypes.SUPPORT_REQUEST, "Supportsag",
            TicketTypes.CHANGE_REQUEST, "Ændringsønske");
    public static final Map<String, String> CRITICALITIES = Map.of(
            "kritisk", "Kritisk",
            "hoej", "Høj",
            "medium", "Medium",
            "lav", "Lav");
    public static final String BUG = TicketTypes.BUG;
    public static final String CHANGE_REQUEST = TicketTypes.CHANGE_REQUEST;
    public static final String SUPPORT_REQUEST = TicketTypes.SUPPORT_REQUEST;
    static final int SUPPORT_TYPE_LENGTH = 200;
    private static final int PHONE_LENGTH = 30;
    private static final String PHONE = "\\+?[0-9][0-9 ()-]{5,25}";
    /** MinSupport's decision on a change request (ændringsønske). */
    static final Map<String, String> CHANGE_REQUEST_OUTCOMES = SupportCaseProcess.ChangeRequestOutcomes.NAMES;
    /** From least to most critical. */
    public static final List<String> CRITICALITY_ORDER = List.of("lav", "medium", "hoej", "kritisk");

    private final TitleCheck titleCheck;
    private final KpComponents components;

    public MinSupportRules(TitleCheck titleCheck, KpComponents components) {
        this.titleCheck = titleCheck;
        this.components = components;
    }

    static boolean isHigher(String chosen, String suggested) {
        return chosen != null && suggested != null && CRITICALITY_ORDER.contains(chosen)
                && CRITICALITY_ORDER.indexOf(chosen) > CRITICALITY_ORDER.indexOf(suggested);
    }

    /** A level; above the suggestion only with a justification, which goes to MinSupport with the case. */
    private static void checkCriticality(TaskInput input) {
        String criticality = input.requireOneOf(Vars.CRITICALITY, CRITICALITIES, "Vælg kritikaliteten.");
        String suggested = input.text(Vars.SUGGESTED_CRITICALITY);
        if (isHigher(criticality, suggested)) {
            input.requireText(Vars.CRITICALITY_JUSTIFICATION, TaskInput.MAX_TEXT, "Du har valgt kritikaliteten "
                    + CRITICALITIES.get(criticality) + ", højere end den foreslåede (" + CRITICALITIES.get(suggested)
                    + "). Begrund valget; begrundelsen kommer med i sagen til MinSupport.");
        } else {
            input.optionalText(Vars.CRITICALITY_JUSTIFICATION, TaskInput.MAX_TEXT);
        }
    }

    /** The number of the MinSupport case, kept in its normal form so that answers find the case. */
    private static void requireMinSupportNumber(TaskInput input) {
        String typed = input.requireText(Vars.MINSUPPORT_CASE_NUMBER, 100,
                "Skriv MinSupport-sagens nummer (den nye sag eller den eksisterende, der følges).");
        if (typed == null) {
            return;
        }
        String number = MinSupportNumbers.normalise(typed);
        if (!MinSupportNumbers.isValid(number)) {
            input.problem("MinSupport-sagens nummer må kun have bogstaver, tal og bindestreger, fx MS-4711.");
        } else if (!number.equals(typed)) {
            input.normalise(Vars.MINSUPPORT_CASE_NUMBER, number);
        }
    }

    /** A new level (not the current one) and the reason, which is kept on the case. */
    private static void checkCriticalityChange(TaskInput input) {
        if (!input.flag(Vars.CHANGE_CRITICALITY)) {
            return;
        }
        String level = input.requireOneOf(Vars.NEW_CRITICALITY, CRITICALITIES, "Vælg den nye kritikalitet.");
        if (level != null && level.equals(input.text(Vars.CRITICALITY))) {
            input.problem("Den nye kritikalitet er den samme som den nuværende (" + CRITICALITIES.get(level) + ").");
        }
        input.requireText(Vars.CRITICALITY_CHANGE_REASON, TaskInput.MAX_TEXT,
                "Skriv, hvorfor kritikaliteten ændres. Begrundelsen gemmes på sagen.");
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of(Tasks.PREPARE_MINSUPPORT_REPORT, Tasks.REPORT_TO_MINSUPPORT, Tasks.FOLLOW_UP_MINSUPPORT,
                Tasks.ANSWER_MINSUPPORT_QUESTION, Tasks.FORWARD_ANSWER);
    }

    @Override
    public void check(String taskKey, TaskInput input) {
        switch (taskKey) {
            case Tasks.PREPARE_MINSUPPORT_REPORT -> {
                String phone = input.optionalText(Vars.HANDLER_PHONE, PHONE_LENGTH);
                if (phone != null && !phone.strip().matches(PHONE)) {
                    input.problem("Skriv dit telefonnummer med cifre, fx 12 34 56 78 eller +45 12 34 56 78.");
                }
                if (input.flag(Vars.EXISTING_MINSUPPORT_CASE)) {
                    // the vendor's case has its type and title; its criticality sets our follow-up pace
                    requireMinSupportNumber(input);
                    checkCriticality(input);
                    return;
                }
                String type = input.requireOneOf(Vars.TICKET_TYPE, TICKET_TYPES, "Vælg sagstypen i MinSupport.");
                if (SUPPORT_REQUEST.equals(type)) {
                    input.requireText(Vars.SUPPORT_TYPE, SUPPORT_TYPE_LENGTH,
                            "Skriv supporttypen, som den hedder i MinSupport (fx sletning af en fejloprettet sag).");
                } else {
                    input.optionalText(Vars.SUPPORT_TYPE, SUPPORT_TYPE_LENGTH);
                }
                String title = input.requireText(Vars.TICKET_TITLE, TitleCheck.MAX_LENGTH, "Skriv titlen på MinSupport-sagen.");
                if (title != null) {
                    titleCheck.check(title).findings().forEach(f -> input.problem(f.message()));
                }
                String component = input.optionalText(Vars.COMPONENT, SUPPORT_TYPE_LENGTH);
                if (component != null && !component.equals(components.canonical(component))) {
                    input.normalise(Vars.COMPONENT, components.canonical(component));
                }
                if (BUG.equals(type)) {
                    input.requireText(Vars.OTHER_CASES_AFFECTED, TaskInput.MAX_TEXT, "Skriv, om fejlen opleves på andre sager: "
                            + "hvilke, eller at det er prøvet på en anden sag, hvor det virkede.");
                } else {
                    input.optionalText(Vars.OTHER_CASES_AFFECTED, TaskInput.MAX_TEXT);
                }
                checkCriticality(input);
            }
            case Tasks.REPORT_TO_MINSUPPORT -> requireMinSupportNumber(input);
            case Tasks.FOLLOW_UP_MINSUPPORT -> {
                boolean asks = input.flag(Vars.MINSUPPORT_ASKS);
                if (input.flag(Vars.MINSUPPORT_ANSWERED)) {
                    if (asks) {
                        input.problem("Vælg enten, at MinSupport har svaret, eller at MinSupport spørger om noget – ikke begge.");
                    }
                    input.requireText(Vars.MINSUPPORT_ANSWER, TaskInput.MAX_TEXT, "Skriv MinSupports svar, når sagen er besvaret.");
                    if (CHANGE_REQUEST.equals(input.text(Vars.TICKET_TYPE))) {
                        input.requireOneOf(Vars.CHANGE_REQUEST_OUTCOME, CHANGE_REQUEST_OUTCOMES,
                                "Vælg MinSupports afgørelse af ændringsønsket: accepteret, afvist eller planlagt.");
                    }
                } else if (asks) {
                    input.requireText(Vars.MINSUPPORT_QUESTION, TaskInput.MAX_TEXT,
                            "Skriv MinSupports spørgsmål, så indberetteren kan svare på det.");
                    if (input.flag(Vars.CHANGE_CRITICALITY)) {
                        input.problem("Ændr kritikaliteten ved næste opfølgning; nu går spørgsmålet til indberetteren.");
                    }
                } else {
                    input.optionalText(Vars.MINSUPPORT_ANSWER, TaskInput.MAX_TEXT);
                    checkCriticalityChange(input);
                }
            }
            case Tasks.ANSWER_MINSUPPORT_QUESTION -> input.requireText(Vars.REPORTER_ANSWER, TaskInput.MAX_TEXT,
                    "Skriv dit svar på MinSupports spørgsmål.");
            case Tasks.FORWARD_ANSWER -> {
                input.requireText(Vars.ANSWER, TaskInput.MAX_TEXT, "Skriv det svar, indberetteren skal have.");
                if (CHANGE_REQUEST.equals(input.text(Vars.TICKET_TYPE))) {
                    input.requireOneOf(Vars.CHANGE_REQUEST_OUTCOME, CHANGE_REQUEST_OUTCOMES,
                            "Vælg MinSupports afgørelse af ændringsønsket: accepteret, afvist eller planlagt.");
                }
            }
            default -> throw new IllegalArgumentException(taskKey);
        }
    }
}
