package dk.supportflow.waitingtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The statistics of the MinSupport report, without the engine. */
class MinSupportReportStatisticsTest {

    static final Instant T0 = WaitingTimesTest.T0;

    static Instant at(String offset) {
        return WaitingTimesTest.at(offset);
    }

    @Test
    void aMinSupportCaseFollowedBySeveralOfOurCasesCountsOnce() {
        var first = new MinSupportReport.Entry("SUP-1", "MS-1", "fejlsag", "medium", T0, Duration.ofDays(5), true);
        var linked = new MinSupportReport.Entry("SUP-2", "MS-1", "fejlsag", "medium", at("P1D"), Duration.ofDays(4), true);
        var openFirst = new MinSupportReport.Entry("SUP-3", "MS-2", "fejlsag", "hoej", at("PT1H"), Duration.ofDays(2), false);
        var openLinked = new MinSupportReport.Entry("SUP-4", "MS-2", "fejlsag", "hoej", at("PT2H"), Duration.ofDays(1), false);
        var noNumber = new MinSupportReport.Entry("SUP-5", null, "fejlsag", "lav", T0, Duration.ofDays(1), true);
        assertThat(MinSupportReport.perMinSupportCase(List.of(linked, first, openLinked, openFirst, noNumber)))
                .containsExactly(first, openFirst, noNumber);

        var report = MinSupportReport.summarise(at("P3D"), null, null,
                Map.of("medium", new AnsweredFigures.Figures(1, Duration.ofDays(5), Duration.ofDays(5))), List.of(openFirst));
        var medium = report.byCriticality().get(2);
        assertThat(medium.criticality()).isEqualTo("medium");
        assertThat(medium.answered()).isEqualTo(1);
        assertThat(medium.medianVendorTime()).isEqualTo("P5D");
        var hoej = report.byCriticality().get(1);
        assertThat(hoej.open()).isEqualTo(1);
        assertThat(hoej.oldestOpen()).isEqualTo(new MinSupportReport.OldestOpen("SUP-3", "MS-2", at("PT1H"), "P2DT23H"));
        assertThat(report.changeRequests().answered()).isZero();
        assertThat(report.changeRequests().medianVendorTime()).isNull();
    }
}
