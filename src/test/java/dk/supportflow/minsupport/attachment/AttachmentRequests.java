package dk.supportflow.minsupport.attachment;

import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Uploads and downloads of a case's attachments as a person would send them (HTTP Basic, password demo). */
final class AttachmentRequests {

    private AttachmentRequests() {
    }

    /** A multipart upload of one file; {@code declaredType} null sends no Content-Type for the part. */
    static ResponseEntity<Map> upload(TestRestTemplate rest, String user, String caseNumber, String name, String declaredType,
            byte[] content) {
        HttpHeaders part = new HttpHeaders();
        part.setContentDisposition(ContentDisposition.formData().name("file").filename(name).build());
        if (declaredType != null) {
            part.setContentType(MediaType.parseMediaType(declaredType));
        }
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new HttpEntity<>(content, part));
        return post(rest, user, caseNumber, body);
    }

    static ResponseEntity<Map> post(TestRestTemplate rest, String user, String caseNumber, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        headers.setBasicAuth(user, "demo");
        return rest.exchange("/api/cases/" + caseNumber + "/attachments", HttpMethod.POST, new HttpEntity<>(body, headers),
                Map.class);
    }

    static <T> ResponseEntity<T> get(TestRestTemplate rest, String user, String path, Class<T> type) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, "demo");
        }
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), type);
    }
}
