-- A generated installation for the administration benchmarks (issue 3, "Measured"):
--   10,000 organisations in 5 establishments of 2,000 each, depth 0 (establishment) to 10;
--   100,000 ACTIVE accounts, all with the same password hash (:hash), memberships spread over
--   the organisations (plus ~2,000 members directly in each establishment);
--   ~3,300 admins (ADMIN grants) at every depth, ~20,000 ROLE and 2,000 SUPERVISION grants;
--   one super admin per establishment.
--
-- Set-based (generate_series), deterministic (setseed), runs in seconds. Expects the schema of
-- the application (Flyway) in the current database and empties the tables it fills first:
--   psql -v ON_ERROR_STOP=1 -v hash='{argon2}$argon2id$…' -d guichet_bench -f generate.sql
-- (bench/administration/run.sh does all of it.)

\set ON_ERROR_STOP on
\timing on

begin;

truncate organization_grant, super_admin, membership, account_interest_domain, link_token, api_token, account,
    organization_email_domain, user_import_line, user_import, organization, audit_entry, outbox_message,
    spring_session_attributes, spring_session, event_publication restart identity cascade;

select setseed(0.2026);

-- Nodes per level in each establishment: 2,000 nodes, levels 0..10.
create temp table level_size (level int primary key, size int not null) on commit drop;
insert into level_size values (0, 1), (1, 6), (2, 20), (3, 50), (4, 100), (5, 180), (6, 260), (7, 320), (8, 360),
    (9, 363), (10, 340);

-- Ids in breadth-first order per establishment: 1 and 2001, 4001, … are the establishments.
create temp table node on commit drop as
select (row_number() over (order by e, ls.level, r))::bigint as id, e as establishment, ls.level, r as rank
from generate_series(1, 5) e, level_size ls, generate_series(1, ls.size) r;
create unique index on node (establishment, level, rank);

-- Each node below an establishment hangs under a random node of the level above.
create temp table edge on commit drop as
select n.id, p.id as parent_id
from (select n.*, 1 + floor(random() * ls.size)::int as parent_rank
      from node n join level_size ls on ls.level = n.level - 1) n
join node p on p.establishment = n.establishment and p.level = n.level - 1 and p.rank = n.parent_rank;

-- Materialised paths: the parent's path + id + '/'.
create temp table tree on commit drop as
with recursive t (id, parent_id, path) as (
    select id, null::bigint, '/' || id || '/' from node where level = 0
    union all
    select e.id, e.parent_id, t.path || e.id || '/' from edge e join t on e.parent_id = t.id
)
select t.*, n.establishment, n.level from t join node n using (id);

insert into organization (id, parent_id, name, acronym, created_at, type_code, path, address, postal_code, city, phone,
    website)
select id, parent_id,
       case when level = 0 then 'Établissement de banc ' || establishment
            else (array['Direction', 'Service', 'Pôle', 'Bureau', 'Cellule', 'Mission'])[1 + id % 6] || ' ' || id end,
       case when level = 0 then 'EB' || establishment end,
       timestamptz '2025-01-01 00:00:00+00' + id * interval '1 minute',
       case when level = 0 then 'LARGE' else (array['MEDIUM', 'LARGE', 'SINGLE', 'SMALL'])[1 + id % 4] end,
       path, id || ' rue du Banc', '75001', 'Paris', '01 23 45 67 89', null
from tree
order by id;

insert into organization_email_domain (organization_id, domain)
select id, 'etab' || establishment || '.bench.test' from tree where level = 0;

-- Accounts: each one's first membership is a random organisation.
create temp table person on commit drop as
select n::bigint as id, 1 + floor(random() * 10000)::bigint as organization_id from generate_series(1, 100000) n;

insert into account (id, email, status, password_hash, civility, last_name, first_name, newsletter, preferred_locale,
    platform_admin, created_at, activated_at, version)
select p.id,
       'bench' || lpad(p.id::text, 6, '0') || '@etab' || t.establishment || '.bench.test',
       'ACTIVE', :'hash',
       case when p.id % 2 = 0 then 'MADAME' else 'MONSIEUR' end,
       (array['Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent',
              'Simon', 'Michel', 'Lefebvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard'])
           [1 + floor(random() * 20)::int] || ' ' || p.id,
       (array['Camille', 'Léa', 'Manon', 'Chloé', 'Inès', 'Louis', 'Gabriel', 'Jules', 'Hugo', 'Arthur'])
           [1 + floor(random() * 10)::int],
       false, 'fr', false,
       timestamptz '2025-06-01 00:00:00+00' + p.id * interval '10 seconds',
       timestamptz '2025-06-01 00:00:00+00' + p.id * interval '10 seconds', 0
from person p join tree t on t.id = p.organization_id
order by p.id;

insert into membership (account_id, organization_id, status, created_at)
select p.id, p.organization_id, 'CONFIRMED', a.created_at
from person p join account a on a.id = p.id;

-- One account in ten is also a member of its establishment itself (~2,000 each).
insert into membership (account_id, organization_id, status, created_at)
select p.id, root.id, 'CONFIRMED', a.created_at + interval '1 day'
from person p join account a on a.id = p.id
join tree t on t.id = p.organization_id
join tree root on root.level = 0 and root.establishment = t.establishment
where p.id % 10 = 0
on conflict (account_id, organization_id) do nothing;

