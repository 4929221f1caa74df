package dk.supportflow.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.RequestContextFilter;

/**
 * Temporary, growing lockout of failed logins, per person and client address. After
 * {@code supportflow.login.free-attempts} wrong passwords in a row from one address, that address
 * may not log in as that person for 1 minute, then 2, 4 … at most {@code max-lock}; a right
 * password resets it. Another address is not affected, so nobody can lock the administrator out
 * from the outside, and an administrator can unlock a person at once. Camunda's own lock, which
 * is per person for every address and permanent after 10 failures, is switched off
 * (application.yaml, {@code login-max-attempts} and {@code login-delay-base}).
 */
@Component
public class LoginThrottle {

    /** Outside a request (Java code, tests without HTTP). */
    static final String NO_CLIENT = "-";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final int freeAttempts;
    private final Duration maxLock;

    public LoginThrottle(JdbcTemplate jdbc, PlatformTransactionManager transactions,
            @Value("${supportflow.login.free-attempts:5}") int freeAttempts,
            @Value("${supportflow.login.max-lock:PT60M}") Duration maxLock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.freeAttempts = freeAttempts;
        this.maxLock = maxLock;
    }

    /** The address the current HTTP request came from (after a trusted proxy, see server.forward-headers-strategy). */
    static String currentClient() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr() == null ? NO_CLIENT : request.getRemoteAddr();
        }
        return NO_CLIENT;
    }

    /**
     * Counts the attempt before its password is checked, in a transaction of its own and with the
     * row locked, and says whether it may be checked at all. Counting first is what stops many
     * guesses sent at the same moment: from the attempt that reaches the limit on, the lock is set
     * before the password is checked, and a right password lifts it again ({@link #succeeded}).
     */
    public boolean admit(String userId, String client) {
        try {
            return Boolean.TRUE.equals(ownTransaction.execute(status -> admitLocked(userId, client)));
        } catch (DuplicateKeyException e) {
            // another request created the row at the same moment: count on that row
            return Boolean.TRUE.equals(ownTransaction.execute(status -> admitLocked(userId, client)));
        }
    }

    private record Attempts(int failures, Timestamp lockedUntil) {
    }

    private boolean admitLocked(String userId, String client) {
        Instant now = now();
        List<Attempts> rows = jdbc.query(
                "select failures, locked_until from login_throttle where user_id = ? and client = ? for update",
                (rs, i) -> new Attempts(rs.getInt("failures"), rs.getTimestamp("locked_until")), userId, client);
        if (rows.isEmpty()) {
            jdbc.update("insert into login_throttle (user_id, client, failures, locked_until) values (?, ?, ?, ?)",
                    userId, client, 1, lockAfter(1, now));
            return true;
        }
        Attempts counted = rows.get(0);
        if (counted.lockedUntil() != null && counted.lockedUntil().toInstant().isAfter(now)) {
            return false;
        }
        int failures = counted.failures() + 1;
        jdbc.update("update login_throttle set failures = ?, locked_until = ? where user_id = ? and client = ?",
                failures, lockAfter(failures, now), userId, client);
        return true;
    }

    public void succeeded(String userId, String client) {
        ownTransaction.executeWithoutResult(status ->
                jdbc.update("delete from login_throttle where user_id = ? and client = ?", userId, client));
    }

    /** Lifts every lock of the person, from every address. */
    public void unlock(String userId) {
        jdbc.update("delete from login_throttle where user_id = ?", userId);
    }

    private Timestamp lockAfter(int failures, Instant now) {
        return failures < freeAttempts ? null : Timestamp.from(now.plus(lockFor(failures)));
    }

    /** 1 minute at the first locking failure, doubled with each further one, at most maxLock. */
    Duration lockFor(int failures) {
        int doublings = Math.min(failures - freeAttempts, 20);
        Duration lock = Duration.ofMinutes(1L << doublings);
        return lock.compareTo(maxLock) > 0 ? maxLock : lock;
    }

    /** The engine's clock, which tests can move. */
    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /**
     * The request in reach of the engine for every login: Spring fills it for its own servlets
     * only once past the security filters, which already check /api passwords.
     */
    @Configuration
    static class RequestInReach {

        @Bean
        FilterRegistrationBean<RequestContextFilter> loginRequestContextFilter() {
            FilterRegistrationBean<RequestContextFilter> registration = new FilterRegistrationBean<>(new RequestContextFilter());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            registration.addUrlPatterns("/*");
            return registration;
        }
    }
}
