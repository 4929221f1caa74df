package dk.supportflow.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.supportflow.Api;
import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** Detection of recurring error patterns: threshold, rolling window at its edges, user-error weight. */
@SupportflowTest
class RecurringErrorsTest {

    static final Instant T0 = Instant.parse("2026-10-01T08:00:00Z");

    @Autowired
    RecurringErrors recurringErrors;
    @Autowired
    MeetingTopicRepository topics;
    @Autowired
    CaseScenario scenario;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    TransactionTemplate transactions;

    private static String component() {
        return "Komponent " + UUID.randomUUID();
    }

    private static String caseNumber() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theThirdOccurrenceWithinThirtyDaysMakesATopicAndLaterOnesJoinIt() {
        String component = component();
        String first = caseNumber();
        String second = caseNumber();
        assertThat(recurringErrors.registerClosedCase(first, component, "processError", null, T0).topic()).isEmpty();
        assertThat(recurringErrors.registerClosedCase(second, component, "processError", null, T0.plus(Duration.ofDays(10))).topic())
                .isEmpty();
        // another error class or component is another pattern
        assertThat(recurringErrors.registerClosedCase(caseNumber(), component, "technicalError", null, T0.plus(Duration.ofDays(11)))
                .topic()).isEmpty();
        assertThat(recurringErrors.registerClosedCase(caseNumber(), component(), "processError", null, T0.plus(Duration.ofDays(11)))
                .topic()).isEmpty();

        String third = caseNumber();
        var outcome = recurringErrors.registerClosedCase(third, component, "processError", null, T0.plus(Duration.ofDays(29)));
        assertThat(outcome.newTopic()).isTrue();
        MeetingTopic topic = outcome.topic().orElseThrow();
        assertThat(topic.getCaseNumbers()).containsExactlyInAnyOrder(first, second, third);

        String fourth = caseNumber();
        var again = recurringErrors.registerClosedCase(fourth, component, "processError", null, T0.plus(Duration.ofDays(30)));
        assertThat(again.newTopic()).isFalse();
        assertThat(again.topic().orElseThrow().getId()).isEqualTo(topic.getId());
        assertThat(topics.findById(topic.getId()).orElseThrow().getCaseNumbers()).contains(fourth);
    }

