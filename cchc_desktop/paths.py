"""Where bundled resources live, from source, an installed wheel or a PyInstaller build."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """Return the resources/ folder (inside the PyInstaller bundle when frozen)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    import resources

    return Path(resources.__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    """Return the path of a bundled resource, e.g. resource_path("fonts", "x.ttf")."""
    return resources_dir().joinpath(*parts)


def guide_path() -> Path:
    """Return the user guide (docs/huong-dan-su-dung.md, bundled beside resources when frozen)."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parents[1]
    return root / "docs" / "huong-dan-su-dung.md"
