"""The plugin learns its token's role from the server (`/whoami`, asked after a sync task) and
offers an officer's decisions only to an officer's token: a surveyor sees Approve/Reject
disabled with the reason, before any refused push."""
import requests

from cadastre_plugin.core.sync import checkout
from cadastre_plugin.core.transactions import approval
from cadastre_plugin.core.working_copy import WorkingCopy
from cadastre_plugin.ui.sync.credentials import known_role, save_server
from qgis_sync_helpers import (DEMO_COMMUNE, controller, make_client, qgis_auth,  # noqa: F401
                               server_token, wait_task)
from test_qgis_sync_documents import _history_of


def _submit(path) -> str:
    """Turns one of the demo's transactions back into a submitted one, as a surveyor's new
    registration would arrive."""
    with WorkingCopy.open(str(path)) as wc, wc.operation("fixture", journal=False) as conn:
        uuid = conn.execute(
            "SELECT t.uuid FROM transactions t JOIN transaction_parcels tp ON "
            "tp.transaction_uuid = t.uuid JOIN transaction_documents td ON "
            "td.transaction_uuid = t.uuid JOIN parcels p ON p.uuid = tp.parcel_uuid AND "
            "p.status = 'current' ORDER BY tp.parcel_uuid LIMIT 1").fetchone()[0]
        conn.execute("UPDATE transactions SET approval = 'submitted', approved_by = NULL, "
                     "approved_at = NULL WHERE uuid = ?", (uuid,))
    return uuid


def _select(dock, uuid):
    dock.select_transaction(uuid)
    return dock.approve_button


def test_whoami_names_the_token(live):
    token = live.token("officer", ("312",))
    answer = requests.get(f"{live.url}/whoami", headers={"Authorization": f"Bearer {token}"},
                          timeout=10)
    assert answer.status_code == 200
    assert answer.json()["role"] == "officer" and answer.json()["districts"] == ["312"]
    assert requests.get(f"{live.url}/whoami", timeout=10).status_code == 401


def test_decisions_are_offered_to_an_officer_token_only(qgis_iface, controller, live,
                                                        server_token, tmp_path):
    path = tmp_path / "wc.gpkg"
    with make_client(live.url, server_token) as client:
        checkout(client, DEMO_COMMUNE, str(path))
    uuid = _submit(path)
    assert known_role(live.url) is None  # nothing learnt yet: the buttons are offered

    dock = _history_of(qgis_iface, controller, path)
    assert _select(dock, uuid).isEnabled()

    controller.sync.pull(path=str(path))  # the surveyor's token (server_token)
    wait_task(controller.sync)
    assert known_role(live.url) == "surveyor"
    button = _select(dock, uuid)
    assert not button.isEnabled() and not dock.reject_button.isEnabled()
    assert "officer" in button.toolTip() and "surveyor" in button.toolTip()
    assert server_token not in button.toolTip()

    save_server(live.url, live.token("officer", ("312",)))  # the officer signs in
    controller.sync.pull(path=str(path))
    wait_task(controller.sync)
    assert known_role(live.url) == "officer"
    assert _select(dock, uuid).isEnabled()
    with WorkingCopy.open(str(path)) as wc:
        assert [p.uuid for p in approval.pending(wc)] == [uuid]
