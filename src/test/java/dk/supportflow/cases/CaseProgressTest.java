package dk.supportflow.cases;

import static dk.supportflow.cases.SupportCaseProcess.Tasks;
import static dk.supportflow.cases.SupportCaseProcess.Vars;
import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.minsupport.MinSupportAnswers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The case row follows its process: error class, MinSupport case, waiting on MinSupport. */
@SupportflowTest
class CaseProgressTest {

    @Autowired
    CaseScenario scenario;
    @Autowired
    SupportCaseRepository rows;
    @Autowired
    CaseProgress progress;
    @Autowired
    MinSupportAnswers answers;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theRowFollowsTheCaseToMinSupportAndBack() {
        String number = "MS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var opened = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke – rækken følger sagen");
        assertThat(row(opened.caseNumber()).getErrorClass()).isNull();

        scenario.escalate(opened.processInstanceId(), number, "medium", "fejlsag", false);
        SupportCase escalated = row(opened.caseNumber());
        assertThat(escalated.getErrorClass()).isEqualTo("technicalError");
        assertThat(escalated.getMinSupportCaseNumber()).isEqualTo(number);
        assertThat(escalated.isAwaitingMinSupport()).isTrue();
        assertThat(progress.openCasesWithMinSupport()).extracting(SupportCase::getCaseNumber).contains(opened.caseNumber());

        answers.receive(number, "Rettet i version 24.4.", null);
        assertThat(row(opened.caseNumber()).isAwaitingMinSupport()).isFalse();
        scenario.complete(opened.processInstanceId(), Tasks.FORWARD_ANSWER, "support1", Map.of(Vars.ANSWER, "Rettet i 24.4."));
        assertThat(row(opened.caseNumber()).getMinSupportCaseNumber()).as("kept after the answer").isEqualTo(number);
    }

    @Test
    void onlyTheTaskThatDecidesAValueWritesItOnTheRow() {
        var opened = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke – kun den rette opgave");
        scenario.complete(opened.processInstanceId(), Tasks.ANALYSE_ERROR, "support1",
                CaseScenario.analysis("needMoreInfo", "processError", "Hvilken dato står der?"));
        scenario.executeJob(opened.processInstanceId(), SupportCaseProcess.Elements.TASK_MAIL_QUESTION);
        // the reporter sends variables of the same names along with their answer (engine REST allows any)
        scenario.complete(opened.processInstanceId(), Tasks.PROVIDE_MORE_INFO, "superbruger1", Map.of(
                Vars.ADDITIONAL_INFO, "Datoen for i går", Vars.ERROR_CLASS, "userError", Vars.MINSUPPORT_CASE_NUMBER, "MS-FALSK"));

        SupportCase row = row(opened.caseNumber());
        assertThat(row.getErrorClass()).isEqualTo("processError");
        assertThat(row.getMinSupportCaseNumber()).isNull();
        progress.refreshOpenCases();
        assertThat(row(opened.caseNumber()).getErrorClass()).as("nor at start-up").isEqualTo("processError");
        assertThat(row(opened.caseNumber()).getMinSupportCaseNumber()).isNull();
    }

    @Test
    void aRowThatMissedItsStepsIsBroughtInStepAtStartUp() {
        String number = "MS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var opened = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke – rækken bag efter");
        scenario.escalate(opened.processInstanceId(), number, "lav", "fejlsag", false);
        // a case that was running before the row followed its process
        jdbc.update("update support_case set error_class = null, minsupport_case_number = null, awaiting_minsupport = false "
                + "where case_number = ?", opened.caseNumber());

        progress.refreshOpenCases();
        SupportCase refreshed = row(opened.caseNumber());
        assertThat(refreshed.getErrorClass()).isEqualTo("technicalError");
        assertThat(refreshed.getMinSupportCaseNumber()).isEqualTo(number);
        assertThat(refreshed.isAwaitingMinSupport()).isTrue();
        assertThat(progress.refreshOpenCases()).as("nothing left to do").isZero();
    }

    private SupportCase row(String caseNumber) {
        return rows.findByCaseNumber(caseNumber).orElseThrow();
    }
}
