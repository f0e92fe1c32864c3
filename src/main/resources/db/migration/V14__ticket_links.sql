-- Related tickets (seed 001: "notifier le N° d'une DA qui semble traiter d'un problème similaire");
-- a follow-up of a closed ticket is a new ticket linked to it. Stored both ways.
create table ticket_link (
    ticket_id  bigint                   not null references ticket (id) on delete cascade,
    linked_id  bigint                   not null references ticket (id) on delete cascade,
    created_by bigint,
    created_at timestamp with time zone not null,
    primary key (ticket_id, linked_id)
);
