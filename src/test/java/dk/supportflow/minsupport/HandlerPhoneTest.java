package dk.supportflow.minsupport;

import static dk.supportflow.process.SupportCaseProcess.Tasks;
import static dk.supportflow.process.SupportCaseProcess.Vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.people.PeopleDirectory;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** MinSupport needs the reporting user's phone: asked once on prepareMinSupportReport, then kept in the profile. */
@SupportflowTest
@Tag(SupportflowTest.REQUESTS_ONLY)
class HandlerPhoneTest {

    @Autowired
    CaseScenario scenario;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    IdentityService identityService;
    @Autowired
    PeopleDirectory people;

    @AfterEach
    void forgetThePhone() {
        identityService.deleteUserInfo("support2", PeopleDirectory.PHONE);
    }

    @Test
    void thePhoneIsAskedForOnceAndKeptInTheProfile() {
        String first = escalatedBySupport2("Opgaven \"Beregn tillæg\" afsluttes ikke – telefon 1");
        assertThat(scenario.formShows(first, Tasks.PREPARE_MINSUPPORT_REPORT, Vars.HANDLER_PHONE_MISSING)).isEqualTo(true);

        Map<String, Object> ticket = ticket();
        ticket.put(Vars.HANDLER_PHONE, "tlf. ring mig op");
        assertThatThrownBy(() -> scenario.complete(first, Tasks.PREPARE_MINSUPPORT_REPORT, "support2", ticket))
                .hasMessageContaining("Skriv dit telefonnummer med cifre");
        assertThat(people.phoneOf("support2")).isEmpty();

        ticket.put(Vars.HANDLER_PHONE, " +45 12 34 56 78 ");
        scenario.complete(first, Tasks.PREPARE_MINSUPPORT_REPORT, "support2", ticket);
        assertThat(people.phoneOf("support2")).contains("+45 12 34 56 78");
        assertThat((String) scenario.formShows(first, Tasks.REPORT_TO_MINSUPPORT, Vars.MINSUPPORT_DRAFT))
                .contains("Brugerens telefon: +45 12 34 56 78");
        assertThat(runtimeService.getVariables(first)).doesNotContainKeys(Vars.HANDLER_PHONE, Vars.HANDLER_PHONE_MISSING);

        String second = escalatedBySupport2("Opgaven \"Beregn tillæg\" afsluttes ikke – telefon 2");
        assertThat(scenario.formShows(second, Tasks.PREPARE_MINSUPPORT_REPORT, Vars.HANDLER_PHONE_MISSING)).isEqualTo(false);
    }

    private String escalatedBySupport2(String title) {
        String pi = scenario.open(title).processInstanceId();
        scenario.complete(pi, Tasks.ANALYSE_ERROR, "support2", CaseScenario.analysis("escalate", "technicalError", null));
        // its job makes prepareMinSupportReport, whose create listener looks at the profile
        scenario.task(pi, Tasks.PREPARE_MINSUPPORT_REPORT);
        return pi;
    }

    private static Map<String, Object> ticket() {
        Map<String, Object> ticket = new HashMap<>();
        ticket.put(Vars.EXISTING_MINSUPPORT_CASE, false);
        ticket.put(Vars.TICKET_TYPE, "fejlsag");
        ticket.put(Vars.TICKET_TITLE, "Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse");
        ticket.put(Vars.CRITICALITY, "lav");
        ticket.put(Vars.OTHER_CASES_AFFECTED, "Kun denne sag.");
        return ticket;
    }
}
