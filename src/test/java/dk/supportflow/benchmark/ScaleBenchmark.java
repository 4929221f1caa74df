package dk.supportflow.benchmark;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowApplication;
import dk.supportflow.TestPostgres;
import dk.supportflow.TestSmtpServer;
import dk.supportflow.cases.SupportCaseService;
import dk.supportflow.process.SupportCaseProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 9's benchmarks of scale (throughput against the bare engine is LifecycleBenchmark's), on H2 (file, the default) and on PostgreSQL (embedded), one after the
 * other in this JVM; writes its section of docs/performance.md. Not part of {@code verify}:
 * {@code ./mvnw -B -P benchmark test}. Sizes: {@code -Dbenchmark.clients=4},
 * {@code -Dbenchmark.history=100000} (PostgreSQL),
 * {@code -Dbenchmark.history.h2=20000},
 * {@code -Dbenchmark.requests=500}, {@code -Dbenchmark.databases=h2,postgres}.
 *
 * <ol>
 * <li>Start-up time of the application and heap in use after it (after a GC).</li>
 * <li>Latency of the task list (the Tasklist filter "Supportsager", first page, over the engine
 * REST API) and of {@code GET /api/cases/{n}}, with that many closed cases in the database
 * ({@link HistoryCloner}) and some open ones.</li>
 * </ol>
 */
class ScaleBenchmark {

    static final int CLIENTS = Integer.getInteger("benchmark.clients", 4);
    static final int HISTORY = Integer.getInteger("benchmark.history", 100_000);
    /** H2 fills its file far slower than PostgreSQL; it is the single-municipality default. */
    static final int HISTORY_H2 = Integer.getInteger("benchmark.history.h2", 20_000);
    static final int REQUESTS = Integer.getInteger("benchmark.requests", 500);
    static final int OPEN_CASES = 200;
    static final List<String> DATABASES = List.of(System.getProperty("benchmark.databases", "h2,postgres").split(","));

    record Latency(double p50, double p95) {
        static Latency of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Latency(ms(sorted, 0.5), ms(sorted, 0.95));
        }

