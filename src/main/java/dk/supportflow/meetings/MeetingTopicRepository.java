package dk.supportflow.meetings;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MeetingTopicRepository extends JpaRepository<MeetingTopic, Long> {

    Optional<MeetingTopic> findFirstByComponentAndErrorClassAndStatusIn(String component, String errorClass,
            Collection<MeetingTopic.Status> statuses);

    Optional<MeetingTopic> findFirstByComponentAndErrorClassAndStatusOrderByCoveredAtDesc(String component,
            String errorClass, MeetingTopic.Status status);

    List<MeetingTopic> findByStatusOrderByCreatedAtAsc(MeetingTopic.Status status);

    List<MeetingTopic> findByGangmoedeIdOrderByCreatedAtAsc(Long gangmoedeId);

    List<MeetingTopic> findAllByOrderByCreatedAtDesc();
}
