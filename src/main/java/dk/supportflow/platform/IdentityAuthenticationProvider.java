package dk.supportflow.platform;

import dk.supportflow.people.PeopleDirectory;
import org.camunda.bpm.engine.IdentityService;
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
        if (user == null || credentials == null || !identityService.checkPassword(user, credentials.toString())) {
            throw new BadCredentialsException("Forkert brugernavn eller adgangskode");
        }
        var authorities = people.groupsOf(user).stream().map(g -> new SimpleGrantedAuthority(GROUP_PREFIX + g)).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
