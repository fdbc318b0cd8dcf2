"""Ask where to write a demo working copy and how many parcels it should hold."""
from __future__ import annotations

import os

from qgis.gui import QgsFileWidget
from qgis.PyQt.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
)

from .dialog_buttons import confirm_buttons

MAX_PARCELS = 640_000  # the size of the largest city in the seed documents (SPEC 1)


class DemoDialog(QDialog):
    def __init__(self, directory: str, parent=None):
        super().__init__(parent)
        self.setObjectName("CadastreDemoDialog")
        self.setWindowTitle(self.tr("New demo working copy"))

        intro = QLabel(self.tr(
            "Generates a synthetic commune in Hải Phòng (VN-2000, TM-3 zone 105°45′, EPSG:9210) "
            "with map sheets, numbered parcels, parties, rights and certificates, and opens it."))
        intro.setWordWrap(True)

        self.file_widget = QgsFileWidget(self)
        self.file_widget.setStorageMode(QgsFileWidget.SaveFile)
        self.file_widget.setFilter(self.tr("GeoPackage working copies (*.gpkg)"))
        self.file_widget.setConfirmOverwrite(False)  # asked in accept(), also for typed paths
        self.file_widget.setFilePath(os.path.join(directory, "demo.gpkg"))

        self.parcel_spin = QSpinBox(self)
        self.parcel_spin.setRange(10, MAX_PARCELS)
        self.parcel_spin.setSingleStep(1000)
        self.parcel_spin.setValue(2000)
        self.parcel_spin.setGroupSeparatorShown(True)

        self.seed_spin = QSpinBox(self)
        self.seed_spin.setRange(0, 2_000_000_000)
        self.seed_spin.setValue(1)
        self.seed_spin.setToolTip(self.tr("The same seed gives the same commune"))

        form = QFormLayout()
        form.addRow(self.tr("File"), self.file_widget)
        form.addRow(self.tr("Number of parcels"), self.parcel_spin)
        form.addRow(self.tr("Seed"), self.seed_spin)

        buttons = confirm_buttons(self, self.tr("Create"))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def path(self) -> str:
        path = self.file_widget.filePath().strip()
        if path and not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        return os.path.abspath(path) if path else ""

    def parcels(self) -> int:
        return self.parcel_spin.value()

    def seed(self) -> int:
        return self.seed_spin.value()

    def accept(self):
        path = self.path()
        if not path:
            QMessageBox.warning(self, self.windowTitle(),
                                self.tr("Choose the file to write the working copy to."))
            return
        if os.path.exists(path):
            answer = QMessageBox.question(
                self, self.windowTitle(),
                self.tr("{path} exists already. Replace it with the demo working copy?").format(
                    path=path))
            if answer != QMessageBox.Yes:
                return
        super().accept()
