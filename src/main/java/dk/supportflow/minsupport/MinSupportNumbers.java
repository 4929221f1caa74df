package dk.supportflow.minsupport;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A MinSupport case number as people type it (" ms-4711 ") and as it is kept and matched
 * ("MS-4711"): trimmed and upper-cased everywhere, so an answer finds its cases however the
 * number was written.
 */
public final class MinSupportNumbers {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,39}");

    private MinSupportNumbers() {
    }

    public static String normalise(String number) {
        return number == null ? null : number.strip().toUpperCase(Locale.ROOT);
    }

    /** Letters, digits and hyphens, at most 40 characters, after {@link #normalise}. */
    public static boolean isValid(String normalised) {
        return normalised != null && FORMAT.matcher(normalised).matches();
    }
}
