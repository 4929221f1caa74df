package dk.supportflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.Api;
import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.cases.SupportCaseService;
import dk.supportflow.knowledge.KnowledgeEntries;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/** Issue 17: the portal's rules as requests meet them: login, CSRF, who sees what, Danish errors, deflection counts. */
@SupportflowTest
class PortalRequestsTest {

    @LocalServerPort
    int port;
    @Autowired
    SupportCaseService cases;
    @Autowired
    KnowledgeEntries knowledge;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    CaseScenario scenario;

    @Test
    void aPageNeedsALoginAndAFormNeedsItsCsrfToken() {
        PortalSession anonymous = new PortalSession(port);
        HttpResponse<String> page = anonymous.get("/portal/sager");
        assertThat(page.uri().getPath()).isEqualTo("/portal/login");
        assertThat(page.body()).contains("<html lang=\"da\"").contains("Log ind");
        // no other site may frame the pages, and they run no script but the site's own
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors 'none'").contains("default-src 'self'").doesNotContain("unsafe-inline");

        PortalSession sofie = PortalSession.login(port, "superbruger1");
        HttpResponse<String> noToken = sofie.postWithout("/portal/indrapporter", Map.of("title", "Uden token"));
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("Ingen adgang").doesNotContain("Uden token");
    }

