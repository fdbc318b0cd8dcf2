"""The findings of a refused change set on the map: what the server (or the pre-push check)
found wrong, where. Each finding is drawn at the location it names, or over the whole parcel
when it names only the parcel (a duplicate number, an unknown land-use code).

The layers are the topology check's error layers (same styling, same columns), in a group of
their own named after the working copy, refilled in place at the next refusal.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field

from qgis.PyQt.QtCore import QCoreApplication

from ..quality.error_layers import ErrorLayers


@dataclass
class SyncFinding:
    """A violation of the wire format (``{rule, parcel, label, geometry, message_en,
    message_vi}``) as the error layers expect a finding."""

    rule: str
    en: str
    vi: str
    geometry: object = None  # shapely
    parcels: list = field(default_factory=list)
    severity: str = "error"
    fixable: bool = False

    def message(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


def findings(violations: list, path: str) -> list:
    """SyncFindings for ``violations``, located with the working copy at ``path``."""
    import shapely

    from ...core import gpkg
    from ...core.working_copy import WorkingCopy

    wanted = {v.get("parcel") for v in violations if v.get("parcel") and not v.get("geometry")}
    shapes = {}
    if wanted:
        with WorkingCopy.open(path) as wc:
            marks = ",".join("?" * len(wanted))
            rows = wc.conn.execute(f"SELECT uuid, geom FROM parcels WHERE uuid IN ({marks})",
                                   sorted(wanted)).fetchall()
        shapes = dict(zip([r[0] for r in rows], gpkg.decode([r[1] for r in rows])))
    out = []
    for v in violations:
        geometry = v.get("geometry")
        geom = shapely.from_geojson(json.dumps(geometry)) if geometry else \
            shapes.get(v.get("parcel"))
        label = v.get("label") or ""
        out.append(SyncFinding(str(v.get("rule") or ""), v.get("message_en") or "",
                               v.get("message_vi") or v.get("message_en") or "", geom,
                               [label] if label else []))
    return out


class ViolationLayers(ErrorLayers):
    """The error layers of one working copy's last refused push."""

    def group_name(self) -> str:
        return QCoreApplication.translate("SyncViolationLayers", "Push refused: {name}").format(
            name=os.path.basename(self.path))

    def show_violations(self, violations: list, crs_epsg: int) -> dict:
        return self.show(findings(violations, self.path), crs_epsg)
