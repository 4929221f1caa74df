package dk.supportflow.meetings;

/** What makes errors "the same" for a gangmøde: where in KP, and what kind of error. */
public record ErrorPattern(String component, String errorClass) {

    /** Cases without a component share the pattern "no component given". */
    public static ErrorPattern of(String component, String errorClass) {
        return new ErrorPattern(component == null || component.isBlank() ? "" : component.strip(), errorClass);
    }
}
