-- A generated installation for issue 16's last "Measured": an announcement to everyone, e-mailed to
-- :people people (default 100,000), each an active account that asked for the newsletter (an
-- announcement to everyone is the newsletter: docs/announcements.md), a confirmed member of one of
-- :people / 1,000 establishments (at least one), with no alert preference (ANNOUNCEMENTS reaches
-- him at once, as for anyone who never touched his alerts); and the agent who publishes it,
-- agent@agence.bench.test (platform admin), who did not ask for the newsletter: he is in the
-- audience (:people + 1) but gets no e-mail.
--
-- Set-based, deterministic. Expects the application's schema (Flyway) in an empty database:
--   psql -v ON_ERROR_STOP=1 -v hash='{argon2}$argon2id$…' -v people=100000 -f generate.sql

\set ON_ERROR_STOP on
\timing on

begin;

insert into organization (id, parent_id, name, acronym, created_at, type_code, path, address, postal_code, city, phone)
select e, null, 'Université de banc ' || e, 'UB' || e, timestamptz '2020-01-01 00:00:00+00', 'LARGE', '/' || e || '/',
       e || ' avenue de l''Université', '75005', 'Paris', '01 23 45 67 89'
from generate_series(1, greatest(1, :people / 1000)) e;

-- the agent: id 1; the people: 1000 + n, member of establishment 1 + n % establishments
insert into account (id, email, status, password_hash, civility, last_name, first_name, newsletter, preferred_locale,
    platform_admin, agent, created_at, activated_at, version)
values (1, 'agent@agence.bench.test', 'ACTIVE', :'hash', 'MADAME', 'Agent', 'Camille', false, 'fr', true, true,
        timestamptz '2020-01-01 00:00:00+00', timestamptz '2020-01-01 00:00:00+00', 0);

insert into account (id, email, status, password_hash, civility, last_name, first_name, newsletter, preferred_locale,
    platform_admin, agent, created_at, activated_at, version)
select 1000 + n, 'personne' || n || '@etab' || (1 + n % greatest(1, :people / 1000)) || '.bench.test', 'ACTIVE',
       :'hash', case when n % 2 = 0 then 'MADAME' else 'MONSIEUR' end, 'Banc ' || n, 'Dominique', true,
       case when n % 10 = 0 then 'en' else 'fr' end, false, false,
       timestamptz '2020-01-01 00:00:00+00', timestamptz '2020-01-01 00:00:00+00', 0
from generate_series(1, :people) n;

insert into membership (account_id, organization_id, status, created_at)
select 1000 + n, 1 + n % greatest(1, :people / 1000), 'CONFIRMED', timestamptz '2020-01-01 00:00:00+00'
from generate_series(1, :people) n;

select setval(pg_get_serial_sequence('organization', 'id'), (select max(id) from organization));
select setval(pg_get_serial_sequence('account', 'id'), (select max(id) from account));

commit;
analyze;

select 'active accounts' as what, count(*) as how_many from account where status = 'ACTIVE'
union all select 'of which newsletter readers', count(*) from account where status = 'ACTIVE' and newsletter
union all select 'establishments', count(*) from organization
union all select 'confirmed memberships', count(*) from membership where status = 'CONFIRMED';
