package dk.supportflow.driftsside;

import dk.supportflow.knowledge.KnowledgeEntries;
import dk.supportflow.knowledge.KnownError;
import java.time.Clock;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a review of a driftsside message leads to. A known error is registered in the knowledge
 * (so the search and the analysis form know it) and matched against the open cases; a release
 * note retires the known errors it fixes and tells the reporters of their cases.
 */
@Service
public class DriftssideReview {

    private static final Logger LOG = LoggerFactory.getLogger(DriftssideReview.class);

    /** What the driftsansvarlig decided on the review task. */
    public record Decision(MessageState outcome, String symptom, String component, String workaround, Set<Long> fixed,
            boolean toCaseworkers, boolean toSupport, String reviewer) {
    }

    private final DriftssideMessageRepository messages;
    private final KnowledgeEntries knowledge;
    private final KnownErrorLinks links;
    private final Clock clock;

    public DriftssideReview(DriftssideMessageRepository messages, KnowledgeEntries knowledge, KnownErrorLinks links,
            Clock clock) {
        this.messages = messages;
        this.knowledge = knowledge;
        this.links = links;
        this.clock = clock;
    }

    @Transactional
    public void apply(long messageId, Decision decision) {
        DriftssideMessage message = messages.findById(messageId).orElseThrow();
        if (decision.outcome() == MessageState.KNOWN_ERROR && message.getKnownErrorId() == null) {
            KnownError knownError = knowledge.registerKnownError(decision.symptom(), decision.component(),
                    decision.workaround(), message.getLink(), decision.reviewer());
            message.knownError(knownError.getId());
            var linked = links.matchOpenCases(knownError, message.getSummary());
            LOG.info("Driftsside message {} is known error {}; {} open cases match", messageId, knownError.getId(),
                    linked.size());
        }
        if (decision.outcome() == MessageState.RELEASE_NOTE) {
            for (Long knownErrorId : decision.fixed()) {
                if (message.getFixedKnownErrorIds().contains(knownErrorId)) {
                    continue;
                }
                message.fixes(knownErrorId);
                knowledge.retireKnownError(knownErrorId);
                int told = links.reportFixed(knownErrorId, message);
                LOG.info("Driftsside message {} fixes known error {}; {} reporters told", messageId, knownErrorId, told);
            }
        }
        message.reviewed(decision.outcome(), decision.reviewer(), clock.instant(), decision.toCaseworkers(),
                decision.toSupport());
    }
}
