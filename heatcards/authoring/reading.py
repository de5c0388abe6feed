"""Reading a document file (plain text, Markdown, HTML, PDF) into a `DocumentText`: plain text with
paragraphs separated by a blank line, and the [start, end) offsets of each paragraph.

Plain text is kept as written (line endings made "\\n", trailing spaces and runs of blank lines
trimmed), so a file read twice, or read here and named by a deck file's hash, is the same document.
Markdown, HTML and PDF become one paragraph per block, the spaces inside it collapsed.
Everything that cannot be read raises `DocumentError`, naming the file, what is wrong and what to do.
"""
from __future__ import annotations

import codecs
import io
import re
import unicodedata
from collections.abc import Callable
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from ..errors import DocumentError
from .model import DocumentText

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
"""Larger files are refused before they are read: 20 MB is several thousand pages of text."""

_TITLE_LENGTH = 120  # a title taken from the first line is cut (at a word) beyond this
_BINARY_PROBE = 8192  # the bytes looked at for NUL bytes, which text never holds

_BOMS = (  # longest first: UTF-32's little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)|<\?xml[^>]*encoding\s*=\s*["']([-\w.:]+)""", re.IGNORECASE
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_LINE_BREAK = re.compile(r"\r\n?|[\v\f]")  # Windows and old Mac line ends; page and line feeds
_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")  # a run of non-empty lines
_SPACE = re.compile(r"\s+")


def read_document(path: Path | str) -> DocumentText:
    """The document in the file at `path`; its type comes from the file's extension
    (`SUPPORTED_SUFFIXES`). Raises DocumentError when it cannot be read."""
    path = Path(path)
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise DocumentError(
            f"cannot read {path}: files ending in {path.suffix or '(no extension)'!r} are not supported; "
            f"heatcards reads {', '.join(SUPPORTED_SUFFIXES)}"
        )
    data = _file_bytes(path)
    title, text = reader(data, path)
    if not text:
        raise DocumentError(f"cannot read {path}: it holds no text to make cards from")
    paragraphs = tuple((m.start(), m.end()) for m in _PARAGRAPH.finditer(text))
    return DocumentText(title or _first_line(text) or path.stem, path.name, text, paragraphs)


def _file_bytes(path: Path) -> bytes:
    """The file's bytes, refusing folders, empty files and files over the size limit (before reading them)."""
    try:
        if path.is_dir():
            raise DocumentError(f"cannot read {path}: it is a folder; give a document file")
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise DocumentError(_too_large(path, size))
        with path.open("rb") as file:
            data = file.read(MAX_DOCUMENT_BYTES + 1)  # a file growing, or a device, stops here too
    except OSError as error:
        raise DocumentError(f"cannot read {path}: {error.strerror or error}") from error
    if len(data) > MAX_DOCUMENT_BYTES:
        raise DocumentError(_too_large(path, len(data)))
    if not data:
        raise DocumentError(f"cannot read {path}: the file is empty")
    return data


def _too_large(path: Path, size: int) -> str:
    return (
        f"cannot read {path}: it is {size / 1024 / 1024:.1f} MB, over the {MAX_DOCUMENT_BYTES // 1024 // 1024} MB "
        "limit for documents; split it into smaller files"
    )


# --- text and encodings --------------------------------------------------------------
def _decoded(data: bytes, path: Path, declared: str | None = None) -> str:
    """The text of a file: by its byte order mark (UTF-8, UTF-16, UTF-32), else the encoding the
    file declares (HTML), else UTF-8. Binary files and bytes the encoding cannot read are refused."""
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if encoding is None:
        if b"\x00" in data[:_BINARY_PROBE]:
            raise DocumentError(f"cannot read {path}: it is a binary file, not text (it holds NUL bytes)")
        encoding = "utf-8"
        if declared is not None:
            try:
                encoding = codecs.lookup(declared).name
            except LookupError:
                raise DocumentError(
                    f"cannot read {path}: it declares the character encoding {declared!r}, which is not known; "
                    "save it as UTF-8 and try again"
                ) from None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        byte = error.object[error.start]
        raise DocumentError(
            f"cannot read {path}: byte 0x{byte:02X} at offset {error.start} is not {_encoding_name(encoding)} "
            f"(heatcards reads UTF-8, UTF-16 with a byte order mark, and the encoding an HTML file declares); "
            "save it as UTF-8 and try again"
        ) from None
    if "\x00" in text:
        raise DocumentError(f"cannot read {path}: it is a binary file, not text (it holds NUL characters)")
    return unicodedata.normalize("NFC", _CONTROL.sub("", _LINE_BREAK.sub("\n", text)))


def _encoding_name(codec_name: str) -> str:
    return {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32"}.get(codec_name, codec_name)


def _first_line(text: str) -> str:
    line = next((line.strip() for line in text.split("\n") if line.strip()), "")
    if len(line) <= _TITLE_LENGTH:
        return line
    return line[:_TITLE_LENGTH].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def _blocks_text(blocks: list[str]) -> str:
    """Blocks of text as paragraphs: spaces inside each collapsed, empty ones left out."""
    return "\n\n".join(filter(None, (_SPACE.sub(" ", block).strip() for block in blocks)))


# --- plain text -------------------------------------------------------------------------
def _read_plain(data: bytes, path: Path) -> tuple[str, str]:
    lines = [line.rstrip() for line in _decoded(data, path).split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return "", text


# --- Markdown ----------------------------------------------------------------------------
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")
_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)+")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+")
_TABLE_DIVIDER = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_INLINE = (  # in order: images before links, strong before emphasis
    (re.compile(r"`+([^`]*)`+"), r"\1"),
    (re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]"), ""),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]"), lambda m: m.group(1) or m.group(2)),
    (re.compile(r"<(https?://[^>\s]+|[^@>\s]+@[^>\s]+)>"), r"\1"),
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")
_ESCAPED_BASE = 0xF0000  # a backslash-escaped character waits in Unicode's private use plane meanwhile
_ESCAPED = re.compile("[\U000F0000-\U000F007F]")


