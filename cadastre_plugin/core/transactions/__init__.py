"""Registration changes (biến động): transactions recorded as legal units, with history.

* :mod:`.types` reads ``requirements.json``: what each type code must and may carry (data).
* :mod:`.draft` is what an officer enters; :mod:`.validate` checks it against the stored
  state (:mod:`.state`) and says, in Vietnamese and English, what to fix.
* :mod:`.record` writes a valid draft as one journalled operation (:mod:`.effects` says what
  each type does, :mod:`.writer` writes the rows, :mod:`.geometry` runs a split/merge inside).
* :mod:`.approval` is the officer's decision on a submitted transaction (approve/reject).
* :mod:`.documents` stores scanned dossier documents by SHA-256 beside the working copy.
* :mod:`.history` reads a parcel's timeline; :mod:`.info` its current registration;
  :mod:`.parties` finds parties by name or citizen ID.

Pure Python, like the rest of the core.
"""
from .approval import Decision, Pending, approve, pending, reject, withdraw
from .draft import (LONG_TERM, CertificateInput, DocumentInput, MortgageInput, NewRight,
                    TransactionDraft, shares_of)
from .record import Recorded, record
from .validate import validate_draft

__all__ = ["Decision", "Pending", "approve", "pending", "reject", "withdraw", "LONG_TERM", "CertificateInput", "DocumentInput", "MortgageInput", "NewRight",
           "TransactionDraft", "Recorded", "record", "shares_of", "validate_draft"]
