package dk.supportflow.minsupport.attachment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An attachment as the API lists it: everything but the content, and where it can be had as PDF
 * ({@code pdfUrl}: a PDF as it is, a PNG or JPEG converted; null for a Word document, which
 * MinSupport takes as it is). Every field is present in the JSON, null or not.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AttachmentInfo(Long id, String name, String type, long size, String sha256, String uploadedBy,
        Instant uploadedAt, String pdfUrl) {

    /** The Danish name of the type, for the MinSupport draft ("PNG", "JPEG", "PDF", "Word (DOCX)"). */
    public String typeName() {
        return FileType.ofMediaType(type).map(FileType::danishName).orElse(type);
    }
}
