"""The study session behind the reviewer, and the card-text helpers it needs. No Qt here.

`ReviewSession` decides which card the reviewer shows: the deck's queue (through the
Collection), or, after a "study more" choice, a fixed list of cards first. It also knows
which card to bring back when an answer is undone. The desktop reviewer is a passive view
over it (as Mnemosyne's review controller drives its widget), so this logic is tested
without a window.
"""
from __future__ import annotations

import colorsys
import enum
import re
from collections import deque
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .clock import DayCalendar
from .model import Card, CardState, Changes, Deck, FinishedDeck, QueueCounts, Rating

if TYPE_CHECKING:  # the collection imports nothing from here; avoid a cycle at import time
    from .collection import Collection


class StudyMore(enum.Enum):
    """The congratulations screen's "study more" choices (a subset of Anki's custom study)."""

    NEW = "new"  # raise today's new card limit by N (Anki: "Increase today's new card limit")
    FORGOTTEN = "forgotten"  # cards answered Again in the last N days (Anki: "Review forgotten cards")
    AHEAD = "ahead"  # review cards due in the next N days (Anki: "Review ahead")


class ReviewSession:
    """What the reviewer shows next, with the counts and progress it displays."""

    def __init__(self, collection: Collection, deck_id: int):
        self.collection = collection
        self.deck: Deck = collection.deck(deck_id)
        self.card: Card | None = None
        self.answered = 0  # cards answered since the session started (the progress bar's "done")
        self._extra: deque[int] = deque()  # a study-more list, shown before the deck's queue
        self._extra_states: dict[int, CardState] = {}  # its cards' states when it was made
        self._current_is_extra = False
        self._next_first: int | None = None  # a card an undo brought back: shown next

    # --- what to show ------------------------------------------------------------
    def next_card(self) -> Card | None:
        """Move on to the next card (None: nothing left for now) and return it."""
        self.card, self._current_is_extra = None, False
        if self._next_first is not None:
            card_id, self._next_first = self._next_first, None
            card = self._studyable(card_id)
            if card is not None:
                self.card = card
                return card
        while self._extra:
            card = self._studyable(self._extra.popleft())
            if card is not None:
                self.card, self._current_is_extra = card, True
                return card
        self.card = self.collection.next_card(self.deck)[0]
        return self.card

    def refresh_card(self) -> Card | None:
        """Read the current card again (after an edit, a flag...); None when it no longer exists."""
        if self.card is not None:
            self.card = self._studyable(self.card.id)
        return self.card

    def _studyable(self, card_id: int) -> Card | None:
        """The card if it still exists in this deck (or a subdeck) and is neither suspended nor buried."""
        found = self.collection.store.cards([card_id])
        if not found:
            return None
        card = found[0]
        if card.suspended or card.is_buried(self.collection.now()):
            return None
        if card.deck_id not in self.collection.deck_tree_ids(self.deck):
            return None
        return card

    def counts(self) -> QueueCounts:
        """Cards left: the study-more list (with the current card) while one runs, else today's queue."""
        if self._extra or self._current_is_extra:
            states = [self._extra_states[i] for i in self._extra]
            if self._current_is_extra and self.card is not None:
                states.append(self.card.state)
            return QueueCounts(
                new=states.count(CardState.NEW),
                learning=states.count(CardState.LEARNING) + states.count(CardState.RELEARNING),
                review=states.count(CardState.REVIEW),
            )
        return self.collection.counts(self.deck)

    def progress(self) -> tuple[int, int]:
        """(answered, answered + left) for this session's progress bar."""
        return self.answered, self.answered + self.counts().total

    # --- acting on the current card ------------------------------------------------
    def answer(self, rating: Rating, duration_ms: int) -> Changes:
        """Rate the current card; call `next_card()` afterwards."""
        if self.card is None:
            raise RuntimeError("no card is being shown")
        changes = self.collection.answer(self.card.id, rating, duration_ms)
        self.answered += 1
        self.card, self._current_is_extra = None, False
        return changes

    def undo(self) -> tuple[str, Changes]:
        """Undo the collection's last operation. When it put a studyable card back (an answer,
        a bury, a suspension, a deletion) that card is shown next, as Anki does; the card on
        screen goes back where it came from. Returns the undone operation's label and changes."""
        preview = self.collection.undo_preview()
        label = self.collection.undo()  # raises NothingToUndoError when there is nothing
        restored = [i for i in preview.card_ids if self.card is None or i != self.card.id]
        if preview.label == "answer" and self.answered:
            self.answered -= 1
        if preview.label in _BRINGS_A_CARD_BACK and restored and self._studyable(restored[0]) is not None:
            if self._current_is_extra and self.card is not None:
                self._extra.appendleft(self.card.id)
            self._next_first = restored[0]
            self.next_card()
        else:
            self.refresh_card()
        return label, preview.changes()

    def study_more(self, kind: StudyMore, amount: int) -> Changes:
        """Apply a congratulations-screen choice; the next `next_card()` shows its cards."""
        if kind is StudyMore.NEW:
            return self.collection.extend_new_limit(self.deck, amount)
        if kind is StudyMore.FORGOTTEN:
            ids = self.collection.forgotten_cards(self.deck, amount)
        else:
            ids = self.collection.cards_due_ahead(self.deck, amount)
        self._extra = deque(ids)
        self._extra_states = {c.id: c.state for c in self.collection.store.cards(ids)}
        return Changes()


