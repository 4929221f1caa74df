package dk.supportflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.Api;
import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.meetings.GangmoedePlanning;
import dk.supportflow.meetings.MeetingTopicRepository;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
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
    TestRestTemplate rest;

    @Test
    @SuppressWarnings("unchecked")
    void theFiguresCountCasesPatternsOpenMinSupportCasesAndEffects() {
        String component = DashboardData.seed(scenario, topics, planning);
        ResponseEntity<Map> response = new Api(rest).get("support1", "/api/dashboard");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> figures = response.getBody();

        Map<String, Object> perWeek = (Map<String, Object>) figures.get("casesPerWeek");
        assertThat((List<String>) perWeek.get("labels")).hasSize(DashboardFigures.WEEKS);
        assertThat(lastValue(perWeek, "Brugerfejl")).isGreaterThanOrEqualTo(2);
        assertThat(lastValue(perWeek, "Teknisk fejl")).isGreaterThanOrEqualTo(1);

        Map<String, Object> top = (Map<String, Object>) figures.get("topPatterns");
        int index = ((List<String>) top.get("labels")).indexOf(component + " – Brugerfejl");
        if (index >= 0) {
            assertThat(values(top, "Løste sager").get(index)).isEqualTo(2);
        } else {
            // other tests' patterns may fill the top ten; then ours has at most as many occurrences as the last
            List<Integer> counts = values(top, "Løste sager");
            assertThat(counts).hasSize(DashboardFigures.TOP_PATTERNS);
            assertThat(counts.get(counts.size() - 1)).isGreaterThanOrEqualTo(2);
        }

        Map<String, Object> ages = (Map<String, Object>) figures.get("openMinSupportByAge");
        assertThat((List<String>) ages.get("labels")).containsExactlyElementsOf(DashboardFigures.AGE_LABELS);
        assertThat(values(ages, "Kritisk").get(0)).isGreaterThanOrEqualTo(1);

        Map<String, Object> effect = (Map<String, Object>) figures.get("gangmoedeEffect");
        int topic = ((List<String>) effect.get("labels")).indexOf(component + " – Brugerfejl (efter-perioden er ikke slut)");
        assertThat(topic).isNotNegative();
        assertThat(values(effect, "Før mødet").get(topic)).isEqualTo(2);
        assertThat(values(effect, "Efter mødet").get(topic)).isZero();
    }

    @Test
    void theDashboardIsForSupportOperationsAndAdministrators() {
        Api api = new Api(rest);
        for (String allowed : List.of("support1", "drift1", "admin")) {
            assertThat(api.getText(allowed, "/dashboard").getStatusCode()).as(allowed).isEqualTo(HttpStatus.OK);
            assertThat(api.get(allowed, "/api/dashboard").getStatusCode()).as(allowed).isEqualTo(HttpStatus.OK);
        }
        for (String refused : List.of("superbruger1", "sagsbehandler1")) {
            assertThat(api.getText(refused, "/dashboard").getStatusCode()).as(refused).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(api.get(refused, "/api/dashboard").getStatusCode()).as(refused).isEqualTo(HttpStatus.FORBIDDEN);
        }
        ResponseEntity<String> anonymous = rest.getForEntity("/dashboard", String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void thePageCarriesTheFiguresAndLoadsChartJs() {
        ResponseEntity<String> page = new Api(rest).getText("support1", "/dashboard");
        assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(page.getBody()).contains("<html lang=\"da\">", "<script id=\"figures\" type=\"application/json\">{",
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
