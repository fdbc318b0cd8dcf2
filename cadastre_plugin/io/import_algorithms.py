"""Processing algorithms for import and export (``cadastre:importdgn``, ``cadastre:importlayer``,
``cadastre:export``): the same code as the command line, with the problems found given back
as a point layer at their exact places, so that a surveyor can zoom from one to the next.

The only QGIS module in this package; the provider loads it, the command line never does.
"""
from __future__ import annotations

from qgis.core import (QgsCoordinateReferenceSystem, QgsFeature, QgsFeatureSink, QgsField,
                       QgsFields, QgsGeometry, QgsPointXY, QgsProcessing, QgsProcessingAlgorithm,
                       QgsProcessingException, QgsProcessingOutputNumber,
                       QgsProcessingParameterBoolean, QgsProcessingParameterCrs,
                       QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFile, QgsProcessingParameterFileDestination,
                       QgsProcessingParameterNumber, QgsProcessingParameterString, QgsWkbTypes)
from qgis.PyQt.QtCore import QCoreApplication, QVariant

from ..core.messages import CadastreError, preferred_language
from ..core.model import Commune
from ..core.sheets import SCALES

PRESETS = ("auto", "vn", "edigeo-pci")
FORMATS = ("gpkg", "shp", "geojson")


def _language() -> str:
    try:
        from ..ui.locale import ui_language

        return ui_language()
    except ImportError:  # the UI package is optional for headless runs
        return preferred_language()


class _Base(QgsProcessingAlgorithm):
    """Shared parameters (the target working copy and its commune) and the problems sink."""

    OUTPUT, COMMUNE, COMMUNE_NAME, CRS = "OUTPUT", "COMMUNE", "COMMUNE_NAME", "CRS"
    REPORT, PROBLEMS = "REPORT", "PROBLEMS"

    def createInstance(self):  # noqa: N802 (QGIS API)
        return type(self)()

    # The shared texts have their own context ("ImportAlgorithm"): each subclass's tr() uses
    # the subclass's name, as pylupdate5 expects for self.tr() calls.
    def group(self) -> str:
        return QCoreApplication.translate("ImportAlgorithm", "Import and export")

    def groupId(self) -> str:  # noqa: N802
        return "importexport"

    def _target_parameters(self) -> None:
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, QCoreApplication.translate("ImportAlgorithm", "Working copy (existing, or new)"),
            QCoreApplication.translate("ImportAlgorithm", "GeoPackage (*.gpkg)")))
        self.addParameter(QgsProcessingParameterString(
            self.COMMUNE, QCoreApplication.translate("ImportAlgorithm", "Commune code (for a new working copy)"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.COMMUNE_NAME,
            QCoreApplication.translate("ImportAlgorithm", "Commune name (for a new working copy)"), optional=True))
        self.addParameter(QgsProcessingParameterCrs(
            self.CRS,
            QCoreApplication.translate("ImportAlgorithm", "Commune CRS, VN-2000 TM-3 (for a new working copy)"),
            optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT, QCoreApplication.translate("ImportAlgorithm", "Problem report (JSON)"),
            QCoreApplication.translate("ImportAlgorithm", "JSON (*.json)"), optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.PROBLEMS, QCoreApplication.translate("ImportAlgorithm", "Problems found"),
            QgsProcessing.TypeVectorPoint))
        self.addOutput(QgsProcessingOutputNumber(
            "IMPORTED", QCoreApplication.translate("ImportAlgorithm", "Parcels imported")))
        self.addOutput(QgsProcessingOutputNumber("ERRORS", QCoreApplication.translate("ImportAlgorithm", "Errors")))
        self.addOutput(QgsProcessingOutputNumber(
            "WARNINGS", QCoreApplication.translate("ImportAlgorithm", "Warnings")))

    def _commune(self, parameters, context):
        from pathlib import Path

        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        code = self.parameterAsString(parameters, self.COMMUNE, context).strip()
        crs = self.parameterAsCrs(parameters, self.CRS, context)
        epsg = int(crs.authid().split(":")[1]) if crs.isValid() and \
            crs.authid().startswith("EPSG:") else 0
        if Path(output).exists():
            return output, (Commune(code, "", epsg) if code or epsg else None)
        if not code or not epsg:
            raise QgsProcessingException(QCoreApplication.translate(
                "ImportAlgorithm",
                "The working copy does not exist yet: give the commune code and its CRS."))
        name = self.parameterAsString(parameters, self.COMMUNE_NAME, context).strip() or code
        return output, Commune(code, name, epsg)

    def _finish(self, report, parameters, context, feedback, epsg: int) -> dict:
        lang = _language()
        fields = QgsFields()
        for name in ("code", "severity", "where", "message"):
            fields.append(QgsField(name, QVariant.String))
        sink, sink_id = self.parameterAsSink(parameters, self.PROBLEMS, context, fields,
                                             QgsWkbTypes.Point,
                                             QgsCoordinateReferenceSystem(f"EPSG:{epsg}"))
        for p in report.problems:
            text = f"[{p.details.get('severity')}] {p.code} ({p.where}): {p.text(lang)}"
            (feedback.reportError if p.details.get("severity") == "error"
             else feedback.pushInfo)(text)
            if sink is None or "x" not in p.details:
                continue
            f = QgsFeature(fields)
            f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(p.details["x"], p.details["y"])))
            f.setAttributes([p.code, p.details.get("severity"), p.where, p.text(lang)])
            sink.addFeature(f, QgsFeatureSink.FastInsert)
        report_path = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report_path:
            report.write(report_path)
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        return {self.OUTPUT: output, self.PROBLEMS: sink_id, self.REPORT: report_path or None,
                "IMPORTED": report.imported, "ERRORS": report.count("error"),
                "WARNINGS": report.count("warning")}


