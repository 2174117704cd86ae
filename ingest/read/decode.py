"""Turn the bytes of a file into clean Unicode text, or say why that is impossible."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from ingest.read.markup import looks_like_markup, markup_to_text

# Signatures of common binary formats that scrapers save by mistake.
BINARY_MAGIC = (
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"%PDF",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"\x7fELF",
    b"BM",
    b"RIFF",
    b"\x00\x00\x01\x00",
    b"OggS",
    b"ID3",
)
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Encodings a scraper produces for our region's news, tried by the detector.
CANDIDATE_ENCODINGS = ["cp1251", "cp1252", "latin_1", "koi8_r", "utf_16_le", "utf_16_be", "cp866"]


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


@dataclass(frozen=True)
class Undecodable:
    reason: str
    message: str


# Control, surrogate and private-use characters (Unicode categories Cc, Cs, Co) other than
# the line and tab controls text uses.
CONTROL_CHARS = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff"
    "\U000f0000-\U000ffffd\U00100000-\U0010fffd]"
)
# What ftfy repairs besides mojibake: HTML entities, terminal escapes, control characters.
NEEDS_FTFY = re.compile("[&\x1b\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    return len(CONTROL_CHARS.findall(text)) / len(text)


def _needs_repair(text: str) -> bool:
    """Whether ftfy has anything to repair: most text is clean, and ftfy is slow."""
    if NEEDS_FTFY.search(text):
        return True
    if text.isascii():
        return False
    from ftfy.badness import is_bad

    return is_bad(text)


def _looks_utf16_without_bom(raw: bytes) -> str | None:
    sample = raw[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_nuls = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _detect(raw: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=CANDIDATE_ENCODINGS).best()
    if best is None:
        return None
    return str(best), best.encoding


def clean_text(text: str) -> str:
    """Repair mojibake, unify line breaks and normalise to NFC; quotes stay as written."""
    if _needs_repair(text):
        import ftfy

        config = ftfy.TextFixerConfig(
            uncurl_quotes=False,
            fix_latin_ligatures=False,
            fix_character_width=False,
            normalization="NFC",
            explain=False,
        )
        text = ftfy.fix_text(text, config)
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def decode_bytes(raw: bytes) -> Decoded | Undecodable:
    """Decode a file's bytes, detecting the encoding and rejecting what is not text."""
    if not raw.strip(b" \t\r\n\x00\x0b\x0c"):
        return Undecodable("empty", "The file is empty or holds only white space.")
    if raw.startswith(BINARY_MAGIC):
        return Undecodable("binary", "The file is a binary file (an image, archive or document).")

    text: str | None = None
    encoding = ""
    for bom, codec in BOMS:
        if raw.startswith(bom):
            try:
                text, encoding = raw.decode(codec), codec
            except UnicodeDecodeError:
                return Undecodable(
                    "undecodable",
                    f"The file starts with a {codec} mark "
                    "but its bytes are not valid in that encoding.",
                )
            break
    if text is None:
        guessed = _looks_utf16_without_bom(raw)
        if guessed:
            try:
                text, encoding = raw.decode(guessed), guessed
            except UnicodeDecodeError:
                text = None
    if text is None and b"\x00" in raw:
        return Undecodable("binary", "The file holds NUL bytes, so it is not a text file.")
    if text is None:
        try:
            text, encoding = raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            detected = _detect(raw)
            if detected is None:
                return Undecodable("undecodable", "No text encoding fits the file's bytes.")
            text, encoding = detected

    if _control_ratio(text) > 0.05:
        return Undecodable("binary", "The file is mostly control characters, not text.")
    text = text.lstrip("\ufeff")
    if looks_like_markup(text):
        text = markup_to_text(text)
        if not text.strip():
            return Undecodable(
                "markup_only", "The file is an HTML page with no article text in it."
            )
    text = clean_text(text)
    if not text.strip():
        return Undecodable("empty", "The file holds no visible text.")
    return Decoded(text=text, encoding=encoding)
