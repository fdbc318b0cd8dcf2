"""The command line a scheduler runs, as real subprocesses against the live server: exit codes
0 / 2 / 3 / 4 / 5, the token from the environment or a file and never printed."""
import json
import os
import subprocess
import sys

import psycopg

from cadastre_plugin.core.working_copy import WorkingCopy

from conftest import DEMO_COMMUNE
from sync_live import ROOT


def cadastre(*args, token=None, env=None):
    environment = dict(os.environ, PYTHONPATH=str(ROOT), CADASTRE_LANG="en")
    environment.pop("CADASTRE_TOKEN", None)
    if token:
        environment["CADASTRE_TOKEN"] = token
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "cadastre_plugin.cli", *map(str, args)],
                          capture_output=True, text=True, env=environment, cwd=ROOT, timeout=120)


def _edit(path, sql, params=()):
    with WorkingCopy.open(str(path)) as wc, wc.operation("edit") as conn:
        conn.execute(sql, params)


def test_scheduled_sync_exit_codes(live, tmp_path):
    made = cadastre("server-token", "create", "--name", "office-312", "--role", "surveyor",
                    "--districts", "312", "--database", live.db)
    assert made.returncode == 0
    token = made.stdout.strip()
    assert token.startswith("cad_") and len(made.stdout.splitlines()) == 1
    outputs = []

    def run(*args, **kw):
        result = cadastre(*args, **kw)
        outputs.append(result.stdout + result.stderr)
        return result

    a, b = tmp_path / "a.gpkg", tmp_path / "b.gpkg"
    got = run("checkout", live.url, "--commune", DEMO_COMMUNE, a, "--json", token=token)
    assert got.returncode == 0, got.stderr
    assert json.loads(got.stdout)["parcels"] == 200
    token_file = tmp_path / "token"
    token_file.write_text(token + "\n")
    assert run("checkout", live.url, "--commune", DEMO_COMMUNE, b, "--token-file",
               token_file).returncode == 0
    assert run("push", a, token=token).returncode == 0  # nothing to send is fine

    uuid = WorkingCopy.open(str(a)).parcels()[0].uuid
    _edit(a, "UPDATE parcels SET address = 'A' WHERE uuid = ?", (uuid,))
    _edit(b, "UPDATE parcels SET address = 'B' WHERE uuid = ?", (uuid,))
    status = json.loads(run("status", a, "--json").stdout)
    assert status["rows_pending"] == 1 and status["server_url"] == live.url
    pushed = run("push", a, "--json", token=token)
    assert pushed.returncode == 0 and json.loads(pushed.stdout)["changesets"] == 1

    conflict = run("push", b, token=token)
    assert conflict.returncode == 3 and "conflicts" in conflict.stderr
    assert run("pull", b, token=token).returncode == 3  # the rest applied, the conflict open
    listed = run("conflicts", b)
    assert listed.returncode == 3 and "theirs" in listed.stdout
    conflict_id = json.loads(run("conflicts", b, "--json").stdout)[0]["id"]
    assert run("resolve", b, conflict_id, "--mine").returncode == 0
    assert run("push", b, token=token).returncode == 0
    assert live.one("SELECT address FROM parcels WHERE uuid = %s", (uuid,)) == "B"

    assert run("pull", a, token=token).returncode == 0  # B's change comes in
    _edit(a, "UPDATE parcels SET landuse = 'XYZ' WHERE uuid = ?", (uuid,))
    refused = run("push", a, token=token)
    assert refused.returncode == 4 and "XYZ" in refused.stderr
    _edit(a, "UPDATE parcels SET landuse = 'ONT' WHERE uuid = ?", (uuid,))

    assert run("push", a, token="cad_wrong").returncode == 2
    assert run("push", a).returncode == 2  # no token at all
    live.stop()
    down = run("push", a, "--retries", "1", token=token)
    assert down.returncode == 5 and "try again later" in down.stderr
    assert not any(token in text for text in outputs)


def test_server_load_and_token_revoke_from_the_command_line(pg, demo_gpkg, live):
    with psycopg.connect(pg.url, autocommit=True) as conn:
        conn.execute("CREATE DATABASE cli_load")
    url = pg.url.rsplit("/", 1)[0] + "/cli_load"
    loaded = cadastre("server-load", demo_gpkg, "--database", url, "--json")
    assert loaded.returncode == 0, loaded.stderr
    assert json.loads(loaded.stdout)["parcels"] == 200
    again = cadastre("server-load", demo_gpkg, "--database", url)
    assert again.returncode == 2 and "already" in again.stderr
    assert cadastre("server-token", "create", "--name", "x", "--role", "reader",
                    "--districts", "312", "--database", url).returncode == 0
    assert cadastre("server-token", "revoke", "--name", "x", "--database", url).returncode == 0
    assert cadastre("server-token", "revoke", "--name", "x", "--database", url).returncode == 2
    bad = cadastre("server-token", "create", "--name", "y", "--role", "reader", "--database", url)
    assert bad.returncode == 2
