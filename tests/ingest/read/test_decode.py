from pathlib import Path

import pytest

from ingest.read.decode import Decoded, Undecodable, decode_bytes

ENCODINGS = Path(__file__).resolve().parents[2] / "fixtures" / "quarantine"


def decode_fixture(name: str) -> Decoded | Undecodable:
    return decode_bytes((ENCODINGS / name).read_bytes())


def test_cp1251_russian_text_is_decoded():
    result = decode_fixture("cp1251_russian.txt")
    assert isinstance(result, Decoded)
    assert result.encoding == "cp1251"
    assert "Костанай" in result.text and "автомобилей" in result.text


@pytest.mark.parametrize("name", ["utf16le_bom.txt", "utf16be_bom.txt", "utf8_bom.txt"])
def test_byte_order_marks_are_honoured_and_dropped(name):
    result = decode_fixture(name)
    assert isinstance(result, Decoded)
    assert result.text.startswith("Kia plant opens in Kostanay\n")


def test_windows_quotes_survive_as_curly_quotes():
    result = decode_fixture("cp1252_quotes.txt")
    assert isinstance(result, Decoded)
    assert "Kazakhstan’s output “rose”" in result.text


def test_mojibake_is_repaired():
    result = decode_fixture("latin1_mojibake.txt")
    assert isinstance(result, Decoded)
    assert result.text == "Café de la République, Almaty.\n"


def test_crlf_becomes_lf():
    result = decode_fixture("crlf_lines.txt")
    assert isinstance(result, Decoded)
    assert result.text == "Title line\nFirst sentence here.\nSecond line.\n"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty"),
        ("whitespace_only.txt", "empty"),
        ("png_renamed.txt", "binary"),
        ("nul_bytes.txt", "binary"),
    ],
)
def test_files_that_are_not_text_are_refused_with_a_reason(name, reason):
    result = decode_fixture(name)
    assert isinstance(result, Undecodable)
    assert result.reason == reason
    assert result.message.endswith(".")
