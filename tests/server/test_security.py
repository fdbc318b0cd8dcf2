"""Security for real, against the live server: tokens, roles, district scope, input limits,
problem+json errors without stack traces, and SQL-looking text stored literally."""
import json
import socket
import uuid as _uuid

import psycopg
import pytest
import requests

from cadastre_plugin.core.sync import AuthFailed, Rejected, changeset, checkout, push
from cadastre_plugin.core.sync.tables import TABLES
from server.approval import DECISION_COLUMNS

from conftest import DEMO_COMMUNE, OTHER_COMMUNE, make_client

PROBLEM = "application/problem+json"


def _get(live, path, token=None, **kw):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return requests.get(live.url + path, headers=headers, timeout=30, **kw)


def _post(live, token, body, raw=False):
    return requests.post(live.url + "/changesets", timeout=30,
                         data=body if raw else json.dumps(body),
                         headers={"Authorization": f"Bearer {token}",
                                  "Content-Type": "application/json"})


def _is_problem(r, status):
    assert r.status_code == status, r.text[:500]
    assert r.headers["content-type"] == PROBLEM
    body = r.json()
    assert body["status"] == status and body["message_en"] and body["message_vi"]
    assert "Traceback" not in r.text and "psycopg" not in r.text
    return body


def test_health_and_openapi_need_no_token(live):
    assert _get(live, "/health").json()["status"] == "ok"
    spec = _get(live, "/openapi.json").json()
    assert {"/changes", "/changesets", "/communes/{code}", "/parcels/{uuid}/history",
            "/documents/{sha256}"} <= set(spec["paths"])


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer wrong-token", "Basic dXNlcjpwdw==",
                                    "Bearer " + "x" * 5000])
def test_missing_or_wrong_token_is_401(shared_live, header):
    headers = {"Authorization": header} if header else {}
    r = requests.get(f"{shared_live.url}/communes/{DEMO_COMMUNE}", headers=headers, timeout=30)
    _is_problem(r, 401)
    assert r.headers["www-authenticate"] == "Bearer"


def test_revoked_and_expired_tokens_are_401(live):
    revoked = live.token("surveyor", ("312",), name="revoked")
    assert _get(live, f"/communes/{DEMO_COMMUNE}", revoked).status_code == 200
    live.sql("UPDATE tokens SET revoked_at = now() WHERE name = 'revoked'")
    assert "revoked" in _is_problem(_get(live, f"/communes/{DEMO_COMMUNE}", revoked),
                                    401)["message_en"]
    expired = live.token("surveyor", ("312",), days=-1)
    assert "expired" in _is_problem(_get(live, f"/communes/{DEMO_COMMUNE}", expired),
                                    401)["message_en"]


def test_tokens_are_stored_hashed(live):
    token = live.token("officer", ("312",), name="hashed")
    stored = live.one("SELECT token_hash FROM tokens WHERE name = 'hashed'")
    assert token not in stored and len(stored) == 64


def test_reader_reads_but_cannot_push(live, tmp_path):
    reader = live.token("reader", ("312",))
    with make_client(live.url, reader) as c:
        checkout(c, DEMO_COMMUNE, str(tmp_path / "r.gpkg"))
    from cadastre_plugin.core.working_copy import WorkingCopy
    with WorkingCopy.open(str(tmp_path / "r.gpkg")) as wc:
        with wc.operation("edit") as conn:
            conn.execute("UPDATE parcels SET address = 'x' WHERE fid = 1")
        with pytest.raises(AuthFailed) as err, make_client(live.url, reader) as c:
            push(wc, c)
    assert "403" in err.value.en
    assert live.sql("SELECT outcome, status FROM audit_log") == [("forbidden", 403)]


def _other_parcel(live):
    return live.one("SELECT uuid FROM parcels WHERE commune_code = %s LIMIT 1", (OTHER_COMMUNE,))


def test_other_district_is_403_everywhere(live, token, checkout_wc):
    for path in (f"/communes/{OTHER_COMMUNE}", f"/changes?commune={OTHER_COMMUNE}",
                 f"/parcels/{_other_parcel(live)}/history"):
        _is_problem(_get(live, path, token), 403)
    a = checkout_wc("a")
    with a.operation("edit") as conn:
        conn.execute("UPDATE parcels SET address = 'x' WHERE fid = 1")
    body = changeset.build(a)["body"]
    body["commune_code"] = OTHER_COMMUNE  # its own change set, sent as another commune's
    _is_problem(_post(live, token, body), 403)
    # Its own commune's change set that smuggles in a parcel of the other district.
    other = _other_parcel(live)
    body = changeset.build(a)["body"]
    body["changes"][0]["key"] = {"uuid": other}
    body["changes"][0]["base_version"] = 1
    assert _is_problem(_post(live, token, body), 403)["code"] == "auth.row_scope"
    assert live.one("SELECT address FROM parcels WHERE uuid = %s", (other,)) != "x"


