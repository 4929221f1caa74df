package dk.supportflow.platform;

import io.micrometer.core.instrument.MeterRegistry;

/** A feature's own gauges for /actuator/prometheus; {@link SupportflowMetrics} registers and refreshes them. */
public interface Gauges {

    void register(MeterRegistry registry);

    /** Reads the figures anew from the database. */
    void refresh();
}
