package dk.supportflow.waitingtime;

import java.time.Instant;

/** A closed case MinSupport answered, as the response-time report counts it for a MinSupport case an open case follows. */
record AnsweredMinSupportCase(String caseNumber, String minSupportCaseNumber, String ticketType, String criticality,
        Instant minSupportReportedAt, long vendorMs) {
}
