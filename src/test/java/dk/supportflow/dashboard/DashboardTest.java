package dk.supportflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.Api;
import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.meetings.GangmoedePlanning;
import dk.supportflow.meetings.MeetingTopicRepository;
import dk.supportflow.meetings.RecurringErrors;
import dk.supportflow.portal.PortalSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The dashboard's figures, who may see them, and the page that draws them. */
@SupportflowTest
class DashboardTest {

    @Autowired
    CaseScenario scenario;
    @Autowired
    MeetingTopicRepository topics;
    @Autowired
    GangmoedePlanning planning;
    @Autowired
    RecurringErrors recurringErrors;
    @Autowired
    TestRestTemplate rest;
    @LocalServerPort
    int port;

    /** Other tests share the database: each figure is compared with what it was before this test's cases. */
    @Test
    @SuppressWarnings("unchecked")
    void theFiguresCountCasesPatternsOpenMinSupportCasesAndEffects() {
        Map<String, Object> before = figures();
        String component = DashboardData.seed(scenario, topics, planning);
        Map<String, Object> figures = figures();

        Map<String, Object> perWeek = (Map<String, Object>) figures.get("casesPerWeek");
        Map<String, Object> perWeekBefore = (Map<String, Object>) before.get("casesPerWeek");
        assertThat((List<String>) perWeek.get("labels")).hasSize(DashboardFigures.WEEKS);
        assertThat(lastValue(perWeek, "Brugerfejl") - lastValue(perWeekBefore, "Brugerfejl")).isEqualTo(2);
        assertThat(lastValue(perWeek, "Teknisk fejl") - lastValue(perWeekBefore, "Teknisk fejl")).isEqualTo(1);

        // the chart shows the ten most frequent patterns; ours (two solved cases) is among them or ranks below
        List<RecurringErrors.PatternCount> all = recurringErrors.topPatterns(Integer.MAX_VALUE);
        assertThat(all).filteredOn(pattern -> pattern.component().equals(component))
                .extracting(RecurringErrors.PatternCount::occurrences).containsExactly(2L);
        Map<String, Object> top = (Map<String, Object>) figures.get("topPatterns");
        assertThat((List<String>) top.get("labels")).containsExactlyElementsOf(all.stream().limit(DashboardFigures.TOP_PATTERNS)
                .map(pattern -> pattern.component() + " – " + DashboardFigures.label(pattern.errorClass())).toList());
        assertThat(values(top, "Løste sager")).containsExactlyElementsOf(all.stream().limit(DashboardFigures.TOP_PATTERNS)
                .map(pattern -> (int) pattern.occurrences()).toList());

        Map<String, Object> ages = (Map<String, Object>) figures.get("openMinSupportByAge");
        assertThat((List<String>) ages.get("labels")).containsExactlyElementsOf(DashboardFigures.AGE_LABELS);
        assertThat(values(ages, "Kritisk").get(0) - values((Map<String, Object>) before.get("openMinSupportByAge"), "Kritisk")
                .get(0)).isEqualTo(1);

        Map<String, Object> effect = (Map<String, Object>) figures.get("gangmoedeEffect");
        int topic = ((List<String>) effect.get("labels")).indexOf(component + " – Brugerfejl (efter-perioden er ikke slut)");
        assertThat(topic).as("our topic is shown").isNotNegative();
        assertThat(values(effect, "Før mødet").get(topic)).isEqualTo(2);
        assertThat(values(effect, "Efter mødet").get(topic)).isZero();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> figures() {
        ResponseEntity<Map> response = new Api(rest).get("support1", "/api/dashboard");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    @Test
    void theDashboardIsForSupportOperationsAndAdministrators() {
        Api api = new Api(rest);
        for (String allowed : List.of("support1", "drift1", "admin")) {
            // the old address leads to the page in the portal
            HttpResponse<String> page = PortalSession.login(port, allowed).get("/dashboard");
            assertThat(page.statusCode()).as(allowed).isEqualTo(200);
            assertThat(page.uri().getPath()).isEqualTo("/portal/overblik");
            assertThat(api.get(allowed, "/api/dashboard").getStatusCode()).as(allowed).isEqualTo(HttpStatus.OK);
        }
        for (String refused : List.of("superbruger1", "sagsbehandler1")) {
            assertThat(PortalSession.login(port, refused).get("/portal/overblik").statusCode()).as(refused).isEqualTo(403);
            assertThat(api.get(refused, "/api/dashboard").getStatusCode()).as(refused).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(new PortalSession(port).get("/dashboard").uri().getPath()).isEqualTo("/portal/login");
    }

    @Test
    void thePageCarriesTheFiguresAndLoadsChartJs() {
        HttpResponse<String> page = PortalSession.login(port, "support1").get("/portal/overblik");
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("<html lang=\"da\">", "<script id=\"figures\" type=\"application/json\">{",
                "\"casesPerWeek\"", "/webjars/chart.js/dist/chart.umd.min.js", "/assets/dashboard/dashboard.js")
                .doesNotContain("/*FIGURES*/");
        // the library and the page's script are served without login: they hold no data
        ResponseEntity<String> chartJs = rest.getForEntity("/webjars/chart.js/dist/chart.umd.min.js", String.class);
        assertThat(chartJs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(chartJs.getBody()).contains("Chart");
        assertThat(rest.getForEntity("/assets/dashboard/dashboard.js", String.class).getBody()).contains("new Chart(");
    }

    @Test
    void openMinSupportCasesFallIntoAgeGroupsByTheirUpperBound() {
        assertThat(DashboardFigures.ageGroup(Duration.ofHours(23))).isZero();
        assertThat(DashboardFigures.ageGroup(Duration.ofDays(1))).isEqualTo(1);
        assertThat(DashboardFigures.ageGroup(Duration.ofDays(7).minusSeconds(1))).isEqualTo(2);
        assertThat(DashboardFigures.ageGroup(Duration.ofDays(27))).isEqualTo(4);
        assertThat(DashboardFigures.ageGroup(Duration.ofDays(28))).isEqualTo(5);
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> values(Map<String, Object> chart, String series) {
        return ((List<Map<String, Object>>) chart.get("series")).stream().filter(s -> series.equals(s.get("name")))
                .map(s -> (List<Integer>) s.get("values")).findFirst().orElseThrow();
    }

    private static int lastValue(Map<String, Object> chart, String series) {
        List<Integer> values = values(chart, series);
        return values.get(values.size() - 1);
    }
}
