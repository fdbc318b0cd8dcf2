"""The error layers on the map: points (stray vertices, crossings, spike tips), lines (short
edges) and areas (overlaps, gaps, whole parcels), each finding at its exact location, red for
errors and orange for warnings, labelled with the rule id.

Memory layers in a group of their own, refilled in place after a fix or a re-check, so that
the user's styling tweaks and their place in the layer tree survive. The columns are those of
the core's GeoPackage error layer (``cadastre check --output``), with the rule name and message
in the user's language only.
"""
from __future__ import annotations

import os

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeature,
    QgsFields,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProject,
    QgsRendererCategory,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QColor, QFont

from ...core.quality.error_layer import split_by_dimension
from ..locale import ui_language
from .navigation import to_qgs
from .texts import rule_name, severity_name

COLORS = {"error": "#e31a1c", "warning": "#ff8c00"}
_FIELDS = "&".join(f"field={name}" for name in (
    "rule:string(40)", "severity:string(10)", "name:string(120)", "message:string(1000)",
    "parcels:string(1000)", "fixable:integer"))
_GEOMETRY = {0: "MultiPoint", 1: "MultiLineString", 2: "MultiPolygon"}


def _symbol(dimension: int, color: str):
    if dimension == 0:
        return QgsMarkerSymbol.createSimple({"name": "circle", "color": color, "size": "3.2",
                                             "outline_color": "#ffffff", "outline_width": "0.5"})
    if dimension == 1:
        return QgsLineSymbol.createSimple({"color": color, "width": "1.0"})
    fill = QColor(color)
    return QgsFillSymbol.createSimple({"color": f"{fill.red()},{fill.green()},{fill.blue()},110",
                                       "outline_color": color, "outline_width": "0.7",
                                       "style": "solid"})


def _renderer(dimension: int) -> QgsCategorizedSymbolRenderer:
    categories = [QgsRendererCategory(severity, _symbol(dimension, color), severity_name(severity))
                  for severity, color in COLORS.items()]
    return QgsCategorizedSymbolRenderer("severity", categories)


def _labeling(dimension: int) -> QgsVectorLayerSimpleLabeling:
    settings = QgsPalLayerSettings()
    settings.fieldName = "rule"
    text = QgsTextFormat()
    font = QFont("DejaVu Sans")
    font.setBold(True)
    text.setFont(font)
    text.setSize(8)
    text.setColor(QColor("#7a0000"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(1.0)
    buffer.setColor(QColor("#ffffff"))
    text.setBuffer(buffer)
    settings.setFormat(text)
    # Beside the point, along the line, inside the area: the label never hides the error.
    settings.placement = {0: QgsPalLayerSettings.OrderedPositionsAroundPoint,
                          1: QgsPalLayerSettings.Line,
                          2: QgsPalLayerSettings.OverPoint}[dimension]
    settings.dist = 1.0
    return QgsVectorLayerSimpleLabeling(settings)


class ErrorLayers:
    """The three error layers of one working copy's check."""

    def __init__(self, path: str, project: QgsProject | None = None):
        self.path = path
        self.project = project or QgsProject.instance()
        self.layer_ids: dict = {}

    def layers(self) -> dict:
        """{dimension: layer} of the layers still in the project."""
        out = {}
        for dimension, layer_id in self.layer_ids.items():
            layer = self.project.mapLayer(layer_id)
            if layer is not None:
                out[dimension] = layer
        return out

    def show(self, findings, crs_epsg: int) -> dict:
        """Put ``findings`` on the map; returns {dimension: layer}. A layer appears once it has
        something to show, and stays (emptied) after its errors are fixed."""
        lang = ui_language()
        features = {0: [], 1: [], 2: []}
        for finding in findings:
            for dimension, geom in split_by_dimension(finding.geometry).items():
                features[dimension].append((finding, geom))
        existing = self.layers()
        for dimension, items in features.items():
            layer = existing.get(dimension)
            if layer is None:
                if not items:
                    continue
                layer = self._create(dimension, crs_epsg)
                existing[dimension] = layer
            self._fill(layer, items, lang)
        return existing

    def remove(self) -> None:
        for layer_id in list(self.layer_ids.values()):
            if self.project.mapLayer(layer_id) is not None:
                self.project.removeMapLayer(layer_id)
        self.layer_ids.clear()
        group = self.project.layerTreeRoot().findGroup(self.group_name())
        if group is not None and not group.children():
            group.parent().removeChildNode(group)

    def group_name(self) -> str:
        return QCoreApplication.translate("QualityErrorLayers", "Topology check: {name}").format(
            name=os.path.basename(self.path))

    def _create(self, dimension: int, crs_epsg: int) -> QgsVectorLayer:
        names = {0: QCoreApplication.translate("QualityErrorLayers", "Errors: points"),
                 1: QCoreApplication.translate("QualityErrorLayers", "Errors: lines"),
                 2: QCoreApplication.translate("QualityErrorLayers", "Errors: areas")}
        uri = f"{_GEOMETRY[dimension]}?crs=EPSG:{int(crs_epsg)}&{_FIELDS}"
        layer = QgsVectorLayer(uri, names[dimension], "memory")
        layer.setRenderer(_renderer(dimension))
        layer.setLabeling(_labeling(dimension))
        layer.setLabelsEnabled(True)
        self.project.addMapLayer(layer, False)
        root = self.project.layerTreeRoot()
        group = root.findGroup(self.group_name()) or root.insertGroup(0, self.group_name())
        # Points above lines above areas, so that a vertex is never hidden under an overlap.
        group.insertLayer(sum(1 for d in self.layer_ids if d < dimension), layer)
        self.layer_ids[dimension] = layer.id()
        return layer

    @staticmethod
    def _fill(layer: QgsVectorLayer, items, lang: str) -> None:
        provider = layer.dataProvider()
        provider.truncate()
        fields: QgsFields = layer.fields()
        out = []
        for finding, geom in items:
            feature = QgsFeature(fields)
            feature.setGeometry(to_qgs(geom))
            feature.setAttributes([finding.rule, finding.severity, rule_name(finding.rule, lang),
                                   finding.message(lang), ",".join(map(str, finding.parcels)),
                                   int(finding.fixable)])
            out.append(feature)
        provider.addFeatures(out)
        layer.updateExtents()
        layer.triggerRepaint()
