"""The survey input dock: a bearing/distance traverse from a start point, or a coordinate list
from a total station or GNSS CSV; preview on the map, closure (linear and 1:T), and the parcel
created only within the tolerance: on free land, cut out of the parcels it covers, or as the
new boundary of the selected parcel (re-survey). For the last two the parcels the operation
would touch are listed before anything is written."""
from __future__ import annotations

import os

from qgis.core import Qgis, QgsSettings, QgsWkbTypes
from qgis.gui import QgsDockWidget
from qgis.PyQt import sip
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.edit.apply import apply_traverse, preview_traverse
from ..core.edit.traverse import read_points_csv
from ..core.messages import CadastreError, ValidationFailed
from ..core.working_copy import WorkingCopy
from ..ui.locale import ui_language
from . import settings
from .feedback import drop, rubber_band, show_geometry
from .point_pick_tool import PointPickTool
from .traverse_input import from_legs, from_points, start_point

SETTINGS_CSV_DIR = "CadastreEditor/editing/lastSurveyDirectory"
DEFAULT_LEGS = 4


class TraverseDock(QgsDockWidget):
    def __init__(self, canvas, runner, snapping, parent=None):
        super().__init__(parent)
        self.setObjectName("CadastreEditorTraverseDock")
        self.setWindowTitle(self.tr("Survey input"))
        self.canvas, self.runner, self.snapping = canvas, runner, snapping
        self.layer = None
        self.points = []  # SurveyPoints of the imported CSV
        self.survey = None  # traverse_input.Survey shown
        self.band = None
        self.pick_tool = None
        self._previous_tool = None
        self._refusal = None  # why the chosen use of the survey would be refused

        body = QWidget(self)
        self.tabs = QTabWidget(body)
        self.tabs.addTab(self._traverse_page(), self.tr("Bearings and distances"))
        self.tabs.addTab(self._csv_page(), self.tr("Coordinate list"))

        self.max_misclosure = QDoubleSpinBox(body)
        self.max_misclosure.setDecimals(3)
        self.max_misclosure.setRange(0.001, 100.0)
        self.max_misclosure.setSuffix(" m")
        self.max_misclosure.setValue(settings.value(settings.TRAVERSE_MAX_MISCLOSURE))
        self.max_misclosure.setToolTip(self.tr("Largest linear misclosure accepted"))
        self.min_precision = QDoubleSpinBox(body)
        self.min_precision.setDecimals(0)
        self.min_precision.setRange(1, 1e7)
        self.min_precision.setPrefix("1:")
        self.min_precision.setValue(settings.value(settings.TRAVERSE_MIN_PRECISION))
        self.min_precision.setToolTip(self.tr("Worst relative precision accepted"))
        self.closure_label = QLabel(body)
        self.closure_label.setWordWrap(True)
        self.problems_label = QLabel(body)
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet("color: #c00000;")

        self.new_parcel = QRadioButton(self.tr("New parcel on unparcelled land"), body)
        self.new_parcel.setToolTip(self.tr(
            "The surveyed boundary becomes a new parcel; it may not overlap any parcel"))
        self.cut_out = QRadioButton(self.tr("New parcel cut out of the parcels it covers"), body)
        self.cut_out.setToolTip(self.tr(
            "Every parcel under the survey is retired; the surveyed piece becomes one new "
            "parcel and what remains of each parcel becomes new parcels"))
        self.replace = QRadioButton(self.tr("New boundary of the selected parcel"), body)
        self.replace.setToolTip(self.tr(
            "Re-survey: the selected parcel keeps its number and gets the surveyed boundary; "
            "neighbours it now covers lose that land, strips it no longer covers go to the "
            "neighbour that held the old boundary"))
        self.new_parcel.setChecked(True)
        self.affected_label = QLabel(body)
        self.affected_label.setObjectName("CadastreEditorTraverseAffected")
        self.affected_label.setWordWrap(True)
        self.affected_label.setToolTip(self.tr(
            "The parcels the operation would change, before anything is written"))
        self.landuse = QLineEdit(body)
        self.landuse.setPlaceholderText(self.tr("Land-use code, optional (e.g. ONT)"))
        self.landuse.setToolTip(self.tr("Land-use code of the surveyed parcel"))
        self.create_button = QPushButton(self.tr("Create parcel"), body)

        form = QFormLayout()
        form.addRow(self.tr("Closure tolerance"), self.max_misclosure)
        form.addRow(self.tr("Relative precision"), self.min_precision)
        form.addRow(self.tr("Land use"), self.landuse)
        layout = QVBoxLayout(body)
        layout.addWidget(self.tabs)
        layout.addLayout(form)
        layout.addWidget(self.closure_label)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.new_parcel)
        layout.addWidget(self.cut_out)
        layout.addWidget(self.replace)
        layout.addWidget(self.affected_label)
        layout.addWidget(self.create_button)
        self.setWidget(body)

        self.tabs.currentChanged.connect(self.recompute)
        self.max_misclosure.valueChanged.connect(self._tolerance_changed)
        self.min_precision.valueChanged.connect(self._tolerance_changed)
        self.create_button.clicked.connect(self.create)
        for button in (self.new_parcel, self.cut_out, self.replace):
            button.toggled.connect(self._mode_changed)
        self.recompute()

    # -- pages -----------------------------------------------------------------------------
    def _traverse_page(self) -> QWidget:
        page = QWidget(self)
        self.start_x = QLineEdit(page)
        self.start_x.setPlaceholderText(self.tr("X, northing (m)"))
        self.start_x.setToolTip(self.tr("Start point X: the northing, in VN-2000"))
        self.start_y = QLineEdit(page)
        self.start_y.setPlaceholderText(self.tr("Y, easting (m)"))
        self.start_y.setToolTip(self.tr("Start point Y: the easting, in VN-2000"))
        self.pick_button = QPushButton(self.tr("Pick on map"), page)
        self.pick_button.setToolTip(self.tr(
            "Click the start point on the map, snapped to the parcel boundaries"))
        self.legs = QTableWidget(DEFAULT_LEGS, 2, page)
        self.legs.setObjectName("CadastreEditorTraverseLegs")
        self.legs.setHorizontalHeaderLabels([self.tr("Bearing"), self.tr("Distance (m)")])
        self.legs.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.legs.setToolTip(self.tr(
            "One leg per row: bearing clockwise from north as 125°30'15\", 125 30 15 or "
            "125.5042, and the distance in metres"))
        add = QPushButton(self.tr("Add leg"), page)
        add.setToolTip(self.tr("Add a row for one more leg"))
        remove = QPushButton(self.tr("Remove leg"), page)
        remove.setToolTip(self.tr("Remove the selected leg, or the last one"))

        start = QHBoxLayout()
        start.addWidget(self.start_x)
        start.addWidget(self.start_y)
        start.addWidget(self.pick_button)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("Start point"), page))
        layout.addLayout(start)
        layout.addWidget(self.legs)
        layout.addLayout(buttons)

        for edit in (self.start_x, self.start_y):
            edit.textChanged.connect(self.recompute)
        self.legs.itemChanged.connect(self.recompute)
        self.pick_button.clicked.connect(self.pick_start)
        add.clicked.connect(lambda: self.legs.insertRow(self.legs.rowCount()))
        remove.clicked.connect(self._remove_leg)
        return page

    def _csv_page(self) -> QWidget:
        page = QWidget(self)
        button = QPushButton(self.tr("Import CSV…"), page)
        button.setToolTip(self.tr(
            "Read point id, X (northing), Y (easting) per row from a total-station or GNSS "
            "file; repeat the first point as the last row to measure the closure"))
        self.csv_label = QLabel(page)
        self.csv_label.setWordWrap(True)
        self.csv_points = QTableWidget(0, 3, page)
        self.csv_points.setHorizontalHeaderLabels([self.tr("Point"), "X", "Y"])
        self.csv_points.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.csv_points.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        layout = QVBoxLayout(page)
        layout.addWidget(button)
        layout.addWidget(self.csv_label)
        layout.addWidget(self.csv_points)
        button.clicked.connect(self._choose_csv)
        return page

    # -- input -----------------------------------------------------------------------------
    def set_layer(self, layer) -> None:
        if self.layer is not None and not sip.isdeleted(self.layer):
            try:
                self.layer.selectionChanged.disconnect(self._selection_changed)
            except TypeError:
                pass
        self.layer = layer
        if layer is not None:
            layer.selectionChanged.connect(self._selection_changed)
        if self.pick_tool is not None:
            self.pick_tool.set_layer(layer)
        self.recompute()

    def set_legs(self, rows) -> None:
        """Fill the table with (bearing, distance) texts."""
        self.legs.blockSignals(True)
        self.legs.setRowCount(len(rows))
        for r, (bearing, distance) in enumerate(rows):
            self.legs.setItem(r, 0, QTableWidgetItem(str(bearing)))
            self.legs.setItem(r, 1, QTableWidgetItem(str(distance)))
        self.legs.blockSignals(False)
        self.recompute()

    def _cell(self, row: int, column: int) -> str:
        item = self.legs.item(row, column)
        return item.text() if item is not None else ""

    def _remove_leg(self) -> None:
        rows = sorted({i.row() for i in self.legs.selectedIndexes()}) or [self.legs.rowCount() - 1]
        for row in reversed(rows):
            if row >= 0:
                self.legs.removeRow(row)
        self.recompute()

    def _tolerance_changed(self, _value) -> None:
        settings.set_value(settings.TRAVERSE_MAX_MISCLOSURE, self.max_misclosure.value())
        settings.set_value(settings.TRAVERSE_MIN_PRECISION, self.min_precision.value())
        self.recompute()

    def pick_start(self) -> None:
        """Let the user click the start point on the map; the previous tool comes back."""
        if self.layer is None:
            return
        if self.pick_tool is None:
            self.pick_tool = PointPickTool(self.canvas, self.layer, self.runner, self.snapping)
            self.pick_tool.picked.connect(self._picked)
        self._previous_tool = self.canvas.mapTool()
        self.canvas.setMapTool(self.pick_tool)

    def _picked(self, x: float, y: float) -> None:
        self.start_x.setText(f"{y:.3f}")
        self.start_y.setText(f"{x:.3f}")
        previous, self._previous_tool = self._previous_tool, None
        if previous is not None and previous is not self.pick_tool:
            self.canvas.setMapTool(previous)
        else:
            self.canvas.unsetMapTool(self.pick_tool)

    def _choose_csv(self) -> None:
        folder = QgsSettings().value(SETTINGS_CSV_DIR, os.path.expanduser("~"), type=str)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import survey points"), folder,
                                              self.tr("Coordinate lists (*.csv *.txt)"))
        if path:
            QgsSettings().setValue(SETTINGS_CSV_DIR, os.path.dirname(path))
            self.import_csv(path)

    def import_csv(self, path: str) -> bool:
        """Read the points of ``path``; on a bad file, every bad row is listed."""
        self.points = []
        self.csv_points.setRowCount(0)
        self.tabs.setCurrentIndex(1)
        try:
            points = read_points_csv(path)
        except (CadastreError, OSError) as error:
            self.csv_label.setText(os.path.basename(path))
            self._show_problems(error)
            return False
        self.points = points
        self.csv_label.setText(self.tr("{name}: {count} points").format(
            name=os.path.basename(path), count=len(points)))
        self.csv_points.setRowCount(len(points))
        for r, p in enumerate(points):
            for c, value in enumerate((p.name, f"{p.x_northing:.3f}", f"{p.y_easting:.3f}")):
                self.csv_points.setItem(r, c, QTableWidgetItem(value))
        self.recompute()
        return True

    # -- what the input gives --------------------------------------------------------------
    def recompute(self, *_args) -> None:
        tol, precision = self.max_misclosure.value(), self.min_precision.value()
        if self.tabs.currentIndex() == 0:
            rows = [(self._cell(r, 0), self._cell(r, 1)) for r in range(self.legs.rowCount())]
            start = start_point(self.start_x.text(), self.start_y.text())
            self.survey = from_legs(start, rows, tol, precision)
        else:
            self.survey = from_points(self.points, tol, precision) if self.points else None
        self._show_survey()

    def _show_survey(self) -> None:
        survey, lang = self.survey, ui_language()
        problems = []
        if survey is not None:
            for number, issue in survey.problems:
                text = issue.text(lang)
                problems.append(self.tr("Leg {number}: {text}").format(number=number, text=text)
                                if number is not None else text)
        self.problems_label.setText("\n".join(problems))
        self.closure_label.setText(self._closure_text())
        self._draw()
        ok = survey is not None and survey.can_create and self.layer is not None
        ok = self._show_affected(ok) and ok
        self.create_button.setEnabled(ok)
        self.create_button.setToolTip(self.tr("Create the parcel from the survey") if ok
                                      else self._why_not())

    # -- what the operation would touch --------------------------------------------------
    def _mode_changed(self, checked: bool) -> None:
        if checked:
            self._show_survey()

    def _selection_changed(self, *_args) -> None:
        if self.replace.isChecked():
            self._show_survey()

    def _target(self):
        """uuid of the one selected parcel (replace mode), or None."""
        if self.layer is None or self.layer.selectedFeatureCount() != 1:
            return None
        return self.layer.selectedFeatures()[0]["uuid"]

    def _show_affected(self, ready: bool) -> bool:
        """List the parcels a cut-out or replace would touch; False when it would be refused
        (the reason is shown instead) or the parcel to replace is not selected."""
        self.affected_label.setText("")
        self._refusal = None
        if self.new_parcel.isChecked() or not ready:
            return True
        target = None
        if self.replace.isChecked():
            target = self._target()
            if target is None:
                self._refusal = self.tr("Select the one parcel whose boundary the survey "
                                        "replaces")
                self.affected_label.setText(self._refusal)
                return False
        path = self.runner.path_of(self.layer)
        if path is None:
            return False
        lang = ui_language()
        try:
            with WorkingCopy.open(path) as wc:
                preview = preview_traverse(wc, self.survey.polygon, replace=target)
        except (CadastreError, ValidationFailed) as error:
            issues = error.issues if isinstance(error, ValidationFailed) else [error.issue]
            self._refusal = "\n".join(i.text(lang) for i in issues)
            self.affected_label.setText(self._refusal)
            return False
        lines = [self.tr("Parcels affected:")] + [f"• {line}" for line in preview.lines(lang)]
        lines += [w.text(lang) for w in preview.warnings]
        self.affected_label.setText("\n".join(lines))
        return True

    def _show_problems(self, error) -> None:
        lang = ui_language()
        issues = error.issues if isinstance(error, ValidationFailed) else (
            [error.issue] if isinstance(error, CadastreError) else [])
        texts = [i.text(lang) for i in issues] or [str(error)]
        self.survey = None
        self.problems_label.setText("\n".join(texts))
        self.closure_label.setText("")
        self._draw()
        self.create_button.setEnabled(False)
        self.create_button.setToolTip(self.tr("Correct the file and import it again"))

    def _closure_text(self) -> str:
        survey = self.survey
        if survey is None or survey.closure is None:
            return ""
        c = survey.closure
        fe, fn = c.misclosure
        text = self.tr("Misclosure {linear} m (fX = {fx}, fY = {fy}), relative {relative}").format(
            linear=f"{c.linear_misclosure:.3f}", fx=f"{fn:+.3f}", fy=f"{fe:+.3f}",
            relative=c.relative_text)
        if survey.within_tolerance:
            return text + " — " + self.tr("within the tolerance")
        return text + " — " + self.tr("beyond the tolerance: the parcel cannot be created")

    def _why_not(self) -> str:
        survey = self.survey
        if self.layer is None:
            return self.tr("Select the parcel layer of a Cadastre Editor working copy")
        if survey is None or (survey.polygon is None and not survey.problems):
            return self.tr("Enter the start point and at least three legs, or import a "
                           "coordinate list")
        if survey.problems:
            return self.tr("Correct the problems listed above")
        if self._refusal:
            return self._refusal
        return self.tr("The closure is beyond the tolerance: check the field book")

    def _draw(self) -> None:
        polygon = self.survey.polygon if self.survey is not None else None
        if polygon is None or self.layer is None:
            drop(self.canvas, self.band)
            self.band = None
            return
        if self.band is None:
            self.band = rubber_band(self.canvas, QgsWkbTypes.PolygonGeometry,
                                    fill=QColor(230, 120, 0, 50))
        # Red while the closure is beyond the tolerance: the stations as measured, unadjusted.
        self.band.setStrokeColor(QColor(230, 120, 0) if self.survey.within_tolerance
                                 else QColor(200, 0, 0))
        show_geometry(self.band, polygon, self.layer)

    # -- creating --------------------------------------------------------------------------
    def create(self):
        survey = self.survey
        if survey is None or not survey.can_create or self.layer is None:
            return None
        polygon = survey.polygon
        landuse = self.landuse.text().strip() or None
        title = self.tr("Parcel from survey")
        replace = None
        if self.replace.isChecked():
            replace = self._target()
            if replace is None:
                self.runner.iface.messageBar().pushMessage(title, self.tr(
                    "Select the one parcel whose boundary the survey replaces"),
                    level=Qgis.Warning, duration=0)
                return None
        cut_covered = self.cut_out.isChecked()
        result = self.runner.run(self.layer, title, lambda wc: apply_traverse(
            wc, polygon, replace=replace, cut_covered=cut_covered, landuse=landuse))
        if result is not None:
            drop(self.canvas, self.band)
            self.band = None
        return result

    def release(self) -> None:
        """Take the preview off the map and give the pick tool back (plugin unload)."""
        drop(self.canvas, self.band)
        self.band = None
        if self.pick_tool is not None and self.canvas.mapTool() is self.pick_tool:
            self.canvas.unsetMapTool(self.pick_tool)

    def closeEvent(self, event):  # noqa: N802 (Qt's name)
        drop(self.canvas, self.band)
        self.band = None
        super().closeEvent(event)

    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        self.recompute()
