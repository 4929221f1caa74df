package dk.supportflow.minsupport.attachment;

import dk.supportflow.cases.CaseController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/cases/{caseNumber}/attachments")
@Tag(name = "Bilag", description = "Skærmbilleder og dokumenter til MinSupport (PDF, PNG, JPEG, DOCX)")
public class AttachmentController {

    private final Attachments attachments;

    public AttachmentController(Attachments attachments) {
        this.attachments = attachments;
    }

    /** No {@code consumes}: a request that is not multipart reaches the method and gets the Danish 415 (AttachmentErrors). */
    @PostMapping
    @Operation(summary = "Vedhæft en fil (multipart, feltet file): PDF, PNG, JPEG eller DOCX, kontrolleret på indholdet")
    public ResponseEntity<AttachmentInfo> upload(@PathVariable String caseNumber, @RequestParam("file") MultipartFile file,
            Authentication user) throws IOException {
        boolean supportStaff = CaseController.isSupportStaff(user);
        attachments.checkBeforeReading(caseNumber, file.getSize(), user.getName(), supportStaff);
        AttachmentInfo saved = attachments.attach(caseNumber,
                new Attachments.Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes()),
                user.getName(), supportStaff);
        return ResponseEntity.created(URI.create(url(caseNumber, saved.id()))).body(saved);
    }

    @GetMapping
    @Operation(summary = "Sagens bilag (uden indhold)")
    public List<AttachmentInfo> list(@PathVariable String caseNumber, Authentication user) {
        return attachments.list(caseNumber, user.getName(), CaseController.isSupportStaff(user));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Hent et bilag (som download)")
    public ResponseEntity<byte[]> download(@PathVariable String caseNumber, @PathVariable long id, Authentication user) {
        return asDownload(attachments.download(caseNumber, id, user.getName(), CaseController.isSupportStaff(user)));
    }

    @GetMapping("/{id}/pdf")
    @Operation(summary = "Hent et bilag som PDF til MinSupport (som download): en PDF, som den er, et PNG- eller "
            + "JPEG-skærmbillede lavet om til PDF; et Word-dokument sendes, som det er (409)")
    public ResponseEntity<byte[]> pdf(@PathVariable String caseNumber, @PathVariable long id, Authentication user) {
        Attachments.Download file = attachments.download(caseNumber, id, user.getName(), CaseController.isSupportStaff(user));
        return asDownload(attachments.asPdf(file));
    }

    static String url(String caseNumber, long id) {
        return "/api/cases/" + caseNumber + "/attachments/" + id;
    }

    /** Where the attachment is offered as PDF (AttachmentInfo.pdfUrl). */
    static String pdfUrl(String caseNumber, long id) {
        return url(caseNumber, id) + "/pdf";
    }

    /** A file as a download that a browser never runs, nor keeps in a shared cache (the portal's links too). */
    public static ResponseEntity<byte[]> asDownload(Attachments.Download file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                // opened by mistake in the browser, the file may not run anything
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(file.content());
    }
}
