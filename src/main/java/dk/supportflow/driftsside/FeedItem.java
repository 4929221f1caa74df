package dk.supportflow.driftsside;

import java.time.Instant;
import java.util.List;

/**
 * One item of the driftsside as the feed carries it, texts already plain (no HTML) and
 * CPR-masked. {@code guid} identifies it across reads.
 */
public record FeedItem(String guid, String title, String summary, String link, Instant publishedAt,
        List<String> categories) {
}
