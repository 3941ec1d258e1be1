-- Procedure guide (手続き案内): the procedure master and its rule versions.
-- The counters below are a SAMPLE for 釧路市役所 (防災庁舎 / 本庁舎): buildings, floors and
-- windows are plausible, not verified. Each city edits them in the master screen.

create schema if not exists guidance;

create table guidance.procedures (
	code          text primary key check (code ~ '^[A-Z][A-Z0-9_]{1,63}$'),
	name          text not null,
	name_en       text not null,
	plain_name    text not null,             -- やさしい日本語
	department    text not null,
	building      text not null,
	floor         text not null,
	counter_window text not null,
	documents     text[] not null default '{}',
	forms         text[] not null default '{}',
	explanation   text not null,
	route_order   integer not null,
	sample        boolean not null default false, -- counter data not yet confirmed by the city
	updated_at    timestamptz not null default now()
);

-- A rule version is in force from effective_from through effective_to (inclusive, open when null).
create table guidance.rules (
	id             uuid primary key default gen_random_uuid(),
	procedure_code text not null references guidance.procedures (code),
	effective_from date not null,
	effective_to   date,
	source         text not null,
	note           text,
	created_at     timestamptz not null default now(),
	created_by     text not null default 'seed',
	check (effective_to is null or effective_to >= effective_from)
);

create index rules_procedure on guidance.rules (procedure_code, effective_from);

-- One row; every change of procedures or rules increments it in the same transaction, so that
-- every instance notices and recompiles (the bundle version).
create table guidance.revision (
	id       integer primary key check (id = 1),
	revision bigint not null
);

insert into guidance.revision (id, revision) values (1, 1);

insert into guidance.procedures (code, name, name_en, plain_name, department, building, floor, counter_window,
		documents, forms, explanation, route_order, sample) values
('MY_NUMBER_CARD_ADDRESS', 'マイナンバーカードの住所変更', 'Address change on the My Number card',
	'マイナンバーカードの 住所を かえます', '市民課', '防災庁舎', '1階', '3番窓口',
	array['マイナンバーカード', 'カードの暗証番号（数字4桁）'], array['my-number-card-address'],
	'マイナンバーカードの券面に新しい住所を書き込みます。カードを持っている方全員の分が必要です。', 10, true),
('MY_NUMBER_CARD_CONTINUED_USE', 'マイナンバーカードの継続利用', 'Continued use of the My Number card',
	'マイナンバーカードを つづけて つかう 手続き', '市民課', '防災庁舎', '1階', '3番窓口',
	array['マイナンバーカード', 'カードの暗証番号（数字4桁）'], array['my-number-card-continued-use'],
	'転入した日から90日以内に継続利用の手続きをしないと、カードが使えなくなります。', 11, true),
('SEAL_REGISTRATION', '印鑑登録', 'Seal registration',
	'はんこを 登録します（ほしい 人だけ）', '市民課', '防災庁舎', '1階', '4番窓口',
	array['登録する印鑑', '本人確認書類（マイナンバーカード、運転免許証など）'], array['seal-registration'],
	'15歳以上の方は、希望すれば印鑑を登録できます。不動産や自動車の手続きで印鑑登録証明書が必要になります。', 12, true),
('SEAL_REGISTRATION_VOID', '印鑑登録の廃止', 'Seal registration voided',
	'はんこの 登録が なくなります', '市民課', '防災庁舎', '1階', '4番窓口',
	array['印鑑登録証（お持ちの方）'], array[]::text[],
	'転出すると印鑑登録は自動的に廃止されます。印鑑登録証を返してください。新しい住所で登録し直してください。', 13, true),
('RESIDENCE_CARD_ENDORSEMENT', '在留カードへの住所の記載', 'Address endorsement on the residence card',
	'在留カードに 新しい 住所を 書きます', '市民課', '防災庁舎', '1階', '2番窓口',
	array['在留カード（または特別永住者証明書）', 'パスポート（国外から来た方）'], array[]::text[],
	'在留カードの裏面に新しい住所を記載します。家族全員の在留カードを持ってきてください。', 14, true),
