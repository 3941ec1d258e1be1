-- Issue 21: procedures for foreign residents, with their reasons.
-- * STAY_PERIOD_RENEWAL: a period of stay near its end (or past it) is renewed at the immigration
--   bureau, not at the city: the guide tells the resident, with the facts stayDaysLeft and
--   residenceCategory of the rule language.
-- * RESIDENCE_CARD_ENDORSEMENT: only those who hold a card (中長期在留者, 特別永住者; an unknown
--   category counts as holding one) have an address to endorse; the filing doubles as the
--   住居地届出 of the immigration law.
-- * NATIONAL_PENSION_JOIN: a foreign resident arriving from abroad gets a reason of their own.
-- A rule a city has already edited is left as the city wrote it (the updates match the seed).

insert into guidance.procedures (code, name, name_en, plain_name, department, building, floor, counter_window,
		documents, forms, explanation, route_order, sample, no_form_reason) values
('STAY_PERIOD_RENEWAL', '在留期間の更新（出入国在留管理局）', 'Renewing the period of stay (immigration bureau)',
	'ざいりゅうきかんを のばす 手続き（にゅうかん）', '出入国在留管理局（市役所ではありません）', '札幌出入国在留管理局 釧路港出張所', '—',
	'出入国在留管理局の窓口',
	array['在留カード', 'パスポート', '在留期間更新許可申請書', '写真（縦4cm×横3cm）'], array[]::text[],
	'在留期間の満了日までに、出入国在留管理局で在留期間の更新を申請してください。満了日のおおむね3か月前から申請できます。満了日までに申請した方は、結果が出るまで（満了日から最長2か月）在留できます。',
	15, true, '出入国在留管理局に申請する手続きのため、市役所の申請書はありません。');

-- The seed's stable rule ids: md5 of procedure and effective date (as V2026112540 sets them).
insert into guidance.rules (id, procedure_code, effective_from, effective_to, source, note) values
(md5('guidance-seed:STAY_PERIOD_RENEWAL:2012-07-09')::uuid, 'STAY_PERIOD_RENEWAL', '2012-07-09', null, $r$# 更新は満了日のおおむね3か月前から申請できる（出入国管理及び難民認定法 §21）。
# 満了日までに申請した方は、処分まで（満了日から最長2か月）在留できる（同法 §20⑥）。
on MOVE_IN, MOVE_WITHIN, HOUSEHOLD_CHANGE
each person where foreignResident and stayDaysLeft < 0
  reason "{person}の在留期間の満了日が過ぎているため（更新を申請していなければ、すぐに出入国在留管理局に相談してください）"
each person where foreignResident and stayDaysLeft >= 0 and stayDaysLeft <= 90
  reason "{person}の在留期間の満了日まで3か月以内のため（満了日までに出入国在留管理局で更新を申請してください）"
$r$, null);

update guidance.rules set source = $r$# 在留カード・特別永住者証明書を持つ方: この届出が住居地の届出を兼ねる
# （住民基本台帳法 §30-46〜§30-48、出入国管理及び難民認定法 §19の7〜§19の9、入管特例法 §10）
on MOVE_IN, MOVE_WITHIN
each person where foreignResident and not (residenceCategory in (TEMPORARY_REFUGE, PROVISIONAL_STAY, TRANSITIONAL_BY_BIRTH, TRANSITIONAL_BY_NATIONALITY_LOSS))
  reason "{person}が在留カード（または特別永住者証明書）を持つ外国人住民のため（この届出が住居地の届出を兼ね、カードの裏面に新しい住居地を記載します）"
$r$
where procedure_code = 'RESIDENCE_CARD_ENDORSEMENT' and effective_from = '2012-07-09'
	and source = $r$on MOVE_IN, MOVE_WITHIN
each person where foreignResident
  reason "{person}が外国人住民のため（在留カードに新しい住所を記載します）"
$r$;

update guidance.rules set source = $r$# 20歳に達した日（誕生日の前日）から60歳に達した日の前日まで。国籍は問わない（国民年金法 §7）
on MOVE_IN(FROM_ABROAD)
each person where reached(20) and not reached(60) and healthInsurance != EMPLOYEE and not foreignResident
  reason "{person}が国外から転入した20歳以上60歳未満の方で、厚生年金に加入していないため"
each person where reached(20) and not reached(60) and healthInsurance != EMPLOYEE and foreignResident
  reason "{person}が国外から転入した20歳以上60歳未満の外国人住民で、厚生年金に加入していないため（日本に住む方は国籍に関係なく加入します。出国するときは脱退一時金を請求できます）"
$r$
where procedure_code = 'NATIONAL_PENSION_JOIN' and effective_from = '2000-01-01'
	and source = $r$# 20歳に達した日（誕生日の前日）から60歳に達した日の前日まで
on MOVE_IN(FROM_ABROAD)
each person where reached(20) and not reached(60) and healthInsurance != EMPLOYEE
  reason "{person}が国外から転入した20歳以上60歳未満の方で、厚生年金に加入していないため"
$r$;

update guidance.revision set revision = revision + 1 where id = 1;
