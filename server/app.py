"""The central land database API (FastAPI). ``create_app(database_url)`` builds one stateless
worker: all state is in PostgreSQL, so any number of workers can run behind a load balancer.

Run it with ``cadastre serve --database URL`` (or ``make server`` for a throw-away one).
"""
from __future__ import annotations

import hashlib
import logging
import os
from contextlib import asynccontextmanager
from typing import Annotated, Optional

from fastapi import Depends, FastAPI, Header, Path, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from starlette.concurrency import run_in_threadpool

from cadastre_plugin import __version__

from . import documents, errors, pull
from .auth import Principal, principal
from .db import init_schema, make_pool
from .limits import MAX_BODY, BodyLimit
from .models import (MAX_REVISION, UUID_PATTERN, ChangesPage, ChangeSet, CommuneCode,
                     CommuneOut, DocumentStatus, EarlierVersionsPage, History, Identity, Problem,
                     PushResult)
from .push import apply_changeset

log = logging.getLogger("cadastre.server")
Sha256 = Annotated[str, Path(pattern=r"^[0-9a-f]{64}$", description="SHA-256, lower-case hex")]
Caller = Annotated[Principal, Depends(principal)]
BboxQuery = Annotated[Optional[str], Query(
    max_length=200, pattern=r"^[-+0-9.eE]+(,[-+0-9.eE]+){3}$",
    description="minx,miny,maxx,maxy in bbox_crs: whole parcels intersecting it")]
BboxCrsQuery = Annotated[str, Query(
    pattern=r"^EPSG:[0-9]{4,6}$",
    description="EPSG:4326 (longitude, latitude) or the communes' VN-2000 TM-3 CRS")]


def _problems(*codes: int) -> dict:
    return {c: {"model": Problem, "content": {errors.PROBLEM: {}}} for c in codes}


def create_app(database_url: str, max_body: int = MAX_BODY, pool_size: int = 10) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI):
        init_schema(database_url)
        app.state.pool = make_pool(database_url, pool_size)
        yield
        app.state.pool.close()

    app = FastAPI(title="Cadastre Editor central land database API", version=__version__,
                  lifespan=lifespan,
                  description="Checkout, push and pull of Vietnamese cadastral working copies. "
                              "Geometries are GeoJSON in the commune's own VN-2000 TM-3 CRS, "
                              "stated in each payload. Errors are application/problem+json.")
    errors.install(app)
    app.add_middleware(BodyLimit, max_bytes=max_body)
    _routes(app)
    return app


def _remote(request: Request) -> str:
    return request.client.host if request.client else ""


