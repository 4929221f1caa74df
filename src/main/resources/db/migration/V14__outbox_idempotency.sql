-- Every outbox mail has an idempotency key (case, purpose, recipient, step, text; see
-- notification.MailOutbox), unique: a job run again after a commit whose outcome it never learned
-- writes no second row. Rows from before get a key of their own.
alter table outbox_mail add column idempotency_key varchar(80);
update outbox_mail set idempotency_key = 'legacy-' || id;
alter table outbox_mail alter column idempotency_key set not null;
alter table outbox_mail add constraint uq_outbox_mail_idempotency_key unique (idempotency_key);
