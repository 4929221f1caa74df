package dk.supportflow.knowledge;

import static dk.supportflow.process.SupportCaseProcess.Elements;
import static dk.supportflow.process.SupportCaseProcess.Tasks;
import static dk.supportflow.process.SupportCaseProcess.Vars;
import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.Api;
import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.cases.CaseReport;
import dk.supportflow.cases.SupportCaseService;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/** GET /api/knowledge, known errors, articles and suggestions on analyseError, through the running application. */
@SupportflowTest
class KnowledgeApiTest {

    @Autowired
    CaseScenario scenario;
    @Autowired
    SupportCaseService cases;
    @Autowired
    SolvedCases solvedCases;
    @Autowired
    KnowledgeSearch knowledgeSearch;
    @Autowired
    TaskService taskService;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    TestRestTemplate rest;

    private Api api() {
        return new Api(rest);
    }

    /** A case about a made-up component word, so hits from other tests' cases do not interfere. */
    private SupportCaseService.OpenedCase open(String title, String actual, String component) {
        CaseReport base = CaseScenario.report(title);
        return cases.openCase(new CaseReport(title, base.workingOn(), base.stepsTaken(), base.expected(), actual, null,
                null, component, CaseScenario.CPR, null, null, false, null, null, null, null, null, null), "superbruger1");
    }

