-- Standard codes (issue 17): 続柄 and 異動事由 become masters with the source of each code and
-- the period it is valid for. A code is never deleted once a notification uses it; it is
-- retired from a date instead (valid_to is the last day it may be used).
--
-- The labels follow the wording of 住民記録システム標準仕様書 and 住民基本台帳事務処理要領. The
-- numbers of the standard's code lists were not available to us: the shipped numbers are the
-- city's own until the official list is loaded, and the source column says so.
alter table moving.relationships
    add column source     text not null default '市区町村独自 (標準の値未確認)',
    add column valid_from date,
    add column valid_to   date;
update moving.relationships set valid_to = current_date - 1 where not active;
alter table moving.relationships drop column active;
alter table moving.relationships rename column name to label;

-- 異動事由 of the notifications this system takes: each names the notification kind (type and
-- variant) it is for. The notification kind itself is fixed by the law (転入届 §22, 転居届 §23,
-- 転出届 §24, 世帯変更届 §25).
create table moving.move_reasons (
    code              text primary key,
    label             text not null unique,
    notification_type text not null,
    variant           text not null,
    source            text not null,
    sort_order        int  not null,
    valid_from        date,
    valid_to          date
);
insert into moving.move_reasons (code, label, notification_type, variant, source, sort_order) values
    ('10', '転入', 'MOVE_IN', 'DOMESTIC', '市区町村独自 (標準の値未確認)', 10),
    ('11', '転入（特例転入）', 'MOVE_IN', 'SPECIAL', '市区町村独自 (標準の値未確認)', 20),
    ('12', '国外転入', 'MOVE_IN', 'FROM_ABROAD', '市区町村独自 (標準の値未確認)', 30),
    ('20', '転出', 'MOVE_OUT', 'DOMESTIC', '市区町村独自 (標準の値未確認)', 40),
    ('21', '国外転出', 'MOVE_OUT', 'TO_ABROAD', '市区町村独自 (標準の値未確認)', 50),
    ('30', '転居', 'MOVE_WITHIN', 'NONE', '市区町村独自 (標準の値未確認)', 60),
    ('40', '世帯主変更', 'HOUSEHOLD_CHANGE', 'HEAD_CHANGE', '市区町村独自 (標準の値未確認)', 70),
    ('41', '世帯分離', 'HOUSEHOLD_CHANGE', 'SEPARATION', '市区町村独自 (標準の値未確認)', 80),
    ('42', '世帯合併', 'HOUSEHOLD_CHANGE', 'MERGER', '市区町村独自 (標準の値未確認)', 90),
    ('43', '世帯構成変更', 'HOUSEHOLD_CHANGE', 'RESTRUCTURE', '市区町村独自 (標準の値未確認)', 100);

-- Stored notifications held labels only: give each person the code of its 続柄 and each
-- notification the code of its 異動事由, so the masters can tell which codes are in use.
update moving.notifications n
   set content = jsonb_set(n.content, '{persons}', coded.persons)
  from (select n2.id,
               jsonb_agg(case when r.code is null then e.person
                              else e.person || jsonb_build_object('relationshipCode', r.code) end
                         order by e.position) as persons
          from moving.notifications n2
         cross join lateral jsonb_array_elements(n2.content -> 'persons') with ordinality as e(person, position)
          left join moving.relationships r on r.label = e.person ->> 'relationship'
         where jsonb_typeof(n2.content -> 'persons') = 'array'
         group by n2.id) coded
 where coded.id = n.id;

update moving.notifications n
   set content = n.content || jsonb_build_object('moveReasonCode', m.code, 'moveReason', m.label)
  from moving.move_reasons m
 where m.notification_type = n.type and m.variant = n.variant
   and coalesce(n.content ->> 'moveReasonCode', '') = '';
