"""Processing algorithm ``cadastre:parcelextract``: the parcel extract PDF of one parcel."""
from __future__ import annotations

from datetime import date

from qgis.core import (QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingOutputNumber,
                       QgsProcessingParameterFile, QgsProcessingParameterFileDestination,
                       QgsProcessingParameterNumber, QgsProcessingParameterString)
from qgis.PyQt.QtCore import QCoreApplication

from ..core.messages import CadastreError
from ..io.import_algorithms import _language


class ParcelExtractAlgorithm(QgsProcessingAlgorithm):
    INPUT, SHEET, PARCEL, DATE, OFFICE, OUTPUT = ("INPUT", "SHEET", "PARCEL", "DATE", "OFFICE",
                                                 "OUTPUT")

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("ParcelExtractAlgorithm", text)

    def createInstance(self):  # noqa: N802 (QGIS API)
        return ParcelExtractAlgorithm()

    def name(self) -> str:
        return "parcelextract"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Parcel extract (trích lục) to PDF")

    def group(self) -> str:
        return self.tr("Import and export")

    def groupId(self) -> str:  # noqa: N802
        return "importexport"

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr("Prints the cadastral map extract of one parcel on A4: the parcel and its "
                   "neighbours, numbered boundary points, edge lengths, the VN-2000 coordinate "
                   "table (continued on a second page when long), area, land use, holders and "
                   "the signature block.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, self.tr("Working copy"), extension="gpkg"))
        self.addParameter(QgsProcessingParameterNumber(
            self.SHEET, self.tr("Map sheet number"), QgsProcessingParameterNumber.Integer, 1,
            minValue=1))
        self.addParameter(QgsProcessingParameterNumber(
            self.PARCEL, self.tr("Parcel number"), QgsProcessingParameterNumber.Integer, 1,
            minValue=1))
        self.addParameter(QgsProcessingParameterString(
            self.DATE, self.tr("Date printed (YYYY-MM-DD; empty: today)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.OFFICE, self.tr("Issuing office"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("PDF"), self.tr("PDF (*.pdf)")))
        self.addOutput(QgsProcessingOutputNumber("PAGES", self.tr("Pages")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from .extract import DEFAULT_OFFICE, extract_pdf

        text = self.parameterAsString(parameters, self.DATE, context).strip()
        try:
            day = date.fromisoformat(text) if text else None
        except ValueError:
            raise QgsProcessingException(self.tr("The date must be written YYYY-MM-DD."))
        try:
            result = extract_pdf(
                self.parameterAsFile(parameters, self.INPUT, context),
                self.parameterAsInt(parameters, self.SHEET, context),
                self.parameterAsInt(parameters, self.PARCEL, context),
                self.parameterAsFileOutput(parameters, self.OUTPUT, context), day=day,
                office=self.parameterAsString(parameters, self.OFFICE, context).strip()
                or DEFAULT_OFFICE)
        except CadastreError as error:
            raise QgsProcessingException(error.text(_language()))
        feedback.pushInfo(f"{result['output']}: {result['pages']} page(s), "
                          f"1:{result['scale']}")
        return {self.OUTPUT: result["output"], "PAGES": result["pages"]}
