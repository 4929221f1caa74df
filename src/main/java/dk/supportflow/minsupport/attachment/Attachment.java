package dk.supportflow.minsupport.attachment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A file attached to a case for MinSupport (a screenshot as PDF, PNG, JPEG or DOCX), kept in the
 * database with its checksum. Never a process variable.
 */
@Entity
@Table(name = "case_attachment")
class Attachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    /** The original name, sanitised (see {@link FileNames}). */
    @Column(name = "file_name", nullable = false)
    private String fileName;

    /** Detected from the content, never the one the client declared. */
    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    /** SHA-256 of the content, hex. */
    @Column(nullable = false)
    private String sha256;

    /** Encrypted (see {@link AttachmentCipher}), or plain from before migration V11 when the key version is null. */
    @Column(nullable = false)
    private byte[] content;

    @Column(name = "content_key_version")
    private String contentKeyVersion;

    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected Attachment() {
    }

    Attachment(Long caseId, String fileName, FileType type, byte[] content, String sha256, AttachmentCipher cipher,
            String uploadedBy, Instant uploadedAt) {
        this.caseId = caseId;
        this.fileName = fileName;
        this.contentType = type.mediaType();
        this.size = content.length;
        this.sha256 = sha256;
        this.content = cipher.encrypt(content);
        this.contentKeyVersion = AttachmentCipher.KEY_VERSION;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    Long getId() {
        return id;
    }

    Long getCaseId() {
        return caseId;
    }

    String getFileName() {
        return fileName;
    }

    String getContentType() {
        return contentType;
    }

    /** The file as uploaded. */
    byte[] content(AttachmentCipher cipher) {
        return cipher.decrypt(content, contentKeyVersion);
    }

    AttachmentInfo info(String caseNumber) {
        return new AttachmentMetadata(id, fileName, contentType, size, sha256, uploadedBy, uploadedAt).info(caseNumber);
    }
}
