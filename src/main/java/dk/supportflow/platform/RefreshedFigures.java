package dk.supportflow.platform;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Figures read from the database now and then (by {@link SupportflowMetrics}), not per scrape, so
 * that scrapes of several nodes cost nothing. A failed read keeps the last figures: a failing
 * database shows in the health check.
 */
public final class RefreshedFigures<T> {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshedFigures.class);

    private final String name;
    private final Supplier<T> reader;
    private final T none;
    private volatile T last;

    public RefreshedFigures(String name, Supplier<T> reader, T none) {
        this.name = name;
        this.reader = reader;
        this.none = none;
    }

    public T get() {
        T current = last;
        if (current == null) {
            refresh();
            current = last;
        }
        return current;
    }

    public void refresh() {
        try {
            last = reader.get();
        } catch (RuntimeException e) {
            LOG.warn("Metrics of {} not refreshed ({})", name, e.getClass().getSimpleName());
            if (last == null) {
                last = none;
            }
        }
    }
}