def _read_response(s: socket.socket) -> bytes:
    """One HTTP response (headers and Content-Length bytes), without waiting for a close."""
    out = b""
    s.settimeout(30)
    while True:
        head, sep, body = out.partition(b"\r\n\r\n")
        if sep:
            length = [int(line.split(b":")[1]) for line in head.split(b"\r\n")
                      if line.lower().startswith(b"content-length:")]
            if length and len(body) >= length[0]:
                return out
        try:
            chunk = s.recv(65536)
        except OSError:
            return out
        if not chunk:
            return out
        out += chunk


def _raw(live, request: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", live.port), timeout=30) as s:
        s.sendall(request)
        return _read_response(s)


def test_oversized_body_is_413_before_it_is_read(live, token):
    declared = _raw(live, (f"POST /changesets HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                           f"{token}\r\nContent-Type: application/json\r\n"
                           f"Content-Length: {60 * 1024 * 1024}\r\n\r\n{{").encode())
    assert declared.startswith(b"HTTP/1.1 413") and PROBLEM.encode() in declared
    chunk = b"x" * (1024 * 1024)
    with socket.create_connection(("127.0.0.1", live.port), timeout=30) as s:
        s.sendall(f"POST /changesets HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n"
                  "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n".encode())
        try:
            for _ in range(60):  # streamed without a length: stopped once past the limit
                s.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        except OSError:
            pass
        answer = _read_response(s)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]


def _parcel_change(live, geometry):
    names = TABLES["parcels"].column_names
    row = live.sql(f"SELECT uuid, {', '.join(names)} FROM parcels WHERE commune_code = %s "
                   "ORDER BY uuid LIMIT 1", (DEMO_COMMUNE,))[0]
    key, data = {"uuid": row[0]}, dict(zip(names, row[1:]))
    return {"uuid": str(_uuid.uuid4()), "commune_code": DEMO_COMMUNE, "crs": "EPSG:9210",
            "base_revision": 1, "changes": [{"table": "parcels", "action": "upsert", "key": key,
                                             "base_version": 1,
                                             "data": dict(data, geometry=geometry)}]}


def _ring(n, x0=588_100.0, y0=2_309_900.0):
    import math
    pts = [[x0 + 10 * math.cos(2 * math.pi * i / n), y0 + 10 * math.sin(2 * math.pi * i / n)]
           for i in range(n)]
    return pts + [pts[0]]


@pytest.mark.parametrize("geometry", [
    {"type": "Point", "coordinates": [588_100.0, 2_309_900.0]},
    {"type": "MultiPolygon", "coordinates": [[_ring(5)]]},
    {"type": "Polygon", "coordinates": [_ring(5)[:-1]]},  # not closed
    {"type": "Polygon", "coordinates": [[[1, 2], [3, 4]]]},  # too few positions
    {"type": "Polygon", "coordinates": [[["588100", "2309900"]] * 4]},  # strings
    {"type": "Polygon", "coordinates": [[[106.7, 20.8], [106.8, 20.8], [106.8, 20.9],
                                         [106.7, 20.8]]]},  # degrees, not TM-3 metres
    {"type": "Polygon", "coordinates": [[[588100.0, 2309900.0, 5.0]] * 4]},  # 3D
    {"type": "Polygon", "coordinates": "POLYGON((0 0,1 0,1 1,0 0))"},
    {"type": "Polygon", "coordinates": [_ring(5)], "crs": {"type": "name"}},  # unknown member
    {"type": "Polygon", "coordinates": [_ring(20_000)]},  # too many vertices
    {"type": "Polygon", "coordinates": [_ring(6_000), _ring(6_000, y0=2_309_950.0)]},
])
def test_malformed_or_implausible_geometry_is_422(shared_live, geometry):
    live = shared_live
    token = live.token()
    revision = live.one("SELECT max(revision) FROM change_log")
    body = _is_problem(_post(live, token, _parcel_change(live, geometry)), 422)
    # Where and why, without echoing the input back (it may be 20,000 vertices).
    assert body["errors"] and all(set(e) == {"loc", "msg", "type"} for e in body["errors"])
    assert live.one("SELECT max(revision) FROM change_log") == revision


