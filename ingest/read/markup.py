"""Articles saved as HTML (a web page written to a `.txt` file): their text, without markup."""

from __future__ import annotations

import re

# Tags that only web pages carry; a handful of them means the file is markup, not prose.
PAGE_TAG = re.compile(
    r"<(?:!doctype\s+html|/?(?:html|head|body|p|div|span|br|a|h[1-6]|script|style|meta|link|"
    r"article|section|header|footer|nav|li|ul|ol|table|tr|td|img|strong|em|b|i)\b)[^>]{0,2000}>",
    re.IGNORECASE,
)
MIN_PAGE_TAGS = 5
# Elements that hold no article text.
NOT_TEXT = (
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
    "select",
)
BLOCKS = (
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "tr",
    "table",
    "article",
    "section",
    "blockquote",
    "pre",
    "figcaption",
    "main",
    "title",
)
SPACES = re.compile(r"[ \t\f\v\u00a0]+")
BLANK_LINES = re.compile(r"\n{3,}")


def looks_like_markup(text: str) -> bool:
    """Whether the text is an HTML page rather than an article with a stray `<` in it."""
    head = text[:4096].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")):
        return True
    for count, _ in enumerate(PAGE_TAG.finditer(text, 0, 200_000), start=1):
        if count >= MIN_PAGE_TAGS:
            return True
    return False


def markup_to_text(text: str) -> str:
    """The visible text of an HTML page: its title on the first line (unless a heading gives
    it), then one block (heading, paragraph, list item) per paragraph."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    heading = soup.find("h1")
    # A page's <title> carries the site's name too; its first heading is the article's title.
    title = "" if heading or not soup.title else soup.title.get_text(" ", strip=True)
    for element in soup.find_all(NOT_TEXT):
        element.decompose()
    if soup.title:
        soup.title.decompose()
    for element in soup.find_all("br"):
        element.replace_with("\n")
    for element in soup.find_all(BLOCKS):
        element.insert_before("\n\n")
        element.insert_after("\n\n")
    lines = [SPACES.sub(" ", line).strip() for line in soup.get_text().split("\n")]
    body = BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
    first_line = body.split("\n", 1)[0] if body else ""
    if title and title != first_line and body:
        return f"{title}\n\n{body}\n"
    return f"{body}\n" if body else ""
