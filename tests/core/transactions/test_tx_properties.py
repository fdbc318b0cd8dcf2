"""Property-based: across random sequences of transactions (valid and invalid), shares always sum
to exactly one, rights form an unbroken chain per parcel, refused transactions change nothing,
and each parcel's history lists exactly its transactions, in order, with the holders a simple
model of the register predicts."""
import shutil
import tempfile
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest
import shapely
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from cadastre_plugin.core.messages import CadastreError, ValidationFailed
from cadastre_plugin.core.transactions import (MortgageInput, NewRight, TransactionDraft, record,
                                               shares_of)
from cadastre_plugin.core.transactions.geometry import Merge, SplitByArea
from cadastre_plugin.core.transactions.history import holders_at, parcel_history
from cadastre_plugin.core.transactions.state import State
from cadastre_plugin.core.working_copy import WorkingCopy
from tx_helpers import bank, counts, doc, person

KINDS = ("CN", "TK", "TA", "TC", "XC", "TH", "GH", "split", "merge", "bad_shares",
         "bad_seller")

# Few parcel choices, so that transactions meet on the same parcels (a release after a
# mortgage, a transfer of a merged parcel...).
step = st.tuples(st.sampled_from(KINDS), st.integers(0, 3),
                 st.lists(st.integers(1, 6), min_size=1, max_size=3))


@pytest.fixture(scope="module")
def small_template(tmp_path_factory):
    from cadastre_plugin.core.demo import generate

    path = tmp_path_factory.mktemp("props") / "demo30.gpkg"
    generate(str(path), parcels=30, seed=13, history=False)
    return path


class Register:
    """What the holders should be, kept apart from the working copy."""

    def __init__(self, wc):
        self.wc = wc
        state = State(wc.conn)
        self.holders = {p: state.right(p).holders for p in self.current()}
        self.transactions = {}  # parcel -> [transaction uuids], in order
        self.lender = bank()

    def current(self) -> list:
        return [r[0] for r in self.wc.conn.execute(
            "SELECT uuid FROM parcels ORDER BY fid")]

    def pick(self, n: int) -> str:
        parcels = self.current()
        return parcels[n % len(parcels)]

    def draft(self, kind, n, weights):
        wc, p = self.wc, self.pick(n)
        state = State(wc.conn)
        old = self.holders.get(p, {})
        total = sum(weights)
        people = [person(f"Người {k}", 1970 + k) for k in range(len(weights))]
        new = {q.uuid: Fraction(w, total) for q, w in zip(people, weights)}
        if kind in ("CN", "TK", "TA", "bad_shares", "bad_seller"):
            if kind == "bad_shares":
                new = {q: s / 2 for q, s in new.items()}
            sellers = tuple(old) if kind != "bad_seller" else (self.lender.uuid,)
            return TransactionDraft(kind if kind in ("CN", "TK", "TA") else "CN", [p], doc(),
                                    new_parties=people, rights_after=[NewRight(
                                        shares_of(new.items()), parcel_uuid=p,
                                        transferors=sellers)]), {p: new}
        if kind == "TC":
            known = state.party(self.lender.uuid) is not None
            return TransactionDraft("TC", [p], doc(), new_parties=[] if known else [self.lender],
                                    mortgage=MortgageInput(self.lender.uuid, doc().date)), {}
        if kind == "XC":
            # Release where there is something to release, if anywhere.
            mortgaged = [q for q in self.current() if state.restrictions(q)]
            p = mortgaged[n % len(mortgaged)] if mortgaged else p
            return TransactionDraft("XC", [p], doc(), release_uuids=[
                r.uuid for r in state.restrictions(p)][:1]), {}
        if kind == "TH":
            return TransactionDraft("TH", [p], doc()), {p: {}}
        if kind == "GH":
            right = state.right(p)
            term = right.term_end if right else None
            end = date.fromisoformat(term).replace(year=2090) if term else date(2090, 1, 1)
            return TransactionDraft("GH", [p], doc(), term_end=end), {}
        if kind == "split":
            area = state.parcel(p).area or 1.0
            return TransactionDraft("TN", [p], doc(), geometry=SplitByArea(
                p, round(area * weights[0] / 8, 1), edge_index=0)), {"split": p}
        neighbour = self._neighbour(p)
        # Differently held parcels merge into shared ownership, half each.
        merged = {}
        for q in (p, neighbour):
            for party, share in self.holders.get(q, {}).items():
                merged[party] = merged.get(party, 0) + share / 2
        rights = [NewRight(shares_of(merged.items()), child=0, transferors=tuple(merged))] \
            if self.holders.get(p) != self.holders.get(neighbour) else []
        return TransactionDraft("TN", [p, neighbour], doc(), rights_after=rights,
                                geometry=Merge((p, neighbour))), {"merge": (p, neighbour, merged)}

    def _neighbour(self, p):
        fids, geoms, attrs = self.wc.parcel_arrays()
        index = list(attrs["uuid"]).index(p)
        touching = [attrs["uuid"][j] for j in shapely.STRtree(geoms).query(
            geoms[index], predicate="touches") if j != index]
        return touching[0] if touching else p

    @staticmethod
    def holders_of_merge(same: bool, merged: dict) -> dict:
        """Alike parents pass their holders on; halves of each otherwise (as drafted)."""
        return {k: v * 2 for k, v in merged.items()} if same else merged

    def apply(self, result, expected) -> None:
        for p in result.parcels_before + result.parcels_after:
            self.transactions.setdefault(p, []).append(result.transaction_uuid)
        if "split" in expected:
            parent = self.holders.pop(expected["split"], {})
            for child in result.parcels_after:
                self.holders[child] = parent
        elif "merge" in expected:
            a, b, merged = expected["merge"]
            same = self.holders.pop(a, {}) == self.holders.pop(b, {})
            self.holders[result.parcels_after[0]] = self.holders_of_merge(same, merged)
        else:
            self.holders.update(expected)


