package dk.supportflow.people;

import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.WebappSession;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** The demo people, their groups, webapp access and Tasklist filters, as the webapps see them. */
@SupportflowTest
@Tag(SupportflowTest.REQUESTS_ONLY)
class AccessSetupTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identityService;
    @Autowired
    CaseScenario scenario;

    @Test
    void demoPeopleExistInTheirGroupsWithMailAddresses() {
        Map<String, String> memberships = Map.of("admin", "camunda-admin", "superbruger1", "superbrugere",
                "superbruger2", "superbrugere", "support1", "supportberettigede", "support2", "supportberettigede",
                "sagsbehandler1", "sagsbehandlere", "sagsbehandler2", "sagsbehandlere", "drift1", "driftsansvarlige");
        memberships.forEach((user, group) -> {
            assertThat(identityService.createUserQuery().userId(user).memberOfGroup(group).singleResult().getEmail())
                    .isEqualTo(user + "@kommune.example");
            assertThat(identityService.checkPassword(user, "demo")).as(user).isTrue();
        });
    }

    @Test
    void everyGroupMayUseTasklistButOnlySupportAndOperationsSeeCockpit() {
        for (String user : List.of("superbruger1", "support1", "sagsbehandler1", "drift1", "admin")) {
            assertThat(webappLogin(user, "tasklist")).as(user + " in Tasklist").isEqualTo(HttpStatus.OK);
        }
        assertThat(webappLogin("support1", "cockpit")).isEqualTo(HttpStatus.OK);
        assertThat(webappLogin("drift1", "cockpit")).isEqualTo(HttpStatus.OK);
        assertThat(webappLogin("sagsbehandler1", "cockpit")).isNotEqualTo(HttpStatus.OK);
        assertThat(webappLogin("superbruger1", "cockpit")).isNotEqualTo(HttpStatus.OK);
        assertThat(webappLogin("support1", "admin")).isNotEqualTo(HttpStatus.OK);
        assertThat(webappLogin("admin", "admin")).isEqualTo(HttpStatus.OK);
    }

    @Test
    void tasklistFiltersShowEachGroupItsOwnTasks() {
        var opened = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse");
        assertThat(filterNames("support1")).contains("Mine opgaver", "Supportsager").doesNotContain("Driftsopgaver");
        assertThat(filterNames("drift1")).contains("Mine opgaver", "Driftsopgaver").doesNotContain("Supportsager");
        assertThat(filterNames("superbruger1")).containsExactly("Mine opgaver");

        List<Map<String, Object>> supportTasks = filterTasks("support1", "Supportsager");
        assertThat(supportTasks).anyMatch(t -> opened.processInstanceId().equals(t.get("processInstanceId"))
                && "analyseError".equals(t.get("taskDefinitionKey")));
        assertThat(filterTasks("superbruger1", "Mine opgaver"))
                .noneMatch(t -> opened.processInstanceId().equals(t.get("processInstanceId")));
    }

    private HttpStatus webappLogin(String user, String app) {
        return WebappSession.login(rest, user, app).loginStatus();
    }

    @SuppressWarnings("unchecked")
    private List<String> filterNames(String user) {
        List<Map<String, Object>> filters = rest.withBasicAuth(user, "demo").getForObject("/engine-rest/filter", List.class);
        return filters.stream().map(f -> (String) f.get("name")).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> filterTasks(String user, String filterName) {
        TestRestTemplate asUser = rest.withBasicAuth(user, "demo");
        List<Map<String, Object>> filters = asUser.getForObject("/engine-rest/filter?name=" + filterName, List.class);
        assertThat(filters).hasSize(1);
        return asUser.getForObject("/engine-rest/filter/" + filters.get(0).get("id") + "/list?maxResults=1000", List.class);
    }
}
