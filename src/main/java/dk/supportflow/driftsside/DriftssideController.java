package dk.supportflow.driftsside;

import dk.supportflow.domain.Refused;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/driftsside")
@Tag(name = "Driftssiden", description = "Beskeder fra driftssiden: driftsbeskeder, kendte fejl, nyheder og releases")
public class DriftssideController {

    private final DriftssideMessages messages;
    private final KnownErrorLinks links;
    private final DriftssideWatcher watcher;
    private final DriftssideSettings settings;

    public DriftssideController(DriftssideMessages messages, KnownErrorLinks links, DriftssideWatcher watcher,
            DriftssideSettings settings) {
        this.messages = messages;
        this.links = links;
        this.watcher = watcher;
        this.settings = settings;
    }

    public record NewMessage(
            @NotBlank(message = "Giv beskeden en titel.")
            @Size(max = 500, message = "Titlen må højst være 500 tegn.")
            String title,
            @Size(max = 4000, message = "Teksten må højst være 4000 tegn.")
            String summary,
            @Size(max = 1000, message = "Linket må højst være 1000 tegn.")
            String link,
            @Pattern(regexp = "driftsbesked|kendtFejl|nyhed|release",
                    message = "Vælg beskedens art: driftsbesked, kendt fejl, nyhed eller release.")
            String kind,
            Instant publishedAt) {
    }

    public record LinkedCase(String caseNumber, long knownErrorId, String matchedAt, String minSupportCaseNumber,
            Instant linkedAt, Instant reporterNotifiedAt) {
        static LinkedCase of(KnownErrorCase link) {
            return new LinkedCase(link.getCaseNumber(), link.getKnownErrorId(), link.getMatchedAt().name(),
                    link.getMinSupportCaseNumber(), link.getLinkedAt(), link.getReporterNotifiedAt());
        }
    }

    public record MessageView(long id, String source, String kind, String kindName, String state, String stateName,
            String title, String summary, String link, Instant publishedAt, Instant registeredAt, String registeredBy,
            Instant reviewedAt, String reviewedBy, Long knownErrorId, Set<Long> fixedKnownErrorIds,
            boolean sharedWithCaseworkers, boolean sharedWithSupport, List<LinkedCase> linkedCases,
            String processInstanceId) {
    }

    public record FeedView(boolean configured, String url, String interval, int consecutiveFailures, int failureThreshold,
            Instant lastSuccessAt, Instant lastFailureAt, String lastFailure) {
    }

    @PostMapping("/messages")
    @Operation(summary = "Registrér en besked fra en driftsside uden feed; de driftsansvarlige får den til vurdering")
    public ResponseEntity<MessageView> register(@Valid @RequestBody NewMessage body, Authentication user) {
        DriftssideMessage message = messages.registerManually(body.title(), body.summary(), body.link(),
                body.kind() == null ? null : MessageKind.ofCode(body.kind()).orElseThrow(), body.publishedAt(), user.getName());
        return ResponseEntity.created(URI.create("/api/driftsside/messages/" + message.getId())).body(view(message));
    }

    @GetMapping("/messages")
    @Operation(summary = "Beskederne fra driftssiden, nyeste først, med art, tilstand og tilknyttede sager "
            + "(state: awaitingReview, knownError, releaseNote, information, noise)")
    @Transactional(readOnly = true)
    public List<MessageView> list(@RequestParam(required = false) String state) {
        MessageState filter = state == null ? null : MessageState.ofCode(state).orElseThrow(() -> new Refused(Refused.Why.INVALID, "Ukendt tilstand.", List.of(new Refused.Field("state",
                        "Vælg en tilstand: afventer vurdering, kendt fejl, release, information eller støj (se API-beskrivelsen)."))));
        return messages.list(filter).stream().map(this::view).toList();
    }

    @GetMapping("/messages/{id}")
    @Operation(summary = "En besked fra driftssiden")
    @Transactional(readOnly = true)
    public MessageView get(@PathVariable long id) {
        return view(messages.get(id));
    }

    @GetMapping("/feed")
    @Operation(summary = "Driftssidens feed: adresse, interval og om det kan læses")
    public FeedView feed() {
        FeedState state = watcher.state();
        return new FeedView(settings.configured(), settings.configured() ? settings.url() : null,
                settings.timerCycle().substring(2), state.getConsecutiveFailures(), settings.failureThreshold(),
                state.getLastSuccessAt(), state.getLastFailureAt(), state.getLastFailure());
    }

    private MessageView view(DriftssideMessage m) {
        List<LinkedCase> linked = new ArrayList<>();
        if (m.getKnownErrorId() != null) {
            links.linksTo(m.getKnownErrorId()).stream().map(LinkedCase::of).forEach(linked::add);
        }
        for (Long fixed : m.getFixedKnownErrorIds()) {
            links.linksTo(fixed).stream().map(LinkedCase::of).forEach(linked::add);
        }
        return new MessageView(m.getId(), m.getSource().name(), m.getKind().code(), m.getKind().danishName(),
                m.getState().code(), m.getState().danishName(), m.getTitle(), m.getSummary(), m.getLink(), m.getPublishedAt(),
                m.getRegisteredAt(), m.getRegisteredBy(), m.getReviewedAt(), m.getReviewedBy(), m.getKnownErrorId(),
                m.getFixedKnownErrorIds(), m.isSharedWithCaseworkers(), m.isSharedWithSupport(), linked,
                m.getProcessInstanceId());
    }
}
