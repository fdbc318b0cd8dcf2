"""The sync server's address and token in real QGIS: the token lives only in QGIS's
authentication database (encrypted), the settings keep the auth config id, plain http to
another machine is refused unless explicitly allowed."""
import sqlite3

import pytest
from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsSettings
from qgis.PyQt.QtWidgets import QDialogButtonBox

from cadastre_plugin.ui.sync.credentials import (SETTINGS_SERVERS, authcfg_for, forget_server,
                                                 known_servers, save_server, token_for)
from cadastre_plugin.ui.sync.server_address import check_server_url
from cadastre_plugin.core.messages import CadastreError
from qgis_sync_helpers import qgis_auth  # noqa: F401 - fixture

URL = "https://land.example.gov.vn"
TOKEN = "tok-Secret-4f1c2d9e8b7a6c5d"


@pytest.fixture
def forget():
    yield
    for url in (URL, "http://10.0.0.5:8000"):
        forget_server(url)


def test_the_dialog_stores_the_token_in_the_auth_database_only(qgis_auth, forget):
    from cadastre_plugin.ui.sync.server_dialog import SyncServerDialog

    dialog = SyncServerDialog()
    dialog.url_combo.setEditText(URL + "/")
    dialog.token_edit.setText(TOKEN)
    dialog.buttons.button(QDialogButtonBox.Save).click()
    assert dialog.result() == dialog.Accepted and dialog.message.text() == ""
    authcfg = dialog.authcfg
    assert authcfg and authcfg_for(URL) == authcfg and known_servers()[0] == URL
    assert token_for(URL) == TOKEN
    config = QgsAuthMethodConfig()
    assert qgis_auth.loadAuthenticationConfig(authcfg, config, True)[0]
    assert (config.method(), config.uri(), config.config("password")) == ("Basic", URL, TOKEN)
    # Encrypted at rest, and nowhere in the settings.
    raw = open(qgis_auth.authenticationDatabasePath(), "rb").read()
    assert TOKEN.encode() not in raw
    settings = QgsSettings()
    settings.sync()
    assert TOKEN not in open(settings.fileName(), encoding="utf-8").read()
    assert authcfg in settings.value(SETTINGS_SERVERS, "", type=str)

    # Saved again with the token left empty: the stored one is kept, the field shows so.
    again = SyncServerDialog()
    again.url_combo.setEditText(URL)
    assert "Stored" in again.token_edit.placeholderText()
    again.buttons.button(QDialogButtonBox.Save).click()
    assert again.authcfg == authcfg and token_for(URL) == TOKEN
    forget_server(URL)
    assert authcfg not in qgis_auth.configIds()
    with pytest.raises(CadastreError) as missing:
        token_for(URL)
    assert "Sync server" in missing.value.en and "Máy chủ đồng bộ" in missing.value.vi


def test_plain_http_is_refused_for_other_machines(qgis_auth, forget):
    from cadastre_plugin.ui.sync.server_dialog import SyncServerDialog

    assert check_server_url("http://127.0.0.1:8000/") == "http://127.0.0.1:8000"
    assert check_server_url("http://localhost:9") == "http://localhost:9"
    assert check_server_url("http://[::1]:9") == "http://[::1]:9"
    for bad in ("land.example.gov.vn", "ftp://x.vn", "https://user:pw@x.vn", ""):
        with pytest.raises(CadastreError):
            check_server_url(bad)
    dialog = SyncServerDialog()
    dialog.url_combo.setEditText("http://10.0.0.5:8000")
    dialog.token_edit.setText(TOKEN)
    dialog.buttons.button(QDialogButtonBox.Save).click()
    assert dialog.result() != dialog.Accepted
    assert "https://" in dialog.message.text() and "10.0.0.5" in dialog.message.text()
    assert authcfg_for("http://10.0.0.5:8000") is None
    dialog.allow_http.setChecked(True)
    dialog.buttons.button(QDialogButtonBox.Save).click()
    assert dialog.result() == dialog.Accepted
    assert token_for("http://10.0.0.5:8000") == TOKEN
    assert TOKEN not in dialog.message.text()
    QgsApplication.processEvents()
