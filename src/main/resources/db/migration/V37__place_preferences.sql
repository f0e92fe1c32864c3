-- A person's places of interest ("Mes préférences « Lieu d'exécution »", seed 002), used to target
-- announcements. A place is kept by its code: R-44 (a région, INSEE code), D-67 or D-2A (a
-- département), C-DE (another country, ISO 3166-1 alpha-2); the application knows the places and
-- refuses any other code. By place as well, since targeting asks who chose these places.
create table place_preference (
    account_id bigint      not null references account (id) on delete cascade,
    place      varchar(8)  not null,
    primary key (account_id, place)
);
create index place_preference_place_idx on place_preference (place, account_id);
