-- A generated installation for issue 14's "Measured": the agency's queue of change requests and the
-- correspondent's space, with
--   290 establishments × 5 products = 1,450 sites (establishment–product pairs), each with a
--   functional and a technical correspondent (two accounts per establishment, correspondents of its
--   five products) and a validated installed version;
--   8 "home" correspondents (home1..home8@consortium.bench.test), each a member of 3 establishments and
--   correspondent of 4 products there: 12 sites each, with 40 tickets of his own per site (10 in
--   progress, 30 treated: 480 each);
--   8 agents (agent1..agent8@agence.bench.test);
--   :pending pending change requests (default 5,000) spread over the sites, the oldest 90 days old,
--   and twice as many decided ones.
-- Only one kind of change exists today (INSTALLED_VERSION), and the pending slot allows one pending
-- request per site and kind, so 1,450 sites cannot hold 5,000 pending requests of one kind: each
-- generated request gets a slot of its own, standing for the kinds to come (3 to 4 pending per site);
-- the queue's query does not read the slot.
--
-- Set-based, deterministic (hashes of the row number). Expects the application's schema (Flyway) in an
-- empty database:
--   psql -v ON_ERROR_STOP=1 -v hash='{argon2}$argon2id$…' -v pending=5000 -f generate.sql

\set ON_ERROR_STOP on
\timing on

begin;

insert into organization (id, parent_id, name, acronym, created_at, type_code, path, address, postal_code, city, phone)
select e, null, 'Université de banc ' || e, 'UB' || e, timestamptz '2020-01-01 00:00:00+00', 'LARGE', '/' || e || '/',
       e || ' avenue de l''Université', '75005', 'Paris', '01 23 45 67 89'
from generate_series(1, 290) e;

-- accounts: agents 1..8; the establishment's two correspondents 1000 + 2 (e - 1) + k (k = 0 functional,
-- 1 technical); the home correspondents 9001..9008
create temp table person (id bigint primary key, email text, establishment int, last_name text, agent boolean)
    on commit drop;
insert into person
select a, 'agent' || a || '@agence.bench.test', null::int, 'Agent ' || a, true from generate_series(1, 8) a
union all
select 1000 + 2 * (e - 1) + k, 'corr' || (1000 + 2 * (e - 1) + k) || '@etab' || e || '.bench.test', e,
       (array['Martin', 'Bernard'])[1 + k] || ' ' || e, false
from generate_series(1, 290) e, generate_series(0, 1) k
union all
select 9000 + h, 'home' || h || '@consortium.bench.test', null, 'Consortium ' || h, false from generate_series(1, 8) h;

insert into account (id, email, status, password_hash, civility, last_name, first_name, newsletter, preferred_locale,
    platform_admin, agent, created_at, activated_at, version)
select id, email, 'ACTIVE', :'hash', case when id % 2 = 0 then 'MADAME' else 'MONSIEUR' end, last_name, 'Camille', false,
       'fr', false, agent, timestamptz '2020-01-01 00:00:00+00', timestamptz '2020-01-01 00:00:00+00', 0
from person order by id;
insert into membership (account_id, organization_id, status, created_at)
select id, establishment, 'CONFIRMED', timestamptz '2020-01-01 00:00:00+00' from person where establishment is not null;
-- home correspondent h: establishments 10 h + 1 .. 10 h + 3, products 1..4
create temp table home_site (account bigint, establishment int, product int);
insert into home_site select 9000 + h, 10 * h + j, p from generate_series(1, 8) h, generate_series(1, 3) j, generate_series(1, 4) p;
insert into membership (account_id, organization_id, status, created_at)
select distinct account, establishment, 'CONFIRMED', timestamptz '2020-01-01 00:00:00+00' from home_site;

insert into product (id, code, name, guidance, active)
select p, code, name, null, true
from unnest(array['APOGEE', 'SIFAC', 'SIHAM', 'ROF', 'SINAPS'], array['Apogée', 'Sifac', 'Siham', 'ROF', 'Sinaps'])
     with ordinality as t (code, name, p);
-- versions (id = (p - 1) * 5 + v), the last two maintained
insert into product_version (id, product_id, label, released_on, maintained)
select (p - 1) * 5 + v, p, 'V' || (p + 1) || '.' || v, date '2021-01-15' + (v * 200), v >= 4
from generate_series(1, 5) p, generate_series(1, 5) v;

insert into correspondent (establishment_id, product_id, account_id, kind, contact_email, created_at)
select e, p, 1000 + 2 * (e - 1) + k, case when k = 0 then 'FUNCTIONAL' else 'TECHNICAL' end, null,
       timestamptz '2020-01-01 00:00:00+00'
from generate_series(1, 290) e, generate_series(1, 5) p, generate_series(0, 1) k;
insert into correspondent (establishment_id, product_id, account_id, kind, contact_email, created_at)
select establishment, product, account, 'TECHNICAL', null, timestamptz '2020-01-01 00:00:00+00' from home_site;

insert into installed_version (establishment_id, product_id, version_id, server_data, validated_at)
select e, p, (p - 1) * 5 + 3 + (e + p) % 3, 'srv-' || e || '-' || p || '.etab.bench.test', timestamptz '2026-01-01 00:00:00+00'
from generate_series(1, 290) e, generate_series(1, 5) p;

