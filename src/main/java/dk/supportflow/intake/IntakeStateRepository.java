package dk.supportflow.intake;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface IntakeStateRepository extends JpaRepository<IntakeState, Integer> {

    /** The one row, locked: two reads of the mailbox that overlap take the mails one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from IntakeState s where s.id = 1")
    Optional<IntakeState> lock();
}
