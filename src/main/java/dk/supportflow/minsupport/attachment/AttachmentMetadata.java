package dk.supportflow.minsupport.attachment;

import java.time.Instant;

/** An attachment without its content, as the repository reads it; the API's form needs the case number. */
record AttachmentMetadata(Long id, String fileName, String contentType, long size, String sha256, String uploadedBy,
        Instant uploadedAt) {

    AttachmentInfo info(String caseNumber) {
        String pdfUrl = FileType.ofMediaType(contentType).filter(FileType::offeredAsPdf)
                .map(type -> AttachmentController.pdfUrl(caseNumber, id)).orElse(null);
        return new AttachmentInfo(id, fileName, contentType, size, sha256, uploadedBy, uploadedAt, pdfUrl);
    }
}
