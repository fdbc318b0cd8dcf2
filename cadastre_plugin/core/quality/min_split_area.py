"""Per-province minimum split areas (Land Law 2024 art. 220), read from
``min_split_area.json``: configuration with its legal citation, not code, because each
province sets (and revises) its own by decision."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..crs import fold
from ..messages import CadastreError

CONFIG = Path(__file__).with_name("min_split_area.json")


@dataclass(frozen=True)
class Threshold:
    landuse: frozenset
    min_area_m2: float
    min_width_m: float | None
    zone_en: str
    zone_vi: str


@dataclass(frozen=True)
class MinSplitAreas:
    """The thresholds that apply in one commune."""

    province_code: str
    province_name: str
    citation: str
    verified: bool
    thresholds: tuple

    def for_landuse(self, code: str) -> Threshold | None:
        for t in self.thresholds:
            if code in t.landuse:
                return t
        return None


def commune_kind(name: str) -> str:
    """'phuong', 'thi_tran' or 'xa' from the commune's name ('Phường Đằng Giang' -> 'phuong')."""
    folded = fold(name or "")
    for kind, prefix in (("phuong", "phuong "), ("thi_tran", "thi tran "), ("xa", "xa ")):
        if folded.startswith(prefix):
            return kind
    return ""


def load_config(path: str | Path | None = None) -> dict:
    path = Path(path) if path else CONFIG
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        provinces = data["provinces"]
    except (OSError, ValueError, KeyError) as exc:
        raise CadastreError(
            "quality.min_split_config",
            f"Cannot read the minimum split area configuration '{path}': {exc}.",
            f"Không đọc được cấu hình diện tích tối thiểu tách thửa '{path}': {exc}.") from None
    return provinces


def for_commune(commune, path: str | Path | None = None) -> MinSplitAreas | None:
    """The thresholds for a model.Commune, or None when its province is not configured."""
    if commune is None or not commune.province_code:
        return None
    entry = load_config(path).get(str(commune.province_code).zfill(2))
    if entry is None:
        return None
    kind = commune_kind(commune.name)
    chosen = []
    for t in entry.get("thresholds", []):
        kinds = t.get("commune_kinds")
        districts = t.get("district_codes")
        communes = t.get("commune_codes")
        if kinds is not None and kind not in kinds:
            continue
        if districts is not None and str(commune.district_code) not in districts:
            continue
        if communes is not None and str(commune.code) not in communes:
            continue
        chosen.append(Threshold(frozenset(t["landuse"]), float(t["min_area_m2"]),
                                t.get("min_width_m"), t.get("zone_en", ""), t.get("zone_vi", "")))
    return MinSplitAreas(str(commune.province_code).zfill(2), entry.get("name", ""),
                         entry.get("citation", ""), bool(entry.get("verified", False)),
                         tuple(chosen))
