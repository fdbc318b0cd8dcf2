"""Import of a parcel layer from shapefile, MapInfo, GeoPackage, GeoJSON, EDIGEO... through a
field mapping, reprojected into the working copy's CRS."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import numpy as np

from ..core.imports import presets
from ..core.imports.mapping import FieldMapping, Source
from ..core.imports.report import ImportReport, problem
from ..core.imports.reproject import crs_name, resolve_source_crs, to_target
from ..core.imports.rows import map_rows
from ..core.imports.target import (open_or_create, reject_existing, sheet_for, take,
                                   write_parcels)
from ..core.model import Commune
from ..core.sheets import point_accuracy_m
from .dgn_import import check_sheet_no
from .ogr_source import read_layer


def choose_mapping(fields, mapping: Optional[FieldMapping], preset: Optional[str],
                   sheet: Optional[int]) -> FieldMapping:
    """The mapping given, else the preset named, else the preset that fits the fields best;
    ``sheet`` (--sheet) fixes the sheet number for every row, whatever the mapping says."""
    if mapping is None:
        mapping = presets.preset(preset, fields) if preset else presets.auto(fields)
    if sheet is not None:
        mapping.fields["sheet_no"] = Source(value=check_sheet_no(sheet))
    mapping.check(fields)
    return mapping


def import_source(path: str, output: str, commune: Optional[Commune], layer: Optional[str] = None,
                  mapping: Optional[FieldMapping] = None, preset: Optional[str] = None,
                  source_epsg: Optional[int] = None, sheet: Optional[int] = None,
                  scale: int = 1000, encoding: Optional[str] = None,
                  save_mapping: Optional[str] = None) -> ImportReport:
    point_accuracy_m(scale)  # a cadastral scale, checked before any work
    src = read_layer(path, layer, encoding)
    mapping = choose_mapping(src.fields, mapping, preset, sheet)
    if save_mapping:
        mapping.save(save_mapping)
    report = ImportReport(source=str(path), kind=f"{src.driver}:{src.name}")
    report.read = len(src.records)
    if not src.records:
        report.add(problem(
            "import.empty_source", "warning",
            f"The layer '{src.name}' has no rows; nothing was imported. Check the layer "
            "(--layer) or the file.",
            f"Lớp '{src.name}' không có dòng nào; không có gì được nhập. Hãy kiểm tra lớp "
            "(--layer) hoặc tệp."))
    wc, created = open_or_create(output, commune)
    try:
        target_epsg = wc.commune.crs_epsg
        source_crs = f"EPSG:{source_epsg}" if source_epsg else src.crs
        if source_crs is None:
            report.add(problem(
                "import.crs_assumed", "warning",
                f"The source has no CRS; its coordinates were taken as EPSG:{target_epsg} (the "
                "working copy's). If they are not, import again with --source-crs.",
                f"Nguồn dữ liệu không có hệ tọa độ; tọa độ được coi là EPSG:{target_epsg} (của "
                "bản sao làm việc). Nếu không đúng, hãy nhập lại với --source-crs."))
        elif source_epsg is None:
            source_crs, reinterpreted = resolve_source_crs(source_crs)
            if reinterpreted is not None:
                report.add(reinterpreted)
        geoms = to_target(src.geoms, source_crs, target_epsg)
        existing = {u for (u,) in wc.conn.execute("SELECT uuid FROM parcels")}
        mapped = map_rows(src.records, geoms, src.fids, mapping, wc.commune.code, scale,
                          existing_uuids=existing)
        report.extend(mapped.problems)
        keep, dup = reject_existing(wc, mapped.geoms, mapped.columns, mapped.rows)
        report.extend(dup)
        kept, columns, holders = take(keep, mapped.geoms, mapped.columns, mapped.holders)
        holders = holders if "holder" in mapping.fields else None
        sheets = _sheets(wc.commune, columns, kept, scale)
        report.imported = write_parcels(wc, kept, columns, "import", journal=not created,
                                        sheets=sheets, holders=holders)
    except BaseException:
        wc.close()
        if created:
            Path(output).unlink(missing_ok=True)
        raise
    wc.close()
    report.summary = {"output": str(output), "created": created, "layer": src.name,
                      "mapping": mapping.to_json()["fields"], "source_crs": crs_name(source_crs),
                      "crs_epsg": target_epsg}
    return report


def _sheets(commune: Commune, columns: dict, geoms, scale: int) -> list:
    geoms = np.asarray(geoms, dtype=object)
    sheet_nos = np.asarray(columns["sheet_no"])
    return [sheet_for(commune, int(s), scale, geoms[sheet_nos == s])
            for s in sorted(set(columns["sheet_no"]))]
