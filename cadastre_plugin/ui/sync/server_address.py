"""Which sync server addresses the plugin accepts: https everywhere, plain http only to this
machine (a server for tests or a local demo) unless the user explicitly allows it, because a
token sent over plain http to another machine can be read by anyone on the way."""
from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from ...core.messages import CadastreError

LOCAL_NAMES = {"localhost", "localhost.localdomain"}


def is_loopback(host: str) -> bool:
    if host.lower() in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_server_url(url: str, allow_http: bool = False) -> str:
    """The address normalised (no trailing slash), or a bilingual error saying what to fix."""
    text = (url or "").strip().rstrip("/")
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise CadastreError(
            "sync.server_url",
            f"'{text}' is not the address of a sync server. Enter it as "
            "https://server.example.gov.vn (with https://).",
            f"'{text}' không phải địa chỉ máy chủ đồng bộ. Hãy nhập dạng "
            "https://server.example.gov.vn (có https://).", text)
    if parts.username or parts.password or parts.query or parts.fragment:
        raise CadastreError(
            "sync.server_url_parts",
            f"'{parts.hostname}': give the server address only, without a user name, password "
            "or query; the token goes into its own field.",
            f"'{parts.hostname}': chỉ nhập địa chỉ máy chủ, không kèm tên người dùng, mật khẩu "
            "hay tham số; mã truy cập nhập vào ô riêng.", text)
    if parts.scheme.lower() == "http" and not is_loopback(parts.hostname) and not allow_http:
        raise CadastreError(
            "sync.plain_http",
            f"{text} uses plain http: the token would travel unencrypted to {parts.hostname}. "
            "Use the server's https:// address, or tick 'Allow unencrypted http' only for a "
            "test server on a trusted network.",
            f"{text} dùng http không mã hoá: mã truy cập sẽ được gửi không mã hoá tới "
            f"{parts.hostname}. Hãy dùng địa chỉ https:// của máy chủ, hoặc chỉ đánh dấu "
            "'Cho phép http không mã hoá' với máy chủ thử nghiệm trong mạng tin cậy.", text)
    return text
