-- Issue 19: a procedure that has no form says why, so the guide never leaves staff guessing
-- whether a form was forgotten. Shown on the staff guide and on the printed guide sheet.

alter table guidance.procedures add column no_form_reason text;

update guidance.procedures set no_form_reason = v.reason
from (values
	('SEAL_REGISTRATION_VOID', '転出届を受け付けると印鑑登録は市が廃止するため、申請書はありません（印鑑登録証を返してください）。'),
	('RESIDENCE_CARD_ENDORSEMENT', '住民異動届をもとに窓口で在留カードの裏面に記載するため、別の申請書はありません。'),
	('GARBAGE_GUIDE', 'ごみカレンダーと冊子をお渡しする案内で、届出はありません。'),
	('INFANT_HEALTH', '健診と予防接種の予定のお知らせと予診票をお渡しする案内で、申請書はありません。'),
	('PUBLIC_ASSISTANCE_CONTACT', '担当のケースワーカーに連絡していただく案内で、この窓口で出す申請書はありません。'),
	('WATER_SERVICE', '上下水道部のお客さまセンターが電話または窓口で受け付けるため、市役所の申請書はありません。')
) as v (code, reason)
where guidance.procedures.code = v.code and guidance.procedures.forms = '{}';

update guidance.revision set revision = revision + 1 where id = 1;
