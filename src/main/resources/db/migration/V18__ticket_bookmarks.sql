-- Bookmarks and recently viewed tickets ("signets / historique", seed 003), per person.
create table ticket_bookmark (
    account_id bigint                   not null references account (id) on delete cascade,
    ticket_id  bigint                   not null references ticket (id) on delete cascade,
    created_at timestamp with time zone not null,
    primary key (account_id, ticket_id)
);

create table ticket_visit (
    account_id bigint                   not null references account (id) on delete cascade,
    ticket_id  bigint                   not null references ticket (id) on delete cascade,
    visited_at timestamp with time zone not null,
    primary key (account_id, ticket_id)
);
create index ticket_visit_recent_idx on ticket_visit (account_id, visited_at);
