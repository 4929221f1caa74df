package dk.supportflow.portal.report;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReportDraftRepository extends JpaRepository<ReportDraft, String> {

    long countBySuggestionsShownAtGreaterThanEqualAndSuggestionsShownAtLessThan(Instant from, Instant to);

    long countBySolvedAtGreaterThanEqualAndSolvedAtLessThan(Instant from, Instant to);

    long countByReportedAtGreaterThanEqualAndReportedAtLessThan(Instant from, Instant to);
}
