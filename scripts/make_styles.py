"""Regenerates the QGIS default styles in cadastre_plugin/styles/ from the schema.

Run after changing the schema (`.venv/bin/python scripts/make_styles.py`) and commit the .qml
files: the core copies them into every new working copy's layer_styles table, so the layers
come up styled, labelled and with Vietnamese field names in any QGIS, with or without the plugin.
A test checks that the committed styles still match the schema.
"""
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qgis.core import (  # noqa: E402
    QgsApplication, QgsAttributeEditorContainer, QgsAttributeEditorField,
    QgsCategorizedSymbolRenderer, QgsDefaultValue, QgsEditFormConfig, QgsEditorWidgetSetup,
    QgsFieldConstraints, QgsFillSymbol, QgsPalLayerSettings, QgsRendererCategory,
    QgsTextBufferSettings, QgsTextFormat, QgsVectorLayer, QgsVectorLayerSimpleLabeling)
from qgis.PyQt.QtGui import QColor, QFont  # noqa: E402

from cadastre_plugin.core import codelists, schema  # noqa: E402
from cadastre_plugin.core.model import Commune  # noqa: E402
from cadastre_plugin.core.working_copy import WorkingCopy  # noqa: E402

STYLES = ROOT / "cadastre_plugin" / "styles"

# Fill colours by the main land-use code, after the colour conventions of Vietnamese
# cadastral and land-use maps (residential pink, rice yellow, perennial green, water blue...).
LANDUSE_GROUPS = [
    ("residential", "Đất ở / Residential", "#ffb3b3", ["ONT", "ODT"]),
    ("rice", "Đất trồng lúa / Rice", "#fff27a", ["LUC", "LUK", "LUN"]),
    ("annual", "Cây hằng năm khác / Other annual crops", "#ffe0a0", ["BHK", "NHK", "HNK"]),
    ("perennial", "Cây lâu năm / Perennial crops", "#c8e6a0", ["CLN"]),
    ("forest", "Đất rừng / Forest", "#7fc97f", ["RSX", "RPH", "RDD"]),
    ("aquaculture", "Nuôi trồng thuỷ sản / Aquaculture", "#a6d8f0", ["NTS", "LMU"]),
    ("water", "Sông, mặt nước / Water", "#8ecae6", ["SON", "MNC"]),
    ("infrastructure", "Giao thông, thuỷ lợi / Infrastructure", "#e0e0e0", ["DGT", "DTL", "DNL", "DBV"]),
    ("unused", "Đất chưa sử dụng / Unused", "#f5f5f5", ["BCS", "DCS", "NCS"]),
]


def group_expression() -> str:
    cases = " ".join(
        f"WHEN left(\"landuse\", 3) IN ({', '.join(repr(c) for c in codes)}) THEN '{key}'"
        for key, _, _, codes in LANDUSE_GROUPS)
    return f"CASE {cases} ELSE 'other' END"


def fill(color: str, outline: str = "#333333", width: str = "0.2") -> QgsFillSymbol:
    return QgsFillSymbol.createSimple({"color": color, "outline_color": outline,
                                       "outline_width": width, "outline_width_unit": "MM"})


def text_format(size: float, bold: bool = False) -> QgsTextFormat:
    fmt = QgsTextFormat()
    font = QFont("DejaVu Sans")
    font.setBold(bold)
    fmt.setFont(font)
    fmt.setSize(size)
    buf = QgsTextBufferSettings()
    buf.setEnabled(True)
    buf.setSize(0.6)
    buf.setColor(QColor("white"))
    fmt.setBuffer(buf)
    return fmt


def labeling(expression: str, size: float, max_scale_denominator: float, bold=False):
    s = QgsPalLayerSettings()
    s.fieldName = expression
    s.isExpression = True
    s.setFormat(text_format(size, bold))
    s.placement = QgsPalLayerSettings.OverPoint
    s.scaleVisibility = True
    s.minimumScale = max_scale_denominator  # QGIS calls the most zoomed-out scale "minimum"
    s.maximumScale = 0
    return QgsVectorLayerSimpleLabeling(s)


