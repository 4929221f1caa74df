package dk.supportflow.meetings;

import dk.supportflow.cases.CaseView;
import dk.supportflow.cases.SupportCaseService;
import dk.supportflow.domain.Refused;
import dk.supportflow.privacy.Cpr;
import dk.supportflow.process.GangmoedeProcess;
import java.time.Clock;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gangmøde topics a supportberettiget proposes by hand: the error of a case (which then joins the
 * topic its error pattern already has, if any), or something the team should talk about.
 */
@Service
public class TopicProposals {

    /** What came of a proposal: the topic, and whether it is new or the case joined one already there. */
    public record Proposed(MeetingTopic topic, boolean created) {
    }

    private final MeetingTopicRepository topics;
    private final RecurringErrors recurringErrors;
    private final SupportCaseService cases;
    private final RuntimeService runtimeService;
    private final Clock clock;

    public TopicProposals(MeetingTopicRepository topics, RecurringErrors recurringErrors, SupportCaseService cases,
            RuntimeService runtimeService, Clock clock) {
        this.topics = topics;
        this.recurringErrors = recurringErrors;
        this.cases = cases;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    @Transactional
    public Proposed propose(String caseNumber, String title, String note, String proposedBy) {
        String cleanTitle = blankToNull(title);
        String cleanNote = blankToNull(note);
        ErrorPattern pattern;
        if (caseNumber == null || caseNumber.isBlank()) {
            if (cleanTitle == null) {
                throw Refused.invalid("title", "Skriv, hvad emnet handler om – eller angiv den sag, det udspringer af.");
            }
            pattern = ErrorPattern.of(null, ErrorPattern.PROPOSED);
        } else {
            CaseView supportCase = cases.view(caseNumber.strip(), proposedBy, true);
            String errorClass = "error".equals(supportCase.kind()) && supportCase.errorClass() != null
                    ? supportCase.errorClass() : ErrorPattern.PROPOSED;
            pattern = recurringErrors.patternOf(supportCase.component(), errorClass);
            Optional<MeetingTopic> current = ErrorPattern.PROPOSED.equals(errorClass) ? Optional.empty()
                    : recurringErrors.currentTopic(pattern);
            if (current.isPresent()) {
                current.get().addCase(supportCase.caseNumber());
                return new Proposed(current.get(), false);
            }
        }
        MeetingTopic topic = MeetingTopic.proposed(pattern, cleanTitle, cleanNote, proposedBy, clock.instant());
        if (caseNumber != null && !caseNumber.isBlank()) {
            topic.addCase(caseNumber.strip());
        }
        topics.save(topic);
        // the gangmoede process decides whether a planning round is already waiting for its planner
        runtimeService.startProcessInstanceByMessage(GangmoedeProcess.Messages.TOPIC_PROPOSED);
        return new Proposed(topic, true);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : Cpr.maskInText(text.strip());
    }
}
