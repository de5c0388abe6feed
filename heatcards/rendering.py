"""Card rendering: Anki-style templates in, sanitised HTML out.

Everything that reaches the reviewer passes through :func:`sanitize_html`, since
templates and fields come from imported decks and must be treated as hostile:
no scripts, no event handlers, nothing fetched from the network.

Template language (Anki's semantics):

* ``{{Field}}``, ``{{filter:Field}}``, ``{{outer:inner:Field}}`` (inner filter first)
* ``{{#Field}}…{{/Field}}`` / ``{{^Field}}…{{/Field}}`` sections, nestable
* special fields ``FrontSide`` (answer side only), ``Tags``, ``Deck``, ``Subdeck``,
  ``Type`` (note type name), ``Card`` (template name), ``CardFlag``
* filters ``text``, ``hint``, ``type``, ``cloze``, ``cloze-only``, ``furigana``,
  ``kana``, ``kanji``, ``nc``; ``tts …`` passes the text through unchanged
* the legacy ``{{=<% %>=}}`` delimiter directive; ``<!-- … -->`` comments are opaque

Card generation (:func:`card_ordinals`) follows current Anki: a card exists when its
front reaches a replacement of a non-empty field through the sections those fields open.
"""
from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from html.parser import HTMLParser
from typing import Sequence, Union
from urllib.parse import unquote

import nh3

from heatcards.model import NoteType, NoteTypeKind

__all__ = [
    "RenderedCard",
    "TYPE_ANSWER_MARKER",
    "card_ordinals",
    "render_card",
    "sanitize_html",
    "sanitize_css",
    "html_to_text",
    "cloze_numbers",
    "compare_typed_answer",
    "field_is_empty",
]

#: What ``{{type:Field}}`` becomes on the question side; the GUI swaps it for an input box.
TYPE_ANSWER_MARKER = '<span class="type-answer"></span>'


@dataclass(frozen=True)
class RenderedCard:
    question: str  # sanitised HTML
    answer: str  # sanitised HTML
    css: str  # the note type's CSS, sanitised


# ---------------------------------------------------------------------------
# Template parsing
# ---------------------------------------------------------------------------


class _TemplateError(Exception):
    """A template that cannot be rendered; the message is shown on the card (plain text)."""


@dataclass
class _Text:
    text: str


@dataclass
class _Replacement:
    key: str
    filters: tuple[str, ...]  # in the order they are applied (the one next to the field first)
    source: str  # the tag as written, for error messages


@dataclass
class _Section:
    key: str
    negated: bool
    source: str
    children: list[_Node] = field(default_factory=list)


_Node = Union[_Text, _Replacement, _Section]

_LEGACY_DIRECTIVE = "{{=<% %>=}}"


def _without_legacy_directive(template: str) -> str:
    stripped = template.lstrip()
    if stripped.startswith(_LEGACY_DIRECTIVE):
        return stripped[len(_LEGACY_DIRECTIVE):].replace("<%", "{{").replace("%>", "}}")
    return template


def _lex(template: str) -> list[tuple[str, str]]:
    """Split a template into ("text", s), ("comment", s) and ("tag", inner) pieces.

    As in Anki: a tag runs from ``{{`` to the first ``}}``; ``<!-- … -->`` is an opaque
    comment (tags inside it are not tags); a ``{{`` without a later ``}}`` and a stray
    ``}}`` are plain text.
    """
    template = _without_legacy_directive(template)
    pieces: list[tuple[str, str]] = []
    pos = text_start = 0
    n = len(template)
    while pos < n:
        brace = template.find("{{", pos)
        comment = template.find("<!--", pos)
        candidates = [i for i in (brace, comment) if i >= 0]
        if not candidates:
            break
        start = min(candidates)
        if start == brace:
            end = template.find("}}", start + 2)
            if end < 0:
                pos = start + 1  # never closed: text (a comment may still follow)
                continue
            kind, inner, after = "tag", template[start + 2:end], end + 2
        else:
            end = template.find("-->", start + 4)
            if end < 0:
                pos = start + 1
                continue
            kind, inner, after = "comment", template[start:end + 3], end + 3
        if start > text_start:
            pieces.append(("text", template[text_start:start]))
        pieces.append((kind, inner))
        pos = text_start = after
    if text_start < n:
        pieces.append(("text", template[text_start:]))
    return pieces


