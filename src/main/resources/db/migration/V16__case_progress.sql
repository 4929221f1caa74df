-- The case row follows the process (cases.CaseProgress): its error class, its MinSupport case
-- number, and whether it waits on MinSupport now. Lists of open cases (similar MinSupport cases,
-- known-error matching) read these instead of the engine's variables. Running cases are filled in
-- from their process at start-up.
alter table support_case add column error_class varchar(30);
alter table support_case add column minsupport_case_number varchar(100);
alter table support_case add column awaiting_minsupport boolean default false not null;
create index ix_support_case_open on support_case (closed_at, minsupport_case_number);
