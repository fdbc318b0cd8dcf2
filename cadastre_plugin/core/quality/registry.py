"""Every quality rule, in report order, and selection by id. Adding a rule: write its module
under ``rules/`` and list its class here."""
from __future__ import annotations

from typing import Iterable

from ..messages import CadastreError
from .rules.area_discrepancy import AreaDiscrepancy
from .rules.commune_code import CommuneCode
from .rules.duplicate_geometry import DuplicateGeometry
from .rules.duplicate_number import DuplicateNumber
from .rules.duplicate_vertex import DuplicateVertex
from .rules.gap import Gap
from .rules.invalid_geometry import InvalidGeometry
from .rules.landuse_code import LanduseCode
from .rules.min_split_area import MinSplitArea
from .rules.multipart import Multipart
from .rules.near_coincident import NearCoincident
from .rules.outside_sheet import OutsideSheet
from .rules.overlap import Overlap
from .rules.spike import Spike

RULES = (InvalidGeometry, Multipart, Overlap, Gap, NearCoincident, DuplicateGeometry,
         DuplicateVertex, Spike, DuplicateNumber, LanduseCode, CommuneCode, AreaDiscrepancy,
         MinSplitArea, OutsideSheet)

_BY_ID = {cls.id: cls for cls in RULES}
assert len(_BY_ID) == len(RULES), "rule ids must be unique"


def rule_ids() -> list:
    return [cls.id for cls in RULES]


def rule_class(rule_id: str):
    try:
        return _BY_ID[rule_id.strip().upper()]
    except KeyError:
        raise CadastreError(
            "quality.unknown_rule",
            f"There is no rule '{rule_id}'. Rules: {', '.join(_BY_ID)}.",
            f"Không có quy tắc '{rule_id}'. Các quy tắc: {', '.join(_BY_ID)}.") from None


def create(ids: Iterable[str] | None = None, tolerance: float | None = None) -> list:
    """Rule instances for ``ids`` (all rules when None), in report order; ``tolerance``
    overrides each rule's distance tolerance."""
    classes = RULES if ids is None else sorted({rule_class(i) for i in ids}, key=RULES.index)
    return [cls(tolerance=tolerance) for cls in classes]


def parse_ids(text: str) -> list:
    """'CAD-OVERLAP,CAD-GAP' (or with spaces) -> ids, each checked."""
    ids = [part for part in text.replace(";", ",").replace(" ", ",").split(",") if part.strip()]
    if not ids:
        raise CadastreError("quality.no_rules", "No rule id given.", "Chưa chọn quy tắc nào.")
    return [rule_class(i).id for i in ids]