    @Test
    void aFormSentAfterTheSessionRanOutLeadsToALoginThatSaysSoAndTheSuggestionsBoxSaysItInPlace() throws Exception {
        HttpClient browser = HttpClient.newHttpClient();
        // the cookie of a session the server no longer has, and that session's token
        HttpRequest.Builder expired = HttpRequest.newBuilder().header("Cookie", "JSESSIONID=4F2A0C0FFEE0000000000000DEADBEEF")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=fra-den-gamle-session&title=Brevet+mangler+adressen"));
        HttpResponse<String> report = browser.send(expired.copy().uri(URI.create("http://localhost:" + port + "/portal/indrapporter"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(report.statusCode()).isEqualTo(302);
        assertThat(report.headers().firstValue("Location").orElseThrow()).endsWith("/portal/login?udloebet");
        assertThat(new PortalSession(port).get("/portal/login?udloebet").body())
                .contains("Du var blevet logget ud, fordi der var gået et stykke tid");

        HttpResponse<String> suggestions = browser.send(expired.copy().header("HX-Request", "true")
                .uri(URI.create("http://localhost:" + port + "/portal/indrapporter/forslag")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(suggestions.statusCode()).isEqualTo(401);
        assertThat(suggestions.body()).contains("Du er blevet logget ud").contains("href=\"/portal/login?udloebet\"")
                .doesNotContain("<html");
    }

    @Test
    void aSuperbrugerSeesOnlyTheirOwnCasesAndMayNotOpenAnothers() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String own = cases.openCase(CaseScenario.report("Egen sag " + marker), "superbruger1").caseNumber();
        String others = cases.openCase(CaseScenario.report("Andens sag " + marker), "superbruger2").caseNumber();

        PortalSession sofie = PortalSession.login(port, "superbruger1");
        String list = sofie.get("/portal/sager?tekst=" + marker).body();
        assertThat(list).contains(own).doesNotContain(others);
        HttpResponse<String> page = sofie.get("/portal/sager/" + own);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("150372-xxxx").doesNotContain("150372-4711").doesNotContain("Udkast til MinSupport");
        HttpResponse<String> refused = sofie.get("/portal/sager/" + others);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Du har kun adgang til de sager, du selv har indberettet.").doesNotContain("Andens sag");
        assertThat(sofie.get("/portal/sager/" + others + "/bilag/1").statusCode()).isEqualTo(403);
        assertThat(sofie.post("/portal/sager/" + others + "/information", Map.of("source", "Kollega", "text", "Snyd"))
                .statusCode()).isEqualTo(403);

        PortalSession sanne = PortalSession.login(port, "support1");
        assertThat(sanne.get("/portal/sager?fase=&tekst=" + marker).body()).contains(own).contains(others);
        assertThat(sanne.get("/portal/sager/" + others).body()).contains("Udkast til MinSupport");
    }

    @Test
    void aReportWithMistakesKeepsWhatWasTypedAndSaysInDanishWhatIsMissing() {
        PortalSession sofie = PortalSession.login(port, "superbruger1");
        sofie.get("/portal/indrapporter");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("kind", "error");
        form.put("title", "Beregn tillæg afsluttes ikke æøå");
        form.put("workingOn", "Personligt tillæg");
        form.put("cpr", "999999-9999");
        form.put("paymentBlocked", "true");
        form.put("availableDate", "32-13-2026");
        HttpResponse<String> response = sofie.post("/portal/indrapporter", form);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("Der er noget, du skal rette")
                .contains("id=\"expected-error\"").contains("Skriv, hvad du forventede skulle ske")
                .contains("id=\"actual-error\"").contains("Skriv, hvad der skete i stedet.")
                .contains("id=\"stepsTaken-error\"")
                .contains("id=\"availableDate-error\"")
                .contains("id=\"cpr-error\"")
                .contains("aria-invalid=\"true\"")
                .contains("value=\"Beregn tillæg afsluttes ikke æøå\"")
                .contains(">Personligt tillæg</textarea>")
                .contains("value=\"32-13-2026\"");
    }

    @Test
    void aReportFiledInThePortalIsACaseAndIsCountedWithTheSuggestionsShown() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        knowledge.registerKnownError("Udbetalingsbrevet viser forkert beløb " + marker, "Breve",
                "Ret beløbet i brevet manuelt.", null, "drift1");
        scenario.solveAndClose("Udbetalingsbrevet viser forkert beløb " + marker, "Breve", "userError",
                "Beløbet var rigtigt; brevet viste det før skat.");
        Map<String, Object> before = deflection();

        PortalSession sofie = PortalSession.login(port, "superbruger1");
        String draftId = draftIdOf(sofie.get("/portal/indrapporter").body());
        HttpResponse<String> suggestions = sofie.post("/portal/indrapporter/forslag",
                Map.of("title", "Udbetalingsbrevet viser et forkert beløb " + marker, "draftId", draftId));
        assertThat(suggestions.body()).contains("Kendt fejl fra driftssiden").contains("Ret beløbet i brevet manuelt.")
                .contains("Løst sag").contains("Beløbet var rigtigt");
        // the driftsside's known error before the solved case that matches as well
        assertThat(suggestions.body().indexOf("Kendt fejl fra driftssiden")).isLessThan(suggestions.body().indexOf("Løst sag"));
        // asked again while typing: the same report is counted once
        sofie.post("/portal/indrapporter/forslag", Map.of("title", "Udbetalingsbrevet viser forkert beløb " + marker,
                "draftId", draftId));

        Map<String, String> form = new LinkedHashMap<>();
        form.put("draftId", draftId);
        form.put("kind", "error");
        form.put("title", "Udbetalingsbrevet viser forkert beløb " + marker);
        form.put("workingOn", "Folkepension");
        form.put("stepsTaken", "Dannede brevet");
        form.put("expected", "Det rigtige beløb");
        form.put("actual", "Et andet beløb");
        HttpResponse<String> filed = sofie.post("/portal/indrapporter", form);
        assertThat(filed.uri().getPath()).startsWith("/portal/sager/");
        assertThat(filed.body()).contains("Tak – sagen er oprettet.");
        String caseNumber = filed.uri().getPath().substring("/portal/sager/".length());
        assertThat(cases.find(caseNumber)).hasValueSatisfying(c -> assertThat(c.getReporter()).isEqualTo("superbruger1"));

        Map<String, Object> after = deflection();
        assertThat(((Number) after.get("shown")).longValue()).isEqualTo(((Number) before.get("shown")).longValue() + 1);
        assertThat(((Number) after.get("reported")).longValue()).isEqualTo(((Number) before.get("reported")).longValue() + 1);
        assertThat(after.get("solvedBySuggestion")).isEqualTo(before.get("solvedBySuggestion"));
    }

    @Test
    void aSupportberettigetRegistersARequestForASuperbrugerWithHowItCameIn() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        PortalSession sanne = PortalSession.login(port, "support1");
        assertThat(sanne.get("/portal/indrapporter").body()).contains("<option value=\"superbruger2\">Søren Superbruger</option>");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("kind", "supportRequest");
        form.put("title", "Slet en fejloprettet sag " + marker);
        form.put("workingOn", "En sag oprettet to gange");
        form.put("expected", "At den ene sag slettes");
        form.put("reporter", "superbruger2");
        HttpResponse<String> missingChannel = sanne.post("/portal/indrapporter", form);
        assertThat(missingChannel.body()).contains("id=\"channel-error\"")
                .contains("value=\"Slet en fejloprettet sag " + marker + "\"");

        form.put("channel", "telefon");
        HttpResponse<String> filed = sanne.post("/portal/indrapporter", form);
        assertThat(filed.uri().getPath()).startsWith("/portal/sager/");
        String caseNumber = filed.uri().getPath().substring("/portal/sager/".length());
        assertThat(cases.find(caseNumber)).hasValueSatisfying(c -> {
            assertThat(c.getReporter()).isEqualTo("superbruger2");
            assertThat(c.getRegisteredBy()).isEqualTo("support1");
            assertThat(c.getKind()).isEqualTo("supportRequest");
        });
        assertThat(filed.body()).contains("Registreret af Sanne Support efter en telefonsamtale");
        // the superbruger it was registered for finds it among their own
        assertThat(PortalSession.login(port, "superbruger2").get("/portal/sager?tekst=" + marker).body()).contains(caseNumber);
    }

    @Test
    void theCasePageTellsWhatHappenedAndByWhom() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String caseNumber = scenario.solveAndClose("Tidslinje " + marker, "Breve", "userError", "Sådan gør du " + marker);
        String page = PortalSession.login(port, "superbruger1").get("/portal/sager/" + caseNumber).body();
        assertThat(page).contains("Indrapporteret").contains("Sofie Superbruger")
                .contains("Opgaven »Analysér fejlen« er udført").contains("Sanne Support")
                .contains("Sagen er lukket").contains("Sådan gør du " + marker)
                .contains("class=\"waiting-bar\"").contains("Supportberettiget (kommunen):")
                // a superbruger is not shown the draft, nor asked to write an article
                .doesNotContain("Udkast til MinSupport").doesNotContain("Skriv en artikel");
        assertThat(page).containsPattern("Mail (sendt|på vej): .*" + caseNumber);
    }

    @Test
    void theDeflectionFiguresAreForTheSupportberettigedeAndCheckTheirDates() {
        assertThat(new Api(rest).get("superbruger1", "/api/reports/deflection").getStatusCode().value()).isEqualTo(403);
        ResponseEntity<Map> bad = new Api(rest).get("support1", "/api/reports/deflection?from=2026-13-01&to=igaar");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().toString()).contains("åååå-mm-dd");
    }