def _classify(inner: str) -> tuple[str, str]:
    """("open"|"negated"|"close"|"replace", key-or-body)."""
    body = inner.lstrip("{").strip()
    if len(body) >= 2:
        if body[0] == "#":
            return "open", body[1:].strip()
        if body[0] == "^":
            return "negated", body[1:].strip()
        if body[0] == "/":
            return "close", body[1:].strip()
    return "replace", body


def _split_replacement(body: str) -> tuple[str, tuple[str, ...]]:
    parts = body.split(":")
    key = parts[-1].strip()
    filters = tuple(p.strip() for p in reversed(parts[:-1]) if p.strip())
    return key, filters


def _parse(template: str) -> list[_Node]:
    root: list[_Node] = []
    stack: list[_Section] = []
    for kind, value in _lex(template):
        target = stack[-1].children if stack else root
        if kind != "tag":
            target.append(_Text(value))
            continue
        what, body = _classify(value)
        source = "{{" + value + "}}"
        if what in ("open", "negated"):
            section = _Section(body, what == "negated", source)
            target.append(section)
            stack.append(section)
        elif what == "close":
            if not stack:
                raise _TemplateError(
                    f"Found '{source}', but missing '{{{{#{body}}}}}' or '{{{{^{body}}}}}'"
                )
            if stack[-1].key != body:
                raise _TemplateError(
                    f"Found '{source}', but expected '{{{{/{stack[-1].key}}}}}'"
                )
            stack.pop()
        else:
            key, filters = _split_replacement(body)
            target.append(_Replacement(key, filters, source))
    if stack:
        raise _TemplateError(f"Missing '{{{{/{stack[-1].key}}}}}'")
    return root


def _walk(nodes: Sequence[_Node]):
    for node in nodes:
        yield node
        if isinstance(node, _Section):
            yield from _walk(node.children)


def _flat_replacements(template: str) -> list[_Replacement]:
    """Every replacement tag, ignoring section structure (works on broken templates)."""
    out = []
    for kind, value in _lex(template):
        if kind == "tag":
            what, body = _classify(value)
            if what == "replace":
                key, filters = _split_replacement(body)
                out.append(_Replacement(key, filters, "{{" + value + "}}"))
    return out


# ---------------------------------------------------------------------------
# Field emptiness and card generation
# ---------------------------------------------------------------------------

_EMPTY_FIELD = re.compile(r"(?:[ \t\n\r\f\v]|</?(?:br|div) ?/?>)*", re.IGNORECASE)


def field_is_empty(text: str) -> bool:
    """Anki's rule: only ASCII whitespace and bare <br>/<div>/</div> tags count as empty."""
    return _EMPTY_FIELD.fullmatch(text) is not None


def _renders_with_fields(nodes: Sequence[_Node], nonempty: set[str]) -> bool:
    """True if a replacement of a non-empty field is reachable through the sections the
    field contents open (Anki's card generation rule; any filter, type: included)."""
    for node in nodes:
        if isinstance(node, _Replacement):
            if node.key in nonempty:
                return True
        elif isinstance(node, _Section):
            if (node.key in nonempty) != node.negated:
                if _renders_with_fields(node.children, nonempty):
                    return True
    return False


def _front_renders(front: str, nonempty: set[str]) -> bool:
    try:
        nodes: list[_Node] = _parse(front)
    except _TemplateError:
        # broken template: make the card anyway when it names a non-empty field, so the
        # error is shown on it instead of the note silently losing its card
        nodes = list(_flat_replacements(front))
    return _renders_with_fields(nodes, nonempty)


def _field_map(notetype: NoteType, fields: Sequence[str]) -> dict[str, str]:
    values = list(fields)[: len(notetype.fields)]
    values += [""] * (len(notetype.fields) - len(values))
    return dict(zip(notetype.fields, values))


def _cloze_field_names(notetype: NoteType) -> list[str]:
    """Fields the cloze template runs through a cloze filter (front and back)."""
    if not notetype.templates:
        return []
    template = notetype.templates[0]
    names: list[str] = []
    for repl in _flat_replacements(template.front) + _flat_replacements(template.back):
        if "cloze" in repl.filters and repl.key in notetype.fields and repl.key not in names:
            names.append(repl.key)
    return names


def _note_cloze_numbers(notetype: NoteType, values: dict[str, str]) -> set[int]:
    numbers: set[int] = set()
    for name in _cloze_field_names(notetype):
        numbers |= cloze_numbers(values[name])
    return numbers


