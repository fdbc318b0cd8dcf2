"""Parcel editing: the geometry operations and their application to a working copy.

Two layers, so the QGIS map tools stay thin:

* Pure geometry on shapely polygons, fast enough to call on every mouse move:
  :mod:`.split_line` (split by a drawn line), :mod:`.split_area` (cut off a given area,
  with ``preview``/``param_at`` for live feedback), :mod:`.merge`, :mod:`.shared_vertex`
  (insert/move shared vertices, neighbourhood checks), :mod:`.traverse` (bearings,
  closure, Bowditch, coordinate CSV) and :mod:`.survey_overlay` (a surveyed boundary laid
  over existing parcels: who loses land, who gets freed strips).
* :mod:`.apply` (gathering :mod:`.apply_split`, :mod:`.apply_merge`, :mod:`.apply_move`,
  :mod:`.apply_survey` on top of :mod:`.edit_session`): each operation as one journalled
  transaction on a :class:`~cadastre_plugin.core.working_copy.WorkingCopy`, returning an
  :class:`~.operation_result.OperationResult` for the tool to show; :mod:`.revert` undoes
  the last one.

Errors are :class:`~cadastre_plugin.core.messages.CadastreError` (one problem) or
:class:`~cadastre_plugin.core.messages.ValidationFailed` (several), always in English and
Vietnamese, with where the problem is and what to do. Coordinates are (easting, northing)
in the working copy's CRS; messages write locations the surveyors' way, X = northing first.
"""
