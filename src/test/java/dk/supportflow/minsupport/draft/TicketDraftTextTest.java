package dk.supportflow.minsupport.draft;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The text form of the draft and the form that shows it: no Spring, no database. */
class TicketDraftTextTest {

    static TicketDraft draft(String longText, String ticketType, String cpr, boolean inClear, String note) {
        return new TicketDraft("SUP-2026-000042", ticketType, ticketType == null ? null : "Supportsag", null,
                "Opgaven \"Beregn tillæg\" afsluttes ikke", "Beregn tillæg", "medium", "Medium", "medium", "Medium", null,
                new TicketDraft.User("support1", "Sanne Support", "support1@kommune.example", null),
                cpr, inClear, note, null, "BT-12", "OP-991", false, null, "processError", "Procesfejl", longText,
                new TicketDraft.Description("Arbejdede med: " + longText, "Forventet " + longText, "Nej, kun denne sag.", true),
                List.of(new TicketDraft.Attachment(1L, "skaermbillede.png", "image/png", "PNG", 2048,
                        "/api/cases/SUP-2026-000042/attachments/1/pdf")),
                ticketType == null ? List.of("Sagstype") : List.of("Supporttype"));
    }

    @Test
    void theTextHasTheLabelledFieldsAndTheThreeParts() {
        String text = TicketDraftText.render(draft("Pop-up: procesfejl", null, null, false, null));

        assertThat(text).isEqualTo("""
                Udkast til MinSupport – sag SUP-2026-000042
                Kopiér felterne ind i MinSupport. Det, der står i [klammer], skal du selv vælge eller udfylde.
                Mangler endnu: Sagstype.

                Sagstype: [vælg: Fejlsag, Supportsag eller Ændringsønske]
                Titel: Opgaven "Beregn tillæg" afsluttes ikke
                Komponent: Beregn tillæg
                Kritikalitet: Medium
                Brugerens navn: Sanne Support
                Brugerens e-mail: support1@kommune.example
                Brugerens telefon: [dit telefonnummer]
                CPR-nummer: (ikke oplyst)
                Sags-ID: (ikke oplyst)
                Opgave-ID: OP-991
                Opgavens brugervendte nøgle: BT-12

                Beskrivelse

                1. Hvilken handling førte til fejlen?
                Arbejdede med: Pop-up: procesfejl

                2. Hvad forventede du?
                Forventet Pop-up: procesfejl

                3. Opleves fejlen på andre sager?
                Nej, kun denne sag.

                Information på sagen
                Sags-ID: (ikke oplyst)
                Opgave-ID: OP-991
                Opgavens brugervendte nøgle: BT-12

                Teknisk fejltekst:
                Pop-up: procesfejl

                Fejltype ifølge kommunens analyse: Procesfejl

                Bilag:
                - skaermbillede.png (PNG, 2 kB) – vedhæftes som PDF
                MinSupport tager skærmbilleder som PDF: hent PDF'en af et PNG- eller JPEG-billede under sagens bilag i \
                Supportflow, og vedhæft den i stedet for billedet.
                """);
    }

    @Test
    void theSuggestedCriticalityIsNamedUntilOneIsChosen() {
        TicketDraft chosen = draft("x", null, null, false, null);
        TicketDraft open = new TicketDraft(chosen.caseNumber(), null, null, null, chosen.title(), chosen.component(), null,
                null, "hoej", "Høj", null, chosen.user(), null, false, null, null, null, null, false, null, null, null, null,
                chosen.description(), List.of(), List.of("Kritikalitet"));
        assertThat(TicketDraftText.render(open))
                .contains("Kritikalitet: [vælg ærligt: Kritisk, Høj, Medium eller Lav – foreslået ud fra analysen: Høj]\n");
    }

    @Test
    void aSupportsagAsksForItsSupportTypeAndTheCprLineSaysWhereItIs() {
        String text = TicketDraftText.render(draft("x", "supportsag", null, false, MinSupportDrafts.CPR_IN_SUPPORTFLOW));
        assertThat(text).contains("Sagstype: Supportsag\nSupporttype: [udfyld supporttypen]\n")
                .contains("CPR-nummer: se udkastet i Supportflow (vises kun for den tildelte)\n");
        assertThat(TicketDraftText.render(draft("x", null, "150372-xxxx", false, "Vises kun for support2.")))
                .contains("CPR-nummer: 150372-xxxx [Vises kun for support2.]\n");
        assertThat(TicketDraftText.render(draft("x", null, "150372-4711", true, null))).contains("CPR-nummer: 150372-4711\n");
    }

    @Test
    void forAProcessVariableTheFreeTextsAreShortenedButEveryFieldStays() {
        String longText = "Lang tekst. ".repeat(400);
        TicketDraft draft = draft(longText, null, null, false, MinSupportDrafts.CPR_IN_SUPPORTFLOW);
        assertThat(TicketDraftText.render(draft).length()).isGreaterThan(MinSupportDrafts.MAX_VARIABLE_LENGTH);

        String text = TicketDraftText.renderWithin(draft, MinSupportDrafts.MAX_VARIABLE_LENGTH);

        assertThat(text.length()).isLessThanOrEqualTo(MinSupportDrafts.MAX_VARIABLE_LENGTH);
        assertThat(text).contains("Titel: ", "Komponent: ", "CPR-nummer: se udkastet", "1. Hvilken handling førte til fejlen?",
                "2. Hvad forventede du?", "3. Opleves fejlen på andre sager?", "Teknisk fejltekst:", "- skaermbillede.png")
                .contains("[forkortet – se hele udkastet i Supportflow]");
    }

