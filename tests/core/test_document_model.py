"""The document model's NĐ 30 rules: every signature form, blanks for the văn thư, citations,
terms, names that never break inside a place, and the pre-print check."""

from __future__ import annotations

from datetime import date

import pytest

from cchc_desktop.reports.checks import missing
from cchc_desktop.reports.issuing import own_signature
from cchc_desktop.reports.lines import name_lines
from cchc_desktop.reports.model import (
    BAO_CAO,
    CONG_VAN,
    Document,
    Issuer,
    Registration,
    Signature,
)
from cchc_desktop.reports.wording import (
    citation,
    collective_of,
    date_line,
    kind_of_number,
    number_line,
    sentence_case,
    signature_lines,
    signature_preview,
    summary_of,
    term_phrase,
)

UBND = Issuer("Ủy ban nhân dân tỉnh Đắk Lắk", "", "UBND", "Đắk Lắk", "NV")


@pytest.mark.parametrize(
    ("signature", "lines"),
    [
        (Signature("", "Chánh Thanh tra"), ["CHÁNH THANH TRA"]),
        (Signature("KT.", "Phó Chánh Thanh tra", head_title="Chánh Thanh tra"),
         ["KT. CHÁNH THANH TRA", "PHÓ CHÁNH THANH TRA"]),
        (Signature("KT.", "Phó Chánh Thanh tra"), ["KT. CHÁNH THANH TRA", "PHÓ CHÁNH THANH TRA"]),
        (Signature("TM.", "Chủ tịch", collective="Ủy ban nhân dân tỉnh Đắk Lắk"),
         ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
        (Signature("TM.+KT.", "Phó Chủ tịch", head_title="Chủ tịch",
                   collective="Ủy ban nhân dân"),
         ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
        (Signature("Q.", "Phó Giám đốc", head_title="Giám đốc"), ["Q. GIÁM ĐỐC"]),
        (Signature("TL.", "Chánh Văn phòng", head_title="Giám đốc"),
         ["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"]),
        (Signature("TUQ.", "Giám đốc Sở Nội vụ", head_title="Chủ tịch"),
         ["TUQ. CHỦ TỊCH", "GIÁM ĐỐC SỞ NỘI VỤ"]),
    ],
    ids=["head", "kt", "kt-derived", "tm", "tm-kt", "q", "tl", "tuq"],
)
def test_every_signature_form(signature: Signature, lines: list[str]) -> None:
    assert signature_lines(signature) == lines
    assert signature_preview(Signature(**{**signature.__dict__, "name": "Nguyễn Văn A"}))[-1] \
        == "Nguyễn Văn A"


def test_tm_never_prints_a_place_nor_a_made_up_title() -> None:
    assert collective_of("Ủy ban nhân dân thành phố Gia Nghĩa") == "Ủy ban nhân dân"
    assert collective_of("Hội đồng nhân dân xã Ea Tiêu") == "Hội đồng nhân dân"
    assert signature_lines(Signature("TL.", "Chánh Văn phòng")) == ["CHÁNH VĂN PHÒNG"]
    assert signature_lines(Signature()) == []
    chain = own_signature("TM.", "Chủ tịch", "Y Ngông", head_title="Chủ tịch",
                          collective="Ủy ban nhân dân")
    assert chain is not None and chain.authority == "TM.+KT."


HEAD = Signature("", "Chủ tịch", "Nguyễn Văn A")


def _doc(registration: Registration, kind: object = BAO_CAO,
         signature: Signature = HEAD) -> Document:
    return Document(kind, UBND, registration, "Kết quả", signature)  # type: ignore[arg-type]


def test_number_and_date_are_left_blank_for_the_van_thu_unless_registered() -> None:
    draft = _doc(Registration(year=2026))
    assert number_line(draft) == "Số:      /BC-UBND"
    assert date_line("Đắk Nông", draft.registration) == "Đắk Nông, ngày      tháng      năm 2026"
    done = _doc(Registration("15", date(2026, 1, 5), 2026))
    assert number_line(done) == "Số: 15/BC-UBND"
    assert date_line("Đắk Nông", done.registration) == "Đắk Nông, ngày 05 tháng 01 năm 2026"
    assert number_line(_doc(Registration(year=2026), CONG_VAN)) == "Số:      /UBND-NV"
    assert number_line(_doc(Registration(own_number=False))) == ""


def test_a_parent_is_cited_as_what_it_is() -> None:
    assert kind_of_number("1271/QĐ-UBND") == "Quyết định"
    assert kind_of_number("1034/KH-TTr") == "Kế hoạch"
    assert citation("Quyết định", "1271/QĐ-UBND", date(2021, 8, 18), "Ủy ban nhân dân tỉnh") \
        == "Quyết định số 1271/QĐ-UBND ngày 18/8/2021 của Ủy ban nhân dân tỉnh"


def test_term_and_sentence_case() -> None:
    title = "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH GIAI ĐOẠN 2021 - 2025 CỦA UBND TỈNH ĐẮK NÔNG"
    assert term_phrase(2021, "", title) == "giai đoạn 2021 - 2025"
    assert term_phrase(2021, "Năm 2021") == "năm 2021"
    assert summary_of(title, "Kế hoạch") == \
        "Cải cách hành chính giai đoạn 2021 - 2025 của UBND tỉnh Đắk Nông"
    assert sentence_case("BẢO HIỂM XÃ HỘI VÀ CCHC") == "Bảo hiểm xã hội và CCHC"


def test_agency_names_break_between_words_never_inside_a_place() -> None:
    lines = name_lines("ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK", True, 185)
    assert lines == ["ỦY BAN NHÂN DÂN", "TỈNH ĐẮK LẮK"]
    assert name_lines("SỞ NỘI VỤ", True, 185) == ["SỞ NỘI VỤ"]


def test_pre_print_check_names_each_gap_and_the_setting_that_fixes_it() -> None:
    bare = Document(BAO_CAO, Issuer(""), Registration(year=2026), "Kết quả",
                    Signature("TM.+KT.", "Phó Chủ tịch"))
    codes = {item.code: item for item in missing(bare)}
    assert set(codes) == {"issuer_name", "place", "abbreviation", "signer_name", "collective"}
    by_order = missing(_doc(Registration(year=2026), signature=Signature("TL.", "Chánh Văn "
                                                                          "phòng", "Lê B")))
    assert [item.code for item in by_order] == ["head_title"]
    assert codes["signer_name"].message == "Chưa có họ tên người ký."
    assert codes["place"].setting == "agency" and codes["place"].field == "place"
    assert missing(_doc(Registration(year=2026))) == []
