-- Retries with backoff, and recovery of mails whose sender stopped mid-send (see MailDispatcher).

-- when a PENDING mail may next be tried; a failed attempt moves it out (exponential backoff)
alter table outbox_mail add column next_attempt_at timestamp(6) with time zone;
update outbox_mail set next_attempt_at = created_at;
alter table outbox_mail alter column next_attempt_at set not null;

-- when the mail was taken for sending; a SENDING row older than the sending timeout is released
alter table outbox_mail add column claimed_at timestamp(6) with time zone;

-- the dispatcher asks for due PENDING rows and stale SENDING rows; this index serves both
drop index ix_outbox_mail_status;
create index ix_outbox_mail_due on outbox_mail (status, next_attempt_at);
