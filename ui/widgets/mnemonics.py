"""Alt+letter keys (mnemonics) of a window: who owns which letter, and which letters clash.

A window's own mnemonics are its menu bar titles, the labels that focus a field (buddies), its
buttons, check boxes and tab titles; two owners of the same letter mean Alt+letter goes to the
first one only. Each menu's entries have their own letters. A letter that a Vietnamese keyboard
cannot type with Alt (Đ, Ư, Ơ, a letter with a mark) is refused too.
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMenu,
    QMenuBar,
    QTabBar,
    QWidget,
)


def mnemonic(text: str) -> str | None:
    """Return the letter after a single '&' in a text (lower case), or None."""
    at = 0
    while True:
        at = text.find("&", at)
        if at < 0 or at + 1 >= len(text):
            return None
        if text[at + 1] == "&":
            at += 2
            continue
        return text[at + 1].lower()


def _owned_by(widget: QWidget, window: QWidget) -> bool:
    """Tell whether a widget belongs to this window and is not hidden inside it."""
    return widget.window() is window and widget.isVisibleTo(window)


def _texts(window: QWidget) -> list[str]:
    """Return the texts of a window that may carry its own Alt+letter."""
    texts = [a.text() for bar in window.findChildren(QMenuBar) if _owned_by(bar, window)
             for a in bar.actions() if a.isVisible()]
    texts += [label.text() for label in window.findChildren(QLabel)
              if label.buddy() is not None and _owned_by(label, window)]
    texts += [button.text() for button in window.findChildren(QAbstractButton)
              if _owned_by(button, window) and not isinstance(button.parentWidget(), QTabBar)]
    texts += [box.title() for box in window.findChildren(QGroupBox)
              if box.isCheckable() and _owned_by(box, window)]
    texts += [tabs.tabText(i) for tabs in window.findChildren(QTabBar)
              if _owned_by(tabs, window) for i in range(tabs.count())]
    return texts


def window_mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Return letter -> the texts that own it in a window (menu bar, labels, buttons, tabs)."""
    owners: dict[str, list[str]] = defaultdict(list)
    for text in _texts(window):
        letter = mnemonic(text)
        if letter is not None:
            owners[letter].append(text)
    return dict(owners)


def menu_mnemonics(menu: QMenu) -> dict[str, list[str]]:
    """Return letter -> the entries of one menu that own it."""
    owners: dict[str, list[str]] = defaultdict(list)
    for action in menu.actions():
        letter = mnemonic(action.text()) if action.isVisible() else None
        if letter is not None:
            owners[letter].append(action.text())
    return dict(owners)


def _problems(where: str, owners: dict[str, list[str]]) -> list[str]:
    """Describe clashing and untypable letters."""
    found = []
    for letter, texts in sorted(owners.items()):
        if len(texts) > 1:
            found.append(f"{where}: Alt+{letter.upper()} dùng cho {', '.join(texts)}")
        if not (letter.isascii() and letter.isalnum()):
            found.append(f"{where}: Alt+{letter.upper()} không gõ được ({texts[0]})")
    return found


def mnemonic_problems(window: QWidget) -> list[str]:
    """Return every clash or untypable letter of a window and of each of its menus."""
    title = window.windowTitle() or type(window).__name__
    found = _problems(title, window_mnemonics(window))
    menus: list[QMenu] = list(window.findChildren(QMenu))
    for bar in window.findChildren(QMenuBar):
        menus += [m for m in (a.menu() for a in bar.actions()) if isinstance(m, QMenu)]
    seen: set[int] = set()
    for menu in menus:
        if id(menu) in seen:
            continue
        seen.add(id(menu))
        found += _problems(f"{title} / {menu.title().replace('&', '')}", menu_mnemonics(menu))
    return found
