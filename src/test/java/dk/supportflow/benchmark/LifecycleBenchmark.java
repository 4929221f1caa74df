package dk.supportflow.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dk.supportflow.SupportflowApplication;
import dk.supportflow.TestPostgres;
import dk.supportflow.TestSmtpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 16's honest benchmark: whole case lifecycles per second through the bare Camunda engine
 * (a standalone configuration in this JVM: no Spring, none of our listeners or services, the
 * bare copy of supportCase.bpmn with no-op delegates, history full, job executor on) and then
 * through the application, on a fresh database of the same kind each, with the same number of
 * clients, woken by an engine listener rather than polling ({@link Waker}). While the
 * application runs, one more client measures over HTTP what a person meets under that load:
 * {@code POST /api/cases} and completing a task through the engine REST API.
 *
 * <p>{@code ./mvnw -B -P benchmark test -Dtest=LifecycleBenchmark}; sizes
 * {@code -Dbenchmark.clients=4}, {@code -Dbenchmark.lifecycles=200},
 * {@code -Dbenchmark.databases=h2-file,postgres}. Prints one {@code LIFECYCLE} line per
 * database and the per-step breakdown, and writes its section of docs/performance.md.
 */
class LifecycleBenchmark {

    static final int CLIENTS = Integer.getInteger("benchmark.clients", 4);
    static final int LIFECYCLES = Integer.getInteger("benchmark.lifecycles", 200);
    static final int WARM_UP = 20;
    static final List<String> DATABASES = List.of(System.getProperty("benchmark.databases", "h2-file,postgres").split(","));
    static final Path WORK = Path.of("target/benchmark/lifecycle");

    record Bare(double perSecond, Map<String, Double> breakdown) {
    }

