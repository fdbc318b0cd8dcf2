"""Which parcels an export takes: whole sheets and/or parcel numbers of a sheet.

A selection is written as land officers name parcels: ``--sheet 5`` (every parcel of sheet
5), ``--parcel 5/12`` (one), ``--parcel 5/12-20,31`` (a range and a single one). It becomes a
parameterised SQL condition on the parcels table; nothing a user types reaches the SQL text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..messages import CadastreError

_PART = re.compile(r"^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$")


def _bad(text: str) -> CadastreError:
    return CadastreError(
        "selection.invalid",
        f"'{text}' is not a parcel selection. Write SHEET/NUMBERS, e.g. 5/12, 5/12-20 or "
        "5/12,15,20-25.",
        f"'{text}' không phải cách chọn thửa hợp lệ. Hãy viết TỜ/SỐ THỬA, ví dụ 5/12, 5/12-20 "
        "hoặc 5/12,15,20-25.", text)


@dataclass
class Selection:
    sheets: list = field(default_factory=list)
    parcels: list = field(default_factory=list)  # (sheet, first, last)
    include_retired: bool = False

    @classmethod
    def parse(cls, sheets=(), parcels=(), include_retired: bool = False) -> "Selection":
        sel = cls([int(s) for s in sheets], [], include_retired)
        for text in parcels:
            sheet, sep, numbers = str(text).partition("/")
            if not sep or not sheet.strip().isdigit():
                raise _bad(text)
            for part in numbers.split(","):
                m = _PART.match(part)
                if not m:
                    raise _bad(text)
                first, last = int(m.group(1)), int(m.group(2) or m.group(1))
                if last < first:
                    raise _bad(text)
                sel.parcels.append((int(sheet), first, last))
        return sel

    @property
    def everything(self) -> bool:
        return not self.sheets and not self.parcels

    def where(self) -> tuple:
        """(SQL condition on the parcels table, parameters)."""
        terms, params = [], []
        if self.sheets:
            terms.append(f"sheet_no IN ({', '.join('?' * len(self.sheets))})")
            params += self.sheets
        for sheet, first, last in self.parcels:
            terms.append("(sheet_no = ? AND parcel_no BETWEEN ? AND ?)")
            params += [sheet, first, last]
        cond = " OR ".join(terms) if terms else "1"
        if not self.include_retired:
            cond = f"status = 'current' AND ({cond})"
        return cond, params
