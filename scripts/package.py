#!/usr/bin/env python3
"""Build ``dist/cadastre_plugin-<version>.zip``, the file QGIS's "Install from ZIP" takes.

The zip holds one folder, ``cadastre_plugin/``, with everything QGIS needs at run time: the
Python code, metadata.txt, the compiled resources and translations (made by ``make build``),
icons, layer styles and the code lists. Sources of build products (.ts, .qrc), tests and caches
stay out. Run by ``make package``, after ``make build``.
"""
from __future__ import annotations

import argparse
import configparser
import os
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = "cadastre_plugin"

# Made by `make build`; a zip without them would install a plugin that cannot start.
BUILD_PRODUCTS = ("metadata.txt", "resources_rc.py", "i18n/cadastre_vi.qm")

EXCLUDED_DIRS = {"__pycache__", "tests", ".pytest_cache", ".hypothesis"}
EXCLUDED_SUFFIXES = {".pyc", ".pyo", ".ts", ".qrc", ".part", ".orig", ".rej", ".swp"}


def plugin_version(metadata: Path) -> str:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(metadata, encoding="utf-8")
    version = parser.get("general", "version", fallback="").strip()
    if not version:
        raise SystemExit(f"package: no version= in the [general] section of {metadata}")
    return version


def plugin_files(plugin_dir: Path) -> list[Path]:
    files = []
    for folder, dirnames, filenames in os.walk(plugin_dir):
        dirnames[:] = sorted(d for d in dirnames
                             if d not in EXCLUDED_DIRS and not d.startswith("."))
        for name in sorted(filenames):
            path = Path(folder) / name
            if name.startswith(".") or path.suffix in EXCLUDED_SUFFIXES:
                continue
            files.append(path)
    return files


def build(root: Path = ROOT, dist: Path | None = None) -> Path:
    plugin_dir = root / PLUGIN
    missing = [p for p in BUILD_PRODUCTS if not (plugin_dir / p).is_file()]
    if missing:
        raise SystemExit("package: build products missing: "
                         + ", ".join(f"{PLUGIN}/{p}" for p in missing)
                         + ". Run `make build` first (or `make package`, which does).")
    top_metadata = root / "metadata.txt"
    if (plugin_dir / "metadata.txt").read_bytes() != top_metadata.read_bytes():
        raise SystemExit(f"package: {PLUGIN}/metadata.txt differs from metadata.txt: "
                         "run `make build` to copy it again.")
    version = plugin_version(top_metadata)
    dist = dist or root / "dist"
    dist.mkdir(parents=True, exist_ok=True)
    target = dist / f"{PLUGIN}-{version}.zip"
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in plugin_files(plugin_dir):
            archive.write(path, Path(PLUGIN) / path.relative_to(plugin_dir))
    os.replace(partial, target)
    return target


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, help="output folder (default: dist/)")
    args = parser.parse_args(argv)
    target = build(dist=args.dist)
    with zipfile.ZipFile(target) as archive:
        count = len(archive.namelist())
    print(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}: "
          f"{count} files, {target.stat().st_size / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
