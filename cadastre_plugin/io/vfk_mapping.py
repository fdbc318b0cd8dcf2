"""The Czech register (VFK blocks) mapped onto the Cadastre Editor model. Pure Python.

The mapping, block by block (VFK.md has the reasoning and the field tables):

* KATUZE (cadastral unit) -> the commune; OBCE/OKRESY/NKRAJE give district and region names.
  The 6-digit unit code keeps its last 5 digits as commune code (Vietnamese codes have 5);
  the full code is kept in ``cadastre_meta``.
* MAPLIS (map sheet) -> map sheet, framed by its parcels' extent (VFK has no sheet frame).
* PAR (parcel) -> parcel: GDAL's polygon, legal area VYMERA_PARCELY, land use from DRUPOZ
  (and ZPVYPA) through ``vfk_codes.json``; numbered by the Vietnamese rule per sheet, the
  Czech number ("st. 5/1") kept as a source identifier.
* OPSUB (owner) -> party (natural person, legal person, spouses' community property).
* TEL (title deed, list vlastnictví) -> certificate "LV <number>" over the deed's parcels.
* VLA (ownership record) -> a share of the right of each parcel of its title deed; ownership
  gives the land-use right, the rights to manage state property a management right.
* JPV (other legal relations) -> restrictions: liens as mortgages, easements, other.

Everything else is counted and reported with the reason it is not mapped.
"""
from __future__ import annotations

import functools
import json
from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Optional

import numpy as np
import shapely

from ..core.area import round_area
from ..core.messages import Issue
from ..core.model import Commune, MapSheet, new_uuid
from ..core.numbering import number_parcels

CRS_EPSG = 5514  # S-JTSK / Krovak East North, the CRS of VFK coordinates
SHEET_SCALE = 1000  # digital cadastral maps (DKM) are surveyed to 1:1000 accuracy
SOURCE = "vfk"

# Blocks read to build the parcel polygons (GDAL does it) or used as code lists.
GEOMETRY_BLOCKS = {"SOBR", "SBP", "SBM", "HP"}
CODE_BLOCKS = {"TYPRAV", "DRUPOZ", "ZPVYPO", "CHAROS", "OBCE", "OKRESY", "NKRAJE"}
# Why the other blocks are not mapped: blocks -> (English, Vietnamese).
_UNMAPPED_GROUPS = (
    (("BUD",), ("buildings: the model has no building table (ownership of attached assets "
                "would need one)", "công trình xây dựng: mô hình chưa có bảng tài sản gắn "
                "liền với đất")),
    (("ADROBJ", "BUDOBJ", "CASOBC", "TYPBUD", "ZPVYBU", "UCEL", "TYPJED", "ZPVYJE"),
     ("addresses, types and uses of buildings and units", "địa chỉ, loại và mục đích của công "
      "trình, căn hộ")),
    (("BDP", "HBPEJ", "OBPEJ"), ("soil quality units (BPEJ), a Czech valuation notion, and "
                                 "their map boundaries", "đơn vị chất lượng đất (BPEJ) của "
                                 "Séc và ranh giới của chúng")),
    (("RZO", "ZDPAZE", "ZPURVY", "ZPOCHN"), ("protection regimes and how parcel areas were "
                                             "determined", "chế độ bảo vệ và cách xác định "
                                             "diện tích thửa")),
    (("LISTIN", "RIZENI", "OBJRIZ", "PRERIZ", "RIZKU", "RL", "LDU", "DUL", "TYPLIS", "TYPRIZ",
      "TYPPRE"), ("past proceedings and their documents: the register's own history, not "
                  "transactions recorded here", "các thủ tục đã giải quyết và văn bản của chúng: "
                  "lịch sử của sổ Séc")),
    (("DPM", "OB", "OBBP", "OP", "OBDEBO", "ZVB", "SPOL", "KODCHB", "TYPSOS", "TYPPPD"),
     ("map drawing: other lines, symbols, labels, easement outlines, point codes",
      "nội dung trình bày bản đồ: đường khác, ký hiệu, nhãn, phạm vi quyền, mã điểm")),
)
UNMAPPED = {block: reason for blocks, reason in _UNMAPPED_GROUPS for block in blocks}
UNMAPPED_GENERIC = ("not part of the Cadastre Editor model", "không thuộc mô hình của "
                    "Cadastre Editor")


@functools.lru_cache(maxsize=1)
def codes() -> dict:
    return json.loads(Path(__file__).with_name("vfk_codes.json").read_text(encoding="utf-8"))


