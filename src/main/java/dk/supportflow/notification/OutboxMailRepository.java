package dk.supportflow.notification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OutboxMailRepository extends JpaRepository<OutboxMail, Long> {

    @Query("select m.id from OutboxMail m where m.status = dk.supportflow.notification.OutboxMail.Status.PENDING order by m.id")
    List<Long> findPendingIds();

    /** Takes a pending mail for sending; 0 when another thread or node was first. */
    @Modifying
    @Query("update OutboxMail m set m.status = dk.supportflow.notification.OutboxMail.Status.SENDING "
            + "where m.id = :id and m.status = dk.supportflow.notification.OutboxMail.Status.PENDING")
    int claim(@Param("id") Long id);

    List<OutboxMail> findByCaseNumberOrderByIdAsc(String caseNumber);

    /** For retention and erasure: sent mails quote the report; unsent ones are kept until delivered. */
    @Modifying
    @Query("delete from OutboxMail m where m.caseNumber = :caseNumber "
            + "and m.status = dk.supportflow.notification.OutboxMail.Status.SENT")
    int deleteSentOfCase(@Param("caseNumber") String caseNumber);
}
