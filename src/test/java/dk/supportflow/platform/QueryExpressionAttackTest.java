package dk.supportflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.supportflow.SupportflowTest;
import dk.supportflow.WebappSession;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every way we know to make the engine evaluate an expression in a query, as the least privileged
 * user who can send a query (a sagsbehandler), and where it matters as the administrator. Each
 * attack calls {@link ExpressionProbe}; the probe is never touched.
 */
@SupportflowTest
@Tag(SupportflowTest.REQUESTS_ONLY)
class QueryExpressionAttackTest {

    private static final String PROBE = "${expressionProbe.touch()}";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ExpressionProbe probe;
    @Autowired
    TaskService taskService;
    @Autowired
    FilterService filterService;
    @Autowired
    ProcessEngineConfigurationImpl engineConfiguration;
    @Autowired
    JdbcTemplate jdbc;

    private int callsBefore;
    private Filter cleanFilter;

    @BeforeEach
    void remember() {
        callsBefore = probe.calls();
        cleanFilter = filterService.saveFilter(filterService.newTaskFilter("Rent filter")
                .setQuery(taskService.createTaskQuery().taskAssignee("sagsbehandler1")));
    }

    @AfterEach
    void probeUntouched() {
        filterService.deleteFilter(cleanFilter.getId());
        assertThat(probe.calls()).as("expressions evaluated").isEqualTo(callsBefore);
    }

    @Test
    void theProbeWouldShowAnEvaluation() {
        engineConfiguration.getCommandExecutorTxRequired().execute(context -> Context.getProcessEngineConfiguration()
                .getExpressionManager().createExpression(PROBE).getValue(null));
        assertThat(probe.calls()).isEqualTo(callsBefore + 1);
        callsBefore = probe.calls();
    }

    @Test
    void taskQueriesWithExpressionsAreRefusedOnEveryEngineRestPath() {
        String or = "{\"orQueries\":[{\"assigneeExpression\":\"" + PROBE + "\"}]}";
        String top = "{\"assigneeExpression\":\"" + PROBE + "\"}";
        String escaped = "{\"orQueries\":[{\"assigneeExpression\":\"\\u0024{expressionProbe.touch()}\"}]}";
        for (String base : List.of("/engine-rest", "/engine-rest/engine/default")) {
            for (String path : List.of("/task", "/task/count")) {
                for (String body : List.of(or, top, escaped)) {
                    assertRefused(post("sagsbehandler1", base + path, body, StandardCharsets.UTF_8), base + path + " " + body);
                }
                assertRefused(post("sagsbehandler1", base + path, or, StandardCharsets.UTF_16), base + path + " UTF-16");
                assertRefused(get("sagsbehandler1", base + path + "?assigneeExpression=" + PROBE), base + path + " GET");
            }
        }
    }

    @Test
    void filtersCannotBeSavedWithExpressionsEvenByTheAdministrator() {
        for (String query : List.of("{\"assigneeExpression\":\"" + PROBE + "\"}",
                "{\"orQueries\":[{\"assigneeExpression\":\"" + PROBE + "\"}]}")) {
            String filter = "{\"resourceType\":\"Task\",\"name\":\"Med udtryk\",\"query\":" + query + "}";
            assertRefused(post("admin", "/engine-rest/filter/create", filter, StandardCharsets.UTF_8), "create " + query);
            assertRefused(put("admin", "/engine-rest/filter/" + cleanFilter.getId(), filter), "update " + query);
        }
        assertThat(filterService.createFilterQuery().filterName("Med udtryk").count()).isZero();
        assertThat(filterService.getFilter(cleanFilter.getId()).getName()).isEqualTo("Rent filter");
    }

    @Test
    void filtersCannotBeRunWithAnExtendingQueryThatCarriesAnExpression() {
        String filter = "/engine-rest/filter/" + cleanFilter.getId();
        String or = "{\"orQueries\":[{\"assigneeExpression\":\"" + PROBE + "\"}]}";
        for (String action : List.of("/list", "/count", "/singleResult")) {
            assertRefused(post("admin", filter + action, or, StandardCharsets.UTF_8), "POST " + action);
            assertRefused(get("admin", filter + action + "?assigneeExpression=" + PROBE), "GET " + action);
        }
        // the engine itself, without the REST layer
        assertThatThrownBy(() -> filterService.list(cleanFilter.getId(),
                taskService.createTaskQuery().or().taskAssigneeExpression(PROBE).endOr()))
                .isInstanceOf(UserInputRefused.class);
    }

    @Test
    void aFilterStoredWithAnExpressionDoesNotRun() {
        jdbc.update("update ACT_RU_FILTER set QUERY_ = ? where ID_ = ?",
                "{\"orQueries\":[{\"taskAssigneeExpression\":\"" + PROBE + "\"}]}", cleanFilter.getId());
        assertRefused(get("admin", "/engine-rest/filter/" + cleanFilter.getId() + "/list"), "stored filter");
        assertThatThrownBy(() -> filterService.count(cleanFilter.getId())).isInstanceOf(UserInputRefused.class);
    }

    @Test
    void theEngineRefusesExpressionsInOrQueriesWhoeverAsks() {
        assertThatThrownBy(() -> taskService.createTaskQuery().or().taskAssigneeExpression(PROBE).endOr().list())
                .isInstanceOf(UserInputRefused.class);
        assertThatThrownBy(() -> taskService.createTaskQuery().or().taskCandidateUserExpression(PROBE).endOr().count())
                .isInstanceOf(UserInputRefused.class);
        assertThatThrownBy(() -> filterService.saveFilter(filterService.newTaskFilter("Med udtryk")
                .setQuery(taskService.createTaskQuery().or().taskAssigneeExpression(PROBE).endOr())))
                .isInstanceOf(UserInputRefused.class);
    }

    @Test
    void tasklistsOwnApiRefusesThemToo() {
        WebappSession tasklist = WebappSession.login(rest, "sagsbehandler1", "tasklist");
        assertThat(tasklist.loginStatus()).isEqualTo(HttpStatus.OK);
        String or = "{\"orQueries\":[{\"assigneeExpression\":\"" + PROBE + "\"}]}";
        assertRefused(tasklist.exchange(HttpMethod.POST, "/camunda/api/engine/engine/default/task", or), "webapp task");
        assertRefused(tasklist.exchange(HttpMethod.POST, "/camunda/api/engine/engine/default/task/count", or),
                "webapp count");
        assertRefused(tasklist.exchange(HttpMethod.POST,
                "/camunda/api/engine/engine/default/filter/" + cleanFilter.getId() + "/list", or), "webapp filter");
    }

    private static void assertRefused(ResponseEntity<String> answer, String what) {
        assertThat(answer.getStatusCode().value()).as(what).isIn(HttpStatus.BAD_REQUEST.value(), HttpStatus.FORBIDDEN.value());
    }

    private ResponseEntity<String> post(String user, String path, String json, java.nio.charset.Charset charset) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        headers.setContentType(new MediaType(MediaType.APPLICATION_JSON, charset));
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(json.getBytes(charset), headers), String.class);
    }

    private ResponseEntity<String> put(String user, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, HttpMethod.PUT, new HttpEntity<>(json, headers), String.class);
    }

    private ResponseEntity<String> get(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        // the expression URL-encoded, as a browser or curl sends it
        String[] parts = path.split("\\?", 2);
        String uri = parts.length == 1 ? path : parts[0] + "?" + parts[1].replace(PROBE,
                java.net.URLEncoder.encode(PROBE, StandardCharsets.UTF_8));
        return rest.exchange(java.net.URI.create(uri), HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
