-- The day the site was reminded: the automatic closure comes 5 business days after the reminder at
-- the earliest, even when the reminder went out late (the daily job did not run on its day).
alter table ticket add column reminded_on date;
