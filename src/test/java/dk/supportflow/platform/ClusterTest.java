package dk.supportflow.platform;

import static dk.supportflow.CaseScenario.analysis;
import static dk.supportflow.process.SupportCaseProcess.Elements;
import static dk.supportflow.process.SupportCaseProcess.Tasks;
import static dk.supportflow.process.SupportCaseProcess.Vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowApplication;
import dk.supportflow.TestPostgres;
import dk.supportflow.TestSmtpServer;
import dk.supportflow.cases.SupportCaseService;
import dk.supportflow.process.SupportCaseProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes of Camunda's homogeneous cluster on one PostgreSQL, both with their job executor and
 * mail dispatcher running: what must happen once happens once. The nodes are two application
 * contexts in this JVM; Camunda's engine registry is per JVM, so they run under two engine names
 * (in production every node uses the same name: the database does not know it).
 */
@Tag("nodes")
class ClusterTest {

    static final int SMTP_PORT = TestSmtpServer.freePort();
    /** A job whose node stops is taken over by another once its lock expires. */
    static final int LOCK_MILLIS = 4000;

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    static EmbeddedPostgres postgres;
    static Node nodeA;
    static Node nodeB;
    static final HttpClient http = HttpClient.newHttpClient();

    /** When set, every task completion on both nodes waits here for the other one. */
    static volatile CyclicBarrier completionRace;
    /** When set, node A's answer mail job stops in the middle (a node that hangs or dies). */
    static volatile CountDownLatch nodeAStopped;
    static final CountDownLatch nodeAReachedMailJob = new CountDownLatch(1);

    record Node(String engineName, ConfigurableApplicationContext context) {
        <T> T bean(Class<T> type) {
            return context.getBean(type);
        }

        ProcessEngine engine() {
            return bean(ProcessEngine.class);
        }

        CaseScenario scenario() {
            return bean(CaseScenario.class);
        }

        JobExecutor jobExecutor() {
            return bean(ProcessEngineConfigurationImpl.class).getJobExecutor();
        }

        String url(String path) {
            return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort() + path;
        }
    }

    @BeforeAll
    static void startCluster() {
        postgres = TestPostgres.start();
        // one after the other: the first creates the schema (Flyway and Camunda), as in a rollout
        nodeA = start("nodeA");
        nodeB = start("nodeB");
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (Node node : new Node[] {nodeA, nodeB}) {
            if (node != null) {
                node.context().close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    static Node start(String engineName) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SupportflowApplication.class)
                .profiles("postgres")
                .initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(new Hooks(engineName)))
                .run(TestNode.arguments(postgres, engineName, SMTP_PORT, LOCK_MILLIS,
                        "spring.datasource.hikari.maximum-pool-size=10"));
        return new Node(engineName, context);
    }

    /** Test hooks around two beans of the process: a race on task completion, a stop in a job. */
    record Hooks(String engineName) implements BeanPostProcessor {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
            if (name.equals(SupportCaseProcess.Beans.TASK_COMPLETION_VALIDATOR)) {
                TaskListener validator = (TaskListener) bean;
                return (TaskListener) task -> {
                    CyclicBarrier race = completionRace;
                    if (race != null) {
                        awaitQuietly(race);
                    }
                    validator.notify(task);
                };
            }
            if (name.equals(SupportCaseProcess.Beans.MAIL_ANSWER) && engineName.equals("nodeA")) {
                JavaDelegate delegate = (JavaDelegate) bean;
                return (JavaDelegate) execution -> {
                    CountDownLatch stopped = nodeAStopped;
                    if (stopped != null) {
                        nodeAReachedMailJob.countDown();
                        stopped.await(60, TimeUnit.SECONDS);
                    }
                    delegate.execute(execution);
                };
            }
            return bean;
        }

        private static void awaitQuietly(CyclicBarrier barrier) {
            try {
                barrier.await(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the other node never reached the completion", e);
            }
        }
    }

