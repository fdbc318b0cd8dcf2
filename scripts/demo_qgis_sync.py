"""Inside QGIS, for ``make demo``: connect the working copy to the demo's central server (token
into QGIS's authentication database) and run the plugin's own "Pull" task, which brings the
colleague's changes made on the server before QGIS started: one applied, one in conflict with
this office's own edit, which opens the conflict dialog (saved as ``qgis-conflict.png``).
"""
from __future__ import annotations

import os
import time
from pathlib import Path

# The demo profile is thrown away after each run; its authentication database needs a master
# password before a token can be stored, and nobody is there to type one under Xvfb.
DEMO_MASTER_PASSWORD = "cadastre-demo"


def connect_and_pull(ctx, controller, path: str, timeout_s: float = 120) -> dict:
    from qgis.core import QgsApplication

    from cadastre_plugin.ui.sync.credentials import save_server

    url = os.environ["CADASTRE_DEMO_SERVER"]
    token = Path(os.environ["CADASTRE_DEMO_TOKEN_FILE"]).read_text(encoding="utf-8").strip()
    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        manager.setMasterPassword(DEMO_MASTER_PASSWORD, True)
    save_server(url, token)
    sync = controller.sync
    task = sync.pull(path=path)
    if task is None:
        bar = [f"{item.title()} {item.text()}" for item in ctx.iface.messageBar().items()]
        raise RuntimeError(f"the Pull action did not start; message bar: {bar}")
    deadline = time.monotonic() + timeout_s
    while sync.task is not None and time.monotonic() < deadline:
        ctx.wait(100)
    if task.error is not None or task.result is None:
        raise RuntimeError(f"the demo pull failed: {task.error!r}")
    result = task.result
    pulled = {"server": url, "head": result.head, "received": result.received,
              "applied": result.applied, "conflicts": len(result.conflicts)}
    dialog = sync.dialog
    if dialog is not None:  # the conflicts, side by side, as the user sees them
        dialog.resize(1300, 760)
        dialog.list.setCurrentRow(0)
        ctx.wait(1500)  # both map canvases render
        shot = Path(os.environ["CADASTRE_DEMO_OUTPUT"]) / "qgis-conflict.png"
        dialog.grab().save(str(shot))
        pulled["screenshot"] = str(shot)
        if not ctx.interactive:
            dialog.close()
    return pulled


def describe_pull(pulled: dict) -> str:
    if not pulled:
        return "Sync: not connected"
    text = (f"Sync: connected to {pulled['server']}; the Pull task brought the working copy to "
            f"server revision {pulled['head']} ({pulled['applied']} changes applied, "
            f"{pulled['conflicts']} conflicts)")
    if pulled.get("screenshot"):
        text += f"; conflict dialog: {pulled['screenshot']}"
    return text
