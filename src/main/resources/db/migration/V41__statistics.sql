-- Statistics (docs/statistics.md): counts kept as things happen, so that a page sums a few
-- thousand small rows instead of scanning the tickets.

-- What happened on a day in an organisation: one row per (organisation, day, metric, dimension),
-- added to as events arrive ("tickets.filed" / "", "tickets.status" / "ECT"…).
create table stat_count (
    organization_id bigint       not null references organization (id) on delete cascade,
    on_date         date         not null,
    metric          varchar(40)  not null,
    dimension       varchar(40)  not null,
    amount          bigint       not null,
    constraint stat_count_key primary key (organization_id, on_date, metric, dimension)
);
create index stat_count_date_idx on stat_count (on_date, metric);

-- Who signed in on a day, once per person, day and organisation: the active people.
create table stat_active (
    organization_id bigint not null references organization (id) on delete cascade,
    on_date         date   not null,
    account_id      bigint not null,
    constraint stat_active_key primary key (organization_id, on_date, account_id)
);
create index stat_active_date_idx on stat_active (on_date);

-- Where each ticket's counts stand, so that a change of status or qualification moves them and a
-- second look at the same ticket counts nothing twice.
create table stat_ticket (
    ticket_id              bigint      primary key,
    organization_id        bigint      not null references organization (id) on delete cascade,
    filed_on               date        not null,
    status                 varchar(3)  not null,
    priority               varchar(20) not null,
    nature                 varchar(20) not null,
    product_id             varchar(20) not null,
    first_reply_counted    boolean     not null,
    resolution_counted     boolean     not null
);

-- The same for access requests: whether its grant and its decision were counted.
create table stat_access (
    request_id         bigint      primary key,
    organization_id    bigint      not null references organization (id) on delete cascade,
    granted_counted    boolean     not null,
    decision_counted   boolean     not null
);

-- The counts connected services push, each service's own: a second push of a day's metric
-- replaces the first.
create table stat_service_count (
    organization_id bigint                   not null references organization (id) on delete cascade,
    on_date         date                     not null,
    client_id       varchar(100)             not null,
    metric          varchar(40)              not null,
    amount          bigint                   not null,
    received_at     timestamp with time zone not null,
    constraint stat_service_count_key primary key (organization_id, on_date, client_id, metric)
);
create index stat_service_count_date_idx on stat_service_count (on_date);

-- Whether the one-time recount of what predates the counting is done (one row once it is).
create table stat_rebuild (
    id          int                      primary key,
    started_at  timestamp with time zone not null,
    finished_at timestamp with time zone,
    last_ticket bigint                   not null,
    last_access bigint                   not null
);
