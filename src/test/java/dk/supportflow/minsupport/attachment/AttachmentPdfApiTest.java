package dk.supportflow.minsupport.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.cases.SupportCaseService;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Attachments as PDF for MinSupport through the API: screenshots converted, PDFs as they are, Word refused. */
@SupportflowTest
@Tag(SupportflowTest.REQUESTS_ONLY)
class AttachmentPdfApiTest {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    CaseScenario scenario;
    @Autowired
    AttachmentRepository attachments;
    @Autowired
    AttachmentCipher cipher;
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

    <T> ResponseEntity<T> get(String user, String path, Class<T> type) {
        return AttachmentRequests.get(rest, user, path, type);
    }

    String pdfUrl(ResponseEntity<Map> created) {
        return "/api/cases/" + caseNumber + "/attachments/" + created.getBody().get("id") + "/pdf";
    }

    @Test
    void aPngScreenshotIsOfferedAndDownloadedAsAOnePagePdf() throws IOException {
        ResponseEntity<Map> created = upload("superbruger1", "skaermbillede.png", "image/png", SampleFiles.png());
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("pdfUrl", pdfUrl(created));
        ResponseEntity<List> listed = get("support1", "/api/cases/" + caseNumber + "/attachments", List.class);
        assertThat((Map<String, Object>) listed.getBody().get(0)).containsEntry("pdfUrl", pdfUrl(created));

        for (String reader : List.of("superbruger1", "support2", "admin")) {
            ResponseEntity<byte[]> pdf = get(reader, pdfUrl(created), byte[].class);

            assertThat(pdf.getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
            HttpHeaders headers = pdf.getHeaders();
            assertThat(headers.getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
            assertThat(headers.getContentLength()).isEqualTo(pdf.getBody().length);
            assertThat(headers.getContentDisposition().isAttachment()).isTrue();
            assertThat(headers.getContentDisposition().getFilename()).isEqualTo("skaermbillede.pdf");
            assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(headers.getFirst("Content-Security-Policy")).isEqualTo("default-src 'none'; sandbox");
            assertThat(headers.getCacheControl()).contains("no-store");
            try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
                assertThat(document.getNumberOfPages()).isEqualTo(1);
                PDImageXObject image = onlyImage(document.getPage(0));
                assertThat(image.getWidth()).isEqualTo(40);
                assertThat(image.getHeight()).isEqualTo(20);
            }
        }
        // the original stays what it was
        assertThat(get("support1", "/api/cases/" + caseNumber + "/attachments/" + created.getBody().get("id"), byte[].class)
                .getBody()).isEqualTo(SampleFiles.png());
    }

    @Test
    void aJpegUploadIsAcceptedAndItsPdfHoldsTheJpegAsItIs() throws IOException {
        byte[] jpeg = SampleFiles.jpeg();
        ResponseEntity<Map> created = upload("superbruger1", "Skærmbillede 12.03.2026.jpeg", "image/jpeg", jpeg);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("type", "image/jpeg").containsEntry("pdfUrl", pdfUrl(created));

        ResponseEntity<byte[]> pdf = get("support1", pdfUrl(created), byte[].class);

        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentDisposition().getFilename()).isEqualTo("Skærmbillede 12.03.2026.pdf");
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            PDImageXObject image = onlyImage(document.getPage(0));
            assertThat(image.getWidth()).isEqualTo(40);
            assertThat(image.getCOSObject().getFilters()).isEqualTo(COSName.DCT_DECODE);
        }
    }

    @Test
    void aPdfIsGivenAsItIsAndAWordDocumentIsRefusedInDanish() {
        ResponseEntity<Map> pdf = upload("superbruger1", "fejlbesked.PDF", "application/pdf", SampleFiles.pdf());
        assertThat(pdf.getBody()).containsEntry("pdfUrl", pdfUrl(pdf));
        ResponseEntity<byte[]> asPdf = get("support1", pdfUrl(pdf), byte[].class);
        assertThat(asPdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(asPdf.getBody()).isEqualTo(SampleFiles.pdf());
        assertThat(asPdf.getHeaders().getContentDisposition().getFilename()).isEqualTo("fejlbesked.pdf");

        ResponseEntity<Map> docx = upload("superbruger1", "Skærmbilleder.docx", DOCX, SampleFiles.docx());
        assertThat(docx.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(docx.getBody()).containsEntry("pdfUrl", null);

        ResponseEntity<Map> refused = get("support1", pdfUrl(docx), Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody()).containsEntry("message", "Bilaget er et Word-dokument (DOCX) og laves ikke om til PDF: "
                + "MinSupport tager Word-dokumenter, som de er. Hent bilaget, som det er, og vedhæft det i MinSupport.");
    }

    @Test
    void onlyThoseWhoMayReadTheCaseGetThePdf() {
        ResponseEntity<Map> created = upload("superbruger1", "skaermbillede.png", "image/png", SampleFiles.png());
        String pdfUrl = pdfUrl(created);

        // the reporter of another case
        ResponseEntity<Map> otherReporter = get("superbruger2", pdfUrl, Map.class);
        assertThat(otherReporter.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) otherReporter.getBody().get("message")).contains("selv har indberettet");
        assertThat(get("sagsbehandler1", pdfUrl, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("drift1", pdfUrl, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(null, pdfUrl, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // found only under its own case
        String otherCase = scenario.open("Brevet \"Afgørelse om boligstøtte\" mangler adressen").caseNumber();
        ResponseEntity<String> wrongCase = get("support1",
                "/api/cases/" + otherCase + "/attachments/" + created.getBody().get("id") + "/pdf", String.class);
        assertThat(wrongCase.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(wrongCase.getBody()).contains("har intet bilag");
    }

    @Test
    void aScreenshotWithTooManyPixelsIsRefusedInDanishAndNotStored() {
        // 8,000 × 6,400 pixels: 51.2 megapixels in a file of a few kilobytes
        byte[] png = SampleFiles.blackAndWhitePng(8_000, 6_400);
        assertThat(png.length).isLessThan(100_000);

        ResponseEntity<Map> refused = upload("superbruger1", "stort.png", "image/png", png);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody()).containsEntry("message", "Skærmbilledet er for stort til at blive lavet om til PDF "
                + "(8.000 × 6.400 pixels). Et billede må højst have 50 megapixels. "
                + "Gem skærmbilledet i en mindre opløsning, eller del det op.");
        ResponseEntity<Map> jpegBomb = upload("superbruger1", "bombe.jpg", "image/jpeg", SampleFiles.jpegClaiming(65_000, 65_000));
        assertThat(jpegBomb.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat((String) jpegBomb.getBody().get("message")).startsWith("Skærmbilledet er for stort");
        assertThat(attachments.countByCaseId(caseId())).isZero();
    }

    @Test
    void aStoredScreenshotWithTooManyPixelsIsNotConverted() {
        // stored before uploads were checked for their pixels
        byte[] bomb = SampleFiles.pngClaiming(100_000, 100_000);
        Attachment stored = attachments.save(new Attachment(caseId(), "bombe.png", FileType.PNG, bomb, "ikke-kontrolleret",
                cipher, "superbruger1", Instant.parse("2026-01-05T09:00:00Z")));

        ResponseEntity<Map> refused = get("support1",
                "/api/cases/" + caseNumber + "/attachments/" + stored.getId() + "/pdf", Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat((String) refused.getBody().get("message"))
                .startsWith("Skærmbilledet er for stort til at blive lavet om til PDF (100.000 × 100.000 pixels).");
    }

    private long caseId() {
        return caseService.find(caseNumber).orElseThrow().getId();
    }

    private static PDImageXObject onlyImage(PDPage page) throws IOException {
        List<PDImageXObject> images = new ArrayList<>();
        for (COSName name : page.getResources().getXObjectNames()) {
            if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                images.add(image);
            }
        }
        assertThat(images).hasSize(1);
        return images.get(0);
    }
}
