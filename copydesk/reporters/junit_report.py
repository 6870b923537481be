"""JUnit XML: one test suite per file, a failing test case per finding, a passing case for a
clean file."""

from __future__ import annotations

from xml.etree import ElementTree as ET


def render(report) -> str:
    root = ET.Element("testsuites", name="copydesk")
    total = failures = 0
    for r in report.results:
        suite = ET.SubElement(root, "testsuite", name=r.path)
        cases = 0
        fails = 0
        for f in r.findings:
            case = ET.SubElement(suite, "testcase", name=f"{f.rule} at {f.line}:{f.column}", classname=r.path,
                                 file=r.path, line=str(f.line))
            failure = ET.SubElement(case, "failure", message=f.message, type=f.severity)
            failure.text = f"{r.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}\n    {f.excerpt}"
            cases += 1
            fails += 1
        if not r.findings:
            ET.SubElement(suite, "testcase", name="no findings", classname=r.path, file=r.path)
            cases = 1
        suite.set("tests", str(cases))
        suite.set("failures", str(fails))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        total += cases
        failures += fails
    for message in report.errors:
        suite = ET.SubElement(root, "testsuite", name=message.split(":", 1)[0], tests="1", failures="0", errors="1", skipped="0")
        case = ET.SubElement(suite, "testcase", name="read", classname="copydesk")
        ET.SubElement(case, "error", message=message)
        total += 1
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", str(len(report.errors)))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
