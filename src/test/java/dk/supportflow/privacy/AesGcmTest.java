package dk.supportflow.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AesGcmTest {

    static final String KEY = "c3VwcG9ydGZsb3ctbG9jYWwtZGV2LWtleS0zMmJ5dGU=";
    static final String OTHER_KEY = "bm90LXRoZS1kZXYta2V5LWJ1dC0zMi1ieXRlcy1sb25n";

    @Test
    void sealsWithARandomIvAndOpensOnlyWithTheSameKeyAndUnchanged() {
        AesGcm aes = new AesGcm(KEY, "test.key");
        byte[] plain = "Skærmbillede af borgerens sag".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = aes.seal(plain);
        assertThat(sealed).hasSize(plain.length + 28).isNotEqualTo(aes.seal(plain));
        assertThat(aes.open(sealed)).isEqualTo(plain);
        assertThat(aes.open(aes.seal(new byte[0]))).isEmpty();

        byte[] tampered = sealed.clone();
        tampered[20] ^= 1;
        assertThatThrownBy(() -> aes.open(tampered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new AesGcm(OTHER_KEY, "test.key").open(sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> aes.open(new byte[5])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyOfAnotherLengthStopsTheStartNamingTheProperty() {
        assertThatThrownBy(() -> new AesGcm("c2hvcnQ=", "supportflow.privacy.attachment-key"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("supportflow.privacy.attachment-key must be 32 bytes (base64), was 5");
    }
}
