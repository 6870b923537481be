"""Word drafts (.docx). package.py opens the zip package with limits and parses its XML with
no entity or DTD; reading.py reads the document part into the text copydesk checks, each
character mapped back to its run and each paragraph with its style; writing.py writes fixes
back as tracked changes and findings as comments, changing no other part of the package.

A draft's text is its paragraphs in document order (body, tables, text boxes), each followed by
a blank line; a soft line break is "\\n" inside its paragraph. Places are given as paragraph
numbers and characters within the paragraph (story.docx:¶12:34)."""
