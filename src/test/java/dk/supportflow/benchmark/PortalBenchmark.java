package dk.supportflow.benchmark;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dk.supportflow.TestPostgres;
import dk.supportflow.TestSmtpServer;
import dk.supportflow.knowledge.KnowledgeSearch;
import dk.supportflow.portal.PortalSession;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: the portal's pages with 100 000 closed cases on PostgreSQL (embedded), each page asked
 * {@code benchmark.requests} times in a row by a logged-in browser-like client; the time is the
 * whole request over loopback, so it includes the server's time and little else. Writes the
 * section "portal" of docs/performance.md. {@code ./mvnw -B -P benchmark test -Dtest=PortalBenchmark}
 * ({@code -Dbenchmark.history=...} for another size).
 */
class PortalBenchmark {

    record Page(String name, String who, ScaleBenchmark.Latency latency) {
    }

    @Test
    void measure() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(TestSmtpServer.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        List<Page> pages = new ArrayList<>();
        long closed;
        try (EmbeddedPostgres postgres = TestPostgres.start()) {
            List<String> properties = new ArrayList<>(List.of(TestPostgres.properties(postgres)));
            properties.set(0, properties.get(0) + "&reWriteBatchedInserts=true");
            ScaleBenchmark.Populated node = ScaleBenchmark.populate("PostgreSQL 14", "postgres", properties,
                    ScaleBenchmark.HISTORY, smtp);
            try {
                closed = node.closedCases();
                // the copied solved cases are searchable, as after a night's index check
                node.context().getBean(KnowledgeSearch.class).rebuild();
                PortalSession support = PortalSession.login(node.base(), "support1");
                PortalSession superuser = PortalSession.login(node.base(), "superbruger1");
                Random random = new Random(17);
                List<String> historical = node.historical();
                List<String> open = node.open();
                Map<String, String> draft = new LinkedHashMap<>();
                draft.put("title", "Opgaven Beregn tillæg afsluttes ikke efter godkendelse");
                draft.put("workingOn", "Personligt tillæg til en pensionist");

                pages.add(measure("/portal/sager (åbne sager)", "supportberettiget", () -> support.get("/portal/sager")));
                pages.add(measure("/portal/sager (alle sager, side 1)", "supportberettiget", () -> support.get("/portal/sager?fase=")));
                pages.add(measure("/portal/sager (alle sager, sidste side: 40)", "supportberettiget",
                        () -> support.get("/portal/sager?fase=&side=40")));
                pages.add(measure("/portal/sager (lukkede, tekst og komponent: alle passer)", "supportberettiget",
                        () -> support.get("/portal/sager?fase=closed&tekst=afsluttes&komponent=Beregn%20till%C3%A6g")));
                pages.add(measure("/portal/sager (tekst, som ingen sag har)", "supportberettiget",
                        () -> support.get("/portal/sager?fase=&tekst=ingensteds")));
                pages.add(measure("/portal/sager (venter på superbrugeren)", "supportberettiget",
                        () -> support.get("/portal/sager?venterPaa=superbruger")));
                pages.add(measure("/portal/sager (egne sager, alle)", "superbruger", () -> superuser.get("/portal/sager")));
                pages.add(measure("/portal/sager/{n}, lukket sag", "supportberettiget",
                        () -> support.get("/portal/sager/" + historical.get(random.nextInt(historical.size())))));
                pages.add(measure("/portal/sager/{n}, åben sag med udkast", "supportberettiget",
                        () -> support.get("/portal/sager/" + open.get(random.nextInt(open.size())))));
                pages.add(measure("/portal/indrapporter", "superbruger", () -> superuser.get("/portal/indrapporter")));
                pages.add(measure("forslag mens der skrives", "superbruger",
                        () -> superuser.post("/portal/indrapporter/forslag", draft)));
                pages.add(measure("/portal/viden?q=…", "superbruger",
                        () -> superuser.get("/portal/viden?q=opgaven%20afsluttes%20ikke")));
                pages.add(measure("/portal/driftsside", "supportberettiget", () -> support.get("/portal/driftsside")));
                pages.add(measure("/portal/minsupport", "supportberettiget", () -> support.get("/portal/minsupport")));
                pages.add(measure("/portal/overblik", "supportberettiget", () -> support.get("/portal/overblik")));
            } finally {
                node.context().close();
            }
        } finally {
            smtp.stop();
        }
        PerformanceDoc.writeSection("portal", report(pages, closed));
    }

    interface Request {
        HttpResponse<String> send();
    }

    private static Page measure(String name, String who, Request request) throws Exception {
        ScaleBenchmark.Latency latency = ScaleBenchmark.latency(() -> {
            HttpResponse<String> response = request.send();
            if (response.statusCode() != 200 || response.body().contains("Det lykkedes ikke")) {
                throw new IllegalStateException(name + " answered " + response.statusCode());
            }
        });
        ScaleBenchmark.log("%s (%s): p50 %.1f ms, p95 %.1f ms", name, who, latency.p50(), latency.p95());
        return new Page(name, who, latency);
    }

    private static String report(List<Page> pages, long closed) {
        StringBuilder md = new StringBuilder();
        md.append("### Measured ").append(LocalDate.now()).append(" by `PortalBenchmark`\n\n");
        md.append(String.format(Locale.ROOT, "PostgreSQL 14 (embedded) with %,d closed cases (all reported by one "
                        + "superbruger: their own list is as long as everyone's) and %d open ones. Machine: %d cores, Java %s, "
                        + "shared with other builds. %d sequential requests per page after %d to warm up; the time of the "
                        + "whole request over loopback.%n%n", closed, ScaleBenchmark.OPEN_CASES,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), ScaleBenchmark.REQUESTS,
                ScaleBenchmark.REQUESTS / 5));
        md.append("| page | as | p50 | p95 |\n|---|---|---|---|\n");
        for (Page page : pages) {
            md.append("| ").append(page.name()).append(" | ").append(page.who()).append(" | ")
                    .append(page.latency().cells()).append(" |\n");
        }
        return md.toString();
    }
}
