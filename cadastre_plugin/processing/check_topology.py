"""Processing algorithm ``cadastre:checktopology``: the quality check on any polygon layer.

The same engine as the "Check topology" action and ``cadastre check``. The errors come out as
three layers (points, lines, areas) at their exact locations, in the metric CRS the check ran
in (a layer in longitude/latitude is checked in the UTM zone of its centre, as the tolerances
are metres), and as a JSON summary with the counts per rule and severity.
"""
from __future__ import annotations

import json
import os
from contextlib import contextmanager

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication, QVariant

from ..core.messages import CadastreError, preferred_language
from ..core.quality import registry
from ..core.quality.error_layer import split_by_dimension
from ..core.quality.run import Cancelled, run_rules
from ..ui.quality.navigation import to_qgs
from ..ui.quality.texts import rule_name
from .check_input import build_context, resolve_fields

_SINKS = {0: ("OUTPUT_POINTS", QgsWkbTypes.MultiPoint),
          1: ("OUTPUT_LINES", QgsWkbTypes.MultiLineString),
          2: ("OUTPUT_POLYGONS", QgsWkbTypes.MultiPolygon)}
_FIELD_PARAMETERS = {"id": "ID_FIELD", "sheet": "SHEET_FIELD", "number": "NUMBER_FIELD",
                     "landuse": "LANDUSE_FIELD", "legal_area": "LEGAL_AREA_FIELD"}


def _language() -> str:
    try:
        from ..ui.locale import ui_language

        return ui_language()
    except ImportError:  # the UI package is optional for headless runs
        return preferred_language()


