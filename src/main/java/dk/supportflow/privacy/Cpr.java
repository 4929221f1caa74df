package dk.supportflow.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** The Danish CPR number (ddmmyy-ssss): format check and masking. */
public final class Cpr {

    /** What a user is told when a CPR number has the wrong form. Never repeats the input. */
    public static final String INVALID_MESSAGE = "CPR-nummeret skal have formen ddmmåå-xxxx med en gyldig dato, fx 010190-1234.";

    private static final Pattern FORMAT = Pattern.compile("\\d{6}-\\d{4}");
    /** A CPR-like number anywhere in free text, with or without the hyphen. */
    private static final Pattern IN_TEXT = Pattern.compile("(?<!\\d)(\\d{6})-?(\\d{4})(?!\\d)");

    private Cpr() {
    }

    /** True for {@code ddmmyy-ssss} with a real day and month. */
    public static boolean isValid(String value) {
        if (value == null || !FORMAT.matcher(value).matches()) {
            return false;
        }
        int day = Integer.parseInt(value.substring(0, 2));
        int month = Integer.parseInt(value.substring(2, 4));
        int year = Integer.parseInt(value.substring(4, 6));
        try {
            // 2000 is a leap year, so 29 February of any year passes here; the century is unknown
            LocalDate.of(2000 + year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** {@code ddmmyy-xxxx}: the form in which a CPR number may be shown. */
    public static String mask(String cpr) {
        return cpr == null ? null : cpr.substring(0, 6) + "-xxxx";
    }

    /**
     * Masks every CPR number in a free text (ten digits, hyphen optional, starting with a real
     * day and month), so that it cannot leak into mails, variables or logs. Other ten-digit
     * numbers, such as most ids, are left alone.
     */
    public static String maskInText(String text) {
        return text == null ? null : IN_TEXT.matcher(text).replaceAll(match ->
                isValid(match.group(1) + "-" + match.group(2)) ? match.group(1) + "-xxxx" : match.group());
    }
}
