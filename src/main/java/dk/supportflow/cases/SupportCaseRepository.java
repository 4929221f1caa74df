package dk.supportflow.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SupportCaseRepository extends JpaRepository<SupportCase, Long> {

    Optional<SupportCase> findByCaseNumber(String caseNumber);

    /** The cases reported since then, for the dashboard. */
    List<SupportCase> findByCreatedAtGreaterThanEqualOrderByCreatedAtAsc(Instant from);

    List<SupportCase> findByCprLookupOrderByIdAsc(String cprLookup);

    /** The oldest closed cases whose personal data is still kept. */
    List<SupportCase> findByClosedAtBeforeAndAnonymisedAtIsNullOrderByClosedAtAscIdAsc(Instant cutoff, Limit limit);

    List<SupportCase> findByIdGreaterThanAndCprLookupIsNullAndCprEncryptedIsNotNullOrderByIdAsc(long afterId, Limit limit);
}
