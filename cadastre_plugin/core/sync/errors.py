"""What can go wrong while synchronising, as errors a user (or a scheduler) can act on.

Each class carries the command-line exit code for its kind, so that a scheduled
``cadastre push`` tells its scheduler whether to retry later (5), call a person to resolve
conflicts (3) or fix the data (4).
"""
from __future__ import annotations

from ..messages import CadastreError

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_CONFLICTS = 3
EXIT_REJECTED = 4
EXIT_UNAVAILABLE = 5


class SyncError(CadastreError):
    exit_code = EXIT_BAD_INPUT


class Unavailable(SyncError):
    """The server could not be reached, or kept failing, after every retry: try again later.
    Nothing was lost: a pending change set stays in the outbox and is re-sent as it is."""

    exit_code = EXIT_UNAVAILABLE


class Cancelled(SyncError):
    exit_code = EXIT_UNAVAILABLE

    def __init__(self):
        super().__init__("sync.cancelled", "Cancelled; the working copy was not changed.",
                         "Đã huỷ; bản sao làm việc không bị thay đổi.")


class AuthFailed(SyncError):
    """401/403: the token is wrong, expired, revoked, or not allowed to do this."""


class Conflicts(SyncError):
    exit_code = EXIT_CONFLICTS

    def __init__(self, conflicts: list, en: str = "", vi: str = ""):
        self.conflicts = conflicts
        n = len(conflicts)
        super().__init__(
            "sync.conflicts",
            en or f"{n} row(s) were changed both here and on the server. Nothing was "
                  "overwritten: review them (cadastre conflicts PATH), keep yours or take the "
                  "server's, then push again.",
            vi or f"{n} dòng đã bị thay đổi cả ở đây và trên máy chủ. Không có gì bị ghi đè: "
                  "xem lại (cadastre conflicts PATH), giữ bản của bạn hoặc lấy bản của máy chủ, "
                  "rồi đẩy lại.")


class Rejected(SyncError):
    """The change set breaks a rule (found locally before sending, or by the server)."""

    exit_code = EXIT_REJECTED

    def __init__(self, violations: list, by_server: bool, en: str = "", vi: str = ""):
        self.violations = violations
        self.by_server = by_server
        first = violations[0] if violations else {}
        who_en = "The server refused the change set" if by_server else "Not sent"
        who_vi = "Máy chủ từ chối bộ thay đổi" if by_server else "Chưa gửi"
        super().__init__(
            "sync.rejected",
            en or f"{who_en}: {len(violations)} problem(s) to fix first. "
                  f"{first.get('message_en', '')}",
            vi or f"{who_vi}: có {len(violations)} lỗi cần sửa trước. "
                  f"{first.get('message_vi', '')}")
