-- The accounts of the page load (Gatling's feeder), as CSV on stdout: email,kind,top,organizations
-- (top: the organisation of the grant, or the establishment; organizations: every id of that
-- subtree, space-separated). 64 lines: the 5 super admins and 59 admins holding every admin
-- right in one organisation of depth 1 to 4 (subtrees of ~10 to ~800 organisations), in an
-- order such that the first 8 are 3 super admins and 5 admins of depths 1, 2, 3, 4, 1.
--   psql -X -q -d guichet_bench -f people.sql > people.csv

\pset format csv
\pset footer off

with super_admins as (
    select a.email, 'super-admin' as kind, s.establishment_id as top, (row_number() over (order by s.establishment_id) - 1) * 2.7 as slot
    from super_admin s join account a on a.id = s.account_id
), single_grant as (
    select account_id, min(organization_id) as top
    from organization_grant
    where kind = 'ADMIN'
    group by account_id
    having count(distinct organization_id) = 1 and count(*) = 5
), admins as (
    select a.email, 'admin' as kind, g.top,
           row_number() over (partition by length(o.path) - length(replace(o.path, '/', '')) - 2 order by md5(a.email)) as turn,
           length(o.path) - length(replace(o.path, '/', '')) - 2 as depth
    from single_grant g join account a on a.id = g.account_id join organization o on o.id = g.top
    where length(o.path) - length(replace(o.path, '/', '')) - 2 between 1 and 4
), admins_in_turn as (
    select email, kind, top, (row_number() over (order by turn, depth) - 1) * 1.6 + 0.1 as slot
    from admins
), people as (
    select * from super_admins
    union all
    (select * from admins_in_turn order by slot limit 59)
)
select p.email, p.kind, p.top,
       (select string_agg(s.id::text, ' ' order by s.id) from organization s, organization t
        where t.id = p.top and s.path like t.path || '%') as organizations
from people p
order by p.slot;
