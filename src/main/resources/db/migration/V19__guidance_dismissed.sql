-- A category's guidance screen that a person chose not to see again (seed 003): shown folded since.
create table guidance_dismissed (
    account_id   bigint                   not null references account (id) on delete cascade,
    category_id  bigint                   not null references category (id) on delete cascade,
    dismissed_at timestamp with time zone not null,
    primary key (account_id, category_id)
);
