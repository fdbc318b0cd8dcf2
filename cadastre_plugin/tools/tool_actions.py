"""The editing tools' actions on the plugin's toolbar and menu, and their life cycle.

The actions are made through :class:`~cadastre_plugin.ui.actions.CadastreActions`, so they are
enabled only while the active layer is a working copy's parcel layer (with a tooltip saying
why otherwise) and are removed with the rest of the plugin. The map tools, docks and their
modules are created on first use: plugin start-up stays cheap.

A tool works on the parcel layer that was active when it was chosen, until another tool is
chosen; when that layer leaves the project, the tool and the docks let go of it.
"""
from __future__ import annotations

from qgis.core import QgsProject
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QObject, Qt

MAP_TOOLS = ("split_line", "split_area", "move_vertex")


class EditingTools(QObject):
    def __init__(self, controller):
        super().__init__()
        self.controller = controller
        self.iface = controller.iface
        self.canvas = self.iface.mapCanvas()
        self.tools = {}
        self.runner = None
        self.snapping = None
        self.split_panel = None
        self.traverse_dock = None

    # -- building and tearing down ---------------------------------------------------------
    def install(self) -> None:
        c = self.controller
        c.menu.addSeparator()
        specs = [
            ("split_line", "split_line.svg", self.tr("Split parcel by line"), self.tr(
                "Split a parcel along a drawn line: click the points of the line across the "
                "parcel, right-click to split, Esc to start over"), True),
            ("split_area", "split_area.svg", self.tr("Split parcel by area"), self.tr(
                "Cut a given area off a parcel, parallel to a side or through a vertex, with "
                "both areas shown live"), True),
            ("merge", "merge.svg", self.tr("Merge selected parcels"), self.tr(
                "Merge the selected adjacent parcels of one map sheet into one new parcel"),
             False),
            ("move_vertex", "move_vertex.svg", self.tr("Move shared boundary"), self.tr(
                "Drag a boundary vertex or segment: every parcel that shares it follows, "
                "without gap or overlap"), True),
            ("traverse", "traverse.svg", self.tr("Survey input"), self.tr(
                "Create a parcel, or a parcel's new boundary, from a bearing and distance "
                "traverse or from a total-station or GNSS coordinate list, with its closure "
                "checked"), True),
            ("undo_operation", "undo_operation.svg", self.tr("Undo last parcel operation"),
             self.tr("Undo the newest split, merge, boundary move or surveyed parcel of the "
                     "working copy"), False),
        ]
        slots = {"split_line": self.toggle_split_line, "split_area": self.toggle_split_area,
                 "merge": self.merge_selected, "move_vertex": self.toggle_move_vertex,
                 "traverse": self.toggle_traverse, "undo_operation": self.undo_last}
        for key, icon, text, tooltip, checkable in specs:
            action = c._add(key, icon, text, tooltip, slots[key], needs_parcel_layer=True)
            action.setCheckable(checkable)
        QgsProject.instance().layerWillBeRemoved.connect(self._layer_leaving)

    def remove(self) -> None:
        try:
            QgsProject.instance().layerWillBeRemoved.disconnect(self._layer_leaving)
        except TypeError:
            pass
        for tool in self.tools.values():
            if self.canvas.mapTool() is tool:
                self.canvas.unsetMapTool(tool)
            tool.label.deleteLater()
            tool.deleteLater()
        self.tools.clear()
        for dock in (self.split_panel, self.traverse_dock):
            if dock is not None:
                if hasattr(dock, "release"):
                    dock.release()
                self.iface.removeDockWidget(dock)
                dock.deleteLater()
        self.split_panel = self.traverse_dock = None
        if self.snapping is not None:
            self.snapping.restore()
        if self.runner is not None:
            self.runner.highlights.clear()
            self.runner.operation_done.disconnect()
            self.runner = None

    # -- shared pieces, made on first use -------------------------------------------------
    def _ensure_runner(self):
        if self.runner is None:
            from .runner import OperationRunner
            from .snapping import SnappingSetup

            self.runner = OperationRunner(self.iface, self.canvas,
                                          self.controller.detector.parcel_layer_path)
            self.runner.operation_done.connect(self._operation_done)
            self.snapping = SnappingSetup(self.canvas)
        return self.runner

    def _layer(self):
        layer = self.iface.activeLayer()
        return layer if self.controller.detector.parcel_layer_path(layer) else None

    def _operation_done(self, _result) -> None:
        dock = self.controller.journal_dock
        if dock is not None and not dock.isHidden():
            dock.refresh()

    def _layer_leaving(self, layer_id: str) -> None:
        for tool in self.tools.values():
            if tool.layer is not None and not sip.isdeleted(tool.layer) \
                    and tool.layer.id() == layer_id:
                if self.canvas.mapTool() is tool:
                    self.canvas.unsetMapTool(tool)
                tool.reset()
                tool.layer = None
        dock = self.traverse_dock
        if dock is not None and dock.layer is not None and dock.layer.id() == layer_id:
            dock.set_layer(None)

    # -- map tools -------------------------------------------------------------------------
    def _tool(self, key: str, layer):
        runner = self._ensure_runner()
        tool = self.tools.get(key)
        if tool is None:
            if key == "split_line":
                from .split_line_tool import SplitLineTool
                tool = SplitLineTool(self.canvas, layer, runner, self.snapping)
            elif key == "split_area":
                from .split_area_tool import SplitAreaTool
                tool = SplitAreaTool(self.canvas, layer, runner, self.snapping,
                                     self._split_panel())
            else:
                from .vertex_tool import SharedVertexTool
                tool = SharedVertexTool(self.canvas, layer, runner, self.snapping)
            tool.setAction(self.controller.actions[key])
            self.tools[key] = tool
        else:
            tool.set_layer(layer)
        return tool

    def _toggle(self, key: str, checked: bool):
        layer = self._layer()
        if not checked or layer is None:
            tool = self.tools.get(key)
            if tool is not None and self.canvas.mapTool() is tool:
                self.canvas.unsetMapTool(tool)
            self.controller.actions[key].setChecked(False)
            return None
        tool = self._tool(key, layer)
        self.canvas.setMapTool(tool)
        return tool

    def toggle_split_line(self, checked=True):
        return self._toggle("split_line", checked)

    def toggle_split_area(self, checked=True):
        return self._toggle("split_area", checked)

    def toggle_move_vertex(self, checked=True):
        return self._toggle("move_vertex", checked)

    def _split_panel(self):
        if self.split_panel is None:
            from .split_area_panel import SplitAreaPanel

            self.split_panel = SplitAreaPanel(self.iface.mainWindow())
            self.iface.addDockWidget(Qt.RightDockWidgetArea, self.split_panel)
        return self.split_panel

    # -- actions ---------------------------------------------------------------------------
    def merge_selected(self, _checked=False):
        from ..core.edit.apply import apply_merge

        layer = self._layer()
        if layer is None:
            return None
        uuids = [f["uuid"] for f in layer.getSelectedFeatures()]
        return self._ensure_runner().run(layer, self.tr("Merge parcels"),
                                         lambda wc: apply_merge(wc, uuids))

    def undo_last(self, _checked=False):
        layer = self._layer()
        if layer is None:
            return None
        return self._ensure_runner().undo_last(layer, self.tr("Undo last parcel operation"))

    def toggle_traverse(self, checked=True):
        layer = self._layer()
        if self.traverse_dock is None:
            if not checked:
                return None
            from .traverse_dock import TraverseDock

            self._ensure_runner()
            self.traverse_dock = TraverseDock(self.canvas, self.runner, self.snapping,
                                              self.iface.mainWindow())
            self.iface.addDockWidget(Qt.RightDockWidgetArea, self.traverse_dock)
            action = self.controller.actions["traverse"]
            self.traverse_dock.visibilityChanged.connect(action.setChecked)
        if checked:
            self.traverse_dock.set_layer(layer)
            self.traverse_dock.show()
            self.traverse_dock.raise_()
        else:
            self.traverse_dock.hide()
        return self.traverse_dock