def card_ordinals(notetype: NoteType, fields: Sequence[str]) -> list[int]:
    """Which cards this note makes (0-based ordinals, ascending).

    Standard note types: the templates whose front references a non-empty field
    (through the sections that field content allows). Cloze: one card per
    distinct cloze number in the fields the template runs through ``cloze:``,
    ``{{c1::…}}`` being ordinal 0. An empty list means the note makes no card.
    """
    values = _field_map(notetype, fields)
    if notetype.kind is NoteTypeKind.CLOZE:
        return sorted(n - 1 for n in _note_cloze_numbers(notetype, values))
    nonempty = {name for name, value in values.items() if not field_is_empty(value)}
    return [i for i, t in enumerate(notetype.templates) if _front_renders(t.front, nonempty)]


# ---------------------------------------------------------------------------
# Cloze deletions
# ---------------------------------------------------------------------------

_CLOZE_OPEN = re.compile(r"\{\{c(\d+(?:,\d+)*)::")
_MAX_CLOZE = 65535


@dataclass
class _Cloze:
    ordinals: tuple[int, ...]
    opener: str  # "{{c1::" as written, to restore an unclosed one
    children: list = field(default_factory=list)  # list[str | _Cloze]
    hint: str | None = None


def _parse_clozes(text: str) -> list:
    """Text and _Cloze nodes. Unclosed openers stay as literal text."""
    root: list = []
    stack: list[_Cloze] = []
    pos = 0
    n = len(text)

    def add_text(s: str) -> None:
        if not s:
            return
        if stack:
            cloze = stack[-1]
            if "::" in s:
                s, cloze.hint = s.split("::", 1)
            if s:
                cloze.children.append(s)
        else:
            root.append(s)

    while pos < n:
        opener = _CLOZE_OPEN.search(text, pos)
        closer = text.find("}}", pos) if stack else -1
        if closer >= 0 and (opener is None or closer < opener.start()):
            add_text(text[pos:closer])
            done = stack.pop()
            (stack[-1].children if stack else root).append(done)
            pos = closer + 2
            continue
        if opener is None:
            add_text(text[pos:])
            break
        numbers = [int(p) for p in opener.group(1).split(",")]
        if any(x > _MAX_CLOZE for x in numbers):
            add_text(text[pos:opener.end()])
            pos = opener.end()
            continue
        add_text(text[pos:opener.start()])
        stack.append(_Cloze(tuple(numbers), opener.group(0)))
        pos = opener.end()

    # unclosed deletions: put their source text back
    while stack:
        cloze = stack.pop()
        restored: list = [cloze.opener, *cloze.children]
        if cloze.hint is not None:
            restored.append("::" + cloze.hint)
        (stack[-1].children if stack else root).extend(restored)
    return root


def _collect_numbers(nodes: list, into: set[int]) -> None:
    for node in nodes:
        if isinstance(node, _Cloze):
            into.update(x for x in node.ordinals if x > 0)
            _collect_numbers(node.children, into)


def cloze_numbers(text: str) -> set[int]:
    """The cloze numbers (1-based, as written) of the deletions in `text`."""
    numbers: set[int] = set()
    _collect_numbers(_parse_clozes(text), numbers)
    return numbers


def _render_cloze_nodes(nodes: list, ordinal: int, question: bool) -> str:
    out = []
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
            continue
        label = ",".join(str(x) for x in node.ordinals)
        if ordinal in node.ordinals:
            if question:
                inner = "[" + (node.hint if node.hint is not None else "...") + "]"
            else:
                inner = _render_cloze_nodes(node.children, ordinal, question)
            out.append(f'<span class="cloze" data-ordinal="{label}">{inner}</span>')
        else:
            inner = _render_cloze_nodes(node.children, ordinal, question)
            out.append(f'<span class="cloze-inactive" data-ordinal="{label}">{inner}</span>')
    return "".join(out)


def _render_cloze(text: str, ordinal: int, question: bool) -> str:
    """Anki's cloze filter: empty when the text has no deletion numbered `ordinal`."""
    nodes = _parse_clozes(text)
    numbers: set[int] = set()
    _collect_numbers(nodes, numbers)
    if ordinal not in numbers:
        return ""
    return _render_cloze_nodes(nodes, ordinal, question)


def _plain_cloze_text(nodes: list) -> str:
    return "".join(n if isinstance(n, str) else _plain_cloze_text(n.children) for n in nodes)