def test_nan_and_unknown_fields_are_422(shared_live):
    live = shared_live
    token = live.token()
    raw = json.dumps(_parcel_change(live, {"type": "Polygon", "coordinates": [_ring(5)]}))
    _is_problem(_post(live, token, raw.replace("588110.0", "NaN", 1).encode(), raw=True), 422)
    for where in ("top", "change", "data", "key"):
        body = _parcel_change(live, {"type": "Polygon", "coordinates": [_ring(5)]})
        target = {"top": body, "change": body["changes"][0], "data": body["changes"][0]["data"],
                  "key": body["changes"][0]["key"]}[where]
        target["owner_id"] = 1
        _is_problem(_post(live, token, body), 422)
    _is_problem(_post(live, token, b"{not json", raw=True), 422)
    _is_problem(_post(live, token, "\"\\ud800\"".encode(), raw=True), 422)


SQLISH = ["'); DROP TABLE parcels; --", "\" OR 1=1 --", "1; DELETE FROM tokens",
          "Robert'); UPDATE audit_log SET outcome='x';--", "$$ SELECT pg_sleep(5) $$",
          "\\x00'||(SELECT token_hash FROM tokens)||'"]


def _text_columns():
    for table, spec in TABLES.items():
        for col in spec.columns:
            if col.kind == "text" and not col.choices:
                yield table, col.name


def _base_rows(a):
    """A valid row of every table, as a change with a key that is new on the server (or, for
    parcels, an update of an existing one)."""
    p = a.parcels()[0]
    parcel = {c: getattr(p, c) for c in TABLES["parcels"].column_names}
    from cadastre_plugin.core.sync.geojson import to_geojson
    parcel["geometry"] = to_geojson([p.geometry])[0]
    u = lambda: str(_uuid.uuid4())  # noqa: E731
    t, r = u(), u()
    return {
        "parcels": ({"uuid": p.uuid}, parcel, 1),
        "parties": ({"uuid": u()}, {"kind": "organisation", "name": "HTX", "birth_year": None,
                                     "citizen_id": None, "tax_code": None, "user_type": "TCK",
                                     "address": "x", "members": None}, None),
        "rights": ({"uuid": r}, {"parcel_uuid": p.uuid, "kind": "land_use", "landuse": "ONT",
                                 "term_end": None, "valid_from": None, "valid_to": None,
                                 "transaction_uuid": None}, None),
        "restrictions": ({"uuid": u()}, {"parcel_uuid": p.uuid, "kind": "mortgage",
                                         "creditor_uuid": None, "registered_on": None,
                                         "released_on": None, "note": "x",
                                         "transaction_uuid": None}, None),
        "certificates": ({"uuid": u()}, {"serial": "CS 1", "entry_no": None, "issue_date": None,
                                         "authority": "x", "status": "valid",
                                         "transaction_uuid": None}, None),
        "transactions": ({"uuid": t}, {"type_code": "CN", "dossier_no": "1",
                                       "document_date": None, "authority": None,
                                       "recorded_by": "x", "recorded_at": "2024-01-01",
                                       "note": None, "approval": "submitted",
                                       "approved_by": None, "approved_at": None,
                                       "rejection_reason": None}, None),
        "parcel_lineage": ({"parent_uuid": u(), "child_uuid": u()},
                           {"transaction_uuid": None, "created_at": "2024-01-01"}, None),
        "transaction_parties": ({"transaction_uuid": t, "party_uuid": u(), "role": "changed"},
                                {"previous": None}, None),
        "documents": ({"sha256": _uuid.uuid4().hex * 2}, {"size": 1, "media_type": "application/pdf",
                                              "original_name": "x.pdf",
                                              "added_at": "2024-01-01"}, None),
        "transaction_documents": ({"transaction_uuid": t, "sha256": _uuid.uuid4().hex * 2},
                                  {"role": "contract"}, None),
        "external_ids": ({"object_table": "parcels", "object_uuid": u(), "source": "VBDLIS"},
                         {"external_id": "1", "label": None}, None),
        "right_shares": ({"right_uuid": r, "party_uuid": u()}, {"share": "1"}, None),
    }


