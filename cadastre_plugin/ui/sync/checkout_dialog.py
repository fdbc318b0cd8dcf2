"""The "Check out…" dialog: which server, which area (a commune, a district, or the map's
current extent), into which new working copy."""
from __future__ import annotations

import os

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import QRegularExpression
from qgis.PyQt.QtGui import QRegularExpressionValidator
from qgis.PyQt.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                                 QLineEdit, QVBoxLayout)

from ..dialog_buttons import confirm_buttons
from .credentials import known_servers


class CheckoutDialog(QDialog):
    COMMUNE, DISTRICT, EXTENT = range(3)

    def __init__(self, directory: str, parent=None, canvas=None):
        super().__init__(parent)
        self.setObjectName("CadastreCheckoutDialog")
        self.setWindowTitle(self.tr("Check out an area"))
        self.canvas = canvas
        intro = QLabel(self.tr(
            "Downloads a commune, a district or the parcels in the map's current extent from "
            "the central land database into a new working copy, in the background, and opens "
            "it. Edit it offline, then push your changes."))
        intro.setWordWrap(True)

        self.server_combo = QComboBox(self)
        self.server_combo.addItems(known_servers())
        self.area_combo = QComboBox(self)
        self.area_combo.addItem(self.tr("Commune"), self.COMMUNE)
        self.area_combo.addItem(self.tr("District"), self.DISTRICT)
        if canvas is not None:
            self.area_combo.addItem(self.tr("Parcels in the current map extent"), self.EXTENT)
        self.code_edit = QLineEdit(self)
        self.code_edit.setValidator(QRegularExpressionValidator(
            QRegularExpression(r"\d{3}|\d{5}"), self.code_edit))
        self.output_widget = QgsFileWidget(self)
        self.output_widget.setStorageMode(QgsFileWidget.SaveFile)
        self.output_widget.setFilter(self.tr("GeoPackage working copies (*.gpkg)"))
        self.output_widget.setDefaultRoot(directory)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        if not self.server_combo.count():
            self.hint.setText(self.tr("No sync server yet: enter one with Cadastre > Sync "
                                      "server… first."))

        form = QFormLayout()
        form.addRow(self.tr("Server"), self.server_combo)
        form.addRow(self.tr("Area"), self.area_combo)
        self.code_label = QLabel(self)
        form.addRow(self.code_label, self.code_edit)
        form.addRow(self.tr("New working copy"), self.output_widget)

        self.buttons = confirm_buttons(self, self.tr("Check out"))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        for signal in (self.code_edit.textChanged, self.output_widget.fileChanged,
                       self.server_combo.currentTextChanged, self.area_combo.currentIndexChanged):
            signal.connect(self._update_ok)
        self._update_ok()

    def _update_ok(self, *_args) -> None:
        kind = self.area_combo.currentData()
        self.code_label.setText(self.tr("District code") if kind == self.DISTRICT
                                else self.tr("Commune code"))
        self.code_edit.setPlaceholderText("312" if kind == self.DISTRICT else "11686")
        self.code_edit.setEnabled(kind != self.EXTENT)
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(bool(
            self.server() and self.area() and self.output_path()))

    def area(self) -> dict:
        """The core ``checkout`` arguments of the chosen area ({} while incomplete)."""
        kind = self.area_combo.currentData()
        code = self.code_edit.text().strip()
        if kind == self.COMMUNE:
            return {"commune_code": code} if len(code) == 5 else {}
        if kind == self.DISTRICT:
            return {"district": code} if len(code) == 3 else {}
        # The extent in longitude/latitude: the server knows each commune's TM-3 CRS.
        wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
        transform = QgsCoordinateTransform(self.canvas.mapSettings().destinationCrs(), wgs84,
                                           QgsProject.instance())
        box = transform.transformBoundingBox(self.canvas.extent())
        return {"bbox": (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()),
                "bbox_crs": "EPSG:4326"}

    def server(self) -> str:
        return self.server_combo.currentText().strip()

    def output_path(self) -> str:
        path = self.output_widget.filePath().strip()
        if path and not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        return os.path.abspath(path) if path else ""
