"""The small dock of the split-by-area tool: how to cut, the area to cut off, the live areas."""
from __future__ import annotations

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

PARALLEL, VERTEX = "parallel", "vertex"


class SplitAreaPanel(QgsDockWidget):
    """Emits what the user asks for; the tool decides what it means."""

    mode_changed = pyqtSignal(str)
    flip_changed = pyqtSignal(bool)
    target_typed = pyqtSignal(float)  # the user typed an area (m²)
    apply_requested = pyqtSignal()
    reset_requested = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("CadastreEditorSplitAreaPanel")
        self.setWindowTitle(self.tr("Split by area"))
        body = QWidget(self)

        self.parcel_label = QLabel(body)
        self.parcel_label.setWordWrap(True)
        self.parallel = QRadioButton(self.tr("Parallel to a side"), body)
        self.parallel.setToolTip(self.tr(
            "Cut with a line parallel to the side you click"))
        self.vertex = QRadioButton(self.tr("Through a vertex"), body)
        self.vertex.setToolTip(self.tr(
            "Cut with a line turning around the vertex you click"))
        self.parallel.setChecked(True)
        group = QButtonGroup(body)
        group.addButton(self.parallel)
        group.addButton(self.vertex)
        self.flip = QCheckBox(self.tr("Measure along the previous side"), body)
        self.flip.setToolTip(self.tr(
            "Through a vertex: the cut piece lies along the side before the vertex instead of "
            "the side after it"))

        self.area = QDoubleSpinBox(body)
        self.area.setObjectName("CadastreEditorSplitAreaTarget")
        self.area.setDecimals(1)
        self.area.setRange(0.0, 1e9)
        self.area.setSuffix(" m²")
        self.area.setToolTip(self.tr(
            "Area to cut off, in m² (follows the mouse until you type a value; Enter applies)"))
        self.areas_label = QLabel(body)
        self.warning_label = QLabel(body)
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("color: #b05000;")

        self.apply_button = QPushButton(self.tr("Split"), body)
        self.apply_button.setToolTip(self.tr("Cut the area off the parcel"))
        self.reset_button = QPushButton(self.tr("Start over"), body)
        self.reset_button.setToolTip(self.tr("Choose another parcel, side or vertex (Esc)"))

        form = QFormLayout()
        form.addRow(self.tr("Area to cut off"), self.area)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.reset_button)
        layout = QVBoxLayout(body)
        for widget in (self.parcel_label, self.parallel, self.vertex, self.flip):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.areas_label)
        layout.addWidget(self.warning_label)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.setWidget(body)

        self.parallel.toggled.connect(self._mode_toggled)
        self.flip.toggled.connect(self.flip_changed)
        # Changes by the tool are made with signals blocked (set_area): what arrives here
        # was typed, stepped or scrolled by the user.
        self.area.valueChanged.connect(self.target_typed)
        self.area.lineEdit().returnPressed.connect(self.apply_requested)
        self.apply_button.clicked.connect(self.apply_requested)
        self.reset_button.clicked.connect(self.reset_requested)
        self.show_state(None, None, None)

    # -- from the user ---------------------------------------------------------------------
    def mode(self) -> str:
        return PARALLEL if self.parallel.isChecked() else VERTEX

    def _mode_toggled(self, _checked) -> None:
        self.flip.setEnabled(self.mode() == VERTEX)
        self.mode_changed.emit(self.mode())

    # -- from the tool ---------------------------------------------------------------------
    def set_area(self, area: float) -> None:
        """Show ``area`` without counting it as typed."""
        self.area.blockSignals(True)
        self.area.setValue(round(area, 1))
        self.area.blockSignals(False)

    def show_state(self, parcel_text, areas_text, warning_text) -> None:
        self.parcel_label.setText(parcel_text or self.tr(
            "Click the parcel to split, then the side or vertex to cut from."))
        self.areas_label.setText(areas_text or "")
        self.warning_label.setText(warning_text or "")
        self.warning_label.setVisible(bool(warning_text))
        self.flip.setEnabled(self.mode() == VERTEX)
