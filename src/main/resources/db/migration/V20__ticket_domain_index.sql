-- The reference data pages count, for each domain of a product, the tickets that name it (a domain
-- in use cannot be removed): by index, not by reading a million tickets.
create index ticket_product_domain_idx on ticket (product_id, domain);
