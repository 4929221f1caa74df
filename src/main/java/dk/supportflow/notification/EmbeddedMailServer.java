package dk.supportflow.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * While {@code spring.mail.host} is not set, the application runs its own SMTP server
 * (GreenMail, on localhost) and sends every mail there, so that a newcomer can read them at
 * /mails without installing anything, and keeps the support mailbox that the mail intake reads
 * (IMAP). Setting spring.mail.host sends over real SMTP instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
public class EmbeddedMailServer {

    @Bean(destroyMethod = "stop")
    GreenMail embeddedSmtpServer(@Value("${supportflow.mail.embedded-smtp-port}") int port,
            @Value("${supportflow.mail.embedded-imap-port}") int imapPort,
            @Value("${supportflow.mail.embedded-mailbox}") String mailbox) {
        ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        // and the support mailbox over IMAP, which the mail intake reads (password = the address)
        ServerSetup imap = new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
        // GreenMail's default of 2 s is too short on a busy laptop
        smtp.setServerStartupTimeout(15_000);
        imap.setServerStartupTimeout(15_000);
        GreenMail server = new GreenMail(new ServerSetup[] {smtp, imap});
        server.start();
        server.setUser(mailbox, mailbox, mailbox);
        return server;
    }

    @Bean
    JavaMailSender embeddedMailSender(GreenMail embeddedSmtpServer) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(embeddedSmtpServer.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        return sender;
    }
}
