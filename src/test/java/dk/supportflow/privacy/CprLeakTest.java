package dk.supportflow.privacy;

import static dk.supportflow.CaseScenario.analysis;
import static dk.supportflow.process.SupportCaseProcess.Elements;
import static dk.supportflow.process.SupportCaseProcess.Tasks;
import static dk.supportflow.process.SupportCaseProcess.Vars;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.TestSmtpServer;
import dk.supportflow.cases.SupportCaseService;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A whole case with a CPR number, including people typing the number into free texts, then a
 * search for it everywhere: every column of every table (Camunda's runtime and history tables
 * included), the log output and every mail. It may only exist encrypted.
 */
@SupportflowTest
@ExtendWith(OutputCaptureExtension.class)
class CprLeakTest {

    /** The number with or without its hyphen. */
    static final Pattern CPR = Pattern.compile("150372-?4711");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtpServer.SETUP);

    @Autowired
    CaseScenario scenario;
    @Autowired
    SupportCaseService cases;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theCprNumberIsNowhereButEncrypted(CapturedOutput output) throws Exception {
        var opened = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke for borger 150372-4711");
        String pi = opened.processInstanceId();
        scenario.complete(pi, Tasks.ANALYSE_ERROR, "support1",
                analysis("needMoreInfo", "processError", "Gælder det kun 1503724711, eller flere borgere?"));
        scenario.executeJob(pi, Elements.TASK_MAIL_QUESTION);
        scenario.complete(pi, Tasks.PROVIDE_MORE_INFO, "superbruger1",
                Map.of(Vars.ADDITIONAL_INFO, "Kun 150372-4711 så vidt jeg ved"));
        cases.addInformation(opened.caseNumber(), "CPR-hændelse 150372-4711", "Ny adresse for 150372-4711",
                "superbruger1", false);
        scenario.executeJob(pi, Elements.TASK_REGISTER_CASE_INFORMATION);
        scenario.complete(pi, Tasks.ANALYSE_ERROR, "support1",
                analysis("solvedLocally", "userError", "Borger 150372-4711 skal have ydelsen bevilget som helbredstillæg."));
        scenario.executeJob(pi, Elements.TASK_MAIL_ANSWER);
        scenario.complete(pi, Tasks.PLAN_KNOWLEDGE_SHARING, "support1",
                Map.of(Vars.SHARE_WITH_CASEWORKERS, true, Vars.SHARE_MESSAGE, "Se sagen om 150372-4711"));
        scenario.executeJob(pi, Elements.TASK_MAIL_CASEWORKERS);
        scenario.closeCase(pi);
        scenario.dispatchMails();
        assertThat(smtp.waitForIncomingEmail(10_000, 5)).isTrue();

        assertThat(databaseCellsContainingCpr()).isEmpty();
        assertThat(CPR.matcher(output.getAll()).find()).as("CPR in the log output").isFalse();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            String text = mail.getSubject() + "\n" + mail.getContent() + "\n" + GreenMailUtil.getWholeMessage(mail);
            assertThat(CPR.matcher(text).find()).as("CPR in mail '%s'", mail.getSubject()).isFalse();
        }
        // the masked form is what people see
        assertThat(cases.view(opened.caseNumber(), "support1", true).cpr()).isEqualTo("150372-xxxx");
        assertThat(cases.view(opened.caseNumber(), "support1", true).title()).endsWith("for borger 150372-xxxx");
    }

    /** Every cell of every table that holds the number in clear text, as "TABLE.COLUMN". */
    private List<String> databaseCellsContainingCpr() {
        List<String> hits = new ArrayList<>();
        // H2 names the schema and tables in upper case, PostgreSQL in lower case
        List<String> tables = jdbc.queryForList(
                "select table_name from information_schema.tables where upper(table_schema) = 'PUBLIC' and table_type = 'BASE TABLE'",
                String.class);
        assertThat(tables).map(table -> table.toUpperCase(Locale.ROOT))
                .contains("SUPPORT_CASE", "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_RU_VARIABLE", "OUTBOX_MAIL");
        for (String table : tables) {
            jdbc.query("select * from \"" + table + "\"", (ResultSet rs) -> {
                ResultSetMetaData meta = rs.getMetaData();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    Object value = rs.getObject(column);
                    String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                            : value instanceof java.sql.Blob blob ? new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8)
                            : value instanceof java.sql.Clob clob ? clob.getSubString(1, (int) clob.length())
                            : String.valueOf(value);
                    if (CPR.matcher(text).find()) {
                        hits.add(table + "." + meta.getColumnName(column));
                    }
                }
            });
        }
        return hits;
    }
}
