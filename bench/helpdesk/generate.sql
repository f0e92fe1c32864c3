-- A generated helpdesk for the benchmarks of issue 5 ("Measured"):
--   200 establishments, 9 products (Apogée, Harpège, Sifac, Siham, Siham-PMS, ROF, Sinaps, Sinchro,
--   EvRP) with 5 versions each and 4 domains; each establishment runs ~80 % of them (Sifac and
--   Apogée everywhere), each (establishment, product) with 2 functional and 2 technical
--   correspondents among 16 correspondent accounts of the establishment, and a validated installed
--   version; 5 teams of 8 agents, 3 contractors of 3 agents, 9 level-2 categories and a small
--   simple-request tree; 2,000 members who file simple requests;
--   :tickets tickets (default 1,000,000) over the last 6 years, newest last (number order = date
--   order), spread over establishments unevenly (a few large universities file much more), titles
--   and descriptions built from French word lists; most closed (TER/V, TER/N, ABN, EXC, REJ), about
--   9,000 open among the last 20,000 (about 3,400 waiting for the site, ARS/AVS, their waiting_since
--   spread over the last weeks) and about 4,000 older ones still open in ATD/ADV/DEV/PEC/CTR/REM;
--   1 to 9 exchanges per ticket (5 on average), the first the filing with the description;
--   an API token per correspondent and agent: secret 'gch_bench_' || account id.
--
-- Set-based (generate_series), deterministic (setseed and hashes of the ticket number). Expects the
-- application's schema (Flyway) in an empty database:
--   psql -v ON_ERROR_STOP=1 -v hash='{argon2}$argon2id$…' -v today=2026-11-22 -v tickets=1000000 -f generate.sql
-- Foreign keys are not checked while loading (session_replication_role = replica): the rows are
-- consistent by construction, and it halves the time.

\set ON_ERROR_STOP on
\timing on

set session_replication_role = replica;
set work_mem = '256MB';
select setseed(0.2026);

begin;

-- ---- people and organisations -----------------------------------------------------------------

insert into organization (id, parent_id, name, acronym, created_at, type_code, path, address, postal_code, city, phone)
select e, null, 'Université de banc ' || e, 'UB' || e, timestamptz '2020-01-01 00:00:00+00', 'LARGE', '/' || e || '/',
       e || ' avenue de l''Université', '75005', 'Paris', '01 23 45 67 89'
from generate_series(1, 200) e;
insert into organization_email_domain (organization_id, domain)
select e, 'etab' || e || '.bench.test' from generate_series(1, 200) e;

-- accounts: agents 1..40 (team (id - 1) / 8 + 1), contractor agents 41..49, correspondents
-- 1000 + (establishment - 1) * 16 + k (k = 0..15), members 5000 + (establishment - 1) * 10 + k.
create temp table person (id bigint primary key, email text, establishment int, last_name text, first_name text,
    agent boolean) on commit drop;
insert into person
select a, 'agent' || a || '@agence.bench.test', null::int, 'Agent ' || a, 'Camille', true from generate_series(1, 40) a
union all
select a, 'prestataire' || a || '@prestataire.bench.test', null, 'Prestataire ' || a, 'Hugo', false from generate_series(41, 49) a
union all
select 1000 + (e - 1) * 16 + k, 'corr' || (1000 + (e - 1) * 16 + k) || '@etab' || e || '.bench.test', e,
       (array['Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent',
              'Simon', 'Michel', 'Lefebvre', 'Leroy', 'Roux', 'David'])[1 + k] || ' ' || e,
       (array['Léa', 'Louis', 'Manon', 'Jules', 'Chloé', 'Hugo', 'Inès', 'Arthur'])[1 + (e + k) % 8], false
from generate_series(1, 200) e, generate_series(0, 15) k
union all
select 5000 + (e - 1) * 10 + k, 'membre' || (5000 + (e - 1) * 10 + k) || '@etab' || e || '.bench.test', e,
       'Membre ' || k, 'Alex', false
from generate_series(1, 200) e, generate_series(0, 9) k;

insert into account (id, email, status, password_hash, civility, last_name, first_name, newsletter, preferred_locale,
    platform_admin, agent, created_at, activated_at, version)
select id, email, 'ACTIVE', :'hash', case when id % 2 = 0 then 'MADAME' else 'MONSIEUR' end, last_name, first_name, false,
       'fr', false, agent, timestamptz '2020-01-01 00:00:00+00', timestamptz '2020-01-01 00:00:00+00', 0
