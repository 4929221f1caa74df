package dk.supportflow.meetings;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface GangmoedeRepository extends JpaRepository<Gangmoede, Long> {

    Optional<Gangmoede> findByProcessInstanceId(String processInstanceId);
}
