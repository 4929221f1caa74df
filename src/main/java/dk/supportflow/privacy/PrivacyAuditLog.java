package dk.supportflow.privacy;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes the audit row in the transaction of the work it records: both commit, or neither. */
@Service
public class PrivacyAuditLog {

    private final PrivacyAuditRepository repository;
    private final Clock clock;

    public PrivacyAuditLog(PrivacyAuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, PrivacyAudit.Action action, List<String> caseNumbers) {
        repository.save(new PrivacyAudit(clock.instant(), actor, action, caseNumbers));
    }
}
