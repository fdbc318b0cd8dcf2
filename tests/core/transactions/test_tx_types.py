"""Required fields per transaction type are data, and the data covers the code list."""
import json

import pytest

from cadastre_plugin.core import codelists
from cadastre_plugin.core.transactions import types
from cadastre_plugin.core.transactions.effects import EFFECTS
from cadastre_plugin.core.transactions.validate import filled
from cadastre_plugin.core.transactions.draft import TransactionDraft

DATA = json.loads(types._FILE.read_text(encoding="utf-8"))


def test_every_type_of_the_code_list_has_its_requirements_and_nothing_else():
    listed = codelists.load("transaction_types").codes
    assert list(types.all_types()) == list(listed)
    assert set(DATA["types"]) == set(listed)
    assert len(listed) == 15


@pytest.mark.parametrize("code", list(DATA["types"]))
def test_each_type_names_known_fields_and_a_known_effect(code):
    t = types.get(code)
    assert t.effect in types.EFFECTS and t.effect in EFFECTS
    for name in t.fields:
        assert name in DATA["fields"], (code, name)
        # every field can be tested for presence on a draft
        filled(TransactionDraft(code, []), name)
    assert {"document.dossier_no", "document.date", "document.authority"} <= set(t.required)
    assert t.vi and t.en and t.min_parcels >= 1


def test_field_names_are_bilingual():
    for name, names in DATA["fields"].items():
        assert names["vi"] and names["en"], name
        assert types.field_name(name, "vi") == names["vi"]
        assert types.field_name(name, "en") == names["en"]


def test_transfers_name_their_parties_the_officer_s_way():
    assert types.get("TK").label("transferors", "vi") == "Người để lại di sản"
    assert types.get("CN").label("recipients", "en") == "Buyers"
    assert types.get("TC").label("transferors", "en", "Transferors") == "Transferors"


def test_an_unknown_type_is_refused_with_the_list():
    from cadastre_plugin.core.messages import CadastreError

    with pytest.raises(CadastreError) as err:
        types.get("XX")
    assert "CN" in err.value.en and "loại biến động" in err.value.vi
