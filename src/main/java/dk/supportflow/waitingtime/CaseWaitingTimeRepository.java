package dk.supportflow.waitingtime;

import dk.supportflow.cases.SupportCase;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CaseWaitingTimeRepository extends JpaRepository<CaseWaitingTime, Long> {

    Optional<CaseWaitingTime> findByCaseNumber(String caseNumber);

    /** Closed cases whose waiting times were never stored (closed before they were). */
    @Query("select c from SupportCase c where c.closedAt is not null and c.processInstanceId is not null"
            + " and not exists (select w from CaseWaitingTime w where w.caseNumber = c.caseNumber)")
    List<SupportCase> findClosedCasesWithoutWaitingTime();
}
