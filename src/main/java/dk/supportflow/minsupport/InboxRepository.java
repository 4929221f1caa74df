package dk.supportflow.minsupport;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface InboxRepository extends JpaRepository<InboxEntry, Long> {

    List<InboxEntry> findByDeliveredAtIsNullOrderByIdAsc();

    List<InboxEntry> findByDeliveredAtIsNullOrderByIdDesc();

    List<InboxEntry> findAllByOrderByIdDesc(Limit limit);
}
