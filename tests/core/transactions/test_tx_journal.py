"""Each transaction is one journal operation: every row it writes, under one op_id, so that sync
can push it as one change set; a refused one leaves no entry."""
import pytest
import shapely

from cadastre_plugin.core import schema
from cadastre_plugin.core.messages import ValidationFailed
from cadastre_plugin.core.model import Commune
from cadastre_plugin.core.transactions import MortgageInput, TransactionDraft, record
from cadastre_plugin.core.transactions.state import State
from cadastre_plugin.core.working_copy import WorkingCopy
from tx_helpers import bank, doc, parcels, person, transfer


def journal_by_table(wc, op_id) -> dict:
    return {(t, a): n for t, a, n in wc.conn.execute(
        "SELECT table_name, action, count(*) FROM journal WHERE op_id = ? GROUP BY 1, 2",
        (op_id,))}


def test_a_transfer_is_one_journal_operation_with_every_row(wc):
    (p,) = parcels(wc)
    n_old = len(State(wc.conn).right(p).holders)
    buyers = [person("Đinh Văn Quân", 1982), person("Đinh Thị Yến", 1984, True)]
    result = record(wc, transfer(p, wc, [(buyers[0], "1/2"), (buyers[1], "1/2")]))
    assert wc.conn.execute("SELECT DISTINCT op_id, operation, actor FROM journal").fetchall() == \
        [(result.op_id, "transaction:CN", "can.bo")]
    assert journal_by_table(wc, result.op_id) == {
        ("transactions", "insert"): 1, ("parties", "insert"): 2, ("rights", "update"): 1,
        ("rights", "insert"): 1, ("right_shares", "insert"): 2,
        ("transaction_rights", "insert"): 2, ("transaction_parcels", "insert"): 2,
        ("transaction_parties", "insert"): n_old + 2}
    # Rows about the parcel carry its UUID, so the journal can be read per parcel.
    assert wc.conn.execute("SELECT count(*) FROM journal WHERE table_name = 'rights' AND "
                           "parcel_uuid = ?", (p,)).fetchone()[0] == 2


def test_each_transaction_gets_its_own_operation(wc):
    a, b = parcels(wc, n=2)
    lender = bank()
    first = record(wc, transfer(a, wc, [(person(), 1)]))
    second = record(wc, TransactionDraft("TC", [b], doc(), new_parties=[lender],
                                         mortgage=MortgageInput(lender.uuid, doc().date)))
    ops = wc.conn.execute("SELECT op_id, operation FROM journal GROUP BY op_id ORDER BY min(id)"
                          ).fetchall()
    assert ops == [(first.op_id, "transaction:CN"), (second.op_id, "transaction:TC")]
    assert wc.summary()["journal_unpushed"] == wc.count("journal")


def test_a_refused_transaction_leaves_no_journal_entry_and_the_next_one_works(wc):
    (p,) = parcels(wc)
    bad = transfer(p, wc, [(person(), "1/2")])
    with pytest.raises(ValidationFailed):
        record(wc, bad)
    assert wc.count("journal") == 0
    assert wc.conn.execute("SELECT op_id, operation, suspended FROM journal_context").fetchone() \
        == (None, None, 0)
    record(wc, transfer(p, wc, [(person(), 1)]))
    assert wc.count("journal") > 0


def test_history_can_be_recorded_without_journalling(wc):
    (p,) = parcels(wc)
    record(wc, transfer(p, wc, [(person(), 1)]), at="2019-05-06T08:00:00.000000Z", journal=False)
    assert wc.count("journal") == 0
    assert State(wc.conn).right(p).valid_from == "2019-05-06T08:00:00.000000Z"


def test_a_version_2_working_copy_migrates_and_records_transactions(tmp_path):
    """Migration 3 adds the link, document and identifier tables with their journal triggers to
    a file that already holds parcels, parties and rights."""
    path = str(tmp_path / "v2.gpkg")
    owner = person("Bùi Văn Long", 1960)
    with WorkingCopy.create(path, Commune("11686", "Xã Tân Tiến", 9210), schema_version=2) as wc:
        with wc.operation("load", journal=False) as conn:
            wc.add_parcels(conn, [shapely.box(588000, 2309000, 588020, 2309020)], {
                "uuid": ["p1"], "commune_code": ["11686"], "sheet_no": [1], "parcel_no": [1],
                "area": [400.0], "landuse": ["ONT"]})
            conn.execute("INSERT INTO parties (uuid, kind, name, birth_year, citizen_id) "
                         "VALUES (?, 'individual', ?, ?, ?)",
                         (owner.uuid, owner.name, owner.birth_year, owner.citizen_id))
            conn.execute("INSERT INTO rights (uuid, parcel_uuid, kind, landuse) "
                         "VALUES ('r1', 'p1', 'land_use', 'ONT')")
            conn.execute("INSERT INTO right_shares (right_uuid, party_uuid, share) "
                         "VALUES ('r1', ?, '1')", (owner.uuid,))
    with WorkingCopy.open(path) as wc:
        assert wc.schema_version == schema.SCHEMA_VERSION
        triggers = {n for (n,) in wc.conn.execute("SELECT name FROM sqlite_master WHERE "
                                                  "type = 'trigger' AND name LIKE 'journal_%'")}
        for table in ("transaction_rights", "transaction_restrictions",
                      "transaction_certificates", "transaction_parties", "documents",
                      "transaction_documents", "external_ids"):
            assert {f"journal_{table}_{a}" for a in ("insert", "update", "delete")} <= triggers
        result = record(wc, transfer("p1", wc, [(person(), 1)]))
        journalled = journal_by_table(wc, result.op_id)
        assert journalled[("transaction_rights", "insert")] == 2
        assert journalled[("rights", "update")] == 1


def test_new_working_copies_list_the_new_tables_for_qgis(tmp_path):
    with WorkingCopy.create(str(tmp_path / "new.gpkg"), Commune("11686", "x", 9210)) as wc:
        contents = {t for (t,) in wc.conn.execute("SELECT table_name FROM gpkg_contents")}
    assert {"transaction_rights", "transaction_parties", "documents", "transaction_documents",
            "external_ids"} <= contents