def _epsg_of(path: str) -> int:
    from ..core.working_copy import WorkingCopy

    with WorkingCopy.open(path) as wc:
        return wc.commune.crs_epsg


class ImportDgnAlgorithm(_Base):
    INPUT, SHEET, SCALE, TOLERANCE = "INPUT", "SHEET", "SCALE", "TOLERANCE"

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("ImportDgnAlgorithm", text)

    def name(self) -> str:
        return "importdgn"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Import DGN cadastral sheet")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr("Builds parcels from a MicroStation DGN v7 sheet drawn by Circular 25/2014 "
                   "(boundaries on level 10, parcel numbers on 11, land use on 2, areas on 4) "
                   "and writes them into a working copy. Every problem (line work that does "
                   "not close, a parcel without a number or with two, a label outside any "
                   "parcel, a wrong area text) comes back as a point where it is.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, self.tr("DGN file (V7)"), extension="dgn"))
        self.addParameter(QgsProcessingParameterNumber(
            self.SHEET, self.tr("Map sheet number"), QgsProcessingParameterNumber.Integer, 1,
            minValue=1))
        self.addParameter(QgsProcessingParameterEnum(
            self.SCALE, self.tr("Sheet scale"), [f"1:{s}" for s in SCALES], defaultValue=2))
        self.addParameter(QgsProcessingParameterNumber(
            self.TOLERANCE, self.tr("Snapping tolerance (m; empty: the scale's point accuracy)"),
            QgsProcessingParameterNumber.Double, optional=True, minValue=0))
        self._target_parameters()

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from .dgn_import import import_dgn

        output, commune = self._commune(parameters, context)
        tolerance = parameters.get(self.TOLERANCE)
        try:
            report = import_dgn(
                self.parameterAsFile(parameters, self.INPUT, context), output, commune,
                self.parameterAsInt(parameters, self.SHEET, context),
                SCALES[self.parameterAsEnum(parameters, self.SCALE, context)],
                tolerance=None if tolerance in (None, "") else
                self.parameterAsDouble(parameters, self.TOLERANCE, context))
        except CadastreError as error:
            raise QgsProcessingException(error.text(_language()))
        return self._finish(report, parameters, context, feedback, _epsg_of(output))


