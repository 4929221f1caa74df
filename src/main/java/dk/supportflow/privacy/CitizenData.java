package dk.supportflow.privacy;

import dk.supportflow.domain.Refused;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A citizen's right of access and erasure: the cases that hold their CPR number, found and
 * erased on request. Every call is audited, with the case numbers but never the CPR number.
 */
@Service
public class CitizenData {

    private final CprLookup cprLookup;
    private final PersonalDataHolder personalData;
    private final PrivacyAuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public CitizenData(CprLookup cprLookup, PersonalDataHolder personalData, PrivacyAuditLog audit,
            TransactionTemplate transactions, Clock clock) {
        this.cprLookup = cprLookup;
        this.personalData = personalData;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The numbers of the cases that hold data about the citizen. */
    public List<String> find(String cpr, String actor) {
        String lookup = lookupOf(cpr);
        return transactions.execute(status -> {
            List<String> caseNumbers = personalData.caseNumbersOf(lookup);
            audit.record(actor, PrivacyAudit.Action.FIND, caseNumbers);
            return caseNumbers;
        });
    }

    /**
     * Erases the citizen from all their cases in one transaction (all or nothing) and returns
     * the case numbers. Repeating it erases nothing more and returns none.
     */
    public List<String> erase(String cpr, String actor) {
        String lookup = lookupOf(cpr);
        return transactions.execute(status -> {
            List<String> caseNumbers = personalData.eraseCitizen(lookup, clock.instant());
            audit.record(actor, PrivacyAudit.Action.ERASE, caseNumbers);
            return caseNumbers;
        });
    }

    private String lookupOf(String cpr) {
        if (!Cpr.isValid(cpr)) {
            // the input is not repeated: it may be a CPR number with a typo
            throw new Refused(Refused.Why.INVALID, Cpr.INVALID_MESSAGE,
                    List.of(new Refused.Field("cpr", Cpr.INVALID_MESSAGE)));
        }
        // cases from before the lookup column existed must be found too
        personalData.indexLookups();
        return cprLookup.hash(cpr);
    }
}
