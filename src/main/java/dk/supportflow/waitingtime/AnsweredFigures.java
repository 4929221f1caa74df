package dk.supportflow.waitingtime;

import dk.supportflow.minsupport.MinSupportRules;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The closed cases MinSupport answered ({@code case_waiting_time}), counted in the database: the
 * report's figures over any number of them without reading them all. A MinSupport case counts
 * once, by the one of our cases with the longest vendor time (as {@link MinSupportReport} counts
 * it); the median and the 90th percentile are {@code percentile_cont}, linear between the closest
 * ranks (PERCENTILE.INC in a spreadsheet), on PostgreSQL and H2 alike.
 */
@Repository
class AnsweredFigures {

    /** The bucket of the change requests (a criticality is never empty). */
    static final String CHANGE_REQUESTS = "";

    /** How many MinSupport cases were answered in a bucket, and their median and 90th percentile vendor time. */
    record Figures(int answered, Duration median, Duration p90) {
    }

    /** A MinSupport case counted outside the database (one that an open case follows), by bucket. */
    record Counted(String bucket, long vendorMs) {
    }

    /** Every answered closed case reported in the period, numbered within its MinSupport case by vendor time. */
    private static final String ANSWERED = "select w.case_number, w.minsupport_case_number, w.ticket_type, w.criticality, "
            + "w.minsupport_reported_at, w.vendor_ms, row_number() over (partition by "
            + "coalesce('ms:' || w.minsupport_case_number, 'case:' || w.case_number) order by w.vendor_ms desc, w.id) as pick "
            + "from case_waiting_time w where w.minsupport_answered_at is not null "
            + "and w.minsupport_reported_at >= :from and w.minsupport_reported_at < :to";

    private final NamedParameterJdbcTemplate jdbc;

    AnsweredFigures(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The bucket a case counts in: its criticality, or the change requests. */
    static String bucket(String ticketType, String criticality) {
        return MinSupportRules.CHANGE_REQUEST.equals(ticketType) ? CHANGE_REQUESTS : criticality == null ? "unknown" : criticality;
    }

    /** For each of these MinSupport cases, the closed case of ours that counts for it (the longest vendor time). */
    List<AnsweredMinSupportCase> countingFor(Collection<String> minSupportCaseNumbers, Instant from, Instant to) {
        return jdbc.query("select * from (" + ANSWERED + " and w.minsupport_case_number in (:numbers)) a where pick = 1",
                period(from, to).addValue("numbers", minSupportCaseNumbers),
                (rs, i) -> new AnsweredMinSupportCase(rs.getString("case_number"), rs.getString("minsupport_case_number"),
                        rs.getString("ticket_type"), rs.getString("criticality"),
                        rs.getObject("minsupport_reported_at", OffsetDateTime.class).toInstant(), rs.getLong("vendor_ms")));
    }

    /**
     * The figures by bucket over every answered MinSupport case but the {@code counted} ones'
     * (those an open case follows, counted by the caller), with the caller's counted in.
     */
    Map<String, Figures> figures(Instant from, Instant to, Collection<String> except, List<Counted> counted) {
        MapSqlParameterSource parameters = period(from, to).addValue("changeRequest", MinSupportRules.CHANGE_REQUEST)
                .addValue("changeRequests", CHANGE_REQUESTS);
        StringBuilder sql = new StringBuilder("select bucket, count(*) as answered, ")
                .append("percentile_cont(0.5) within group (order by vendor_ms) as p50, ")
                .append("percentile_cont(0.9) within group (order by vendor_ms) as p90 from (")
                .append("select case when ticket_type = :changeRequest then cast(:changeRequests as varchar(20)) ")
                .append("else coalesce(criticality, 'unknown') end as bucket, vendor_ms from (").append(ANSWERED);
        if (!except.isEmpty()) {
            sql.append(" and (w.minsupport_case_number is null or w.minsupport_case_number not in (:except))");
            parameters.addValue("except", except);
        }
        sql.append(") a where pick = 1");
        for (int i = 0; i < counted.size(); i++) {
            sql.append(" union all select cast(:bucket").append(i).append(" as varchar(20)), cast(:vendorMs").append(i)
                    .append(" as bigint)");
            parameters.addValue("bucket" + i, counted.get(i).bucket()).addValue("vendorMs" + i, counted.get(i).vendorMs());
        }
        sql.append(") u group by bucket");
        Map<String, Figures> figures = new LinkedHashMap<>();
        jdbc.query(sql.toString(), parameters, rs -> {
            figures.put(rs.getString("bucket"), new Figures(rs.getInt("answered"), Duration.ofMillis(Math.round(rs.getDouble("p50"))),
                    Duration.ofMillis(Math.round(rs.getDouble("p90")))));
        });
        return figures;
    }

    private static MapSqlParameterSource period(Instant from, Instant to) {
        return new MapSqlParameterSource().addValue("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .addValue("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
    }
}