def iso_moment(value: Optional[str]) -> Optional[str]:
    """'15.04.2020 09:06:33' -> '2020-04-15T09:06:33Z' (VFK times, taken as they are)."""
    if not value:
        return None
    day, _, time = value.partition(" ")
    d, m, y = day.split(".")
    return f"{y}-{m}-{d}T{time or '00:00:00'}Z"


def iso_date(value: Optional[str]) -> Optional[str]:
    moment = iso_moment(value)
    return moment[:10] if moment else None


@dataclass
class BlockReport:
    block: str
    source: int
    target: str  # table it went to, 'geometry', 'code list', or '' (not mapped)
    mapped: Optional[int] = None
    note: tuple = ("", "")  # (English, Vietnamese)


@dataclass
class Mapped:
    commune: Commune
    unit_code: str
    sheets: list = field(default_factory=list)
    parcels: dict = field(default_factory=dict)  # column -> list, plus 'geometry'
    parties: list = field(default_factory=list)  # tuples for the parties table
    rights: list = field(default_factory=list)
    shares: list = field(default_factory=list)
    certificates: list = field(default_factory=list)
    certificate_parcels: list = field(default_factory=list)
    restrictions: list = field(default_factory=list)
    external_ids: list = field(default_factory=list)
    blocks: list = field(default_factory=list)
    issues: list = field(default_factory=list)
    vla_mapped: int = 0
    jpv_mapped: int = 0


