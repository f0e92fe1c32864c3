-- A message to several deciders (the agency's platform admins for an agency-decided service) names
-- them all in To: 254 characters, one address's limit, held about eight.
alter table outbox_message alter column recipient set data type varchar(4000);
