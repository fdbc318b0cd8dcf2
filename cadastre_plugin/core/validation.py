"""Checks of single records, each returning :class:`Issue` objects a land officer can act on.

Checks never raise on bad data: they describe it. ``require`` turns the issues into one
:class:`ValidationFailed` when a caller must refuse to save.
"""
from __future__ import annotations

import re
from fractions import Fraction
from typing import Iterable, Optional

from .messages import Issue, ValidationFailed
from .codelists import CodeList, check_landuse
from .model import PARTY_KINDS, Parcel, Party

# Province codes of the General Statistics Office: the first three digits of a CCCD are
# "0" + these (Decree 137/2015, Circular 07/2016/TT-BCA).
PROVINCE_CODES = frozenset("""
01 02 04 06 08 10 11 12 14 15 17 19 20 22 24 25 26 27 30 31 33 34 35 36 37 38 40 42 44 45 46 48
49 51 52 54 56 58 60 62 64 66 67 68 70 72 74 75 77 79 80 82 83 84 86 87 89 91 92 93 94 95 96
""".split())

_TAX_CODE = re.compile(r"^\d{10}(-\d{3})?$")
_COMMUNE_CODE = re.compile(r"^\d{5}$")


def require(issues: Iterable[Issue]) -> None:
    issues = list(issues)
    if issues:
        raise ValidationFailed(issues)


def check_cccd(value: str, birth_year: Optional[int] = None, where: str = "") -> list:
    """Căn cước công dân: 12 digits = province (3) + century/gender (1) + birth year (2) + 6."""
    value = (value or "").strip()
    if not re.fullmatch(r"\d{12}", value):
        return [Issue(
            "cccd.format",
            f"Citizen ID '{value}' must be exactly 12 digits (CCCD); check the number on the card.",
            f"Số CCCD '{value}' phải gồm đúng 12 chữ số; kiểm tra lại số trên thẻ.", where)]
    issues = []
    if value[0] != "0" or value[1:3] not in PROVINCE_CODES:
        issues.append(Issue(
            "cccd.province",
            f"Citizen ID '{value}' starts with '{value[:3]}', which is not a province code "
            "(001-096); check the first three digits.",
            f"Số CCCD '{value}' bắt đầu bằng '{value[:3]}', không phải mã tỉnh (001-096); "
            "kiểm tra ba chữ số đầu.", where))
    if birth_year is not None:
        century = 1900 + 100 * (int(value[3]) // 2)
        encoded = century + int(value[4:6])
        if encoded != birth_year:
            issues.append(Issue(
                "cccd.birth_year",
                f"Citizen ID '{value}' encodes birth year {encoded}, but the birth year given is "
                f"{birth_year}; correct one of them.",
                f"Số CCCD '{value}' mã hoá năm sinh {encoded}, nhưng năm sinh nhập là "
                f"{birth_year}; sửa lại một trong hai.", where))
    return issues


def check_tax_code(value: str, where: str = "") -> list:
    if _TAX_CODE.fullmatch((value or "").strip()):
        return []
    return [Issue(
        "tax_code.format",
        f"Tax code '{value}' must be 10 digits, or 10 digits, a dash and 3 digits for a branch.",
        f"Mã số thuế '{value}' phải gồm 10 chữ số, hoặc 10 chữ số, dấu gạch và 3 chữ số "
        "với chi nhánh.", where)]


def check_shares(shares: Iterable, where: str = "") -> list:
    """Shares of one right: each above zero and all together exactly one."""
    shares = list(shares)
    if not shares:
        return [Issue("shares.empty", "The right has no holder: add at least one party.",
                      "Quyền chưa có người sử dụng: thêm ít nhất một chủ.", where)]
    issues = []
    values = [Fraction(s.share) for s in shares]
    if any(v <= 0 for v in values):
        issues.append(Issue("shares.non_positive", "Every share must be greater than zero.",
                            "Mỗi phần quyền phải lớn hơn 0.", where))
    total = sum(values, Fraction(0))
    if total != 1:
        issues.append(Issue(
            "shares.sum",
            f"The shares sum to {total}, not 1: adjust them so that together they are 1.",
            f"Tổng các phần quyền là {total}, không bằng 1: điều chỉnh để tổng bằng 1.", where,
            {"total": str(total)}))
    parties = [s.party_uuid for s in shares]
    if len(set(parties)) != len(parties):
        issues.append(Issue("shares.duplicate_party",
                            "A party holds two shares of the same right: combine them.",
                            "Một chủ có hai phần của cùng một quyền: gộp lại.", where))
    return issues


def check_party(party: Party) -> list:
    where = party.name or party.uuid
    issues = []
    if party.kind not in PARTY_KINDS:
        issues.append(Issue("party.kind", f"Unknown party kind '{party.kind}'.",
                            f"Loại chủ sử dụng '{party.kind}' không hợp lệ.", where))
    if not (party.name or "").strip():
        issues.append(Issue("party.name", "The party has no name.", "Chủ sử dụng chưa có tên.", where))
    if party.kind == "individual":
        issues += check_cccd(party.citizen_id, party.birth_year, where)
    elif party.kind == "organisation" and party.tax_code:
        issues += check_tax_code(party.tax_code, where)
    return issues


def check_parcel(parcel: Parcel, landuse_codes: CodeList) -> list:
    where = f"{parcel.commune_code} {parcel.label}"
    issues = []
    if not _COMMUNE_CODE.fullmatch(parcel.commune_code or ""):
        issues.append(Issue(
            "parcel.commune_code",
            f"Commune code '{parcel.commune_code}' must be the 5-digit administrative code.",
            f"Mã xã '{parcel.commune_code}' phải là mã đơn vị hành chính 5 chữ số.", where))
    for name, value in (("sheet_no", parcel.sheet_no), ("parcel_no", parcel.parcel_no)):
        if not isinstance(value, int) or value <= 0:
            issues.append(Issue(
                f"parcel.{name}",
                f"{'Map sheet' if name == 'sheet_no' else 'Parcel'} number '{value}' must be a "
                "positive whole number.",
                f"{'Số hiệu tờ' if name == 'sheet_no' else 'Số thửa'} '{value}' phải là số "
                "nguyên dương.", where))
    issues += check_landuse(parcel.landuse, landuse_codes, where)
    for name, value in (("area", parcel.area), ("legal_area", parcel.legal_area)):
        if value is not None and value <= 0:
            issues.append(Issue(
                f"parcel.{name}", f"The {name.replace('_', ' ')} {value} m² must be positive.",
                f"Diện tích {value} m² phải lớn hơn 0.", where))
    if parcel.status not in ("current", "retired"):
        issues.append(Issue("parcel.status", f"Unknown parcel status '{parcel.status}'.",
                            f"Trạng thái thửa '{parcel.status}' không hợp lệ.", where))
    return issues
