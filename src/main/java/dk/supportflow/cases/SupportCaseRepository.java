package dk.supportflow.cases;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SupportCaseRepository extends JpaRepository<SupportCase, Long> {

    Optional<SupportCase> findByCaseNumber(String caseNumber);

    /** How many cases were reported in a period (from inclusive, to exclusive), by error class: the dashboard's weeks. */
    @Query("select c.errorClass as errorClass, count(c) as count from SupportCase c "
            + "where c.createdAt >= :from and c.createdAt < :to group by c.errorClass")
    List<ErrorClassCount> countByErrorClass(@Param("from") Instant from, @Param("to") Instant to);

    interface ErrorClassCount {
        String getErrorClass();

        long getCount();
    }

    List<SupportCase> findByCprLookupOrderByIdAsc(String cprLookup);

    /** The cases opened by replies to this closed case, oldest first. */
    @Query("select c.caseNumber from SupportCase c where c.followsCase = :caseNumber order by c.id")
    List<String> followUpsOf(@Param("caseNumber") String caseNumber);

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
