-- The case row holds where the case is (cases.CaseStageRecorder: the stage of the last activity
-- started), its criticality once reported, and since when it waits on MinSupport. Counts and
-- lists (metrics, the case view) read these instead of the engine's runtime tables. Running
-- cases are filled in from their process at start-up (cases.CaseProgress).
alter table support_case add column stage varchar(20);
alter table support_case add column criticality varchar(20);
alter table support_case add column awaiting_since timestamp(6) with time zone;
update support_case set stage = 'closed' where closed_at is not null;
create index ix_support_case_stage on support_case (closed_at, stage);
