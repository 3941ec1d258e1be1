-- Issue 21: the reasons on the resident's guide sheet (why each procedure is needed) in the
-- resident's language. A reason comes from a rule's template ("{person}が…ため"); its translation
-- is stored like the procedure texts, field 'reason.' + the first 8 hex digits of the SHA-256 of
-- the Japanese template (jp.madoguchi.guidance.domain.Procedure#reasonField), source_text the
-- template. A rule whose reason is rewritten has a new field: residents read its Japanese,
-- marked, until it is translated. {person} stays in the translation and names the same person.

alter table guidance.translations drop constraint translations_field_check;
alter table guidance.translations add constraint translations_field_check
	check (field ~ '^(name|explanation|noFormReason|documents\.[0-9]{1,2}|reason\.[0-9a-f]{8})$');

-- Seed: the reasons of the procedures residents from abroad meet most (docs/glossary.md terms).
-- Only where a seeded rule of the procedure still says the template.
insert into guidance.translations (master, record_id, field, language, text, source_text)
select 'procedure', r.code, 'reason.' || substr(encode(sha256(convert_to(r.template, 'UTF8')), 'hex'), 1, 8),
	l.language, l.text, r.template
from (values
	('MY_NUMBER_CARD_ADDRESS', '{person}がマイナンバーカードを持っているため（カードの住所を書き換えます）',
		'{person} has a My Number card (we write the new address on the card)',
		'{person}持有个人编号卡（My Number卡）（将在卡上写入新地址）',
		'{person} 님이 마이넘버카드를 가지고 있기 때문입니다(카드의 주소를 변경합니다)',
		'Vì {person} có thẻ My Number (chúng tôi ghi địa chỉ mới lên thẻ)',
		'Porque {person} tem o cartão My Number (o novo endereço é gravado no cartão)'),
	('MY_NUMBER_CARD_CONTINUED_USE', '{person}がマイナンバーカードを持っているため（転入から90日以内に継続利用の手続きが必要です）',
		'{person} has a My Number card (it must be registered for continued use within 90 days of moving in)',
		'{person}持有个人编号卡（My Number卡）（须在迁入后90天以内办理继续使用手续）',
		'{person} 님이 마이넘버카드를 가지고 있기 때문입니다(전입 후 90일 이내에 계속 이용 절차가 필요합니다)',
		'Vì {person} có thẻ My Number (cần làm thủ tục tiếp tục sử dụng trong vòng 90 ngày sau khi chuyển đến)',
		'Porque {person} tem o cartão My Number (é preciso fazer a continuação do uso em até 90 dias após a mudança)'),
	('SEAL_REGISTRATION', '{person}が15歳以上のため（希望すれば印鑑登録ができます）',
		'{person} is 15 or older (a seal can be registered on request)',
		'{person}已满15岁（如有需要，可以办理印章登记）',
		'{person} 님이 15세 이상이기 때문입니다(희망하면 인감 등록을 할 수 있습니다)',
		'Vì {person} từ 15 tuổi trở lên (nếu muốn, có thể đăng ký con dấu (inkan))',
		'Porque {person} tem 15 anos ou mais (se quiser, pode registrar um carimbo pessoal (inkan))'),
	('RESIDENCE_CARD_ENDORSEMENT', '{person}が在留カード（または特別永住者証明書）を持つ外国人住民のため（この届出が住居地の届出を兼ね、カードの裏面に新しい住居地を記載します）',
		'{person} is a foreign resident with a residence card (在留カード) or special permanent resident certificate (特別永住者証明書) (this notification is also the residence notification; the new address is written on the back of the card)',
		'{person}是持有在留卡（在留カード）或特别永住者证明书（特別永住者証明書）的外国籍居民（本申报同时作为居住地申报，将在卡的背面记载新的居住地）',
		'{person} 님이 재류카드(在留カード) 또는 특별영주자증명서(特別永住者証明書)를 가진 외국인 주민이기 때문입니다(이 신고가 주거지 신고를 겸하며, 카드 뒷면에 새 주거지를 기재합니다)',
		'Vì {person} là cư dân người nước ngoài có thẻ cư trú (在留カード) hoặc giấy chứng nhận vĩnh trú đặc biệt (特別永住者証明書) (tờ khai này đồng thời là khai báo nơi cư trú; nơi cư trú mới được ghi vào mặt sau thẻ)',
		'Porque {person} é residente estrangeiro com cartão de residente (在留カード) ou certificado de residente permanente especial (特別永住者証明書) (esta notificação vale também como notificação do local de residência; o novo endereço é anotado no verso do cartão)'),
	('GARBAGE_GUIDE', '新しい住所でのごみの分け方・出し方をお知らせするため',
		'To tell you how to sort and put out garbage at your new address',
		'为了告知您在新地址的垃圾分类和投放方法',
		'새 주소에서의 쓰레기 분리 방법과 배출 방법을 안내하기 위해서입니다',
		'Để hướng dẫn cách phân loại và bỏ rác tại địa chỉ mới',
		'Para informar como separar e descartar o lixo no novo endereço'),
	('STAY_PERIOD_RENEWAL', '{person}の在留期間の満了日が過ぎているため（更新を申請していなければ、すぐに出入国在留管理局に相談してください）',
		'The period of stay of {person} has ended (if no renewal was applied for, consult the Immigration Services Bureau (出入国在留管理局) at once)',
		'{person}的在留期间届满日已过（如果尚未申请更新，请立即咨询出入国在留管理局）',
		'{person} 님의 재류기간 만료일이 지났기 때문입니다(갱신을 신청하지 않았다면 바로 출입국재류관리국(出入国在留管理局)에 상담해 주십시오)',
		'Vì thời hạn lưu trú của {person} đã hết (nếu chưa nộp đơn gia hạn, hãy liên hệ ngay Cục Quản lý Xuất nhập cảnh và Lưu trú (出入国在留管理局))',
		'Porque o período de permanência de {person} já terminou (se não pediu a renovação, procure logo a Agência de Imigração (出入国在留管理局))'),
	('STAY_PERIOD_RENEWAL', '{person}の在留期間の満了日まで3か月以内のため（満了日までに出入国在留管理局で更新を申請してください）',
		'The period of stay of {person} ends within 3 months (apply for renewal at the Immigration Services Bureau (出入国在留管理局) before it ends)',
		'{person}的在留期间将在3个月以内届满（请在届满日之前到出入国在留管理局申请更新）',
		'{person} 님의 재류기간 만료일까지 3개월 이내이기 때문입니다(만료일까지 출입국재류관리국(出入国在留管理局)에서 갱신을 신청해 주십시오)',
		'Vì thời hạn lưu trú của {person} sẽ hết trong vòng 3 tháng (hãy nộp đơn gia hạn tại Cục Quản lý Xuất nhập cảnh và Lưu trú (出入国在留管理局) trước ngày hết hạn)',
		'Porque o período de permanência de {person} termina em até 3 meses (peça a renovação na Agência de Imigração (出入国在留管理局) antes do fim)'),
	('NHI_JOIN', '{person}が75歳未満で、職場の健康保険に加入していないため',
		'{person} is under 75 and not in a health insurance plan through work',
		'{person}未满75岁，且未加入工作单位的健康保险',
		'{person} 님이 75세 미만이고 직장 건강보험에 가입하지 않았기 때문입니다',
		'Vì {person} dưới 75 tuổi và không tham gia bảo hiểm y tế nơi làm việc',
		'Porque {person} tem menos de 75 anos e não tem seguro de saúde pelo trabalho'),
	('NATIONAL_PENSION_JOIN', '{person}が国外から転入した20歳以上60歳未満の方で、厚生年金に加入していないため',
		'{person} moved in from abroad, is 20 to 59 and not in the employees'' pension (厚生年金)',
		'{person}是从国外迁入的20岁以上未满60岁的人，且未加入厚生年金',
		'{person} 님이 국외에서 전입한 20세 이상 60세 미만인 분으로, 후생연금(厚生年金)에 가입하지 않았기 때문입니다',
		'Vì {person} chuyển đến từ nước ngoài, từ 20 đến dưới 60 tuổi và không tham gia lương hưu phúc lợi (厚生年金)',
		'Porque {person} veio do exterior, tem de 20 a 59 anos e não está no seguro de pensão dos empregados (厚生年金)'),
	('NATIONAL_PENSION_JOIN', '{person}が国外から転入した20歳以上60歳未満の外国人住民で、厚生年金に加入していないため（日本に住む方は国籍に関係なく加入します。出国するときは脱退一時金を請求できます）',
		'{person} is a foreign resident who moved in from abroad, is 20 to 59 and not in the employees'' pension (厚生年金) (everyone living in Japan joins, whatever the nationality; a lump-sum withdrawal payment (脱退一時金) can be claimed on leaving Japan)',
		'{person}是从国外迁入的20岁以上未满60岁的外国籍居民，且未加入厚生年金（住在日本的人无论国籍都要加入；离开日本时可以申请退出一次性补助金（脱退一時金））',
		'{person} 님이 국외에서 전입한 20세 이상 60세 미만의 외국인 주민으로, 후생연금(厚生年金)에 가입하지 않았기 때문입니다(일본에 사는 분은 국적과 관계없이 가입합니다. 출국할 때는 탈퇴일시금(脱退一時金)을 청구할 수 있습니다)',
		'Vì {person} là cư dân người nước ngoài chuyển đến từ nước ngoài, từ 20 đến dưới 60 tuổi và không tham gia lương hưu phúc lợi (厚生年金) (người sống ở Nhật đều tham gia, không phân biệt quốc tịch; khi rời Nhật có thể yêu cầu khoản trợ cấp một lần khi rút (脱退一時金))',
		'Porque {person} é residente estrangeiro vindo do exterior, tem de 20 a 59 anos e não está no seguro de pensão dos empregados (厚生年金) (quem mora no Japão participa, qualquer que seja a nacionalidade; ao deixar o Japão, pode pedir o pagamento único de retirada (脱退一時金))'),
	('WATER_SERVICE', '市の水道の使用開始・中止の届出が必要なため',
		'The start or stop of the city water supply must be reported',
		'需要申报开始或停止使用市自来水',
		'시 수도의 사용 개시・중지 신고가 필요하기 때문입니다',
		'Vì cần đăng ký bắt đầu hoặc ngừng sử dụng nước máy của thành phố',
		'Porque é preciso pedir o início ou o fim do uso da água encanada da cidade')
) as r (code, template, en, zh, ko, vi, pt)
cross join lateral (values ('en', r.en), ('zh', r.zh), ('ko', r.ko), ('vi', r.vi), ('pt', r.pt)) as l (language, text)
where exists (select 1 from guidance.rules g where g.procedure_code = r.code and strpos(g.source, r.template) > 0)
on conflict do nothing;

update guidance.revision set revision = revision + 1 where id = 1;
