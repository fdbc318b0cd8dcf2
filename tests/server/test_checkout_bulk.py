"""The check-out's fast paths, against the live server: the next page asked for while this one is
parsed (X-Next-Cursor), and the bulk write into the new file with its journal triggers and
indexes set aside and put back."""
import sqlite3

import pytest
import requests

from cadastre_plugin.core.sync import Cancelled, checkout, state
from cadastre_plugin.core.sync.pull import NEXT_CURSOR_HEADER, fetch
from cadastre_plugin.core.sync.tables import TABLES, key_text
from cadastre_plugin.core.working_copy import WorkingCopy

from conftest import DEMO_COMMUNE, make_client


def _schema(path):
    with sqlite3.connect(path) as conn:
        return sorted(conn.execute("SELECT type, name, sql FROM sqlite_master WHERE type IN "
                                   "('trigger', 'index') AND sql IS NOT NULL"))


def _without_next_cursor(response, *args, **kwargs):
    response.headers.pop(NEXT_CURSOR_HEADER, None)
    return response


def test_changes_pages_name_their_successor_in_a_header(live, client):
    first = client.request("GET", "/changes", params={"commune": DEMO_COMMUNE, "limit": 50})
    body = first.json()
    assert body["next_cursor"] and first.headers[NEXT_CURSOR_HEADER] == body["next_cursor"]
    last = client.request("GET", "/changes", params={"commune": DEMO_COMMUNE,
                                                     "limit": 5000})
    assert last.json()["next_cursor"] is None and NEXT_CURSOR_HEADER not in last.headers


def test_fetch_ahead_gives_what_page_by_page_gives(live, token, client):
    ahead = fetch(client, DEMO_COMMUNE, 0, limit=37)
    # A server without the header (as before it existed): the client follows the body's cursor.
    old = requests.Session()
    old.hooks["response"].append(_without_next_cursor)
    seen = []
    with make_client(live.url, token, session=old) as c:
        plain = fetch(c, DEMO_COMMUNE, 0, lambda done, total, text: seen.append(done), limit=37)
    total = live.one("SELECT count(*) FROM change_log WHERE commune_code = %s", (DEMO_COMMUNE,))
    assert len(ahead["changes"]) == len(plain["changes"]) == total > 37 * 3
    assert ahead == plain
    assert seen[-1] == total and len(seen) == -(-total // 37)


def test_bulk_checkout_leaves_a_complete_ordinary_working_copy(live, checkout_wc, tmp_path):
    wc = checkout_wc("bulk")
    # The triggers and indexes set aside for the bulk write are all back, as a new file has them.
    blank = WorkingCopy.create(str(tmp_path / "blank.gpkg"), wc.commune)
    state.ensure_tables(blank)
    blank.close()
    assert _schema(str(wc.path)) == _schema(str(tmp_path / "blank.gpkg"))
    assert wc.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert wc.conn.execute("SELECT count(*) FROM journal").fetchone()[0] == 0
    assert wc.conn.execute("SELECT count(*) FROM rtree_parcels_geom").fetchone()[0] == \
        wc.count("parcels") == 200
    # Every row has its server version, and nothing else is listed.
    local = dict(((t, k), v) for t, k, v in wc.conn.execute(
        "SELECT table_name, key, version FROM sync_versions"))
    server = {}
    for table in TABLES:
        names = TABLES[table].key_names
        for row in live.sql(f"SELECT {', '.join(names)}, version FROM {table} "
                            "WHERE commune_code = %s", (DEMO_COMMUNE,)):
            server[(table, key_text(dict(zip(names, row[:-1]))))] = row[-1]
    assert local == server
    # The put-back journal triggers work: an edit after the check-out is journalled.
    with wc.operation("edit") as conn:
        conn.execute("UPDATE parties SET name = name || ' (sửa)' WHERE fid = "
                     "(SELECT min(fid) FROM parties)")
    assert wc.conn.execute("SELECT count(*) FROM journal WHERE table_name = 'parties'"
                           ).fetchone()[0] == 1


def test_cancel_while_pages_arrive(live, token, tmp_path):
    pages = []
    with make_client(live.url, token, is_cancelled=lambda: len(pages) >= 2) as c:
        with pytest.raises(Cancelled):  # with the next page already asked for
            fetch(c, DEMO_COMMUNE, 0, lambda done, total, text: pages.append(done), limit=37)
    assert len(pages) == 2
    # A check-out cancelled after its first progress report leaves no file behind.
    pages.clear()
    with make_client(live.url, token, is_cancelled=lambda: len(pages) >= 1) as c:
        with pytest.raises(Cancelled):
            checkout(c, DEMO_COMMUNE, str(tmp_path / "cut.gpkg"),
                     lambda done, total, text: pages.append(done))
    assert not list(tmp_path.glob("cut.gpkg*"))
