package dk.supportflow.cases;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.supportflow.domain.Refused;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The web tier of /api/cases alone (MockMvc, the service mocked): the request is checked before
 * the service is asked, and the domain's refusals come back as HTTP with the Danish message.
 */
// the web layer of /api/cases only: not the platform's filters (security, start-up gate; the full tests
// have them), nor the portal's page advice, nor the upload's error handler of the attachments
@WebMvcTest(controllers = CaseController.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "dk\\.supportflow\\.(platform|portal|minsupport\\.attachment)\\..*"))
@WithMockUser(username = "superbruger1", authorities = "GROUP_superbrugere")
class CaseControllerTest {

    private static final String REPORT = """
            {"title": "Opgaven \\"Beregn tillæg\\" afsluttes ikke", "workingOn": "Boligstøtte til en pensionist",
             "stepsTaken": "Åbnede sagen og valgte Beregn tillæg",
             "expected": "At opgaven blev afsluttet", "actual": "Opgaven står stadig som åben"}""";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    SupportCaseService service;
    @MockitoBean
    TitleCheck titleCheck;

    @Test
    void aReportIsOpenedAndItsAddressGiven() throws Exception {
        when(service.openCase(any(), eq("superbruger1"))).thenReturn(new SupportCaseService.OpenedCase("SUP-2026-000042", "pi-1"));
        when(titleCheck.messages(any())).thenReturn(List.of());

        mvc.perform(post("/api/cases").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(REPORT))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/cases/SUP-2026-000042"))
                .andExpect(jsonPath("$.caseNumber").value("SUP-2026-000042"));
    }

    @Test
    void aReportWithoutATitleIsRefusedInDanishBeforeTheServiceIsAsked() throws Exception {
        mvc.perform(post("/api/cases").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(REPORT.replace("\"title\": \"Opgaven \\\"Beregn tillæg\\\" afsluttes ikke\", ", "")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"))
                .andExpect(jsonPath("$.errors[0].message", containsString("Skriv en titel")));
        verify(service, never()).openCase(any(), any());
    }

    @Test
    void theDomainsRefusalsBecomeTheirHttpStatusWithTheDanishMessage() throws Exception {
        when(service.openCase(any(), any())).thenThrow(Refused.forbidden("Kun de supportberettigede kan registrere en henvendelse for en anden."));
        mvc.perform(post("/api/cases").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(REPORT))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value("Kun de supportberettigede kan registrere en henvendelse for en anden."));

        when(service.view(eq("SUP-2026-999999"), any(), eq(false))).thenThrow(Refused.notFound("Sagen findes ikke."));
        mvc.perform(get("/api/cases/SUP-2026-999999"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("Sagen findes ikke."));

        doThrow(Refused.invalid("channel", "Vælg, hvordan superbrugeren henvendte sig.")).when(service).openCase(any(), any());
        mvc.perform(post("/api/cases").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(REPORT))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("channel"));
    }
}