    @Test
    void deployingFromBothNodesAtOnceMakesOneVersion() throws Exception {
        String xml = Bpmn.convertToString(Bpmn.createExecutableProcess("clusterProbe").camundaHistoryTimeToLive(1)
                .startEvent().userTask("probe").endEvent().done());
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> deployments = new ArrayList<>();
            for (Node node : List.of(nodeA, nodeB)) {
                deployments.add(threads.submit(() -> {
                    together.await(20, TimeUnit.SECONDS);
                    // as ProcessDeployer deploys at start-up
                    return node.engine().getRepositoryService().createDeployment().name("cluster-probe")
                            .source("cluster-probe").enableDuplicateFiltering(false)
                            .addString("clusterProbe.bpmn", xml).deployWithResult().getId();
                }));
            }
            for (Future<String> deployment : deployments) {
                deployment.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        var repository = nodeB.engine().getRepositoryService();
        assertThat(repository.createDeploymentQuery().deploymentName("cluster-probe").count()).isEqualTo(1);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("clusterProbe").count()).isEqualTo(1);
        // the application's own deployment at start-up, from both nodes: one version too
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(SupportCaseProcess.PROCESS_KEY).count())
                .isEqualTo(1);
    }

    @Test
    void eachFollowUpTimerFiresOnceAndEachMailIsSentOnce() {
        List<SupportCaseService.OpenedCase> opened = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Node node = i % 2 == 0 ? nodeA : nodeB;
            var opening = node.scenario().open("Klyngetest " + i + ": opgaven afsluttes ikke");
            opened.add(opening);
            escalate(i % 2 == 0 ? nodeB : nodeA, opening.processInstanceId(), "MS-CL-" + i);
        }
        var management = nodeA.engine().getManagementService();
        for (var opening : opened) {
            Job timer = management.createJobQuery().processInstanceId(opening.processInstanceId()).timers().singleResult();
            management.setJobDuedate(timer.getId(), new Date(System.currentTimeMillis() - 1000));
        }

        var taskService = nodeB.engine().getTaskService();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(opened).allSatisfy(opening ->
                assertThat(taskService.createTaskQuery().processInstanceId(opening.processInstanceId())
                        .taskDefinitionKey(Tasks.FOLLOW_UP_MINSUPPORT).count()).isEqualTo(1)));
        var history = nodeB.engine().getHistoryService();
        for (var opening : opened) {
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(opening.processInstanceId())
                    .activityId(Elements.TIMER_FOLLOW_UP_DUE).finished().count()).as("timer fired").isEqualTo(1);
            assertThat(nodeA.engine().getRuntimeService().getVariable(opening.processInstanceId(), Vars.FOLLOW_UP_COUNT))
                    .isEqualTo(1);
        }

        // every mail of these cases (receipt, follow-up reminders) arrives exactly once
        JdbcTemplate jdbc = nodeA.bean(JdbcTemplate.class);
        List<String> caseNumbers = opened.stream().map(SupportCaseService.OpenedCase::caseNumber).toList();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(caseNumbers).allSatisfy(caseNumber ->
                assertThat(jdbc.queryForObject("select count(*) from outbox_mail where case_number = ? and status <> 'SENT'",
                        Integer.class, caseNumber)).isZero()));
        for (String caseNumber : caseNumbers) {
            List<String> outbox = jdbc.queryForList("select recipient || ' ' || subject from outbox_mail where case_number = ?",
                    String.class, caseNumber);
            assertThat(outbox).as("reminders for the supportberettigede").anyMatch(mail -> mail.contains("support1@"));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(received(caseNumber)).containsExactlyInAnyOrderElementsOf(outbox));
        }
    }

    @Test
    void aTaskCompletedOnBothNodesAtOnceSucceedsOnceAndIsAConflictOnTheOther() throws Exception {
        var opened = nodeA.scenario().open("Klyngetest: samme opgave afsluttes to steder");
        String taskId = nodeA.scenario().task(opened.processInstanceId(), Tasks.ANALYSE_ERROR).getId();
        nodeA.engine().getTaskService().claim(taskId, "support1");
        String body = """
                {"variables": {"outcome": {"value": "solvedLocally"}, "errorClass": {"value": "userError"},
                 "answer": {"value": "Vælg ydelsen helbredstillæg."}}}""";

        completionRace = new CyclicBarrier(2);
        List<HttpResponse<String>> responses = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (Node node : List.of(nodeA, nodeB)) {
                calls.add(threads.submit(() -> http.send(HttpRequest.newBuilder(
                                URI.create(node.url("/engine-rest/engine/" + node.engineName() + "/task/" + taskId + "/complete")))
                        .header("Authorization", basic("support1"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())));
            }
            for (Future<HttpResponse<String>> call : calls) {
                responses.add(call.get(60, TimeUnit.SECONDS));
            }
        } finally {
            completionRace = null;
            threads.shutdownNow();
        }

        assertThat(responses).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(204, 409);
        HttpResponse<String> conflict = responses.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        assertThat(conflict.body()).contains("OptimisticLockingException").contains("ændret af en anden i samme øjeblik");
        assertThat(nodeB.engine().getHistoryService().createHistoricTaskInstanceQuery()
                .processInstanceId(opened.processInstanceId()).taskDefinitionKey(Tasks.ANALYSE_ERROR).count()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(nodeB.engine().getTaskService().createTaskQuery()
                .processInstanceId(opened.processInstanceId()).taskDefinitionKey(Tasks.PLAN_KNOWLEDGE_SHARING).count())
                .isEqualTo(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(received(opened.caseNumber()))
                .filteredOn(mail -> mail.contains("Svar på din")).hasSize(1));
    }

    @Test
    void aJobOfANodeThatStopsMidJobIsFinishedByTheOtherOnce() throws Exception {
        // node B stays out of it until node A has taken the job
        nodeB.jobExecutor().shutdown();
        nodeAStopped = new CountDownLatch(1);
        try {
            var opened = nodeA.scenario().open("Klyngetest: noden stopper midt i et job");
            String pi = opened.processInstanceId();
            nodeA.scenario().complete(pi, Tasks.ANALYSE_ERROR, "support1",
                    analysis("solvedLocally", "userError", "Vælg ydelsen helbredstillæg."));
            assertThat(nodeAReachedMailJob.await(30, TimeUnit.SECONDS)).as("node A took the mail job").isTrue();

            // node A hangs (or has died) with the job locked and its work not committed
            nodeB.jobExecutor().start();
            var taskService = nodeB.engine().getTaskService();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(taskService.createTaskQuery()
                    .processInstanceId(pi).taskDefinitionKey(Tasks.PLAN_KNOWLEDGE_SHARING).count()).isEqualTo(1));

            // node A wakes up: its commit loses against node B's, so nothing happens twice
            nodeAStopped.countDown();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(received(opened.caseNumber()))
                    .filteredOn(mail -> mail.contains("Svar på din")).hasSize(1));
            // and stays once while node A's work is thrown away
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                    received(opened.caseNumber())).filteredOn(mail -> mail.contains("Svar på din")).hasSize(1));
            assertThat(nodeB.engine().getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi)
                    .activityId(Elements.TASK_MAIL_ANSWER).finished().count()).isEqualTo(1);
            // no job of the mail left (the task's reminder timer waits for its day)
            assertThat(nodeB.engine().getManagementService().createJobQuery().processInstanceId(pi)
                    .activityId(Elements.TASK_MAIL_ANSWER).count()).isZero();
        } finally {
            nodeAStopped.countDown();
            nodeAStopped = null;
            if (!nodeB.jobExecutor().isActive()) {
                nodeB.jobExecutor().start();
            }
        }
    }

    private static void escalate(Node node, String pi, String minSupportNumber) {
        CaseScenario scenario = node.scenario();
        scenario.complete(pi, Tasks.ANALYSE_ERROR, "support1", analysis("escalate", "technicalError", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> node.engine().getTaskService().createTaskQuery()
                .processInstanceId(pi).taskDefinitionKey(Tasks.PREPARE_MINSUPPORT_REPORT).count() == 1);
        scenario.reportToMinSupport(pi, "support1", CaseScenario.ticket(minSupportNumber, "hoej", "fejlsag", false));
        await().atMost(Duration.ofSeconds(30)).until(() -> node.engine().getManagementService().createJobQuery()
                .processInstanceId(pi).timers().count() == 1);
    }

    /** "recipient subject" of every mail the SMTP server received about the case. */
    private static List<String> received(String caseNumber) {
        return Stream.of(smtp.getReceivedMessages()).map(ClusterTest::recipientAndSubject)
                .filter(mail -> mail.contains("[" + caseNumber + "]")).toList();
    }

    private static String recipientAndSubject(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0] + " " + mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
