"""CAD-COMMUNE-CODE: a commune code (mã xã) that is missing, is not the 5-digit code of an
administrative unit, or is not the code of the working copy's commune."""
from __future__ import annotations

import re

import numpy as np

from ..engine import Rule
from ..keys import value_codes

_FIVE_DIGITS = re.compile(r"^\d{5}$")


class CommuneCode(Rule):
    id = "CAD-COMMUNE-CODE"
    name_en = "Missing or wrong commune code"
    name_vi = "Thiếu hoặc sai mã xã"
    severity = "error"
    requires = ("commune_code",)

    def check(self, ctx) -> list:
        codes, uniques = value_codes(ctx, "commune_code")
        expected = ctx.commune.code if ctx.commune is not None else None
        verdicts = [self._verdict(str(u), expected) for u in uniques]
        bad = np.array([v is not None for v in verdicts] + [True])  # last: missing (-1)
        rows = ctx.rows
        rows = rows[bad[codes[rows]]]
        out = []
        for r in rows.tolist():
            c = codes[r]
            if c < 0:
                why_en, why_vi = ("has no commune code: enter the 5-digit code of its commune",
                                  "chưa có mã xã: hãy nhập mã 5 chữ số của xã")
            else:
                why_en, why_vi = verdicts[c]
            en, vi = ctx.label(r)
            out.append(self.finding(ctx, [r], ctx.geoms[r], f"{en} {why_en}.", f"{vi} {why_vi}.",
                                    value=None if c < 0 else str(uniques[c])))
        return out

    @staticmethod
    def _verdict(code: str, expected: str | None):
        # Numeric columns lose leading zeros ("00256" read as 256): that is still the code.
        if code.isdigit() and len(code) < 5:
            code = code.zfill(5)
        if not _FIVE_DIGITS.match(code):
            return (f"has commune code '{code}', which is not a 5-digit administrative code",
                    f"có mã xã '{code}', không phải mã đơn vị hành chính 5 chữ số")
        if expected and code != expected:
            return (f"has commune code {code}, but this working copy is commune {expected}: "
                    "correct the code or move the parcel to its own commune's working copy",
                    f"có mã xã {code}, nhưng bản sao làm việc này là của xã {expected}: hãy sửa "
                    "mã hoặc chuyển thửa sang bản sao làm việc của xã đó")
        return None
