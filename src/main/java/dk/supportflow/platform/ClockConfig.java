package dk.supportflow.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ClockConfig {

    /** Danish time for everything people read: mails, forms, case numbers. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    @Bean
    Clock clock() {
        return Clock.system(ZONE);
    }
}
