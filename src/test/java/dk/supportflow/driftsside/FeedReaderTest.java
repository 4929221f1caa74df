package dk.supportflow.driftsside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing the driftsside's RSS and Atom with ROME: ids, plain text, links, kinds, CPR masking, refusals. */
class FeedReaderTest {

    static final String BASE = "https://driftsside.example/kp/feed.xml";

    static byte[] resource(String name) throws IOException {
        try (InputStream in = FeedReaderTest.class.getResourceAsStream("/driftsside/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aServerThatTricklesIsCutOffAtTheDeadlineForTheWholeAnswer() {
        // each read brings a byte in time for the read timeout, but the whole answer takes too long
        InputStream trickle = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        long alreadyPassed = System.nanoTime() - 1;
        assertThatThrownBy(() -> FeedReader.readLimited(trickle, 1_000_000, alreadyPassed))
                .isInstanceOf(FeedUnavailableException.class).hasMessageContaining("deadline");
    }

    @Test
    void rssItemsKeepTheirIdsAndBecomePlainMaskedText() throws Exception {
        List<FeedItem> items = FeedReader.parse(resource("rss.xml"), BASE);
        assertThat(items).hasSize(4);

        FeedItem knownError = items.get(0);
        assertThat(knownError.guid()).isEqualTo("kp-kendt-fejl-1001");
        assertThat(knownError.title()).isEqualTo("Kendt fejl: Opgaven \"Beregn tillæg\" afsluttes ikke efter godkendelse");
        assertThat(knownError.summary()).startsWith("Opgaven Beregn tillæg bliver stående efter godkendelse.")
                .contains("\"Gennemførte trin\"").contains("borger 010190-xxxx").doesNotContain("<").doesNotContain("1234");
        assertThat(knownError.link()).isEqualTo("https://driftsside.example/kp/kendte-fejl/1001");
        assertThat(knownError.publishedAt()).isEqualTo(Instant.parse("2026-11-02T07:30:00Z"));
        assertThat(MessageKind.guess(knownError.title(), knownError.categories())).isEqualTo(MessageKind.KENDT_FEJL);

        FeedItem maintenance = items.get(1);
        assertThat(maintenance.link()).as("relative link resolved against the feed").isEqualTo("https://driftsside.example/kp/drift/2002");
        assertThat(maintenance.summary()).isEqualTo("KP er lukket søndag kl. 8–12 på grund af vedligehold.");
        assertThat(MessageKind.guess(maintenance.title(), maintenance.categories())).isEqualTo(MessageKind.DRIFTSBESKED);

        FeedItem release = items.get(2);
        assertThat(release.guid()).as("no guid and no link: a hash of the content").startsWith("sha256:");
        assertThat(FeedReader.parse(resource("rss.xml"), BASE).get(2).guid()).as("the same each time").isEqualTo(release.guid());
        assertThat(MessageKind.guess(release.title(), release.categories())).isEqualTo(MessageKind.RELEASE);

        FeedItem news = items.get(3);
        assertThat(news.link()).as("a javascript: link is dropped").isNull();
        assertThat(news.guid()).isEqualTo("kp-nyhed-4004");
        assertThat(MessageKind.guess(news.title(), news.categories())).isEqualTo(MessageKind.NYHED);
    }

    @Test
    void atomEntriesAreReadToo() throws Exception {
        List<FeedItem> items = FeedReader.parse(resource("atom.xml"), BASE);
        assertThat(items).extracting(FeedItem::guid).containsExactly("urn:kp:nyhed:3003", "urn:kp:kendt-fejl:3004");
        assertThat(items.get(0).summary()).isEqualTo("Brevet Afgørelse om boligstøtte har fået en ny skabelon.");
        assertThat(items.get(0).link()).isEqualTo("https://driftsside.example/kp/nyheder/3003");
        assertThat(items.get(0).publishedAt()).as("updated when not published").isEqualTo(Instant.parse("2026-11-04T09:00:00Z"));
        assertThat(MessageKind.guess(items.get(0).title(), items.get(0).categories())).isEqualTo(MessageKind.NYHED);
        assertThat(items.get(1).publishedAt()).isEqualTo(Instant.parse("2026-11-04T10:00:00Z"));
        assertThat(items.get(1).summary()).isEqualTo("Indkomster hentes ikke fra eIndkomst for oktober.");
    }

    @Test
    void garbageAnotherXmlAndDoctypesAreRefused() throws Exception {
        assertThatThrownBy(() -> FeedReader.parse("<<<not xml at all".getBytes(StandardCharsets.UTF_8), BASE))
                .isInstanceOf(FeedUnavailableException.class).hasMessage("not RSS or Atom: not well-formed XML");
        assertThatThrownBy(() -> FeedReader.parse(new byte[0], BASE)).isInstanceOf(FeedUnavailableException.class);
        assertThatThrownBy(() -> FeedReader.parse(resource("not-a-feed.xml"), BASE))
                .isInstanceOf(FeedUnavailableException.class).hasMessage("not RSS or Atom: another kind of XML");
        // an external entity would read a local file: ROME refuses the DOCTYPE
        assertThatThrownBy(() -> FeedReader.parse(resource("xxe.xml"), BASE)).isInstanceOf(FeedUnavailableException.class);
    }
}
