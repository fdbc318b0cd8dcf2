"""Renders the parcel extract: fills the layout template for one parcel and writes the PDF.

Everything is built in a private QgsProject, so rendering an extract from the plugin leaves
the user's project untouched. The map shows the working copy's parcels around the one
extracted, which is drawn heavier and labelled with its number, land use and area; its
numbered boundary points and edge lengths are memory layers made for the occasion.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Optional

import shapely
from qgis.core import (QgsCoordinateReferenceSystem, QgsExpressionContextUtils, QgsFeature,
                       QgsFillSymbol, QgsGeometry, QgsLayoutExporter, QgsLayoutItemLabel,
                       QgsLayoutItemManualTable, QgsLayoutItemPicture, QgsLayoutItemScaleBar,
                       QgsLayoutPoint,
                       QgsLayoutSize, QgsMarkerSymbol, QgsPalLayerSettings,
                       QgsPrintLayout, QgsProject, QgsProperty, QgsReadWriteContext, QgsRectangle,
                       QgsRenderContext, QgsScaleBarSettings, QgsSingleSymbolRenderer,
                       QgsTableCell, QgsVectorLayer,
                       QgsVectorLayerSimpleLabeling)
from qgis.PyQt.QtGui import QFont
from qgis.PyQt.QtXml import QDomDocument

from ..core.messages import CadastreError
from .extract_data import (ExtractData, choose_scale, date_vi, edge_label_points, fmt_area,
                           load_extract, table_rows, vertex_label_points)
from .template import (CONTINUATION_TOP, FONT, MM, NORTH_ARROW, PAGE_BOTTOM_MARGIN,
                       REQUIRED_IDS, TEMPLATE, text_format)

DEFAULT_OFFICE = "VĂN PHÒNG ĐĂNG KÝ ĐẤT ĐAI"


def load_template(project: QgsProject, path: Path = TEMPLATE) -> QgsPrintLayout:
    doc = QDomDocument()
    ok = doc.setContent(Path(path).read_text(encoding="utf-8"))
    if not (ok[0] if isinstance(ok, tuple) else ok):
        raise CadastreError("extract.template", f"The layout template '{path}' is not valid XML.",
                            f"Mẫu trình bày '{path}' không phải XML hợp lệ.", str(path))
    layout = QgsPrintLayout(project)
    layout.loadFromTemplate(doc, QgsReadWriteContext())
    ids = {item.id() for item in layout.items() if hasattr(item, "id")}
    missing = [i for i in REQUIRED_IDS if i not in ids]
    if missing:
        raise CadastreError(
            "extract.template",
            f"The layout template '{path}' lacks the item(s) {', '.join(missing)}; restore them "
            "(item ids in the layout designer) or use the template shipped with the plugin.",
            f"Mẫu trình bày '{path}' thiếu đối tượng {', '.join(missing)}; hãy khôi phục (mã "
            "đối tượng trong trình thiết kế bản in) hoặc dùng mẫu kèm theo plugin.", str(path))
    return layout


def _variables(layout, data: ExtractData, scale: int, office: str) -> None:
    c, p = data.commune, data.parcel
    landuse = "; ".join(f"{code} - {name}" if name else code for code, name in data.landuse)
    values = {
        "cadastre_office": office,
        "cadastre_parcel_no": str(p.parcel_no), "cadastre_sheet_no": str(p.sheet_no),
        "cadastre_sheet_scale": f"1:{data.sheet_scale}" if data.sheet_scale else "",
        "cadastre_grid_number": data.grid_number or "",
        "cadastre_commune": c.name, "cadastre_district": c.district_name,
        "cadastre_province": c.province_name, "cadastre_area": fmt_area(p.area),
        "cadastre_legal_area": fmt_area(p.legal_area), "cadastre_landuse": landuse,
        "cadastre_address": p.address or "",
        "cadastre_holders": "; ".join(data.holders) or "(chưa đăng ký)",
        "cadastre_map_scale": str(scale), "cadastre_crs": data.crs_name,
        "cadastre_place": c.name, "cadastre_date": date_vi(data.day),
        "cadastre_vertex_count": str(len(data.vertices)),
    }
    for name, value in values.items():
        QgsExpressionContextUtils.setLayoutVariable(layout, name, value)


def _labels(layer, expression: str, size: float, bold: bool = False, rotation_field=None):
    s = QgsPalLayerSettings()
    s.fieldName = expression
    s.isExpression = True
    s.setFormat(text_format(size, bold))
    s.placement = QgsPalLayerSettings.OverPoint
    s.centroidInside = True
    s.displayAll = True  # every number and length is part of the document: none may drop
    if rotation_field:
        s.dataDefinedProperties().setProperty(QgsPalLayerSettings.LabelRotation,
                                              QgsProperty.fromField(rotation_field))
    layer.setLabeling(QgsVectorLayerSimpleLabeling(s))
    layer.setLabelsEnabled(True)


def _memory_layer(kind: str, epsg: int, name: str, fields: str):
    return QgsVectorLayer(f"{kind}?crs=EPSG:{epsg}&{fields}", name, "memory")


def _add(layer, rows):
    """rows: (shapely geometry, [attribute values])."""
    feats = []
    for geom, attrs in rows:
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromWkt(geom.wkt))
        f.setAttributes(attrs)
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    layer.updateExtents()


def _layers(data: ExtractData, wc_path: str, scale: int) -> list:
    """Top to bottom: point numbers, edge lengths, the parcel, the parcels around it."""
    epsg = data.commune.crs_epsg
    poly = data.parcel.geometry
    per_mm = scale / 1000.0  # metres on the ground per millimetre on paper

    parcels = QgsVectorLayer(f"{wc_path}|layername=parcels", "thửa đất", "ogr")
    if not parcels.isValid():
        raise CadastreError("extract.layer", f"QGIS cannot open the parcels of '{wc_path}'.",
                            f"QGIS không mở được lớp thửa đất của '{wc_path}'.", wc_path)
    parcels.setSubsetString("status = 'current'")
    parcels.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "255,255,255,0", "outline_color": "60,60,60", "outline_width": "0.2"})))
    sheet = data.parcel.sheet_no
    _labels(parcels, f"CASE WHEN \"uuid\" = '{data.parcel.uuid}' THEN '' "
                     f"WHEN \"sheet_no\" = {sheet} THEN to_string(\"parcel_no\") "
                     "ELSE concat(\"sheet_no\", '/', \"parcel_no\") END", 7)

    subject = _memory_layer("Polygon", epsg, "thửa trích lục", "field=label:string")
    label = f"{data.parcel.parcel_no}\n{data.parcel.landuse or ''}\n{fmt_area(data.parcel.area)}"
    _add(subject, [(poly, [label])])
    subject.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "255,236,179,120", "outline_color": "0,0,0", "outline_width": "0.6"})))
    _labels(subject, '"label"', 8.5, bold=True)

    vertices = _memory_layer("Point", epsg, "điểm", "field=n:integer")
    _add(vertices, [(shapely.Point(v.y_easting, v.x_northing), [v.number])
                    for v in data.vertices])
    vertices.setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple(
        {"name": "circle", "size": "1.2", "color": "255,255,255", "outline_color": "0,0,0",
         "outline_width": "0.2"})))
    numbers = _memory_layer("Point", epsg, "số điểm", "field=n:integer")
    spots = vertex_label_points(poly, data.vertices, 2.2 * per_mm)
    _add(numbers, [(shapely.Point(p), [v.number]) for p, v in zip(spots, data.vertices)])
    numbers.setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple({"size": "0"})))
    _labels(numbers, '"n"', 7, bold=True)

    lengths = _memory_layer("Point", epsg, "cạnh", "field=text:string&field=rot:double")
    spots = edge_label_points(poly, data.edges, 1.8 * per_mm)
    _add(lengths, [(shapely.Point(p), [f"{e.length:.2f}", rot])
                   for (p, rot), e in zip(spots, data.edges)])
    lengths.setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple({"size": "0"})))
    _labels(lengths, '"text"', 6, rotation_field="rot")
    return [numbers, vertices, lengths, subject, parcels]


def _item(layout, item_id: str):
    return next(i for i in layout.items() if hasattr(i, "id") and i.id() == item_id)


def _fill_table(layout, data: ExtractData) -> None:
    frame = _item(layout, "coordinates")
    table = frame.multiFrame()
    if not isinstance(table, QgsLayoutItemManualTable):
        raise CadastreError("extract.template", "The 'coordinates' item of the template is not "
                            "a manual table.", "Đối tượng 'coordinates' của mẫu không phải bảng "
                            "nhập tay (manual table).")
    table.setTableContents([[QgsTableCell(v) for v in row] for row in table_rows(data)])
    table.recalculateFrameSizes()
    # ExtendToNextPage puts each new frame where the last one was (low on page 1): the rest
    # of a long table should start at the top of the next page and use all of it.
    pages = layout.pageCollection()
    page_h = pages.page(0).pageSize().height()
    for k in range(1, table.frameCount()):
        extra = table.frame(k)
        page = pages.pageNumberForPoint(extra.pos())
        extra.attemptMove(QgsLayoutPoint(frame.positionWithUnits().x(), CONTINUATION_TOP, MM),
                          True, False, page)
        extra.attemptResize(QgsLayoutSize(frame.sizeWithUnits().width(),
                                          page_h - CONTINUATION_TOP - PAGE_BOTTOM_MARGIN, MM))
        table.recalculateFrameSizes()
    for page in range(1, pages.pageCount()):
        _continuation_header(layout, page, data)


def _continuation_header(layout, page: int, data: ExtractData) -> None:
    head = QgsLayoutItemLabel(layout)
    head.setText(f"TRÍCH LỤC BẢN ĐỒ ĐỊA CHÍNH - Thửa đất số {data.parcel.parcel_no}, tờ bản đồ "
                 f"số {data.parcel.sheet_no} (trang {page + 1})\n"
                 "BẢNG TỌA ĐỘ ĐỈNH THỬA VÀ CHIỀU DÀI CẠNH (tiếp theo)")
    font = QFont(FONT)
    font.setPointSizeF(9)
    font.setBold(True)
    head.setFont(font)
    head.setId(f"continuation_{page + 1}")
    layout.addLayoutItem(head)
    head.attemptMove(QgsLayoutPoint(12, 14, MM), True, False, page)
    head.attemptResize(QgsLayoutSize(186, 12, MM))


def render(data: ExtractData, wc_path: str, output: str, template: Path = TEMPLATE,
           office: str = DEFAULT_OFFICE) -> dict:
    """Writes the extract of ``data`` to ``output`` (PDF); returns what was printed."""
    project = QgsProject()
    project.setCrs(QgsCoordinateReferenceSystem(f"EPSG:{data.commune.crs_epsg}"))
    layout = load_template(project, template)
    map_item = _item(layout, "map")
    size = map_item.sizeWithUnits()
    minx, miny, maxx, maxy = data.parcel.geometry.bounds
    scale = choose_scale((minx, miny, maxx, maxy), size.width(), size.height())
    _variables(layout, data, scale, office)
    layers = _layers(data, wc_path, scale)
    project.addMapLayers(layers, False)
    map_item.setCrs(QgsCoordinateReferenceSystem(f"EPSG:{data.commune.crs_epsg}"))
    map_item.setLayers(layers)
    map_item.setKeepLayerSet(True)
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    half_w, half_h = size.width() * scale / 2000, size.height() * scale / 2000
    # setExtent, not zoomToExtent: the template's map has no extent yet, and zoomToExtent keeps
    # the current (undefined) aspect ratio. The rectangle has the frame's own ratio, so the
    # item keeps its size.
    map_item.setExtent(QgsRectangle(cx - half_w, cy - half_h, cx + half_w, cy + half_h))
    map_item.setScale(scale)
    bar = _item(layout, "scalebar")
    if isinstance(bar, QgsLayoutItemScaleBar):
        # Round segments of 1 cm on paper (5 m at 1:500), not the odd lengths FitWidth picks.
        bar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFixed)
        bar.setUnitsPerSegment(scale / 100)
        bar.update()
    arrow = _item(layout, "north_arrow")
    if isinstance(arrow, QgsLayoutItemPicture) and not arrow.picturePath():
        arrow.setPicturePath(str(NORTH_ARROW))
    _fill_table(layout, data)
    layout.refresh()
    exporter = QgsLayoutExporter(layout)
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = 300
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = True
    # Text stays text in the PDF: searchable, copyable, and checked by the tests.
    settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    result = exporter.exportToPdf(str(output), settings)
    if result != QgsLayoutExporter.Success:
        raise CadastreError("extract.pdf", f"QGIS could not write '{output}' (error {result}). "
                            "Check that the folder is writable and the file not open elsewhere.",
                            f"QGIS không ghi được '{output}' (lỗi {result}). Hãy kiểm tra quyền "
                            "ghi thư mục và tệp không bị mở ở nơi khác.", str(output))
    pages = layout.pageCollection().pageCount()
    project.removeAllMapLayers()
    return {"output": str(output), "pages": pages, "scale": scale,
            "vertices": len(data.vertices), "parcel": data.parcel.label}


def extract_pdf(wc_path: str, sheet_no: int, parcel_no: int, output: str,
                day: Optional[date] = None, template: Path = TEMPLATE,
                office: str = DEFAULT_OFFICE) -> dict:
    data = load_extract(wc_path, sheet_no, parcel_no, day)
    return render(data, wc_path, output, template, office)