# undoing these puts back a card the learner was studying: the reviewer shows it again
_BRINGS_A_CARD_BACK = {"answer", "bury", "suspend", "delete note", "delete notes"}


def describe_finished(info: FinishedDeck, now: int, calendar: DayCalendar) -> list[str]:
    """The congratulations screen's sentences: when the next card is due, tomorrow's load,
    and what today's limits hold back."""
    lines = []
    if info.next_due is None:
        lines.append("No card in this deck is scheduled for later.")
    elif info.next_is_learning:
        lines.append(f"The next learning card is ready in {_duration_in_words(info.next_due - now)}.")
    else:
        days = calendar.day(info.next_due) - calendar.day(now)
        when = calendar.date_of_day(calendar.day(info.next_due))
        if days <= 1:
            lines.append("The next card is due tomorrow.")
        else:
            lines.append(f"The next card is due in {days} days, on {when:%A} {when.day} {when:%B}.")
    lines.append(f"Tomorrow: {_count(info.due_tomorrow, 'review')} and {_count(info.new_tomorrow, 'new card')}.")
    if info.reviews_over_limit:
        lines.append(f"{_count(info.reviews_over_limit, 'more review')} due today beyond today's review limit.")
    if info.new_over_limit:
        lines.append(f"{_count(info.new_over_limit, 'more new card')} waiting beyond today's new card limit.")
    return lines


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _duration_in_words(seconds: int) -> str:
    if seconds < 60:
        return "less than a minute"
    minutes = round(seconds / 60)
    if minutes < 60:
        return _count(minutes, "minute")
    hours, minutes = divmod(minutes, 60)
    return _count(hours, "hour") + (f" {_count(minutes, 'minute')}" if minutes else "")


# --- sounds ----------------------------------------------------------------------------
SOUND_TAG = re.compile(r"\[sound:([^\]]+)\]")


def sound_files(html: str) -> list[str]:
    """Media file names of the `[sound:…]` tags in card HTML, in order."""
    return [name.strip() for name in SOUND_TAG.findall(html)]


def answer_sounds(question_html: str, answer_html: str) -> list[str]:
    """The sounds to play when the answer appears: the answer's own, not the question's again
    when the answer side repeats the question ({{FrontSide}}), as Anki plays them."""
    question, answer = sound_files(question_html), sound_files(answer_html)
    return answer[len(question):] if answer[: len(question)] == question else answer


