-- When the helpdesk first answered (a question, a solution, a decision…): the service commitment
-- ("first reply within N business days", by priority) is measured against it.
alter table ticket add column first_replied_at timestamp with time zone;
