"""Check the Python packages the core needs before the plugin adds any action.

QGIS runs the plugin in its own Python (on Debian: /usr/bin/python3, which has no shapely 2),
so a missing or too old package is a real, common situation: say exactly what to install
instead of failing later with a traceback.

The check reads the installed distributions' metadata and does not import the packages, so
that the import itself can be done the right way afterwards (see native_libraries.py).
"""
from __future__ import annotations

import importlib.metadata
import importlib.util
import re

from qgis.PyQt.QtCore import QCoreApplication

# (import name, distribution name, minimum version, pip requirement), as in pyproject.toml.
REQUIREMENTS = (
    ("shapely", "shapely", (2, 0), "shapely>=2"),
    ("pyproj", "pyproj", (3, 6), "pyproj>=3.6"),
)


def _version_tuple(text: str) -> tuple:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])


def _installed_version(module_name: str, distribution: str) -> str | None:
    try:
        if importlib.util.find_spec(module_name) is None:
            return None
    except (ImportError, ValueError):  # ValueError: sys.modules entry is None (import blocked)
        return None
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "0"


def missing_requirements(requirements=REQUIREMENTS) -> list[str]:
    """Human-readable problems, e.g. ['shapely>=2 (found 1.8.5)'], empty when all is well."""
    problems = []
    for module_name, distribution, minimum, requirement in requirements:
        found = _installed_version(module_name, distribution)
        if found is None:
            problems.append(QCoreApplication.translate(
                "Dependencies", "{requirement} (not installed)").format(requirement=requirement))
        elif _version_tuple(found) < minimum:
            problems.append(QCoreApplication.translate(
                "Dependencies", "{requirement} (found {found})").format(
                    requirement=requirement, found=found))
    return problems


def missing_requirements_message(problems: list[str]) -> str:
    pip_args = " ".join(f"'{requirement}'" for _, _, _, requirement in REQUIREMENTS)
    return QCoreApplication.translate(
        "Dependencies",
        "Cadastre Editor needs these Python packages in the Python that QGIS uses: {problems}. "
        "Install them (for example: python3 -m pip install {pip_args}) and restart QGIS."
    ).format(problems=", ".join(problems), pip_args=pip_args)
