package dk.supportflow.minsupport.attachment;

import dk.supportflow.privacy.AesGcm;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Attachments at rest: a screenshot may show a citizen's data, so the content is encrypted with
 * {@link AesGcm} under {@code supportflow.privacy.attachment-key}, a key of its own. The key
 * version is stored next to the content ({@code content_key_version}), so that a new key can
 * be introduced next to the old one, as for the CPR key.
 */
@Component
class AttachmentCipher {

    static final String KEY_VERSION = "v1";

    private final AesGcm aes;

    AttachmentCipher(@Value("${supportflow.privacy.attachment-key}") String base64Key) {
        this.aes = new AesGcm(base64Key, "supportflow.privacy.attachment-key");
    }

    /** The content to store under {@link #KEY_VERSION}. */
    byte[] encrypt(byte[] content) {
        return aes.seal(content);
    }

    /** The file as uploaded; a null key version is content stored in plain before migration V11. */
    byte[] decrypt(byte[] stored, String keyVersion) {
        if (keyVersion == null) {
            return stored;
        }
        if (!keyVersion.equals(KEY_VERSION)) {
            throw new IllegalStateException("Unknown attachment key version");
        }
        return aes.open(stored);
    }
}
