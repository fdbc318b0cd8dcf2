"""Benchmark: what the plugin adds to QGIS start-up (SPEC 5: at most 300 ms).

Starts the real QGIS (scripts/run_qgis.py, Xvfb when headless) several times with the plugin
enabled and reads QGIS's own start-up profiler: the time spent loading each Python plugin.
QGIS's bundled plugins loaded in the same runs (Processing, MetaSearch, DB Manager) are the
reference.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import run_qgis  # noqa: E402

TASK = '''
def main(ctx):
    from qgis.core import QgsApplication
    profiler = QgsApplication.profiler()
    ctx.result["plugins"] = {
        name: profiler.profileTime("Load plugins/" + name, "startup")
        for name in profiler.childGroups("Load plugins", "startup")}
    ctx.result["all_plugins"] = profiler.profileTime("Load plugins", "startup")
'''
TARGET_S = 0.300


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        task = Path(tmp) / "task.py"
        task.write_text(TASK)
        runs = [run_qgis.launch(task) for _ in range(args.runs)]
    failed = [r for r in runs if "plugins" not in r]
    if failed:
        print("QGIS runs failed:", failed[0].get("error") or failed[0].get("log"))
        return 1
    names = sorted({n for r in runs for n in r["plugins"]})
    print(f"QGIS start-up, plugin load times (median of {args.runs} runs, QGIS's profiler):")
    ours = statistics.median(r["plugins"].get("cadastre_plugin", float("nan")) for r in runs)
    for name in names:
        t = statistics.median(r["plugins"].get(name, 0.0) for r in runs)
        mark = "  <- Cadastre Editor" if name == "cadastre_plugin" else ""
        print(f"  {name:<20} {t * 1000:8.1f} ms{mark}")
    print(f"  all plugins          {statistics.median(r['all_plugins'] for r in runs) * 1000:8.1f} ms")
    print(f"Cadastre Editor: {ours * 1000:.1f} ms = {ours / TARGET_S:.2f} × the 300 ms target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
