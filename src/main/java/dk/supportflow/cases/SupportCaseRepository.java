package dk.supportflow.cases;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SupportCaseRepository extends JpaRepository<SupportCase, Long>, JpaSpecificationExecutor<SupportCase> {

    Optional<SupportCase> findByCaseNumber(String caseNumber);

    /** The cases reported since then, for the dashboard. */
    List<SupportCase> findByCreatedAtGreaterThanEqualOrderByCreatedAtAsc(Instant from);

    List<SupportCase> findByCprLookupOrderByIdAsc(String cprLookup);

    /** The open cases, for lists that match against them (known errors). */
    List<SupportCase> findByClosedAtIsNullOrderByCaseNumberAsc();

    /** The open cases that have a MinSupport case, for the similar-case check. */
    List<SupportCase> findByClosedAtIsNullAndMinSupportCaseNumberIsNotNullOrderByCaseNumberAsc();

    /** The oldest closed cases whose personal data is still kept. */
    @Query("select c from SupportCase c where c.closedAt < :cutoff and c.anonymisedAt is null "
            + "and c.caseNumber not in :skipped order by c.closedAt asc, c.id asc")
    List<SupportCase> findDueForRetention(@Param("cutoff") Instant cutoff, @Param("skipped") Collection<String> skipped,
            Limit limit);

    List<SupportCase> findByIdGreaterThanAndCprLookupIsNullAndCprEncryptedIsNotNullOrderByIdAsc(long afterId, Limit limit);
}
