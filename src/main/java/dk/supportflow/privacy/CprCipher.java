package dk.supportflow.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * CPR numbers at rest, encrypted with {@link AesGcm} under {@code supportflow.privacy.cpr-key}.
 * The stored form is {@code v1:<base64(iv || ciphertext+tag)>}; the version prefix names the key,
 * so that a new key can be introduced next to the old one (see docs/operations.md).
 */
@Component
public class CprCipher {

    private static final String PREFIX = "v1:";

    private final AesGcm aes;

    public CprCipher(@Value("${supportflow.privacy.cpr-key}") String base64Key) {
        this.aes = new AesGcm(base64Key, "supportflow.privacy.cpr-key");
    }

    public String encrypt(String cpr) {
        if (cpr == null) {
            return null;
        }
        return PREFIX + Base64.getEncoder().encodeToString(aes.seal(cpr.getBytes(StandardCharsets.UTF_8)));
    }

    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("Unknown CPR key version");
        }
        return new String(aes.open(Base64.getDecoder().decode(stored.substring(PREFIX.length()))), StandardCharsets.UTF_8);
    }
}
