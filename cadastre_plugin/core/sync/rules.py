"""The record checks a change set must pass, run by the client before it sends and by the
server before it commits, on the same code: parcel attributes and parties (the core's
:mod:`validation`), parcel numbers unique on their sheet, right shares summing to one. The
topology of the changed parcels against their neighbours is :mod:`neighbourhood`'s.

Each finding is a plain dict, the wire format of an HTTP 422 answer and of a refused local push:
``{rule, parcel, label, geometry (GeoJSON of the location, or None), message_en, message_vi}``.
"""
from __future__ import annotations

import json
from fractions import Fraction
from functools import lru_cache

import numpy as np
import shapely

from .. import codelists
from ..model import Parcel, Party, Share
from ..validation import check_parcel, check_party, check_shares

MAX_VERTICES = 10_000


@lru_cache(maxsize=1)
def _landuse_codes():
    return codelists.load("landuse")


def violation(rule: str, parcel: str, label: str, en: str, vi: str, geometry=None) -> dict:
    return {"rule": rule, "parcel": parcel, "label": label, "geometry": geometry,
            "message_en": en, "message_vi": vi}


def check_parcel_rows(rows: list, geoms) -> list:
    """Attributes and geometry of each changed parcel on its own. ``rows`` are dicts of the
    parcel columns (uuid included), ``geoms`` their shapely geometries."""
    out = []
    codes = _landuse_codes()
    geoms = np.asarray(geoms, dtype=object)
    for row, geom in zip(rows, geoms):
        label = f"{row.get('sheet_no')}/{row.get('parcel_no')}"
        parcel = Parcel(row.get("commune_code"), row.get("sheet_no"), row.get("parcel_no"), geom,
                        area=row.get("area"), legal_area=row.get("legal_area"),
                        landuse=row.get("landuse") or "", status=row.get("status"))
        for issue in check_parcel(parcel, codes):
            out.append(violation(issue.code, row["uuid"], label, issue.en, issue.vi))
    invalid = _geometry_issues(rows, geoms)
    return out + invalid


def _geometry_issues(rows, geoms) -> list:
    """What the topology engine cannot judge: a current parcel without a boundary, or one too
    big to be a parcel (validity, multipart, overlaps... are the engine's: :mod:`neighbourhood`)."""
    out = []
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    for i in np.flatnonzero(missing):
        if rows[i].get("status") == "current":
            out.append(violation(
                "geometry.missing", rows[i]["uuid"], _label(rows[i]),
                f"Parcel {_label(rows[i])} has no boundary: draw it or retire the parcel.",
                f"Thửa {_label(rows[i])} chưa có ranh giới: vẽ ranh giới hoặc cho thửa ngừng "
                "sử dụng."))
    counts = shapely.get_num_coordinates(geoms)
    for i in np.flatnonzero(counts > MAX_VERTICES):
        out.append(violation(
            "geometry.vertices", rows[i]["uuid"], _label(rows[i]),
            f"Parcel {_label(rows[i])} has {counts[i]} vertices, more than {MAX_VERTICES}: "
            "simplify its boundary.",
            f"Thửa {_label(rows[i])} có {counts[i]} đỉnh, quá {MAX_VERTICES}: đơn giản hoá "
            "ranh giới."))
    return out


def _label(row: dict) -> str:
    return f"{row.get('sheet_no')}/{row.get('parcel_no')}"


def check_numbers(changed_rows: list, others: list) -> list:
    """Two current parcels with the same number on the same map sheet. ``others`` are
    (uuid, commune_code, sheet_no, parcel_no) of unchanged current parcels that share a number
    with a changed one."""
    seen = {}
    for uuid, commune, sheet, number in others:
        seen.setdefault((commune, sheet, number), uuid)
    out = []
    for row in changed_rows:
        if row.get("status") != "current":
            continue
        key = (row.get("commune_code"), row.get("sheet_no"), row.get("parcel_no"))
        other = seen.get(key)
        if other and other != row["uuid"]:
            out.append(violation(
                "parcel.number_duplicate", row["uuid"], _label(row),
                f"Parcel number {_label(row)} is already used by another current parcel on map "
                "sheet " f"{row.get('sheet_no')}: give it the next free number.",
                f"Số thửa {_label(row)} đã được dùng cho một thửa khác trên tờ bản đồ "
                f"{row.get('sheet_no')}: đánh số thửa tiếp theo còn trống."))
        seen.setdefault(key, row["uuid"])
    return out


def check_party_rows(rows: list) -> list:
    out = []
    for row in rows:
        try:
            members = tuple(json.loads(row["members"])) if row.get("members") else ()
        except (ValueError, TypeError):
            members = ()
            out.append(violation(
                "party.members", row["uuid"], row.get("name") or "",
                "The members of this household or couple are not a list of party ids.",
                "Danh sách thành viên của hộ/cặp vợ chồng không hợp lệ."))
        party = Party(row.get("kind"), row.get("name") or "", row["uuid"], row.get("birth_year"),
                      row.get("citizen_id") or "", row.get("tax_code") or "",
                      row.get("user_type") or "", row.get("address") or "", members)
        for issue in check_party(party):
            out.append(violation(issue.code, row["uuid"], issue.where, issue.en, issue.vi))
    return out


def check_right_shares(shares_by_right: dict) -> list:
    """``{right_uuid: [(party_uuid, share text), ...]}`` for every right whose shares changed
    and that still exists."""
    out = []
    for right, shares in shares_by_right.items():
        parsed = []
        for party, text in shares:
            try:
                parsed.append(Share(party, Fraction(str(text))))
            except (ValueError, ZeroDivisionError):
                out.append(violation(
                    "shares.format", right, "",
                    f"Share '{text}' is not a fraction such as 1, 1/2 or 0.25.",
                    f"Phần quyền '{text}' không phải là phân số như 1, 1/2 hoặc 0.25."))
        if len(parsed) == len(shares):
            for issue in check_shares(parsed, right):
                out.append(violation(issue.code, right, "", issue.en, issue.vi))
    return out
