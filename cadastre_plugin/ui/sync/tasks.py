"""Check-out, push and pull as QGIS background tasks: listed in QGIS's task manager with a
progress bar and a cancel button while the user keeps working.

The token is read from the authentication database on the main thread (QGIS may have to ask
for the master password) and handed to the task, which keeps it in memory only. The core work
runs in a plain Python thread (:mod:`..plain_thread`: the pyproj pitfall) and opens the working
copy itself; it touches no QGIS layer. Cancelling is checked before every request and at every
progress step, so a cancelled check-out leaves no file and a cancelled pull changes nothing
(the core applies a pull in one transaction, after the last page is in); a cancelled push keeps
its change set in the outbox for the next push.
"""
from __future__ import annotations

from qgis.core import QgsTask
from qgis.PyQt.QtCore import QCoreApplication

from ...core.sync.errors import Cancelled
from ..plain_thread import run_in_plain_thread


class SyncTask(QgsTask):
    """Runs ``work(client, progress)`` against the server at ``url``. Afterwards ``result``
    holds what it returned, or ``error`` what went wrong (``Cancelled`` when cancelled)."""

    def __init__(self, kind: str, description: str, url: str, token: str, work,
                 client_options=None):
        super().__init__(description, QgsTask.CanCancel)
        self.kind = kind
        self.url = url
        self._token = token
        self._work = work
        self._options = dict(client_options or {})
        self.result = None
        self.error = None
        self.identity = None  # {"name", "role", "districts"} of the token, once known

    def __repr__(self) -> str:  # no token, ever
        return f"SyncTask({self.kind!r}, {self.url!r})"

    @property
    def cancelled(self) -> bool:
        return isinstance(self.error, Cancelled)

    def run(self) -> bool:
        try:
            self.result = run_in_plain_thread(self._run, "cadastre-sync")
        except Exception as error:  # noqa: BLE001 - shown on the main thread
            self.error = error
        finally:
            self._token = None  # not kept once the work is over
        return self.error is None

    def _run(self):
        from ...core.sync import ApiClient

        with ApiClient(self.url, self._token, is_cancelled=self.isCanceled,
                       **self._options) as client:
            def progress(done, total, _what):
                if not total or done < total:  # done == total: a step that has happened
                    client.check_cancelled()
                if total:
                    self.setProgress(min(99.0, 100.0 * done / total))
            result = self._work(client, progress)
            self.identity = _identity(client)
            return result


def _identity(client):
    """Who the token belongs to, asked once the work is done (the server answered already);
    None from a server without ``/whoami`` or when it cannot be asked now."""
    from ...core.sync import SyncError

    try:
        return client.get_json("/whoami")
    except SyncError:
        return None


def checkout_task(url: str, token: str, area: dict, path: str, options=None) -> SyncTask:
    """``area``: the core ``checkout`` keywords of a commune, a district or a bounding box."""
    def work(client, progress):
        from ...core.sync import checkout

        return checkout(client, path=path, progress=progress, **area)

    if "commune_code" in area:
        title = QCoreApplication.translate("SyncTasks", "Checking out commune {code}").format(
            code=area["commune_code"])
    elif "district" in area:
        title = QCoreApplication.translate("SyncTasks", "Checking out district {code}").format(
            code=area["district"])
    else:
        title = QCoreApplication.translate("SyncTasks", "Checking out the parcels of an extent")
    return SyncTask("checkout", title, url, token, work, options)


def _on_working_copy(kind: str, description: str, url: str, token: str, path: str, run,
                     options) -> SyncTask:
    """A task that opens the working copy at ``path`` in its thread and runs
    ``run(wc, client, progress)`` on it."""
    def work(client, progress):
        from ...core.working_copy import WorkingCopy

        with WorkingCopy.open(path) as wc:
            return run(wc, client, progress)

    return SyncTask(kind, description, url, token, work, options)


def push_task(url: str, token: str, path: str, options=None) -> SyncTask:
    from ...core.sync import push

    return _on_working_copy("push", QCoreApplication.translate("SyncTasks", "Pushing changes"),
                            url, token, path, push, options)


def pull_task(url: str, token: str, path: str, options=None) -> SyncTask:
    from ...core.sync import pull

    return _on_working_copy("pull", QCoreApplication.translate("SyncTasks", "Pulling changes"),
                            url, token, path, pull, options)


def document_task(url: str, token: str, path: str, sha256: str, options=None) -> SyncTask:
    """One scanned document that this working copy has the row of but not the file (checked
    out or pulled without documents), downloaded and checked for viewing."""
    from ...core.sync import fetch_document

    return _on_working_copy(
        "document", QCoreApplication.translate("SyncTasks", "Downloading a scanned document"),
        url, token, path, lambda wc, client, _progress: fetch_document(wc, client, sha256),
        options)
