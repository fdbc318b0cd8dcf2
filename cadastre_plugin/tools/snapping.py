"""Snapping and topological editing for the parcel tools, set up while a tool is active.

The tools snap to the parcel layer's vertices and edges, whatever the user configured for
their own digitising; the user's settings come back exactly when the tool is left. The
project's configuration is what QGIS's snapping toolbar shows; the canvas's snapping utils are
what map tools query (QGIS keeps them in step, a bare canvas does not, so both are set).
"""
from __future__ import annotations

from qgis.core import QgsProject, QgsSnappingConfig, QgsTolerance

from . import settings


class SnappingSetup:
    def __init__(self, canvas, project: QgsProject | None = None):
        self.canvas = canvas
        self.project = project or QgsProject.instance()
        self._saved = None  # (project config, canvas config, topological editing)

    @property
    def active(self) -> bool:
        return self._saved is not None

    def apply(self, layer) -> None:
        """Snap to ``layer``'s vertices and segments, topological editing on."""
        if self._saved is None:
            self._saved = (QgsSnappingConfig(self.project.snappingConfig()),
                           QgsSnappingConfig(self.canvas.snappingUtils().config()),
                           self.project.topologicalEditing())
        config = QgsSnappingConfig(self.project)
        config.setEnabled(True)
        config.setMode(QgsSnappingConfig.AdvancedConfiguration)
        config.setIntersectionSnapping(False)
        pixels = settings.value(settings.SNAP_PIXELS)
        config.setIndividualLayerSettings(layer, QgsSnappingConfig.IndividualLayerSettings(
            True, QgsSnappingConfig.VertexFlag | QgsSnappingConfig.SegmentFlag, pixels,
            QgsTolerance.Pixels, 0.0, 0.0))
        self.project.setSnappingConfig(config)
        self.canvas.snappingUtils().setConfig(config)
        # Topological editing: QGIS's own vertex tools, used on the same layer afterwards, also
        # move shared vertices together.
        self.project.setTopologicalEditing(True)

    def restore(self) -> None:
        if self._saved is None:
            return
        project_config, canvas_config, topological = self._saved
        self._saved = None
        self.project.setSnappingConfig(project_config)
        self.canvas.snappingUtils().setConfig(canvas_config)
        self.project.setTopologicalEditing(topological)
