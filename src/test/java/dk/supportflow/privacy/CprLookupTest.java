package dk.supportflow.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CprLookupTest {

    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    static final String OTHER_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));

    final CprLookup lookup = new CprLookup(KEY, OTHER_KEY);

    @Test
    void theSameNumberGivesTheSameValueWhateverItsForm() {
        String hash = lookup.hash("150372-4711");
        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(lookup.hash("1503724711")).isEqualTo(hash);
        assertThat(lookup.hash(" 150372-4711 ")).isEqualTo(hash);
        assertThat(lookup.hash("150372-4712")).isNotEqualTo(hash);
        assertThat(lookup.hash(null)).isNull();
        assertThat(lookup.hash(" ")).isNull();
    }

    @Test
    void theValueDependsOnTheKeyAndIsNoPlainHash() throws Exception {
        String hash = lookup.hash("150372-4711");
        assertThat(new CprLookup(OTHER_KEY, KEY).hash("150372-4711")).isNotEqualTo(hash);
        for (String form : new String[] {"150372-4711", "1503724711"}) {
            String plain = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(form.getBytes(StandardCharsets.US_ASCII)));
            assertThat(hash).isNotEqualTo(plain);
        }
    }

    @Test
    void refusesAShortKeyAndTheCipherKey() {
        assertThatThrownBy(() -> new CprLookup(Base64.getEncoder().encodeToString(new byte[16]), OTHER_KEY))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new CprLookup(KEY, KEY)).hasMessageContaining("must differ");
    }
}
