"""Processing algorithm: describe a working copy (schema, commune, CRS, counts, journal)."""
import json

from qgis.core import (QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingOutputString,
                       QgsProcessingParameterFile)
from qgis.PyQt.QtCore import QCoreApplication

from ..core.messages import CadastreError
from ..core.working_copy import WorkingCopy
from ..ui.locale import ui_language


class WorkingCopyInfoAlgorithm(QgsProcessingAlgorithm):
    INPUT = "INPUT"

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("WorkingCopyInfoAlgorithm", text)

    def createInstance(self):  # noqa: N802 (QGIS API)
        return WorkingCopyInfoAlgorithm()

    def name(self) -> str:
        return "workingcopyinfo"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Working copy information")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr("Reads a working copy without changing it and reports its schema "
                       "version, commune, coordinate reference system, counts of parcels, "
                       "sheets, parties and rights, and the journal entries not yet pushed.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, self.tr("Working copy"), extension="gpkg"))
        self.addOutput(QgsProcessingOutputString("SUMMARY", self.tr("Summary (JSON)")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        path = self.parameterAsFile(parameters, self.INPUT, context)
        try:
            with WorkingCopy.open(path, migrate=False) as wc:
                summary = wc.summary()
        except CadastreError as error:
            raise QgsProcessingException(error.text(ui_language()))
        for key, value in summary.items():
            feedback.pushInfo(f"{key}: {value}")
        return {"SUMMARY": json.dumps(summary, ensure_ascii=False)}
