"""The geometry half of a split/merge (TN) registration, done by the editing operations.

Each change runs :mod:`core.edit.apply` inside the registration's own operation (an operation
inside an operation joins it), so the new parcels, the retired parents, the lineage and the
new rights are one SQLite transaction and one journal entry: a refused geometry leaves no
right behind, and a refused right leaves no split behind.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence


@dataclass
class SplitByLine:
    """Split ``parcel_uuid`` along a line (coordinates in the working copy's CRS)."""

    parcel_uuid: str
    line: object
    legal_areas: Optional[Sequence] = None
    tolerance: Optional[float] = None

    @property
    def parcel_uuids(self) -> tuple:
        return (self.parcel_uuid,)

    def apply(self, wc, transaction_uuid: str, actor: str):
        from ..edit.apply import apply_split_line

        return apply_split_line(wc, self.line, self.parcel_uuid, tolerance=self.tolerance,
                                legal_areas=self.legal_areas, transaction_uuid=transaction_uuid,
                                actor=actor)


@dataclass
class SplitByArea:
    """Cut ``area`` m² off ``parcel_uuid``, parallel to side ``edge_index`` or through vertex
    ``vertex_index``; the cut piece is the first new parcel, the remainder the second."""

    parcel_uuid: str
    area: float
    edge_index: Optional[int] = None
    vertex_index: Optional[int] = None
    legal_areas: Optional[Sequence] = None
    tolerance: Optional[float] = None

    @property
    def parcel_uuids(self) -> tuple:
        return (self.parcel_uuid,)

    def apply(self, wc, transaction_uuid: str, actor: str):
        from ..edit.apply import apply_split_area

        return apply_split_area(wc, self.parcel_uuid, self.area, edge_index=self.edge_index,
                                vertex_index=self.vertex_index, tolerance=self.tolerance,
                                legal_areas=self.legal_areas, transaction_uuid=transaction_uuid,
                                actor=actor)


@dataclass
class Merge:
    """Merge adjacent parcels of one map sheet into one new parcel."""

    parcel_uuids: tuple
    legal_area: Optional[float] = None
    tolerance: Optional[float] = None

    def apply(self, wc, transaction_uuid: str, actor: str):
        from ..edit.apply import apply_merge

        return apply_merge(wc, list(self.parcel_uuids), tolerance=self.tolerance,
                           legal_area=self.legal_area, transaction_uuid=transaction_uuid,
                           actor=actor)


GeometryChange = (SplitByLine, SplitByArea, Merge)