class ImportLayerAlgorithm(_Base):
    INPUT, LAYER, MAPPING, PRESET = "INPUT", "LAYER", "MAPPING", "PRESET"
    SOURCE_CRS, SHEET, SCALE = "SOURCE_CRS", "SHEET", "SCALE"

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("ImportLayerAlgorithm", text)

    def name(self) -> str:
        return "importlayer"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Import parcels (shapefile, MapInfo, GeoPackage, GeoJSON, EDIGEO)")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr("Imports a parcel layer through a field mapping (a saved JSON file, or the "
                   "Vietnamese schema recognised by its field names, 10-character shapefile "
                   "forms included), reprojected into the commune's CRS. Rows that cannot be "
                   "imported are listed with the reason; nothing is dropped silently.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(self.INPUT, self.tr("Source file")))
        self.addParameter(QgsProcessingParameterString(
            self.LAYER, self.tr("Layer (when the source has several)"), optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.MAPPING, self.tr("Field mapping (JSON)"), extension="json", optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.PRESET, self.tr("Preset (when no mapping file)"), list(PRESETS), defaultValue=0))
        self.addParameter(QgsProcessingParameterCrs(
            self.SOURCE_CRS, self.tr("Source CRS (when the file has none or a wrong one)"),
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.SHEET, self.tr("Map sheet number for every row (overrides the mapping)"),
            QgsProcessingParameterNumber.Integer, optional=True, minValue=1))
        self.addParameter(QgsProcessingParameterEnum(
            self.SCALE, self.tr("Sheet scale"), [f"1:{s}" for s in SCALES], defaultValue=2))
        self._target_parameters()

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..core.imports.mapping import FieldMapping
        from .field_import import import_source

        output, commune = self._commune(parameters, context)
        src_crs = self.parameterAsCrs(parameters, self.SOURCE_CRS, context)
        preset = PRESETS[self.parameterAsEnum(parameters, self.PRESET, context)]
        mapping_file = self.parameterAsFile(parameters, self.MAPPING, context)
        sheet = parameters.get(self.SHEET)
        try:
            report = import_source(
                self.parameterAsFile(parameters, self.INPUT, context), output, commune,
                layer=self.parameterAsString(parameters, self.LAYER, context) or None,
                mapping=FieldMapping.load(mapping_file) if mapping_file else None,
                preset=None if preset == "auto" else preset,
                source_epsg=int(src_crs.authid().split(":")[1])
                if src_crs.isValid() and src_crs.authid().startswith("EPSG:") else None,
                sheet=None if sheet in (None, "") else
                self.parameterAsInt(parameters, self.SHEET, context),
                scale=SCALES[self.parameterAsEnum(parameters, self.SCALE, context)])
        except CadastreError as error:
            raise QgsProcessingException(error.text(_language()))
        return self._finish(report, parameters, context, feedback, _epsg_of(output))


class ExportAlgorithm(QgsProcessingAlgorithm):
    INPUT, FORMAT, SHEETS, PARCELS, OUTPUT = "INPUT", "FORMAT", "SHEETS", "PARCELS", "OUTPUT"
    RETIRED = "RETIRED"

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("ExportAlgorithm", text)

    def createInstance(self):  # noqa: N802
        return ExportAlgorithm()

    def name(self) -> str:
        return "export"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Export parcels (GeoPackage, shapefile, GeoJSON)")

    def group(self) -> str:
        return self.tr("Import and export")

    def groupId(self) -> str:  # noqa: N802
        return "importexport"

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr("Writes the parcels of a working copy, or of some sheets or parcel numbers "
                   "(e.g. 5/12-20,31), under the Vietnamese field names; shapefiles with "
                   "10-character names in UTF-8 with a .cpg file.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, self.tr("Working copy"), extension="gpkg"))
        self.addParameter(QgsProcessingParameterEnum(self.FORMAT, self.tr("Format"), list(FORMATS),
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.SHEETS, self.tr("Only these sheets (e.g. 1,4)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.PARCELS, self.tr("Only these parcels (e.g. 5/12-20,31; 6/2)"), optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.RETIRED, self.tr("Include retired parcels"), False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Output file"),
            self.tr("GeoPackage (*.gpkg);;Shapefile (*.shp);;GeoJSON (*.geojson)")))
        self.addOutput(QgsProcessingOutputNumber("COUNT", self.tr("Parcels written")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..core.imports.selection import Selection
        from .export import export

        sheets = [s for s in self.parameterAsString(parameters, self.SHEETS, context)
                  .replace(";", ",").split(",") if s.strip()]
        parcels = [p for p in self.parameterAsString(parameters, self.PARCELS, context)
                   .split(";") if p.strip()]
        try:
            if any(not s.strip().isdigit() for s in sheets):
                raise CadastreError("export.sheets", "Sheets must be numbers, e.g. 1,4.",
                                    "Số tờ phải là số, ví dụ 1,4.")
            selection = Selection.parse([int(s) for s in sheets], parcels,
                                        self.parameterAsBoolean(parameters, self.RETIRED,
                                                                context))
            result = export(self.parameterAsFile(parameters, self.INPUT, context),
                            self.parameterAsFileOutput(parameters, self.OUTPUT, context),
                            FORMATS[self.parameterAsEnum(parameters, self.FORMAT, context)],
                            selection, overwrite=True)
        except CadastreError as error:
            raise QgsProcessingException(error.text(_language()))
        feedback.pushInfo(f"{result['parcels']} -> {result['output']}")
        return {self.OUTPUT: result["output"], "COUNT": result["parcels"]}
