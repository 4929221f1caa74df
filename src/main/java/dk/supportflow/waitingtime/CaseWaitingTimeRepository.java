package dk.supportflow.waitingtime;

import dk.supportflow.cases.SupportCase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CaseWaitingTimeRepository extends JpaRepository<CaseWaitingTime, Long> {

    Optional<CaseWaitingTime> findByCaseNumber(String caseNumber);

    /**
     * The closed cases MinSupport answered that were reported to it in a period (from inclusive, to
     * exclusive): only the columns the report counts, not whole rows (nor proxies around them).
     */
    @Query("select new dk.supportflow.waitingtime.AnsweredMinSupportCase(w.caseNumber, w.minSupportCaseNumber, "
            + "w.ticketType, w.criticality, w.minSupportReportedAt, w.vendorMs) "
            + "from CaseWaitingTime w where w.minSupportAnsweredAt is not null "
            + "and w.minSupportReportedAt >= :from and w.minSupportReportedAt < :to")
    List<AnsweredMinSupportCase> findAnswered(@Param("from") Instant from, @Param("to") Instant to);

    /** Closed cases whose waiting times were never stored (closed before they were). */
    @Query("select c from SupportCase c where c.closedAt is not null and c.processInstanceId is not null"
            + " and not exists (select w from CaseWaitingTime w where w.caseNumber = c.caseNumber)")
    List<SupportCase> findClosedCasesWithoutWaitingTime();
}
