"""Ask which DGN sheet to import, for which commune, sheet, scale and CRS, and into which
working copy."""
from __future__ import annotations

import os

from qgis.gui import QgsFileWidget
from qgis.PyQt.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                                 QLineEdit, QSpinBox, QVBoxLayout)

from ..dialog_buttons import confirm_buttons
from ...core.crs import TM3_EPSG_CODES, central_meridian, vn2000_crs_name
from ...core.model import Commune
from ...core.sheets import SCALES

DEFAULT_SCALE = 1000
DEFAULT_EPSG = 9210  # Hải Phòng, as the demo


class DgnImportDialog(QDialog):
    def __init__(self, directory: str, parent=None):
        super().__init__(parent)
        self.setObjectName("CadastreDgnImportDialog")
        self.setWindowTitle(self.tr("Import DGN sheet"))

        intro = QLabel(self.tr(
            "Builds parcels from a MicroStation DGN v7 sheet drawn by Circular 25/2014: "
            "boundaries on level 10, parcel numbers on 11, land use on 2, areas on 4. Problems "
            "found are added to the map as points."))
        intro.setWordWrap(True)

        self.dgn_widget = QgsFileWidget(self)
        self.dgn_widget.setStorageMode(QgsFileWidget.GetFile)
        self.dgn_widget.setFilter(self.tr("DGN files (*.dgn *.DGN)"))
        self.dgn_widget.setDefaultRoot(directory)

        self.code_edit = QLineEdit(self)
        self.code_edit.setPlaceholderText("11686")
        self.name_edit = QLineEdit(self)

        self.sheet_spin = QSpinBox(self)
        self.sheet_spin.setRange(1, 99999)

        self.scale_combo = QComboBox(self)
        for scale in SCALES:
            self.scale_combo.addItem(f"1:{scale}", scale)
        self.scale_combo.setCurrentIndex(SCALES.index(DEFAULT_SCALE))

        self.crs_combo = QComboBox(self)
        for epsg in sorted(TM3_EPSG_CODES, key=central_meridian):
            self.crs_combo.addItem(vn2000_crs_name(epsg), epsg)
        self.crs_combo.setCurrentIndex(self.crs_combo.findData(DEFAULT_EPSG))

        self.output_widget = QgsFileWidget(self)
        self.output_widget.setStorageMode(QgsFileWidget.SaveFile)
        self.output_widget.setFilter(self.tr("GeoPackage working copies (*.gpkg)"))
        self.output_widget.setConfirmOverwrite(False)  # an existing one is imported into
        self.output_widget.setDefaultRoot(directory)

        form = QFormLayout()
        form.addRow(self.tr("DGN file"), self.dgn_widget)
        form.addRow(self.tr("Commune code"), self.code_edit)
        form.addRow(self.tr("Commune name"), self.name_edit)
        form.addRow(self.tr("Map sheet number"), self.sheet_spin)
        form.addRow(self.tr("Scale"), self.scale_combo)
        form.addRow(self.tr("CRS"), self.crs_combo)
        form.addRow(self.tr("Working copy (new or existing)"), self.output_widget)

        self.buttons = confirm_buttons(self, self.tr("Import"))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        for signal in (self.dgn_widget.fileChanged, self.code_edit.textChanged,
                       self.output_widget.fileChanged):
            signal.connect(self._update_ok)
        self._update_ok()

    def _update_ok(self, *_args) -> None:
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(
            bool(self.dgn_path() and self.code_edit.text().strip() and self.output_path()))

    def dgn_path(self) -> str:
        return self.dgn_widget.filePath().strip()

    def output_path(self) -> str:
        path = self.output_widget.filePath().strip()
        if path and not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        return os.path.abspath(path) if path else ""

    def sheet_no(self) -> int:
        return self.sheet_spin.value()

    def scale(self) -> int:
        return int(self.scale_combo.currentData())

    def epsg(self) -> int:
        return int(self.crs_combo.currentData())

    def commune(self) -> Commune:
        code = self.code_edit.text().strip()
        return Commune(code, self.name_edit.text().strip() or code, self.epsg())
