package dk.supportflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeliveryPolicyTest {

    private final DeliveryPolicy defaults = new DeliveryPolicy(10, Duration.ofMinutes(1), Duration.ofHours(1),
            Duration.ofMinutes(10));

    @Test
    void theWaitDoublesAfterEachFailureUpToAnHour() {
        assertThat(IntStream.rangeClosed(1, 10).mapToObj(defaults::backoff).map(Duration::toMinutes))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L, 60L);
        assertThat(defaults.backoff(10_000)).isEqualTo(Duration.ofHours(1));
        Instant now = Instant.parse("2026-03-02T08:00:00Z");
        assertThat(defaults.nextAttempt(3, now)).isEqualTo(Instant.parse("2026-03-02T08:04:00Z"));
    }

    @Test
    void theBaseAndTheCapAreConfigurable() {
        DeliveryPolicy fast = new DeliveryPolicy(5, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1));
        assertThat(IntStream.rangeClosed(1, 4).mapToObj(fast::backoff))
                .containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    @Test
    void givesUpAfterMaxAttemptsAndTakesOldClaimsAsStale() {
        assertThat(defaults.givesUpAfter(9)).isFalse();
        assertThat(defaults.givesUpAfter(10)).isTrue();
        Instant now = Instant.parse("2026-03-02T08:00:00Z");
        assertThat(defaults.staleClaimsBefore(now)).isEqualTo(Instant.parse("2026-03-02T07:50:00Z"));
    }

    @Test
    void nonsenseSettingsStopTheStart() {
        assertThatThrownBy(() -> new DeliveryPolicy(0, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliveryPolicy(10, Duration.ofHours(2), Duration.ofHours(1), Duration.ofMinutes(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliveryPolicy(10, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
