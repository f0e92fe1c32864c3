-- A generated installation for issue 19's "Measured": :people members (default 2,000) who all register
-- for one session of a popular event the minute it opens.
--   :people active accounts membre<n>@etab<k>.bench.test (password hashed as the application does:
--       :hash), each a confirmed member of one of :people / 100 establishments (at least one): he
--       registers for it, with nobody's agreement asked (the event does not ask for it);
--   the agent agent@agence.bench.test (platform admin), who "created" the events.
-- The events themselves (one per measured run, "for everyone", registrations opening when the run
-- starts) are written by run.sh, each just before its run.
--
-- Set-based, deterministic. Expects the application's schema (Flyway) in an empty database:
--   psql -v ON_ERROR_STOP=1 -v hash='{argon2}$argon2id$…' -v people=2000 -f generate.sql

\set ON_ERROR_STOP on
\timing on

begin;

insert into organization (id, parent_id, name, acronym, created_at, type_code, path, address, postal_code, city, phone)
select e, null, 'Communauté de communes de banc ' || e, 'CCB' || e, timestamptz '2020-01-01 00:00:00+00', 'LARGE',
       '/' || e || '/', e || ' rue de la Mairie', '35000', 'Rennes', '02 23 45 67 89'
from generate_series(1, greatest(1, :people / 100)) e;

insert into account (id, email, status, password_hash, civility, last_name, first_name, newsletter, preferred_locale,
    platform_admin, agent, created_at, activated_at, version)
values (1, 'agent@agence.bench.test', 'ACTIVE', :'hash', 'MADAME', 'Agent', 'Camille', false, 'fr', true, true,
        timestamptz '2020-01-01 00:00:00+00', timestamptz '2020-01-01 00:00:00+00', 0);

-- the people: 1000 + n, member of establishment 1 + n % establishments; French-speaking (the pages and
-- e-mails the checks read are in French)
insert into account (id, email, status, password_hash, civility, last_name, first_name, newsletter, preferred_locale,
    platform_admin, agent, created_at, activated_at, version)
select 1000 + n, 'membre' || n || '@etab' || (1 + n % greatest(1, :people / 100)) || '.bench.test', 'ACTIVE',
       :'hash', case when n % 2 = 0 then 'MADAME' else 'MONSIEUR' end, 'Banc ' || n, 'Dominique', false, 'fr',
       false, false, timestamptz '2020-01-01 00:00:00+00', timestamptz '2020-01-01 00:00:00+00', 0
from generate_series(1, :people) n;

insert into membership (account_id, organization_id, status, created_at)
select 1000 + n, 1 + n % greatest(1, :people / 100), 'CONFIRMED', timestamptz '2020-01-01 00:00:00+00'
from generate_series(1, :people) n;

select setval(pg_get_serial_sequence('organization', 'id'), (select max(id) from organization));
select setval(pg_get_serial_sequence('account', 'id'), (select max(id) from account));

commit;
analyze;

select 'members (active accounts)' as what, count(*) as how_many from account where email like 'membre%'
union all select 'establishments', count(*) from organization
union all select 'confirmed memberships', count(*) from membership where status = 'CONFIRMED';