from person order by id;
insert into membership (account_id, organization_id, status, created_at)
select id, establishment, 'CONFIRMED', timestamptz '2020-01-01 00:00:00+00' from person where establishment is not null;

insert into api_token (account_id, name, token_hash, created_at)
select id, 'bench', encode(sha256(convert_to('gch_bench_' || id, 'UTF8')), 'hex'), timestamptz '2026-01-01 00:00:00+00'
from person where id < 5000;

-- ---- reference data ---------------------------------------------------------------------------

insert into product (id, code, name, guidance, active)
select p, code, name, 'Indiquez l''écran, le code message exact et la version.', true
from unnest(array['APOGEE', 'HARPEGE', 'SIFAC', 'SIHAM', 'SIHAM_PMS', 'ROF', 'SINAPS', 'SINCHRO', 'EVRP'],
            array['Apogée', 'Harpège', 'Sifac', 'Siham', 'Siham-PMS', 'ROF', 'Sinaps', 'Sinchro', 'EvRP'])
     with ordinality as t (code, name, p);

-- versions (id = (p - 1) * 5 + v): the last two maintained, EvRP only its latest
insert into product_version (id, product_id, label, released_on, maintained)
select (p - 1) * 5 + v, p, 'V' || (p + 1) || '.' || v, date '2021-01-15' + (v * 200), v = 5 or (v = 4 and p <> 9)
from generate_series(1, 9) p, generate_series(1, 5) v;

-- domains (id = (p - 1) * 4 + d)
insert into product_domain (id, product_id, name)
select (p - 1) * 4 + d, p, (array[
        array['Inscriptions', 'Diplômes', 'Notes et résultats', 'Bourses'],
        array['Carrière', 'Paie', 'Positions', 'Congés'],
        array['Recettes', 'Autorisations', 'Budget', 'Conventions'],
        array['Carrière', 'Paie', 'Recrutement', 'Temps de travail'],
        array['Paie', 'Emplois', 'Masse salariale', 'Prévisions'],
        array['Offre de formation', 'Maquettes', 'Publication', 'Référentiels'],
        array['Référentiels', 'Nomenclatures', 'Diffusion', 'Synchronisation'],
        array['Flux', 'Connecteurs', 'Planification', 'Supervision'],
        array['Unités de travail', 'Risques', 'Actions', 'Document unique']])[p][d]
from generate_series(1, 9) p, generate_series(1, 4) d;

-- the (establishment, product) pairs: Apogée and Sifac everywhere, the others ~75 %
create temp table site (establishment int, product int, rank int, primary key (establishment, product)) on commit drop;
insert into site
select e, p, row_number() over (partition by e order by p)
from generate_series(1, 200) e, generate_series(1, 9) p
where p in (1, 3) or (e * 31 + p * 17) % 4 <> 0;
create temp table site_count on commit drop as select establishment, count(*)::int as n from site group by establishment;

-- correspondents: 2 functional (j = 0, 1) and 2 technical (j = 2, 3) per site, among the 16 of the establishment
insert into correspondent (establishment_id, product_id, account_id, kind, contact_email, created_at)
select s.establishment, s.product, 1000 + (s.establishment - 1) * 16 + (s.product * 3 + j) % 16,
       case when j < 2 then 'FUNCTIONAL' else 'TECHNICAL' end,
       case when j = 0 then lower(replace(p.code, '_', '')) || '@etab' || s.establishment || '.bench.test' end,
       timestamptz '2020-01-01 00:00:00+00'
from site s join product p on p.id = s.product, generate_series(0, 3) j;

insert into installed_version (establishment_id, product_id, version_id, server_data, validated_at)
select establishment, product, (product - 1) * 5 + case when (establishment + product) % 10 = 0 then 3
                                                        when (establishment + product) % 3 = 0 then 4 else 5 end,
       'srv-' || establishment || '-' || product || '.etab.bench.test', timestamptz '2026-01-01 00:00:00+00'
from site;

insert into team (id, name) values (1, 'Équipe Scolarité'), (2, 'Équipe Ressources humaines'), (3, 'Équipe Finances'),
    (4, 'Équipe Recherche et référentiels'), (5, 'Équipe Prévention');