def set_aliases(layer: QgsVectorLayer, columns) -> None:
    for c in columns:
        idx = layer.fields().indexOf(c.name)
        if idx >= 0:
            layer.setFieldAlias(idx, c.alias_vi)


def style_parcels(layer: QgsVectorLayer) -> None:
    categories = [QgsRendererCategory(key, fill(color), label)
                  for key, label, color, _ in LANDUSE_GROUPS]
    categories.append(QgsRendererCategory("other", fill("#f0e6ff"), "Đất khác / Other"))
    layer.setRenderer(QgsCategorizedSymbolRenderer(group_expression(), categories))
    layer.setLabeling(labeling(
        "\"sheet_no\" || '/' || \"parcel_no\" || '\\n' || coalesce(\"landuse\", '') || "
        "'\\n' || coalesce(format_number(\"area\", 1), '')", 8, 5000))
    layer.setLabelsEnabled(True)
    set_aliases(layer, schema.PARCEL_COLUMNS)
    read_only = {"uuid", "area", "status", "version", "valid_from", "valid_to"}
    for name in read_only:
        idx = layer.fields().indexOf(name)
        form = layer.editFormConfig()
        form.setReadOnly(idx, True)
        layer.setEditFormConfig(form)
    status = layer.fields().indexOf("status")
    layer.setEditorWidgetSetup(status, QgsEditorWidgetSetup("ValueMap", {"map": [
        {"Đang sử dụng / Current": "current"}, {"Đã xoá bỏ / Retired": "retired"}]}))
    layer.setDisplayExpression("\"sheet_no\" || '/' || \"parcel_no\"")
    parcel_form(layer)


# Field groups of the parcel form: (tab title, fields).
FORM_TABS = (
    ("Thửa đất / Parcel", ("sheet_no", "parcel_no", "commune_code", "landuse", "address")),
    ("Diện tích / Area", ("area", "legal_area")),
    ("Lịch sử / History", ("status", "version", "valid_from", "valid_to", "old_sheet_no",
                           "old_parcel_no", "uuid")),
)


def parcel_form(layer: QgsVectorLayer) -> None:
    """The attribute form QGIS shows for a parcel, consistent with the core's model: land use
    picked from the code list by name, the rules of validation.check_parcel as constraints,
    and the area recomputed from the geometry (planar, in the commune's TM-3 CRS, 0.1 m²)
    whenever QGIS's own tools change it."""
    fields = layer.fields()
    codes = codelists.load("landuse")
    idx = fields.indexOf("landuse")
    layer.setEditorWidgetSetup(idx, QgsEditorWidgetSetup("ValueMap", {"map": [
        {f"{code} – {codes.name(code, 'vi')}": code} for code in codes.codes]}))
    quoted = ", ".join(f"'{code}'" for code in codes.codes)
    # Composite values ("ONT+CLN") keep their text: every part must be in the code list.
    # Soft: an imported parcel with an old code can still be edited, with the warning shown.
    constraint(layer, "landuse",
               f"array_all(array({quoted}), string_to_array(trim(\"landuse\"), '+'))",
               f"Mã loại đất phải thuộc danh mục {codes.version}, nhiều mã nối bằng '+' "
               "(ví dụ ONT+CLN) / Land-use codes of the code list, joined with '+'", soft=True)
    constraint(layer, "commune_code", "regexp_match(\"commune_code\", '^[0-9]{5}$') > 0",
               "Mã xã gồm 5 chữ số / The commune code has 5 digits")
    for name, text in (("sheet_no", "Số hiệu tờ bản đồ"), ("parcel_no", "Số thửa")):
        constraint(layer, name, f"\"{name}\" > 0",
                   f"{text} là số nguyên dương / A positive whole number")
    constraint(layer, "legal_area", "\"legal_area\" IS NULL OR \"legal_area\" > 0",
               "Diện tích pháp lý lớn hơn 0 / The legal area is positive")
    for name in ("commune_code", "sheet_no", "parcel_no"):
        layer.setFieldConstraint(fields.indexOf(name), QgsFieldConstraints.ConstraintNotNull,
                                 QgsFieldConstraints.ConstraintStrengthHard)
    layer.setDefaultValueDefinition(fields.indexOf("area"),
                                    QgsDefaultValue("round(area($geometry), 1)", True))
    form = layer.editFormConfig()
    form.setLayout(QgsEditFormConfig.TabLayout)
    form.clearTabs()
    for title, names in FORM_TABS:
        tab = QgsAttributeEditorContainer(title, form.invisibleRootContainer())
        tab.setColumnCount(1)
        for name in names:
            tab.addChildElement(QgsAttributeEditorField(name, fields.indexOf(name), tab))
        form.addTab(tab)
    layer.setEditFormConfig(form)


