#!/usr/bin/env python3
"""Writes the seed form templates.

- db/migration/forms/V2026112661__form_templates.sql: the first seven (住民異動届, 国保, 児童手当,
  印鑑登録, 案内票, 受付票), version 1.
- db/migration/forms/V2026120351__procedure_form_templates.sql (issue 19): a template for every
  other form the procedure master names, the requests made on the same visit (住民票の写し等,
  印鑑登録証明書, 委任状), and new versions of four shipped ones (bound to the persons the guide
  names, 印鑑登録 signed by each applicant, the guide sheet with the reason a procedure has no
  form). A new version is added only where the city has not edited the template.

The SQL files are what ships; this script is how their layouts were drawn (A4, millimetres from
the top-left corner). After the first start the templates live in the database and are edited
by administrators (versions); change a shipped layout with a new migration, never by editing
an applied one. The layouts are plausible, in this project's own words, not any city's
official forms.
"""
import json
import pathlib

MIGRATIONS = pathlib.Path(__file__).resolve().parent.parent / "src/main/resources/db/migration/forms"
OUT = MIGRATIONS / "V2026112661__form_templates.sql"
OUT_PROCEDURES = MIGRATIONS / "V2026120351__procedure_form_templates.sql"


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


def signature(label, x, y, w, h, signer=None):
    s = {"type": "signature", "name": label, "x": x + 2, "y": y + 5, "w": w - 4, "h": h - 6}
    if signer:
        s["signer"] = signer
    return [box(x, y, w, h), text(x + 1, y + 0.5, 60, 5, label, 8), s]


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


def nhi(form_id, join, persons="persons"):
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
    es.append(repeat("被保険者", persons, "healthInsuranceCode=NHI" if persons == "persons" else None, 15, 86, 15, 8,
                     row))
    es += [text(15, 208, 180, 10, "個人番号は表示を一部伏せています。窓口で本人確認書類により確認します。", 8, wrap=True)]
    es += cell("届出人", "届出人", "filer.name", 15, 220, 180, 9, size=12)
    es += signature("届出人署名", 15, 231, 180, 30)
    es += footer()
    return {"id": form_id, "title": title + ("（取得）" if join else "（喪失）"), "pages": [{"elements": es}]}


def repeat(name, bind, flt, x, y, row_height, rows, elements):
    r = {"type": "repeat", "name": name, "bind": bind}
    if flt:
        r["filter"] = flt
    r.update({"x": x, "y": y, "rowHeight": row_height, "rows": rows, "elements": elements})
    return r


def child_allowance(persons="persons"):
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
    es.append(repeat("児童", persons, "child=true" if persons == "persons" else None, 15, 90, 15, 6, row))
    es += [text(15, 184, 180, 16, "転入した日（異動日）の翌日から15日以内に請求してください。請求が遅れると、遅れた月分の手当を受けられないことがあります。\n"
                                   "請求者の所得の確認のため、必要に応じて書類の提出をお願いすることがあります。", 8, wrap=True)]
    es += signature("請求者署名", 15, 204, 180, 30, "head" if persons != "persons" else None)
    es += footer()
    return {"id": "child-allowance-claim", "title": title, "pages": [{"elements": es}]}


def seal_registration(each=False):
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
    if each:
        # version 2: one sheet per applicant, each signs their own sheet
        # (placed from the row's corner: the page's 15, 160)
        row += signature("申請者署名", 0, 113, 180, 30, "each")
    es.append(repeat("申請者", "subjects" if each else "persons", None if each else "fifteenOrOver=true", 15, 47, 30,
                     1, row))
    es += cell("住所", "住所", "newAddress", 15, 77, 180, 12, wrap=True)
    es += [box(15, 92, 60, 60), text(15, 92, 60, 6, "登録する印鑑（印影）", 9, "center"), box(27.5, 108, 35, 35, 0.2)]
    es += [text(80, 92, 115, 60, "・印鑑登録は15歳以上の方が1人1個できます。\n・ゴム印など変形しやすいもの、印影の大きさが8mm以内の正方形に収まるもの、25mmの正方形に収まらないものは登録できません。\n"
                                   "・本人確認書類（マイナンバーカード、運転免許証など）で本人と確認できない場合は、照会書を郵送します。", 9, wrap=True)]
    if not each:
        es += signature("申請者署名", 15, 160, 180, 30)
    es += cell("本人確認書類", "本人確認書類", "identityDocuments", 15, 194, 180, 9, size=9, wrap=True)
    es += footer()
    return {"id": "seal-registration", "title": title, "pages": [{"elements": es}]}