    @Test
    void eachRoleReachesItsPagesAndNoOthers() {
        PortalSession dorthe = PortalSession.login(port, "drift1");
        assertThat(dorthe.get("/portal").uri().getPath()).isEqualTo("/portal/driftsside");
        assertThat(dorthe.get("/portal/driftsside").statusCode()).isEqualTo(200);
        assertThat(dorthe.get("/portal/sager").statusCode()).isEqualTo(403);
        assertThat(dorthe.get("/portal/minsupport").statusCode()).isEqualTo(403);
        assertThat(dorthe.get("/portal/viden/kendte-fejl/ny").statusCode()).isEqualTo(200);

        PortalSession sofie = PortalSession.login(port, "superbruger1");
        assertThat(sofie.get("/portal/viden").statusCode()).isEqualTo(200);
        assertThat(sofie.get("/portal/viden/artikler/ny").statusCode()).isEqualTo(403);
        assertThat(sofie.get("/portal/driftsside").statusCode()).isEqualTo(403);
        assertThat(sofie.get("/portal/overblik").statusCode()).isEqualTo(403);
        assertThat(sofie.get("/dashboard").statusCode()).isEqualTo(403);

        PortalSession sanne = PortalSession.login(port, "support1");
        for (String page : new String[] {"/portal/sager", "/portal/indrapporter", "/portal/viden", "/portal/viden/artikler/ny",
                "/portal/viden/kendte-fejl", "/portal/driftsside", "/portal/minsupport", "/portal/overblik"}) {
            HttpResponse<String> response = sanne.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            assertThat(response.body()).as(page).contains("<html lang=\"da\"").doesNotContain("Det lykkedes ikke");
        }
        assertThat(sanne.get("/portal/minsupport?fra=i-går").body()).contains("Skriv en dato på formen åååå-mm-dd.")
                .contains("value=\"i-går\"");
        assertThat(sanne.get("/portal/viden?q=og").body()).contains("småord");
    }

    private Map<String, Object> deflection() {
        LocalDate today = LocalDate.now();
        return new Api(rest).get("support1", "/api/reports/deflection?from=" + today.minusDays(1) + "&to=" + today.plusDays(1))
                .getBody();
    }

    private static String draftIdOf(String page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"draftId\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
