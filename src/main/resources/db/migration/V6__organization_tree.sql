-- Organisation types fix, for life, the roles each role-bearing service has in an organisation
-- (seed 004). They are data: a platform admin adds types and roles.
create table organization_type (
    code     varchar(40)  not null primary key,
    label_fr varchar(100) not null,
    label_en varchar(100) not null,
    position int          not null
);

create table organization_type_role (
    type_code      varchar(40)  not null references organization_type (code),
    service_code   varchar(40)  not null,
    role_code      varchar(40)  not null,
    label_fr       varchar(100) not null,
    label_en       varchar(100) not null,
    description_fr varchar(500) not null,
    description_en varchar(500) not null,
    position       int          not null,
    primary key (type_code, service_code, role_code)
);

insert into organization_type (code, label_fr, label_en, position) values
    ('MEDIUM', 'Collectivité de taille moyenne', 'Medium-sized collectivity', 1),
    ('LARGE', 'Grande collectivité', 'Large collectivity', 2),
    ('SINGLE', 'Intervenant unique', 'Single intervener', 3),
    ('SMALL', 'Petite collectivité', 'Small collectivity', 4);

insert into organization_type_role (type_code, service_code, role_code, label_fr, label_en, description_fr, description_en, position) values
    ('MEDIUM', 'PROCUREMENT_ROOM', 'BUYER', 'Acheteur', 'Buyer',
     'L’acheteur a tous les droits sur les consultations, sauf celui d’ouvrir les plis.',
     'The buyer has every right on consultations except opening the bids.', 1),
    ('MEDIUM', 'PROCUREMENT_ROOM', 'PCAO', 'PCAO', 'PCAO',
     'Le président de CAO a le droit d’ouvrir les plis.',
     'The chair of the tender board may open the bids.', 2),
    ('MEDIUM', 'PROCUREMENT_ROOM', 'PRM', 'PRM', 'PRM',
     'La PRM a tous les droits sur les consultations.',
     'The contracting authority has every right on consultations.', 3),
    ('LARGE', 'PROCUREMENT_ROOM', 'ASSISTANT_BUYER', 'Assistant acheteur', 'Assistant buyer',
     'L’assistant acheteur gère les documents de la consultation et peut consulter les registres.',
     'The assistant buyer manages the consultation documents and may read the registers.', 1),
    ('LARGE', 'PROCUREMENT_ROOM', 'BUYER', 'Acheteur', 'Buyer',
     'L’acheteur élabore la consultation et la gère.',
     'The buyer prepares and runs the consultation.', 2),
    ('LARGE', 'PROCUREMENT_ROOM', 'PCAO', 'PCAO', 'PCAO',
     'Le président de CAO supervise le déroulement des consultations ; il peut décider de l’ouverture et de la fermeture de la salle et ouvrir les plis.',
     'The chair of the tender board supervises consultations, opens and closes the room and opens the bids.', 3),
    ('LARGE', 'PROCUREMENT_ROOM', 'PRM', 'PRM', 'PRM',
     'La PRM a tous les droits sur les consultations.',
     'The contracting authority has every right on consultations.', 4),
    ('SINGLE', 'PROCUREMENT_ROOM', 'SINGLE_INTERVENER', 'Intervenant unique', 'Single intervener',
     'Son rôle unique lui permet de réaliser les consultations de bout en bout.',
     'One role that runs consultations from end to end.', 1),
    ('SMALL', 'PROCUREMENT_ROOM', 'BUYER', 'Acheteur', 'Buyer',
     'L’acheteur a tous les droits sur les consultations, sauf celui d’ouvrir les plis.',
     'The buyer has every right on consultations except opening the bids.', 1),
    ('SMALL', 'PROCUREMENT_ROOM', 'PRM_PCAO', 'PRM / PCAO', 'PRM / PCAO',
     'La PRM peut être le président de CAO ; cette fonction a tous les droits, notamment celui d’ouvrir les plis.',
     'The contracting authority may chair the tender board; this role has every right, opening the bids included.', 2);

-- The tree as a materialised path ("/1/5/23/"): "is Y in X's subtree" is a prefix test, with no
-- recursive query per permission check.
alter table organization add column type_code varchar(40) references organization_type (code);
alter table organization add column path varchar(1000);
alter table organization add column address varchar(255);
alter table organization add column postal_code varchar(10);
alter table organization add column city varchar(100);
alter table organization add column phone varchar(30);
alter table organization add column fax varchar(30);
alter table organization add column website varchar(255);
update organization set type_code = 'LARGE', path = '/' || id || '/';
alter table organization alter column type_code set not null;
alter table organization alter column path set not null;
create index organization_path_idx on organization (path);
