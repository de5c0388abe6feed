"""Field HTML as the note editor stores it, and the small text rules around notes.

The desktop editor edits fields with Qt's rich text, whose `toHtml()` is a whole
document with style sheets and a `style` attribute on every paragraph and span.
:func:`clean_field_html` reduces any such HTML to the minimal inline markup a field
keeps: ``<b> <i> <u> <span style="color:#rrggbb">`` around text, ``<br>`` between
lines and paragraphs, ``<ul>/<ol>/<li>`` lists and ``<img src="…">``. Everything
else (fonts, sizes, classes, links, tables) is dropped, keeping its text.

The output is canonical: cleaning it again gives it back unchanged, and so does
loading it into Qt's rich text and cleaning what Qt gives back.

No Qt here: the rule is pure text in, text out.
"""
from __future__ import annotations

from pathlib import Path

import hashlib
import html
import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import PurePath

from .rendering import cloze_numbers

__all__ = ["clean_field_html", "duplicate_key", "media_file", "media_file_name", "next_cloze_number"]


@dataclass(frozen=True)
class _Format:
    bold: bool = False
    italic: bool = False
    underline: bool = False
    color: str | None = None  # "#rrggbb"

    def tags(self) -> list[tuple[str, str]]:
        """The wrappers this format needs, outermost first, always in the same order."""
        wanted = [("b", ""), ("i", ""), ("u", "")]
        tags = [t for t, on in zip(wanted, (self.bold, self.italic, self.underline)) if on]
        if self.color:
            tags.append(("span", self.color))
        return tags


@dataclass
class _Block:
    """One paragraph (list_path empty) or list item (list_path: the enclosing list tags)."""

    list_path: tuple[str, ...]
    explicit: bool  # written as an element (<p>, <div>, <li>), so kept even when empty
    qt_empty: bool = False  # Qt's marked empty paragraph: its <br /> is not a line
    items: list[tuple] = field(default_factory=list)  # ("text", str, _Format) | ("br",) | ("img", src)


