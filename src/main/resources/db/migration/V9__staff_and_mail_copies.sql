-- Agency staff ("consultants"): handle agency-decided access requests, upload documents, and
-- later tickets. Platform admins are staff too.
alter table account add column agent boolean not null default false;

-- An e-mail's copies (comma-separated addresses), e.g. the requester copied on a mail to his super admins.
alter table outbox_message add column copy_to varchar(4000);
