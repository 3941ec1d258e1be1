#!/usr/bin/env python3
"""Writes the seed form templates (db/migration/forms/V2026112661__form_templates.sql).

The SQL file is what ships; this script is how its layouts were drawn (A4, millimetres from
the top-left corner). After the first start the templates live in the database and are edited
by administrators (versions); change a shipped layout with a new migration, never by editing
an applied one.
"""
import json
import pathlib

OUT = pathlib.Path(__file__).resolve().parent.parent / "src/main/resources/db/migration/forms/V2026112661__form_templates.sql"


def text(x, y, w, h, t, size=None, align=None, wrap=None):
    e = {"type": "text", "x": x, "y": y, "w": w, "h": h, "text": t}
    if size: e["size"] = size
    if align: e["align"] = align
    if wrap: e["wrap"] = True
    return e


def box(x, y, w, h, width=None):
    e = {"type": "box", "x": x, "y": y, "w": w, "h": h}
    if width: e["width"] = width
    return e


def line(x1, y1, x2, y2, width=None):
    e = {"type": "line", "x1": x1, "y1": y1, "x2": x2, "y2": y2}
    if width: e["width"] = width
    return e


def field(name, bind, x, y, w, h, size=None, fmt=None, align=None, wrap=None, min_size=None):
    e = {"type": "field", "name": name, "bind": bind, "x": x, "y": y, "w": w, "h": h}
    if size: e["size"] = size
    if fmt: e["format"] = fmt
    if align: e["align"] = align
    if wrap: e["wrap"] = True
    if min_size: e["minSize"] = min_size
    return e


def cell(label, name, bind, x, y, w, h, label_w=28, size=11, fmt=None, wrap=None, align=None):
    """A labelled cell: the label on a grey-free left part, the value on the right."""
    return [box(x, y, label_w, h), text(x, y, label_w, h, label, 9, "center"),
            box(x + label_w, y, w - label_w, h),
            field(name, bind, x + label_w, y, w - label_w, h, size, fmt, align, wrap)]


def check(label, name, bind, value, x, y, w=22):
    """A check box that gets ✓ when the bound value equals value."""
    return [box(x, y + 1, 4, 4), field(name, bind, x, y + 0.5, 4, 5, 10, "equals:" + value, "center"),
            text(x + 4.5, y, w - 4.5, 6, label, 9)]


def header(title, subtitle=None):
    es = [text(15, 10, 180, 12, title, 18, "center")]
    if subtitle:
        es.append(text(15, 21, 180, 6, subtitle, 9, "center"))
    es += [field("あて先", "addressee", 15, 28, 60, 7, 10), text(75, 28, 10, 7, "様", 10)]
    es += [text(120, 28, 20, 7, "届出日", 9, "right"), field("届出日", "filedOn", 140, 28, 55, 7, 10)]
    return es


def footer(y=285):
    return [line(15, y, 195, y, 0.2),
            text(15, y + 1, 25, 6, "受付番号", 8), field("受付番号", "reference", 35, y + 1, 40, 6, 8),
            text(120, y + 1, 20, 6, "印刷日", 8, "right"), field("印刷日", "printedOn", 140, y + 1, 55, 6, 8)]


def signature(label, x, y, w, h):
    return [box(x, y, w, h), text(x + 1, y + 0.5, 60, 5, label, 8),
            {"type": "signature", "name": label, "x": x + 2, "y": y + 5, "w": w - 4, "h": h - 6}]


