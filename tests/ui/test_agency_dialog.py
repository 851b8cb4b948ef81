"""The agency dialog: every NĐ 30 signature form, with the block previewed as it prints."""

from __future__ import annotations

import pytest

from cchc_desktop.plans.models import Agency
from ui.shell.agency_dialog import AgencyDialog

AGENCY = Agency(name="Thanh tra tỉnh Đắk Nông", parent_name="UBND tỉnh Đắk Nông",
                place="Đắk Nông", abbreviation="TTr")


@pytest.mark.parametrize(("authority", "title", "head", "collective", "lines"), [
    ("", "Chánh Thanh tra", "", "", ["CHÁNH THANH TRA"]),
    ("KT.", "Phó Chánh Thanh tra", "Chánh Thanh tra", "",
     ["KT. CHÁNH THANH TRA", "PHÓ CHÁNH THANH TRA"]),
    ("TM.", "Chủ tịch", "", "Ủy ban nhân dân tỉnh Đắk Lắk", ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
    ("TM.+KT.", "Phó Chủ tịch", "Chủ tịch", "Ủy ban nhân dân",
     ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
    ("Q.", "Giám đốc", "", "", ["Q. GIÁM ĐỐC"]),
    ("TL.", "Chánh Văn phòng", "Giám đốc", "", ["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"]),
    ("TUQ.", "Giám đốc Sở Nội vụ", "Chủ tịch", "", ["TUQ. CHỦ TỊCH", "GIÁM ĐỐC SỞ NỘI VỤ"]),
])
def test_every_signature_form_is_previewed_and_kept(qtbot, authority: str, title: str,
                                                     head: str, collective: str,
                                                     lines: list[str]) -> None:
    dialog = AgencyDialog(AGENCY)
    qtbot.addWidget(dialog)
    signer = dialog.signer
    signer.authority.setCurrentIndex(signer.authority.findData(authority))
    signer.name.setText("Phạm Thị Trà My")
    signer.title.setText(title)
    if head:
        signer.head_title.setText(head)
    if collective:
        signer.collective.setText(collective)
    assert signer.lines() == lines
    for line in [*lines, "Phạm Thị Trà My"]:
        assert line in signer.preview.text()
    saved = dialog.agency()
    assert (saved.signer_authority, saved.signer_name) == (authority, "Phạm Thị Trà My")
    assert saved.name == AGENCY.name and saved.place == AGENCY.place


def test_fields_a_form_does_not_use_are_greyed(qtbot) -> None:
    dialog = AgencyDialog(AGENCY)
    qtbot.addWidget(dialog)
    signer = dialog.signer
    assert not signer.head_title.isEnabled() and not signer.collective.isEnabled()
    signer.authority.setCurrentIndex(signer.authority.findData("KT."))
    assert signer.head_title.isEnabled() and not signer.collective.isEnabled()
    assert signer.head_title.placeholderText() == "Ví dụ: Chánh Thanh tra"
    signer.authority.setCurrentIndex(signer.authority.findData("TM."))
    assert signer.collective.isEnabled() and not signer.head_title.isEnabled()
    assert "(chưa có họ tên)" in signer.preview.text()


def test_a_saved_signer_opens_as_it_was(qtbot) -> None:
    agency = Agency(name="UBND tỉnh Đắk Lắk", place="Đắk Lắk", signer_authority="TM.+KT.",
                    signer_title="Phó Chủ tịch", head_title="Chủ tịch",
                    collective="Ủy ban nhân dân", signer_name="Nguyễn Văn B",
                    drafting_unit="VP")
    dialog = AgencyDialog(agency)
    qtbot.addWidget(dialog)
    assert dialog.signer.lines() == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert dialog.edits["drafting_unit"].text() == "VP"
    assert dialog.agency() == agency
    assert "English" not in dialog.windowTitle()


def test_a_new_plan_is_signed_by_the_default_signer_in_its_form(qtbot, demo_register,
                                                                  tmp_path) -> None:
    from dataclasses import replace

    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from cchc_desktop.plans import records, services
    from cchc_desktop.reports.plan import collect_plan
    from cchc_desktop.reports.wording import signature_lines
    from ui.register.plan_dialog import PlanDialog
    from ui.shell.main_window import MainWindow

    services.save_agency(demo_register, replace(
        records.agency(demo_register), signer_authority="TM.+KT.", signer_title="Phó Chủ tịch",
        head_title="Chủ tịch", collective="Ủy ban nhân dân", signer_name="Nguyễn Văn B"))
    window = MainWindow(demo_register, QSettings(str(tmp_path / "ui.ini"),
                                                 QSettings.Format.IniFormat))
    window.ops.quiet = True
    qtbot.addWidget(window)
    seen: list[str] = []

    def accept() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PlanDialog):
            QTimer.singleShot(10, accept)
            return
        seen.append(dialog.signer_name.text())
        dialog.accept()

    QTimer.singleShot(0, accept)
    window.actions_by_name["new_plan"].trigger()
    assert seen == [""], "no signer copied: the agency's default signs, in its own form"
    plan_id = window.plan_id
    assert plan_id is not None
    doc = collect_plan(demo_register, plan_id, window.today)
    assert signature_lines(doc.signature) == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
                                              "PHÓ CHỦ TỊCH"]
    assert doc.signature.name == "Nguyễn Văn B"
    window.ops.wait()
