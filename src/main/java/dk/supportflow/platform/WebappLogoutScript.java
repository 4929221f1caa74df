package dk.supportflow.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A custom script of every Camunda webapp (config.js, customScripts). With single sign-on the
 * webapps' "Log ud" would end only their part of the session and land on their password form; it
 * leads to {@code /camunda/logout} instead, which ends this application's session and the
 * provider's. Without single sign-on the script does nothing.
 */
@RestController
class WebappLogoutScript {

    private static final String SINGLE_SIGN_ON = """
            // single sign-on: "Log ud" ends the session here and at the municipality's login
            new MutationObserver((changes, observer) => {
              const item = document.querySelector('li.account li.logout');
              if (!item) {
                return;
              }
              observer.disconnect();
              const link = item.querySelector('a');
              const replacement = link.cloneNode(true);
              replacement.setAttribute('href', '%s');
              link.replaceWith(replacement);
            }).observe(document.documentElement, {childList: true, subtree: true});
            if (window.location.hash.includes('login')) {
              // the webapps' password form is never the way in: the provider's login is
              window.location.hash = '';
            }
            """.formatted(SecurityConfig.WEBAPP_LOGOUT);

    private final boolean singleSignOn;

    WebappLogoutScript(@Value("${supportflow.identity.sso.enabled:false}") boolean singleSignOn) {
        this.singleSignOn = singleSignOn;
    }

    @GetMapping(value = "/camunda/app/{app}/scripts/sso-logout.js", produces = "text/javascript;charset=UTF-8")
    String script() {
        return singleSignOn ? SINGLE_SIGN_ON : "// single sign-on is off: the webapps log in and out themselves\n";
    }
}
