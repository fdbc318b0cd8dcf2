"""A history of registrations for the demo commune, so there is a timeline to browse.

Recorded through :func:`.record.record` like any registration (so it obeys every validation
rule), backdated between each parcel's first registration and mid-2025, unjournalled like the
rest of the generated data (it stands for what the office had registered before the working
copy was checked out), and approved: it is the legal record. Each transaction carries a one-page scanned application form.
Deterministic: the same seed gives the same history.
"""
from __future__ import annotations

import os
import tempfile
from datetime import date, timedelta
from fractions import Fraction

import numpy as np

from ..model import LegalDocument, Party
from .draft import (LONG_TERM, CertificateInput, DocumentInput, MortgageInput, NewRight,
                    TransactionDraft, shares_of)
from .geometry import SplitByArea
from .parties import fold
from .record import record
from .state import State

END = date(2025, 6, 30)
OFFICE = "Chi nhánh Văn phòng đăng ký đất đai huyện An Dương"
CERT_AUTHORITY = "Sở Tài nguyên và Môi trường thành phố Hải Phòng"
OFFICER = "demo"
NAMES = (("Nguyễn Văn", "Thành"), ("Trần Thị", "Nhung"), ("Lê Văn", "Phong"),
         ("Phạm Thị", "Thu"), ("Vũ Đức", "Thịnh"), ("Đỗ Thị", "Quyên"), ("Bùi Văn", "Kiên"),
         ("Hoàng Thị", "Loan"), ("Ngô Minh", "Tâm"), ("Đặng Thị", "Oanh"))

# What happens to a parcel over the years, chosen by weight: a sequence of type codes.
STORIES = ((("CN",), 5), (("CN", "TC"), 3), (("TC", "XC"), 3), (("TK",), 3), (("TA",), 2),
           (("CN", "TC", "XC"), 2), (("CL",), 2), (("DT",), 2), (("CM",), 2), (("GH",), 2))


def _pdf(lines) -> bytes:
    """A one-page PDF with the lines in Helvetica: a stand-in for a scanned form."""
    text = "BT /F1 12 Tf 60 780 Td 16 TL " + " ".join(
        "(" + fold(line).encode("ascii", "replace").decode().replace("(", "[").replace(")", "]")
        + ") Tj T*" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(text)} >>\nstream\n{text}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = b"%PDF-1.4\n", []
    for k, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{k} 0 obj\n{body}\nendobj\n".encode("ascii")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("ascii")
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode("ascii")
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
            ).encode("ascii")
    return out


