package dk.supportflow.meetings;

/** What makes errors "the same" for a gangmøde: where in KP, and what kind of error. */
public record ErrorPattern(String component, String errorClass) {

    /** The "error class" of a topic proposed by hand that no error class describes (free text, a request). */
    public static final String PROPOSED = "proposed";

    /** Cases without a component share the pattern "no component given". */
    public static ErrorPattern of(String component, String errorClass) {
        return new ErrorPattern(component == null || component.isBlank() ? "" : component.strip(), errorClass);
    }
}
