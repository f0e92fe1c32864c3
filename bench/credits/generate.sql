-- A generated installation for issue 17's "Measured": credit movements posted through the API.
--   :establishments establishments (ids 1..N, default 200), no sub-organisation: each draws on its own
--       balance (the default "one balance per tree" with a tree of one);
--   the platform admin admin@agence.bench.test (password hashed as the application does: :hash), who
--       registers the connected service through his page;
--   the catalogue service BENCH-CREDITS (active), the connected service to be;
--   :history movements of establishment 1 over the last 400 days (agents' credits and consumptions
--       of every kind), so that its statement reads a ledger with many movements.
--
-- Set-based, deterministic. Expects the application's schema (Flyway) in an empty database:
--   psql -v ON_ERROR_STOP=1 -v hash='{argon2}$argon2id$…' -v establishments=200 -v history=100000 -f generate.sql

\set ON_ERROR_STOP on
\timing on

begin;

insert into organization (id, parent_id, name, acronym, created_at, type_code, path, address, postal_code, city, phone)
select e, null, 'Collectivité de banc ' || e, 'CB' || e, timestamptz '2020-01-01 00:00:00+00', 'LARGE', '/' || e || '/',
       e || ' place de la Mairie', '69001', 'Lyon', '04 23 45 67 89'
from generate_series(1, :establishments) e;

insert into account (id, email, status, password_hash, civility, last_name, first_name, newsletter, preferred_locale,
    platform_admin, agent, created_at, activated_at, version)
values (1, 'admin@agence.bench.test', 'ACTIVE', :'hash', 'MADAME', 'Admin', 'Camille', false, 'fr', true, true,
        timestamptz '2020-01-01 00:00:00+00', timestamptz '2020-01-01 00:00:00+00', 0);

insert into catalogue_service (code, name, description, domain, decided_by, active, created_at, version)
values ('BENCH-CREDITS', 'SALLE DES MARCHÉS DE BANC', 'La salle des marchés du banc d’essai : elle poste les points consommés.',
        'PURCHASING', 'AGENCY', true, timestamptz '2020-01-01 00:00:00+00', 0);

-- establishment 1's history: one movement in 5 a credit (acquired, 10 to 50), the others consumptions
-- of 1 to 3 credits of each kind in turn, spread over the last 400 days (so over every statement period)
insert into credit_movement (organization_id, establishment_id, direction, amount, kind_code, occurred_on, recorded_at,
    origin, origin_ref, reason)
select 1, 1,
       case when n % 5 = 0 then 'CREDIT' else 'DEBIT' end,
       case when n % 5 = 0 then 10 + n % 41 else 1 + n % 3 end,
       case when n % 5 = 0 then null
            else (array['NOTICE_TENDER_FILE', 'MAPA', 'FORMAL_PROCEDURE'])[1 + n % 3] end,
       current_date - 1 - (n % 400),
       (current_date - 1 - (n % 400))::timestamptz + interval '12 hours',
       'agent:1', 'seed-' || n, 'Historique de banc ' || n
from generate_series(1, :history) n;

select setval(pg_get_serial_sequence('organization', 'id'), (select max(id) from organization));
select setval(pg_get_serial_sequence('account', 'id'), (select max(id) from account));

commit;
analyze;

select 'establishments' as what, count(*) as how_many from organization
union all select 'platform admins', count(*) from account where platform_admin
union all select 'catalogue services', count(*) from catalogue_service
union all select 'movements of establishment 1', count(*) from credit_movement where organization_id = 1;
