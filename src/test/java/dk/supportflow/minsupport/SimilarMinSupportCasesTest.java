package dk.supportflow.minsupport;

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
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The existing-case check before a new MinSupport ticket. */
@SupportflowTest
class SimilarMinSupportCasesTest {

    @Autowired
    CaseScenario scenario;
    @Autowired
    SupportCaseService cases;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    MinSupportAnswers minSupportAnswers;
    @Autowired
    SimilarMinSupportCases similarCases;
    @Autowired
    OpenMinSupportCases openCases;

    private SupportCaseService.OpenedCase open(String title, String component, String actual) {
        CaseReport base = CaseScenario.report(title);
        return cases.openCase(new CaseReport(title, base.workingOn(), base.stepsTaken(), base.expected(),
                actual, null, null, component, null, null, null, false, null, null, null, null, null, null),
                "superbruger2");
    }

    private void escalateAndReport(String pi, String minSupportNumber) {
        scenario.complete(pi, Tasks.ANALYSE_ERROR, "support1", CaseScenario.analysis("escalate", "processError", null));
        scenario.reportToMinSupport(pi, "support1", Map.of(Vars.MINSUPPORT_CASE_NUMBER, minSupportNumber,
                Vars.TICKET_TYPE, "fejlsag", Vars.CRITICALITY, "lav",
                Vars.TICKET_TITLE, "Adresse fra CPR vises forkert i brevet Afgørelse om boligstøtte"));
    }

    @Test
    void theAnalystSeesTheOpenMinSupportCaseThatLooksTheSameAndFollowingItBringsTheAnswer() {
        var earlier = open("Adresse fra CPR vises forkert i brevet Afgørelse om boligstøtte", "Breve",
                "Brevet dannes med en gammel adresse");
        escalateAndReport(earlier.processInstanceId(), "MS-SIM-1");
        var unrelated = open("Integration til eIndkomst svarer ikke om natten", "eIndkomst",
                "Hentning af indkomst fejler med timeout");
        escalateAndReport(unrelated.processInstanceId(), "MS-SIM-2");

        var now = open("Brevet Afgørelse om boligstøtte viser forkert adresse fra CPR", "Breve",
                "Borgerens gamle adresse står i brevet");
        scenario.complete(now.processInstanceId(), Tasks.ANALYSE_ERROR, "support2",
                CaseScenario.analysis("escalate", "processError", null));
        String shown = (String) scenario.formShows(now.processInstanceId(), Tasks.PREPARE_MINSUPPORT_REPORT,
                Vars.SIMILAR_MINSUPPORT_CASES);
        assertThat(shown).startsWith("MS-SIM-1 – " + earlier.caseNumber() + " (åben)").doesNotContain("MS-SIM-2");
        // shown on the form only: not the case's data, so neither a process variable nor history
        assertThat(runtimeService.getVariables(now.processInstanceId())).doesNotContainKey(Vars.SIMILAR_MINSUPPORT_CASES);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(now.processInstanceId())
                .variableName(Vars.SIMILAR_MINSUPPORT_CASES).count()).isZero();

        ResponseEntity<List> api = new Api(rest).getList("support2", "/api/minsupport/similar-cases?caseNumber=" + now.caseNumber());
        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(((Map<?, ?>) api.getBody().get(0)).get("minSupportCaseNumber")).isEqualTo("MS-SIM-1");
        assertThat(new Api(rest).getText("superbruger2", "/api/minsupport/similar-cases?caseNumber=" + now.caseNumber())
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        // following the existing case: its answer reaches both
        scenario.reportToMinSupport(now.processInstanceId(), "support2", Map.of(
                Vars.EXISTING_MINSUPPORT_CASE, true, Vars.MINSUPPORT_CASE_NUMBER, "MS-SIM-1", Vars.TICKET_TYPE, "fejlsag",
                Vars.CRITICALITY, "lav", Vars.TICKET_TITLE, "Adresse fra CPR vises forkert i brevet Afgørelse om boligstøtte"));
        assertThat(runtimeService.getVariable(now.processInstanceId(), Vars.EXISTING_MINSUPPORT_CASE)).isEqualTo(true);
        assertThat(minSupportAnswers.receive("MS-SIM-1", "Rettet i release 24.4", null)).containsExactlyInAnyOrder(earlier.caseNumber(), now.caseNumber());
    }

    @Test
    void theStandingIndexOfOpenCasesFollowsTheRows() {
        var reported = open("Pensionsattest for udlandspensionist dannes uden stempel", "Attester",
                "Attesten mangler kommunens stempel nederst");
        escalateAndReport(reported.processInstanceId(), "MS-SIM-20");
        String title = "Attest for pensionist i udlandet dannes uden kommunens stempel";
        String description = "Stemplet nederst på attesten mangler";

        assertThat(similarCases.find("SUP-OTHER", title, description, "Attester", "processError"))
                .anyMatch(m -> m.caseNumber().equals(reported.caseNumber()) && m.open());
        int indexed = openCases.size();

        // the case is closed: the next check finds it no longer open, and the index lets it go
        cases.close(reported.caseNumber(), "processError", "escalate", "Rettet i 25.3", "MS-SIM-20");
        assertThat(similarCases.find("SUP-OTHER", title, description, "Attester", "processError"))
                .noneMatch(m -> m.caseNumber().equals(reported.caseNumber()) && m.open());
        assertThat(openCases.size()).isLessThan(indexed);
    }

    @Test
    void closedCasesWithAMinSupportNumberAreFoundThroughTheKnowledgeSearchAfterTheOpenOnes() {
        var closed = open("Boligydelsen til samlevende pensionister beregnes for lavt", "Samlevertillægget", 
                "Beregningen af boligydelse medtager ikke samleverens pension");
        cases.close(closed.caseNumber(), "processError", "escalate", "Rettet af leverandøren i release 25.2", "MS-SIM-9");
        var withoutNumber = open("Boligydelsen til samlevende pensionister beregnes forkert", "Samlevertillægget",
                "Samleverens pension kommer ikke med i beregningen");
        cases.close(withoutNumber.caseNumber(), "userError", "solvedLocally", "Registrér samleveren", null);

        // other words, inflected, a synonym (boligstøtte = boligydelse) and a typo
        var now = open("Boligstøtten for samlevende beregnes forkert", "Samlevertillægget",
                "Samleverns pension er ikke med i beregningerne");
        List<SimilarMinSupportCases.Match> matches = similarCases.find(now.caseNumber(), "Boligstøtten for samlevende beregnes forkert",
                "Samleverns pension er ikke med i beregningerne", "Samlevertillægget", "processError");
        assertThat(matches).extracting(SimilarMinSupportCases.Match::caseNumber).contains(closed.caseNumber())
                .doesNotContain(withoutNumber.caseNumber(), now.caseNumber());
        SimilarMinSupportCases.Match match = matches.stream().filter(m -> m.caseNumber().equals(closed.caseNumber())).findFirst().orElseThrow();
        assertThat(match.open()).isFalse();
        assertThat(match.minSupportCaseNumber()).isEqualTo("MS-SIM-9");
        // open MinSupport cases (if any look alike) come before closed ones
        assertThat(matches.stream().dropWhile(SimilarMinSupportCases.Match::open)).noneMatch(SimilarMinSupportCases.Match::open);
    }
}
