-- Tokens are minted only for oneself or for a service account (a user marked as a program's
-- account when it is created); every token expires.
alter table accounts.users add column service_account boolean not null default false;

alter table accounts.api_tokens add column expires_at timestamptz;
-- Tokens issued before expiry existed run out 90 days after this upgrade.
update accounts.api_tokens set expires_at = greatest(created_at, now()) + interval '90 days' where expires_at is null;
alter table accounts.api_tokens alter column expires_at set not null;
