"""The working-copy schema and its migrations.

A working copy records its schema version in ``cadastre_meta``. Each migration brings a file
from one version to the next inside the caller's transaction, so a migration either completes
or leaves the file as it was. Newer files than this code knows are refused, never touched.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from . import gpkg

SCHEMA_VERSION = 4
APP_NAME = "cadastre-editor"

PARCEL_LAYER = "parcels"
PARCEL_VERSIONS_LAYER = "parcel_versions"
SHEET_LAYER = "map_sheets"


@dataclass(frozen=True)
class Column:
    name: str
    sql: str
    alias_vi: str
    alias_en: str
    common_name: str = ""  # the field name used by Vietnamese cadastral databases and exports


# The parcel attributes, in the order the layer shows them. ``common_name`` maps to the field
# names in circulation (SoHieuToBanDo, SoThuTuThua, ...) for import/export.
PARCEL_COLUMNS = (
    Column("uuid", "TEXT UNIQUE", "Mã định danh (UUID)", "UUID", "UUID"),
    Column("commune_code", "TEXT NOT NULL CHECK (length(commune_code) = 5)", "Mã xã",
           "Commune code", "MaXa"),
    Column("sheet_no", "INTEGER NOT NULL CHECK (sheet_no > 0)", "Số hiệu tờ bản đồ",
           "Map sheet number", "SoHieuToBanDo"),
    Column("parcel_no", "INTEGER NOT NULL CHECK (parcel_no > 0)", "Số thứ tự thửa",
           "Parcel number", "SoThuTuThua"),
    Column("area", "REAL CHECK (area IS NULL OR area > 0)", "Diện tích (m²)",
           "Measured area (m²)", "DienTich"),
    Column("legal_area", "REAL CHECK (legal_area IS NULL OR legal_area > 0)",
           "Diện tích pháp lý (m²)", "Legal area (m²)", "DienTichPhapLy"),
    Column("landuse", "TEXT", "Mục đích sử dụng", "Land use", "KyHieuMucDichSuDung"),
    Column("address", "TEXT", "Địa chỉ", "Address", "DiaChi"),
    # status, version and valid_from may arrive as NULL from QGIS's own tools, which write
    # every field explicitly: the insert trigger fills them (a column DEFAULT would not apply).
    Column("status", "TEXT DEFAULT 'current' CHECK (status IN ('current', 'retired'))",
           "Trạng thái", "Status"),
    Column("version", "INTEGER DEFAULT 1", "Phiên bản", "Version"),
    Column("valid_from", "TEXT", "Thời điểm bắt đầu", "Valid from", "ThoiDiemBatDau"),
    Column("valid_to", "TEXT", "Thời điểm kết thúc", "Valid to", "ThoiDiemKetThuc"),
    Column("old_sheet_no", "INTEGER", "Số hiệu tờ cũ", "Former sheet number", "SoHieuToBanDoCu"),
    Column("old_parcel_no", "INTEGER", "Số thửa cũ", "Former parcel number", "SoThuTuThuaCu"),
)
PARCEL_COLUMN_NAMES = tuple(c.name for c in PARCEL_COLUMNS)

# SQLite has no uuid(): this builds a random version-4 UUID in its canonical text form.
SQL_UUID4 = ("lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || "
             "substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || "
             "substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))")


def _columns_sql(columns) -> str:
    return ",\n  ".join(f"{c.name} {c.sql}" for c in columns)


def _migration_1(conn: sqlite3.Connection, crs_epsg: int) -> None:
    """The domain tables: parcels and their history, sheets, parties, rights, transactions."""
    conn.execute("CREATE TABLE cadastre_meta (key TEXT PRIMARY KEY, value TEXT)")
    gpkg.add_attribute_table(conn, "communes", """
      CREATE TABLE communes (
        fid INTEGER PRIMARY KEY AUTOINCREMENT, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
        district_code TEXT, district_name TEXT, province_code TEXT, province_name TEXT,
        crs_epsg INTEGER NOT NULL)""", "Xã / Communes")
    gpkg.add_feature_table(conn, SHEET_LAYER, """
      CREATE TABLE map_sheets (
        fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POLYGON,
        commune_code TEXT NOT NULL, sheet_no INTEGER NOT NULL CHECK (sheet_no > 0),
        grid_number TEXT, scale INTEGER NOT NULL, crs_epsg INTEGER NOT NULL,
        UNIQUE (commune_code, sheet_no))""", "POLYGON", crs_epsg, "Tờ bản đồ / Map sheets")
    parcel_cols = _columns_sql(PARCEL_COLUMNS)
    gpkg.add_feature_table(conn, PARCEL_LAYER, f"""
      CREATE TABLE parcels (
        fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POLYGON,
        {parcel_cols})""", "POLYGON", crs_epsg, "Thửa đất / Parcels")
    conn.execute("CREATE INDEX parcels_sheet_number ON parcels (commune_code, sheet_no, parcel_no)")
    # Every retired or superseded version of a parcel, with its validity interval: the history
    # that lets a parcel be shown as it was, and that keeps retired numbers from being reused.
    version_cols = _columns_sql([c for c in PARCEL_COLUMNS if c.name != "uuid"])
    gpkg.add_feature_table(conn, PARCEL_VERSIONS_LAYER, f"""
      CREATE TABLE parcel_versions (
        fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POLYGON, uuid TEXT NOT NULL,
        {version_cols}, transaction_uuid TEXT)""", "POLYGON", crs_epsg,
        "Lịch sử thửa đất / Parcel history")
    conn.execute("CREATE INDEX parcel_versions_uuid ON parcel_versions (uuid)")
    conn.execute("CREATE INDEX parcel_versions_sheet ON parcel_versions (commune_code, sheet_no)")
    for table, ddl, description in _ATTRIBUTE_TABLES:
        gpkg.add_attribute_table(conn, table, ddl, description)
    conn.execute("""CREATE TABLE layer_styles (
        id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_catalog TEXT(256), f_table_schema TEXT(256),
        f_table_name TEXT(256), f_geometry_column TEXT(256), styleName TEXT(30), styleQML TEXT,
        styleSLD TEXT, useAsDefault BOOLEAN, description TEXT, owner TEXT(30), ui TEXT(30),
        update_time DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))""")
    conn.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier) "
                 "VALUES ('layer_styles', 'attributes', 'layer_styles')")


_ATTRIBUTE_TABLES = (
    ("parties", """CREATE TABLE parties (
        fid INTEGER PRIMARY KEY AUTOINCREMENT, uuid TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('individual','household','couple','organisation','community')),
        name TEXT NOT NULL, birth_year INTEGER, citizen_id TEXT, tax_code TEXT, user_type TEXT,
        address TEXT, members TEXT)""", "Chủ sử dụng / Parties"),
    ("rights", """CREATE TABLE rights (
        fid INTEGER PRIMARY KEY AUTOINCREMENT, uuid TEXT NOT NULL UNIQUE,
        parcel_uuid TEXT NOT NULL, kind TEXT NOT NULL, landuse TEXT, term_end TEXT,
        valid_from TEXT, valid_to TEXT, transaction_uuid TEXT)""", "Quyền / Rights"),
    ("right_shares", """CREATE TABLE right_shares (
        fid INTEGER PRIMARY KEY AUTOINCREMENT, right_uuid TEXT NOT NULL, party_uuid TEXT NOT NULL,
        share TEXT NOT NULL, UNIQUE (right_uuid, party_uuid))""", "Phần quyền / Shares"),
    ("restrictions", """CREATE TABLE restrictions (
        fid INTEGER PRIMARY KEY AUTOINCREMENT, uuid TEXT NOT NULL UNIQUE,
        parcel_uuid TEXT NOT NULL, kind TEXT NOT NULL, creditor_uuid TEXT, registered_on TEXT,
        released_on TEXT, note TEXT, transaction_uuid TEXT)""", "Hạn chế / Restrictions"),
    ("certificates", """CREATE TABLE certificates (
        fid INTEGER PRIMARY KEY AUTOINCREMENT, uuid TEXT NOT NULL UNIQUE, serial TEXT NOT NULL,
        entry_no TEXT, issue_date TEXT, authority TEXT, status TEXT NOT NULL DEFAULT 'valid',
        transaction_uuid TEXT)""", "Giấy chứng nhận / Certificates"),
    ("certificate_parcels", """CREATE TABLE certificate_parcels (
        fid INTEGER PRIMARY KEY AUTOINCREMENT, certificate_uuid TEXT NOT NULL,
        parcel_uuid TEXT NOT NULL, UNIQUE (certificate_uuid, parcel_uuid))""",
     "Thửa của giấy chứng nhận / Certificate parcels"),
    ("transactions", """CREATE TABLE transactions (
        fid INTEGER PRIMARY KEY AUTOINCREMENT, uuid TEXT NOT NULL UNIQUE, type_code TEXT NOT NULL,
        dossier_no TEXT, document_date TEXT, authority TEXT, recorded_by TEXT,
        recorded_at TEXT NOT NULL, note TEXT)""", "Biến động / Transactions"),
    ("transaction_parcels", """CREATE TABLE transaction_parcels (
        fid INTEGER PRIMARY KEY AUTOINCREMENT, transaction_uuid TEXT NOT NULL,
        parcel_uuid TEXT NOT NULL, role TEXT NOT NULL CHECK (role IN ('before','after')))""",
     "Thửa của biến động / Transaction parcels"),
    ("parcel_lineage", """CREATE TABLE parcel_lineage (
        fid INTEGER PRIMARY KEY AUTOINCREMENT, parent_uuid TEXT NOT NULL, child_uuid TEXT NOT NULL,
        transaction_uuid TEXT, created_at TEXT NOT NULL)""", "Nguồn gốc thửa / Parcel lineage"),
)

# Tables whose every change the journal records.
JOURNALED_TABLES = ("parcels", "parties", "rights", "right_shares", "restrictions", "certificates",
                    "certificate_parcels", "transactions", "transaction_parcels", "parcel_lineage")


def _table_columns(conn: sqlite3.Connection, table: str) -> list:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def _journal_json(conn: sqlite3.Connection, table: str, prefix: str) -> str:
    """json_object(...) of a row as a trigger sees it; geometry as the hex of its blob."""
    parts = []
    for col in _table_columns(conn, table):
        value = f"hex({prefix}.{col})" if col == "geom" else f"{prefix}.{col}"
        parts.append(f"'{col}', {value}")
    return "json_object(" + ", ".join(parts) + ")"


def _journal_triggers(conn: sqlite3.Connection, table: str) -> str:
    """Row triggers that write the journal in the same SQLite transaction as the change itself.

    Whoever writes (our code, QGIS's edit buffer through OGR, any SQLite client), the change
    and its journal entry commit or roll back together. ``journal_context`` names the
    operation when our code is the writer; a plain edit is journalled as 'edit'. A suspended
    context (bulk loads, applying the server's changes on pull) writes no entries.
    """
    cols = _table_columns(conn, table)
    has_uuid = "uuid" in cols
    parcel_col = {"parcels": "uuid", "rights": "parcel_uuid", "restrictions": "parcel_uuid",
                  "certificate_parcels": "parcel_uuid", "transaction_parcels": "parcel_uuid",
                  "parcel_lineage": "child_uuid"}.get(table)

    def entry(action: str, row: str, old: str, new: str) -> str:
        ctx = "(SELECT {} FROM journal_context WHERE id = 1)"
        return (
            "INSERT INTO journal (op_id, operation, actor, table_name, action, row_fid, row_uuid, "
            f"parcel_uuid, old, new) SELECT {ctx.format('op_id')}, "
            f"coalesce({ctx.format('operation')}, 'edit'), {ctx.format('actor')}, '{table}', "
            f"'{action}', {row}.fid, {row + '.uuid' if has_uuid else 'NULL'}, "
            f"{row + '.' + parcel_col if parcel_col else 'NULL'}, {old}, {new} "
            "WHERE (SELECT suspended FROM journal_context WHERE id = 1) = 0;")

    old_json, new_json = _journal_json(conn, table, "OLD"), _journal_json(conn, table, "NEW")
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in cols)
    if table == "parcels":
        # Features added by QGIS's own tools arrive without UUID, status, version or start
        # time: the insert trigger fills them, then journals the row as stored. The fill is
        # flagged in journal_context so that it is not journalled as an edit of its own.
        fill = (
            "UPDATE journal_context SET filling = 1 WHERE id = 1;"
            f"UPDATE parcels SET uuid = coalesce(uuid, {SQL_UUID4}), "
            "status = coalesce(status, 'current'), version = coalesce(version, 1), "
            "valid_from = coalesce(valid_from, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) "
            "WHERE fid = NEW.fid AND (uuid IS NULL OR status IS NULL OR version IS NULL "
            "OR valid_from IS NULL);"
            "UPDATE journal_context SET filling = 0 WHERE id = 1;")
        insert_body = fill + entry("insert", "p", "NULL", _journal_json(conn, table, "p")).replace(
            "WHERE (SELECT suspended", "FROM parcels p WHERE p.fid = NEW.fid AND (SELECT suspended")
        update_guard = "(SELECT filling FROM journal_context WHERE id = 1) = 0 AND "
    else:
        insert_body = entry("insert", "NEW", "NULL", new_json)
        update_guard = ""
    return f"""
    CREATE TRIGGER journal_{table}_insert AFTER INSERT ON {table}
      BEGIN {insert_body} END;
    CREATE TRIGGER journal_{table}_update AFTER UPDATE ON {table}
      WHEN {update_guard}({changed})
      BEGIN {entry('update', 'NEW', old_json, new_json)} END;
    CREATE TRIGGER journal_{table}_delete AFTER DELETE ON {table}
      BEGIN {entry('delete', 'OLD', old_json, 'NULL')} END;
    """


def _migration_2(conn: sqlite3.Connection, crs_epsg: int) -> None:
    """The journal of every change, the operation context, and the sync state."""
    gpkg.execute_script(conn, """
    CREATE TABLE journal (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      op_id TEXT, operation TEXT NOT NULL, actor TEXT,
      table_name TEXT NOT NULL, action TEXT NOT NULL CHECK (action IN ('insert','update','delete')),
      row_fid INTEGER, row_uuid TEXT, parcel_uuid TEXT, old TEXT, new TEXT,
      recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
      changeset_uuid TEXT, confirmed_at TEXT);
    CREATE INDEX journal_parcel ON journal (parcel_uuid);
    CREATE INDEX journal_unconfirmed ON journal (confirmed_at);
    CREATE TABLE journal_context (
      id INTEGER PRIMARY KEY CHECK (id = 1), op_id TEXT, operation TEXT, actor TEXT,
      suspended INTEGER NOT NULL DEFAULT 0, filling INTEGER NOT NULL DEFAULT 0);
    INSERT INTO journal_context (id, suspended, filling) VALUES (1, 0, 0);
    CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT);
    """)
    for table, data_type in (("journal", "attributes"), ("sync_state", "attributes")):
        conn.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description) "
                     "VALUES (?, ?, ?, ?)", (table, data_type, table,
                                             "Nhật ký / Journal" if table == "journal" else ""))
    for table in JOURNALED_TABLES:
        gpkg.execute_script(conn, _journal_triggers(conn, table))


# Registration changes (biến động): what each transaction did to rights, restrictions,
# certificates and parties, the scanned dossier documents, and identifiers from imported
# registers. Link tables rather than new columns on the version-1 tables: their journal
# triggers and the sync description stay as they are.
_TRANSACTION_TABLES = (
    ("transaction_rights", """CREATE TABLE transaction_rights (
        fid INTEGER PRIMARY KEY AUTOINCREMENT, transaction_uuid TEXT NOT NULL,
        right_uuid TEXT NOT NULL, role TEXT NOT NULL CHECK (role IN ('before','after')),
        UNIQUE (transaction_uuid, right_uuid, role))""", "Quyền của biến động / Transaction rights"),
    ("transaction_restrictions", """CREATE TABLE transaction_restrictions (
        fid INTEGER PRIMARY KEY AUTOINCREMENT, transaction_uuid TEXT NOT NULL,
        restriction_uuid TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('registered','released')),
        UNIQUE (transaction_uuid, restriction_uuid, role))""",
     "Hạn chế của biến động / Transaction restrictions"),
    ("transaction_certificates", """CREATE TABLE transaction_certificates (
        fid INTEGER PRIMARY KEY AUTOINCREMENT, transaction_uuid TEXT NOT NULL,
        certificate_uuid TEXT NOT NULL, role TEXT NOT NULL CHECK (role IN ('issued','cancelled')),
        UNIQUE (transaction_uuid, certificate_uuid, role))""",
     "Giấy chứng nhận của biến động / Transaction certificates"),
    # previous: the party's attributes before an owner-information change (parties keep no
    # versions of their own, and the journal is confirmed away after a push).
    ("transaction_parties", """CREATE TABLE transaction_parties (
        fid INTEGER PRIMARY KEY AUTOINCREMENT, transaction_uuid TEXT NOT NULL,
        party_uuid TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('transferor','recipient','creditor','changed')),
        previous TEXT, UNIQUE (transaction_uuid, party_uuid, role))""",
     "Chủ của biến động / Transaction parties"),
    # Scans are content-addressed: the row holds the checksum and metadata, the bytes live in
    # the folder beside the working copy (see core/transactions/documents.py).
    ("documents", """CREATE TABLE documents (
        fid INTEGER PRIMARY KEY AUTOINCREMENT,
        sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
        size INTEGER NOT NULL CHECK (size >= 0), media_type TEXT NOT NULL,
        original_name TEXT, added_at TEXT NOT NULL)""", "Tài liệu quét / Scanned documents"),
    ("transaction_documents", """CREATE TABLE transaction_documents (
        fid INTEGER PRIMARY KEY AUTOINCREMENT, transaction_uuid TEXT NOT NULL,
        sha256 TEXT NOT NULL, role TEXT NOT NULL,
        UNIQUE (transaction_uuid, sha256))""", "Tài liệu của biến động / Transaction documents"),
    ("external_ids", """CREATE TABLE external_ids (
        fid INTEGER PRIMARY KEY AUTOINCREMENT, object_table TEXT NOT NULL,
        object_uuid TEXT NOT NULL, source TEXT NOT NULL, external_id TEXT NOT NULL, label TEXT,
        UNIQUE (object_table, object_uuid, source))""", "Mã nguồn khi nhập / Source identifiers"),
)

# Per-parcel history and holder look-ups on a district-sized working copy (200k parcels).
_TRANSACTION_INDEXES = """
CREATE INDEX rights_parcel ON rights (parcel_uuid);
CREATE INDEX right_shares_right ON right_shares (right_uuid);
CREATE INDEX right_shares_party ON right_shares (party_uuid);
CREATE INDEX restrictions_parcel ON restrictions (parcel_uuid);
CREATE INDEX certificate_parcels_parcel ON certificate_parcels (parcel_uuid);
CREATE INDEX transaction_parcels_parcel ON transaction_parcels (parcel_uuid);
CREATE INDEX transaction_parcels_transaction ON transaction_parcels (transaction_uuid);
CREATE INDEX parcel_lineage_parent ON parcel_lineage (parent_uuid);
CREATE INDEX parcel_lineage_child ON parcel_lineage (child_uuid);
CREATE INDEX parcel_versions_transaction ON parcel_versions (transaction_uuid);
CREATE INDEX parties_citizen_id ON parties (citizen_id);
CREATE INDEX certificates_serial ON certificates (serial);
CREATE INDEX transaction_documents_sha ON transaction_documents (sha256);
CREATE INDEX external_ids_lookup ON external_ids (source, external_id);
"""


def _migration_3(conn: sqlite3.Connection, crs_epsg: int) -> None:
    """Registration changes: transaction links, scanned documents, source identifiers."""
    for table, ddl, description in _TRANSACTION_TABLES:
        gpkg.add_attribute_table(conn, table, ddl, description)
        gpkg.execute_script(conn, _journal_triggers(conn, table))
    gpkg.execute_script(conn, _TRANSACTION_INDEXES)


# A registration change prepared by a surveyor is 'submitted' until a cadastral officer approves
# (it becomes the legal record) or rejects it, with a reason. The CHECK mirrors the sync table
# description (core/sync/tables.py), which the server enforces.
APPROVAL_STATES = ("submitted", "approved", "rejected")


def _migration_4(conn: sqlite3.Connection, crs_epsg: int) -> None:
    """The officer's approval of transactions. Transactions already in the file were recorded
    before approval existed: they are the legal record, so they count as approved."""
    states = ", ".join(f"'{s}'" for s in APPROVAL_STATES)
    for action in ("insert", "update", "delete"):
        conn.execute(f"DROP TRIGGER IF EXISTS journal_transactions_{action}")
    # SQLite cannot change a column's default afterwards: the column is added with the default
    # of new rows, and the rows already there are then marked approved. The triggers are
    # dropped meanwhile, so that the migration journals nothing (it is not a user's change,
    # and a surveyor's push must never carry it).
    gpkg.execute_script(conn, f"""
    ALTER TABLE transactions ADD COLUMN approval TEXT NOT NULL DEFAULT 'submitted'
      CHECK (approval IN ({states}));
    ALTER TABLE transactions ADD COLUMN approved_by TEXT;
    ALTER TABLE transactions ADD COLUMN approved_at TEXT;
    ALTER TABLE transactions ADD COLUMN rejection_reason TEXT;
    UPDATE transactions SET approval = 'approved';
    CREATE INDEX transactions_approval ON transactions (approval);
    """)
    # The journal triggers list the table's columns: rebuilt, they carry the new ones.
    gpkg.execute_script(conn, _journal_triggers(conn, "transactions"))


MIGRATIONS = {1: _migration_1, 2: _migration_2, 3: _migration_3, 4: _migration_4}


def migrate(conn: sqlite3.Connection, from_version: int, crs_epsg: int,
            to_version: int = SCHEMA_VERSION) -> None:
    """Applies migrations from_version+1 .. to_version; the caller owns the transaction."""
    for version in range(from_version + 1, to_version + 1):
        MIGRATIONS[version](conn, crs_epsg)
        conn.execute("INSERT OR REPLACE INTO cadastre_meta VALUES ('schema_version', ?)",
                     (str(version),))
