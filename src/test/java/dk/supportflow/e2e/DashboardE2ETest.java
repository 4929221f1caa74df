package dk.supportflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.dashboard.DashboardData;
import dk.supportflow.meetings.GangmoedePlanning;
import dk.supportflow.meetings.MeetingTopicRepository;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 6: the dashboard page rendered in headless Chromium, each of its four charts drawn by
 * Chart.js; since issue 17 in the portal (/dashboard leads there, after the portal's login).
 */
@SupportflowTest
class DashboardE2ETest {

    static final List<String> CHARTS = List.of("casesPerWeek", "topPatterns", "openMinSupportByAge", "gangmoedeEffect");

    @LocalServerPort
    int port;
    @Autowired
    CaseScenario scenario;
    @Autowired
    MeetingTopicRepository topics;
    @Autowired
    GangmoedePlanning planning;

    @Test
    void theDashboardDrawsItsChartsForALoggedInSupporter() {
        String component = DashboardData.seed(scenario, topics, planning);
        try (Portal portal = new Portal("http://localhost:" + port, "support1").login()) {
            Tasklist browser = portal.browser;
            browser.driver.get("http://localhost:" + port + "/dashboard");
            new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(browser.js(
                    "return typeof Chart !== 'undefined' && arguments[0].every(id => Chart.getChart(id) !== undefined)",
                    CHARTS)));
            assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Overblik over supporten");
            for (String chart : CHARTS) {
                long points = ((Number) browser.js("return Chart.getChart(arguments[0]).data.datasets"
                        + ".reduce((n, d) => n + d.data.filter(v => v > 0).length, 0)", chart)).longValue();
                assertThat(points).as("bars drawn in %s", chart).isPositive();
                assertThat(browser.driver.findElement(By.id(chart + "-title")).getText()).isNotBlank();
            }
            @SuppressWarnings("unchecked")
            List<String> effectLabels = (List<String>) browser.js("return Chart.getChart('gangmoedeEffect').data.labels");
            assertThat(effectLabels).anyMatch(l -> l.startsWith(component + " – Brugerfejl"));
            portal.assertAccessible("overblik");
            browser.screenshot("dashboard");
        }
    }
}
