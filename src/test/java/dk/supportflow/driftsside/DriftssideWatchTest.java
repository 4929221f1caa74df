package dk.supportflow.driftsside;

import static dk.supportflow.process.DriftssideProcess.Elements;
import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.SupportflowTest;
import dk.supportflow.TestSmtpServer;
import dk.supportflow.process.DriftssideProcess;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The watcher half of driftssideWatch against a real HTTP server on 127.0.0.1: new items stored
 * once with a review each, and a driftsside that is down, slow or sends garbage.
 */
@SupportflowTest
@ExtendWith(OutputCaptureExtension.class)
class DriftssideWatchTest {

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    DriftssideSettings settings;
    @Autowired
    DriftssideMessageRepository messages;
    @Autowired
    DriftssideWatcher watcher;
    @Autowired
    FeedReader reader;
    @Autowired
    FeedStateRepository states;
    @Autowired
    FeedIncidents incidents;
    @Autowired
    Clock clock;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    TransactionTemplate transactions;

    FeedServer server;
    Duration connectTimeout;
    Duration readTimeout;

    @BeforeEach
    void start() {
        AbstractAssertions.init(processEngine);
        server = new FeedServer();
        connectTimeout = settings.connectTimeout();
        readTimeout = settings.readTimeout();
        settings.setUrl(server.url());
    }

    @AfterEach
    void stop() {
        settings.setUrl("");
        settings.setTimeouts(connectTimeout, readTimeout);
        server.close();
    }

    /** What the job executor does every interval: the timer starts a watcher, whose async fetch then runs. */
    private ProcessInstance tick() {
        Job timer = managementService.createJobQuery().processDefinitionKey(DriftssideProcess.PROCESS_KEY).timers()
                .singleResult();
        assertThat(timer).as("the timer start of driftssideWatch").isNotNull();
        managementService.executeJob(timer.getId());
        Job fetch = managementService.createJobQuery().processDefinitionKey(DriftssideProcess.PROCESS_KEY)
                .activityId(Elements.TASK_FETCH).singleResult();
        assertThat(fetch).as("the fetch job of the new watcher").isNotNull();
        managementService.executeJob(fetch.getId());
        return processInstance(fetch.getProcessInstanceId());
    }

    private ProcessInstance processInstance(String id) {
        ProcessInstance running = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
        return running != null ? running : new EndedInstance(id);
    }

    private List<Task> reviewsOf(DriftssideMessage message) {
        return taskService.createTaskQuery().processInstanceBusinessKey(DriftssideProcess.businessKey(message.getId()))
                .taskDefinitionKey(DriftssideProcess.Tasks.REVIEW).list();
    }

    private static String id() {
        return "test-" + UUID.randomUUID();
    }

    @Test
    void newItemsAreStoredOnceWithOneReviewEach() {
        String a = id();
        String b = id();
        String c = id();
        server.serve(FeedServer.rss(new String[] {a, "Kendt fejl: brevet kan ikke dannes", "Brevet dannes ikke."},
                new String[] {b, "Planlagt vedligehold", "KP er lukket søndag."}));
        BpmnAwareTests.assertThat(tick()).isEnded().hasPassedInOrder(Elements.TIMER_START, Elements.TASK_FETCH,
                Elements.GATEWAY_FEED_READ, Elements.END_FEED_READ).variables().containsEntry("feedStatus", "read")
                .containsEntry("newMessages", 2);

        DriftssideMessage first = messages.findByGuid(a).orElseThrow();
        DriftssideMessage second = messages.findByGuid(b).orElseThrow();
        assertThat(first.getId()).as("oldest first").isGreaterThan(second.getId());
        assertThat(first.getKind()).isEqualTo(MessageKind.KENDT_FEJL);
        assertThat(second.getKind()).isEqualTo(MessageKind.DRIFTSBESKED);
        assertThat(first.getState()).isEqualTo(MessageState.AWAITING_REVIEW);
        assertThat(first.getSource()).isEqualTo(DriftssideMessage.Source.feed);
        for (DriftssideMessage message : List.of(first, second)) {
            List<Task> reviews = reviewsOf(message);
            assertThat(reviews).hasSize(1);
            assertThat(taskService.getIdentityLinksForTask(reviews.get(0).getId()))
                    .anyMatch(link -> "driftsansvarlige".equals(link.getGroupId()) && "candidate".equals(link.getType()));
            assertThat(taskService.getVariable(reviews.get(0).getId(), "title")).isEqualTo(message.getTitle());
        }

        // the same feed again, then with a new item and a duplicate inside the feed: only the new one is stored
        BpmnAwareTests.assertThat(tick()).isEnded().variables().containsEntry("newMessages", 0);
        server.serve(FeedServer.rss(new String[] {c, "Release 26.4", "Rettelser."},
                new String[] {c, "Release 26.4", "Rettelser."},
                new String[] {a, "Kendt fejl: brevet kan ikke dannes", "Brevet dannes ikke."},
                new String[] {b, "Planlagt vedligehold", "KP er lukket søndag."}));
        BpmnAwareTests.assertThat(tick()).isEnded().variables().containsEntry("newMessages", 1);
        assertThat(messages.findAll()).filteredOn(m -> List.of(a, b, c).contains(m.getGuid())).hasSize(3);
        for (String guid : List.of(a, b, c)) {
            assertThat(reviewsOf(messages.findByGuid(guid).orElseThrow())).hasSize(1);
        }
    }

