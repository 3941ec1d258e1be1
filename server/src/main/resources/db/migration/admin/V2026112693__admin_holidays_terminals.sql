-- Japanese public holidays (国民の祝日・休日), the Cabinet Office list (内閣府「国民の祝日について」,
-- syukujitsu.csv) for 2025-2027. "休日" are substitute holidays (振替休日) and the citizens' holiday
-- (国民の休日). Later years are added on /admin/holidays when the Cabinet Office publishes them
-- (春分・秋分 are fixed each February for the next year).
create table admin.holidays (
    day        date        primary key,
    name       text        not null check (length(name) between 1 and 50),
    source     text        not null default 'CABINET_OFFICE' check (source in ('CABINET_OFFICE', 'ADMIN')),
    created_at timestamptz not null default now(),
    created_by text        not null default 'system'
);

insert into admin.holidays (day, name) values
    ('2025-01-01', '元日'),
    ('2025-01-13', '成人の日'),
    ('2025-02-11', '建国記念の日'),
    ('2025-02-23', '天皇誕生日'),
    ('2025-02-24', '休日'),
    ('2025-03-20', '春分の日'),
    ('2025-04-29', '昭和の日'),
    ('2025-05-03', '憲法記念日'),
    ('2025-05-04', 'みどりの日'),
    ('2025-05-05', 'こどもの日'),
    ('2025-05-06', '休日'),
    ('2025-07-21', '海の日'),
    ('2025-08-11', '山の日'),
    ('2025-09-15', '敬老の日'),
    ('2025-09-23', '秋分の日'),
    ('2025-10-13', 'スポーツの日'),
    ('2025-11-03', '文化の日'),
    ('2025-11-23', '勤労感謝の日'),
    ('2025-11-24', '休日'),
    ('2026-01-01', '元日'),
    ('2026-01-12', '成人の日'),
    ('2026-02-11', '建国記念の日'),
    ('2026-02-23', '天皇誕生日'),
    ('2026-03-20', '春分の日'),
    ('2026-04-29', '昭和の日'),
    ('2026-05-03', '憲法記念日'),
    ('2026-05-04', 'みどりの日'),
    ('2026-05-05', 'こどもの日'),
    ('2026-05-06', '休日'),
    ('2026-07-20', '海の日'),
    ('2026-08-11', '山の日'),
    ('2026-09-21', '敬老の日'),
    ('2026-09-22', '休日'),
    ('2026-09-23', '秋分の日'),
    ('2026-10-12', 'スポーツの日'),
    ('2026-11-03', '文化の日'),
    ('2026-11-23', '勤労感謝の日'),
    ('2027-01-01', '元日'),
    ('2027-01-11', '成人の日'),
    ('2027-02-11', '建国記念の日'),
    ('2027-02-23', '天皇誕生日'),
    ('2027-03-21', '春分の日'),
    ('2027-03-22', '休日'),
    ('2027-04-29', '昭和の日'),
    ('2027-05-03', '憲法記念日'),
    ('2027-05-04', 'みどりの日'),
    ('2027-05-05', 'こどもの日'),
    ('2027-07-19', '海の日'),
    ('2027-08-11', '山の日'),
    ('2027-09-20', '敬老の日'),
    ('2027-09-23', '秋分の日'),
    ('2027-10-11', 'スポーツの日'),
    ('2027-11-03', '文化の日'),
    ('2027-11-23', '勤労感謝の日');

-- Counter terminals: where a browser stands and which card agent serves it. The pairing token
-- is shown once and kept as SHA-256 only; a browser paired as the terminal carries it in an
-- HttpOnly cookie and the counter page hands it to the card agent on the same machine.
create table admin.terminals (
    id                 uuid        primary key,
    name               text        not null unique check (length(name) between 1 and 50),
    location           text        not null default '',
    counter            text        not null default '',
    card_agent_url     text        not null default 'http://127.0.0.1:9443',
    token_hash         char(64)    not null check (token_hash ~ '^[0-9a-f]{64}$'),
    token_created_at   timestamptz not null,
    created_at         timestamptz not null,
    created_by         text        not null
);
