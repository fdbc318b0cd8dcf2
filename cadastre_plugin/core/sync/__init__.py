"""Offline sync with the central land database: checkout, push, pull, conflicts, documents.

Pure Python over ``requests`` (no Qt, no QGIS). The long operations take ``progress(done,
total, message)`` and the :class:`ApiClient` takes ``is_cancelled()``, so the plugin can run
them as QGIS background tasks with a progress bar and a cancel button; a cancelled pull or
checkout changes nothing, a cancelled push keeps its outbox for the next attempt.
"""
from .checkout import checkout
from .client import ApiClient
from .conflicts import list_conflicts, resolve
from .documents import fetch_document
from .errors import AuthFailed, Cancelled, Conflicts, Rejected, SyncError, Unavailable
from .pull import PullResult, pull
from .push import PushResult, push
from .status import status

__all__ = ["ApiClient", "checkout", "pull", "push", "status", "list_conflicts", "resolve",
           "fetch_document",
           "PullResult", "PushResult", "SyncError", "Unavailable", "Cancelled", "AuthFailed",
           "Conflicts", "Rejected"]
