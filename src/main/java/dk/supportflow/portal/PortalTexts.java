package dk.supportflow.portal;

import dk.supportflow.platform.ClockConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Times and durations the Danish way, for the portal's pages ({@code ${@portalTexts.when(...)}}). */
@Component("portalTexts")
public class PortalTexts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d. MMM yyyy 'kl.' HH:mm",
            Locale.forLanguageTag("da")).withZone(ClockConfig.ZONE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d. MMM yyyy", Locale.forLanguageTag("da"));

    public String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    public String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** "3 dage", "5 timer", "12 minutter": the largest whole unit. */
    public String age(Duration age) {
        if (age == null) {
            return "";
        }
        long days = age.toDays();
        if (days >= 1) {
            return days == 1 ? "1 dag" : days + " dage";
        }
        long hours = age.toHours();
        if (hours >= 1) {
            return hours == 1 ? "1 time" : hours + " timer";
        }
        long minutes = age.toMinutes();
        return minutes == 1 ? "1 minut" : minutes + " minutter";
    }

    /** A file's size: "512 byte", "38 kB", "2,4 MB". */
    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " byte";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " kB";
        }
        return String.format(Locale.forLanguageTag("da"), "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** An ISO 8601 duration (the API's waiting times) the Danish way; "" for none. */
    public String duration(String iso) {
        return iso == null ? "" : age(Duration.parse(iso));
    }
}
