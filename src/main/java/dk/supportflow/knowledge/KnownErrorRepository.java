package dk.supportflow.knowledge;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface KnownErrorRepository extends JpaRepository<KnownError, Long> {

    List<KnownError> findByRetiredAtIsNullOrderByCreatedAtDesc();

    List<KnownError> findAllByOrderByCreatedAtDesc();
}
