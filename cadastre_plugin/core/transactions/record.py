"""Recording a transaction: validate, then write every change as one journalled operation.

``wc.operation('transaction:CN')`` is one SQLite transaction whose row changes the journal
triggers record under one op_id: the transaction row, ended and new rights with their shares,
parties, restrictions, certificates, parcel versions, and for a split/merge the geometry
change itself. That op is what sync pushes as one change set; a refusal anywhere rolls all of
it back, so an invalid draft writes nothing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Optional, Union

from ..messages import ValidationFailed
from ..working_copy import WorkingCopy, _default_actor, utc_now
from . import documents, types
from .draft import TransactionDraft
from .effects import EFFECTS, Step
from .state import State
from .validate import validate
from .writer import Writer


@dataclass
class Recorded:
    """What recording did, for the dialog to report and select."""

    transaction_uuid: str
    type_code: str
    dossier_no: str
    op_id: Optional[str]
    recorded_at: str
    parcels_before: list = field(default_factory=list)
    parcels_after: list = field(default_factory=list)
    rights_ended: list = field(default_factory=list)
    rights_created: list = field(default_factory=list)
    restrictions: list = field(default_factory=list)
    certificates_issued: list = field(default_factory=list)
    certificates_cancelled: list = field(default_factory=list)
    documents: list = field(default_factory=list)  # StoredDocument
    warnings: list = field(default_factory=list)  # Issues from the geometry change


def timestamp(at: Union[datetime, str, None]) -> str:
    """The stored form of a moment (UTC, ISO 8601, as the rest of the working copy)."""
    if at is None:
        return utc_now()
    if isinstance(at, str):
        return at
    if at.tzinfo is None:
        at = at.replace(tzinfo=timezone.utc)
    return at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def record(wc: WorkingCopy, draft: TransactionDraft, *, at: Union[datetime, str, None] = None,
           today: Optional[date] = None, journal: bool = True,
           approved_by: Optional[str] = None) -> Recorded:
    """Validate ``draft`` and record it; raises :class:`ValidationFailed` with every issue.

    ``at`` backdates the recording (registers kept on paper, imports, the demo history);
    ``today`` is the day "dates not in the future" compares with (default: the clock).
    A new transaction waits for an officer's approval (:mod:`.approval`); ``approved_by``
    records one already decided (history taken over from a register) as approved."""
    ttype = types.get(draft.type_code)
    actor = (draft.recorded_by or "").strip() or _default_actor()
    when = timestamp(at)
    with wc.operation(f"transaction:{ttype.code}", actor, journal=journal) as conn:
        state = State(conn)
        # Checked inside the transaction: no other writer can change the holders between the
        # check and the write.
        issues = validate(state, draft, today)
        if issues:
            raise ValidationFailed(issues)
        # Scans are stored once valid, before the rows that reference them (documents.py).
        stored = [documents.put(wc.path, d.path, d.name) for d in draft.documents]
        op_id = conn.execute("SELECT op_id FROM journal_context WHERE id = 1").fetchone()[0]
        writer = Writer(conn, state, draft.uuid, when)
        writer.transaction(ttype.code, draft.document, actor, draft.note, approved_by)
        for party in draft.new_parties:
            writer.add_party(party)
        step = Step(wc, draft, state, writer, actor)
        before, after = EFFECTS[ttype.effect](step)
        if draft.certificate is not None and ttype.uses("certificate"):
            writer.cancel_certificates(after)
            writer.issue_certificate(draft.certificate, after)
        writer.link_parcels(before, after)
        for doc, given in zip(stored, draft.documents):
            documents.register(conn, doc, when)
            documents.link(conn, draft.uuid, doc.sha256, given.role)
    result = step.operation_result
    return Recorded(
        draft.uuid, ttype.code, draft.document.dossier_no.strip(), op_id, when, list(before),
        list(after), writer.rights_ended, writer.rights_created, writer.restrictions,
        writer.certificates_issued, writer.certificates_cancelled, stored,
        list(result.warnings) if result else [])
