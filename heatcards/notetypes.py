"""The note types every new collection starts with, shaped like Anki's stock ones."""
from __future__ import annotations

from heatcards.model import CardTemplate, NoteType, NoteTypeKind

DEFAULT_CSS = """\
.card {
    font-family: "Segoe UI", "Noto Sans", Arial, sans-serif;
    font-size: 22px;
    line-height: 1.5;
    text-align: center;
    color: #1f2328;
    background-color: #ffffff;
    max-width: 40em;
    margin: 0 auto;
    padding: 1em;
}

.nightMode.card, .nightMode .card {
    color: #e6e6e6;
    background-color: #2b2b2b;
}

hr#answer {
    border: none;
    border-top: 1px solid #c8ccd0;
    margin: 1em 0;
}

img {
    max-width: 100%;
    height: auto;
}

.cloze {
    font-weight: bold;
    color: #1565c0;
}

.nightMode .cloze {
    color: #64b5f6;
}

details.hint summary {
    cursor: pointer;
    color: #1565c0;
    font-size: 0.85em;
}

/* the input the reviewer puts where the question shows {{type:Field}} */
.type-answer input, input#typeans {
    font-family: inherit;
    font-size: 1em;
    width: 90%;
    padding: 0.2em 0.4em;
}

/* the typed-answer comparison on the answer side */
code#typeans {
    font-family: "DejaVu Sans Mono", Consolas, monospace;
    font-size: 0.95em;
    white-space: pre-wrap;
}

.typeGood {
    background-color: #c8f7c5;
    color: #1b5e20;
}

.typeBad {
    background-color: #ffcdd2;
    color: #b71c1c;
}

.typeMissed {
    background-color: #e8e8e8;
    color: #555555;
}

.template-error {
    color: #b00020;
    font-size: 0.8em;
}
"""

_ANSWER_RULE = "<hr id=answer>"

BASIC = NoteType(
    id=None,
    name="Basic",
    kind=NoteTypeKind.STANDARD,
    fields=("Front", "Back"),
    templates=(
        CardTemplate("Card 1", "{{Front}}", "{{FrontSide}}" + _ANSWER_RULE + "{{Back}}"),
    ),
    css=DEFAULT_CSS,
)

BASIC_AND_REVERSED = NoteType(
    id=None,
    name="Basic (and reversed card)",
    kind=NoteTypeKind.STANDARD,
    fields=("Front", "Back"),
    templates=(
        CardTemplate("Card 1", "{{Front}}", "{{FrontSide}}" + _ANSWER_RULE + "{{Back}}"),
        CardTemplate("Card 2", "{{Back}}", "{{FrontSide}}" + _ANSWER_RULE + "{{Front}}"),
    ),
    css=DEFAULT_CSS,
)

BASIC_OPTIONAL_REVERSED = NoteType(
    id=None,
    name="Basic (optional reversed card)",
    kind=NoteTypeKind.STANDARD,
    fields=("Front", "Back", "Add Reverse"),
    templates=(
        CardTemplate("Card 1", "{{Front}}", "{{FrontSide}}" + _ANSWER_RULE + "{{Back}}"),
        CardTemplate(
            "Card 2",
            "{{#Add Reverse}}{{Back}}{{/Add Reverse}}",
            "{{FrontSide}}" + _ANSWER_RULE + "{{Front}}",
        ),
    ),
    css=DEFAULT_CSS,
)

CLOZE = NoteType(
    id=None,
    name="Cloze",
    kind=NoteTypeKind.CLOZE,
    fields=("Text", "Back Extra"),
    templates=(CardTemplate("Cloze", "{{cloze:Text}}", "{{cloze:Text}}<br>{{Back Extra}}"),),
    css=DEFAULT_CSS,
)

BASIC_TYPE_ANSWER = NoteType(
    id=None,
    name="Basic (type in the answer)",
    kind=NoteTypeKind.STANDARD,
    fields=("Front", "Back"),
    templates=(
        CardTemplate(
            "Card 1",
            "{{Front}}<br>{{type:Back}}",
            "{{Front}}" + _ANSWER_RULE + "{{type:Back}}",
        ),
    ),
    css=DEFAULT_CSS,
)

BUILTIN_NOTETYPES: tuple[NoteType, ...] = (
    BASIC,
    BASIC_AND_REVERSED,
    BASIC_OPTIONAL_REVERSED,
    CLOZE,
    BASIC_TYPE_ANSWER,
)


def builtin_notetype(name: str) -> NoteType:
    """The stock note type called `name`; KeyError when there is none."""
    for notetype in BUILTIN_NOTETYPES:
        if notetype.name == name:
            return notetype
    raise KeyError(name)
