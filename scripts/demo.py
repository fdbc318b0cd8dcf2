#!/usr/bin/env python3
"""``make demo``: a demo commune opened in the real QGIS with the plugin loaded.

1. Generates the demo commune (a Hải Phòng commune in VN-2000 TM-3, EPSG:9210, with a history
   of transactions and a few known topology errors) with the core generator.
2. Starts the local central server in the background with that commune (``server/background.py``;
   it keeps running after the demo, ``make demo-stop`` ends it), checks the working copy
   ``demo-output/demo.gpkg`` out of it, and lets a colleague's working copy push one change.
3. Starts QGIS (scripts/run_qgis.py) with a throw-away profile and the plugin enabled. With a
   DISPLAY, QGIS stays open for you to work in; without one it runs under Xvfb and quits.
4. Inside QGIS, opens the working copy through the plugin's own "Open working copy" code path,
   stores the server's token in QGIS's authentication database, runs the plugin's "Pull" task
   (which brings the colleague's change), runs the topology check, and saves screenshots of the
   main window: ``demo-output/qgis.png`` (zoomed in far enough for the parcel labels),
   ``qgis-overview.png`` (the whole commune) and ``qgis-check.png`` (an error).
5. Prints what was loaded: layers, feature counts, CRS, plugin version, toolbar actions, sync.

This file is also the task QGIS runs: run_qgis.py calls :func:`main` inside QGIS.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DETAIL_SCALE = 1500  # the parcel style shows labels from 1:5000 in; 1:1500 reads comfortably


# --- inside QGIS -------------------------------------------------------------------------------

def main(ctx):
    """Run by QGIS (Debian's Python, PyQGIS): open the working copy, screenshot, report."""
    import qgis.utils
    from qgis.core import QgsFeatureRequest, QgsPointXY, QgsRectangle

    iface = ctx.iface
    path = os.environ["CADASTRE_DEMO_GPKG"]
    out = Path(os.environ["CADASTRE_DEMO_OUTPUT"])
    window = iface.mainWindow()
    window.showMaximized()
    if not ctx.interactive:  # Xvfb has no window manager to maximise the window
        from qgis.PyQt.QtWidgets import QApplication

        window.setGeometry(QApplication.primaryScreen().availableGeometry())

    plugin = qgis.utils.plugins.get("cadastre_plugin")
    if plugin is None or plugin.controller is None:
        bar = [item.text() for item in iface.messageBar().items()]
        raise RuntimeError(f"the Cadastre Editor plugin did not start; message bar: {bar}")
    controller = plugin.controller
    opened = controller.open_path(path)  # what "Open working copy…" runs after its file dialog
    if opened is None:
        bar = [f"{item.title()} {item.text()}" for item in iface.messageBar().items()]
        raise RuntimeError(f"opening {path} failed: {bar}")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from demo_check import run_topology_check, screenshot_an_error
    from demo_qgis_sync import connect_and_pull

    pulled = connect_and_pull(ctx, controller, path)  # the colleague's change from the server
    check = run_topology_check(ctx, controller)  # the dock and error layers in every screenshot

    canvas = iface.mapCanvas()
    ctx.wait_for_canvas()
    window.grab().save(str(out / "qgis-overview.png"))

    # Zoom in on the parcel nearest the middle of the commune, where the labels show.
    parcels = opened.parcels
    centre = parcels.extent().center()
    probe = QgsRectangle(centre.x() - 60, centre.y() - 60, centre.x() + 60, centre.y() + 60)
    request = QgsFeatureRequest().setFilterRect(probe).setLimit(1)
    feature = next(parcels.getFeatures(request), None)
    if feature is not None:
        centre = feature.geometry().centroid().asPoint()
    canvas.setCenter(QgsPointXY(centre))
    canvas.zoomScale(DETAIL_SCALE)
    canvas.refresh()
    ctx.wait_for_canvas()
    window.grab().save(str(out / "qgis.png"))
    screenshot_an_error(ctx, controller, out / "qgis-check.png")

    ctx.result.update({
        "plugin_version": qgis.utils.pluginMetadata("cadastre_plugin", "version"),
        "plugin_start": qgis.utils.plugin_times.get("cadastre_plugin"),  # CPU time of initGui
        "plugin_folder": os.path.dirname(os.path.realpath(sys.modules["cadastre_plugin"].__file__)),
        "working_copy": opened.summary,
        "layers": [
            {"name": layer.name(), "features": layer.featureCount(),
             "crs": layer.crs().authid(), "source": layer.source()}
            for layer in (opened.parcels, opened.sheets) if layer is not None
        ],
        "project_crs": iface.mapCanvas().mapSettings().destinationCrs().authid(),
        "toolbar": controller.toolbar.windowTitle(),
        "toolbar_actions": [action.text() for action in controller.toolbar.actions()],
        "menu": controller.menu.title(),
        "enabled": {key: action.isEnabled() for key, action in controller.actions.items()},
        "scale": round(canvas.scale()),
        "screenshots": [str(out / "qgis.png"), str(out / "qgis-overview.png"),
                        str(out / "qgis-check.png")],
        "check": check,
        "sync": pulled,
    })


# --- on the command line -------------------------------------------------------------------------

def report(result: dict) -> str:
    from demo_check import describe_check
    from demo_qgis_sync import describe_pull

    wc = result.get("working_copy", {})
    lines = [
        f"QGIS {result.get('qgis_version')} with Cadastre Editor {result.get('plugin_version')} "
        f"(from {result.get('plugin_folder')}; started in {result.get('plugin_start')} CPU)",
        f"Working copy: {wc.get('path')}: {wc.get('commune_name')} ({wc.get('commune_code')}), "
        f"{wc.get('district_name')}, {wc.get('province_name')}; EPSG:{wc.get('crs_epsg')}",
        "Layers:",
    ]
    for layer in result.get("layers", []):
        lines.append(f"  - {layer['name']}: {layer['features']} features, {layer['crs']}")
    lines += [
        f"Map canvas: {result.get('project_crs')}, scale 1:{result.get('scale')}",
        f"Toolbar '{result.get('toolbar')}': " + ", ".join(result.get("toolbar_actions", [])),
        f"Menu: {result.get('menu')}",
        describe_pull(result.get("sync") or {}),
        describe_check(result.get("check") or {}),
        "Screenshots: " + ", ".join(result.get("screenshots", [])),
    ]
    return "\n".join(lines)


def write_extract(gpkg: Path, out: Path, parcel: str = "1/5") -> None:
    """The parcel extract (trích lục) of one demo parcel, as PDF and as a PNG preview."""
    import subprocess

    pdf = out / "trich-luc.pdf"
    done = subprocess.run([sys.executable, "-m", "cadastre_plugin.cli", "extract", str(gpkg),
                           "--parcel", parcel, "--output", str(pdf)],
                          cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        print(f"Parcel extract failed: {done.stderr.strip()}", file=sys.stderr)
        return
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-singlefile", str(pdf),
                    str(out / "trich-luc")], check=False)
    print(f"Parcel extract of {parcel}: {pdf} (preview {out / 'trich-luc.png'})")


