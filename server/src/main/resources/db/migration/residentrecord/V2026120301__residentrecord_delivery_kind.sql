-- The notification kind (code and label of the moving module's master on the filing date)
-- as it was when the notification was accepted: written with the delivery row, so the
-- document rendered again after a crash stays the same even if the master changes later.
-- Deliveries written before have none and keep the document they had (format 1.2: the
-- API's type name as the kind's code).
alter table residentrecord.deliveries
    add column kind_code  text,
    add column kind_label text;
