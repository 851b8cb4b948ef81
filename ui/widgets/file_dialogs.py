"""File dialogs that remember the last folder the officer used.

The same calls as QFileDialog's static functions (get_open_file_name…), so any window can use
them in one line; the dialogs are made here, so the program (and its tests) can follow them.
Whatever folder a dialog starts in, the folder last chosen in any file dialog of the program
wins (kept in the settings between runs); a suggested file name is kept.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

from ui.widgets.file_names import make_vietnamese

LAST_FOLDER_KEY = "files/last_folder"
_settings: list[QSettings] = []


def use_settings(settings: QSettings) -> None:
    """Keep the last folder in these settings (the main window's)."""
    _settings[:] = [settings]


def _store() -> QSettings:
    """Return the settings the last folder lives in."""
    return _settings[0] if _settings else QSettings()


def last_folder() -> Path | None:
    """Return the folder last chosen, if it still exists."""
    value = _store().value(LAST_FOLDER_KEY)
    folder = Path(str(value)) if isinstance(value, str) and value else None
    return folder if folder is not None and folder.is_dir() else None


def remember(path: str | Path) -> None:
    """Remember the folder of a chosen file (or a chosen folder)."""
    chosen = Path(path)
    folder = chosen if chosen.is_dir() else chosen.parent
    _store().setValue(LAST_FOLDER_KEY, str(folder))


def start_path(suggested: str | Path | None) -> str:
    """Return where a dialog starts: the last folder, with the suggested file name if any."""
    folder = last_folder()
    if not suggested:
        return str(folder or Path.home())
    path = Path(suggested)
    if folder is None:
        return str(path if path.is_absolute() else Path.home() / path)
    return str(folder if path.is_dir() or not path.suffix else folder / path.name)


def _ask(dialog: QFileDialog) -> tuple[list[str], str]:
    """Run a file dialog made here (not Qt's static functions, whose dialogs Python cannot
    follow); return the chosen paths (remembering their folder) and the chosen filter."""
    if dialog.exec() != QFileDialog.DialogCode.Accepted:
        return [], ""
    paths = dialog.selectedFiles()
    if paths:
        remember(paths[0])
    return paths, dialog.selectedNameFilter()


def file_dialog(parent: QWidget | None, caption: str, directory: str | Path,
                filter: str, mode: QFileDialog.FileMode) -> QFileDialog:  # noqa: A002
    """Return a file dialog starting in the remembered folder."""
    dialog = QFileDialog(parent, caption, start_path(directory), filter)
    dialog.setFileMode(mode)
    make_vietnamese(dialog)
    return dialog


def get_open_file_name(parent: QWidget | None, caption: str, directory: str | Path = "",
                       filter: str = "") -> tuple[str, str]:  # noqa: A002 - Qt's name
    """Ask for one existing file."""
    paths, chosen = _ask(file_dialog(parent, caption, directory, filter,
                                 QFileDialog.FileMode.ExistingFile))
    return (paths[0] if paths else ""), chosen


def get_open_file_names(parent: QWidget | None, caption: str, directory: str | Path = "",
                        filter: str = "") -> tuple[list[str], str]:  # noqa: A002
    """Ask for several existing files."""
    return _ask(file_dialog(parent, caption, directory, filter,
                            QFileDialog.FileMode.ExistingFiles))


def get_save_file_name(parent: QWidget | None, caption: str, directory: str | Path = "",
                       filter: str = "",  # noqa: A002
                       options: QFileDialog.Option | None = None) -> tuple[str, str]:
    """Ask where to save a file (asking before writing over one, unless told not to)."""
    dialog = file_dialog(parent, caption, directory, filter, QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if options is not None:
        dialog.setOptions(options)
    paths, chosen = _ask(dialog)
    return (paths[0] if paths else ""), chosen


def get_existing_directory(parent: QWidget | None, caption: str,
                           directory: str | Path = "") -> str:
    """Ask for a folder."""
    dialog = file_dialog(parent, caption, directory, "", QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    paths, _ = _ask(dialog)
    return paths[0] if paths else ""