def constraint(layer: QgsVectorLayer, name: str, expression: str, description: str,
               soft: bool = False) -> None:
    idx = layer.fields().indexOf(name)
    layer.setConstraintExpression(idx, expression, description)
    layer.setFieldConstraint(idx, QgsFieldConstraints.ConstraintExpression,
                             QgsFieldConstraints.ConstraintStrengthSoft if soft
                             else QgsFieldConstraints.ConstraintStrengthHard)


def style_versions(layer: QgsVectorLayer) -> None:
    from qgis.core import QgsSingleSymbolRenderer
    layer.setRenderer(QgsSingleSymbolRenderer(fill("255,255,255,0", "#888888", "0.3")))
    set_aliases(layer, schema.PARCEL_COLUMNS)
    layer.setDisplayExpression("\"sheet_no\" || '/' || \"parcel_no\" || ' (' || \"valid_to\" || ')'")


def style_sheets(layer: QgsVectorLayer) -> None:
    from qgis.core import QgsSingleSymbolRenderer
    symbol = QgsFillSymbol.createSimple({"color": "255,255,255,0", "outline_color": "#b22222",
                                         "outline_width": "0.6", "outline_style": "dash"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    layer.setLabeling(labeling("'Tờ ' || \"sheet_no\" || '  (' || \"grid_number\" || ', 1:' || "
                               "\"scale\" || ')'", 10, 50000, bold=True))
    layer.setLabelsEnabled(True)
    for name, alias in (("commune_code", "Mã xã"), ("sheet_no", "Số hiệu tờ bản đồ"),
                        ("grid_number", "Phiên hiệu mảnh"), ("scale", "Tỷ lệ"),
                        ("crs_epsg", "Hệ toạ độ (EPSG)")):
        layer.setFieldAlias(layer.fields().indexOf(name), alias)
    layer.setDisplayExpression("'Tờ ' || \"sheet_no\"")


def main() -> None:
    app = QgsApplication([], False)
    app.initQgis()
    STYLES.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "style.gpkg")
        # Styles are made on an empty working copy, so they match the schema exactly.
        for old in STYLES.glob("*.qml"):
            old.unlink()
        WorkingCopy.create(path, Commune("00000", "style", 9210)).close()
        for table, styler in ((schema.PARCEL_LAYER, style_parcels),
                              (schema.PARCEL_VERSIONS_LAYER, style_versions),
                              (schema.SHEET_LAYER, style_sheets)):
            layer = QgsVectorLayer(f"{path}|layername={table}", table, "ogr")
            assert layer.isValid(), table
            styler(layer)
            message, ok = layer.saveNamedStyle(str(STYLES / f"{table}.qml"))
            assert ok, message
            print("wrote", STYLES / f"{table}.qml")
    app.exitQgis()


if __name__ == "__main__":
    main()
