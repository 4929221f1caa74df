package dk.supportflow.waitingtime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The waiting times of a closed case, kept when it is closed: Camunda's history, which they are
 * derived from, is removed 180 days later. No personal data.
 */
@Entity
@Table(name = "case_waiting_time")
public class CaseWaitingTime {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_number", nullable = false, unique = true)
    private String caseNumber;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "closed_at", nullable = false)
    private Instant closedAt;

    @Column(name = "municipality_ms", nullable = false)
    private long municipalityMs;

    @Column(name = "reporter_ms", nullable = false)
    private long reporterMs;

    @Column(name = "vendor_ms", nullable = false)
    private long vendorMs;

    @Column(name = "integration_ms", nullable = false)
    private long integrationMs;

    @Column(name = "minsupport_case_number")
    private String minSupportCaseNumber;

    @Column(name = "ticket_type")
    private String ticketType;

    private String criticality;

    @Column(name = "minsupport_reported_at")
    private Instant minSupportReportedAt;

    @Column(name = "minsupport_answered_at")
    private Instant minSupportAnsweredAt;

    /** Whether the MinSupport report counts this case for its MinSupport case (AnsweredFigures.recount). */
    @Column(nullable = false)
    private boolean counted;

    protected CaseWaitingTime() {
    }

    CaseWaitingTime(String caseNumber, Instant openedAt, Instant closedAt, WaitingTimes times, String minSupportCaseNumber,
            String ticketType, String criticality) {
        this.caseNumber = caseNumber;
        this.openedAt = openedAt;
        this.closedAt = closedAt;
        this.municipalityMs = times.of(Party.MUNICIPALITY).toMillis();
        this.reporterMs = times.of(Party.REPORTER).toMillis();
        this.vendorMs = times.of(Party.VENDOR).toMillis();
        this.integrationMs = times.of(Party.INTEGRATION).toMillis();
        this.minSupportReportedAt = times.vendorSince();
        this.minSupportAnsweredAt = times.vendorAnsweredAt();
        // the MinSupport fields only matter for a case that went to MinSupport
        boolean escalated = times.vendorSince() != null;
        this.minSupportCaseNumber = escalated ? minSupportCaseNumber : null;
        this.ticketType = escalated ? ticketType : null;
        this.criticality = escalated ? criticality : null;
        // one with a MinSupport number is marked among that MinSupport case's cases when stored
        this.counted = this.minSupportCaseNumber == null && minSupportAnsweredAt != null;
    }

    WaitingTimes toWaitingTimes() {
        Map<Party, Duration> durations = new EnumMap<>(Party.class);
        durations.put(Party.MUNICIPALITY, Duration.ofMillis(municipalityMs));
        durations.put(Party.REPORTER, Duration.ofMillis(reporterMs));
        durations.put(Party.VENDOR, Duration.ofMillis(vendorMs));
        durations.put(Party.INTEGRATION, Duration.ofMillis(integrationMs));
        return new WaitingTimes(durations, null, minSupportReportedAt, minSupportAnsweredAt);
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getMinSupportCaseNumber() {
        return minSupportCaseNumber;
    }

    public String getTicketType() {
        return ticketType;
    }

    public String getCriticality() {
        return criticality;
    }

    public Instant getMinSupportReportedAt() {
        return minSupportReportedAt;
    }

    public Instant getMinSupportAnsweredAt() {
        return minSupportAnsweredAt;
    }

    public Duration getVendorTime() {
        return Duration.ofMillis(vendorMs);
    }
}
