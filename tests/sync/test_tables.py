"""The sync description (core/sync/tables.py) against the working-copy schema and the server's
schema: a journalled table that the sync does not know would be confirmed without being sent,
and a column missing on one side would be lost on the way."""
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cadastre_plugin.core.demo import DEMO_COMMUNE
from cadastre_plugin.core.sync.tables import TABLES, key_text
from cadastre_plugin.core.working_copy import WorkingCopy

SERVER_SQL = (Path(__file__).resolve().parents[2] / "server" / "schema.sql").read_text()


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    with WorkingCopy.create(str(tmp_path_factory.mktemp("t") / "wc.gpkg"), DEMO_COMMUNE) as wc:
        yield wc


def test_every_journalled_table_is_synced(fresh):
    journalled = {n[len("journal_"):-len("_insert")] for (n,) in fresh.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'journal_%_insert'")}
    assert journalled == set(TABLES)


@pytest.mark.parametrize("table", sorted(TABLES))
def test_columns_match_the_working_copy(fresh, table):
    spec = TABLES[table]
    info = {r[1]: r for r in fresh.conn.execute(f"PRAGMA table_info({table})")}
    local = set(info) - {"fid", "geom", "version"}
    assert local == set(spec.all_names)
    for col in spec.key + spec.columns:
        # NOT NULL there must be required here (the server would send a null back otherwise);
        # keys and trigger-filled columns (parcels' uuid, status) are required here regardless.
        assert col.required or not info[col.name][3], col.name
    ddl = fresh.conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    for col in spec.key + spec.columns:
        if col.choices:
            allowed = re.search(rf"{col.name} IN \(([^)]*)\)", ddl)[1]
            assert set(re.findall(r"'([^']*)'", allowed)) == set(col.choices)


@pytest.mark.parametrize("table", sorted(TABLES))
def test_columns_exist_on_the_server(table):
    block = re.search(rf"CREATE TABLE {table} \((.*?)\);", SERVER_SQL, re.S)[1]
    columns = set(re.findall(r"(?:^|,)\s*\"?([a-z_0-9]+)\"? ", block, re.M))
    assert set(TABLES[table].all_names) | {"commune_code", "version", "revision"} <= columns


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["uuid", "role", "right_uuid", "sha256"]),
                       st.one_of(st.text(), st.integers(), st.none(), st.booleans())))
def test_key_text_is_canonical_json(key):
    """The fast path writes exactly what the JSON encoder would: client and server agree."""
    assert key_text(key) == json.dumps(key, sort_keys=True, separators=(",", ":"),
                                       ensure_ascii=False)
