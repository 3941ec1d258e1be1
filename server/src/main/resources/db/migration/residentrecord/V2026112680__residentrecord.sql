-- Resident-record link (住民記録システム連携): the transactional outbox of deliveries.
-- A row is written in the same transaction that accepts the notification (受理), so an
-- accepted notification always has exactly one delivery and a rolled-back acceptance none.
-- Workers on any number of instances claim due rows with FOR UPDATE SKIP LOCKED and hold
-- them by a lease (lease_until); a crashed worker's lease runs out and another takes over.

create schema if not exists residentrecord;

create table residentrecord.deliveries (
	id               uuid primary key,          -- also the Idempotency-Key of HTTP deliveries
	notification_id  uuid not null unique,      -- exactly one delivery per notification
	state            text not null check (state in
	                   ('PENDING', 'DELIVERED', 'SENT', 'FAILED_RETRYING', 'DEAD', 'ERROR')),
	channel          text,                      -- file | http: how it was last attempted
	attempts         integer not null default 0,
	next_attempt_at  timestamptz not null,
	lease_until      timestamptz,
	leased_by        text,
	last_error       text,                      -- why it waits, in Japanese, shown to staff
	content_sha256   text,                      -- of the document delivered
	notes            text,                      -- what the document could not keep (CSV: variation sequences, characters)
	accepted_at      timestamptz not null,
	accepted_by      text not null,
	created_at       timestamptz not null,
	delivered_at     timestamptz,
	acknowledged_at  timestamptz,
	updated_at       timestamptz not null
);

-- The workers' question: what is due now.
create index deliveries_due on residentrecord.deliveries (next_attempt_at)
	where state in ('PENDING', 'FAILED_RETRYING');
-- The acknowledgement scan and the admin list by state.
create index deliveries_state on residentrecord.deliveries (state, created_at);
