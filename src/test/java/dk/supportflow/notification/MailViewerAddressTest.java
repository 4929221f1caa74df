package dk.supportflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;

/** The mail viewer shows a person only the mails addressed exactly to them. */
class MailViewerAddressTest {

    @Test
    void onlyAnExactRecipientAddressMatches() throws AddressException {
        Address[] recipients = InternetAddress.parse("Sanne Support <support1@kommune.example>, support2@kommune.example");
        assertThat(MailViewerController.addressedTo(recipients, "support1@kommune.example")).isTrue();
        assertThat(MailViewerController.addressedTo(recipients, " SUPPORT2@kommune.example ")).isTrue();
        // a blank address, or a part of somebody else's, sees nothing
        assertThat(MailViewerController.addressedTo(recipients, "")).isFalse();
        assertThat(MailViewerController.addressedTo(recipients, "  ")).isFalse();
        assertThat(MailViewerController.addressedTo(recipients, null)).isFalse();
        assertThat(MailViewerController.addressedTo(recipients, "port1@kommune.example")).isFalse();
        assertThat(MailViewerController.addressedTo(recipients, "kommune.example")).isFalse();
        assertThat(MailViewerController.addressedTo(null, "support1@kommune.example")).isFalse();
    }
}
