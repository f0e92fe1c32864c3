-- A super admin confirms or refuses a declared membership (issue 14): the version makes the first of
-- two simultaneous decisions win, and a decision taken on a membership removed meanwhile fail.
alter table membership add column version bigint not null default 0;
