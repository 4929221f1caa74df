package dk.supportflow.meetings;

import dk.supportflow.cases.KpComponents;
import dk.supportflow.platform.NamedLock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts closed cases per error pattern and turns a pattern that recurs into a gangmøde topic:
 * when its occurrences in a rolling window reach the threshold (default 3 in 30 days). User
 * errors weigh more (default double): they are what a gangmøde can prevent.
 */
@Service
public class RecurringErrors {

    static final String USER_ERROR = "userError";

    /** What registering a closed case led to: a topic when the pattern recurs, and whether it is new. */
    public record Outcome(Optional<MeetingTopic> topic, boolean newTopic) {
    }

    /** How often a pattern occurred in a period. */
    public record PatternCount(String component, String errorClass, long occurrences) {
    }

    /** How often a pattern occurred in the window before and after its gangmøde. */
    public record Effect(long before, long after, boolean windowComplete) {
    }

    private final PatternOccurrenceRepository occurrences;
    private final MeetingTopicRepository topics;
    private final Clock clock;
    private final int threshold;
    private final Duration window;
    private final int userErrorWeight;
    private final KpComponents components;
    private final NamedLock locks;

    public RecurringErrors(PatternOccurrenceRepository occurrences, MeetingTopicRepository topics, Clock clock,
            KpComponents components, NamedLock locks,
            @Value("${supportflow.meetings.threshold}") int threshold,
            @Value("${supportflow.meetings.window}") Duration window,
            @Value("${supportflow.meetings.user-error-weight}") int userErrorWeight) {
        this.occurrences = occurrences;
        this.topics = topics;
        this.clock = clock;
        this.threshold = threshold;
        this.window = window;
        this.userErrorWeight = userErrorWeight;
        this.components = components;
        this.locks = locks;
    }

    /**
     * Registers a closed case once; a retried job finds it already counted and changes nothing.
     * A topic still open or planned for a gangmøde takes the case. After a gangmøde covered the
     * pattern, only occurrences since that meeting count towards a new topic: the ones before it
     * were what the meeting was about. Closings take turns (a lock held until commit): two cases
     * of one pattern closing at once never both open a topic, nor lose one's addition to it.
     */
    @Transactional
    public Outcome registerClosedCase(String caseNumber, String component, String errorClass, Long articleId,
            Instant closedAt) {
        if (errorClass == null || occurrences.existsByCaseNumber(caseNumber)) {
            return new Outcome(Optional.empty(), false);
        }
        locks.hold(NamedLock.ERROR_PATTERNS);
        ErrorPattern pattern = patternOf(component, errorClass);
        occurrences.save(new PatternOccurrence(caseNumber, pattern, articleId, closedAt));
        Optional<MeetingTopic> current = currentTopic(pattern);
        if (current.isPresent()) {
            current.get().addCase(caseNumber);
            return new Outcome(current, false);
        }
        Instant from = closedAt.minus(window);
        Optional<Instant> lastCovered = topics.findFirstByComponentAndErrorClassAndStatusOrderByCoveredAtDesc(
                pattern.component(), pattern.errorClass(), MeetingTopic.Status.COVERED).map(MeetingTopic::getCoveredAt);
        if (lastCovered.isPresent() && lastCovered.get().isAfter(from)) {
            from = lastCovered.get();
        }
        List<PatternOccurrence> recent = occurrences.findInWindow(pattern.component(), pattern.errorClass(), from, closedAt);
        if (recent.size() * weight(pattern) < threshold) {
            return new Outcome(Optional.empty(), false);
        }
        MeetingTopic topic = new MeetingTopic(pattern, clock.instant());
        recent.forEach(o -> topic.addCase(o.getCaseNumber()));
        return new Outcome(Optional.of(topics.save(topic)), true);
    }

    /** The pattern of an error in the component, spelled as it is counted (see {@link #spelling}). */
    public ErrorPattern patternOf(String component, String errorClass) {
        return ErrorPattern.of(spelling(component), errorClass);
    }

    /** The topic still open or planned for the pattern, if any. */
    public Optional<MeetingTopic> currentTopic(ErrorPattern pattern) {
        return topics.findFirstByComponentAndErrorClassAndStatusIn(pattern.component(), pattern.errorClass(),
                EnumSet.of(MeetingTopic.Status.OPEN, MeetingTopic.Status.PLANNED));
    }

    /**
     * One spelling per component, so that "beregn  Tillæg" counts with "Beregn tillæg": the
     * configured one, else the one the pattern was first counted under.
     */
    private String spelling(String component) {
        String canonical = components.canonical(component);
        if (canonical == null || components.configured(canonical).isPresent()) {
            return canonical;
        }
        String key = KpComponents.key(canonical);
        return occurrences.findDistinctComponents().stream().filter(known -> KpComponents.key(known).equals(key))
                .sorted().findFirst().orElse(canonical);
    }

    /** The knowledge articles the topic's cases were solved with, most used first. */
    public List<Long> articlesUsed(MeetingTopic topic) {
        return occurrences.findByCaseNumberIn(topic.getCaseNumbers()).stream().map(PatternOccurrence::getArticleId)
                .filter(Objects::nonNull)
                .collect(Collectors.groupingBy(id -> id, LinkedHashMap::new, Collectors.counting()))
                .entrySet().stream().sorted(Map.Entry.<Long, Long>comparingByValue().reversed())
                .map(Map.Entry::getKey).toList();
    }

    /** Occurrences of the topic's pattern in the window before and after it was covered. */
    public Optional<Effect> effect(MeetingTopic topic) {
        if (topic.getCoveredAt() == null) {
            return Optional.empty();
        }
        Instant covered = topic.getCoveredAt();
        ErrorPattern pattern = topic.pattern();
        long before = occurrences.findInWindow(pattern.component(), pattern.errorClass(), covered.minus(window), covered).size();
        long after = occurrences.findInWindow(pattern.component(), pattern.errorClass(), covered, covered.plus(window)).size();
        return Optional.of(new Effect(before, after, !clock.instant().isBefore(covered.plus(window))));
    }

    /** Occurrences of a pattern in the last window, up to now. */
    public long recentOccurrences(ErrorPattern pattern) {
        Instant now = clock.instant();
        return occurrences.findInWindow(pattern.component(), pattern.errorClass(), now.minus(window), now).size();
    }

    /** The patterns that occurred most often in the last window. */
    public List<PatternCount> topPatterns(int limit) {
        return occurrences.countSince(clock.instant().minus(window), Limit.of(limit));
    }

    public Duration window() {
        return window;
    }

    private int weight(ErrorPattern pattern) {
        return USER_ERROR.equals(pattern.errorClass()) ? userErrorWeight : 1;
    }
}
