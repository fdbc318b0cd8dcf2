"""The rule base class: one rule = one small class with a stable id, names in both languages,
a severity, a tolerance in metres and, where a safe automatic repair exists, a fix.

A rule looks at a :class:`~.context.CheckContext` and returns :class:`~.finding.Finding`
objects. It works on ``ctx.rows`` (every parcel for a full check, the edited neighbourhood for
an incremental one) with vectorised shapely/NumPy calls, and reports only findings that
involve at least one of those rows: that is what makes the incremental check equal to the
full check restricted to the neighbourhood.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Iterable

from ..messages import CadastreError
from .finding import SEVERITIES, Finding


class NotFixable(CadastreError):
    """A fix that cannot be made safely; the message says why, in both languages."""

    def __init__(self, en: str, vi: str):
        super().__init__("quality.not_fixable", en, vi)


class Rule(ABC):
    #: Stable identifier, e.g. "CAD-OVERLAP": used in files, the API and the command line.
    id: str = ""
    name_en: str = ""
    name_vi: str = ""
    severity: str = "error"
    fixable: bool = False
    #: Parcel attributes the rule reads (CheckContext attribute names). A rule whose input the
    #: source does not have is skipped, not run against empty values.
    requires: tuple = ()
    #: Metres; None means the context's distance tolerance (from the sheet scale).
    tolerance: float | None = None

    def __init__(self, tolerance: float | None = None, severity: str | None = None):
        if tolerance is not None:
            if not tolerance >= 0:
                raise CadastreError(
                    "quality.tolerance", f"Tolerance {tolerance} m of rule {self.id} must be "
                    "zero or more metres.",
                    f"Dung sai {tolerance} m của quy tắc {self.id} phải lớn hơn hoặc bằng 0 mét.")
            self.tolerance = float(tolerance)
        if severity is not None:
            if severity not in SEVERITIES:
                raise CadastreError(
                    "quality.severity", f"Severity '{severity}' must be one of {SEVERITIES}.",
                    f"Mức độ '{severity}' phải là một trong {SEVERITIES}.")
            self.severity = severity

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id}>"

    # -- what subclasses implement ---------------------------------------------------------
    @abstractmethod
    def check(self, ctx) -> list:
        """The findings of this rule on the context."""

    def fix(self, ctx, finding: Finding) -> dict:
        """New geometries by row index that repair ``finding``; raises NotFixable."""
        if type(self).fixes is not Rule.fixes:
            for candidate in self.fixes(ctx, finding):
                return candidate
        raise NotFixable(f"Rule {self.id} has no automatic fix: correct the parcels by hand.",
                         f"Quy tắc {self.id} không có sửa tự động: hãy sửa thửa đất thủ công.")

    def fixes(self, ctx, finding: Finding):
        """Candidate repairs, best first (the fix engine keeps the first that makes the
        neighbourhood better). A rule with one obvious repair only implements :meth:`fix`."""
        yield self.fix(ctx, finding)

    # -- helpers ---------------------------------------------------------------------------
    def tolerance_in(self, ctx) -> float:
        return ctx.tolerances.distance if self.tolerance is None else self.tolerance

    def missing_inputs(self, ctx) -> list:
        return [name for name in self.requires if getattr(ctx, name, None) is None]

    def finding(self, ctx, rows: Iterable[int], geometry, en: str, vi: str,
                fixable: bool | None = None, **details) -> Finding:
        rows = tuple(int(r) for r in rows)
        return Finding(self.id, self.severity, rows, tuple(ctx.ids[list(rows)]) if rows else (),
                       geometry, en, vi, self.fixable if fixable is None else fixable, details)


def fmt_area(value: float) -> str:
    """Areas in messages: 0.1 m² like the register, finer for the tiny ones (a 0.004 m² overlap
    is real and must not read as 0.0)."""
    value = float(value)
    if value >= 0.1:
        return f"{value:.1f}"
    return f"{value:.2g}"


def fmt_length(value: float) -> str:
    """Metres with two decimals (cm, the survey's resolution); below 1 cm the message still
    shows how small, in mm, instead of "0.00"."""
    value = float(value)
    return f"{value:.2f} m" if value >= 0.01 else f"{value * 1000:.2g} mm"

