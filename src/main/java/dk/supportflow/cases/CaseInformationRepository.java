package dk.supportflow.cases;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseInformationRepository extends JpaRepository<CaseInformation, Long> {

    List<CaseInformation> findByCaseIdOrderByReceivedAtAscIdAsc(Long caseId);
}
