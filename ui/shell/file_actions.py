"""What the Tệp menu does: a new register, open one (or a recent one), save a copy."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu

from cchc_desktop.errors import CchcError
from cchc_desktop.register.checks import (
    ForeignWal,
    NetworkRegister,
    RegisterDamaged,
    set_aside_wal,
)
from cchc_desktop.register.connection import ReadOnlyRegister, Register, open_register
from cchc_desktop.register.files import (
    check_new_register,
    copy_to_this_pc,
    save_copy,
    with_suffix,
)
from cchc_desktop.register.lock import (
    LockUnavailable,
    RegisterInUse,
    open_for_writing,
    recover,
)
from ui.widgets import file_dialogs

if TYPE_CHECKING:
    from ui.shell.window import RegisterWindow

RECENT_KEY = "recent/registers"
RECENT_MAX = 8
FILTER = "Sổ đăng ký CCHC (*.sqlite *.db *.sqlite3);;Mọi tệp (*)"
WINDOW_ADVICE = "Có thể mở ở chế độ chỉ đọc để xem, hoặc hủy và đóng cửa sổ kia trước."


class FileActions:
    """Register-file commands for the main window."""

    def __init__(self, window: RegisterWindow) -> None:
        self.window = window

    # Recent registers ------------------------------------------------------------------------

    def recent(self) -> list[str]:
        """Return the recently opened registers, newest first (only those that still exist)."""
        value = self.window.settings.value(RECENT_KEY)
        paths = [str(v) for v in value] if isinstance(value, list) else (
            [str(value)] if isinstance(value, str) and value else [])
        return [p for p in paths if Path(p).exists()]

    def remember(self, path: Path) -> None:
        """Put a register at the top of the recent list."""
        text = str(path.resolve())
        paths = [text, *[p for p in self.recent() if p != text]][:RECENT_MAX]
        self.window.settings.setValue(RECENT_KEY, paths)

    def fill_recent_menu(self, menu: QMenu) -> None:
        """List the recent registers in a menu (numbered for the keyboard)."""
        menu.clear()
        paths = self.recent()
        if not paths:
            empty = menu.addAction("(chưa có)")
            empty.setEnabled(False)
            return
        for number, path in enumerate(paths, start=1):
            action = QAction(f"&{number} {Path(path).name} — {Path(path).parent}", menu)
            action.triggered.connect(lambda _=False, p=path: self.open_path(Path(p)))
            menu.addAction(action)

    # Commands ----------------------------------------------------------------------------------

    def _folder(self) -> str:
        """Return the folder file dialogs start in."""
        path = self.window.register.path
        return str(path.parent) if str(path) != ":memory:" else str(Path.home())

    def new_register(self) -> None:
        """Create a new, empty register file and work in it."""
        path, _ = file_dialogs.get_save_file_name(
            self.window, "Tạo sổ đăng ký mới", str(Path(self._folder()) / "so-dang-ky-moi.sqlite"),
            FILTER, options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.create_at(Path(path))

    def create_at(self, path: Path) -> bool:
        """Create a register at a path (refusing an existing file) and switch to it."""
        register = self.window.ops.call(
            lambda: open_for_writing(check_new_register(path), WINDOW_ADVICE),
            "Không tạo được sổ")
        if register is None:
            return False
        self.remember(register.path)
        self.window.switch_register(register)
        self.window.plans.first_run()
        return True

    def open_register(self) -> None:
        """Open another register file."""
        path, _ = file_dialogs.get_open_file_name(self.window, "Mở sổ đăng ký", self._folder(),
                                                  FILTER)
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> bool:
        """Open a register file and switch to it; False (with a message) if it cannot be."""
        if path.resolve() == self.window.register.path.resolve():
            return True
        if not path.is_file():
            self.window.show_error("Không mở được sổ", f"Không tìm thấy tệp '{path}'.")
            return False
        register = self.locked_or_viewed(path)
        if register is None:
            return False
        self.remember(register.path)
        self.window.switch_register(register)
        return True

    def locked_or_viewed(self, path: Path) -> Register | None:
        """Open a register for writing under its lock (the window's current one is released
        when switch_register closes it); held elsewhere or on a read-only medium, offer to
        open it for viewing. None (with a message) if it cannot be opened."""
        title = "Không mở được sổ"
        try:
            return open_for_writing(path, WINDOW_ADVICE)
        except RegisterDamaged as damaged:
            return self._recovered(path, damaged)
        except NetworkRegister as remote:
            if not self.window.ops.confirm("Sổ trên thư mục mạng", f"{remote}\n\nChép sổ về "
                                           "máy này và mở bản chép?"):
                return None
            local = self.window.ops.call(lambda: copy_to_this_pc(path), title)
            if local is None:
                return None
            return self.window.ops.call(lambda: open_for_writing(local, WINDOW_ADVICE), title)
        except ForeignWal as foreign:
            if not self.window.ops.confirm("Tệp -wal không khớp", f"{foreign}\n\nĐể riêng tệp "
                                           "-wal (giữ lại, không xóa) và mở sổ?"):
                return None
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            if self.window.ops.call(lambda: set_aside_wal(path, stamp), title) is None:
                return None
            return self.window.ops.call(lambda: open_for_writing(path, WINDOW_ADVICE), title)
        except RegisterInUse as busy:
            if not self.window.ops.confirm("Sổ đang được mở ở nơi khác",
                                           f"{busy}\n\nMở sổ ở chế độ chỉ đọc để xem?"):
                return None
        except (LockUnavailable, ReadOnlyRegister) as error:
            self.window.show_error("Sổ chỉ mở được để xem", str(error))
        except CchcError as error:
            self.window.show_error(title, str(error))
            return None
        return self.window.ops.call(lambda: open_register(path, read_only=True), title)

    def _recovered(self, path: Path, damaged: RegisterDamaged) -> Register | None:
        """Offer the newest good snapshot of a damaged register; open it if accepted."""
        if damaged.snapshot is None:
            self.window.show_error("Sổ bị hỏng", str(damaged))
            return None
        if not self.window.ops.confirm("Sổ bị hỏng", f"{damaged}\n\nDùng bản sao lưu đó thay "
                                                      "cho sổ hỏng?"):
            return None
        good = getattr(damaged.snapshot, "path", None)
        if not isinstance(good, Path):
            return None
        kept = self.window.ops.call(lambda: recover(path, good), "Không dùng được bản sao lưu")
        if kept is None:
            return None
        self.window.statusBar().showMessage(f"Đã thay sổ hỏng bằng '{good.name}'; tệp hỏng "
                                            f"giữ tại '{kept}'.", 15000)
        return self.window.ops.call(lambda: open_for_writing(path, WINDOW_ADVICE),
                                    "Không mở được sổ")

    def save_copy(self) -> None:
        """Save a copy of the register under another name (in a worker thread)."""
        suggested = Path(self._folder()) / f"{self.window.register.path.stem}-ban-sao.sqlite"
        path, _ = file_dialogs.get_save_file_name(self.window, "Lưu bản sao sổ đăng ký",
                                              str(suggested), FILTER)
        if path:
            self.copy_to(Path(path))

    def copy_to(self, target: Path) -> None:
        """Copy the register to target in the background and say where it went."""
        source = self.window.register.path
        target = with_suffix(target)
        self.window.ops.background(
            source, lambda _register: save_copy(source, target),
            lambda saved: self.window.statusBar().showMessage(f"Đã lưu bản sao: {saved}", 8000),
            title="Không lưu được bản sao", read_only=True)
