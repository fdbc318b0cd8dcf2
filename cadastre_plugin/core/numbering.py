"""Parcel numbers (số thứ tự thửa) within one map sheet, Circular 25/2014.

Parcels are numbered 1, 2, ... per sheet, starting at the northernmost parcel, then left to
right, top to bottom ("zig-zag": each row left to right, the next row again from the left).
Numbers of parcels that disappear in a split or merge are retired and never given again in
the sheet's life; the new parcels take the next free numbers after the highest ever used.

Geometries are expected in the commune's VN-2000 TM-3 CRS (x = easting, y = northing).
"""
from __future__ import annotations

import numbers as _numbers
from collections import Counter
from typing import Iterable

import numpy as np
import shapely

from .messages import CadastreError, Issue


def number_parcels(geoms, band_height: float | None = None) -> np.ndarray:
    """Parcel number (1..n) of each geometry of one sheet, aligned with ``geoms``.

    Rows ("bands") are cut from the parcels' representative points
    (:func:`shapely.point_on_surface`, inside the parcel even for an L-shape, unlike the
    centroid). ``band_height`` defaults to the median parcel height, so the parcels of one
    visual row fall in one band. Each band is a strip ``band_height`` high centred on its
    highest point: it takes that point and all points at most half a band below it. Bands
    are re-anchored row by row, so small differences between band height and row spacing
    do not add up down the sheet. The first band is centred on the northernmost parcel
    (highest top edge) and also takes every point above it, so the row holding that parcel
    is numbered first. Within a band parcels go west to east; bands go north to south.
    """
    geoms = np.asarray(geoms, dtype=object).ravel()
    if geoms.size == 0:
        return np.zeros(0, dtype=np.int64)
    bad = np.flatnonzero(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    if bad.size:
        listed = ", ".join(str(i) for i in bad[:10]) + (" ..." if bad.size > 10 else "")
        raise CadastreError(
            "PARCEL_GEOMETRY_MISSING",
            f"Cannot number the sheet: parcel(s) at row {listed} have no geometry. Draw or "
            "restore their boundaries first.",
            f"Không đánh số được tờ bản đồ: thửa ở dòng {listed} không có hình học. Hãy vẽ "
            "hoặc khôi phục ranh giới thửa trước.",
            listed,
        )
    bounds = shapely.bounds(geoms)
    if band_height is None:
        band_height = float(np.median(bounds[:, 3] - bounds[:, 1]))
        if band_height <= 0:  # only degenerate (flat) parcels: any positive height will do
            band_height = 1.0
    elif not band_height > 0:
        raise CadastreError(
            "NUMBERING_BAND_HEIGHT",
            f"Band height {band_height} must be a positive number of metres.",
            f"Chiều cao dải {band_height} phải là một số mét dương.",
        )
    rep = shapely.point_on_surface(geoms)
    rx, ry = shapely.get_x(rep), shapely.get_y(rep)
    # Northernmost = highest top edge; on a tie the western one (it would start the row anyway).
    north = np.lexsort((bounds[:, 0], -bounds[:, 3]))[0]
    band = _bands(ry, ry[north] - band_height / 2.0, band_height / 2.0)
    # Sort keys, last is primary: band, then west to east, then north to south, then input order.
    order = np.lexsort((np.arange(geoms.size), -ry, rx, band))
    result = np.empty(geoms.size, dtype=np.int64)
    result[order] = np.arange(1, geoms.size + 1)
    return result


def _bands(ry: np.ndarray, first_floor: float, half: float) -> np.ndarray:
    """Band index of each point: band 0 is everything at or above ``first_floor``, then each
    band starts at the highest point left and reaches ``half`` below it. One binary search
    per band, so a sheet of thousands of parcels takes a few dozen NumPy calls."""
    order = np.argsort(-ry, kind="stable")
    neg = -ry[order]  # ascending, for searchsorted
    band_sorted = np.empty(ry.size, dtype=np.int64)
    start = int(np.searchsorted(neg, -first_floor, side="right"))
    band_sorted[:start] = 0
    b = 1
    while start < ry.size:
        end = int(np.searchsorted(neg, neg[start] + half, side="right"))
        band_sorted[start:end] = b
        start, b = end, b + 1
    band = np.empty_like(band_sorted)
    band[order] = band_sorted
    return band


def check_parcel_number(n) -> Issue | None:
    """None if ``n`` is a valid parcel number (a positive integer), else an Issue saying why."""
    if isinstance(n, _numbers.Integral) and not isinstance(n, (bool, np.bool_)) and n > 0:
        return None
    return Issue(
        "PARCEL_NUMBER_INVALID",
        f"Parcel number {n!r} is not valid: it must be a whole number from 1 up. Give the "
        "parcel the next free number of its sheet.",
        f"Số thứ tự thửa {n!r} không hợp lệ: phải là số nguyên từ 1 trở lên. Hãy gán cho thửa "
        "số tiếp theo còn trống của tờ bản đồ.",
        details={"value": repr(n)},
    )


class SheetNumbering:
    """Parcel numbers ever used on one sheet, retired ones included.

    ``next_free`` only looks; ``reserve`` (or ``allocate``, which does both) records the numbers,
    so a number once used is never handed out again.
    """

    def __init__(self, used_numbers: Iterable[int] = (), sheet: str = ""):
        self.sheet = sheet
        self._used: set[int] = set()
        self._highest = 0
        # The history may list a number twice (a parcel and its retired predecessor records).
        self._record(self._checked(used_numbers))

    @property
    def highest(self) -> int:
        """Highest number ever used on the sheet (0 for a new sheet)."""
        return self._highest

    @property
    def used(self) -> frozenset[int]:
        return frozenset(self._used)

    def __contains__(self, n) -> bool:
        return n in self._used

    def next_free(self, count: int = 1) -> list[int]:
        """The ``count`` numbers after the highest ever used. Gaps below it are not filled:
        they may be retired numbers, and reusing one would confuse old certificates."""
        if not isinstance(count, _numbers.Integral) or count < 0:
            raise CadastreError(
                "NUMBERING_COUNT",
                f"Cannot hand out {count!r} parcel numbers; ask for 0 or more.",
                f"Không thể cấp {count!r} số thứ tự thửa; hãy yêu cầu từ 0 số trở lên.",
                self.sheet,
            )
        return list(range(self._highest + 1, self._highest + 1 + int(count)))

    def allocate(self, count: int = 1) -> list[int]:
        """``next_free`` and ``reserve`` in one step, e.g. for the parcels of a split."""
        numbers = self.next_free(count)
        self.reserve(numbers)
        return numbers

    def reserve(self, numbers: Iterable[int]) -> None:
        """Record ``numbers`` as used. A number already used (live or retired) is refused."""
        numbers = self._checked(numbers)
        counts = Counter(numbers)
        clashes = sorted(n for n, c in counts.items() if c > 1 or n in self._used)
        if clashes:
            listed = ", ".join(map(str, clashes))
            raise CadastreError(
                "PARCEL_NUMBER_REUSED",
                f"Parcel number(s) {listed} of sheet {self.sheet or '?'} are already used or "
                "given twice; retired numbers are never reused. Take the next free numbers "
                f"(from {self._highest + 1}).",
                f"Số thứ tự thửa {listed} của tờ {self.sheet or '?'} đã được dùng hoặc bị gán "
                "hai lần; số đã bỏ không được dùng lại. Hãy dùng các số tiếp theo còn trống "
                f"(từ {self._highest + 1}).",
                self.sheet,
            )
        self._record(numbers)

    def _checked(self, numbers: Iterable[int]) -> list[int]:
        numbers = [n.item() if isinstance(n, np.generic) else n for n in numbers]
        for n in numbers:
            issue = check_parcel_number(n)
            if issue is not None:
                raise CadastreError(issue.code, issue.en, issue.vi, self.sheet)
        return numbers

    def _record(self, numbers: list[int]) -> None:
        self._used.update(numbers)
        if numbers:
            self._highest = max(self._highest, max(numbers))


def _missing_mask(values: np.ndarray) -> np.ndarray:
    if values.dtype.kind == "f":
        return np.isnan(values)
    if values.dtype.kind == "O":
        return np.fromiter(
            (v is None or (isinstance(v, float) and v != v) for v in values), bool, values.size
        )
    return np.zeros(values.size, dtype=bool)


def duplicate_numbers(sheet_nos, parcel_nos) -> list[tuple[object, object, int]]:
    """(sheet, parcel number, count) for every pair used by more than one parcel.

    Vectorised (np.unique), sorted by sheet then number. Rows where either value is missing
    (None/NaN) are skipped: missing numbers are a separate check.
    """
    sheets = np.asarray(sheet_nos).ravel()
    parcels = np.asarray(parcel_nos).ravel()
    if sheets.size != parcels.size:
        raise CadastreError(
            "NUMBERING_LENGTH_MISMATCH",
            f"{sheets.size} sheet numbers but {parcels.size} parcel numbers were given; pass "
            "one of each per parcel.",
            f"Có {sheets.size} số hiệu tờ nhưng {parcels.size} số thứ tự thửa; hãy truyền mỗi "
            "thửa một cặp.",
        )
    keep = ~(_missing_mask(sheets) | _missing_mask(parcels))
    sheets, parcels = sheets[keep], parcels[keep]
    if sheets.size == 0:
        return []
    sheet_vals, sheet_code = np.unique(sheets, return_inverse=True)
    parcel_vals, parcel_code = np.unique(parcels, return_inverse=True)
    key = sheet_code.astype(np.int64) * parcel_vals.size + parcel_code
    keys, counts = np.unique(key, return_counts=True)
    dup = counts > 1
    s_idx, p_idx = np.divmod(keys[dup], parcel_vals.size)
    return [
        (_plain(sheet_vals[s]), _plain(parcel_vals[p]), int(c))
        for s, p, c in zip(s_idx, p_idx, counts[dup])
    ]


def _plain(value):
    """NumPy scalar -> Python value (12.0 read from a float column -> 12), for plain reports."""
    value = value.item() if isinstance(value, np.generic) else value
    return int(value) if isinstance(value, float) and value.is_integer() else value
