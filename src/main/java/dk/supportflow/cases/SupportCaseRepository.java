package dk.supportflow.cases;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SupportCaseRepository extends JpaRepository<SupportCase, Long> {

    Optional<SupportCase> findByCaseNumber(String caseNumber);

    List<SupportCase> findByIdGreaterThanAndCprLookupIsNullAndCprEncryptedIsNotNullOrderByIdAsc(long afterId, Limit limit);
}
