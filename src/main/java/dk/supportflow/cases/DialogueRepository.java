package dk.supportflow.cases;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DialogueRepository extends JpaRepository<DialogueEntry, Long> {

    List<DialogueEntry> findByCaseIdOrderBySaidAtAscIdAsc(Long caseId);

    @Modifying
    @Query("delete from DialogueEntry d where d.caseId = :caseId")
    int deleteByCaseId(@Param("caseId") Long caseId);
}
