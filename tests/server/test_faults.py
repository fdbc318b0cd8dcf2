"""Faults injected for real: the server process SIGKILLed in the middle of applying a push, TCP
connections cut after N bytes of the request or of the response by a loopback proxy, the
server killed in the middle of a paged pull. After the retry each change set is applied
exactly once, and neither side is ever half-updated."""
import hashlib
import threading
import time
from pathlib import Path

import psycopg
import pytest

from cadastre_plugin.core.sync import Cancelled, Unavailable, pull, push, status
from cadastre_plugin.core.sync.state import outbox
from cadastre_plugin.core.working_copy import WorkingCopy

from conftest import DEMO_COMMUNE, make_client
from sync_live import CutProxy, dump


def _edit(wc, n: int, tag: str) -> list:
    uuids = [p.uuid for p in wc.parcels()][:n]
    with wc.operation("edit") as conn:
        conn.executemany("UPDATE parcels SET address = ? WHERE uuid = ?",
                         [(f"{tag} {i}", u) for i, u in enumerate(uuids)])
    return uuids


def _versions(live, uuids) -> set:
    return {v for (v,) in live.sql("SELECT version FROM parcels WHERE uuid = ANY(%s)", (uuids,))}


def _in_sync(wc, live, uuids) -> None:
    """Local: nothing pending, no outbox, versions equal to the server's, data equal."""
    st = status(wc)
    assert st["rows_pending"] == 0 and st["outbox_changeset"] is None
    server = dict(live.sql("SELECT uuid, version FROM parcels WHERE uuid = ANY(%s)", (uuids,)))
    local = dict(wc.conn.execute(
        f"SELECT uuid, version FROM parcels WHERE uuid IN ({','.join('?' * len(uuids))})",
        uuids).fetchall())
    assert local == server
    addresses = dict(live.sql("SELECT uuid, address FROM parcels WHERE uuid = ANY(%s)",
                              (uuids,)))
    assert addresses == dict(wc.conn.execute(
        f"SELECT uuid, address FROM parcels WHERE uuid IN ({','.join('?' * len(uuids))})",
        uuids).fetchall())


