package dk.supportflow.minsupport.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.cases.SupportCaseService;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Attachments through the API: what is accepted, what is refused (and not stored), who may do what. */
@SupportflowTest
class AttachmentApiTest {

    static final String PDF = "application/pdf";
    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    CaseScenario scenario;
    @Autowired
    AttachmentRepository attachments;
    @Autowired
    AttachmentLimits limits;
    @Autowired
    SupportCaseService caseService;

    String caseNumber;

    @BeforeEach
    void openCase() {
        caseNumber = scenario.open("Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse").caseNumber();
    }

    ResponseEntity<Map> upload(String user, String name, String declaredType, byte[] content) {
        return AttachmentRequests.upload(rest, user, caseNumber, name, declaredType, content);
    }

    ResponseEntity<Map> post(String user, Object body) {
        return AttachmentRequests.post(rest, user, caseNumber, body);
    }

    <T> ResponseEntity<T> get(String user, String path, Class<T> type) {
        return AttachmentRequests.get(rest, user, path, type);
    }

    String message(ResponseEntity<Map> response) {
        return (String) response.getBody().get("message");
    }

    @Test
    void theReporterAttachesAScreenshotAndTheSupportberettigedeDownloadIt() throws Exception {
        byte[] png = SampleFiles.png();
        ResponseEntity<Map> created = upload("superbruger1", "skaermbillede.png", PNG, png);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> body = created.getBody();
        assertThat(body).containsEntry("name", "skaermbillede.png").containsEntry("type", PNG)
                .containsEntry("size", png.length).containsEntry("uploadedBy", "superbruger1")
                .containsEntry("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png)))
                .containsKeys("id", "uploadedAt");
        String location = "/api/cases/" + caseNumber + "/attachments/" + body.get("id");
        assertThat(created.getHeaders().getLocation()).hasPath(location);

        for (String reader : List.of("superbruger1", "support2", "admin")) {
            ResponseEntity<byte[]> download = get(reader, location, byte[].class);
            assertThat(download.getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
            assertThat(download.getBody()).as(reader).isEqualTo(png);
            assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
            assertThat(download.getHeaders().getContentDisposition().isAttachment()).isTrue();
            assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("skaermbillede.png");
            assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        }

        ResponseEntity<List> listed = get("support1", "/api/cases/" + caseNumber + "/attachments", List.class);
        assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(listed.getBody()).hasSize(1);
        assertThat((Map<String, Object>) listed.getBody().get(0)).containsEntry("name", "skaermbillede.png")
                .doesNotContainKey("content");
    }

    @Test
    void pdfAndWordDocumentsAreAcceptedToo() {
        ResponseEntity<Map> pdf = upload("support1", "fejlbesked.pdf", PDF, SampleFiles.pdf());
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(pdf.getBody()).containsEntry("type", PDF);

        ResponseEntity<Map> docx = upload("superbruger1", "Skærmbilleder.docx", DOCX, SampleFiles.docx());
        assertThat(docx.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(docx.getBody()).containsEntry("type", DOCX);

        // the type is the detected one, whatever generic type the browser declared; a missing extension is added
        ResponseEntity<Map> generic = upload("superbruger1", "Skærmbillede 12.03.2026", "application/octet-stream",
                SampleFiles.png());
        assertThat(generic.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(generic.getBody()).containsEntry("type", PNG).containsEntry("name", "Skærmbillede 12.03.2026.png");
        assertThat(attachmentsOfCase()).isEqualTo(3);
    }

    @Test
    void jpegScreenshotsAreAcceptedUnderEitherExtension() {
        byte[] jpeg = SampleFiles.jpeg();
        for (String name : List.of("skaermbillede.jpg", "skaermbillede.JPEG")) {
            ResponseEntity<Map> created = upload("superbruger1", name, JPEG, jpeg);
            assertThat(created.getStatusCode()).as(name).isEqualTo(HttpStatus.CREATED);
            assertThat(created.getBody()).containsEntry("name", name).containsEntry("type", JPEG).containsEntry("size", jpeg.length);
        }
        // the non-standard type some browsers declare, and a name without extension, which gets .jpg
        ResponseEntity<Map> declaredJpg = upload("superbruger1", "Skærmbillede", "image/jpg", jpeg);
        assertThat(declaredJpg.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(declaredJpg.getBody()).containsEntry("name", "Skærmbillede.jpg").containsEntry("type", JPEG);

        ResponseEntity<byte[]> download = get("support1",
                "/api/cases/" + caseNumber + "/attachments/" + declaredJpg.getBody().get("id"), byte[].class);
        assertThat(download.getBody()).isEqualTo(jpeg);
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
        assertThat(attachmentsOfCase()).isEqualTo(3);
    }

    @Test
    void theNameIsSanitisedAndLosesCprNumbers() {
        ResponseEntity<Map> created = upload("superbruger1", "../../borger 150372-4711 <fejl>.pdf", PDF, SampleFiles.pdf());
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("name", "borger 150372-xxxx fejl.pdf");
    }

    @Test
    void mislabelledFilesAreRefusedInDanishAndNotStored() {
        ResponseEntity<Map> exe = upload("superbruger1", "faktura.pdf", PDF, SampleFiles.exe());
        assertThat(exe.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(message(exe)).isEqualTo("Filens indhold er hverken PDF, PNG, JPEG eller Word (DOCX). "
                + "Vedhæft skærmbilleder og dokumenter som PDF, PNG, JPEG eller Word (DOCX).");

        ResponseEntity<Map> pngAsPdf = upload("superbruger1", "skaermbillede.pdf", PDF, SampleFiles.png());
        assertThat(pngAsPdf.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(message(pngAsPdf)).startsWith("Filnavnet passer ikke til indholdet: filen hedder .pdf, men indholdet er PNG.");

        ResponseEntity<Map> declaredPdf = upload("superbruger1", "skaermbillede", PDF, SampleFiles.png());
        assertThat(declaredPdf.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(message(declaredPdf)).isEqualTo("Filen er sendt som application/pdf, men indholdet er PNG. Vælg den rigtige fil.");

        ResponseEntity<Map> pdfAsExe = upload("superbruger1", "program.exe", "application/octet-stream", SampleFiles.pdf());
        assertThat(pdfAsExe.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(message(pdfAsExe)).contains("filen hedder .exe, men indholdet er PDF");

        ResponseEntity<Map> jpegAsPng = upload("superbruger1", "skaermbillede.png", PNG, SampleFiles.jpeg());
        assertThat(jpegAsPng.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(message(jpegAsPng)).startsWith("Filnavnet passer ikke til indholdet: filen hedder .png, men indholdet er JPEG.")
                .endsWith("giv den endelsen .jpg.");

        ResponseEntity<Map> workbook = upload("superbruger1", "regneark.docx", DOCX, SampleFiles.xlsx());
        assertThat(workbook.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);

        ResponseEntity<Map> macros = upload("superbruger1", "dokument.docx", DOCX, SampleFiles.docm());
        assertThat(macros.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(message(macros)).contains("Word-dokument med makroer");

        ResponseEntity<Map> empty = upload("superbruger1", "tom.pdf", PDF, new byte[0]);
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(empty)).startsWith("Filen er tom.");

        assertThat(attachmentsOfCase()).isZero();
    }

    @Test
    void aTooLargeFileIsRefusedWith413AndNotStored() {
        assertThat(limits.maxBytes()).as("the default").isEqualTo(10L * 1024 * 1024);
        byte[] png = SampleFiles.png();
        byte[] big = Arrays.copyOf(png, (int) limits.maxBytes() + 1);

        ResponseEntity<Map> response = upload("superbruger1", "stort.png", PNG, big);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(message(response)).startsWith("Filen er for stor").contains("Et bilag må højst fylde 10 MB.");
        // also when far too large: the answer reaches the client (the rest of the request is read first)
        ResponseEntity<Map> twice = upload("superbruger1", "meget-stort.png", PNG, Arrays.copyOf(png, 2 * (int) limits.maxBytes()));
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(message(twice)).startsWith("Filen er for stor");
        assertThat(attachmentsOfCase()).isZero();
        // exactly at the limit is fine
        assertThat(upload("superbruger1", "stort.png", PNG, Arrays.copyOf(png, (int) limits.maxBytes()))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void withoutAFileOrNotMultipartTheMessageSaysWhatToSend() {
        MultiValueMap<String, Object> noFile = new LinkedMultiValueMap<>();
        noFile.add("text", "hej");
        ResponseEntity<Map> missing = post("superbruger1", noFile);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(missing)).startsWith("Vælg en fil at vedhæfte (feltet 'file').");

        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        json.setBasicAuth("superbruger1", "demo");
        ResponseEntity<Map> notMultipart = rest.exchange("/api/cases/" + caseNumber + "/attachments", HttpMethod.POST,
                new HttpEntity<>("{\"file\": \"x\"}", json), Map.class);
        assertThat(notMultipart.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(message(notMultipart)).startsWith("Send filen som multipart/form-data i feltet 'file'.");
    }

    @Test
    void onlyThoseWhoMayReadTheCaseMayAttachAndFetch() {
        ResponseEntity<Map> created = upload("superbruger1", "skaermbillede.png", PNG, SampleFiles.png());
        String location = "/api/cases/" + caseNumber + "/attachments/" + created.getBody().get("id");

        ResponseEntity<Map> otherSuperbruger = upload("superbruger2", "x.png", PNG, SampleFiles.png());
        assertThat(otherSuperbruger.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(message(otherSuperbruger)).contains("selv har indberettet");
        assertThat(upload("sagsbehandler1", "x.png", PNG, SampleFiles.png()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("superbruger2", location, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("superbruger2", location, String.class).getBody()).doesNotContain("PNG");
        assertThat(get("superbruger2", "/api/cases/" + caseNumber + "/attachments", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("drift1", location, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        HttpHeaders anonymous = new HttpHeaders();
        assertThat(rest.exchange(location, HttpMethod.GET, new HttpEntity<>(anonymous), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(attachmentsOfCase()).isEqualTo(1);
    }

    @Test
    void anAttachmentIsFoundOnlyUnderItsOwnCase() {
        ResponseEntity<Map> created = upload("superbruger1", "skaermbillede.png", PNG, SampleFiles.png());
        String otherCase = scenario.open("Brevet \"Afgørelse om boligstøtte\" mangler adressen").caseNumber();

        ResponseEntity<String> wrongCase = get("support1", "/api/cases/" + otherCase + "/attachments/" + created.getBody().get("id"),
                String.class);
        assertThat(wrongCase.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(wrongCase.getBody()).contains("har intet bilag");
        assertThat(get("support1", "/api/cases/SUP-1999-000001/attachments", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aClosedCaseTakesNoMoreFiles() {
        caseService.close(caseNumber, "userError", "solvedLocally", "Løst", null);
        ResponseEntity<Map> response = upload("superbruger1", "sent.pdf", PDF, SampleFiles.pdf());
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(message(response)).contains("er lukket");
    }

    @Test
    void aCaseTakesAtMostTheConfiguredNumber() {
        for (int i = 0; i < limits.maxPerCase(); i++) {
            assertThat(upload("superbruger1", "side" + i + ".pdf", PDF, SampleFiles.pdf()).getStatusCode())
                    .isEqualTo(HttpStatus.CREATED);
        }
        ResponseEntity<Map> oneMore = upload("superbruger1", "en-til.pdf", PDF, SampleFiles.pdf());
        assertThat(oneMore.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(message(oneMore)).contains("har allerede " + limits.maxPerCase() + " bilag");
        assertThat(attachmentsOfCase()).isEqualTo(limits.maxPerCase());
    }

    private long attachmentsOfCase() {
        return attachments.countByCaseId(caseService.find(caseNumber).orElseThrow().getId());
    }
}
