from bot.export.sanitize import clean_text, escape_markdown, neutralise_cell, one_line


def test_clean_text_removes_controls_and_bidi_but_keeps_lines_and_words():
    assert clean_text("a\x00b\x1b[31mc\x7f\x85d\u202ee\r\nf\rg\th") == "ab[31mcde\nf\ng\th"
    assert clean_text("") == "" and clean_text(None) == ""
    assert clean_text("héllo 👋🏽 你好 مرحبا") == "héllo 👋🏽 你好 مرحبا"  # letters and emoji stay
    assert one_line("  two\nlines\t here ") == "two lines here"


def test_escape_markdown_escapes_inline_and_line_start_syntax():
    assert escape_markdown("*a* _b_ `c` [d](e) <f> #g |h| ~i~ &j;") == \
        r"\*a\* \_b\_ \`c\` \[d\](e) \<f\> \#g \|h\| \~i\~ \&j;"
    assert escape_markdown("- a\n+ b\n= c\n  12. d\n3) e") == "\\- a\n\\+ b\n\\= c\n  12\\. d\n3\\) e"
    assert escape_markdown("well-known 3.5 a+b") == "well-known 3.5 a+b"  # mid-line stays readable


def test_neutralise_cell():
    for hostile in ("=1+1", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1", "  =1"):
        assert str(neutralise_cell(hostile)).startswith("'"), hostile
    assert neutralise_cell("fine") == "fine"
    assert neutralise_cell(-1) == -1 and neutralise_cell(2.5) == 2.5  # numbers we wrote stay numbers
    assert neutralise_cell(None) == ""