def test_server_killed_while_applying_a_push(live, token, checkout_wc, client):
    a = checkout_wc("a")
    uuids = _edit(a, 50, "kill")
    # Hold the commune lock so that the server is stuck inside the push's transaction.
    blocker = psycopg.connect(live.db, autocommit=True)
    blocker.execute("SELECT pg_advisory_lock(1, hashtext(%s))", (DEMO_COMMUNE,))
    failed = []

    def first_attempt():  # in its own thread, with its own SQLite connection, as a QGIS task
        with WorkingCopy.open(a.path) as wc:
            try:
                push(wc, make_client(live.url, token, retries=0))
            except Unavailable as exc:
                failed.append(exc)

    thread = threading.Thread(target=first_attempt)
    thread.start()
    deadline = time.monotonic() + 20
    while not live.sql("SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                       "AND query LIKE '%%pg_advisory_xact_lock%%'"):
        assert time.monotonic() < deadline, "the push never reached the server"
        time.sleep(0.05)
    live.kill()
    thread.join(20)
    blocker.close()  # releases the lock: the orphaned transaction must not commit
    assert failed and failed[0].exit_code == 5
    assert outbox(a.conn) is not None  # kept for the retry, same UUID and bytes
    sent = outbox(a.conn)["uuid"]

    live.start()
    result = push(a, client)
    assert result.changesets == 1 and result.changes == 50
    assert live.sql("SELECT uuid::text FROM changesets WHERE revision > 2") == [(sent,)]
    assert _versions(live, uuids) == {2}
    assert live.one("SELECT count(*) FROM change_log WHERE revision = %s",
                    (result.revision,)) == 50
    _in_sync(a, live, uuids)


@pytest.mark.parametrize("where", ["request", "response"])
def test_connection_cut_at_every_stage(live, token, checkout_wc, where):
    """Cut after 1 byte, inside the headers, in the middle of the body, one byte short."""
    a = checkout_wc("a")
    uuids = _edit(a, 30, "calibrate")  # same sizes as below: learn the exact byte counts
    proxy = CutProxy(live.port)
    with make_client(proxy.url, token) as c:
        push(a, c)
    proxy.close()
    total = proxy.passed[where]
    for step, cut in enumerate((1, 100, total // 2, total - 1)):
        _edit(a, 30, f"cut {step:05d}")
        before = _versions(live, uuids)
        proxy = CutProxy(live.port, **{f"{where}_bytes": cut})
        try:
            with make_client(proxy.url, token, retries=3, backoff=0.02) as c:
                result = push(a, c)
        finally:
            proxy.close()
        assert proxy.cuts == 1, f"no cut at {cut} of {total} bytes"
        assert result.changesets == 1
        assert live.one("SELECT count(*) FROM changesets") == step + 2
        assert _versions(live, uuids) == {max(before) + 1}  # applied once, not twice
        _in_sync(a, live, uuids)


def test_push_retried_later_after_every_attempt_failed(live, token, checkout_wc, client):
    """The network stays down for the whole push: exit code 5, outbox kept; the next push
    (the laptop back on the network) applies it once."""
    a = checkout_wc("a")
    offline = _edit(a, 10, "offline")
    proxy = CutProxy(live.port, request_bytes=100, times=100)
    with pytest.raises(Unavailable):
        push(a, make_client(proxy.url, token, retries=2, backoff=0.01))
    proxy.close()
    assert proxy.cuts == 3 and live.one("SELECT count(*) FROM changesets") == 0
    sent = outbox(a.conn)
    meanwhile = _edit(a, 20, "meanwhile")  # edits made offline go out in a later change set
    result = push(a, client)
    assert result.changesets == 2
    assert live.one("SELECT count(*) FROM changesets WHERE uuid = %s", (sent["uuid"],)) == 1
    assert _versions(live, offline) == {3} and _versions(live, meanwhile[10:]) == {2}
    _in_sync(a, live, meanwhile)


def _file_sha(wc) -> str:
    return hashlib.sha256(Path(wc.path).read_bytes()).hexdigest()


def _pushed_elsewhere(checkout_wc, client):
    a, b = checkout_wc("a"), checkout_wc("b")
    for i in range(3):
        _edit(a, 40, f"round {i}")
        push(a, client)
    return a, b


def test_pull_cut_off_by_a_dead_server_changes_nothing(live, token, checkout_wc, client):
    a, b = _pushed_elsewhere(checkout_wc, client)
    before, digest = dump(b), _file_sha(b)
    pages = []

    def kill_after_first_page(done, total, what):
        pages.append(done)
        if len(pages) == 1:
            live.kill()

    with pytest.raises(Unavailable):
        pull(b, make_client(live.url, token, retries=1, backoff=0.01), kill_after_first_page,
             page_limit=10)
    assert pages == [10]
    assert _file_sha(b) == digest and dump(b) == before
    live.start()
    pull(b, client)
    assert dump(a) == dump(b)


def test_cancelled_pull_changes_nothing(live, token, checkout_wc, client):
    a, b = _pushed_elsewhere(checkout_wc, client)
    digest = _file_sha(b)
    seen = []
    c = make_client(live.url, token, is_cancelled=lambda: len(seen) >= 2)
    with pytest.raises(Cancelled):
        pull(b, c, lambda done, total, what: seen.append(done), page_limit=10)
    assert _file_sha(b) == digest


def test_pull_through_cut_responses_retries_to_the_same_result(live, token, checkout_wc,
                                                               client):
    a, b = _pushed_elsewhere(checkout_wc, client)
    proxy = CutProxy(live.port, response_bytes=700, times=3)
    try:
        pull(b, make_client(proxy.url, token, retries=4, backoff=0.01), page_limit=15)
    finally:
        proxy.close()
    assert proxy.cuts == 3
    assert dump(a) == dump(b)
