"""schemathesis against the live server's /openapi.json: generated valid and invalid requests
to every operation, with a writer token, find no server error (5xx). Bounded examples, so it
runs in well under a minute."""
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import requests

from conftest import DEMO_COMMUNE


def test_no_server_error_for_generated_requests(live, tmp_path):
    token = live.token("surveyor", ("312",))
    st = Path(sys.executable).with_name("st")
    report = tmp_path / "schemathesis"
    # Real identifiers, so that generated requests reach the logic behind the 404s.
    parcel = live.one("SELECT uuid FROM parcels WHERE commune_code = %s LIMIT 1", (DEMO_COMMUNE,))
    scan = b"%PDF-1.4 scanned dossier"
    sha = hashlib.sha256(scan).hexdigest()
    requests.put(f"{live.url}/documents/{sha}", data=scan, timeout=30,
                 headers={"Authorization": f"Bearer {token}"}).raise_for_status()
    config = tmp_path / "schemathesis.toml"
    config.write_text(f'[parameters]\n"path.code" = "{DEMO_COMMUNE}"\n'
                      f'"query.commune" = "{DEMO_COMMUNE}"\n"path.uuid" = "{parcel}"\n'
                      f'"path.sha256" = "{sha}"\n')
    result = subprocess.run(
        [str(st), "--config-file", str(config), "run", f"{live.url}/openapi.json",
         "--checks", "not_a_server_error",
         "--header", f"Authorization: Bearer {token}", "--max-examples", "25",
         "--workers", "1", "--seed", "1", "--no-color", "--request-timeout", "30",
         "--generation-database", "none", "--report-dir", str(report)],
        capture_output=True, text=True, timeout=300, cwd=tmp_path,
        env=dict(os.environ, SCHEMATHESIS_HOOKS=""))
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "passed" in result.stdout and "Missing test data" not in result.stdout