def replace_sound_tags(html: str, replacement: Callable[[int, str], str]) -> str:
    """`html` with each `[sound:name]` replaced by `replacement(index, name)`."""
    counter = iter(range(1 << 30))
    return SOUND_TAG.sub(lambda m: replacement(next(counter), m.group(1).strip()), html)


# --- source passages ---------------------------------------------------------------------
def text_paragraphs(text: str) -> list[tuple[int, int]]:
    """[start, end) offsets of the runs of non-blank lines (how deck files number paragraphs)."""
    paragraphs, start, position = [], None, 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            if start is None:
                start = position
            end = position + len(line.rstrip("\r\n"))
        elif start is not None:
            paragraphs.append((start, end))
            start = None
        position += len(line)
    if start is not None:
        paragraphs.append((start, end))
    return paragraphs


def passage_around(
    text: str,
    paragraphs: Sequence[tuple[int, int]],
    start: int | None,
    end: int | None,
    paragraph: int | None,
) -> tuple[str, int | None, int | None]:
    """The paragraph(s) holding the span [start, end) of `text`, and the span's offsets inside them.

    Without a span, the cited paragraph (numbered from 1) with no highlight; with neither, ("", None, None).
    """
    paragraphs = list(paragraphs) or text_paragraphs(text)
    if start is not None and end is not None:
        start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
        touching = [(a, b) for a, b in paragraphs if a < max(end, start + 1) and b > start]
        first = min([start, *(a for a, _ in touching)])
        last = max([end, *(b for _, b in touching)])
        return text[first:last], start - first, end - first
    if paragraph is not None and 1 <= paragraph <= len(paragraphs):
        a, b = paragraphs[paragraph - 1]
        return text[a:b], None, None
    return "", None, None


# --- readable colours ---------------------------------------------------------------------
# Cards carry inline colours chosen for a white page ("color: black", <font color=navy>).
# Rather than invert whole cards (which also inverts pictures) or drop every inline colour
# (which loses meaning a card author gave them), only colours that would be hard to read on
# the actual background are changed: their lightness is flipped, keeping the hue, so dark
# blue becomes light blue on a dark page and stays distinguishable from the plain text.
_NAMED_COLOURS = {
    "black": (0, 0, 0), "white": (255, 255, 255), "gray": (128, 128, 128), "grey": (128, 128, 128),
    "dimgray": (105, 105, 105), "dimgrey": (105, 105, 105), "darkgray": (169, 169, 169),
    "darkgrey": (169, 169, 169), "silver": (192, 192, 192), "lightgray": (211, 211, 211),
    "lightgrey": (211, 211, 211), "navy": (0, 0, 128), "darkblue": (0, 0, 139), "blue": (0, 0, 255),
    "maroon": (128, 0, 0), "darkred": (139, 0, 0), "red": (255, 0, 0), "green": (0, 128, 0),
    "darkgreen": (0, 100, 0), "purple": (128, 0, 128), "indigo": (75, 0, 130), "teal": (0, 128, 128),
    "olive": (128, 128, 0), "brown": (165, 42, 42), "yellow": (255, 255, 0), "lightyellow": (255, 255, 224),
    "ivory": (255, 255, 240), "beige": (245, 245, 220), "lime": (0, 255, 0), "aqua": (0, 255, 255),
    "cyan": (0, 255, 255), "fuchsia": (255, 0, 255), "magenta": (255, 0, 255), "orange": (255, 165, 0),
}
_HEX = re.compile(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
_RGB = re.compile(r"rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*[\d.]+\s*)?\)", re.IGNORECASE)
_STYLE_ATTRIBUTE = re.compile(r'(\sstyle=")([^"]*)(")', re.IGNORECASE)
_FONT_COLOUR = re.compile(r'(<font\b[^>]*?\scolor=")([^"]*)(")', re.IGNORECASE)
_COLOUR_DECLARATION = re.compile(r"(?<![\w-])(color\s*:\s*)([^;]+)", re.IGNORECASE)
_BACKGROUND_DECLARATION = re.compile(r"(?<![\w-])background(?:-color)?\s*:", re.IGNORECASE)
MINIMUM_CONTRAST = 3.0  # WCAG's ratio for large text; below it text is hard to read


def parse_colour(value: str) -> tuple[int, int, int] | None:
    """An RGB triple for a CSS colour written as #rgb, #rrggbb, rgb()/rgba() or a common name."""
    value = value.strip().lower().removesuffix("!important").strip()
    if match := _HEX.fullmatch(value):
        digits = match.group(1)
        if len(digits) == 3:
            digits = "".join(d * 2 for d in digits)
        return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)
    if match := _RGB.fullmatch(value):
        return tuple(min(255, int(g)) for g in match.groups())
    return _NAMED_COLOURS.get(value)


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """WCAG contrast ratio, 1 (none) to 21 (black on white)."""
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable_colour(rgb: tuple[int, int, int], background: tuple[int, int, int]) -> tuple[int, int, int]:
    """`rgb`, or the same hue with its lightness flipped when it is hard to read on `background`."""
    if contrast(rgb, background) >= MINIMUM_CONTRAST:
        return rgb
    h, lightness, s = colorsys.rgb_to_hls(*(c / 255 for c in rgb))
    flipped = colorsys.hls_to_rgb(h, 1 - lightness, s)
    candidate = tuple(round(c * 255) for c in flipped)
    if contrast(candidate, background) >= MINIMUM_CONTRAST:
        return candidate
    return (255, 255, 255) if _luminance(background) < 0.18 else (0, 0, 0)