    @Test
    void twoCasesClosingAtOnceCannotOpenTwoTopicsForOnePattern() {
        ErrorPattern pattern = ErrorPattern.of(component(), "processError");
        topics.saveAndFlush(new MeetingTopic(pattern, T0));
        // the other node's transaction, at the same moment: refused, and its retry joins the first topic
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> topics.saveAndFlush(new MeetingTopic(pattern, T0)))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThat(recurringErrors.currentTopic(pattern)).isPresent();
    }

    @Test
    void twoCasesOfOnePatternClosingAtOnceTakeTurnsAndShareOneTopic() throws Exception {
        String component = component();
        recurringErrors.registerClosedCase(caseNumber(), component, "processError", null, T0);
        recurringErrors.registerClosedCase(caseNumber(), component, "processError", null, T0.plusSeconds(60));
        String third = caseNumber();
        String fourth = caseNumber();
        ExecutorService otherNode = Executors.newSingleThreadExecutor();
        try {
            Future<RecurringErrors.Outcome> second = transactions.execute(status -> {
                var first = recurringErrors.registerClosedCase(third, component, "processError", null, T0.plusSeconds(120));
                assertThat(first.newTopic()).isTrue();
                // a case of the same pattern closes on another node before this transaction commits: it waits its turn
                Future<RecurringErrors.Outcome> waiting = otherNode.submit(() -> transactions.execute(inner ->
                        recurringErrors.registerClosedCase(fourth, component, "processError", null, T0.plusSeconds(121))));
                await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !waiting.isDone());
                return waiting;
            });
            var joined = second.get(10, TimeUnit.SECONDS);
            assertThat(joined.newTopic()).isFalse();
            assertThat(topics.findById(joined.topic().orElseThrow().getId()).orElseThrow().getCaseNumbers())
                    .contains(third, fourth).hasSize(4);
        } finally {
            otherNode.shutdownNow();
        }
    }

    @Test
    void oneComponentWhateverItsCapitalsAndSpaces() {
        String component = component();
        recurringErrors.registerClosedCase(caseNumber(), component, "processError", null, T0);
        recurringErrors.registerClosedCase(caseNumber(), "  " + component.toUpperCase().replace(" ", "   "), "processError",
                null, T0.plus(Duration.ofDays(1)));
        var third = recurringErrors.registerClosedCase(caseNumber(), component.toLowerCase().replace(" ", ""), "processError",
                null, T0.plus(Duration.ofDays(2)));
        assertThat(third.newTopic()).isTrue();
        // under the spelling it was first counted with
        assertThat(third.topic().orElseThrow().pattern().component()).isEqualTo(component);

        // a configured component (supportflow.kp.components) is always spelled as configured
        String errorClass = "F-" + UUID.randomUUID().toString().substring(0, 8);
        RecurringErrors.Outcome last = null;
        for (String typed : List.of("personligt tillæg", "PERSONLIGT  TILLÆG", "Personligttillæg")) {
            last = recurringErrors.registerClosedCase(caseNumber(), typed, errorClass, null, T0.plus(Duration.ofDays(3)));
        }
        assertThat(last.topic().orElseThrow().pattern()).isEqualTo(new ErrorPattern("Personligt tillæg", errorClass));
    }

    @Test
    void anOccurrenceExactlyAWindowAgoNoLongerCounts() {
        String component = component();
        recurringErrors.registerClosedCase(caseNumber(), component, "processError", null, T0);
        recurringErrors.registerClosedCase(caseNumber(), component, "processError", null, T0.plus(Duration.ofDays(15)));
        // T0 is exactly 30 days before: outside the window (from, to]
        assertThat(recurringErrors.registerClosedCase(caseNumber(), component, "processError", null,
                T0.plus(Duration.ofDays(30))).topic()).isEmpty();
        // one second earlier it would have counted
        String other = component();
        recurringErrors.registerClosedCase(caseNumber(), other, "processError", null, T0);
        recurringErrors.registerClosedCase(caseNumber(), other, "processError", null, T0.plus(Duration.ofDays(15)));
        assertThat(recurringErrors.registerClosedCase(caseNumber(), other, "processError", null,
                T0.plus(Duration.ofDays(30)).minusSeconds(1)).topic()).isPresent();
    }

    @Test
    void userErrorsWeighDoubleAndRegisteringTwiceCountsOnce() {
        String component = component();
        String first = caseNumber();
        assertThat(recurringErrors.registerClosedCase(first, component, "userError", null, T0).topic()).isEmpty();
        // the same case again (a retried job) changes nothing
        assertThat(recurringErrors.registerClosedCase(first, component, "userError", null, T0.plusSeconds(60)).topic()).isEmpty();
        assertThat(recurringErrors.registerClosedCase(caseNumber(), component, "userError", null, T0.plus(Duration.ofDays(3)))
                .topic()).isPresent();
    }

    @Test
    void closedCasesAreRegisteredByTheProcessAndTopicsAreListed() {
        // two user errors in "Beregn tillæg" (CaseScenario's component) weigh four: a topic
        for (int i = 0; i < 2; i++) {
            scenario.solveAndClose("Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse", "Beregn tillæg", "userError",
                    "Vælg ydelsen Helbredstillæg i stedet.");
        }
        Api api = new Api(rest);
        var response = api.getList("support1", "/api/meeting-topics");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listed = response.getBody();
        assertThat(listed).anyMatch(t -> "Beregn tillæg".equals(t.get("component")) && "userError".equals(t.get("errorClass"))
                && "OPEN".equals(t.get("status")) && ((List<?>) t.get("caseNumbers")).size() >= 2);
        assertThat(api.getText("superbruger1", "/api/meeting-topics").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void afterAGangmoedeOnlyNewOccurrencesCountAndTheEffectComparesEqualWindows() {
        String component = component();
        List<String> before = List.of(caseNumber(), caseNumber(), caseNumber());
        for (int i = 0; i < 3; i++) {
            recurringErrors.registerClosedCase(before.get(i), component, "processError", null, T0.plus(Duration.ofDays(5L * i)));
        }
        MeetingTopic topic = topics.findFirstByComponentAndErrorClassAndStatusIn(component, "processError",
                List.of(MeetingTopic.Status.OPEN)).orElseThrow();
        Instant meeting = T0.plus(Duration.ofDays(20));
        topic.covered(meeting);
        topics.save(topic);

        // two more soon after: with the three before the meeting that would be five, but those were covered
        assertThat(recurringErrors.registerClosedCase(caseNumber(), component, "processError", null, meeting.plus(Duration.ofDays(3)))
                .topic()).isEmpty();
        assertThat(recurringErrors.registerClosedCase(caseNumber(), component, "processError", null, meeting.plus(Duration.ofDays(4)))
                .topic()).isEmpty();
        String third = caseNumber();
        var again = recurringErrors.registerClosedCase(third, component, "processError", null, meeting.plus(Duration.ofDays(30)));
        assertThat(again.newTopic()).isTrue();
        assertThat(again.topic().orElseThrow().getCaseNumbers()).hasSize(3).contains(third).doesNotContainAnyElementsOf(before);
        // outside the 30 days after the meeting
        recurringErrors.registerClosedCase(caseNumber(), component, "processError", null, meeting.plus(Duration.ofDays(31)));

        ClockUtil.setCurrentTime(Date.from(meeting.plus(Duration.ofDays(10))));
        try {
            assertThat(recurringErrors.effect(topic)).hasValue(new RecurringErrors.Effect(3, 3, false));
            ClockUtil.setCurrentTime(Date.from(meeting.plus(Duration.ofDays(30))));
            assertThat(recurringErrors.effect(topic)).hasValue(new RecurringErrors.Effect(3, 3, true));
        } finally {
            ClockUtil.reset();
        }
        assertThat(recurringErrors.effect(again.topic().orElseThrow())).isEmpty();
    }
}
