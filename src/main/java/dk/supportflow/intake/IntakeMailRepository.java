package dk.supportflow.intake;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface IntakeMailRepository extends JpaRepository<IntakeMailRecord, Long> {

    boolean existsByMessageId(String messageId);

    Optional<IntakeMailRecord> findByMessageId(String messageId);
}
