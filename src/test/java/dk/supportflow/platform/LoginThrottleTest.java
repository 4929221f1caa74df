package dk.supportflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.supportflow.Api;
import dk.supportflow.SupportflowTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wrong passwords lock a person out for a while, only from the address they came from, longer
 * each time, until an administrator unlocks. Requests come from real, different loopback
 * addresses (127.0.0.2, 127.0.0.3), as two machines would.
 */
@SupportflowTest
class LoginThrottleTest {

    private static final String ATTACKER = "127.0.0.2";
    private static final String COLLEAGUE = "127.0.0.3";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    LoginThrottle throttle;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void reset() {
        ClockUtil.reset();
        throttle.unlock("superbruger2");
        throttle.unlock("admin");
    }

    @Test
    void fiveWrongPasswordsLockOnlyThatAddressForAMinuteThenLonger() throws IOException {
        for (int i = 0; i < 5; i++) {
            assertThat(status(ATTACKER, "superbruger2", "forkert")).isEqualTo(401);
        }
        // locked from there, on every login path, and a locked login looks like a wrong password
        assertThat(status(ATTACKER, "superbruger2", "demo")).isEqualTo(401);
        assertThat(status(ATTACKER, "/api/cases/SUP-2026-999999", "superbruger2", "demo")).isEqualTo(401);
        // another address is not affected
        assertThat(status(COLLEAGUE, "superbruger2", "demo")).isEqualTo(200);

        moveClock(Duration.ofSeconds(61));
        assertThat(status(ATTACKER, "superbruger2", "forkert")).isEqualTo(401);
        // the sixth failure locks for two minutes
        moveClock(Duration.ofSeconds(61));
        assertThat(status(ATTACKER, "superbruger2", "demo")).isEqualTo(401);
        moveClock(Duration.ofSeconds(61));
        assertThat(status(ATTACKER, "superbruger2", "demo")).isEqualTo(200);
        // a right password starts the count again
        assertThat(status(ATTACKER, "superbruger2", "forkert")).isEqualTo(401);
        assertThat(status(ATTACKER, "superbruger2", "demo")).isEqualTo(200);
    }

    @Test
    void guessesSentAtTheSameMomentAreCountedBeforeTheyAreChecked() throws Exception {
        int before = checkedFailures("superbruger2");
        int guesses = 20;
        ExecutorService clients = Executors.newFixedThreadPool(guesses);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                String guess = "gæt" + i;
                answers.add(clients.submit(() -> {
                    start.await();
                    return status(ATTACKER, "superbruger2", guess);
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(401);
            }
        } finally {
            clients.shutdownNow();
        }
        // at most the free attempts reached the password check; the rest met the lock
        assertThat(checkedFailures("superbruger2") - before).isBetween(1, 5);
        assertThat(status(ATTACKER, "superbruger2", "demo")).isEqualTo(401);
        assertThat(status(COLLEAGUE, "superbruger2", "demo")).isEqualTo(200);
    }

    /** Camunda still counts the wrong passwords it checked (its lock is off): what reached the check. */
    private int checkedFailures(String userId) {
        return jdbc.queryForObject("select coalesce(ATTEMPTS_, 0) from ACT_ID_USER where ID_ = ?", Integer.class, userId);
    }

    @Test
    void nobodyCanLockTheAdministratorOutFromElsewhere() throws IOException {
        for (int i = 0; i < 20; i++) {
            status(ATTACKER, "admin", "gæt" + i);
        }
        assertThat(status(ATTACKER, "admin", "demo")).isEqualTo(401);
        assertThat(status(COLLEAGUE, "admin", "demo")).isEqualTo(200);
        assertThat(rest.withBasicAuth("admin", "demo").getForEntity("/engine-rest/task/count", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anAdministratorUnlocksAtOnce() throws IOException {
        for (int i = 0; i < 5; i++) {
            status(ATTACKER, "superbruger2", "forkert");
        }
        Api api = new Api(rest);
        assertThat(api.post("support1", "/api/people/superbruger2/unlock", "{}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(ATTACKER, "superbruger2", "demo")).isEqualTo(401);
        var unlocked = api.post("admin", "/api/people/superbruger2/unlock", "{}");
        assertThat(unlocked.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(unlocked.getBody()).containsEntry("message", "Brugeren kan logge ind igen.");
        assertThat(status(ATTACKER, "superbruger2", "demo")).isEqualTo(200);
        assertThat(api.post("admin", "/api/people/ingen-saadan/unlock", "{}").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static void moveClock(Duration by) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + by.toMillis()));
    }

    private int status(String from, String user, String password) throws IOException {
        return status(from, "/engine-rest/task/count", user, password);
    }

    /** One request with HTTP Basic from the given local address. */
    private int status(String from, String path, String user, String password) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            socket.setSoTimeout(10000);
            String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Basic " + credentials
                    + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}