def moving_notification():
    es = header("住民異動届", "住民基本台帳法第22条から第25条まで")
    es += [text(15, 37, 28, 7, "届出の種類", 9, "center"), box(15, 37, 180, 7)]
    for i, (label, code) in enumerate([("転入", "MOVE_IN"), ("転出", "MOVE_OUT"), ("転居", "MOVE_WITHIN"),
                                       ("世帯変更", "HOUSEHOLD_CHANGE")]):
        es += check(label, "種類・" + label, "typeCode", code, 46 + i * 26, 37.5)
    es += [field("区分", "variant", 150, 37, 44, 7, 9, align="right")]
    es += cell("異動日", "異動日", "movedOn", 15, 44, 90, 8)
    es += cell("転出予定日", "転出予定日", "plannedMoveOutOn", 105, 44, 90, 8)
    es += cell("新しい住所", "新しい住所", "newAddress", 15, 52, 180, 14, wrap=True)
    es += [field("新しい郵便番号", "newAddress.postalCode", 44, 52, 40, 5, 8, "postal")]
    es += cell("前の住所", "前の住所", "previousAddress", 15, 66, 180, 14, wrap=True)
    es += cell("世帯主", "世帯主", "headName", 15, 80, 120, 9, size=12)
    es += [box(135, 80, 60, 9)] + check("新しい世帯", "新しい世帯", "newHousehold", "true", 138, 81.5, 40)
    # persons: header row and 6 rows per sheet (a larger household prints a continuation sheet)
    cols = [("", 8), ("氏名（フリガナ）", 62), ("生年月日", 38), ("性別", 12), ("続柄", 22), ("マイナンバー\nカード", 16),
            ("健康保険", 22)]
    x = 15
    for label, w in cols:
        es += [box(x, 92, w, 9)] + ([text(x, 92, w, 9, label, 8, "center", True)] if label else [])
        x += w
    row = [box(0, 0, 8, 15), field("番号", "$index", 0, 0, 8, 15, 10, align="center"),
           box(8, 0, 62, 15), field("フリガナ", "fullNameKana", 8, 0.5, 62, 5, 7, "kana"),
           field("氏名", "fullName", 8, 5, 62, 10, 14),
           box(70, 0, 38, 15), field("生年月日", "birthDate", 70, 0, 38, 15, 9, align="center"),
           box(108, 0, 12, 15), field("性別", "sex", 108, 0, 12, 15, 10, align="center"),
           box(120, 0, 22, 15), field("続柄", "relationship", 120, 0, 22, 15, 10, align="center"),
           box(142, 0, 16, 15), field("マイナンバーカード", "myNumberCard", 142, 0, 16, 15, 11, align="center"),
           box(158, 0, 22, 15), field("健康保険", "healthInsurance", 158, 0, 22, 15, 8, align="center", wrap=True)]
    es.append({"type": "repeat", "name": "異動した人", "bind": "persons", "x": 15, "y": 101, "rowHeight": 15, "rows": 6,
               "elements": row})
    es += cell("届出人", "届出人", "filer.name", 15, 194, 110, 9, size=12)
    es += cell("続柄等", "届出人の区分", "filer.kind", 125, 194, 70, 9, label_w=16, size=10)
    es += cell("電話番号", "電話番号", "filer.phone", 15, 203, 110, 8, size=10)
    es += [box(125, 203, 70, 8)] + check("委任状あり", "委任状", "filer.powerOfAttorney", "true", 128, 204, 40)
    es += cell("本人確認書類", "本人確認書類", "identityDocuments", 15, 211, 180, 9, size=9, wrap=True)
    es += signature("届出人署名", 15, 224, 180, 30)
    es += [text(15, 256, 180, 14, "上記のとおり届け出ます。届出の内容に誤りがないことを確認のうえ、署名してください。\n"
                                   "記入いただいた個人情報は、住民基本台帳事務とこれに伴う手続きにのみ使用します。", 8, wrap=True)]
    es += footer()
    return {"id": "moving-notification", "title": "住民異動届", "pages": [{"elements": es}]}


def nhi(form_id, join):
    title = "国民健康保険 被保険者資格取得・喪失届"
    es = header(title)
    es += [box(15, 37, 180, 8), text(15, 37, 28, 8, "届出の内容", 9, "center")]
    es += [box(48, 39, 4, 4), text(53, 37, 40, 8, "資格取得（加入）", 9)]
    es += [box(98, 39, 4, 4), text(103, 37, 40, 8, "資格喪失（脱退）", 9)]
    es += [text(48 if join else 98, 38.5, 4, 5, "✓", 10, "center")]
    es += cell("世帯主", "世帯主", "headName", 15, 45, 110, 9, size=12)
    es += cell("異動日", "異動日", "movedOn", 125, 45, 70, 9, label_w=16, size=10)
    es += cell("住所", "住所", "newAddress" if join else "previousAddress", 15, 54, 180, 12, wrap=True)
    es += cell("電話番号", "電話番号", "filer.phone", 15, 66, 110, 8, size=10)
    cols = [("", 8), ("氏名（フリガナ）", 64), ("生年月日", 40), ("性別", 12), ("続柄", 22), ("個人番号", 34)]
    x = 15
    for label, w in cols:
        es += [box(x, 78, w, 8)] + ([text(x, 78, w, 8, label, 8, "center")] if label else [])
        x += w
    row = [box(0, 0, 8, 15), field("番号", "$index", 0, 0, 8, 15, 10, align="center"),
           box(8, 0, 64, 15), field("フリガナ", "fullNameKana", 8, 0.5, 64, 5, 7, "kana"),
           field("氏名", "fullName", 8, 5, 64, 10, 14),
           box(72, 0, 40, 15), field("生年月日", "birthDate", 72, 0, 40, 15, 9, align="center"),
           box(112, 0, 12, 15), field("性別", "sex", 112, 0, 12, 15, 10, align="center"),
           box(124, 0, 22, 15), field("続柄", "relationship", 124, 0, 22, 15, 10, align="center"),
           box(146, 0, 34, 15), field("個人番号", "myNumber", 146, 0, 34, 15, 9, align="center")]
    es.append({"type": "repeat", "name": "被保険者", "bind": "persons", "filter": "healthInsuranceCode=NHI", "x": 15,
               "y": 86, "rowHeight": 15, "rows": 8, "elements": row})
    es += [text(15, 208, 180, 10, "個人番号は表示を一部伏せています。窓口で本人確認書類により確認します。", 8, wrap=True)]
    es += cell("届出人", "届出人", "filer.name", 15, 220, 180, 9, size=12)
    es += signature("届出人署名", 15, 231, 180, 30)
    es += footer()
    return {"id": form_id, "title": title + ("（取得）" if join else "（喪失）"), "pages": [{"elements": es}]}


