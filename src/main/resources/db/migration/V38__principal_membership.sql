-- Seed 002's "compte principal": of a person's several memberships, the one he chose as his
-- principal, the organisation he acts for when he signs in. None chosen (null) means his oldest
-- confirmed one; the membership's end forgets the choice.
alter table account add column principal_membership_id bigint;
alter table account add constraint account_principal_membership_fk
    foreign key (principal_membership_id) references membership (id) on delete set null;
