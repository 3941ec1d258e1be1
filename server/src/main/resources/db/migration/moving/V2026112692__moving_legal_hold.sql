-- Retention (issue 10): notifications are purged 5 fiscal years after the one they were filed
-- in, unless put on legal hold (訴訟ホールド: a dispute, an audit, a police inquiry).
alter table moving.notifications
    add column legal_hold        boolean not null default false,
    add column legal_hold_reason text,
    add column legal_hold_by     text,
    add column legal_hold_at     timestamptz;

-- The date retention counts from: the filing date, else the day the draft was created (Tokyo).
create index notifications_retention_ix
    on moving.notifications (coalesce(filed_on, (created_at at time zone 'Asia/Tokyo')::date))
    where not legal_hold;
