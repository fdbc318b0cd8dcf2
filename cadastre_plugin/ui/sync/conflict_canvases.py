"""Two map canvases side by side, mine and theirs, that always show the same extent: the
working copy's parcels as a grey background and, on top, the conflicting parcel as this copy
has it (left, blue) and as the server has it (right, orange)."""
from __future__ import annotations

import json

from qgis.core import QgsFeature, QgsFillSymbol, QgsSingleSymbolRenderer, QgsVectorLayer
from qgis.gui import QgsMapCanvas
from qgis.PyQt.QtGui import QColor

MINE_COLOR = "#1f78b4"
THEIRS_COLOR = "#ff7f00"


def geometry_of(side):
    """The QgsGeometry of one side of a parcel conflict (None: deleted, or not a parcel)."""
    if not side or not (side.get("data") or {}).get("geometry"):
        return None
    import shapely

    from ..quality.navigation import to_qgs

    return to_qgs(shapely.from_geojson(json.dumps(side["data"]["geometry"])))


def _side_layer(name: str, epsg: int, color: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"Polygon?crs=EPSG:{int(epsg)}", name, "memory")
    fill = QColor(color)
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({
        "color": f"{fill.red()},{fill.green()},{fill.blue()},90", "outline_color": color,
        "outline_width": "0.8"})))
    return layer


class SideBySideCanvases:
    def __init__(self, parent, epsg: int, background: QgsVectorLayer | None):
        self.background = background
        self.mine = QgsMapCanvas(parent)
        self.theirs = QgsMapCanvas(parent)
        self.mine.setObjectName("CadastreConflictMineCanvas")
        self.theirs.setObjectName("CadastreConflictTheirsCanvas")
        self.layers = {"mine": _side_layer("mine", epsg, MINE_COLOR),
                       "theirs": _side_layer("theirs", epsg, THEIRS_COLOR)}
        self._syncing = False
        for key, canvas in (("mine", self.mine), ("theirs", self.theirs)):
            canvas.setCanvasColor(QColor("#ffffff"))
            canvas.setMinimumSize(260, 220)
            canvas.setDestinationCrs(self.layers[key].crs())
            canvas.setLayers([self.layers[key]] + ([background] if background else []))
        self.mine.extentsChanged.connect(lambda: self._follow(self.mine, self.theirs))
        self.theirs.extentsChanged.connect(lambda: self._follow(self.theirs, self.mine))

    def _follow(self, source, target) -> None:
        # Panning or zooming either canvas moves the other: the two sides stay comparable.
        if self._syncing:
            return
        self._syncing = True
        try:
            target.setExtent(source.extent())
            target.refresh()
        finally:
            self._syncing = False

    def show(self, mine_geom, theirs_geom) -> None:
        extent = None
        for key, geom in (("mine", mine_geom), ("theirs", theirs_geom)):
            provider = self.layers[key].dataProvider()
            provider.truncate()
            if geom is not None:
                feature = QgsFeature()
                feature.setGeometry(geom)
                provider.addFeatures([feature])
                box = geom.boundingBox()
                if extent is None:
                    extent = box
                else:
                    extent.combineExtentWith(box)
            self.layers[key].updateExtents()
            self.layers[key].triggerRepaint()
        if extent is not None:
            # The parcel with its neighbours around it, so the user sees what it touches.
            margin = max(extent.width(), extent.height(), 10.0)
            self.mine.setExtent(extent.buffered(margin))
        self.mine.refresh()
        self.theirs.refresh()
