"""`cadastre import-vfk`: a Czech register (VFK) into a new working copy, with a report that
compares every block of the source with what the working copy holds.

The import is one unjournalled operation (the data is the working copy's starting point,
not an edit to push), so a failure leaves no half-written file: the working copy is made
under a temporary name by WorkingCopy.create and removed again if loading fails.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..core.messages import preferred_language
from ..core.working_copy import WorkingCopy
from .vfk import read_vfk
from .vfk_mapping import Mapped, map_register


@dataclass
class VfkReport:
    output: str
    files: list
    commune: dict
    blocks: list  # BlockReport
    issues: list  # Issue
    counts: dict = field(default_factory=dict)  # what the working copy holds

    def lines(self, lang: Optional[str] = None) -> list:
        vi = (lang or preferred_language()) == "vi"
        out = []
        head = ("Khối", "Nguồn", "Đích", "Đã chuyển", "Ghi chú") if vi else \
            ("Block", "Source", "Target", "Mapped", "Note")
        out.append(f"{head[0]:<8} {head[1]:>6}  {head[2]:<14} {head[3]:>9}  {head[4]}")
        for b in self.blocks:
            target = b.target or ("(không chuyển)" if vi else "(not mapped)")
            mapped = "" if b.mapped is None else str(b.mapped)
            out.append(f"{b.block:<8} {b.source:>6}  {target:<14} {mapped:>9}  "
                       f"{b.note[1] if vi else b.note[0]}")
        for issue in self.issues:
            out.append(("! " if issue.code != "vfk.names_missing" else "i ") + issue.text(
                "vi" if vi else "en"))
        return out

    def to_dict(self) -> dict:
        return {"output": self.output, "files": self.files, "commune": self.commune,
                "counts": self.counts,
                "blocks": [{"block": b.block, "source": b.source, "target": b.target,
                            "mapped": b.mapped, "note": b.note[0]} for b in self.blocks],
                "issues": [{"code": i.code, "en": i.en, "vi": i.vi, "where": i.where}
                           for i in self.issues]}

    @property
    def problems(self) -> list:
        """Issues that lost or altered data (names filled in for anonymised owners are not)."""
        return [i for i in self.issues if i.code != "vfk.names_missing"]


def _write(wc: WorkingCopy, mapped: Mapped) -> None:
    with wc.operation("import_vfk", journal=False) as conn:
        wc.add_sheets(conn, mapped.sheets)
        columns = {k: v for k, v in mapped.parcels.items() if k != "geometry"}
        wc.add_parcels(conn, mapped.parcels["geometry"], columns)
        conn.executemany("INSERT INTO parties (uuid, kind, name, birth_year, citizen_id, "
                         "tax_code, user_type, address, members) VALUES (?,?,?,?,?,?,?,?,?)",
                         mapped.parties)
        conn.executemany("INSERT INTO rights (uuid, parcel_uuid, kind, landuse, term_end, "
                         "valid_from) VALUES (?,?,?,?,?,?)", mapped.rights)
        conn.executemany("INSERT INTO right_shares (right_uuid, party_uuid, share) "
                         "VALUES (?,?,?)", mapped.shares)
        conn.executemany("INSERT INTO certificates (uuid, serial, entry_no, issue_date, "
                         "authority) VALUES (?,?,?,?,?)", mapped.certificates)
        conn.executemany("INSERT INTO certificate_parcels (certificate_uuid, parcel_uuid) "
                         "VALUES (?,?)", mapped.certificate_parcels)
        conn.executemany("INSERT INTO restrictions (uuid, parcel_uuid, kind, creditor_uuid, "
                         "registered_on, note) VALUES (?,?,?,?,?,?)", mapped.restrictions)
        conn.executemany("INSERT INTO external_ids (object_table, object_uuid, source, "
                         "external_id, label) VALUES (?,?,?,?,?)", mapped.external_ids)
        conn.executemany("INSERT OR REPLACE INTO cadastre_meta VALUES (?, ?)",
                         [("source_format", "VFK"), ("source_unit_code", mapped.unit_code)])


def _holdings(wc: WorkingCopy) -> int:
    """Distinct (title deed, holder, right kind) shares in the working copy: what the VLA
    ownership records became, counted back from the stored rights."""
    return wc.conn.execute(
        "SELECT count(*) FROM (SELECT DISTINCT cp.certificate_uuid, s.party_uuid, r.kind "
        "FROM certificate_parcels cp JOIN rights r ON r.parcel_uuid = cp.parcel_uuid "
        "JOIN right_shares s ON s.right_uuid = r.uuid)").fetchone()[0]


def import_vfk(paths, output: str, commune_code: Optional[str] = None,
               overwrite: bool = False) -> VfkReport:
    source = read_vfk(paths)
    mapped = map_register(source, commune_code)
    wc = WorkingCopy.create(output, mapped.commune, overwrite=overwrite)
    try:
        _write(wc, mapped)
        counts = {"parcels": wc.count("parcels"), "parties": wc.count("parties"),
                  "ownership_records": _holdings(wc), "rights": wc.count("rights"),
                  "right_shares": wc.count("right_shares"),
                  "certificates": wc.count("certificates"),
                  "restrictions": wc.count("restrictions"), "map_sheets": wc.count("map_sheets")}
    except BaseException:
        wc.close()
        Path(output).unlink(missing_ok=True)
        raise
    wc.close()
    mapped_counts = {"PAR": counts["parcels"], "OPSUB": counts["parties"],
                     "VLA": mapped.vla_mapped, "TEL": counts["certificates"],
                     "JPV": mapped.jpv_mapped, "KATUZE": 1, "MAPLIS": counts["map_sheets"]}
    for block in mapped.blocks:
        if block.block in mapped_counts:
            block.mapped = mapped_counts[block.block]
    c = mapped.commune
    commune = {"code": c.code, "name": c.name, "source_unit_code": mapped.unit_code,
               "district": c.district_name, "region": c.province_name, "crs_epsg": c.crs_epsg}
    return VfkReport(str(output), source.files, commune, mapped.blocks, mapped.issues, counts)


def write_report(report: VfkReport, path: str) -> None:
    Path(path).write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=2),
                          encoding="utf-8")
