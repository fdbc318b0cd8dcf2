"""One quality finding: which rule, how bad, which parcels, exactly where, and what it means.

A finding carries the exact error geometry (the overlap polygon, the gap polygon, the
self-intersection point, the stray vertex...) in the CRS the check ran in, so that the error
layer, the dock's "zoom to" and the server's answer all point at the same place.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import shapely

from ..messages import preferred_language

SEVERITIES = ("error", "warning")


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    #: Row indices into the :class:`CheckContext` arrays (internal: a fix writes through them).
    rows: tuple
    #: Parcel identifiers for users and other programs (UUIDs of a working copy, the chosen
    #: id field of another source), aligned with ``rows``.
    parcels: tuple
    geometry: object
    en: str
    vi: str
    fixable: bool = False
    details: dict = field(default_factory=dict, compare=False, hash=False)

    def message(self, lang: str | None = None) -> str:
        return self.vi if (lang or preferred_language()) == "vi" else self.en

    @property
    def wkt(self) -> str:
        return shapely.to_wkt(self.geometry, rounding_precision=-1) if self.geometry is not None else ""

    def to_dict(self, lang: str | None = None) -> dict:
        """The command line's and the server's JSON shape of one error."""
        return {"rule": self.rule, "severity": self.severity,
                "parcels": [_plain(p) for p in self.parcels], "wkt": self.wkt,
                "message": self.message(lang)}

    def key(self, decimals: int = 3) -> tuple:
        """Identity across two runs (full vs incremental): the rule, the parcels and where the
        error is (its centroid to the millimetre, so that floating-point noise does not count)."""
        where = ()
        if self.geometry is not None and not shapely.is_empty(self.geometry):
            c = shapely.centroid(self.geometry)
            where = (round(c.x, decimals), round(c.y, decimals))
        return (self.rule, tuple(sorted(self.rows)), where)


def _plain(value):
    """NumPy scalars to plain Python for JSON."""
    return value.item() if hasattr(value, "item") else value
