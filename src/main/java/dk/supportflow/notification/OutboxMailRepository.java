package dk.supportflow.notification;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OutboxMailRepository extends JpaRepository<OutboxMail, Long> {

    /** Pending mails whose next attempt is due, longest waiting first. */
    @Query("select m.id from OutboxMail m where m.status = dk.supportflow.notification.OutboxMail.Status.PENDING "
            + "and m.nextAttemptAt <= :now order by m.nextAttemptAt, m.id")
    List<Long> findDueIds(@Param("now") Instant now);

    /**
     * Takes a due pending mail for sending, stamped with the database's time; 0 when another
     * thread or node was first.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update OutboxMail m set m.status = dk.supportflow.notification.OutboxMail.Status.SENDING, m.claimedAt = :claimTime "
            + "where m.id = :id and m.status = dk.supportflow.notification.OutboxMail.Status.PENDING "
            + "and m.nextAttemptAt <= :now")
    int claim(@Param("id") Long id, @Param("now") Instant now, @Param("claimTime") Instant claimTime);

    /** Gives back a claim without an attempt; 0 if it was settled or released meanwhile. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update OutboxMail m set m.status = dk.supportflow.notification.OutboxMail.Status.PENDING, m.claimedAt = null "
            + "where m.id = :id and m.status = dk.supportflow.notification.OutboxMail.Status.SENDING and m.claimedAt = :claimedAt")
    int releaseClaim(@Param("id") Long id, @Param("claimedAt") Instant claimedAt);

    @Query("select m.id from OutboxMail m where m.status = dk.supportflow.notification.OutboxMail.Status.SENDING "
            + "and m.claimedAt < :cutoff order by m.id")
    List<Long> findStaleClaimIds(@Param("cutoff") Instant cutoff);

    /** Puts a mail whose sender stopped mid-send back in the queue; 0 if it was settled meanwhile. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update OutboxMail m set m.status = dk.supportflow.notification.OutboxMail.Status.PENDING, "
            + "m.claimedAt = null, m.nextAttemptAt = :now "
            + "where m.id = :id and m.status = dk.supportflow.notification.OutboxMail.Status.SENDING "
            + "and m.claimedAt < :cutoff")
    int releaseStaleClaim(@Param("id") Long id, @Param("cutoff") Instant cutoff, @Param("now") Instant now);

    /** Reads a mail and holds its row until the transaction ends, to settle its state. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from OutboxMail m where m.id = :id")
    Optional<OutboxMail> lockById(@Param("id") Long id);

    List<OutboxMail> findByCaseNumberOrderByIdAsc(String caseNumber);

    boolean existsByIdempotencyKey(String idempotencyKey);

    /** Unsent mails per status, for metrics and the mail health. */
    @Query("select m.status as status, count(m) as count, min(m.nextAttemptAt) as oldestDue from OutboxMail m "
            + "where m.status <> dk.supportflow.notification.OutboxMail.Status.SENT group by m.status")
    List<StatusCount> countUnsent();

    interface StatusCount {
        OutboxMail.Status getStatus();

        long getCount();

        Instant getOldestDue();
    }

    /** For retention and erasure: sent mails quote the report; unsent ones are kept until delivered. */
    @Modifying
    @Query("delete from OutboxMail m where m.caseNumber = :caseNumber")
    int deleteOfCase(@Param("caseNumber") String caseNumber);
}