def _active_cloze_texts(text: str, ordinal: int) -> list[str]:
    found: list[str] = []

    def visit(nodes: list) -> None:
        for node in nodes:
            if isinstance(node, _Cloze):
                if ordinal in node.ordinals:
                    found.append(_plain_cloze_text(node.children))
                else:
                    visit(node.children)

    visit(_parse_clozes(text))
    return found


def _join_cloze_answers(texts: list[str]) -> str:
    if texts and all(t == texts[0] for t in texts):
        return texts[0]
    return ", ".join(texts)


# ---------------------------------------------------------------------------
# Small text helpers and filters
# ---------------------------------------------------------------------------

_TAG = re.compile(r"<[^>]*>", re.DOTALL)
_INVISIBLE_BLOCKS = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SOUND = re.compile(r"\[sound:[^\]]*\]")


def _strip_html(text: str) -> str:
    """Tags removed and entities decoded (Anki's strip_html)."""
    text = _INVISIBLE_BLOCKS.sub("", text)
    text = _COMMENT.sub("", text)
    text = _TAG.sub("", text)
    return html.unescape(text)


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def _without_combining(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


_FURIGANA = re.compile(r" ?([^ >]+?)\[(.+?)\]")


def _furigana(text: str, mode: str) -> str:
    def repl(m: re.Match) -> str:
        base, reading = m.group(1), m.group(2)
        if reading.startswith("sound:"):
            return m.group(0)
        if mode == "kanji":
            return base
        if mode == "kana":
            return reading
        return f"<ruby><rb>{base}</rb><rt>{reading}</rt></ruby>"

    return _FURIGANA.sub(repl, text)


def _expected_answer(text: str) -> str:
    text = _SOUND.sub("", _strip_html(text))
    return text.replace("\xa0", " ").strip()


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------


@dataclass
class _Context:
    notetype: NoteType
    values: dict[str, str]  # note fields
    specials: dict[str, str]  # Tags, Deck, ... (FrontSide added for the answer)
    ordinal: int  # 0-based card ordinal
    question: bool
    type_mode: str  # "marker" | "omit" | "compare"
    typed_answer: str | None
    type_seen: bool = False

    def lookup(self, key: str) -> str | None:
        if key in self.values:
            return self.values[key]
        return self.specials.get(key)

    def is_nonempty(self, key: str) -> bool:
        if key in self.values:
            return not field_is_empty(self.values[key])
        return bool(self.specials.get(key, "").strip())


_SPECIAL_FIELDS = ("FrontSide", "Tags", "Deck", "Subdeck", "Type", "Card", "CardFlag")


def _check_fields(nodes: Sequence[_Node], ctx: _Context) -> None:
    for node in _walk(nodes):
        if isinstance(node, _Text):
            continue
        if isinstance(node, _Replacement) and not node.key and node.filters:
            continue  # "{{filter:}}": the filter gets an empty string
        known = node.key in ctx.values or node.key in _SPECIAL_FIELDS
        if not known:
            raise _TemplateError(
                f"Found '{node.source}', but there is no field called '{node.key}'"
            )


def _render_type(node: _Replacement, ctx: _Context) -> str:
    if ctx.type_seen:
        return ""  # only the first type-answer box of a side counts
    ctx.type_seen = True
    if ctx.type_mode == "omit":
        return ""
    if ctx.type_mode == "marker":
        return TYPE_ANSWER_MARKER
    raw = ctx.lookup(node.key) or ""
    if "cloze" in node.filters:
        expected = _join_cloze_answers(
            [_expected_answer(t) for t in _active_cloze_texts(raw, ctx.ordinal + 1)]
        )
    else:
        expected = _expected_answer(raw)
    return compare_typed_answer(
        expected, ctx.typed_answer or "", combining="nc" not in node.filters
    )


def _apply_filter(name: str, value: str, node: _Replacement, ctx: _Context) -> str:
    if name == "text":
        return _escape(_strip_html(value))
    if name == "hint":
        if field_is_empty(value):
            return ""
        return f'<details class="hint"><summary>Show hint</summary>{value}</details>'
    if name == "cloze":
        return _render_cloze(value, ctx.ordinal + 1, ctx.question)
    if name == "cloze-only":
        return _join_cloze_answers(_active_cloze_texts(value, ctx.ordinal + 1))
    if name in ("furigana", "kana", "kanji"):
        return _furigana(value, name)
    if name == "nc":
        return _without_combining(value)
    if name == "tts" or name.startswith("tts "):
        return value  # no speech synthesis here: show the text
    raise LookupError(name)


def _render_replacement(node: _Replacement, ctx: _Context) -> str:
    if "type" in node.filters:
        return _render_type(node, ctx)
    if node.key == "FrontSide" and ctx.question:
        return ""
    if not node.key and node.filters:
        return ""
    value = ctx.lookup(node.key)
    if value is None:
        raise _TemplateError(f"Found '{node.source}', but there is no field called '{node.key}'")
    for name in node.filters:
        try:
            value = _apply_filter(name, value, node, ctx)
        except LookupError:
            return (
                f'<span class="template-error">Found \'{_escape(node.source)}\', '
                f"but there is no filter called '{_escape(name)}'</span>"
            )
    return value


def _render_nodes(nodes: Sequence[_Node], ctx: _Context) -> str:
    out: list[str] = []
    for node in nodes:
        if isinstance(node, _Text):
            out.append(node.text)
        elif isinstance(node, _Replacement):
            out.append(_render_replacement(node, ctx))
        elif ctx.is_nonempty(node.key) != node.negated:
            out.append(_render_nodes(node.children, ctx))
    return "".join(out)


def _error_html(side: str, message: str) -> str:
    return (
        f'<div class="template-error">{side} template has a problem:<br>'
        f"{_escape(message)}</div>"
    )


def _message_html(message: str) -> str:
    return f'<div class="template-error">{_escape(message)}</div>'


def _render_template(template: str, ctx: _Context, side: str) -> str:
    try:
        nodes = _parse(template)
        _check_fields(nodes, ctx)
        return _render_nodes(nodes, ctx)
    except _TemplateError as error:
        raise _SideError(_error_html(side, str(error))) from None


class _SideError(Exception):
    """Carries the finished error HTML for a side."""


def render_card(
    notetype: NoteType,
    fields: Sequence[str],
    ordinal: int,
    *,
    tags: Sequence[str] = (),
    deck_name: str = "",
    typed_answer: str | None = None,
    flag: int = 0,
) -> RenderedCard:
    """Render card `ordinal` of a note. Template errors appear in the HTML, never raised."""
    css = sanitize_css(notetype.css)
    values = _field_map(notetype, fields)
    cloze = notetype.kind is NoteTypeKind.CLOZE
    index = 0 if cloze else ordinal
    if not 0 <= index < len(notetype.templates) or ordinal < 0:
        message = _message_html(f"This card's template ({ordinal + 1}) does not exist.")
        return RenderedCard(message, message, css)
    template = notetype.templates[index]

    specials = {
        "Tags": " ".join(tags),
        "Deck": deck_name,
        "Subdeck": deck_name.rsplit("::", 1)[-1],
        "Type": notetype.name,
        "Card": template.name,
        "CardFlag": f"flag{flag}",
    }

    def context(question: bool, type_mode: str) -> _Context:
        return _Context(notetype, values, dict(specials), ordinal, question, type_mode, typed_answer)

    if cloze and (ordinal + 1) not in _note_cloze_numbers(notetype, values):
        message = _message_html(
            f"No cloze {ordinal + 1} found on card. "
            "Please either add a cloze deletion, or use the Empty Cards tool."
        )
        return RenderedCard(sanitize_html(message), sanitize_html(message), css)

    try:
        question = _render_template(template.front, context(True, "marker"), "Front")
        front_side = _render_template(template.front, context(True, "omit"), "Front")
    except _SideError as error:
        text = sanitize_html(str(error))
        return RenderedCard(text, text, css)

    if not cloze:
        nonempty = {name for name, value in values.items() if not field_is_empty(value)}
        if not _renders_with_fields(_parse(template.front), nonempty):
            blank = _message_html("The front of this card is blank.")
            return RenderedCard(sanitize_html(question + blank), sanitize_html(blank), css)

    answer_ctx = context(False, "compare")
    answer_ctx.specials["FrontSide"] = front_side
    try:
        answer = _render_template(template.back, answer_ctx, "Back")
    except _SideError as error:
        answer = str(error)
    return RenderedCard(sanitize_html(question), sanitize_html(answer), css)


# ---------------------------------------------------------------------------
# Typed answers
# ---------------------------------------------------------------------------


def _span(cls: str, text: str) -> str:
    return f'<span class="{cls}">{_escape(text)}</span>' if text else ""


def _merge(segments: list[tuple[str, str]]) -> str:
    merged: list[list[str]] = []
    for cls, text in segments:
        if not text:
            continue
        if merged and merged[-1][0] == cls:
            merged[-1][1] += text
        else:
            merged.append([cls, text])
    return "".join(_span(cls, text) for cls, text in merged)


def compare_typed_answer(expected: str, typed: str, *, combining: bool = True) -> str:
    """Character-level comparison, Anki-style.

    `expected` may be HTML (tags are stripped, entities decoded). The first line
    shows what was typed: ``typeGood`` correct, ``typeBad`` wrong or extra,
    ``typeMissed`` "-" where characters are missing; after an arrow, the second
    line shows the expected answer with the missed characters marked ``typeMissed``.
    An exact match is a single ``typeGood`` span; an empty attempt shows the answer.
    With combining=False, accents and other combining marks are ignored.
    """
    expected = unicodedata.normalize("NFC", _expected_answer(expected))
    typed = unicodedata.normalize("NFC", typed.replace("\xa0", " ").strip())
    if not combining:
        expected, typed = _without_combining(expected), _without_combining(typed)
    if typed == expected:
        return f'<code id="typeans">{_span("typeGood", expected)}</code>'
    if not typed:
        return f'<code id="typeans">{_escape(expected)}</code>'
    given: list[tuple[str, str]] = []
    wanted: list[tuple[str, str]] = []
    matcher = SequenceMatcher(None, typed, expected, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            given.append(("typeGood", typed[i1:i2]))
            wanted.append(("typeGood", expected[j1:j2]))
        elif op == "replace":
            given.append(("typeBad", typed[i1:i2]))
            wanted.append(("typeMissed", expected[j1:j2]))
        elif op == "delete":
            given.append(("typeBad", typed[i1:i2]))
        else:  # insert: expected characters that were not typed
            given.append(("typeMissed", "-" * (j2 - j1)))
            wanted.append(("typeMissed", expected[j1:j2]))
    return (
        f'<code id="typeans">{_merge(given)}<br><span id="typearrow">\u2193</span><br>'
        f"{_merge(wanted)}</code>"
    )


# ---------------------------------------------------------------------------
# Sanitising
# ---------------------------------------------------------------------------

_ALLOWED_TAGS = {
    "a", "abbr", "article", "aside", "audio", "b", "bdi", "bdo", "big", "blockquote", "br",
    "caption", "center", "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn",
    "div", "dl", "dt", "em", "figcaption", "figure", "font", "footer", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p",
    "pre", "q", "rb", "rp", "rt", "rtc", "ruby", "s", "samp", "section", "small", "source",
    "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "tt", "u", "ul", "var", "video", "wbr",
}

# removed together with everything inside them
_DROPPED_WITH_CONTENT = {
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet",
    "noscript", "noembed", "noframes", "template", "svg", "math", "textarea", "select",
    "title", "xmp", "head",
}

_ALLOWED_ATTRIBUTES = {
    "*": {"class", "id", "style", "title", "dir", "lang", "align"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "font": {"color", "face", "size"},
    "table": {"border", "cellpadding", "cellspacing", "width"},
    "td": {"colspan", "rowspan", "valign", "width", "height"},
    "th": {"colspan", "rowspan", "valign", "width", "height"},
    "col": {"span", "width"},
    "colgroup": {"span", "width"},
    "hr": {"size", "width"},
    "ol": {"start", "type"},
    "ul": {"type"},
    "li": {"value"},
    "audio": {"src", "controls", "loop"},
    "video": {"src", "controls", "loop", "width", "height"},
    "source": {"src", "type"},
    "span": {"data-ordinal"},
    "details": {"open"},
}

_URL_ATTRIBUTES = {"href", "src"}
_DATA_IMAGE = re.compile(
    r"^data:image/(?:png|jpeg|jpg|pjpeg|gif|webp|bmp|avif|x-icon|vnd\.microsoft\.icon)[;,]",
    re.IGNORECASE,
)
_C0_AND_SPACE = "".join(chr(c) for c in range(0x21))


def _local_url(value: str, *, allow_data_image: bool = False) -> bool:
    """True for a URL that can only point into the media folder (or a data: image)."""
    url = value.strip(_C0_AND_SPACE)
    url = re.sub(r"[\t\n\r]", "", url)  # browsers drop these anywhere in a URL
    # media file names never contain these; refusing them also refuses "x:y" look-alikes
    if not url or any(c in url for c in '\\:<>"'):
        return allow_data_image and _DATA_IMAGE.match(url) is not None
    if url.startswith("#"):
        return True
    if url.startswith("/"):
        return False  # an absolute path, or "//host" (scheme-relative)
    path = unquote(re.split(r"[?#]", url, maxsplit=1)[0])
    if any(c in path for c in '\\:<>"'):
        return False
    return all(segment.strip() not in ("..", ".") for segment in path.split("/"))


_SAFE_CSS_FUNCTIONS = {
    "rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch", "color-mix",
    "calc", "min", "max", "clamp", "var",
}
# A script's URL scheme, wherever it stands (whitespace and control characters squashed out first).
_SCRIPT_SCHEME = re.compile(r"(?:java|vb)script:", re.IGNORECASE)
_CSS_PROPERTY = re.compile(r"--[a-zA-Z0-9_-]+|-?[a-zA-Z][a-zA-Z0-9-]*")
_CSS_FUNCTION = re.compile(r"([a-zA-Z_-][a-zA-Z0-9_-]*)\s*\(")


def _split_declarations(style: str) -> list[str]:
    parts, depth, quote, current = [], 0, "", []
    for ch in style:
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == ";" and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return parts


def _clean_style(style: str) -> str | None:
    """Keep declarations that cannot fetch anything: no url(), image-set(), escapes…"""
    style = re.sub(r"/\*.*?(?:\*/|$)", " ", style, flags=re.DOTALL)
    kept = []
    for declaration in _split_declarations(style):
        if ":" not in declaration:
            continue
        prop, value = declaration.split(":", 1)
        prop, value = prop.strip(), value.strip()
        if not _CSS_PROPERTY.fullmatch(prop) or not value:
            continue
        if any(c in value for c in "\\<>{}@"):
            continue
        if _SCRIPT_SCHEME.search(re.sub(r"[\x00-\x20]", "", value)):
            continue  # "javascript:" as a value fetches nothing in CSS, but no card's markup keeps a script's scheme
        functions = _CSS_FUNCTION.findall(value)
        if value.count("(") != len(functions):
            continue
        if any(name.lower() not in _SAFE_CSS_FUNCTIONS for name in functions):
            continue
        kept.append(f"{prop}: {value}")
    return "; ".join(kept) if kept else None


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute in _URL_ATTRIBUTES:
        allow_data = tag == "img" and attribute == "src"
        return value if _local_url(value, allow_data_image=allow_data) else None
    if attribute == "style":
        return _clean_style(value)
    return value


_CLEANER = nh3.Cleaner(
    tags=_ALLOWED_TAGS,
    clean_content_tags=_DROPPED_WITH_CONTENT,
    attributes=_ALLOWED_ATTRIBUTES,
    attribute_filter=_attribute_filter,
    strip_comments=True,
    link_rel=None,
    url_schemes={"data"},
)


def sanitize_html(html_text: str) -> str:
    """Safe HTML for the card view: no scripts, handlers, frames, forms or remote resources.

    Relative media-folder names ("pic.jpg", "my%20pic.png") and data: images stay;
    http(s)/ftp/file/javascript/scheme-relative URLs are dropped (the element stays,
    links lose their href); ``style`` attributes keep only declarations that fetch nothing.
    ``[sound:…]`` tags are plain text and pass through untouched.
    """
    out = _CLEANER.clean(html_text)
    # html5 parsing can rearrange badly nested input; settle it so the result is a fixed point
    for _ in range(3):
        again = _CLEANER.clean(out)
        if again == out:
            break
        out = again
    return out


_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})[ \t\n\r\f]?|\\([^0-9a-fA-F\n\r\f])")
_CSS_RESOURCE_FUNCTION = re.compile(
    r"(?<![a-zA-Z0-9_-])(url|src|image-set|-webkit-image-set|image|cross-fade"
    r"|-webkit-cross-fade|element|-moz-element|expression)\s*\(",
    re.IGNORECASE,
)
_CSS_IMPORT = re.compile(r"@import\b[^;{}]*(?:;|$)", re.IGNORECASE)


def _decode_css_identifier_escapes(css: str) -> str:
    """Turn escapes that spell letters, digits, "-", "_" or "@" into those characters,
    so ``\\75 rl(`` cannot hide a ``url(`` from the checks below."""

    def repl(m: re.Match) -> str:
        if m.group(1) is not None:
            try:
                ch = chr(int(m.group(1), 16))
            except (ValueError, OverflowError):
                return m.group(0)
        else:
            ch = m.group(2)
        if ch.isascii() and (ch.isalnum() or ch in "-_@"):
            return ch
        return m.group(0)

    return _CSS_ESCAPE.sub(repl, css)


def _css_call_end(css: str, start: int) -> int:
    """Index just past the ")" closing the call whose "(" is at css[start-1]; -1 if unclosed."""
    depth, quote, i = 1, "", start
    while i < len(css):
        ch = css[i]
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return -1


def _css_call_is_local(name: str, arguments: str) -> bool:
    name = name.lower()
    if name == "expression" or name.endswith("element"):
        return False
    if name in ("url", "src"):
        arg = arguments.strip()
        if arg[:1] in "\"'":
            if len(arg) < 2 or arg[-1] != arg[0]:
                return False
            arg = arg[1:-1]
        if any(c in arg for c in "\"'()\\<>") or re.search(r"\s", arg):
            return False
        return _local_url(arg)
    # image-set(), cross-fade()…: every string and nested url() must be local
    strings = re.findall(r"\"([^\"]*)\"|'([^']*)'", arguments)
    if any(not _local_url(a or b) for a, b in strings):
        return False
    for inner in _CSS_RESOURCE_FUNCTION.finditer(arguments):
        end = _css_call_end(arguments, inner.end())
        if end < 0 or not _css_call_is_local(inner.group(1), arguments[inner.end():end - 1]):
            return False
    return True


def sanitize_css(css: str) -> str:
    """Note type CSS with @import rules removed and every url()/image-set()… that is not a
    relative media-folder name replaced by ``none``; "<" is escaped so the CSS cannot
    close the <style> element it is put in."""
    css = _decode_css_identifier_escapes(css)
    css = _CSS_IMPORT.sub("", css)
    out: list[str] = []
    pos = 0
    for match in _CSS_RESOURCE_FUNCTION.finditer(css):
        if match.start() < pos:
            continue  # inside a call already handled
        end = _css_call_end(css, match.end())
        out.append(css[pos:match.start()])
        if end < 0:  # unclosed: a browser would read to the end of the sheet
            out.append("none")
            pos = len(css)
            break
        if _css_call_is_local(match.group(1), css[match.end():end - 1]):
            out.append(css[match.start():end])
        else:
            out.append("none")
        pos = end
    out.append(css[pos:])
    return "".join(out).replace("<", "\\3c ")


# ---------------------------------------------------------------------------
# Plain text
# ---------------------------------------------------------------------------

_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "center", "dd", "details", "div", "dl",
    "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead",
    "tr", "ul",
}
_CELL_TAGS = {"td", "th"}
_HIDDEN_TAGS = {"script", "style", "head", "title", "template", "noscript"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def _line_break(self, forced: bool) -> None:
        if forced:
            self.parts.append("\n")
            return
        for part in reversed(self.parts):
            stripped = part.rstrip(" \t\r\f\v\xa0")
            if stripped:
                if not stripped.endswith("\n"):
                    self.parts.append("\n")
                return

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden += 1
        elif tag == "br":
            self._line_break(forced=True)
        elif tag in _BLOCK_TAGS:
            self._line_break(forced=False)
        elif tag in _CELL_TAGS:
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag not in _HIDDEN_TAGS:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK_TAGS:
            self._line_break(forced=False)
        elif tag in _CELL_TAGS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            # a line break in the source is only whitespace, as in a browser
            self.parts.append(re.sub(r"[\t\n\r\f\v]", " ", data))


_ANSWER_DIVIDER = re.compile(r"<hr[^>]*\bid\s*=\s*[\"']?answer\b[^>]*>", re.I)


def answer_without_question(question_html: str, answer_html: str) -> str:
    """The answer side without the question it repeats: what follows `<hr id=answer>` (the last
    one), else what follows the question text, as Anki shows answers in lists."""
    divider = None
    for divider in _ANSWER_DIVIDER.finditer(answer_html):
        pass
    if divider is not None:
        return answer_html[divider.end():]
    if answer_html.startswith(question_html):
        return answer_html[len(question_html):]
    return answer_html


def html_to_text(html_text: str) -> str:
    """Plain text for a terminal: tags dropped, <br> and block elements become line
    breaks, entities decoded, runs of spaces collapsed, at most one blank line in a row.
    ``[sound:…]`` tags are left as they are."""
    parser = _TextExtractor()
    parser.feed(html_text)
    parser.close()
    text = "".join(parser.parts)
    lines = [re.sub(r"[ \t\r\f\v\xa0]+", " ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n")
