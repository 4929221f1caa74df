-- Rows that transactions lock to take turns on one thing across every node (platform.NamedLock):
-- 'error-patterns' lets two cases closing at once count their error pattern one after the other,
-- so the second finds the topic the first opened and joins it.
create table named_lock (
    name varchar(50) primary key
);
insert into named_lock (name) values ('error-patterns');