class _Mapper:
    def __init__(self, source, commune_code: Optional[str]):
        self.rows, self.counts = source.rows, source.blocks
        self.geometries = source.geometries
        self.codes = codes()
        self.par_uuid: dict = {}
        self.party_uuid: dict = {}
        self.parcels_of_tel = defaultdict(list)
        self.landuse: dict = {}
        unit = self._unit()
        self.out = Mapped(self._commune(unit, commune_code), str(unit.get("KOD", "")))

    def issue(self, code, en, vi, where="", **details) -> None:
        self.out.issues.append(Issue(code, en, vi, where, details))

    # -- the commune and its sheets ----------------------------------------------------------
    def _unit(self) -> dict:
        used = {r.get("KATUZE_KOD") for r in self.rows["PAR"]}
        units = [r for r in self.rows["KATUZE"] if r.get("KOD") in used]
        if not units:
            return {"KOD": next(iter(used), 0), "NAZEV": ""}
        return units[0]

    def _commune(self, unit: dict, commune_code: Optional[str]) -> Commune:
        municipality = {r["KOD"]: r for r in self.rows["OBCE"]}.get(unit.get("OBCE_KOD"), {})
        district = {r["KOD"]: r for r in self.rows["OKRESY"]}.get(municipality.get("OKRESY_KOD"),
                                                                 {})
        region = {r["KOD"]: r for r in self.rows["NKRAJE"]}.get(district.get("NKRAJE_KOD"), {})
        code = commune_code or f"{int(unit.get('KOD') or 0) % 100000:05d}"
        return Commune(code, unit.get("NAZEV", ""), CRS_EPSG,
                       str(district.get("KOD", "")), district.get("NAZEV", ""),
                       str(region.get("KOD", "")), region.get("NAZEV", ""))

    # -- parcels -----------------------------------------------------------------------------
    def _landuse(self, row: dict) -> str:
        kind, use = row.get("DRUPOZ_KOD"), row.get("ZPVYPA_KOD")
        by_use = self.codes["landuse_by_drupoz_and_use"].get(f"{kind}/{use}")
        if by_use:
            return by_use[0]
        by_kind = self.codes["landuse_by_drupoz"].get(str(kind))
        if by_kind:
            return by_kind[0]
        self.issue("vfk.landuse_unmapped",
                   f"Land type {kind} (use {use}) has no land-use code in vfk_codes.json; the "
                   "parcel was imported without land use: add the code to the mapping.",
                   f"Loại đất {kind} (mục đích {use}) chưa có mã loại đất trong vfk_codes.json; "
                   "thửa được nhập không có mục đích sử dụng: hãy bổ sung bảng chuyển đổi.",
                   str(row.get("ID")))
        return ""

    @staticmethod
    def czech_number(row: dict) -> str:
        number = str(row.get("KMENOVE_CISLO_PAR", ""))
        if row.get("PODDELENI_CISLA_PAR"):
            number += f"/{row['PODDELENI_CISLA_PAR']}"
        return ("st. " if row.get("DRUH_CISLOVANI_PAR") == 1 else "") + number

    def parcels(self) -> None:
        rows, geoms = [], []
        for row in self.rows["PAR"]:
            wkb = self.geometries.get(row.get("ID"))
            geom = shapely.from_wkb(wkb) if wkb else None
            if geom is not None and geom.geom_type == "MultiPolygon" and len(geom.geoms) == 1:
                geom = geom.geoms[0]
            if geom is None or geom.is_empty or geom.geom_type != "Polygon":
                self.issue("vfk.parcel_geometry",
                           f"Parcel {self.czech_number(row)} has no polygon that GDAL could build "
                           "from the boundary lines; it was not imported. Check the map file.",
                           f"Thửa {self.czech_number(row)} không có ranh giới khép kín để GDAL "
                           "dựng vùng; thửa không được nhập. Hãy kiểm tra tệp bản đồ.",
                           self.czech_number(row))
                continue
            rows.append(row)
            geoms.append(shapely.orient_polygons(geom) if hasattr(shapely, "orient_polygons")
                         else geom)
        sheets = sorted({r.get("MAPLIS_KOD") for r in rows}, key=lambda v: (v is None, v or 0))
        names = {r["ID"]: r.get("OZNACENI_MAPOVEHO_LISTU", "") for r in self.rows["MAPLIS"]}
        geoms = np.array(geoms, dtype=object)
        sheet_of = np.array([sheets.index(r.get("MAPLIS_KOD")) + 1 for r in rows])
        numbers = np.zeros(len(rows), dtype=np.int64)
        for k, sheet in enumerate(sheets, 1):
            on = np.flatnonzero(sheet_of == k)
            numbers[on] = number_parcels(geoms[on])
            frame = shapely.box(*shapely.total_bounds(geoms[on]))
            self.out.sheets.append(MapSheet(self.out.commune.code, k, str(names.get(sheet, sheet)
                                                                          or ""),
                                            SHEET_SCALE, CRS_EPSG, frame))
        uuids = [new_uuid() for _ in rows]
        for row, uuid in zip(rows, uuids):
            self.par_uuid[row["ID"]] = uuid
            self.landuse[uuid] = self._landuse(row)
            if row.get("TEL_ID"):
                self.parcels_of_tel[row["TEL_ID"]].append(uuid)
            self.out.external_ids.append(("parcels", uuid, "vfk:PAR", str(row["ID"]),
                                          self.czech_number(row)))
        self.out.parcels = {
            "uuid": uuids, "commune_code": [self.out.commune.code] * len(rows),
            "sheet_no": sheet_of.tolist(), "parcel_no": numbers.tolist(),
            "area": round_area(shapely.area(geoms)).tolist() if len(rows) else [],
            "legal_area": [float(r["VYMERA_PARCELY"]) if r.get("VYMERA_PARCELY") else None
                           for r in rows],
            "landuse": [self.landuse[u] for u in uuids], "address": [""] * len(rows),
            "valid_from": [iso_moment(r.get("DATUM_VZNIKU")) for r in rows],
            "geometry": geoms}

    # -- parties -----------------------------------------------------------------------------
    def parties(self) -> None:
        kinds = self.codes["party_kind_by_opsub_type"]
        user_types = self.codes["user_type_by_charos"]
        unnamed = defaultdict(int)
        rows = sorted(self.rows["OPSUB"], key=lambda r: str(r.get("ID")))
        for row in rows:
            self.party_uuid[row["ID"]] = new_uuid()
        for row in rows:
            opsub_type = row.get("OPSUB_TYPE", "")
            kind = kinds.get(opsub_type, ["organisation"])[0]
            name = self._party_name(row, kind, unnamed)
            default_type = "GDC" if kind != "organisation" else "TKT"
            user_type = user_types.get(str(row.get("CHAROS_KOD")), [default_type])[0]
            members = [self.party_uuid[m] for m in (row.get("ID_JE_1_PARTNER_BSM"),
                                                    row.get("ID_JE_2_PARTNER_BSM"))
                       if m in self.party_uuid]
            uuid = self.party_uuid[row["ID"]]
            self.out.parties.append((uuid, kind, name, None, None, None, user_type,
                                     self._address(row) or None,
                                     json.dumps(members) if members else None))
            label = f"IČO {row['ICO']}" if row.get("ICO") else opsub_type
            self.out.external_ids.append(("parties", uuid, "vfk:OPSUB", str(row["ID"]), label))
        if unnamed:
            total = sum(unnamed.values())
            self.issue("vfk.names_missing",
                       f"{total} owners have no name in the file (the published sample is "
                       "anonymised); they were named by kind and number, e.g. 'Fyzická osoba 1'.",
                       f"{total} chủ sở hữu không có tên trong tệp (dữ liệu mẫu đã ẩn danh); họ "
                       "được đặt tên theo loại và số thứ tự, ví dụ 'Fyzická osoba 1'.")
        if any(r.get("RODNE_CISLO") for r in rows):
            self.issue("vfk.birth_numbers",
                       "Czech birth numbers (rodné číslo) were not imported: they are not "
                       "Vietnamese citizen IDs (CCCD).",
                       "Số nhận dạng cá nhân của Séc (rodné číslo) không được nhập: đó không "
                       "phải số CCCD.")

    @staticmethod
    def _party_name(row: dict, kind: str, unnamed: dict) -> str:
        if kind == "organisation":
            if row.get("NAZEV"):
                return row["NAZEV"]
            if row.get("ICO"):
                return f"Právnická osoba IČO {row['ICO']}"
        parts = [row.get(k) for k in ("TITUL_PRED_JMENEM", "JMENO", "PRIJMENI",
                                       "TITUL_ZA_JMENEM") if row.get(k)]
        if parts:
            return " ".join(parts)
        unnamed[kind] += 1
        prefix = {"individual": "Fyzická osoba", "couple": "SJM manželé"}.get(kind,
                                                                            "Právnická osoba")
        return f"{prefix} {unnamed[kind]}"

    @staticmethod
    def _address(row: dict) -> str:
        street = " ".join(str(row[k]) for k in ("NAZEV_ULICE", "CISLO_DOMOVNI") if row.get(k))
        place = " ".join(str(row[k]) for k in ("PSC", "OBEC") if row.get(k))
        return ", ".join(x for x in (street, row.get("CAST_OBCE"), place) if x)

    # -- title deeds and ownership -----------------------------------------------------------
    def certificates(self) -> None:
        authority = f"Katastrální úřad, k.ú. {self.out.commune.name}"
        for row in self.rows["TEL"]:
            parcels = self.parcels_of_tel.get(row["ID"], [])
            uuid = new_uuid()
            self.out.certificates.append((uuid, f"LV {row.get('CISLO_TEL')}",
                                          str(row.get("CISLO_TEL")),
                                          iso_date(row.get("DATUM_VZNIKU")), authority))
            self.out.certificate_parcels += [(uuid, p) for p in parcels]
            self.out.external_ids.append(("certificates", uuid, "vfk:TEL", str(row["ID"]),
                                          f"LV {row.get('CISLO_TEL')}"))

    def ownership(self) -> None:
        right_kinds = self.codes["right_kind_by_typrav"]
        typrav = {r["KOD"]: r for r in self.rows["TYPRAV"]}
        groups = defaultdict(list)  # (title deed, right kind) -> VLA rows
        for row in self.rows["VLA"]:
            code = str(row.get("TYPRAV_KOD"))
            if code not in right_kinds:
                self.issue("vfk.right_type_unmapped",
                           f"Ownership record {row.get('ID')} has right type {code} "
                           f"({typrav.get(code, {}).get('NAZEV', '?')}), which has no right kind "
                           "in vfk_codes.json; it was not imported.",
                           f"Bản ghi sở hữu {row.get('ID')} có loại quyền {code} chưa có trong "
                           "vfk_codes.json; bản ghi không được nhập.", str(row.get("ID")))
                continue
            if not self.parcels_of_tel.get(row.get("TEL_ID")):
                self.issue("vfk.record_without_parcel",
                           f"Ownership record {row.get('ID')} is on a title deed with no parcel "
                           "of this unit (buildings or units only); it was not imported.",
                           f"Bản ghi sở hữu {row.get('ID')} thuộc giấy chứng nhận không có thửa "
                           "nào của đơn vị này; bản ghi không được nhập.", str(row.get("ID")))
                continue
            groups[(row["TEL_ID"], right_kinds[code][0])].append(row)
        for (tel, kind), rows in groups.items():
            shares = defaultdict(Fraction)
            for row in rows:
                numerator = int(row.get("PODIL_CITATEL") or 1)
                denominator = int(row.get("PODIL_JMENOVATEL") or 1)
                shares[self.party_uuid[row["OPSUB_ID"]]] += Fraction(numerator, denominator)
            self.out.vla_mapped += len(rows)
            total = sum(shares.values(), Fraction(0))
            if total != 1:
                self.issue("vfk.shares_sum",
                           f"The {kind} shares of title deed {tel} sum to {total}, not 1; they "
                           "were imported as they are: check the deed.",
                           f"Tổng phần quyền ({kind}) của giấy chứng nhận {tel} là {total}, không "
                           "bằng 1; đã nhập nguyên trạng: hãy kiểm tra.", str(tel))
            start = min((iso_moment(r.get("DATUM_VZNIKU")) or "" for r in rows), default=None)
            for parcel in self.parcels_of_tel[tel]:
                right = new_uuid()
                self.out.rights.append((right, parcel, kind, self.landuse[parcel] or None,
                                        None, start or None))
                self.out.shares += [(right, party, str(share)) for party, share in shares.items()]

    def restrictions(self) -> None:
        kinds = self.codes["restriction_kind_by_typrav"]
        typrav = {r["KOD"]: r for r in self.rows["TYPRAV"]}
        par_labels = {r["ID"]: self.czech_number(r) for r in self.rows["PAR"]}
        for row in self.rows["JPV"]:
            code = str(row.get("TYPRAV_KOD"))
            kind = kinds.get(code, ["other"])[0]
            name = typrav.get(code, {}).get("NAZEV", code)
            targets = ([self.par_uuid[row["PAR_ID_K"]]] if row.get("PAR_ID_K") in self.par_uuid
                       else self.parcels_of_tel.get(row.get("TEL_ID"), []))
            if not targets:
                self.issue("vfk.relation_without_parcel",
                           f"Legal relation {row.get('ID')} ({name}) does not concern a parcel of "
                           "this unit (a building, a unit or a person); it was not imported.",
                           f"Quan hệ pháp lý {row.get('ID')} ({name}) không liên quan đến thửa "
                           "nào của đơn vị này; không được nhập.", str(row.get("ID")))
                continue
            note = name + (f": {row['POPIS_PRAVNIHO_VZTAHU']}"
                           if row.get("POPIS_PRAVNIHO_VZTAHU") else "")
            if row.get("PAR_ID_PRO"):
                note += f" (ve prospěch parcely {par_labels.get(row['PAR_ID_PRO'], '?')})"
            beneficiary = self.party_uuid.get(row.get("OPSUB_ID_PRO"))
            registered = iso_date(row.get("DATUM_VZNIKU2") or row.get("DATUM_VZNIKU"))
            for parcel in targets:
                uuid = new_uuid()
                self.out.restrictions.append((uuid, parcel, kind, beneficiary, registered, note))
                self.out.external_ids.append(("restrictions", uuid, "vfk:JPV", str(row["ID"]),
                                              name))
            self.out.jpv_mapped += 1

    # -- the report ----------------------------------------------------------------------------
    def report(self) -> None:
        targets = {"PAR": "parcels", "OPSUB": "parties", "VLA": "right_shares",
                   "TEL": "certificates", "JPV": "restrictions", "KATUZE": "communes",
                   "MAPLIS": "map_sheets"}
        notes = {
            "VLA": ("each record is a holder's share of the rights of its title deed's parcels",
                    "mỗi bản ghi là phần quyền của một chủ trên các thửa của giấy chứng nhận"),
            "TEL": ("title deeds (list vlastnictví) as certificates 'LV <number>'",
                    "giấy chứng nhận 'LV <số>' tương ứng với list vlastnictví"),
            "KATUZE": ("the cadastral unit of the parcels; the others are neighbours",
                       "đơn vị hành chính của các thửa; các đơn vị khác là đơn vị liền kề"),
            "JPV": ("other legal relations as restrictions (liens, easements, others)",
                    "các quan hệ pháp lý khác thành hạn chế (thế chấp, quyền sử dụng hạn chế...)"),
        }
        for block, count in sorted(self.counts.items()):
            if block in targets:
                entry = BlockReport(block, count, targets[block], note=notes.get(block, ("", "")))
            elif block in GEOMETRY_BLOCKS:
                entry = BlockReport(block, count, "geometry", note=(
                    "boundary points and lines: GDAL builds the parcel polygons from them",
                    "điểm và đường ranh giới: GDAL dựng vùng thửa từ đó"))
            elif block in CODE_BLOCKS:
                entry = BlockReport(block, count, "code list", note=(
                    "read to map codes and names", "dùng để chuyển đổi mã và tên"))
            else:
                entry = BlockReport(block, count, "", note=UNMAPPED.get(block, UNMAPPED_GENERIC))
            self.out.blocks.append(entry)


def map_register(source, commune_code: Optional[str] = None) -> Mapped:
    """The working-copy rows for a read :class:`~.vfk.VfkSource`, with the report's blocks."""
    mapper = _Mapper(source, commune_code)
    mapper.parcels()
    mapper.parties()
    mapper.certificates()
    mapper.ownership()
    mapper.restrictions()
    mapper.report()
    return mapper.out
