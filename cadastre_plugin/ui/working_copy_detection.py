"""Tell whether a QGIS layer is the parcel layer of a Cadastre Editor working copy.

The answer decides which actions are enabled, and QGIS asks for it on every change of the
active layer: the file check runs once per GeoPackage path and is cached.
"""
from __future__ import annotations

import os

from qgis.core import QgsMapLayer, QgsProviderRegistry

from ..core.working_copy import PARCEL_LAYER, is_working_copy


def ogr_source(layer: QgsMapLayer | None) -> tuple[str, str] | None:
    """(absolute file path, layer name) of an OGR vector layer, else None."""
    if layer is None or layer.type() != QgsMapLayer.VectorLayer:
        return None
    if layer.providerType() != "ogr":
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    if not path:
        return None
    return os.path.abspath(path), parts.get("layerName") or ""


class WorkingCopyDetector:
    """Caches :func:`is_working_copy` per GeoPackage path."""

    def __init__(self):
        self._known: dict[str, bool] = {}

    def is_working_copy(self, path: str) -> bool:
        path = os.path.abspath(path)
        if path not in self._known:
            self._known[path] = is_working_copy(path)
        return self._known[path]

    def remember(self, path: str, is_copy: bool = True) -> None:
        """Record what we know without reading the file (we just created or opened it)."""
        self._known[os.path.abspath(path)] = is_copy

    def forget(self, path: str) -> None:
        self._known.pop(os.path.abspath(path), None)

    def parcel_layer_path(self, layer: QgsMapLayer | None) -> str | None:
        """The working copy's path when ``layer`` is its parcel layer, else None."""
        source = ogr_source(layer)
        if source is None:
            return None
        path, layer_name = source
        if layer_name != PARCEL_LAYER:
            return None
        return path if self.is_working_copy(path) else None