def child_allowance():
    title = "児童手当 認定請求書"
    es = header(title)
    es += cell("請求者", "請求者", "headName", 15, 38, 110, 10, size=13)
    es += cell("電話番号", "電話番号", "filer.phone", 125, 38, 70, 10, label_w=16, size=10)
    es += cell("住所", "住所", "newAddress", 15, 48, 180, 12, wrap=True)
    es += cell("転入日", "転入日", "movedOn", 15, 60, 90, 9)
    es += [text(15, 74, 180, 7, "支給の対象となる児童（18歳到達後最初の3月31日までの児童）", 10)]
    cols = [("", 8), ("氏名（フリガナ）", 72), ("生年月日", 44), ("続柄", 26), ("同居", 30)]
    x = 15
    for label, w in cols:
        es += [box(x, 82, w, 8)] + ([text(x, 82, w, 8, label, 8, "center")] if label else [])
        x += w
    row = [box(0, 0, 8, 15), field("番号", "$index", 0, 0, 8, 15, 10, align="center"),
           box(8, 0, 72, 15), field("フリガナ", "fullNameKana", 8, 0.5, 72, 5, 7, "kana"),
           field("氏名", "fullName", 8, 5, 72, 10, 14),
           box(80, 0, 44, 15), field("生年月日", "birthDate", 80, 0, 44, 15, 9, align="center"),
           box(124, 0, 26, 15), field("続柄", "relationship", 124, 0, 26, 15, 10, align="center"),
           box(150, 0, 30, 15), text(150, 0, 30, 15, "同居", 10, "center")]
    es.append({"type": "repeat", "name": "児童", "bind": "persons", "filter": "child=true", "x": 15, "y": 90,
               "rowHeight": 15, "rows": 6, "elements": row})
    es += [text(15, 184, 180, 16, "転入した日（異動日）の翌日から15日以内に請求してください。請求が遅れると、遅れた月分の手当を受けられないことがあります。\n"
                                   "請求者の所得の確認のため、必要に応じて書類の提出をお願いすることがあります。", 8, wrap=True)]
    es += signature("請求者署名", 15, 204, 180, 30)
    es += footer()
    return {"id": "child-allowance-claim", "title": title, "pages": [{"elements": es}]}


def seal_registration():
    title = "印鑑登録申請書"
    es = header(title)
    es += [text(15, 38, 180, 7, "次の印鑑を登録したいので申請します。", 10)]
    row = [box(0, 0, 180, 12), text(0, 0, 28, 12, "申請者の氏名", 9, "center"), line(28, 0, 28, 12),
           field("フリガナ", "fullNameKana", 30, 0.5, 148, 4, 7, "kana"),
           field("氏名", "fullName", 30, 4, 148, 8, 14),
           box(0, 12, 180, 9), text(0, 12, 28, 9, "生年月日", 9, "center"), line(28, 12, 28, 21),
           field("生年月日", "birthDate", 30, 12, 80, 9, 11),
           box(0, 21, 180, 9), text(0, 21, 28, 9, "性別", 9, "center"), line(28, 21, 28, 30),
           field("性別", "sex", 30, 21, 40, 9, 11)]
    es.append({"type": "repeat", "name": "申請者", "bind": "persons", "filter": "fifteenOrOver=true", "x": 15,
               "y": 47, "rowHeight": 30, "rows": 1, "elements": row})
    es += cell("住所", "住所", "newAddress", 15, 77, 180, 12, wrap=True)
    es += [box(15, 92, 60, 60), text(15, 92, 60, 6, "登録する印鑑（印影）", 9, "center"), box(27.5, 108, 35, 35, 0.2)]
    es += [text(80, 92, 115, 60, "・印鑑登録は15歳以上の方が1人1個できます。\n・ゴム印など変形しやすいもの、印影の大きさが8mm以内の正方形に収まるもの、25mmの正方形に収まらないものは登録できません。\n"
                                   "・本人確認書類（マイナンバーカード、運転免許証など）で本人と確認できない場合は、照会書を郵送します。", 9, wrap=True)]
    es += signature("申請者署名", 15, 160, 180, 30)
    es += cell("本人確認書類", "本人確認書類", "identityDocuments", 15, 194, 180, 9, size=9, wrap=True)
    es += footer()
    return {"id": "seal-registration", "title": title, "pages": [{"elements": es}]}


