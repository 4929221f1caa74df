package dk.supportflow;

import dk.supportflow.process.DriftssideProcess;
import dk.supportflow.process.GangmoedeProcess;
import dk.supportflow.process.SupportCaseProcess;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What people read is Danish: no English words from a list, no variable names, no API paths.
 * Template expressions ({{...}}), HTML tags and links are taken out first: a link is offered, not read.
 */
public final class DanishText {

    /** English words a Danish text has no use for (whole words, any case). */
    private static final List<String> ENGLISH = List.of("the", "and", "task", "error", "please", "click", "submit",
            "case", "field", "required", "select", "yes", "no", "true", "false", "null", "user", "process", "watcher",
            "support");
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{[^}]*}}");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}/_-]+");
    private static final List<String> CODE_NAMES = codeNames();

    private DanishText() {
    }

    /** One finding per word that gives the text away as English or code, named by where it was found. */
    public static List<String> findings(String where, String text) {
        String plain = LINK.matcher(TAG.matcher(TEMPLATE.matcher(text).replaceAll(" ")).replaceAll(" ")).replaceAll(" ");
        List<String> findings = new ArrayList<>();
        Matcher words = WORD.matcher(plain);
        while (words.find()) {
            String word = words.group();
            if (ENGLISH.contains(word.toLowerCase()) || CODE_NAMES.stream().anyMatch(word::equals)
                    || CODE_NAMES.stream().filter(c -> c.startsWith("/") || c.contains("-"))
                            .anyMatch(c -> word.toLowerCase().contains(c))) {
                findings.add(where + ": \"" + word + "\" in \"" + plain.strip() + "\"");
            }
        }
        return findings;
    }

    /** The process variables of every process (code names, never words for people) and the API's paths. */
    private static List<String> codeNames() {
        List<String> names = new ArrayList<>(Stream.of(SupportCaseProcess.Vars.class, GangmoedeProcess.Vars.class,
                        DriftssideProcess.Vars.class)
                .flatMap(c -> Arrays.stream(c.getDeclaredFields()))
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(DanishText::value)
                // a one-word name such as "title" or "answer" is an English word, caught above
                .filter(name -> !name.equals(name.toLowerCase()))
                .toList());
        names.addAll(List.of("/api/", "engine-rest", "camunda"));
        // code values that have a Danish name for people
        names.addAll(List.of("hoej", "aendringsoenske", "solvedLocally", "needMoreInfo", "waitAndRetry", "escalate",
                "userError", "processError", "integrationError", "technicalError", "supportRequest", "changeRequest",
                "accepted", "rejected", "planned", "minsupport", "reporter"));
        return names;
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
