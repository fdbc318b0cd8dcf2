"""The "Topology check" dock: the findings of the last check, filtered by rule and severity;
a click goes to the error on the map; "Fix" and "Fix all" where the rule has an automatic fix;
"Re-check"; a progress bar with a cancel button while a check or a fix runs.

The dock only shows and asks: the checks and fixes are run by
:class:`~.actions.QualityActions`, which listens to its signals.
"""
from __future__ import annotations

import os

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..locale import ui_language
from .findings_model import FindingsModel
from .texts import rule_name


class QualityDock(QgsDockWidget):
    #: A finding the user clicked (or pressed Enter on).
    finding_activated = pyqtSignal(object)
    #: Findings to fix (one, or every fixable one listed).
    fix_requested = pyqtSignal(list)
    recheck_requested = pyqtSignal()
    cancel_requested = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("CadastreEditorQualityDock")
        self.setWindowTitle(self.tr("Topology check"))
        self.session = None
        self.busy = False
        body = QWidget(self)

        self.status = QLabel(self.tr("No check yet: use Check topology on a parcel layer."), body)
        self.status.setWordWrap(True)
        self.progress = QProgressBar(body)
        self.progress.setRange(0, 100)
        self.cancel_button = QPushButton(self.tr("Cancel"), body)
        self.cancel_button.clicked.connect(self.cancel_requested)
        running = QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.cancel_button)

        self.rule_filter = QComboBox(body)
        self.rule_filter.setObjectName("CadastreEditorQualityRuleFilter")
        self.severity_filter = QComboBox(body)
        self.severity_filter.setObjectName("CadastreEditorQualitySeverityFilter")
        self.severity_filter.addItem(self.tr("All severities"), None)
        self.severity_filter.addItem(self.tr("Errors"), "error")
        self.severity_filter.addItem(self.tr("Warnings"), "warning")
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Rule"), body))
        filters.addWidget(self.rule_filter, 1)
        filters.addWidget(QLabel(self.tr("Severity"), body))
        filters.addWidget(self.severity_filter)

        self.model = FindingsModel(self)
        self.table = QTableView(body)
        self.table.setObjectName("CadastreEditorQualityTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setStretchLastSection(True)

        # The whole message of the selected finding (the table cuts it): what is wrong, where,
        # and what to do.
        self.details = QLabel(body)
        self.details.setObjectName("CadastreEditorQualityDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.fix_button = QPushButton(self.tr("Fix"), body)
        self.fix_button.setToolTip(self.tr("Fix the selected error automatically; the fix is "
                                           "kept only if it makes nothing worse"))
        self.fix_all_button = QPushButton(self.tr("Fix all"), body)
        self.fix_all_button.setToolTip(self.tr("Fix every listed error that has an automatic "
                                               "fix"))
        self.recheck_button = QPushButton(self.tr("Re-check"), body)
        self.recheck_button.setToolTip(self.tr("Check the whole working copy again"))
        buttons = QHBoxLayout()
        for button in (self.fix_button, self.fix_all_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.recheck_button)

        layout = QVBoxLayout(body)
        layout.addWidget(self.status)
        layout.addLayout(running)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        self.setWidget(body)

        self.rule_filter.currentIndexChanged.connect(self._refilter)
        self.severity_filter.currentIndexChanged.connect(self._refilter)
        self.table.clicked.connect(self._activated)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.fix_button.clicked.connect(self._fix_selected)
        self.fix_all_button.clicked.connect(self._fix_all)
        self.recheck_button.clicked.connect(self.recheck_requested)
        self._fill_rule_filter()
        self.set_idle()

    # -- what is shown ------------------------------------------------------------------------
    def set_session(self, session) -> None:
        self.session = session
        errors, warnings = session.counts()
        text = self.tr("{name}: {parcels} parcels checked, {errors} errors, {warnings} "
                       "warnings.").format(name=os.path.basename(session.path),
                                           parcels=session.parcels, errors=errors,
                                           warnings=warnings)
        if session.skipped:
            text += " " + self.tr("Not run, the data lacks what they need: {rules}.").format(
                rules=", ".join(rule for rule, _ in session.skipped))
        self.status.setText(text)
        self._fill_rule_filter()
        self._refilter()

    def _fill_rule_filter(self) -> None:
        wanted = self.rule_filter.currentData()
        findings = self.session.findings if self.session is not None else []
        counts: dict = {}
        for f in findings:
            counts[f.rule] = counts.get(f.rule, 0) + 1
        lang = ui_language()
        self.rule_filter.blockSignals(True)
        self.rule_filter.clear()
        self.rule_filter.addItem(self.tr("All rules ({count})").format(count=len(findings)), None)
        for rule, count in counts.items():
            self.rule_filter.addItem(f"{rule_name(rule, lang)} ({count})", rule)
        index = self.rule_filter.findData(wanted) if wanted else 0
        self.rule_filter.setCurrentIndex(max(index, 0))
        self.rule_filter.blockSignals(False)

    def visible_findings(self) -> list:
        if self.session is None:
            return []
        rule, severity = self.rule_filter.currentData(), self.severity_filter.currentData()
        return [f for f in self.session.findings if (rule is None or f.rule == rule)
                and (severity is None or f.severity == severity)]

    def _refilter(self, *_args) -> None:
        ctx = self.session.ctx if self.session is not None else None
        self.model.set_findings(self.visible_findings(), ctx, ui_language())
        self._update_buttons()

    def selected_finding(self):
        index = self.table.selectionModel().currentIndex()
        return self.model.finding(index.row()) if index.isValid() else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    # -- running --------------------------------------------------------------------------------
    def set_busy(self, task) -> None:
        """Show ``task``'s progress; nothing else may start meanwhile."""
        self.busy = True
        self.progress.setValue(0)
        self.progress.setFormat(task.description() + " %p%")
        task.progressChanged.connect(lambda value: self.progress.setValue(int(value)))
        for widget in (self.progress, self.cancel_button):
            widget.setVisible(True)
        self.cancel_button.setEnabled(True)
        self._update_buttons()

    def set_idle(self) -> None:
        self.busy = False
        for widget in (self.progress, self.cancel_button):
            widget.setVisible(False)
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        selected = self.selected_finding()
        self.details.setText(selected.message(ui_language()) if selected is not None else "")
        self.fix_button.setEnabled(not self.busy and selected is not None and selected.fixable)
        self.fix_all_button.setEnabled(
            not self.busy and any(f.fixable for f in self.model.findings))
        self.recheck_button.setEnabled(not self.busy and self.session is not None)

    # -- what the user asks ---------------------------------------------------------------------
    def _activated(self, index) -> None:
        finding = self.model.finding(index.row())
        if finding is not None:
            self.finding_activated.emit(finding)

    def _fix_selected(self) -> None:
        finding = self.selected_finding()
        if finding is not None and finding.fixable:
            self.fix_requested.emit([finding])

    def _fix_all(self) -> None:
        fixable = [f for f in self.model.findings if f.fixable]
        if fixable:
            self.fix_requested.emit(fixable)
