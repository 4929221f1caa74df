package dk.supportflow.waitingtime;

import dk.supportflow.cases.CaseView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How long a case has waited on each {@link Party}, measured from the start of its process until
 * it ended (or until now while it runs).
 *
 * @param currentlyWaitingOn null once the case has ended
 * @param vendorSince when the case was first reported to MinSupport; null if it never was
 * @param vendorAnsweredAt when MinSupport's answer arrived; null while the case still waits on
 *                         MinSupport, or if it never went there
 */
public record WaitingTimes(Map<Party, Duration> durations, Party currentlyWaitingOn, Instant vendorSince,
        Instant vendorAnsweredAt) {

    public Duration of(Party party) {
        return durations.getOrDefault(party, Duration.ZERO);
    }

    /** A wait of a party, from an activity's start to its end (null while it is active). */
    record Wait(Party party, Interval interval) {
    }

    /**
     * Accounts the time from {@code start} until {@code end}: each party gets the time its waits
     * cover (overlaps count once), the municipality all time that no wait covers.
     *
     * @param ended whether the case has ended at {@code end}; else running waits are current
     */
    static WaitingTimes account(Instant start, Instant end, boolean ended, Collection<Wait> waits) {
        Map<Party, Duration> durations = new EnumMap<>(Party.class);
        List<Interval> all = new ArrayList<>();
        Party current = ended ? null : Party.MUNICIPALITY;
        Instant vendorSince = null;
        Instant vendorAnsweredAt = null;
        boolean vendorRunning = false;
        for (Party party : Party.values()) {
            if (party == Party.MUNICIPALITY) {
                continue;
            }
            List<Interval> intervals = waits.stream().filter(w -> w.party() == party).map(Wait::interval).toList();
            durations.put(party, Interval.union(intervals, start, end));
            all.addAll(intervals);
            if (!ended && intervals.stream().anyMatch(Interval::running)) {
                current = party;
            }
            if (party == Party.VENDOR) {
                for (Interval interval : intervals) {
                    vendorSince = vendorSince == null || interval.start().isBefore(vendorSince) ? interval.start() : vendorSince;
                    if (interval.running()) {
                        vendorRunning = true;
                    } else if (vendorAnsweredAt == null || interval.end().isAfter(vendorAnsweredAt)) {
                        vendorAnsweredAt = interval.end();
                    }
                }
            }
        }
        Duration total = start.isBefore(end) ? Duration.between(start, end) : Duration.ZERO;
        durations.put(Party.MUNICIPALITY, total.minus(Interval.union(all, start, end)));
        return new WaitingTimes(durations, current, vendorSince, vendorRunning ? null : vendorAnsweredAt);
    }

    CaseView.WaitingTime toView() {
        return new CaseView.WaitingTime(IsoDurations.format(of(Party.MUNICIPALITY)), IsoDurations.format(of(Party.REPORTER)),
                IsoDurations.format(of(Party.VENDOR)), IsoDurations.format(of(Party.INTEGRATION)),
                currentlyWaitingOn == null ? null : currentlyWaitingOn.key());
    }
}
