package dk.supportflow.intake;

import dk.supportflow.notification.IntakeSettings;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The support mailbox over IMAP: its unread mails, and each one put away once handled (moved to
 * the handled folder, or, where that fails, left marked as read). Timeouts keep a silent server
 * from holding the job.
 */
@Component
class Mailbox {

    private static final Logger LOG = LoggerFactory.getLogger(Mailbox.class);
    /** Mails taken per read: a full mailbox is worked off over several reads, each job short. */
    static final int BATCH = 50;

    private final IntakeSettings settings;
    private final MailboxToken token;

    Mailbox(IntakeSettings settings, MailboxToken token) {
        this.settings = settings;
        this.token = token;
    }

    /** An open mailbox; closing it expunges the mails that were moved. */
    final class Connection implements AutoCloseable {
        private final Store store;
        private final Folder inbox;
        private Folder handled;

        private Connection(Store store, Folder inbox) {
            this.store = store;
            this.inbox = inbox;
        }

        Message[] unread() throws MessagingException {
            Message[] unread = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
            if (unread.length <= BATCH) {
                return unread;
            }
            Message[] first = new Message[BATCH];
            System.arraycopy(unread, 0, first, 0, BATCH);
            return first;
        }

        /** Leaves the mail where it is, read: the intake does not take it again. */
        void markRead(Message message) throws MessagingException {
            message.setFlag(Flags.Flag.SEEN, true);
        }

        /** Puts the mail away: into the handled folder, or at least marked as read. */
        void putAway(Message message) throws MessagingException {
            markRead(message);
            try {
                if (handled == null) {
                    handled = store.getFolder(settings.handledFolder());
                    if (!handled.exists() && !handled.create(Folder.HOLDS_MESSAGES)) {
                        throw new MessagingException("cannot create folder " + settings.handledFolder());
                    }
                }
                inbox.copyMessages(new Message[] {message}, handled);
                message.setFlag(Flags.Flag.DELETED, true);
            } catch (MessagingException e) {
                LOG.warn("Mail left in {} marked as read: it could not be moved to {} ({})", settings.folder(),
                        settings.handledFolder(), e.toString());
            }
        }

        MimeMessage copyOf(Message message) throws MessagingException {
            // read once, whole: the server's connection is not held while the mail is handled
            return new MimeMessage((MimeMessage) message);
        }

        @Override
        public void close() {
            try {
                if (inbox.isOpen()) {
                    inbox.close(true);
                }
            } catch (MessagingException e) {
                LOG.warn("Mailbox {} not closed cleanly: {}", settings.describe(), e.toString());
            }
            try {
                store.close();
            } catch (MessagingException e) {
                LOG.debug("Store not closed cleanly", e);
            }
        }
    }

    Connection open() throws MessagingException {
        Properties properties = new Properties();
        String protocol = settings.protocol();
        properties.put("mail.store.protocol", protocol);
        // headers in raw UTF-8 (not encoded as RFC 2047 asks) are read as UTF-8, not Latin-1
        properties.put("mail.mime.allowutf8", "true");
        // reading a mail does not mark it read: one whose handling fails is read again next time
        properties.put("mail." + protocol + ".peek", "true");
        properties.put("mail." + protocol + ".connectiontimeout", "10000");
        properties.put("mail." + protocol + ".timeout", "30000");
        properties.put("mail." + protocol + ".writetimeout", "30000");
        Optional<String> accessToken = token.accessToken();
        if (accessToken.isPresent()) {
            properties.put("mail." + protocol + ".auth.mechanisms", "XOAUTH2");
        }
        Session session = Session.getInstance(properties);
        Store store = session.getStore(protocol);
        store.connect(settings.host(), settings.port() > 0 ? settings.port() : -1, settings.user(),
                accessToken.orElse(settings.password()));
        try {
            Folder inbox = store.getFolder(settings.folder());
            inbox.open(Folder.READ_WRITE);
            return new Connection(store, inbox);
        } catch (MessagingException | RuntimeException e) {
            store.close();
            throw e;
        }
    }
}
