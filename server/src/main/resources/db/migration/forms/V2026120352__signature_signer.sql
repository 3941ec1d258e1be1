-- Issue 19: a visit may need several signatures (the filer, each applicant of 印鑑登録 …).
-- signer is the name of the person who signed, as printed on the forms; null is a signature
-- for the notification as a whole (one pad, as before), drawn where nobody signed in person.

alter table forms.signatures add column signer text;

create index signatures_signer on forms.signatures (notification_id, signer, signed_at desc);