insert into team_member (team_id, account_id) select (a - 1) / 8 + 1, a from generate_series(1, 40) a;
insert into contractor (id, name) values (1, 'Prestataire Alpha'), (2, 'Prestataire Bêta'), (3, 'Prestataire Gamma');
insert into contractor_agent (contractor_id, account_id) select (a - 41) / 3 + 1, a from generate_series(41, 49) a;

-- the team of each product: Apogée, ROF → Scolarité; Harpège, Siham, Siham-PMS → RH; Sifac → Finances;
-- Sinaps, Sinchro → Recherche et référentiels; EvRP → Prévention
create temp table product_team (product int primary key, team int) on commit drop;
insert into product_team values (1, 1), (2, 2), (3, 3), (4, 2), (5, 2), (6, 1), (7, 4), (8, 4), (9, 5);

insert into category (id, parent_id, name, sort_order, product_id, filed_by_correspondents, filed_by_members,
    filed_by_externals, requires_validation, publishes, team_id, description_limit, active)
select p.id, null, p.name || ' — assistance de niveau 2', p.id, p.id, true, false, false, true, true, t.team, 10000, true
from product p join product_team t on t.product = p.id;
insert into category (id, parent_id, name, sort_order, product_id, filed_by_correspondents, filed_by_members,
    filed_by_externals, requires_validation, publishes, team_id, description_limit, active)
values (10, null, 'Demandes simples', 10, null, false, true, true, false, false, 1, 10000, true);
insert into category (id, parent_id, name, sort_order, product_id, filed_by_correspondents, filed_by_members,
    filed_by_externals, requires_validation, publishes, team_id, description_limit, active)
select 10 + c, 10, name, c, null, false, true, true, false, false, c, 10000, true
from unnest(array['Création de compte', 'Accès à un service', 'Formation', 'Documentation', 'Autre demande'])
     with ordinality as t (name, c);

-- ---- tickets ----------------------------------------------------------------------------------

-- Each ticket's draws: its establishment (skewed: establishment 1 files ~4 %, the last ones ~0.2 %),
-- its product among the establishment's, its requester among the site's 4 correspondents, its
-- fate (u) and hashes for the rest.
create temp table draw on commit drop as
select n::bigint as id,
       (:tickets - n) as age,                            -- 0 = the newest
       n % 33 = 0 as simple,
       1 + floor(200 * power(random(), 1.7))::int as establishment,
       random() as r_site,
       random() as u,
       random() as v,
       (n * 2654435761) % 1000003 as h
from generate_series(1, :tickets) n;

create temp table fate on commit drop as
select d.*,
       case
           when d.age < 20000 and d.u < 0.45 then                     -- recent and still open
               case when d.v < 0.10 then 'ECT'
                    when d.v < 0.45 then 'ECT/INT'
                    when d.v < 0.50 then 'ECT/EXT'
                    when d.v < 0.52 then 'ECT/AVA'
                    when d.v < 0.54 then 'ECT/EXP'
                    when d.v < 0.72 then 'ARS'
                    when d.v < 0.92 then 'AVS'
                    when d.v < 0.96 then 'ATD/INF'
                    else 'DEV/EC' end
           when d.age >= 20000 and d.u < 0.004 then                   -- older, long-lived
               case when d.v < 0.25 then 'ATD/DMF' when d.v < 0.40 then 'ADV' when d.v < 0.55 then 'DEV/INI'
                    when d.v < 0.65 then 'DEV/EC' when d.v < 0.72 then 'DEV/SUS' when d.v < 0.80 then 'PEC/INI'
                    when d.v < 0.88 then 'CTR/EC' else 'REM' end
           else                                                        -- closed
               case when d.v < 0.72 then 'TER/V' when d.v < 0.84 then 'TER/N' when d.v < 0.92 then 'ABN'
                    when d.v < 0.97 then 'EXC' else 'REJ' end
       end as state
from draw d;

create temp table t0 on commit drop as
select f.id, f.age, f.simple, f.h, f.establishment,
       case when f.simple then null else s.product end as product,
       case when f.simple and split_part(f.state, '/', 1) in ('ATD', 'ADV', 'DEV', 'PEC', 'CTR', 'REM') then 'ECT/INT'
            when f.simple and f.state = 'REJ' then 'EXC'
            else f.state end as state,
       (date :'today' - 1)::timestamptz + time '17:00' - f.age * interval '189 seconds' as created_at
