-- Retention (issue 10): a reception (with its tasks and timeline) is purged 5 fiscal years
-- after the fiscal year of its day (the Tokyo day it was opened; a reception ends that day,
-- leftovers stop being called at midnight), unless put on legal hold.
alter table reception.receptions
    add column legal_hold        boolean not null default false,
    add column legal_hold_reason text,
    add column legal_hold_by     text,
    add column legal_hold_at     timestamptz;
