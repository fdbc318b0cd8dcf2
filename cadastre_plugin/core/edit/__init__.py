"""Parcel editing: the geometry operations and their application to a working copy.

Two layers, so the QGIS map tools stay thin:

* Pure geometry on shapely polygons, fast enough to call on every mouse move:
  :mod:`.split_line` (split by a drawn line), :mod:`.split_area` (cut off a given area,
  with ``preview``/``param_at`` for live feedback), :mod:`.merge`, :mod:`.shared_vertex`
  (insert/move shared vertices, neighbourhood checks) and :mod:`.traverse` (bearings,
  closure, Bowditch, coordinate CSV).
* :mod:`.apply`: each operation as one journalled transaction on a
  :class:`~cadastre_plugin.core.working_copy.WorkingCopy`, returning an
  :class:`~.apply.OperationResult` for the tool to show.

Errors are :class:`~cadastre_plugin.core.messages.CadastreError` (one problem) or
:class:`~cadastre_plugin.core.messages.ValidationFailed` (several), always in English and
Vietnamese, with where the problem is and what to do. Coordinates are (easting, northing)
in the working copy's CRS; messages write locations the surveyors' way, X = northing first.
"""
