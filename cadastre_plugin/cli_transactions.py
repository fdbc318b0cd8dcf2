"""`cadastre import-vfk`: registers of other countries' formats into a working copy.

Registered into the main parser by :func:`register`. Exit codes as for every command: 0 done
and every record mapped, 1 done with records not imported or altered (each one listed),
2 bad input (a bilingual message on stderr, nothing written).
"""
from __future__ import annotations

import json
import re

from .core.messages import CadastreError, preferred_language

_COMMUNE_CODE = re.compile(r"^\d{5}$")


def _cmd_import_vfk(args) -> int:
    from .io.vfk_import import import_vfk, write_report

    if args.commune is not None and not _COMMUNE_CODE.match(args.commune):
        raise CadastreError(
            "cli.commune", f"--commune must be a 5-digit code, not '{args.commune}'.",
            f"--commune phải là mã 5 chữ số, không phải '{args.commune}'.")
    report = import_vfk(args.files, args.output, args.commune, overwrite=args.overwrite)
    if args.report:
        write_report(report, args.report)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        lang = preferred_language()
        for line in report.lines(lang):
            print(line)
        c = report.counts
        if lang == "vi":
            print(f"Đã tạo {report.output}: {c['parcels']} thửa, {c['parties']} chủ, "
                  f"{c['ownership_records']} bản ghi sở hữu, {c['certificates']} giấy chứng "
                  f"nhận, {c['restrictions']} hạn chế.")
        else:
            print(f"Wrote {report.output}: {c['parcels']} parcels, {c['parties']} owners, "
                  f"{c['ownership_records']} ownership records, {c['certificates']} "
                  f"certificates, {c['restrictions']} restrictions.")
    return 1 if report.problems else 0


def register(sub) -> None:
    p = sub.add_parser(
        "import-vfk", help="import a Czech cadastral exchange file (VFK: parcels, owners, "
                           "shares, title deeds) into a new working copy, with a report")
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="the .vfk file(s), or their folder (map file and ownership register)")
    p.add_argument("--output", required=True, help="the working copy (.gpkg) to create")
    p.add_argument("--commune", help="commune code to use (default: the last 5 digits of the "
                                     "cadastral unit code)")
    p.add_argument("--overwrite", action="store_true", help="replace an existing output file")
    p.add_argument("--report", help="also write the report as JSON to this file")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=_cmd_import_vfk)
