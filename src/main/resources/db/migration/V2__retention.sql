-- Finding and erasing a citizen's data, and retention of closed cases (docs/operations.md).

-- HMAC-SHA256 of the CPR number (privacy.CprLookup): the encrypted column cannot be searched.
-- Cases registered before this migration get it from privacy.CprLookupBackfill at start-up.
alter table support_case add column cpr_lookup varchar(64);
create index ix_support_case_cpr_lookup on support_case (cpr_lookup);
