"""The parcel editing tools inside QGIS: thin layers over :mod:`cadastre_plugin.core.edit`.

Each tool turns mouse and keyboard input into the arguments of one core operation, shows a
live preview computed by the core's fast geometry functions, and hands the operation to
:class:`.runner.OperationRunner`, which writes the working copy (one journalled SQLite
transaction), reloads the layer, selects the result and reports it in the user's language.
No tool writes through QGIS's edit buffer: the core is the one writer of parcel geometry, so
numbering, lineage, history and the neighbourhood checks cannot be bypassed.

Undo: QGIS's own Undo (Ctrl+Z) only acts on a layer in edit mode, and QGIS clears the layer's
undo stack on every save or rollback. Checked in QGIS 3.22.16 (and kept checked by
tests/qgis/tools/test_tools_in_qgis.py): a command pushed on the undo stack of a layer not in
edit mode leaves Undo disabled, and triggering it does nothing. An operation written by the
core is committed already, so it gets the plugin's own "Undo last parcel operation" action
instead, backed by :func:`cadastre_plugin.core.edit.revert.revert_operation`: one undo step
per operation, from the journal.
"""
