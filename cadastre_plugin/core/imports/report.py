"""What an import found: every problem with its severity and location, in both languages.

Severities say what happened to the data, so a user knows what to look at first:

- ``error``: something was *not* imported (a polygon without a number, a rejected row);
- ``warning``: imported, but to be checked (area text disagrees, unknown land-use code);
- ``info``: repaired automatically within tolerance (an undershoot snapped closed).

Nothing is dropped silently: each source row or polygon that is not in the working copy has an
``error`` here naming it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..messages import Issue

SEVERITIES = ("error", "warning", "info")


def where_xy(x: float, y: float) -> str:
    """A location as surveyors read it: X northing, Y easting (VN-2000 convention), in metres."""
    return f"X={y:.2f} Y={x:.2f}"


def problem(code: str, severity: str, en: str, vi: str, x: Optional[float] = None,
            y: Optional[float] = None, where: str = "", **details) -> Issue:
    """An Issue with its severity and (easting x, northing y) location in ``details``."""
    if severity not in SEVERITIES:
        raise ValueError(f"severity must be one of {SEVERITIES}, not {severity!r}")
    details = {"severity": severity, **details}
    if x is not None and y is not None:
        details["x"], details["y"] = round(float(x), 3), round(float(y), 3)
        loc = where_xy(x, y)
        where = f"{where}, {loc}" if where else loc
    return Issue(code, en, vi, where, details)


@dataclass
class ImportReport:
    """Problems found by an import, and what was imported."""

    source: str = ""
    kind: str = ""
    problems: list = field(default_factory=list)
    imported: int = 0
    read: int = 0
    summary: dict = field(default_factory=dict)

    def add(self, issue: Issue) -> None:
        self.problems.append(issue)

    def extend(self, issues) -> None:
        self.problems.extend(issues)

    def count(self, severity: str) -> int:
        return sum(1 for p in self.problems if p.details.get("severity") == severity)

    @property
    def rejected(self) -> int:
        """Source rows (or closed polygons) that did not make it into the working copy: each
        has exactly one problem marked ``dropped``."""
        return sum(1 for p in self.problems if p.details.get("dropped") is True)

    @property
    def has_problems(self) -> bool:
        """True when a user has something to act on (errors or warnings, not repairs)."""
        return any(p.details.get("severity") in ("error", "warning") for p in self.problems)

    def codes(self) -> list:
        return [p.code for p in self.problems]

    def as_dict(self) -> dict:
        return {
            "source": self.source, "kind": self.kind, "read": self.read,
            "imported": self.imported, "rejected": self.rejected, "errors": self.count("error"),
            "warnings": self.count("warning"), "repairs": self.count("info"),
            **self.summary,
            "problems": [{"code": p.code, "where": p.where, "en": p.en, "vi": p.vi,
                          **p.details} for p in self.problems],
        }

    def write(self, path: str) -> None:
        Path(path).write_text(json.dumps(self.as_dict(), ensure_ascii=False, indent=1),
                              encoding="utf-8")

    def lines(self, lang: str) -> list:
        """One line per problem, for the command line."""
        return [f"[{p.details.get('severity')}] {p.code} ({p.where}): {p.text(lang)}"
                for p in self.problems]
