-- Failed logins per person and client address (platform.LoginThrottle). After a few failures in a
-- row from one address, that address is locked out for that person for a while, longer each time;
-- other addresses, and other people, are not. One row per (user, client): several nodes agree.
create table login_throttle (
    user_id       varchar(255) not null,
    client        varchar(64)  not null,
    failures      integer      not null,
    locked_until  timestamp(6) with time zone,
    primary key (user_id, client)
);
