package dk.supportflow.driftsside;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface KnownErrorCaseRepository extends JpaRepository<KnownErrorCase, Long> {

    boolean existsByKnownErrorIdAndCaseNumber(Long knownErrorId, String caseNumber);

    List<KnownErrorCase> findByKnownErrorIdOrderByCaseNumberAsc(Long knownErrorId);

    List<KnownErrorCase> findByCaseNumberOrderByLinkedAtAscIdAsc(String caseNumber);

    List<KnownErrorCase> findByCaseNumberAndRegisteredAtIsNullOrderByIdAsc(String caseNumber);

    long countByKnownErrorId(Long knownErrorId);
}