from fate f
join site_count c on c.establishment = f.establishment
join site s on s.establishment = f.establishment and s.rank = 1 + floor(f.r_site * c.n)::int;

insert into ticket (id, category_id, product_id, establishment_id, requester_id, follow_up_email, internal_reference,
    installed_version_id, version_label, priority, domain, nature, message_code, title, description, status, sub_status,
    before_question_sub, simple_request, team_id, handling_agent_id, contractor_id, waiting_since, reminded,
    deadline_push_days, fixed_version, created_at, updated_at, closed_at, first_replied_at, version)
select t.id,
       case when t.simple then 11 + t.h % 5 else t.product end,
       t.product,
       case when t.simple then null else t.establishment end,
       r.requester,
       case when t.simple then 'membre' || r.requester else 'corr' || r.requester end || '@etab' || t.establishment || '.bench.test',
       case when t.h % 4 = 0 then 'REF-' || (t.h % 90000 + 10000) end,
       i.version_id, v.label,
       case when t.simple then null when t.h % 100 < 15 then 'BLOCKING' else 'NON_BLOCKING' end,
       case when t.simple then null else (select name from product_domain where id = (t.product - 1) * 4 + 1 + t.h % 4) end,
       case when t.simple then null when t.h % 100 < 65 then 'FUNCTIONAL' else 'TECHNICAL' end,
       w.code,
       w.title, w.description,
       split_part(t.state, '/', 1),
       nullif(split_part(t.state, '/', 2), ''),
       case when t.state = 'ARS' then 'INT' end,
       t.simple,
       team.team,
       case when t.state in ('ECT') then null else (team.team - 1) * 8 + 1 + t.h % 8 end,
       case when t.state in ('ECT/EXT', 'ECT/AVA') then 1 + t.h % 3 end,
       ws.waiting_since,
       coalesce(ws.waiting_since < date :'today' - 8 and t.h % 10 < 7, false),
       0, null,
       t.created_at,
       coalesce(cl.closed_at, least(t.created_at + interval '2 days', now())),
       cl.closed_at,
       case when t.state = 'ECT' or (t.state = 'ECT/INT' and t.h % 2 = 0) then null
            else least(t.created_at + interval '1 day', now()) end,
       0
from t0 t
left join product_team pt on pt.product = t.product
cross join lateral (select case when t.simple then 1 + t.h % 5 else pt.team end as team) team
cross join lateral (select case when t.simple then 5000 + (t.establishment - 1) * 10 + t.h % 10
                                else 1000 + (t.establishment - 1) * 16 + (t.product * 3 + t.h % 4) % 16 end as requester) r
left join installed_version i on i.establishment_id = t.establishment and i.product_id = t.product and not t.simple
left join product_version v on v.id = i.version_id
cross join lateral (
    select case when split_part(t.state, '/', 1) in ('ARS', 'AVS')
                then greatest(t.created_at::date, date :'today' - 1 - ((t.h / 7) % 30)::int) end as waiting_since) ws
cross join lateral (
    select case when split_part(t.state, '/', 1) in ('TER', 'ABN', 'EXC', 'REJ')
                then least(t.created_at + (1 + t.h % 25) * interval '1 day' + (t.h % 600) * interval '1 minute', now()) end
           as closed_at) cl
cross join lateral (
    select (array['Erreur', 'Blocage', 'Anomalie', 'Message d''erreur', 'Lenteur', 'Impossible de valider', 'Échec',
                  'Plantage', 'Question sur', 'Demande d''aide pour', 'Problème d''accès à', 'Calcul erroné de',
                  'Écart constaté sur', 'Doublon dans', 'Perte de données dans', 'Incohérence sur', 'Impossible d''éditer',
                  'Rejet de', 'Montant incorrect dans', 'Export impossible de'])[1 + t.h % 20] as problem,
           (array['la facture', 'le bon de commande', 'l''engagement juridique', 'la convention', 'le titre de recette',
                  'l''inscription administrative', 'la maquette de diplôme', 'le dossier agent', 'la paie',
                  'le contrat doctoral', 'l''avenant', 'le service fait', 'la liquidation', 'la demande de paiement',
                  'le relevé de notes', 'l''attestation de réussite', 'la carte étudiant', 'le fichier d''import',
                  'le budget rectificatif', 'la délibération', 'le planning', 'l''emploi du temps', 'le document unique',
                  'l''évaluation des risques', 'le bordereau de mandat', 'l''état de frais', 'l''ordre de mission',
                  'le virement', 'la fiche de poste', 'l''arrêté de nomination'])[1 + (t.h / 20) % 30] as object,
           (array['après la mise à jour', 'en fin d''exercice', 'lors de la clôture', 'depuis la migration',
                  'sur le serveur de production', 'pour un étudiant étranger', 'en recette', 'au moment de l''export',
                  'lors de l''import', 'après le changement de version', 'pour le second semestre', 'en mode batch',
                  'depuis ce matin', 'pour certains utilisateurs', 'à la validation', 'lors de l''édition PDF'])
               [1 + (t.h / 600) % 16] as context,
           case when t.h % 5 = 0 then (array['ORA-01403', 'ORA-00054', 'FB60', 'ME21N', 'SIF-0420', 'APO-1207',
                  'HAR-0032', 'SIH-5501', 'PMS-0100', 'ROF-0009', 'SYN-4040', 'EVR-0002', 'ERR-500', 'TIMEOUT',
                  'NullPointerException', 'CX-118'])[1 + (t.h / 3) % 16] end as code) words
