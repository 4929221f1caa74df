package dk.supportflow.waitingtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic of whose clock it is, without the engine. */
class WaitingTimesTest {

    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    static Instant at(String offset) {
        return T0.plus(Duration.parse(offset));
    }

    @Test
    void durationsAreWrittenAsIsoWithDaysAndWholeSeconds() {
        assertThat(IsoDurations.format(Duration.ZERO)).isEqualTo("PT0S");
        assertThat(IsoDurations.format(Duration.ofMinutes(20))).isEqualTo("PT20M");
        assertThat(IsoDurations.format(Duration.ofMinutes(192))).isEqualTo("PT3H12M");
        assertThat(IsoDurations.format(Duration.ofHours(49))).isEqualTo("P2DT1H");
        assertThat(IsoDurations.format(Duration.ofDays(3))).isEqualTo("P3D");
        assertThat(IsoDurations.format(Duration.ofSeconds(86_400 + 61))).isEqualTo("P1DT1M1S");
        assertThat(IsoDurations.format(Duration.ofMillis(59_999))).isEqualTo("PT59S");
        assertThat(IsoDurations.format(Duration.ofHours(-1))).isEqualTo("PT0S");
        assertThat(IsoDurations.format(null)).isNull();
        for (long seconds : new long[] {0, 1, 59, 3600, 86_399, 86_400, 987_654}) {
            assertThat(Duration.parse(IsoDurations.format(Duration.ofSeconds(seconds)))).isEqualTo(Duration.ofSeconds(seconds));
        }
    }

    @Test
    void aUnionCountsOverlapsOnceClipsAndCountsRunningIntervalsUpToTheEnd() {
        List<Interval> intervals = List.of(
                new Interval(at("PT1H"), at("PT3H")),
                new Interval(at("PT2H"), at("PT4H")),     // overlaps the first
                new Interval(at("PT5H"), at("PT5H")),     // empty
                new Interval(at("-PT1H"), at("PT30M")),   // starts before the window
                new Interval(at("PT10H"), null));         // still running
        assertThat(Interval.union(intervals, T0, at("PT12H"))).isEqualTo(Duration.ofMinutes(30 + 180 + 120));
        assertThat(Interval.union(List.of(), T0, at("PT12H"))).isEqualTo(Duration.ZERO);
    }

    @Test
    void theMunicipalityOwnsEverythingNoOtherPartyWaitsFor() {
        var times = WaitingTimes.account(T0, at("P4DT3H"), true, List.of(
                new WaitingTimes.Wait(Party.REPORTER, new Interval(at("PT1H"), at("P1DT1H"))),
                new WaitingTimes.Wait(Party.INTEGRATION, new Interval(at("P1DT2H"), at("P1DT4H"))),
                new WaitingTimes.Wait(Party.VENDOR, new Interval(at("P1DT5H"), at("P2DT5H"))),
                new WaitingTimes.Wait(Party.VENDOR, new Interval(at("P2DT5H"), at("P4DT5H")))));
        assertThat(times.of(Party.REPORTER)).isEqualTo(Duration.ofDays(1));
        assertThat(times.of(Party.INTEGRATION)).isEqualTo(Duration.ofHours(2));
        // the case ended at P4DT3H: the vendor's second wait is cut there
        assertThat(times.of(Party.VENDOR)).isEqualTo(Duration.parse("P2DT22H"));
        assertThat(times.of(Party.MUNICIPALITY)).isEqualTo(Duration.ofHours(3));
        assertThat(times.currentlyWaitingOn()).isNull();
        assertThat(times.vendorSince()).isEqualTo(at("P1DT5H"));
        assertThat(times.vendorAnsweredAt()).isEqualTo(at("P4DT5H"));
    }

    @Test
    void aRunningWaitNamesWhoTheCaseWaitsOnNow() {
        var waiting = WaitingTimes.account(T0, at("P3D"), false, List.of(
                new WaitingTimes.Wait(Party.VENDOR, new Interval(at("PT2H"), null))));
        assertThat(waiting.currentlyWaitingOn()).isEqualTo(Party.VENDOR);
        assertThat(waiting.of(Party.VENDOR)).isEqualTo(Duration.parse("P2DT22H"));
        assertThat(waiting.of(Party.MUNICIPALITY)).isEqualTo(Duration.ofHours(2));
        assertThat(waiting.vendorAnsweredAt()).isNull();
        assertThat(waiting.toView().vendor()).isEqualTo("P2DT22H");
        assertThat(waiting.toView().currentlyWaitingOn()).isEqualTo("vendor");

        var working = WaitingTimes.account(T0, at("PT2H"), false, List.of());
        assertThat(working.currentlyWaitingOn()).isEqualTo(Party.MUNICIPALITY);
        assertThat(working.toView()).isEqualTo(new dk.supportflow.cases.CaseView.WaitingTime("PT2H", "PT0S", "PT0S", "PT0S",
                "municipality"));
    }
}
