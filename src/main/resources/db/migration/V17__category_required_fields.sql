-- Which optional fields of the filing form a category makes required (DESIGN.md §2, helpdesk), as a
-- comma-separated list of names (INTERNAL_REFERENCE, MESSAGE_CODE, DOMAIN, ATTACHMENT); null: none.
alter table category add column required_fields varchar(200);
