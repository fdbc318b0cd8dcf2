"""Run a function in a plain Python thread and wait for it, from a QGIS task's ``run()``.

pyproj (used by the core whenever a working copy registers or reads its CRS) crashes the
second time it runs on a reused QThreadPool thread, whose Python thread state is made and
dropped per task. A fresh ``threading.Thread`` per task has a thread state of its own, so any
task whose work may touch pyproj runs that work through :func:`run_in_plain_thread`.
"""
from __future__ import annotations

import threading


def run_in_plain_thread(fn, name: str = "cadastre-worker"):
    """``fn()``'s result; an exception it raised is raised again here, in the caller."""
    outcome = {}

    def target():
        try:
            outcome["value"] = fn()
        except BaseException as error:  # noqa: BLE001 - handed to the caller as it is
            outcome["error"] = error

    worker = threading.Thread(target=target, name=name)
    worker.start()
    worker.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")