def guide_sheet(reasons=False):
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
           box(10, 0, 50, 21)]
    if reasons:
        # version 2: a procedure without a form says why (the master's reason)
        row += [field("手続き", "name", 10, 0, 50, 13, 11, wrap=True),
                field("申請書がない理由", "noFormReason", 11, 13, 48, 8, 6, wrap=True, min_size=4)]
    else:
        row += [field("手続き", "name", 10, 0, 50, 21, 11, wrap=True)]
    row += [
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


# --- issue 19: a template for every form the procedure master names -------------------------
#
# The forms below share one skeleton, as municipal forms of one city usually do: the title and
# the addressee, the kind of the notification as check boxes, the household and the addresses,
# a table of the persons the form is about (FormData.subjects: the persons the guide named for
# the procedure), boxes the resident or staff fill by hand for what the notification does not
# know (insurance numbers, plate numbers …), a note, the signatures and the footer.


class Sheet:
    """A page drawn top to bottom: each block starts where the last ended."""

    def __init__(self, title, subtitle=None):
        self.es = header(title, subtitle)
        self.y = 37

    def kinds(self, label, options, h=8):
        """A row of check boxes: (label, bind, value), or (label,) for a box ticked by hand."""
        es = [box(15, self.y, 180, h), text(15, self.y, 28, h, label, 9, "center"), line(43, self.y, 43, self.y + h)]
        x = 46
        width = (195 - x) / max(len(options), 1)
        for option in options:
            if len(option) == 3:
                es += check(option[0], label + "・" + option[0], option[1], option[2], x, self.y + (h - 6) / 2, width)
            else:
                es += [box(x, self.y + (h - 4) / 2, 4, 4), text(x + 4.5, self.y + (h - 6) / 2, width - 4.5, 6, option[0], 9)]
            x += width
        self.es += es
        self.y += h
        return self

    def cells(self, cells, h=9):
        """Labelled cells side by side: (label, name, bind, width[, options]); bind None = by hand."""
        x = 15
        for c in cells:
            label, name, bind, w = c[:4]
            opts = c[4] if len(c) > 4 else {}
            lw = opts.get("label_w", 24 if w < 100 else 28)
            if bind is None:
                self.es += [box(x, self.y, lw, h), text(x, self.y, lw, h, label, 9, "center"), box(x + lw, self.y, w - lw, h)]
                if "hint" in opts:
                    self.es += [text(x + lw + 1, self.y, w - lw - 2, h, opts["hint"], 7)]
            else:
                self.es += cell(label, name, bind, x, self.y, w, h, label_w=lw, size=opts.get("size", 11),
                                fmt=opts.get("fmt"), wrap=opts.get("wrap"))
            x += w
        assert abs(x - 195) < 0.01, (cells, x)
        self.y += h
        return self

    def address(self, label, name, bind, h=12):
        self.es += cell(label, name, bind, 15, self.y, 180, h, wrap=True)
        self.es += [field(name + "の郵便番号", bind + ".postalCode", 44, self.y + 0.3, 40, 4.5, 7, "postal")]
        self.y += h
        return self

    def table(self, name, bind, cols, rows, row_h=13, flt=None, heading=None, extra_row=None):
        """A persons table: cols are (header, width, kind) with kind "name", a bind path, or None (by hand).

        A bind path may be given as (path, format). extra_row adds elements to each row (e.g. a
        signature box).
        """
        if heading:
            self.es += [text(15, self.y + 1, 180, 6, heading, 9)]
            self.y += 7
        x = 15
        cells = [("", 8)] + [(c[0], c[1]) for c in cols]
        assert abs(sum(w for _, w in cells) - 180) < 0.01, (name, sum(w for _, w in cells))
        for label, w in cells:
            self.es += [box(x, self.y, w, 8)] + ([text(x, self.y, w, 8, label, 8, "center", True)] if label else [])
            x += w
        self.y += 8
        row = [box(0, 0, 8, row_h), field("番号", "$index", 0, 0, 8, row_h, 10, align="center")]
        x = 8
        for label, w, kind in cols:
            row.append(box(x, 0, w, row_h))
            if kind == "name":
                row += [field("フリガナ", "fullNameKana", x + 1, 0.3, w - 2, 4.5, 7, "kana"),
                        field("氏名", "fullName", x + 1, 4.5, w - 2, row_h - 4.5, 13)]
            elif kind is not None:
                path, fmt = kind if isinstance(kind, tuple) else (kind, None)
                size = 9 if path in ("birthDate", "myNumber", "healthInsurance") else 10
                row.append(field(label.replace("\n", ""), path, x, 0, w, row_h, size, fmt, "center",
                                 wrap=(path in ("healthInsurance", "nationality"))))
            x += w
        if extra_row:
            row += extra_row
        self.es.append(repeat(name, bind, flt, 15, self.y, row_h, rows, row))
        self.y += row_h * rows
        return self

    def head_and_date(self, label, name):
        """The head of household and the day of the move (or of the change the form reports)."""
        return self.cells([("世帯主", "世帯主", "headName", 110, {"size": 12}),
                           (label, name, "movedOn", 70, {"label_w": 16, "size": 10})])

    def with_phone(self, label, name, bind, size, h=9):
        """A person (the claimant, the guardian …) and the filer's telephone number."""
        return self.cells([(label, name, bind, 110, {"size": size}),
                           ("電話番号", "電話番号", "filer.phone", 70, {"label_w": 16, "size": 10})], h=h)

    def note(self, t, h=10, size=8):
        self.es += [text(15, self.y + 1, 180, h - 1, t, size, wrap=True)]
        self.y += h
        return self

    def gap(self, h):
        self.y += h
        return self

    def sign(self, label, signer=None, h=26):
        self.es += signature(label, 15, self.y + 1, 180, h - 1, signer)
        self.y += h
        return self

    def filer(self):
        """届出人 and how to reach them."""
        return self.cells([("届出人", "届出人", "filer.name", 110, {"size": 12}),
                           ("区分", "届出人の区分", "filer.kind", 70, {"label_w": 16, "size": 10})]) \
            .cells([("電話番号", "電話番号", "filer.phone", 110, {"size": 10}),
                    ("本人確認", "本人確認書類", "identityDocuments", 70, {"label_w": 16, "size": 8, "wrap": True})], h=8)

    def done(self, form_id, title):
        assert self.y <= 284, (form_id, self.y)
        self.es += footer()
        return {"id": form_id, "title": title, "pages": [{"elements": self.es}]}


MOVE_KINDS = [("転入", "typeCode", "MOVE_IN"), ("転出", "typeCode", "MOVE_OUT"), ("転居", "typeCode", "MOVE_WITHIN"),
              ("世帯変更", "typeCode", "HOUSEHOLD_CHANGE")]

MASKED = "個人番号は表示を一部伏せています。窓口で本人確認書類とあわせて確認します。"


def nhi_change():
    title = "国民健康保険 被保険者異動届（住所・世帯の変更）"
    s = Sheet(title, "国民健康保険法第9条")
    s.kinds("異動の理由", [("市内転居", "typeCode", "MOVE_WITHIN"), ("世帯変更", "typeCode", "HOUSEHOLD_CHANGE"), ("その他",)])
    s.head_and_date("異動日", "異動日")
    s.cells([("前の世帯主", "前の世帯主", "previousHeadName", 110, {"size": 12}),
             ("記号番号", "記号番号", None, 70, {"label_w": 16})])
    s.address("新しい住所", "新しい住所", "newAddress").address("前の住所", "前の住所", "previousAddress")
    s.filer().gap(3)
    s.table("被保険者", "subjects", [("氏名（フリガナ）", 60, "name"), ("生年月日", 34, "birthDate"), ("性別", 10, "sex"),
                                   ("続柄", 18, "relationship"), ("個人番号", 30, "myNumber"), ("変更の内容", 20, None)], 7)
    s.note(MASKED + "\n資格確認書または保険証をお持ちの方は窓口で記載を変更します。", 12)
    s.sign("届出人署名")
    return s.done("nhi-change", title)


def national_pension_join():
    title = "国民年金被保険者 資格取得届"
    s = Sheet(title, "国民年金法第12条（第1号被保険者）")
    s.kinds("取得の理由", [("国外からの転入", "variantCode", "FROM_ABROAD"), ("20歳到達",), ("厚生年金の喪失",), ("その他",)])
    s.head_and_date("取得日", "資格取得日")
    s.address("住所", "住所", "newAddress").address("前の住所", "前の住所", "previousAddress")
    s.filer().gap(3)
    s.table("被保険者", "subjects", [("氏名（フリガナ）", 56, "name"), ("生年月日", 32, "birthDate"), ("性別", 10, "sex"),
                                   ("国籍", 20, "nationality"), ("個人番号", 28, "myNumber"),
                                   ("基礎年金番号\n（お持ちの方）", 26, None)], 5)
    s.cells([("年金加入歴", "年金加入歴", None, 180, {"hint": "日本の公的年金に加入したことがある方は、加入していた制度と期間を書いてください。"})], h=14)
    s.cells([("保険料の納付", "納付方法", None, 180, {"hint": "□ 納付書　□ 口座振替　□ クレジットカード　（免除・猶予の相談は窓口で）"})], h=9)
    s.note(MASKED + "\n20歳以上60歳未満で厚生年金・共済組合に加入していない方が、第1号被保険者として届け出ます。", 12)
    s.sign("届出人署名")
    return s.done("national-pension-join", title)


def late_elderly(form_id, kind):
    titles = {"join": "後期高齢者医療 被保険者資格取得届", "leave": "後期高齢者医療 被保険者資格喪失届",
              "change": "後期高齢者医療 被保険者住所変更届"}
    title = titles[kind]
    s = Sheet(title, "高齢者の医療の確保に関する法律")
    if kind == "join":
        s.kinds("取得の理由", [("転入", "typeCode", "MOVE_IN"), ("75歳到達",), ("障害認定",), ("その他",)])
    elif kind == "leave":
        s.kinds("喪失の理由", [("北海道外へ転出", "typeCode", "MOVE_OUT"), ("生活保護の開始",), ("その他",)])
    else:
        s.kinds("変更の理由", [("市内転居", "typeCode", "MOVE_WITHIN"), ("世帯変更", "typeCode", "HOUSEHOLD_CHANGE"), ("その他",)])
    s.head_and_date("異動日" if kind != "leave" else "転出日", "異動日")
    if kind == "leave":
        s.address("住所（市内）", "住所", "previousAddress").address("転出先", "転出先", "newAddress")
        s.cells([("転出予定日", "転出予定日", "plannedMoveOutOn", 110), ("返却", "資格確認書の返却", None, 70,
                                                                 {"label_w": 16, "hint": "□ 資格確認書等"})], h=8)
    else:
        s.address("新しい住所" if kind == "change" else "住所", "新しい住所", "newAddress")
        s.address("前の住所", "前の住所", "previousAddress")
    s.filer().gap(3)
    last = {"join": ("負担区分等\n証明書", 24, None), "leave": ("負担区分等\n証明書の交付", 24, None),
            "change": ("変更の内容", 24, None)}[kind]
    s.table("被保険者", "subjects", [("氏名（フリガナ）", 58, "name"), ("生年月日", 32, "birthDate"), ("性別", 10, "sex"),
                                   ("個人番号", 28, "myNumber"), ("被保険者番号", 20, None), last], 6)
    if kind == "join":
        s.cells([("前の保険", "前の保険", None, 180, {"hint": "加入していた医療保険の名称・記号番号（分かる方）"})], h=9)
    s.note(MASKED + ("\n前の市町村で交付された負担区分等証明書があれば、あわせて出してください。" if kind == "join" else ""), 11)
    s.sign("届出人署名")
    return s.done(form_id, title)


def care_insurance(form_id, join):
    title = "介護保険 被保険者資格取得・異動届" if join else "介護保険 被保険者資格喪失届"
    s = Sheet(title, "介護保険法第12条（第1号被保険者）")
    if join:
        s.kinds("届出の理由", [("転入", "typeCode", "MOVE_IN"), ("65歳到達",), ("適用除外施設の退所",), ("その他",)])
    else:
        s.kinds("喪失の理由", [("市外へ転出", "typeCode", "MOVE_OUT"), ("適用除外施設への入所",), ("その他",)])
    s.head_and_date("異動日", "異動日")
    if join:
        s.address("住所", "住所", "newAddress").address("前の住所", "前の住所", "previousAddress")
    else:
        s.address("住所（市内）", "住所", "previousAddress").address("転出先", "転出先", "newAddress")
        s.cells([("転出予定日", "転出予定日", "plannedMoveOutOn", 110),
                 ("返却", "被保険者証の返却", None, 70, {"label_w": 16, "hint": "□ 被保険者証"})], h=8)
    s.filer().gap(3)
    last = ("受給資格\n証明書", 26, None) if join else ("受給資格証明\n書の交付", 26, None)
    s.table("被保険者", "subjects", [("氏名（フリガナ）", 58, "name"), ("生年月日", 32, "birthDate"), ("性別", 10, "sex"),
                                   ("個人番号", 28, "myNumber"), ("被保険者番号", 18, None), last], 6)
    s.note(MASKED + ("\n要介護・要支援の認定を受けている方は、転入の日から14日以内に前の市町村の受給資格証明書を出すと、認定を引き継げます。"
                     if join else "\n要介護・要支援の認定を受けている方には、新しい住所の市町村に出す受給資格証明書をお渡しします。"), 12)
    s.sign("届出人署名")
    return s.done(form_id, title)


def child_allowance_notice(form_id, end):
    title = "児童手当 受給事由消滅届" if end else "児童手当 住所変更届"
    s = Sheet(title, "児童手当法")
    if end:
        s.kinds("消滅の理由", [("市外へ転出", "typeCode", "MOVE_OUT"), ("児童を養育しなくなった",), ("公務員になった",), ("その他",)])
    else:
        s.kinds("変更の内容", [("市内転居", "typeCode", "MOVE_WITHIN"), ("世帯変更", "typeCode", "HOUSEHOLD_CHANGE"), ("その他",)])
    s.with_phone("受給者", "受給者", "headName", 13, h=10)
    if end:
        s.address("住所（市内）", "住所", "previousAddress").address("転出先", "転出先", "newAddress")
        s.cells([("転出予定日", "転出予定日", "plannedMoveOutOn", 90), ("異動日", "異動日", "movedOn", 90)])
    else:
        s.address("新しい住所", "新しい住所", "newAddress").address("前の住所", "前の住所", "previousAddress")
        s.cells([("異動日", "異動日", "movedOn", 90), ("受給者番号", "受給者番号", None, 90)])
    s.gap(3)
    s.table("児童", "subjects", [("氏名（フリガナ）", 70, "name"), ("生年月日", 40, "birthDate"), ("続柄", 26, "relationship"),
                               ("別居・同居", 36, None)], 6, 14, heading="対象の児童")
    s.note("転出した方は、新しい住所の市町村で転出予定日の翌日から15日以内に認定請求をしてください。" if end else
           "受給者の住所・世帯が変わったときに届け出てください。振込口座の変更は別の届出です。", 10)
    s.sign("受給者署名", "head", 28)
    return s.done(form_id, title)


def child_medical_subsidy():
    title = "子ども医療費助成 受給者証交付申請書"
    s = Sheet(title, "釧路市子ども医療費助成条例（見本）")
    s.kinds("申請の理由", [("転入", "typeCode", "MOVE_IN"), ("市内転居", "typeCode", "MOVE_WITHIN"), ("出生",), ("その他",)])
    s.with_phone("保護者", "保護者", "headName", 13, h=10)
    s.address("住所", "住所", "newAddress")
    s.cells([("異動日", "異動日", "movedOn", 90), ("保護者の保険", "保護者の保険", None, 90, {"label_w": 26})])
    s.gap(3)
    s.table("対象の子ども", "subjects", [("氏名（フリガナ）", 60, "name"), ("生年月日", 34, "birthDate"), ("性別", 10, "sex"),
                                   ("続柄", 18, "relationship"), ("健康保険", 22, "healthInsurance"), ("保険の記号番号", 28, None)],
            7, 14, heading="助成を受ける子ども")
    s.note("健康保険の資格情報（資格確認書など）で、子どもが加入している保険を確認します。\n助成の対象年齢と所得の条件は市が定めます。", 11)
    s.sign("保護者署名", "head", 28)
    return s.done("child-medical-subsidy", title)


def single_parent_medical():
    title = "ひとり親家庭等医療費助成 受給者証交付申請書"
    s = Sheet(title, "ひとり親家庭等医療費助成（見本）")
    s.kinds("申請の理由", [("転入", "typeCode", "MOVE_IN"), ("市内転居", "typeCode", "MOVE_WITHIN"), ("ひとり親になった",), ("その他",)])
    s.with_phone("申請者", "申請者", "headName", 13, h=10)
    s.address("住所", "住所", "newAddress").address("前の住所", "前の住所", "previousAddress")
    s.kinds("ひとり親の理由", [("離婚",), ("死別",), ("未婚",), ("その他",)])
    s.gap(3)
    s.table("世帯員", "persons", [("氏名（フリガナ）", 60, "name"), ("生年月日", 34, "birthDate"), ("性別", 10, "sex"),
                               ("続柄", 18, "relationship"), ("健康保険", 22, "healthInsurance"), ("対象", 28, None)], 7, 14,
            heading="世帯の方（助成の対象となる方の「対象」欄に〇をつけてください）")
    s.note("所得の確認のため、前の市町村での所得が分かる書類をお願いすることがあります。", 8)
    s.sign("申請者署名", "head", 28)
    return s.done("single-parent-medical", title)


def child_rearing_allowance():
    title = "児童扶養手当 認定請求書"
    s = Sheet(title, "児童扶養手当法第6条")
    s.with_phone("請求者", "請求者", "headName", 13, h=10)
    s.address("住所", "住所", "newAddress")
    s.cells([("転入日", "転入日", "movedOn", 90), ("前の市町村", "前の市町村", "previousAddress.city", 90, {"size": 10})])
    s.kinds("支給の要件", [("父母の離婚",), ("父または母の死亡",), ("父または母の障害",), ("その他",)])
    s.gap(3)
    s.table("対象の児童", "persons", [("氏名（フリガナ）", 66, "name"), ("生年月日", 36, "birthDate"), ("続柄", 22, "relationship"),
                                   ("同居・別居", 24, None), ("障害の有無", 24, None)], 6, 14, flt="child=true",
            heading="対象となる児童（18歳到達後最初の3月31日まで。障害のある児童は20歳未満）")
    s.cells([("公的年金", "公的年金", None, 180, {"hint": "□ 受けていない　□ 受けている（年金の種類：　　　　　　　）"})], h=9)
    s.cells([("振込先", "振込先", None, 180, {"hint": "金融機関名・支店名・口座番号（請求者名義）"})], h=10)
    s.note("所得・戸籍・養育費などの確認のため、窓口で書類をお願いします。手当は請求した月の翌月分からです。", 8)
    s.sign("請求者署名", "head", 26)
    return s.done("child-rearing-allowance", title)


def nursery_change():
    title = "保育所等 転園・変更申請書"
    s = Sheet(title, "子ども・子育て支援法")
    s.kinds("申請の内容", [("転入", "typeCode", "MOVE_IN"), ("市内転居", "typeCode", "MOVE_WITHIN"), ("転出", "typeCode", "MOVE_OUT"),
                        ("転園の希望",)])
    s.with_phone("保護者", "保護者", "headName", 13, h=10)
    s.address("新しい住所", "新しい住所", "newAddress").address("前の住所", "前の住所", "previousAddress")
    s.cells([("異動日", "異動日", "movedOn", 90), ("保育の必要", "保育を必要とする事由", None, 90, {"hint": "就労・妊娠・介護など"})])
    s.gap(3)
    s.table("園児", "subjects", [("氏名（フリガナ）", 58, "name"), ("生年月日", 32, "birthDate"), ("性別", 10, "sex"),
                               ("いま通う施設", 36, None), ("希望する施設", 36, None)], 5, 16, heading="保育所などに通う子ども")
    s.note("転園の希望は第1希望から順に書いてください。空きの状況によっては希望に添えないことがあります。就労証明書などは新しいものを出してください。", 10)
    s.sign("保護者署名", "head", 28)
    return s.done("nursery-change", title)


def maternal_health_voucher():
    title = "妊婦健康診査受診票 交換申請書"
    s = Sheet(title, "母子保健法第13条")
    s.head_and_date("転入日", "転入日")
    s.address("住所", "住所", "newAddress")
    s.with_phone("前の市町村", "前の市町村", "previousAddress.city", 11)
    s.gap(3)
    s.table("妊婦", "subjects", [("氏名（フリガナ）", 60, "name"), ("生年月日", 34, "birthDate"), ("出産予定日", 28, None),
                               ("母子健康手帳の\n交付市町村", 30, None), ("使っていない\n受診票の枚数", 20, None)], 3, 16, heading="妊娠中の方")
    s.cells([("回収した受診票", "回収した受診票", None, 180, {"hint": "（職員記入）枚数・受診券番号"})], h=12)
    s.cells([("交付した受診票", "交付した受診票", None, 180, {"hint": "（職員記入）枚数・受診券番号"})], h=12)
    s.note("前の市町村の受診票は使えません。使っていない受診票と母子健康手帳をお持ちください。保健師から、このあとの健診と相談についてご案内します。", 10)
    s.sign("申請者署名", None, 28)
    return s.done("maternal-health-voucher", title)


def disability_certificate_change():
    title = "障害者手帳 居住地等変更届"
    s = Sheet(title, "身体障害者手帳・療育手帳・精神障害者保健福祉手帳")
    s.kinds("届出の理由", [("転入", "typeCode", "MOVE_IN"), ("市内転居", "typeCode", "MOVE_WITHIN"), ("氏名の変更",), ("その他",)])
    s.head_and_date("異動日", "異動日")
    s.address("新しい住所", "新しい住所", "newAddress").address("前の住所", "前の住所", "previousAddress")
    s.filer().gap(3)
    s.table("手帳をお持ちの方", "subjects", [("氏名（フリガナ）", 58, "name"), ("生年月日", 32, "birthDate"), ("性別", 10, "sex"),
                                       ("手帳の種類\n身体・療育・精神", 34, None), ("手帳の番号", 38, None)], 6, 14)
    s.note("手帳の住所欄は窓口で書き換えます。自立支援医療・手当などを受けている方は、担当から続けてご案内します。", 9)
    s.sign("届出人署名")
    return s.done("disability-certificate-change", title)


def school_transfer_notice():
    title = "転入学届（就学する学校の指定）"
    s = Sheet(title, "学校教育法施行令")
    s.kinds("届出の理由", [("転入", "typeCode", "MOVE_IN"), ("市内転居", "typeCode", "MOVE_WITHIN"), ("転出", "typeCode", "MOVE_OUT")])
    s.with_phone("保護者", "保護者", "headName", 13, h=10)
    s.address("新しい住所", "新しい住所", "newAddress").address("前の住所", "前の住所", "previousAddress")
    s.cells([("異動日", "異動日", "movedOn", 90), ("通学開始日", "通学開始日", None, 90)])
    s.gap(3)
    s.table("児童生徒", "subjects", [("氏名（フリガナ）", 56, "name"), ("生年月日", 30, "birthDate"), ("性別", 10, "sex"),
                                  ("学年", 12, None), ("前の学校", 34, None), ("指定する学校", 30, None)], 6, 14,
            heading="転入学する児童生徒（指定する学校は教育委員会が記入します）")
    s.note("在学証明書と教科用図書給与証明書を、指定された学校に出してください。入学（転入学）通知書は学校にお持ちください。", 9)
    s.sign("保護者署名", "head", 28)
    return s.done("school-transfer-notice", title)


def moped_registration():
    title = "原動機付自転車等 申告書（登録・廃車）"
    s = Sheet(title, "釧路市税条例（軽自動車税種別割）")
    s.kinds("申告の内容", [("登録（転入）", "typeCode", "MOVE_IN"), ("廃車（転出）", "typeCode", "MOVE_OUT"), ("住所変更",), ("名義変更",)])
    s.with_phone("所有者", "所有者", "filer.name", 13, h=10)
    s.address("住所", "住所", "newAddress").address("前の住所", "前の住所", "previousAddress")
    s.cells([("異動日", "異動日", "movedOn", 90), ("生年月日", "所有者の生年月日", None, 90)])
    s.gap(3)
    s.es += [text(15, s.y, 180, 6, "車両（1台ごとに書いてください）", 9)]
    s.y += 7
    for n in (1, 2):
        s.cells([("車名", "車名" + str(n), None, 60, {"label_w": 14}), ("車台番号", "車台番号" + str(n), None, 70, {"label_w": 18}),
                 ("排気量", "排気量" + str(n), None, 50, {"label_w": 16, "hint": "　　　　cc"})], h=9)
        s.cells([("標識番号", "標識番号" + str(n), None, 90, {"label_w": 22, "hint": "前の市町村の番号（返納したもの）"}),
                 ("取得日", "取得日" + str(n), None, 90, {"label_w": 18})], h=9)
        s.gap(2)
    s.cells([("添付", "添付書類", None, 180, {"hint": "□ 廃車申告受付書（前の市町村）　□ 標識交付証明書　□ 販売証明書"})], h=9)
    s.note("転入した方は前の市町村で廃車した書類をお持ちください。転出する方はナンバープレートを返してください。", 9)
    s.sign("申告者署名")
    return s.done("moped-registration", title)


def dog_registration_change():
    title = "犬の登録事項変更届"
    s = Sheet(title, "狂犬病予防法第4条")
    s.kinds("変更の内容", [("転入", "typeCode", "MOVE_IN"), ("市内転居", "typeCode", "MOVE_WITHIN"), ("飼い主の変更",), ("その他",)])
    s.with_phone("飼い主", "飼い主", "filer.name", 13, h=10)
    s.address("新しい住所", "新しい住所", "newAddress").address("前の住所", "前の住所", "previousAddress")
    s.cells([("異動日", "異動日", "movedOn", 90), ("前の市町村", "前の市町村", "previousAddress.city", 90, {"size": 10})])
    s.gap(3)
    s.es += [text(15, s.y, 180, 6, "犬（1頭ごとに書いてください）", 9)]
    s.y += 7
    for n in (1, 2):
        s.cells([("名前", "犬の名前" + str(n), None, 60, {"label_w": 14}), ("種類", "犬の種類" + str(n), None, 60, {"label_w": 14}),
                 ("毛色", "毛色" + str(n), None, 60, {"label_w": 14})], h=9)
        s.cells([("性別", "犬の性別" + str(n), None, 60, {"label_w": 14, "hint": "□ オス　□ メス"}),
                 ("生まれ", "犬の生年月" + str(n), None, 60, {"label_w": 14}),
                 ("鑑札番号", "鑑札番号" + str(n), None, 60, {"label_w": 16})], h=9)
        s.cells([("注射済票", "注射済票" + str(n), None, 90, {"label_w": 18, "hint": "番号・注射した年度"}),
                 ("新しい鑑札", "新しい鑑札" + str(n), None, 90, {"label_w": 20, "hint": "（職員記入）"})], h=9)
        s.gap(2)
    s.note("転入した方は、前の市町村の鑑札と引き換えに釧路市の鑑札をお渡しします。所在地が変わった日から30日以内に届け出てください。", 10)
    s.sign("飼い主署名")
    return s.done("dog-registration-change", title)


def my_number_card(form_id, continued):
    title = "個人番号カード 継続利用届（転入）" if continued else "個人番号カード 券面記載事項変更届（住所）"
    s = Sheet(title, "住民基本台帳法第24条の2" if continued else "行政手続における特定の個人を識別するための番号の利用等に関する法律第17条")
    s.kinds("届出の理由", [("転入（特例）", "variantCode", "SPECIAL"), ("転入", "typeCode", "MOVE_IN"), ("市内転居", "typeCode", "MOVE_WITHIN")])
    s.head_and_date("異動日", "異動日")
    s.address("新しい住所", "新しい住所", "newAddress").address("前の住所", "前の住所", "previousAddress")
    s.filer().gap(3)
    s.table("カードをお持ちの方", "subjects", [("氏名（フリガナ）", 60, "name"), ("生年月日", 34, "birthDate"), ("性別", 10, "sex"),
                                         ("個人番号", 30, "myNumber"), ("暗証番号の\n入力", 18, None), ("職員確認", 20, None)], 7, 14)
    s.note(MASKED + ("\n転入した日から90日以内に手続きをしないと、カードは使えなくなります。" if continued else
                     "\nカードの追記欄に新しい住所を書き込みます。本人が来られない方は、照会書による手続きになります。"), 12)
    s.sign("届出人署名")
    return s.done(form_id, title)


def residence_certificate_request():
    title = "住民票の写し等 交付申請書"
    s = Sheet(title, "住民基本台帳法第12条")
    s.cells([("請求者", "請求者", "filer.name", 110, {"size": 13}),
             ("区分", "請求者の区分", "filer.kind", 70, {"label_w": 16, "size": 10})], h=10)
    s.address("住所", "住所", "newAddress")
    s.cells([("電話番号", "電話番号", "filer.phone", 110, {"size": 10}),
             ("世帯主", "世帯主", "headName", 70, {"label_w": 16, "size": 10})])
    s.kinds("必要なもの", [("住民票の写し",), ("記載事項証明書",), ("住民票の除票",), ("その他",)])
    s.kinds("範囲", [("世帯全員",), ("世帯の一部（下に〇）",)])
    s.kinds("載せる事項", [("世帯主・続柄",), ("本籍・筆頭者",), ("個人番号",), ("省略",)])
    s.gap(3)
    s.table("必要な方", "persons", [("氏名（フリガナ）", 76, "name"), ("生年月日", 40, "birthDate"), ("続柄", 26, "relationship"),
                                ("必要な方に〇", 30, None)], 6, 13, heading="世帯の方")
    s.cells([("通数", "通数", None, 60, {"label_w": 14, "hint": "　　　　通"}),
             ("使いみち", "使いみち", None, 120, {"label_w": 18, "hint": "□ 勤務先　□ 年金　□ 自動車　□ 銀行　□ その他（　　　）"})], h=9)
    s.note("本籍・個人番号を載せるのは必要なときだけにしてください。代理の方が請求するときは委任状が必要です。", 8)
    s.sign("請求者署名")
    return s.done("residence-certificate-request", title)


def seal_certificate_request():
    title = "印鑑登録証明書 交付申請書"
    s = Sheet(title, "釧路市印鑑条例（見本）")
    s.cells([("来られた方", "申請者", "filer.name", 110, {"size": 13}),
             ("区分", "申請者の区分", "filer.kind", 70, {"label_w": 16, "size": 10})], h=10)
    s.address("住所", "住所", "newAddress")
    s.cells([("電話番号", "電話番号", "filer.phone", 180, {"size": 10})], h=8)
    s.gap(3)
    s.table("登録者", "persons", [("氏名（フリガナ）", 70, "name"), ("生年月日", 40, "birthDate"), ("印鑑登録番号", 36, None),
                               ("通数", 26, None)], 5, 14, flt="fifteenOrOver=true",
            heading="証明書が必要な方（印鑑登録をしている方）")
    s.cells([("使いみち", "使いみち", None, 180, {"hint": "□ 不動産　□ 自動車　□ 銀行　□ 相続　□ その他（　　　）"})], h=9)
    s.note("印鑑登録証（カード）をお持ちください。印鑑登録証がないと証明書は交付できません。マイナンバーカードでコンビニ交付もできます。", 9)
    s.sign("申請者署名")
    return s.done("seal-certificate-request", title)


def power_of_attorney():
    title = "委任状"
    s = Sheet(title, "代理の方が手続きをするときに、委任する方が書きます")
    s.es += [text(15, s.y + 1, 180, 7, "私は、次の者を代理人と定め、下記の手続きの権限を委任します。", 10)]
    s.y += 9
    s.cells([("代理人の氏名", "代理人の氏名", "filer.name", 180, {"size": 13})], h=10)
    s.cells([("代理人の住所", "代理人の住所", None, 180)], h=12)
    s.cells([("電話番号", "代理人の電話番号", "filer.phone", 90, {"size": 10}),
             ("生年月日", "代理人の生年月日", None, 90)])
    s.gap(3)
    s.table("委任する手続き", "procedures", [("委任する手続き", 92, ("name", None)), ("担当課", 80, "department")], 8, 9,
            heading="委任する手続き（このほかに委任するものは下の欄に書いてください）")
    s.cells([("そのほか", "そのほかの手続き", None, 180)], h=12)
    s.gap(3)
    s.es += [text(15, s.y + 1, 180, 6, "委任する方（ご本人が書いてください）", 9)]
    s.y += 7
    s.address("住所", "委任者の住所", "newAddress")
    s.cells([("氏名", "委任者の氏名", "headName", 110, {"size": 13}),
             ("記入日", "委任状の記入日", None, 70, {"label_w": 16})], h=10)
    s.note("委任状は委任する方が自分で書いてください。代理人は本人確認書類をお持ちください。", 7)
    s.sign("委任者署名", "head", 24)
    return s.done("power-of-attorney", title)


def procedure_templates():
    return [nhi_change(), national_pension_join(), late_elderly("late-elderly-join", "join"),
            late_elderly("late-elderly-leave", "leave"), late_elderly("late-elderly-change", "change"),
            care_insurance("care-insurance-join", True), care_insurance("care-insurance-leave", False),
            child_allowance_notice("child-allowance-end", True), child_allowance_notice("child-allowance-change", False),
            child_medical_subsidy(), single_parent_medical(), child_rearing_allowance(), nursery_change(),
            maternal_health_voucher(), disability_certificate_change(), school_transfer_notice(), moped_registration(),
            dog_registration_change(), my_number_card("my-number-card-address", False),
            my_number_card("my-number-card-continued-use", True), residence_certificate_request(),
            seal_certificate_request(), power_of_attorney()]


def second_versions():
    """Version 2 of shipped templates: the guide's persons, signatures per applicant, no-form reasons."""
    nhi_join, nhi_leave = nhi("nhi-join", True, "subjects"), nhi("nhi-leave", False, "subjects")
    return [(nhi_join, "被保険者を手続き案内が挙げた方に"), (nhi_leave, "被保険者を手続き案内が挙げた方に"),
            (child_allowance("subjects"), "児童を手続き案内が挙げた方に、請求者（世帯主）が署名"),
            (seal_registration(True), "申請者ごとの用紙に、その申請者が署名"),
            (guide_sheet(True), "申請書がない手続きにその理由")]


def sql_body(t):
    body = json.dumps(t, ensure_ascii=False, separators=(",", ":"))
    assert "$form$" not in body and "${" not in body
    return body


def write_procedure_templates():
    lines = ["-- Issue 19: a template for every form the procedure master names, the requests made on the",
             "-- same visit, and version 2 of four shipped templates (drawn by server/tools/form_templates.py).",
             "-- A form id a city already has is left alone; a new version is added only to a template the",
             "-- city has not edited (its newest version is still the shipped version 1).", ""]
    for t in procedure_templates():
        lines.append("insert into forms.templates (form_id, version, title, definition) values ('%s', 1, '%s', $form$ %s $form$)"
                     % (t["id"], t["title"], sql_body(t)))
        lines.append("on conflict do nothing;")
        lines.append("")
    for t, note in second_versions():
        lines.append("insert into forms.templates (form_id, version, title, definition, note)")
        lines.append("select '%s', 2, '%s', $form$ %s $form$, '%s'" % (t["id"], t["title"], sql_body(t), note))
        lines.append("where (select max(version) from forms.templates where form_id = '%s') = 1;" % t["id"])
        lines.append("")
    OUT_PROCEDURES.write_text("\n".join(lines), encoding="utf-8")


def write_first_templates():
    """Version 1 as shipped; V2026112661 is applied and stays as it is (see the module doc)."""
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


def main():
    write_procedure_templates()


if __name__ == "__main__":
    main()