def run_demo(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Open a demo working copy in QGIS.")
    parser.add_argument("--parcels", type=int, default=2000, help="number of parcels (2000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--output", type=Path, default=ROOT / "demo-output")
    parser.add_argument("--locale", help="QGIS user interface language, e.g. vi")
    parser.add_argument("--timeout", type=float, default=300)
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "scripts"))
    from cadastre_plugin.core.demo import generate
    from run_qgis import launch

    out = args.output.resolve()
    out.mkdir(parents=True, exist_ok=True)
    seed = out / "central-seed.gpkg"
    seed.unlink(missing_ok=True)
    # A few split registrations too, so the parcel history shows parents and children.
    summary = generate(str(seed), parcels=args.parcels, seed=args.seed, history_splits=3)
    print(f"Generated the demo commune: {summary['parcels']} parcels on {summary['sheets']} map "
          f"sheets, {summary['parties']} parties")
    write_extract(seed, out)
    from demo_check import inject_demo_errors
    from demo_sync import connect_demo

    inject_demo_errors(seed, args.seed)  # after the extract, which shows a clean parcel
    # The central database starts from this commune; the working copy is checked out of it.
    server, gpkg = connect_demo(seed, out)

    interactive = bool(os.environ.get("DISPLAY"))
    if interactive:
        print("Starting QGIS on your display; close it when you are done.")
    else:
        print("No DISPLAY: running QGIS under Xvfb for a screenshot.")
    result = launch(
        __file__, workdir=out / "qgis-run", locale=args.locale, interactive=interactive,
        timeout=args.timeout, log_path=out / "qgis.log",
        env={"CADASTRE_DEMO_GPKG": str(gpkg), "CADASTRE_DEMO_OUTPUT": str(out),
             "CADASTRE_DEMO_SERVER": server["url"],
             "CADASTRE_DEMO_TOKEN_FILE": server["token_file"]},
        on_result=lambda r: print(report(r) if "error" not in r else ""))
    if "error" in result:
        print(f"QGIS reported an error: {result['error']}\n{result.get('traceback', '')}",
              file=sys.stderr)
        print(result.get("log", ""), file=sys.stderr)
        return 1
    (out / "loaded.json").write_text(json.dumps(result, ensure_ascii=False, indent=2),
                                     encoding="utf-8")
    if result.get("returncode") != 0:
        print(f"QGIS exited with code {result.get('returncode')}; see {out / 'qgis.log'}",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(run_demo())
