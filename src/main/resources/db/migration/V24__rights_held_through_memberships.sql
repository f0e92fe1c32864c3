-- What a person holds because of a membership ends with it (issue 12). Before, a removal took only
-- the admin grants of the organisation left: rows held through a membership that had ended stayed.

-- rights and roles in an organisation are its members'
delete from organization_grant g
where not exists (select 1 from membership m where m.account_id = g.account_id and m.organization_id = g.organization_id);

-- a super admin and a correspondent belong to their establishment's tree
delete from super_admin s
where not exists (select 1 from membership m join organization o on o.id = m.organization_id
                  where m.account_id = s.account_id
                    and o.path like concat('/', cast(s.establishment_id as varchar), '/%'));

delete from correspondent c
where not exists (select 1 from membership m join organization o on o.id = m.organization_id
                  where m.account_id = c.account_id
                    and o.path like concat('/', cast(c.establishment_id as varchar), '/%'));