def check_invariants(wc, register: Register) -> None:
    state = State(wc.conn)
    current = set(register.current())
    for p in current:
        rights = [r for r in state.rights(p) if r.kind == "land_use"]
        assert len(rights) <= 1
        held = rights[0].holders if rights else {}
        assert held == register.holders.get(p, {})
        if rights:
            assert sum(held.values()) == 1 and all(v > 0 for v in held.values())
        # Rights follow each other without gap or overlap; each change is linked both ways.
        chain = [r for r in state.all_rights(p) if r.kind == "land_use"]
        for older, newer in zip(chain, chain[1:]):
            assert older.valid_to is not None and older.valid_to <= (newer.valid_from or "")
    retired = {r[0] for r in wc.conn.execute("SELECT uuid FROM parcel_versions "
                                             "WHERE status = 'retired'")}
    for p in retired:
        assert p not in current and state.rights(p) == []
    links = dict(((r, role), n) for r, role, n in wc.conn.execute(
        "SELECT right_uuid, role, count(*) FROM transaction_rights GROUP BY 1, 2"))
    for uuid, valid_from, valid_to, tx in wc.conn.execute(
            "SELECT uuid, valid_from, valid_to, transaction_uuid FROM rights"):
        if valid_to is not None:
            assert links.get((uuid, "before")) == 1
        if tx is not None:
            assert links.get((uuid, "after")) == 1
    totals = {}
    for right, share in wc.conn.execute("SELECT right_uuid, share FROM right_shares"):
        totals[right] = totals.get(right, 0) + Fraction(share)
    assert all(total == 1 for total in totals.values())  # every right ever, ended ones too
    # One journal operation per recorded transaction, and each parcel's history lists exactly
    # its transactions, oldest first, with the holders in force right after each.
    ops = wc.conn.execute("SELECT count(DISTINCT op_id) FROM journal").fetchone()[0]
    assert ops == wc.count("transactions")
    for p, expected in register.transactions.items():
        history = parcel_history(wc, p)
        mine = [e.transaction.uuid for e in history.entries
                if e.kind == "transaction" and e.parcel_uuid == p]
        own = list(dict.fromkeys(expected))
        assert [t for t in mine if t in own] == own
        times = [e.at for e in history.entries]
        assert times == sorted(times)
    for p in current:
        entries = [e for e in parcel_history(wc, p).entries
                   if e.kind == "transaction" and e.parcel_uuid == p]
        if entries:
            assert holders_at(wc, p, entries[-1].at) == register.holders.get(p, {})


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(steps=st.lists(step, min_size=1, max_size=10))
def test_random_sequences_keep_shares_and_histories_consistent(small_template, steps):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "wc.gpkg"
        shutil.copy(small_template, path)
        with WorkingCopy.open(str(path)) as wc:
            register = Register(wc)
            for k, (kind, n, weights) in enumerate(steps):
                draft, expected = register.draft(kind, n, weights)
                before = counts(wc)
                try:
                    result = record(wc, draft, at=f"2025-04-01T00:{k // 60:02d}:{k % 60:02d}Z")
                except (ValidationFailed, CadastreError):
                    assert counts(wc) == before  # a refusal writes nothing
                    # A transfer is refused only when there is nobody to transfer from.
                    assert kind not in ("CN", "TK", "TA") or not register.holders.get(
                        draft.parcel_uuids[0])
                    event(f"refused {kind}")
                    continue
                assert kind not in ("bad_shares", "bad_seller")
                event(f"recorded {kind}")
                register.apply(result, expected)
                check_invariants(wc, register)
