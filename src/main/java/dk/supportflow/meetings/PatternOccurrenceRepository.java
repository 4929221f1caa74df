package dk.supportflow.meetings;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PatternOccurrenceRepository extends JpaRepository<PatternOccurrence, Long> {

    boolean existsByCaseNumber(String caseNumber);

    List<PatternOccurrence> findByCaseNumberIn(Collection<String> caseNumbers);

    @Query("select distinct o.component from PatternOccurrence o")
    List<String> findDistinctComponents();

    /** The patterns that occurred most often since then, most frequent first. */
    @Query("select new dk.supportflow.meetings.RecurringErrors$PatternCount(o.component, o.errorClass, count(o)) "
            + "from PatternOccurrence o where o.occurredAt > :from group by o.component, o.errorClass "
            + "order by count(o) desc, o.component, o.errorClass")
    List<RecurringErrors.PatternCount> countSince(@Param("from") Instant from, Limit limit);

    /** The occurrences of a pattern in the half-open interval (from, to]. */
    @Query("select o from PatternOccurrence o where o.component = :component and o.errorClass = :errorClass "
            + "and o.occurredAt > :from and o.occurredAt <= :to order by o.occurredAt")
    List<PatternOccurrence> findInWindow(@Param("component") String component, @Param("errorClass") String errorClass,
            @Param("from") Instant from, @Param("to") Instant to);
}
