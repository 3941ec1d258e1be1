-- 届出の種類 become an editable master (issue 17), like 続柄 and 異動事由: one kind per
-- notification type and variant on a given day. The resident-record document used to carry
-- the API's type name (MOVE_IN, ...) as the kind's code; it now carries the code and label
-- this master has on the filing date, fixed when the notification is accepted.
--
-- The kinds follow 住民基本台帳法: 転入届 (§22, with 特例転入 §24の2 and the move from abroad
-- told apart), 転居届 (§23), 転出届 (§24, the move abroad told apart) and 世帯変更届 (§25, one
-- kind per change the counter takes). The numbers of a standard code list for them were
-- not available to us: the shipped codes are the city's own and the source column says so.
-- Stored notifications do not hold these codes, so a kind's code and label can be changed
-- in place (to the official values once known) without touching any notification.
create table moving.notification_kinds (
    code              text primary key,
    label             text not null unique,
    notification_type text not null,
    variant           text not null,
    source            text not null,
    sort_order        int  not null,
    valid_from        date,
    valid_to          date
);
insert into moving.notification_kinds (code, label, notification_type, variant, source, sort_order) values
    ('01', '転入届', 'MOVE_IN', 'DOMESTIC', '市区町村独自 (標準の値未確認)', 10),
    ('02', '転入届（特例転入）', 'MOVE_IN', 'SPECIAL', '市区町村独自 (標準の値未確認)', 20),
    ('03', '転入届（国外からの転入）', 'MOVE_IN', 'FROM_ABROAD', '市区町村独自 (標準の値未確認)', 30),
    ('04', '転出届', 'MOVE_OUT', 'DOMESTIC', '市区町村独自 (標準の値未確認)', 40),
    ('05', '転出届（国外への転出）', 'MOVE_OUT', 'TO_ABROAD', '市区町村独自 (標準の値未確認)', 50),
    ('06', '転居届', 'MOVE_WITHIN', 'NONE', '市区町村独自 (標準の値未確認)', 60),
    ('07', '世帯変更届（世帯主変更）', 'HOUSEHOLD_CHANGE', 'HEAD_CHANGE', '市区町村独自 (標準の値未確認)', 70),
    ('08', '世帯変更届（世帯分離）', 'HOUSEHOLD_CHANGE', 'SEPARATION', '市区町村独自 (標準の値未確認)', 80),
    ('09', '世帯変更届（世帯合併）', 'HOUSEHOLD_CHANGE', 'MERGER', '市区町村独自 (標準の値未確認)', 90),
    ('10', '世帯変更届（世帯構成変更）', 'HOUSEHOLD_CHANGE', 'RESTRUCTURE', '市区町村独自 (標準の値未確認)', 100);