('GARBAGE_GUIDE', 'ごみの出し方の案内', 'Garbage sorting guide',
	'ごみの 出しかたの 紙を わたします', '環境事業課（市民課で配布）', '防災庁舎', '1階', '総合案内',
	array[]::text[], array[]::text[],
	'ごみの分け方・出す曜日は地区ごとに決まっています。ごみカレンダーと分け方の冊子を受け取ってください。', 15, true),
('NHI_JOIN', '国民健康保険の加入', 'Joining National Health Insurance',
	'国民健康保険に 入ります', '国民健康保険課', '防災庁舎', '1階', '7番窓口',
	array['本人確認書類', 'マイナンバーが分かるもの', '前の健康保険の資格喪失証明書（職場の保険をやめた方）'], array['nhi-join'],
	'職場の健康保険に入っていない75歳未満の方は、国民健康保険に加入します。転入した日から14日以内に届け出てください。', 20, true),
('NHI_LEAVE', '国民健康保険の脱退', 'Leaving National Health Insurance',
	'国民健康保険を やめます', '国民健康保険課', '防災庁舎', '1階', '7番窓口',
	array['国民健康保険の資格確認書または保険証'], array['nhi-leave'],
	'市外に転出すると、釧路市の国民健康保険は転出の日でやめることになります。新しい住所の市町村で加入してください。', 21, true),
('NHI_ADDRESS', '国民健康保険の住所・世帯の変更', 'National Health Insurance: address or household change',
	'国民健康保険の 住所を かえます', '国民健康保険課', '防災庁舎', '1階', '7番窓口',
	array['国民健康保険の資格確認書または保険証'], array['nhi-change'],
	'市内で住所や世帯が変わったときは、国民健康保険の記録も変更します。', 22, true),
('NATIONAL_PENSION_JOIN', '国民年金の加入', 'Joining the National Pension',
	'国民年金に 入ります', '国民健康保険課（国民年金担当）', '防災庁舎', '1階', '8番窓口',
	array['パスポート', '基礎年金番号が分かるもの（お持ちの方）'], array['national-pension-join'],
	'日本に住む20歳以上60歳未満の方は、厚生年金に入っていなければ国民年金に加入します。', 23, true),
('LATE_ELDERLY_JOIN', '後期高齢者医療の加入', 'Joining late-stage elderly medical care',
	'後期高齢者医療に 入ります', '国民健康保険課（後期高齢者医療担当）', '防災庁舎', '1階', '9番窓口',
	array['負担区分等証明書（前の市町村で受け取ったもの）', '本人確認書類'], array['late-elderly-join'],
	'75歳以上の方（65歳以上で障害の認定を受けた方を含む）は後期高齢者医療に加入します。', 25, true),
('LATE_ELDERLY_LEAVE', '後期高齢者医療の脱退', 'Leaving late-stage elderly medical care',
	'後期高齢者医療を やめます', '国民健康保険課（後期高齢者医療担当）', '防災庁舎', '1階', '9番窓口',
	array['後期高齢者医療の資格確認書または保険証'], array['late-elderly-leave'],
	'北海道の外へ転出するときは資格がなくなります。負担区分等証明書を受け取り、新しい住所の市町村に出してください。', 26, true),
('LATE_ELDERLY_ADDRESS', '後期高齢者医療の住所変更', 'Late-stage elderly medical care: address change',
	'後期高齢者医療の 住所を かえます', '国民健康保険課（後期高齢者医療担当）', '防災庁舎', '1階', '9番窓口',
	array['後期高齢者医療の資格確認書または保険証'], array['late-elderly-change'],
	'市内で住所が変わったときは、後期高齢者医療の記録も変更します。', 27, true),
('CARE_INSURANCE_JOIN', '介護保険の加入', 'Joining long-term care insurance',
	'介護保険に 入ります', '介護高齢課', '防災庁舎', '2階', '11番窓口',
	array['受給資格証明書（要介護・要支援の認定を受けている方。転入から14日以内）'], array['care-insurance-join'],
	'65歳以上の方は介護保険の第1号被保険者になります。認定を受けている方は14日以内に受給資格証明書を出すと、認定を引き継げます。', 30, true),
