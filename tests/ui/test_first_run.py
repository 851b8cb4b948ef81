"""The first-run wizard on a fresh register."""

from __future__ import annotations

from cchc_desktop.plans import repository
from cchc_desktop.register.connection import Register
from cchc_desktop.start.first_run import default_signer, first_run_needed
from ui.shell.first_run import FirstRunWizard


def _fill(wizard: FirstRunWizard) -> None:
    wizard.edits["name"].setText("UBND phường Tân Phú")
    wizard.edits["parent_name"].setText("UBND thành phố Hồ Chí Minh")
    wizard.edits["place"].setText("Tân Phú")
    wizard.edits["abbreviation"].setText("UBND")
    wizard.signer.name.setText("Nguyễn Văn An")
    wizard.signer.title.setText("Chủ tịch")


def test_fresh_register_asks_once_and_saves_the_agency(qtbot, register: Register) -> None:
    assert first_run_needed(register)
    wizard = FirstRunWizard(register)
    qtbot.addWidget(wizard)
    _fill(wizard)
    wizard.accept()
    assert repository.get_agency(register.db).place == "Tân Phú"
    assert default_signer(register) == ("Nguyễn Văn An", "Chủ tịch")
    assert not first_run_needed(register)
    assert wizard.demo_plan_id is None
    assert register.db.execute("SELECT count(*) FROM plans").fetchone()[0] == 0


def test_demo_choice_adds_the_sample_plan_but_keeps_our_agency(qtbot, register: Register) -> None:
    wizard = FirstRunWizard(register)
    qtbot.addWidget(wizard)
    _fill(wizard)
    wizard.demo_choice.setChecked(True)
    wizard.accept()
    assert wizard.demo_plan_id is not None
    assert repository.get_agency(register.db).name == "UBND phường Tân Phú"
    assert register.db.execute("SELECT count(*) FROM tasks").fetchone()[0] == 53


def test_agency_name_is_required(qtbot, register: Register) -> None:
    wizard = FirstRunWizard(register)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert wizard.currentId() == 0
    assert wizard.agency_error.text() == "Hãy nhập tên cơ quan và địa danh."
    _fill(wizard)
    wizard.next()
    assert wizard.currentId() == 1
    assert first_run_needed(register)  # nothing saved before "Hoàn tất"


def test_demo_register_needs_no_wizard(demo_register: Register) -> None:
    assert not first_run_needed(demo_register)


def test_the_signer_page_expresses_the_three_line_chain(qtbot, register: Register) -> None:
    wizard = FirstRunWizard(register)
    qtbot.addWidget(wizard)
    wizard.show()
    _fill(wizard)
    wizard.next()
    assert wizard.currentId() == 1
    signer = wizard.signer
    signer.authority.setCurrentIndex(signer.authority.findData("TM.+KT."))
    assert signer.head_title.isEnabled() and signer.collective.isEnabled()
    signer.title.setText("Phó Chủ tịch")
    signer.head_title.setText("Chủ tịch")
    signer.collective.setText("Ủy ban nhân dân phường Tân Phú")
    assert signer.lines() == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    shown = signer.preview.text()
    assert shown.index("TM. ỦY BAN NHÂN DÂN") < shown.index("KT. CHỦ TỊCH") < shown.index(
        "PHÓ CHỦ TỊCH") < shown.index("Nguyễn Văn An")
    assert "TÂN PHÚ" not in shown, "the collective is printed without its place"
    wizard.accept()
    agency = repository.get_agency(register.db)
    assert (agency.signer_authority, agency.signer_title, agency.head_title, agency.signer_name) \
        == ("TM.+KT.", "Phó Chủ tịch", "Chủ tịch", "Nguyễn Văn An")
