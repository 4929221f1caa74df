package dk.supportflow.cases;

import static dk.supportflow.process.SupportCaseProcess.Tasks;
import static dk.supportflow.process.SupportCaseProcess.Vars;
import static org.assertj.core.api.Assertions.assertThat;

import db.migration.V18__Error_class_from_history;
import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.minsupport.MinSupportAnswers;
import dk.supportflow.process.SupportCaseProcess;
import java.sql.Connection;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The case row follows its process: stage, error class, MinSupport case and criticality, waiting on MinSupport. */
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
    @Autowired
    DataSource dataSource;

    @Test
    void theRowFollowsTheCaseToMinSupportAndBack() {
        String number = "MS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var opened = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke – rækken følger sagen");
        assertThat(row(opened.caseNumber()).getErrorClass()).isNull();
        assertThat(row(opened.caseNumber()).getStage()).isEqualTo(CaseStage.ANALYSIS);

        scenario.escalate(opened.processInstanceId(), number, "medium", "fejlsag", false);
        SupportCase escalated = row(opened.caseNumber());
        assertThat(escalated.getErrorClass()).isEqualTo("technicalError");
        assertThat(escalated.getMinSupportCaseNumber()).isEqualTo(number);
        assertThat(escalated.getCriticality()).isEqualTo("medium");
        assertThat(escalated.getStage()).isEqualTo(CaseStage.MINSUPPORT);
        assertThat(escalated.isAwaitingMinSupport()).isTrue();
        assertThat(escalated.getAwaitingSince()).isNotNull();
        assertThat(progress.openCasesWithMinSupport()).extracting(SupportCase::getCaseNumber).contains(opened.caseNumber());

        answers.receive(number, "Rettet i version 24.4.", null);
        assertThat(row(opened.caseNumber()).isAwaitingMinSupport()).isFalse();
        assertThat(row(opened.caseNumber()).getAwaitingSince()).isNull();
        scenario.complete(opened.processInstanceId(), Tasks.FORWARD_ANSWER, "support1", Map.of(Vars.ANSWER, "Rettet i 24.4."));
        assertThat(row(opened.caseNumber()).getMinSupportCaseNumber()).as("kept after the answer").isEqualTo(number);
        // the answer mail waits in a job: the case is in knowledge sharing as soon as the flow reaches it
        assertThat(row(opened.caseNumber()).getStage()).isEqualTo(CaseStage.KNOWLEDGE_SHARING);
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
        jdbc.update("update support_case set error_class = null, minsupport_case_number = null, awaiting_minsupport = false, "
                + "awaiting_since = null, stage = null, criticality = null where case_number = ?", opened.caseNumber());

        progress.refreshOpenCases();
        SupportCase refreshed = row(opened.caseNumber());
        assertThat(refreshed.getErrorClass()).isEqualTo("technicalError");
        assertThat(refreshed.getMinSupportCaseNumber()).isEqualTo(number);
        assertThat(refreshed.getCriticality()).isEqualTo("lav");
        assertThat(refreshed.getStage()).isEqualTo(CaseStage.MINSUPPORT);
        assertThat(refreshed.isAwaitingMinSupport()).isTrue();
        assertThat(refreshed.getAwaitingSince()).as("when the wait began, from history").isNotNull();
        assertThat(progress.refreshOpenCases()).as("nothing left to do").isZero();
    }

    @Test
    void closedRowsFromBeforeTheErrorClassWasKeptGetItFromHistory() throws Exception {
        String caseNumber = scenario.solveAndClose("Opgaven \"Beregn tillæg\" afsluttes ikke – lukket før V16", "Beregning",
                "processError", "Vælg den rigtige ydelse.");
        jdbc.update("update support_case set error_class = null where case_number = ?", caseNumber);

        try (Connection connection = dataSource.getConnection()) {
            new V18__Error_class_from_history().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
        }

        assertThat(row(caseNumber).getErrorClass()).isEqualTo("processError");
        assertThat(row(caseNumber).getStage()).isEqualTo(CaseStage.CLOSED);
    }

    private SupportCase row(String caseNumber) {
        return rows.findByCaseNumber(caseNumber).orElseThrow();
    }
}
