"""`cadastre` commands for the central server and for synchronising working copies with it.

Server side: ``serve``, ``server-load``, ``server-token``. Client side, made for schedulers:
``checkout`` (``--commune``, ``--district`` or ``--bbox``), ``push``, ``pull``, ``status``,
``conflicts``, ``resolve``. Push carries the scanned documents its changes reference; checkout
and pull bring them (``--no-documents``: later, on demand).

Exit codes: 0 done; 2 bad input or credentials; 3 conflicts to resolve (nothing overwritten);
4 refused by validation (locally or by the server); 5 server unreachable after the retries
(try again later: a pending change set stays in the working copy's outbox; after a pull or
checkout whose data arrived, some scanned documents did not: run pull again).
The token comes from the CADASTRE_TOKEN environment variable or ``--token-file``; it is never
printed, and it is not stored in the working copy (only the server URL is).
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from .core.messages import CadastreError, preferred_language
from .core.sync.errors import EXIT_OK, EXIT_UNAVAILABLE, SyncError


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def _text(en: str, vi: str) -> str:
    return vi if preferred_language() == "vi" else en


def _token(args) -> str:
    if getattr(args, "token_file", None):
        try:
            token = Path(args.token_file).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise CadastreError("cli.token_file", f"Cannot read the token file: {exc}",
                                f"Không đọc được tệp mã truy cập: {exc}") from None
    else:
        token = os.environ.get("CADASTRE_TOKEN", "").strip()
    if not token:
        raise CadastreError("cli.token", "No token: set CADASTRE_TOKEN or give --token-file.",
                            "Chưa có mã truy cập: đặt biến CADASTRE_TOKEN hoặc dùng "
                            "--token-file.")
    return token


def _client(args, url: str):
    from .core.sync import ApiClient

    return ApiClient(url, _token(args), verify=args.ca_bundle or True, retries=args.retries)


def _open(path: str):
    from .core.working_copy import WorkingCopy

    return WorkingCopy.open(path)


def _server_url(wc) -> str:
    from .core.sync import state

    url = state.server_url(wc)
    if not url:
        raise CadastreError("cli.no_server", f"{wc.path} was not checked out from a server: "
                            "use cadastre checkout URL --commune CODE PATH.",
                            f"{wc.path} không được lấy về từ máy chủ: dùng cadastre checkout "
                            "URL --commune MÃ_XÃ PATH.")
    return url


def _print(data, as_json: bool) -> None:
    if as_json:
        print(json.dumps(data, ensure_ascii=False, default=str))
        return
    width = max((len(k) for k in data), default=0)
    for key, value in data.items():
        print(f"{key:<{width}}  {value}")


def _progress(args):
    if not args.progress:
        return None
    return lambda done, total, what: _say(f"{what}: {done}" + (f"/{total}" if total else ""))


def _sync_errors(fn):
    """Runs a sync command; its errors become their exit codes, with what to do printed."""
    def run(args) -> int:
        from .core.sync import Conflicts, Rejected

        try:
            return fn(args)
        except Rejected as exc:
            _say(f"cadastre: {exc.text(preferred_language())}")
            for v in exc.violations:
                _say(f"  [{v.get('rule')}] {v.get('label') or v.get('parcel') or ''}: "
                     f"{_text(v.get('message_en', ''), v.get('message_vi', ''))}")
            return exc.exit_code
        except Conflicts as exc:
            _say(f"cadastre: {exc.text(preferred_language())}")
            for c in exc.conflicts:
                _say(f"  {c['table']} {json.dumps(c['key'], ensure_ascii=False)}")
            return exc.exit_code
        except SyncError as exc:
            _say(f"cadastre: {exc.text(preferred_language())}")
            return exc.exit_code
    return run


# -- client commands --------------------------------------------------------------------------
def _documents_left(result: dict) -> int:
    """Rows are in; scans that did not arrive are listed and fetched by the next pull: exit
    with the reason's code (5: server unavailable, try again later)."""
    error = result.pop("_documents_error", None)
    if error is None:
        return EXIT_OK
    _say(f"cadastre: {error.text(preferred_language())}")
    _say(_text(f"{result['documents_pending']} scanned document(s) not downloaded yet; the data "
               "is in the working copy. Run cadastre pull again later.",
               f"{result['documents_pending']} tài liệu quét chưa tải về; dữ liệu đã có trong "
               "bản sao làm việc. Hãy chạy lại cadastre pull sau."))
    return error.exit_code


def _bbox(text):
    if text is None:
        return None
    try:
        values = [float(v) for v in text.split(",")]
    except ValueError:
        values = []
    if len(values) != 4:
        raise SyncError("cli.bbox", f"--bbox '{text}' must be four numbers: minx,miny,maxx,maxy.",
                        f"--bbox '{text}' phải gồm bốn số: minx,miny,maxx,maxy.")
    return values


