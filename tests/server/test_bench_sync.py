"""`make bench-sync` at a small scale: the benchmark runs end to end against the real server
and checks what it measures (every pushed row applied, the pull bringing exactly the changed
parcels, the reference moving the same rows, concurrent clients without a single error).
Times are printed by the benchmark, never asserted here."""
import json

from server import bench


def test_the_sync_benchmark_runs_and_checks_what_it_measures(tmp_path, capsys):
    code = bench.main(["--parcels", "2000", "--changed", "600", "--per-push", "300",
                       "--clients", "2", "--duration", "2", "--workers", "1",
                       "--output", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 0, out
    report = json.loads((tmp_path / "sync.json").read_text())
    assert [r["parcels"] for r in report["push"]["rounds"]] == [300, 300]
    assert report["pull"]["applied"] == 600 and report["pull"]["conflicts"] == 0
    assert report["pull"]["ogr2ogr_rows"] == 600  # the reference moved the same rows
    assert report["pull"]["verified_parcels"] == report["checkout"]["parcels"]
    assert [c["clients"] for c in report["concurrent"]] == [1, 2]
    assert all(c["changesets"] > 0 and c["errors"] == 0 for c in report["concurrent"])
    for heading in ("push of 300 changed parcels", "pull of 600 changed parcels",
                    "2 client(s)", "throughput"):
        assert heading in out
