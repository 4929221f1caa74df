package dk.supportflow.portal;

import dk.supportflow.domain.Refused;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;

/**
 * A portal form's two maps: what was typed (shown again, so nothing is lost) and a Danish message
 * per field, in the order of the fields. The checks are the API's: bean validation of the same
 * request records, and the services' refusals.
 */
@Component
public class Forms {

    private final Validator validator;

    public Forms(Validator validator) {
        this.validator = validator;
    }

    /** What was typed, one value per field. */
    public static Map<String, String> values(MultiValueMap<String, String> params) {
        Map<String, String> values = new LinkedHashMap<>();
        params.forEach((key, list) -> {
            if (!key.startsWith("_")) {
                values.put(key, list.isEmpty() ? null : list.get(0));
            }
        });
        return values;
    }

    /** The field errors of a request record, in the order of {@code fieldOrder} (first message per field). */
    public <T> Map<String, String> check(T request, List<String> fieldOrder) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (ConstraintViolation<T> violation : validator.validate(request)) {
            byField.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
        }
        return ordered(byField, fieldOrder);
    }

    /**
     * Checks a form's request record and, if it holds, saves it: the page to go to next, or the
     * form again with the Danish errors (bean validation's, or the service's refusal under
     * {@code general} unless it names its fields).
     */
    public <T> String submit(T request, List<String> fieldOrder, String general, Function<T, String> save,
            Function<Map<String, String>, String> formWithErrors) {
        Map<String, String> errors = check(request, fieldOrder);
        if (errors.isEmpty()) {
            try {
                return save.apply(request);
            } catch (Refused refused) {
                errors = errorsOf(refused, general);
            }
        }
        return formWithErrors.apply(errors);
    }

    /** A service's refusal as field errors; a refusal without fields under {@code general}. */
    public static Map<String, String> errorsOf(Refused refused, String general) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (refused.fields().isEmpty()) {
            errors.put(general, refused.getMessage());
        }
        refused.fields().forEach(f -> errors.putIfAbsent(f.name(), f.message()));
        return errors;
    }

    private static Map<String, String> ordered(Map<String, String> byField, List<String> fieldOrder) {
        Map<String, String> errors = new LinkedHashMap<>();
        fieldOrder.forEach(field -> {
            if (byField.containsKey(field)) {
                errors.put(field, byField.get(field));
            }
        });
        byField.forEach(errors::putIfAbsent);
        return errors;
    }

    public static void show(Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
    }
}
