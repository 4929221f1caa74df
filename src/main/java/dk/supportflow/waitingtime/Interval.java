package dk.supportflow.waitingtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** A span of time; {@code end} is null while it is still running. */
record Interval(Instant start, Instant end) {

    boolean running() {
        return end == null;
    }

    /**
     * The length of the union of the intervals, each cut to [from, until]; running intervals count
     * up to {@code until}. Overlaps count once.
     */
    static Duration union(Collection<Interval> intervals, Instant from, Instant until) {
        List<Interval> clipped = new ArrayList<>();
        for (Interval interval : intervals) {
            Instant start = interval.start.isBefore(from) ? from : interval.start;
            Instant end = interval.end == null || interval.end.isAfter(until) ? until : interval.end;
            if (start.isBefore(end)) {
                clipped.add(new Interval(start, end));
            }
        }
        clipped.sort(Comparator.comparing(Interval::start));
        Duration total = Duration.ZERO;
        Instant coveredUntil = from;
        for (Interval interval : clipped) {
            Instant start = interval.start.isBefore(coveredUntil) ? coveredUntil : interval.start;
            if (start.isBefore(interval.end)) {
                total = total.plus(Duration.between(start, interval.end));
                coveredUntil = interval.end;
            }
        }
        return total;
    }
}