    @Test
    void imagesAreNamedToBeAttachedAsPdfAndTheTextHasNoApiPaths() {
        TicketDraft one = draft("x", null, null, false, null);
        String docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        List<TicketDraft.Attachment> files = List.of(
                new TicketDraft.Attachment(1L, "fejl.pdf", "application/pdf", "PDF", 1024, "/api/cases/SUP-2026-000042/attachments/1/pdf"),
                new TicketDraft.Attachment(2L, "foto.jpg", "image/jpeg", "JPEG", 4096, "/api/cases/SUP-2026-000042/attachments/2/pdf"),
                new TicketDraft.Attachment(3L, "trin.docx", docx, "Word (DOCX)", 2048, null),
                new TicketDraft.Attachment(4L, "dialog.png", "image/png", "PNG", 300, "/api/cases/SUP-2026-000042/attachments/4/pdf"));

        String text = TicketDraftText.render(withAttachments(one, files));

        assertThat(text).endsWith("""
                Bilag:
                - fejl.pdf (PDF, 1 kB)
                - foto.jpg (JPEG, 4 kB) – vedhæftes som PDF
                - trin.docx (Word (DOCX), 2 kB)
                - dialog.png (PNG, 300 bytes) – vedhæftes som PDF
                """ + TicketDraftText.IMAGES_AS_PDF + "\n");
        assertThat(text).doesNotContain("/api/");
        assertThat(TicketDraftText.render(withAttachments(one, List.of(files.get(0))))).endsWith("- fejl.pdf (PDF, 1 kB)\n");
        assertThat(TicketDraftText.render(withAttachments(one, List.of())))
                .endsWith("Bilag:\n(ingen – vedhæft skærmbilleder som PDF, PNG, JPEG eller Word på sagen i Supportflow)\n");
    }

    static TicketDraft withAttachments(TicketDraft d, List<TicketDraft.Attachment> files) {
        return new TicketDraft(d.caseNumber(), d.ticketType(), d.ticketTypeName(), d.supportType(), d.title(), d.component(),
                d.criticality(), d.criticalityName(), d.suggestedCriticality(), d.suggestedCriticalityName(),
                d.criticalityJustification(), d.user(), d.cpr(), d.cprInClear(), d.cprNote(), d.kpCaseId(), d.kpTaskKey(),
                d.kpTaskId(), d.paymentBlocked(), d.availableDate(), d.errorClass(), d.errorClassName(), d.technicalErrorText(),
                d.description(), files, d.missing());
    }

    @Test
    void stepsOnSeveralLinesAreNumbered() {
        assertThat(TicketDraftBuilder.stepByStep("Åbnede sagen\n\n  Trykkede Beregn  \nGodkendte"))
                .isEqualTo("1. Åbnede sagen\n2. Trykkede Beregn\n3. Godkendte");
        assertThat(TicketDraftBuilder.stepByStep("1. Åbnede sagen\n2. Trykkede Beregn")).isEqualTo("1. Åbnede sagen\n2. Trykkede Beregn");
        assertThat(TicketDraftBuilder.stepByStep("- Åbnede\n- Beregnede")).isEqualTo("- Åbnede\n- Beregnede");
        assertThat(TicketDraftBuilder.stepByStep(" Åbnede sagen og trykkede Beregn ")).isEqualTo("Åbnede sagen og trykkede Beregn");
    }

    @Test
    void acceptDecidesBetweenTextAndJson() {
        assertThat(MinSupportDraftController.wantsText(null, "text/plain")).isTrue();
        assertThat(MinSupportDraftController.wantsText(null, "text/*")).isTrue();
        assertThat(MinSupportDraftController.wantsText(null, "application/json;q=0.5, text/plain")).isTrue();
        assertThat(MinSupportDraftController.wantsText(null, "text/plain;q=0.5, application/json")).isFalse();
        assertThat(MinSupportDraftController.wantsText(null, "*/*")).isFalse();
        assertThat(MinSupportDraftController.wantsText(null, null)).isFalse();
        assertThat(MinSupportDraftController.wantsText(null, "this is not a media type")).isFalse();
        assertThat(MinSupportDraftController.wantsText("text", "application/json")).isTrue();
        assertThat(MinSupportDraftController.wantsText("json", "text/plain")).isFalse();
    }

    @Test
    void theReportFormShowsTheDraftReadOnlyAndLinksToTheFullOne() throws Exception {
        JsonNode form = new ObjectMapper().readTree(Files.readString(Path.of("processes/forms/reportToMinSupport.form")));
        JsonNode html = StreamSupport.stream(form.get("components").spliterator(), false)
                .filter(c -> "Html_minSupportDraft".equals(c.path("id").asText())).findFirst().orElseThrow();

        assertThat(html.get("type").asText()).isEqualTo("html");
        assertThat(html.has("key")).as("display only, submits nothing").isFalse();
        assertThat(html.get("content").asText())
                .contains("<pre style=\"white-space:pre-wrap\">{{minSupportDraft}}</pre>")
                .contains("href=\"/portal/sager/{{caseNumber}}#udkast\"");
    }
}
