package dk.supportflow.notification;

import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How hard the dispatcher tries: after a failed attempt a mail waits {@code retry-base}, then
 * twice as long after each further failure, but never more than {@code retry-max}; after
 * {@code max-attempts} it is given up (FAILED). A mail that has been SENDING for longer than
 * {@code sending-timeout} was left behind by a node that stopped mid-send.
 */
@Component
public class DeliveryPolicy {

    private final int maxAttempts;
    private final Duration retryBase;
    private final Duration retryMax;
    private final Duration sendingTimeout;

    public DeliveryPolicy(@Value("${supportflow.mail.max-attempts}") int maxAttempts,
            @Value("${supportflow.mail.retry-base}") Duration retryBase,
            @Value("${supportflow.mail.retry-max}") Duration retryMax,
            @Value("${supportflow.mail.sending-timeout}") Duration sendingTimeout) {
        if (maxAttempts < 1 || retryBase.isNegative() || retryMax.compareTo(retryBase) < 0 || sendingTimeout.isNegative() || sendingTimeout.isZero()) {
            throw new IllegalArgumentException("supportflow.mail: need max-attempts >= 1, 0 <= retry-base <= retry-max "
                    + "and a positive sending-timeout");
        }
        this.maxAttempts = maxAttempts;
        this.retryBase = retryBase;
        this.retryMax = retryMax;
        this.sendingTimeout = sendingTimeout;
    }

    /** The wait after the given number of failed attempts: base, 2 × base, 4 × base … up to the cap. */
    Duration backoff(int failedAttempts) {
        Duration wait = retryBase;
        for (int i = 1; i < failedAttempts && wait.compareTo(retryMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }

    Instant nextAttempt(int failedAttempts, Instant now) {
        return now.plus(backoff(failedAttempts));
    }

    boolean givesUpAfter(int failedAttempts) {
        return failedAttempts >= maxAttempts;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    /** Claims older than this were left by a sender that stopped. */
    Instant staleClaimsBefore(Instant now) {
        return now.minus(sendingTimeout);
    }

    Duration sendingTimeout() {
        return sendingTimeout;
    }
}
