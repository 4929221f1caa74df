-- What a request is about, the third part of a good description, the KP task id, and who
-- registered a case on behalf of a superbruger and how it reached support.
alter table support_case add column kind varchar(20) default 'error' not null;
alter table support_case add column other_cases_affected varchar(4000);
alter table support_case add column kp_task_id varchar(100);
alter table support_case add column channel varchar(20);
alter table support_case add column registered_by varchar(64);
-- a support or change request is not described step by step with what happened instead
alter table support_case alter column steps_taken drop not null;
alter table support_case alter column actual drop not null;
-- nor does it have an error class
alter table solved_case alter column error_class drop not null;
-- a gangmøde topic proposed by hand, from a case or as free text
alter table meeting_topic add column title varchar(200);
alter table meeting_topic add column note varchar(1000);
alter table meeting_topic add column proposed_by varchar(64);