def _markdown_inline(text: str) -> str:
    text = _ESCAPE.sub(lambda m: chr(_ESCAPED_BASE + ord(m.group(1))), text)
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return _ESCAPED.sub(lambda m: chr(ord(m.group()) - _ESCAPED_BASE), unescape(text))


def _read_markdown(data: bytes, path: Path) -> tuple[str, str]:
    """Markdown as plain text: headings, list items and paragraphs become paragraphs; emphasis, links
    (their text stays), images, code fences (dropped), quotes, rules and front matter are taken out."""
    lines = _decoded(data, path).split("\n")
    title = ""
    if lines and lines[0].strip() == "---" and "---" in (line.strip() for line in lines[1:]):
        end = next(i for i, line in enumerate(lines[1:], 1) if line.strip() == "---")
        title = next((m.group(1).strip().strip("\"'") for line in lines[1:end] if (m := re.match(r"title:\s*(.+)", line))), "")
        lines = lines[end + 1:]
    blocks: list[str] = []
    current: list[str] = []
    fence = ""

    def close() -> None:
        if current:
            blocks.append(_markdown_inline(" ".join(current)))
            current.clear()

    for line in lines:
        if fence:
            if line.strip().startswith(fence):
                fence = ""
            continue
        if opening := _FENCE.match(line):
            close()
            fence = opening.group(1)[0] * 3
            continue
        if heading := _ATX_HEADING.match(line):
            close()
            blocks.append(_markdown_inline(heading.group(2) or ""))
            title = title or blocks[-1].strip()
            continue
        if current and _SETEXT_UNDERLINE.match(line):
            close()
            title = title or blocks[-1].strip()
            continue
        if not line.strip() or _RULE.match(line) or _REFERENCE_DEFINITION.match(line) or _TABLE_DIVIDER.match(line):
            close()
            continue
        line = _QUOTE.sub("", line)
        if item := _LIST_ITEM.match(line):
            close()
            line = line[item.end():]
        if line.strip().startswith("|"):  # a table row: one paragraph, cells apart
            close()
            blocks.append(_markdown_inline(" · ".join(c.strip() for c in line.strip().strip("|").split("|"))))
            continue
        current.append(line.strip())
    close()
    return _SPACE.sub(" ", title).strip(), _blocks_text(blocks)


# --- HTML --------------------------------------------------------------------------------
_SKIPPED = frozenset({
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "svg", "template",
    "head", "iframe", "object", "select", "button", "canvas", "math", "dialog",
})
_BLOCKS = frozenset({
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
    "dd", "blockquote", "pre", "figure", "figcaption", "table", "tr", "caption", "br", "hr", "address", "details",
    "summary", "body", "html", "center",
})
_CELLS = frozenset({"td", "th"})
_MAIN = frozenset({"article", "main"})
_UNFINISHED_MARKUP = re.compile(r"<[A-Za-z/!?]")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


