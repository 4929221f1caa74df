package dk.supportflow.platform;

import dk.supportflow.people.PeopleDirectory;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.IdentityProviderException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks /api logins against Camunda's identity service, so that the API, Tasklist and the
 * engine REST API share one set of users, passwords and groups. Each group becomes the
 * authority {@code GROUP_<groupId>}.
 */
@Component
public class IdentityAuthenticationProvider implements AuthenticationProvider {

    public static final String GROUP_PREFIX = "GROUP_";
    static final String DIRECTORY_UNAVAILABLE = "Kommunens brugerkatalog svarer ikke lige nu. Prøv igen om lidt.";

    private final IdentityService identityService;
    private final PeopleDirectory people;

    public IdentityAuthenticationProvider(IdentityService identityService, PeopleDirectory people) {
        this.identityService = identityService;
        this.people = people;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (user == null || credentials == null || !checkPassword(user, credentials.toString())) {
            throw new BadCredentialsException("Forkert brugernavn eller adgangskode");
        }
        var authorities = people.groupsOf(user).stream().map(g -> new SimpleGrantedAuthority(GROUP_PREFIX + g)).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    /** A directory that does not answer is not a wrong password: the person is told to try again later. */
    private boolean checkPassword(String user, String password) {
        try {
            return identityService.checkPassword(user, password);
        } catch (IdentityProviderException e) {
            throw new AuthenticationServiceException(DIRECTORY_UNAVAILABLE, e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
