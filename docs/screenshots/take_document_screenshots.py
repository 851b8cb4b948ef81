"""Take the guide's screenshots of the document dialogs (agency and signer, first run, report)
under Xvfb at 1366×768, the smallest screen of an office PC.

    Xvfb :97 -screen 0 1366x768x24 &
    DISPLAY=:97 .venv/bin/python docs/screenshots/take_document_screenshots.py docs/screenshots
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from cchc_desktop.plans import records, services  # noqa: E402
from cchc_desktop.plans.models import Agency  # noqa: E402
from cchc_desktop.register.connection import open_register  # noqa: E402
from cchc_desktop.start.demo import create_demo  # noqa: E402
from ui.shell.app import make_application  # noqa: E402

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
TODAY = date(2021, 6, 18)
app = make_application()
TMP = Path(tempfile.mkdtemp())


def wait(ms: int = 300) -> None:
    """Let the event loop paint (and background jobs finish) for a moment."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shot(name: str, widget: QWidget, ms: int = 400) -> None:
    """Show a widget at the top left of the screen, let it paint, save it as PNG."""
    widget.move(0, 0)
    widget.show()
    wait(ms)
    geometry = widget.frameGeometry()
    screen = app.primaryScreen().geometry()
    print(f"{name}: {geometry.width()}×{geometry.height()} on {screen.width()}×"
          f"{screen.height()}")
    widget.grab().save(str(OUT / f"{name}.png"))


def agency_dialog() -> None:
    """The agency dialog with a three-line TM. + KT. signer."""
    from ui.shell.agency_dialog import AgencyDialog

    dialog = AgencyDialog(Agency(
        name="Ủy ban nhân dân tỉnh Đắk Lắk", parent_name="", place="Đắk Lắk",
        abbreviation="UBND", drafting_unit="NC", officer_name="Trần Văn Bình",
        signer_authority="TM.+KT.", signer_title="Phó Chủ tịch", head_title="Chủ tịch",
        collective="Ủy ban nhân dân", signer_name="Nguyễn Thiên Văn"))
    shot("thong-tin-co-quan", dialog)


def first_run() -> None:
    """The first-run wizard on its signer page (KT.)."""
    from ui.shell.first_run import FirstRunWizard

    register = open_register(TMP / "moi.sqlite")
    wizard = FirstRunWizard(register)
    wizard.resize(760, 560)
    wizard.edits["name"].setText("Thanh tra tỉnh Đắk Nông")
    wizard.edits["parent_name"].setText("UBND tỉnh Đắk Nông")
    wizard.edits["place"].setText("Đắk Nông")
    wizard.show()
    wizard.next()
    signer = wizard.signer
    signer.authority.setCurrentIndex(signer.authority.findData("KT."))
    signer.name.setText("Nguyễn Văn An")
    signer.title.setText("Phó Chánh Thanh tra")
    signer.head_title.setText("Chánh Thanh tra")
    shot("lan-dau-nguoi-ky", wizard)


def report_dialogs() -> None:
    """The report dialog on a complete plan, then on one without a signer."""
    from ui.reports.report_dialog import ReportDialog

    register = open_register(TMP / "so-dang-ky-mau.sqlite")
    plan_id = create_demo(register)
    dialog = ReportDialog(register, plan_id, today=TODAY)
    shot("bao-cao", dialog, 4000)
    dialog.close()
    plan = records.plan(register, plan_id)
    services.save_plan(register, replace(plan, signer_name="", signer_title=""))
    dialog = ReportDialog(register, plan_id, today=TODAY)
    shot("bao-cao-thieu-thong-tin", dialog, 4000)
    dialog.close()


def inspections() -> None:
    """The inspections window on the demo inspection plan, Phòng 1 selected."""
    from ui.inspections.window import InspectionWindow

    register = open_register(TMP / "kiem-tra.sqlite")
    create_demo(register)
    window = InspectionWindow(register)
    window.resize(1340, 720)
    window.show()
    wait(300)
    window.select_unit("Phòng 1")
    shot("kiem-tra", window, 600)


agency_dialog()
first_run()
report_dialogs()
inspections()
