package dk.supportflow.knowledge;

import dk.supportflow.knowledge.search.KnowledgeIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The knowledge index in {@code supportflow.knowledge.index-dir} (a directory, or
 * {@code in-memory} for tests). The index is derived data: it can always be rebuilt from the
 * database ({@link KnowledgeSearch#rebuild()}).
 */
@Configuration
public class KnowledgeIndexConfig {

    public static final String IN_MEMORY = "in-memory";
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeIndexConfig.class);

    @Bean(destroyMethod = "close")
    KnowledgeIndex knowledgeIndex(@Value("${supportflow.knowledge.index-dir}") String indexDir) throws IOException {
        if (IN_MEMORY.equals(indexDir)) {
            return new KnowledgeIndex(new ByteBuffersDirectory());
        }
        Path path = Path.of(indexDir).toAbsolutePath();
        Files.createDirectories(path);
        LOG.info("Knowledge index in {}", path);
        return new KnowledgeIndex(FSDirectory.open(path));
    }
}
