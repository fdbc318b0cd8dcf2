"""What the parcel information and parcel history docks share: they show one parcel of a
working copy, follow the selection on its parcel layer, and read the file afresh each time
(the core writes it behind QGIS's back: registrations, sync)."""
from __future__ import annotations

from qgis.gui import QgsDockWidget
from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from ...core.working_copy import WorkingCopy
from ..errors import error_text


def selected_parcel_uuid(layer) -> str | None:
    """The UUID of the first selected parcel of ``layer`` (None if none, or not yet saved)."""
    if layer is None or sip.isdeleted(layer) or not layer.selectedFeatureCount():
        return None
    index = layer.fields().indexOf("uuid")
    if index < 0:
        return None
    for feature in layer.getSelectedFeatures():
        value = feature.attribute(index)
        if value:
            return str(value)
    return None


class ParcelDock(QgsDockWidget):
    """Subclasses provide ``show_data(wc, parcel_uuid)``, which fills the dock from a working
    copy opened for it, and ``clear()``."""

    def __init__(self, object_name: str, parent=None):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.path: str | None = None
        self.parcel_uuid: str | None = None
        self.layer = None

        widget = QWidget(self)
        self.heading = QLabel(widget)
        self.heading.setObjectName(f"{object_name}Heading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.refresh_button = QToolButton(widget)
        self.refresh_button.setIcon(QIcon(":/plugins/cadastre_plugin/icons/refresh.svg"))
        self.refresh_button.setToolTip(self.tr("Read the parcel again from the working copy"))
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.refresh_button)
        self.layout_ = QVBoxLayout(widget)
        self.layout_.addLayout(top)
        self.setWidget(widget)

    # -- following a layer's selection -------------------------------------------------------
    def follow(self, path: str | None, layer) -> None:
        """Show the selected parcel of ``layer`` (the parcel layer of ``path``) now and
        whenever the selection changes; ``layer=None`` stops following."""
        if self.layer is not None and not sip.isdeleted(self.layer):
            try:
                self.layer.selectionChanged.disconnect(self._selection_changed)
            except TypeError:
                pass
        self.layer = layer
        if layer is not None:
            layer.selectionChanged.connect(self._selection_changed)
        self.show_parcel(path, selected_parcel_uuid(layer))

    def release(self) -> None:
        self.follow(None, None)

    def _selection_changed(self, *_args) -> None:
        uuid = selected_parcel_uuid(self.layer)
        if uuid is not None and uuid != self.parcel_uuid:
            self.show_parcel(self.path, uuid)

    # -- showing ------------------------------------------------------------------------------
    def show_parcel(self, path: str | None, parcel_uuid: str | None) -> None:
        self.path, self.parcel_uuid = path, parcel_uuid
        self.refresh()

    def refresh(self) -> None:
        if not self.path or not self.parcel_uuid:
            self.heading.setText(self.tr("Select a parcel on the parcel layer of a working copy"))
            self.clear()
            return
        try:
            with WorkingCopy.open(self.path) as wc:
                self.show_data(wc, self.parcel_uuid)
        except Exception as error:  # noqa: BLE001 - shown in the dock, in the user's language
            self.clear()
            self.heading.setText(error_text(error))
