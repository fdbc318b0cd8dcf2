"""Finding parcels of the demo by their history."""
from cadastre_plugin.core.working_copy import WorkingCopy


def parcel_with(path, sql, params=()):
    with WorkingCopy.open(str(path)) as wc:
        row = wc.conn.execute(sql, params).fetchone()
    assert row, sql
    return row[0]


def transferred_parcel(path):
    """A current parcel with a recorded transfer that has a scanned document."""
    return parcel_with(path, "SELECT tp.parcel_uuid FROM transaction_parcels tp "
                             "JOIN transactions t ON t.uuid = tp.transaction_uuid "
                             "JOIN parcels p ON p.uuid = tp.parcel_uuid "
                             "WHERE t.type_code IN ('CN', 'TA', 'TK') "
                             "ORDER BY t.recorded_at LIMIT 1")


def split_child(path):
    return parcel_with(path, "SELECT child_uuid FROM parcel_lineage LIMIT 1")


def activate(iface, layer):
    """Make ``layer`` active and tell listeners, as QGIS's layer tree does (pytest-qgis's iface
    does not emit currentLayerChanged itself)."""
    iface.setActiveLayer(layer)
    iface.currentLayerChanged.emit(None)


def select_parcel(layer, uuid):
    layer.selectByExpression(f"\"uuid\" = '{uuid}'")
    assert layer.selectedFeatureCount() == 1


def free_parcels(path, n=1, where="1=1"):
    """Current parcels held by people, without mortgage."""
    with WorkingCopy.open(str(path)) as wc:
        rows = wc.conn.execute(
            f"SELECT p.uuid FROM parcels p WHERE {where} AND EXISTS (SELECT 1 FROM rights r JOIN "
            "right_shares s ON s.right_uuid = r.uuid JOIN parties y ON y.uuid = s.party_uuid "
            "WHERE r.parcel_uuid = p.uuid AND r.valid_to IS NULL AND y.kind != 'organisation') "
            "AND NOT EXISTS (SELECT 1 FROM restrictions x WHERE x.parcel_uuid = p.uuid AND "
            "x.released_on IS NULL) ORDER BY p.fid LIMIT ?", (n,)).fetchall()
    assert len(rows) == n
    return [r[0] for r in rows]


def choose(combo, data):
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def snapshot(path) -> dict:
    """Counts of what recording writes: unchanged after a refusal."""
    with WorkingCopy.open(str(path)) as wc:
        return {t: wc.count(t) for t in ("transactions", "rights", "right_shares", "parties",
                                         "restrictions", "certificates", "journal", "parcels",
                                         "documents")}