class CheckTopologyAlgorithm(QgsProcessingAlgorithm):
    INPUT, TOLERANCE, RULES, SUMMARY = "INPUT", "TOLERANCE", "RULES", "SUMMARY"

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("CheckTopologyAlgorithm", text)

    def createInstance(self):  # noqa: N802 (QGIS API)
        return CheckTopologyAlgorithm()

    def name(self) -> str:
        return "checktopology"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Check cadastral topology")

    def group(self) -> str:
        return self.tr("Quality")

    def groupId(self) -> str:  # noqa: N802
        return "quality"

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "Checks a parcel layer: invalid and multipart parcels, overlaps, gaps and slivers "
            "narrower than the tolerance, vertices near a neighbour's edge, duplicate vertices, "
            "spikes, parcels drawn twice, duplicate parcel numbers within a map sheet, unknown "
            "land-use codes and areas that differ from the legal area. Fields left empty are "
            "found by their usual names (uuid, sheet_no or SoHieuToBanDo, parcel_no or "
            "SoThuTuThua, landuse or KyHieuMucDichSuDung, legal_area or DienTichPhapLy); rules "
            "whose fields are missing are skipped and listed in the summary. A layer in "
            "longitude/latitude is checked in the UTM zone of its centre. The tolerance is in "
            "metres; empty means the point accuracy of the map sheet scale (15 cm at 1:1000).")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Parcel layer"), [QgsProcessing.TypeVectorPolygon]))
        labels = {"id": self.tr("Parcel identifier field"),
                  "sheet": self.tr("Map sheet number field"),
                  "number": self.tr("Parcel number field"),
                  "landuse": self.tr("Land-use code field"),
                  "legal_area": self.tr("Legal area field")}
        for role, parameter in _FIELD_PARAMETERS.items():
            self.addParameter(QgsProcessingParameterField(
                parameter, labels[role], parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.TOLERANCE, self.tr("Tolerance (m; empty: the sheet scale's point accuracy)"),
            QgsProcessingParameterNumber.Double, optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterEnum(
            self.RULES, self.tr("Rules (none chosen: all)"),
            [f"{cls.id}: {cls.name_en}" for cls in registry.RULES], allowMultiple=True,
            optional=True))
        names = {0: self.tr("Errors: points"), 1: self.tr("Errors: lines"),
                 2: self.tr("Errors: areas")}
        kinds = {0: QgsProcessing.TypeVectorPoint, 1: QgsProcessing.TypeVectorLine,
                 2: QgsProcessing.TypeVectorPolygon}
        for dimension, (parameter, _) in _SINKS.items():
            self.addParameter(QgsProcessingParameterFeatureSink(
                parameter, names[dimension], kinds[dimension]))
        self.addOutput(QgsProcessingOutputString(self.SUMMARY, self.tr("Summary (JSON)")))
        self.addOutput(QgsProcessingOutputNumber("ERRORS", self.tr("Errors")))
        self.addOutput(QgsProcessingOutputNumber("WARNINGS", self.tr("Warnings")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        lang = _language()
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.tr("The parcel layer cannot be read."))
        given = {role: self.parameterAsString(parameters, p, context)
                 for role, p in _FIELD_PARAMETERS.items()}
        tolerance = None
        if parameters.get(self.TOLERANCE) not in (None, ""):
            tolerance = self.parameterAsDouble(parameters, self.TOLERANCE, context)
        # Nothing chosen means every rule (QGIS would hand back the first option instead).
        chosen = self.parameterAsEnums(parameters, self.RULES, context) \
            if parameters.get(self.RULES) not in (None, "", []) else []
        rules = registry.create([registry.RULES[k].id for k in chosen] if chosen else None)
        try:
            fields = resolve_fields(source.fields().names(), given)
            with _working_copy_of(self.parameterAsVectorLayer(parameters, self.INPUT, context)) \
                    as working_copy:
                ctx = build_context(source, fields, tolerance, working_copy, feedback)
            if feedback.isCanceled():
                return {}

            def progress(fraction: float, _step: str) -> bool:
                feedback.setProgress(20 + 75 * fraction)  # reading the layer was the first 20 %
                return not feedback.isCanceled()

            result = run_rules(ctx, rules, progress=progress)
        except Cancelled:
            return {}
        except CadastreError as error:
            raise QgsProcessingException(error.text(lang))
        outputs = self._write(result.findings, ctx, source, parameters, context, lang)
        summary = _summary(result, ctx)
        errors, warnings = len(result.errors), len(result.warnings)
        feedback.pushInfo(self.tr("{parcels} parcels checked in {seconds} s (tolerance {tolerance} "
                                  "m, {crs}): {errors} errors, {warnings} warnings.").format(
            parcels=result.parcels, seconds=f"{result.seconds:.2f}",
            tolerance=f"{ctx.tolerances.distance:g}", crs=ctx.crs, errors=errors,
            warnings=warnings))
        for rule, missing in result.skipped:
            feedback.pushInfo(self.tr("{rule} skipped: the layer has no {fields}.").format(
                rule=rule, fields=", ".join(missing)))
        outputs.update({self.SUMMARY: json.dumps(summary, ensure_ascii=False),
                        "ERRORS": errors, "WARNINGS": warnings})
        return outputs

    def _write(self, findings, ctx, source, parameters, context, lang) -> dict:
        fields = QgsFields()
        for name in ("rule", "severity", "name", "message", "message_en", "message_vi",
                     "parcels"):
            fields.append(QgsField(name, QVariant.String))
        fields.append(QgsField("fixable", QVariant.Int))
        if ctx.crs_epsg:
            crs = QgsCoordinateReferenceSystem(f"EPSG:{ctx.crs_epsg}")
        elif ctx.crs_wkt:
            crs = QgsCoordinateReferenceSystem.fromWkt(ctx.crs_wkt)
        else:
            crs = source.sourceCrs()
        sinks, outputs = {}, {}
        for dimension, (parameter, wkb_type) in _SINKS.items():
            sink, sink_id = self.parameterAsSink(parameters, parameter, context, fields, wkb_type,
                                                 crs)
            sinks[dimension] = sink
            outputs[parameter] = sink_id
        for f in findings:
            attributes = [f.rule, f.severity, rule_name(f.rule, lang), f.message(lang), f.en, f.vi,
                          ",".join(map(str, f.parcels)), int(f.fixable)]
            for dimension, geom in split_by_dimension(f.geometry).items():
                if sinks[dimension] is None:
                    continue
                feature = QgsFeature(fields)
                feature.setGeometry(to_qgs(geom))
                feature.setAttributes(attributes)
                sinks[dimension].addFeature(feature, QgsFeatureSink.FastInsert)
        return outputs


def _summary(result, ctx) -> dict:
    by_rule: dict = {}
    for f in result.findings:
        counts = by_rule.setdefault(f.rule, {"error": 0, "warning": 0})
        counts[f.severity] += 1
    return {"parcels": result.parcels, "seconds": round(result.seconds, 3), "crs": ctx.crs,
            "tolerance": ctx.tolerances.distance, "fields": ctx.source_fields,
            "rules": result.rules,
            "skipped": [{"rule": rule, "missing": missing} for rule, missing in result.skipped],
            "errors": len(result.errors), "warnings": len(result.warnings), "by_rule": by_rule}


@contextmanager
def _working_copy_of(layer):
    """The open WorkingCopy when ``layer`` is a working copy's parcel layer, else None."""
    from ..core.working_copy import PARCEL_LAYER, WorkingCopy, is_working_copy
    from ..ui.working_copy_detection import ogr_source

    found = ogr_source(layer) if layer is not None else None
    if not (found and found[1] == PARCEL_LAYER and os.path.isfile(found[0])
            and is_working_copy(found[0])):
        yield None
        return
    wc = WorkingCopy.open(found[0], migrate=False)
    try:
        yield wc
    finally:
        wc.close()
