package dk.supportflow.cases;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SupportCaseRepository extends JpaRepository<SupportCase, Long> {

    Optional<SupportCase> findByCaseNumber(String caseNumber);
}
