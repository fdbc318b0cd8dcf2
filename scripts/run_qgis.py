#!/usr/bin/env python3
"""Run the real QGIS desktop application with a throw-away profile and a task script.

QGIS is started as ``/usr/bin/qgis --profiles-path DIR --profile NAME --code BOOTSTRAP``.
The profile's QGIS3.ini enables the plugin and turns off what would get in the way of an
unattended run (version check, news feed, first-run questions); the plugin comes from
``QGIS_PLUGINPATH`` (a folder holding a link to this checkout's ``cadastre_plugin``) or from a
zip unpacked into the profile's ``python/plugins``. Without a DISPLAY, QGIS runs under
``xvfb-run -a``.

The task is a Python file defining ``main(ctx)``. It runs once QGIS's event loop is up (plugins
loaded, main window shown); ``ctx.result`` is a dict written as JSON when ``main`` returns, and
then QGIS quits (unless interactive). Exceptions are caught and written to the JSON as
``error``/``traceback``. ``ctx`` also offers ``iface``, ``wait(ms)`` (process events) and
``wait_for_canvas(timeout_s)`` (until the map canvas finished rendering).

Usage as a library: ``launch(task_path, ...) -> dict``; as a command:
``scripts/run_qgis.py TASK.py [--locale vi] [--plugin-zip ZIP] [--interactive]``.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import textwrap
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN_NAME = "cadastre_plugin"
QGIS_BIN = "/usr/bin/qgis"
DEFAULT_TIMEOUT = 240
SCREEN = "1600x1000x24"

# Runs inside QGIS (Debian's /usr/bin/python3), so only the standard library and PyQGIS.
BOOTSTRAP = textwrap.dedent('''\
    import json, os, runpy, time, traceback
    from qgis.core import Qgis, QgsApplication
    from qgis.PyQt.QtCore import QEventLoop, QTimer
    import qgis.utils

    class _Context:
        def __init__(self):
            self.iface = qgis.utils.iface
            self.result = {}
            self.interactive = os.environ.get("CADASTRE_QGIS_INTERACTIVE") == "1"

        def wait(self, ms=100):
            loop = QEventLoop()
            QTimer.singleShot(int(ms), loop.quit)
            loop.exec_()

        def wait_for_canvas(self, timeout_s=60):
            """Until the map canvas has rendered all its layers (True), or the timeout."""
            canvas = self.iface.mapCanvas()
            deadline = time.monotonic() + timeout_s
            self.wait(200)  # let a refresh that was just requested start
            while canvas.isDrawing() and time.monotonic() < deadline:
                self.wait(100)
            canvas.waitWhileRendering()
            self.wait(300)  # labels and the final repaint of the widget
            return not canvas.isDrawing()

    def _write(ctx):
        path = os.environ["CADASTRE_QGIS_RESULT"]
        with open(path + ".part", "w", encoding="utf-8") as fh:
            json.dump(ctx.result, fh, ensure_ascii=False, indent=2, default=str)
        os.replace(path + ".part", path)

    def _run():
        ctx = _Context()
        try:
            ctx.result["qgis_version"] = Qgis.QGIS_VERSION
            module = runpy.run_path(os.environ["CADASTRE_QGIS_TASK"], run_name="cadastre_task")
            module["main"](ctx)
        except BaseException as error:  # everything goes to the JSON, nothing is lost
            ctx.result["error"] = f"{type(error).__name__}: {error}"
            ctx.result["traceback"] = traceback.format_exc()
        _write(ctx)
        if not ctx.interactive:
            QTimer.singleShot(0, QgsApplication.instance().quit)

    # --code runs before QGIS enters its event loop: start the task from inside the loop.
    QTimer.singleShot(int(os.environ.get("CADASTRE_QGIS_DELAY_MS", "500")), _run)
''')


def venv_site_packages() -> str:
    """The site-packages of the interpreter running this script (the project's venv)."""
    return sysconfig.get_paths()["purelib"]


def qgis_pythonpath() -> str:
    """PYTHONPATH for QGIS's embedded Python (Debian's /usr/bin/python3), which does not see
    the venv otherwise and so lacks shapely 2 and pyproj >= 3.6.

    The venv's shapely and pyproj wheels bundle their own GEOS and PROJ; the plugin imports
    them so that those do not clash with QGIS's copies (cadastre_plugin/ui/native_libraries.py).
    """
    return venv_site_packages()


def qgis_version() -> tuple[int, int, int]:
    """(major, minor, versionInt) of the installed QGIS, e.g. (3, 22, 32216)."""
    from qgis.core import Qgis

    version_int = Qgis.versionInt()
    return version_int // 10000, (version_int // 100) % 100, version_int


def write_profile(profiles_path: Path, profile: str, locale: str | None,
                  enable_plugin: bool = True) -> Path:
    """Create ``profiles_path/profiles/profile`` with a QGIS3.ini for unattended runs."""
    profile_dir = profiles_path / "profiles" / profile
    (profile_dir / "QGIS").mkdir(parents=True, exist_ok=True)
    (profile_dir / "python" / "plugins").mkdir(parents=True, exist_ok=True)
    major, minor, version_int = qgis_version()
    lines = [
        "[PythonPlugins]",
        f"{PLUGIN_NAME}={'true' if enable_plugin else 'false'}",
        "",
        "[qgis]",
        "checkVersion=false",
        "allowVersionCheck=false",
        f"showTips{major}{minor}=false",
        "",
        "[core]",
        "NewsFeed\\httpsfeedqgisorg\\disabled=true",
        "",
        "[migration]",
        "fileVersion=2",
        f"firstRunVersionFlag={version_int}",
        "settings=true",
        "",
    ]
    if locale:
        lines += ["[locale]", f"userLocale={locale}", "overrideFlag=true", ""]
    (profile_dir / "QGIS" / "QGIS3.ini").write_text("\n".join(lines), encoding="utf-8")
    # The profile manager opens the last used profile unless told otherwise: name ours.
    (profiles_path / "profiles" / "profiles.ini").write_text(
        f"[core]\ndefaultProfile={profile}\n", encoding="utf-8")
    return profile_dir


def install_plugin_zip(zip_path: Path, profile_dir: Path) -> Path:
    plugins = profile_dir / "python" / "plugins"
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(plugins)
    return plugins / PLUGIN_NAME


def link_checkout_plugin(base: Path) -> Path:
    """A plugin folder for QGIS_PLUGINPATH holding only a link to this checkout's plugin.

    (The checkout root itself cannot be the plugin path: QGIS would scan every folder in it.)"""
    folder = base / "plugin-path"
    folder.mkdir(parents=True, exist_ok=True)
    link = folder / PLUGIN_NAME
    if not link.exists():
        link.symlink_to(ROOT / PLUGIN_NAME, target_is_directory=True)
    return folder


def launch(task: str | os.PathLike, *, workdir: str | os.PathLike | None = None,
           profile: str = "cadastre", locale: str | None = None,
           plugin_zip: str | os.PathLike | None = None, enable_plugin: bool = True,
           interactive: bool = False, timeout: float = DEFAULT_TIMEOUT,
           env: dict | None = None, log_path: str | os.PathLike | None = None,
           on_result=None) -> dict:
    """Run QGIS with ``task`` and return the task's result dict.

    ``workdir`` holds the profile, the bootstrap and the result (a temporary folder, removed
    afterwards, when not given). Adds ``returncode``, ``seconds`` and ``log`` (QGIS's output,
    when something went wrong) to the result. Raises RuntimeError when QGIS produced no result
    (crash, timeout). ``on_result(result)`` is called as soon as the task's result exists,
    while QGIS may still be open (interactive runs)."""
    own_workdir = workdir is None
    work = Path(tempfile.mkdtemp(prefix="cadastre-qgis-") if own_workdir else workdir).resolve()
    work.mkdir(parents=True, exist_ok=True)
    try:
        return _launch(Path(task).resolve(), work, profile, locale, plugin_zip, enable_plugin,
                       interactive, timeout, env or {}, log_path, on_result)
    finally:
        if own_workdir:
            shutil.rmtree(work, ignore_errors=True)


def _launch(task, work, profile, locale, plugin_zip, enable_plugin, interactive, timeout,
            extra_env, log_path, on_result) -> dict:
    profiles_path = work / "profiles-root"
    profile_dir = write_profile(profiles_path, profile, locale, enable_plugin)
    bootstrap = work / "bootstrap.py"
    bootstrap.write_text(BOOTSTRAP, encoding="utf-8")
    result_path = work / "result.json"
    result_path.unlink(missing_ok=True)

    env = dict(os.environ)
    env.pop("QGIS_PLUGINPATH", None)
    if plugin_zip:
        install_plugin_zip(Path(plugin_zip), profile_dir)
    else:
        env["QGIS_PLUGINPATH"] = str(link_checkout_plugin(work))
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (qgis_pythonpath(), env.get("PYTHONPATH", "")) if p)
    env["CADASTRE_QGIS_TASK"] = str(task)
    env["CADASTRE_QGIS_RESULT"] = str(result_path)
    env["CADASTRE_QGIS_INTERACTIVE"] = "1" if interactive else "0"
    env.setdefault("XDG_RUNTIME_DIR", str(_runtime_dir(work)))
    # A real window: never Qt's offscreen platform, which the test environment may have set.
    env.pop("QT_QPA_PLATFORM", None)
    env.update(extra_env)

    command = [QGIS_BIN, "--nologo", "--noversioncheck", "--profiles-path", str(profiles_path),
               "--profile", profile, "--code", str(bootstrap)]
    if not env.get("DISPLAY"):
        command = ["xvfb-run", "-a", "-s", f"-screen 0 {SCREEN}"] + command

    log_file = Path(log_path) if log_path else work / "qgis.log"
    started = time.monotonic()
    with open(log_file, "wb") as log:
        # Own session: on timeout the whole group (xvfb-run, Xvfb, QGIS) is stopped together.
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True, cwd=str(work))
        reported = False
        try:
            while process.poll() is None:
                if on_result and not reported and result_path.exists():
                    reported = True
                    on_result(json.loads(result_path.read_text(encoding="utf-8")))
                if not interactive and time.monotonic() - started > timeout:
                    _stop_group(process)
                    raise RuntimeError(f"QGIS did not finish within {timeout:.0f} s; its "
                                       f"output:\n{_tail(log_file)}")
                time.sleep(0.2)
        except KeyboardInterrupt:
            _stop_group(process)
            raise
        returncode = process.returncode
    seconds = time.monotonic() - started
    if not result_path.exists():
        raise RuntimeError(f"QGIS exited with code {returncode} without writing a result; "
                           f"its output:\n{_tail(log_file)}")
    result = json.loads(result_path.read_text(encoding="utf-8"))
    if on_result and not reported:
        on_result(result)
    result["returncode"] = returncode
    result["seconds"] = round(seconds, 2)
    if "error" in result or returncode != 0:
        result["log"] = _tail(log_file)
    return result


def _runtime_dir(work: Path) -> Path:
    runtime = work / "xdg-runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    return runtime


def _stop_group(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait()


def _tail(path: Path, limit: int = 4000) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return text[-limit:]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("task", help="Python file defining main(ctx)")
    parser.add_argument("--workdir", help="keep the profile and result here")
    parser.add_argument("--locale", help="QGIS user interface locale, e.g. vi or en")
    parser.add_argument("--plugin-zip", help="install the plugin from this zip into the profile")
    parser.add_argument("--interactive", action="store_true",
                        help="keep QGIS open after the task (needs a DISPLAY to be useful)")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT)
    args = parser.parse_args(argv)
    result = launch(args.task, workdir=args.workdir, locale=args.locale,
                    plugin_zip=args.plugin_zip, interactive=args.interactive,
                    timeout=args.timeout)
    if "error" not in result:
        result.pop("log", None)
    print(json.dumps(result, ensure_ascii=False, indent=2, default=str))
    return 0 if "error" not in result and result.get("returncode") == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
