package dk.supportflow.driftsside;

import static dk.supportflow.process.DriftssideProcess.Outcomes;
import static dk.supportflow.process.DriftssideProcess.Vars;

import dk.supportflow.knowledge.KnownError;
import dk.supportflow.knowledge.KnownErrorRepository;
import dk.supportflow.process.DriftssideProcess;
import dk.supportflow.tasks.TaskInput;
import dk.supportflow.tasks.TaskRules;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Completion rules of {@code reviewDriftsbesked}: what the driftsansvarlig made of a driftsside message. */
@Component
public class ReviewRules implements TaskRules {

    static final Map<String, String> OUTCOMES = new LinkedHashMap<>();

    static {
        OUTCOMES.put(Outcomes.KNOWN_ERROR, "Kendt fejl");
        OUTCOMES.put(Outcomes.RELEASE_NOTE, "Releasenote");
        OUTCOMES.put(Outcomes.INFORMATION, "Til orientering");
        OUTCOMES.put(Outcomes.NOISE, "Støj");
    }

    private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");
    private static final Pattern ALLOWED = Pattern.compile("[\\d\\s,;#.og]*");

    private final KnownErrorRepository knownErrors;

    public ReviewRules(KnownErrorRepository knownErrors) {
        this.knownErrors = knownErrors;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of(DriftssideProcess.Tasks.REVIEW);
    }

    @Override
    public void check(String taskKey, TaskInput input) {
        String outcome = input.requireOneOf(Vars.REVIEW_OUTCOME, OUTCOMES, "Vælg, hvad beskeden er.");
        if (Outcomes.KNOWN_ERROR.equals(outcome)) {
            input.requireText(Vars.KNOWN_ERROR_SYMPTOM, 1000, "Beskriv den kendte fejl, som brugerne ser den.");
            input.requireText(Vars.KNOWN_ERROR_COMPONENT, 200, "Angiv, hvor i KP fejlen er (komponent).");
            input.requireText(Vars.KNOWN_ERROR_WORKAROUND, TaskInput.MAX_TEXT, "Skriv, hvad man gør, indtil fejlen er rettet.");
        }
        if (Outcomes.RELEASE_NOTE.equals(outcome)) {
            fixedKnownErrors(input.optionalText(Vars.FIXED_KNOWN_ERRORS, 1000)).ifPresent(input::problem);
        }
        boolean toCaseworkers = input.flag(Vars.SHARE_WITH_CASEWORKERS);
        boolean toSupport = input.flag(Vars.SHARE_WITH_SUPPORT);
        if (Outcomes.NOISE.equals(outcome) && (toCaseworkers || toSupport)) {
            input.problem("Støj gives ikke videre. Fjern fluebenene, eller vælg en anden vurdering.");
        }
        input.optionalText(Vars.SHARE_MESSAGE, TaskInput.MAX_TEXT);
    }

    /** A problem with the list of fixed known errors, if any: each must be a known error that is not retired. */
    private Optional<String> fixedKnownErrors(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (!ALLOWED.matcher(text).matches()) {
            return Optional.of("Skriv numrene på de kendte fejl, releasen retter, adskilt af komma (fx 12, 15).");
        }
        for (long id : ids(text)) {
            Optional<KnownError> knownError = knownErrors.findById(id);
            if (knownError.isEmpty() || knownError.get().isRetired()) {
                return Optional.of("Den kendte fejl " + id + " findes ikke eller er allerede rettet.");
            }
        }
        return Optional.empty();
    }

    static Set<Long> ids(String text) {
        Set<Long> ids = new LinkedHashSet<>();
        if (text != null) {
            Matcher matcher = NUMBER.matcher(text);
            while (matcher.find()) {
                ids.add(Long.parseLong(matcher.group()));
            }
        }
        return ids;
    }
}
