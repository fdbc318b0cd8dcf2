"""`cadastre import-dgn | import | export | extract`: bringing maps in and out.

Registered into the main parser by :func:`register`. Exit codes as for every command: 0 done
cleanly, 1 done with problems reported (every one listed, and written to ``--report``), 2 bad
input (a bilingual message on stderr, nothing written).
"""
from __future__ import annotations

import re

from .core.messages import CadastreError, preferred_language

_COMMUNE_CODE = re.compile(r"^\d{5}$")
MAX_LISTED = 50  # problems printed on the terminal; the --report file has all of them


def _commune(args):
    """The Commune to create a working copy for, or None when the output exists already."""
    from pathlib import Path

    from .core.imports.reproject import check_target_crs
    from .core.model import Commune

    code = args.commune
    if code is not None and not _COMMUNE_CODE.match(code):
        raise CadastreError(
            "cli.commune", f"--commune must be the 5-digit commune code (mã xã), not '{code}'.",
            f"--commune phải là mã xã 5 chữ số, không phải '{code}'.")
    if Path(args.output).exists():
        if args.crs is not None:
            check_target_crs(args.crs)
        return Commune(code or "", args.commune_name or "", args.crs or 0) if code or args.crs \
            else None
    missing = [opt for opt, value in (("--commune", code), ("--crs", args.crs)) if value is None]
    if missing:
        raise CadastreError(
            "cli.new_working_copy",
            f"'{args.output}' does not exist, so a new working copy is made: give "
            f"{' and '.join(missing)} (commune code and its VN-2000 TM-3 EPSG code, e.g. 9210).",
            f"'{args.output}' chưa tồn tại nên sẽ tạo bản sao làm việc mới: hãy nhập "
            f"{' và '.join(missing)} (mã xã và mã EPSG múi chiếu TM-3 VN-2000, ví dụ 9210).")
    check_target_crs(args.crs)
    return Commune(code, args.commune_name or code, int(args.crs))


def _finish(report, args) -> int:
    lang = preferred_language()
    if args.report:
        report.write(args.report)
    lines = report.lines(lang)
    for line in lines[:MAX_LISTED]:
        print(line)
    if len(lines) > MAX_LISTED:
        more = len(lines) - MAX_LISTED
        print(f"... {more} more" + (f" in {args.report}" if args.report else
                                    " (use --report FILE to get all)"))
    if lang == "vi":
        print(f"Đã nhập {report.imported} thửa; {report.count('error')} lỗi, "
              f"{report.count('warning')} cảnh báo, {report.count('info')} chỗ tự sửa.")
    else:
        print(f"Imported {report.imported} parcels; {report.count('error')} errors, "
              f"{report.count('warning')} warnings, {report.count('info')} automatic repairs.")
    return 1 if report.has_problems else 0


def _cmd_import_dgn(args) -> int:
    from .io.dgn_import import import_dgn

    commune = _commune(args)
    report = import_dgn(args.file, args.output, commune, args.sheet, args.scale,
                        tolerance=args.tolerance, area_tolerance_m2=args.area_tolerance)
    return _finish(report, args)


def _add_commune_options(p, crs_help: str) -> None:
    p.add_argument("--output", required=True, help="working copy (.gpkg) to import into; "
                                                    "created if it does not exist")
    p.add_argument("--commune", help="commune code (mã xã, 5 digits); needed for a new "
                                     "working copy")
    p.add_argument("--commune-name", help="commune name for a new working copy")
    p.add_argument("--crs", type=int, help=crs_help)
    p.add_argument("--report", help="write every problem found, with its location, to this "
                                    "JSON file")


def register(sub) -> None:
    """Adds the import/export/extract subcommands to the `cadastre` parser."""
    p = sub.add_parser("import-dgn", help="import a MicroStation DGN v7 cadastral sheet "
                                          "(Circular 25/2014 levels) into a working copy")
    p.add_argument("file", help="the .dgn file (V7)")
    p.add_argument("--sheet", type=int, required=True, help="map sheet number (số hiệu tờ)")
    p.add_argument("--scale", type=int, required=True, help="sheet scale: 200, 500, 1000, 2000, "
                                                           "5000 or 10000")
    p.add_argument("--tolerance", type=float, help="snapping tolerance in metres (default: the "
                                                   "scale's boundary-point accuracy)")
    p.add_argument("--area-tolerance", type=float,
                   help="allowed difference between area text and computed area, m² (default: "
                        "half the perimeter times the point accuracy)")
    _add_commune_options(p, "EPSG code of the sheet's VN-2000 TM-3 CRS (e.g. 9210)")
    p.set_defaults(func=_cmd_import_dgn)
    _register_import(sub)
    _register_export(sub)
    _register_extract(sub)



def _cmd_import(args) -> int:
    from .core.imports.mapping import FieldMapping
    from .io.field_import import import_source

    if args.mapping and args.preset:
        raise CadastreError(
            "cli.mapping_or_preset", "Give either --mapping or --preset, not both.",
            "Chỉ chọn một trong --mapping hoặc --preset.")
    mapping = FieldMapping.load(args.mapping) if args.mapping else None
    commune = _commune(args)
    report = import_source(args.source, args.output, commune, layer=args.layer, mapping=mapping,
                           preset=args.preset, source_epsg=args.source_crs, sheet=args.sheet,
                           scale=args.scale, encoding=args.encoding,
                           save_mapping=args.save_mapping)
    return _finish(report, args)


