package dk.supportflow.waitingtime;

import dk.supportflow.minsupport.MinSupportRules;
import dk.supportflow.platform.NamedLock;
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
import org.springframework.transaction.annotation.Transactional;

/**
 * The closed cases MinSupport answered ({@code case_waiting_time}), counted in the database: the
 * report's figures over any number of them without reading them all. A MinSupport case counts
 * once, by the one of our cases with the longest vendor time (as {@link MinSupportReport} counts
 * it), marked {@code counted} when a case of it is closed; the median and the 90th percentile are
 * {@code percentile_cont}, linear between the closest ranks (PERCENTILE.INC in a spreadsheet), on
 * PostgreSQL and H2 alike.
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

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedLock lock;

    AnsweredFigures(NamedParameterJdbcTemplate jdbc, NamedLock lock) {
        this.jdbc = jdbc;
        this.lock = lock;
    }

    /**
     * Marks the closed case that counts for this MinSupport case (the longest vendor time among
     * those answered), in the closing transaction; closes of one MinSupport case take turns, so
     * two at once cannot both be marked.
     */
    @Transactional
    public void recount(String minSupportCaseNumber) {
        lock.hold(NamedLock.MINSUPPORT_COUNTING);
        jdbc.update("update case_waiting_time set counted = case when minsupport_answered_at is not null and id = "
                + "(select w.id from case_waiting_time w where w.minsupport_case_number = :number "
                + "and w.minsupport_answered_at is not null order by w.vendor_ms desc, w.id fetch first 1 rows only) "
                + "then true else false end where minsupport_case_number = :number",
                new MapSqlParameterSource("number", minSupportCaseNumber));
    }

    /** The bucket a case counts in: its criticality, or the change requests. */
    static String bucket(String ticketType, String criticality) {
        return MinSupportRules.CHANGE_REQUEST.equals(ticketType) ? CHANGE_REQUESTS : criticality == null ? "unknown" : criticality;
    }

    /** For each of these MinSupport cases, the closed case of ours that counts for it, whenever reported. */
    List<AnsweredMinSupportCase> countingFor(Collection<String> minSupportCaseNumbers) {
        return jdbc.query("select case_number, minsupport_case_number, ticket_type, criticality, minsupport_reported_at, "
                        + "vendor_ms from case_waiting_time where counted and minsupport_case_number in (:numbers)",
                new MapSqlParameterSource("numbers", minSupportCaseNumbers),
                (rs, i) -> new AnsweredMinSupportCase(rs.getString("case_number"), rs.getString("minsupport_case_number"),
                        rs.getString("ticket_type"), rs.getString("criticality"),
                        rs.getObject("minsupport_reported_at", OffsetDateTime.class).toInstant(), rs.getLong("vendor_ms")));
    }

    /**
     * The figures by bucket over the MinSupport cases reported in the period, but those in
     * {@code except} (which open cases follow: the caller counts them), with the caller's counted in.
     */
    Map<String, Figures> figures(Instant from, Instant to, Collection<String> except, List<Counted> counted) {
        MapSqlParameterSource parameters = period(from, to).addValue("changeRequest", MinSupportRules.CHANGE_REQUEST)
                .addValue("changeRequests", CHANGE_REQUESTS);
        StringBuilder sql = new StringBuilder("select bucket, count(*) as answered, ")
                .append("percentile_cont(0.5) within group (order by vendor_ms) as p50, ")
                .append("percentile_cont(0.9) within group (order by vendor_ms) as p90 from (")
                .append("select case when ticket_type = :changeRequest then cast(:changeRequests as varchar(20)) ")
                .append("else coalesce(criticality, 'unknown') end as bucket, vendor_ms from case_waiting_time ")
                .append("where counted and minsupport_reported_at >= :from and minsupport_reported_at < :to");
        if (!except.isEmpty()) {
            sql.append(" and (minsupport_case_number is null or minsupport_case_number not in (:except))");
            parameters.addValue("except", except);
        }
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
