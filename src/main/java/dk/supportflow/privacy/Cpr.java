package dk.supportflow.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The Danish CPR number (ddmmyy-ssss): format check and masking. An erstatningspersonnummer
 * (replacement number) has the day plus 60, so days 61 to 91 are CPR numbers too.
 */
public final class Cpr {

    /** What a user is told when a CPR number has the wrong form. Never repeats the input. */
    public static final String INVALID_MESSAGE = "CPR-nummeret skal have formen ddmmåå-xxxx med en gyldig dato, fx 010190-1234.";

    /** The day of an erstatningspersonnummer is the birthday plus this. */
    private static final int REPLACEMENT_DAY_OFFSET = 60;
    private static final Pattern FORMAT = Pattern.compile("\\d{6}-\\d{4}");
    /**
     * A CPR-like number anywhere in free text: six digits, then a hyphen, en dash, space,
     * no-break space, full stop or nothing, then four digits. Not part of a longer run of digits.
     */
    private static final Pattern IN_TEXT = Pattern.compile("(?<!\\d)(\\d{6})[-\u2013 \u00A0.]?(\\d{4})(?!\\d)");

    private Cpr() {
    }

    /** True for {@code ddmmyy-ssss} with a real day (or day + 60) and month. */
    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches() && isDate(value.substring(0, 6));
    }

    /** {@code ddmmyy}: a real date, or one whose day is 60 more (an erstatningspersonnummer). */
    private static boolean isDate(String ddmmyy) {
        int day = Integer.parseInt(ddmmyy.substring(0, 2));
        int month = Integer.parseInt(ddmmyy.substring(2, 4));
        int year = Integer.parseInt(ddmmyy.substring(4, 6));
        if (day > REPLACEMENT_DAY_OFFSET) {
            day -= REPLACEMENT_DAY_OFFSET;
        }
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
     * Masks every CPR number in a free text (see {@link #IN_TEXT}; the first six digits a real
     * date, or day + 60), so that it cannot leak into mails, variables or logs. It is shown as
     * {@code ddmmyy-xxxx} whichever separator it had. Other numbers, such as most ids, are left alone.
     */
    public static String maskInText(String text) {
        return text == null ? null : IN_TEXT.matcher(text).replaceAll(match ->
                isDate(match.group(1)) ? match.group(1) + "-xxxx" : match.group());
    }
}
