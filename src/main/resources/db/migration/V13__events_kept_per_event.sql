-- Each event is kept when it arrives and handled once by the job that follows it: new
-- information is mailed once (notified_at), a known error matched at review is registered on
-- the case once (registered_at). Everything before this migration was handled already.
alter table case_information add column notified_at timestamp(6) with time zone;
update case_information set notified_at = received_at;
alter table known_error_case add column registered_at timestamp(6) with time zone;
update known_error_case set registered_at = linked_at;

-- A job that must run on one node at a time takes its lease first (privacy.JobLease).
create table job_lease (
    name         varchar(50)  primary key,
    holder       varchar(100),
    leased_until timestamp(6) with time zone
);
insert into job_lease (name) values ('retention');
