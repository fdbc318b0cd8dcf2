"""Fills Vietnamese translations into cadastre_vi.ts from a JSON dict {english: vietnamese}.

Used after `make translations-update` adds new strings: write the new pairs to a JSON file and
run `python3 scripts/fill_translations.py pairs.json`. Entries pylupdate5 pre-filled from an
identical string elsewhere are accepted when the JSON confirms them, or as they are with
--accept-prefilled. Prints the sources still unfinished.
"""
import html
import json
import re
import sys
from pathlib import Path

TS = Path(__file__).resolve().parents[1] / "cadastre_plugin" / "i18n" / "cadastre_vi.ts"
MESSAGE = re.compile(r"(<source>)([^<]*)(</source>\s*)<translation type=\"unfinished\">([^<]*)</translation>")


def main() -> None:
    pairs = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")) if len(sys.argv) > 1 and \
        not sys.argv[1].startswith("--") else {}
    accept = "--accept-prefilled" in sys.argv
    text = TS.read_text(encoding="utf-8")
    left = []

    def fill(m):
        source = html.unescape(m.group(2))
        value = pairs.get(source) or (html.unescape(m.group(4)) if accept else "")
        if not value:
            left.append(source)
            return m.group(0)
        return f"{m.group(1)}{m.group(2)}{m.group(3)}<translation>{html.escape(value, quote=False)}</translation>"

    TS.write_text(MESSAGE.sub(fill, text), encoding="utf-8")
    for source in left:
        print("unfinished:", source)


if __name__ == "__main__":
    main()
