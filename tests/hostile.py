"""Hostile strings: text a segment may hold as a literal, or a table may be named, that breaks
SQL built by gluing strings (quotes, comments, statement ends, escapes, wildcards, control
characters, bidirectional marks, emoji, very long text). Used by tests/test_hostile.py.
"""

from __future__ import annotations

_QUOTES = ["'", '"', "`", "''", '""', "\\'", '\\"', "'\"", "´", "‘", "’", "“", "”", "＇", "ʼ", "O'Brien",
           'say "hi"', "it's", "'a'", '"a"', "`a`", "[a]", "'')", "'||'", "' || '", "$$", "$a$", "$$'$$"]
_BACKSLASHES = ["\\", "\\\\", "a\\", "\\a", "\\n", "\\t", "\\0", "\\x00", "\\u0000", "\\N", "\\.", "C:\\temp\\",
                "\\%", "\\_", "\\\\'", "\\'\\'", "\\Z", "\\b"]
_COMMENTS = ["--", "-- x", "a -- b", "/*", "*/", "/* x */", "*/ OR 1=1 /*", "#", "# x", "--\n", "/*!50000 x*/",
             "{fn x}", "{d '2020-01-01'}"]
_STATEMENTS = ["; DROP TABLE hostile", "'; DROP TABLE hostile; --", "\"; DROP TABLE hostile; --",
               "'); DROP TABLE hostile; --", "' OR '1'='1", "' OR 1=1 --", "\" OR \"\"=\"", "1; SELECT 1",
               "' UNION SELECT 1 --", "'; SELECT pg_sleep(10); --", "';SHUTDOWN;--", "$$; DROP TABLE x; $$",
               "%s", "%(name)s", "%%", "?", ":name", "@var", "${x}", "{{x}}", "{0}", "\\g", "GO", ";", "';'"]
_WILDCARDS = ["%", "_", "a%", "%a", "a_b", "100%", "_%_", "[%]", "[_]", "[!a]", "[^a]", "*", "?a", "!%", "~%",
              "^", "%%%", "__"]
_REGEX = [".", ".*", "a.b", "(", ")", "()", "[", "]", "{", "}", "a{2}", "+", "a+", "|", "a|b", "^$", "$", "\\d",
          "(?i)", "(?i)A", "[[:alpha:]]", "\\w+", "a**", ".+?", "(?=a)"]
_WHITESPACE = [" ", "  ", "a ", " a", "a  ", "\t", "\n", "\r", "\r\n", "a\nb", "a\r\nb", "\x0b", "\x0c", "\x1b[31m",
               "\x01", "\x02", "\x07", "\x08", "\x1f", "\x7f", "\u0085", "\u00a0", "\u2028", "\u2029", "\u3000"]
_NUL = ["\x00", "a\x00b", "\x00\x00", "a\x00", "\x00'; DROP TABLE hostile; --"]
_UNICODE = ["\u200f", "\u200e", "\u202e", "abc\u202edcba", "\u2066a\u2069", "\u200b", "a\u200bb", "\ufeff",
            "\ufeffa", "e\u0301", "é", "İ", "ı", "ß", "ẞ", "Σ", "ς", "ﬀ", "ǅ", "😀", "👩\u200d👩\u200d👧",
            "🇵🇱", "a😀b", "\U0001f600'", "中文", "مرحبا", "שלום", "ไทย", "Ｓｅｌｅｃｔ", "\ufffd", "\U0010fffd",
            "\u0300", "a\u0308", "Å", "Å", "ﬁle"]
_WORDS = ["", "NULL", "null", "None", "true", "false", "0", "1", "-1", "1.0", "1e309", "NaN", "0x41", "SELECT",
          "select * from hostile", "DROP", "\\N", "\\.", "\\.\n", "END", "CASE", "hostile", "id", "s"]
_LONG = ["a" * 10_000, "'" * 5_000, "\\" * 5_000, "%" * 10_000, "😀" * 2_600, ("a'b\"c\\d" * 1_500)[:10_000],
         "x" * 9_999 + "'", "'" + "x" * 10_239]


def hostile_strings() -> list[str]:
    """At least 200 distinct strings: each family alone, and each short one inside other text."""
    singles = _QUOTES + _BACKSLASHES + _COMMENTS + _STATEMENTS + _WILDCARDS + _REGEX + _WHITESPACE + _NUL + \
        _UNICODE + _WORDS + _LONG
    wrapped = [f"x{s}y" for s in _QUOTES[:10] + _BACKSLASHES[:8] + _WILDCARDS[:8] + _REGEX[:8]]
    seen: dict[str, None] = {}
    for s in singles + wrapped:
        seen.setdefault(s)
    return list(seen)


HOSTILE = hostile_strings()
assert len(HOSTILE) >= 200, len(HOSTILE)


def literal(text: str) -> str:
    """`text` as a segdsl string literal: quotes and backslashes escaped, control characters as \\u escapes."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or 0x7f <= ord(ch) < 0xa0 or ch in "\u2028\u2029":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'
