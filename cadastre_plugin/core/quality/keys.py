"""Attribute columns as integer codes, for vectorised grouping (duplicate numbers, code checks).

Values arrive as Python ints from a working copy, as text or floats from shapefiles ("12",
12.0): they are normalised so that all three mean the same number. Columns have few distinct
values, so each distinct value is looked at once and the column is mapped through a dict,
which is several times faster than sorting 640,000 Python objects.
"""
from __future__ import annotations

import numpy as np


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def _number_or_text(value):
    """12, 12.0, '12' -> 12; '12a' -> '12a'; None, NaN, '' -> None."""
    if _missing(value):
        return None
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        return int(value)
    text = str(value).strip()
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        return text
    if number != number:
        return None
    return int(number) if number.is_integer() else number


def _as_written(value):
    """Text exactly as written ('ONT+CLN'); None, NaN and blanks are missing."""
    if _missing(value):
        return None
    text = str(value)
    return text if text.strip() else None


def _codes(values, canon):
    values = np.asarray(values, dtype=object).ravel().tolist()
    canon_of = {v: canon(v) for v in set(values)}
    uniques = sorted({c for c in canon_of.values() if c is not None},
                     key=lambda c: (isinstance(c, str), c if not isinstance(c, str) else 0, str(c)))
    index = {c: k for k, c in enumerate(uniques)}
    lookup = {v: (-1 if c is None else index[c]) for v, c in canon_of.items()}
    codes = np.fromiter(map(lookup.__getitem__, values), dtype=np.int64, count=len(values))
    return codes, np.array(uniques + [None], dtype=object)[:-1]


def factorize(values):
    """(codes, uniques): codes[i] indexes uniques, -1 for a missing value (None, NaN, '')."""
    return _codes(values, _number_or_text)


def text_codes(values):
    """Like :func:`factorize`, for text kept exactly as written ("ONT+CLN")."""
    return _codes(values, _as_written)


def value_codes(ctx, name: str):
    """Cached :func:`factorize` of a context column (shared by all views)."""
    return ctx.attr_cached(("codes", name), lambda: factorize(getattr(ctx, name)))


def text_value_codes(ctx, name: str):
    """Cached :func:`text_codes` of a context column (shared by all views)."""
    return ctx.attr_cached(("text", name), lambda: text_codes(getattr(ctx, name)))
