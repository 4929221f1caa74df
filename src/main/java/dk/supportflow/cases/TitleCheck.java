package dk.supportflow.cases;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Checks a MinSupport title against the domain's advice: neutral language, says where in KP
 * the error is seen, sums up the core of the problem, short and precise. Rejects what the
 * domain names: a lone keyword, shouting and pressure, a request for a call, a bare question.
 */
@Component
public class TitleCheck {

    public record Finding(String code, String message) {
    }

    public record Result(boolean acceptable, List<Finding> findings) {
    }

    static final int MIN_LENGTH = 15;
    static final int MIN_CONTENT_WORDS = 3;
    public static final int MAX_LENGTH = 150;

    /** Words that carry no meaning of their own in a title. */
    private static final Set<String> FILLER = Set.of("i", "på", "af", "til", "med", "for", "og", "eller", "en", "et",
            "den", "det", "de", "er", "ikke", "kan", "man", "jeg", "vi", "der", "som", "når", "om", "fra", "ved", "at",
            "fejl", "fejlen", "problem", "problemer", "virker", "kp", "hjælp", "spørgsmål", "sag", "noget", "mig", "os");
    private static final Set<String> PRESSURE = Set.of("haster", "hastesag", "hast", "vigtigt", "vigtig", "akut",
            "akutt", "omgående", "straks", "asap", "snarest", "snarestmuligt", "hurtigst", "skynd", "nu", "kritisk",
            "urgent");
    private static final Pattern CALL = Pattern.compile(
            "\\b(ring(e|er)?( mig| os)?( op)?|kontakt (mig|os)|opkald|telefonisk|tlf\\.?|ringes? op)\\b");
    private static final Pattern REPEATED_PUNCTUATION = Pattern.compile("[!?]{2,}|!");
    /** Abbreviations that are written in capitals anyway. */
    private static final Set<String> ACRONYMS = Set.of("KP", "CPR", "ID", "PDF", "KOMBIT", "SKAT", "MITID", "NEMID",
            "ATP", "UDK", "KMD", "API", "XML", "CVR", "BBR", "DOCX", "PNG", "JPEG");

    /** The findings as people read them, one per line; empty when the title is good. */
    public List<String> messages(String title) {
        return check(title).findings().stream().map(Finding::message).toList();
    }

    public Result check(String title) {
        List<Finding> findings = new ArrayList<>();
        String text = title == null ? "" : title.strip();
        if (text.isEmpty()) {
            findings.add(new Finding("EMPTY", "Skriv en titel."));
            return new Result(false, findings);
        }
        List<String> words = Arrays.stream(text.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
        List<String> lower = words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        long contentWords = lower.stream().filter(w -> !FILLER.contains(w) && !PRESSURE.contains(w)).count();

        if (words.size() <= 1) {
            findings.add(new Finding("LONE_KEYWORD",
                    "Et enkelt ord er ikke en titel. Skriv, hvor i KP fejlen ses, og hvad den går ud på."));
        } else if (text.length() < MIN_LENGTH || contentWords < MIN_CONTENT_WORDS) {
            findings.add(new Finding("TOO_SHORT",
                    "Titlen er for kort eller for generel. Skriv, hvor i KP fejlen ses (fx opgave, brev eller skærmbillede), og hvad der går galt."));
        }
        if (text.length() > MAX_LENGTH) {
            findings.add(new Finding("TOO_LONG", "Titlen er for lang (over " + MAX_LENGTH
                    + " tegn). Hold den kort og præcis; detaljerne hører til i beskrivelsen."));
        }
        if (isShouting(words)) {
            findings.add(new Finding("SHOUTING", "Skriv titlen uden versaler (store bogstaver): det læses som råb."));
        }
        if (REPEATED_PUNCTUATION.matcher(text).find()) {
            findings.add(new Finding("PUNCTUATION", "Undgå udråbstegn og gentagne spørgsmålstegn; skriv neutralt."));
        }
        if (lower.stream().anyMatch(PRESSURE::contains)) {
            findings.add(new Finding("PRESSURE", "Undgå ord som \"haster\", \"vigtigt\" og \"akut\". Hvor alvorlig fejlen er, "
                    + "angives med kritikaliteten, ikke i titlen."));
        }
        if (CALL.matcher(text.toLowerCase(Locale.ROOT)).find()) {
            findings.add(new Finding("CALL_REQUEST", "Beskriv problemet i stedet for at bede om at blive ringet op."));
        }
        if (text.endsWith("?") && !findings.stream().anyMatch(f -> f.code().equals("PUNCTUATION"))) {
            findings.add(new Finding("QUESTION", "Skriv titlen som en neutral beskrivelse af fejlen, ikke som et spørgsmål. "
                    + "Spørgsmålet hører til i beskrivelsen."));
        }
        return new Result(findings.isEmpty(), List.copyOf(findings));
    }

    private static boolean isShouting(List<String> words) {
        long letters = 0;
        long capitals = 0;
        boolean shoutedWord = false;
        for (String word : words) {
            boolean acronym = ACRONYMS.contains(word.toUpperCase(Locale.ROOT));
            if (!acronym && word.length() >= 4 && word.chars().anyMatch(Character::isLetter)
                    && word.equals(word.toUpperCase(Locale.ROOT)) && !word.chars().allMatch(Character::isDigit)) {
                shoutedWord = true;
            }
            if (!acronym) {
                for (char c : word.toCharArray()) {
                    if (Character.isLetter(c)) {
                        letters++;
                        if (Character.isUpperCase(c)) {
                            capitals++;
                        }
                    }
                }
            }
        }
        return shoutedWord || (letters >= 6 && capitals * 2 > letters);
    }
}
