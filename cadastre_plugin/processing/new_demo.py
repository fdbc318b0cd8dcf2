"""Processing algorithm: generate the demo commune into a new working copy."""
from qgis.core import (QgsProcessing, QgsProcessingAlgorithm, QgsProcessingException,
                       QgsProcessingOutputNumber, QgsProcessingOutputVectorLayer,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterNumber)
from qgis.PyQt.QtCore import QCoreApplication

from ..core.demo import MAX_PARCELS, generate
from ..core.messages import CadastreError
from ..ui.locale import ui_language


class NewDemoAlgorithm(QgsProcessingAlgorithm):
    OUTPUT, PARCELS, SEED = "OUTPUT", "PARCELS", "SEED"

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("NewDemoAlgorithm", text)

    def createInstance(self):  # noqa: N802 (QGIS API)
        return NewDemoAlgorithm()

    def name(self) -> str:
        return "newdemo"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("New demo working copy")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr("Generates the synthetic demo commune (Hải Phòng, VN-2000 TM-3 105°45′, "
                       "EPSG:9210) into a new working copy: map sheets, numbered parcels, "
                       "parties, rights and certificates. The same seed gives the same commune.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterNumber(
            self.PARCELS, self.tr("Number of parcels"), QgsProcessingParameterNumber.Integer,
            2000, minValue=1, maxValue=MAX_PARCELS))
        self.addParameter(QgsProcessingParameterNumber(
            self.SEED, self.tr("Random seed"), QgsProcessingParameterNumber.Integer, 1))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Working copy"), self.tr("GeoPackage (*.gpkg)")))
        self.addOutput(QgsProcessingOutputVectorLayer(
            "PARCELS_LAYER", self.tr("Parcels"), QgsProcessing.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputNumber("PARCEL_COUNT", self.tr("Parcels written")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        parcels = self.parameterAsInt(parameters, self.PARCELS, context)
        seed = self.parameterAsInt(parameters, self.SEED, context)
        try:
            summary = generate(path, parcels=parcels, seed=seed, overwrite=True)
        except CadastreError as error:
            raise QgsProcessingException(error.text(ui_language()))
        feedback.pushInfo(self.tr("{n} parcels on {s} map sheets written to {p}").format(
            n=summary["parcels"], s=summary["sheets"], p=path))
        return {self.OUTPUT: path, "PARCELS_LAYER": f"{path}|layername=parcels",
                "PARCEL_COUNT": summary["parcels"]}
