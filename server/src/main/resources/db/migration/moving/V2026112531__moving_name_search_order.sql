-- Name search answers the newest notifications first. With the filing date and status next to
-- each key, an exact key is one ordered index range, whatever the name's frequency.
alter table moving.notification_names
    add column filed_on   date,
    add column created_at timestamptz,
    add column status     text;

update moving.notification_names k
   set filed_on = n.filed_on, created_at = n.created_at, status = n.status
  from moving.notifications n
 where n.id = k.notification_id;

alter table moving.notification_names
    alter column created_at set not null,
    alter column status set not null;

create index notification_names_newest_ix
    on moving.notification_names (name_key, filed_on desc nulls last, created_at desc);
