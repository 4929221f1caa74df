package dk.supportflow.cases;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CaseInformationRepository extends JpaRepository<CaseInformation, Long> {

    List<CaseInformation> findByCaseIdOrderByReceivedAtAscIdAsc(Long caseId);

    List<CaseInformation> findByCaseIdAndNotifiedAtIsNullOrderByIdAsc(Long caseId);

    @Modifying
    @Query("delete from CaseInformation i where i.caseId = :caseId")
    int deleteByCaseId(@Param("caseId") Long caseId);
}
