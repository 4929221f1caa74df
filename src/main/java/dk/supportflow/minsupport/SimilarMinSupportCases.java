package dk.supportflow.minsupport;

import static dk.supportflow.cases.SupportCaseProcess.Vars;

import dk.supportflow.knowledge.SolvedCase;
import dk.supportflow.knowledge.SolvedCaseRepository;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.stereotype.Service;

/**
 * "Does MinSupport already have this case?" Finds open and earlier cases with a MinSupport
 * number that look like a given one: same component and error class, similar words in title and
 * description. Open MinSupport cases come first: following one of them means this case gets its
 * answer too (the answer reaches every case with that MinSupport number).
 */
@Service
public class SimilarMinSupportCases {

    public record Match(String minSupportCaseNumber, String caseNumber, String title, String component,
            String errorClass, boolean open, double score) {
    }

    static final int LIMIT = 5;
    static final double MIN_SCORE = 1.0;
    private static final Set<String> STOP_WORDS = Set.of("i", "på", "af", "til", "med", "for", "og", "eller", "en",
            "et", "den", "det", "de", "er", "ikke", "kan", "jeg", "vi", "der", "som", "når", "om", "fra", "ved", "at",
            "efter", "har", "blev", "bliver", "skal", "the");

    private final RuntimeService runtimeService;
    private final SolvedCaseRepository solvedCases;

    public SimilarMinSupportCases(RuntimeService runtimeService, SolvedCaseRepository solvedCases) {
        this.runtimeService = runtimeService;
        this.solvedCases = solvedCases;
    }

    /** Cases like the one described, best first; never the case itself. */
    public List<Match> find(String caseNumber, String title, String description, String component, String errorClass) {
        Set<String> words = words(title + " " + (description == null ? "" : description));
        List<Match> matches = new ArrayList<>();
        for (VariableInstance number : runtimeService.createVariableInstanceQuery()
                .variableName(Vars.MINSUPPORT_CASE_NUMBER).list()) {
            Map<String, Object> other = runtimeService.getVariables(number.getProcessInstanceId(),
                    List.of(Vars.CASE_NUMBER, Vars.TITLE, Vars.ACTUAL, Vars.COMPONENT, Vars.ERROR_CLASS));
            if (caseNumber.equals(other.get(Vars.CASE_NUMBER)) || number.getValue() == null) {
                continue;
            }
            double score = score(words, component, errorClass, (String) other.get(Vars.TITLE) + " " + other.get(Vars.ACTUAL),
                    (String) other.get(Vars.COMPONENT), (String) other.get(Vars.ERROR_CLASS));
            matches.add(new Match((String) number.getValue(), (String) other.get(Vars.CASE_NUMBER),
                    (String) other.get(Vars.TITLE), (String) other.get(Vars.COMPONENT), (String) other.get(Vars.ERROR_CLASS),
                    true, score));
        }
        for (SolvedCase solved : solvedCases.findByMinSupportCaseNumberIsNotNull()) {
            double score = score(words, component, errorClass, solved.getTitle() + " " + solved.getSymptom(),
                    solved.getComponent(), solved.getErrorClass());
            matches.add(new Match(solved.getMinSupportCaseNumber(), solved.getCaseNumber(), solved.getTitle(),
                    solved.getComponent(), solved.getErrorClass(), false, score));
        }
        return matches.stream()
                .filter(m -> m.score() >= MIN_SCORE)
                .sorted(Comparator.comparing(Match::open).reversed().thenComparing(Comparator.comparingDouble(Match::score).reversed()))
                .limit(LIMIT)
                .toList();
    }

    /** The matches as the reportToMinSupport form shows them. */
    public static String asText(List<Match> matches) {
        if (matches.isEmpty()) {
            return "";
        }
        return matches.stream()
                .map(m -> m.minSupportCaseNumber() + " – " + m.caseNumber() + (m.open() ? " (åben)" : " (afsluttet)")
                        + ": " + m.title())
                .collect(Collectors.joining("\n"));
    }

    /** Same component counts most, then the same error class, then shared words (0 to 3). */
    static double score(Set<String> words, String component, String errorClass, String otherText, String otherComponent,
            String otherErrorClass) {
        double score = 0;
        if (component != null && component.equalsIgnoreCase(otherComponent)) {
            score += 1.0;
        }
        if (errorClass != null && errorClass.equals(otherErrorClass)) {
            score += 0.5;
        }
        Set<String> otherWords = words(otherText);
        Set<String> shared = new HashSet<>(words);
        shared.retainAll(otherWords);
        Set<String> all = new HashSet<>(words);
        all.addAll(otherWords);
        return score + (all.isEmpty() ? 0 : 3.0 * shared.size() / all.size());
    }

    static Set<String> words(String text) {
        return Arrays.stream(Objects.toString(text, "").toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() > 1 && !STOP_WORDS.contains(w))
                .collect(Collectors.toSet());
    }
}
