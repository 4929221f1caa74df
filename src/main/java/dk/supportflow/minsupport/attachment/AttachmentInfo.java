package dk.supportflow.minsupport.attachment;

import java.time.Instant;

/** An attachment as the API lists it: everything but the content. */
public record AttachmentInfo(Long id, String name, String type, long size, String sha256, String uploadedBy,
        Instant uploadedAt) {

    /** The Danish name of the type, for the MinSupport draft ("PNG", "JPEG", "PDF", "Word (DOCX)"). */
    public String typeName() {
        return FileType.ofMediaType(type).map(FileType::danishName).orElse(type);
    }
}
