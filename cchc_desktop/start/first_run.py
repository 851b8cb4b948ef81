"""The first run of a register: agency settings, default signer, empty register or the demo."""

from __future__ import annotations

from dataclasses import asdict, replace

from cchc_desktop.errors import ValidationError
from cchc_desktop.plans import repository
from cchc_desktop.plans.models import Agency
from cchc_desktop.plans.services import validate_agency
from cchc_desktop.register import audit
from cchc_desktop.register.connection import Register
from cchc_desktop.text.folding import collapse_spaces

SETTING_DONE = "first_run_done"
SETTING_SIGNER_NAME = "default_signer_name"
SETTING_SIGNER_TITLE = "default_signer_title"


def _setting(register: Register, key: str) -> str | None:
    """Read one register setting."""
    row = register.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return None if row is None else str(row[0])


def first_run_needed(register: Register) -> bool:
    """Tell whether this register has never been set up (no plan, no agency, not dismissed)."""
    if _setting(register, SETTING_DONE) == "1":
        return False
    has_plan = register.db.execute("SELECT count(*) FROM plans").fetchone()[0] > 0
    return not has_plan and not repository.get_agency(register.db).name


def default_signer(register: Register) -> tuple[str, str]:
    """Return the signer name and title new plans start with (the agency's default signer)."""
    agency = repository.get_agency(register.db)
    return agency.signer_name, agency.signer_title


def complete_first_run(register: Register, agency: Agency, signer_name: str = "",
                       signer_title: str = "", with_demo: bool = False) -> int | None:
    """Save the agency and signer, optionally add the demo plan; return its id if added.

    The default signer is the agency's (every NĐ 30 form); signer_name/signer_title, when
    given, replace the agency's.
    """
    agency = replace(agency, signer_name=signer_name or agency.signer_name,
                     signer_title=signer_title or agency.signer_title)
    agency = Agency(**{k: collapse_spaces(v) for k, v in asdict(agency).items()})
    if not agency.name:
        raise ValidationError("Tên cơ quan không được để trống.")
    if not agency.place:
        raise ValidationError("Địa danh (dùng trong dòng ngày tháng của văn bản) không được để "
                              "trống.")
    agency = validate_agency(agency)
    with register.transaction() as db:
        before = repository.get_agency(db)
        repository.save_agency(db, agency)
        for key, value in ((SETTING_SIGNER_NAME, agency.signer_name),
                           (SETTING_SIGNER_TITLE, agency.signer_title), (SETTING_DONE, "1")):
            db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                       [key, collapse_spaces(value)])
        audit.record(db, "first_run", "agency", 1, before=before, after=agency)
    if not with_demo:
        return None
    from cchc_desktop.start.demo import create_demo

    return create_demo(register, keep_agency=True)
