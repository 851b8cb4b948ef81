"""CCHC Desktop core: the register, import, schedule, reports. Never imports Qt."""

__version__ = "0.1.0"
