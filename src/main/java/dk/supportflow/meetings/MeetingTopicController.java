package dk.supportflow.meetings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Gangmøder", description = "Tilbagevendende fejl som emner til gangmøder")
public class MeetingTopicController {

    private final MeetingTopicRepository topics;
    private final RecurringErrors recurringErrors;
    private final TopicProposals proposals;

    public MeetingTopicController(MeetingTopicRepository topics, RecurringErrors recurringErrors, TopicProposals proposals) {
        this.topics = topics;
        this.recurringErrors = recurringErrors;
        this.proposals = proposals;
    }

    /** A topic proposed by hand: from a case, or free text (then a title is needed). */
    public record Proposal(
            @Size(max = 20, message = "Sagsnummeret må højst være 20 tegn.")
            String caseNumber,
            @Size(max = 200, message = "Emnets navn må højst være 200 tegn.")
            String title,
            @Size(max = 1000, message = "Begrundelsen må højst være 1000 tegn.")
            String note) {
    }

    @PostMapping("/api/meeting-topics")
    @Operation(summary = "Foreslå et emne til gangmødet: fra en sag (den kommer med på emnet for samme fejlmønster) eller som fri tekst")
    @Transactional
    public ResponseEntity<TopicView> propose(@Valid @RequestBody Proposal proposal, Authentication user) {
        TopicProposals.Proposed proposed = proposals.propose(proposal.caseNumber(), proposal.title(), proposal.note(),
                user.getName());
        TopicView view = view(proposed.topic());
        return proposed.created()
                ? ResponseEntity.created(URI.create("/api/meeting-topics/" + view.id())).body(view)
                : ResponseEntity.ok(view);
    }

    /** A topic; status OPEN, PLANNED (chosen for gangmøde {@code gangmoedeId}) or COVERED. */
    public record TopicView(Long id, String name, String component, String errorClass, String status, Instant createdAt,
            Long gangmoedeId, Instant coveredAt, Set<String> caseNumbers, long recentOccurrences,
            RecurringErrors.Effect effect, String note, String proposedBy) {
    }

    @GetMapping("/api/meeting-topics")
    @Operation(summary = "Åbne og behandlede emner med antal forekomster og effekt")
    @Transactional(readOnly = true)
    public List<TopicView> list() {
        return topics.findAllByOrderByCreatedAtDesc().stream().map(this::view).toList();
    }

    private TopicView view(MeetingTopic t) {
        return new TopicView(t.getId(), GangmoedeAgenda.name(t), t.pattern().component(), t.pattern().errorClass(),
                t.getStatus().name(), t.getCreatedAt(), t.getGangmoedeId(), t.getCoveredAt(), t.getCaseNumbers(),
                recurringErrors.recentOccurrences(t.pattern()), recurringErrors.effect(t).orElse(null),
                t.getNote(), t.getProposedBy());
    }
}
