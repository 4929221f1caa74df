package dk.supportflow.driftsside;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface FeedStateRepository extends JpaRepository<FeedState, Integer> {

    /** The one row, locked: two reads of the feed that overlap store their items one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from FeedState s where s.id = 1")
    Optional<FeedState> lock();
}