def _routes(app: FastAPI) -> None:
    @app.get("/health", responses=_problems(503))
    def health(request: Request) -> dict:
        with request.app.state.pool.connection() as conn:
            revision = conn.execute("SELECT last_value FROM revision_seq").fetchone()[0]
        return {"status": "ok", "revision": revision}

    @app.get("/whoami", response_model=Identity, responses=_problems(401))
    def whoami(who: Caller) -> dict:
        """The token's holder, role and districts: the plugin offers an officer's actions only
        to an officer's token."""
        return {"name": who.name, "role": who.role, "districts": sorted(who.districts)}

    @app.get("/communes/{code}", response_model=CommuneOut,
             responses=_problems(401, 403, 404, 422))
    def commune(code: Annotated[CommuneCode, Path()], who: Caller, request: Request):
        return JSONResponse(pull.commune_info(request.app.state.pool, who, code))

    @app.get("/changes", response_model=ChangesPage, responses=_problems(401, 403, 404, 422))
    def changes(who: Caller, request: Request, commune: Annotated[CommuneCode, Query()],
                since: Annotated[int, Query(ge=0, le=MAX_REVISION)] = 0,
                cursor: Annotated[Optional[str], Query(max_length=400,
                                                       pattern=r"^[A-Za-z0-9_-]*$")] = None,
                limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
                bbox: BboxQuery = None, bbox_crs: BboxCrsQuery = "EPSG:4326"):
        """Changes of a commune after revision ``since``, oldest first, as current rows or
        tombstones; follow ``next_cursor`` until it is null, then remember ``head``. With
        ``bbox`` (a bounding-box working copy), only the rows of that area (see ``/area``)."""
        pool = request.app.state.pool
        page = pull.changes_page(pool, who, commune, since, cursor, limit,
                                 pull.bbox_param(pool, bbox, bbox_crs))
        return JSONResponse(page, headers=pull.page_headers(page))

    @app.get("/area", responses=_problems(401, 403, 404, 422))
    def area(who: Caller, request: Request,
             district: Annotated[Optional[str], Query(pattern=r"^[0-9]{3}$")] = None,
             bbox: BboxQuery = None, bbox_crs: BboxCrsQuery = "EPSG:4326") -> dict:
        """The communes of a district, or of the parcels intersecting a bounding box, each as
        ``/communes/{code}`` gives it; all in one TM-3 CRS (else 422). 403 when the area
        reaches outside the token's districts. Check out each commune with ``/changes``
        (passing the same ``bbox``)."""
        return JSONResponse(pull.area_info(request.app.state.pool, who, district, bbox,
                                           bbox_crs))

    @app.post("/changesets", response_model=PushResult,
              responses=_problems(401, 403, 404, 409, 413, 422))
    async def push(changeset: ChangeSet, who: Caller, request: Request):
        """Applies a change set atomically and once: repeating the same UUID and body answers
        the first result again. 409: conflicts (server state included); 422: rule findings."""
        body = await request.body()  # already read and cached by the validation above
        sha = hashlib.sha256(body).hexdigest()
        result = await run_in_threadpool(apply_changeset, request.app.state.pool, who,
                                         changeset, sha, _remote(request))
        return JSONResponse(result)

    @app.get("/communes/{code}/parcel-versions", response_model=EarlierVersionsPage,
             responses=_problems(401, 403, 404, 422))
    def parcel_versions(code: Annotated[CommuneCode, Path()], who: Caller, request: Request,
                        after: Annotated[int, Query(ge=0, le=MAX_REVISION)] = 0,
                        limit: Annotated[int, Query(ge=1, le=5000)] = 1000):
        """The commune's superseded parcel versions with ``id`` > ``after``, oldest first; ask
        again with ``after=next_after`` until it is null."""
        return JSONResponse(pull.earlier_versions(request.app.state.pool, who, code, after,
                                                  limit))

    @app.get("/parcels/{uuid}/history", response_model=History,
             responses=_problems(401, 403, 404, 422))
    def parcel_history(uuid: Annotated[str, Path(pattern=UUID_PATTERN)], who: Caller,
                       request: Request):
        return JSONResponse(pull.history(request.app.state.pool, who, uuid))

    @app.head("/documents/{sha256}", responses={404: {"description": "Not (fully) stored; "
                                                      "Upload-Offset tells how far it got."}})
    def document_head(sha256: Sha256, who: Caller, request: Request):
        found = documents.status(request.app.state.pool, sha256)
        if found and found[2]:
            return Response(status_code=200, headers={"Content-Length": str(found[0])})
        return Response(status_code=404,
                        headers={"Upload-Offset": str(found[1] if found else 0)})

    @app.get("/documents/{sha256}", response_class=StreamingResponse,
             responses={200: {"content": {"application/octet-stream": {}}},
                        **_problems(401, 404, 422)})
    def document_get(sha256: Sha256, who: Caller, request: Request):
        pool = request.app.state.pool
        found = documents.status(pool, sha256)
        if not found or not found[2]:
            raise errors.ApiError(404, "document.unknown", f"Document {sha256} is not stored.",
                                  f"Tài liệu {sha256} chưa được lưu.")
        return StreamingResponse(documents.chunks(pool, sha256),
                                 media_type="application/octet-stream",
                                 headers={"Content-Length": str(found[0])})

    @app.put("/documents/{sha256}", response_model=DocumentStatus,
             responses={201: {"model": DocumentStatus}, **_problems(400, 401, 403, 409, 413, 422)},
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/octet-stream": {"schema": {"type": "string",
                                                         "format": "binary"}}}}})
    async def document_put(sha256: Sha256, who: Caller, request: Request,
                           content_range: Annotated[Optional[str], Header(max_length=100)] = None,
                           content_type: Annotated[Optional[str], Header(max_length=200)] = None):
        """One chunk of a document (``Content-Range: bytes a-b/total``; without it, the whole
        document). 201 when complete and verified, 200 with the bytes received so far."""
        data = await request.body()
        status, body = await run_in_threadpool(documents.put_chunk, request.app.state.pool,
                                               who, sha256, data, content_range, content_type)
        if status == 422:
            raise errors.ApiError(422, "document.checksum",
                                  "The document's bytes do not match its SHA-256; the upload "
                                  "was discarded: send it again.",
                                  "Nội dung tài liệu không khớp mã SHA-256; lần tải lên đã bị "
                                  "huỷ: hãy gửi lại.")
        return JSONResponse(body, status_code=status)


def app_from_env() -> FastAPI:
    """For uvicorn's ``--factory`` with several workers: the URL comes from the environment."""
    url = os.environ.get("CADASTRE_DATABASE_URL")
    if not url:
        raise RuntimeError("CADASTRE_DATABASE_URL is not set")
    return create_app(url, int(os.environ.get("CADASTRE_MAX_BODY", MAX_BODY)))