    private void solveAndClose(String pi, String answer) {
        scenario.complete(pi, Tasks.ANALYSE_ERROR, "support1", CaseScenario.analysis("solvedLocally", "userError", answer));
        scenario.executeJob(pi, Elements.TASK_MAIL_ANSWER);
        scenario.complete(pi, Tasks.PLAN_KNOWLEDGE_SHARING, "support1", Map.of(Vars.SHARE_WITH_CASEWORKERS, false));
        scenario.executeJob(pi, Elements.TASK_CLOSE_CASE);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> search(String user, String query) {
        ResponseEntity<List> response = api().getList(user, "/api/knowledge?" + query);
        assertThat(response.getStatusCode()).as("search %s", query).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    @Test
    void aClosedCaseIsFoundByInflectedWordsWithTheAnswerHighlightedAndNoCpr() {
        var opened = open("Zylofonberegningen afsluttes ikke", "Zylofonberegninger bliver stående for borger "
                + CaseScenario.CPR, "Zylofon");
        solveAndClose(opened.processInstanceId(),
                "Genstart zylofonberegningen for borger " + CaseScenario.CPR + " fra trinnet Beregning.");

        List<Map<String, Object>> hits = search("superbruger2", "q=zylofonberegning afsluttes&component=Zylofon");
        assertThat(hits).hasSize(1);
        Map<String, Object> hit = hits.get(0);
        assertThat(hit).containsEntry("kind", "case").containsEntry("caseNumber", opened.caseNumber())
                .containsEntry("errorClass", "userError").containsEntry("component", "Zylofon").containsKey("date");
        assertThat((String) hit.get("excerpt")).contains("<mark>zylofonberegningen</mark>");
        // the solved case keeps a masked CPR number (150372-xxxx); the index not even its birth date
        assertThat(hit.toString()).doesNotContain(CaseScenario.CPR).doesNotContain("150372").doesNotContain("answer=")
                .contains("(CPR-nummer)");
        // the CPR number was masked before it was stored, so it was never indexed
        assertThat(search("support1", "q=150372 4711&limit=50")).extracting(h -> h.get("id")).doesNotContain(opened.caseNumber());
        assertThat(solvedCases.find(opened.caseNumber()).orElseThrow().getAnswer()).doesNotContain(CaseScenario.CPR);
        // a component filter that does not match
        assertThat(search("admin", "q=zylofonberegning&component=Breve")).isEmpty();
    }

    @Test
    void aRolledBackCloseLeavesNoHit() {
        var opened = open("Xenotrafik fejler ved afslutning", "Xenotrafikken stopper", "Xenotrafik");
        transactions.executeWithoutResult(status -> {
            cases.close(opened.caseNumber(), "userError", "solvedLocally", "Xenotrafikken genstartes", null);
            status.setRollbackOnly();
        });
        assertThat(solvedCases.find(opened.caseNumber())).isEmpty();
        assertThat(search("support1", "q=xenotrafik")).isEmpty();
    }

    @Test
    void absurdQueriesAreRefusedInDanish() {
        for (String query : List.of("q=", "q=   ", "q=og på ikke det", "q=!!!???", "q=" + "a".repeat(501),
                "q=beregning&limit=0", "q=beregning&limit=500")) {
            ResponseEntity<Map> response = api().get("support1", "/api/knowledge?" + query);
            assertThat(response.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat((String) response.getBody().get("message")).as(query)
                    .containsAnyOf("Skriv", "småord", "højst", "tegn", "mellem");
        }
        assertThat(api().get("support1", "/api/knowledge").getBody().get("message")).asString().startsWith("Skriv, hvad du søger");
        assertThat(api().getText("sagsbehandler1", "/api/knowledge?q=beregning").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api().getText(null, "/api/knowledge?q=beregning").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void knownErrorsAreSuggestedFirstOnAnalyseErrorAndRankAboveCasesUntilRetired() {
        var earlier = open("Quorbitallægget beregnes forkert", "Quorbitallægget bliver nul", "Quorbit");
        solveAndClose(earlier.processInstanceId(), "Registrér quorbitudgifterne igen og genberegn quorbitallægget.");

        assertThat(api().post("support1", "/api/knowledge/known-errors", """
                {"symptom": "Quorbit", "workaround": "Vent", "sourceLink": "javascript:alert(1)"}""")
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api().post("superbruger1", "/api/knowledge/known-errors", """
                {"symptom": "Quorbit", "workaround": "Vent"}""").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> created = api().post("drift1", "/api/knowledge/known-errors", """
                {"symptom": "Quorbittillæg beregnes forkert efter release 25.1", "component": "Quorbit",
                 "workaround": "Beregn quorbittillægget manuelt indtil release 25.2.",
                 "sourceLink": "https://drift.example/kendte-fejl/25-1"}""");
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Object id = created.getBody().get("id");

        List<Map<String, Object>> hits = search("support1", "q=quorbittillaegget beregnes forkert&component=Quorbit");
        assertThat(hits).extracting(h -> h.get("kind")).containsExactly("knownError", "case");
        assertThat(hits.get(0)).containsEntry("sourceLink", "https://drift.example/kendte-fejl/25-1");
        assertThat(api().getList("support2", "/api/knowledge/known-errors").getBody()).extracting(k -> ((Map<?, ?>) k).get("id")).contains(id);

        // a new case like it: the analyseError form shows the known error first, then the solved case
        var now = open("Quorbittillæget er beregnet forkert", "Tillægget beregnes til nul kroner", "Quorbit");
        var task = scenario.task(now.processInstanceId(), Tasks.ANALYSE_ERROR);
        String knownErrors = (String) taskService.getVariable(task.getId(), Vars.KNOWN_ERROR_SUGGESTIONS);
        String others = (String) taskService.getVariable(task.getId(), Vars.KNOWLEDGE_SUGGESTIONS);
        assertThat(knownErrors).startsWith("• Quorbittillæg beregnes forkert efter release 25.1 (Quorbit)")
                .contains("Midlertidig løsning: Beregn quorbittillægget manuelt").contains("https://drift.example/kendte-fejl/25-1");
        assertThat(others).contains("Sag " + earlier.caseNumber()).contains("Registrér quorbitudgifterne").doesNotContain("150372");

        assertThat(api().post("support1", "/api/knowledge/known-errors/" + id + "/retire", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(search("support1", "q=quorbittillæg beregnes forkert&component=Quorbit")).extracting(h -> h.get("kind")).containsExactly("case");
        assertThat(api().getList("support2", "/api/knowledge/known-errors").getBody()).extracting(k -> ((Map<?, ?>) k).get("id")).doesNotContain(id);
    }

    @Test
    void anArticleFromASolvedCaseRanksAboveTheCaseUntilRetired() {
        var solved = open("Wumpelbrevet mangler underskrift", "Wumpelbrevet dannes uden underskrift", "Wumpel");
        solveAndClose(solved.processInstanceId(), "Vælg underskriver i trinnet Wumpelbrev og dan brevet igen.");
        var open = open("Wumpelbrevet er forkert", "Noget andet", "Wumpel");

        String article = """
                {"caseNumber": "%s", "title": "Sådan får wumpelbreve en underskrift", "symptom": "Wumpelbrevet dannes uden underskrift",
                 "cause": "Der er ikke valgt underskriver", "solution": "Vælg underskriver i trinnet Wumpelbrev, og dan brevet igen."}""";
        assertThat(api().post("superbruger1", "/api/knowledge/articles", article.formatted(solved.caseNumber())).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api().post("support1", "/api/knowledge/articles", article.formatted(open.caseNumber())).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<Map> created = api().post("support1", "/api/knowledge/articles", article.formatted(solved.caseNumber()));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("component", "Wumpel").containsEntry("errorClass", "userError");
        String id = String.valueOf(created.getBody().get("id"));

        List<Map<String, Object>> hits = search("superbruger1", "q=wumpelbreve underskrift&component=Wumpel");
        assertThat(hits).extracting(h -> h.get("kind")).containsExactly("article", "case");
        assertThat(hits.get(0)).containsEntry("id", id);
        assertThat(hits.get(1)).containsEntry("caseNumber", solved.caseNumber());

        assertThat(api().post("support2", "/api/knowledge/articles/" + id + "/retire", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(search("superbruger1", "q=wumpelbreve underskrift&component=Wumpel")).extracting(h -> h.get("kind")).containsExactly("case");
        assertThat(api().get("support1", "/api/knowledge/articles/" + id).getBody()).containsKey("retiredAt");
    }

    @Test
    void anAdministratorRebuildsTheIndexFromTheDatabase() {
        var opened = open("Yttriumkørslen stopper", "Yttriumkørslen stopper midt i natten", "Yttrium");
        solveAndClose(opened.processInstanceId(), "Start yttriumkørslen igen om morgenen.");
        assertThat(api().post("support1", "/api/knowledge/index/rebuild", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> rebuilt = api().post("admin", "/api/knowledge/index/rebuild", null);
        assertThat(rebuilt.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Integer) rebuilt.getBody().get("entries")).isEqualTo(knowledgeSearch.index().size());
        assertThat(search("support1", "q=yttriumkørsel")).extracting(h -> h.get("caseNumber")).containsExactly(opened.caseNumber());
    }
}
