package dk.supportflow.privacy;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Where citizens' data is held: the cases. Privacy decides when data goes (a request, the
 * retention period) and audits it; the holder knows what its data is and how it goes.
 */
public interface PersonalDataHolder {

    /** The numbers of the cases that hold the CPR number with this lookup value. */
    List<String> caseNumbersOf(String cprLookup);

    /** Erases the citizen from every case that holds their CPR number; returns the case numbers. */
    List<String> eraseCitizen(String cprLookup, Instant now);

    /** Up to {@code limit} cases closed before {@code cutoff} that still hold personal data, oldest first. */
    List<String> dueForRetention(Instant cutoff, int limit, Collection<String> skipped);

    /** Anonymises these cases after the retention period. Repeating it changes nothing. */
    void anonymiseAfterRetention(List<String> caseNumbers, Instant now);

    /** Makes every CPR number held findable by its lookup value (data from before the lookup existed). */
    void indexLookups();
}
