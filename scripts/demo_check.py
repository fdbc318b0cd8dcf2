"""The topology check in ``make demo``: known errors injected into the demo commune (through the
core's injector, so the generator stays clean), then, inside QGIS, the plugin's own "Check
topology" action, its error layers and dock, and a screenshot zoomed on one error
(``demo-output/qgis-check.png``)."""
from __future__ import annotations

import time
from pathlib import Path

#: Two overlaps, a gap (with its stray vertex), a bow-tie, a spike, a duplicate vertex, two
#: parcels with one number, an unknown land-use code: something of each kind to show.
DEMO_FAULTS = {"overlap": 2, "gap": 1, "bowtie": 1, "spike": 1, "duplicate_vertex": 1,
               "duplicate_number": 1, "unknown_landuse": 1}
#: The dock's width in the screenshots: wide enough to read the messages.
DOCK_WIDTH = 560


def inject_demo_errors(gpkg: Path, seed: int) -> int:
    """Inject DEMO_FAULTS into the working copy; returns how many findings they must give."""
    from cadastre_plugin.core.quality.inject_working_copy import inject_into
    from cadastre_plugin.core.working_copy import WorkingCopy

    with WorkingCopy.open(str(gpkg)) as wc:
        injected = inject_into(wc, DEMO_FAULTS, seed=seed)
    print(f"Injected {sum(DEMO_FAULTS.values())} known errors for the topology check "
          f"({len(injected.truth)} findings expected)")
    return len(injected.truth)


def run_topology_check(ctx, controller, timeout_s: float = 120) -> dict:
    """Inside QGIS: trigger "Check topology" on the active parcel layer and wait for the task
    (the event loop runs meanwhile, as for a user); the dock and error layers are then shown."""
    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import Qt

    from cadastre_plugin.ui.working_copy_layers import zoom_to_layer

    quality = controller.quality
    controller.actions["check_topology"].trigger()
    deadline = time.monotonic() + timeout_s
    while quality.task is not None and time.monotonic() < deadline:
        ctx.wait(100)
    session = quality.session
    if session is None:
        bar = [f"{item.title()} {item.text()}" for item in ctx.iface.messageBar().items()]
        raise RuntimeError(f"the topology check gave no result; message bar: {bar}")
    ctx.iface.mainWindow().resizeDocks([quality.dock], [DOCK_WIDTH], Qt.Horizontal)
    # The dock took some of the canvas: show the whole commune again, once the main window
    # has laid the resized dock out.
    ctx.wait_for_canvas()
    zoom_to_layer(ctx.iface.mapCanvas(), quality.parcel_layer(), QgsProject.instance())
    by_rule: dict = {}
    for f in session.findings:
        by_rule[f.rule] = by_rule.get(f.rule, 0) + 1
    errors, warnings = session.counts()
    return {"parcels": session.parcels, "seconds": round(session.seconds, 2), "errors": errors,
            "warnings": warnings, "by_rule": by_rule,
            "error_layers": {layer.name(): layer.featureCount()
                             for layer in quality.error_layers.layers().values()}}


def screenshot_an_error(ctx, controller, path: Path, rule: str = "CAD-OVERLAP") -> None:
    """Click the first ``rule`` finding in the dock (the canvas goes there, its parcels are
    selected) and save the main window."""
    dock = controller.quality.dock
    canvas = ctx.iface.mapCanvas()
    before = canvas.extent()
    model = dock.model
    row = next((k for k, f in enumerate(model.findings) if f.rule == rule), 0)
    dock.select_row(row)
    dock.table.clicked.emit(model.index(row, 3))
    ctx.wait_for_canvas()
    ctx.iface.mainWindow().grab().save(str(path))
    canvas.setExtent(before)  # the view the report describes
    canvas.refresh()
    ctx.wait_for_canvas()


def describe_check(check: dict) -> str:
    rules = ", ".join(f"{rule} {n}" for rule, n in check.get("by_rule", {}).items())
    layers = ", ".join(f"{name} ({n})" for name, n in check.get("error_layers", {}).items())
    return (f"Topology check: {check.get('errors')} errors, {check.get('warnings')} warnings "
            f"in {check.get('seconds')} s ({rules}); error layers: {layers}")