def guide_sheet():
    title = "手続き案内票"
    es = [text(15, 10, 180, 12, title, 18, "center"),
          text(15, 21, 180, 6, "このあとの手続きを、上から順にご案内します。この用紙を各窓口でお見せください。", 9, "center")]
    es += cell("お名前", "世帯主", "headName", 15, 30, 110, 10, size=13)
    es += cell("届出", "届出の種類", "type", 125, 30, 70, 10, label_w=16, size=11)
    es += cell("新しい住所", "新しい住所", "newAddress", 15, 40, 180, 10, wrap=True)
    cols = [("順", 10), ("手続き", 50), ("窓口", 50), ("お持ちいただくもの", 70)]
    x = 15
    for label, w in cols:
        es += [box(x, 54, w, 8)] + ([text(x, 54, w, 8, label, 9, "center")] if label else [])
        x += w
    row = [box(0, 0, 10, 21), field("順", "$index", 0, 0, 10, 21, 12, align="center"),
           box(10, 0, 50, 21), field("手続き", "name", 10, 0, 50, 21, 11, wrap=True),
           box(60, 0, 50, 21), field("窓口", "counter", 60, 0.5, 50, 12, 10, wrap=True),
           field("担当課", "department", 60, 12.5, 50, 8, 8),
           box(110, 0, 70, 21), field("お持ちいただくもの", "documents", 110, 0, 70, 21, 8, "lines", wrap=True, min_size=5)]
    es.append({"type": "repeat", "name": "手続き", "bind": "procedures", "x": 15, "y": 62, "rowHeight": 21,
               "rows": 10, "elements": row})
    es += footer(284)
    return {"id": "guide-sheet", "title": title, "pages": [{"elements": es}]}


def reception_ticket():
    title = "受付票"
    es = [box(15, 10, 180, 128, 0.5), text(15, 14, 180, 12, title, 20, "center"),
          text(15, 28, 180, 7, "お呼びするまでお待ちください。この用紙は手続きが終わるまでお持ちください。", 9, "center"),
          text(20, 38, 40, 16, "受付番号", 11, "center"),
          # the reception's ticket number (V2026112662 moved the shipped template here from "reference")
          field("受付番号", "ticketNumber", 60, 36, 130, 20, 36, align="center"),
          line(20, 58, 190, 58, 0.2)]
    es += [text(20, 60, 30, 8, "お名前", 9), field("お名前", "filer.name", 50, 60, 140, 8, 13),
           text(20, 68, 30, 8, "届出", 9), field("届出の種類", "type", 50, 68, 140, 8, 11),
           text(20, 76, 30, 8, "受付日時", 9), field("受付日", "printedOn", 50, 76, 60, 8, 11),
           field("受付時刻", "printedAt", 110, 76, 30, 8, 11),
           text(20, 86, 170, 7, "このあとの窓口", 10)]
    row = [field("順", "$index", 0, 0, 10, 6, 10, align="center"), field("手続き", "name", 10, 0, 90, 6, 10),
           field("窓口", "counter", 100, 0, 70, 6, 9)]
    es.append({"type": "repeat", "name": "窓口", "bind": "procedures", "x": 20, "y": 93, "rowHeight": 6, "rows": 7,
               "elements": row})
    return {"id": "reception-ticket", "title": title, "pages": [{"elements": es}]}


def main():
    templates = [moving_notification(), nhi("nhi-join", True), nhi("nhi-leave", False), child_allowance(),
                 seal_registration(), guide_sheet(), reception_ticket()]
    lines = ["-- Seed form templates, version 1 (drawn by server/tools/form_templates.py).",
             "-- Administrators edit them on the template screen; each save adds a version.", ""]
    for t in templates:
        body = json.dumps(t, ensure_ascii=False, separators=(",", ":"))
        assert "$form$" not in body and "${" not in body
        lines.append("insert into forms.templates (form_id, version, title, definition) values ('%s', 1, '%s', $form$ %s $form$);"
                     % (t["id"], t["title"], body))
        lines.append("")
    OUT.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
