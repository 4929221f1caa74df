package dk.supportflow.driftsside;

import static dk.supportflow.process.DriftssideProcess.Vars;

import dk.supportflow.domain.Refused;
import dk.supportflow.platform.ClockConfig;
import dk.supportflow.process.DriftssideProcess;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The driftsside messages: each is stored once and, in the same transaction, gets its review
 * instance (a {@code reviewDriftsbesked} task for the driftsansvarlige). Either both exist or
 * neither, so no message is lost between the two.
 */
@Service
public class DriftssideMessages {

    /** Who registered a message read from the feed. */
    static final String WATCHER = "driftssiden";
    /** Camunda keeps string variables in a 4000 character column. */
    private static final int MAX_VARIABLE = 3800;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(ClockConfig.ZONE);

    private final DriftssideMessageRepository messages;
    private final RuntimeService runtimeService;
    private final Clock clock;

    public DriftssideMessages(DriftssideMessageRepository messages, RuntimeService runtimeService, Clock clock) {
        this.messages = messages;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    /** Stores a feed item unless it is already stored (by its guid), and starts its review. */
    @Transactional
    public Optional<DriftssideMessage> registerFromFeed(FeedItem item) {
        if (messages.existsByGuid(item.guid())) {
            return Optional.empty();
        }
        DriftssideMessage message = new DriftssideMessage(item.guid(), DriftssideMessage.Source.feed,
                MessageKind.guess(item.title(), item.categories()), item.title(), item.summary(), item.link(),
                item.publishedAt(), WATCHER, clock.instant());
        return Optional.of(startReview(messages.save(message)));
    }

    /** A message of a driftsside without a feed, registered by hand; its link must be new. */
    @Transactional
    public DriftssideMessage registerManually(String title, String summary, String link, MessageKind kind,
            Instant publishedAt, String user) {
        String safeLink = link == null || link.isBlank() ? null : FeedReader.safeLink(link.strip(), link.strip());
        if (link != null && !link.isBlank() && safeLink == null) {
            throw new Refused(Refused.Why.INVALID,
                    "Linket skal være en http- eller https-adresse, fx til beskeden på driftssiden.",
                    List.of(new Refused.Field("link", "Skal begynde med http:// eller https://.")));
        }
        if (safeLink != null) {
            messages.findByGuid(safeLink).ifPresent(existing -> {
                throw Refused.conflict("Beskeden med dette link er allerede registreret (id " + existing.getId() + ").");
            });
        }
        String guid = safeLink != null ? safeLink : "manual:" + UUID.randomUUID();
        DriftssideMessage message = new DriftssideMessage(guid, DriftssideMessage.Source.manual,
                kind == null ? MessageKind.NYHED : kind, FeedReader.plain(title), summary == null ? null : FeedReader.plain(summary),
                safeLink, publishedAt, user, clock.instant());
        return startReview(messages.save(message));
    }

    private DriftssideMessage startReview(DriftssideMessage message) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Vars.MESSAGE_ID, message.getId());
        variables.put(Vars.TITLE, message.getTitle());
        variables.put(Vars.SUMMARY, message.getSummary() == null ? "" : FeedReader.cut(message.getSummary(), MAX_VARIABLE));
        variables.put(Vars.LINK, message.getLink() == null ? "" : message.getLink());
        variables.put(Vars.KIND, message.getKind().code());
        variables.put(Vars.KIND_NAME, message.getKind().danishName());
        variables.put(Vars.PUBLISHED, message.getPublishedAt() == null ? "" : WHEN.format(message.getPublishedAt()));
        // the review form's symptom field starts with the title
        variables.put(Vars.KNOWN_ERROR_SYMPTOM, FeedReader.cut(message.getTitle(), 1000));
        ProcessInstance instance = runtimeService.createMessageCorrelation(DriftssideProcess.Messages.MESSAGE_REGISTERED)
                .processInstanceBusinessKey(DriftssideProcess.businessKey(message.getId()))
                .setVariables(variables)
                .correlateStartMessage();
        message.attachProcess(instance.getId());
        return message;
    }

    public List<DriftssideMessage> list(MessageState state) {
        return state == null ? messages.findAllByOrderByRegisteredAtDescIdDesc()
                : messages.findByStateOrderByRegisteredAtDescIdDesc(state.code());
    }

    public DriftssideMessage get(long id) {
        return messages.findById(id).orElseThrow(() -> Refused.notFound("Driftsbeskeden " + id + " findes ikke."));
    }
}
