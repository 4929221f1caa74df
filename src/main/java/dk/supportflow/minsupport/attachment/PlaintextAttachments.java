package dk.supportflow.minsupport.attachment;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Encrypts the attachments stored in plain before migration V11, at start-up: a SQL migration
 * has no key. One row per transaction; the update only replaces content that is still plain,
 * so nodes that start together never encrypt a row twice. Until then the plain rows are read
 * as they are (AttachmentCipher).
 */
@Component
class PlaintextAttachments {

    private final AttachmentRepository attachments;
    private final AttachmentCipher cipher;
    private final TransactionTemplate transactions;

    PlaintextAttachments(AttachmentRepository attachments, AttachmentCipher cipher, TransactionTemplate transactions) {
        this.attachments = attachments;
        this.cipher = cipher;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void encryptAtStartUp() {
        encryptAll();
    }

    /** The number of rows this call encrypted. */
    int encryptAll() {
        int encrypted = 0;
        for (Long id : attachments.plaintextIds()) {
            encrypted += transactions.execute(status -> attachments.plaintextContent(id)
                    .map(plain -> attachments.replacePlaintext(id, cipher.encrypt(plain), AttachmentCipher.KEY_VERSION))
                    .orElse(0));
        }
        return encrypted;
    }
}
