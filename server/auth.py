"""Bearer tokens: stored as SHA-256 hashes (a token is 256 random bits, so a fast hash is
enough and lookups stay a single index probe), with a role and the districts it may touch."""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Optional

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from .errors import ApiError

ROLES = ("surveyor", "officer", "reader")
WRITERS = ("surveyor", "officer")
bearer = HTTPBearer(auto_error=False, description="A token made by `cadastre server-token "
                                                  "create`; its role and districts apply.")


@dataclass(frozen=True)
class Principal:
    id: int
    name: str
    role: str
    districts: frozenset


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(conn, name: str, role: str, districts, days: Optional[float] = None) -> str:
    """Stores a new token's hash and returns the token itself (shown once, never stored)."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    districts = sorted({d.strip() for d in districts if d.strip()})
    if not districts:
        raise ValueError("a token needs at least one district code")
    token = "cad_" + secrets.token_urlsafe(32)
    expires = datetime.now(timezone.utc) + timedelta(days=days) if days else None
    conn.execute("INSERT INTO tokens (name, token_hash, role, districts, expires_at) "
                 "VALUES (%s, %s, %s, %s, %s)", (name, hash_token(token), role, districts, expires))
    return token


def revoke_token(conn, name: str) -> int:
    return conn.execute("UPDATE tokens SET revoked_at = now() WHERE name = %s AND revoked_at IS "
                        "NULL", (name,)).rowcount


def _unauthorized(en: str, vi: str) -> ApiError:
    return ApiError(401, "auth.unauthorized", en, vi, {"WWW-Authenticate": "Bearer"})


def principal(request: Request,
              creds: Optional[HTTPAuthorizationCredentials] = Depends(bearer)) -> Principal:
    """The caller, from its bearer token; 401 for a missing, unknown, expired or revoked one."""
    token = creds.credentials if creds else ""
    if not token.strip() or len(token) > 200:
        raise _unauthorized("A bearer token is required (Authorization: Bearer ...).",
                            "Cần mã truy cập (Authorization: Bearer ...).")
    with request.app.state.pool.connection() as conn:
        row = conn.execute(
            "SELECT id, name, role, districts, expires_at <= now(), revoked_at IS NOT NULL "
            "FROM tokens WHERE token_hash = %s", (hash_token(token.strip()),)).fetchone()
    if row is None:
        raise _unauthorized("The token is not valid.", "Mã truy cập không hợp lệ.")
    if row[5]:
        raise _unauthorized("The token has been revoked: ask for a new one.",
                            "Mã truy cập đã bị thu hồi: hãy xin mã mới.")
    if row[4]:
        raise _unauthorized("The token has expired: ask for a new one.",
                            "Mã truy cập đã hết hạn: hãy xin mã mới.")
    return Principal(row[0], row[1], row[2], frozenset(row[3]))


def require_writer(who: Principal) -> None:
    if who.role not in WRITERS:
        raise ApiError(403, "auth.read_only",
                       f"A '{who.role}' token may read but not push changes.",
                       f"Mã truy cập loại '{who.role}' chỉ được đọc, không được gửi thay đổi.")


def require_district(who: Principal, district: str, commune: str) -> None:
    if district not in who.districts:
        raise ApiError(403, "auth.district",
                       f"Commune {commune} is in district {district}, outside this token's "
                       f"districts ({', '.join(sorted(who.districts))}).",
                       f"Xã {commune} thuộc huyện {district}, ngoài phạm vi của mã truy cập "
                       f"này ({', '.join(sorted(who.districts))}).")


def commune_row(conn, who: Principal, code: str):
    """(code, name, district, ..., crs_epsg) of a commune the caller may access; 404/403."""
    row = conn.execute("SELECT code, name, district_code, district_name, province_code, "
                       "province_name, crs_epsg FROM communes WHERE code = %s", (code,)).fetchone()
    if row is None:
        raise ApiError(404, "commune.unknown", f"Commune {code} is not in the land database.",
                       f"Xã {code} không có trong cơ sở dữ liệu đất đai.")
    require_district(who, row[2], code)
    return row
