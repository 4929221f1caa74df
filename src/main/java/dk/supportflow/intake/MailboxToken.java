package dk.supportflow.intake;

import jakarta.mail.MessagingException;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.stereotype.Component;

/**
 * The support mailbox's login with OAuth 2.0 instead of a password (Exchange Online takes no
 * password over IMAP): an access token from the provider's token endpoint for the application
 * itself (client credentials, {@code supportflow.mail.intake.oauth2.*}), given to IMAP as
 * XOAUTH2. The token is kept until shortly before it runs out. Off while no token URI is set.
 */
@Component
class MailboxToken {

    private static final String REGISTRATION = "mailbox";

    private volatile AuthorizedClientServiceOAuth2AuthorizedClientManager clients;

    MailboxToken(@Value("${supportflow.mail.intake.oauth2.token-uri:}") String tokenUri,
            @Value("${supportflow.mail.intake.oauth2.client-id:}") String clientId,
            @Value("${supportflow.mail.intake.oauth2.client-secret:}") String clientSecret,
            @Value("${supportflow.mail.intake.oauth2.scope}") String scope) {
        use(tokenUri, clientId, clientSecret, scope);
    }

    /** Another token endpoint from now on (tests use their own); a blank URI goes back to the password. */
    void use(String tokenUri, String clientId, String clientSecret, String scope) {
        if (tokenUri == null || tokenUri.isBlank()) {
            clients = null;
            return;
        }
        if (clientId.isBlank() || clientSecret.isBlank()) {
            throw new IllegalArgumentException(
                    "supportflow.mail.intake.oauth2.token-uri needs supportflow.mail.intake.oauth2.client-id and .client-secret");
        }
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(tokenUri.strip()).clientId(clientId.strip()).clientSecret(clientSecret).scope(scope.strip())
                .build();
        InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
                registrations, new InMemoryOAuth2AuthorizedClientService(registrations));
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
        clients = manager;
    }

    /** The access token to log in with, or empty when the mailbox logs in with its password. */
    Optional<String> accessToken() throws MessagingException {
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager = clients;
        if (manager == null) {
            return Optional.empty();
        }
        try {
            OAuth2AuthorizedClient client = manager.authorize(
                    OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION).principal("supportflow-mailbox").build());
            return Optional.of(client.getAccessToken().getTokenValue());
        } catch (RuntimeException e) {
            // as a mailbox that does not answer: logged, counted towards the incident, tried at the next read
            throw new MessagingException("no access token for the mailbox from the token endpoint: " + e.getMessage());
        }
    }
}