        private static double ms(long[] sorted, double q) {
            return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))] / 1e6;
        }

        String cells() {
            return String.format(Locale.ROOT, "%.1f ms | %.1f ms", p50, p95);
        }
    }

    record Result(String database, double startupSeconds, long heapMb, double populateSeconds, long closedCases,
            Latency taskList, Latency closedCase, Latency openCase) {
    }

    @Test
    void measure() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(TestSmtpServer.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        List<Result> results = new ArrayList<>();
        try {
            for (String database : DATABASES) {
                if (database.equals("postgres")) {
                    try (EmbeddedPostgres postgres = TestPostgres.start()) {
                        List<String> properties = new ArrayList<>(List.of(TestPostgres.properties(postgres)));
                        // one insert statement per batch when filling in the history
                        properties.set(0, properties.get(0) + "&reWriteBatchedInserts=true");
                        results.add(run("PostgreSQL 14", "postgres", properties, HISTORY, smtp));
                    }
                } else {
                    Path dir = Path.of("target/benchmark/h2");
                    deleteRecursively(dir);
                    results.add(run("H2 (file)", null,
                            List.of("spring.datasource.url=jdbc:h2:file:./" + dir + "/supportflow"), HISTORY_H2, smtp));
                }
            }
        } finally {
            smtp.stop();
        }
        PerformanceDoc.writeSection("scale", report(results));
    }

    /**
     * A running application with {@code history} closed cases (copies, {@link HistoryCloner}) and
     * {@link #OPEN_CASES} open ones, all reported by superbruger1; the caller closes its context.
     */
    record Populated(ConfigurableApplicationContext context, String base, double startupSeconds, long heapMb,
            double populateSeconds, long closedCases, List<String> historical, List<String> open) {
    }

    static Populated populate(String label, String profile, List<String> databaseProperties, int history, GreenMail smtp)
            throws Exception {
        List<String> properties = new ArrayList<>(databaseProperties);
        properties.addAll(List.of("server.port=0", "spring.mail.host=127.0.0.1", "spring.mail.port=" + smtp.getSmtp().getPort(),
                "supportflow.knowledge.index-dir=in-memory", "supportflow.privacy.retention-cron=-",
                "spring.main.banner-mode=off", "logging.level.root=WARN", "logging.level.io.zonky=WARN"));
        long start = System.nanoTime();
        Waker waker = new Waker();
        SpringApplicationBuilder builder = new SpringApplicationBuilder(SupportflowApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("benchmarkWaker", waker));
        if (profile != null) {
            builder.profiles(profile);
        }
        ConfigurableApplicationContext context = builder.run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
        double startup = (System.nanoTime() - start) / 1e9;
        try {
            long heapMb = heapAfterGcMb();
            // a few whole cases: one of them is the closed case the history is copied from
            new CaseLifecycles(context, waker).throughput(CLIENTS, 20);

            ProcessEngine engine = context.getBean(ProcessEngine.class);
            HistoricProcessInstance template = engine.getHistoryService().createHistoricProcessInstanceQuery()
                    .processDefinitionKey(SupportCaseProcess.PROCESS_KEY).finished().listPage(0, 1).get(0);
            long closedBefore = engine.getHistoryService().createHistoricProcessInstanceQuery()
                    .processDefinitionKey(SupportCaseProcess.PROCESS_KEY).finished().count();
            long populateStart = System.nanoTime();
            List<String> historical = new HistoryCloner(context.getBean(JdbcTemplate.class), context.getBean(TransactionTemplate.class)).cloneCase(
                    template.getBusinessKey(), template.getId(), (int) Math.max(0, history - closedBefore), "SUP-2025-");
            double populate = (System.nanoTime() - populateStart) / 1e9;
            long closed = engine.getHistoryService().createHistoricProcessInstanceQuery()
                    .processDefinitionKey(SupportCaseProcess.PROCESS_KEY).finished().count();
            log("%s: %d closed cases (%.0f s to add them)", label, closed, populate);

            List<String> open = new ArrayList<>();
            SupportCaseService cases = context.getBean(SupportCaseService.class);
            for (int i = 0; i < OPEN_CASES; i++) {
                open.add(cases.openCase(CaseScenario.report("Åben sag " + i + ": opgaven afsluttes ikke"), "superbruger1").caseNumber());
            }
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
            return new Populated(context, base, startup, heapMb, populate, closed, historical, open);
        } catch (Exception e) {
            context.close();
            throw e;
        }
    }

    private Result run(String label, String profile, List<String> databaseProperties, int history, GreenMail smtp) throws Exception {
        Populated node = populate(label, profile, databaseProperties, history, smtp);
        try {
            ProcessEngine engine = node.context().getBean(ProcessEngine.class);
            String filterId = engine.getFilterService().createFilterQuery().filterName("Supportsager").singleResult().getId();
            String base = node.base();
            List<String> historical = node.historical();
            List<String> open = node.open();
            HttpClient http = HttpClient.newHttpClient();
            Random random = new Random(42);
            Latency taskList = latency(() -> post(http, base + "/engine-rest/filter/" + filterId
                    + "/list?firstResult=0&maxResults=15", "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}"));
            Latency closedCase = latency(() -> get(http, base + "/api/cases/" + historical.get(random.nextInt(historical.size()))));
            Latency openCase = latency(() -> get(http, base + "/api/cases/" + open.get(random.nextInt(open.size()))));
            log("%s: task list %s, closed case %s, open case %s", label, taskList, closedCase, openCase);
            return new Result(label, node.startupSeconds(), node.heapMb(), node.populateSeconds(), node.closedCases(),
                    taskList, closedCase, openCase);
        } finally {
            node.context().close();
        }
    }

    interface Call {
        void run() throws Exception;
    }

    static Latency latency(Call call) throws Exception {
        for (int i = 0; i < REQUESTS / 5; i++) {
            call.run();
        }
        long[] nanos = new long[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            long start = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - start;
        }
        return Latency.of(nanos);
    }

    private static void get(HttpClient http, String url) throws Exception {
        check(http.send(request(url).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static void post(HttpClient http, String url, String json) throws Exception {
        check(http.send(request(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("support1:demo".getBytes(StandardCharsets.UTF_8)));
    }

    private static void check(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static long heapAfterGcMb() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    private static String report(List<Result> results) {
        StringBuilder md = new StringBuilder();
        md.append("### Measured ").append(LocalDate.now()).append(" by `ScaleBenchmark`\n\n");
        md.append(String.format(Locale.ROOT, "Machine: %d cores, Java %s, max heap %d MB, shared with other builds. "
                                + "Latencies over %d sequential requests (after %d to warm up).%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), REQUESTS, REQUESTS / 5));
        md.append("| | ").append(String.join(" | ", results.stream().map(Result::database).toList())).append(" |\n");
        md.append("|---|").append("---|".repeat(results.size())).append("\n");
        row(md, "start-up (application context, empty database)", results, r -> String.format(Locale.ROOT, "%.1f s", r.startupSeconds()));
        row(md, "heap in use after start-up (after GC)", results, r -> r.heapMb() + " MB");
        row(md, "closed cases in the database for the latencies", results, r -> String.format(Locale.ROOT, "%,d", r.closedCases()));
        row(md, "task list (filter Supportsager, 15 tasks), p50 / p95", results, r -> r.taskList().cells().replace(" | ", " / "));
        row(md, "`GET /api/cases/{n}`, closed case, p50 / p95", results, r -> r.closedCase().cells().replace(" | ", " / "));
        row(md, "`GET /api/cases/{n}`, open case, p50 / p95", results, r -> r.openCase().cells().replace(" | ", " / "));
        row(md, "time to add the closed cases (copies, see below)", results, r -> String.format(Locale.ROOT, "%.0f s", r.populateSeconds()));

        return md.toString();
    }

    private static void row(StringBuilder md, String name, List<Result> results, java.util.function.Function<Result, String> cell) {
        md.append("| ").append(name).append(" | ").append(String.join(" | ", results.stream().map(cell).toList())).append(" |\n");
    }

    static void log(String format, Object... args) {
        System.out.println("[benchmark] " + String.format(Locale.ROOT, format, args));
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