def test_sql_looking_text_in_every_text_field_is_stored_literally(live, token, checkout_wc):
    a = checkout_wc("a")
    officer = live.token("officer", ("312",))  # only an officer may write the decision columns
    stored, refused = [], []
    for n, (table, column) in enumerate(_text_columns()):
        key, data, base = _base_rows(a)[table]
        value = SQLISH[n % len(SQLISH)].replace("\\x00", "")
        change = {"table": table, "action": "upsert", "key": key, "base_version": base,
                  "data": dict(data, **{column: value})}
        if table == "parcels":
            base = live.one("SELECT version FROM parcels WHERE uuid = %s", (key["uuid"],))
            change["base_version"] = base
        body = {"uuid": str(_uuid.uuid4()), "commune_code": DEMO_COMMUNE, "crs": "EPSG:9210",
                "base_revision": 1, "changes": [change]}
        if table == "documents":  # a document row needs its bytes on the server first
            scan = f"%PDF-1.4 scan {n}".encode()
            key = change["key"] = {"sha256": __import__("hashlib").sha256(scan).hexdigest()}
            requests.put(f"{live.url}/documents/{key['sha256']}", data=scan, timeout=30,
                         headers={"Authorization": f"Bearer {token}"}).raise_for_status()
        if table == "right_shares":  # a share needs its right
            r_key, r_data, _ = _base_rows(a)["rights"]
            r_key = {"uuid": key["right_uuid"]}
            body["changes"].insert(0, {"table": "rights", "action": "upsert", "key": r_key,
                                       "base_version": None, "data": r_data})
        deciding = table == "transactions" and column in DECISION_COLUMNS
        answer = _post(live, officer if deciding else token, body)
        assert answer.status_code in (200, 422), (table, column, answer.text[:300])
        where = " AND ".join(f"{k} = %s" for k in key)
        got = live.sql(f"SELECT {column} FROM {table} WHERE {where}", tuple(key.values()))
        if answer.status_code == 200:
            assert got == [(value,)], (table, column)
            stored.append((table, column))
        else:
            _is_problem(answer, 422)
            assert got in ([], [(data[column],)]) or table == "parcels", (table, column)
            refused.append((table, column, answer.json().get("code")))
    # Free text is stored as given; only coded fields (land use, status, ...) are refused.
    assert {"parties.name", "parties.address", "parcels.address", "restrictions.note",
            "transactions.note", "transactions.dossier_no", "certificates.serial",
            "certificates.authority"} <= {f"{t}.{c}" for t, c in stored}
    assert {(t, c) for t, c, _ in refused} <= {("parcels", "commune_code"),
                                                ("parcels", "landuse"), ("parcels", "status"),
                                                ("parties", "kind"), ("parties", "members"),
                                                ("right_shares", "share"),
                                                ("parties", "citizen_id"),
                                                ("parties", "tax_code")}
    assert live.one("SELECT count(*) FROM parcels") == 230  # nothing dropped
    assert live.one("SELECT count(*) FROM tokens") >= 1


def test_audit_log_and_history_are_append_only(live, token, checkout_wc, client):
    a = checkout_wc("a")
    with a.operation("edit") as conn:
        conn.execute("UPDATE parcels SET address = 'x' WHERE fid = 1")
    push(a, client)
    for statement in ("UPDATE audit_log SET outcome = 'x'", "DELETE FROM audit_log",
                      "TRUNCATE audit_log", "DELETE FROM parcel_versions",
                      "UPDATE change_log SET action = 'x'"):
        with pytest.raises(psycopg.errors.RaiseException):
            live.sql(statement)
    assert live.one("SELECT count(*) FROM audit_log") == 1


def test_no_stack_trace_on_server_error(live, token):
    live.sql("ALTER TABLE communes RENAME TO communes_gone")  # break the server's database
    body = _is_problem(_get(live, f"/communes/{DEMO_COMMUNE}", token), 500)
    assert body["code"] == "server.error"


def test_client_shows_a_server_rejection_as_exit_code_4(live, token, checkout_wc, client):
    a = checkout_wc("a")
    with a.operation("edit") as conn:
        conn.execute("UPDATE parcels SET address = ? WHERE fid = 1", ("x" * 5000,))
    with pytest.raises(Rejected) as err:
        push(a, client)
    assert err.value.by_server and err.value.exit_code == 4
    assert "4000" in err.value.violations[0]["message_en"]