    record Result(String database, double application, double bare, Map<String, Double> breakdown,
            ScaleBenchmark.Latency openCase, ScaleBenchmark.Latency completeTask, NodeStart start) {

        String line() {
            return String.format(Locale.ROOT, "LIFECYCLE db=%s clients=%d app=%.2f bare=%.2f ratio=%.3f", database, CLIENTS,
                    application, bare, application / bare);
        }
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
                        createDatabases(postgres);
                        Bare bare = bare("org.postgresql.Driver", postgres.getJdbcUrl("postgres", "bare"), "postgres");
                        results.add(application(database, bare, "postgres",
                                List.of("spring.datasource.url=" + postgres.getJdbcUrl("postgres", "app"),
                                        "spring.datasource.username=postgres", "spring.datasource.password="), smtp));
                    }
                } else {
                    deleteRecursively(WORK);
                    Bare bare = bare("org.h2.Driver", "jdbc:h2:file:./" + WORK + "/bare/engine", "sa");
                    results.add(application(database, bare, null,
                            List.of("spring.datasource.url=jdbc:h2:file:./" + WORK + "/app/supportflow"), smtp));
                }
                Result result = results.get(results.size() - 1);
                result.breakdown().forEach((step, ms) -> System.out.printf(Locale.ROOT, "LIFECYCLE-STEP db=%s %-38s %7.1f ms%n",
                        result.database(), step, ms));
                System.out.printf(Locale.ROOT, "LIFECYCLE-HTTP db=%s POST /api/cases p50=%.1f ms p95=%.1f ms; "
                        + "task completion p50=%.1f ms p95=%.1f ms%n", result.database(), result.openCase().p50(),
                        result.openCase().p95(), result.completeTask().p50(), result.completeTask().p95());
                System.out.printf(Locale.ROOT, "LIFECYCLE-START db=%s node start-up on the existing database %.1f s, heap after GC %.0f MB%n",
                        result.database(), result.start().seconds(), result.start().heapMb());
                System.out.println(result.line());
            }
        } finally {
            smtp.stop();
        }
        results.forEach(result -> System.out.println(result.line()));
        PerformanceDoc.writeSection("lifecycle", report(results));
    }

    /** The bare engine: a standalone configuration on its own database; cases per second. */
    private static Bare bare(String driver, String url, String user) throws Exception {
        Waker waker = new Waker();
        StandaloneProcessEngineConfiguration configuration = (StandaloneProcessEngineConfiguration)
                ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("bare");
        configuration.setJdbcDriver(driver);
        configuration.setJdbcUrl(url);
        configuration.setJdbcUsername(user);
        configuration.setJdbcPassword("");
        configuration.setJdbcMaxActiveConnections(10);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(true);
        configuration.setProcessEnginePlugins(new ArrayList<>(List.of(waker)));
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            CaseLifecycles lifecycles = new CaseLifecycles(engine, waker);
            lifecycles.throughput(CLIENTS, WARM_UP);
            lifecycles.takeBreakdown(1);
            double perSecond = lifecycles.throughput(CLIENTS, LIFECYCLES);
            return new Bare(perSecond, lifecycles.takeBreakdown(LIFECYCLES));
        } finally {
            ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().shutdown();
            engine.close();
        }
    }

    private static Result application(String database, Bare bare, String profile, List<String> databaseProperties,
            GreenMail smtp) throws Exception {
        Waker waker = new Waker();
        List<String> properties = new ArrayList<>(databaseProperties);
        properties.addAll(List.of("server.port=0", "spring.mail.host=127.0.0.1", "spring.mail.port=" + smtp.getSmtp().getPort(),
                "supportflow.knowledge.index-dir=" + WORK + "/app-index-" + database, "supportflow.privacy.retention-cron=-",
                "spring.main.banner-mode=off", "logging.level.root=WARN", "logging.level.io.zonky=WARN"));
        SpringApplicationBuilder builder = new SpringApplicationBuilder(SupportflowApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("benchmarkWaker", waker));
        if (profile != null) {
            builder.profiles(profile);
        }
        ConfigurableApplicationContext context = builder.run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
        Result result;
        try {
            CaseLifecycles lifecycles = new CaseLifecycles(context, waker);
            lifecycles.throughput(CLIENTS, WARM_UP);
            lifecycles.takeBreakdown(1);
            HttpUser user = new HttpUser("http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort(),
                    waker);
            AtomicBoolean loaded = new AtomicBoolean(true);
            CompletableFuture<Void> probe = CompletableFuture.runAsync(() -> user.workWhile(loaded));
            double perSecond;
            try {
                perSecond = lifecycles.throughput(CLIENTS, LIFECYCLES);
            } finally {
                loaded.set(false);
            }
            probe.get();
            Map<String, Double> steps = new java.util.TreeMap<>(lifecycles.takeBreakdown(LIFECYCLES));
            steps.putAll(bare.breakdown());
            result = new Result(database, perSecond, bare.perSecond(), steps, user.latency(user.openCase),
                    user.latency(user.completeTask), null);
        } finally {
            context.close();
        }
        return new Result(result.database(), result.application(), result.bare(), result.breakdown(), result.openCase(),
                result.completeTask(), coldStart(profile, properties));
    }

    /**
     * Starts a node in a new JVM (cold) on the database and index the run left, as a node that is
     * restarted or added.
     */
    private static NodeStart coldStart(String profile, List<String> properties) throws Exception {
        List<String> command = new ArrayList<>(List.of(NodeStart.java(), "-cp", System.getProperty("java.class.path"),
                SupportflowApplication.class.getName()));
        properties.forEach(p -> command.add("--" + p));
        command.add("--logging.level." + SupportflowApplication.class.getName() + "=INFO");
        if (profile != null) {
            command.add("--spring.profiles.active=" + profile);
        }
        return NodeStart.of(command);
    }

    /** A superbruger opening cases and a supportberettiget completing their analysis, over HTTP, one at a time. */
    static final class HttpUser {

        private static final ObjectMapper JSON = new ObjectMapper();
        private final HttpClient http = HttpClient.newHttpClient();
        private final String base;
        private final Waker waker;
        final List<Long> openCase = new ArrayList<>();
        final List<Long> completeTask = new ArrayList<>();

        HttpUser(String base, Waker waker) {
            this.base = base;
            this.waker = waker;
        }

        void workWhile(AtomicBoolean loaded) {
            try {
                for (int i = 0; loaded.get(); i++) {
                    long start = System.nanoTime();
                    Map<?, ?> opened = call("superbruger1", "POST", "/api/cases", """
                            {"title": "Måling %d: opgaven \\"Beregn tillæg\\" afsluttes ikke", "workingOn": "Helbredstillæg",
                             "stepsTaken": "Åbnede sagen og godkendte", "expected": "At opgaven blev afsluttet",
                             "actual": "Opgaven står stadig som åben", "component": "Beregn tillæg",
                             "otherCasesAffected": "Prøvet på en anden sag"}""".formatted(i), 201);
                    openCase.add(System.nanoTime() - start);
                    String pi = (String) opened.get("processInstanceId");
                    // the analysis is prepared by a job: the task appears once it has run
                    List<?>[] tasks = new List<?>[1];
                    waker.await(() -> !(tasks[0] = tasks(pi)).isEmpty(), 60_000);
                    String task = (String) ((Map<?, ?>) tasks[0].get(0)).get("id");
                    send("support1", "POST", "/engine-rest/task/" + task + "/claim", "{\"userId\": \"support1\"}", 204);
                    start = System.nanoTime();
                    send("support1", "POST", "/engine-rest/task/" + task + "/complete", """
                            {"variables": {"outcome": {"value": "solvedLocally"}, "errorClass": {"value": "userError"},
                             "answer": {"value": "Vælg ydelsen helbredstillæg."}}}""", 204);
                    completeTask.add(System.nanoTime() - start);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private List<?> tasks(String pi) {
            try {
                return JSON.readValue(send("support1", "GET", "/engine-rest/task?processInstanceId=" + pi
                        + "&taskDefinitionKey=analyseError", null, 200), List.class);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        ScaleBenchmark.Latency latency(List<Long> nanos) {
            return ScaleBenchmark.Latency.of(nanos.stream().mapToLong(Long::longValue).toArray());
        }

        private Map<?, ?> call(String user, String method, String path, String body, int expected) throws Exception {
            return JSON.readValue(send(user, method, path, body, expected), Map.class);
        }

        private String send(String user, String method, String path, String body, int expected) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
                            .getBytes(StandardCharsets.UTF_8)));
            request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                    : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
    }

    private static void createDatabases(EmbeddedPostgres postgres) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database bare");
            statement.execute("create database app");
        }
    }

    private static String report(List<Result> results) {
        StringBuilder md = new StringBuilder();
        md.append("### Measured ").append(LocalDate.now()).append(" by `LifecycleBenchmark`\n\n");
        md.append(String.format(Locale.ROOT, "Machine: %d cores, Java %s, max heap %d MB. %d clients, %d case lifecycles per "
                        + "measurement (after %d to warm up). The bare engine runs first, the application after it, each on a "
                        + "fresh database.%n%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), CLIENTS, LIFECYCLES, WARM_UP));
        md.append("```\n");
        results.forEach(result -> md.append(result.line()).append('\n'));
        md.append("```\n\n");
        md.append("| | ").append(String.join(" | ", results.stream().map(Result::database).toList())).append(" |\n");
        md.append("|---|").append("---|".repeat(results.size())).append("\n");
        row(md, "case lifecycles/s, application", results, r -> String.format(Locale.ROOT, "%.2f", r.application()));
        row(md, "case lifecycles/s, bare engine (standalone, no-op delegates)", results,
                r -> String.format(Locale.ROOT, "%.2f", r.bare()));
        row(md, "**ratio application / bare** (target ≥ 0.5)", results,
                r -> String.format(Locale.ROOT, "**%.3f**", r.application() / r.bare()));
        row(md, "`POST /api/cases` under load, p50 / p95 (target p95 < 100 ms)", results,
                r -> r.openCase().cells().replace(" | ", " / "));
        row(md, "task completion over `/engine-rest` under load, p50 / p95 (target p95 < 100 ms)", results,
                r -> r.completeTask().cells().replace(" | ", " / "));
        row(md, "start-up of a node on this database afterwards, new JVM (target < 12 s)", results,
                r -> String.format(Locale.ROOT, "%.1f s", r.start().seconds()));
        row(md, "heap in use after that start-up, after a full GC (target < 200 MB)", results,
                r -> String.format(Locale.ROOT, "%.0f MB", r.start().heapMb()));
        md.append("\nA client's time per case, in ms (mean; \"wait\" is waiting to be woken for the task, i.e. for the ")
                .append("job executor; \"closing jobs\" from the last completion until the process has ended):\n\n");
        md.append("| step |");
        results.forEach(r -> md.append(" ").append(r.database()).append(" application | ").append(r.database()).append(" bare |"));
        md.append("\n|---|").append("---|---|".repeat(results.size())).append("\n");
        List<String> steps = results.get(0).breakdown().keySet().stream().filter(k -> k.startsWith("app "))
                .map(k -> k.substring(4)).toList();
        for (String step : steps) {
            md.append("| ").append(step).append(" |");
            for (Result r : results) {
                md.append(String.format(Locale.ROOT, " %.0f | %.0f |", r.breakdown().getOrDefault("app " + step, 0.0),
                        r.breakdown().getOrDefault("bare " + step, 0.0)));
            }
            md.append("\n");
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String name, List<Result> results, java.util.function.Function<Result, String> cell) {
        md.append("| ").append(name).append(" | ").append(String.join(" | ", results.stream().map(cell).toList())).append(" |\n");
    }

    static void deleteRecursively(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
