package dk.supportflow.driftsside;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One read of the driftsside: new items are stored (each once) with their review instances. A
 * failed read (down, slow, not a feed) is one log line and is tried again at the next tick; after
 * the threshold number of failures in a row the watcher raises one incident, resolved by the next
 * successful read. The feed state row is locked before storing, so overlapping reads store their
 * items one after the other and the second finds them stored. Each item is stored, with its
 * review, in a transaction of its own: one item that cannot be stored is logged and tried again at
 * the next read, and neither blocks the others nor takes them back with it.
 */
@Service
public class DriftssideWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(DriftssideWatcher.class);

    public record Poll(FeedStatus status, int newMessages) {
    }

    private final DriftssideSettings settings;
    private final FeedReader reader;
    private final DriftssideMessages messages;
    private final FeedStateRepository states;
    private final FeedIncidents incidents;
    private final Clock clock;
    private final TransactionTemplate perItem;
    private final AtomicBoolean offLogged = new AtomicBoolean();

    public DriftssideWatcher(DriftssideSettings settings, FeedReader reader, DriftssideMessages messages,
            FeedStateRepository states, FeedIncidents incidents, Clock clock, PlatformTransactionManager transactions) {
        this.settings = settings;
        this.reader = reader;
        this.messages = messages;
        this.states = states;
        this.incidents = incidents;
        this.clock = clock;
        this.perItem = new TransactionTemplate(transactions);
        perItem.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Transactional
    public Poll poll() {
        if (!settings.configured()) {
            if (offLogged.compareAndSet(false, true)) {
                LOG.info("No driftsside to watch: supportflow.driftsside.url is empty");
            }
            return new Poll(FeedStatus.OFF, 0);
        }
        List<FeedItem> items;
        try {
            items = reader.read();
        } catch (FeedUnavailableException e) {
            return failed(e.getMessage());
        }
        FeedState state = states.lock().orElseThrow();
        int stored = 0;
        // oldest first, so that message ids follow the driftsside's order
        for (int i = items.size() - 1; i >= 0; i--) {
            FeedItem item = items.get(i);
            try {
                if (Boolean.TRUE.equals(perItem.execute(status -> messages.registerFromFeed(item).isPresent()))) {
                    stored++;
                }
            } catch (RuntimeException e) {
                LOG.warn("Driftsside item {} not stored ({}); it is tried again at the next read", item.guid(), e.toString());
            }
        }
        int failuresBefore = state.succeeded(clock.instant());
        if (failuresBefore > 0) {
            LOG.info("Driftsside {} read again after {} failed reads", settings.url(), failuresBefore);
            incidents.resolveAll();
        }
        LOG.info("Driftsside {} read: {} items, {} new", settings.url(), items.size(), stored);
        return new Poll(FeedStatus.READ, stored);
    }

    private Poll failed(String reason) {
        FeedState state = states.lock().orElseThrow();
        int failures = state.failed(reason, clock.instant());
        int threshold = settings.failureThreshold();
        if (failures == threshold) {
            LOG.error("Driftsside {} not read ({}): {} failures in a row. An incident '{}' is open in Cockpit until it "
                    + "is read again", settings.url(), reason, failures, FeedIncidents.INCIDENT_TYPE);
            return new Poll(FeedStatus.DOWN, 0);
        }
        LOG.warn("Driftsside {} not read ({}): failure {} in a row{}; trying again at the next check", settings.url(),
                reason, failures, failures < threshold ? ", an incident after " + threshold : ", the incident stays open");
        return new Poll(FeedStatus.FAILED, 0);
    }

    /** The feed's health, for the API. */
    public FeedState state() {
        return states.findById(FeedState.ID).orElseThrow();
    }
}
