package dk.supportflow.notification;

import dk.supportflow.process.MailIntakeProcess;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The support mailbox ({@code supportflow.mail.intake.*}), checked at start-up: read by the
 * intake feature, and the Reply-To of every mail sent here. On when configured;
 * locally (no spring.mail.host) the embedded mail server's mailbox is read unless switched off.
 * The timer start of {@code mailIntake} reads its cycle as {@code ${intakeSettings.timerCycle()}}.
 */
@Component(MailIntakeProcess.Beans.SETTINGS)
public class IntakeSettings {

    private volatile boolean enabled;
    private volatile String protocol;
    private volatile String host;
    private volatile int port;
    private volatile String user;
    private volatile String password;
    private final String folder;
    private final String handledFolder;
    private volatile String address;
    private final Duration interval;
    private final int failureThreshold;
    private final long maxBytes;
    private volatile List<String> minSupportSenders;
    private final Pattern minSupportAnswer;
    private final Pattern minSupportQuestion;

    public IntakeSettings(@Value("${supportflow.mail.intake.enabled:}") String enabled,
            @Value("${spring.mail.host:}") String smtpHost,
            @Value("${supportflow.mail.intake.protocol}") String protocol,
            @Value("${supportflow.mail.intake.host:}") String host,
            @Value("${supportflow.mail.intake.port:0}") int port,
            @Value("${supportflow.mail.intake.user:}") String user,
            @Value("${supportflow.mail.intake.password:}") String password,
            @Value("${supportflow.mail.intake.folder}") String folder,
            @Value("${supportflow.mail.intake.handled-folder}") String handledFolder,
            @Value("${supportflow.mail.intake.address:}") String address,
            @Value("${supportflow.mail.intake.interval}") Duration interval,
            @Value("${supportflow.mail.intake.failure-threshold}") int failureThreshold,
            @Value("${supportflow.mail.intake.max-size}") DataSize maxSize,
            @Value("${supportflow.mail.intake.minsupport.senders:}") List<String> minSupportSenders,
            @Value("${supportflow.mail.intake.minsupport.answer-subject}") String minSupportAnswer,
            @Value("${supportflow.mail.intake.minsupport.question-subject}") String minSupportQuestion,
            @Value("${supportflow.mail.embedded-imap-port:0}") int embeddedImapPort,
            @Value("${supportflow.mail.embedded-mailbox:}") String embeddedMailbox) {
        boolean embedded = smtpHost.isBlank();
        // locally the embedded server's mailbox, unless switched off; elsewhere only when switched on
        this.enabled = enabled.isBlank() ? embedded : Boolean.parseBoolean(enabled.strip());
        boolean useEmbedded = embedded && host.isBlank();
        this.protocol = useEmbedded ? "imap" : protocol.strip().toLowerCase(Locale.ROOT);
        this.host = useEmbedded ? "127.0.0.1" : host.strip();
        this.port = useEmbedded ? embeddedImapPort : port;
        this.user = useEmbedded ? embeddedMailbox : user.strip();
        this.password = useEmbedded ? embeddedMailbox : password;
        this.folder = folder;
        this.handledFolder = handledFolder;
        this.address = !address.isBlank() ? address.strip() : this.user.contains("@") ? this.user : "";
        this.interval = interval;
        this.failureThreshold = failureThreshold;
        this.maxBytes = maxSize.toBytes();
        this.minSupportSenders = minSupportSenders.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .toList();
        this.minSupportAnswer = Pattern.compile(minSupportAnswer);
        this.minSupportQuestion = Pattern.compile(minSupportQuestion);
        if (!this.protocol.equals("imap") && !this.protocol.equals("imaps")) {
            throw new IllegalArgumentException("supportflow.mail.intake.protocol must be imaps or imap: " + protocol);
        }
        if (interval.compareTo(Duration.ofSeconds(30)) < 0) {
            throw new IllegalArgumentException("supportflow.mail.intake.interval must be at least PT30S: " + interval);
        }
        if (this.enabled && (this.host.isEmpty() || this.user.isEmpty())) {
            throw new IllegalArgumentException("supportflow.mail.intake.enabled needs supportflow.mail.intake.host and .user");
        }
        for (Pattern pattern : List.of(this.minSupportAnswer, this.minSupportQuestion)) {
            if (!pattern.pattern().contains("(?<number>")) {
                throw new IllegalArgumentException("supportflow.mail.intake.minsupport.*-subject needs a group (?<number>…): "
                        + pattern.pattern());
            }
        }
    }

    /** Reads another mailbox from now on (tests point it at their own server); null switches the intake off. */
    public void useMailbox(String protocol, String host, int port, String user, String password) {
        this.enabled = host != null;
        this.protocol = protocol;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.address = user != null && user.contains("@") ? user : "";
    }

    /** MinSupport's sender addresses from now on (tests use their own). */
    public void useMinSupportSenders(List<String> senders) {
        this.minSupportSenders = senders.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
    }

    /** The timer start's ISO 8601 repeating interval, e.g. {@code R/PT1M}. */
    public String timerCycle() {
        return "R/" + interval;
    }

    public boolean enabled() {
        return enabled;
    }

    public String protocol() {
        return protocol;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String folder() {
        return folder;
    }

    public String handledFolder() {
        return handledFolder;
    }

    /** The mailbox's address: Reply-To of every mail Supportflow sends; empty when none is known. */
    public String address() {
        return address;
    }

    public int failureThreshold() {
        return failureThreshold;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public boolean fromMinSupport(String sender) {
        String lower = sender.toLowerCase(Locale.ROOT);
        return minSupportSenders.stream().anyMatch(s -> s.startsWith("@") ? lower.endsWith(s) : lower.equals(s));
    }

    public Pattern minSupportAnswer() {
        return minSupportAnswer;
    }

    public Pattern minSupportQuestion() {
        return minSupportQuestion;
    }

    public String describe() {
        return protocol + "://" + user + "@" + host + (port > 0 ? ":" + port : "") + "/" + folder;
    }
}