-- The super admin of each establishment: its first direct member.
insert into super_admin (establishment_id, account_id, named_by, named_at)
select m.organization_id, min(m.account_id), null, timestamptz '2025-09-01 00:00:00+00'
from membership m join tree t on t.id = m.organization_id and t.level = 0
group by m.organization_id;

-- Admins (1): one per organisation of levels 1 to 4 (880 of them), every admin right, granted
-- by the super admin: its first member that is not a super admin.
create temp table admin_grant (account_id bigint, organization_id bigint, code varchar(40)) on commit drop;
insert into admin_grant
select a.account_id, a.organization_id, r.code
from (select p.organization_id, min(p.id) as account_id
      from person p join tree t on t.id = p.organization_id and t.level between 1 and 4
      where p.id not in (select account_id from super_admin)
      group by p.organization_id) a
cross join (values ('CREATE_USERS'), ('CREATE_ADMINS'), ('CREATE_SUB_ORGANIZATIONS'), ('CREATE_USERS_OF_SUB_ORGANIZATIONS'),
    ('CREATE_ADMINS_OF_SUB_ORGANIZATIONS')) r (code);

-- Admins (2): one account in 40 (2,500), in its own organisation (mostly deep ones), with one of
-- three sets of rights.
insert into admin_grant
select p.id, p.organization_id, r.code
from person p
join (values (0, 'CREATE_USERS'), (0, 'CREATE_ADMINS'), (0, 'CREATE_SUB_ORGANIZATIONS'),
             (0, 'CREATE_USERS_OF_SUB_ORGANIZATIONS'), (0, 'CREATE_ADMINS_OF_SUB_ORGANIZATIONS'),
             (1, 'CREATE_USERS'), (1, 'CREATE_USERS_OF_SUB_ORGANIZATIONS'),
             (2, 'CREATE_USERS'), (2, 'CREATE_ADMINS'), (2, 'CREATE_SUB_ORGANIZATIONS')) r (variant, code)
  on r.variant = (p.id / 40) % 3
where p.id % 40 = 1;

-- Admins (3): one in 400 of those (250) also holds CREATE_USERS in their organisation's
-- parent, where they become members too: several grants at several depths.
insert into membership (account_id, organization_id, status, created_at)
select p.id, t.parent_id, 'CONFIRMED', timestamptz '2025-09-01 00:00:00+00'
from person p join tree t on t.id = p.organization_id
where p.id % 400 = 1 and t.parent_id is not null
on conflict (account_id, organization_id) do nothing;
insert into admin_grant
select p.id, t.parent_id, 'CREATE_USERS'
from person p join tree t on t.id = p.organization_id
where p.id % 400 = 1 and t.parent_id is not null;

insert into organization_grant (account_id, organization_id, kind, service_code, code, granted_by, granted_at)
select distinct g.account_id, g.organization_id, 'ADMIN', '-', g.code, s.account_id, timestamptz '2025-10-01 00:00:00+00'
from admin_grant g
join tree t on t.id = g.organization_id
join tree root on root.level = 0 and root.establishment = t.establishment
join super_admin s on s.establishment_id = root.id
on conflict do nothing;

-- Service roles (one account in five) and supervision rights (one in fifty), in the first
-- membership: rows that Permissions.of reads and filters out.
insert into organization_grant (account_id, organization_id, kind, service_code, code, granted_by, granted_at)
select p.id, p.organization_id, 'ROLE', 'PROCUREMENT_ROOM',
       case o.type_code when 'SINGLE' then 'SINGLE_INTERVENER' else 'BUYER' end, null,
       timestamptz '2025-10-02 00:00:00+00'
from person p join organization o on o.id = p.organization_id
where p.id % 5 = 0;
insert into organization_grant (account_id, organization_id, kind, service_code, code, granted_by, granted_at)
select p.id, p.organization_id, 'SUPERVISION', '-', 'VIEW_STATISTICS', null, timestamptz '2025-10-02 00:00:00+00'
from person p
where p.id % 50 = 2;

select setval(pg_get_serial_sequence('organization', 'id'), (select max(id) from organization));
select setval(pg_get_serial_sequence('account', 'id'), (select max(id) from account));
select setval(pg_get_serial_sequence('membership', 'id'), (select max(id) from membership));
select setval(pg_get_serial_sequence('organization_grant', 'id'), (select max(id) from organization_grant));

commit;

analyze;

-- What was made.
select 'organizations' as what, count(*) as how_many from organization
union all select 'establishments', count(*) from organization where parent_id is null
union all select 'max depth', max(length(path) - length(replace(path, '/', '')) - 2) from organization
union all select 'accounts', count(*) from account
union all select 'memberships', count(*) from membership
union all select 'admin grant rows', count(*) from organization_grant where kind = 'ADMIN'
union all select 'admins', count(distinct account_id) from organization_grant where kind = 'ADMIN'
union all select 'role + supervision grant rows', count(*) from organization_grant where kind <> 'ADMIN'
union all select 'super admins', count(*) from super_admin
union all select 'paths wrong', count(*) from organization c join organization p on p.id = c.parent_id
    where c.path <> p.path || c.id || '/';
