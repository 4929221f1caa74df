package dk.supportflow.people;

import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.cases.SupportCaseService;
import dk.supportflow.process.SupportCaseProcess.Tasks;
import dk.supportflow.process.SupportCaseProcess;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
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

/**
 * Each group reads only what its work needs, through the engine REST API too, and nobody but an
 * administrator changes who a person is.
 */
@SupportflowTest
@Tag(SupportflowTest.REQUESTS_ONLY)
class LeastPrivilegeTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    CaseScenario scenario;
    @Autowired
    SupportCaseService cases;
    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    AccessSetup accessSetup;

    @Test
    void theDriftsansvarligeSagsbehandlereAndOtherReportersReadNothingOfASupportCase() {
        var opened = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse");
        String pi = opened.processInstanceId();
        for (String user : new String[] {"drift1", "sagsbehandler1", "superbruger2"}) {
            for (String path : new String[] {
                    "/engine-rest/history/variable-instance?processDefinitionKey=supportCase",
                    "/engine-rest/history/variable-instance?processInstanceId=" + pi,
                    "/engine-rest/variable-instance?processInstanceIdIn=" + pi,
                    "/engine-rest/history/process-instance?processDefinitionKey=supportCase",
                    "/engine-rest/process-instance?processDefinitionKey=supportCase",
                    "/engine-rest/task?processInstanceId=" + pi,
                    "/engine-rest/history/task?processInstanceId=" + pi,
                    "/engine-rest/history/activity-instance?processInstanceId=" + pi}) {
                ResponseEntity<String> answer = get(user, path);
                assertThat(answer.getBody()).as(user + " " + path).isIn("[]", null)
                        .satisfiesAnyOf(b -> assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK),
                                b -> assertThat(answer.getStatusCode().is4xxClientError()).isTrue());
            }
            assertThat(get(user, "/engine-rest/process-instance/" + pi + "/variables").getStatusCode().is4xxClientError())
                    .as(user).isTrue();
        }
        // the supportberettigede still work every case, and the reporter still answers their own questions
        assertThat(get("support1", "/engine-rest/history/variable-instance?processInstanceId=" + pi).getBody())
                .contains("\"title\"");
        scenario.complete(pi, Tasks.ANALYSE_ERROR, "support1",
                CaseScenario.analysis("needMoreInfo", "processError", "Hvilket skærmbillede var åbent?"));
        scenario.executeJob(pi, SupportCaseProcess.Elements.TASK_MAIL_QUESTION);
        String question = scenario.task(pi, Tasks.PROVIDE_MORE_INFO).getId();
        assertThat(get("superbruger1", "/engine-rest/task/" + question + "/variables").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(get("superbruger2", "/engine-rest/task/" + question + "/variables").getStatusCode().is4xxClientError())
                .isTrue();
    }

    @Test
    void theDriftsansvarligeStillSeeTheirOwnProcessesInCockpit() {
        assertThat(get("drift1", "/engine-rest/process-definition?key=driftssideWatch").getBody()).contains("driftssideWatch");
        assertThat(get("drift1", "/engine-rest/process-definition?key=gangmoede").getBody()).contains("gangmoede");
        assertThat(get("drift1", "/engine-rest/process-definition?key=supportCase").getBody()).isEqualTo("[]");
    }

    @Test
    void nobodyButAnAdministratorChangesANameOrAnAddress() {
        for (String email : new String[] {"", "support1@kommune.example"}) {
            ResponseEntity<String> answer = send("sagsbehandler1", HttpMethod.PUT, "/engine-rest/user/sagsbehandler1/profile",
                    """
                    {"id": "sagsbehandler1", "firstName": "Sara", "lastName": "Sagsbehandler", "email": "%s"}""".formatted(email));
            assertThat(answer.getStatusCode()).as(email).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(send("sagsbehandler1", HttpMethod.DELETE, "/engine-rest/user/sagsbehandler1", null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(identityService.createUserQuery().userId("sagsbehandler1").singleResult().getEmail())
                .isEqualTo("sagsbehandler1@kommune.example");
        assertThat(send("sagsbehandler1", HttpMethod.PUT, "/engine-rest/group/supportberettigede/members/sagsbehandler1",
                null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        // a password is still one's own to change
        assertThat(send("sagsbehandler2", HttpMethod.PUT, "/engine-rest/user/sagsbehandler2/credentials",
                "{\"password\": \"demo\", \"authenticatedUserPassword\": \"demo\"}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        // and the administrator edits profiles
        assertThat(send("admin", HttpMethod.PUT, "/engine-rest/user/sagsbehandler2/profile", """
                {"id": "sagsbehandler2", "firstName": "Simon", "lastName": "Sagsbehandler",
                 "email": "sagsbehandler2@kommune.example"}""").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void aGrantOfAnEarlierVersionIsTakenAwayAtTheNextStart() {
        scenario.open("Brevet \"Afgørelse om tillæg\" mangler adressen");
        Authorization stale = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        stale.setGroupId(Groups.DRIFTSANSVARLIGE);
        stale.setResource(Resources.PROCESS_DEFINITION);
        stale.setResourceId("supportCase");
        stale.addPermission(Permissions.READ_HISTORY);
        authorizationService.saveAuthorization(stale);
        assertThat(get("drift1", "/engine-rest/history/variable-instance?processDefinitionKey=supportCase").getBody())
                .isNotEqualTo("[]");

        accessSetup.run(null);

        assertThat(authorizationService.createAuthorizationQuery().authorizationId(stale.getId()).count()).isZero();
        assertThat(get("drift1", "/engine-rest/history/variable-instance?processDefinitionKey=supportCase").getBody())
                .isEqualTo("[]");
    }

    private ResponseEntity<String> get(String user, String path) {
        return send(user, HttpMethod.GET, path, null);
    }

    private ResponseEntity<String> send(String user, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        if (json != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return rest.exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }
}
