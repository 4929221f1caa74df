package dk.supportflow.minsupport.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.cases.SupportCaseService;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Attachments are encrypted at rest; files stored in plain before migration V11 stay readable and get encrypted. */
@SupportflowTest
class AttachmentEncryptionTest {

    /** IV (12 bytes) and authentication tag (16 bytes) around the encrypted content. */
    static final int OVERHEAD = 28;

    @Autowired
    TestRestTemplate rest;
    @Autowired
    CaseScenario scenario;
    @Autowired
    SupportCaseService caseService;
    @Autowired
    Attachments attachments;
    @Autowired
    PlaintextAttachments plaintextAttachments;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theTableHoldsNotTheFileButTheDownloadIsExactlyTheFile() {
        String caseNumber = scenario.open("Brevet \"Afgørelse om tillæg\" viser forkert beløb").caseNumber();
        byte[] pdf = SampleFiles.pdf();
        long id = attachments.attach(caseNumber, new Attachments.Upload("brev.pdf", "application/pdf", pdf),
                "superbruger1", false).id();
        long again = attachments.attach(caseNumber, new Attachments.Upload("brev.pdf", "application/pdf", pdf),
                "superbruger1", false).id();

        Map<String, Object> row = row(id);
        byte[] stored = (byte[]) row.get("content");
        assertThat(row.get("content_key_version")).isEqualTo("v1");
        assertThat(stored).hasSize(pdf.length + OVERHEAD).isNotEqualTo(pdf);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("%PDF").doesNotContain("Catalog");
        // a random IV: the same file twice is stored differently
        assertThat((byte[]) row(again).get("content")).isNotEqualTo(stored);
        assertThat(download(caseNumber, id)).isEqualTo(pdf);
        // another key cannot read it
        AttachmentCipher otherKey = new AttachmentCipher("bm90LXRoZS1kZXYtYXR0YWNobWVudC1rZXktMzJieXQ=");
        assertThatThrownBy(() -> otherKey.decrypt(stored, "v1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFileStoredInPlainBeforeV11IsReadableAndEndsEncrypted() {
        String caseNumber = scenario.open("Skærmbillede fra før krypteringen").caseNumber();
        byte[] png = SampleFiles.png();
        long caseId = caseService.find(caseNumber).orElseThrow().getId();
        jdbc.update("""
                insert into case_attachment (case_id, file_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
                values (?, 'gammel.png', 'image/png', ?, 'ikke-kontrolleret', ?, 'superbruger1', ?)""",
                caseId, png.length, png, Timestamp.from(Instant.parse("2026-01-05T09:00:00Z")));
        long id = jdbc.queryForObject("select max(id) from case_attachment where case_id = ?", Long.class, caseId);
        assertThat(row(id).get("content_key_version")).isNull();
        assertThat(download(caseNumber, id)).as("plain, before the start-up pass").isEqualTo(png);

        // what the next start does
        assertThat(plaintextAttachments.encryptAll()).isPositive();

        byte[] stored = (byte[]) row(id).get("content");
        assertThat(row(id).get("content_key_version")).isEqualTo("v1");
        assertThat(stored).hasSize(png.length + OVERHEAD).isNotEqualTo(png);
        assertThat(download(caseNumber, id)).isEqualTo(png);
        // a second start (or another node) leaves it alone: never encrypted twice
        plaintextAttachments.encryptAll();
        assertThat((byte[]) row(id).get("content")).isEqualTo(stored);
        assertThat(download(caseNumber, id)).isEqualTo(png);
    }

    private Map<String, Object> row(long id) {
        return jdbc.queryForMap("select content, content_key_version from case_attachment where id = ?", id);
    }

    private byte[] download(String caseNumber, long id) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("support1", "demo");
        ResponseEntity<byte[]> response = rest.exchange("/api/cases/" + caseNumber + "/attachments/" + id, HttpMethod.GET,
                new HttpEntity<>(headers), byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}
