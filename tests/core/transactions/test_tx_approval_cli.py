"""`cadastre approve` / `cadastre reject`, run as a user runs them (installed entry point, real
process) on a working copy holding a submitted transaction."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cadastre_plugin.core.transactions import record
from cadastre_plugin.core.working_copy import WorkingCopy
from tx_helpers import parcels, person, transfer

CADASTRE = shutil.which("cadastre", path=str(Path(sys.executable).parent)) or "cadastre"


def run(*args, lang="en"):
    return subprocess.run([CADASTRE, *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, "CADASTRE_LANG": lang})


@pytest.fixture
def two_submitted(tx_template, tmp_path):
    path = tmp_path / "wc.gpkg"
    shutil.copy(tx_template, path)
    with WorkingCopy.open(str(path)) as wc:
        a, b = parcels(wc, n=2)
        uuids = [record(wc, transfer(p, wc, [(person(), 1)])).transaction_uuid for p in (a, b)]
    return path, uuids


def state(path, uuid):
    with WorkingCopy.open(str(path)) as wc:
        return wc.conn.execute("SELECT approval, approved_by, rejection_reason FROM "
                               "transactions WHERE uuid = ?", (uuid,)).fetchone()


def test_approve_and_reject_from_the_command_line(two_submitted):
    path, (first, second) = two_submitted
    out = run("approve", path, "--transaction", first, "--actor", "can.bo.duyet")
    assert out.returncode == 0, out.stderr
    assert first in out.stdout and "approved" in out.stdout
    assert state(path, first) == ("approved", "can.bo.duyet", None)
    out = run("reject", path, "--transaction", second, "--reason", "Thiếu hợp đồng",
              "--actor", "can.bo.duyet", lang="vi")
    assert out.returncode == 0, out.stderr
    assert "Đã từ chối" in out.stdout
    assert state(path, second) == ("rejected", "can.bo.duyet", "Thiếu hợp đồng")
    out = run("withdraw-decision", path, "--transaction", second)
    assert out.returncode == 0, out.stderr
    assert "submitted again" in out.stdout and state(path, second) == ("submitted", None, None)
    again = run("withdraw-decision", path, "--transaction", second, lang="vi")
    assert again.returncode == 2 and second in again.stderr


def test_refusals_exit_2_with_a_bilingual_message(two_submitted):
    path, (first, _) = two_submitted
    assert run("approve", path, "--transaction", first).returncode == 0
    again = run("reject", path, "--transaction", first, "--reason", "x", lang="vi")
    assert again.returncode == 2
    assert "đã được duyệt bởi" in again.stderr and first in again.stderr
    unknown = run("approve", path, "--transaction", "no-such-uuid")
    assert unknown.returncode == 2 and "no-such-uuid" in unknown.stderr
    blank = run("reject", path, "--transaction", first, "--reason", " ")
    assert blank.returncode == 2 and "reason" in blank.stderr
    assert run("reject", path, "--transaction", first).returncode == 2  # --reason is required
    assert state(path, first)[0] == "approved"
