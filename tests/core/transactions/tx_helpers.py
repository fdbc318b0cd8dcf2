"""Building drafts the way the dialog does: parcels by what they hold, people with valid CCCDs."""
from datetime import date
from fractions import Fraction

from cadastre_plugin.core.model import LegalDocument, Party
from cadastre_plugin.core.transactions import NewRight, TransactionDraft, shares_of
from cadastre_plugin.core.transactions.state import State

AUTHORITY = "Văn phòng đăng ký đất đai Hải Phòng - Chi nhánh An Dương"
TODAY = date(2025, 6, 30)

_serial = iter(range(100000, 999999))


def doc(day=date(2025, 3, 14), dossier="HS-2025-0314") -> LegalDocument:
    return LegalDocument(dossier, day, AUTHORITY)


def person(name="Nguyễn Văn An", year=1980, female=False, province="031") -> Party:
    century = 2 * ((year - 1900) // 100) + int(female)
    cccd = f"{province}{century}{year % 100:02d}{next(_serial):06d}"
    return Party("individual", name, birth_year=year, citizen_id=cccd)


def bank(name="Ngân hàng TMCP Á Châu chi nhánh Hải Phòng", tax="0301452948-018") -> Party:
    return Party("organisation", name, tax_code=tax, user_type="TKT")


def parcels(wc, where="1=1", n=1) -> list:
    """Current parcels with a land-use right and no mortgage, matching ``where``."""
    rows = wc.conn.execute(
        f"SELECT p.uuid FROM parcels p WHERE {where} AND EXISTS (SELECT 1 FROM rights r WHERE "
        "r.parcel_uuid = p.uuid AND r.valid_to IS NULL) AND NOT EXISTS (SELECT 1 FROM "
        "restrictions x WHERE x.parcel_uuid = p.uuid AND x.released_on IS NULL) "
        "ORDER BY p.sheet_no, p.parcel_no LIMIT ?", (n,)).fetchall()
    assert len(rows) == n, f"the demo has fewer than {n} parcels where {where}"
    return [r[0] for r in rows]


def holders(wc, parcel_uuid) -> dict:
    right = State(wc.conn).right(parcel_uuid)
    return right.holders if right else {}


def transfer(parcel_uuid, wc, to, type_code="CN", **kwargs) -> TransactionDraft:
    """All current holders transfer ``to`` = [(Party, share)] (new parties are created)."""
    old = holders(wc, parcel_uuid)
    new = [p for p, _ in to if State(wc.conn).party(p.uuid) is None]
    return TransactionDraft(
        type_code, [parcel_uuid], doc(), recorded_by="can.bo", new_parties=new,
        rights_after=[NewRight(shares_of([(p.uuid, Fraction(s)) for p, s in to]),
                               parcel_uuid=parcel_uuid, transferors=tuple(old))], **kwargs)


def counts(wc) -> dict:
    """Row counts of everything a transaction may write: unchanged after a refusal."""
    tables = ("transactions", "rights", "right_shares", "parties", "restrictions",
              "certificates", "certificate_parcels", "transaction_parcels", "transaction_rights",
              "transaction_parties", "transaction_restrictions", "transaction_certificates",
              "documents", "transaction_documents", "parcels", "parcel_versions",
              "parcel_lineage", "journal")
    out = {t: wc.count(t) for t in tables}
    out["ended"] = wc.count("rights", "WHERE valid_to IS NOT NULL")
    out["released"] = wc.count("restrictions", "WHERE released_on IS NOT NULL")
    out["cancelled"] = wc.count("certificates", "WHERE status = 'cancelled'")
    return out


def codes(error) -> list:
    return [i.code for i in error.value.issues]
