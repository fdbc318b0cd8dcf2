"""The "Cadastre Editor" Processing provider (id ``cadastre``)."""
from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..io.import_algorithms import ExportAlgorithm, ImportDgnAlgorithm, ImportLayerAlgorithm
from ..printing.extract_algorithm import ParcelExtractAlgorithm
from .check_topology import CheckTopologyAlgorithm
from .new_demo import NewDemoAlgorithm
from .working_copy_info import WorkingCopyInfoAlgorithm


class CadastreProvider(QgsProcessingProvider):
    def id(self) -> str:
        return "cadastre"

    def name(self) -> str:
        return QCoreApplication.translate("CadastreProvider", "Cadastre Editor")

    def icon(self) -> QIcon:
        return QIcon(":/plugins/cadastre_plugin/icons/cadastre.svg")

    def loadAlgorithms(self):  # noqa: N802 (QGIS API)
        for algorithm in (NewDemoAlgorithm(), WorkingCopyInfoAlgorithm(), ImportDgnAlgorithm(),
                          ImportLayerAlgorithm(), ExportAlgorithm(), ParcelExtractAlgorithm(),
                          CheckTopologyAlgorithm()):
            self.addAlgorithm(algorithm)
