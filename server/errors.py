"""Every error as ``application/problem+json`` (RFC 9457) in English and Vietnamese, never a
stack trace: the client shows ``message_en``/``message_vi`` and acts on ``code`` and status."""
from __future__ import annotations

import logging

import psycopg
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("cadastre.server")
PROBLEM = "application/problem+json"


class ApiError(Exception):
    def __init__(self, status: int, code: str, en: str, vi: str, headers=None, **extra):
        super().__init__(en)
        self.status, self.code, self.en, self.vi = status, code, en, vi
        self.headers = headers
        self.extra = extra


def problem(status: int, code: str, en: str, vi: str, headers=None, **extra) -> JSONResponse:
    body = {"type": f"urn:cadastre:problem:{code}", "title": code, "status": status,
            "detail": en, "code": code, "message_en": en, "message_vi": vi, **extra}
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers)


def _clean_errors(errors) -> list:
    # Without the offending input: it may be 20,000 vertices, or someone's citizen ID.
    return [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in errors[:100]]


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api(request: Request, exc: ApiError):
        return problem(exc.status, exc.code, exc.en, exc.vi, exc.headers, **exc.extra)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        errors = _clean_errors(exc.errors())
        first = errors[0] if errors else {"loc": [], "msg": ""}
        where = ".".join(str(p) for p in first["loc"])
        return problem(422, "request.invalid",
                       f"The request is not valid: {where}: {first['msg']}"
                       + (f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""),
                       f"Yêu cầu không hợp lệ: {where}: {first['msg']}"
                       + (f" (và {len(errors) - 1} lỗi khác)" if len(errors) > 1 else ""),
                       errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        if exc.status_code == 413:
            return problem(413, "request.too_large", str(exc.detail),
                           "Nội dung yêu cầu vượt giới hạn cho phép: gửi ít thay đổi hơn mỗi "
                           "lần, hoặc gửi tài liệu theo từng phần.")
        return problem(exc.status_code, f"http.{exc.status_code}", str(exc.detail),
                       str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(psycopg.OperationalError)
    async def _db_down(request: Request, exc: psycopg.OperationalError):
        log.warning("database unavailable: %s", exc)
        return problem(503, "server.database_unavailable",
                       "The land database is busy or unavailable: try again shortly.",
                       "Cơ sở dữ liệu đất đai đang bận hoặc không sẵn sàng: hãy thử lại sau.",
                       {"Retry-After": "2"})

    @app.exception_handler(psycopg.DataError)
    async def _bad_value(request: Request, exc: psycopg.DataError):
        # A value the models let through but PostgreSQL refuses: the input's fault, not ours.
        return problem(422, "request.value", "A value in the request cannot be stored.",
                       "Một giá trị trong yêu cầu không lưu được.")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return problem(500, "server.error",
                       "The server failed on this request; it has been logged. Try again later.",
                       "Máy chủ gặp lỗi khi xử lý yêu cầu này; lỗi đã được ghi lại. Hãy thử lại "
                       "sau.")
