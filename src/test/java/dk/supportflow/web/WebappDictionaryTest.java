package dk.supportflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Danish dictionaries for the Camunda webapps (locales/da.json) against Camunda's English
 * ones in the webjar: every key there, no key of our own invention, the same placeholders, and
 * the words people meet first really in Danish. Read from the classpath as the webapps serve them.
 */
class WebappDictionaryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*\\w+\\s*}}");

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void theDanishDictionaryHasEveryKeyOfCamundasWithTheSamePlaceholders(String app) throws IOException {
        JsonNode english = labels(camunda(app + "/locales/en.json"));
        JsonNode danish = labels(ours(app + "/locales/da.json"));
        List<String> missing = new ArrayList<>();
        english.fieldNames().forEachRemaining(key -> {
            if (!danish.has(key)) {
                missing.add(key);
            }
        });
        assertThat(missing).as("keys of Camunda's %s without a Danish text", app).isEmpty();
        danish.fieldNames().forEachRemaining(key -> {
            assertThat(english.has(key)).as("%s: %s is not a key of Camunda's", app, key).isTrue();
            assertThat(placeholders(danish.get(key).asText())).as("%s: placeholders of %s", app, key)
                    .isEqualTo(placeholders(english.get(key).asText()));
        });
        assertThat(danish.get("BANNER_CE_EOL_TEXT").asText()).startsWith("Supportflow").doesNotContain("Camunda");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void danishIsTheOnlyLocaleOffered(String app) throws IOException {
        String config = new String(ours(app + "/scripts/config.js").readAllBytes());
        assertThat(config).contains("availableLocales: ['da']").contains("fallbackLocale: 'da'");
    }

    @org.junit.jupiter.api.Test
    void whatTasklistShowsFirstIsDanish() throws IOException {
        JsonNode danish = labels(ours("tasklist/locales/da.json"));
        assertThat(danish.get("START_PROCESS").asText()).isEqualTo("Start proces");
        assertThat(danish.get("CLAIM_TASK").asText()).isEqualTo("Tag opgaven");
        assertThat(danish.get("COMPLETE").asText()).isEqualTo("Afslut opgaven");
        assertThat(danish.get("PAGE_LOGIN_USERNAME").asText()).isEqualTo("Brugernavn");
        assertThat(danish.get("REQUIRED_FIELD").asText()).isEqualTo("Skal udfyldes");
    }

    private static JsonNode labels(InputStream in) throws IOException {
        try (in) {
            byte[] bytes = in.readAllBytes();
            // Camunda's files start with a byte order mark
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "");
            return JSON.readTree(text).get("labels");
        }
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group().replace(" ", ""));
        }
        Collections.sort(found);
        return found;
    }

    /** Camunda's own file, from the webjar (ours has the same path and comes first on the classpath). */
    private static InputStream camunda(String path) throws IOException {
        Enumeration<URL> all = WebappDictionaryTest.class.getClassLoader()
                .getResources("META-INF/resources/webjars/camunda/app/" + path);
        while (all.hasMoreElements()) {
            URL url = all.nextElement();
            if (url.getProtocol().equals("jar")) {
                return url.openStream();
            }
        }
        throw new IllegalStateException("not in the webjar: " + path);
    }

    private static InputStream ours(String path) throws IOException {
        Enumeration<URL> all = WebappDictionaryTest.class.getClassLoader()
                .getResources("META-INF/resources/webjars/camunda/app/" + path);
        while (all.hasMoreElements()) {
            URL url = all.nextElement();
            if (url.getProtocol().equals("file")) {
                return url.openStream();
            }
        }
        throw new IllegalStateException("not ours: " + path);
    }
}