def _register_import(sub) -> None:
    p = sub.add_parser("import", help="import parcels from a shapefile, MapInfo TAB, GeoPackage, "
                                      "GeoJSON or EDIGEO file through a field mapping")
    p.add_argument("source", help="the file to import (.shp, .tab, .gpkg, .geojson, .THF...)")
    p.add_argument("--layer", help="layer holding the parcels (when the source has several)")
    p.add_argument("--mapping", help="field mapping (JSON) from source fields to ours")
    p.add_argument("--preset", help="a ready-made mapping: vn (SoHieuToBanDo, SoThuTuThua... and "
                                    "their 10-character forms) or edigeo-pci; default: detected")
    p.add_argument("--save-mapping", help="write the mapping used to this JSON file, to edit "
                                          "and pass back with --mapping")
    p.add_argument("--sheet", type=int, help="map sheet number for every row (overrides the "
                                             "mapping)")
    p.add_argument("--scale", type=int, default=1000, help="scale of the sheets, for new sheet "
                                                           "records and tolerances (default 1000)")
    p.add_argument("--source-crs", type=int, help="EPSG code of the source's coordinates, when "
                                                  "the file has no CRS or a wrong one")
    p.add_argument("--encoding", help="text encoding of a shapefile without .cpg (e.g. UTF-8, "
                                      "CP1258)")
    _add_commune_options(p, "EPSG code of the commune's VN-2000 TM-3 CRS, for a new working "
                            "copy (the data are reprojected into it)")
    p.set_defaults(func=_cmd_import)


def _cmd_export(args) -> int:
    from .core.imports.selection import Selection
    from .io.export import export

    selection = Selection.parse(args.sheet or (), args.parcel or (), args.include_retired)
    result = export(args.path, args.output, args.format, selection, overwrite=args.force)
    print(f"{result['parcels']} parcels -> {result['output']} ({result['format']}, "
          f"EPSG:{result['crs_epsg']})")
    return 0


def _register_export(sub) -> None:
    p = sub.add_parser("export", help="export a working copy or a selection of it to "
                                      "GeoPackage, shapefile or GeoJSON (Vietnamese field names)")
    p.add_argument("path", help="the working copy (.gpkg)")
    p.add_argument("--output", required=True, help="file to write (.gpkg, .shp, .geojson)")
    p.add_argument("--format", choices=("gpkg", "shp", "geojson"),
                   help="output format (default: from the output's extension)")
    p.add_argument("--sheet", type=int, action="append", help="only this map sheet (repeatable)")
    p.add_argument("--parcel", action="append", help="only these parcels: SHEET/NUMBERS, e.g. "
                                                     "5/12, 5/12-20 or 5/12,15 (repeatable)")
    p.add_argument("--include-retired", action="store_true", help="retired parcels too")
    p.add_argument("--force", action="store_true", help="replace an existing output")
    p.set_defaults(func=_cmd_export)


def _parcel_ref(text: str) -> tuple:
    sheet, sep, number = str(text).partition("/")
    if not (sep and sheet.strip().isdigit() and number.strip().isdigit()):
        raise CadastreError(
            "cli.parcel", f"--parcel must be SHEET/NUMBER (e.g. 5/12), not '{text}'.",
            f"--parcel phải có dạng TỜ/SỐ THỬA (ví dụ 5/12), không phải '{text}'.")
    return int(sheet), int(number)


def _cmd_extract(args) -> int:
    from datetime import date
    from pathlib import Path

    from .printing.extract_data import load_extract

    sheet, number = _parcel_ref(args.parcel)
    try:
        day = date.fromisoformat(args.date) if args.date else None
    except ValueError:
        raise CadastreError("cli.date", f"--date must be YYYY-MM-DD, not '{args.date}'.",
                            f"--date phải có dạng YYYY-MM-DD, không phải '{args.date}'.") from None
    if args.template and not Path(args.template).is_file():
        raise CadastreError("cli.template", f"The template '{args.template}' does not exist.",
                            f"Không tìm thấy mẫu trình bày '{args.template}'.", args.template)
    # Checked before QGIS starts, so that a wrong parcel is reported at once.
    data = load_extract(args.path, sheet, number, day)
    from .printing.headless import qgis_app

    with qgis_app():
        from .printing.extract import DEFAULT_OFFICE, TEMPLATE, render

        result = render(data, args.path, args.output, Path(args.template or TEMPLATE),
                        args.office or DEFAULT_OFFICE)
    print(f"{result['output']}: parcel {result['parcel']}, {result['pages']} page(s), "
          f"scale 1:{result['scale']}, {result['vertices']} boundary points")
    return 0


def _register_extract(sub) -> None:
    p = sub.add_parser("extract", help="print the parcel extract (trích lục bản đồ địa chính) "
                                       "of one parcel to PDF (runs QGIS headless)")
    p.add_argument("path", help="the working copy (.gpkg)")
    p.add_argument("--parcel", required=True, help="SHEET/NUMBER, e.g. 5/12")
    p.add_argument("--output", required=True, help="the PDF to write")
    p.add_argument("--date", help="date printed on the extract, YYYY-MM-DD (default today)")
    p.add_argument("--office", help="issuing office printed at the top left")
    p.add_argument("--template", help="a layout template (.qpt) edited from the shipped one")
    p.set_defaults(func=_cmd_extract)