('CARE_INSURANCE_LEAVE', '介護保険の資格喪失', 'Leaving long-term care insurance',
	'介護保険を やめます', '介護高齢課', '防災庁舎', '2階', '11番窓口',
	array['介護保険被保険者証'], array['care-insurance-leave'],
	'市外に転出すると資格がなくなります。認定を受けている方には受給資格証明書を渡します。', 31, true),
('CHILD_ALLOWANCE_CLAIM', '児童手当の認定請求', 'Child allowance claim',
	'子どもの 手当（児童手当）を もらう 手続き', 'こども支援課', '防災庁舎', '2階', '13番窓口',
	array['請求する方の健康保険の資格情報', '請求する方の名義の預金通帳', '請求する方と配偶者のマイナンバーが分かるもの'], array['child-allowance-claim'],
	'転入した方は、前の住所の予定日の翌日から15日以内に申請してください。遅れると、遅れた月の分はもらえません。', 40, true),
('CHILD_ALLOWANCE_END', '児童手当の受給事由消滅', 'Child allowance: end of payment',
	'子どもの 手当（児童手当）を 止める 手続き', 'こども支援課', '防災庁舎', '2階', '13番窓口',
	array['本人確認書類'], array['child-allowance-end'],
	'市外に転出すると釧路市からの児童手当は終わります。新しい住所の市町村で改めて申請してください。', 41, true),
('CHILD_ALLOWANCE_ADDRESS', '児童手当の住所変更', 'Child allowance: address change',
	'子どもの 手当（児童手当）の 住所を かえます', 'こども支援課', '防災庁舎', '2階', '13番窓口',
	array['本人確認書類'], array['child-allowance-change'],
	'市内で住所が変わったときは、児童手当の住所も変更します。', 42, true),
('CHILD_MEDICAL_SUBSIDY', '子ども医療費助成', 'Child medical expense subsidy',
	'子どもの 病院代の たすけ', 'こども支援課', '防災庁舎', '2階', '13番窓口',
	array['お子さんの健康保険の資格情報'], array['child-medical-subsidy'],
	'お子さんの医療費の自己負担を市が助成します（対象年齢は市が定めます。サンプルでは18歳到達後最初の3月31日まで）。', 43, true),
('SINGLE_PARENT_SUPPORT', 'ひとり親家庭の支援（医療費助成・児童扶養手当）', 'Single-parent support (medical subsidy, child-rearing allowance)',
	'ひとり親の 家庭の たすけ', 'こども支援課', '防災庁舎', '2階', '14番窓口',
	array['戸籍謄本', '請求する方の名義の預金通帳', '健康保険の資格情報'], array['single-parent-medical', 'child-rearing-allowance'],
	'ひとり親家庭の医療費助成と児童扶養手当の手続きです。所得などの条件があります。', 44, true),
('NURSERY_TRANSFER', '保育所等の転園・住所変更', 'Nursery transfer or address change',
	'保育園の 手続き', 'こども保育課', '防災庁舎', '2階', '15番窓口',
	array['保育が必要なことが分かる書類（就労証明書など）'], array['nursery-change'],
	'保育所・認定こども園に通うお子さんの転園や住所変更の手続きです。', 45, true),
('INFANT_HEALTH', '乳幼児健診・予防接種の案内', 'Infant health checks and vaccinations',
	'子どもの 健康しんだんと 予防接種', '健康推進課（こども家庭センター）', '防災庁舎', '3階', '健康推進課窓口',
	array['母子健康手帳', '予防接種の記録'], array[]::text[],
	'小学校に入る前のお子さんの健康診査と予防接種の予定をお知らせし、予診票をお渡しします。', 50, true),
('MATERNAL_HEALTH', '妊婦健康診査受診票の交換', 'Maternal health check vouchers',
	'おなかに 赤ちゃんが いる 人の 健康しんだん', '健康推進課（こども家庭センター）', '防災庁舎', '3階', '健康推進課窓口',
	array['母子健康手帳', '前の市町村の妊婦健康診査受診票（使っていないもの）'], array['maternal-health-voucher'],
	'前の市町村の受診票は使えません。釧路市の受診票と交換します。', 51, true),
