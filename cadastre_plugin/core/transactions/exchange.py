"""Land exchange (chuyển đổi, dồn điền đổi thửa) among two or more parcels.

An exchange dossier lists parcels and the households holding them; each parcel goes, whole, to
the holders of another parcel of the dossier. It is an exchange, not a gift: every holder group
ends with as many parcels as it gave (one, usually) and nobody gets their own parcel back. A
group that gives land without getting any, or gets two parcels for one, is recording something
else (a transfer or a gift), which has its own type.

``holder_groups`` and ``rotation`` help a dialog propose a default; ``ExchangeChecks`` (mixed
into the checker of :mod:`.validate` through :mod:`.effect_checks`) enforces the rule.
"""
from __future__ import annotations


def holder_groups(holders_by_parcel: list) -> list:
    """[holder uuid collections, one per parcel] -> the distinct non-empty groups as
    frozensets, in order of first appearance."""
    return list(dict.fromkeys(frozenset(h) for h in holders_by_parcel if h))


def rotation(holders_by_parcel: list) -> list:
    """The default exchange: parcel i goes to the holders of parcel i+1 (the last to the
    first's), which for two parcels is the plain swap. Returns, per parcel, the index of the
    parcel whose holders receive it, or None when no other group exists. When the next parcel
    has the same holders (a household giving two plots), the next different group is used."""
    groups = [frozenset(h) for h in holders_by_parcel]
    n = len(groups)
    out = []
    for i in range(n):
        target = None
        for step in range(1, n):
            j = (i + step) % n
            if groups[j] and groups[j] != groups[i]:
                target = j
                break
        out.append(target)
    return out


class ExchangeChecks:
    """Checks of an exchange draft; needs the checker's ``state``, ``draft``, ``current``,
    ``label``, ``names`` and ``add``."""

    def exchange(self) -> None:
        given, received, own = {}, {}, {}
        for p in self.current():
            right = self.state.right(p)
            if right is not None and right.holders:
                group = frozenset(right.holders)
                own[p] = group
                given.setdefault(group, []).append(p)
        if not self.draft.rights_after or len(given) < 1:
            return
        seen = set()
        for right in self.draft.rights_after:
            p = right.parcel_uuid
            if p not in own or p in seen:
                continue
            seen.add(p)
            recipients = frozenset(s.party_uuid for s in right.shares)
            label = self.label(p)
            if recipients == own[p]:
                self.add("exchange.own_holders",
                         f"In the exchange parcel {label} goes back to its own holders "
                         f"({self.names(own[p])}); choose the holders of another parcel.",
                         f"Trong chuyển đổi, thửa {label} lại giao cho chính người đang sử dụng "
                         f"({self.names(own[p])}); hãy chọn người sử dụng của thửa khác.",
                         label, field="rights_after")
            elif recipients not in given:
                self.add("exchange.not_a_group",
                         f"The new holders of parcel {label} ({self.names(recipients)}) are not "
                         "the holders of another parcel of the exchange: in an exchange each "
                         "parcel goes whole to the holders of another exchanged parcel. Choose "
                         "one of them, or record a transfer (CN) instead.",
                         f"Người nhận thửa {label} ({self.names(recipients)}) không phải người "
                         "sử dụng của thửa khác trong hồ sơ chuyển đổi: khi chuyển đổi, mỗi thửa "
                         "được giao trọn cho người sử dụng của một thửa khác. Hãy chọn một trong "
                         "số họ, hoặc đăng ký chuyển nhượng (CN).", label, field="rights_after")
            else:
                received.setdefault(recipients, []).append(p)
        for group, gave in given.items():
            got = received.get(group, [])
            if len(got) == len(gave):
                continue
            names = self.names(group)
            gave_text = ", ".join(self.label(p) for p in gave)
            got_en = ", ".join(self.label(p) for p in got) or "nothing"
            got_vi = ", ".join(self.label(p) for p in got) or "không nhận thửa nào"
            self.add("exchange.unbalanced",
                     f"In the exchange {names} give {len(gave)} parcel(s) ({gave_text}) but "
                     f"receive {len(got)} ({got_en}): each holder group must receive exactly "
                     "as many parcels as it gives. Change which holders each parcel goes to; "
                     "if they really give land for nothing, or receive two parcels, record a "
                     "transfer (CN) or gift (TA) instead.",
                     f"Trong chuyển đổi, {names} giao {len(gave)} thửa ({gave_text}) nhưng "
                     f"nhận {len(got)} thửa ({got_vi}): mỗi nhóm người sử dụng phải nhận đúng "
                     "số thửa đã giao. Hãy chọn lại người nhận của các thửa; nếu họ thực sự "
                     "cho đất mà không nhận lại, hoặc nhận hai thửa, hãy đăng ký chuyển nhượng "
                     "(CN) hoặc tặng cho (TA).", names, field="rights_after")
