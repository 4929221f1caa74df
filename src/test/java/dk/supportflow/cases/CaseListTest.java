package dk.supportflow.cases;

import static dk.supportflow.CaseScenario.analysis;
import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.process.SupportCaseProcess.Elements;
import dk.supportflow.process.SupportCaseProcess.Tasks;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 17: the case list's filters on the case rows and on whom a running case waits. */
@SupportflowTest
class CaseListTest {

    @Autowired
    CaseList caseList;
    @Autowired
    CaseScenario scenario;

    /** In every title: the list shows this test's cases only, whatever else the shared database holds. */
    final String marker = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void casesAreFoundByWhomTheyWaitOnTheirStageCriticalityAndText() {
        SupportCaseService.OpenedCase atVendor = scenario.open("Hos leverandøren " + marker);
        scenario.escalate(atVendor.processInstanceId(), "MS-" + marker, "hoej", "fejlsag", false);
        SupportCaseService.OpenedCase atReporter = scenario.open("Spørgsmål til indberetteren " + marker);
        scenario.complete(atReporter.processInstanceId(), Tasks.ANALYSE_ERROR, "support1",
                analysis("needMoreInfo", "processError", "Hvilken brevskabelon brugte du?"));
        scenario.executeJob(atReporter.processInstanceId(), Elements.TASK_MAIL_QUESTION);
        SupportCaseService.OpenedCase inAnalysis = scenario.open("I analyse " + marker);
        String closed = scenario.solveAndClose("Lukket " + marker, "Breve", "userError", "Sådan gør du.");

        assertThat(numbers(filter("open", null, null, null), null))
                .containsExactlyInAnyOrder(atVendor.caseNumber(), atReporter.caseNumber(), inAnalysis.caseNumber());
        assertThat(numbers(filter("", "minsupport", null, null), null)).containsExactly(atVendor.caseNumber());
        assertThat(numbers(filter("", "superbruger", null, null), null)).containsExactly(atReporter.caseNumber());
        assertThat(numbers(filter("", "kommunen", null, null), null)).containsExactly(inAnalysis.caseNumber());
        assertThat(numbers(filter("minSupport", null, null, null), null)).containsExactly(atVendor.caseNumber());
        assertThat(numbers(filter("", null, "hoej", null), null)).containsExactly(atVendor.caseNumber());
        assertThat(numbers(filter("closed", null, null, null), null)).containsExactly(closed);
        assertThat(numbers(filter("", null, null, "Breve"), null)).containsExactly(closed);
        assertThat(numbers(new CaseList.Filter("", "changeRequest", null, null, null, marker, null, 0), null)).isEmpty();
        assertThat(numbers(new CaseList.Filter("open", "error", null, null, null, marker, "aeldste", 0), null))
                .containsExactly(atVendor.caseNumber(), atReporter.caseNumber(), inAnalysis.caseNumber());
        assertThat(numbers(new CaseList.Filter("open", "error", null, null, null, marker, "nyeste", 0), null))
                .containsExactly(inAnalysis.caseNumber(), atReporter.caseNumber(), atVendor.caseNumber());
        // a superbruger's list holds their own cases only
        assertThat(numbers(filter("", null, null, null), "superbruger2")).isEmpty();

        CaseList.Row row = caseList.list(filter("", "minsupport", null, null), null).rows().get(0);
        assertThat(row.waitingOn()).isEqualTo(CaseList.WaitingOn.VENDOR);
        assertThat(row.stage()).isEqualTo(CaseStage.MINSUPPORT);
        CaseList.Row closedRow = caseList.list(filter("closed", null, null, null), null).rows().get(0);
        assertThat(closedRow.waitingOn()).isNull();
        assertThat(closedRow.stage()).isEqualTo(CaseStage.CLOSED);
    }

    private CaseList.Filter filter(String stage, String waitingOn, String criticality, String component) {
        return new CaseList.Filter(stage, null, waitingOn, criticality, component, marker, null, 0);
    }

    private List<String> numbers(CaseList.Filter filter, String reporter) {
        return caseList.list(filter, reporter).rows().stream().map(CaseList.Row::caseNumber).toList();
    }
}
