"""Put a working copy on the map: its parcel and map-sheet layers, the official VN-2000
transformation, and the view zoomed to the parcels."""
from __future__ import annotations

import os
from dataclasses import dataclass

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..core.messages import CadastreError
from ..core.working_copy import PARCEL_LAYER, SHEET_LAYER, WorkingCopy

WGS84 = "EPSG:4326"


@dataclass
class OpenedWorkingCopy:
    path: str
    summary: dict
    parcels: QgsVectorLayer
    sheets: QgsVectorLayer | None
    already_open: bool = False


def find_parcel_layer(project: QgsProject, path: str) -> QgsVectorLayer | None:
    """The project's parcel layer of the working copy at ``path``, if it is already loaded."""
    from .working_copy_detection import ogr_source

    wanted = (os.path.abspath(path), PARCEL_LAYER)
    for layer in project.mapLayers().values():
        if ogr_source(layer) == wanted:
            return layer
    return None


def register_official_transformation(project: QgsProject, epsg: int) -> bool:
    """Make QGIS reproject VN-2000 to WGS 84 with EPSG:6960, not a ballpark or a guess.

    PROJ offers several VN-2000 -> WGS 84 operations (and published parameter sets with the
    rotation signs flipped, ~0.75 m off); pinning the pipeline in the project's transform
    context makes on-the-fly reprojection use the official one. Returns False when the CRS is
    not a VN-2000 one the core knows (nothing to pin).
    """
    from ..core.crs import qgis_proj_pipeline

    try:
        pipeline = qgis_proj_pipeline(int(epsg))
    except CadastreError:
        return False
    context = project.transformContext()
    context.addCoordinateOperation(
        QgsCoordinateReferenceSystem(f"EPSG:{int(epsg)}"),
        QgsCoordinateReferenceSystem(WGS84),
        pipeline,
    )
    project.setTransformContext(context)
    return True


def _layer(path: str, table: str, name: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{path}|layername={table}", name, "ogr")
    if not layer.isValid():
        raise CadastreError(
            "layer-invalid",
            f"QGIS could not open the layer '{table}' of {path}. Check that the file is not "
            "damaged or locked by another program.",
            f"QGIS không mở được lớp '{table}' của {path}. Hãy kiểm tra tệp không bị hỏng hoặc "
            "không bị chương trình khác khóa.",
            where=path,
        )
    return layer


def open_working_copy(iface, path: str, project: QgsProject | None = None) -> OpenedWorkingCopy:
    """Validate ``path`` with the core, add its layers in a group named after the commune,
    make the parcel layer active and zoom to it. A working copy already on the map is only
    made active again.

    Raises :class:`CadastreError` (missing file, not a working copy, newer schema, layer that
    QGIS cannot open) before anything is added to the project.
    """
    project = project or QgsProject.instance()
    path = os.path.abspath(path)
    with WorkingCopy.open(path) as working_copy:
        summary = working_copy.summary()

    existing = find_parcel_layer(project, path)
    if existing is not None:
        # Opening it twice would give two edit buffers on one file: show the one we have.
        iface.setActiveLayer(existing)
        zoom_to_layer(iface.mapCanvas(), existing, project)
        return OpenedWorkingCopy(path, summary, existing, None, already_open=True)

    parcels = _layer(path, PARCEL_LAYER, QCoreApplication.translate("WorkingCopyLayers", "Parcels"))
    sheets = _layer(path, SHEET_LAYER, QCoreApplication.translate("WorkingCopyLayers", "Map sheets"))

    epsg = summary.get("crs_epsg")
    if epsg:
        register_official_transformation(project, epsg)

    had_layers = bool(project.mapLayers())
    commune = summary.get("commune_name") or os.path.basename(path)
    code = summary.get("commune_code")
    group_name = f"{commune} ({code})" if code else commune
    group = project.layerTreeRoot().insertGroup(0, group_name)
    # Parcels above the sheet frames: the frames are drawn as outlines around the parcels.
    for layer in (parcels, sheets):
        project.addMapLayer(layer, False)
        group.addLayer(layer)

    if not had_layers or not project.crs().isValid():
        project.setCrs(parcels.crs())
    iface.setActiveLayer(parcels)
    zoom_to_layer(iface.mapCanvas(), parcels, project)
    return OpenedWorkingCopy(path, summary, parcels, sheets)


def zoom_to_layer(canvas, layer: QgsVectorLayer, project: QgsProject) -> None:
    extent = layer.extent()
    if extent.isEmpty():
        return
    destination = canvas.mapSettings().destinationCrs()
    if destination.isValid() and destination != layer.crs():
        extent = QgsCoordinateTransform(layer.crs(), destination, project).transformBoundingBox(extent)
    canvas.setExtent(extent.buffered(max(extent.width(), extent.height()) * 0.03))
    canvas.refresh()
