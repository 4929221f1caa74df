package dk.supportflow.minsupport.attachment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AttachmentRepository extends JpaRepository<Attachment, Long> {

    /** The case's attachments without their content. */
    @Query("""
            select new dk.supportflow.minsupport.attachment.AttachmentMetadata(a.id, a.fileName, a.contentType, a.size,
                a.sha256, a.uploadedBy, a.uploadedAt)
            from Attachment a where a.caseId = :caseId order by a.uploadedAt, a.id""")
    List<AttachmentMetadata> listOfCase(@Param("caseId") Long caseId);

    long countByCaseId(Long caseId);

    Optional<Attachment> findByIdAndCaseId(Long id, Long caseId);

    /** Rows stored in plain before migration V11. */
    @Query("select a.id from Attachment a where a.contentKeyVersion is null order by a.id")
    List<Long> plaintextIds();

    @Query("select a.content from Attachment a where a.id = :id and a.contentKeyVersion is null")
    Optional<byte[]> plaintextContent(@Param("id") Long id);

    /** Replaces plain content by its encrypted form; 0 if another node did it first. */
    @Modifying
    @Query("""
            update Attachment a set a.content = :content, a.contentKeyVersion = :keyVersion
            where a.id = :id and a.contentKeyVersion is null""")
    int replacePlaintext(@Param("id") Long id, @Param("content") byte[] content, @Param("keyVersion") String keyVersion);

    @Modifying
    @Query("delete from Attachment a where a.caseId = :caseId")
    int deleteByCaseId(@Param("caseId") Long caseId);
}
