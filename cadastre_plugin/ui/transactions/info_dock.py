"""The "Parcel information" dock: the selected parcel's registration as it stands."""
from __future__ import annotations

from qgis.PyQt.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem

from ...core.transactions.info import parcel_info
from ..locale import ui_language
from .parcel_dock import ParcelDock
from .texts import Texts, date_text, share_text


class ParcelInfoDock(ParcelDock):
    def __init__(self, parent=None):
        super().__init__("CadastreParcelInfoDock", parent)
        self.setWindowTitle(self.tr("Parcel information"))
        self.texts = Texts()
        self.info = None
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("CadastreParcelInfoTree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Item"), self.tr("Value")])
        self.tree.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.layout_.addWidget(self.tree)

    def clear(self) -> None:
        self.tree.clear()
        self.info = None

    def section(self, title: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([title, ""])
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        self.tree.addTopLevelItem(item)
        item.setExpanded(True)
        return item

    def show_data(self, wc, parcel_uuid: str) -> None:
        self.clear()
        info = parcel_info(wc, parcel_uuid)
        self.info = info
        lang = ui_language()
        heading = self.tr("Parcel {label} ({status})").format(
            label=info.label, status=self.texts.status(info.status))
        if info.retired_on:
            heading += " " + self.tr("since {date}").format(date=date_text(info.retired_on))
        self.heading.setText(heading)

        parcel = self.section(self.tr("Parcel"))
        names = "; ".join(f"{code} – {vi if lang == 'vi' else en}"
                          for code, vi, en in info.landuse_names)
        rows = [(self.tr("Land use"), names or info.landuse),
                (self.tr("Area"), "" if info.area is None else f"{info.area:.1f} m²"),
                (self.tr("Legal area"),
                 "" if info.legal_area is None else f"{info.legal_area:.1f} m²"),
                (self.tr("Address"), info.address),
                (self.tr("Transactions recorded"), str(info.transactions))]
        rows += [(self.tr("Source identifier"), f"{source}: {label or external}")
                 for source, external, label in info.source_ids]
        for name, value in rows:
            parcel.addChild(QTreeWidgetItem([name, value]))

        rights = self.section(self.tr("Rights and holders"))
        if not info.rights:
            rights.addChild(QTreeWidgetItem([self.tr("No registered holder"), ""]))
        for right in info.rights:
            value = self.tr("{landuse}, term: {term}").format(
                landuse=right.landuse, term=self.texts.term(right.term_end))
            item = QTreeWidgetItem([self.texts.right_kind(right.kind), value])
            rights.addChild(item)
            item.setExpanded(True)
            for holder in right.holders:
                item.addChild(self._holder_item(holder))

        restrictions = self.section(self.tr("Restrictions"))
        if not info.restrictions:
            restrictions.addChild(QTreeWidgetItem([self.tr("None"), ""]))
        for r in info.restrictions:
            value = self.tr("{creditor}, registered {date}").format(
                creditor=r.creditor, date=date_text(r.registered_on))
            restrictions.addChild(QTreeWidgetItem([self.texts.restriction_kind(r.kind), value]))

        certificates = self.section(self.tr("Certificate"))
        if not info.certificates:
            certificates.addChild(QTreeWidgetItem([self.tr("None valid"), ""]))
        for c in info.certificates:
            certificates.addChild(QTreeWidgetItem([
                c.serial, self.tr("entry {entry}, issued {date} by {authority}").format(
                    entry=c.entry_no, date=date_text(c.issue_date), authority=c.authority)]))
        self.tree.resizeColumnToContents(0)

    def _holder_item(self, holder) -> QTreeWidgetItem:
        share = share_text(holder.share)
        name = f"{holder.name} ({share})" if share else holder.name
        details = [self.texts.party_kind(holder.kind)]
        if holder.citizen_id:
            details.append(self.tr("citizen ID {number}").format(number=holder.citizen_id))
        if holder.tax_code:
            details.append(self.tr("tax code {number}").format(number=holder.tax_code))
        if holder.birth_year:
            details.append(self.tr("born {year}").format(year=holder.birth_year))
        if holder.members:
            details.append(", ".join(holder.members))
        item = QTreeWidgetItem([name, "; ".join(details)])
        if holder.address:
            item.setToolTip(0, holder.address)
        return item
