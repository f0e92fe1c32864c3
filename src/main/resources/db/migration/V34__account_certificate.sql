-- How a person proves who he is (issue 15): his password, the default, or the client certificate an
-- admin registered for him (seed 004's "Type d'authentification : par login/mot de passe, par
-- certificat"). Only what identifies the certificate is kept, never a key: the SHA-256 of its DER
-- encoding, which the sign-in compares, and what the admin's page shows of it. One certificate opens
-- one account at most.
alter table account add column authentication varchar(20) default 'PASSWORD' not null;
alter table account add column certificate_sha256 varchar(64);
alter table account add column certificate_subject varchar(1000);
alter table account add column certificate_issuer varchar(1000);
alter table account add column certificate_serial varchar(100);
alter table account add column certificate_not_before timestamp with time zone;
alter table account add column certificate_not_after timestamp with time zone;
alter table account add constraint account_authentication_check
    check (authentication in ('PASSWORD', 'CERTIFICATE'));
alter table account add constraint account_certificate_of_its_method
    check ((authentication = 'CERTIFICATE' and certificate_sha256 is not null)
        or (authentication = 'PASSWORD' and certificate_sha256 is null));
alter table account add constraint account_certificate_unique unique (certificate_sha256);
