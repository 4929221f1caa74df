package dk.supportflow.waitingtime;

import java.time.Duration;

/**
 * ISO 8601 durations for people and machines: whole seconds, days of 24 hours written as days
 * ({@code P2DT1H}, {@code PT3H12M}, {@code PT0S}). {@link Duration#parse} reads them back.
 */
public final class IsoDurations {

    private IsoDurations() {
    }

    public static String format(Duration duration) {
        if (duration == null) {
            return null;
        }
        long seconds = Math.max(0, duration.getSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        long rest = seconds % 60;
        StringBuilder text = new StringBuilder("P");
        if (days > 0) {
            text.append(days).append('D');
        }
        if (hours > 0 || minutes > 0 || rest > 0 || days == 0) {
            text.append('T');
            if (hours > 0) {
                text.append(hours).append('H');
            }
            if (minutes > 0) {
                text.append(minutes).append('M');
            }
            if (rest > 0 || (days == 0 && hours == 0 && minutes == 0)) {
                text.append(rest).append('S');
            }
        }
        return text.toString();
    }
}
