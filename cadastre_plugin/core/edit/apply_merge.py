"""Merge adjacent parcels of one sheet on a working copy."""
from __future__ import annotations

from typing import Sequence

import numpy as np
import shapely

from ..codelists import split_landuse
from ..messages import Issue
from ..working_copy import WorkingCopy
from .edit_session import EditSession, ParcelRow, run_edit
from .merge import MergeCandidate, merge_parcels
from .operation_result import OperationResult
from .shared_vertex import ON_EDGE_EPS


def _merged_attributes(rows: Sequence[ParcelRow]):
    """Land use and address of a merged parcel, with warnings where the parents differ."""
    by_area = sorted(rows, key=lambda r: -r.geom.area)
    codes = list(dict.fromkeys(c for r in by_area for c in split_landuse(r.parcel.landuse)))
    landuse = "+".join(codes)
    warnings = []
    names = ", ".join(r.label for r in rows)
    if len({r.parcel.landuse for r in rows}) > 1:
        warnings.append(Issue(
            "MERGE_LANDUSE_DIFFERS",
            f"The merged parcels had different land uses; the new parcel got {landuse} (largest "
            "parcel's first). Check it against the decision.",
            f"Các thửa được hợp có mục đích sử dụng khác nhau; thửa mới được ghi {landuse} (của "
            "thửa lớn nhất trước). Hãy kiểm tra lại theo quyết định.", names))
    address = by_area[0].parcel.address
    if len({r.parcel.address for r in rows}) > 1:
        warnings.append(Issue(
            "MERGE_ADDRESS_DIFFERS",
            f"The merged parcels had different addresses; the new parcel got that of the largest "
            f"({address}). Correct it if needed.",
            f"Các thửa được hợp có địa chỉ khác nhau; thửa mới lấy địa chỉ của thửa lớn nhất "
            f"({address}). Hãy sửa nếu cần.", names))
    return landuse, address, warnings


def apply_merge(wc: WorkingCopy, parcel_uuids: Sequence[str], *, tolerance: float | None = None,
                legal_area: float | None = None, transaction_uuid: str | None = None,
                actor: str | None = None) -> OperationResult:
    """Merge adjacent parcels of one sheet into one new parcel."""
    def body(edit: EditSession):
        rows = edit.parcels(parcel_uuids)
        tol = edit.tolerance(rows, tolerance)
        bounds = shapely.total_bounds(np.array([r.geom for r in rows], dtype=object))
        pad = tol + ON_EDGE_EPS
        around = edit.in_bbox((bounds[0] - pad, bounds[1] - pad, bounds[2] + pad,
                               bounds[3] + pad), exclude={r.fid for r in rows})
        keep = (np.concatenate([shapely.get_coordinates(r.geom) for r in around])
                if around else None)
        merged = merge_parcels([MergeCandidate(r.geom, r.parcel.commune_code, r.parcel.sheet_no,
                                               r.label) for r in rows], tol, keep)
        landuse, address, warnings = _merged_attributes(rows)
        return edit.replace(rows, [merged.polygon], np.zeros((0, 2)), tol,
                            None if legal_area is None else [legal_area],
                            attrs=[{"landuse": landuse, "address": address}], warnings=warnings)
    return run_edit(wc, "merge", actor, transaction_uuid, body)
