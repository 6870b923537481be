"""Hypothesis strategies for drafts that mix the faults copydesk looks for with the things that
make positions hard: Markdown, front matter, no-break spaces, combining characters, emoji,
right-to-left text and every kind of line ending."""

from hypothesis import strategies as st

PIECES = [
    "UK News", "Share this with Twitter", "Published 2 days ago", "British Queen celebrates",
    "Mr. Smith said so.", "Dr. Jones", "St. Albans", "the color of the center", "COLOR", "Organize",
    "“We will win,” she said.", "“unclosed quote", "closing only”", "‘single’", "\"straight\"",
    "Belarus’s", "let’s", "’90s", "rock ’n’ roll", "the Jones’ house", "o'clock",
    "Photo by Alex Zelenko, Wikimedia commons.", "Photograph: Jane Doe/Getty", "(AP Photo/Sam Gold)",
    "Sources close to the minister said", "he claimed", "judgement", "judgment", "per cent", "percent",
    "\u00a0", "&nbsp;", "<br>", "\u200b", "e\u0301", "👩‍🍳", "שלום עולם", "مرحبا", "佐藤", "Zoë",
    "**bold**", "*it*", "`code`", "[link](http://example.org)", "![img](a.jpg)", "<!-- note -->",
    "<!-- copydesk-disable-next-line -->", "copydesk-disable style", "# Heading", "> quote", "- item",
    "1. item", "```", "---", "title: x", "and", "on the", "which", ".", ",", ":", "\t", " ",
    "<p>", "</p>", "<h1>", "</h1>", "<li>", "<blockquote>", "</blockquote>", "<nav>", "</nav>", "<figure>",
    "<figcaption>", "</figcaption>", "<script>", "</script>", "<img src=\"a.jpg\">", "&ldquo;", "&rsquo;", "&#160;",
    "<a href=\"x\">", "</a>", "<!--", "-->", "<br/>", "&amp", "<",
]
# Markup inside words, references without ";", entities a browser reads either way.
HOSTILE = [
    "col**or**", "colo<!-- x -->r", "col<b>or</b>", "colo&#114", "colo&#114;", "Mr&#46 Smith", "Mr&#46; Smith",
    "Mr&#x2E Smith", "AT&T “were; fine”", "AT&amp T", "&ampx", "col`or`", "M<b>r.</b> Smith", "Mr<!-- -->. Smith",
    "c_ol_or", "colo\\r", "<svg/>", "<code/>", "<pre>", "</pre>", "<head>", "<title>", "</title>", "<body>",
    "Share<span>", "</span>", "<div>", "</div>", "Advertisement", "Mr.", "color",
]
NEWLINES = ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\n \n"]

drafts = st.lists(
    st.one_of(st.sampled_from(PIECES), st.sampled_from(NEWLINES), st.text(max_size=8)),
    max_size=40,
).map("".join)

hostile_drafts = st.lists(
    st.one_of(st.sampled_from(HOSTILE), st.sampled_from(PIECES), st.sampled_from(NEWLINES), st.text(max_size=4)),
    max_size=30,
).map("".join)

