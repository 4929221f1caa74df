package dk.supportflow.driftsside;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dk.supportflow.privacy.Cpr;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Reads the driftsside as RSS or Atom with ROME. Plain {@link HttpURLConnection}: its read
 * timeout bounds every wait for data, and the answer is read up to a size limit only. ROME
 * refuses DOCTYPEs by default, so a feed cannot make us read local files (XXE).
 */
@Component
public class FeedReader {

    static final int MAX_TITLE = 500;
    static final int MAX_SUMMARY = 4000;
    private static final Pattern BREAKS = Pattern.compile("(?i)<\\s*(br|/p|/div|/li|/h\\d)\\s*/?>");
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r]+");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n+");

    private final DriftssideSettings settings;

    public FeedReader(DriftssideSettings settings) {
        this.settings = settings;
    }

    /** The items of the feed at the configured address, in feed order. */
    public List<FeedItem> read() throws FeedUnavailableException {
        String address = settings.url();
        return parse(fetch(address), address);
    }

    byte[] fetch(String address) throws FeedUnavailableException {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) new URL(address).openConnection();
            connection.setConnectTimeout((int) settings.connectTimeout().toMillis());
            connection.setReadTimeout((int) settings.readTimeout().toMillis());
            connection.setInstanceFollowRedirects(true);
            connection.setRequestProperty("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5");
            connection.setRequestProperty("User-Agent", "Supportflow driftsside watcher");
            int status = connection.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                throw new FeedUnavailableException("HTTP " + status);
            }
            // the timeouts bound each wait; a server that trickles a byte now and then is bounded by
            // a deadline for the whole answer as well
            long deadline = System.nanoTime() + settings.connectTimeout().plus(settings.readTimeout()).toNanos();
            try (InputStream in = connection.getInputStream()) {
                return readLimited(in, settings.maxBytes(), deadline);
            }
        } catch (IOException e) {
            throw new FeedUnavailableException(e.getClass().getSimpleName());
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    static byte[] readLimited(InputStream in, long maxBytes, long deadlineNanos) throws IOException, FeedUnavailableException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (System.nanoTime() > deadlineNanos) {
                throw new FeedUnavailableException("answer not complete within the deadline");
            }
            if (out.size() + n > maxBytes) {
                throw new FeedUnavailableException("answer larger than " + maxBytes + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** The feed's items; relative links are resolved against the feed's address. */
    static List<FeedItem> parse(byte[] body, String address) throws FeedUnavailableException {
        SyndFeed feed;
        try {
            feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(body)));
        } catch (ParsingFeedException e) {
            throw new FeedUnavailableException("not RSS or Atom: not well-formed XML");
        } catch (IllegalArgumentException e) {
            // ROME's answer to well-formed XML that is neither RSS nor Atom (an HTML error page, say)
            throw new FeedUnavailableException("not RSS or Atom: another kind of XML");
        } catch (FeedException | IOException | RuntimeException e) {
            // whatever the parser meets: the feed is unavailable this time, never a failed job
            throw new FeedUnavailableException("not RSS or Atom (" + e.getClass().getSimpleName() + ")");
        }
        List<FeedItem> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            String title = cut(plain(entry.getTitle()), MAX_TITLE);
            String summary = cut(plain(summaryOf(entry)), MAX_SUMMARY);
            if (title.isEmpty() && summary.isEmpty()) {
                continue;
            }
            String link = safeLink(address, entry.getLink());
            Instant published = entry.getPublishedDate() != null ? entry.getPublishedDate().toInstant()
                    : entry.getUpdatedDate() != null ? entry.getUpdatedDate().toInstant() : null;
            List<String> categories = entry.getCategories().stream().map(SyndCategory::getName).filter(Objects::nonNull)
                    .map(String::strip).toList();
            items.add(new FeedItem(guid(entry, link, title, summary, published), title.isEmpty() ? cut(summary, 80) : title,
                    summary.isEmpty() ? null : summary, link, published, categories));
        }
        return items;
    }

    private static String summaryOf(SyndEntry entry) {
        if (entry.getDescription() != null && entry.getDescription().getValue() != null
                && !entry.getDescription().getValue().isBlank()) {
            return entry.getDescription().getValue();
        }
        return entry.getContents().stream().map(SyndContent::getValue).filter(Objects::nonNull).findFirst().orElse("");
    }

    /** The feed's own id (RSS guid, Atom id), else the link, else a hash of the content. */
    private static String guid(SyndEntry entry, String link, String title, String summary, Instant published) {
        String uri = entry.getUri();
        if (uri != null && !uri.isBlank()) {
            return cut(Cpr.maskInText(uri.strip()), 1000);
        }
        if (link != null) {
            return link;
        }
        return "sha256:" + sha256(title + "\n" + summary + "\n" + published);
    }

    /** Text of an HTML fragment: tags removed, entities decoded, CPR-like numbers masked. */
    static String plain(String html) {
        if (html == null) {
            return "";
        }
        String text = BREAKS.matcher(html).replaceAll("\n");
        text = HtmlUtils.htmlUnescape(TAGS.matcher(text).replaceAll(" "));
        text = SPACES.matcher(text.replace('\u00a0', ' ')).replaceAll(" ");
        text = BLANK_LINES.matcher(text).replaceAll("\n\n");
        return Cpr.maskInText(text.lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElse("").strip());
    }

    /** Only http(s) links, resolved against the feed; anything else (javascript:, file:) is dropped. */
    static String safeLink(String base, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(base).resolve(link.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.toString().length() <= 1000) {
                return Cpr.maskInText(uri.toString());
            }
        } catch (IllegalArgumentException e) {
            // not a link we can use
        }
        return null;
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