('DISABILITY_CERTIFICATE_ADDRESS', '障害者手帳の住所変更', 'Disability certificate: address change',
	'障がい者手帳の 住所を かえます', '障がい福祉課', '防災庁舎', '2階', '16番窓口',
	array['障害者手帳（身体・療育・精神）'], array['disability-certificate-change'],
	'身体障害者手帳・療育手帳・精神障害者保健福祉手帳の住所を変更します。', 55, true),
('PUBLIC_ASSISTANCE_CONTACT', '生活保護の担当者への連絡', 'Contact the public-assistance caseworker',
	'生活保護の 担当者に 話して ください', '生活福祉事務所', '本庁舎', '1階', '生活福祉事務所窓口',
	array['保護決定通知書など'], array[]::text[],
	'生活保護を受けている方は、引っ越しの前後に担当のケースワーカーに連絡してください。', 60, true),
('SCHOOL_TRANSFER', '転入学・転校の手続き', 'School transfer',
	'小学校・中学校を かわる 手続き', '教育委員会 学校教育課', '本庁舎', '5階', '学校教育課窓口',
	array['在学証明書（前の学校から）', '教科用図書給与証明書（前の学校から）'], array['school-transfer-notice'],
	'通う学校が決まると、入学（転入学）通知書をお渡しします。学校に持っていってください。', 70, true),
('MOPED_PLATE', '原動機付自転車のナンバープレート', 'Moped number plate',
	'バイク（原付）の ナンバープレート', '市民税課（軽自動車税担当）', '本庁舎', '2階', '市民税課窓口',
	array['標識交付証明書', 'ナンバープレート（転出する方）', '本人確認書類'], array['moped-registration'],
	'転入した方は登録とナンバープレートの交付、転出する方は廃車（ナンバープレートの返納）の手続きです。', 80, true),
('DOG_REGISTRATION', '犬の登録の変更', 'Dog registration change',
	'犬の 登録の 住所を かえます', '環境保全課', '本庁舎', '3階', '環境保全課窓口',
	array['犬の鑑札', '狂犬病予防注射済票'], array['dog-registration-change'],
	'犬の所在地が変わったときは30日以内に届け出てください。転入した方は前の市町村の鑑札と交換します。', 85, true),
('WATER_SERVICE', '水道の使用開始・中止', 'Water service start or stop',
	'水道を つかいはじめる・やめる 手続き', '上下水道部 料金課（お客さまセンター）', '上下水道部庁舎', '1階', '料金課窓口（電話でも受付）',
	array['お客さま番号が分かるもの（検針票など）'], array[]::text[],
	'引っ越しの3日前までに、水道の使用開始・中止を申し込んでください。電話でも受け付けます。', 95, true);