class _Demo:
    def __init__(self, wc, rng: np.random.Generator, folder: str):
        self.wc, self.rng, self.folder = wc, rng, folder
        self.state = State(wc.conn)
        self.dossier = 0
        self.banks = [r[0] for r in wc.conn.execute(
            "SELECT uuid FROM parties WHERE kind = 'organisation' AND tax_code IS NOT NULL "
            "AND name LIKE 'Ngân hàng%' ORDER BY fid")]

    def person(self, female: bool = False) -> Party:
        family, given = NAMES[int(self.rng.integers(len(NAMES)))]
        year = int(self.rng.integers(1955, 2000))
        # A commune of hundreds of thousands of parties holds some of the million serials of
        # a birth year already: draw again until the number is free (still deterministic).
        while True:
            cccd = f"031{2 * ((year - 1900) // 100) + int(female)}{year % 100:02d}" \
                   f"{int(self.rng.integers(0, 10**6)):06d}"
            if not self.wc.conn.execute("SELECT 1 FROM parties WHERE citizen_id = ?",
                                        (cccd,)).fetchone():
                break
        middle = family.split()[1] if not female else "Thị"
        return Party("individual", f"{family.split()[0]} {middle} {given}", birth_year=year,
                     citizen_id=cccd)

    def day(self, after: date) -> date:
        span = (END - after).days
        return after + timedelta(days=int(self.rng.integers(1, max(span, 2))))

    def document(self, code: str, on: date, label: str) -> tuple:
        self.dossier += 1
        number = f"{self.dossier:03d}/{on.year}/{code}"
        path = os.path.join(self.folder, f"don-{self.dossier:03d}.pdf")
        with open(path, "wb") as fh:
            fh.write(_pdf(["CONG HOA XA HOI CHU NGHIA VIET NAM", "",
                           "DON DANG KY BIEN DONG DAT DAI", f"Ho so so: {number}",
                           f"Thua dat: {label}", f"Ngay: {on.strftime('%d/%m/%Y')}"]))
        scan = DocumentInput(path, "application", f"don-dang-ky-{self.dossier:03d}.pdf")
        return LegalDocument(number, on, OFFICE), [scan]

    def draft(self, code: str, p: str, on: date):
        right = self.state.right(p)
        label = self.state.parcel(p).label
        document, scans = self.document(code, on, label)
        d = TransactionDraft(code, [p], document, OFFICER, documents=scans)
        if code in ("CN", "TA"):
            buyer = self.person(bool(self.rng.integers(2)))
            d.new_parties = [buyer]
            d.rights_after = [NewRight(shares_of([(buyer.uuid, 1)]), parcel_uuid=p,
                                       transferors=tuple(right.holders))]
        elif code == "TK":
            heirs = [self.person(bool(self.rng.integers(2)))
                     for _ in range(int(self.rng.integers(2, 4)))]
            d.new_parties = heirs
            share = Fraction(1, len(heirs))
            d.rights_after = [NewRight(shares_of([(h.uuid, share) for h in heirs]),
                                       parcel_uuid=p, transferors=tuple(right.holders))]
        elif code == "TC":
            d.mortgage = MortgageInput(self.banks[int(self.rng.integers(len(self.banks)))], on,
                                       "Thế chấp bảo đảm khoản vay")
        elif code == "XC":
            d.release_uuids = [r.uuid for r in self.state.restrictions(p)][:1]
        elif code == "CL":
            d.certificate = self.certificate(on)
        elif code == "DT":
            holder = self.state.party(next(iter(right.holders)))
            d.party_changes = {holder.uuid: {"address": f"Số {int(self.rng.integers(1, 200))}, "
                                                        f"{holder.address or OFFICE}"}}
        elif code == "CM":
            d.parcel_changes = {"landuse": "ONT"}
            d.term_end = LONG_TERM
        elif code == "GH":
            d.term_end = date.fromisoformat(right.term_end) + timedelta(days=3653)
        return d

    def certificate(self, on: date) -> CertificateInput:
        letters = "D" + "ABCDEGHKLMNPQRSTUVXY"[int(self.rng.integers(20))]
        return CertificateInput(f"{letters} {int(self.rng.integers(0, 10**6)):06d}",
                                f"CS {int(self.rng.integers(1, 10**5)):05d}", on, CERT_AUTHORITY)

    def fits(self, code: str, p: str) -> bool:
        right = self.state.right(p)
        parcel = self.state.parcel(p)
        if right is None:
            return False
        if code == "XC":
            return bool(self.state.restrictions(p))
        if code in ("CN", "TA", "TK", "TC", "DT"):
            parties = [self.state.party(h) for h in right.holders]
            return all(p is not None and p.kind != "organisation" for p in parties)
        if code == "CM":
            return parcel.landuse in ("CLN", "BHK")
        if code == "GH":
            return right.term_end is not None
        if code == "CL":
            return bool(self.state.certificates(p))
        return True

    def story(self, p: str, codes) -> int:
        start = date.fromisoformat((self.state.right(p).valid_from or "2010-01-01")[:10])
        done = 0
        for code in codes:
            if start >= END - timedelta(days=30) or not self.fits(code, p):
                break
            on = self.day(start)
            record(self.wc, self.draft(code, p, on), at=f"{on.isoformat()}T02:30:00.000000Z",
                   today=END, journal=False, approved_by=OFFICER)
            start, done = on, done + 1
        return done

    def split(self, p: str) -> int:
        """A split whose cut-off piece is given to a child (TN)."""
        right = self.state.right(p)
        start = date.fromisoformat((right.valid_from or "2010-01-01")[:10])
        if start >= END - timedelta(days=30):
            return 0
        on = self.day(start)
        area = self.state.parcel(p).area
        d = self.draft("TN", p, on)
        child = self.person(bool(self.rng.integers(2)))
        d.new_parties = [child]
        d.geometry = SplitByArea(p, round(area * 0.4, 1), edge_index=0)
        d.rights_after = [NewRight(shares_of([(child.uuid, 1)]), child=0,
                                   transferors=tuple(right.holders))]
        record(self.wc, d, at=f"{on.isoformat()}T02:30:00.000000Z", today=END, journal=False,
               approved_by=OFFICER)
        return 1


def record_demo_history(wc, seed: int, count: int, splits: int = 0) -> int:
    """Record about ``count`` backdated transactions (and ``splits`` split registrations) on
    parcels of people; returns how many were recorded."""
    rng = np.random.default_rng(seed + 7919)  # apart from the generator's own stream
    # A random sample of parcels, read by fid: a province-sized demo is not scanned whole.
    fids = wc.conn.execute("SELECT min(fid), max(fid) FROM parcels").fetchone()
    if fids[0] is None:
        return 0
    span = fids[1] - fids[0] + 1
    sample = (rng.choice(span, size=min(span, 20 * (count + splits) + 50), replace=False)
              + fids[0]).tolist()
    held = {r[0]: r[1] for r in _chunked(wc.conn, sample, (
        "SELECT p.fid, p.uuid FROM parcels p JOIN rights r ON r.parcel_uuid = p.uuid AND "
        "r.valid_to IS NULL WHERE p.landuse NOT IN ('DGD', 'TSC', 'DYT', 'DTT', 'NTD') "
        "AND p.fid IN ({marks})"))}
    candidates = [held[f] for f in sample if f in held]
    order = range(len(candidates))
    weights = np.array([w for _, w in STORIES], dtype=float)
    recorded = 0
    with tempfile.TemporaryDirectory() as folder, \
            wc.operation("demo_history", journal=False):
        demo = _Demo(wc, rng, folder)
        picks = iter(order)
        for i in picks:
            if recorded >= count:
                break
            codes, _ = STORIES[rng.choice(len(STORIES), p=weights / weights.sum())]
            recorded += demo.story(candidates[i], codes)
        done = 0
        for i in picks:  # parcels no story touched, until enough splits were recorded
            if done >= splits:
                break
            p = candidates[i]
            if (demo.state.parcel(p).area or 0) > 400 and not demo.state.restrictions(p):
                done += demo.split(p)
        recorded += done
    return recorded


def _chunked(conn, values, sql: str):
    for i in range(0, len(values), 500):
        part = values[i:i + 500]
        yield from conn.execute(sql.format(marks=",".join("?" * len(part))), part)
