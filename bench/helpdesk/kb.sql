-- Issue 6's benchmark: every generated ticket published in the knowledge base (set-based), as the
-- publisher would have left it: 70% validated solutions (TER/V), 20% known issues (ATD, ADV, DEV,
-- PEC, CTR; one in two "fixed" versions), 10% rejections with their decision.
\timing on
truncate kb_sheet;
insert into kb_sheet (number, publication, withdrawn, status, sub_status, product_id, product_name, version_label,
    fixed_version, domain, nature, message_code, title, description, answer, source_digest, opened_at, answered_at, updated_at)
select t.id,
       case when t.id % 10 < 7 then 'SOLVED' when t.id % 10 < 9 then 'KNOWN_ISSUE' else 'REJECTED' end,
       false,
       case when t.id % 10 < 7 then 'TER' when t.id % 10 < 9 then (array['ATD', 'ADV', 'DEV', 'PEC', 'CTR'])[1 + (t.id / 10) % 5]
            else 'REJ' end,
       case when t.id % 10 < 7 then 'V' end,
       t.product_id, p.name, t.version_label,
       case when t.id % 10 = 8 then '2026.2' end,
       t.domain, t.nature, t.message_code, t.title, t.description,
       case when t.id % 10 = 9 then 'Rejetée en comité : le comportement est conforme à la réglementation.'
            else (array['Vider le cache du serveur d''application puis relancer le traitement.',
                        'Corriger le paramétrage de l''exercice comptable dans l''écran de configuration.',
                        'Supprimer le doublon puis valider de nouveau le bordereau.',
                        'Appliquer le correctif livré avec la version suivante et relancer l''import.',
                        'Réencoder le fichier en UTF-8 avant l''import.',
                        'Contrôler le rapprochement bancaire sur la période et régulariser l''écart.'])[1 + (t.id / 7) % 6] end,
       md5(t.id::text), t.created_at, coalesce(t.closed_at, t.updated_at), now()
from ticket t left join product p on p.id = t.product_id;
analyze kb_sheet;
