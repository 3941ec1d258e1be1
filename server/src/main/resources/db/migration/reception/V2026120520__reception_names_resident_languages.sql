-- Issue 21: queue and counter names in the resident languages beyond Japanese and English, for the
-- kiosk and the call display: 中文(简体) zh, 한국어 ko, Tiếng Việt vi, Português pt. Empty means "not
-- translated": the screens show the English name, else the Japanese one.

alter table reception.queues
    add column name_zh text not null default '' check (length(name_zh) <= 100),
    add column name_ko text not null default '' check (length(name_ko) <= 100),
    add column name_vi text not null default '' check (length(name_vi) <= 100),
    add column name_pt text not null default '' check (length(name_pt) <= 100);

alter table reception.counters
    add column name_zh text not null default '' check (length(name_zh) <= 50),
    add column name_ko text not null default '' check (length(name_ko) <= 50),
    add column name_vi text not null default '' check (length(name_vi) <= 50),
    add column name_pt text not null default '' check (length(name_pt) <= 50);

-- The sample queues, where the city has not renamed them.
update reception.queues q set name_zh = t.zh, name_ko = t.ko, name_vi = t.vi, name_pt = t.pt
from (values
    ('moving', '住民異動', '住址迁移申报', '주민 이동 신고', 'Khai báo chuyển nơi ở', 'Notificações de mudança'),
    ('insurance', '国保年金', '国民健康保险・年金', '국민건강보험・연금', 'Bảo hiểm Y tế Quốc dân và Lương hưu',
        'Seguro Nacional de Saúde e Pensão'),
    ('child', '子育て', '育儿', '육아', 'Nuôi dạy con', 'Criação dos filhos'),
    ('welfare', '福祉', '福利', '복지', 'Phúc lợi xã hội', 'Bem-estar social')
) as t (code, name, zh, ko, vi, pt)
where q.code = t.code and q.name = t.name and q.sample;

-- Their counters "<n>番窓口" as seeded: the number stays, the word is translated.
update reception.counters c
set name_zh = c.code || '号窗口',
    name_ko = c.code || '번 창구',
    name_vi = 'Quầy số ' || c.code,
    name_pt = 'Guichê ' || c.code
from reception.queues q
where q.code = c.queue_code and q.sample and c.name = c.code || '番窓口';
