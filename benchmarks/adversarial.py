"""Hostile draft shapes against size: each shape is written at several sizes and checked by the
command line in a fresh process, which reports its time and peak memory. Time should grow in
step with size (about 2x for 2x), stay under 2 s per MB, and a 10 MB draft under 300 MB.

    python benchmarks/adversarial.py               # 0.25, 0.5 and 1 MB
    python benchmarks/adversarial.py --sizes 1,10  # sizes in MB
    python benchmarks/adversarial.py --shape quotes-straight --sizes 2

Each case has a time limit (--timeout, 120 s); a case over it prints "timeout".
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


def repeat(unit: str, head: str = "", tail: str = ""):
    def make(size: int) -> str:
        n = max(1, (size - len(head) - len(tail)) // len(unit.encode("utf-8")))
        return head + unit * n + tail
    return make


def nested_list(size: int) -> str:
    lines, total, depth = [], 0, 0
    while total < size:
        line = "  " * (depth % 4000) + "- item\n"
        lines.append(line)
        total += len(line)
        depth += 1
    return "".join(lines)


def nested_html(size: int) -> str:
    n = size // 12
    return "<p>" + "<span>" * n + "Mr. Smith said" + "</span>" * n + "</p>\n"


def many_names(size: int) -> str:
    """A paragraph per person, each with a new surname, an age, a title and an organisation:
    100,000 names in 10 MB (the consistency rules group names by key and must stay linear)."""
    firsts = ("Alison", "Tom", "Priya", "Aleksandr", "Alexander", "Jane", "Mohammed", "Anna")
    letters = "abcdefghijklmnopqrstuvwxyz"
    parts, total, i = ["Headline\n\n"], 0, 0
    while total < size:
        tag = "".join(letters[(i // 26 ** k) % 26] for k in range(4))
        surname = "Whit" + tag
        para = (f"{firsts[i % len(firsts)]} {surname}, {20 + i % 60}, of {surname.title()} United said "
                f"{'Mrs' if i % 3 else 'Ms'} {surname} met Gaddafi yesterday (Tuesday).\n\n")
        parts.append(para)
        total += len(para)
        i += 1
    return "".join(parts)


# name: (file suffix, maker)
SHAPES = {
    "prose": (".txt", repeat("The council said “we will meet again on Monday”, and Mr. Smith agreed. "
                             "The plan was approved by 12 votes to three.\n\n", "Headline\n\n")),
    "quotes-straight": (".txt", repeat('"', "Headline\n\n")),
    "quotes-alternating": (".txt", repeat("“a” ", "Headline\n\n")),
    "quotes-mixed": (".txt", repeat("“‘\"'’” ", "Headline\n\n")),
    "quotes-one-in-nine": (".txt", repeat('he said "yes" and ', "Headline\n\n")),
    "quotes-no-verb": (".txt", repeat("the “Big plan was agreed today” went ahead and ", "Headline\n\n")),
    "comment-opens": (".md", repeat("x <!-- ")),
    "image-opens": (".md", repeat("![a ")),
    "abbreviations": (".txt", repeat("visited St. Albans and ")),
    "protected-then-spelling": (".txt", repeat("the Labour Party color ")),
    "no-full-stop": (".txt", repeat("the council said it would ", "Headline\n\n")),
    "one-line-no-space": (".txt", repeat("x")),
    "numbers": (".txt", repeat("3 people saw twelve boats, 10000 fans and 5% or 6 per cent on the 1th ", "Headline\n\n")),
    "numbers-sentences": (".txt", repeat("3 people came. ", "Headline\n\n")),
    "number-words": (".txt", repeat("twelve people came and twelve boats sailed and ", "Headline\n\n")),
    "digits": (".txt", repeat("1234567890")),
    "short-lines": (".txt", repeat("Share\n")),
    "blank-paragraphs": (".txt", repeat("A line.\n\n")),
    "blockquote-depth": (".md", repeat("> ", tail="text\n")),
    "list-depth": (".md", nested_list),
    "html-nesting": (".html", nested_html),
    "html-unclosed": (".html", repeat("<p><b><i>Mr. Smith said the color ")),
    "html-attribute-open": (".html", repeat("<a b='x ")),
    "html-comment-open": (".html", repeat("<p>x <!-- ")),
    "html-pi-open": (".html", repeat("x <? ")),
    "html-heads": (".html", repeat("<head><title>x</title><meta>")),
    "entities-no-semicolon": (".html", repeat("AT&T “were; fine&amp ")),
    "references-no-semicolon": (".html", repeat("Mr&#46 Smith colo&#114 ")),
    "suppressions-next-line": (".txt", repeat("copydesk-disable-next-line style.spelling\ncolor\n\n", "Head\n\n")),
    "suppressions-pairs": (".md", repeat("<!-- copydesk-disable style -->\n<!-- copydesk-enable style -->\n\n", "Head\n\n")),
    "front-matter-only": (".md", repeat("key: value\n", "---\n")),
    "control-characters": (".txt", repeat("a\x1b[31mb\x07 ")),
    "many-names": (".md", many_names),
}


def one(shape: str, size_mb: float) -> dict:
    """Run in a child process: write the draft, check it with the CLI, report time and memory."""
    import resource

    from copydesk.cli import main as cli

    suffix, make = SHAPES[shape]
    text = make(int(size_mb * 1048576))
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "draft" + suffix)
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        warm = os.path.join(d, "warm" + suffix)
        with open(warm, "w", encoding="utf-8") as fh:
            fh.write("Headline\n\nMr. Smith said “it is fine”.\n")
        try:  # load every checker before the clock starts
            cli.main(["check", "--quiet", warm], standalone_mode=False)
        except SystemExit:
            pass
        before = _peak_kb() or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t0 = time.perf_counter()
        try:
            cli.main(["check", "--quiet", "--max-size", "100", path], standalone_mode=False)
        except SystemExit:
            pass
        dt = time.perf_counter() - t0
        peak = _peak_kb() or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": dt, "peak_mb": peak / 1024, "start_mb": before / 1024, "bytes": len(text.encode())}


def _peak_kb() -> int:
    """This process's peak resident memory (VmHWM, which, unlike ru_maxrss, is not carried
    over from the process that started it)."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="0.25,0.5,1", help="sizes in MB, comma-separated")
    ap.add_argument("--shape", action="append", help="only this shape (repeatable)")
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--one", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(args.one[0], float(args.one[1]))))
        return
    sizes = [float(s) for s in args.sizes.split(",")]
    shapes = args.shape or list(SHAPES)
    print(f"{'shape':26s} {'MB':>6s} {'seconds':>8s} {'s/MB':>6s} {'x prev':>7s} {'peak MB':>8s}")
    worst = 0.0
    for shape in shapes:
        prev = None
        for size in sizes:
            try:
                out = subprocess.run([sys.executable, __file__, "--one", shape, str(size)], capture_output=True,
                                     text=True, timeout=args.timeout, cwd=ROOT)
            except subprocess.TimeoutExpired:
                print(f"{shape:26s} {size:6g} {'timeout':>8s}")
                worst = float("inf")
                break
            if out.returncode != 0 or not out.stdout.strip():
                print(f"{shape:26s} {size:6g} failed: {out.stderr.strip().splitlines()[-1:]}")
                break
            r = json.loads(out.stdout.strip().splitlines()[-1])
            mb = r["bytes"] / 1048576
            per = r["seconds"] / mb
            worst = max(worst, per)
            growth = f"{r['seconds'] / prev:.1f}" if prev else ""
            print(f"{shape:26s} {mb:6.2f} {r['seconds']:8.2f} {per:6.2f} {growth:>7s} {r['peak_mb']:8.0f}")
            prev = r["seconds"]
    print(f"\nworst: {worst:.2f} s per MB")


if __name__ == "__main__":
    main()
