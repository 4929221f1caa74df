package dk.supportflow.intake;

import org.springframework.data.jpa.repository.JpaRepository;

interface IntakeFailureRepository extends JpaRepository<IntakeFailure, String> {
}
