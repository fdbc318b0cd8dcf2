"""The findings the dock lists, as a Qt table model: severity, rule, parcels, message, in the
user's language. A model rather than a table of items: a city-scale check can list thousands."""
from __future__ import annotations

from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, Qt
from qgis.PyQt.QtGui import QColor

from .error_layers import COLORS
from .texts import rule_name, severity_name


class FindingsModel(QAbstractTableModel):
    SEVERITY, RULE, PARCELS, MESSAGE = range(4)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.findings: list = []
        self._parcels: list = []  # "sheet 3 parcel 12, …" per finding
        self.lang = "en"

    def set_findings(self, findings, ctx, lang: str) -> None:
        self.beginResetModel()
        self.findings = list(findings)
        self.lang = lang
        self._parcels = [self._labels(f, ctx, lang) for f in self.findings]
        self.endResetModel()

    @staticmethod
    def _labels(finding, ctx, lang: str) -> str:
        if ctx is None or not finding.rows:
            return ", ".join(map(str, finding.parcels))
        en, vi = ctx.labels(list(finding.rows))
        return ", ".join(vi if lang == "vi" else en)

    def finding(self, row: int):
        return self.findings[row] if 0 <= row < len(self.findings) else None

    # -- QAbstractTableModel -----------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self.findings)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation != Qt.Horizontal or role != Qt.DisplayRole:
            return None
        return (self.tr("Severity"), self.tr("Rule"), self.tr("Parcels"),
                self.tr("Message"))[section]

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        finding = self.findings[index.row()]
        column = index.column()
        if role == Qt.DisplayRole:
            if column == self.SEVERITY:
                return severity_name(finding.severity)
            if column == self.RULE:
                return rule_name(finding.rule, self.lang)
            if column == self.PARCELS:
                return self._parcels[index.row()]
            return finding.message(self.lang)
        if role == Qt.ToolTipRole:
            if column == self.RULE:
                return finding.rule
            return finding.message(self.lang)
        if role == Qt.ForegroundRole and column == self.SEVERITY:
            return QColor(COLORS.get(finding.severity, "#000000"))
        return None
