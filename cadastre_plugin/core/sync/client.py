"""HTTP access to the central land database API, with retries and a cancel check.

Every request the sync protocol makes is safe to repeat (GETs; pushes carry their change-set
UUID; document chunks carry their byte range), so connection errors, timeouts, cut or
truncated responses and 5xx answers are retried with exponential backoff and jitter. 4xx
answers are not retried: they are turned into errors a user can act on, or handed back to the
caller (409, 422, 413) when the caller knows what they mean.

The token is sent as a bearer header and never appears in a message, a repr or a log line.
TLS certificates are verified; ``verify`` may name a CA bundle for a provincial CA.
"""
from __future__ import annotations

import random
import time
from typing import Callable, Optional

import requests

from .errors import AuthFailed, Cancelled, SyncError, Unavailable

_RETRYABLE = (requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError)


def _never() -> bool:
    return False


class ApiClient:
    def __init__(self, url: str, token: str, verify=True, timeout=(10.0, 300.0),
                 retries: int = 5, backoff: float = 0.5, max_backoff: float = 30.0,
                 is_cancelled: Optional[Callable[[], bool]] = None, session=None):
        if not url.lower().startswith(("http://", "https://")):
            raise SyncError("sync.url", f"'{url}' is not an http(s) URL of a cadastre server.",
                            f"'{url}' không phải địa chỉ http(s) của máy chủ địa chính.")
        self.url = url.rstrip("/")
        self.verify = verify
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.is_cancelled = is_cancelled or _never
        self.session = session or requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"
        self.session.headers["User-Agent"] = "cadastre-editor-sync"
        # Uncompressed, so that every body can be checked against its Content-Length.
        self.session.headers["Accept-Encoding"] = "identity"

    def __repr__(self) -> str:  # no token, ever
        return f"ApiClient({self.url!r})"

    def close(self) -> None:
        self.session.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def check_cancelled(self) -> None:
        if self.is_cancelled():
            raise Cancelled()

    def request(self, method: str, path: str, accept=(), **kwargs) -> requests.Response:
        """The response for a 2xx (or a status listed in ``accept``); raises otherwise."""
        kwargs.setdefault("timeout", self.timeout)
        kwargs.setdefault("verify", self.verify)
        last = None
        for attempt in range(self.retries + 1):
            self.check_cancelled()
            if attempt:
                self._sleep(attempt, last)
            try:
                response = self.session.request(method, self.url + path, **kwargs)
            except requests.exceptions.SSLError as exc:
                raise SyncError(
                    "sync.tls", f"The server's TLS certificate could not be verified ({exc}). "
                    "Ask for the province's CA certificate and configure it.",
                    "Không xác minh được chứng chỉ TLS của máy chủ. Hãy xin chứng chỉ CA của "
                    "tỉnh và cấu hình nó.") from None
            except _RETRYABLE as exc:
                last = exc
                continue
            if response.status_code >= 500:
                last = response
                continue
            if method != "HEAD" and not _complete(response):
                last = requests.exceptions.ChunkedEncodingError("truncated response")
                continue
            if response.status_code < 300 or response.status_code in accept:
                return response
            raise client_error(response)
        what = (f"HTTP {last.status_code}" if isinstance(last, requests.Response)
                else type(last).__name__)
        raise Unavailable(
            "sync.unavailable",
            f"The server at {self.url} is not available ({what}) after {self.retries + 1} "
            "attempts. Nothing was lost: try again later.",
            f"Máy chủ {self.url} không phản hồi ({what}) sau {self.retries + 1} lần thử. "
            "Không có dữ liệu nào bị mất: hãy thử lại sau.")

    def _sleep(self, attempt: int, last) -> None:
        delay = min(self.max_backoff, self.backoff * 2 ** (attempt - 1))
        delay *= random.uniform(0.5, 1.0)  # jitter: clients cut off together do not return together
        if isinstance(last, requests.Response) and last.headers.get("Retry-After", "").isdigit():
            delay = min(self.max_backoff, max(delay, float(last.headers["Retry-After"])))
        deadline = time.monotonic() + delay
        while time.monotonic() < deadline:
            self.check_cancelled()
            time.sleep(min(0.1, max(0.0, deadline - time.monotonic())))

    def get_json(self, path: str, **kwargs):
        return self.request("GET", path, **kwargs).json()


def _complete(response: requests.Response) -> bool:
    """Whether the whole body arrived. A connection cut inside the headers can leave urllib3
    with a status line and no Content-Length, and an empty body that looks like an answer."""
    declared = response.headers.get("Content-Length")
    if declared is None:
        # Chunked bodies are checked by the decoder (a cut one raises ChunkedEncodingError).
        return "chunked" in response.headers.get("Transfer-Encoding", "").lower()
    return declared.isdigit() and int(declared) == len(response.content)


def problem(response: requests.Response) -> dict:
    try:
        body = response.json()
        return body if isinstance(body, dict) else {}
    except ValueError:
        return {}


def client_error(response: requests.Response) -> SyncError:
    body = problem(response)
    en = body.get("message_en") or body.get("detail") or body.get("title") or response.reason
    vi = body.get("message_vi") or en
    status = response.status_code
    if status in (401, 403):
        return AuthFailed(f"sync.http_{status}", f"HTTP {status}: {en}", f"HTTP {status}: {vi}")
    return SyncError(f"sync.http_{status}", f"HTTP {status}: {en}", f"HTTP {status}: {vi}")
