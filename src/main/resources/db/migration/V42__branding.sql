-- An organisation's own look and home page for suppliers (docs/branding.md): at most one draft and
-- one published version each. A sub-organisation without a published one shows its nearest
-- ancestor's. The images' bytes are in the file store under their keys, like the documents'.

create table branding (
    organization_id bigint                   not null references organization (id) on delete cascade,
    stage           varchar(10)              not null,
    scheme          varchar(20)              not null,
    welcome_title   varchar(100),
    -- 300 characters as a person counts them; a character may take several code points
    welcome_text    varchar(2000),
    welcome_side    varchar(5)               not null,
    banner_key      varchar(200),
    banner_type     varchar(100),
    banner_size     bigint,
    banner_sha256   varchar(64),
    logo_key        varchar(200),
    logo_type       varchar(100),
    logo_size       bigint,
    logo_sha256     varchar(64),
    changed_by      bigint                   not null references account (id),
    changed_at      timestamp with time zone not null,
    primary key (organization_id, stage),
    constraint branding_stage_check check (stage in ('DRAFT', 'PUBLISHED')),
    constraint branding_side_check check (welcome_side in ('LEFT', 'RIGHT'))
);

create table branding_link (
    organization_id bigint        not null,
    stage           varchar(10)   not null,
    position        int           not null,
    label           varchar(100)  not null,
    url             varchar(2000) not null,
    primary key (organization_id, stage, position),
    foreign key (organization_id, stage) references branding (organization_id, stage) on delete cascade
);
