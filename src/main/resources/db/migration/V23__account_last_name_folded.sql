-- Last names without case or accents, for the knowledge base's redaction: a name typed without its
-- accents ("Lefevre") finds the account "Lefèvre". Kept by the account itself from now on.
alter table account add column last_name_folded varchar(100);
update account set last_name_folded = lower(translate(last_name,
    'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿ',
    'AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyy'));
create index account_last_name_folded_idx on account (last_name_folded);