@_sync_errors
def _cmd_checkout(args) -> int:
    from .core.sync import checkout

    client = _client(args, args.url)
    summary = checkout(client, args.commune, args.path, _progress(args), district=args.district,
                       bbox=_bbox(args.bbox), bbox_crs=args.bbox_crs,
                       documents=not args.no_documents)
    error = summary.pop("documents_error", None)
    _print(summary, args.json)
    if error:
        _say(f"cadastre: {error}")
        _say(_text("Scanned documents not downloaded yet will come with the next pull.",
                   "Các tài liệu quét chưa tải về sẽ được tải ở lần pull sau."))
        return EXIT_UNAVAILABLE
    return EXIT_OK


@_sync_errors
def _cmd_push(args) -> int:
    from .core.sync import push

    with _open(args.path) as wc:
        result = push(wc, _client(args, _server_url(wc)), _progress(args))
    _print({"changesets": result.changesets, "changes": result.changes,
            "revision": result.revision, "documents_uploaded": result.documents_uploaded,
            "document_bytes_sent": result.document_bytes_sent}, args.json)
    return EXIT_OK


@_sync_errors
def _cmd_pull(args) -> int:
    from .core.sync import Conflicts, pull

    with _open(args.path) as wc:
        result = pull(wc, _client(args, _server_url(wc)), _progress(args),
                      documents=not args.no_documents)
    out = {"head": result.head, "received": result.received, "applied": result.applied,
           "conflicts": len(result.conflicts), "documents_downloaded":
           result.documents_downloaded, "documents_pending": result.documents_pending,
           "_documents_error": result.documents_error}
    code = _documents_left(out)
    _print(out, args.json)
    if result.conflicts:
        raise Conflicts(result.conflicts)
    return code


def _cmd_status(args) -> int:
    from .core.sync import status

    with _open(args.path) as wc:
        _print(status(wc), args.json)
    return EXIT_OK


def _cmd_conflicts(args) -> int:
    from .core.sync import list_conflicts

    with _open(args.path) as wc:
        found = list_conflicts(wc)
    if args.json:
        print(json.dumps(found, ensure_ascii=False))
    for c in [] if args.json else found:
        mine = c["mine"]["data"] if c["mine"] else _text("(deleted here)", "(đã xoá ở đây)")
        theirs = c["theirs"]["data"] if c["theirs"] else _text("(deleted on the server)",
                                                               "(đã xoá trên máy chủ)")
        print(f"#{c['id']} {c['table']} {json.dumps(c['key'], ensure_ascii=False)}")
        for label, side in (("mine  ", mine), ("theirs", theirs)):
            if isinstance(side, dict):
                side = {k: v for k, v in side.items() if k != "geometry"}
            print(f"  {label}: {json.dumps(side, ensure_ascii=False)}")
    return 3 if found else EXIT_OK


@_sync_errors
def _cmd_resolve(args) -> int:
    from .core.sync import resolve

    data = None
    if args.edited:
        data = json.loads(Path(args.edited).read_text(encoding="utf-8"))
    with _open(args.path) as wc:
        resolve(wc, args.id, "edited" if data is not None else args.choice, data)
    return EXIT_OK


# -- server commands --------------------------------------------------------------------------
def _database(args) -> str:
    url = args.database or os.environ.get("CADASTRE_DATABASE_URL")
    if not url:
        raise CadastreError("cli.database", "Give --database URL (or set CADASTRE_DATABASE_URL).",
                            "Hãy cho --database URL (hoặc đặt CADASTRE_DATABASE_URL).")
    return url


def _cmd_serve(args) -> int:
    import uvicorn

    os.environ["CADASTRE_DATABASE_URL"] = _database(args)
    os.environ["CADASTRE_MAX_BODY"] = str(args.max_body_mb * 1024 * 1024)
    from server.db import init_schema

    init_schema(os.environ["CADASTRE_DATABASE_URL"])  # once, before the workers start
    uvicorn.run("server.app:app_from_env", factory=True, host=args.host, port=args.port,
                workers=args.workers, log_level=args.log_level)
    return EXIT_OK


def _cmd_server_load(args) -> int:
    from server.load import load

    _print(load(_database(args), args.path), args.json)
    return EXIT_OK


def _cmd_server_token(args) -> int:
    import psycopg

    from server.auth import create_token, revoke_token
    from server.db import init_schema

    url = _database(args)
    init_schema(url)
    with psycopg.connect(url, autocommit=True) as conn:
        if args.action == "create":
            if not args.role or not args.districts:
                raise CadastreError("cli.token_args", "create needs --role and --districts.",
                                    "Lệnh create cần --role và --districts.")
            try:
                token = create_token(conn, args.name, args.role, args.districts.split(","),
                                     args.days)
            except ValueError as exc:
                raise CadastreError("cli.token_args", str(exc), str(exc)) from None
            _say(_text("Store this token now: it is shown only once.",
                       "Hãy lưu mã này ngay: nó chỉ hiện một lần."))
            print(token)
            return EXIT_OK
        if not revoke_token(conn, args.name):
            raise CadastreError("cli.token_unknown", f"No active token named '{args.name}'.",
                                f"Không có mã truy cập đang hoạt động tên '{args.name}'.")
    return EXIT_OK


