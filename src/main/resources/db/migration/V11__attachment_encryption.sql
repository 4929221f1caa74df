-- Attachments are stored encrypted (AES-256-GCM, minsupport.attachment.AttachmentCipher, key
-- supportflow.privacy.attachment-key): content = iv || ciphertext+tag. The key version names the
-- key. Null marks content stored in plain before this migration: a SQL migration has no key, so
-- minsupport.attachment.PlaintextAttachments encrypts those rows at start-up.
alter table case_attachment add column content_key_version varchar(8);
