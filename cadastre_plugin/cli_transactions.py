"""`cadastre import-vfk`: registers of other countries' formats into a working copy;
`cadastre approve` / `cadastre reject`: the officer's decision on a submitted transaction;
`cadastre withdraw-decision` takes back one not yet accepted by the server; `cadastre pending`
lists what waits for that decision (the officer's work queue).

Registered into the main parser by :func:`register`. Exit codes as for every command: 0 done
(for import-vfk: and every record mapped), 1 done with records not imported or altered (each
one listed), 2 bad input or a refused decision (a bilingual message on stderr, nothing
written).
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


def _cmd_decide(args) -> int:
    from .core.transactions.approval import approve, reject, withdraw
    from .core.working_copy import WorkingCopy

    with WorkingCopy.open(args.path) as wc:
        if args.command == "approve":
            decision = approve(wc, args.transaction, args.actor)
        elif args.command == "reject":
            decision = reject(wc, args.transaction, args.actor, args.reason)
        else:
            decision = withdraw(wc, args.transaction, args.actor)
    if args.command == "withdraw-decision":
        print(f"Đã rút lại quyết định; biến động {decision.transaction_uuid} lại chờ duyệt."
              if preferred_language() == "vi" else
              f"Decision withdrawn: transaction {decision.transaction_uuid} is submitted again.")
    elif preferred_language() == "vi":
        what = "Đã duyệt" if decision.approval == "approved" else "Đã từ chối"
        print(f"{what} biến động {decision.transaction_uuid} ({decision.actor}, "
              f"{decision.at}). Hãy đồng bộ (cadastre push) để gửi quyết định lên máy chủ.")
    else:
        print(f"Transaction {decision.transaction_uuid} {decision.approval} by "
              f"{decision.actor} at {decision.at}. Push (cadastre push) to send the decision "
              "to the server.")
    return 0


def _cmd_pending(args) -> int:
    from .core.transactions.approval import pending
    from .core.working_copy import WorkingCopy

    with WorkingCopy.open(args.path) as wc:
        queue = pending(wc)
    if args.json:
        print(json.dumps([p.to_dict() for p in queue], ensure_ascii=False))
        return 0
    vi = preferred_language() == "vi"
    if not queue:
        print("Không có biến động nào chờ duyệt." if vi else
              "Nothing waits for approval.")
        return 0
    print(f"{len(queue)} biến động chờ duyệt (cũ nhất trước):" if vi else
          f"{len(queue)} transaction(s) waiting for approval, oldest first:")
    for p in queue:
        parcels = ", ".join(label for _, label in p.parcels) or "-"
        if vi:
            print(f"- {p.recorded_at}  {p.type_name('vi')} ({p.type_code}), hồ sơ "
                  f"{p.dossier_no or '-'}, người lập {p.recorded_by or '-'}, thửa {parcels}"
                  f"\n  {p.uuid}")
        else:
            print(f"- {p.recorded_at}  {p.type_name('en')} ({p.type_code}), dossier "
                  f"{p.dossier_no or '-'}, recorded by {p.recorded_by or '-'}, parcels "
                  f"{parcels}\n  {p.uuid}")
    return 0


def register(sub) -> None:
    helps = {"approve": "approve a submitted registration change (officer); the decision is "
                        "journalled and sent by the next push",
             "reject": "reject a submitted registration change, with the reason (officer); "
                       "sent by the next push",
             "withdraw-decision": "take back a decision made here and not yet accepted by the "
                                  "server: the transaction is submitted again"}
    for name, text in helps.items():
        p = sub.add_parser(name, help=text)
        p.add_argument("path", help="the working copy (.gpkg)")
        p.add_argument("--transaction", required=True, metavar="UUID",
                       help="the transaction's UUID (shown in the parcel history)")
        if name == "reject":
            p.add_argument("--reason", required=True, help="why it is rejected (kept with it)")
        p.add_argument("--actor", help="the officer's name (default: the system user)")
        p.set_defaults(func=_cmd_decide, command=name)
    p = sub.add_parser("pending", help="list the submitted registration changes waiting for an "
                                       "officer's decision, oldest first")
    p.add_argument("path", help="the working copy (.gpkg)")
    p.add_argument("--json", action="store_true", help="print the list as JSON")
    p.set_defaults(func=_cmd_pending)
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
