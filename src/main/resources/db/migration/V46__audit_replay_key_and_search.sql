-- One entry per audited event, however often the event is delivered: the event publication registry
-- replays a publication whose completion was not recorded (a crash after the listener's commit), and
-- the listener then writes the same entry again. Entries written before this have no key.
alter table audit_entry add column replay_key varchar(64);
create unique index audit_entry_replay_key_idx on audit_entry (replay_key);

-- The trail read by organisation (an administrator's subtree) and by action, newest first.
create index audit_entry_organization_idx on audit_entry (acting_organization_id, id);
create index audit_entry_action_idx on audit_entry (action, id);
