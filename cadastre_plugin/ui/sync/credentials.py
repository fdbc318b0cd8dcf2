"""The sync server's token, kept in QGIS's authentication database (encrypted with the user's
master password), never in a project, a working copy, the settings file or a log.

QGIS 3.22 has no auth method for a bare API token, so the token is stored as the password of a
"Basic" auth configuration whose URI is the server's address: the user sees and manages it in
QGIS's own authentication settings like any other credential. The plugin's settings keep only
which configuration (its id) belongs to which server address, and the working copy keeps only
the server address (the core's sync state), so a token can be replaced or revoked in one place.
"""
from __future__ import annotations

import json

from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsSettings

from ...core.messages import CadastreError
from .server_address import check_server_url

AUTH_METHOD = "Basic"
SETTINGS_SERVERS = "CadastreEditor/sync/servers"  # JSON {server URL: auth config id}
SETTINGS_LAST_SERVER = "CadastreEditor/sync/lastServer"
SETTINGS_IDENTITIES = "CadastreEditor/sync/identities"  # JSON {server URL: role, districts}
CONFIG_NAME = "Cadastre Editor sync – {host}"


def _manager():
    manager = QgsApplication.authManager()
    if manager.isDisabled():
        raise CadastreError(
            "sync.auth_disabled",
            "QGIS's authentication system is not available (its database or the Qt "
            "cryptography plugin is missing), so the sync token cannot be stored safely. "
            "Repair the QGIS installation, then enter the token again.",
            "Hệ thống xác thực của QGIS không hoạt động (thiếu cơ sở dữ liệu xác thực hoặc "
            "thư viện mã hoá của Qt) nên không thể lưu mã truy cập an toàn. Hãy sửa bản cài "
            "QGIS rồi nhập lại mã truy cập.")
    return manager


def _unlock(manager) -> None:
    """Ask for the master password (QGIS's own prompt) unless it was given in this session."""
    if not manager.masterPasswordIsSet() and not manager.setMasterPassword(True):
        raise CadastreError(
            "sync.auth_locked",
            "The QGIS authentication database is locked: the sync token cannot be read or "
            "stored without its master password. Try again and enter the master password.",
            "Cơ sở dữ liệu xác thực của QGIS đang khoá: không thể đọc hay lưu mã truy cập "
            "khi chưa nhập mật khẩu chủ. Hãy thử lại và nhập mật khẩu chủ.")


def _servers() -> dict:
    return _json_setting(SETTINGS_SERVERS)


def known_servers() -> list:
    """Server addresses with a stored token, the last used first."""
    last = QgsSettings().value(SETTINGS_LAST_SERVER, "", type=str)
    servers = sorted(_servers())
    return ([last] if last in servers else []) + [s for s in servers if s != last]


def authcfg_for(url: str):
    """The id of the auth configuration of ``url`` (None when none is stored, or it was
    deleted in QGIS's authentication settings)."""
    authcfg = _servers().get(url.rstrip("/"))
    if authcfg and authcfg in QgsApplication.authManager().configIds():
        return authcfg
    return None


