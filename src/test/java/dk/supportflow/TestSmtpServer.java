package dk.supportflow;

import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * The SMTP server of the tests: a GreenMail on a port chosen once per test JVM, so that test
 * runs on the same machine (or a running application) never fight over a fixed port. The
 * application under test is pointed at it by this initializer (see {@link SupportflowTest}).
 */
public class TestSmtpServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final int PORT = freePort();

    /** For {@code new GreenMailExtension(TestSmtpServer.SETUP)}. */
    public static final ServerSetup SETUP = new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

    /** The support mailbox of the mail intake tests, on the same GreenMail: {@code new GreenMailExtension(WITH_IMAP)}. */
    public static final ServerSetup IMAP = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
    public static final ServerSetup[] WITH_IMAP = {SETUP, IMAP};

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context, "spring.mail.port=" + PORT);
    }

    /** A port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
