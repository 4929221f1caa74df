-- A mail whose handling failed, by Message-ID, and how often in a row (issue 19): after a few
-- tries it is left in the mailbox for a person instead of being tried at every read for ever
-- (and, with enough of them, filling every read's batch). No text, no sender.
create table intake_failure (
    message_id      varchar(998)                not null primary key,
    failures        int                         not null,
    last_failure_at timestamp(6) with time zone not null
);
