"""Shared helpers of the quality-rule tests."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
import shapely

from cadastre_plugin.core.quality import CheckContext
from cadastre_plugin.core.quality.min_split_area import for_commune

SHARED_DATA = Path(__file__).resolve().parents[3] / ".." / "shared" / "data"
COLUMNS = ("sheet_no", "parcel_no", "landuse", "commune_code", "legal_area")


@dataclass
class Commune:
    """A demo commune's parcels as arrays, with what a context needs besides them."""

    path: Path
    fids: np.ndarray
    ids: np.ndarray
    geoms: np.ndarray
    attrs: dict
    sheets: dict
    commune: object

    def context(self, geoms=None, attrs=None, **kwargs) -> CheckContext:
        attrs = self.attrs if attrs is None else attrs
        return CheckContext(self.geoms if geoms is None else geoms, ids=self.ids, fids=self.fids,
                            **{c: attrs[c] for c in COLUMNS}, commune=self.commune,
                            sheets=self.sheets, min_split=for_commune(self.commune),
                            crs=f"EPSG:{self.commune.crs_epsg}", crs_epsg=self.commune.crs_epsg,
                            **kwargs)

    def frame_edges(self):
        return shapely.union_all(shapely.boundary([s.frame for s in self.sheets.values()]))


def only(findings, rule):
    return [f for f in findings if f.rule == rule]


def shared_data(*parts) -> Path:
    """A path under ../shared/data, or skip the test with the reason when it is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"real test data not available: {path} is missing (see shared/data/README.md)")
    return path


def rect(x0, y0, x1, y1):
    return shapely.box(x0, y0, x1, y1)


def bilingual(finding) -> None:
    """Both messages are there, differ, and name the parcels."""
    assert finding.en and finding.vi and finding.en != finding.vi