    @Test
    void aDriftssideThatFailsIsTriedAgainAndOnlyRepeatedFailuresMakeOneIncident(CapturedOutput output) {
        server.serve(FeedServer.rss());
        BpmnAwareTests.assertThat(tick()).isEnded().hasPassed(Elements.END_FEED_READ);
        int logStart = output.getAll().length();
        long messagesBefore = messages.count();

        // 1: nobody listens on the port
        settings.setUrl("http://127.0.0.1:" + TestSmtpServer.freePort() + "/feed.xml");
        BpmnAwareTests.assertThat(tick()).isEnded().hasPassed(Elements.END_TRY_NEXT_TIME).variables()
                .containsEntry("feedStatus", "failed");
        assertThat(openIncidents()).isEmpty();

        // 2: slower than the read timeout
        settings.setUrl(server.url());
        settings.setTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300));
        server.serve(FeedServer.rss(new String[] {id(), "For sent", "Kommer aldrig frem."})).slow(Duration.ofSeconds(2));
        BpmnAwareTests.assertThat(tick()).isEnded().hasPassed(Elements.END_TRY_NEXT_TIME);
        assertThat(openIncidents()).isEmpty();

        // 3: garbage, the third failure in a row: one incident, on a watcher that waits for the driftsside
        server.serve(200, "<html><body>Driftssiden er nede</body></html>".getBytes(StandardCharsets.UTF_8));
        ProcessInstance down = tick();
        BpmnAwareTests.assertThat(down).isWaitingAt(Elements.EVENT_FEED_RECOVERED).variables()
                .containsEntry("feedStatus", "down");
        assertThat(openIncidents()).hasSize(1).allMatch(i -> i.getProcessInstanceId().equals(down.getId())
                && i.getIncidentMessage().contains("kunne ikke læses 3 gange i træk"));

        // 4: an error page: still only the one incident
        server.serve(500, "Internal Server Error".getBytes(StandardCharsets.UTF_8));
        BpmnAwareTests.assertThat(tick()).isEnded().hasPassed(Elements.END_TRY_NEXT_TIME);
        assertThat(openIncidents()).hasSize(1);
        assertThat(messages.count()).as("nothing stored from failed reads").isEqualTo(messagesBefore);
        assertThat(watcher.state().getConsecutiveFailures()).isEqualTo(4);

        // read again: the incident is resolved and its watcher ends
        String item = id();
        server.serve(FeedServer.rss(new String[] {item, "Driftssiden er oppe igen", "Alt kører."}));
        BpmnAwareTests.assertThat(tick()).isEnded().hasPassed(Elements.END_FEED_READ);
        assertThat(openIncidents()).isEmpty();
        BpmnAwareTests.assertThat(processInstance(down.getId())).isEnded().hasPassed(Elements.END_FEED_RECOVERED);
        // seen to fail once in a full run (the item logged as stored, no row): say what was stored
        assertThat(messages.findByGuid(item)).as(() -> "stored from the feed since: " + messages.findAll().stream()
                .filter(m -> m.getGuid().startsWith("test-")).map(m -> m.getGuid() + " " + m.getTitle()).toList()).isPresent();
        assertThat(watcher.state().getConsecutiveFailures()).isZero();

        // one clear line per failure, without a stack trace
        String log = output.getAll().substring(logStart);
        assertThat(log).contains("not read (ConnectException): failure 1 in a row, an incident after 3")
                .contains("not read (SocketTimeoutException): failure 2 in a row")
                .contains("not read (not RSS or Atom: another kind of XML): 3 failures in a row")
                .contains("not read (HTTP 500): failure 4 in a row, the incident stays open")
                .contains("read again after 4 failed reads")
                .doesNotContain("\tat ");
    }

    @Test
    void withoutAnAddressTheWatcherDoesNothing() {
        settings.setUrl("");
        BpmnAwareTests.assertThat(tick()).isEnded().hasPassed(Elements.END_FEED_READ).variables()
                .containsEntry("feedStatus", "off");
        assertThat(server.requests).hasValue(0);
    }

    @Test
    void overlappingReadsStoreEachItemOnce() throws Exception {
        String[][] items = {{id(), "Nyhed 1", "Tekst 1"}, {id(), "Nyhed 2", "Tekst 2"}, {id(), "Nyhed 3", "Tekst 3"}};
        server.serve(FeedServer.rss(items)).slow(Duration.ofMillis(300));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<DriftssideWatcher.Poll> poll = watcher::poll;
            List<Future<DriftssideWatcher.Poll>> polls = pool.invokeAll(List.of(poll, poll));
            int stored = 0;
            for (Future<DriftssideWatcher.Poll> result : polls) {
                assertThat(result.get().status()).isEqualTo(FeedStatus.READ);
                stored += result.get().newMessages();
            }
            assertThat(stored).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
        for (String[] item : items) {
            assertThat(reviewsOf(messages.findByGuid(item[0]).orElseThrow())).hasSize(1);
        }
    }

    @Test
    void anItemThatCannotBeStoredNeitherBlocksNorTakesTheOthersWithIt(CapturedOutput output) {
        String good1 = id();
        String bad = id();
        String good2 = id();
        server.serve(FeedServer.rss(new String[] {good2, "Release 26.5", "Rettelser."},
                new String[] {bad, "Nyhed der ikke kan gemmes", "Tekst."},
                new String[] {good1, "Planlagt vedligehold", "KP er lukket søndag."}));
        AtomicBoolean fault = new AtomicBoolean(true);
        DriftssideMessages failingOnOne = new DriftssideMessages(messages, runtimeService, clock) {
            @Override
            public Optional<DriftssideMessage> registerFromFeed(FeedItem item) {
                Optional<DriftssideMessage> stored = super.registerFromFeed(item);
                if (fault.get() && item.guid().equals(bad)) {
                    throw new IllegalStateException("the item's review could not be started");
                }
                return stored;
            }
        };
        DriftssideWatcher watching = new DriftssideWatcher(settings, reader, failingOnOne, states, incidents, clock,
                transactionManager);

        // in the fetch job's transaction, as the process runs it
        DriftssideWatcher.Poll poll = transactions.execute(status -> watching.poll());
        assertThat(poll.status()).isEqualTo(FeedStatus.READ);
        assertThat(poll.newMessages()).isEqualTo(2);
        assertThat(messages.findByGuid(good1)).isPresent();
        assertThat(messages.findByGuid(good2)).isPresent();
        assertThat(messages.findByGuid(bad)).as("its half-done work rolled back alone").isEmpty();
        assertThat(output).contains("Driftsside item " + bad + " not stored");

        fault.set(false);
        assertThat(transactions.execute(status -> watching.poll()).newMessages()).isOne();
        for (String guid : List.of(good1, bad, good2)) {
            assertThat(reviewsOf(messages.findByGuid(guid).orElseThrow())).hasSize(1);
        }
    }

    private List<org.camunda.bpm.engine.runtime.Incident> openIncidents() {
        return runtimeService.createIncidentQuery().incidentType(FeedIncidents.INCIDENT_TYPE).list();
    }
}
