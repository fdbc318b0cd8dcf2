"""The "Working copy information" dialog: what the core says about one working copy."""
from __future__ import annotations

from qgis.core import QgsCoordinateReferenceSystem
from qgis.PyQt.QtCore import QLocale, Qt
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from ..core.working_copy import WorkingCopy


def load_summary(path: str) -> dict:
    """Read the summary; raises the core's WorkingCopyError for a bad file."""
    with WorkingCopy.open(path) as working_copy:
        return working_copy.summary()


class WorkingCopyInfoDialog(QDialog):
    def __init__(self, summary: dict, parent=None):
        super().__init__(parent)
        self.setObjectName("CadastreWorkingCopyInfoDialog")
        self.setWindowTitle(self.tr("Working copy information"))
        self.setMinimumWidth(460)
        self.rows: dict[str, str] = {}

        form = QFormLayout()
        for label, value in self._rows(summary):
            self.rows[label] = value
            value_label = QLabel(value)
            value_label.setWordWrap(True)
            value_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
            form.addRow(label, value_label)

        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        # Qt's own button texts are only translated where Qt's translations are installed.
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _rows(self, summary: dict) -> list[tuple[str, str]]:
        number = QLocale().toString

        def count(key):
            value = summary.get(key)
            return number(int(value)) if value is not None else ""

        commune = summary.get("commune_name") or ""
        if summary.get("commune_code"):
            commune = f"{commune} ({summary['commune_code']})" if commune else str(summary["commune_code"])
        commune = ", ".join(part for part in (commune, summary.get("district_name"),
                                              summary.get("province_name")) if part)
        crs = ""
        if summary.get("crs_epsg"):
            crs = f"EPSG:{summary['crs_epsg']}"
            description = QgsCoordinateReferenceSystem(crs).description()
            if description:
                crs = f"{crs} – {description}"
        rows = [
            (self.tr("File"), str(summary.get("path", ""))),
            (self.tr("Commune"), commune),
            (self.tr("Coordinate reference system"), crs),
            (self.tr("Parcels (current / all)"),
             self.tr("{current} / {total}").format(current=count("parcels_current"),
                                                  total=count("parcels"))),
            (self.tr("Map sheets"), count("sheets")),
            (self.tr("Parties"), count("parties")),
            (self.tr("Rights"), count("rights")),
            (self.tr("Certificates"), count("certificates")),
            (self.tr("Transactions"), count("transactions")),
            (self.tr("Journal entries"),
             self.tr("{total} ({unpushed} not yet pushed)").format(total=count("journal_entries"),
                                                              unpushed=count("journal_unpushed"))),
            (self.tr("Schema version"), str(summary.get("schema_version", ""))),
        ]
        return rows