def readable_inline_colours(html: str, background: tuple[int, int, int]) -> str:
    """Card HTML whose inline text colours (style="color: …", <font color>) read well on `background`.

    An element that sets its own background keeps its colours: they were chosen together."""

    def fix(value: str) -> str:
        return _readable_value(value, background)

    def fix_style(match: re.Match) -> str:
        style = match.group(2)
        if _BACKGROUND_DECLARATION.search(style):
            return match.group(0)
        style = _COLOUR_DECLARATION.sub(lambda m: m.group(1) + fix(m.group(2)), style)
        return match.group(1) + style + match.group(3)

    html = _STYLE_ATTRIBUTE.sub(fix_style, html)
    return _FONT_COLOUR.sub(lambda m: m.group(1) + fix(m.group(2)) + m.group(3), html)


_CSS_BLOCK = re.compile(r"([^{}]*)\{([^{}]*)\}")
_CARD_SELECTOR = re.compile(r"\.card(?![\w-])")
_BACKGROUND_DECLARATIONS = re.compile(r"(?<![\w-])background(?:-color)?\s*:[^;]*;?", re.IGNORECASE)


def readable_css(css: str, background: tuple[int, int, int]) -> str:
    """A note type's CSS for cards shown on the theme's `background`.

    Rules for `.card` lose their background (the view paints the theme's; Qt's rich text would
    paint a card background paragraph by paragraph), and text colours of rules that set no
    background of their own are made readable on `background`, as inline colours are."""

    def fix_block(match: re.Match) -> str:
        selectors, body = match.group(1), match.group(2)
        if _CARD_SELECTOR.search(selectors):
            body = _BACKGROUND_DECLARATIONS.sub("", body)
        if not _BACKGROUND_DECLARATION.search(body):
            body = _COLOUR_DECLARATION.sub(lambda m: m.group(1) + _readable_value(m.group(2), background), body)
        return f"{selectors}{{{body}}}"

    return _CSS_BLOCK.sub(fix_block, css)


def _readable_value(value: str, background: tuple[int, int, int]) -> str:
    rgb = parse_colour(value)
    if rgb is None:
        return value
    fixed = readable_colour(rgb, background)
    return value if fixed == rgb else "#{:02x}{:02x}{:02x}".format(*fixed)
