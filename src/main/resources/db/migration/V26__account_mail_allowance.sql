-- How many account e-mails of each kind an address received in its current window (MailAllowance):
-- one row per kind and address, kept by its SHA-256 rather than the address itself.
create table account_mail_allowance (
    kind         varchar(30)              not null,
    address_hash varchar(64)              not null,
    window_start timestamp with time zone not null,
    sent         int                      not null,
    primary key (kind, address_hash)
);
create index account_mail_allowance_window_idx on account_mail_allowance (window_start);
