"""The same change set twice (in a row, or at the same moment) is applied once and answered the
same; a change-set UUID reused for different content is refused."""
import json
import threading

import requests

from cadastre_plugin.core.sync import changeset


def _body(wc, n=20) -> bytes:
    uuids = [p.uuid for p in wc.parcels()][:n]
    with wc.operation("edit") as conn:
        conn.executemany("UPDATE parcels SET address = ? WHERE uuid = ?",
                         [(f"Số {i}", u) for i, u in enumerate(uuids)])
    return changeset.encode(changeset.build(wc)["body"]).encode()


def _post(live, token, body):
    return requests.post(live.url + "/changesets", data=body, timeout=30, headers={
        "Authorization": f"Bearer {token}", "Content-Type": "application/json"})


def test_same_changeset_twice_applies_once_and_answers_the_same(live, token, checkout_wc):
    body = _body(checkout_wc("a"))
    first, second = _post(live, token, body), _post(live, token, body)
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    revision = first.json()["revision"]
    assert live.one("SELECT count(*) FROM changesets") == 1
    assert live.one("SELECT count(*) FROM change_log WHERE revision = %s", (revision,)) == 20
    assert live.one("SELECT max(version) FROM parcels") == 2
    audit = live.sql("SELECT outcome, remote_addr, changeset_uuid::text, token_name FROM "
                     "audit_log ORDER BY id")
    uuid = json.loads(body)["uuid"]
    assert [a[0] for a in audit] == ["applied", "replayed"]
    assert all(a[1] == "127.0.0.1" and a[2] == uuid and a[3] for a in audit)


def test_concurrent_duplicates_apply_once(live, token, checkout_wc):
    body = _body(checkout_wc("a"))
    answers = []
    start = threading.Barrier(4)

    def send():
        start.wait()
        answers.append(_post(live, token, body))

    threads = [threading.Thread(target=send) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [a.status_code for a in answers] == [200] * 4
    assert len({json.dumps(a.json(), sort_keys=True) for a in answers}) == 1
    assert live.one("SELECT count(*) FROM changesets") == 1
    assert live.one("SELECT max(version) FROM parcels") == 2


def test_uuid_reused_for_other_content_is_refused(live, token, checkout_wc):
    a = checkout_wc("a")
    body = json.loads(_body(a))
    assert _post(live, token, json.dumps(body).encode()).status_code == 200
    body["changes"] = body["changes"][:5]
    answer = _post(live, token, json.dumps(body).encode())
    assert answer.status_code == 422
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.json()["code"] == "changeset.uuid_reused"
    assert live.one("SELECT count(*) FROM changesets") == 1
