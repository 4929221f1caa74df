package dk.supportflow.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.CaseScenario;
import dk.supportflow.SupportflowTest;
import dk.supportflow.knowledge.search.KnowledgeEntry;
import dk.supportflow.knowledge.search.KnowledgeIndex;
import dk.supportflow.knowledge.search.KnowledgeKind;
import dk.supportflow.knowledge.search.KnowledgeQuery;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** The search index stays true to the database: one writer, a rebuild that loses nothing, a check that repairs. */
@SupportflowTest
class KnowledgeIndexConsistencyTest {

    @Autowired
    KnowledgeSearch search;
    @Autowired
    CaseScenario scenario;

    @Test
    void anIndexThatLostAnEntryIsFoundOutAndRebuilt() {
        String caseNumber = scenario.solveAndClose("Brevet om varmetillæg mangler adressen", "Breve", "processError",
                "Send brevet igen efter rettelsen.");
        KnowledgeIndex index = search.index();
        assertThat(index.ids(KnowledgeKind.CASE)).contains("case:" + caseNumber);
        // other tests write known errors straight into the table: the first check may repair that
        search.checkAgainstDatabase();
        assertThat(search.checkAgainstDatabase()).as("in step").isFalse();

        // a crash between the database commit and the index update
        index.remove(KnowledgeKind.CASE, caseNumber);
        assertThat(search.checkAgainstDatabase()).as("rebuilt").isTrue();
        assertThat(index.ids(KnowledgeKind.CASE)).contains("case:" + caseNumber);
    }

    @Test
    void anEntryWhoseContentIsStaleIsFoundOutByItsChecksum() {
        String caseNumber = scenario.solveAndClose("Udbetalingen af helbredstillæg stopper uden grund", "Udbetaling",
                "processError", "Genoptag udbetalingen under Ydelser.");
        search.checkAgainstDatabase();
        assertThat(search.checkAgainstDatabase()).as("in step").isFalse();

        // the same id, but content the database no longer holds (an update that never reached the index)
        KnowledgeIndex index = search.index();
        index.put(new KnowledgeEntry(KnowledgeKind.CASE, caseNumber, "Gammel titel", "Gammelt symptom", "Brug kodeordet Zyxkvist",
                "processError", "Udbetaling", Instant.now(), null, null));
        assertThat(index.ids(KnowledgeKind.CASE)).contains("case:" + caseNumber);
        assertThat(search.checkAgainstDatabase()).as("rebuilt").isTrue();
        assertThat(search.checkAgainstDatabase()).isFalse();
        assertThat(index.search(KnowledgeQuery.of("Zyxkvist", null, 10))).noneMatch(hit -> caseNumber.equals(hit.caseNumber()));
        assertThat(index.search(KnowledgeQuery.of("Genoptag udbetalingen", null, 10)))
                .anyMatch(hit -> caseNumber.equals(hit.caseNumber()));
    }

    @Test
    void anUpdateDuringARebuildWaitsAndIsNotLostAndSearchesNeverSeeAHalfIndex() throws Exception {
        KnowledgeIndex index = KnowledgeIndex.inMemory();
        index.put(entry("old"));
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> rebuild = CompletableFuture.supplyAsync(() -> index.rebuild(() -> {
            reading.countDown();
            await(release);
            return List.of(entry("fromDatabase"));
        }));
        assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
        // an update whose transaction committed after the rebuild read the database
        CompletableFuture<Void> update = CompletableFuture.runAsync(() -> index.put(entry("committedMeanwhile")));
        // searches meanwhile see the whole old index
        assertThat(index.ids(KnowledgeKind.CASE)).containsExactly("case:old");
        assertThat(update).isNotDone();

        release.countDown();
        assertThat(rebuild.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        update.get(10, TimeUnit.SECONDS);
        assertThat(index.ids(KnowledgeKind.CASE)).containsExactly("case:committedMeanwhile", "case:fromDatabase");
        index.close();
    }

    @Test
    void anUpdateIsSearchableAtOnceAndOnDiskAfterTheNextCommit(@TempDir Path dir) throws Exception {
        try (KnowledgeIndex index = new KnowledgeIndex(FSDirectory.open(dir))) {
            index.put(entry("committed"));
            assertThat(index.commitChanges()).isTrue();
            index.put(entry("recent"));
            assertThat(index.ids(KnowledgeKind.CASE)).containsExactly("case:committed", "case:recent");
            // what another node or a restart after a crash would find on disk now
            try (DirectoryReader onDisk = DirectoryReader.open(FSDirectory.open(dir))) {
                assertThat(onDisk.numDocs()).isEqualTo(1);
            }
            assertThat(index.commitChanges()).isTrue();
            assertThat(index.commitChanges()).as("nothing new").isFalse();
            try (DirectoryReader onDisk = DirectoryReader.open(FSDirectory.open(dir))) {
                assertThat(onDisk.numDocs()).isEqualTo(2);
            }
        }
    }

    private static KnowledgeEntry entry(String ref) {
        return new KnowledgeEntry(KnowledgeKind.CASE, ref, "Titel " + ref, "Symptom", "Svar", null, null, Instant.now(),
                null, null);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
