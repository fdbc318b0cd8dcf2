"""Finding parties by name or citizen ID, the way an officer types them.

Officers often type Vietnamese names without diacritics ("nguyen van hung") or in another
case; SQLite's LIKE folds only ASCII letters. Names are therefore compared folded (accents
removed, đ -> d, case-folded) through an SQL function registered on the connection. Digits
are looked up as a citizen ID or tax code prefix, through their index.
"""
from __future__ import annotations

import sqlite3
import unicodedata

from .state import PARTY_COLUMNS, party_from_row

DEFAULT_LIMIT = 30


def fold(text: str) -> str:
    """'Nguyễn Văn Đức' -> 'nguyen van duc'."""
    text = (text or "").replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _ensure_function(conn: sqlite3.Connection) -> None:
    conn.create_function("cadastre_fold", 1, fold, deterministic=True)


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def find_parties(wc, text: str, limit: int = DEFAULT_LIMIT, kinds=None) -> list:
    """Parties whose name contains ``text`` (accent- and case-insensitive), or whose citizen
    ID or tax code starts with it when it is a number; best matches (name starts) first."""
    conn = wc.conn
    text = (text or "").strip()
    if not text:
        return []
    kind_sql, kind_params = "", ()
    if kinds:
        kind_sql = f" AND kind IN ({','.join('?' * len(kinds))})"
        kind_params = tuple(kinds)
    digits = text.replace(" ", "")
    if digits.isdigit():
        prefix = _like_escape(digits) + "%"
        rows = conn.execute(
            f"SELECT {PARTY_COLUMNS} FROM parties WHERE (citizen_id LIKE ? ESCAPE '\\' "
            f"OR tax_code LIKE ? ESCAPE '\\'){kind_sql} ORDER BY name LIMIT ?",
            (prefix, prefix, *kind_params, limit)).fetchall()
        return [party_from_row(r) for r in rows]
    _ensure_function(conn)
    needle = _like_escape(fold(text))
    rows = conn.execute(
        f"SELECT {PARTY_COLUMNS} FROM parties WHERE cadastre_fold(name) LIKE ? ESCAPE '\\'"
        f"{kind_sql} ORDER BY cadastre_fold(name) NOT LIKE ? ESCAPE '\\', name LIMIT ?",
        (f"%{needle}%", *kind_params, f"{needle}%", limit)).fetchall()
    return [party_from_row(r) for r in rows]
