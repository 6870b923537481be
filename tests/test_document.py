from copydesk.document import Document
from copydesk.decoding import decode


def test_decode_utf8_with_and_without_bom():
    assert decode("café".encode()).text == "café"
    d = decode(b"\xef\xbb\xbfcaf\xc3\xa9")
    assert d.text == "café" and d.bom


def test_decode_invalid_utf8_falls_back_and_records_first_bad_byte():
    d = decode(b"caf\xc3\xa9 \x93quoted\x94 text \x81")
    assert d.encoding == "utf-8+cp1252"
    # valid UTF-8 stays as it is; each bad byte becomes one character
    assert d.text == "caf\u00e9 \u201cquoted\u201d text \ufffd"
    assert d.bad_byte == 5


def test_line_endings_lf_crlf_cr_and_mixed():
    for nl in ("\n", "\r\n", "\r"):
        doc = Document(f"one{nl}two{nl}three", "a.txt")
        assert doc.position(doc.text.index("two")) == (2, 1)
        assert doc.position(doc.text.index("three") + 2) == (3, 3)
    doc = Document("a\r\nb\rc\nd", "a.txt")
    assert [doc.position(doc.text.index(c))[0] for c in "abcd"] == [1, 2, 3, 4]


def test_columns_count_code_points():
    doc = Document("👩‍🍳 Zoë said", "a.txt")
    # the emoji is three code points (woman, joiner, cook)
    assert doc.position(doc.text.index("Zoë")) == (1, 5)


def test_plain_text_blocks_and_headline():
    doc = Document("Headline here\n\nFirst paragraph\ngoes on.\n\n\u00a0\n\nSecond.\n", "a.txt")
    kinds = [b.kind for b in doc.blocks]
    assert kinds == ["headline", "paragraph", "blank", "paragraph"]
    para = doc.blocks[1]
    assert para.text == "First paragraph goes on."
    # the soft line break maps back to the newline
    i = para.text.index(" goes")
    assert doc.text[slice(*para.prose.source_span(i, i + 1))] == "\n"


def test_markdown_blocks_prose_and_map_back():
    src = (
        "---\ntitle: \"Fares frozen\"\nauthor: Lena\n---\n\n# Heading *one*\n\n"
        "Some **bold** and a [link](http://x.org) and `code` &amp; more\nsecond line.\n\n"
        "> quoted line\n> more\n\n- item one\n  continued\n1. numbered\n\n```\ncode \"here\n```\n\n"
        "<!-- a comment -->\n"
    )
    doc = Document(src, "a.md")
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds == [
        ("headline", "Fares frozen"),
        ("front_matter", "Lena"),
        ("heading", "Heading one"),
        ("paragraph", "Some bold and a link and  & more second line."),
        ("blockquote", "quoted line more"),
        ("list_item", "item one continued"),
        ("list_item", "numbered"),
        ("code", ""),
        ("comment", ""),
    ]
    para = doc.blocks[3]
    for i, ch in enumerate(para.text):
        s, e = para.prose.source_span(i, i + 1)
        if ch == "&":
            assert doc.text[s:e] == "&amp;"
        elif ch != " ":
            assert doc.text[s:e] == ch
    s, e = para.prose.source_span(para.text.index("link"), para.text.index("link") + 4)
    assert doc.text[s:e] == "link"


def test_quote_spans_are_marked_per_block():
    doc = Document("Head\n\n“We will win,” she said. Let’s see.\n", "a.txt")
    q = doc.blocks[1].quotes
    assert len(q.quotes) == 1 and q.quotes[0].close is not None
    assert doc.blocks[1].text[q.quotes[0].start : q.quotes[0].end] == "“We will win,”"
    assert len(q.apostrophes) == 1


def test_directives_in_markdown_and_plain_text():
    doc = Document("<!-- copydesk-disable style layout -->\ntext\n", "a.md")
    assert doc.directives[0].action == "disable" and doc.directives[0].rules == ("style", "layout")
    doc = Document("Head\n\ncopydesk-disable-next-line\ntext\n", "a.txt")
    assert doc.directives[0].action == "disable-next-line" and doc.directives[0].rules == ()
    assert all(b.kind != "paragraph" or "copydesk" not in b.text for b in doc.blocks)
