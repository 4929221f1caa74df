package dk.supportflow.domain;

import java.util.List;

/**
 * A rule said no: what was asked cannot be done, and the Danish message says why to the person
 * who asked. {@link Why} names the reason in the domain's terms; the web layer
 * (web.ApiExceptionHandler) alone turns it into an HTTP status, and a job that meets it becomes
 * an incident with the message, never an HTTP error.
 */
public class Refused extends RuntimeException {

    public enum Why {
        /** What was asked for does not exist (or is not the asker's to see). */
        NOT_FOUND,
        /** The input breaks a rule; the fields name where. */
        INVALID,
        /** The asker may not do this. */
        FORBIDDEN,
        /** The state of things does not allow it now (already done, changed meanwhile). */
        CONFLICT,
        /** More than the limit. */
        TOO_LARGE,
        /** A kind of file or content that is not taken. */
        UNSUPPORTED_TYPE,
        /** Content of the right kind that cannot be read or used. */
        UNUSABLE,
        /** Something it depends on is not there now; trying later may work. */
        UNAVAILABLE
    }

    /** A field of the input and what is wrong with it. */
    public record Field(String name, String message) {
    }

    private final Why why;
    private final List<Field> fields;

    public Refused(Why why, String message) {
        this(why, message, List.of());
    }

    public Refused(Why why, String message, List<Field> fields) {
        super(message);
        this.why = why;
        this.fields = List.copyOf(fields);
    }

    public static Refused notFound(String message) {
        return new Refused(Why.NOT_FOUND, message);
    }

    /** One field breaks a rule; the message names it. */
    public static Refused invalid(String field, String message) {
        return new Refused(Why.INVALID, message, List.of(new Field(field, message)));
    }

    public static Refused forbidden(String message) {
        return new Refused(Why.FORBIDDEN, message);
    }

    public static Refused conflict(String message) {
        return new Refused(Why.CONFLICT, message);
    }

    public Why why() {
        return why;
    }

    public List<Field> fields() {
        return fields;
    }
}