insert into guidance.rules (procedure_code, effective_from, effective_to, source, note) values
('MY_NUMBER_CARD_ADDRESS', '2016-01-01', null, $r$on MOVE_IN(DOMESTIC, SPECIAL), MOVE_WITHIN
each person where myNumberCard
  reason "{person}がマイナンバーカードを持っているため（カードの住所を書き換えます）"
$r$, null),
('MY_NUMBER_CARD_CONTINUED_USE', '2016-01-01', null, $r$# 転入の日から90日以内（住民基本台帳法 §24の2）
on MOVE_IN(DOMESTIC, SPECIAL)
each person where myNumberCard
  reason "{person}がマイナンバーカードを持っているため（転入から90日以内に継続利用の手続きが必要です）"
$r$, null),
('SEAL_REGISTRATION', '2000-01-01', null, $r$# 印鑑登録は15歳以上の方が希望すればできる
on MOVE_IN
each person where reached(15)
  reason "{person}が15歳以上のため（希望すれば印鑑登録ができます）"
$r$, null),
('SEAL_REGISTRATION_VOID', '2000-01-01', null, $r$on MOVE_OUT
each person where reached(15)
  reason "{person}が印鑑登録をしていれば、転出で登録が廃止されるため（印鑑登録証を返却）"
$r$, null),
('RESIDENCE_CARD_ENDORSEMENT', '2012-07-09', null, $r$on MOVE_IN, MOVE_WITHIN
each person where foreignResident
  reason "{person}が外国人住民のため（在留カードに新しい住所を記載します）"
$r$, null),
('GARBAGE_GUIDE', '2000-01-01', null, $r$on MOVE_IN, MOVE_WITHIN
household
  reason "新しい住所でのごみの分け方・出し方をお知らせするため"
$r$, null),
('NHI_JOIN', '2000-01-01', null, $r$# 職場の健康保険（被用者保険）に入っていない75歳未満の人
on MOVE_IN
each person where healthInsurance in (NHI, NONE) and not (age >= 75)
  reason "{person}が75歳未満で、職場の健康保険に加入していないため"
$r$, null),
('NHI_LEAVE', '2000-01-01', null, $r$on MOVE_OUT
each person where healthInsurance = NHI
  reason "{person}が国民健康保険に加入しているため"
$r$, null),
('NHI_ADDRESS', '2000-01-01', null, $r$on MOVE_WITHIN, HOUSEHOLD_CHANGE
each person where healthInsurance = NHI
  reason "{person}が国民健康保険に加入しているため（住所・世帯の変更）"
$r$, null),
('NATIONAL_PENSION_JOIN', '2000-01-01', null, $r$# 20歳に達した日（誕生日の前日）から60歳に達した日の前日まで
on MOVE_IN(FROM_ABROAD)
each person where reached(20) and not reached(60) and healthInsurance != EMPLOYEE
  reason "{person}が国外から転入した20歳以上60歳未満の方で、厚生年金に加入していないため"
$r$, null),
('LATE_ELDERLY_JOIN', '2008-04-01', null, $r$# 75歳の誕生日当日から（65〜74歳で障害認定を受けた方を含む）
on MOVE_IN
each person where age >= 75
  reason "{person}が75歳以上のため"
each person where healthInsurance = LATE_ELDERLY and not (age >= 75)
  reason "{person}が後期高齢者医療の障害認定を受けているため"
$r$, null),
('LATE_ELDERLY_LEAVE', '2008-04-01', null, $r$on MOVE_OUT
each person where age >= 75 or healthInsurance = LATE_ELDERLY
  reason "{person}が後期高齢者医療の被保険者（75歳以上など）のため"
$r$, null),
('LATE_ELDERLY_ADDRESS', '2008-04-01', null, $r$on MOVE_WITHIN
each person where age >= 75 or healthInsurance = LATE_ELDERLY
  reason "{person}が後期高齢者医療の被保険者（75歳以上など）のため"
$r$, null),
('CARE_INSURANCE_JOIN', '2000-04-01', null, $r$# 第1号被保険者は65歳に達した日（誕生日の前日）から
on MOVE_IN
each person where reached(65) and not careCertified
  reason "{person}が65歳以上のため（介護保険の第1号被保険者）"
each person where careCertified
  reason "{person}が要介護・要支援の認定を受けているため（受給資格証明書を転入から14日以内に提出）"
$r$, null),
('CARE_INSURANCE_LEAVE', '2000-04-01', null, $r$on MOVE_OUT
each person where reached(65) or careCertified
  reason "{person}が介護保険の被保険者（65歳以上または要介護・要支援認定）のため"
$r$, null),
('CHILD_ALLOWANCE_CLAIM', '2012-04-01', '2024-09-30', $r$# 2024年9月まで: 中学校修了前（15歳に達した日以後の最初の3月31日まで）
on MOVE_IN
each person where untilMarch31AfterAge(15)
  reason "{person}が中学校修了前の児童のため（15日以内に申請してください）"
$r$, '制度改正前'),
('CHILD_ALLOWANCE_CLAIM', '2024-10-01', null, $r$# 2024年10月から: 18歳に達した日以後の最初の3月31日まで
on MOVE_IN
each person where childAllowanceAge
  reason "{person}が18歳到達後最初の3月31日までの児童のため（15日以内に申請してください）"
$r$, '2024年10月の拡充'),
('CHILD_ALLOWANCE_END', '2012-04-01', '2024-09-30', $r$on MOVE_OUT
each person where untilMarch31AfterAge(15)
  reason "{person}が児童手当の対象（中学校修了前）のため"
$r$, '制度改正前'),
('CHILD_ALLOWANCE_END', '2024-10-01', null, $r$on MOVE_OUT
each person where childAllowanceAge
  reason "{person}が児童手当の対象（18歳到達後最初の3月31日まで）のため"
$r$, '2024年10月の拡充'),
('CHILD_ALLOWANCE_ADDRESS', '2012-04-01', '2024-09-30', $r$on MOVE_WITHIN
each person where untilMarch31AfterAge(15)
  reason "{person}が児童手当の対象（中学校修了前）のため"
$r$, '制度改正前'),
('CHILD_ALLOWANCE_ADDRESS', '2024-10-01', null, $r$on MOVE_WITHIN
each person where childAllowanceAge
  reason "{person}が児童手当の対象（18歳到達後最初の3月31日まで）のため"
$r$, '2024年10月の拡充'),
('CHILD_MEDICAL_SUBSIDY', '2000-01-01', null, $r$# 対象年齢は市が決める（サンプル: 18歳到達後最初の3月31日まで）
on MOVE_IN, MOVE_WITHIN, MOVE_OUT
each person where untilMarch31AfterAge(18)
  reason "{person}が子ども医療費助成の対象年齢のため"
$r$, null),
('SINGLE_PARENT_SUPPORT', '2000-01-01', null, $r$on MOVE_IN, MOVE_WITHIN, MOVE_OUT
each person where singleParent and any(childAllowanceAge)
  reason "{person}が18歳到達後最初の3月31日までの子どもを育てるひとり親のため"
$r$, null),
('NURSERY_TRANSFER', '2000-01-01', null, $r$on MOVE_IN, MOVE_WITHIN, MOVE_OUT
each person where inNursery
  reason "{person}が保育所などに通っているため"
$r$, null),
('INFANT_HEALTH', '2000-01-01', null, $r$on MOVE_IN
each person where preschool
  reason "{person}が小学校入学前のため（乳幼児健診・予防接種）"
$r$, null),
('MATERNAL_HEALTH', '2000-01-01', null, $r$on MOVE_IN
each person where pregnant
  reason "{person}が妊娠中のため（妊婦健康診査受診票の交換）"
$r$, null),
('DISABILITY_CERTIFICATE_ADDRESS', '2000-01-01', null, $r$on MOVE_IN, MOVE_WITHIN
each person where disabilityCertificate
  reason "{person}が障害者手帳を持っているため（手帳の住所変更）"
$r$, null),
('PUBLIC_ASSISTANCE_CONTACT', '2000-01-01', null, $r$on MOVE_IN, MOVE_OUT, MOVE_WITHIN, HOUSEHOLD_CHANGE
each person where publicAssistance
  reason "{person}が生活保護を受けているため（担当のケースワーカーに連絡してください）"
$r$, null),
('SCHOOL_TRANSFER', '2000-01-01', null, $r$# 学齢: 6歳に達した後の最初の4月1日から、15歳に達した日の属する年度末まで
on MOVE_IN, MOVE_WITHIN, MOVE_OUT
each person where schoolAge
  reason "{person}が義務教育年齢のため"
$r$, null),
('MOPED_PLATE', '2000-01-01', null, $r$on MOVE_IN, MOVE_OUT
household where hasMoped
  reason "世帯で原動機付自転車などを持っているため（ナンバープレートの手続き）"
$r$, null),
('DOG_REGISTRATION', '2000-01-01', null, $r$on MOVE_IN, MOVE_WITHIN
household where hasDog
  reason "世帯で犬を飼っているため（犬の登録の変更）"
$r$, null),
('WATER_SERVICE', '2000-01-01', null, $r$on MOVE_IN, MOVE_OUT, MOVE_WITHIN
household where waterService
  reason "市の水道の使用開始・中止の届出が必要なため"
$r$, null);

-- Seed rule versions get stable ids, so that the bundle shipped for the public role names the
-- same rules as a freshly seeded database.
update guidance.rules set id = md5('guidance-seed:' || procedure_code || ':' || effective_from)::uuid;
