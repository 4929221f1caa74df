package dk.supportflow.waitingtime;

import java.time.Instant;

/** A closed case MinSupport answered, as the response-time report counts it: six columns, not the whole row. */
public record AnsweredMinSupportCase(String caseNumber, String minSupportCaseNumber, String ticketType, String criticality,
        Instant minSupportReportedAt, long vendorMs) {
}
