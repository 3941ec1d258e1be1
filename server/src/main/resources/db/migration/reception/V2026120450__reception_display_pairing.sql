-- Issue 20: the display token leaves the URL. What an administrator issues is now a one-time
-- pairing code; the display screen exchanges it once for a secret kept in an HttpOnly cookie,
-- whose hash replaces the code's in token_hash. paired_at says when; a code never paired
-- cannot open a display, and a paired secret cannot be paired again. Tokens issued before
-- this change become pairing codes: each screen is paired once more with its old token.
alter table reception.display_tokens add column paired_at timestamptz;
