"""`cadastre`: the command line, a thin layer over the core (no QGIS needed).

Exit codes: 0 success, 1 the command ran but found problems, 2 bad input (message on stderr).
Messages follow LANG/CADASTRE_LANG (Vietnamese when it starts with "vi").
"""
from __future__ import annotations

import argparse
import json
import sys
import time

from . import __version__
from . import cli_io
from . import cli_sync
from . import cli_transactions
from .core.messages import CadastreError, preferred_language


def _cmd_version(args) -> int:
    from .core.schema import SCHEMA_VERSION

    print(f"cadastre {__version__} (working-copy schema {SCHEMA_VERSION})")
    return 0


def _cmd_new_demo(args) -> int:
    from .core.demo import MAX_PARCELS, generate

    if not 1 <= args.parcels <= MAX_PARCELS:
        raise CadastreError(
            "cli.parcels", f"--parcels must be between 1 and {MAX_PARCELS:,}, not {args.parcels}.",
            f"--parcels phải từ 1 đến {MAX_PARCELS:,}, không phải {args.parcels}.")
    started = time.perf_counter()
    summary = generate(args.path, parcels=args.parcels, seed=args.seed, overwrite=args.force)
    summary["seconds"] = round(time.perf_counter() - started, 2)
    _print_summary(summary, args.json)
    return 0


def _cmd_info(args) -> int:
    from .core.working_copy import WorkingCopy

    with WorkingCopy.open(args.path, migrate=False) as wc:
        _print_summary(wc.summary(), args.json)
    return 0


def _cmd_check(args) -> int:
    from .core.quality import registry
    from .core.quality.report import as_json, as_text
    from .core.quality.run import run_rules
    from .core.quality.source import load_context

    if args.tolerance is not None and not args.tolerance > 0:
        raise CadastreError(
            "cli.tolerance", f"--tolerance must be a positive number of metres, not {args.tolerance}.",
            f"--tolerance phải là số mét dương, không phải {args.tolerance}.")
    rules = registry.create(registry.parse_ids(args.rules) if args.rules else None)
    fields = {"id": args.id_field, "sheet": args.sheet_field, "number": args.number_field,
              "landuse": args.landuse_field, "legal_area": args.legal_area_field}
    started = time.perf_counter()
    ctx = load_context(args.source, layer=args.layer, fields=fields, tolerance=args.tolerance)
    loaded = time.perf_counter() - started
    result = run_rules(ctx, rules)
    lang = preferred_language()
    if args.output:
        from .core.quality.error_layer import write_error_layer

        write_error_layer(args.output, result.findings, ctx.crs_epsg, ctx.crs_wkt, lang)
    if args.json:
        print(json.dumps(as_json(result, ctx, lang, loaded), ensure_ascii=False))
    else:
        print("\n".join(as_text(result, ctx, lang)))
    return 1 if result.errors else 0


def _print_summary(summary: dict, as_json: bool) -> None:
    if as_json:
        print(json.dumps(summary, ensure_ascii=False))
        return
    width = max(len(k) for k in summary)
    for key, value in summary.items():
        print(f"{key:<{width}}  {value}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cadastre",
        description="Cadastre Editor command line: Vietnamese cadastral working copies "
                    "(GeoPackage) without QGIS.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    p = sub.add_parser("version", help="print the version and the working-copy schema version")
    p.set_defaults(func=_cmd_version)
    p = sub.add_parser("new-demo", help="generate the demo commune (Hải Phòng, EPSG:9210) "
                                        "into a new working copy")
    p.add_argument("path", help="the .gpkg file to write")
    p.add_argument("--parcels", type=int, default=2000, help="number of parcels (default 2000, "
                                                             "at most 640000)")
    p.add_argument("--seed", type=int, default=1, help="random seed; the same seed gives the "
                                                        "same commune (default 1)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(func=_cmd_new_demo)
    p = sub.add_parser("info", help="describe a working copy (schema, commune, counts, journal)")
    p.add_argument("path")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(func=_cmd_info)
    p = sub.add_parser("check", help="check the topology and quality of parcels (working copy "
                                     "or any OGR polygon source); exit 1 if errors are found")
    p.add_argument("source", help="working copy, GeoPackage, shapefile, GeoJSON, EDIGEO (.THF "
                                  "or its folder)...")
    p.add_argument("--layer", help="the parcel layer, when the source has several")
    p.add_argument("--id-field", help="parcel identifier field (default: uuid, else the FID)")
    p.add_argument("--sheet-field", help="map sheet number field (default: sheet_no, SoHieuToBanDo)")
    p.add_argument("--number-field", help="parcel number field (default: parcel_no, SoThuTuThua)")
    p.add_argument("--landuse-field", help="land-use code field (default: landuse, "
                                           "KyHieuMucDichSuDung)")
    p.add_argument("--legal-area-field", help="legal area field (default: legal_area, "
                                              "DienTichPhapLy)")
    p.add_argument("--tolerance", type=float, help="distance tolerance in metres (default: the "
                                                   "point accuracy of the sheet scale, 0.15 m "
                                                   "at 1:1000)")
    p.add_argument("--rules", help="comma-separated rule ids to run (default: all)")
    p.add_argument("--output", help="write the errors to this GeoPackage (points, lines, polygons)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=_cmd_check)
    cli_io.register(sub)
    cli_sync.register(sub)
    cli_transactions.register(sub)
    return parser


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except CadastreError as exc:
        print(f"cadastre: {exc.text(preferred_language())}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
