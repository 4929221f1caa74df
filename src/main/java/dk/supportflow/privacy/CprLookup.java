package dk.supportflow.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A blind index for CPR numbers: HMAC-SHA256 of the normalised number under a key of its own.
 * The encrypted column cannot be searched (every value has a random IV), so this keyed hash is
 * what finds a citizen's cases. Without the key it cannot be reversed by trying all of the few
 * million possible CPR numbers, which a plain hash could. A separate key from the cipher's keeps
 * the two purposes apart: the lookup key cannot decrypt, the cipher key cannot search.
 */
@Component
public class CprLookup {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKey key;

    public CprLookup(@Value("${supportflow.privacy.cpr-lookup-key}") String base64Key,
            @Value("${supportflow.privacy.cpr-key}") String base64CipherKey) {
        byte[] raw = Base64.getDecoder().decode(base64Key);
        if (raw.length != 32) {
            throw new IllegalStateException("supportflow.privacy.cpr-lookup-key must be 32 bytes (base64), was " + raw.length);
        }
        if (MessageDigest.isEqual(raw, Base64.getDecoder().decode(base64CipherKey))) {
            throw new IllegalStateException("supportflow.privacy.cpr-lookup-key must differ from supportflow.privacy.cpr-key");
        }
        this.key = new SecretKeySpec(raw, ALGORITHM);
    }

    /** The lookup value (64 hex digits) of a CPR number; {@code 150372-4711} and {@code 1503724711} give the same. */
    public String hash(String cpr) {
        if (cpr == null || cpr.isBlank()) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(normalise(cpr).getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("CPR lookup hash failed", e);
        }
    }

    /** The ten digits, without hyphen or spaces. */
    static String normalise(String cpr) {
        return cpr.replaceAll("[\\s-]", "");
    }
}
