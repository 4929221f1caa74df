package dk.supportflow.meetings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Gangmøder", description = "Tilbagevendende fejl som emner til gangmøder")
public class MeetingTopicController {

    private final MeetingTopicRepository topics;
    private final RecurringErrors recurringErrors;

    public MeetingTopicController(MeetingTopicRepository topics, RecurringErrors recurringErrors) {
        this.topics = topics;
        this.recurringErrors = recurringErrors;
    }

    /** A topic; status OPEN, PLANNED (chosen for gangmøde {@code gangmoedeId}) or COVERED. */
    public record TopicView(Long id, String name, String component, String errorClass, String status, Instant createdAt,
            Long gangmoedeId, Instant coveredAt, Set<String> caseNumbers, long recentOccurrences,
            RecurringErrors.Effect effect) {
    }

    @GetMapping("/api/meeting-topics")
    @Operation(summary = "Åbne og behandlede emner med antal forekomster og effekt")
    @Transactional(readOnly = true)
    public List<TopicView> list() {
        return topics.findAllByOrderByCreatedAtDesc().stream()
                .map(t -> new TopicView(t.getId(), GangmoedeAgenda.name(t), t.pattern().component(), t.pattern().errorClass(),
                        t.getStatus().name(), t.getCreatedAt(), t.getGangmoedeId(), t.getCoveredAt(), t.getCaseNumbers(),
                        recurringErrors.recentOccurrences(t.pattern()),
                        recurringErrors.effect(t).orElse(null)))
                .toList();
    }
}
