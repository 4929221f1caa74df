-- The portal (issue 17). Report drafts: each report begun on /portal/indrapporter, whether it was
-- shown suggestions while typing, and how it ended (solved by a suggestion, or filed as a case).
-- Only counts are read from it (GET /api/reports/deflection); it holds no text and no person.
create table report_draft (
    id                   varchar(36)              primary key,
    started_at           timestamp(6) with time zone not null,
    suggestions_shown_at timestamp(6) with time zone,
    solved_at            timestamp(6) with time zone,
    solved_by_kind       varchar(20),
    solved_by_ref        varchar(64),
    reported_at          timestamp(6) with time zone,
    case_number          varchar(20)
);
create index ix_report_draft_shown on report_draft (suggestions_shown_at);
create index ix_report_draft_solved on report_draft (solved_at);
create index ix_report_draft_reported on report_draft (reported_at);
-- the case list: a superbruger's own cases newest first, everyone's newest first; with the id, the
-- list's order (created_at, id) is the index's, so a page is read from it without sorting
create index ix_support_case_reporter on support_case (reporter, created_at, id);
create index ix_support_case_created on support_case (created_at, id);
-- the case page's timeline reads a case's mails (and retention deletes them) by case number
create index ix_outbox_mail_case on outbox_mail (case_number);
