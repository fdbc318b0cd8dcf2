"""Connecting and detaching the signals the plugin's actions follow, in one place, so that
unloading leaves no handler behind (tasks and layers can outlive the plugin)."""
from __future__ import annotations

from qgis.PyQt import sip


def disconnect_task(task) -> None:
    """Detach every handler from a task's end signals."""
    for signal in (task.taskCompleted, task.taskTerminated):
        try:
            signal.disconnect()
        except TypeError:  # nothing was connected
            pass


def abandon_task(task) -> None:
    """Detach from a task and cancel it if it still exists."""
    disconnect_task(task)
    if not sip.isdeleted(task):
        task.cancel()


def follow_selection(old_layer, new_layer, slot):
    """Move ``slot`` from the selection of ``old_layer`` to that of ``new_layer`` (either may
    be None); returns ``new_layer``, the one now followed."""
    if old_layer is not None and not sip.isdeleted(old_layer):
        try:
            old_layer.selectionChanged.disconnect(slot)
        except TypeError:
            pass
    if new_layer is not None:
        new_layer.selectionChanged.connect(slot)
    return new_layer