insert into team (id, name) values (1, 'Équipe des logiciels');
insert into team_member (team_id, account_id) select 1, a from generate_series(1, 8) a;
insert into category (id, parent_id, name, sort_order, product_id, filed_by_correspondents, filed_by_members,
    filed_by_externals, requires_validation, publishes, team_id, description_limit, active)
select p.id, null, p.name || ' — assistance de niveau 2', p.id, p.id, true, false, false, true, false, 1, 10000, true
from product p;

-- the home correspondents' tickets: 40 per site, the newest first by number; n % 4 = 0 in progress
insert into ticket (category_id, product_id, establishment_id, requester_id, follow_up_email, installed_version_id,
    version_label, priority, domain, nature, title, description, status, sub_status, simple_request, team_id,
    created_at, updated_at, closed_at, version)
select s.product, s.product, s.establishment, s.account, 'home' || (s.account - 9000) || '@consortium.bench.test',
       i.version_id, v.label, 'NON_BLOCKING', 'Général', 'FUNCTIONAL',
       'Demande de banc ' || n || ' sur le site ' || s.establishment || '-' || s.product,
       'Ce qui se passe, pas à pas.',
       case when n % 4 = 0 then (array['ECT', 'ARS', 'AVS', 'ATD'])[1 + n / 4 % 4] else (array['TER', 'EXC', 'ABN'])[1 + n % 3] end,
       case when n % 4 = 0 then (array['INT', null, null, 'DMF'])[1 + n / 4 % 4] when n % 3 = 0 then 'V' end,
       false, 1,
       now() - (40 - n) * interval '3 days', now() - (40 - n) * interval '3 days' + interval '1 hour',
       case when n % 4 <> 0 then now() - (40 - n) * interval '3 days' + interval '1 hour' end, 0
from home_site s join installed_version i on i.establishment_id = s.establishment and i.product_id = s.product
join product_version v on v.id = i.version_id, generate_series(1, 40) n;

-- change requests: the pending ones spread over the 1,450 sites, the oldest first by number; then the decided ones
insert into change_request (kind, establishment_id, product_id, requester_id, status, before_data, after_data,
    created_at, decided_at, decided_by, outdated, pending_slot, version)
select 'INSTALLED_VERSION', e, p, 1000 + 2 * (e - 1) + n % 2, 'PENDING',
       '{"versionId":' || ((p - 1) * 5 + 3 + (e + p) % 3) || ',"label":"V' || (p + 1) || '.' || (3 + (e + p) % 3) || '"}',
       '{"versionId":' || ((p - 1) * 5 + 5) || ',"label":"V' || (p + 1) || '.5"}',
       now() - interval '90 days' + n * (interval '90 days' / :pending), null, null, false,
       'INSTALLED_VERSION:' || e || ':' || p || ':bench-' || n, 0
from generate_series(1, :pending) n
cross join lateral (select 1 + (n * 7919) % 1450 as site) s
cross join lateral (select 1 + (s.site - 1) / 5 as e, 1 + (s.site - 1) % 5 as p) ep;
insert into change_request (kind, establishment_id, product_id, requester_id, status, before_data, after_data,
    reason, created_at, decided_at, decided_by, outdated, pending_slot, version)
select 'INSTALLED_VERSION', e, p, 1000 + 2 * (e - 1) + n % 2, case when n % 5 = 0 then 'REFUSED' else 'VALIDATED' end,
       '{"versionId":' || ((p - 1) * 5 + 2) || ',"label":"V' || (p + 1) || '.2"}',
       '{"versionId":' || ((p - 1) * 5 + 3) || ',"label":"V' || (p + 1) || '.3"}',
       case when n % 5 = 0 then 'Le fichier .ver ne correspond pas.' end,
       now() - interval '400 days' + n * interval '30 minutes', now() - interval '399 days' + n * interval '30 minutes',
       1 + n % 8, false, null, 1
from generate_series(1, 2 * :pending) n
cross join lateral (select 1 + (n * 104729) % 1450 as site) s
cross join lateral (select 1 + (s.site - 1) / 5 as e, 1 + (s.site - 1) % 5 as p) ep;

select setval(pg_get_serial_sequence('organization', 'id'), (select max(id) from organization));
select setval(pg_get_serial_sequence('account', 'id'), (select max(id) from account));
select setval(pg_get_serial_sequence('product', 'id'), (select max(id) from product));
select setval(pg_get_serial_sequence('product_version', 'id'), (select max(id) from product_version));
select setval(pg_get_serial_sequence('team', 'id'), (select max(id) from team));
select setval(pg_get_serial_sequence('category', 'id'), (select max(id) from category));

commit;
analyze;

select 'sites (establishment, product)' as what, count(*) as how_many
    from (select distinct establishment_id, product_id from correspondent) s
union all select 'pending change requests', count(*) from change_request where status = 'PENDING'
union all select 'decided change requests', count(*) from change_request where status <> 'PENDING'
union all select 'sites of each home correspondent', count(*) / 8 from home_site
union all select 'tickets of the home correspondents', count(*) from ticket;
