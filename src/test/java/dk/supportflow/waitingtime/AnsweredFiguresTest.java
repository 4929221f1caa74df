package dk.supportflow.waitingtime;

import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.SupportflowTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The MinSupport report's figures in the database: one closed case counts for its MinSupport case
 * (the longest vendor time, marked when cases are closed), and the percentiles are linear between
 * the closest ranks. Rows of 2001, so no other test's cases count.
 */
@SupportflowTest
class AnsweredFiguresTest {

    static final Instant FROM = Instant.parse("2001-01-01T00:00:00Z");
    static final Instant TO = Instant.parse("2002-01-01T00:00:00Z");

    @Autowired
    AnsweredFigures figures;
    @Autowired
    JdbcTemplate jdbc;

    final String marker = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    @Test
    void aMinSupportCaseCountsOnceByItsLongestVendorTimeAndThePercentilesAreLinear() throws Exception {
        String x = "MS-X" + marker;
        String y = "MS-Y" + marker;
        clear();
        keep("A", x, "fejlsag", "medium", "2001-03-01", Duration.ofDays(5), false);
        keep("B", x, "fejlsag", "medium", "2001-03-02", Duration.ofDays(3), false);
        keep("C", null, "fejlsag", "medium", "2001-04-01", Duration.ofDays(1), true);
        keep("D", y, "aendringsoenske", "lav", "2001-05-01", Duration.ofDays(2), false);
        figures.recount(x);
        figures.recount(y);
        assertThat(countedOf(x)).containsExactly("A" + marker);

        Map<String, AnsweredFigures.Figures> byBucket = figures.figures(FROM, TO, Set.of(), List.of());
        assertThat(byBucket.get("medium")).isEqualTo(new AnsweredFigures.Figures(2, Duration.ofDays(3),
                Duration.parse("P4DT14H24M")));
        assertThat(byBucket.get(AnsweredFigures.CHANGE_REQUESTS)).isEqualTo(new AnsweredFigures.Figures(1, Duration.ofDays(2),
                Duration.ofDays(2)));
        assertThat(byBucket).doesNotContainKey("lav");

        // a later case of the same MinSupport case waited longer: it counts instead
        keep("F", x, "fejlsag", "medium", "2001-03-03", Duration.ofDays(7), false);
        figures.recount(x);
        assertThat(countedOf(x)).containsExactly("F" + marker);
        assertThat(figures.figures(FROM, TO, Set.of(), List.of()).get("medium").median()).isEqualTo(Duration.ofDays(4));
        assertThat(figures.countingFor(Set.of(x))).extracting(AnsweredMinSupportCase::caseNumber).containsExactly("F" + marker);

        // a MinSupport case an open case follows is left to the caller, who counts it in
        Map<String, AnsweredFigures.Figures> merged = figures.figures(FROM, TO, Set.of(x),
                List.of(new AnsweredFigures.Counted("medium", Duration.ofDays(10).toMillis())));
        assertThat(merged.get("medium")).isEqualTo(new AnsweredFigures.Figures(2, Duration.parse("P5DT12H"),
                Duration.parse("P9DT2H24M")));
        // outside the period: nothing
        assertThat(figures.figures(TO, TO.plus(Duration.ofDays(1)), Set.of(), List.of())).isEmpty();

        // the migration marks the cases closed before it as the closing does
        jdbc.update("update case_waiting_time set counted = false where minsupport_reported_at >= ? and minsupport_reported_at < ?",
                Timestamp.from(FROM), Timestamp.from(TO));
        jdbc.update(migrationUpdate());
        assertThat(countedOf(x)).containsExactly("F" + marker);
        assertThat(countedOf(y)).containsExactly("D" + marker);
        assertThat(jdbc.queryForList("select case_number from case_waiting_time where case_number = ? and counted", String.class,
                "C" + marker)).hasSize(1);
        clear();
    }

    private static String migrationUpdate() throws Exception {
        String sql = Files.readString(Path.of("src/main/resources/db/migration/V24__minsupport_counted.sql"));
        return Arrays.stream(sql.replaceAll("(?m)--.*$", "").split(";")).map(String::strip)
                .filter(statement -> statement.startsWith("update")).findFirst().orElseThrow();
    }

    private void keep(String name, String minSupportNumber, String ticketType, String criticality, String reportedOn,
            Duration vendor, boolean counted) {
        Instant reported = Instant.parse(reportedOn + "T09:00:00Z");
        jdbc.update("insert into case_waiting_time (case_number, opened_at, closed_at, municipality_ms, reporter_ms, vendor_ms, "
                        + "integration_ms, minsupport_case_number, ticket_type, criticality, minsupport_reported_at, "
                        + "minsupport_answered_at, counted) values (?, ?, ?, 0, 0, ?, 0, ?, ?, ?, ?, ?, ?)",
                name + marker, Timestamp.from(reported), Timestamp.from(reported.plus(vendor)), vendor.toMillis(), minSupportNumber,
                ticketType, criticality, Timestamp.from(reported), Timestamp.from(reported.plus(vendor)), counted);
    }

    private List<String> countedOf(String minSupportNumber) {
        return jdbc.queryForList("select case_number from case_waiting_time where minsupport_case_number = ? and counted",
                String.class, minSupportNumber);
    }

    private void clear() {
        jdbc.update("delete from case_waiting_time where minsupport_reported_at >= ? and minsupport_reported_at < ?",
                Timestamp.from(FROM), Timestamp.from(TO));
    }
}
