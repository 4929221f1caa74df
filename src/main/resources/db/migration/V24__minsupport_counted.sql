-- The MinSupport report counts a MinSupport case once, by the closed case of ours with the longest
-- vendor time. That case is marked when a case is closed (waitingtime.AnsweredFigures.recount),
-- so the report reads the marked rows without ordering every row by MinSupport case on each
-- request. A case without a MinSupport number counts for itself.
alter table case_waiting_time add column counted boolean default false not null;
update case_waiting_time set counted = true
where minsupport_answered_at is not null
  and (minsupport_case_number is null
       or id = (select w2.id from case_waiting_time w2
                where w2.minsupport_case_number = case_waiting_time.minsupport_case_number
                  and w2.minsupport_answered_at is not null
                order by w2.vendor_ms desc, w2.id
                fetch first 1 rows only));
create index ix_case_waiting_time_minsupport on case_waiting_time (minsupport_case_number);
create index ix_case_waiting_time_counted on case_waiting_time (counted, minsupport_reported_at);
-- closes of cases of one MinSupport case mark its counting case one after the other
insert into named_lock (name) values ('minsupport-counting');