_SKIPPED = {"head", "style", "script", "title", "template", "noscript", "object", "iframe", "svg", "math"}
_BLOCKS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "address", "article", "aside",
    "center", "dd", "dl", "dt", "figure", "figcaption", "footer", "header", "section", "table", "tr",
    "hr", "details", "summary",
}
_LISTS = {"ul", "ol"}
_VOID = {"br", "img", "hr", "meta", "link", "input", "wbr", "col", "area", "base", "source", "embed", "param", "track"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MEDIA_NAME = re.compile(r"(?!\.\.?$)[^/\\:]+")  # a file in the media folder: no path, no scheme
_SPACES = re.compile(r"[ \t\n\r\f]+")
_HEX_COLOR = re.compile(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
_RGB_COLOR = re.compile(r"rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*[\d.]+\s*)?\)")


def _color(value: str) -> str | None:
    value = value.strip()
    hex_match = _HEX_COLOR.fullmatch(value)
    if hex_match:
        digits = hex_match.group(1).lower()
        return "#" + (digits if len(digits) == 6 else "".join(c * 2 for c in digits))
    rgb_match = _RGB_COLOR.fullmatch(value)
    if rgb_match:
        return "#" + "".join(f"{min(255, int(c)):02x}" for c in rgb_match.groups())
    return None


def _styled(fmt: _Format, style: str) -> _Format:
    for declaration in style.split(";"):
        name, _, value = declaration.partition(":")
        name, value = name.strip().lower(), value.strip().lower()
        if name == "font-weight":
            if value.isdigit():
                fmt = _replace(fmt, bold=int(value) >= 600)
            elif value in ("bold", "bolder", "normal", "lighter"):
                fmt = _replace(fmt, bold=value in ("bold", "bolder"))
        elif name == "font-style":
            fmt = _replace(fmt, italic=value in ("italic", "oblique"))
        elif name in ("text-decoration", "text-decoration-line"):
            fmt = _replace(fmt, underline="underline" in value)
        elif name == "color":
            fmt = _replace(fmt, color=_color(value))
    return fmt


def _replace(fmt: _Format, **changes) -> _Format:
    return _Format(**{**fmt.__dict__, **changes})


def _element_format(parent: _Format, tag: str, attrs: dict[str, str]) -> _Format:
    fmt = parent
    if tag in ("b", "strong") or tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        fmt = _replace(fmt, bold=True)
    elif tag in ("i", "em"):
        fmt = _replace(fmt, italic=True)
    elif tag == "u":
        fmt = _replace(fmt, underline=True)
    elif tag == "font" and "color" in attrs:
        fmt = _replace(fmt, color=_color(attrs["color"]))
    if attrs.get("style"):
        fmt = _styled(fmt, attrs["style"])
    return fmt


class _Cleaner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.formats: list[tuple[str, _Format]] = [("", _Format())]
        self.skipping: list[str] = []
        self.lists: list[str] = []  # open lists, innermost last; "" for one that does not nest
        self.blocks: list[_Block] = []
        self.current: _Block | None = None

    # blocks -----------------------------------------------------------------
    def _in_list_item(self) -> bool:
        return self.current is not None and bool(self.current.list_path)

    def _start_block(self, explicit: bool, qt_empty: bool = False) -> _Block:
        self.current = _Block(tuple(t for t in self.lists if t), explicit, qt_empty)
        self.blocks.append(self.current)
        return self.current

    def _block_for_content(self) -> _Block:
        return self.current if self.current is not None else self._start_block(explicit=False)

    # parser callbacks ---------------------------------------------------------
    def handle_starttag(self, tag: str, attrs) -> None:
        if self.skipping:
            if tag not in _VOID:
                self.skipping.append(tag)
            return
        if tag in _SKIPPED:
            self.skipping.append(tag)
            return
        attributes = {k: v or "" for k, v in attrs}
        if tag not in _VOID:
            self.formats.append((tag, _element_format(self.formats[-1][1], tag, attributes)))
        if tag in _LISTS:
            # as in Qt, a list nests only inside an item (or at the top); one written directly
            # inside another list continues it
            nests = not self.lists or self._in_list_item()
            self.lists.append(tag if nests else "")
            self.current = None
        elif tag == "li":
            self._start_block(explicit=True)
        elif tag in _BLOCKS:
            if self._in_list_item():
                if self.current.items and self.current.items[-1] != ("br",):
                    self.current.items.append(("br",))
            else:
                self._start_block(explicit=True, qt_empty="-qt-paragraph-type:empty" in attributes.get("style", ""))
        elif tag == "br":
            block = self._block_for_content()
            if not block.qt_empty:
                block.items.append(("br",))
        elif tag == "img":
            src = _CONTROL.sub("", attributes.get("src", "")).strip()
            if _MEDIA_NAME.fullmatch(src):
                self._block_for_content().items.append(("img", src))

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if self.skipping[-1] == tag:
                self.skipping.pop()
            return
        if tag in _VOID:
            return
        if any(t == tag for t, _ in self.formats[1:]):
            while self.formats.pop()[0] != tag:
                pass
        if tag in _LISTS:
            if self.lists:
                self.lists.pop()
            self.current = None
        elif tag == "li" or (tag in _BLOCKS and not self._in_list_item()):
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        data = _CONTROL.sub("", data)
        if self.current is None and not data.strip(" \t\n\r\f"):
            return  # whitespace between blocks
        self._block_for_content().items.append(("text", data, self.formats[-1][1]))


def _normalised(items: list[tuple]) -> list[tuple]:
    """Whitespace as a browser shows it: a run of spaces is one space, in the format where the
    run starts; none at the start or end of a line. Neighbouring text of one format is merged."""
    out: list[tuple] = []
    after_space = True  # at a line start, or just after a space: further spaces are not shown

    def end_line() -> None:
        if out and out[-1][0] == "text" and out[-1][1].endswith(" "):
            trimmed = out[-1][1][:-1]
            if trimmed:
                out[-1] = ("text", trimmed, out[-1][2])
            else:
                out.pop()

    for item in items:
        if item[0] != "text":
            if item[0] == "br":
                end_line()
            after_space = item[0] == "br"
            out.append(item)
            continue
        text = _SPACES.sub(" ", item[1])
        if after_space:
            text = text.lstrip(" ")
        if not text:
            continue
        after_space = text.endswith(" ")
        if out and out[-1][0] == "text" and out[-1][2] == item[2]:
            out[-1] = ("text", out[-1][1] + text, item[2])
        else:
            out.append(("text", text, item[2]))
    end_line()
    return out


def _text(value: str) -> str:
    return html.escape(value, quote=False).replace("\xa0", "&nbsp;")


def _inline(items: list[tuple]) -> str:
    out: list[str] = []
    stack: list[tuple[str, str]] = []
    for item in items:
        wanted = item[2].tags() if item[0] == "text" else []
        keep = 0
        while keep < min(len(stack), len(wanted)) and stack[keep] == wanted[keep]:
            keep += 1
        while len(stack) > keep:
            out.append(f"</{stack.pop()[0]}>")
        for tag, color in wanted[keep:]:
            out.append(f'<span style="color:{color}">' if tag == "span" else f"<{tag}>")
            stack.append((tag, color))
        if item[0] == "text":
            out.append(_text(item[1]))
        elif item[0] == "br":
            out.append("<br>")
        else:
            out.append(f'<img src="{html.escape(item[1], quote=True)}">')
    out.extend(f"</{tag}>" for tag, _ in reversed(stack))
    return "".join(out)


def _is_blank(html_text: str) -> bool:
    """Whether inline HTML shows nothing but spaces (an image is something shown)."""
    return not re.sub(r"<(?!img\b)[^>]*>|&nbsp;|\s", "", html_text)


def clean_field_html(source: str) -> str:
    """The minimal inline HTML for a field, from any HTML (Qt's `toHtml()` in particular)."""
    parser = _Cleaner()
    parser.feed(source)
    parser.close()
    out: list[str] = []
    open_lists: list[str] = []  # the lists open, outermost first; each has an <li> open
    previous_paragraph = False
    # Qt reads blank inline text right after a list into the list's last item, and a block after a
    # list into the text that follows it: blank paragraphs right after a list wait here, to start
    # the next paragraph (as its first lines) or, when none follows, to stand in a block of their own.
    blank_after_list: str | None = None
    # Qt reads an image that opens the text right after a list into the list's last item too, but not out of a block of
    # its own: that text and the paragraphs after it, up to the next list, stand in one <div>.
    in_block = False

    def write_blank_after_list() -> None:
        nonlocal blank_after_list
        if blank_after_list is not None:
            out.append(f"<div>{blank_after_list or '<br>'}</div>")
            blank_after_list = None

    for block in parser.blocks:
        items = _normalised(block.items)
        if block.list_path:
            if not items:
                continue  # Qt drops empty list items
            write_blank_after_list()
            if in_block:
                out.append("</div>")
                in_block = False
            path = block.list_path
            common = 0
            while common < min(len(open_lists), len(path)) and open_lists[common] == path[common]:
                common += 1
            path = path[: common + 1]  # a list nests in an item: one level deeper at most
            while len(open_lists) > common:
                out.append(f"</li></{open_lists.pop()}>")
            if common == len(path):
                out.append("</li>")  # the next item of a list already open
            else:
                out.append(f"<{path[-1]}>")
                open_lists.append(path[-1])
            out.append("<li>" + _inline(items))
            previous_paragraph = False
            continue
        if not items and not block.explicit:
            continue
        after_list = bool(open_lists)
        image_after_list = after_list and bool(items) and items[0][0] == "img"
        while open_lists:
            out.append(f"</li></{open_lists.pop()}>")
        text = _inline(items)
        if blank_after_list is not None:
            text, blank_after_list, after_list = f"{blank_after_list}<br>{text}", None, True
        elif previous_paragraph:
            out.append("<br>")
        if after_list and _is_blank(text):
            blank_after_list = text
            continue
        if image_after_list:
            out.append("<div>")
            in_block = True
        out.append(text)
        previous_paragraph = True
    write_blank_after_list()
    if in_block:
        out.append("</div>")
    while open_lists:
        out.append(f"</li></{open_lists.pop()}>")
    return "".join(out)


# ---------------------------------------------------------------------------
# Duplicates, cloze numbers, media names
# ---------------------------------------------------------------------------

_MEDIA_TAG = re.compile(r"<img\b[^>]*?\bsrc\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))[^>]*>", re.IGNORECASE | re.DOTALL)
_TAG_OR_COMMENT = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)
_INVISIBLE = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def duplicate_key(field_html: str) -> str:
    """A first field as Anki compares it for duplicates: markup removed except image file
    names (kept as " name "), entities decoded, ``&nbsp;`` as a space; case and spacing kept."""
    text = _INVISIBLE.sub("", field_html)
    text = _MEDIA_TAG.sub(lambda m: f" {m.group(1) or m.group(2) or m.group(3)} ", text)
    text = _TAG_OR_COMMENT.sub("", text)
    return html.unescape(text.replace("&nbsp;", " "))


def next_cloze_number(fields: list[str] | tuple[str, ...], *, same: bool = False) -> int:
    """The number for a new cloze deletion: one past the highest in any field, or with
    `same` the highest itself (Anki's Ctrl+Shift+C and Ctrl+Shift+Alt+C); 1 when none."""
    highest = max((n for value in fields for n in cloze_numbers(value)), default=0)
    if same:
        return max(highest, 1)
    return highest + 1


_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f<>:\"/\\|?*^\[\]&#%'`\s]+")


def media_file_name(data: bytes, suggested_name: str) -> str:
    """The media folder name for `data`: the suggested name made safe, plus the first 16 hex
    digits of the content's SHA-1, so the same content under the same name is stored once."""
    path = PurePath(unicodedata.normalize("NFC", suggested_name.replace("\\", "/")).split("/")[-1])
    suffix = path.suffix.lower() if re.fullmatch(r"\.[a-z0-9]{1,8}", path.suffix.lower()) else ""
    stem = _UNSAFE_NAME.sub("-", path.name[: len(path.name) - len(path.suffix)] if suffix else path.name).strip("-.")
    digest = hashlib.sha1(data).hexdigest()[:16]
    return f"{stem[:60] or 'media'}-{digest}{suffix}"


def media_file(media_folder: Path, name: str) -> Path | None:
    """The file `name` (as written in a card: "a.png", "a.png?x") names, only when it is an existing
    plain file directly inside `media_folder`; None for anything else, however malformed the name."""
    try:
        folder = media_folder.resolve()
        candidate = (folder / name.lstrip("/")).resolve()
        return candidate if candidate.parent == folder and candidate.is_file() else None
    except (OSError, ValueError):  # e.g. a NUL byte in the name
        return None
