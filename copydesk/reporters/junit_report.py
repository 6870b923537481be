"""JUnit XML: one test suite per file, a failing test case per finding, a passing case for a
clean file."""

from __future__ import annotations

from xml.etree import ElementTree as ET
from .. import recache

# XML 1.0 cannot hold these characters at all, escaped or not: a draft's stray control
# character is written as its Python escape ("\x1b") instead.
_NOT_XML = recache.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(text: str) -> str:
    return _NOT_XML.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def render(report) -> str:
    root = ET.Element("testsuites", name="copydesk")
    total = failures = 0
    for r in report.results:
        path = _x(r.path)
        suite = ET.SubElement(root, "testsuite", name=path)
        cases = 0
        fails = 0
        for f in r.findings:
            case = ET.SubElement(suite, "testcase", name=f"{f.rule} at {f.line}:{f.column}", classname=path,
                                 file=path, line=str(f.line))
            failure = ET.SubElement(case, "failure", message=_x(f.message), type=f.severity)
            failure.text = _x(f"{r.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}\n    {f.excerpt}")
            cases += 1
            fails += 1
        if not r.findings:
            ET.SubElement(suite, "testcase", name="no findings", classname=path, file=path)
            cases = 1
        suite.set("tests", str(cases))
        suite.set("failures", str(fails))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        total += cases
        failures += fails
    for message in report.errors:
        suite = ET.SubElement(root, "testsuite", name=_x(message.split(":", 1)[0]), tests="1", failures="0", errors="1",
                              skipped="0")
        case = ET.SubElement(suite, "testcase", name="read", classname="copydesk")
        ET.SubElement(case, "error", message=_x(message))
        total += 1
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", str(len(report.errors)))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
