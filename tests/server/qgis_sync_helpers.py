"""What the QGIS sync tests share: the plugin's actions on pytest-qgis's iface, QGIS's
authentication database unlocked with a test master password, waiting for a sync task, and a
loopback proxy that holds requests until told to let them through (a slow server)."""
from __future__ import annotations

import gc
import socket
import threading

import pytest
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QEventLoop, QTimer

from sync_live import LoopbackProxy

MASTER_PASSWORD = "cadastre-tests-master-password"
DEMO_COMMUNE = "11686"  # as in conftest.py, which other test folders' conftests can shadow


def make_client(url: str, token: str):
    from cadastre_plugin.core.sync import ApiClient

    return ApiClient(url, token, retries=3, backoff=0.05, timeout=(5, 60))


@pytest.fixture(scope="session")
def qgis_auth(qgis_app):
    """QGIS's authentication database, unlocked without a prompt. Under pytest-qgis it is the
    test profile's (``.qgis-settings``), never a user's."""
    manager = QgsApplication.authManager()
    assert ".qgis-settings" in manager.authenticationDatabasePath(), \
        "the tests must run on pytest-qgis's throw-away profile"
    assert not manager.isDisabled()
    assert manager.setMasterPassword(MASTER_PASSWORD, True), \
        "the test profile's auth database has another master password: delete .qgis-settings"
    return manager


@pytest.fixture
def controller(qgis_iface, qgis_new_project, qgis_auth):
    from cadastre_plugin.ui.actions import CadastreActions

    qgis_iface.messageBar().clear_messages()
    actions = CadastreActions(qgis_iface)
    actions.install()
    actions.sync.client_options = {"retries": 1, "backoff": 0.01, "timeout": (5, 60)}
    yield actions
    actions.remove()
    QgsProject.instance().removeAllMapLayers()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    gc.collect()


@pytest.fixture
def server_token(live, qgis_auth):
    """A token of the live server, stored through the plugin; forgotten afterwards."""
    from cadastre_plugin.ui.sync.credentials import forget_server, save_server

    token = live.token("surveyor", ("312",))
    save_server(live.url, token)
    yield token
    forget_server(live.url)


def wait_task(sync, timeout: float = 60.0):
    """Process events until the running sync task has ended and its outcome is shown."""
    if sync.task is None:
        return None
    loop = QEventLoop()
    ended = []
    sync.finished.connect(ended.append)
    sync.finished.connect(lambda _t: loop.quit())
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(int(timeout * 1000))
    if sync.task is not None:
        loop.exec_()
    sync.finished.disconnect()
    assert ended, "the sync task did not end in time"
    return ended[0]


def bar_texts(iface, level) -> list:
    return list(iface.messageBar().get_messages(level))


class HoldProxy(LoopbackProxy):
    """A loopback TCP proxy that accepts connections at once but forwards nothing until
    :meth:`release`: a server that is slow to answer, deterministically."""

    def __init__(self, target_port: int):
        self.released = threading.Event()
        self.connected = threading.Event()
        super().__init__(target_port)

    def release(self) -> None:
        self.released.set()

    def close(self) -> None:
        self.released.set()
        super().close()

    def _handle(self, client) -> None:
        self.connected.set()
        threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client) -> None:
        self.released.wait(60)
        try:
            upstream = socket.create_connection(("127.0.0.1", self.target))
        except OSError:
            client.close()
            return
        for src, dst in ((client, upstream), (upstream, client)):
            threading.Thread(target=_pump, args=(src, dst), daemon=True).start()


def _pump(src, dst) -> None:
    try:
        while True:
            data = src.recv(65536)
            if not data:
                break
            dst.sendall(data)
    except OSError:
        pass
    for s in (src, dst):
        try:
            s.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
