package dk.supportflow.knowledge;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SolvedCaseRepository extends JpaRepository<SolvedCase, Long> {

    Optional<SolvedCase> findByCaseNumber(String caseNumber);

    List<SolvedCase> findByMinSupportCaseNumberIsNotNull();
}
