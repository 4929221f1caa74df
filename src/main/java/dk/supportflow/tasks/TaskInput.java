package dk.supportflow.tasks;

import dk.supportflow.privacy.Cpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What a person submitted when completing a task, checked field by field. Collects every
 * problem as a Danish sentence, so the person learns all of them at once.
 */
public class TaskInput {

    public static final int MAX_TEXT = 4000;

    private final DelegateTask task;
    private final List<String> problems = new ArrayList<>();

    TaskInput(DelegateTask task) {
        this.task = task;
    }

    public String text(String name) {
        Object value = task.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    public boolean isTrue(String name) {
        return Boolean.TRUE.equals(task.getVariable(name));
    }

    /** One of the allowed values (keys of {@code allowed}, values are their Danish names). */
    public String requireOneOf(String name, Map<String, String> allowed, String missingMessage) {
        String value = text(name);
        if (value == null) {
            problems.add(missingMessage);
        } else if (!allowed.containsKey(value)) {
            problems.add("'" + Cpr.maskInText(value) + "' er ikke et gyldigt valg. Vælg en af: " + String.join(", ", allowed.values()) + ".");
        }
        return value;
    }

    /** A required free text of at most {@code max} characters; CPR-like numbers in it are masked. */
    public String requireText(String name, int max, String missingMessage) {
        String value = text(name);
        if (value == null) {
            problems.add(missingMessage);
            return null;
        }
        return checkText(name, value, max);
    }

    /** An optional free text of at most {@code max} characters; CPR-like numbers in it are masked. */
    public String optionalText(String name, int max) {
        String value = text(name);
        return value == null ? null : checkText(name, value, max);
    }

    /** A yes/no answer; a missing one counts as no and is stored as such. */
    public boolean flag(String name) {
        Object value = task.getVariable(name);
        if (value != null && !(value instanceof Boolean)) {
            problems.add("Et ja/nej-felt i formularen har en ugyldig værdi. Hent opgaven igen, og sæt eller fjern fluebenet.");
            return false;
        }
        boolean flag = Boolean.TRUE.equals(value);
        task.setVariable(name, flag);
        return flag;
    }

    /** Keeps what the person typed in its normal form (e.g. trimmed and upper-cased), as it is matched later. */
    public void normalise(String name, String value) {
        task.setVariable(name, value);
    }

    public void problem(String message) {
        problems.add(message);
    }

    List<String> problems() {
        return problems;
    }

    private String checkText(String name, String value, int max) {
        if (value.length() > max) {
            problems.add("En tekst må højst være " + max + " tegn; en af dine er " + value.length() + " tegn. Gør den kortere.");
        }
        String masked = Cpr.maskInText(value);
        if (!masked.equals(value)) {
            // a CPR number belongs in the case's protected field, not in free text that is mailed and kept in history
            task.setVariable(name, masked);
        }
        return masked;
    }
}
