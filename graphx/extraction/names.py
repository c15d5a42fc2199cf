"""How one actor's name is written: transliteration variants of Arabic names and the shape of
an abbreviation. Pure string functions (no model), used by the mention finder."""

from __future__ import annotations


def is_abbreviation(text: str) -> bool:
    """ "KIA", "HTS", "PMF", "5th" is not: two to eight capitals, digits or hyphens."""
    return (
        2 <= len(text) <= 8
        and sum(c.isupper() for c in text) >= 2
        and all(c.isupper() or c.isdigit() or c == "-" for c in text)
    )


def transliterations(text: str) -> set[str]:
    """How the press writes one Arabic name in Latin letters: "Kata'ib al-Imam Ali" is also
    "Kataib al-Imam Ali", "Kataib al Imam Ali" and "Kataib Imam Ali" (the article written
    apart or dropped inside the name, never before it: "al-Qaeda" stays)."""
    words = text.replace("’", "'").split()
    if len(words) < 2:
        return set()
    unquoted = [w.replace("'", "") if w[:1].isupper() else w for w in words]
    forms = {" ".join(unquoted)}
    for source in (words, unquoted):
        spaced = [part for w in source for part in _article_apart(w)]
        forms.add(" ".join(spaced))
        dropped = [source[0], *(w[3:] if w.lower().startswith("al-") else w for w in source[1:])]
        if all(dropped):
            forms.add(" ".join(dropped))
    return {form for form in forms if form != text}


def _article_apart(word: str) -> list[str]:
    return ["al", word[3:]] if word.lower().startswith("al-") and len(word) > 3 else [word]


def surname_key(text: str) -> str | None:
    """The family name a short mention gives ("al-Abbasi", "Al Abbasi", "Abbasi" -> "abbasi"),
    or None when `text` is more than one name."""
    words = text.replace("’", "'").split()
    if len(words) == 2 and words[0].lower() in {"al", "el"}:
        words = [words[1]]
    if len(words) != 1:
        return None
    word = words[0]
    for article in ("al-", "el-"):
        if word.lower().startswith(article) and len(word) > len(article):
            word = word[len(article) :]
    return word.lower() if word[:1].isalpha() else None
