"""Instructions per article, by hand (never under pytest): a count that does not move with the
machine's load, where wall time on this machine varies by a quarter or more from hour to hour.
valgrind's callgrind counts the instructions of a process that checks N published BBC articles
(a sample spread over the corpus, after two to warm up) and of one that checks none; the
difference over N is the cost of an article. The same for proselint, when it is installed,
and the ratio. Needs valgrind (Debian's package).

    python benchmarks/instructions.py             # 200 articles for copydesk, 50 for proselint
    python benchmarks/instructions.py --n 100
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "..", "shared", "corpora", "bbc-news-2005")

SAMPLE = """
import os, sys
corpus = {corpus!r}
files = sorted(os.path.join(dp, f) for dp, _d, fs in os.walk(corpus) for f in fs if f.endswith(".txt") and f != "README.TXT")
sample = files[:: max(1, len(files) // 200)][:200]
texts = [open(p, "rb").read().decode("latin-1") for p in sample]
n = int(sys.argv[1])
"""
COPYDESK = SAMPLE + """
sys.path.insert(0, {root!r})
from copydesk.config import Config
from copydesk.document import Document
from copydesk.engine import check_document
cfg = Config()
for t in texts[:2]:
    check_document(Document(t, "warm.txt", "text"), cfg)
for i, t in enumerate(texts[:n]):
    check_document(Document(t, f"{{i}}.txt", "text"), cfg)
"""
PROSELINT = SAMPLE + """
from proselint.checks import __register__
from proselint.config import DEFAULT
from proselint.registry import CheckRegistry
from proselint.tools import LintFile
CheckRegistry().register_many(__register__)
for t in texts[:2]:
    LintFile("warm", t).lint(DEFAULT)
for i, t in enumerate(texts[:n]):
    LintFile(str(i), t).lint(DEFAULT)
"""


def _count(script: str, n: int, tmp: str) -> int:
    path = os.path.join(tmp, "run.py")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(script)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, path, "2"], check=True, env=env)  # bytecode and caches, as an installed user has them
    out = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={os.path.join(tmp, 'cg.out')}",
                          sys.executable, path, str(n)], capture_output=True, text=True, check=True, env=env).stderr
    return int(re.search(r"refs:\s+([\d,]+)", out).group(1).replace(",", ""))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200, help="articles for copydesk (proselint takes a quarter as many)")
    args = ap.parse_args()
    if not shutil.which("valgrind"):
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    if not os.path.isdir(CORPUS):
        sys.exit(f"no corpus at {CORPUS}: the BBC articles are read from ../shared beside the project")
    root = os.path.dirname(HERE)
    with tempfile.TemporaryDirectory() as tmp:
        script = COPYDESK.format(corpus=CORPUS, root=root)
        ours = (_count(script, args.n, tmp) - _count(script, 0, tmp)) / args.n
        print(f"copydesk: {ours / 1e6:.1f} million instructions an article ({args.n} articles)")
        import importlib.util

        if importlib.util.find_spec("proselint") is None:
            print("proselint: not installed (pip install proselint), so no ratio")
            return
        k = max(1, args.n // 4)
        theirs = (_count(PROSELINT.format(corpus=CORPUS), k, tmp) - _count(PROSELINT.format(corpus=CORPUS), 0, tmp)) / k
        print(f"proselint: {theirs / 1e6:.1f} million instructions an article ({k} articles); "
              f"copydesk does {theirs / ours:.2f}× less work an article")


if __name__ == "__main__":
    main()
