-- Failed sign-ins, counted in the database so that every node sees the same count: one leaky
-- bucket per key ('A:' + hash of the typed address, 'S:' + hash of the source address).
-- failures: how many failures the bucket still holds at counted_at (milliseconds since the epoch);
-- it drains continuously at the allowance per refill period.
create table sign_in_failure (
    throttle_key varchar(70)      not null primary key,
    failures     double precision not null,
    counted_at   bigint           not null
);
create index sign_in_failure_counted_idx on sign_in_failure (counted_at);
