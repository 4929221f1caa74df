package dk.supportflow.web;

import dk.supportflow.domain.Refused;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** A day given as a request parameter (åååå-mm-dd): null when absent, a Danish field error when not a date. */
public final class DateParameter {

    public static final String FORMAT_MESSAGE = "Skriv en dato på formen åååå-mm-dd.";

    private DateParameter() {
    }

    public static LocalDate parse(String field, String value, List<Refused.Field> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new Refused.Field(field, FORMAT_MESSAGE));
            return null;
        }
    }
}