class _MainText(HTMLParser):
    """Collects an HTML page's visible text block by block, noting which blocks are inside an
    <article> or <main>, and the <title> and first <h1>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, bool]] = []  # (text, inside article/main)
        self.title = ""
        self.first_heading = ""
        self._open: list[str] = []  # elements open now (a lenient stack: stray end tags are ignored)
        self._skipping = 0  # how many skipped elements are open
        self._main = 0  # how many article/main elements are open
        self._in_title = False
        self._heading: list[str] | None = None
        self._current: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _VOID:
            if tag in _BLOCKS:
                self._break()
            return
        if tag == "title":
            self._in_title = True
        if tag == "body" and "head" in self._open:  # a <head> left open ends where the body starts
            self.handle_endtag("head")
        if tag in _BLOCKS:
            self._break()
        elif tag in _CELLS:
            self._current.append(" ")
        if tag == "h1" and not self.first_heading and not self._skipping:
            self._heading = []
        self._open.append(tag)
        self._skipping += tag in _SKIPPED
        self._main += tag in _MAIN

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in _BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag not in self._open:
            return
        while self._open:  # elements left open inside it close with it
            closed = self._open.pop()
            if closed in _BLOCKS:
                self._break()
            self._skipping -= closed in _SKIPPED
            self._main -= closed in _MAIN
            if closed == "h1" and self._heading is not None:
                self.first_heading = _SPACE.sub(" ", "".join(self._heading)).strip()
                self._heading = None
            if closed == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skipping:
            self._current.append(data)
            if self._heading is not None:
                self._heading.append(data)

    def _break(self) -> None:
        text = "".join(self._current)
        if text.strip():
            self.blocks.append((text, self._main > 0))
        self._current = []

    def close(self) -> None:
        # a tag, comment or declaration the page ends inside of is dropped, as a browser drops it
        # (the parser would hand it over as text)
        if _UNFINISHED_MARKUP.match(self.rawdata):
            self.rawdata = ""
        super().close()
        self._break()


def _read_html(data: bytes, path: Path) -> tuple[str, str]:
    """An HTML page's main text: the <article>s or <main> when it has them, without scripts, styles,
    navigation, headers, footers, asides and forms; each block element a paragraph."""
    declared = _DECLARED_CHARSET.search(data[:4096])
    charset = (declared.group(1) or declared.group(2)).decode("ascii") if declared else None
    parser = _MainText()
    parser.feed(_decoded(data, path, charset))
    parser.close()
    in_main = [text for text, inside in parser.blocks if inside]
    text = _blocks_text(in_main or [text for text, _ in parser.blocks])
    if not text:
        raise DocumentError(
            f"cannot read {path}: no readable text was found in this HTML (only scripts, styles, navigation "
            "or markup, or the HTML is broken); save the page's text as a .txt file and try that"
        )
    return _SPACE.sub(" ", parser.title).strip() or parser.first_heading, text


# --- PDF --------------------------------------------------------------------------------
_SENTENCE_END = re.compile(r"[.!?:…\"”’)]$")


def _pdf_page_blocks(page_text: str) -> list[str]:
    """A page's text layer as paragraphs: blank lines separate them, and so does a line that ends a
    sentence well short of the page's longest line; a word broken by a hyphen at a line end is joined."""
    lines = [line.strip() for line in page_text.split("\n")]
    longest = max((len(line) for line in lines), default=0)
    blocks: list[str] = []
    current = ""
    for line in lines:
        if not line:
            blocks.append(current)
            current = ""
            continue
        if current.endswith("-") and line[:1].islower() and current[-2:-1].isalpha():
            current = current[:-1] + line
        else:
            current = f"{current} {line}" if current else line
        if _SENTENCE_END.search(line) and len(line) < 0.8 * longest:
            blocks.append(current)
            current = ""
    blocks.append(current)
    return blocks


def _read_pdf(data: bytes, path: Path) -> tuple[str, str]:
    from pypdf import PdfReader  # only when a PDF is read
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(f"cannot read {path}: the PDF is protected by a password; save an unprotected copy")
        blocks = [block for page in reader.pages for block in _pdf_page_blocks(page.extract_text() or "")]
        title = (reader.metadata.title if reader.metadata else None) or ""
    except DocumentError:
        raise
    except (PyPdfError, ValueError, TypeError, KeyError, AttributeError, IndexError) as error:
        raise DocumentError(f"cannot read {path}: it is not a readable PDF ({error}); is it damaged?") from error
    text = _blocks_text(blocks)
    if not text:
        raise DocumentError(
            f"cannot read {path}: the PDF has no text layer (it is probably scanned pages, i.e. pictures of text); "
            "run it through OCR (for example ocrmypdf) and try again"
        )
    return _SPACE.sub(" ", title).strip(), text


_READERS: dict[str, Callable[[bytes, Path], tuple[str, str]]] = {
    ".txt": _read_plain,
    ".text": _read_plain,
    ".md": _read_markdown,
    ".markdown": _read_markdown,
    ".html": _read_html,
    ".htm": _read_html,
    ".xhtml": _read_html,
    ".pdf": _read_pdf,
}
SUPPORTED_SUFFIXES = tuple(_READERS)
"""The file extensions `read_document` reads, for file dialogs and messages."""
