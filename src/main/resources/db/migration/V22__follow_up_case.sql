-- A case opened by a reply to a closed case (issue 19) is linked to that case: the case pages
-- show the link both ways. A case number, no personal data; kept when either case is anonymised.
alter table support_case add column follows_case varchar(20);
create index ix_support_case_follows on support_case (follows_case);
