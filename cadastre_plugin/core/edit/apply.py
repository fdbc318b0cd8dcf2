"""Editing operations applied to a working copy, each one journalled SQLite transaction.

The public entry points, gathered from the modules that hold them:

* :mod:`.apply_split`: split by a drawn line, or cut a given area off a parcel;
* :mod:`.apply_merge`: merge adjacent parcels;
* :mod:`.apply_move`: move shared boundary vertices or a segment;
* :mod:`.apply_survey`: a parcel from survey data (free land, cut out, replace a boundary);
* :mod:`.edit_session`: what every operation shares (neighbourhood, numbering, areas,
  history, lineage, coverage check); :mod:`.operation_result`: what they return.
"""
from .apply_merge import apply_merge
from .apply_move import apply_move_segment, apply_move_vertex, apply_move_vertices
from .apply_split import apply_split_area, apply_split_line
from .apply_survey import AffectedParcel, SurveyPreview, apply_traverse, preview_traverse
from .operation_result import OPERATIONS, OperationResult

__all__ = [
    "OPERATIONS", "AffectedParcel", "OperationResult", "SurveyPreview", "apply_merge",
    "apply_move_segment", "apply_move_vertex", "apply_move_vertices", "apply_split_area",
    "apply_split_line", "apply_traverse", "preview_traverse",
]
