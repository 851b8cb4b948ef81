"""The units directory: split the unit text of a task into units, match, add, rename, merge."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from sqlite_utils import Database

from cchc_desktop.errors import ValidationError
from cchc_desktop.plans import repository
from cchc_desktop.plans.models import ROLE_LEAD, ROLE_PARTNER, UNIT_KINDS, Unit
from cchc_desktop.register import audit
from cchc_desktop.register.connection import Register
from cchc_desktop.text.folding import collapse_spaces, fold

# Tables of other features that point at a unit (inspections, one-stop figures…): each feature
# registers a function that moves its rows from the merged unit to the kept one, in the merge's
# transaction (see cchc_desktop/inspections/schema.py). It may refuse with a ValidationError.
MergeHook = Callable[[Database, int, int], None]
MERGE_HOOKS: list[MergeHook] = []


def on_unit_merge(hook: MergeHook) -> MergeHook:
    """Register what a feature does when one unit is merged into another."""
    MERGE_HOOKS.append(hook)
    return hook

_HARD_SEPARATORS = re.compile(r"[;\n]|^\s*[-+•]\s*", re.MULTILINE)
_SERIES_RE = re.compile(r"^(.*\D)\d+$")  # "Phòng 1, 2" names Phòng 1 and Phòng 2
_KIND_PREFIXES = (
    ("phong ", "phong"),
    ("van phong", "phong"),
    ("ubnd xa", "xa_phuong"),
    ("ubnd phuong", "xa_phuong"),
    ("xa ", "xa_phuong"),
    ("phuong ", "xa_phuong"),
    ("thi tran", "xa_phuong"),
    ("so ", "so"),
    ("cac so", "so"),
)
# Words a unit's name starts with ("Sở Nội vụ", "Văn phòng UBND tỉnh", "Báo Đắk Lắk").
_HEAD_WORDS = (
    "Sở|Phòng|UBND|Ủy ban|Uỷ ban|Văn phòng|Báo|Đài|Trung tâm|Công an|Bưu điện|Kho bạc|Cục"
    "|Chi cục|Bộ|Ban|Thanh tra|Hội|Đoàn|Liên đoàn|Tỉnh đoàn|Huyện đoàn|Cổng|HĐND|Ngân hàng"
)
_HEAD_RE = re.compile(rf"^(?:[Cc]ác\s+)?(?:{_HEAD_WORDS})\b")
# " - " separates two units only before a unit's name ("Phòng Tài chính - Kế hoạch" is one)
_DASH_RE = re.compile(rf"\s+[-–]\s+(?=(?:[Cc]ác\s+)?(?:{_HEAD_WORDS})\b)")
# a full stop ends a unit's name before the next capitalised name ("Báo Đắk Lắk. Đài …"),
# not after an abbreviation ("TP. Buôn Ma Thuột")
_STOP_RE = re.compile(r"(?<=[^\W\d_]{4})\.\s+(?=[A-ZĐÀ-Ỹ])|(?<=[a-zđà-ỹ]{2})\.\s+(?=[A-ZĐÀ-Ỹ])")
# a list after a plural head: "các Sở: Nội vụ, Tài chính", "Các Sở Tư pháp, Y tế"
_LIST_HEAD_RE = re.compile(r"^[Cc]ác\s+(Sở|Phòng|Bộ|Ban)\s*(?::\s*|\s+(?=[A-ZĐ].*,))(\S.*)$", re.S)
_DISTRIBUTED_HEADS = ("Sở", "Phòng", "Bộ")
# names of provincial departments that hold a comma ("Sở Văn hóa, Thể thao và Du lịch")
_COMMA_NAMES = re.compile(
    r"(văn h(?:óa|oá)|lao động)(, )(?=thể thao|thông tin|thương binh)", re.I
)
# heads that begin a second unit glued to the first ("Sở Thông tin và Truyền thông Sở Nội vụ")
_GLUE_HEADS = {"Sở", "Phòng", "UBND", "Báo", "Đài", "Bộ", "Cục"}
_GLUE_PAIRS = {("Văn", "phòng"), ("Trung", "tâm"), ("Công", "an"), ("Bưu", "điện"),
               ("Kho", "bạc"), ("Chi", "cục"), ("Ủy", "ban")}  # fmt: skip
_CONNECTORS = {"và", "của", "thuộc", "với", "cho", "các", "trực", "tại", "-", "–", "&"}


def split_unit_names(text: str, notes: list[str] | None = None) -> list[str]:
    """Split a task's unit text into names.

    ";", new lines and "- " bullets always separate; " - " and a full stop separate before the
    next unit's name. A comma separates only when the next part starts with a capital letter,
    so "Các Sở, ban, ngành" stays whole while "Văn phòng, Các phòng nghiệp vụ" gives two names;
    "Văn hóa, Thể thao và Du lịch" is one name. A list after a head ("các Sở: Nội vụ, Tài
    chính") names each unit in full (Sở Nội vụ, Sở Tài chính), and two names glued together
    ("Sở Thông tin và Truyền thông Sở Nội vụ") are told apart at the second head word.
    notes, when given, receives what was assumed beyond the plain separators (for a warning).
    """
    said = notes if notes is not None else []
    names: list[str] = []
    for chunk in _HARD_SEPARATORS.split(text or ""):
        sentences = _STOP_RE.split(chunk)
        if len(sentences) > 1:
            said.append("dấu chấm được coi là ngăn cách hai đơn vị")
        for sentence in sentences:
            pieces = _DASH_RE.split(sentence)
            if len(pieces) > 1:
                said.append('dấu " - " trước tên đơn vị được coi là ngăn cách')
            for piece in pieces:
                names += _split_commas(_COMMA_NAMES.sub("\\1\x1f", piece.strip()), said)
    cleaned = [collapse_spaces(n.replace("\x1f", ", ")).strip(" .,:") for n in names]
    found = [part for name in cleaned if name for part in _unglue(name)]
    if len(found) > len([name for name in cleaned if name]):
        said.append("hai tên đơn vị viết liền nhau được tách ra")
    return found


def _split_commas(chunk: str, notes: list[str]) -> list[str]:
    """Split one piece at commas before capitals, naming each unit of a list in full."""
    head = ""
    listed = _LIST_HEAD_RE.match(chunk)
    if listed:
        head, chunk = listed.group(1), listed.group(2)
    names: list[str] = []
    current = ""
    for part in (p.strip() for p in chunk.split(",")):
        if current and part.isdigit() and _SERIES_RE.match(current):
            names.append(current)
            prefix = _SERIES_RE.sub(r"\1", current.split(", ")[-1])
            current = prefix + part
        elif current and part[:1].isupper():
            names.append(current)
            current = part
        else:
            current = f"{current}, {part}" if current else part
    names.append(current)
    first = names[0].split()
    if not head and len(first) > 1 and first[0] in _DISTRIBUTED_HEADS and first[1][:1].isupper():
        head = first[0]  # "Phòng Nội vụ, Tư pháp": Phòng Tư pháp
    if head:
        full = [n if not n or _HEAD_RE.match(n) else f"{head} {n}" for n in names]
        if full != names:
            notes.append(f"'{head}' được ghép vào từng tên trong danh sách")
        names = full
    return names


def _unglue(name: str) -> list[str]:
    """Split two unit names typed one after the other without a separator."""
    words = name.split()
    for index in range(2, len(words) - 1):
        pair = (words[index], words[index + 1])
        glued = words[index] in _GLUE_HEADS and (
            words[index + 1][:1].isupper() or words[index] == "UBND"
        )
        if pair in _GLUE_PAIRS and index + 2 < len(words):
            glued = True
        if not glued or words[index - 1] in _CONNECTORS:
            continue
        before = words[:index]
        named = _HEAD_RE.match(" ".join(before)) and any(w[:1].isupper() for w in before[1:])
        if named and not (len(before) == 2 and (before[0], before[1]) in _GLUE_PAIRS):
            return [" ".join(before), *_unglue(" ".join(words[index:]))]
    return [name]


def guess_kind(name: str) -> str:
    """Guess a unit's kind from its name (phòng, xã/phường, sở, khác)."""
    folded = fold(name)
    for prefix, kind in _KIND_PREFIXES:
        if folded.startswith(prefix):
            return kind
    return "khac"


class UnitIndex:
    """Folded name, short name and aliases -> unit id, for matching many names fast."""

    def __init__(self, db: Database) -> None:
        self.by_key: dict[str, int] = {}
        for unit in repository.list_units(db):
            self.add(unit)

    def add(self, unit: Unit) -> None:
        """Index a unit under its name, short name and aliases."""
        for key in [unit.name, unit.short_name, *unit.aliases]:
            if key and fold(key) not in self.by_key:
                self.by_key[fold(key)] = unit.id

    def find(self, name: str) -> int | None:
        """Return the id of the unit with this name (case/diacritic-insensitive), if any."""
        return self.by_key.get(fold(name))


def resolve_names(db: Database, index: UnitIndex, names: list[str]) -> list[int]:
    """Return unit ids for names, creating unmatched ones flagged "chưa xác nhận"."""
    ids: list[int] = []
    for name in names:
        unit_id = index.find(name)
        if unit_id is None:
            unit = Unit(id=0, name=name, kind=guess_kind(name), confirmed=False)
            unit_id = repository.insert_unit(db, unit, fold(name))
            index.add(replace(unit, id=unit_id))
        if unit_id not in ids:
            ids.append(unit_id)
    return ids


def link_task_units(
    db: Database, index: UnitIndex, task_id: int, lead_text: str, partner_text: str
) -> None:
    """Replace a task's unit links with those named in its lead and partner texts."""
    db.execute("DELETE FROM task_units WHERE task_id = ?", [task_id])
    rows = []
    for role, text in ((ROLE_LEAD, lead_text), (ROLE_PARTNER, partner_text)):
        for unit_id in resolve_names(db, index, split_unit_names(text)):
            rows.append(
                {"task_id": task_id, "unit_id": unit_id, "role": role, "original_text": text}
            )
    if rows:
        db.table("task_units").insert_all(rows, ignore=True)


def _validate(db: Database, unit: Unit) -> None:
    """Refuse an empty name, an unknown kind or a name another unit already has."""
    if not unit.name.strip():
        raise ValidationError("Tên đơn vị không được để trống.")
    if unit.kind not in UNIT_KINDS:
        raise ValidationError(f"Loại đơn vị '{unit.kind}' không hợp lệ.")
    clash = list(
        db.query("SELECT name FROM units WHERE folded = ? AND id != ?", [fold(unit.name), unit.id])
    )
    if clash:
        raise ValidationError(f"Đã có đơn vị '{clash[0]['name']}' trong danh mục.")


def add_unit(register: Register, unit: Unit) -> int:
    """Add a unit to the directory and return its id (a non-zero unit.id is kept)."""
    with register.transaction() as db:
        unit = replace(unit, name=collapse_spaces(unit.name))
        _validate(db, unit)
        unit_id = repository.insert_unit(db, unit, fold(unit.name))
        if unit.id and unit_id != unit.id:  # redo after undo: the unit gets its id back
            db.execute("UPDATE units SET id = ? WHERE id = ?", [unit.id, unit_id])
            unit_id = unit.id
        audit.record(db, "add", "unit", unit_id, after=unit)
    return unit_id


def save_unit(register: Register, unit: Unit) -> Unit:
    """Rename or edit a unit (kind, short name, aliases, confirmed); return the old one."""
    with register.transaction() as db:
        before = repository.get_unit(db, unit.id)
        unit = replace(unit, name=collapse_spaces(unit.name))
        _validate(db, unit)
        repository.update_unit(db, unit, fold(unit.name))
        audit.record(db, "edit", "unit", unit.id, before=before, after=unit)
    return before


def merge_units(register: Register, keep_id: int, merge_ids: list[int]) -> None:
    """Merge units into one: every task link moves to it, their names become its aliases."""
    with register.transaction() as db:
        keep = repository.get_unit(db, keep_id)
        aliases = list(keep.aliases)
        for unit_id in [u for u in merge_ids if u != keep_id]:
            other = repository.get_unit(db, unit_id)
            aliases += [n for n in [other.name, *other.aliases] if n not in aliases]
            db.execute(
                "UPDATE OR IGNORE task_units SET unit_id = ? WHERE unit_id = ?", [keep_id, unit_id]
            )
            db.execute("DELETE FROM task_units WHERE unit_id = ?", [unit_id])
            db.execute(
                "UPDATE progress SET reporting_unit_id = ? WHERE reporting_unit_id = ?",
                [keep_id, unit_id],
            )
            for hook in MERGE_HOOKS:
                hook(db, unit_id, keep_id)
            db.execute("DELETE FROM units WHERE id = ?", [unit_id])
            audit.record(db, "merge", "unit", keep_id, before=other, after={"into": keep_id})
        merged = replace(keep, aliases=aliases, confirmed=True)
        repository.update_unit(db, merged, fold(merged.name))


def unit_task_counts(register: Register) -> dict[int, int]:
    """Return how many tasks link to each unit."""
    sql = "SELECT unit_id, count(DISTINCT task_id) AS n FROM task_units GROUP BY unit_id"
    return {row["unit_id"]: row["n"] for row in register.db.query(sql)}


def delete_unit(register: Register, unit_id: int) -> Unit:
    """Delete a unit no task names (undoing its addition); return it."""
    with register.transaction() as db:
        unit = repository.get_unit(db, unit_id)
        linked = db.execute("SELECT count(*) FROM task_units WHERE unit_id = ?", [unit_id])
        if linked.fetchone()[0]:
            raise ValidationError(f"Đơn vị '{unit.name}' đang được nhiệm vụ sử dụng; không xóa.")
        db.execute("DELETE FROM units WHERE id = ?", [unit_id])
        audit.record(db, "delete", "unit", unit_id, before=unit)
    return unit


def merge_snapshot(register: Register, keep_id: int, merge_ids: list[int]) -> dict[str, Any]:
    """Return what merge_units will change, so unmerge_units can put it back."""
    db = register.db
    ids = [keep_id, *[u for u in merge_ids if u != keep_id]]
    marks = ",".join("?" * len(ids))
    return {
        "units": list(db.query(f"SELECT * FROM units WHERE id IN ({marks})", ids)),
        "links": list(db.query(f"SELECT * FROM task_units WHERE unit_id IN ({marks})", ids)),
        "reports": list(db.query(
            f"SELECT id, reporting_unit_id FROM progress WHERE reporting_unit_id IN ({marks})",
            ids)),
        "keep_id": keep_id,
    }


def unmerge_units(register: Register, snapshot: dict[str, Any]) -> None:
    """Undo merge_units: bring back the merged units, their links and reports as they were."""
    keep_id = snapshot["keep_id"]
    with register.transaction() as db:
        for row in snapshot["units"]:
            if row["id"] == keep_id:
                db.table("units").update(keep_id, {k: v for k, v in row.items() if k != "id"})
            else:
                db.table("units").insert(row, replace=True)
        db.execute("DELETE FROM task_units WHERE unit_id = ?", [keep_id])
        db.table("task_units").insert_all(snapshot["links"], ignore=True)
        for report in snapshot["reports"]:
            db.execute("UPDATE progress SET reporting_unit_id = ? WHERE id = ?",
                       [report["reporting_unit_id"], report["id"]])
        audit.record(db, "unmerge", "unit", keep_id,
                     after=[row["name"] for row in snapshot["units"]])
