"""Import of one DGN v7 cadastral sheet into a new or an existing working copy."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from ..core.imports.dgn_parcels import CIRCULAR_25_LEVELS, Levels, parcels_from_elements
from ..core.imports.report import ImportReport
from ..core.imports.target import (open_or_create, reject_existing, sheet_for, take,
                                   write_parcels)
from ..core.messages import CadastreError
from ..core.model import Commune
from ..core.sheets import point_accuracy_m
from .dgn import read_elements


def check_sheet_no(sheet_no) -> int:
    if isinstance(sheet_no, bool) or not isinstance(sheet_no, int) or sheet_no < 1:
        raise CadastreError(
            "import.sheet_no", f"The map sheet number must be a whole number from 1 up, not "
            f"{sheet_no!r}.", f"Số hiệu tờ bản đồ phải là số nguyên từ 1 trở lên, không phải "
            f"{sheet_no!r}.")
    return sheet_no


def import_dgn(path: str, output: str, commune: Optional[Commune], sheet_no: int, scale: int,
               tolerance: Optional[float] = None, area_tolerance_m2: Optional[float] = None,
               levels: Levels = CIRCULAR_25_LEVELS) -> ImportReport:
    """Reads ``path``, builds its parcels and writes them into ``output``.

    A new working copy is created for ``commune`` (its CRS is the sheet's: DGN files carry
    none) and loaded without journal entries, being the starting state; into an existing one
    the parcels go as one journalled ``import-dgn`` operation."""
    check_sheet_no(sheet_no)
    point_accuracy_m(scale)  # refuses a scale that is not a cadastral one, before any work
    elements = read_elements(path)
    built = parcels_from_elements(elements, scale, sheet_no, tolerance, area_tolerance_m2, levels)
    report = ImportReport(source=str(path), kind="dgn")
    report.read = built.summary["polygons_built"]
    report.extend(built.problems)
    wc, created = open_or_create(output, commune)
    try:
        n = len(built.geoms)
        columns = {"commune_code": [wc.commune.code] * n, "sheet_no": [sheet_no] * n,
                   **built.columns}
        keep, dup = reject_existing(wc, built.geoms, columns)
        report.extend(dup)
        geoms, columns = take(keep, built.geoms, columns)
        sheet = sheet_for(wc.commune, sheet_no, scale, built.geoms)
        report.imported = write_parcels(wc, geoms, columns, "import-dgn", journal=not created,
                                        sheets=[sheet])
    except BaseException:
        wc.close()
        if created:  # leave no half-filled new working copy behind
            Path(output).unlink(missing_ok=True)
        raise
    wc.close()
    report.summary = {**built.summary, "output": str(output), "created": created,
                      "sheet_no": sheet_no, "scale": scale}
    return report
