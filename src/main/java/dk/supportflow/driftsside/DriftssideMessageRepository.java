package dk.supportflow.driftsside;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface DriftssideMessageRepository extends JpaRepository<DriftssideMessage, Long> {

    Optional<DriftssideMessage> findByGuid(String guid);

    boolean existsByGuid(String guid);

    List<DriftssideMessage> findAllByOrderByRegisteredAtDescIdDesc();

    List<DriftssideMessage> findByStateOrderByRegisteredAtDescIdDesc(String state);

    List<DriftssideMessage> findByKnownErrorIdIsNotNull();

    /** The release notes that fixed a known error. */
    @Query("select m from DriftssideMessage m join m.fixedKnownErrorIds k where k = :knownErrorId order by m.id")
    List<DriftssideMessage> findFixing(@Param("knownErrorId") Long knownErrorId);
}
