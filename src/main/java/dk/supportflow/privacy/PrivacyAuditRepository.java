package dk.supportflow.privacy;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PrivacyAuditRepository extends JpaRepository<PrivacyAudit, Long> {
}