def register(sub) -> None:
    def client_options(p, with_token=True):
        p.add_argument("--json", action="store_true", help="print the result as JSON")
        if with_token:
            p.add_argument("--token-file", help="file holding the token (default: the "
                                                "CADASTRE_TOKEN environment variable)")
            p.add_argument("--ca-bundle", help="CA certificates to verify the server with "
                                               "(TLS verification is always on)")
            p.add_argument("--retries", type=int, default=5,
                           help="retries on network errors and 5xx, with backoff (default 5)")
            p.add_argument("--progress", action="store_true", help="report progress on stderr")

    no_documents = dict(action="store_true", help="do not download scanned documents now "
                        "(they are fetched when opened, or by a later pull without this option)")
    p = sub.add_parser("checkout", help="check a commune, a district or a bounding box out of "
                                        "the central server into a new working copy")
    p.add_argument("url", help="server URL, e.g. https://land.example.gov.vn")
    area = p.add_mutually_exclusive_group(required=True)
    area.add_argument("--commune", help="5-digit commune code")
    area.add_argument("--district", help="3-digit district code: all its communes")
    area.add_argument("--bbox", metavar="MINX,MINY,MAXX,MAXY",
                      help="whole parcels intersecting this box (in --bbox-crs)")
    p.add_argument("--bbox-crs", default="EPSG:4326",
                   help="CRS of --bbox: EPSG:4326 (longitude,latitude; default) or the "
                        "communes' VN-2000 TM-3 CRS, e.g. EPSG:9210 (easting,northing)")
    p.add_argument("--no-documents", **no_documents)
    p.add_argument("path", help="the .gpkg file to create")
    client_options(p)
    p.set_defaults(func=_cmd_checkout)
    for name, func, text in (("push", _cmd_push, "send local changes (and their scanned "
                                                 "documents) to the server"),
                             ("pull", _cmd_pull, "bring the server's changes (and scanned "
                                                 "documents) into the working copy")):
        p = sub.add_parser(name, help=text)
        p.add_argument("path")
        if name == "pull":
            p.add_argument("--no-documents", **no_documents)
        client_options(p)
        p.set_defaults(func=func)
    p = sub.add_parser("status", help="what is waiting to be pushed, conflicts, last revision")
    p.add_argument("path")
    client_options(p, with_token=False)
    p.set_defaults(func=_cmd_status)
    p = sub.add_parser("conflicts", help="list open conflicts, mine and theirs (exit 3 if any)")
    p.add_argument("path")
    client_options(p, with_token=False)
    p.set_defaults(func=_cmd_conflicts)
    p = sub.add_parser("resolve", help="resolve one conflict: keep mine, take theirs, or edited")
    p.add_argument("path")
    p.add_argument("id", type=int, help="conflict number (cadastre conflicts PATH)")
    choice = p.add_mutually_exclusive_group(required=True)
    choice.add_argument("--mine", dest="choice", action="store_const", const="mine")
    choice.add_argument("--theirs", dest="choice", action="store_const", const="theirs")
    choice.add_argument("--edited", metavar="JSON_FILE", help="the row's data as it should be")
    p.set_defaults(func=_cmd_resolve)

    p = sub.add_parser("serve", help="run the central land database API server")
    p.add_argument("--database", help="PostgreSQL URL (or CADASTRE_DATABASE_URL)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--max-body-mb", type=int, default=50)
    p.add_argument("--log-level", default="info")
    p.set_defaults(func=_cmd_serve)
    p = sub.add_parser("server-load", help="load a working copy's commune into the central "
                                           "database")
    p.add_argument("path")
    p.add_argument("--database", help="PostgreSQL URL (or CADASTRE_DATABASE_URL)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd_server_load)
    p = sub.add_parser("server-token", help="create or revoke API tokens")
    p.add_argument("action", choices=("create", "revoke"))
    p.add_argument("--name", required=True, help="who the token is for")
    p.add_argument("--role", choices=("surveyor", "officer", "reader"))
    p.add_argument("--districts", help="district codes, comma-separated, e.g. 312,313")
    p.add_argument("--days", type=float, help="expiry in days (default: no expiry)")
    p.add_argument("--database", help="PostgreSQL URL (or CADASTRE_DATABASE_URL)")
    p.set_defaults(func=_cmd_server_token)