cross join lateral (
    select words.code,
           words.problem || ' ' || words.object || ' ' || words.context as title,
           (array['Bonjour, nous constatons', 'Bonjour, nos gestionnaires signalent', 'Bonjour, le service financier remonte',
                  'Bonjour, la scolarité nous indique', 'Bonjour, plusieurs utilisateurs rencontrent',
                  'Bonjour, depuis hier nous observons', 'Madame, Monsieur, nous rencontrons', 'Bonjour, un agent signale'])
               [1 + (t.h / 7) % 8] || ' : ' || lower(words.problem) || ' ' || words.object || ' ' || words.context || '. '
           || case when words.code is not null then 'Le message affiché est « ' || words.code || ' ». ' else '' end
           || (array['La transaction reste bloquée au statut brouillon.',
                     'Le traitement s''interrompt sans message après plusieurs minutes.',
                     'Les montants calculés ne correspondent pas au tableau de bord.',
                     'Nous avons vidé le cache et relancé le serveur sans succès.',
                     'Le problème concerne uniquement les composantes rattachées au campus nord.',
                     'Les droits de l''utilisateur ont été vérifiés dans son profil.',
                     'La requête fournie par la documentation ne retourne aucune ligne.',
                     'Le fichier CSV contient des caractères accentués mal encodés.',
                     'Le calendrier universitaire a été modifié la semaine dernière.',
                     'L''écran reste figé sur le sablier.',
                     'La capture d''écran jointe montre l''anomalie.',
                     'Le gestionnaire a dû saisir à la main les lignes manquantes.',
                     'Le rapprochement bancaire fait apparaître un écart de quelques centimes.',
                     'L''agent concerné a changé de grade au premier septembre.',
                     'La convention de stage n''apparaît plus dans la liste.',
                     'Le serveur applicatif redémarre toutes les nuits.',
                     'Les journaux du serveur indiquent un dépassement de délai.',
                     'Le même cas se produit sur la base de formation.',
                     'Aucune modification n''a été faite de notre côté.',
                     'Le lettrage automatique ne trouve pas la pièce comptable.',
                     'La balance des comptes est déséquilibrée depuis le dernier traitement.',
                     'Les étudiants en double cursus sont comptés deux fois.',
                     'Le centre financier n''est pas proposé dans la liste déroulante.',
                     'L''édition du diplôme affiche une mention erronée.'])[1 + (t.h / 11) % 24] || ' '
           || (array['Le tableau de bord des gestionnaires est faux pour cette période.',
                     'Nous avons reproduit le cas sur un second poste de travail.',
                     'Le fournisseur a relancé pour le paiement de sa facture.',
                     'Le jury doit se réunir à la fin du mois.',
                     'Plusieurs dossiers sont concernés, la liste est en pièce jointe.',
                     'La procédure décrite dans le guide utilisateur a été suivie.',
                     'Le problème n''existait pas avec la version précédente.',
                     'La paie du mois prochain risque d''être retardée.',
                     'Le commissaire aux comptes attend les états définitifs.',
                     'Les enseignants ne peuvent plus saisir leurs notes.'])[1 + (t.h / 13) % 10] || ' '
           || (array['Merci de votre aide.', 'Pouvez-vous nous indiquer la marche à suivre ?',
                     'Cela bloque la clôture de l''exercice.', 'Le problème est urgent pour la rentrée.',
                     'Cordialement.', 'Merci par avance de votre retour.'])[1 + (t.h / 17) % 6] as description) w
