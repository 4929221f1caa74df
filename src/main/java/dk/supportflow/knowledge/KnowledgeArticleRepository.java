package dk.supportflow.knowledge;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface KnowledgeArticleRepository extends JpaRepository<KnowledgeArticle, Long> {

    List<KnowledgeArticle> findByRetiredAtIsNull();

    List<KnowledgeArticle> findByCaseNumberInAndRetiredAtIsNull(Collection<String> caseNumbers);

    List<KnowledgeArticle> findByCaseNumber(String caseNumber);
}
