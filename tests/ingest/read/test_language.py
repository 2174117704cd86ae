"""Each article's language, detected offline; the Cyrillic languages of the region apart."""

import pytest

from ingest.read.language import detect_language

TEXTS = {
    "en": "Kazakhstan produced 11,700 vehicles in July 2025, the ministry said.",
    "ru": "По итогам ноября 2025 года в стране было продано 25,8 тыс. легковых автомобилей.",
    "kk": "Қостанай облысында 2025 жылы жүз мыңнан астам көлік шығарылды, деді министрлік.",
    "uz": "Ўзбекистонда 2024 йилда беш юз минг автомобиль ишлаб чиқарилди, деди вазирлик.",
    "ky": "Кыргызстанда 2025-жылы он беш миң электромобиль катталды, деп билдирди министрлик.",
}


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_a_short_text_is_told_apart(language):
    assert detect_language(TEXTS[language]) == language


def test_the_title_line_and_embedded_data_do_not_decide():
    text = (
        "Rynok avtomobilej v Uzbekistane prosel\n"
        "<image>data:image/png;base64," + "iVBORw0KGgoAAAANSUhEUgAA" * 20 + "</image>\n"
        "Продажи автомобилей в Узбекистане за сентябрь 2024 года составили 110,1 тыс.\n"
    )
    assert detect_language(text) == "ru"


def test_a_text_without_letters_has_no_language():
    assert detect_language("12,400 / 2025 — 3.5%") is None
