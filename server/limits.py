"""Request body size limit, enforced before the body is read into memory: by the declared
Content-Length when there is one, otherwise while the body streams in."""
from __future__ import annotations

import json

from fastapi import HTTPException

MAX_BODY = 50 * 1024 * 1024


class BodyTooLarge(HTTPException):
    # An HTTPException, so that FastAPI passes it through its body parsing unchanged.
    def __init__(self, limit: int):
        super().__init__(413, f"The request body is larger than {limit} bytes.")


def _problem(limit: int) -> bytes:
    en = (f"The request body is larger than the {limit // (1024 * 1024)} MB limit: send fewer "
          "changes per change set, or the document in chunks.")
    vi = (f"Nội dung yêu cầu vượt giới hạn {limit // (1024 * 1024)} MB: gửi ít thay đổi hơn "
          "mỗi lần, hoặc gửi tài liệu theo từng phần.")
    return json.dumps({"type": "urn:cadastre:problem:request.too_large", "title":
                       "request.too_large", "status": 413, "detail": en, "code":
                       "request.too_large", "message_en": en, "message_vi": vi},
                      ensure_ascii=False).encode()


class BodyLimit:
    def __init__(self, app, max_bytes: int = MAX_BODY):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            body = _problem(self.max_bytes)
            await send({"type": "http.response.start", "status": 413, "headers": [
                (b"content-type", b"application/problem+json"),
                (b"content-length", str(len(body)).encode()), (b"connection", b"close")]})
            await send({"type": "http.response.body", "body": body})
            return
        seen = 0

        async def limited():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        await self.app(scope, limited, send)