def save_server(url: str, token: str, allow_http: bool = False, user: str = "") -> str:
    """Store (or replace) the token of the server at ``url``; returns the auth config id.
    An empty ``token`` keeps the one stored already (the dialog never shows it back)."""
    url = check_server_url(url, allow_http)
    token = (token or "").strip()
    manager = _manager()
    _unlock(manager)
    authcfg = authcfg_for(url)
    config = QgsAuthMethodConfig(AUTH_METHOD)
    if authcfg:
        if not manager.loadAuthenticationConfig(authcfg, config, True)[0]:
            raise _unreadable(url)
    elif not token:
        raise CadastreError(
            "sync.no_token", f"Enter the access token the administrator of {url} gave you.",
            f"Hãy nhập mã truy cập mà quản trị viên của {url} đã cấp cho bạn.", url)
    from urllib.parse import urlsplit

    config.setName(CONFIG_NAME.format(host=urlsplit(url).netloc))
    config.setUri(url)
    config.setConfig("username", user or config.config("username") or "token")
    if token:
        config.setConfig("password", token)
    if authcfg:
        stored = manager.updateAuthenticationConfig(config)
    else:
        stored = manager.storeAuthenticationConfig(config)
        stored = stored[0] if isinstance(stored, tuple) else stored
    if not stored or not config.id():
        raise CadastreError(
            "sync.auth_store",
            "QGIS could not store the token in its authentication database. Check that the "
            "QGIS profile folder is writable, then try again.",
            "QGIS không lưu được mã truy cập vào cơ sở dữ liệu xác thực. Hãy kiểm tra thư mục "
            "hồ sơ QGIS có quyền ghi rồi thử lại.", url)
    servers = _servers()
    servers[url] = config.id()
    settings = QgsSettings()
    settings.setValue(SETTINGS_SERVERS, json.dumps(servers, sort_keys=True))
    settings.setValue(SETTINGS_LAST_SERVER, url)
    return config.id()


def token_for(url: str) -> str:
    """The token of the server at ``url``, read from the authentication database on the main
    thread (QGIS may have to ask for the master password). Kept in memory only."""
    url = url.rstrip("/")
    authcfg = authcfg_for(url)
    if authcfg is None:
        raise CadastreError(
            "sync.no_credentials",
            f"No token is stored for the sync server {url}. Enter it with Cadastre > Sync "
            "server…, then try again.",
            f"Chưa lưu mã truy cập cho máy chủ đồng bộ {url}. Hãy nhập nó ở Địa chính > Máy "
            "chủ đồng bộ…, rồi thử lại.", url)
    manager = _manager()
    _unlock(manager)
    config = QgsAuthMethodConfig()
    if not manager.loadAuthenticationConfig(authcfg, config, True)[0]:
        raise _unreadable(url)
    token = config.config("password")
    if not token:
        raise _unreadable(url)
    return token


def remember_identity(url: str, identity: dict) -> None:
    """The role and districts of the token of ``url``, as the server last said (no secret)."""
    roles = _json_setting(SETTINGS_IDENTITIES)
    roles[url.rstrip("/")] = {"role": identity.get("role"),
                              "districts": identity.get("districts") or []}
    QgsSettings().setValue(SETTINGS_IDENTITIES, json.dumps(roles, sort_keys=True))


def known_role(url: str):
    """The role of the token of ``url`` as last seen by a sync task; None until then."""
    return (_json_setting(SETTINGS_IDENTITIES).get((url or "").rstrip("/")) or {}).get("role")


def _json_setting(key: str) -> dict:
    raw = QgsSettings().value(key, "", type=str)
    try:
        found = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def forget_server(url: str) -> None:
    """Remove the token of ``url`` from the authentication database and the settings."""
    url = url.rstrip("/")
    authcfg = authcfg_for(url)
    if authcfg:
        _manager().removeAuthenticationConfig(authcfg)
    servers = _servers()
    servers.pop(url, None)
    QgsSettings().setValue(SETTINGS_SERVERS, json.dumps(servers, sort_keys=True))
    identities = _json_setting(SETTINGS_IDENTITIES)
    identities.pop(url, None)
    QgsSettings().setValue(SETTINGS_IDENTITIES, json.dumps(identities, sort_keys=True))


def _unreadable(url: str) -> CadastreError:
    return CadastreError(
        "sync.auth_unreadable",
        f"The stored token of {url} cannot be read (wrong master password, or the entry was "
        "changed in QGIS's authentication settings). Enter the token again with Cadastre > "
        "Sync server….",
        f"Không đọc được mã truy cập đã lưu của {url} (sai mật khẩu chủ, hoặc mục này đã bị "
        "sửa trong cài đặt xác thực của QGIS). Hãy nhập lại mã truy cập ở Địa chính > Máy chủ "
        "đồng bộ….", url)
