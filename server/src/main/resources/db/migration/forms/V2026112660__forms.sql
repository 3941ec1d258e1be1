-- Forms and printing (申請書作成・印刷): template versions, print jobs, resident signatures.

create schema if not exists forms;

-- A template is data; every save adds a version, the highest is in force. Old versions stay
-- so that a form printed last year can be explained (and reprinted) as it was.
create table forms.templates (
	form_id    text not null check (form_id ~ '^[a-z][a-z0-9-]{1,62}$'),
	version    integer not null check (version > 0),
	title      text not null,
	definition jsonb not null,
	note       text,
	created_at timestamptz not null default now(),
	created_by text not null default 'seed',
	primary key (form_id, version)
);

-- A print job is stored, with the document it prints, before anything is sent to the printer:
-- a printer that is off leaves a FAILED job that can be retried, never a lost one.
create table forms.print_jobs (
	id               uuid primary key,
	notification_id  uuid not null,
	form_id          text not null,
	template_version integer not null,
	printer          text not null,
	printer_uri      text not null,
	state            text not null check (state in ('QUEUED', 'SENDING', 'PENDING', 'PROCESSING', 'COMPLETED',
	                                               'FAILED', 'CANCELED', 'ABORTED')),
	printer_job_id   integer,
	printer_state    text,
	attempts         integer not null default 0,
	last_error       text,
	document         bytea not null,
	reprint_of       uuid references forms.print_jobs (id),
	created_at       timestamptz not null,
	created_by       text not null,
	updated_at       timestamptz not null
);

create index print_jobs_notification on forms.print_jobs (notification_id, created_at);

-- The resident's signature from the pen tablet: vector strokes bound to the SHA-256 of the
-- content it signs. A signature whose hash no longer matches the content is invalid.
create table forms.signatures (
	id              uuid primary key,
	notification_id uuid not null,
	content_hash    text not null check (content_hash ~ '^[0-9a-f]{64}$'),
	strokes         jsonb not null,
	signed_at       timestamptz not null,
	captured_by     text not null
);

create index signatures_notification on forms.signatures (notification_id, signed_at desc);
