package dk.supportflow.driftsside;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 for the watcher tests: serves whatever the test sets, with a
 * status and an optional delay (a slow driftsside), and counts the requests.
 */
final class FeedServer implements AutoCloseable {

    private final HttpServer server;
    private volatile int status = 200;
    private volatile String contentType = "application/rss+xml; charset=utf-8";
    private volatile byte[] body = new byte[0];
    private volatile Duration delay = Duration.ZERO;
    final AtomicInteger requests = new AtomicInteger();

    FeedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] answer = body;
            exchange.getResponseHeaders().set("Content-Type", contentType);
            try {
                exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
                if (answer.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(answer);
                    }
                }
            } catch (IOException e) {
                // the watcher gave up waiting (slow test): nothing to answer
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/kp/feed.xml";
    }

    FeedServer serve(String text) {
        return serve(200, text.getBytes(StandardCharsets.UTF_8));
    }

    FeedServer serve(int status, byte[] body) {
        this.status = status;
        this.body = body;
        this.delay = Duration.ZERO;
        return this;
    }

    FeedServer slow(Duration delay) {
        this.delay = delay;
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** An RSS feed with the given items (guid, title, description). */
    static String rss(String[]... items) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>KP driftsside</title><link>https://driftsside.example/kp</link><description>Test</description>\n");
        for (String[] item : items) {
            xml.append("<item><title>").append(item[1]).append("</title><guid isPermaLink=\"false\">").append(item[0])
                    .append("</guid><link>https://driftsside.example/kp/").append(item[0]).append("</link><description>")
                    .append(item[2]).append("</description></item>\n");
        }
        return xml.append("</channel></rss>").toString();
    }
}