order by t.id;

-- ---- exchanges --------------------------------------------------------------------------------

-- 1 + (n * 7919) % 9 exchanges per ticket (5 on average): the filing (its description), then a
-- plausible course of acts, six hours apart.
insert into ticket_exchange (ticket_id, action, actor, author_id, from_state, to_state, text, created_at)
select t.id,
       case when k = 1 then 'FILE'
            else (array['TAKE', 'ASK_SITE', 'SITE_ANSWERS', 'SEND_SOLUTION', 'REFUSE_SOLUTION', 'SEND_SOLUTION',
                        'VALIDATE_SOLUTION', 'COMPLEMENT'])[k - 1] end,
       case when k = 1 or k in (4, 6, 8, 9) then 'REQUESTER' else 'AGENT' end,
       case when k = 1 or k in (4, 6, 8, 9) then t.requester_id else coalesce(t.handling_agent_id, (t.team_id - 1) * 8 + 1) end,
       case when k = 1 then null
            else (array['ECT', 'ECT/INT', 'ARS', 'ECT/INT', 'AVS', 'ECT/INT', 'AVS', 'TER/V'])[k - 1] end,
       case when k = 1 then 'ECT'
            else (array['ECT/INT', 'ARS', 'ECT/INT', 'AVS', 'ECT/INT', 'AVS', 'TER/V', 'TER/V'])[k - 1] end,
       case when k = 1 then t.description
            when k = 2 then null
            else (array['Pouvez-vous nous transmettre la capture d''écran et le numéro de dossier concerné ?',
                        'Voici la capture demandée, le dossier concerné est en pièce jointe.',
                        'Appliquez le correctif de la note technique puis relancez le traitement de nuit.',
                        'Le correctif ne règle pas le problème : le montant reste faux.',
                        'Une nouvelle version du script de reprise est disponible sur l''espace documentaire.',
                        'Le traitement est passé correctement, merci.',
                        'Nous ajoutons que le cas se produit aussi sur la base de formation.'])[k - 2] end,
       t.created_at + (k - 1) * interval '6 hours'
from ticket t, generate_series(1, 1 + (t.id * 7919) % 9) k
order by t.id, k;

select setval(pg_get_serial_sequence('organization', 'id'), (select max(id) from organization));
select setval(pg_get_serial_sequence('account', 'id'), (select max(id) from account));
select setval(pg_get_serial_sequence('product', 'id'), (select max(id) from product));
select setval(pg_get_serial_sequence('product_version', 'id'), (select max(id) from product_version));
select setval(pg_get_serial_sequence('product_domain', 'id'), (select max(id) from product_domain));
select setval(pg_get_serial_sequence('team', 'id'), (select max(id) from team));
select setval(pg_get_serial_sequence('contractor', 'id'), (select max(id) from contractor));
select setval(pg_get_serial_sequence('category', 'id'), (select max(id) from category));
select setval(pg_get_serial_sequence('ticket', 'id'), (select max(id) from ticket));
select setval(pg_get_serial_sequence('ticket_exchange', 'id'), (select max(id) from ticket_exchange));

commit;

reset session_replication_role;
vacuum analyze;

-- What was made.
select 'establishments' as what, count(*) as how_many from organization
union all select 'accounts', count(*) from account
union all select 'products', count(*) from product
union all select 'sites (establishment, product)', count(*) from installed_version
union all select 'correspondent rows', count(*) from correspondent
union all select 'correspondent accounts', count(distinct account_id) from correspondent
union all select 'agents', count(*) from account where agent
union all select 'categories', count(*) from category
union all select 'tickets', count(*) from ticket
union all select 'tickets open', count(*) from ticket where status not in ('TER', 'ABN', 'EXC', 'REJ')
union all select 'tickets waiting for the site (ARS, AVS)', count(*) from ticket where status in ('ARS', 'AVS')
union all select 'simple requests', count(*) from ticket where simple_request
union all select 'exchanges', count(*) from ticket_exchange
union all select 'tickets of the largest establishment', max(c) from (select count(*) c from ticket group by establishment_id) x
union all select 'database size (MB)', pg_database_size(current_database()) / 1048576;

select status, count(*) from ticket group by status order by 2 desc;
