package dk.supportflow.driftsside;

import dk.supportflow.process.DriftssideProcess;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Where and how often the driftsside is read ({@code supportflow.driftsside.*}), checked at
 * start-up so that a typo stops the application rather than the watcher. The timer start of
 * {@code driftssideWatch} reads its cycle as {@code ${driftssideSettings.timerCycle()}}.
 */
@Component(DriftssideProcess.Beans.SETTINGS)
public class DriftssideSettings {

    private volatile String url;
    private final Duration interval;
    private volatile Duration connectTimeout;
    private volatile Duration readTimeout;
    private final int failureThreshold;
    private final long maxBytes;

    public DriftssideSettings(@Value("${supportflow.driftsside.url:}") String url,
            @Value("${supportflow.driftsside.interval}") Duration interval,
            @Value("${supportflow.driftsside.connect-timeout}") Duration connectTimeout,
            @Value("${supportflow.driftsside.read-timeout}") Duration readTimeout,
            @Value("${supportflow.driftsside.failure-threshold}") int failureThreshold,
            @Value("${supportflow.driftsside.max-size}") DataSize maxSize) {
        setUrl(url);
        if (interval.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("supportflow.driftsside.interval must be at least PT1M: " + interval);
        }
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("supportflow.driftsside.failure-threshold must be at least 1: " + failureThreshold);
        }
        this.interval = interval;
        setTimeouts(connectTimeout, readTimeout);
        this.failureThreshold = failureThreshold;
        this.maxBytes = maxSize.toBytes();
    }

    /** The timer start's ISO 8601 repeating interval, e.g. {@code R/PT15M}. */
    public String timerCycle() {
        return "R/" + interval;
    }

    /** The feed's address, or empty when no driftsside is configured. */
    public String url() {
        return url;
    }

    public boolean configured() {
        return !url.isEmpty();
    }

    /** Changes the address at run time (tests point it at their own server). */
    public void setUrl(String url) {
        String value = url == null ? "" : url.strip();
        if (!value.isEmpty()) {
            URI uri = URI.create(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("supportflow.driftsside.url must be an http or https address: " + value);
            }
        }
        this.url = value;
    }

    public void setTimeouts(Duration connectTimeout, Duration readTimeout) {
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("supportflow.driftsside timeouts must be positive");
        }
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    /** Failed reads in a row before an incident shows in Cockpit. */
    public int failureThreshold() {
        return failureThreshold;
    }

    /** A larger answer is not a feed (and is not read into memory). */
    public long maxBytes() {
        return maxBytes;
    }
}
