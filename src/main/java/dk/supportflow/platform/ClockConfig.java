package dk.supportflow.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ClockConfig {

    /** Danish time for everything people read: mails, forms, case numbers. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    /**
     * The engine's clock in Danish time. Camunda stamps history, tasks and timers with
     * {@link ClockUtil}, which is the system clock unless a test moves it; our own timestamps
     * (closed_at, the waiting times counted up to now) read the same clock, so that they never
     * disagree with the history they are compared to.
     */
    @Bean
    Clock clock() {
        return new EngineClock(ZONE);
    }

    /** A {@link Clock} that reads Camunda's {@link ClockUtil}. */
    public static final class EngineClock extends Clock {

        private final ZoneId zone;

        public EngineClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new EngineClock(zone);
        }

        @Override
        public long millis() {
            return ClockUtil.getCurrentTime().getTime();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof EngineClock clock && clock.zone.equals(zone);
        }

        @Override
        public int hashCode() {
            return zone.hashCode() + 1;
        }

        @Override
        public String toString() {
            return "EngineClock[" + zone + "]";
        }
    }
}
