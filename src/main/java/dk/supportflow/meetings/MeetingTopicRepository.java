package dk.supportflow.meetings;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MeetingTopicRepository extends JpaRepository<MeetingTopic, Long> {

    Optional<MeetingTopic> findFirstByComponentAndErrorClassAndStatus(String component, String errorClass,
            MeetingTopic.Status status);

    List<MeetingTopic> findAllByOrderByCreatedAtDesc();
}
