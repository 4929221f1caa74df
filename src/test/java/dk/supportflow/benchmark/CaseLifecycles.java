package dk.supportflow.benchmark;

import static dk.supportflow.process.SupportCaseProcess.Messages;
import static dk.supportflow.process.SupportCaseProcess.Tasks;
import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.CaseScenario;
import dk.supportflow.cases.CaseReport;
import dk.supportflow.cases.SupportCaseService;
import dk.supportflow.minsupport.MinSupportAnswers;
import dk.supportflow.process.SupportCaseProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One support case from start to end, driven as people and MinSupport would: start → analyse
 * (escalate) → report to MinSupport → MinSupport's answer (message) → forward the answer →
 * plan the knowledge sharing (share) → the closing jobs. Either through the application
 * ({@link #application}) or through a bare engine ({@link #bareEngine}) on a copy of the same
 * BPMN without any of our code: every listener removed, every service task a no-op, the timer
 * expressions literal. Clients wait for the next task by being woken ({@link Waker}), not by
 * polling.
 */
final class CaseLifecycles {

    static final String BARE_PROCESS_KEY = "bareSupportCase";
    private static final long TASK_TIMEOUT_MILLIS = 120_000;

    private final ConfigurableApplicationContext context;
    private final ProcessEngine engine;
    private final Waker waker;
    private final AtomicInteger minSupportNumbers = new AtomicInteger();
    /** Client time per step (including the wait for the task it completes), for the breakdown. */
    private final Map<String, LongAdder> stepNanos = new ConcurrentHashMap<>();

    /** Through the application: its engine must carry the waker as a plugin. */
    CaseLifecycles(ConfigurableApplicationContext context, Waker waker) {
        this.context = context;
        this.engine = context.getBean(ProcessEngine.class);
        this.waker = waker;
    }

    /** Through a bare engine (with the waker as a plugin): deploys the bare process and the DMN it calls. */
    CaseLifecycles(ProcessEngine bareEngine, Waker waker) {
        this.context = null;
        this.engine = bareEngine;
        this.waker = waker;
        try (InputStream dmn = CaseLifecycles.class.getResourceAsStream("/processes/suggestCriticality.dmn")) {
            engine.getRepositoryService().createDeployment().name("benchmark-bare").enableDuplicateFiltering(false)
                    .addString("bareSupportCase.bpmn", bareBpmn()).addInputStream("suggestCriticality.dmn", dmn).deploy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String bareBpmn() {
        try (InputStream in = CaseLifecycles.class.getResourceAsStream("/processes/supportCase.bpmn")) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return xml
                    .replace("id=\"" + SupportCaseProcess.PROCESS_KEY + "\"", "id=\"" + BARE_PROCESS_KEY + "\"")
                    .replaceAll("<camunda:(taskListener|executionListener)[^>]*/>", "")
                    .replaceAll("camunda:delegateExpression=\"[^\"]*\"", "camunda:class=\"" + NoOpDelegate.class.getName() + "\"")
                    .replaceAll("(<bpmn:timeCycle[^>]*>)\\$\\{caseTimers\\.[^}]*}", "$1R/P1D")
                    .replaceAll("\\$\\{caseTimers\\.[^}]*}", "P1D")
                    .replace("${caseReporter.of(execution)}", "${reporter}")
                    .replaceAll("camunda:formRef(Binding)?=\"[^\"]*\"", "")
                    .replaceAll("camunda:candidateStarterGroups=\"[^\"]*\"", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code cases} lifecycles with {@code clients} threads; returns cases per second. */
    double throughput(int clients, int cases) throws Exception {
        boolean bare = context == null;
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> runs = new java.util.ArrayList<>();
            for (int c = 0; c < clients; c++) {
                runs.add(threads.submit(() -> {
                    while (next.getAndIncrement() < cases) {
                        if (bare) {
                            bareEngine();
                        } else {
                            application();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            threads.shutdownNow();
        }
        return cases / ((System.nanoTime() - start) / 1e9);
    }

    void application() throws InterruptedException {
        long start = System.nanoTime();
        var opened = context.getBean(SupportCaseService.class)
                .openCase(CaseScenario.report("Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse"), "superbruger1");
        record("app start", start);
        String minSupportNumber = walk("app", opened.processInstanceId());
        long answer = System.nanoTime();
        context.getBean(MinSupportAnswers.class).receive(minSupportNumber, "Fejlen er rettet i næste release.", null);
        record("app answer", answer);
        finish("app", opened.processInstanceId());
    }

    void bareEngine() throws InterruptedException {
        long start = System.nanoTime();
        CaseReport report = CaseScenario.report("Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse");
        Map<String, Object> variables = report.toVariables(report.component());
        variables.put(Vars.REPORTER, "superbruger1");
        String pi = engine.getRuntimeService().startProcessInstanceByKey(BARE_PROCESS_KEY,
                "BARE-" + minSupportNumbers.incrementAndGet(), variables).getId();
        record("bare start", start);
        String minSupportNumber = walk("bare", pi);
        long answer = System.nanoTime();
        engine.getRuntimeService().createMessageCorrelation(Messages.MINSUPPORT_ANSWER_RECEIVED)
                .processInstanceVariableEquals(Vars.MINSUPPORT_CASE_NUMBER, minSupportNumber)
                .setVariable(Vars.MINSUPPORT_ANSWER, "Fejlen er rettet i næste release.")
                .setVariable(Vars.MINSUPPORT_ANSWERED, true)
                .correlateAllWithResult();
        record("bare answer", answer);
        finish("bare", pi);
    }

    /** Analyse and report to MinSupport; returns the MinSupport case number. */
    private String walk(String kind, String pi) throws InterruptedException {
        Map<String, Object> analysis = new HashMap<>(CaseScenario.analysis("escalate", "technicalError", null));
        analysis.put(Vars.CENTRAL_FUNCTION_HIT, true);
        analysis.put(Vars.WORKAROUND_AVAILABLE, false);
        analysis.put(Vars.WORK_BLOCKED, false);
        complete(kind, pi, Tasks.ANALYSE_ERROR, analysis);
        String minSupportNumber = "MS-B" + minSupportNumbers.incrementAndGet();
        Map<String, Object> report = new HashMap<>();
        report.put(Vars.EXISTING_MINSUPPORT_CASE, false);
        report.put(Vars.OTHER_CASES_AFFECTED, "Prøvet på en anden sag, hvor det virkede.");
        report.put(Vars.TICKET_TYPE, "fejlsag");
        report.put(Vars.TICKET_TITLE, "Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse");
        report.put(Vars.CRITICALITY, "hoej");
        report.put(Vars.CRITICALITY_JUSTIFICATION, "Mange borgere venter på denne beregning.");
        complete(kind, pi, Tasks.PREPARE_MINSUPPORT_REPORT, report);
        complete(kind, pi, Tasks.REPORT_TO_MINSUPPORT, Map.of(Vars.MINSUPPORT_CASE_NUMBER, minSupportNumber));
        return minSupportNumber;
    }

    /** Forward the answer, share it, and wait for the closing jobs to end the process. */
    private void finish(String kind, String pi) throws InterruptedException {
        complete(kind, pi, Tasks.FORWARD_ANSWER, Map.of(Vars.ANSWER, "Fejlen er rettet i næste release. Prøv igen på mandag."));
        complete(kind, pi, Tasks.PLAN_KNOWLEDGE_SHARING,
                Map.of(Vars.SHARE_WITH_CASEWORKERS, true, Vars.SHARE_MESSAGE, "Flere har mødt denne fejl."));
        long closing = System.nanoTime();
        if (!waker.await(() -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi).count() == 0,
                TASK_TIMEOUT_MILLIS)) {
            throw new IllegalStateException("case " + pi + " did not end");
        }
        record(kind + " closing jobs", closing);
    }

    private void complete(String kind, String pi, String taskKey, Map<String, Object> variables) throws InterruptedException {
        long start = System.nanoTime();
        Task[] found = new Task[1];
        if (!waker.await(() -> (found[0] = engine.getTaskService().createTaskQuery().processInstanceId(pi)
                .taskDefinitionKey(taskKey).singleResult()) != null, TASK_TIMEOUT_MILLIS)) {
            throw new IllegalStateException("no task " + taskKey + " in " + pi);
        }
        Task task = found[0];
        engine.getTaskService().claim(task.getId(), "support1");
        record(kind + " wait " + taskKey, start);
        long completing = System.nanoTime();
        engine.getTaskService().complete(task.getId(), variables);
        record(kind + " complete " + taskKey, completing);
    }

    private void record(String step, long startNanos) {
        stepNanos.computeIfAbsent(step, s -> new LongAdder()).add(System.nanoTime() - startNanos);
    }

    /** Mean client milliseconds per case and step since the last call, sorted by step. */
    Map<String, Double> takeBreakdown(int cases) {
        Map<String, Double> breakdown = new java.util.TreeMap<>();
        stepNanos.forEach((step, nanos) -> breakdown.put(step, nanos.sumThenReset() / 1e6 / cases));
        return breakdown;
    }
}
