"""Finding what a sentence names: people, places, organisations, titles of works, dates, times of day, years, ages,
money, quantities, durations and counts, each with its place in the sentence.

Numbers and dates are found by patterns; titles of works by quotation marks around title-case words, or by
their place between commas after a word such as "memoir" ("her memoir, Narrative of …, Written by Herself,");
names by runs of capitalised words, sorted into people, places and organisations by the words around
them (see lexicon.py) and by what the rest of the document says about the same name (`NameBook`).
"""
from __future__ import annotations

import dataclasses
import enum
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass

from heatcards.authoring import lexicon
from heatcards.authoring.sentences import ends_like_a_sentence


class MentionKind(enum.Enum):
    PERSON = "person"
    PLACE = "place"
    ORGANISATION = "organisation"
    WORK = "work"  # a film, book, song, … named in quotes or after "the film", "the novel", …
    NAME = "name"  # a capitalised name of unknown kind
    DATE = "date"
    TIME = "time"  # a time of day: "at {{about 11:30 p.m.}}", "at {{14:00}}", "at {{nine o'clock}}"
    YEAR = "year"
    AGE = "age"  # a person's age: "died in Lyon in 1990, aged {{81}}", "at the age of {{31}}"
    MONEY = "money"
    QUANTITY = "quantity"
    DURATION = "duration"
    COUNT = "count"
    TERM = "term"  # a lower-case technical term the sentence names or defines: "a technique called trilateration"


NAMED_KINDS = frozenset(
    {MentionKind.PERSON, MentionKind.PLACE, MentionKind.ORGANISATION, MentionKind.WORK, MentionKind.NAME}
)


@dataclass(frozen=True)
class Mention:
    kind: MentionKind
    start: int  # [start, end) in the sentence's text
    end: int
    text: str
    name: str  # the fullest form the document gives (e.g. "Michael Mann" for "Mann"); else `text`
    quoted: bool = False  # a title written between quotation marks
    possessive: bool = False  # followed by "'s"
    attributive: bool = False  # used as an adjective: the "Heat" script
    craft: bool = False  # a ship or another craft: "HMS Hood", "the Queen Mary 2"
    repeated_compound: bool = False  # a lower-case compound found only as one the document repeats (see _compounds_it_repeats)
    shaped_term: bool = False  # a lower-case term found only by the shape of the sentence defining it (see _terms_by_their_shape)
    rare_word: bool = False  # a lower-case word rare in English or a substance's name, found by no other rule (see rare_word_terms)
    substance: bool = False  # a substance's name common in English, found by no other rule (see substance_terms)
    listed: bool = False  # the items a count or their kind before them announces, asked whole (see _announced_lists)


@dataclass(frozen=True)
class Quotation:
    start: int  # [start, end) of the quoted words, without the marks
    end: int
    is_title: bool  # a short title-case name ("Miami Vice"), not quoted speech


_MONTH = rf"(?:{'|'.join(lexicon.MONTHS.split())})\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_WEEKDAY = "|".join(sorted(lexicon.WEEKDAYS))
# The first of two days of one month that a full date gives together, which is one date: "March {9 and }10, 1804",
# "{9–}10 March 1804".
_TWO_DAYS = rf"(?:{_DAY}(?:\s+and\s+|\s*[–-]\s*))?"
_NUMBER = rf"(?:\d[\d,]*(?:\.\d+)?|(?:{lexicon.NUMBER_WORDS})(?:[- ](?:{lexicon.NUMBER_WORDS}))*)"
_QUALIFIER = (
    # "just under 20 days", "well over 300 metres": a comparison with its degree, asked whole
    r"(?:(?:(?:(?:just|well|slightly)\s+)?(?:more than|less than|fewer than|over|under)|about|around|nearly|almost|roughly|approximately|"
    # "between" only before the first of two bounds joined by "and": not "{{between two}} metal plates"
    r"some|at least|at most|up to|only|just|between(?=(?:\s+\S+){1,3}?\s+and\s+(?:about\s+|around\s+)?(?:[^\s\d]{0,3}\d|(?:" + lexicon.NUMBER_WORDS + r")\b)))\s+)"
)
_HALF = r"(?:\s+and\s+a\s+half\b)?"  # "14 and a half hours", "two and a half minutes"
_SHARE = rf"(?:{lexicon.FRACTION_COUNTS})[ -](?:{lexicon.FRACTIONS})\b"  # "a quarter", "four-fifths", "two thirds"
# A share of one unit ("a tenth of a second"), or half of one, which drops the "of": "up to {{half an ounce}}", not "half
# {{an hour}}", which asks half the amount.
_SHARE_OF_ONE = rf"(?:{_SHARE}\s+of|half)\s+an?"
_RANGE = rf"{_NUMBER}{_HALF}(?:\s*(?:to|-|–|—|or|and)\s*{_NUMBER})?(?:\s(?:thousand|million|billion|trillion)\b)?"
_AMOUNT = rf"(?:US|A|C|NZ|HK)?[$€£¥]\s?\d(?:[\d,]*\d)?(?:\.\d+)?(?:\s?(?:{lexicon.SCALE_WORDS})\b)?"
_NATION = "|".join(sorted(lexicon.DEMONYMS))  # whose currency: "40 million Swiss francs", "8 Spanish dollars"
_NUMBER_IN_WORDS = rf"(?:one|{lexicon.COUNTING_WORDS})(?:[\s-](?:hundred|thousand|{lexicon.COUNTING_WORDS})\b)*"  # "six", "forty-five", "two hundred"
# Only a count in words above ten is a count when it opens a sentence: a few things counted there ("Two rail tunnels …",
# "Three kinds of trains …") are most often named one by one in the sentences after, or given away by the sentence itself
# ("Two prototypes were built, one in each country")
_OPENING_COUNTING_WORDS = "|".join(word.capitalize() for word in lexicon.COUNTING_WORDS_ABOVE_TEN.split("|"))

_DAY_OF_A_MONTH = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# A year of two or three digits opens no count: the word after it, if any, is one that opens a phrase or a clause
# ("on 9 March 112 the builder died"; not "on 3 March 45 soldiers died", "until 12 noon", "in 12 of the games").
_WORDS_AFTER_A_YEAR = "the|a|an|his|her|its|their|this|he|she|it|they|we|and|or|but|when|while|as|after|before|that|which|who|in|on|at|by|for|to|with|from|during|until"
_COUNTS_NOTHING = rf"(?!\s+(?!(?:{_WORDS_AFTER_A_YEAR})\b)[a-z])"
# A place a contest or poll ranks someone in, before a comma or a word that says among whom or where: "came
# {{second}}, behind only …", "finished {{third}} in the final", "was ranked {{first}} among …" (not "came first to
# Paris", where "first" is when he came; nor a passive of finishing or placing, "The gateway was finished first,",
# which orders work, see _PASSIVE_BEFORE_A_RANK).
_RANK = re.compile(
    "(?:" + "|".join(rf"(?<=\b{verb} )" for verb in lexicon.RANKING_VERBS) + ")"
    + rf"(?:{lexicon.PLACE_ORDINALS})(?=[,.;]| (?:in|behind|among|of|out of|overall|place)\b)"
)
# A tally or a ratio is one count, asked whole (either number alone is half the fact): "by {{52 votes to 48}}", "by a vote
# of {{6 to 3}}", "{{about one in ten}} adults", "{{nine out of ten}}"; not "two in five minutes", a count in a time.
_TALLY_NUMBER = rf"(?<![\d.,$£€])(?:\d{{1,3}}(?:,\d{{3}})*(?![\d.,]\d)|{_NUMBER_IN_WORDS})\b"
# Round 106, part A: a ratio in figures with colons, after "ratio" and what says how near: "in a ratio near {{9:3:3:1}}",
# "a ratio of {{3:1}}" (not "at 1:23:04", a time, with no "ratio" before it).
_RATIO_BEFORE = "|".join(rf"(?<=\bratio {word})" for word in ("", "of ", "near ", "of about ", "of roughly ", "close to ", "of nearly "))
_TALLY_OR_RATIO = re.compile(
    rf"{_TALLY_NUMBER}\s+votes?\s+to\s+{_TALLY_NUMBER}"
    rf"|(?:{_RATIO_BEFORE})\d{{1,3}}(?::\d{{1,3}})+(?![\d:])"
    rf"|(?:(?<=\bvote of )|(?<=\bmargin of )|(?<=\bratio of )|(?<=\bvoted )){_TALLY_NUMBER}\s+to\s+{_TALLY_NUMBER}"
    rf"|(?:\b(?i:about|around|nearly|almost|roughly|some|only|just)\s+)?(?<![\w-]){_TALLY_NUMBER}\s+(?:in|out\s+of)\s+{_TALLY_NUMBER}"
    rf"(?!\s+(?:{lexicon.TIME_UNITS})\b|\s*%|\s+per\b)"
)
# The count of a part after an opening that counts the whole: "Of the 97 people on board, {{62}} survived.", "Of its
# twelve crew, only {{three}} were found." (the number before a verb; not "Of the 97 people on board, 62 per cent …",
# nor an opening that counts nothing, "Of these, 40 died", whose whole the card would not show).
_COUNT_OF_A_PART = re.compile(
    rf"^Of (?:the|its|their|his|her|these|those) (?:[a-z-]+ )?(?:\d[\d,]*|{lexicon.COUNTING_WORDS}) [^,;]+, "
    rf"(?:only |just |about |nearly |almost |some )?(?P<count>\d[\d,]*|{lexicon.COUNTING_WORDS}|one) (?P<verb>[a-z]+)\b"
)
_PASSIVE_BEFORE_A_RANK = re.compile(r"\b(?:is|are|was|were|be|been|being) (?:finished|placed) $")
_SHORT_YEAR = rf"[1-9]\d{{1,2}}\b(?![.,:]\d){_COUNTS_NOTHING}"

_HOUR = r"(?:1[0-2]|0?[1-9])"
_HOUR_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"

# A duration is no duration before a word that counts from another time ("two weeks later") and no age ("26-year-old").
_NOT_RELATIVE = rf"(?!\s+{lexicon.RELATIVE_TIME}|-old\b)"
# The time a rate is counted in: "a minute", "per day"; not a time counted from another ("a year later", "a year after
# it opened").
_PER_TIME = rf"\s+(?:per|an?)\s+(?:{lexicon.RATE_TIMES})\b(?!\s+(?:after|before)\b){_NOT_RELATIVE}"
# A unit of time before "hand" names a clock's hand, no duration: "had only an hour hand".
_NOT_A_CLOCK_HAND = r"(?!\s+hands?\b)"
# A duration whose plural possessive opens a name is a word of that name: "the {{Thirty Years' War}}", "the Hundred Years’
# War" (round 105, lead)
_NOT_A_NAMES_POSSESSIVE = r"(?!['’]\s+(?-i:[A-Z]))"
# What a quantity is counted in, for a rate: "299,792 kilometres per second", "3.8 centimetres a year".
_PER = rf"(?:{_PER_TIME}|\s+per\s+(?:{lexicon.RATE_UNITS})\b)?(?![\w/])"
# An amount word before a count; "under" or "over" before a number in words is a preposition: "came down under {three}
# parachutes".
_COUNT_QUALIFIER = rf"(?:\b(?!(?:over|under)\s+(?:{lexicon.COUNTING_WORDS})\b){_QUALIFIER})?"
# The plural noun a count counts, perhaps after a word for a people or a name that says which kind: "some {800,000}
# French investors", "{about 11,000} Kessler looms"; or after three words that describe it (round 105, part B): "{{124}}
# slender white marble columns" (none a small word, pronoun or verb, which go on with the sentence: "two of the most
# famous detectives", "at about twelve he paid fifty cents", "The 1901 glider produced far less"; nor a noun in "-s"
# that is no plural, "less" or "famous").
_COUNTED_NOUN = rf"(?:[a-z]+s|[a-z]*(?:people|men|children)|{lexicon.UNMARKED_PLURALS})\b"
_NOT_A_DESCRIBING_WORD = (
    "the|a|an|of|and|or|but|in|on|at|to|for|with|by|from|as|than|most|more|less|very|far|so|too|its|his|her|their|"
    "this|that|which|who|he|she|it|they|we|was|were|is|are|has|had|have|be|been|would|could|will|can"
)
_THREE_DESCRIBING_WORDS = rf"(?:\s+(?!(?:{_NOT_A_DESCRIBING_WORD})\b)(?![a-z]+ed\b)[a-z][\w-]*){{3}}\s+(?!(?:{_NOT_A_DESCRIBING_WORD})\b)[a-z]+[^isu\W]s\b"
_COUNTED_AFTER = rf"(?=(?:\s+(?:[a-z][\w-]*|[A-Z][a-z][\w-]*)){{0,2}}?\s+{_COUNTED_NOUN}|{_THREE_DESCRIBING_WORDS})"
# A count of things in a unit of time is one rate, whose time is half the fact: "carried {{about eight words a minute}}"
# (not "about {{eight}} words" a minute); not how often something happened ("rang three times a day": see the count's
# rules), nor a count before a time counted from ("hired 300 men a year later").
_COUNT_PER_TIME = re.compile(
    # (a range is one rate: "{{about 600 to 900 loaves a minute}}")
    rf"{_COUNT_QUALIFIER}\b(?<![\d.,:])(?:\d(?:[\d,]*\d)?(?:\s*(?:to|-|–)\s*\d(?:[\d,]*\d)?)?|{_NUMBER_IN_WORDS})\s+(?!times\b){_COUNTED_NOUN}{_PER_TIME}"
)

# A count of a part of what the sentence or the one before named: "copies of {{roughly eight hundred}} of them", "{{more
# than 600}} of Vincent's letters survive".
_COUNT_OF_THOSE_NAMED = (
    r"(?=\s+of\s+(?:them|these|those|(?:[A-Z][\w-]*['’]s\s+)?[a-z]+s\b"
    # a part of a whole the sentence counts: "{{about 30,000}} of the town's 45,000 or so inhabitants"
    rf"|(?:the|its|their)\s+(?:[\w-]+['’]s\s+)?\d[\d,]*(?:\s+or\s+so)?\s+(?:[a-z]+\s+)?{_COUNTED_NOUN}))"
)
# A count that sums the ones the sentence gave before it: "12 along each wall, {{40}} in all".
_COUNT_IN_ALL = r"(?=\s+in\s+(?:all|total)\b)"
# A count of more of what a count just before counted, at the end of a clause: "killed about 3,000 people and injured
# {{some 7,000}} more." (not "cost 7,000 more than", a difference).
_COUNT_OF_MORE = r"(?=\s+more\s*(?:[,;:]|\.$))"
# A count whose noun the sentence gave before it, as the subject of a verb that says what became of them: "More than 200
# rooms were planned, but {{only about 15}} were finished.", "and {{49}} survive complete", "In the famine that followed,
# {{about a million}} died" (digits of a year are none: "1914 was").
_COUNT_BEFORE_ITS_VERB = re.compile(
    rf"(?:(?<=, but )|(?<= and )|(?<=, so )|(?<=, yet )|(?<=, ))(?:{_QUALIFIER}){{0,2}}(?:(?<![\d.,:$£€])(?:\d{{1,3}}(?:,\d{{3}})*)(?!\d)|{_NUMBER_IN_WORDS}|an?\s(?:thousand|million))"
    rf"(?=\s+(?:were|survive|survived|survives|remain|remained|died|perished|drowned|escaped)\b)"
)
# How many times more, or how often in a unit of time: "means {{roughly ten times}} more material", "{{around 200 times}}
# the pressure of the atmosphere", "{{three times}} as long as", "reverses {{nearly five billion times}} a second"; not
# how often something happened ("was arrested three times", "rang three times a day").
_MULTIPLE = re.compile(
    rf"(?:\b{_QUALIFIER})?\b(?:(?P<large>\d[\d,]*(?:\.\d+)?(?:\s(?:million|billion))?|{_NUMBER_IN_WORDS}\s(?:million|billion))|{_NUMBER_IN_WORDS})\s+times\b"
    rf"(?=\s+(?:more|less|fewer|as\s|the\s|that\s|its\s|their\s|his\s|her\s|[a-z]+er\s+than\b|or\s+more\b)"
    # a rate only when large: "vibrates {{32,768 times}} a second" (not "rang three times a day", a count of how often)
    rf"|(?(large)\s+an?\s+(?:second|minute|hour|day|week|month|year)\b|(?!)))"
)

_AFTER_A_MEASURING_VERB = "|".join(rf"(?<=\b{verb} )" for verb in sorted(lexicon.MEASURING_VERBS))  # "weighs a tonne"

_PATTERNS: tuple[tuple[MentionKind, re.Pattern[str]], ...] = (
    (
        MentionKind.TIME,
        # with "a.m." or "p.m." ("5:12 a.m.", "11.30 p.m.", "9 am") or "o'clock", never a bare hour ("at 11"); or the
        # hours and minutes of a 24-hour clock ("at 14:00"; see _puts_at_a_time)
        re.compile(
            rf"(?<![\d.,:])(?:\b{_QUALIFIER})?\b(?:{_HOUR}(?:[:.][0-5]\d)? ?(?:[ap]\.m\.|[AP]\.M\.|[ap]m\b|[AP]M\b)"
            rf"|(?:{_HOUR}|{_HOUR_WORDS}) o['’]clock\b|(?P<clock>(?:0\d|1[3-9]|2[0-3]):[0-5]\d)\b(?![.:,]\d))"
        ),
    ),
    (
        MentionKind.DATE,
        re.compile(
            # with the day of the week it fell on, when no comma sets it off: "By {{Friday 9 March}} the river had fallen"
            rf"\b(?:(?:{_WEEKDAY}) )?(?:{_MONTH}\s+{_TWO_DAYS}{_DAY},?\s+\d{{4}}|{_TWO_DAYS}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{4}}"
            # a full date is a date whatever the digits of its year: "on 9 March 112", "on March 9, 112"
            rf"|{_MONTH}\s+{_DAY},\s+{_SHORT_YEAR}|{_DAY}\s+(?:of\s+)?{_MONTH}\s+{_SHORT_YEAR}"
            # a day of a month without its year, which the label or the sentence gives: "on June 14", "on 14 June"
            # (never a month alone: "in May", "May" the name, "March" the verb)
            rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\d|,\s*\d)|{_DAY_OF_A_MONTH}\s+(?:of\s+)?{_MONTH}\b)"
            # a day of the week that comes back, which is the fact: "closed on {{Mondays}}" (not "on Friday", which Friday?,
            # nor "on Monday mornings", which says more than the day, nor "closed on Sundays", the day of rest anyone guesses)
            rf"|(?<=\bon )(?!Sunday)(?:{_WEEKDAY})s\b(?! [a-z]+s\b)"
        ),
    ),
    (
        MentionKind.MONEY,
        re.compile(
            rf"(?:{_QUALIFIER})?(?:{_AMOUNT}(?:\s*(?:to|-|–|and)\s*{_AMOUNT})?"
            # a sum in words is money too: "paid {{one shilling}} each", "for {{six shillings}} a week"
            rf"|\b(?:\d[\d,]*(?:\.\d+)?|{_NUMBER_IN_WORDS})(?:\s(?:{lexicon.SCALE_WORDS}))?\s(?:(?:{_NATION})\s)?(?:{lexicon.CURRENCY_WORDS})\b"
            # a scale word's "a" is its number: "gave {{almost a million drachmas}}"
            rf"|\ban?\s(?:thousand|million|billion)\s(?:(?:{_NATION})\s)?(?:{lexicon.CURRENCY_WORDS})\b"
            # old pence written as one word: "a rate of {{fourpence}}"
            rf"|\b(?:{lexicon.COUNTING_WORDS})pence\b)"
        ),
    ),
    (
        MentionKind.DURATION,
        re.compile(
            rf"(?:\b{_QUALIFIER}(?:an?|{_RANGE})|\b{_RANGE})[\s-]+(?:{lexicon.TIME_UNITS})\b"
            rf"(?:(?:(?:,?\s+and|,)?\s+{_NUMBER}\s+(?:{lexicon.TIME_UNITS})\b){{1,2}}|\s+and\s+a\s+half\b)?{_NOT_RELATIVE}"
            rf"{_NOT_A_CLOCK_HAND}{_NOT_A_NAMES_POSSESSIVE}",
            re.IGNORECASE,
        ),
    ),
    (
        MentionKind.QUANTITY,
        # with what it is counted in, for a rate: "299,792 kilometres per second", "3.8 centimetres a year",
        # "3 million volts per metre"; a minus sign is the number's ("boils at about −33 °C"). Round 111, lead: a number
        # in words opening the sentence is capitalised ("{{Fourteen miles}} upstream lay the dam"; a capitalised "About"
        # stays out, as before a number in digits: "About {{ten feet}} …")
        re.compile(rf"(?:(?:\b{_QUALIFIER})?(?:(?<=\s)[−-](?=\d)|\b){_RANGE}|^(?i:{_RANGE}))\s?(?:{lexicon.UNITS}){_PER}"),
    ),
    (
        MentionKind.QUANTITY,
        # a measure of a material whose number is "a", after an amount word ("needs only {{about a gram}} of water"), or
        # after a verb that measures ("weighs {{a tonne}}"); not a distance said in passing ("lay about a mile from the
        # wreck", "a bridge almost a kilometre long"), which the development articles gave as side details
        re.compile(
            rf"(?:\b{_QUALIFIER}(?=an?\s(?:{lexicon.MEASURES_AFTER_AN_ARTICLE})\b{_HALF}\s+of\s)|{_AFTER_A_MEASURING_VERB})"
            rf"an?\s(?:{lexicon.MEASURES_AFTER_AN_ARTICLE})\b{_HALF}"
        ),
    ),
    (MentionKind.QUANTITY, _COUNT_PER_TIME),
    (MentionKind.QUANTITY, _MULTIPLE),
    (MentionKind.COUNT, _COUNT_BEFORE_ITS_VERB),
    # four digits, or two or three in a document that dates by an era (see _is_year)
    (MentionKind.YEAR, re.compile(r"(?<![\d$£€.,])\b(?:(?:1[0-9]{3}|20[0-9]{2})(?:s\b|(?=['’]s\b)|\b(?![.,]\d))|[1-9][0-9]{1,2}\b(?![.,:]\d))")),
    (
        MentionKind.COUNT,
        re.compile(
            rf"{_COUNT_QUALIFIER}\b(?:(?<![\d.,])\d[\d,]*(?:\.\d+)?(?:\s*(?:to|-|–|or)\s*\d[\d,]*)?\s(?:million|billion|trillion)\b"
            # a number in words is whole: "two hundred", "forty-five", "seven million"
            # a count in words above ten may open the sentence: "{Eleven} tunnel boring machines did the work"
            # digits glued to a word by a hyphen are part of its name, no count: "an atom of carbon-14"
            # after "between" a range is joined by "and": "between {{12 and 18}} carbon atoms"
            rf"|(?:(?<=\bbetween )\d(?:[\d,]*\d)?\s+and\s+\d(?:[\d,]*\d)?"
            rf"|(?<![\d.,:])(?<![a-z]-)\d(?:[\d,]*\d)?(?:\s*(?:to|-|–|or)\s*\d(?:[\d,]*\d)?)?|(?:{lexicon.COUNTING_WORDS}|^(?:{_OPENING_COUNTING_WORDS}))(?:[\s-](?:hundred|thousand|million|billion|{lexicon.COUNTING_WORDS})\b)*"
            # two numbers in words joined by "or" are one count (round 105, part B): "{{three or four}} strokes"
            rf"(?:\s+or\s+(?:{lexicon.COUNTING_WORDS})\b)?)"
            rf"(?:{_COUNTED_AFTER}|{_COUNT_OF_THOSE_NAMED}|{_COUNT_IN_ALL}|{_COUNT_OF_MORE}))|\b\d+(?:st|nd|rd|th)(?=\s+[a-z])"
        ),
    ),
    (MentionKind.QUANTITY, re.compile(r"(?<=magnitude of )\d\.\d\b|(?<=magnitude at )\d\.\d\b")),
    # a value with a decimal point that a copula or "at" gives at the end of a clause, its scale being the sentence's
    # ("the refractive index, which for water is {{about 1.33}}.", "the index closed at {{381.17}},"); not an hour
    # after "at" ("at 6.30")
    (
        MentionKind.QUANTITY,
        re.compile(
            rf"(?:(?<=\bis )|(?<=\bwas )|(?<=\bare )|(?<=\bwere )|(?<=\bat )(?!(?:{_QUALIFIER})?(?:1[0-2]|0?\d)\.[0-5]\d\b))"
            rf"(?:{_QUALIFIER})?(?<![\d.,])\d[\d,]*\.\d+(?=[,;]|\.$)"
        ),
    ),
    # a share given to three places with no leading zero, as sports give an average: "an average of {{.349}}" (not a
    # calibre, "a .22 rifle", whose number is no amount of anything)
    (MentionKind.QUANTITY, re.compile(r"(?<= of )\.\d{3}\b(?![.,]\d)")),
)
# A share written in words, looked for only in a sentence with a fraction word (found fast: trying a share at every word
# of every sentence slowed suggesting by a tenth). A share of one unit is one duration or quantity, "for {{about a
# tenth of a second}}", "climbs {{about three quarters of a mile}}"; a share of a scale word one count, "{{a quarter
# of a million}} people"; a share of what follows, "about two thirds of", "Four-fifths of", also alone after an amount
# word and before a stop, "usually less than a tenth,"; "half" only after an amount word ("nearly half of the votes",
# not "half the story", "cut in half").
_FRACTION_WORD = re.compile(rf"\b(?:{lexicon.FRACTIONS})\b", re.IGNORECASE)
_SHARE_PATTERNS: tuple[tuple[MentionKind, re.Pattern[str]], ...] = (
    (
        MentionKind.DURATION,
        re.compile(rf"\b(?:{_QUALIFIER})?{_SHARE_OF_ONE}[\s-]+(?:{lexicon.TIME_UNITS})\b{_NOT_RELATIVE}", re.IGNORECASE),
    ),
    (MentionKind.QUANTITY, re.compile(rf"(?:\b{_QUALIFIER})?\b{_SHARE_OF_ONE}\s+(?:{lexicon.UNITS}){_PER}")),
    (
        MentionKind.QUANTITY,
        # (a capital only where it opens the sentence: ignoring case everywhere made the pattern three times slower)
        re.compile(
            rf"(?:(?P<amount>(?i:^{_QUALIFIER})|\b{_QUALIFIER}))?(?:(?i:^{_SHARE})|\b{_SHARE}|(?(amount)half\b|(?!)))"
            rf"(?(amount)(?= of\b|[,;]|\.$)|(?= of\b))(?! of an? (?:{lexicon.SCALE_WORDS})\b)"
        ),
    ),
    (MentionKind.COUNT, re.compile(rf"{_COUNT_QUALIFIER}\b{_SHARE} of an?\s(?:million|billion)\b{_COUNTED_AFTER}")),
)
# A reading on a scale whose unit comes first, found before the names ending in a number ("Apollo 14") that
# it would otherwise be taken for: "at {{Mach 2}}", "about {{magnitude 7.9}}", "a {{Category 5}} storm", a wind's force
# before the scale's name or "gale" (round 105, part B): "put the wind at {{force 10 or 11}} on the Beaufort scale", "a
# {{force 9}} gale" (not "the force of 10 men").
_ON_A_SCALE = re.compile(
    rf"(?:\b{_QUALIFIER})?\b(?:Mach \d+(?:\.\d+)?|[Mm]agnitude \d\.\d|[Cc]ategory [1-5]|[Ff]orce \d{{1,2}}(?: (?:or|to) \d{{1,2}})?(?= on the Beaufort scale\b| gales?\b))\b(?![.,]\d)"
)
# The number something is given as its name, after a word that says so: "was numbered {{66}}", "renumbered it {{4472}}",
# or "retired his number, {{23}}," (a name, no count: the count's rules would ask it "how many").
_NUMBER_AS_A_NAME = re.compile(r"(?:(?<=numbered )|(?<=numbered it )|(?<=numbered them )|(?<=\bnumber, ))\d{1,6}(?![\w,.]*\d)(?=[ ,;.])")
# A law, principle, effect or cycle named after someone is one term, found before the name it holds (which alone is
# half of it): "By {{Ostrander's principle}}, …", "known as the {{Kessler numbers}}" (not "Isaac Newton's law of
# gravitation", whose term goes on; nor "Smith's rule", a reign). After a possessive, a disease or a comet named so is
# one term too: "the cause was {{Hale's disease}}" (the "disease" alone was asked). After "a" a device named so is one
# term as well: "works as a {{Volta cage}}" (not "a Volta" and a cage).
# Round 106, part A: after "the" a method, a measure or a reaction named so is one term too (lexicon.NAMED_METHOD_NOUNS):
# "the {{Fourier transform}}", "the {{Larmor frequency}}"; never a people's word before the noun ("the French reaction",
# how the French reacted).
_NAMED_IDEA = "|".join(sorted(lexicon.NAMED_IDEA_NOUNS | lexicon.NAMED_METHOD_NOUNS))
_POSSESSED_EPONYM = "|".join(sorted(lexicon.EPONYM_NOUNS - {"rule"}))
_EPONYM = r"[A-Z][\w-]*(?: [A-Z][\w-]*)*"
# (looked for only in a sentence with such a noun, found fast: the pattern tried at every word cost a few milliseconds)
_EPONYM_NOUN = re.compile(rf"(?: (?:{_POSSESSED_EPONYM}|{'|'.join(sorted(lexicon.NAMED_METHOD_NOUNS))})|-hand rule)\b")
# A part of the body named after the anatomist who described it is one term, not a name and its noun: "the sensory
# {{organ of Corti}}", "the {{Eustachian tube}}" (not "the {{Eustachian}} tube").
_ANATOMY_NAMED_AFTER_SOMEONE = re.compile(
    rf"\b(?:{'|'.join(sorted(lexicon.ANATOMY_NAMED_BY_OF))}) of (?!(?:{'|'.join(sorted(lexicon.DEMONYMS))})\b)[A-Z][a-z]+\b(?!['’-])"
    r"|(?<=\b[Tt]he )[A-Z][a-z]+ian tubes?\b"
)
# A numbered law is one term with the field it belongs to: "{{Newton's third law of motion}}" (not "Newton's law of
# gravitation", above); a hand rule is no reign: "{{Fleming's left-hand rule}}".
_NUMBERED_LAW = rf"(?:{lexicon.PLACE_ORDINALS}|zeroth) laws?(?: of (?:motion|thermodynamics|planetary motion))?"
_EPONYMOUS_TERM = re.compile(
    rf"(?<![\w-])(?=[A-Z])(?:(?<=\b[Tt]he )(?!(?:{'|'.join(sorted(lexicon.DEMONYMS))})\b){_EPONYM} (?:{_NAMED_IDEA})|(?:(?<=\ba )|(?<=\ban )){_EPONYM} cage"
    rf"|(?!(?:{'|'.join(sorted(lexicon.SENTENCE_STARTERS))})\b){_EPONYM}['’]s (?:{_POSSESSED_EPONYM}|{_NUMBERED_LAW}|(?:left|right)-hand rule))\b(?! of\b)"
)
# A year or a century with its era, whose marker names nothing: "founded in {{753 BC}}", "died in {{AD 14}}",
# "writing in the {{second century A.D.}}" (not "A.D." alone, an organisation by its capitals). A century is
# one time, asked as a date is ("In what year …" would not fit it).
_ERA = "|".join(re.escape(marker) for marker in sorted(lexicon.ERA_MARKERS, key=len, reverse=True))
_YEAR_OF_AN_ERA = re.compile(rf"\b\d{{1,4}} (?:{_ERA})(?!\w)|\b(?:AD|A\.D\.) \d{{1,4}}\b(?![.,]\d)")
_CENTURY_OF_AN_ERA = re.compile(rf"(?<=\bthe )(?:{lexicon.CENTURY_ORDINALS}) century (?:{_ERA})(?!\w)")
# A time counted back in thousands of years or more is a time, asked whole, which the years since the writing do not
# change: "{{about 20,000 years ago}}", "{{2.4 billion years ago}}", "{{some 65 million years ago}}" (not "twenty years
# ago", "a century ago", which lean on the day the text was written).
LONG_AGO = re.compile(
    rf"(?:\b{_QUALIFIER})?(?:\b(?:\d{{1,3}}(?:,\d{{3}})+|\d{{4,}})|(?:\b(?:\d+(?:\.\d+)?|{lexicon.COUNTING_WORDS}|an?)\s)?"
    r"\b(?:thousand|million|billion))(?: [a-z]+)? years ago\b"
)
# An isotope named by its element and mass number is one term, whose number is the fact: "{{uranium-235}}",
# "an atom of {{carbon-14}}" (the count patterns leave digits glued to a word alone).
_ISOTOPE = re.compile(rf"(?<![\w-])(?i:{lexicon.CHEMICAL_ELEMENTS})-\d{{1,3}}(?![\w-])")


def names_an_isotope(name: str) -> bool:
    """Whether `name` is an isotope's ("uranium-235"), one thing however often a document names it."""
    return _ISOTOPE.fullmatch(name) is not None


# A feast day and its year is a date, found before the names, which would read it as a name ending in a number ("On
# {{New Year's Eve 1912}} he …"); the day alone names no one day ("on Christmas Day he …").
_FEAST_DAY_OF_A_YEAR = re.compile(rf"\b(?:{lexicon.FEAST_DAYS}),? \d{{4}}\b(?![.,]\d)")
# What puts an event in a year of two or three digits: "until 498", "became king in 64", "from 64 to 68", a sentence
# opening "By 300" (not "one in 10", a share, nor "grew by 30", an amount).
_SHORT_YEAR_CUE = re.compile(
    r"(?:(?<!\bone )(?<!\d )\b(?:in|until|till|since|from|before|after|circa|c\.)|\b(?:[Ff]rom|[Bb]etween) \d{2,4} (?:to|and)"
    r"|^(?:By|In|Until|Till|Since|From|Before|After|Circa)) $"
)
_COUNTS_NOTHING_AFTER = re.compile(_COUNTS_NOTHING)
# A person's age: "died in Lyon in 1990, aged {{81}}", "at the age of {{thirty-one}}", "at age {{31}}", with the unit of
# a small child's (round 105, part B): "at the age of {{19 months}}", "aged {{six weeks}}" (not "19" alone).
_AGE = re.compile(rf"(?:(?<=\baged )|(?<=\bthe age of )|(?<=\bat age ))(?:{_QUALIFIER})?{_RANGE}\b(?![.,]\d)(?: (?:months|weeks|days)\b)?")
# A reading of two numbers, as of a blood pressure, is one value, asked whole or not at all: "{{about 120 over 80
# millimetres}} of mercury" ("of mercury" stays outside, as "of thrust" does), never "about 120 {{over 80
# millimetres}}" with its "over" taken for "more than" (not "grew by 40 over 10 years", a span of time).
_READING = re.compile(
    rf"(?:\b{_QUALIFIER})?\b\d{{2,3}} over \d{{2,3}}\b(?: (?:millimet(?:re|er)s|mm ?Hg)\b)?(?!\s+(?:{lexicon.TIME_UNITS})\b)"
)
# Two amounts with their units that bound a span, after "between" or a verb of range, are one value, asked whole:
# "ranges from {{about 2 mm to about 8 mm}}", "between {{about 600 °C and about 900 °C}}"; either alone is half a fact.
# Not a change ("rose from 20 °C to 30 °C", whose end is the fact).
_AMOUNT_WITH_UNIT = rf"(?:{_QUALIFIER})?{_RANGE}\s?(?:{lexicon.UNITS})(?![\w/])"
_SPAN_START = rf"(?:{_QUALIFIER})?{_RANGE}(?:\s?(?:{lexicon.UNITS})(?![\w/]))?"  # its unit may be left to the second ("from 3 to 9 mm")
# Two bare numbers after "between" bound a span too where nothing follows them but a stop or "times", the noun or scale
# being the sentence's, asked with their "between" (the numbers alone read as a list): "a pH of {{between 2.5 and 4}}.",
# "typically {{between 40 and 80}}, with …", "{{between 50 and 90}} times a minute"; not two years ("between 1939 and 1945,"), nor numbers before a noun, which the count rules take.
_SPAN_OF_NUMBERS = rf"(?:{_QUALIFIER})?(?!(?:1\d{{3}}|20\d{{2}})\b)\d[\d,]*(?:\.\d+)? and \d[\d,]*(?:\.\d+)?(?![\d,.]\d)(?=[,;)]|\.$|\s+times\b)"
_SPAN_OF_AMOUNTS = re.compile(
    rf"\b(?:between (?P<between>{_SPAN_START} and {_AMOUNT_WITH_UNIT})|(?P<numbers>between {_SPAN_OF_NUMBERS})"
    rf"|(?:range|ranges|ranged|ranging|vary|varies|varied|varying) from (?P<from>{_SPAN_START} to {_AMOUNT_WITH_UNIT}))"
)
_YEAR_CUES = frozenset(
    "in since until till by of from to between and early late mid circa c. around before after during year "
    "summer winter spring autumn fall".split()
)
# Words that put an event at hours and minutes: "at 14:00", "by 06:42".
_TIME_CUES = frozenset("at by until till before after from to".split())
_TIME_WAS = re.compile(r"\btime (?:was|is) $")  # "The time was 20:17 …", which says the time of day

_TIME_AFTER = re.compile(rf"\s+(?:{lexicon.TIME_UNITS})\b", re.IGNORECASE)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|his|her|its|their)\s+[\"“‘]$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"[\"”’]\s+(?!(?:is|was|are|were|has|had|and|or)\b)[a-z]")
# A noun that says the quotation after it is a title: "his 1959 memoir, "We Seven,"", "a statement titled "If …"".
# (also with "called" after the cue: 'a pamphlet called "Canal Tolls: Their Cost and Cure"')
# (Round 113, part B: or a saying's noun, lexicon.SAYING_CUES: 'as its motto "Deeds, not words"', a saying asked whole;
# or "the words" with no comma, which give what is written: 'she wrote the words "Varnia for ever" on …' (not 'greeted
# him with the words, "Well, Tom, …"', speech))
_TITLE_CUE = re.compile(
    rf"\b(?:{'|'.join(sorted(lexicon.WORK_CUES | lexicon.SAYING_CUES))}|titled|entitled|nickname|statement|speech|essay|article|report)(?: \d{{4}})?,?(?: called)? [\"“‘]$"
    r"|\bthe words [\"“‘]$"
)
_MAX_CUED_TITLE_WORDS = 10
_WORK_APPOSED = re.compile(rf",? an? (?:[a-z]+ )?(?:{'|'.join(sorted(lexicon.WORK_CUES))})\b")  # '"Tora! Tora! Tora!," a film about …'
_QUOTE_PAIRS = re.compile(r"\"([^\"]+)\"|“([^”]+)”|‘([^’]+)’")
# A designation of letters and digits: "F-1", "X-15", "R-7", "N1", "Tu-144", "DC-10", "JN-25".
_DESIGNATION = r"[A-Z][A-Za-z]{0,3}-\d{1,4}[A-Z]?(?![\w-])|[A-Z]{1,3}\d{1,4}(?![\w-])"
# One capital letter with a full stop that ends the text ends the sentence too: "a new Model T." is the "Model T".
# Capitals joined by "&" are one short form: "AT&T", "P&O" (not "{{AT}}&T"). A generational suffix keeps its full stop
# before a comma too, ending the name it belongs to: "His son, Linus Hale Jr., refined …".
_TOKEN = re.compile(
    rf"(?:[A-Z]{{1,4}}&)+[A-Z]{{1,4}}(?![\w&])|{_DESIGNATION}|(?:[A-Z]\.){{2,}}(?!\w)|[A-Z]\.(?!\w)(?![\"”’)]*\s*$)|(?:{'|'.join(lexicon.NAME_ABBREVIATIONS + lexicon.RANK_ABBREVIATIONS)})\.(?= )|(?:{'|'.join(sorted(lexicon.GENERATIONAL_SUFFIXES))})\.(?=,)|[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d{{1,4}}[A-Z](?![\w-])|\d+|\S"
)
# A one-word nickname in quotation marks between a first name and a surname: 'Arthur "Boy" Capel', 'Joe "King" Oliver';
# round 112, lead: or after two given names, 'Mary Virginia "Jennie" Wade'.
_NICKNAME_INSIDE_A_NAME = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)? [\"“](?P<nickname>[A-Z][a-z]+)[\"”] (?=[A-Z][a-z])")
_TITLES = lexicon.TITLES_BEFORE_NAMES | frozenset(lexicon.RANK_ABBREVIATIONS)  # "Brig. Gen. Harold Moss"
# "for the" inside an organisation's name goes on with "X of": "Society for the Protection of Birds".
_FOR_THE_SOMETHING_OF = re.compile(r"for the [A-Z][\w'’-]* of [A-Z]")
# Round 101, part C: a people named by an adjective after "for the", the last word of a home's or a body's name: "the
# Royal Institute for the Deaf" (not "left the College for the Navy", whose last word is a name of its own).
_FOR_THE_PEOPLE = re.compile(rf"for the (?:{'|'.join(sorted(lexicon.PEOPLE_ADJECTIVES))})(?![\w'’-])")
# Round 101, part C: the letter and "-type" of a model after its maker's name: "a Jaguar D-type" (not the "G-type" of a
# star, which follows no name).
_MODEL_TYPE = re.compile(r"[A-Z]\d?-type")
_CONNECTORS = frozenset("of the de des da di du del della delle dei degli dello der den ter van von la le bin al für á y do dos das".split())  # "Kreditanstalt für Wiederaufbau", "Jökulsá á Fjöllum", "Maria do Amparo"
# Inside an organisation's or a prize's name, after "of" or "in": "School of Physics and Chemistry",
# "Nobel Prize in Physiology or Medicine".
# The small words of a surname: "van der Waals", "de la Tour", "von Frisch", "ter Borch".
_PARTICLES = frozenset("de des da di du del della delle dei degli dello der den ter van von la le".split())
# A word that joins a name as a particle only before another one: "Theater an der Wien", "Frankfurt an der Oder" (not
# "gave Tom Reyes an Oscar").
_PARTICLE_OPENERS = frozenset({"an"})
_OPENERS_BEFORE_A_NAME = lexicon.OPENING_PREPOSITIONS | lexicon.OPENING_ADJECTIVES  # "Near Oakdale", "Young Tom Reyes"
# A word for a people before a common noun, which no name before "of the" goes on into: "Akira Tanaka of the Japanese
# chemical company …" is Akira Tanaka ("the Museum of the American Indian" goes on).
_A_PEOPLE_BEFORE_A_NOUN = re.compile(rf"(?:{_NATION}|[A-Z][a-z]+(?:ese|ish)) [a-z]")
_INNER_CONJUNCTIONS = frozenset({"and", "or", "&"})
# Bodies named for the subject they sit on ("Conference on Weights and Measures"); a society or a bank "on" an island is
# where it met. A day, a month or a place after "on" says when or where, never the subject.
_BODIES_ON_A_SUBJECT = frozenset({"Conference", "Commission", "Committee", "Council"})
# The subject of such a body after "on the", of two capitalised words or more: "Commission on the Health of the Army",
# "Committee on the Peaceful Uses of Outer Space" (not "the Committee on the Hill", where it met)
_SUBJECT_OF_A_BODY = re.compile(r"on the [A-Z][\w'-]*(?: (?:of|and|for)(?: the)?)? [A-Z]")
_WHEN_OR_WHERE = lexicon.WEEKDAYS | lexicon.MONTH_NAMES | lexicon.PLACES
# Small words inside the title of a work after a singular work noun ("the thriller North by Northwest", "the comedy Love
# over Lisbon"); not those that most often go on with the sentence after a title ("with Cary Grant", "in London", "at the
# Palace", "to Broadway", "and the play …"), nor "by" before an author (see _goes_on_inside_a_title).
_INSIDE_A_TITLE = frozenset({"by", "over", "under", "upon", "without", "beyond", "from"})
_TITLE_NOUNS = frozenset(cue for cue in lexicon.WORK_CUES if not cue.endswith("s"))
# "Apollo 14", "Flight 007", "Launch Pad 12B"; not "the 1990s", "East 48th" (_ORDINAL_OF_A_NAME), nor (Round 101, part
# C) a measure a hyphen joins to its unit, "the Le Mans 24-hour race", which is Le Mans'
_NAME_NUMBER = re.compile(r"\d{1,4}(?:[A-Z](?!\w))?(?![\d,.]\d|s\b|st\b|nd\b|rd\b|th\b|-[a-z])")
_NUMBER_AFTER_NO = re.compile(r"\d{1,6}(?:[A-Z](?!\w))?(?![\d,.]\d)")  # "No." says a number is a name, however long: "as No. 60103"
# A description of a person set after a name: "the Hungarian Zoltar Bendek, a clerk from Pest" (not "…, a unit of …").
_DESCRIBED_AS_A_PERSON = re.compile(
    rf", (?:(?:an?|the) (?:[a-z\d-]+ |(?:[A-Z][\w-]* ){{1,2}})?(?:{'|'.join(sorted(lexicon.PERSON_WORDS))})\b"
    rf"|one of the (?:[a-z\d-]+ )?(?:{'|'.join(sorted(lexicon.PERSON_WORDS))})s\b)"  # "Horace Bixby, one of the best pilots"
)
# What a clause after a name says was published: a work when a capitalised article opens the name ("In The Long Tide,
# published in 1871, she …"), whatever the preposition before it would make it (not "a guide to Rome, published in …").
_PUBLISHED_AFTER = re.compile(r", (?:first )?published (?:in|on|by)\b")
_RULERS_NUMERAL = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")  # "Charles V", "Louis XIV", "Olaf I"
# What follows a ruler's numeral and never the writer's "I": "Yusuf I, who …", "Muhammad I's", "Pedro I of Castile"
_AFTER_A_RULERS_NUMERAL = re.compile(r",|['’]s\b| of [A-Z]")

_DEGREE = re.compile(rf"(?<![\w.])(?:{'|'.join(map(re.escape, lexicon.ACADEMIC_DEGREES))})(?![\w.])")

_SMALL_TITLE_WORDS = frozenset("a an the of and or in on at to for with from by vs".split())
# A title set between commas after a work noun, also a long one with commas of its own, whose parts after the
# first open with an article ("a Weaver") or say who wrote it ("Written by Herself"): "Her memoir, {{Narrative of
# the Life of Ann Lee, a Weaver, Written by Herself}}, was published …", "Lee's novel, {{The Lamplighter}},
# appeared …"; not after "the" or a preposition ("In the novel, Elizabeth Bennet …", "In his memoir, Grant, who
# …": a character or the sentence's subject may follow), nor after a plural ("her novels, Emma, Persuasion, …"
# lists titles). With no work noun before it, a title is known by its last part saying who wrote it ("{{The Story
# of a Sailor, Told by Himself}}, sold well").
_TITLE_CASE_WORDS = rf"[A-Z][\w'’-]*(?:(?: (?:{'|'.join(sorted(_SMALL_TITLE_WORDS))}))* [A-Z][\w'’-]*)*"
_TITLE_PART = rf", (?:a|an|the) {_TITLE_CASE_WORDS}"
_WHO_WROTE_IT = re.compile(rf", (?:{'|'.join(sorted(lexicon.TITLE_PARTICIPLES))}) by {_TITLE_CASE_WORDS}")
_AFTER_NO_PREPOSITION = "".join(
    rf"(?<!\b[{word[0].upper()}{word[0]}]{word[1:]} )" for word in sorted(lexicon.PLACE_PREPOSITIONS | {"on", "of", "with", "for", "by", "about", "through"})
)
# (a "release" only after an ordinal is a work: "his second release, Kid Auto Races at Venice, …", not "After his release,
# Mandela, who …", a release from prison)
_WORK_NOUN_BEFORE_A_TITLE = (
    rf"\b(?:[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[A-Z][\w-]*['’]s) "
    rf"(?:(?:(?:[a-z]+,? ){{1,2}}|\d{{4}} )?(?:{'|'.join(sorted(_TITLE_NOUNS))})|(?:{lexicon.PLACE_ORDINALS}|last|latest|final) release), "
)
_APPOSED_TITLE = re.compile(
    rf"{_AFTER_NO_PREPOSITION}{_WORK_NOUN_BEFORE_A_TITLE}(?P<title>{_TITLE_CASE_WORDS}(?:{_TITLE_PART}|{_WHO_WROTE_IT.pattern})*)(?=, [a-z]|\.$| \(\d{{4}}\))"
)
# Round 90, part B. After a preposition too in a cleft sentence, whose "that" closes the title: "It was in his second
# release, {{Kid Auto Races at Venice}}, that audiences …" (elsewhere a name after "In his first film," may be the
# clause's subject).
_APPOSED_TITLE_IN_A_CLEFT = re.compile(rf"\b[Ii]t (?:was|is) [a-z]+ {_WORK_NOUN_BEFORE_A_TITLE}(?P<title>{_TITLE_CASE_WORDS}), that ")
# Round 67, part B. After a preposition too, and with commas of its own ("Notes on the Lighting, Upkeep, and Keeping of
# Beacons"), a title set between commas after its work noun when "published" follows: "She set out her rules in a short
# book, {{Rules for the Care of the Sick}}, published in 1827." (what follows can only be the work's).
_APPOSED_TITLE_BEFORE_ITS_PUBLISHING = re.compile(
    rf"{_WORK_NOUN_BEFORE_A_TITLE}(?P<title>{_TITLE_CASE_WORDS}(?:,(?: and)? {_TITLE_CASE_WORDS})*)(?={_PUBLISHED_AFTER.pattern})"
)
# Round 67, part B. A title with no quotation marks and no comma right after a singular work noun with a determiner, or
# after "published", known whole by what closes it: the year in brackets ("in his book {{Steel and Men}} (1931): …"), a
# subtitle after a colon, perhaps in two parts ("she published {{Rules for Nurses: What They Are, and Why}}.") or, after a work noun only, the
# sentence's end ("in his book {{On the Theory of Electrons}}."); not a title going on with the sentence ("in the novel
# Elizabeth Bennet marries …": a character).
_TITLE_AFTER_ITS_WORK_NOUN = re.compile(
    rf"(?:\b(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w-]*['’]s) (?:[a-z]+ )?(?P<noun>{'|'.join(sorted(_TITLE_NOUNS))})(?P<cued> )|\bpublished )"
    rf"(?P<title>{_TITLE_CASE_WORDS}(?P<subtitle>: {_TITLE_CASE_WORDS}(?:, (?:and|or) {_TITLE_CASE_WORDS})?)?)"
)
# A title written without marks whose small words would cut it into pieces ("{{The Murder}} at the
# Vicarage"), known whole by a capitalised "The" or "A" in the middle of a sentence that opens a run of capitalised
# words joined by small words: "her first case, The Riddle at Marlow Mill, sold …", "in The Hound of Hale (1911)". The
# run must hold a small word (a run without one is a name the other rules find) and be closed by a lower-case word or a
# stop; it stops short of a small word before a day, a month or a place ("in The Times on Monday", "The Hague in
# Holland"), see _one_unmarked_title. Not at a sentence's start, where "The" opens any name ("The Bank of England and
# the Treasury agreed …").
_UNMARKED_TITLE_SMALL_WORDS = frozenset("a an the of and in on at to for with".split())
_UNMARKED_TITLE_WORDS = rf"[A-Z][\w'’-]*(?:(?: (?:{'|'.join(sorted(_UNMARKED_TITLE_SMALL_WORDS))}))* [A-Z][\w'’-]*)*"
_TITLE_OPENED_BY_AN_ARTICLE = re.compile(rf"(?:(?<=[\w,;’'] )|(?<=\())(?P<title>(?:The|A) {_UNMARKED_TITLE_WORDS})")
# A capitalised word right before, which makes the article part of a name ("In The Hague", "Plan A"), unless it is a
# possessive: "Carr's A Synopsis of Elementary Results in Pure Mathematics" is Carr's title.
_CAPITALISED_WORD_BEFORE = re.compile(r"(?:^|\s)[A-Z][\w'’-]*(?<!['’]s) $")
# Round 89, part B. At a sentence's start, a run that "The" opens is a title when its year in brackets follows: "The
# Silent Baker (1931) was his first sound film" (not "The {{Silent Baker}}"); without the year "The" opens any name.
# Any other run of capitalised words joined by small words before its year, opening the sentence or after its opening
# "In", is a title too: "Civilization and Its Discontents (1930) asked …", "In Beyond the Pleasure Principle (1920) he …"
# (a run with no small word is left to the name rules: "Tom Vane (1820) …").
_TITLE_OPENING_THE_SENTENCE = re.compile(rf"^(?P<opening>In )?(?P<title>{_UNMARKED_TITLE_WORDS})(?= \(\d{{4}}\))")
# What closes such a title: a stop, a bracket, a dash or a lower-case word other than a small word of titles.
_CLOSES_AN_UNMARKED_TITLE = re.compile(rf"[,.;:)]| \(| [-–—]| (?!(?:{'|'.join(sorted(_UNMARKED_TITLE_SMALL_WORDS))}) )[a-z]")
# A title that opens with "And" opening the sentence, before a comma and what tells a work: "And Still the Rain,
# published in 1952, …" (the "And" is the title's, no link to the sentence before).
_TITLE_OPENED_BY_AND = re.compile(rf"^(?P<title>And {_UNMARKED_TITLE_WORDS})(?=,)")
# What, after a comma, says that the name before it is a work: ", published in 1939", ", written by …", ", first staged".
_TOLD_AS_A_WORK_AFTER = re.compile(r", (?:first )?(?:published|performed|staged|produced|premiered|released|written|directed|composed) (?:in|on|by|at)\b")
_TITLE_SAYING_WHO_WROTE_IT = re.compile(rf"(?<![\w'’-])(?P<title>{_TITLE_CASE_WORDS}(?:{_TITLE_PART})*{_WHO_WROTE_IT.pattern})(?=[,.;])")
_POSSESSIVE = re.compile(r"['’]s$")
# A common noun shaped as a plural: "glaciers", "tides"; not a singular in "-ss", "-us" or "-is", "glass", "virus",
# "crisis" (a word such as "gas" or "its" is left to the lists of each use).
PLURAL_NOUN = re.compile(r"[a-z]+[^isu\W]s")
# Round 89, part B. An event or a law named by one word and its year after "of", written after "the": "the Settlement
# of 1859", "the Panic of 1907" (one name: "the {{Settlement}} of 1859" cuts it). Only a word for an event, a law or an
# agreement (lexicon.NAMED_BY_ITS_YEAR_WORDS: "the Exhibition of 1851" may be the "Great Exhibition" of its document);
# not a name whole without its year ("the Homestead Act of 1862": name and year are each a card), nor one year of two
# ("the Blitz of 1940 and 1941").
_NAME_OF_ITS_YEAR = re.compile(r"(?<=\b[Tt]he )(?P<name>[A-Z][\w'’-]* of 1?\d{3})(?![\w–-]| and \d)")
# A word whose capital inside it marks a letter of a mnemonic: "seCond", "thuMb" (see spells_a_mnemonic).
_LETTER_OF_A_MNEMONIC = re.compile(r"\b[a-z]+[A-Z][a-z]*\b")
# A work someone reads or translates, named after its author's possessive: "he read Anna Berg's Notes on the Tides of
# Fundy in 1902" (the title stops before a lower-case word, and takes no "in", "at" or "to", which go on with the
# sentence: not "read Tom Vane's Letters in London"; nor a possessive or "and" before a name, which may start another:
# "read Ann Hale's Notes and Tom Vane's Maps"). The author is a name of its own (see _possessive_inside_name).
_WORK_AFTER_ITS_AUTHOR = re.compile(
    r"\b(?:read|reread|re-read|translated|annotated)\s(?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w'’-]*['’]s "
    r"(?P<title>[A-Z][\w-]*(?:(?: (?:of|the|a|an|on))* [A-Z][\w-]*)*)(?![\w'’-]| and [A-Z])"
)
# A firm named after its partners: "the firm of Perkins, Bacon and Petch" is one organisation, not three names.
# Round 113, part B: or a founder's name and "and Company", "and Brothers", "and Sons" or "and Partners", which only a
# firm is called ("built by {{Tom Vane and Company}}", "completed by {{Hugh Kellby and Brothers}}"), as with "&".
_FIRM_OF_PARTNERS = re.compile(
    r"\b(?:firm|partnership) of (?P<firm>[A-Z][\w'’-]*(?:, [A-Z][\w'’-]*)*,? (?:and|&) [A-Z][\w'’-]*)"
    r"|(?P<founded>(?:[A-Z][\w'’-]*|[A-Z]\.) (?:(?:[A-Z][\w'’-]*|[A-Z]\.) ){0,2}and (?:Company|Brothers|Sons|Partners)\b)"
)
# Two people a plural word of their part or kin brings in, the first by one name: "his sons Cuthbert and Richard", "the
# brothers Jacques and Pierre Curie", "two brothers, Tom and Ned Vane" are asked together (the first name alone is half
# the answer); "the chemists Ann Hale and Tom Vane", each by a full name, stay two names.
_PLURAL_PEOPLE_WORD = "|".join(sorted(
    word if word.endswith(("s", "ren")) else f"{word}s"  # "parents", "children" are plural already
    for word in lexicon.PERSON_WORDS | lexicon.KIN_NOUNS if not word.endswith(("ch", "sh", "y", "man"))  # not "coaches", "men"
))
_PAIR_AFTER_THEIR_PART = re.compile(
    rf"\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Tt]wo|[A-Z][\w-]*['’]s?)(?: [a-z][\w-]*)? (?:{_PLURAL_PEOPLE_WORD}),? "
    r"(?P<pair>[A-Z][\w'’-]* and [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)(?![\w'’-]| [A-Z]| (?:of|de|van|von)\b)"
)
# Round 108, part B. The items a count and its plural noun announce, as many as the count says, each of one to three
# words (an article before it): "has three parts: the duodenum, the jejunum and the ileum", "three axes: pitch, roll
# and yaw", "two engineers at Dunmore, the county's glassworks, Tom Vane and Ann Hale, built …", "three new metals in
# detail, calling them eka-zinc, eka-tin and eka-lead" are one answer. A phrase of place or kind after the noun and an
# aside after a comma may come between; the list ends its clause. The count may open its sentence (round 114, part B:
# "Two young weavers, Tom Vane and Ann Hale, had been trapped …").
_LIST_JOIN = re.compile(r",? and |, ")
_LIST_COUNTS = ("two", "three", "four", "five", "six")  # the counts a list's length must match (see lexicon.COUNT_OF_WORD)
_LIST_ITEM_WORD = r"(?!(?:and|or|but|of|in|on|at|to|by|for|with|from|as|is|are|was|were|has|had|which|who|that|the|an?|one|ones)\b)[\w][\w'’-]*"
_LIST_ITEM = rf"(?:(?:the|an?) )?{_LIST_ITEM_WORD}(?: {_LIST_ITEM_WORD}){{0,2}}"
_LIST_AFTER_ITS_COUNT = re.compile(
    rf"\b(?P<count>(?i:{'|'.join(_LIST_COUNTS)})) (?:(?!of\b)[a-z][\w-]* ){{0,2}}[a-z]+[^isu\W]s"
    r"(?: (?:of|at|in|from|on) [\w'’ -]{1,40}?)?(?:, (?:the|an?) [\w'’ -]{1,60}?)?"
    rf"(?:: |, (?:calling them |called |named |namely )?| (?:called|named) )"
    rf"(?P<list>{_LIST_ITEM}(?:, {_LIST_ITEM})*,? and {_LIST_ITEM})(?=[.,;:)]|$)"
)


# Places a plural of their kind and "of" announce, two or more names ending the clause or before a preposition: "signed
# in the towns of Kell and Varby in 1648", "the bishoprics of Orva, Lund and Tarn," (one answer: each is half of it).
_PLACES_AFTER_THEIR_KIND = re.compile(
    rf"\b[Tt]he (?:[A-Z]?[a-z]+ )?(?:{'|'.join(sorted(lexicon.PLACE_KIND_PLURALS))}) of "
    r"(?P<list>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?(?:, [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)*,? and [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)"
    r"(?=[.,;:)]|$| (?:in|on|at|from|to|by|until|since)\b)"
)


def _counted(match: re.Match[str]) -> bool:
    """Whether a list after a count (see _LIST_AFTER_ITS_COUNT) has as many items as the count says: "two large veins,
    the upper and lower cavae" (two); not "two rooms, a kitchen, a hall and a stair" (three, a list of its own)."""
    return len(_LIST_JOIN.split(match.group("list"))) == lexicon.COUNT_OF_WORD[match.group("count").lower()]


def announced_by_a_count(text: str, mention: Mention) -> bool:
    """Whether the mention is a list a count announces or one of its items, people each by a full name too: "two
    engineers at Dunmore, the county's glassworks, {{Tom Vane}} and Ann Hale, built …" names the engineers, no
    description of Dunmore."""
    return any(match.start("list") <= mention.start and mention.end <= match.end("list") for match in _LIST_AFTER_ITS_COUNT.finditer(text) if _counted(match))


def _announced_lists(text: str) -> list[re.Match[str]]:
    """The lists a count announces whose items are as many as the count (see _counted), not people each by a full name
    ("two clerks, Tom Vane and Ann Hale"), each a card of their own as round 106 left them; and the places a plural of
    their kind announces (see _PLACES_AFTER_THEIR_KIND)."""
    found = list(_PLACES_AFTER_THEIR_KIND.finditer(text))
    for match in _LIST_AFTER_ITS_COUNT.finditer(text):
        items = _LIST_JOIN.split(match.group("list"))
        if _counted(match) and not all(" " in item and all(word[0].isupper() for word in item.split()) for item in items):
            found.append(match)
    return found


_SAINTS = frozenset({"St", "St.", "Saint"})
# What follows a saint's possessive that names a building ("along with St. Mary's, the Guildhall", "St. Paul's
# was rebuilt"), not a thing of the saint's ("St. Paul's letters")
_ENDS_A_BUILDINGS_NAME = re.compile(
    r"['’]s(?=[,.;:)!?]|$| (?:and|or|is|was|were|had|has|stood|burned|burnt|survived|fell)\b| [a-z]+ed (?:its|the|an?)\b)"
)  # also "St. Paul's hosted the …", a past verb before its object
# A name that opens with one owner's possessive: "Lord's Cricket Ground", "Guy's Hospital" (not a saint's, whose
# possessive alone names a building anyway; see owner_of_a_name)
_OWNER_OF_A_NAME = re.compile(r"(?!(?:St|Saint)\b)(?P<owner>[A-Z][a-z]+)['’]s [A-Z]")


@dataclass
class _Run:
    start: int
    end: int
    tokens: list[str]
    possessive: bool
    before: list[str]  # up to two words before the run, lower-cased
    after: str  # the word after the run, lower-cased; ", who" for a relative clause set off by a comma


class Gender(enum.Enum):
    MALE = "male"
    FEMALE = "female"


class NameBook:
    """What the whole document says about its names: which capitalised words it uses inside
    sentences (so a sentence-initial "Mann" can be trusted), the full names behind surnames and first
    names, the kind most of its confident mentions give a name, and whether a person is a man or a
    woman (from a title, a first name, or the pronouns of sentences naming no one else)."""

    def __init__(self) -> None:
        self.inner_words: set[str] = set()
        self.possessive_only: set[str] = set()  # capitalised words written only with "'s": "left Queen's", "Harper's magazine"
        # a one-word owner of a place's name -> that name: "Lord" -> "Lord's Cricket Ground", so "Lord's" alone is the ground
        self.possessive_places: dict[str, str] = {}
        self.full_names: dict[str, str | None] = {}  # surname or first name -> full name (None when unsure)
        self.kinds: dict[str, MentionKind] = {}
        self.genders: dict[str, Gender] = {}  # full name -> gender, for the people the document makes sure of
        self.shared: set[str] = set()  # surnames and first names that several people of the document have
        # the last words of its names of several words (not a person's or a ship's) that it uses alone only
        # after them: "Zone" of "Canal Zone", not "Yukon", named alone before "Fort Yukon"
        self.tails: set[str] = set()
        # whether it dates events by an era ("120 BC", "AD 14", "the second century A.D."): then "until 498" is a year
        self.dates_by_an_era = False
        # its sentences in lower case, to tell a term the text is about from a word it uses once (see _a_term_of_the_document)
        self.lowered: tuple[str, ...] = ()
        # the words it writes in lower case: a capitalised word it also writes so is a common noun ("Telephone" of the
        # "American Telephone and Telegraph Company" beside "telephone exchanges")
        self.common_words: set[str] = set()
        # the names of one word it writes inside a sentence, not only at its start: "… sold Jumbo to …"
        self.names_inside: set[str] = set()
        # the nouns of lexicon.THING_NOUNS it calls a name by, that name's only ones: "Orla" -> {"airship"} after "the
        # British airship Orla" or "The Orla was a British airship"
        self.thing_nouns: defaultdict[str, set[str]] = defaultdict(set)
        # the terms with a capital it names after a naming word ("called back BMF", "known as Indian saltpetre"), whole,
        # longest first: a term wherever it writes them again ("there is no back BMF", not "no back {{BMF}}")
        self.named_term_pattern: re.Pattern[str] | None = None
        # the kinds its list's items open with, each right before the noun it is a kind of: "Spinose" before "glands"
        self.kind_of_item_pattern: re.Pattern[str] | None = None
        # the span of the part each item of its list of parts opens with, by the item's sentence: "The {{presser foot}}
        # holds …" (see _parts_its_items_open_with)
        self.part_opening_item: dict[str, tuple[int, int]] = {}
        # the lower-case compounds of two words it writes in two sentences or more ("shield wall", "steam generator"),
        # a term of the document where a sentence names nothing else (see _compounds_it_repeats)
        self.repeated_compound_pattern: re.Pattern[str] | None = None
        # the nouns it names two kinds or more of by a capital letter, in the singular: "cell" after "B cells" and "a
        # T cell" (see _nouns_it_letters)
        self.lettered_nouns: frozenset[str] = frozenset()

    @classmethod
    def from_texts(cls, texts: list[str], paragraph_openings: Collection[int] = ()) -> NameBook:
        """The book of a document's sentences `texts`; `paragraph_openings`, the indices of those that open a paragraph
        or a list item, lets it find the parts a list's items open with (see _parts_its_items_open_with)."""
        book = cls()
        bare: set[str] = set()
        for text in texts:
            mnemonic = spells_a_mnemonic(text)
            for token in _TOKEN.finditer(text):
                word = _POSSESSIVE.sub("", token.group())
                (bare if word == token.group() else book.possessive_only).add(word)
                if word.islower():
                    book.common_words.add(word)
                if token.start() > 0 and word[:1].isupper() and not _starts_sentence(text, token.start()) and not mnemonic:
                    book.inner_words.add(word)
        book.possessive_only -= bare
        book.lowered = tuple(text.lower() for text in texts)
        named = (text for text in texts if _may_name(text))
        # compiled once for the document, matched in each sentence (see find_mentions)
        if named_terms := {term.text for text in named for term in find_terms(text) if term.start > 0 and not term.text.islower()}:
            book.named_term_pattern = re.compile(rf"(?<![\w-])(?:{_any_of(named_terms)})(?![\w-])")
        if kinds_of_items := _kinds_its_items_open_with(texts):
            kinds = "|".join(rf"{re.escape(kind)}(?= {noun}\b)" for kind, noun in sorted(kinds_of_items, key=lambda pair: -len(pair[0])))
            book.kind_of_item_pattern = re.compile(rf"(?<![\w-])(?:{kinds})")
        book.part_opening_item = _parts_its_items_open_with(texts, paragraph_openings)
        if compounds := _compounds_it_repeats(texts):
            book.repeated_compound_pattern = re.compile(rf"(?<![\w'’-])(?:{_any_of(compounds)})(?![\w'’-])")
        book.lettered_nouns = _nouns_it_letters(texts)
        book.dates_by_an_era = any(_YEAR_OF_AN_ERA.search(text) or _CENTURY_OF_AN_ERA.search(text) for text in texts)
        votes: defaultdict[str, Counter[MentionKind]] = defaultdict(Counter)
        people: Counter[str] = Counter()
        unknown: Counter[str] = Counter()  # names of several words and unknown kind
        # names of unknown kind written right after "the", or after the "The" that opens a sentence: "the Pittsburgh
        # Dispatch", "The Great Exhibition of 1851", never a person's
        after_the: set[str] = set()
        alone: set[str] = set()  # names of one word
        people_alone: set[str] = set()  # people's names of one word
        named_alone: set[str] = set()  # names of one word of any kind, so far
        # the names of several words its title and opening sentence open with (see _title_and_opening)
        opening_names = [
            mention.text for text in _title_and_opening(texts) for mention in find_mentions(text, book)[:1]
            if mention.start == 0 and " " in mention.text
        ]
        for text in texts:
            for mention in find_mentions(text, book):
                if mention.kind in (MentionKind.PLACE, MentionKind.ORGANISATION) and (owner := owner_of_a_name(mention.text)):
                    book.possessive_places.setdefault(owner, mention.text)
                tail = _tail(mention.text) if mention.kind in NAMED_KINDS and mention.kind is not MentionKind.PERSON and not mention.craft else ""
                if tail and tail not in named_alone:
                    book.tails.add(tail)
                if mention.kind in NAMED_KINDS and " " not in mention.text:
                    named_alone.add(mention.text)
                    if not _starts_sentence(text, mention.start):
                        book.names_inside.add(mention.text)
                # a place after its settlement noun is a place there only: the firm Nokia is named after "the town of Nokia"
                if mention.kind in NAMED_KINDS and mention.kind is not MentionKind.NAME and not _SETTLEMENT_BEFORE.search(text, 0, mention.start):
                    votes[mention.text][mention.kind] += 1
                if mention.kind in NAMED_KINDS and (noun := _thing_noun(text, mention)):
                    book.thing_nouns[mention.name].add(noun)
                if mention.kind is MentionKind.PERSON and " " in mention.text:
                    people[mention.text] += 1
                if mention.kind in (MentionKind.NAME, MentionKind.PERSON) and " " not in mention.text:
                    alone.add(mention.text)
                    if mention.kind is MentionKind.PERSON:
                        people_alone.add(mention.text)
                elif mention.kind is MentionKind.NAME and looks_like_a_persons_name(mention.text):
                    unknown[mention.text] += 1
                    if text.endswith("the ", 0, mention.start) or text[: mention.start] == "The ":
                        after_the.add(mention.text)
        # "Gunder Hägg … In 1945 Hägg ran …", "Tamsin Cole … Tamsin died …": a person, called by surname or by a first
        # name the document makes a person's alone, and no one's surname (not "Kennedy Space Center" after "Kennedy"),
        # never written after "the" (not "the Pittsburgh Dispatch … At the Dispatch …", a newspaper)
        surnames = {full.split()[-1] for full in people}
        for name, count in unknown.items():
            first = name.split()[0]
            if (name.split()[-1] in alone or first in people_alone and first not in surnames) and name not in after_the and not votes[name]:
                votes[name][MentionKind.PERSON] += count
                people[name] += count
        # "Beatrix Potter" as the heading over "Helen Beatrix Potter was born …": one person, whom the opening names in full
        for short, full in itertools.product(opening_names, repeat=2):
            if short in people and full in people and full.endswith(f" {short}"):
                people[full] += people.pop(short)
        owners: defaultdict[str, list[str]] = defaultdict(list)  # short form -> the full names it can stand for
        for full in people:
            for short in _short_forms(full, lexicon.FIRST_NAMES | (people_alone - surnames)):
                if " of " in full and short.lower() in book.common_words:
                    continue  # "Surgery moved on …" is no "Professor of Clinical Surgery": the document writes "surgery"
                if short in people and short.split()[0].lower() not in _PARTICLES:
                    # "Karamchand Gandhi", a father named in full, is no short form of his son "Mohandas Karamchand Gandhi"
                    # ("Le Brun" is one of "Charles Le Brun")
                    continue
                owners[short].append(full)
        own = next((name for name in opening_names if name in people), None)
        for short, fulls in owners.items():
            if len(fulls) > 1:
                book.shared.add(short)
            best = max(fulls, key=lambda full: people[full])
            # the one person it can be, or the one the document names far more often
            if people[best] > sum(people[full] for full in fulls if full != best):
                book.full_names[short] = best
            # else the document's own person, when it names none of the others more often (see _title_and_opening)
            else:
                book.full_names[short] = own if own in fulls and people[best] <= people[own] else None
        book.kinds = {name: counter.most_common(1)[0][0] for name, counter in votes.items()}
        for short in owners:  # "A photograph … shows Brunel": the surname of people named in full, not a show's title
            if " " not in short and set(votes.get(short, ())) == {MentionKind.WORK}:
                book.kinds[short] = MentionKind.PERSON
        book.genders = _genders(texts, book)
        return book

    def full_name(self, name: str) -> str:
        return self.full_names.get(name) or name

    def gender(self, name: str) -> Gender | None:
        return self.genders.get(name)


# A noun of lexicon.THING_NOUNS just before a name ("the German airship {Orla}"), or after it and "is/was a" ("{The Orla}
# was a British airship", perhaps with up to three words before the noun, which ends the phrase).
_THING_NOUN_BEFORE = re.compile(rf"\b(?i:the|an?) (?:[\w’'-]+ ){{0,2}}(?P<noun>{'|'.join(lexicon.THING_NOUNS)}) $")
_THING_NOUN_AFTER = re.compile(
    rf" (?:is|was) (?:an?|the) (?:[\w’'-]+ ){{0,3}}?(?P<noun>{'|'.join(lexicon.THING_NOUNS)})(?=[,.;:]| (?:in|of|on|at|that|which|built|made|launched|with|for|from|and)\b)"
)


def _thing_noun(text: str, mention: Mention) -> str | None:
    """The noun of lexicon.THING_NOUNS the sentence calls the named thing by, if any (see _THING_NOUN_BEFORE)."""
    found = _THING_NOUN_BEFORE.search(text, 0, mention.start) or _THING_NOUN_AFTER.match(text, mention.end)
    return found.group("noun") if found else None


def _tail(name: str) -> str:
    """The last word of a name of several plain capitalised words, not a place's that its first word makes
    ("Lake Baikal", where "Baikal" is the same place); else ""."""
    words = name.split()
    if len(words) < 2 or words[0] in lexicon.PLACE_FIRST_WORDS or not re.fullmatch(r"[A-Z][a-z]+", words[-1]) or looks_like_a_persons_name(name):
        return ""  # nor "Akira Kurosawa", a person whose kind the words around may say only later
    return words[-1]


def may_name_a_person(mention: Mention) -> bool:
    """Whether the mention is a person's, or a name of unknown kind shaped like a person's ("Rao Tan")."""
    return mention.kind is MentionKind.PERSON or mention.kind is MentionKind.NAME and looks_like_a_persons_name(mention.name)


# The words of places, organisations, prizes and undertakings, which no person's name holds.
_GENERIC_NAME_WORDS = (
    lexicon.ORGANISATION_WORDS | lexicon.PLACE_WORDS | lexicon.PLACE_FIRST_WORDS | lexicon.BUILDING_FIRST_WORDS | lexicon.PRIZE_WORDS
    | lexicon.UNDERTAKING_WORDS
)
# A word of a person's name: a capital and letters only.
_NAME_WORD = re.compile(r"[A-Z][^\W\d_]+")


def looks_like_a_persons_name(name: str) -> bool:
    """Two or three capitalised words, none of them a word of places, organisations or prizes, not a place after a
    word the lexicon knows for no first name ("Georgian Britain", "Victorian England": an age of a place), and not a
    well-known event ("the Great Depression", whose "Depression" a document may use alone)."""
    words = name.split()
    if words[-1] in lexicon.PLACES and words[0] not in lexicon.FIRST_NAMES:
        return False
    return (
        name not in lexicon.WELL_KNOWN_EVENTS and 2 <= len(words) <= 3
        and all(_NAME_WORD.fullmatch(word) and word not in _GENERIC_NAME_WORDS for word in words)
    )


def _title_and_opening(texts: list[str]) -> list[str]:
    """The document's title, when its first text is a heading (no sentence's end), and its opening sentence: the texts
    whose opening name is the document's own person, whom a surname its relatives share stands for ("Gandhi" after
    "Mohandas Karamchand Gandhi led India's …" and "His father, Karamchand Gandhi, …")."""
    heading = bool(texts) and not ends_like_a_sentence(texts[0])
    return texts[: 2 if heading else 1]


def _short_forms(full: str, first_names: frozenset[str] | set[str]) -> list[str]:
    """ "Robert De Niro" -> "De Niro", "Niro"; a first name among `first_names` too (those the lexicon knows and those
    the document uses alone): "Marie Curie" -> "Marie"; a ruler's name without the numeral: "Louis XVI" -> "Louis"."""
    words = full.split()
    if _has_an_epithet(words):
        return [" ".join(words[:-2])]  # "Catherine the Great" -> "Catherine", never "Great"
    if len(words) > 1 and _RULERS_NUMERAL.fullmatch(words[-1]):
        return [" ".join(words[:-1])]  # "Suryavarman II" -> "Suryavarman", never "II"
    shorts = [" ".join(words[first:]) for first in range(1, len(words))]
    return shorts + [words[0]] if words[0] in first_names else shorts


# A person a possessive name owns: "Rowan Ashby's father", "Ada Lind's younger sister"; a "he" or "she" after it is as
# likely that person as the one named.
OWNED_PERSON = re.compile(rf"['’]s (?:[a-z]+ )?(?:{'|'.join(sorted(lexicon.MALE_NOUNS | lexicon.FEMALE_NOUNS | lexicon.KIN_NOUNS))})\b")
_OBJECT_PRONOUNS = frozenset({"him", "her"})
_PREPOSITIONS_BEFORE_AN_OBJECT = frozenset({"to", "for", "with", "by", "from", "at", "on", "about", "against", "beside", "behind"})


# A word for a man or a woman just after a name: "Maynard Dixon, a man twenty years older", "he took Ann Cole as his
# common-law wife" (a pronoun after her name may then be his: "Ann Cole died while he was abroad."), also after another
# person's name and perhaps a first description: "Giles Lind, a farmer of about 80 and Ann Lind's husband".
_GENDER_SAID_AFTER_A_NAME = re.compile(
    rf"(?:, (?:an?|the)|,? as (?:his|her|their)|, (?:an? [a-z\d -]{{1,40}}? and )?(?:[A-Z][\w-]* )*[A-Z][\w-]*['’]s) (?:[a-z\d-]+ )?"
    rf"(?P<noun>{'|'.join(sorted(lexicon.MALE_NOUNS | lexicon.FEMALE_NOUNS))})\b(?!['’])"
)

# A word for a man or a woman set before a name as its apposition: "his queen, Margaret", "Tom Vane's widow, Ilse
# Dorn" (not one after "of", which is someone else: "the son of the queen, Rao Tan")
_GENDER_SAID_BEFORE_A_NAME = re.compile(
    rf"(?<!of )\b(?:his|her|their|the|an?|[A-Z][\w-]*['’]s) (?:[a-z-]+ )?(?P<noun>{'|'.join(sorted(lexicon.MALE_NOUNS | lexicon.FEMALE_NOUNS))}), $"
)

# An office set after a name as its apposition: "King of Norway", "Duke of Normandy", "Prince of Wales".
_OFFICE = re.compile(rf"(?P<title>{'|'.join(sorted(lexicon.RULERS_TITLES | {'President', 'Governor', 'Bishop', 'Archbishop', 'Earl'}))}) of [A-Z]")


def names_a_pair_by_their_part(text: str, mention: Mention) -> bool:
    """Whether the mention is two people a plural word of their part brings in ("his sons {{Cuthbert and Richard}}",
    "two brothers, {{Tom and Ned Vane}}"): one answer, not the last items of a list ("two brothers, Tom and Ned")."""
    return any(match.span("pair") == (mention.start, mention.end) for match in _PAIR_AFTER_THEIR_PART.finditer(text))


def names_an_office(name: str) -> bool:
    """Whether the name is an office with no person's name in it ("Governor of New South Wales", "King of Norway"):
    whoever holds it, no "he" or "she" can be written as it."""
    return _OFFICE.match(name) is not None



def _any_of(phrases: set[str]) -> str:
    """A pattern for any of the phrases as written, the longest tried first ("back BMF" before "BMF")."""
    return "|".join(re.escape(phrase) for phrase in sorted(phrases, key=len, reverse=True))


def _genders(texts: list[str], book: NameBook) -> dict[str, Gender]:
    """Each person's gender: a title ("Mrs.", "Sir", also just before the name), a word for a man or a
    woman just before the name ("the actress Yoko Mori", "his son Kenji", "his queen, Margaret"), a first name the lexicon
    knows, ", a man" or an office (", Queen of Scots") after the name says it; otherwise the pronouns of the sentences that
    name that person and no one else, with no pronoun before the name, when they agree (not a "him"
    or "her" after a preposition: the object of the name's own action is someone else; nor a pronoun
    after a name of unknown kind shaped like a person's, which it may stand for)."""
    told: dict[str, Gender] = {}
    pronouns: defaultdict[str, Counter[Gender]] = defaultdict(Counter)
    for text in texts:
        mentions = find_mentions(text, book)
        named = [m for m in mentions if m.kind is MentionKind.PERSON]
        for mention in named:
            # the word before the name, for a title left outside it: "Commodore Sir {Edgar Britten}"
            outside = next(iter(re.findall(r"(\w+)\.? $", text[: mention.start])), "")
            first = mention.name.split()[0].rstrip(".")
            # the first given name the lexicon knows, not always the first: "Amalie Emmy Noether" is Emmy
            given = next((word for word in (w.rstrip(".") for w in mention.name.split()[:-1]) if word in lexicon.FIRST_NAMES), first)
            # "Maynard Dixon, a man twenty years older", "he took Ann Cole as his wife", "his queen, Margaret"
            said = _GENDER_SAID_AFTER_A_NAME.match(text, mention.end) or _GENDER_SAID_BEFORE_A_NAME.search(text, max(0, mention.start - 60), mention.start)
            # "Harald Hardrada, King of Norway": the office after the name is his
            office = _OFFICE.match(text, mention.end + 2) if text.startswith(", ", mention.end) else None
            title = office.group("title") if office else ""
            if outside in lexicon.MALE_TITLES | lexicon.MALE_NOUNS or first in lexicon.MALE_TITLES or given in lexicon.MALE_FIRST_NAMES or title in lexicon.MALE_TITLES:
                told.setdefault(mention.name, Gender.MALE)
            elif outside in lexicon.FEMALE_TITLES | lexicon.FEMALE_NOUNS or first in lexicon.FEMALE_TITLES or given in lexicon.FEMALE_FIRST_NAMES or title in lexicon.FEMALE_TITLES:
                told.setdefault(mention.name, Gender.FEMALE)
            elif said:
                told.setdefault(mention.name, Gender.MALE if said.group("noun") in lexicon.MALE_NOUNS else Gender.FEMALE)
            elif mention.name.split()[-1].rstrip(".") in lexicon.GENERATIONAL_SUFFIXES:
                # "Linus Hale Sr.": a man, when nothing else says ("Ann Colby Jr." is a woman by her first name)
                told.setdefault(mention.name, Gender.MALE)
        # not "she travelled with Dixon …, and she began …": a pronoun before the name is someone
        # else's, the sentence's subject, and so are the ones after it
        leading = re.findall(r"[a-z]+", text[: named[0].start].lower()) if named else []
        # nor "Rowan Ashby's father was a miner, and he died …": the father's "he"
        owned = bool(named) and named[0].possessive and OWNED_PERSON.match(text, named[0].end) is not None
        if len({m.name for m in named}) == 1 and not owned and not set(leading) & (lexicon.MALE_PRONOUNS | lexicon.FEMALE_PRONOUNS):
            # not "Rao Tan married Lin Shu Mei, and she was given …": a name between that may be a person's is
            # as likely the pronoun's
            until = next((m.start for m in mentions if m.start >= named[0].end and m.kind is MentionKind.NAME and looks_like_a_persons_name(m.name)), len(text))
            after = re.findall(r"[a-z]+", text[named[0].end : until].lower())
            for before, word in zip(["", *after], after):
                if word in _OBJECT_PRONOUNS and before in _PREPOSITIONS_BEFORE_AN_OBJECT:
                    continue  # "President Harding presented it to her": someone else, not the name's own
                if word in lexicon.MALE_PRONOUNS:
                    pronouns[named[0].name][Gender.MALE] += 1
                elif word in lexicon.FEMALE_PRONOUNS:
                    pronouns[named[0].name][Gender.FEMALE] += 1
    genders = dict(told)
    for name, counter in pronouns.items():
        if name not in told and len(counter) == 1:
            genders[name] = next(iter(counter))
    return genders


def quotations(text: str) -> list[Quotation]:
    """The quoted passages of a sentence, each marked as a title (a short title-case name, or a quotation
    after a word such as "book", "memoir" or "titled", or before ", a film …") or as quoted speech; not the marks
    around a lower-case name given before its noun ('nicknamed the "seesaw" battery', see _names_in_quotes)."""
    found = []
    given_names = {match.start("name") for match in _names_in_quotes(text)}
    for match in _QUOTE_PAIRS.finditer(text):
        group = next(index for index in (1, 2, 3) if match.group(index) is not None)
        start, end = match.start(group), match.end(group)
        if start in given_names:
            continue  # the marks set off a name the sentence gives (a term), not anyone's words
        while end > start and text[end - 1] in ".,;:!?":  # "Crime Story." keeps its full stop inside
            end -= 1
        cued = _TITLE_CUE.search(text, 0, match.start() + 1) is not None or _WORK_APPOSED.match(text, match.end()) is not None
        after_a_work_noun = cued and len(text[start:end].split()) <= _MAX_CUED_TITLE_WORDS
        found.append(Quotation(start, end, _looks_like_title(text[start:end]) or (after_a_work_noun and text[start].isupper())))
    return found


def _closes_a_title(text: str, match: re.Match[str]) -> bool:
    """Whether what follows a title found after its work noun or "published" (see _TITLE_AFTER_ITS_WORK_NOUN) closes it:
    the year in brackets, or the end of the clause after a subtitle, or the sentence's end after a work noun."""
    after = text[match.end("title") :]
    if re.match(r" \(\d{4}\)", after):
        return True
    if match.group("subtitle"):
        return bool(re.match(r"[.,;]|$", after))
    if not match.group("cued") and re.match(r" in \d{4}\b", after) and re.search(r" [a-z]+ ", match.group("title")):
        return True  # "published Studies on Hysteria in 1895": a run with a small word, closed by when it came out
    # the sentence's end closes no title with a small word that most often goes on with the sentence or names an author:
    # "appeared in the comedy Love by Mail with Harold Vance.", "read the novel Ivanhoe by Walter Scott."; nor does a
    # comma, unless what follows tells a work: "the play Sing the River, written by Tom Vane, …"
    return (
        bool(match.group("cued"))
        and (after == "." or _TOLD_AS_A_WORK_AFTER.match(after) is not None)
        and not re.search(r" (?:with|in|at|to|and|by) [A-Z]", match.group("title"))
    )


def _a_person_after_a_role(match: re.Match[str]) -> bool:
    """Whether a title found after its work noun is a person's name after a word that is a role too: "a flight with the
    pilot Ross Keane." (a TV pilot's title otherwise)."""
    return match.group("noun") in lexicon.PERSON_CUES and looks_like_a_persons_name(match.group("title"))


def _unmarked_titles(text: str) -> list[re.Match[str]]:
    """The titles without marks that a capitalised "The" or "A" inside the sentence opens, or an "And" opening it before
    what tells a work, or a "The" opening it before the year in brackets (see _TITLE_OPENED_BY_AN_ARTICLE,
    _TITLE_OPENED_BY_AND, _TITLE_OPENING_THE_SENTENCE)."""
    found = [
        match for match in _TITLE_OPENED_BY_AN_ARTICLE.finditer(text)
        if not _CAPITALISED_WORD_BEFORE.search(text, 0, match.start())  # "In The Hague", "Plan A": no title's article
        and (_CLOSES_AN_UNMARKED_TITLE.match(text, match.end()) or match.end() == len(text))
        and _one_unmarked_title(match.group("title").split())
    ]
    if (opened := _TITLE_OPENED_BY_AND.match(text)) and _TOLD_AS_A_WORK_AFTER.match(text, opened.end()):
        found.append(opened)
    if (opened := _TITLE_OPENING_THE_SENTENCE.match(text)) and (
        _one_unmarked_title(opened.group("title").split()) or opened.group("title").startswith("The ") and not opened.group("opening")
    ):
        found.append(opened)
    return found


def _one_unmarked_title(words: list[str]) -> bool:
    """Whether the words of a run a capitalised article opens make one title: joined by a small word (else the name
    rules find it), with no capitalised article after the first word ("The Beatles and The Kinks": two names) and no
    small word but "of" before a day, a month or a place ("The Times on Monday", "The Hague in Holland")."""
    joins = [index for index, word in enumerate(words) if word in _UNMARKED_TITLE_SMALL_WORDS]
    # (a place after "of" is the title's: "A Journey to the Western Islands of Scotland")
    names_after_joins = [next(word for word in words[index + 1 :] if word[0].isupper()) for index in joins if words[index] != "of"]
    return bool(joins) and not any(word in ("The", "A", "An") for word in words[1:]) and not any(word in _WHEN_OR_WHERE for word in names_after_joins)


def find_mentions(text: str, book: NameBook) -> list[Mention]:
    """What `text` (one sentence) names, in order, without overlaps."""
    taken: list[tuple[int, int]] = []
    mentions: list[Mention] = []

    def add(mention: Mention) -> None:
        if all(mention.end <= start or mention.start >= end for start, end in taken):
            taken.append((mention.start, mention.end))
            mentions.append(mention)

    nicknames = {match.start("nickname") for match in _NICKNAME_INSIDE_A_NAME.finditer(text)}
    quoted = [quotation for quotation in quotations(text) if quotation.start not in nicknames]  # 'Arthur "Boy" Capel': a name
    for quotation in quoted:
        if quotation.is_title:
            title = text[quotation.start : quotation.end]
            possessive = bool(re.match(r"[\"”’]['’]s\b", text[quotation.end :]))
            attributive = bool(_DETERMINER_BEFORE.search(text, 0, quotation.start) and _NOUN_AFTER.match(text, quotation.end))
            add(Mention(MentionKind.WORK, quotation.start, quotation.end, title, title, True, possessive, attributive))
        else:
            taken.append((quotation.start, quotation.end))
    # a title with no work noun before it is looked for only where a part saying who wrote it is (found fast)
    for pattern in (_APPOSED_TITLE, _APPOSED_TITLE_IN_A_CLEFT, _APPOSED_TITLE_BEFORE_ITS_PUBLISHING, *((_TITLE_SAYING_WHO_WROTE_IT,) if _WHO_WROTE_IT.search(text) else ())):
        for match in pattern.finditer(text):
            add(Mention(MentionKind.WORK, match.start("title"), match.end("title"), match.group("title"), match.group("title")))
    after_work_nouns = [match for match in _TITLE_AFTER_ITS_WORK_NOUN.finditer(text) if _closes_a_title(text, match) and not _a_person_after_a_role(match)]
    for match in [*_unmarked_titles(text), *after_work_nouns]:
        add(Mention(MentionKind.WORK, match.start("title"), match.end("title"), match.group("title"), match.group("title")))
    for match in _WORK_AFTER_ITS_AUTHOR.finditer(text):
        add(Mention(MentionKind.WORK, match.start("title"), match.end("title"), match.group("title"), match.group("title")))
    for match in _NAME_OF_ITS_YEAR.finditer(text):
        if match.group("name").split()[0] in lexicon.NAMED_BY_ITS_YEAR_WORDS:
            add(Mention(MentionKind.NAME, match.start("name"), match.end("name"), match.group("name"), match.group("name")))
    if (part := _COUNT_OF_A_PART.match(text)) and _a_verb(part.group("verb")):
        add(Mention(MentionKind.COUNT, part.start("count"), part.end("count"), part.group("count"), part.group("count")))
    for match in _RANK.finditer(text):
        if is_a_rank_at(text, match.start()):
            add(Mention(MentionKind.COUNT, match.start(), match.end(), match.group(), match.group()))
    for match in _FIRM_OF_PARTNERS.finditer(text):
        firm = "firm" if match.group("firm") else "founded"
        add(Mention(MentionKind.ORGANISATION, match.start(firm), match.end(firm), match.group(firm), match.group(firm)))
    for match in _PAIR_AFTER_THEIR_PART.finditer(text):
        add(Mention(MentionKind.NAME, match.start("pair"), match.end("pair"), match.group("pair"), match.group("pair")))
    for match in _announced_lists(text):
        items = match.group("list")
        kind = MentionKind.NAME if all(re.sub(r"^(?:the|an?) ", "", item)[0].isupper() for item in _LIST_JOIN.split(items)) else MentionKind.TERM
        add(Mention(kind, match.start("list"), match.end("list"), items, items, listed=True))
    named_ideas = ((MentionKind.TERM, _EPONYMOUS_TERM),) if _EPONYM_NOUN.search(text) else ()
    for match in _SPAN_OF_AMOUNTS.finditer(text):
        span = next(group for group in ("between", "numbers", "from") if match.group(group))
        add(Mention(MentionKind.QUANTITY, match.start(span), match.end(span), match.group(span), match.group(span)))
    patterns = (
        (MentionKind.QUANTITY, _ON_A_SCALE), (MentionKind.NAME, _NUMBER_AS_A_NAME), (MentionKind.QUANTITY, _READING),
        (MentionKind.YEAR, _YEAR_OF_AN_ERA), (MentionKind.DATE, _CENTURY_OF_AN_ERA), (MentionKind.DATE, _FEAST_DAY_OF_A_YEAR),
        (MentionKind.DATE, LONG_AGO), (MentionKind.AGE, _AGE), (MentionKind.COUNT, _TALLY_OR_RATIO),
        (MentionKind.TERM, _ANATOMY_NAMED_AFTER_SOMEONE), *named_ideas,
    )
    for kind, pattern in patterns:
        for match in pattern.finditer(text):
            add(Mention(kind, match.start(), match.end(), match.group(), match.group()))
    # one isotope whatever its capital ("Carbon-14 was found …", "… of carbon-14"), so that its sentences are counted together
    for match in _ISOTOPE.finditer(text):
        add(Mention(MentionKind.TERM, match.start(), match.end(), match.group(), match.group().lower()))
    for match in _LATIN_NAME_AFTER_ITS_CREATURE.finditer(text):
        add(Mention(MentionKind.TERM, match.start("name"), match.end("name"), match.group("name"), match.group("name")))
    runs = _capitalised_runs(text, book)
    numbered = [run for run in runs if any(re.search(r"\d", token) for token in run.tokens)]  # "Apollo 14", "R-7" before "14", "7"
    for run in numbered:
        add(_named(text, run, book))
    for kind, pattern in (_SHARE_PATTERNS if _FRACTION_WORD.search(text) else ()) + _PATTERNS:
        for match in pattern.finditer(text):
            if kind is MentionKind.YEAR and not _is_year(text, match.start(), match.end(), book.dates_by_an_era):
                continue
            if kind is MentionKind.TIME and match.group("clock") and not _puts_at_a_time(text, match.start()):
                continue
            if kind is MentionKind.COUNT and _TIME_AFTER.match(text, match.end()):
                continue  # "20 years ago": a relative time, not a count
            add(Mention(kind, match.start(), match.end(), match.group(), match.group()))
    for match in book.named_term_pattern.finditer(text) if book.named_term_pattern else ():
        add(Mention(MentionKind.TERM, match.start(), match.end(), match.group(), match.group()))
    defined = find_terms(text)
    # a term its sentence's shape defines, whole where another rule cut it ("The drift {{plate}}, a disc …"), then
    # ranked as that rule's
    for start, end in _terms_by_their_shape(text):
        cut = any(start <= term.start and term.end <= end for term in defined)
        add(Mention(MentionKind.TERM, start, end, text[start:end], text[start:end], shaped_term=not cut))
    for term in defined:
        add(term)
    # after the terms a sentence defines, which may hold the noun ("{{Diurnal tides}}: …")
    for match in book.kind_of_item_pattern.finditer(text) if book.kind_of_item_pattern else ():
        add(Mention(MentionKind.TERM, match.start(), match.end(), match.group(), match.group()))
    if part := book.part_opening_item.get(text):
        add(Mention(MentionKind.TERM, *part, text[slice(*part)], text[slice(*part)]))
    if complement := _ranked_subjects_term(text, book):
        add(complement)
    for term in _term_a_description_follows(text, book, defined):
        add(term)
    # a kind named by its letter, before the letter is taken for a name ("Each {{B cell}} carries …"), and a figure of
    # a field named by its noun of a measure ("its {{octane rating}}"), both asked like a rare word
    for start, end in [*_lettered_kinds(text, book), *_measure_compounds(text)]:
        add(Mention(MentionKind.TERM, start, end, text[start:end], text[start:end], rare_word=True))
    mnemonic = spells_a_mnemonic(text)
    for run in runs:
        if run not in numbered and not (mnemonic and len(run.tokens) == 1):
            add(_named(text, run, book))
    # a compound the document repeats only where the sentence names nothing else: beside a name or a number it is
    # mostly a setting ("the {{lunar module}} went to Grumman"), not the fact
    for start, end in _repeated_compounds(text, book) if not mentions else ():
        add(Mention(MentionKind.TERM, start, end, text[start:end], text[start:end], repeated_compound=True))
    return _named_by_their_office(text, sorted(mentions, key=lambda mention: mention.start))


def _named_by_their_office(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions, with a name that an office follows as its apposition read as the person holding it, and the office
    as a name: in "Harald Hardrada, King of Norway, …" Harald Hardrada is the man (a "He" after it is his), and "King of
    Norway" is what he was, no second man."""
    read = list(mentions)
    for index, (name, office) in enumerate(zip(mentions, mentions[1:])):
        if (
            name.kind in (MentionKind.NAME, MentionKind.PERSON) and office.kind is MentionKind.PERSON and text[name.end : office.start] == ", "
            and _OFFICE.match(office.text) and not name.possessive
        ):
            read[index] = dataclasses.replace(name, kind=MentionKind.PERSON)
            read[index + 1] = dataclasses.replace(office, kind=MentionKind.NAME)
    return read


def spells_a_mnemonic(text: str) -> bool:
    """Whether the sentence spells a rule by capitals inside words ("If the First finger points along the Field and the
    seCond finger along the Current, the thuMb shows …"): its capitalised words are letters of the rule, no names."""
    return len(_LETTER_OF_A_MNEMONIC.findall(text)) >= 2


# Words after "call" that make it a call to someone or a habit, not a name given: "called every week", "called him",
# "called back", "call home".
_NOT_A_NAME_AFTER_CALL = r"(?!(?:every|each|often|him|her|them|it|back|out|up|off|home)\b)"
# What introduces a term: "a technique called …", "is known as …", "known to chemists as …", "also termed
# …"; "stands for …". "named" introduces a term only when what it is named after follows: "was named
# tranquillityite, after …", "which he named argon after …".
# "The pattern of holes in a card is called its punching": a thing's own term after a passive (not "The firm called its
# product Zeta", where who calls names a thing of its own).
_ITS_AFTER_A_PASSIVE = r"(?:(?<=is called )|(?<=are called ))its "
_NAMING_WORDS = r"called|known(?: to (?:the )?\w+| in [A-Z]\w+)? as|termed|dubbed|nicknamed"
_NAMING_WORD = re.compile(rf"\b(?:{_NAMING_WORDS})\b")
_NAMING = re.compile(
    rf"([\w,]+) (?:{_NAMING_WORDS}|(?P<named>named)(?= [a-z][\w-]*,? (?:after|for|in honou?r of)\b)) (?:the |an? |{_ITS_AFTER_A_PASSIVE})?(?=[a-z])"
)
# A term with a capital that a naming word gives, ending its clause: a name, a people's word or a short form before
# lower-case words ("is called the Ampere force, after …", "an enzyme called ADP kinase, which …", "a fungus called
# Candida robusta, which …", "potassium nitrate, known as Indian saltpetre, from …"), or a word of figures before a
# capitalised noun ("often called the 36-line Psalter."). A person's or a place's name alone, or all in capitals
# ("called Anna Berg", "a town called Little Rock"), is left to find_mentions.
# a noun of when someone called ("On the day she called the police"), not what was called
_NOT_A_TIME_NOUN = r"(?!(?:day|night|morning|evening|afternoon|moment|time|week|month|year|hour)\b)"
# Round 104, part C: a description right before whoever calls, so that the term is what the description names: "the
# colour Wright called Cherokee red." (not "the day Anna called …", a time).
_A_DESCRIPTION_BEFORE_A_CALLER = re.compile(rf"\b(?:the|an?) {_NOT_A_TIME_NOUN}[a-z]+ $")
_NAMED_TERM_WITH_A_CAPITAL = re.compile(
    rf"([\w,]+) (?:{_NAMING_WORDS}) (?:the |an? )?"
    r"(?P<term>[A-Z][a-zA-Z-]*(?P<lower>(?: [a-z][a-z-]*){1,2})|\d+-[a-z]+ [A-Z][a-z]+)(?=[,.;:]| \(|$)"
)
# A common noun and the place it is of, closed by a comma: what "known as" or "called" after it names is the noun, not
# someone the place calls ("The smiths of Ghent, known as {{hammermen}}, …"; not "Anna Berg, known as …", a nickname).
_COMMON_NOUN_OF_A_PLACE = re.compile(r"\b[a-z]+ (?:of|from|in) (?:[A-Z][\w'’-]* )*[A-Z][\w'’-]*,$")
# Things made of a substance its short form in capitals names: what "called" after it names is the things ("small
# loops of RNA called ribozymes, …"), not something the short form calls.
_THINGS_OF_A_SHORT_FORM = re.compile(r"\b[a-z]{3,}s of [A-Z]{2,5}$")
# A lower-case name given in quotation marks before the noun it names (see _names_in_quotes); a quoted word alone
# may be what someone said of the thing ('called the choice "uninspired"').
_NAME_IN_QUOTES = re.compile(
    rf"([\w,]+) (?:{_NAMING_WORDS}) (?:the |an? )?[\"“](?P<name>[a-z][a-z-]*(?: [a-z][a-z-]*){{0,3}})[\"”] (?P<noun>[a-z][a-z-]*)"
)
# How a quoted name ends its clause: the closing mark before a comma or full stop, or the stop inside the marks.
_QUOTE_ENDS_THE_CLAUSE = r"(?:[\"”](?=[,.;])|[,.][\"”](?= |$))"
# A lower-case nickname in quotation marks that a passive gives the subject, ending the clause, perhaps opening with
# whose it is: 'The process was nicknamed "bread from air", and …', 'The line was nicknamed "Garth's ladder", and …'
# (not 'was called "uninspired"', which judges rather than names).
_NICKNAME_IN_QUOTES = re.compile(
    r"\b(?:is|are|was|were) (?:nicknamed|dubbed) (?:the )?[\"“](?P<name>(?:[A-Z][a-z]+['’]s )?[a-z][a-z-]*(?: [a-z][a-z-]*){0,3})"
    + _QUOTE_ENDS_THE_CLAUSE
)
# A name in quotation marks that someone gives a thing or a person an "it", "her" or "him" stands for, ending the clause
# or not: 'Sailors called it the "grey mile".', 'Locals called it simply "the old road";', 'Crowds had called her "the
# queen of the fair" all her life, …'.
# Only a name after "the" (before the marks or inside them) or with a capital: 'called it "reckless"', 'called him a
# "traitor"' judge rather than name.
_QUOTED_NAME_GIVEN_TO_A_PRONOUN = re.compile(
    r"\b(?:call(?:s|ed)?|nicknamed|dubbed) (?:it|her|him|them) (?:simply |often |sometimes )?(?P<the>the )?[\"“]"
    r"(?P<name>(?:the )?[A-Za-z][\w'’-]*(?: [\w'’-]+){0,5}?)(?:[\"”](?=[ ,.;])|[,.][\"”](?= |$))"
)
# What a name or a word means, in quotation marks, ending the clause: 'the Latin name Lupus, which means "wolf", …',
# 'The name is usually translated as "river mouth", …', 'Its name means "high meadow".'.
_MEANING_OF_A_NAME = re.compile(
    r"\b(?:name|word|title)\b[^.;\"“”]{0,40}? (?:means|meant|(?:is|was) (?:usually |often |roughly )?translated as|translates as)"
    r" [\"“](?P<name>[a-z][\w'’-]*(?: [\w'’-]+){0,4}?)" + _QUOTE_ENDS_THE_CLAUSE
)
# A term in quotation marks right after a word for a term, or set before its description with "the": 'The phrase "dead
# reckoning" comes from …', 'At its centre is the "silent partner", an imagined figure who …'.
_QUOTED_TERM_AFTER_A_WORD_FOR_A_TERM = re.compile(r"\b(?:phrase|term|expression) [\"“](?P<name>[a-z][a-z-]*(?: [a-z][a-z-]*){0,3})[\"”]")
_QUOTED_TERM_BEFORE_ITS_DESCRIPTION = re.compile(r"\bthe [\"“](?P<name>[a-z][a-z-]*(?: [a-z][a-z-]*){0,3})[\"”], (?:an?|the) [a-z]")
# A description set after a clause and the term of two words or more in quotation marks that people give it, ending the
# clause: '…, the dough sinks back, a fall bakers call "oven slump".' (one quoted word may judge: '…, a film critics
# called "dull".'). Round 117, part C: perhaps with "the" before the marks: '…, a habit she called the "slow fade".'
_QUOTED_TERM_SOMEONE_CALLS_A_DESCRIPTION = re.compile(
    r", (?:an?|the) [a-z]+ (?:he|she|they|we|[a-z]+s) call(?:s|ed)? (?:the )?[\"“](?P<name>[a-z][a-z-]*(?: (?!(?:and|or)\b)[a-z][a-z-]*){1,3})"
    + _QUOTE_ENDS_THE_CLAUSE
)
# A slogan-like name with "the" and a capital that a thing is promoted or known as: 'The board billed the ferry as "the
# Gateway to the Isles".', 'She was known to sailors as "the Widow of Ness".' (not 'hailed as "the saviour"', praise).
_PROMOTED_AS = re.compile(
    r"\b(?:(?:advertised|billed|promoted|marketed) (?:it|them|the [a-z]+|[a-z]+sel(?:f|ves))|(?:known|remembered)(?: to [a-z]+)?) as [\"“](?P<name>the [A-Z][\w'’-]*(?: [\w'’-]+){0,5}?)"
    + _QUOTE_ENDS_THE_CLAUSE
)
# A thing of several words with "the", the nickname it is known by with "the" between commas: '…, the old pine woods of
# the ridge, known as "the comb", burned …' (a nickname after "a" is _QUOTED_TERM_AFTER_ITS_DESCRIPTION's refusal).
_NICKNAME_OF_A_DESCRIBED_THING = re.compile(
    r"\b[Tt]he (?:[a-z][\w-]* ){1,5}[a-z]{3,}, known as [\"“](?P<name>the [a-z][a-z-]*(?: [a-z][a-z-]*){0,3})[\"”],"
)
# A lower-case term in quotation marks after the description of what it names and "known as" or "termed", ending the
# clause: '…, a habit known as "ballooning".', 'a fault termed "creep", which …' (not 'a film critics called "dull"',
# where who calls judges, nor 'known as "the boss"': "the" opens a nickname, not a term).
_QUOTED_TERM_AFTER_ITS_DESCRIPTION = re.compile(
    r"\ban? (?:[a-z][\w-]* ){0,2}[a-z]{3,},? (?:known as|termed) [\"“](?P<name>(?!(?:the|a|an)\b)[a-z][a-z-]*(?: [a-z][a-z-]*){0,3})"
    + _QUOTE_ENDS_THE_CLAUSE
)
# A description set after a clause and the name someone gives it, ending the clause: "…, a practice she
# called field notes.", "…, a motion astronomers call retrograde." (not "…, a friend she called every week"); also a
# description of one or two words inside the clause when a pronoun names: "He invented a parlour game he called the
# shadow test, in which …" (not "On the day she called the police, …": a time is when someone phoned).
_NAMED_BY_SOMEONE = re.compile(
    r"(?:, (?:an?|the) [a-z]+ (?:he|she|they|we|[a-z]+s)"
    rf"|\b(?:an?|the) (?:[a-z]+ )?{_NOT_A_TIME_NOUN}[a-z]+ (?:he|she|they|we))"
    rf" call(?:s|ed)? (?:the |an? )?(?=[a-z][a-z -]*[.,;]$|[a-z][a-z -]*[.,;] ){_NOT_A_NAME_AFTER_CALL}"
)
# People who call what the sentence describes by a term that ends it: "Scholars call these forty booklets fascicles.",
# "Sailors called the cold winds williwaws."; the callers are a plural noun of people, never a name ("James called the
# boys home.": someone calling someone), and the described noun is a plural after "these", "those" or "the".
# Round 89, part C: or a whole field or craft ("which is why brewers call the whole craft cold brewing."): "whole" says
# the name covers all of it, not one thing someone calls by a name.
_CALLERS = r"(?:people|[A-Za-z][a-z]*(?:ers|ars|ors|ists|ians|ics|ants|ents))"
_A_GROUP_CALLS_THE_DESCRIBED = (
    rf"\b{_CALLERS} call(?:s|ed)? (?P<described>(?P<determiner>these|those|the) (?:(?:[a-z-]+ ){{0,2}}?[a-z-]+s|(?<=the )(?:whole|entire) [a-z-]+)) "
)
CALLED_BY_A_GROUP = re.compile(_A_GROUP_CALLS_THE_DESCRIBED + r"(?=(?P<name>[a-z][a-z -]*)\.$)")
# A description and the name someone gave it between commas, after a noun: "Charges held at the edge, which she
# called edge charges, slowed the current." (not ", which she called every week,": a call is no name).
# Also a people or a group with "the" calling it by a term that ends the sentence: "Racing yachts carry a spinnaker, which
# the Americans call a chute." (not "…, which the locals call home.").
_NAMED_IN_A_RELATIVE_CLAUSE = re.compile(
    r"(?<=[a-z]), which (?:he|she|they|we|(?:the )?[a-z]+s|the [A-Z][a-z]+) call(?:s|ed)? (?:the |an? )?(?=[a-z][a-z -]*(?:, |[.;]$))"
    + _NOT_A_NAME_AFTER_CALL
)
# A thing and a relative clause of who calls it by a term that ends the clause: "a thick paste of clay that potters call
# the slip.", 'a timber frame that everyone called the "cage."', 'in what the crew later called the "long winter"'.
# A term without quotation marks only after a group ("potters", "everyone", "the Dutch", _NAMED_BY_A_GROUP_THAT_CALLS):
# after one caller ("that he called the doctor.", "that the boy called home") a call is as often a telephone's. In
# quotation marks after "the" or "a" any caller gives a name (_QUOTED_TERM_WHOEVER_CALLS; 'what critics called "dull"'
# judges, with no article). Not "so that", "now that": no thing before.
_WHOEVER_CALLS = (
    r"\b(?:(?!(?:so|such|now|given|except|order)\b)[a-z]+ that|what) "
    r"(?:(?P<group>(?:everyone|everybody|people|(?:the )?(?!(?:has|was|does|is|always|sometimes|perhaps|thus)\b)[a-z]{3,}s|the [A-Z][a-z]+)"
    # where the group lives: "that people on the Plains called …"
    r"(?: (?:on|in|of|from|across|along|around) the [A-Z][a-z]+)?)|he|she|they|we|the [a-z]+)"
    r" (?:later |often |soon |now |still |sometimes |simply )?call(?:s|ed)? "
)
_NAMED_BY_A_GROUP_THAT_CALLS = re.compile(rf"{_WHOEVER_CALLS}(?:the |an? )?{_NOT_A_NAME_AFTER_CALL}(?=[a-z])")
_QUOTED_TERM_WHOEVER_CALLS = re.compile(
    rf"{_WHOEVER_CALLS}(?:the|an?) [\"“](?P<name>[a-z][a-z-]*(?: [a-z][a-z-]*){{0,3}})" + _QUOTE_ENDS_THE_CLAUSE
)
# Round 108, part C. A name, perhaps possessive, that opens a quoted term of lower-case words: "Beaumont egg",
# "Pandora's box" (not "Hollow Tower", in title case a title or a name, left to quotations).
_NAME_OPENING_A_TERM = r"[A-Z][a-z]+(?:['’]s)?(?= [a-z])"
# Quoted words of two to four that a call gives with no article, ending the clause: 'clouds that people on the Coast
# called "iron frosts".', 'what she called "folded lattices", …'; the term after "so-called": 'this so-called "red
# ledger" holds …'. Each may judge as well ('what critics called "rather dull"'), so _names_a_thing checks the words.
# (Not 'Economists call the result "the long squeeze".': "the result" points back at what the card cannot show.)
_QUOTED_TERMS_A_CALL_GIVES = (
    re.compile(rf"{_WHOEVER_CALLS}[\"“](?P<name>(?:{_NAME_OPENING_A_TERM}|[a-z][a-z-]*)(?: (?!(?:and|or)\b)[a-z][a-z-]*){{1,3}})" + _QUOTE_ENDS_THE_CLAUSE),
    re.compile(r"\bso-called [\"“](?P<name>[a-z][a-z-]*(?: (?!(?:and|or)\b)[a-z][a-z-]*){1,3})[\"”]"),
)
# The same term in quotation marks, ending its clause: 'Sailors called these small boats "jolly cutters," or …'.
QUOTED_TERM_A_GROUP_CALLS = re.compile(
    _A_GROUP_CALLS_THE_DESCRIBED + r"[\"“](?P<name>[a-z][\w'’-]*(?: [\w'’-]+){0,3})" + _QUOTE_ENDS_THE_CLAUSE
)
# A lower-case term in quotation marks right after a naming word, ending its clause, after the noun it names and perhaps
# "the <noun> of": 'a state called "boiling".', 'an event known as a "trip".', 'a period often called the age of "deep
# ploughing".'. Not after a form of "be", a pronoun or whoever calls (see _names_by_its_noun): 'The plan was called
# "reckless".', 'a film critics called "dull".', 'a voice called "hello".' judge or speak; nor a nickname with "the"
# (see _PROMOTED_AS).
_QUOTED_TERM_A_NAMING_WORD_GIVES = re.compile(
    rf"\b(?P<described>[a-z]+),? (?:often |usually |commonly |sometimes |also |simply |now |later )?(?:{_NAMING_WORDS})"
    rf" (?:the [a-z]+ of (?:the )?|an? )?[\"“](?P<name>(?!(?:the|a|an)\b)(?:{_NAME_OPENING_A_TERM}|[a-z][\w'’-]*)(?: [a-z][\w'’-]*){{0,3}})"
    + _QUOTE_ENDS_THE_CLAUSE
)
# A lower-case term in quotation marks that ", a word …" or ", a term …" after it marks as one: 'They called the method
# "tilting", a word taken from …'.
_QUOTED_TERM_BEFORE_A_WORD_FOR_IT = re.compile(
    r"[\"“](?P<name>[a-z][\w'’-]*(?: [a-z][\w'’-]*){0,3})[\"”], (?:an?|the) (?:[a-z]+ )?(?:word|term|phrase|expression)\b"
)
# A lower-case term in quotation marks after an article or a form of "be", before a colon or a dash that opens what it
# is: 'with a "tilting frame": a wooden …', 'Most of the proof was "hearsay evidence": statements that …'.
_QUOTED_TERM_BEFORE_ITS_DEFINITION = re.compile(
    r"\b(?:an?|the|is|was|are|were) [\"“](?P<name>[a-z][\w'’-]*(?: [a-z][\w'’-]*){0,3})[\"”](?:: | [–—] )[a-z]"
)
# Any other short lower-case quotation of one to five words, closed by its mark (or by a comma or the
# sentence's full stop inside it), that the marks set off as a term rather than as anyone's words: 'It had a "store"
# that held numbers', 'both men were charged with "gross indecency" under …', 'heroine as "the Lady with the Lamp", …'
# (see _sets_off_a_term for what makes it speech or a judgment instead). Only after a space, a bracket or a dash, so a
# closing straight mark is not taken for an opening one.
_SHORT_QUOTED_TERM = re.compile(r"(?:^|(?<=[\s(–—]))[\"“](?P<name>[a-z][\w'’-]*(?: [\w'’-]+){0,4})(?:[\"”]|[.,][\"”](?= |$))")
# Words that make a quotation someone's words: a pronoun ("it should do no harm"), a contraction, an answer or a cry;
# or a clause's: a form of "be" or "have", a helping verb ('"the never to be forgotten" teacher').
_WORDS_OF_SPEECH_OR_A_CLAUSE = frozenset(
    "i me my we us our you your he she it they him them yes no not oh please "
    "be is are was were been has have had will would can could shall should must may might".split()
)
# What says the quotation after it is what someone said: a verb of speech, perhaps with "that", or a comma after it and
# whom it was said to ('told reporters, "…"'); the words ("with the words, "…""); a colon.
_SPEECH_BEFORE = re.compile(
    rf"(?:\b(?:{'|'.join(sorted(lexicon.SPEECH_VERBS))}|asked|answered|cried|shouted|exclaimed|whispered|quoted|read|reads)(?: that|,| \w+(?: \w+)?,)?|\bwords,?|:)$"
)
# A verb of speech with "that" anywhere before the quotation, which makes it part of what was said or claimed ('he
# wrote in his journal that he could do "the big strain" himself').
_REPORTED_BEFORE = re.compile(
    rf"\b(?:{'|'.join(sorted(lexicon.SPEECH_VERBS))}|claimed|argued|insisted|warned|promised|complained|boasted) (?:[^.;:]* )?that\b"
)
# A written text that says the quotation in its clause: 'its headline announced a "ship of gold" on board', 'a sign
# read "no dogs"' (its words, not a term).
_WRITTEN_BEFORE = re.compile(
    r"\b(?:headline|sign|banner|notice|telegram|letter|poster|placard|slogan|advertisement|caption|inscription)s?"
    r" (?:\w+ )?(?:announced|proclaimed|promised|declared|offered|read|reads|said|says)\b[^.;:]*$"
)
# A verb of speech after the quotation: '"yes," she said.'
_SPEECH_AFTER = re.compile(rf"[\"”]? (?:\w+ ){{1,2}}(?:{'|'.join(sorted(lexicon.SPEECH_VERBS))}|asked|answered|cried|shouted)\b")
# A word that names, praises or judges before the quotation in its clause: what follows is a nickname, praise or a
# judgment ('called him a "traitor"', 'hailed the mayor as "the saviour of the town"', 'found it "too long"'), left to
# the shapes above that tell a name given from what someone thought (_QUOTED_TERM_AFTER_ITS_DESCRIPTION, …).
_NAMED_OR_JUDGED_BEFORE = re.compile(
    rf"\b(?:{_NAMING_WORDS}|call(?:s|ing)?|hailed|praised|described|branded|deemed|considered|found|thought)\b[^,;:]*$"
)
# "The letters mRNA stand for messenger RNA", "GNSS, short for global navigation satellite system, …".
_EXPANSION = re.compile(r"\b(?:stand(?:s|ing)? for|short for) ([A-Za-z][\w-]*(?: [A-Za-z][\w-]*){0,5}?)(?=[,.;:)]|$| (?:and|but|which|that)\b)")
# "An antibody is a Y-shaped protein …": the term a sentence opens by defining (not "The spacecraft was
# a little further along …", a measure of how much).
_DEFINED = re.compile(
    r"(?:(?:A|An|The) ([a-z][\w-]*) (?:is|was) (?:a|an) |(?:A|An) ([a-z][\w-]*(?: [a-z][\w-]*){1,2}) (?:(?:is|was) (?:a|an)|contains|consists of|means) )"
    r"(?!(?:little|bit|lot|few|good deal|great deal)\b)"
)
# A term a sentence opens by defining with "the", its kind and what sets it apart: "The plug is the cylinder that turns
# inside the housing", "Key pins are the lower pins of each stack", "Driver pins are the upper pins, usually …". Only the
# present, as an explainer defines ("The winner was the horse that …" tells what happened); after "The" one word, as for
# _DEFINED ("The narrow gorge is the outer shell of the valley." describes a gorge); a plural with no article only
# before "are", as a list of parts names its items (see _defined_by_its_kind for the line).
_DEFINED_BY_ITS_KIND = re.compile(
    r"(?:The (?P<term>[a-z][\w-]*) is|(?P<plural>[A-Z][a-z-]*(?: [a-z][\w-]*){0,2}s) are)"
    r" the (?P<kind>[a-z][\w-]*(?: [a-z][\w-]*){0,2})(?= (?:that|which|where|whose|in which|of) |, )"
)
# Subjects that say what matters rather than name a thing: "The point is the one that …", "The trouble is the cost of …".
_VERDICT_NOUNS = frozenset("point thing fact truth trouble aim goal difference ones".split())
# A sentence that opens with a subject and says in the present which kind of a thing it is, the kind ending the sentence:
# "Microwaves are a form of non-ionising radiation.", "The cathode is a type of hot electrode." (see _kind_it_is_a_form_of
# for the line: a term of two or three words, or one hyphenated word); the kind may also end its clause before a colon
# that explains it: "Radio waves are a form of electromagnetic radiation: each wave carries …".
_A_FORM_OF = re.compile(
    r"(?:The )?(?P<subject>[A-Za-z][a-z-]*(?: [a-z][\w-]*){0,2}) (?:is|are) an? (?:form|type|kind|variety) of "
    r"(?P<term>[a-z][\w-]*(?: [a-z][\w-]*){0,2})(?=\.$|: [a-z])"
)
# What a sentence says its subject works as, or a clause after it makes it, the term ending the sentence: "The lid
# acts as a {{heat sink}}.", "…, which makes it a {{polar molecule}}." Only the present, as an explainer says what a part
# does ("He served as a naval officer." tells a life), after a subject with an article (see _role_it_plays for the line).
_ROLE_IT_PLAYS = re.compile(
    r"(?:(?:The|A|An|Its) [a-z][^,;:]*? (?:works|acts|serves|functions) as|, which makes it) an? "
    r"(?P<term>[a-z][\w-]*(?: [a-z][\w-]*){0,2})(?=\.$)"
)
# What a sentence says a term is by where it puts it: "made his fortune manufacturing {wire rope}", "the
# first large bridge to use {steel wire}", "died of {tetanus}", "coined a word for it: {ferromagnetism}", "a name
# for the process: {fission}".
_TERM_PLACE = re.compile(
    r"\bmade (?:his|her|their|a) fortune (?:in |from )?(?:manufacturing |making |selling |building |trading )?"
    r"|\bthe first\b[^,.;:]{0,40}? to use |\bdied of (?:an? )?(?=[a-z])"
    r"|\b(?:a|the|its|his|her|their) (?:new )?(?:word|name|term)(?: for (?:it|them|this|that|the [a-z]+))?: (?=[a-z])"
)
# Round 66, part C. Where a sentence names an illness someone had or died of: "was dying of {tuberculosis}", "died from
# {cholera}", "suffered from {gout}", "was found to have {bone cancer}", "A bout of {scarlet fever} left …", "died in
# Leeds on 2 May 1901, of {pneumonia}", "was dead, at 40, of {typhus}" (the "died" and its ", of" in one clause); the
# term must end its clause or go on with a word no term holds, and must not be an everyday word (see
# _illness_and_material_terms). Not "the only man to die from enemy fire" (a way of dying, not an illness), nor "were
# found to have taken bribes" (a deed).
_ILLNESS_PLACE = re.compile(
    r"\b(?:died|dying|dies) (?:of|from) (?:an? )?(?=[a-z])|\b(?:died|(?:was|were) dead)\b[^.;:]{0,80}?, of (?:an? )?(?=[a-z])"
    r"|\bsuffer(?:ed|s|ing)? from (?:an? )?(?=[a-z])|\b(?:was|were|is|are) found to have (?:an? )?(?=[a-z])(?![a-z]+(?:ed|en|wn|ne)\b)"
    r"|\b(?:[Aa]|[Tt]he|[Hh]is|[Hh]er) (?:bout|attack) of (?=[a-z])|\b(?:post-mortem|autopsy) (?:found|showed|revealed) (?=[a-z])"
)
# What a passive says a thing is made of, or an alloy of: "The back is made of {maple}, …", "The top is carved from
# {spruce}, a light …", "The cabin was filled with {pure oxygen} at …", "The metal was an alloy of {lead, tin and
# antimony}." (see _illness_and_material_terms).
_MATERIAL_PLACE = re.compile(
    rf"\b(?:is|are|was|were) (?:{lexicon.LY_ADVERB} )?(?:made|carved|cut|built|cast|forged|woven|filled) (?:of|from|out of|with) (?=[a-z])"
    r"|\b(?:is|are|was|were) an alloy of (?=[a-z])"
)
# Everyday words a place for an illness or a material also takes, which name nothing to learn: "suffered from neglect",
# "died of hunger", "made of wood", "filled with water", "filled with people".
_EVERYDAY_FILLERS = frozenset(
    "water air wood stone metal material materials paper plastic stuff things parts pieces people crowds "
    "hunger thirst cold heat exhaustion neglect poverty lack loss losses shortage shortages injuries wounds age "
    "disease diseases illness illnesses sickness infection infections causes".split()  # "dying of {{diseases}}": which?
)
# Round 66, part C. A trade someone was, worked or earned a living as, or one set in apposition after their name, perhaps
# with a word for the goods before it: "His father, Tom Hale, was a {{coppersmith}}", "earned a living as a
# {{shoemaker}}", "Tom Hale, a London {{silk merchant}} with …" (see lexicon.TRADE_NOUNS; not "a wealthy merchant",
# which judges: see _trade_terms).
_TRADE_PLACE = re.compile(
    r"(?:\b(?:was|worked as|earned (?:a|his|her|their) living as|trained as|became)|[A-Z][a-z]+,) an? (?:[A-Z][a-z]+ )?"
    rf"(?P<trade>(?:(?P<goods>[a-z]+) )?(?:{'|'.join(sorted(lexicon.TRADE_NOUNS))}))(?![\w'’-])"
)
# Round 117, part C. The post someone was appointed to or made, perhaps with what it is of, ending at a clause mark or a
# word that goes on with where, when or for whom: "In 1760 Tom Vane was appointed a {{keeper of records}} in Kellby",
# "the guild made him {{master of ceremonies}}, and …", "the king named her his {{court astronomer}}." (see _post_terms
# for the line). Not "made him a hero" (an article after "made" is a judgment), "named him the best …", "made her
# one of the first …"; a post "of the" or "of a" something stops before it ("{{chief engineer}} of the new bridge").
_POST_GIVEN = re.compile(
    r"\b(?:(?:was|were|been|being) appointed(?: an?)?|appointed (?:him|her)(?: an?)?|made (?:him|her)|named (?:him|her) (?:his|her|its|their)) "
    r"(?P<post>(?!(?:an?|the|one)\b)[a-z][a-z-]*(?: [a-z][a-z-]*){0,2}?(?: of (?!(?:the|an?|his|her|its|their)\b)[a-z][a-z-]*(?: [a-z][a-z-]*)?)?)"
    r"(?=[,.;]| (?:at|in|of|to|for|by|from|and|under|on|with)\b)"
)
# The end of the noun that names an office or a trade: "professor", "commissioner", "secretary", "superintendent".
_HOLDER_OF_A_POST = re.compile(r"[a-z]{3,}(?:er|or|ary|ent|ant|ist|ian)")
# Words before a trade that say what kind of tradesman rather than which trade: "a poor weaver", "a skilled mason".
_TRADESMANS_QUALITIES = frozenset(
    "poor rich wealthy prosperous successful skilled master humble local famous young old small large leading well-known "
    "travelling journeyman former retired".split()
)
# Round 103, part B. The means a thing works by, ending its clause (or before "alone"): "Water works mainly by
# {{cooling}}: …", "Dry powder works by {{smothering}}, …", "The whole system worked by {{gravity}} alone." (see
# _means_and_type_terms; not "a gearbox worked by three pedals on the floor": the means goes on, nor a count).
_MEANS_IT_WORKS_BY = re.compile(rf"\b(?:works?|worked|acts?|acted|operates?|operated) (?:{lexicon.LY_ADVERB} )?by (?=[a-z])")
# A method named after "by" with no article, which a colon then explains: "it was repaired by {{underpinning}}: new
# footings were …", "made from coal by {{dry distillation}}: the coal is …" (not "by hand:", an everyday word).
_METHOD_A_COLON_EXPLAINS = re.compile(r"\bby (?P<term>(?!(?:the|a|an|its|his|her|their|this|that)\b)[a-z][\w-]*(?: [a-z][\w-]*){0,2}): (?=[a-z])")
# The kind of design a thing is of, one or two words before "type", "kind" or "design": "Most kettles are of the
# {{whistling}} type.", "The engine was of the {{two-stroke}} kind." (not "of the same type", which judges).
_OF_THE_TYPE = re.compile(r"\b(?:is|are|was|were) (?:all |mostly |mainly )?of the (?P<term>[a-z][\w-]*(?: [a-z][\w-]*)?) (?:type|kind|design)\b")
# Everyday means a thing is done by, which name nothing to learn: "worked by hand", "by night:".
_EVERYDAY_MEANS = frozenset("hand hands foot night day day-time car train ship air sea road rail post mail chance accident force".split())
# A list of single words after a material's first word: "an alloy of lead{, tin and antimony}".
_LIST_OF_WORDS_AFTER = re.compile(r"(?:, [a-z]+)*,? and [a-z]+(?=[.,;])")
# Where a passive of making or finding puts its subject, one to four lower-case words ending the clause: "Tritium is
# made continuously in the {upper atmosphere}.", "Most of it is stored inside the {liver}." (not an idiom: "found in the
# end", "made in the same way"; not "in the 1940s", a year's).
_MADE_OR_FOUND_IN = re.compile(
    rf"\b(?:is|are|was|were) (?:{lexicon.LY_ADVERB} )?(?:made|formed|found|stored|produced|created|generated) (?:{lexicon.LY_ADVERB} )?(?:in|inside|within) the "
    r"(?!(?:end|past|future|meantime|meanwhile|process|same|way|first|last|course|case|event|time|form|shape|wild)\b)(?=[a-z])"
)
# What a method measures or dates, one to three lower-case words ending the sentence: "Tritium dating measures the age
# of {groundwater}.", "The method is used to date {cave paintings}." Not "is used for …": what a thing is used for is
# as often an everyday word the sentence gives away ("the mosque is used for prayers") as a term.
_WHAT_IT_MEASURES = re.compile(
    r"\b(?:measures|measured) the age of (?:the )?|\b(?:is|are|was|were) used to (?:date|measure) (?:the age of )?(?:the )?(?=[a-z])"
)
# The end of a clause right after a term.
_CLAUSE_END = re.compile(r"[.,;](?: |$)")
# Round 89, part C. A name some people took up, one to four lower-case words ending the clause: "weavers later adopted
# the name {{double cloth}}." (not "took the name of her aunt": no term ends the clause there).
_NAME_TAKEN_UP = re.compile(r"\b(?:adopted|adopt|adopts|took|takes|chose|chooses) the (?:name|term) (?=[a-z])")
# A term named by a passive "named" with nothing after it, when a common noun is what is named and the term
# ends the clause: "the phenomenon was named colony collapse disorder." (not "He was named captain").
_NAMED_PASSIVE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat) [a-z][\w-]* (?:is|are|was|were) named (?=[a-z][a-z -]*[.,;](?: |$))")
# A copula whose subject is a description of two to six words and whose complement is the term, ending the
# sentence: "The solid core is the nucleus.", "The most famous workers were the high scalers." (not "The
# diseases were the real enemy.", "The roof was the hardest problem.", nor a subject that leans on the text
# before: "The real problem was the landslides.", "The second part is …"); also a thing's part: "Its thin outer flap is the
# pinna." (whose thing the "Its" is, the rules engine decides, as for any leading "Its"; "His", "Her" are people's).
# The subject may carry a clause of where it is, which describes it further: "The upper slope, where sand piles up
# faster than the wind removes it, is the slip face." Round 117, part C: the clause may hold a list ("The lower slope,
# where rain, frost and wind wear the rock away, is the scree line."), and it describes a subject that would otherwise
# lean on the text before ("The upper part, where snow piles up, is the …": which part, the clause says).
_DESCRIBED_SUBJECT = re.compile(
    r"(?:The|Its) (?P<subject>[a-z][\w-]*(?: [a-z][\w-]*){1,5})(?P<where>, where [^;:]+?,)? (?:is|are|was|were) the (?=[a-z])"
)
# A subject that ranks what it describes, and a copula: "The most serious danger is …", "The main light-absorbing
# pigment is …" (see _ranked_subjects_term).
_RANKED_SUBJECT = re.compile(r"The (?:most [a-z]+|main|chief|principal|[a-z]+est) (?P<subject>[a-z][\w-]*(?: [a-z][\w-]*){0,2}) (?:is|are|was|were) (?=[a-z])")
# Words before a word that describe it rather than name a thing: "the hall was empty", "stood empty", "very empty".
_DESCRIBING_BEFORE = lexicon.COPULAS | frozenset(
    "be been being become became becomes remain remained remains stay stayed stood lay seem seemed seems look looked "
    "looks grew turned very so too quite rather more most less fairly almost nearly completely".split()
)
_NEXT_WORD = re.compile(r" ([a-z][\w-]*)")
# A short form in brackets after lower-case words whose initials it spells: "a battery management system (BMS)",
# "the solid boundary film (SBF)" (see _expansions). Round 108, part C: also one after ", or" ending its clause:
# "Magnetic resonance imaging, or MRI, lets …".
_SHORT_FORM_AFTER_WORDS = re.compile(r"(?<=[a-z])(?: \(|, or )(?P<short>[A-Z]{2,6})(?:\)|(?=[,.;:]))")
# Words that make a complement a judgement rather than a term: "the real enemy", "the most precise work", "a good guide".
_JUDGING_WORDS = frozenset("real same main only most least best worst first last good useful important perfect ideal".split())
# "… stand on caissons: enormous wooden boxes, open at the bottom, …": a term and, after a colon, its
# description, two to four lower-case words up to a comma ("mostly mental: once one runner had shown it …, …"
# is no description).
_DEFINED_AFTER_COLON = re.compile(r"(?<=[a-z]): (?P<description>[a-z][\w-]*(?: [a-z][\w-]*){1,3}),")
# A term in the present after "is" or "are", with no article, and after a colon a description of what it is that opens
# with an article or a count: "Most waxes are esters: long chains joined to an alcohol.", "The outcome is lime scale: the
# white crust inside a kettle." (see _term_a_colon_describes: not "The answer is simple: the receiver treats …").
_TERM_A_COLON_DESCRIBES = re.compile(
    rf"\b(?:is|are) (?P<term>[a-z][\w-]*(?: [a-z][\w-]*)?): (?P<description>(?:an?|the|{lexicon.COUNTING_WORDS}) [^,;:]*)"
)
# A count just before a word: "61 |crew", "twelve |monks" (see find_terms).
_COUNT_BEFORE = re.compile(rf"(?:\b\d[\d,]*|\b(?i:{lexicon.COUNTING_WORDS})) $")
# A word that is no term before a description set off by commas: an adverb ("slowly, a …") or a gerund an adverb leads
# ("is, strictly speaking, a magnetic south pole")
_ONE_ADVERB = re.compile(r"[\w-]+ly")
_ONE_GERUND = re.compile(r"[a-z]+ing")
_ADVERB_BEFORE = re.compile(rf"\b{lexicon.LY_ADVERB} $")
# Words that end a clause rather than a term: "… pulling apart, a zone …", "… are immune, a germ cannot …".
# Round 108, part C: also a connective between commas ("The method, however, …").
_NOT_APPOSED = frozenset(
    "apart away together out up down off back again too also here there now then later soon once still "
    "however therefore thus though meanwhile moreover instead nevertheless".split()
)
# The past of a verb before a comma ends a clause ("with little fuel left, a probe touched …"), not a term.
_VERB_FORMS = frozenset(lexicon.PAST_TO_PLAIN) | lexicon.IRREGULAR_PAST
_VERBS = _VERB_FORMS | lexicon.PRESENT_VERBS
# (not one of a relative clause inside the description: "chalk marl, a soft chalk mixed with clay that is easy to cut")
_CLAUSE_VERB = re.compile(r"(?:(?!\b(?:that|which|who|whose)\b)[^,.;])*?\b(?:is|are|was|were|has|have|had|can|cannot|could|will|would|did|does|do)\b")
# A word for the class of a substance, a living thing or a body part in the plural (see lexicon.CLASS_NOUNS): "proteins",
# "gases", "viruses".
_CLASS_IN_THE_PLURAL = rf"(?:{'|'.join(sorted(lexicon.CLASS_NOUNS))})e?s"
# "… the thymus, a small organ …", "… lymphocytes, a type of …", "… royal jelly, a protein-rich secretion …", "… the
# iris, the coloured ring that …" (a description with "the" is a noun, perhaps after one adjective, before a relative clause),
# "… propolis, a sticky "bee glue" …", "… the Baikal seal, or nerpa, …", "… the Latin word vacca, meaning
# cow": the word a description or another name follows (not the first of a list of kinds, "two cameras, a narrow-angle
# and a wide-angle one"); also an idea defined by what it lets one do or is the study of: "… with empathy, the ability to
# share …", "taxonomy, the science of naming …" (see lexicon.ABILITY_NOUNS).
# Round 67, part B: also a description that opens with a people's style ("a quincunx, a Roman-style orchard planted …"),
# a group with "the" described by its nation and who led it or what it did ("the encyclopaedists, the French writers led by
# …", "…, the weavers who …"), a description with no article of one to three words ending in a plural noun and going on
# to say more of it ("inside mitochondria, small oval bodies a few …", "by osmosis, movements of water that …"; see
# _described_in_the_plural), and an idea with what it held ("the humoral theory, which held that …"; see _IDEA_HELD).
# Round 97, part B: also a class noun alone in the plural, perhaps with where the things are, before a relative clause
# ("defined by {{aggregates}}, molecules that …", "is {{lectins}}, proteins in the seed that …"): the class says what the word
# before is (see _CLASS_IN_THE_PLURAL).
_APPOSITION = re.compile(
    r"(?<=[a-z]), (?:an? (?=(?:[a-z][\w-]*|[A-Z][a-z]+-[a-z][\w-]*) (?!(?:and|or)\b)[a-z\"“])"
    rf"|the (?=(?P<described>(?:(?:{_NATION}) )?(?:[a-z][\w-]* )?[a-z][\w-]*) (?:where|that|which|whose|who|[a-z]+ed by) )"
    rf"|(?P<idea>the) (?=(?:{'|'.join(sorted(lexicon.ABILITY_NOUNS))}) to [a-z]|(?:{'|'.join(sorted(lexicon.PRACTICE_NOUNS))}) of [a-z])"
    r"|(?=(?P<plural>[a-z]{3,}s) of [a-z]|(?P<described_plural>(?:[a-z][\w-]* ){1,2}[a-z]{3,}s) (?:of [a-z]|that |which |whose |a few ))"
    rf"|(?=(?P<class_plural>{_CLASS_IN_THE_PLURAL}) (?:(?:in|inside|within|on|from) (?:the )?[a-z][\w-]* )?(?:that|which|whose) )"
    r"|(?P<held>which (?:held|holds|taught|teaches|claimed|claims|stated|states) that )"
    r"|or (?=[a-z]+,)|(?:meaning|which means) )"
)
# A copula and an article before a word: what the subject was, which a description of a person may follow ("Hale was a
# {{ship's surgeon}}, a member of the Royal Society and …") without making the word a person's description.
_COPULA_AND_ARTICLE_BEFORE = re.compile(r"\b(?:is|was|became) (?:an?|the) (?:[\w'’-]+ )?$")
# The last word of an idea a relative clause says what it held: "the humoral theory, which held that …", "mercantilism,
# which taught that …" (not "the court, which held that …": a body that rules, not an idea to learn).
_IDEA_HELD = re.compile(r"(?:theory|theories|doctrine|hypothesis|belief|notion|[a-z]{3,}ism)$")
# A sentence's opening phrase of a preposition and up to three words: "During the spinning", "After the war", "In
# May 1883". A comma after it leads to the main clause, not to a description of its last word.
_SHORT_OPENING_PHRASE = re.compile(rf"(?:{lexicon.TIME_OR_PLACE_PREPOSITIONS})(?: [\w’'-]+){{1,3}}")
# Another name of one to three words between commas: "the Baikal seal, or nerpa,", "A heart attack, or myocardial
# infarction, happens …" (not "a man, or a woman,", nor the last of a list, "apples, pears, or plums,").
_ALIAS = re.compile(r"(?<=[a-z]), or ([a-z][\w-]*(?: [a-z][\w-]*){0,2}),")
# A term set after a description of its kind, perhaps with where it lies and with its short form in brackets: "a
# small knot of cells, the sinoatrial node, in …", "a small knot of tissue in the wall of the right atrium, the
# sinoatrial (SA) node." (not "a cup of tea, the first of the day,": a judgement).
_APPOSED_TERM = re.compile(
    rf"\ban? (?:[a-z][\w-]* ){{0,2}}(?:{'|'.join(sorted(lexicon.KIND_NOUNS))}) of [a-z][\w-]*"
    r"(?: (?:in|on|at|inside|within|near|around|along|beneath|behind|under)(?: [a-z][\w-]*){1,6})?"
    r", the (?P<term>[a-z][\w-]*(?: \([A-Z]{1,5}\))?(?: [a-z][\w-]*){1,2})(?=[,.])"
)
# A term set between commas right after the class it belongs to, before a clause that describes it: "contains an
# enzyme, {{salivary amylase}}, which begins to split starch" (not "a gas, colourless and light, which": a description;
# nor a list, "a metal, copper, and a salt,", nor a term with no clause after it, where the class may be one of many).
_TERM_AFTER_ITS_CLASS = re.compile(
    rf"\ban? (?:[a-z][\w-]* )?(?:{'|'.join(sorted(lexicon.CLASS_NOUNS))}), (?P<term>[a-z][\w-]*(?: [a-z][\w-]*){{0,2}}), (?=(?:which|that|whose) )"
)
# A part's term with "the" set between commas right after a described thing with an article, before a clause that says
# more of the part: "surrounded by a copper block, {{the anode}}, which is cut with cavities" (one word, the name of the
# part; not "a small town, the capital of …", nor "a dull book, the worst, which", which judges; see find_terms).
# Round 67, part B: also a term of two words, after a description of two adjectives ("a newer and safer design, the
# {{box girder}}, in which …") or after its owner's possessive ("Marsh's own detector, the {{coherer tube}}, had shown
# …"), before a clause or the sentence's verb; not a person so described ("Hale's eldest son, the heir, was …").
# Round 68, part C: also a term that opens with a name ("a sharp kink, the {{Rayleigh bend}}, which …") and a term
# before where the thing hangs or runs from ("a wide linen sail, the {{siparium}}, from poles around the stage").
_PART_AFTER_ITS_DESCRIPTION = re.compile(
    r"(?:\ban? (?:[a-z][\w-]*(?:,| and)? ){1,2}|\b[A-Z][\w-]*['’]s (?:[a-z][\w-]* )?)(?P<described>[a-z]{3,}), "
    r"the (?P<term>(?P<name>[A-Z][a-z]+ )?[a-z][\w-]*(?(name)|(?: [a-z][\w-]*)?)), "
    r"(?=(?:which|that|in which) |(?:had|has|have|was|were|is|are) |(?:from|across|along|around|between) [a-z])"
)
# Round 108, part C. A term set between commas after the kind of idea it is, which opens the sentence with "the" or
# "a" and perhaps one or two describing words, before the sentence's verb: "A simpler method, {{self-capacitance}},
# measures …", "The underlying effect, {{nuclear magnetic resonance}}, was shown …" (not "The method, however, works":
# a connective; nor "The method, he said, works": a speaker; see _term_after_its_kind_at_the_opening).
_TERM_AFTER_ITS_KIND_AT_THE_OPENING = re.compile(
    rf"(?:The|An?) (?:[a-z][\w-]* ){{0,2}}(?:{'|'.join(sorted(lexicon.METHOD_KIND_NOUNS))}), "
    r"(?P<term>[a-z][\w-]*(?: [a-z][\w-]*){0,3}), (?P<after>[a-z]+)(?: (?P<next>[a-z]+))?"
)
# The species word after a genus, which ends the Latin name of a species: "Apis mellifera", "Bombyx mori".
SPECIES_WORD = r"[a-z]{3,}(?:a|ae|i|us|um|is|or|ix|ens|ensis)"
# A species' Latin name set right after its common name, with or without a comma, closing the apposition: "the European
# garden spider, {{Araneus diadematus}}, a typical orb weaver", "the caterpillars of the moth {{Bombyx mori}}," (not "the
# moth Bombyx mori feeds …": the name may be the sentence's subject, read apart).
_LATIN_NAME_AFTER_ITS_CREATURE = re.compile(
    rf"\b(?:{'|'.join(sorted(lexicon.CREATURE_NOUNS))}),? (?P<name>[A-Z][a-z]{{2,}} {SPECIES_WORD})(?=[,.;:)]|$)"
)
# A chemical's older name of two nouns joined by "of" (see lexicon.SALT_NOUNS): "soaked in chloride of lime" (not "oxide of
# the metal": what follows "of" is one noun).
_SALT_NAME = re.compile(rf"\b(?:{'|'.join(sorted(lexicon.SALT_NOUNS))}) of (?P<noun>[a-z]+)(?![\w'’-])")
# Round 105, part B. A compound named by its elements and the word for what they are joined with, one of a salt's
# (lexicon.SALT_NOUNS, perhaps after "mono", "di", "tri" or "tetra") or another rare word in "-ide", "-ate" or "-ite":
# "a material such as {{cadmium telluride}}", "pellets of {{uranium dioxide}}", "{{lithium cobalt oxide}}" (not "gold
# plate", "an iron gate", "lead white", see _names_what_an_element_is_joined_with; nor "carbon dioxide", an everyday
# word, see lexicon.everyday_in_english).
_ELEMENT = rf"(?:{lexicon.CHEMICAL_ELEMENTS})"
_COMPOUND_OF_AN_ELEMENT = re.compile(rf"(?<![\w'’-])(?i:{_ELEMENT})(?: {_ELEMENT})* (?P<joined>[a-z]+(?:ide|ate|ite))(?![\w'’-])")
_COUNTING_PREFIX = re.compile(r"^(?:mono|di|tri|tetra)(?=[a-z])")
# A short form in brackets inside a term, which the card does not show: "the sinoatrial (SA) node".
_INNER_SHORT_FORM = re.compile(r" \([A-Z]{1,5}\)")
# A lower-case word of a term, perhaps with an accented letter after its first: "trencadís", "papier-mâché".
_TERM_WORD = re.compile(r"[a-z][a-zß-öø-ÿ-]*(?![\w'’-])")
# "killer T cells"; a short form that ends the term, its clause or before what it stands for: "called back BMF (…)"
_INNER_TERM_WORD = re.compile(r"[a-z][a-zß-öø-ÿ-]*(?![\w'’-])|[A-Z]{1,4}(?= [a-z])|[A-Z]{2,5}(?=[,.;:]| \(|$)")
_ARTICLES = frozenset("a an the its their his her".split())
# Words a term does not hold: it stops before them ("called the Transit system in 1964" -> nothing).
_NOT_TERM_WORDS = frozenset(
    "a an the this that these those which who whom whose what when where while and or but nor so yet if "
    "because as than then is are was were be been being has have had do does did can could will would may "
    "might must should shall of in on at by for to with from into onto after before since until during "
    "about over under between among through aboard against near its his her their our my your it he she they we you him them one "
    "word words term name phrase letter letters "
    "inside within without across along around behind beneath beyond towards toward upon via throughout".split()
)
_MAX_TERM_WORDS = 4
# Prepositions before a gerund that says how something was done: "by using chromoly steel", "without adding salt".
_BEFORE_A_MEANS = frozenset({"by", "without"})
# An item of a glossary: a sentence that opens with a term of one to three words, perhaps another name for it after
# ", or", and after a colon a description of at least four words: "Deflation, or wind scour: the wind lifts fine
# grains and carries them away.", "Barchan dunes: crescent-shaped mounds whose horns point downwind." (not a label
# before a figure or a name, "Height: 324 metres.", "Architect: Gustave Eiffel.", nor a short note, "Result: a draw.").
_GLOSSARY_ITEM = re.compile(
    r"(?P<term>[A-Z][a-z-]+(?: [a-z][a-z-]*){0,2})(?:, or [a-z][a-z-]*(?: [a-z][a-z-]*){0,2})?: (?=[a-z][\w-]*(?: [^ ]+){3})"
)


def find_terms(text: str) -> list[Mention]:
    """The lower-case technical terms `text` (one sentence) names or defines, in order: what comes
    after "called", "known as", "nicknamed", "named … after", "the phenomenon was named", "stands for",
    "short for", or after a description and who calls it so (", a motion astronomers call retrograde"); the
    term a sentence opens by defining ("An antibody is a …") or closes by naming what its subject describes
    ("The solid core is the nucleus."); a word a description ("the thymus, a small organ", "the heliopause,
    the boundary where …", "caissons: enormous wooden boxes,", "mitochondria, small oval bodies a few …", "the
    humoral theory, which held that …") or another name ("the Baikal seal, or nerpa,", "A heart attack, or
    myocardial infarction,") follows; the words after a description of their kind ("a small knot of cells, the
    sinoatrial node,"), a described thing ("Marsh's own detector, the coherer tube, had …") or a word for their
    class ("an enzyme, salivary amylase, which …"); what follows "made his fortune manufacturing", "the first … to
    use" or "died of"; the words before a short form in brackets that they spell ("a battery management system
    (BMS)"), whole. Capitalised
    names are left to find_mentions."""
    found: list[tuple[int, int]] = []
    for match in _NAMING.finditer(text):
        after_a_name = not match.group("named") and _someone_called(match.group(1))
        # a bare plural after things of a short form is what they are called ("called the rocket a …" is who calls)
        of_a_short_form = _THINGS_OF_A_SHORT_FORM.search(text, 0, match.end(1)) and not re.search(r"\b(?:the|an?) $", match.group())
        if after_a_name and not (_COMMON_NOUN_OF_A_PLACE.search(text, 0, match.end(1)) or of_a_short_form):
            continue  # someone called someone: "Jenner called the boy back" ("he named argon after …" names a term)
        words = _words_from(text, match.end())
        if after_a_name and words and _judges(text[match.end() : words[-1].end()]):
            continue  # "The mayor of Leeds, called the best cook in town, …" praises the mayor rather than names a kind
        # not "called the father of GPS", nor "called the choice "uninspired"": the quotation is what it was called
        if words and not re.match(r" of | [\"“]", text[words[-1].end() :]):
            found.append((match.end(), words[-1].end()))
    for match in _NAMED_TERM_WITH_A_CAPITAL.finditer(text) if _may_name(text) else ():
        lower = (match.group("lower") or "").split()
        called_by_someone = _someone_called(match.group(1)) and not _A_DESCRIPTION_BEFORE_A_CALLER.search(text, 0, match.start(1))
        if called_by_someone or _judges(match.group("term")) or set(lower) & (_NOT_TERM_WORDS | lexicon.WHEN_CALLED_ADVERBS):
            continue  # "Jenner called Phipps back", "known as Gaul then."
        if not any(_a_verb(word) or _an_adverb(word) for word in lower):  # not "a dog called Rex barked."
            found.append(match.span("term"))
    for match in _names_in_quotes(text):
        found.append(match.span("name"))
    if " call" in text:  # (most sentences call nothing: found fast)
        for called in (_NAMED_BY_SOMEONE, CALLED_BY_A_GROUP, _NAMED_IN_A_RELATIVE_CLAUSE):
            found.extend(_term_from(text, match.end()) for match in called.finditer(text))
        for match in _NAMED_BY_A_GROUP_THAT_CALLS.finditer(text):
            start, end = _term_from(text, match.end())
            if match.group("group") and _CLAUSE_END.match(text, end):
                found.append((start, end))
    for match in _NAMED_PASSIVE.finditer(text):
        found.append(_term_from(text, match.end()))
    for match in (*_MADE_OR_FOUND_IN.finditer(text), *_NAME_TAKEN_UP.finditer(text)):
        start, end = _term_from(text, match.end())
        if _CLAUSE_END.match(text[end:]):
            found.append((start, end))
    for match in _WHAT_IT_MEASURES.finditer(text):
        start, end = _term_from(text, match.end())
        if text[end:] == "." and len(text[start:end].split()) <= 3 and not _TIME_AFTER.match(" " + text[start:end]):
            found.append((start, end))
    described = _DESCRIBED_SUBJECT.match(text)
    if described and (described.group("where") or not set(described.group("subject").split()) & lexicon.BACK_REFERRING_NOUNS):
        start, end = _term_from(text, described.end())
        if text[end:] == "." and not _judges(text[start:end]):
            found.append((start, end))
    for match in _EXPANSION.finditer(text):
        found.append(match.span(1))
    for match in _TERM_PLACE.finditer(text):
        found.append(_term_from(text, match.end()))
    found.extend(_illness_and_material_terms(text))
    found.extend(_trade_terms(text))
    found.extend(_post_terms(text))
    found.extend(_means_and_type_terms(text))
    for match in _DEFINED_AFTER_COLON.finditer(text):
        if set(match.group("description").split()) & _NOT_TERM_WORDS:
            continue
        start, end = _term_before(text, match.start())
        # not "its three parts: …" nor "found the answer: …", which says what the sentence before asked
        if not re.search(rf"(?:\d|\b(?:{lexicon.NUMBER_WORDS}|the|a|an|its|his|her|their)) $", text[:start], re.IGNORECASE):
            found.append((start, end))
    found.extend(_term_a_colon_describes(text))
    glossary_item = opening_glossary_term(text)
    if glossary_item:
        found.append(glossary_item)
    kind_it_is_a_form_of = _kind_it_is_a_form_of(text)
    if kind_it_is_a_form_of:
        found.append(kind_it_is_a_form_of)
    role = _role_it_plays(text)
    if role:
        found.append(role)
    by_its_kind = _defined_by_its_kind(text)
    if by_its_kind:
        found.append(by_its_kind)
    defined = _DEFINED.match(text)
    group = defined and (1 if defined.group(1) else 2)
    # not what a sentence that names its term describes: "The flaw was a kind of blurring known as spherical aberration."
    if defined and not set(defined.group(group).split()) & (_NOT_TERM_WORDS | lexicon.BACK_REFERRING_NOUNS) and not _NAMING.search(text, defined.end()):
        found.append(defined.span(group))
    for match in _ALIAS.finditer(text):
        # not the last of a list ("apples, pears, or plums,"), nor "a man, or a woman,"
        if _is_whole_term(text, *match.span(1)) and not re.search(r", [\w-]+(?: [\w-]+)?$", text[: match.start()]):
            found.append(match.span(1))
    for match in _APPOSED_TERM.finditer(text):
        term = _INNER_SHORT_FORM.sub("", match.group("term"))
        if _is_whole_term(term, 0, len(term)) and not _judges(term):
            found.append(match.span("term"))
    for match in _SALT_NAME.finditer(text):
        if match.group("noun") not in _NOT_TERM_WORDS:
            found.append(match.span())
    for match in _PART_AFTER_ITS_DESCRIPTION.finditer(text):
        people = lexicon.PERSON_WORDS | lexicon.KIN_NOUNS
        if _judges(match.group("term")) or not _is_whole_term(text, match.end("name") if match.group("name") else match.start("term"), match.end("term")) or {match.group("term"), match.group("described")} & people:
            continue
        found.append(match.span("term"))
    for match in _TERM_AFTER_ITS_CLASS.finditer(text):
        if _is_whole_term(text, *match.span("term")) and not _ends_in_an_adjective(match.group("term")):
            found.append(match.span("term"))
    if opening := _term_after_its_kind_at_the_opening(text):
        found.append(opening)
    for match in _APPOSITION.finditer(text):
        held = match.group("held")
        if match.group().startswith(", or ") or _NAMING.search(text, match.start()) or (not held and _CLAUSE_VERB.match(text, match.end())):
            continue  # the other name is the term (_ALIAS), what the description names is (_NAMING), or no description
        if (match.group("plural") or match.group("described_plural") or match.group("class_plural")) and not _described_in_the_plural(text, match):
            continue
        if match.group("described") and _judges(match.group("described")):
            continue  # "… heard the bell, the loudest sound that …": a judgement, not what the word is
        if _SHORT_OPENING_PHRASE.fullmatch(text, 0, match.start()):
            continue  # "During the spinning, the engineers discovered that …": the comma ends an opening, not a term
        start, end = _term_before(text, match.start())
        if match.group("class_plural") and re.search(r"\b(?:and|or) $", text[:start]):
            continue  # "copper and tin, metals that …": a plural describes the pair, not its last
        if re.fullmatch(lexicon.NUMBER_WORDS, text[start:end], re.IGNORECASE):
            continue  # "Each cell holds two, proteins that …": what is counted, not a term described
        if match.group("idea") and re.search(r"\b(?:the|an?) $", text[:start]):
            continue  # "He returned to the farm, the power to rule it …": an idea so defined takes no article
        if _COUNT_BEFORE.search(text, 0, start):
            continue  # "with 36 passengers and 61 crew, a total of 97 people": what is counted, not a term described
        if held and not _IDEA_HELD.search(text, start, end):
            continue  # "the court, which held that …": a body, not an idea
        if text[start:end] in lexicon.KIN_NOUNS or (_describes_a_person(text, match.end()) and not _COPULA_AND_ARTICLE_BEFORE.search(text, 0, start)):
            continue  # "His brother, a keen angler, …", "the caretaker, a man in his fifties, …": a person, not a term
        term = text[start:end]
        if term in _NOT_APPOSED | _VERB_FORMS or _ONE_ADVERB.fullmatch(term) or (_ADVERB_BEFORE.search(text, 0, start) and _ONE_GERUND.fullmatch(term)):
            continue  # not an adverb: "slowly, a …", "is, strictly speaking, a …"
        found.append((start, end))
    expansions = _expansions(text)
    found = [span for span in found if not any(start < span[1] and span[0] < end for start, end in expansions)] + expansions
    terms = []
    for start, end in sorted(_without_last_adverb(text, span) for span in found if span[0] < span[1]):
        if not terms or start >= terms[-1].end:
            written = _INNER_SHORT_FORM.sub("", text[start:end])  # "sinoatrial node": a card asking it leaves out "(SA)"
            terms.append(Mention(MentionKind.TERM, start, end, written, written))
    return terms


def _described_in_the_plural(text: str, apposition: re.Match[str]) -> bool:
    """Whether a description with no article after a comma (see _APPOSITION) describes the word before it: its words
    hold no verb, no gerund ("went bankrupt, ruining thousands of …") nor a word no term holds, its plural noun is not
    people's ("the miners, young workers of …": also no noun shaped like a doer's, "-ers", "-ists", "-ians"), the word
    before is no part of a name ("his A1 class, big engines of …") and no item of a list ("gladiator fights, hunts of
    wild animals …, and the public execution …", "pears, apples, bags of flour"): no "and" nor "or" follows."""
    words = (apposition.group("plural") or apposition.group("described_plural") or apposition.group("class_plural")).split()
    if set(words) & (_NOT_TERM_WORDS | _VERBS) or any(_a_verb(word) or word.endswith("ing") for word in words):
        return False
    if words[-1][:-1] in lexicon.PERSON_WORDS | lexicon.KIN_NOUNS or words[-1].endswith(("ers", "ors", "ists", "ians")):
        return False
    if re.search(r"(?:[A-Z0-9][\w-]*|, [\w-]+(?: [\w-]+)?) [a-z][\w-]*$", text[: apposition.start()]):
        return False
    return not re.search(r"\b(?:and|or)\b", text[apposition.end() :])


def _describes_a_person(text: str, start: int) -> bool:
    """Whether the description starting at `start` (after its article) names a person up to its first word no term
    holds: "a lawyer in Leeds", "a keen young angler", "the man who …" (not "a partnership that …")."""
    words = _words_from(text, start)
    return any(word.group() in lexicon.PERSON_WORDS | lexicon.KIN_NOUNS for word in words)


def _names_what_an_element_is_joined_with(word: str) -> bool:
    """Whether `word` after an element's name says what the element is joined with in a compound: a salt's word
    ("chloride", "dioxide" after its count, "citrate") or a word in "-ide", "-ate" or "-ite" rare in English
    ("telluride", "fulminate"); not an everyday word ("plate", "gate", "white")."""
    return word in lexicon.SALT_NOUNS or _COUNTING_PREFIX.sub("", word) in lexicon.SALT_NOUNS or lexicon.rare_in_english(word)


def _illness_and_material_terms(text: str) -> list[tuple[int, int]]:
    """The spans of an illness someone had or died of (see _ILLNESS_PLACE) and of what a passive says a thing is made
    of (see _MATERIAL_PLACE), a material's list of single words whole ("an alloy of {{lead, tin and antimony}}"). Only
    a term that ends its clause or goes on with a word no term holds other than "of", "and" or "or" ("suffered from a
    lack of food", "made of wood and iron" name a part of a longer phrase), and no everyday word (_EVERYDAY_FILLERS)."""
    spans = []
    for place in (_ILLNESS_PLACE, _MATERIAL_PLACE):
        for match in place.finditer(text):
            start, end = _term_from(text, match.end())
            if start == end or set(text[start:end].split()) & _EVERYDAY_FILLERS or _judges(text[start:end]):
                continue
            listed = _LIST_OF_WORDS_AFTER.match(text, end) if place is _MATERIAL_PLACE and " " not in text[start:end] else None
            if listed:
                end = listed.end()
            going_on = _NEXT_WORD.match(text, end)
            if _CLAUSE_END.match(text, end) or (going_on and going_on.group(1) in _NOT_TERM_WORDS - {"of", "and", "or"}):
                spans.append((start, end))
    return spans


def _means_and_type_terms(text: str) -> list[tuple[int, int]]:
    """The spans of the means a thing works by (see _MEANS_IT_WORKS_BY), of a method a colon explains (see
    _METHOD_A_COLON_EXPLAINS) and of the kind of design a thing is of (see _OF_THE_TYPE). None that counts ("by three
    pedals"), judges ("of the same type"), is an everyday word (_EVERYDAY_FILLERS, _EVERYDAY_MEANS) or, for a means, goes
    on past its clause."""
    spans = []
    for match in _MEANS_IT_WORKS_BY.finditer(text):
        start, end = _term_from(text, match.end())
        if text[start:end].endswith(" alone"):
            end -= len(" alone")  # "worked by gravity alone": "alone" says no other means, it is no word of the term
        if _CLAUSE_END.match(text, end) or text.startswith(": ", end) or text.startswith(" alone", end):
            spans.append((start, end))
    spans.extend(match.span("term") for match in _METHOD_A_COLON_EXPLAINS.finditer(text) if _is_whole_term(text, *match.span("term")))
    spans.extend(match.span("term") for match in _OF_THE_TYPE.finditer(text) if not set(match.group("term").split()) & (_NOT_TERM_WORDS | _VERBS))
    return [
        (start, end)
        for start, end in spans
        if start < end
        and not set(text[start:end].split()) & (_EVERYDAY_FILLERS | _EVERYDAY_MEANS)
        and not _judges(text[start:end])
        and not re.match(rf"{_NUMBER}\b", text[start:end], re.IGNORECASE)  # a count ("by two treadles"), not "by tension"
    ]


def _post_terms(text: str) -> list[tuple[int, int]]:
    """The spans of the posts of two words or more someone was appointed to or made (see _POST_GIVEN) whose noun, before
    "of" or last, names who holds an office or a trade ("{{professor of logic}}", "{{court cosmographer}}"; not "made
    her rich", "made him no money"), judging nothing ("made him the greatest …"). Not one word ("appointed him
    engineer of the railway"): a plain word the person's fame gives away."""
    spans = []
    for match in _POST_GIVEN.finditer(text):
        post = match.group("post")
        holder = post.split(" of ")[0].split()[-1]
        if " " in post and (holder in lexicon.ROLE_NOUNS | lexicon.TRADE_NOUNS or _HOLDER_OF_A_POST.fullmatch(holder)) and not _judges(post):
            spans.append(match.span("post"))
    return spans


def _trade_terms(text: str) -> list[tuple[int, int]]:
    """The spans of the trades someone was (see _TRADE_PLACE), with the word for their goods before ("{{silk merchant}}")
    unless that word says what kind of tradesman rather than which trade ("a poor {{weaver}}"); none before another
    noun ("a merchant banker")."""
    spans = []
    for match in _TRADE_PLACE.finditer(text):
        going_on = _NEXT_WORD.match(text, match.end())
        if going_on and going_on.group(1) not in _NOT_TERM_WORDS:
            continue  # "a merchant banker": the trade's word names another job with the noun after it
        goods = match.group("goods")
        if goods and (goods in _TRADESMANS_QUALITIES | _NOT_TERM_WORDS or _judges(goods) or _an_adverb(goods) or _ends_in_an_adjective(goods)):
            spans.append((match.end("goods") + 1, match.end("trade")))
        else:
            spans.append(match.span("trade"))
    return spans


# The items of a list that each open with another kind of one thing, a capitalised word (perhaps and a lower-case one)
# before the same plural noun: "Spinose glands make …", "Minor lobate glands make …", "Tufted glands, found …". The
# kind is a term of the document ("{{Spinose}} glands make …"), not a name nor a word capitalised only by its place.
_KIND_OPENING_AN_ITEM = re.compile(r"(?P<kind>[A-Z][a-z-]{2,}(?: [a-z][a-z-]{2,})?) (?P<noun>[a-z]{3,}s)\b(?! of\b)")
_MIN_ITEMS_OF_KINDS = 3
_MAX_SENTENCES_IN_AN_ITEM = 3  # an item may go on for a sentence or two before the next opens


def _kinds_its_items_open_with(texts: list[str]) -> frozenset[tuple[str, str]]:
    """The kinds (see _KIND_OPENING_AN_ITEM), each with its noun, that at least three sentences, each close after the one
    before, open with before the same noun; none when one of them is a word the document writes in lower case elsewhere
    ("Large glands …", "Most glands …"), a count or a word many sentences open with: then they are no list of kinds."""
    openings = [(index, match) for index, text in enumerate(texts) if (match := _KIND_OPENING_AN_ITEM.match(text))]
    written = " ".join(texts)
    kinds: set[tuple[str, str]] = set()
    run: list[tuple[int, re.Match[str]]] = []
    for index, match in [*openings, (len(texts) + _MAX_SENTENCES_IN_AN_ITEM, None)]:
        if run and (match is None or match.group("noun") != run[-1][1].group("noun") or index - run[-1][0] > _MAX_SENTENCES_IN_AN_ITEM):
            named = {item.group("kind") for _, item in run}
            if len(run) >= _MIN_ITEMS_OF_KINDS and len(named) == len(run) and all(_a_kind_of_an_item(kind, written) for kind in named):
                kinds |= {(kind, run[0][1].group("noun")) for kind in named}
            run = []
        if match is not None:
            run.append((index, match))
    return frozenset(kinds)


def _a_kind_of_an_item(kind: str, written: str) -> bool:
    """Whether a list item's opening word can be a kind: no word for something else ("Most", "Large", a count) and no
    word the document (`written`, all its text) also writes in lower case."""
    first = kind.split()[0].lower()
    return (
        first not in _NOT_TERM_WORDS | {word.lower() for word in lexicon.SENTENCE_STARTERS}
        and not re.fullmatch(_NUMBER, first)
        and not re.search(rf"(?<![\w-]){first}(?![\w-])", written)
    )


# An item of a list of a thing's parts, one part each, that opens with the part as its subject and says what it does:
# "The {{presser foot}} holds the fabric …", "The {{feed dogs}} are small toothed bars …", "The {{hook}}, or on older
# machines the shuttle, catches …". The part is one to three lower-case words after "The", before a verb in the present
# (see _says_what_the_part_does) or a comma.
_PART_OPENING_AN_ITEM = tuple(
    re.compile(rf"The (?P<part>[a-z][a-z-]*(?: [a-z][a-z-]*){{{words - 1}}})(?:, | (?P<verb>[a-z]+)(?P<after>,| [a-z]+))") for words in (1, 2, 3)
)
# The words a verb's object or what follows it may open with, where an unknown word is taken for the verb: "The hook
# catches the thread", "The lever moves up and down".
_OPENING_WHAT_A_VERB_DOES = frozenset(
    "the a an its their each every both all some any up down out in on into onto through over under along across "
    "around against off back away from to with between".split()
)
_COPULAS_AND_HAS = frozenset({"is", "are", "has", "have"})


def _parts_its_items_open_with(texts: list[str], paragraph_openings: Collection[int]) -> dict[str, tuple[int, int]]:
    """The span of the part (see _PART_OPENING_AN_ITEM) in each sentence of a run of at least three paragraphs (list
    items) in a row, each short (see _MAX_SENTENCES_IN_AN_ITEM) and opening with another part and what it does: not the
    sentences of running prose nor the steps of a process, whose paragraphs open otherwise too ("Two magnets set …").
    A run is no list of parts when two of its items open with the same word ("The engine turns … The engine drives …":
    prose about one thing) or one of them with a word for people ("The crew sails … The captain orders …": a story)."""
    spans: dict[str, tuple[int, int]] = {}
    run: list[tuple[int, re.Match[str]]] = []
    for index in [*sorted(paragraph_openings), len(texts) + _MAX_SENTENCES_IN_AN_ITEM + 1]:
        opening = _opening_part(texts[index]) if index < len(texts) else None
        if run and (opening is None or index - run[-1][0] > _MAX_SENTENCES_IN_AN_ITEM):
            parts = [item.group("part") for _, item in run]
            if len(run) >= _MIN_ITEMS_OF_KINDS and len(set(parts)) == len(parts) and not any(map(_names_people, parts)):
                spans.update({texts[at]: item.span("part") for at, item in run if _a_part(item.group("part"))})
            run = []
        if opening is not None:
            run.append((index, opening))
    return spans


def _opening_part(text: str) -> re.Match[str] | None:
    """The opening of a list item a part is the subject of (see _PART_OPENING_AN_ITEM), its part the shortest whose verb
    is one in the present with its subject's number ("The lever moves", "The discs squeeze"); None for a verb in the
    past, which tells a story."""
    for pattern in _PART_OPENING_AN_ITEM:
        if (opening := pattern.match(text)) and (not opening.group("verb") or _says_what_the_part_does(opening)):
            return opening
    return None


def _says_what_the_part_does(opening: re.Match[str]) -> bool:
    """Whether the word after an item's opening part is its verb in the present: one the lexicon knows, or another word
    agreeing in number with the part before a word a verb's object may open with ("The hook catches the …")."""
    verb, part = opening.group("verb"), opening.group("part")
    if verb in _COPULAS_AND_HAS or (_a_verb(verb) and not verb.endswith("ed")):
        return True
    if verb in _NOT_TERM_WORDS or _an_adverb(verb) or verb.endswith("ed") or opening.group("after").strip() not in _OPENING_WHAT_A_VERB_DOES | {","}:
        return False
    return _in_the_plural(part) != _in_the_plural(verb)


def _in_the_plural(word: str) -> bool:
    """Whether a noun (its last word, "feed dogs") ends as a plural does (as a verb in the present does with a subject in
    the singular)."""
    return PLURAL_NOUN.fullmatch(re.split(r"[ -]", word)[-1]) is not None


def _names_people(part: str) -> bool:
    """Whether a list item's opening words name people or a group of them: "The pilots", "The crew", "The women"."""
    last = part.split()[-1]
    return bool({last, last[:-1]} & lexicon.PERSON_WORDS) or last in lexicon.PEOPLE_GROUP_NOUNS | lexicon.GENERIC_PEOPLE


def _a_part(part: str) -> bool:
    """Whether a list item's opening words can name a part: words a compound holds, though the part's place shows no
    word of them is a verb ("The {{feed dogs}}", "The {{presser foot}}"), the first no plain describing word and none
    a plain noun that points back at the whole ("The machine", "The system", "The process")."""
    words = part.split()
    return (
        not set(words) & (_NOT_COMPOUND_WORDS | lexicon.WHEN_CALLED_ADVERBS | lexicon.BACK_REFERRING_NOUNS | lexicon.PRACTICE_NOUNS)
        and not any(_an_adverb(word) or _judges(word) or (len(word) > 4 and word.endswith("ed")) for word in words)
        and words[0] not in lexicon.PLAIN_DESCRIBING_WORDS | _NOT_A_SHAPED_TERMS_FIRST_WORD
    )


def opening_glossary_term(text: str) -> tuple[int, int] | None:
    """The span of the term a sentence opens with as an item of a glossary (see _GLOSSARY_ITEM); None when it opens
    otherwise, also with a clause ("Events helped: …") or a label ("Note: …", "Example: …") before its colon."""
    item = _GLOSSARY_ITEM.match(text)
    words = item.group("term").lower().split() if item else []
    if not words or set(words) & (_NOT_TERM_WORDS | _VERBS | lexicon.LABELS_BEFORE_A_COLON | lexicon.BACK_REFERRING_NOUNS):
        return None
    if any(_a_verb(word) for word in words[1:]):
        return None  # "Prices soared: …"
    return item.span("term")


def _term_a_colon_describes(text: str) -> list[tuple[int, int]]:
    """The spans of the terms a colon after them describes (see _TERM_A_COLON_DESCRIBES). Only a noun: a plural of one
    word or two words without an adverb, since a single word or one after "very" or "-ly" is as often an adjective
    that judges ("is simple:", "is extremely powerful:", "are dangerous:"); and only a description with no verb in the
    present, which would make it a clause of its own ("is elegant: the receiver treats its clock …")."""
    spans = []
    for match in _TERM_A_COLON_DESCRIBES.finditer(text):
        words = match.group("term").split()
        if set(words) & (_NOT_TERM_WORDS | _VERBS | _DESCRIBING_BEFORE) or any(_a_verb(word) or _an_adverb(word) for word in words):
            continue
        if len(words) == 1 and (not words[0].endswith("s") or words[0].endswith(("ous", "ss", "us"))):
            continue
        description = match.group("description")
        if set(description.split()) & lexicon.PRESENT_VERBS or _CLAUSE_VERB.match(description):
            continue
        spans.append(match.span("term"))
    return spans


def _kind_it_is_a_form_of(text: str) -> tuple[int, int] | None:
    """The span of the kind a sentence says its subject is a form of (see _A_FORM_OF): "Microwaves are a form of
    {{non-ionising radiation}}.", "Bronze is a kind of {{copper alloy}}.", "Ozone is a form of {{oxygen-rich gas}}". None
    for a single plain word, which is as often an everyday word the learner guesses ("a form of energy", "a type of
    food"), for a subject that leans or is a pronoun ("This is a form of …", "The part is a type of …"), and for a kind
    that judges ("a form of the best …") or holds a verb."""
    said = _A_FORM_OF.match(text)
    if not said:
        return None
    subject = set(said.group("subject").lower().split())
    if subject & (_NOT_TERM_WORDS | lexicon.BACK_REFERRING_NOUNS) or not _names_a_kind(said.group("term")):
        return None
    return said.span("term")


def _role_it_plays(text: str) -> tuple[int, int] | None:
    """The span of the term a sentence says its subject works as, or a clause after it makes it (see _ROLE_IT_PLAYS):
    "The grille works as a {{Volta shield}}.", "…, which makes it an {{electric dipole}}."; None for a word that
    does not name a kind (see _names_a_kind: "works as a filter", "acts as a good guide")."""
    said = _ROLE_IT_PLAYS.search(text)
    return said.span("term") if said and _names_a_kind(said.group("term")) else None


def _names_a_kind(term: str) -> bool:
    """Whether the words a sentence gives as a kind name a term: two or three words or one hyphenated word, with no
    verb and no judging word. A single plain word is as often an everyday word the learner guesses ("a form of energy",
    "works as a filter")."""
    words = term.split()
    if set(words) & (_NOT_TERM_WORDS | _VERBS) or any(_a_verb(word) for word in words):
        return False
    return not ((len(words) == 1 and "-" not in term) or _judges(term))


def _defined_by_its_kind(text: str) -> tuple[int, int] | None:
    """The span of the term a sentence opens by defining with "the" and its kind (see _DEFINED_BY_ITS_KIND); None when
    the subject leans or judges ("The problem is the cost of …", "The point is the one that …"), the kind judges ("the
    best tool of …", "the same size of …"), the sentence goes on to name its term ("… is the layer of ice known as …"),
    or each word of the term is in the rest of the sentence, which gives it away ("The mill race is the race that …")."""
    defined = _DEFINED_BY_ITS_KIND.match(text)
    if not defined:
        return None
    group = "term" if defined.group("term") else "plural"
    words = defined.group(group).lower().split()
    if set(words) & (_NOT_TERM_WORDS | _VERBS | lexicon.BACK_REFERRING_NOUNS | _VERDICT_NOUNS) or any(_a_verb(word) for word in words[1:]):
        return None
    kind = defined.group("kind")
    if _judges(kind) or set(kind.split()) & (_NOT_TERM_WORDS | _VERDICT_NOUNS) or _NAMING.search(text, defined.end()):
        return None
    rest = {word.rstrip("s") for word in re.findall(r"[a-z][\w-]*", text[defined.end(group) :].lower())}
    if all(word.rstrip("s") in rest for word in words):
        return None
    return defined.span(group)


def _ends_in_an_adjective(words: str) -> bool:
    """Whether the words end in an adjective ("colourless", "poisonous", "soluble"), so they describe a thing rather than
    name it: a term ends in its noun."""
    return words.endswith(("less", "ous", "ful", "ible", "able"))


def _names_a_thing(words: str) -> bool:
    """Whether quoted words a call gives name a thing rather than judge it or quote speech: no judging or describing
    word ("the best", "rather dull"), no adverb, verb or pronoun, and no adjective at the end ("truly hopeless")."""
    names = words.split()[1:] if words.startswith("the ") else words.split()
    return not (
        _judges(words) or _ends_in_an_adjective(words)
        or any(word in _DESCRIBING_BEFORE or word in _WORDS_OF_SPEECH_OR_A_CLAUSE or _an_adverb(word) for word in names)
        or any(_a_verb(word) for word in names[1:])
    )


def _judges(words: str) -> bool:
    """Whether the words rank or judge rather than name: "the real enemy", "the hardest problem", "the first runner"."""
    # a superlative in "-est" has six letters or more ("widest", "deepest"; "best" is listed): "test", "chest" are nouns
    return any(word in _JUDGING_WORDS or (word.endswith("est") and len(word) > 5) for word in words.split())


# The quoted names that need no check beyond their pattern (see _names_in_quotes).
_QUOTED_NAME_SHAPES = (
    _NICKNAME_IN_QUOTES,
    _QUOTED_TERM_AFTER_ITS_DESCRIPTION,
    _QUOTED_TERM_WHOEVER_CALLS,
    _MEANING_OF_A_NAME,
    _QUOTED_TERM_AFTER_A_WORD_FOR_A_TERM,
    _QUOTED_TERM_BEFORE_ITS_DESCRIPTION,
    _QUOTED_TERM_SOMEONE_CALLS_A_DESCRIPTION,
    _PROMOTED_AS,
    _NICKNAME_OF_A_DESCRIBED_THING,
    QUOTED_TERM_A_GROUP_CALLS,
    _QUOTED_TERM_BEFORE_A_WORD_FOR_IT,
    _QUOTED_TERM_BEFORE_ITS_DEFINITION,
)


def _names_in_quotes(text: str) -> list[re.Match[str]]:
    """The lower-case names `text` gives in quotation marks before a noun: 'nicknamed the "seesaw" battery' (not
    'called "mules" by the miners', nor 'Ada Brand called the "seesaw" battery a failure'), or as the nickname a passive
    gives the subject: 'The process was nicknamed "bread from air", and …', or as the term a description is known as:
    '…, a habit known as "ballooning".', or as what someone calls a thing: 'a timber frame that everyone called the
    "cage."', or as any other short term the marks set off rather than speech: 'were charged with "gross indecency"
    under …' (see _sets_off_a_term)."""
    if _QUOTE_PAIRS.search(text) is None:
        return []  # most sentences quote nothing, and the naming pattern's scan of every word is not cheap
    return [
        match
        for match in _NAME_IN_QUOTES.finditer(text)
        if not _someone_called(match.group(1)) and match.group("noun") not in _NOT_TERM_WORDS and not _a_verb(match.group("noun"))
    ] + [
        match
        for pattern in _QUOTED_NAME_SHAPES
        for match in pattern.finditer(text)
    ] + [
        match
        for match in _QUOTED_TERM_A_NAMING_WORD_GIVES.finditer(text)
        if _names_by_its_noun(match.group("described")) and not _judges(match.group("name"))
        and not any(_a_verb(word) for word in match.group("name").split()[1:])
    ] + [
        match
        for pattern in _QUOTED_TERMS_A_CALL_GIVES
        for match in pattern.finditer(text)
        if _names_a_thing(match.group("name"))
    ] + [
        match
        for match in _QUOTED_NAME_GIVEN_TO_A_PRONOUN.finditer(text)
        # (a title-case name is already a name: 'called it the "Hollow Tower"' is left to quotations)
        if (match.group("the") or match.group("name").startswith("the ") or match.group("name")[0].isupper())
        and not _judges(match.group("name")) and not _looks_like_title(match.group("name"))
    ] + [
        match
        for match in _SHORT_QUOTED_TERM.finditer(text)
        if _sets_off_a_term(text, match)
    ]


def _sets_off_a_term(text: str, match: re.Match[str]) -> bool:
    """Whether a short quotation (see _SHORT_QUOTED_TERM) is a term the marks set off: its words hold no verb and no
    word of speech, nothing before it says it is what someone said or wrote, and no word before it in its clause names
    or judges."""
    words = match.group("name").split()
    before = text[: match.start()].rstrip()
    # after an article the words are a noun phrase, whatever verb their last word may also be ('proposed a "death
    # drive"'); not after "as", where they are what someone was called ('scorned him as a "half-naked fakir"')
    after_an_article = re.search(r"(?<!\bas )\b(?:a|an|the)$", before) is not None
    if any(
        (_a_verb(word) and not after_an_article) or re.split(r"['’]", word)[0] in _WORDS_OF_SPEECH_OR_A_CLAUSE
        or re.search(r"n['’]t$|['’](?:re|ll|ve|m|d)$", word)
        for word in words
    ):
        return False
    if any(pattern.search(before) for pattern in (_SPEECH_BEFORE, _REPORTED_BEFORE, _WRITTEN_BEFORE)) or _SPEECH_AFTER.match(text, match.end("name") + 1):
        return False
    return not _NAMED_OR_JUDGED_BEFORE.search(before)


# Words before a naming word that make what follows in quotation marks a judgment or a call, not a term: 'was called
# "reckless"', 'they called "hello"'.
_NOT_NAMING_BY_A_NOUN = frozenset("is are was were be been being he she it they we who which that voice".split())


def _names_by_its_noun(word: str) -> bool:
    """Whether the word before a naming word is the noun the quoted term after it names ('a state called "boiling"'),
    not a form of "be", a pronoun, a person or whoever calls ('a film critics called "dull"')."""
    return word not in _NOT_NAMING_BY_A_NOUN and word not in lexicon.PERSON_WORDS and re.fullmatch(_CALLERS, word) is None


def _may_name(text: str) -> bool:
    """Whether the sentence holds a naming word (_NAMING_WORDS): most sentences name nothing, found fast."""
    return _NAMING_WORD.search(text) is not None


def _someone_called(word: str) -> bool:
    """Whether the word before "called" (or "dubbed" …) is who calls, so what follows is no term: "Jenner called
    the boy back", "they called it …"."""
    return word[:1].isupper() or word in ("he", "she", "it", "we", "they")


def _without_last_adverb(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The span without an adverb in "-ly" that ends it: "A flash usually contains …" names "flash"."""
    start, end = span
    words = text[start:end].split(" ")
    return (start, end - len(words[-1]) - 1) if len(words) > 1 and _an_adverb(words[-1]) else span


def _expansions(text: str) -> list[tuple[int, int]]:
    """The lower-case words before a short form in brackets whose initials spell it, the term it stands for: "a thin
    layer called the solid boundary film (SBF) forms …" (not "solid boundary", cut at "film"), "Sodium nickel oxide
    (SNO) stores …" (a capital only where the sentence opens); the card asking it leaves the short form out.
    Round 108, part C: also before a short form after ", or" ("Magnetic resonance imaging, or MRI, lets …"), and fewer
    words than letters, two at least, the later letters taken from inside the words ("usually polyethylene
    terephthalate (PET)", "computer-aided design (CAD)"; see _spelled_loosely; one word alone a short form spells too
    easily)."""
    spans = []
    for match in _SHORT_FORM_AFTER_WORDS.finditer(text):
        letters = match.group("short").lower()
        before = list(re.finditer(r"[\w-]+", text[: match.start()]))
        words = before[-len(letters) :]
        if not (len(words) == len(letters) and "".join(word.group()[0] for word in words).lower() == letters):
            words = next((before[-count:] for count in range(len(letters) - 1, 1, -1) if _spelled_loosely(letters, before[-count:])), [])
        if words:
            first = words[0]
            if all(_TERM_WORD.fullmatch(word.group()) for word in words[1:]) and (first.start() == 0 or _TERM_WORD.fullmatch(first.group())):
                spans.append((first.start(), match.start()))
    return spans


def _spelled_loosely(letters: str, words: list[re.Match[str]]) -> bool:
    """Whether a short form spells fewer words than its letters, each word giving its initial and perhaps later letters
    of its own in order: "pet" spells "polyethylene terephthalate", "cad" "computer-aided design", "adh" "antidiuretic
    hormone" (not "lfp" "lithium iron phosphate", where "iron" gives no letter)."""
    pattern = "".join(f"{re.escape(word.group()[0])}{_letters_inside(word.group()[1:])}" for word in words)
    return bool(re.fullmatch(pattern, letters, re.IGNORECASE))


def _letters_inside(rest: str) -> str:
    """A pattern for none or some of the letters of `rest` in order: "ab" gives "(?:a)?(?:b)?"."""
    return "".join(f"(?:{re.escape(letter)})?" for letter in rest.lower() if letter.isalpha())


def _ranked_subjects_term(text: str, book: NameBook) -> Mention | None:
    """The term a sentence closes with after a subject that ranks what it describes, when the document is about it:
    "The most serious danger is thermal runaway.", "The main light-absorbing pigment is chlorophyll." (one to three
    lower-case words, the same words used as a thing elsewhere in the document). Not a subject that leans ("The main
    problem was money."), nor one with "of" ("The main hall of the palace was empty."), nor a complement the document
    uses only to describe ("empty", also said of a room elsewhere), once, or with a pronoun."""
    ranked = _RANKED_SUBJECT.match(text)
    if not ranked or set(ranked.group("subject").split()) & (_NOT_TERM_WORDS | lexicon.BACK_REFERRING_NOUNS):
        return None
    words = _words_from(text, ranked.end())
    term = text[ranked.end() : words[-1].end()] if words else ""
    if not term or len(words) > 3 or text[words[-1].end() :] != "." or not _a_term_of_the_document(term, text, book):
        return None
    return Mention(MentionKind.TERM, ranked.end(), words[-1].end(), term, term)


def _a_term_of_the_document(phrase: str, text: str, book: NameBook) -> bool:
    """Whether another sentence of the document uses `phrase` as a thing, not to describe one: with no copula or
    degree word before them ("was empty", "very empty") and no noun after them ("an empty room")."""
    lowered = text.lower()
    for other in book.lowered:
        if other == lowered:
            continue
        position = other.find(phrase)
        while position >= 0:
            end = position + len(phrase)
            before = other[:position].split()[-1:]
            after = _NEXT_WORD.match(other, end)
            whole = (position == 0 or not other[position - 1].isalnum()) and not other[end : end + 1].isalnum()
            if whole and not set(before) & _DESCRIBING_BEFORE and (after is None or after.group(1) in _NOT_TERM_WORDS or _a_verb(after.group(1))):
                return True
            position = other.find(phrase, end)
    return False


# Round 77, part A. A description with an article set after a lower-case word, which _APPOSITION leaves (it takes "the"
# only before a relative clause): "the aorta, the great artery in …", "in common meter, the pattern of …", "the
# fyrd, the shire levies." (see _term_a_description_follows).
_DESCRIPTION_WITH_AN_ARTICLE = re.compile(r"(?<=[a-z]), (?:an?|(?P<the>the)) (?=[a-z])")
# What may follow the words of such a description besides the end of its clause: a preposition, a relative word or the
# subject of a relative clause without one ("the hymns she had sung").
_RELATIVE_OPENERS = frozenset("which that who whose where he she they we it".split())
_AFTER_A_DESCRIPTION = "|".join(("of in at on from for with between inside within near around along under directly".split()) + sorted(_RELATIVE_OPENERS))
# The words of such a description: lower-case words up to the first that may follow it, the first comma included
# ("a vitamin, whereas …" is "a vitamin"; "the short, finger-like organs" is "the short").
_DESCRIPTION_WORDS = re.compile(
    rf"(?:(?!(?:{_AFTER_A_DESCRIPTION})\b)[a-z][\w-]* ){{0,3}}?[a-z][\w-]*(?=[,.;:]|$| (?:{_AFTER_A_DESCRIPTION})\b)"
)
# Words that go on a list after a description: "apples, a pear, bread and cheese".
_LIST_GOING_ON = re.compile(r"(?:, [a-z][\w-]*(?: [a-z][\w-]*)?)*,? (?:and|or)\b")
# What a term a description with "the" follows does not open with: a thing brought in before its term is named ("a
# copper block, the anode", "one crime, the killing of …").
_INDEFINITE_BEFORE = re.compile(rf"\b(?:an?|one|{lexicon.COUNTING_WORDS}) $", re.IGNORECASE)
# Lower-case words after a preposition before a term's last word: "written in |common |meter".
_WORDS_AFTER_A_PREPOSITION = re.compile(r"\b(?:in|on|at|into|from|for|under|with|by|through) (?P<words>(?:[a-z][\w-]* ){1,2})$")
_REST_OF_THE_CLAUSE = re.compile(r"[^,.;:]*")
_MAX_DESCRIBED_TERM_WORDS = 3


def _term_a_description_follows(text: str, book: NameBook, defined: list[Mention]) -> list[Mention]:
    """The lower-case terms of one to three words a description with an article follows: "the aorta, the great artery
    in the body, which …", "written in common meter, the pattern of the hymns she had sung, …", "their own folic acid,
    a vitamin, whereas …". Only a description of one to four words (adjectives, perhaps between commas, and a noun) with
    no verb up to the end of its clause but in a relative clause, no person, no judgement ("the loudest sound") and no item of
    a list (", and" or ", or" neither inside it nor after it), after a word in the main clause (a verb before it), and
    a term the document names here first: an everyday word it used before is no term the sentence defines. `defined`
    are the terms find_terms found in the sentence."""
    terms = []
    for match in _DESCRIPTION_WITH_AN_ARTICLE.finditer(text):
        described = _DESCRIPTION_WORDS.match(text, match.end())
        if not described:
            continue
        end = described.end()
        noun = described.group().replace(",", "").split()
        if set(noun) & _NOT_TERM_WORDS or any(_a_verb(word) for word in noun):
            continue
        clause = _REST_OF_THE_CLAUSE.match(text, end)
        words = clause.group().split()
        relative = next((index for index, word in enumerate(words) if word in _RELATIVE_OPENERS), len(words))
        if any(_a_verb(word) or word in lexicon.COPULAS | {"and", "or"} for word in words[:relative]):
            continue  # "At the end of the day, the workers went home", "monopolies, the trade restrictions and …"
        if _NAMING.search(text[: clause.end()], match.start()) or any(match.end() <= term.start < clause.end() for term in defined):
            continue  # "in notebooks, a practice she called …", "a copper block, the anode,": what the description names is the term
        if _LIST_GOING_ON.match(text, end) or _LIST_GOING_ON.match(text, clause.end()):
            continue  # "… wool, the hides of cattle, and cheese", "apples, a pear, bread and cheese": an item of a list
        start, term_end = _term_before(text, match.start())
        cut_short = _WORDS_AFTER_A_PREPOSITION.search(text, 0, start)
        if cut_short and not any(word in _NOT_TERM_WORDS or _a_verb(word) for word in cut_short.group("words").split()):
            start = cut_short.start("words")  # "written in {{common meter}}, the pattern …", not "common {{meter}}"
        elif (word_before := re.search(r"\b([a-z][\w-]*) $", text[:start])) and not (_a_verb(word_before.group(1)) or word_before.group(1) in _NOT_TERM_WORDS | {"own"}):
            continue  # a term _term_before cut short after a word it could not read ("to learn throwing")
        term = text[start:term_end]
        if not term or len(term.split()) > _MAX_DESCRIBED_TERM_WORDS or _judges(" ".join(noun)) or noun[-1] in term.split():
            continue
        if term in lexicon.KIN_NOUNS or term in _NOT_APPOSED | _VERB_FORMS or _an_adverb(term.split()[-1]) or _describes_a_person(text, match.end()):
            continue  # "His brother, a keen angler", "drops suddenly, a sawtooth wave"
        if match.group("the") and (_INDEFINITE_BEFORE.search(text, 0, start) or _judges(term)):
            continue  # "a copper block, the anode", "the first battery, the voltaic pile": the term comes second
        if _COUNT_BEFORE.search(text, 0, start) or re.search(r", [\w-]+(?: [\w-]+)?$", text[:start]):
            continue  # "61 crew, a total …", "pears, apples, a bag of flour": counted or listed
        if not any(_a_verb(word) or word in lexicon.COPULAS for word in re.findall(r"[a-z]+", text[:start])):
            continue  # "During the long spring, the …": the comma closes an opening phrase
        if _named_earlier(term, text, book):
            continue
        terms.append(Mention(MentionKind.TERM, start, term_end, term, term))
    return terms


def _named_earlier(phrase: str, text: str, book: NameBook) -> bool:
    """Whether a sentence of the document before `text` holds `phrase` as whole words."""
    lowered = text.lower()
    pattern = re.compile(rf"(?<![\w-]){re.escape(phrase.lower())}(?![\w-])")
    for other in book.lowered:
        if other == lowered:
            return False
        if pattern.search(other):
            return True
    return False


def _term_from(text: str, start: int) -> tuple[int, int]:
    """The span of the term starting at `start` (see _words_from); empty when no word can start one."""
    words = _words_from(text, start)
    return (start, words[-1].end()) if words else (start, start)


# Round 89, part B. A word in "-s" before a determiner, after a term's first word, is the verb of the clause, not the
# term's: "a program called a cutter trims the sheet" (the term is "cutter").
_PRESENT_VERB_BEFORE_ITS_OBJECT = re.compile(r"[a-z]+[^s\W]s (?:the|a|an|its|their|each|every|this|these|those)\b")


def _words_from(text: str, start: int) -> list[re.Match[str]]:
    """The words of a term starting at `start`: lower-case words up to a word no term holds or a verb
    ("an enzyme called invertase begins to split …"), a word in "-ed" after the first included ("an
    ore called pitchblende turned out to be …")."""
    words: list[re.Match[str]] = []
    position = start
    while len(words) < _MAX_TERM_WORDS:
        word = (_INNER_TERM_WORD if words else _TERM_WORD).match(text, position)
        if word is None or word.group() in _NOT_TERM_WORDS or (words and (_a_verb(word.group()) or _PRESENT_VERB_BEFORE_ITS_OBJECT.match(text, word.start()))):
            break
        words.append(word)
        if text[word.end() : word.end() + 1] != " ":
            break
        position = word.end() + 1
    return words


def _term_after_its_kind_at_the_opening(text: str) -> tuple[int, int] | None:
    """The span of the term set after the kind of idea that opens the sentence (see
    _TERM_AFTER_ITS_KIND_AT_THE_OPENING): one term, not a connective, with a verb right after it or after one adverb
    ("The disease, scurvy, once killed …"; not "The process, he thought, was …")."""
    match = _TERM_AFTER_ITS_KIND_AT_THE_OPENING.match(text)
    if not match or match.group("term") in _NOT_APPOSED or not _is_whole_term(text, *match.span("term")):
        return None
    after, following = match.group("after"), match.group("next") or ""
    verb = after in lexicon.COPULAS or _a_verb(after) or ((after in _NOT_APPOSED or _an_adverb(after)) and _a_verb(following))
    return match.span("term") if verb else None


def _is_whole_term(text: str, start: int, end: int) -> bool:
    """Whether the words from `start` to `end` are one term (see _words_from) that ends there: not "a woman"
    (an article), nor words a verb cuts short."""
    words = _words_from(text, start)
    return bool(words) and words[-1].end() == end


def _a_verb(word: str) -> bool:
    """Whether a word after a term's first word is a verb, which ends the term: one the lexicon
    knows, in its plain form too ("… called graupel exist side by side"), or a past form in "-ed"
    ("turned", "proved")."""
    return word in _VERBS or lexicon.third_person(word) in lexicon.PRESENT_VERBS or (len(word) > 4 and word.endswith("ed"))


def _an_adverb(word: str) -> bool:
    """Whether a word is an adverb in "-ly" ("usually", "mostly"), which never ends a term; not a noun
    such as "jelly", "family", "supply" or "anomaly"."""
    return len(word) > 5 and word.endswith("ly") and not word.endswith(("ily", "ply", "bly", "aly", "oly", "fly"))


# Round 89, part C. A term's last word shaped like a verb's plain form after an article and one word: "into the hot
# {{end}}, a small heated block …", "the cold {{store}}, a room that …" (not "-ed" nor "-s": "the bridge collapsed, a …").
_NOUN_SHAPED_LIKE_A_VERB = re.compile(r"[a-z]+(?<!ed)(?<!s)")
_ARTICLE_AND_ADJECTIVE_BEFORE = re.compile(r"\b(?:the|an?) [a-z][\w-]*(?<!s) $")


def _term_before(text: str, end: int) -> tuple[int, int]:
    """The term ending at `end`: the lower-case words after an article ("mature in the thymus"), a
    verb ("the tail contained cyanogen", "larvae are fed royal jelly"), "of" ("a layer of chalk
    marl") or "with" ("decorated with pietra dura"), or a gerund after "by" or "without" ("by using chromoly steel"),
    else the last word alone ("had caught cowpox", "are lymphocytes");
    nothing after a capitalised possessive or a capitalised word the sentence gave before, whose thing the term would cut
    from its name ("Anna Berg built the Berg lamp, a glowing tube …" names the Berg lamp, not a "lamp"; "the Latin vacca,
    meaning cow" is still "vacca")."""
    words = list(re.finditer(r"[\w'’-]+", text[:end]))[-_MAX_TERM_WORDS:]
    taken: list[re.Match[str]] = []
    stop = ""
    for word in reversed(words):
        if word.group() in _NOT_TERM_WORDS or not _TERM_WORD.fullmatch(word.group()) or _a_verb(word.group()) and not (
            not taken and _NOUN_SHAPED_LIKE_A_VERB.fullmatch(word.group()) and _ARTICLE_AND_ADJECTIVE_BEFORE.search(text, 0, word.start())
        ):
            stop = word.group()
            if taken and stop[:1].isupper() and (stop.endswith(("'s", "’s")) or f" {stop} " in f" {text[: word.start()]}"):
                return (end, end)
            break
        taken.insert(0, word)
    if len(taken) > 1 and stop in _BEFORE_A_MEANS and taken[0].group().endswith("ing"):
        taken = taken[1:]  # "by using {{chromoly steel}}, an alloy …": the gerund says what was done with the term
    elif stop not in _ARTICLES and not _a_verb(stop) and stop not in ("of", "with"):
        taken = taken[-1:]
    if len(taken) > 1 and stop in _ARTICLES and taken[0].group() == "own":
        taken = taken[1:]  # "their own {{folic acid}}, a vitamin": "own" says whose, not which
    return (taken[0].start(), end) if taken else (end, end)


# A word for a craft and a comma just before a name, which is that craft's: "His second ship, the Kestrel Star".
_CRAFT_IN_APPOSITION = re.compile(rf"\b(?:{'|'.join(sorted(lexicon.CRAFT_WORDS))}), (?:the )?$")


def _named(text: str, run: _Run, book: NameBook) -> Mention:
    kind = None
    if len(run.tokens) == 3 and run.tokens[0] in lexicon.DEMONYMS and re.search(r"\d", run.tokens[-1]):
        # "the American Surveyor 1": the nationality of a numbered craft or mission is no part of its name
        # (not of a longer name: "Korean Air Lines Flight 007")
        start = text.index(run.tokens[1], run.start + len(run.tokens[0]))
        run = dataclasses.replace(run, start=start, tokens=run.tokens[1:])
    elif len(run.tokens) >= 3 and (run.tokens[0] in lexicon.NATIONALITIES or _country_after_in(text, run)) and _persons_name_after_a_nationality(text, run, book):
        # "with the German Friedrich Traun": the nationality before a person's name is no part of it (and the
        # word before the name, which is no "the" of a ship's name)
        start = text.index(run.tokens[1], run.start + len(run.tokens[0]))
        run = dataclasses.replace(run, start=start, tokens=run.tokens[1:], before=[*run.before[-1:], run.tokens[0].lower()])
        kind = MentionKind.PERSON  # what made it a person's name says so, also when the words around say nothing
    if (nickname := _NICKNAME_INSIDE_A_NAME.match(text, run.start)) and nickname.end() < run.end:
        kind = MentionKind.PERSON  # 'Joe "King" Oliver': only people are given a nickname between their names
    kind = kind or _kind_of(run, book)
    if kind in (MentionKind.PLACE, MentionKind.NAME) and _a_place_shaped_persons_name(run) and _DESCRIBED_AS_A_PERSON.match(text, run.end):
        # "a partner in Thomas Bentley, a Leeds merchant", "Rowland Hill, a former schoolmaster", "was Nell Garvey, a
        # 16-year-old girl": the description says what "in", the "Hill" of place names or an unknown first name does not
        kind = MentionKind.PERSON
    if kind is not MentionKind.PERSON and run.tokens[0] in ("The", "A", "An") and _PUBLISHED_AFTER.match(text, run.end):
        kind = MentionKind.WORK
    title = _title_length(run.tokens)
    owned_by_the_titled = bool(title) and any(_POSSESSIVE.search(token) for token in run.tokens[title:-1])
    if owned_by_the_titled and kind is MentionKind.PERSON:
        kind = MentionKind.NAME  # "the Lord Chamberlain's Men": what a titled man owns, named whole, title and all
    if title and kind in (MentionKind.PERSON, MentionKind.NAME) and not _names_a_craft(run) and len(run.tokens) - title >= 2 and all(_is_name_word(token) for token in run.tokens[title:]) and not owned_by_the_titled:
        # "President Ronald Reagan", "Rear Admiral Tamon Yamaguchi": the person is the name after the
        # title; the title stays outside the mention
        kind = MentionKind.PERSON
        start = text.index(run.tokens[title], run.start + len(" ".join(run.tokens[:title])))
        run = dataclasses.replace(run, start=start, tokens=run.tokens[title:])
    name = " ".join(run.tokens)
    full = book.full_name(name) if kind is MentionKind.PERSON or _a_ships_short_name(name, book) else _place_called_by_its_owner(run, book) or name
    cue = run.before[-1] if run.before else ""
    # also "the liner Northern Star", and a name set beside its craft word: "His last ship, the Kestrel Star, …"
    craft = _names_a_craft(run) or cue in lexicon.CRAFT_WORDS or kind is not MentionKind.PERSON and bool(_CRAFT_IN_APPOSITION.search(text, 0, run.start))
    return Mention(kind, run.start, run.end, text[run.start : run.end], full, possessive=run.possessive, craft=craft)


def _a_place_shaped_persons_name(run: _Run) -> bool:
    """Whether a run read as a place may be a person's name: two or three plain capitalised words, not a place the lexicon
    knows nor one a place's first word opens ("Mount Rushmore", "Lake Tahoe")."""
    name = " ".join(run.tokens)
    return (
        2 <= len(run.tokens) <= 3
        and name not in lexicon.PLACES
        and run.tokens[0] not in lexicon.PLACE_FIRST_WORDS | lexicon.BUILDING_FIRST_WORDS
        and all(re.fullmatch(r"[A-Z][^\W\d_]+|[A-Z]\.", token) for token in run.tokens)
    )


# Round 119, part B: a sentence's opening "In", and a word for the part of a land, before a place: "In central London",
# "In northern Denmark".
_OPENING_IN = re.compile(rf"In (?:(?:central|{'|'.join(sorted(lexicon.COMPASS_ADJECTIVES))}) )?")


def _country_after_in(text: str, run: _Run) -> bool:
    """Whether a run opens with a one-word place the lexicon knows right after a sentence's opening "In" (and a word for
    the part of the land, see _OPENING_IN), which then names where its subject, the rest of the run, was: "In Denmark
    Poul la Cour began …" (round 112, lead), "In central London Bazalgette built …"."""
    return run.tokens[0] in lexicon.PLACES and bool(_OPENING_IN.fullmatch(text, 0, run.start))


# The particles of surnames that join no place's name, unlike "de", "del", "da" or "di" ("Rio de Janeiro", "Costa del
# Sol", "Lago di Garda").
_SURNAME_PARTICLES = frozenset("van von der den ter la le".split())


def _a_name_with_particles(words: list[str]) -> bool:
    """Whether the words are a given name, lower-case particles and a surname (round 119, part B): "Poul la Cour", "Ivo
    van Orle", "Ilse van der Dorn", whatever the given name, or "Johann de Orle" after a first name the lexicon knows;
    not "Rio de Janeiro", "Costa del Sol" (see _SURNAME_PARTICLES)."""
    particles = words[1:-1]
    return (
        len(words) >= 3
        and all(word in _PARTICLES for word in particles)
        and (words[0] in lexicon.FIRST_NAMES or all(word in _SURNAME_PARTICLES for word in particles))
        and looks_like_a_persons_name(f"{words[0]} {words[-1]}")
    )


def _persons_name_after_a_nationality(text: str, run: _Run, book: NameBook) -> bool:
    """Whether the words after a run's leading nationality (or a country after "In", see _country_after_in) are a
    person's name: a first name the lexicon knows ("the German Friedrich Traun", "In Denmark Paul Berg began …"), a
    person the document names, or a name a verb of a person or a description of one follows ("the Hungarian Zoltar
    Bendek, a clerk from Pest", "In Denmark Poul la Cour began …"); not "the French Foreign Legion", "the French Foreign
    Legion, a unit of …"; round 119, part B: or a name with particles a verb follows (see _a_name_with_particles: "In
    Denmark Poul la Cour began …"; not "the Spanish Costa del Sol resorts")."""
    rest = " ".join(run.tokens[1:])
    if _a_name_with_particles(run.tokens[1:]) and _a_verb(run.after):
        return True
    return looks_like_a_persons_name(rest) and (
        run.tokens[1] in lexicon.FIRST_NAMES
        or book.kinds.get(rest) is MentionKind.PERSON
        or run.after in lexicon.PERSON_VERBS
        or bool(_DESCRIBED_AS_A_PERSON.match(text, run.end))
    )


# Round 78, part D, and round 79, part C. The words that never open or close a compound the document repeats as its
# term: small words, verbs, adverbs and particles ("lifted off again", "pull down"), counts, units and times ("fifteen
# minutes", "per cent", "years later"), and words that rank or describe.
_COMPOUND_WORD = re.compile(r"[a-z][a-z-]*[a-z]")
_NOT_COMPOUND_WORDS = _NOT_TERM_WORDS | _DESCRIBING_BEFORE | lexicon.UNSPECIFIC_MODIFIERS | lexicon.VERB_PARTICLES | frozenset(
    "not no all some any each every other such many much few own only also still just even how both several next far "
    "per cubic square half later ago again".split()
)
_COUNT_OR_TIME_WORD = re.compile(
    rf"(?:{lexicon.NUMBER_WORDS}|{lexicon.COUNTING_WORDS}|{lexicon.SCALE_WORDS}|{lexicon.TIME_UNITS}|{lexicon.PLACE_ORDINALS}|\w+teenth|\w+ieth)",
)
# A plural and a word in "-ing" after it: a clause, not a compound ("the sound of valves closing").
_PLURAL_DOING = re.compile(r"[a-z]+[^su]s [a-z]+ing")
# What goes on a compound's noun phrase or clause past it: a lower-case word that is not a small one ("a jet engine
# pushes …", "the dry yeast cells"), so the compound is not the whole of what the sentence names.
_WORD_AFTER = re.compile(r" ([a-z][\w-]*)")


def _compound_word(word: str) -> bool:
    """Whether `word` can be one of the two words of a compound term (see _compounds_it_repeats)."""
    return _a_term_word_whatever_its_part(word) and not _a_verb(word)


def _a_term_word_whatever_its_part(word: str) -> bool:
    """Whether `word` can be a word of a compound term where its place shows it is no verb (see _a_shaped_term): no
    small word, adverb, judging word, count, time or unit."""
    return (
        bool(_COMPOUND_WORD.fullmatch(word)) and word not in _NOT_COMPOUND_WORDS and not _an_adverb(word)
        and not _judges(word) and not _COUNT_OR_TIME_WORD.fullmatch(word) and not re.fullmatch(lexicon.UNITS, word)
    )


def _compounds_it_repeats(texts: list[str]) -> set[str]:
    """The compounds of two lower-case words that two sentences or more of the document hold: "shield wall",
    "interlock switches", "memory cells"; neither word a small word, a verb, a count, a unit or a time, the first no
    plain word of size, colour, material, temperature or judgement, nor one for people ("metal box", "hot air",
    "distant objects", "women prisoners": a term the document defines is found as one where it does)."""
    sentences_holding: Counter[str] = Counter()
    for text in texts:
        words = [(match.group(), match.start(), match.end()) for match in re.finditer(r"[\w'’-]+", text)]
        sentences_holding.update({
            f"{first} {second}" for (first, _, end), (second, start, _) in zip(words, words[1:])
            if text[end:start] == " " and _compound_word(first) and _compound_word(second)
            and first not in lexicon.PLAIN_DESCRIBING_WORDS and first not in lexicon.GENERIC_PEOPLE
            and not _PLURAL_DOING.fullmatch(f"{first} {second}")
        })
    return {compound for compound, count in sentences_holding.items() if count >= 2}


# A lower-case word of four letters or more, not joined to another by a hyphen or an apostrophe ("greased-leather").
_LOWER_CASE_WORD = re.compile(r"(?<![\w'’-])[a-z]{4,}(?![\w'’-])")
# The endings of words that are rare only as forms of common ones and describe rather than name: adverbs, verb forms,
# adjectives and comparisons ("harmlessly", "strayed", "jeering", "colourless", "boastful", "thunderous", "plainer",
# "emptiest"), and nouns of a doer, mostly of everyday work ("bricklayer"), seldom a term of a field.
_ENDINGS_OF_NO_TERM = ("ly", "ed", "ing", "less", "ful", "ous", "er", "ers", "est")
# A word in "-s" right after a relative pronoun, which is the verb of its clause: "an idea that {underlies} most blasting".
_VERB_AFTER_A_RELATIVE = re.compile(r"(?:(?<=\bthat )|(?<=\bwhich )|(?<=\bwho ))[a-z]+s\b")


def rare_word_terms(text: str, mentions: list[Mention]) -> list[Mention]:
    """The words of `text` (one sentence) outside its `mentions` that are rare in English (see lexicon.rare_in_english),
    as terms: the words of a field a learner meets in the document ("by feeding them {{sauerkraut}}", "The towers stand
    on {{caissons}}"), with the noun they make a compound with (see _ends_the_compound): "washed in {{isopropyl
    alcohol}}", not "{{isopropyl}} alcohol"; and an uncommon adjective of a field, only with its noun (see
    _uncommon_field_adjective): "through the {{pulmonary veins}}". Not a word whose ending says it describes (see
    _ENDINGS_OF_NO_TERM), nor what a count counts ("12 {furlongs}"), which is the count's fact, nor the verb after a
    relative pronoun (see _VERB_AFTER_A_RELATIVE)."""
    counted_from = {m.end + 1 for m in mentions if m.kind in (MentionKind.COUNT, MentionKind.QUANTITY)}
    found = []
    for match in _LOWER_CASE_WORD.finditer(text):
        word = match.group()
        if word.endswith(_ENDINGS_OF_NO_TERM) or match.start() in counted_from or _VERB_AFTER_A_RELATIVE.match(text, match.start()):
            continue
        rare = lexicon.rare_in_english(word)
        if not rare and not _uncommon_field_adjective(word):
            continue
        noun = _WORD_AFTER.match(text, match.end())
        end = noun.end() if noun and _ends_the_compound(word, noun.group(1), text[noun.end() :]) else match.end()
        if not rare and not _names_with_its_noun(text, match.start(), end):
            continue
        if all(end <= m.start or match.start() >= m.end for m in mentions):
            found.append(Mention(MentionKind.TERM, match.start(), end, text[match.start() : end], text[match.start() : end], rare_word=True))
    return found


# Another item of a list of words going on after one: ", silver", " and bronze", ", or tin".
_NEXT_LIST_ITEM = re.compile(r",?(?: and| or)? ([a-z]+)")
# The last word before ", and" or " or" ending the text: "blue and", "golden or".
_WORD_BEFORE_AND_OR = re.compile(r"\b([a-z]+),? (?:and|or) $")


def substance_terms(text: str, mentions: list[Mention], offered: frozenset[str] = frozenset()) -> list[Mention]:
    """The names of substances (lexicon.SUBSTANCE_WORDS) in `text` (one sentence) outside its `mentions`, not among
    those the document `offered` before, nor rare in English (rare_word_terms takes those), as terms asked like a rare
    word: "a bowl of {{mercury}} with", "built of yellowish {{limestone}} cut from", "made from {{plutonium}}.", and a
    compound named by its elements, whole (see _COMPOUND_OF_AN_ELEMENT): "a material such as {{cadmium telluride}}". Not
    where the name, or the list it opens, describes the noun after it ("carbon dioxide laser", "neon signs", "gold, silver
    and bronze medals"), nor after a plain describing word and "and" or "or", where it is as often a colour ("blue and
    gold", "golden or silver")."""
    found = []
    for match in _COMPOUND_OF_AN_ELEMENT.finditer(text):
        name = match.group().lower()
        if name in offered or not _names_what_an_element_is_joined_with(match.group("joined")) or lexicon.everyday_in_english(name):
            continue  # not "carbon dioxide", an everyday word
        if text.startswith(" (", match.end()):
            continue  # "Sodium hydroxide (NaOH) gives …", "Lithium iron phosphate (LFP) holds …": the brackets give it away
        noun = _WORD_AFTER.match(text, match.end())
        if noun and _compound_word(noun.group(1)):
            continue  # "a titanium disulfide cathode" (a word in "-s" after it is as often its verb: "sodium citrate stops …")
        if all(match.end() <= m.start or match.start() >= m.end for m in mentions):
            # asked like a rare word, a term of the field, not below it like a common substance ("{{uranium dioxide}}"
            # before "{{zirconium}}")
            found.append(Mention(MentionKind.TERM, match.start(), match.end(), match.group(), name, rare_word=True))
    for match in _LOWER_CASE_WORD.finditer(text):
        if match.group() not in lexicon.SUBSTANCE_WORDS or match.group() in offered or lexicon.rare_in_english(match.group()):
            continue
        if any(term.start <= match.start() < term.end for term in found):
            continue  # a word of a compound found whole: "{{cadmium telluride}}"
        listed_to = match.end()
        while (item := _NEXT_LIST_ITEM.match(text, listed_to)) and item.group(1) in lexicon.SUBSTANCE_WORDS:
            listed_to = item.end()
        noun = _WORD_AFTER.match(text, listed_to)
        if noun and (_compound_word(noun.group(1)) or (noun.group(1).endswith("s") and _a_term_word_whatever_its_part(noun.group(1)))):
            continue
        before = _WORD_BEFORE_AND_OR.search(text, 0, match.start())
        if before and before.group(1) in lexicon.PLAIN_DESCRIBING_WORDS:
            continue
        if all(match.end() <= m.start or match.start() >= m.end for m in mentions):
            found.append(Mention(MentionKind.TERM, match.start(), match.end(), match.group(), match.group(), rare_word=True, substance=True))
    return found


# The endings of adjectives of a field ("antisolar", "carbolic", "ciliary", "expiatory", "tactile", "toxoid",
# "corrosive", "Devonian" lower-cased, "isopropyl"), which ask nothing without their noun.
_ADJECTIVE_ENDINGS = ("al", "ic", "ar", "ary", "ory", "ile", "oid", "ive", "ian", "yl")
# An article, a possessive, a demonstrative or a number after a word: the word was a verb taking it ("streptomycin bind
# the 30S subunit"), no noun of a compound.
_OBJECT_AFTER = re.compile(r" (?:the|a|an|its|their|his|her|this|these|that|those|\d)\b")
# What may follow a noun phrase's last word: a mark, a conjunction, a preposition or a relative pronoun.
_AFTER_A_NOUN_PHRASE = re.compile(
    r"[.,;:)]| (?:and|or|of|in|on|at|to|from|for|with|by|around|along|into|under|over|near|across|through|among|between"
    r"|within|that|which|who)\b"
)


def _uncommon_field_adjective(word: str) -> bool:
    """Whether `word` is an adjective of a field by its ending (see _ADJECTIVE_ENDINGS) that is uncommon in English but
    not rare (see lexicon.uncommon_adjective), which with its noun names a term of the field as a rare word does:
    "returns through the {{pulmonary veins}}", "in the {{proximal tubule}}", "cars add {{regenerative braking}}"."""
    return word.endswith(_ADJECTIVE_ENDINGS) and lexicon.uncommon_adjective(word)


def _names_with_its_noun(text: str, start: int, end: int) -> bool:
    """Whether the uncommon adjective of a field at `start` of `text` names a term with its noun up to `end` (see
    _uncommon_field_adjective): not alone ("the valve is {pulmonary}"), nor after an adverb, which makes it a description
    ("highly reactive fragments"), nor when the noun phrase goes on after the noun ("the rectangular receiving
    reservoir", "a geothermal power station": a piece of a longer name); a verb or a participle may follow ("the tidal
    force falls", "the pulmonary valves closing")."""
    before = re.search(r"([a-z]+) $", text[:start])
    after = _WORD_AFTER.match(text, end)
    return (
        " " in text[start:end] and not (before and _an_adverb(before.group(1)))
        and not (after and _compound_word(after.group(1)) and not after.group(1).endswith("ing"))
    )


def _ends_the_compound(rare: str, word: str, rest: str) -> bool:
    """Whether `word`, after the rare word `rare` and before `rest`, is the noun of a compound the two make: any noun
    after a field's adjective ("the {{antisolar point}} sinks"), a plural after a singular noun when the noun phrase
    plainly ends there ("libraries for {{coastguard stations}} around the coast"); not a verb ("the magnetron converts
    only …", "the ventricles fire", "streptomycin binds the subunit")."""
    if not _compound_word(word) or _OBJECT_AFTER.match(rest):
        return False
    if rare.endswith(_ADJECTIVE_ENDINGS):
        return True
    return not rare.endswith("s") and word.endswith("s") and not word.endswith("ss") and bool(_AFTER_A_NOUN_PHRASE.match(rest))


# A capital letter alone before a lower-case word, which may name a kind of the word's thing by the letter: "Each B cell
# carries …", "the X chromosome", "a P wave"; not "A" nor "I", nor a letter after a digit or a mark it goes with ("3D
# printer", "30S subunit", "E.coli"). The word before it is taken with it when it may be a word of a compound and an
# article or the sentence's start is before it: "a {{helper T cell}}", "{{Killer T cells}}, meanwhile, …" (not "and
# help B cells", a verb).
_LETTERED_WORD = re.compile(
    r"(?:(?:(?<=\bthe )|(?<=\ban )|(?<=\ba )|^)(?P<before>[A-Za-z][a-z-]*[a-z]) )?(?<![\w.'’-])(?P<letter>[B-HJ-Z]) (?P<noun>[a-z][a-z-]*[a-z])(?![\w'’-])"
)
# A letter and "and", "or" or a comma before another letter: "the B and T cells", where the letters share the noun.
_LETTER_LISTED_BEFORE = re.compile(r"\b[A-Z](?:,? (?:and|or)|,) $")


def _singular(noun: str) -> str:
    """`noun` without a plural's "s": "cells" -> "cell", "chromosome" stays."""
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def _nouns_it_letters(texts: list[str]) -> frozenset[str]:
    """The nouns, in the singular, that the sentences `texts` of a document set two different capital letters or more
    before (see _LETTERED_WORD), so that each letter names a kind of the noun's thing: "cell" after "B cells" and "T
    cells", "chromosome" after "the X chromosome" and "two Y chromosomes"; not a noun with one letter only ("a Y shape",
    "hepatitis B vaccine"), which a letter may only describe."""
    letters: defaultdict[str, set[str]] = defaultdict(set)
    for text in texts:
        for match in _LETTERED_WORD.finditer(text):
            if _compound_word(match.group("noun")):
                letters[_singular(match.group("noun"))].add(match.group("letter"))
    return frozenset(noun for noun, seen in letters.items() if len(seen) >= 2)


def _lettered_kinds(text: str, book: NameBook) -> list[tuple[int, int]]:
    """The spans of the kinds `text` (one sentence) names by a letter before a noun the document letters (see
    _nouns_it_letters): "Each {{B cell}} carries receptors …", "{{Killer T cells}}, meanwhile, hunt …" (the word before
    the letter with it, when it may be a compound's and is no verb nor plain describing word: see
    _a_term_word_whatever_its_part; "a white T cell" is a "{{T cell}}"); not a letter after another
    letter and "and" ("the B and T cells"), nor one whose noun phrase goes on after the noun ("the T cell receptor"),
    nor one whose letter its sentence writes again, which gives it away ("The O version …: only people with two O copies
    are type O")."""
    spans = []
    for match in _LETTERED_WORD.finditer(text):
        if _singular(match.group("noun")) not in book.lettered_nouns or _LETTER_LISTED_BEFORE.search(text, 0, match.start("letter")):
            continue
        if len(re.findall(rf"(?<![\w.'’-]){match.group('letter')}(?![\w'’-])", text)) > 1:
            continue
        after = _WORD_AFTER.match(text, match.end())
        if after and _compound_word(after.group(1)):
            continue
        written = match.group("before") or ""
        before = written.lower()  # capitalised only where it opens the sentence, not a name ("the Kellby B cell")
        with_before = (written.islower() or match.start() == 0) and _a_term_word_whatever_its_part(before) and not _a_verb(before) and before not in lexicon.PLAIN_DESCRIBING_WORDS
        spans.append((match.start() if with_before else match.start("letter"), match.end()))
    return spans


# A noun of a measure (lexicon.MEASURE_NOUNS) after an article or a possessive and one lower-case word, which names a
# figure of a field: "a compression ratio of about 10:1", "is measured by its octane rating".
_MEASURE_COMPOUND = re.compile(
    rf"\b(?:the|an?|its|their|his|her) (?P<term>(?P<first>[a-z][a-z-]*[a-z]) (?:{'|'.join(sorted(lexicon.MEASURE_NOUNS))}))(?![\w'’-])"
)
# The endings of a word that describes the noun after it rather than names a kind of it: "a growing ratio", "a
# favourable rating", "a significant factor", "a dangerous index", "an unusual coefficient", "a spinning shaft", "a
# toothed wheel" (an uncommon adjective of a field is taken by rare_word_terms: "the {{stoichiometric ratio}}").
_DESCRIBING_ENDINGS = (*_ADJECTIVE_ENDINGS, "ing", "ed", "ant", "ent", "ous", "ful", "ble")


def _measure_compounds(text: str) -> list[tuple[int, int]]:
    """The spans of the figures of a field `text` (one sentence) names by a noun and a noun of a measure (see
    _MEASURE_COMPOUND): "A typical engine has a {{compression ratio}} of about 10:1.", "measured by its {{octane
    rating}}", "the {{bypass ratio}}"; not where a word before it describes ("a high ratio", "the main factor", "a
    growing ratio": see _names_a_kind_of_its_noun)."""
    return [match.span("term") for match in _MEASURE_COMPOUND.finditer(text) if _names_a_kind_of_its_noun(text, match)]


def _names_a_kind_of_its_noun(text: str, compound: re.Match[str]) -> bool:
    """Whether the word `compound`'s group "first" matched in `text` is a noun naming a kind of the noun after it, the
    compound ending its noun phrase: not a word that describes, judges, counts or says which, by its ending or as a
    plain word of size, colour, material or temperature, also the last part of a hyphenated one ("a high ratio", "the
    main factor", "a growing ratio", "a flat cast-iron disc"; see _DESCRIBING_ENDINGS), nor where the noun phrase goes
    on after the compound ("the safety factor rules")."""
    first = compound.group("first")
    if (
        not _compound_word(first) or first.endswith(_DESCRIBING_ENDINGS) or _judges(first)
        or first.split("-")[-1] in lexicon.PLAIN_DESCRIBING_WORDS | lexicon.UNSPECIFIC_MODIFIERS | _NOT_A_SHAPED_TERMS_FIRST_WORD
    ):
        return False
    after = _WORD_AFTER.match(text, compound.end())
    return not (after and _compound_word(after.group(1)))


# A noun of a machine's part (lexicon.PART_NOUNS) after an article, a possessive, "by" or "with", perhaps one word
# that describes it, and one lower-case word: "with a tension wrench", "the intake valve open", "a powerful wagon spring".
_PART_COMPOUND = re.compile(
    rf"\b(?:the|an?|its|their|by|with) (?:[a-z]+ )?(?P<term>(?P<first>[a-z][a-z-]*[a-z]) (?:{'|'.join(sorted(lexicon.PART_NOUNS))}))(?![\w'’-])"
)


def part_compound_terms(text: str, mentions: list[Mention]) -> list[Mention]:
    """The parts of a machine `text` (one sentence of an explainer) names by a noun and a noun of a part (see
    _PART_COMPOUND) outside its `mentions`, as terms asked like a rare word: "apply turning pressure with a {{tension
    wrench}}", "by swinging the {{needle bar}}", "a {{balance wheel}} controlled by a fine spiral spring"; not where a
    word before the part describes it ("a spinning shaft", "a metal drum", "the upper pins", "a flat cast-iron disc":
    see _names_a_kind_of_its_noun). Only in an explainer, whose parts are its terms: elsewhere such a compound is as
    often a thing of a story ("his wedding ring", "the car's steering wheel")."""
    found = []
    for match in _PART_COMPOUND.finditer(text):
        start, end = match.span("term")
        if _names_a_kind_of_its_noun(text, match) and all(end <= m.start or start >= m.end for m in mentions):
            found.append(Mention(MentionKind.TERM, start, end, text[start:end], text[start:end], rare_word=True))
    return found


def _repeated_compounds(text: str, book: NameBook) -> list[tuple[int, int]]:
    """The spans of the compounds the document repeats (see _compounds_it_repeats) in `text`, but none that another word
    of its phrase or a verb follows (see _WORD_AFTER): "slow thermal cell runaway" gives neither "thermal cell" nor a
    broken "cell runaway"."""
    if not book.repeated_compound_pattern:
        return []
    spans: list[tuple[int, int]] = []
    for match in book.repeated_compound_pattern.finditer(text):
        after = _WORD_AFTER.match(text, match.end())
        if not after or after.group(1) in _NOT_TERM_WORDS:
            spans.append(match.span())
    return spans


# A lower-case term of two or three words that the shape of its sentence defines, each word one a
# compound may hold (see _compound_word) and the first no plain word of size, colour, material or judgement:
# - the sentence's subject, before "is a" and a description: "The {{bellows valve}} is a flap of leather …",
#   not "are", which an adjective as often follows ("The economic stakes are large.");
_SUBJECT_BEFORE_IS_A = re.compile(r"(?:The|An?) (?P<term>[a-z][a-z-]*(?: [a-z][a-z-]*){1,2}) is an? [a-z]")
# - the sentence's subject, a description of what it is with "a" set after it between commas: "The {{drift plate}}, a
#   disc of brass at the base, then …" (not "The men used flint, a hard stone …, and …", a clause's object);
_SUBJECT_BEFORE_ITS_DESCRIPTION = re.compile(r"(?:The|An?) (?P<term>[a-z][a-z-]*(?: [a-z][a-z-]*){1,2}), (?=an? [a-z][^,;:]*, (?!(?:and|or|but)\b)[a-z])")
# - what a thing "is given" or "is said to be", closed by a comma: "Each kiln is given a {{firing limit}}, the …";
_GIVEN_OR_SAID_TO_BE = re.compile(r"\b(?:is|are|was|were) (?:given|said to be|rated at) (?:an?|the) (?P<term>[a-z][a-z-]*(?: [a-z][a-z-]*){1,2})(?=, )")
# - Round 113, part B: what someone invented, devised or patented, after "a" or "the", perhaps with a capitalised word
#   first, closed by what describes it (a description or a relative clause), the year or the sentence's end: "Rook
#   devised a {{hygrometer}} that judged …", "Vane patented the {{Kellby coil}}, a transformer …", "invented the {{spring
#   balance}} in 1790."; and a thing before whoever invented it: "The {{safety lamp}} that Tom Vane invented soon …"
#   (not "patented the invention in 1867", "devised a new plan, which …": see _an_invented_thing);
_INVENTED_THING = re.compile(
    r"\b(?:invented|devised|patented) (?:an?|the) (?P<term>(?:[A-Z][a-z]+ )?[a-z][a-z-]*(?: [a-z][a-z-]*)?)"
    r"(?=,? (?:an?|the|that|which|in which) [a-z]| in \d{4}\b|\.$)"
)
_THING_SOMEONE_INVENTED = re.compile(
    r"\b(?:[Tt]he|[Aa]n?) (?P<term>[a-z][a-z-]*(?: [a-z][a-z-]*)?) (?:that|which) (?:he|she|they|[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2})"
    r" (?:had )?(?:invented|devised|patented)\b"
)
# - two or three words before a relative clause that says what it is or does: "uses a {{wave guide rail}}, which …",
#   "into the {{pulmonary artery}}, which carries …", "used {{slant rhyme}}, in which …" (see _terms_before_a_relative_clause);
_RELATIVE_CLAUSE_AFTER_A_TERM = re.compile(r", (?:which|in which|where|whose) [a-z]")
# - one of a contrasted pair, the same noun after another word: "{{Dry glazing}} seals …, while {{wet glazing}} …".
_CONTRASTED_PAIR = re.compile(
    r"(?:^|(?<=\bthe )|(?<=\ban )|(?<=\ba ))(?P<first>[A-Za-z][a-z-]* (?P<noun>[a-z][a-z-]*)) [^;:]*?,? (?:while|whereas) (?:the |an? )?(?P<second>[a-z][a-z-]* (?P=noun))\b"
)


# The comma and the article before a description set after a term (see _terms_by_their_shape).
_ARTICLED_DESCRIPTION = re.compile(r"(?:,? (?:an?|the|which|are|is an?|is)\b)? ?")


def _terms_by_their_shape(text: str) -> list[tuple[int, int]]:
    """The spans of the lower-case terms the shape of the sentence defines (see _SUBJECT_BEFORE_IS_A and the patterns
    after it): none that is plain description ("The large room is a …", "a heavy wooden crate, which …"), a person
    ("The head porter, a man of …") or words a compound never holds."""
    spans = []
    at_the_start = (_SUBJECT_BEFORE_IS_A, _SUBJECT_BEFORE_ITS_DESCRIPTION)
    for pattern in (*at_the_start, _GIVEN_OR_SAID_TO_BE):
        for match in (pattern.match(text),) if pattern in at_the_start else pattern.finditer(text):
            if match and _a_shaped_term(match.group("term")) and not _describes_a_person(text, _ARTICLED_DESCRIPTION.match(text, match.end("term")).end()):
                spans.append(match.span("term"))
    spans.extend(_terms_before_a_relative_clause(text))
    spans.extend(
        match.span("term") for pattern in (_INVENTED_THING, _THING_SOMEONE_INVENTED) for match in pattern.finditer(text)
        if _an_invented_thing(match.group("term"))
    )
    for match in _CONTRASTED_PAIR.finditer(text):
        # not before a short form in brackets, which the card would show: "Sodium hydroxide (NaOH) …"
        if match.group("first").lower() != match.group("second") and all(
            _a_shaped_term(match.group(g)) and not text.startswith(" (", match.end(g)) for g in ("first", "second")
        ):
            spans.extend((match.span("first"), match.span("second")))
    return spans


# Words that say how much, which, whose or where rather than what kind: "The net effect is a gain …", "a separate outer
# casing, which …", "a major restoration, which …", "the official lists, which …", "the upper slope, where …", "the
# surrounding air, which …".
_NOT_A_SHAPED_TERMS_FIRST_WORD = frozenset(
    "net overall separate single double extra further additional particular certain various usual major full official "
    "upper lower opposite surrounding".split()
)
# Words that make the adjective after them a comparison: "a much larger henge", "a far deeper shaft".
_BEFORE_A_COMPARISON = frozenset({"much", "far"})
_DESCRIPTION_OF_THE_THING_BEFORE = re.compile(r", (?:an?|the) $")


def _terms_before_a_relative_clause(text: str) -> list[tuple[int, int]]:
    """The spans of the lower-case terms of two or three words right before a relative clause set off by a comma (see
    _RELATIVE_CLAUSE_AFTER_A_TERM): "carries it into the {{pulmonary artery}}, which …", "It gives off {{alpha
    particles}}, which are …", "{{Investment trusts}}, which pooled …". The words back from the comma that a compound may
    hold, after one that it may not (an article, a preposition, a verb) or the sentence's start, three only after an
    article: none when a word before could go on the term ("the double three-legged gravity escapement" is no "{{gravity
    escapement}}", "to form carbon dioxide" no "{{carbon dioxide}}"), nor one whose noun is a
    word that points back ("the upper part, where …"), a description of the thing before it ("Holland, an Irish-born
    schoolteacher, whose …") or a person."""
    spans = []
    for clause in _RELATIVE_CLAUSE_AFTER_A_TERM.finditer(text):
        words = list(re.finditer(r"[\w'’-]+", text[: clause.start()]))
        taken: list[re.Match[str]] = []
        while words and len(taken) < 4 and _a_word_of_a_term(text, words[-1]) and not (taken and _a_verb(words[-1].group())):
            taken.insert(0, words.pop())
        before = words[-1].group() if words and text[words[-1].end() : words[-1].end() + 1] == " " else ""
        if not 2 <= len(taken) <= 3 or before and not _ends_a_phrase_before_a_term(before):
            continue  # "the double three-legged gravity escapement, which …" is no "{gravity escapement}"
        if len(taken) == 3 and before not in _ARTICLES and not _an_adverb(before):
            continue  # "to form carbon dioxide, which …": three words only after an article
        if before in _BEFORE_A_COMPARISON:
            continue  # "a much larger henge, where …": a comparison, no kind
        if any(PLURAL_NOUN.fullmatch(word.group()) for word in taken[:-1]):
            continue  # "Flour supplies starch, which …": a word in "-s" before another is a verb or a plural subject
        start, end = taken[0].start(), taken[-1].end()
        term = text[start:end]
        last = taken[-1].group()
        if (
            _a_shaped_term(term) and last not in _NOT_APPOSED | _VERDICT_NOUNS
            and not (len(taken) == 2 and last in lexicon.BACK_REFERRING_NOUNS)
            and not _DESCRIPTION_OF_THE_THING_BEFORE.search(text, 0, start) and not _describes_a_person(text, start)
        ):
            spans.append((start, end))
    return spans


def _ends_a_phrase_before_a_term(word: str) -> bool:
    """Whether `word`, right before the words of a lower-case term, is sure to be none of it: a small word, a verb, an
    adverb, a possessive or a name ("into the", "gives off", "especially", "the planet's", "Gresley's")."""
    verb = "-" not in word and (_a_verb(word) or word.endswith("ed"))  # not "three-legged"
    return word in _NOT_COMPOUND_WORDS or verb or _an_adverb(word) or bool(_POSSESSIVE.search(word)) or word[:1].isupper()


def _a_word_of_a_term(text: str, word: re.Match[str]) -> bool:
    """Whether `word` of `text` may be a word of a lower-case compound (see _a_term_word_whatever_its_part), in lower case
    or, opening the sentence, capitalised ("{{Stepper motors}}, which …"); not a past form, which is the verb before the
    term ("used {{slant rhyme}}, in which …")."""
    written = word.group()
    return (
        bool(_TERM_WORD.fullmatch(written.lower() if word.start() == 0 else written)) and not written.endswith("ed")
        and _a_term_word_whatever_its_part(written.lower())
    )


# The endings of a word that describes the thing after it, but for "-ing", which before an invented thing names its use.
_DESCRIBING_BEFORE_AN_INVENTION = tuple(ending for ending in _DESCRIBING_ENDINGS if ending != "ing")


def _an_invented_thing(term: str) -> bool:
    """Whether `term`, what someone invented (see _INVENTED_THING), names the thing: its lower-case words, after the
    capitalised word of a name that may open it ("the Kellby coil"), a shaped term (_a_shaped_term) whose first word
    does not describe ("a new plan", "a practical fuse": see _DESCRIBING_ENDINGS; but "-ing" names a use here: "a
    {{printing press}}") and whose noun does not point back at what the card cannot show ("the invention", "a better
    design")."""
    words = [word for word in term.split() if not word[0].isupper()]
    return (
        _a_shaped_term(" ".join(words)) and words[-1] not in lexicon.BACK_REFERRING_NOUNS
        and not (len(words) > 1 and (words[0].endswith(_DESCRIBING_BEFORE_AN_INVENTION) or _judges(words[0])))
    )


def _a_shaped_term(term: str) -> bool:
    """Whether `term` may be a term its sentence's shape defines (see _terms_by_their_shape): its words ones a compound
    holds (see _compound_word), but a verb's plain form or one in "-ing" may be a noun here, since the shape fixes
    the words' part ("a {{test depth}}", "The {{trim tanks}} are …", "a {{sliding scale}}"); not a past form, which
    describes ("The painted door is a …")."""
    words = term.lower().split()
    first = words[0]
    return (
        all(_a_term_word_whatever_its_part(word) and not (word.endswith("ed") and _a_verb(word)) for word in words)
        and first not in lexicon.PLAIN_DESCRIBING_WORDS | lexicon.UNSPECIFIC_MODIFIERS | lexicon.GENERIC_PEOPLE | _NOT_A_SHAPED_TERMS_FIRST_WORD
        and not set(words) & (lexicon.PERSON_WORDS | lexicon.KIN_NOUNS | _NOT_A_SHAPED_TERMS_FIRST_WORD)
        and not set(words[:-1]) & lexicon.BACK_REFERRING_NOUNS  # "the company car", but "an inertial navigation {{system}}"
    )


def _names_a_craft(run: _Run) -> bool:
    """Whether the run names a ship or another craft, also one named after a person: a ship's prefix
    ("HMS Hood"), a word for a craft before it ("the liner Queen Mary"), or "the" before a person's
    name ("the James Caird", "the Queen Elizabeth"), which a person's name does not take."""
    tokens = run.tokens
    if len(tokens) > 1 and tokens[0] in lexicon.VESSEL_PREFIXES:
        return True
    cue = run.before[-1] if run.before else ""
    persons_name = len(tokens) > 1 and (
        tokens[0] in lexicon.FIRST_NAMES or (tokens[0] in ("King", "Queen") and tokens[1] in lexicon.FIRST_NAMES)
    )
    return persons_name and (cue == "the" or cue in lexicon.CRAFT_WORDS)


def _title_length(tokens: list[str]) -> int:
    """How many of the leading tokens are titles of office: 1 for "President Ronald Reagan", 2 for
    "Lieutenant Commander Clarence McClusky", 3 for "Secretary of State George C. Marshall", and a
    word before a title that says when its holder held it: 2 for "Former President Jimmy Carter"."""
    qualified = 1 if tokens and tokens[0] in lexicon.TITLE_QUALIFIERS else 0
    length = qualified
    while length < len(tokens):
        rest = " ".join(tokens[length:])
        office = next((t for t in lexicon.OFFICE_TITLES if rest.startswith(f"{t} ")), None)
        if office is not None:
            length += len(office.split())
        elif tokens[length].rstrip(".") in _TITLES:
            length += 1
        else:
            break
    return length if length > qualified else 0


def _looks_like_title(words: str) -> bool:
    tokens = words.split()
    if not tokens or len(tokens) > 8 or not tokens[0][:1].isupper() or re.search(r"[,;:]\s|[a-z]{2}[.!?]\s", words):
        return False
    return all(token[:1].isupper() or token[:1].isdigit() or token.lower() in _SMALL_TITLE_WORDS for token in tokens)


def _is_year(text: str, start: int, end: int, dates_by_an_era: bool) -> bool:
    """Whether the number at [start, end) is a year: four digits from 1000 to 2100 after a word that dates ("in",
    "since", …) or before no lower-case word ("1500 people" is a count); two or three digits only in a document that
    dates its events by an era elsewhere ("120 BC"), after a word that puts an event in a year and before no word it
    counts ("until {{498}}, under the king Odvar"; not "in 498 battles", "until 12 noon", "one in 10")."""
    if end - start < 4:
        return dates_by_an_era and bool(_SHORT_YEAR_CUE.search(text, max(0, start - 16), start)) and bool(_COUNTS_NOTHING_AFTER.match(text, end))
    value = int(text[start : start + 4])
    if not 1000 <= value <= 2100:
        return False
    before = text[:start].split()
    after = text[end:]
    if before and before[-1].lower().strip("(,") in _YEAR_CUES:
        return True
    return not re.match(r"\s+[a-z]", after)  # "1500 people" is a count, "in 1500 people" too


def _puts_at_a_time(text: str, start: int) -> bool:
    """Whether hours and minutes with no "a.m." or "p.m." at `start` are a time of day: after a word that puts an event
    at them ("at 14:00", "by 06:42") or says the time was them ("The time was 21:05"); not a race time ("in 3:43.13"), "the 3:10 train" or a verse ("John 3:16"). A
    12-hour time without them ("At about 10:20, dive bombers …") is none: the one development card of that shape, to
    edit for its long front, lowered the share kept."""
    before = text[max(0, start - 8) : start].split()
    return bool(before) and before[-1].lower() in _TIME_CUES or bool(_TIME_WAS.search(text, 0, start))


def _starts_sentence(text: str, position: int) -> bool:
    """Whether the word at `position` is the first word of the sentence or of a quotation or a line
    such as "McCauley: I …"."""
    before = text[:position].rstrip("\"'“‘([ ")
    return not before or before[-1] in ":.!?"


def _capitalised_runs(text: str, book: NameBook) -> list[_Run]:
    text = _DEGREE.sub(lambda degree: " " * len(degree.group()), text)  # same offsets, no "Ph" or "D." of "a Ph.D."
    tokens = list(_TOKEN.finditer(text))
    runs: list[_Run] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        word = _POSSESSIVE.sub("", token.group())
        if not _is_name_word(word) or (_starts_sentence(text, token.start()) and _opens_sentence_without_naming(word, book)):
            index += 1
            continue
        if (
            _starts_sentence(text, token.start())
            and not _trusted_alone(word, book)
            and _connector_follows(text, tokens, index)
            and not text.startswith(tuple(f"{title} " for title in lexicon.OFFICE_TITLES), token.start())
        ):
            index += 1  # "Construction of the Golden Gate Bridge": a common noun opening the sentence
            continue
        first = index
        titled = index > 0 and tokens[index - 1].group() in _TITLE_NOUNS
        words = [word]
        end = token.start() + len(word)
        possessive = word != token.group()
        index += 1
        while index < len(tokens):
            nickname = _NICKNAME_INSIDE_A_NAME.match(text, tokens[first].start()) if len(words) <= 2 and not possessive else None
            if nickname is not None and tokens[index].start() < nickname.end() and (surname := next((i for i in range(index, len(tokens)) if tokens[i].start() >= nickname.end()), None)) is not None:
                # 'Arthur "Boy" Capel': the nickname in quotation marks is no word of the name, which goes on after it
                index, end = surname, nickname.end() - 1
            if possessive or text[end : tokens[index].start()] != " ":
                inside = _possessive_inside_name(text, tokens, index, words, book)
                if inside is None:
                    break
                words[-1] = text[tokens[index - 1].start() : tokens[inside - 1].end()]
                end, index, possessive = tokens[inside - 1].end(), inside, False
                continue
            candidate = _POSSESSIVE.sub("", tokens[index].group())
            followed = index + 1 < len(tokens) and text[tokens[index].end() : tokens[index + 1].start()] == " "
            if followed and tokens[index + 1].group() == "the" and (
                candidate == "of" or _FOR_THE_SOMETHING_OF.match(text, tokens[index].start())
                or (words[-1] in lexicon.ORGANISATION_WORDS | lexicon.HOME_WORDS and _FOR_THE_PEOPLE.match(text, tokens[index].start()))
                or (candidate == "on" and words[-1] in _BODIES_ON_A_SUBJECT and _SUBJECT_OF_A_BODY.match(text, tokens[index].start()))
            ):
                # "Charter of the United Nations", "Association for the Advancement of Science", "Royal Commission on the
                # Health of the Army" (not "the Soviet Union for the Mosfilm studio")
                followed = index + 2 < len(tokens) and text[tokens[index + 1].end() : tokens[index + 2].start()] == " "
                following = tokens[index + 2] if followed else None
            else:
                following = tokens[index + 1] if followed else None
            paired = following is not None and following.group() in _PARTICLES and index + 2 < len(tokens) and (candidate in _PARTICLES or candidate in _PARTICLE_OPENERS)
            if paired:
                following = tokens[index + 2]  # "Johannes Diderik van der Waals", "Theater an der Wien": two particles before the name word
            if (
                (_is_name_word(candidate) and (candidate not in lexicon.NOT_NAMES or _a_rulers_numeral(candidate, words, text[tokens[index].end() :])))
                or _is_name_number(text, tokens[index], words[-1]) or _names_a_day(words, candidate)
                or _a_surname_spelt_as_a_month(words, candidate, following) or _MODEL_TYPE.fullmatch(candidate)
            ):
                words.append(candidate)
                end = tokens[index].start() + len(candidate)
                possessive = candidate != tokens[index].group()
                index += 1
            elif (
                following is not None
                and _is_name_word(following.group())
                and (paired or _joins_name(candidate, words, following.group(), _last_name_word_from(text, tokens, index + 1), book) or (titled and _goes_on_inside_a_title(candidate, following.group(), book)))
                and not _A_PEOPLE_BEFORE_A_NOUN.match(text, following.start())
            ):
                words.append(candidate)
                end = tokens[index].end()
                index += 1
            else:
                break
        while len(words) < 3 and words[0] in lexicon.LATIN_TITLE_WORDS and index < len(tokens) and text[end : tokens[index].start()] == " " and _a_latin_word(tokens[index].group()):
            words.append(tokens[index].group())  # "the Missa solemnis": one title, not "{{Missa}} solemnis"
            end = tokens[index].end()
            index += 1
        if _material_it_names(text, tokens, index, words, end) and not possessive:
            words.append(tokens[index].group())  # "Portland cement": one material, not "{{Portland}} cement"
            end = tokens[index].end()
            index += 1
        if possessive and (
            (
                _ENDS_A_BUILDINGS_NAME.match(text, end)
                and (
                    words[0] in _SAINTS  # "St. Mary's": a church
                    # "Lord's staged its first Test", "at Lord's.": the ground the document calls "Lord's Cricket Ground",
                    # not Lord's (not "twice the height of Smeaton's", which may be anything of Smeaton's)
                    or (len(words) == 1 and words[0] in book.possessive_places and not text.endswith(" of ", 0, token.start()))
                )
            )
            or (len(words) == 1 and _named_by_its_possessive(words[0], book))  # "left Queen's", "Harper's magazine"
        ):
            words[-1], end, possessive = tokens[index - 1].group(), tokens[index - 1].end(), False
        while first > 0 and tokens[first - 1].group() in _PARTICLES and text[tokens[first - 1].end() : tokens[first].start()] == " ":
            first -= 1  # "the van der Waals equation": the particles belong to the surname
            words.insert(0, tokens[first].group())
        start = tokens[first].start()
        ordinal = _ORDINAL_OF_A_NAME.search(text, 0, start)
        if ordinal and not (ordinal["owner"] and ordinal["owner"].rstrip(".") in lexicon.MONTH_NAMES):
            words.insert(0, ordinal["ordinal"])
            start = ordinal.start("ordinal")
            if ordinal["owner"] and runs and runs[-1].end == ordinal.start("ordinal") - 1:
                owner = runs.pop()  # "East 48th Street": the word before the ordinal opens the same name
                words[:0], start = owner.tokens, owner.start
        if words[-1] in _CONNECTORS or words[-1] in _INNER_CONJUNCTIONS:
            continue
        if len(words) == 1 and (words[0] in lexicon.NOT_NAMES or words[0] in lexicon.TITLE_PARTICIPLES or words[0] in lexicon.REFLEXIVE_PRONOUNS or words[0] in lexicon.FIRST_PEOPLES_WORDS):
            continue  # also "Written" and "Herself" of a long title, "Native" of "Native peoples": no name alone
        if (
            len(words) == 1
            and _starts_sentence(text, start)
            and not _trusted_alone(words[0], book)
            and not _a_maker_by_its_verb(words[0], text, end, book)
            and not _a_work_by_its_verb(words[0], text, end, book)
        ):
            continue
        before = [t.group().lower() for t in tokens[:first] if t.end() <= start][-2:]  # "in 1947 Franklin": no cue
        if len(words) == 1 and words[0] in book.tails and before and before[-1] in ("the", "a", "an") and words[0] not in lexicon.PLACES:
            continue  # "the Zone", "a Zone high school" where the document says "Canal Zone": half a name, no answer
        if runs and text[runs[-1].end : start] == "–" and not runs[-1].possessive and words[-1] in lexicon.ORGANISATION_WORDS:
            # Round 89, part B: two names an en dash joins open one body's name, "the Lincoln Memorial–Liberty Hall
            # Foundation", never clozed in part
            owner = runs.pop()
            words[:1], start, before = [*owner.tokens[:-1], f"{owner.tokens[-1]}–{words[0]}"], owner.start, owner.before
        after = tokens[index].group().lower() if index < len(tokens) and not possessive else ""
        if after == "," and index + 1 < len(tokens) and tokens[index + 1].group() == "who":
            after = ", who"  # "Henry Brand, who …": a relative clause set off by a comma tells a person (see _kind_of)
        runs.extend(_split_at_a_known_name(text, _Run(start, end, words, possessive, before, after), book))
    return runs


# an ordinal in figures right before a name, which belongs to it: "the 21st Amendment", "Henry Vane, 5th Earl of
# Dunmore", "20th Century Fox", "East 48th Street" (not the day of a month: "June 4th Nagumo …")
_ORDINAL_OF_A_NAME = re.compile(r"(?<![\w.,])(?:(?P<owner>[A-Z][\w-]*) )?(?P<ordinal>\d{1,4}(?:st|nd|rd|th)) $")


def _material_it_names(text: str, tokens: list[re.Match[str]], index: int, words: list[str], end: int) -> bool:
    """Whether the token at `index` is a material the name of one word right before it names, one term with it:
    "Portland cement", "Carrara marble" (Round 104, part C). Not after a people's word, which only says where the
    material is from ("Welsh slate", "Italian marble")."""
    return (
        len(words) == 1
        and index < len(tokens)
        and text[end : tokens[index].start()] == " "
        and tokens[index].group() in lexicon.NAMED_MATERIAL_NOUNS
        and not names_a_people(words[0])
    )


def _a_latin_word(word: str) -> bool:
    """Whether a lower-case word after the first word of a Latin title may be the title's ("solemnis", "brevis",
    "mater"): not a word a term does not hold ("for", "was") nor a verb ("the Missa solemnis premiered …")."""
    return bool(_TERM_WORD.fullmatch(word)) and word not in _NOT_TERM_WORDS and not _a_verb(word)


def _split_at_a_known_name(text: str, run: _Run, book: NameBook) -> list[_Run]:
    """The run, or two runs, its first word and the rest, when that word is a name of its own before another: the
    surname of a person the document names in full before a name of its own (see _a_surname_before_a_name), or a place
    before such a surname (see _a_place_before_a_surname)."""
    if not (_a_surname_before_a_name(run, book) or _a_place_before_a_surname(text, run, book)):
        return [run]
    first, rest = run.tokens[0], run.tokens[1:]
    rest_start = text.index(rest[0], run.start + len(first))
    return [
        _Run(run.start, run.start + len(first), [first], False, run.before, rest[0].lower()),
        _Run(rest_start, run.end, rest, run.possessive, [*run.before, first.lower()][-2:], run.after),
    ]


def _a_surname_before_a_name(run: _Run, book: NameBook) -> bool:
    """Whether the run opens with the surname of a person the document names in full and goes on with a name of its
    own, one ending in a number or one the document uses alone: "Harris showed Green Plate 12" beside Thomas Green is
    Green and Plate 12 (not "Green Park" where no Green is named, nor "Gaillard Cut", whose "Cut" names nothing alone,
    nor "Rosalind Franklin", a first name, nor "Mahrez 17")."""
    surname, rest = run.tokens[0], run.tokens[1:]
    if not rest or not _named_in_full(surname, book) or surname in lexicon.FIRST_NAMES or " ".join(run.tokens) in book.kinds:
        return False
    # not "Vardy scored 24 and Mahrez 17": a number alone is no name
    return _is_name_word(rest[0]) and bool(_NAME_NUMBER.fullmatch(rest[-1]) or " ".join(rest) in book.kinds)


def _a_place_before_a_surname(text: str, run: _Run, book: NameBook) -> bool:
    """Whether the run is a place the lexicon knows and then the surname of a person the document names in full: "In
    central London Bazalgette built …" beside Joseph Bazalgette is London and Bazalgette (not "Washington Irving", whose
    first name is the place, nor "London Bridge"). Round 119, part B: or, whoever the document names, a name word a
    verb follows after a sentence's opening "In" and the place (see _country_after_in), the subject after where it was:
    "In central London Kellby built …" (not "In London Bridge station …", "In London Marlowe's hall …"), which the
    document's book must read so too, or "London Kellby" would share the surname with its owner."""
    if len(run.tokens) != 2 or run.tokens[0] not in lexicon.PLACES:
        return False
    place, surname = run.tokens
    if surname in lexicon.PLACES:
        return False
    if (full := _named_in_full(surname, book)) is not None:
        return full.split()[0] != place
    return _country_after_in(text, run) and not run.possessive and surname not in _GENERIC_NAME_WORDS and _a_verb(run.after)


def _named_in_full(surname: str, book: NameBook) -> str | None:
    """The full name of the person the document names with this surname, if any."""
    full = book.full_names.get(surname)
    return full if full and full.split()[-1] == surname else None


def _opens_sentence_without_naming(word: str, book: NameBook) -> bool:
    """Whether a capitalised word opening a sentence is no part of a name: "The", "In", and a preposition
    or an adjective before a name ("Near Oakdale, …" names Oakdale, "Young Tom Reyes …" Tom Reyes) unless the
    document capitalises it inside sentences too ("the Near East", "Brigham Young")."""
    return word in lexicon.SENTENCE_STARTERS or (word in _OPENERS_BEFORE_A_NAME and word not in book.inner_words)


def _connector_follows(text: str, tokens: list[re.Match[str]], index: int) -> bool:
    """Whether a connector ("of", "the", …) follows the word at `index`, other than the "the" before an epithet ("Pliny
    the Elder wrote …" opens with a name)."""
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if following is None or following.group() not in _CONNECTORS or text[tokens[index].end() : following.start()] != " ":
        return False
    return not (following.group() == "the" and index + 2 < len(tokens) and tokens[index + 2].group() in lexicon.EPITHETS)


def _a_persons_name_without_a_title(words: list[str]) -> bool:
    """Whether the words look like a person's name and hold no title, which a title of a work may ("The Dark Lady")."""
    titles = lexicon.MALE_TITLES | lexicon.FEMALE_TITLES | lexicon.TITLES_BEFORE_NAMES
    return looks_like_a_persons_name(" ".join(words)) and not titles.intersection(words)


def _has_an_epithet(words: list[str]) -> bool:
    """Whether the name is a name, "the" and an epithet: "Catherine the Great", "William the Conqueror"."""
    return len(words) >= 3 and words[-2] == "the" and words[-1] in lexicon.EPITHETS


def _joins_name(word: str, words: list[str], following: str, ending: str, book: NameBook) -> bool:
    """Whether a lower-case `word` between two capitalised ones (the second being `following`) belongs
    to the name being read: "Bank of England", "Leonardo da Vinci", "School of Physics and Chemistry",
    "Nobel Prize in Physics", "Council for Mutual Economic Assistance", "Great Flood of Paris", "Newcastle upon
    Tyne", "Catherine the Great" (an epithet), "Trent and Mersey Canal" (`ending` is the last of the capitalised words
    from `following` on); not "Hicham El Guerrouj of Morocco"."""
    if word == "the" and following in lexicon.EPITHETS and words[-1] not in _CONNECTORS:
        return True
    if word == "and" and _one_name_across_and(words, following, ending, book):
        return True
    if word == "of" and len(words) == 1 and words[0] in lexicon.FIRST_NAMES and following[:1].isupper():
        return True  # a first name and where its bearer ruled or came from, one name: "William of Normandy", "Anne of Cleves"
    if word in ("of", "the") and (
        _opens_with_a_first_name(words) or any(re.fullmatch(r"[A-Z]\.", w) for w in words) or (words[0] in lexicon.RULERS_TITLES and _RULERS_NUMERAL.fullmatch(words[-1]))
    ):
        # a person's name ends here: "Roger L. Easton of the Naval Research Laboratory", "Captain Ann Vail of the Royal
        # Navy", "King Olaf I of Varn"
        return False
    if word == "of" and re.fullmatch(r"[A-Z]{2,5}", following) and _a_persons_name_without_a_title(words):
        # a person and the acronym of where they work: "Herbert Morrison of WLS" (not "Bank of England", "The Dark Lady of DNA")
        return False
    if word == "of" and following in lexicon.PLACES and len(words) > 1 and words[0] != "The" and not lexicon.ORGANISATION_WORDS.intersection(words) and words[-1] not in lexicon.EVENT_WORDS | lexicon.STATE_WORDS | lexicon.STRUCTURE_WORDS:
        # a person's name and where they come from: "Derek Ibbotson of Britain" (not "Federal Republic of Germany",
        # "Great Wall of China", nor a title, which a person's name does not open with "The": "The Fall of Rome")
        return False
    if word in _CONNECTORS:
        return word != "the" or words[-1] in ("of", "for", "on")
    if word == "in":
        # a prize and its field, "Nobel Prize in Physics"; a body for people and their field, "Society for Women in
        # Chemistry" (not "Institute for Advanced Study in Princeton", where it stands)
        return words[-1] in lexicon.PRIZE_WORDS or (words[-2:-1] == ["for"] and words[-1].lower() in lexicon.GENERIC_PEOPLE and following not in _WHEN_OR_WHERE)
    if word == "at":
        # Round 89, part B: a state's university and the one city of its campus, "University of Ohio at Dayton"
        return words[:2] == ["University", "of"] and ending == following
    if word == "upon":  # a town and the river it stands on: "Newcastle upon Tyne", "Kingston upon Thames"
        return len(words) == 1
    if word == "for":  # "Organisation for European Economic Co-operation", "Council for Mutual Economic Assistance",
        # "Society for the Protection of Birds"
        return words[-1] in lexicon.ORGANISATION_WORDS or words[-1] in lexicon.HOME_WORDS
    if word == "on":  # not "the Anti-Slavery Society on Nantucket", "the Council on Monday", "the Council on Corfu"
        return words[-1] in _BODIES_ON_A_SUBJECT and following not in _WHEN_OR_WHERE
    if word in _INNER_CONJUNCTIONS:
        joint = next((index for index, w in enumerate(words) if w in ("of", "in", "for", "on")), 0)
        head, field = words[joint - 1] if joint else "", words[joint + 1 :]
        heads = lexicon.ORGANISATION_WORDS | lexicon.PRIZE_WORDS
        return word == "&" or (head in heads and not any(w in lexicon.ORGANISATION_WORDS for w in field))
    return False


def _opens_with_a_first_name(words: list[str]) -> bool:
    """Whether the name words read so far are a person's: a first name the lexicon knows opens them, or follows a rank
    or another title and a surname follows it ("Captain Ann Vail"). Not after a ruler's title ("Prince Albert of
    Saxe-Coburg", "Queen Mary of Teck" are one name), nor a first name alone after a title ("Saint John of the Cross")."""
    if words[0] in lexicon.FIRST_NAMES:
        return True
    named = words[_title_length(words) :]
    return words[0] not in lexicon.RULERS_TITLES and len(named) >= 2 and named[0] in lexicon.FIRST_NAMES and all(map(_is_name_word, named))


def _one_name_across_and(words: list[str], following: str, ending: str, book: NameBook) -> bool:
    """Whether "and" after the name words read so far joins two halves of one name whose last word is `ending`: a canal
    or a railway named after the two places it joins ("Trent and Mersey Canal", "London and North Eastern Railway"),
    or a body named after the two things it deals in, common nouns the document also writes in lower case ("American
    Telephone and Telegraph Company" beside "telephone exchanges", "Securities and Exchange Commission"). Round 111,
    lead: or a body named by two adjectives or two pursuits (see _adjective_or_pursuit), the word before "and" and `following`
    ("Women's Social and Political Union", "South Fork Fishing and Hunting Club", "Literary and Philosophical Society"). Not two
    names: "Ford and General Motors", whose "Ford" is no common noun; "Britain and Space Museum" (a place)."""
    if len(words) == 1 and ending in lexicon.ROUTE_WORDS:
        return True
    if ending in lexicon.ORGANISATION_WORDS and len(words) <= 3 and _adjective_or_pursuit(words[-1]) and _adjective_or_pursuit(following):
        return True
    return (
        ending in lexicon.ORGANISATION_WORDS
        and len(words) <= 2
        and words[-1].lower() in book.common_words
        and not lexicon.ORGANISATION_WORDS.intersection(words)
        and " ".join(words) not in lexicon.PLACES
    )


def _adjective_or_pursuit(word: str) -> bool:
    """Whether a capitalised word describes by its ending (see _DESCRIBING_ENDINGS) or is a pursuit in "-ing", one half of
    a body's name joined by "and" (see _one_name_across_and): "Social", "Political", "Fishing", "Literary",
    "Philosophical" (round 111, lead)."""
    return word[:1].isupper() and word[1:].islower() and word.endswith(_DESCRIBING_ENDINGS)


def _last_name_word_from(text: str, tokens: list[re.Match[str]], index: int) -> str:
    """The last of the capitalised words that follow one another, a single space apart, from the token at `index`:
    "Canal" of "Mersey Canal", "Railway" of "North Eastern Railway"."""
    while index + 1 < len(tokens) and text[tokens[index].end() : tokens[index + 1].start()] == " " and _is_name_word(tokens[index + 1].group()):
        index += 1
    return tokens[index].group()


def _goes_on_inside_a_title(word: str, following: str, book: NameBook) -> bool:
    """Whether a lower-case `word` of a title after a work noun belongs to it: "North by Northwest", "Night over Lisbon";
    not "Ivanhoe by Walter Scott", where "by" names the author (a first name or a person the document knows)."""
    return word in _INSIDE_A_TITLE and not (word == "by" and (following in lexicon.FIRST_NAMES or _a_known_person(following, book)))


def _a_rulers_numeral(word: str, words: list[str], after: str) -> bool:
    """Whether `word` after the name words read so far is a ruler's numeral, also "I", which elsewhere is the first
    person: after a first name the lexicon knows ("Elizabeth I") or a ruler's title and a name ("King Olaf I"), or
    before what no writer's "I" is followed by (`after`, the text after it): a comma, a possessive or "of" and a name
    ("Yusuf I, who reigned …", "Muhammad I's palace", "Pedro I of Castile"); not "In Paris I met …", "When Olaf I …"
    with no title, where the "I" may be the writer."""
    return bool(_RULERS_NUMERAL.fullmatch(word)) and (
        words[-1] in lexicon.FIRST_NAMES or (len(words) > 1 and words[-2] in lexicon.RULERS_TITLES) or _AFTER_A_RULERS_NUMERAL.match(after) is not None
    )


def _is_name_number(text: str, token: re.Match[str], last: str) -> bool:
    """Whether a number belongs to the name before it: "Apollo 14", "Navstar 1", "Flight 007", "Building
    4C", "Dredge No. 4", "as No. 60103" (not after another abbreviation or an initial)."""
    number = (_NUMBER_AFTER_NO if last == "No." else _NAME_NUMBER).match(text, token.start())
    return number is not None and number.end() == token.end() and _is_name_word(last) and (not last.endswith(".") or last == "No.")


def _named_by_its_possessive(word: str, book: NameBook) -> bool:
    """Whether a one-word name is called by its possessive, which belongs to it: the document never writes
    the word without "'s" and knows no person by it ("By then Ellis had left Queen's.", "wrote for Harper's
    magazine"; not "Ellen's letters", a first name, "FIFA's coach of the year", an acronym, nor "Franklin's"
    where Rosalind Franklin is named)."""
    return word in book.possessive_only and word not in lexicon.FIRST_NAMES and not word.isupper() and not _a_known_person(word, book)


def owner_of_a_name(name: str) -> str | None:
    """The one owner whose possessive opens the name ("Lord" of "Lord's Cricket Ground"), else None."""
    owner = _OWNER_OF_A_NAME.match(name)
    return owner.group("owner") if owner else None


def _place_called_by_its_owner(run: _Run, book: NameBook) -> str | None:
    """The place a run of one possessive stands for, when the document names a place after that owner ("Lord's" of
    "Lord's Cricket Ground"); else None."""
    if len(run.tokens) != 1 or not _POSSESSIVE.search(run.tokens[0]):
        return None
    return book.possessive_places.get(_POSSESSIVE.sub("", run.tokens[0]))


def _a_common_word_title_after_the(run: _Run, book: NameBook) -> bool:
    """Whether the run opens with a title that is also a common word (see lexicon.COMMON_WORD_TITLES) after "the", before
    no first name and no person the document knows: "the General Strike", "the General Assembly" name events and bodies,
    while "General Tom Vane" and "the General Gordon" the document calls a person stay people."""
    rest = " ".join(run.tokens[1:])
    return (
        run.before[-1:] == ["the"] and run.tokens[0] in lexicon.COMMON_WORD_TITLES
        and run.tokens[1] not in lexicon.FIRST_NAMES and not _a_known_person(rest, book)
    )


def _a_ships_short_name(name: str, book: NameBook) -> bool:
    """Whether the name is what the document calls a ship it names in full with its prefix: "Resolution" for "HMS
    Resolution", which is then its name, never a person's surname."""
    full = book.full_names.get(name)
    return full is not None and full.split()[0] in lexicon.VESSEL_PREFIXES


def _a_known_person(name: str, book: NameBook) -> bool:
    return name in book.full_names or book.kinds.get(name) is MentionKind.PERSON


def _possessive_inside_name(text: str, tokens: list[re.Match[str]], index: int, words: list[str], book: NameBook) -> int | None:
    """Where a name goes on after a possessive inside it ("King's College London", "Sutter's Mill",
    "St Paul's Girls' School", "Martha's Vineyard"): the index of its next word, or None when the
    name ends here. It goes on when the words after the possessive name a place or an organisation,
    or a thing called after a person ("Halley's Comet"), or a prize no person the document knows owns
    ("the People's Honour Award"), or when the one word after it is no person's and the name words read so far
    (`words`) are no person the document knows nor a first name and a surname before a title ("Anna Berg's Notes on
    …" is Anna Berg's)."""
    previous = tokens[index - 1]
    if index < len(tokens) and tokens[index].group() in ("'", "’") and tokens[index].start() == previous.end():
        if not previous.group().endswith("s"):
            return None
        index += 1  # "Girls' School"
    elif not _POSSESSIVE.search(previous.group()):
        return None
    if index >= len(tokens) or text[tokens[index - 1].end() : tokens[index].start()] != " ":
        return None
    owner = _POSSESSIVE.sub("", previous.group())
    for position, token in enumerate(tokens[index : index + 6], start=index):
        word = _POSSESSIVE.sub("", token.group())
        if word in ("'", "’"):
            continue
        if not _is_name_word(word):
            break
        if word in lexicon.ORGANISATION_WORDS or word in lexicon.PLACE_WORDS or word in lexicon.EPONYM_WORDS:
            return index
        # Round 89, part B: a word that opens most places' names ("Fort Sumter") ends one after its owner, as its last
        # word: "Marsh's Fort", "Hale's Ferry"
        last = position + 1 == len(tokens) or not _is_name_word(tokens[position + 1].group())
        if word in lexicon.PLACE_WORDS_AFTER_AN_OWNER and last:
            return index
        if word in lexicon.PRIZE_WORDS and not _a_known_person(owner, book):
            return index
    following = tokens[index].group()
    alone = index + 1 >= len(tokens) or not _is_name_word(tokens[index + 1].group())
    # "Anna Berg's Notes on …": a first name and a surname own a title that goes on with "of" or "on" (not "Anna Berg's
    # House", which may be the house's name)
    titled = index + 1 < len(tokens) and tokens[index + 1].group() in ("of", "on")
    a_persons_name = _a_known_person(owner, book) or (titled and len(words) >= 2 and _opens_with_a_first_name(words))
    # (nor a word for the first people of a land, "Oregon's Native peoples": see lexicon.FIRST_PEOPLES_WORDS)
    if alone and _is_name_word(following) and following not in lexicon.FIRST_NAMES | lexicon.NOT_NAMES | lexicon.FIRST_PEOPLES_WORDS and not a_persons_name:
        return index
    return None


def _is_name_word(word: str) -> bool:
    if re.match(r"[dl]['’]\w", word) and word[2:3].isupper():  # "de l'État", "d'Orsay"
        return True
    return bool(word[:1].isupper() and word[:1].isalpha() and word.removesuffix("s") not in lexicon.WEEKDAYS
                and word.rstrip(".") not in lexicon.MONTH_NAMES and word not in lexicon.ERA_MARKERS
                and word.rpartition("-")[2] not in lexicon.HYPHENATED_ADJECTIVE_ENDS)  # not "American-run"


def _names_a_day(words: list[str], candidate: str) -> bool:
    """Whether a weekday ends a name with the one word before it, a day remembered by its name: "Black Sunday", "Super
    Tuesday" (not "On Sunday", "Last Monday", "Paris Monday": a word that opens sentences or a place tells when, and
    not "TV Sunday", a word in capitals)."""
    return (
        candidate in lexicon.WEEKDAYS and len(words) == 1 and words[0] not in lexicon.SENTENCE_STARTERS
        and words[0] not in lexicon.PLACES and _is_name_word(words[0]) and not words[0].isupper()
    )


def _a_surname_spelt_as_a_month(words: list[str], candidate: str, following: re.Match[str] | None) -> bool:
    """Whether a month's name is the surname after a first name the lexicon knows, read so far alone: "the singer Carol
    May" (not "in June 1990", "Anna May 4": a day or a year after it makes it a date)."""
    return candidate in lexicon.MONTH_NAMES and len(words) == 1 and words[0] in lexicon.FIRST_NAMES and not (following is not None and following.group().isdigit())


def _a_maker_by_its_verb(word: str, text: str, end: int, book: NameBook) -> bool:
    """Whether a capitalised word alone that opens a sentence is a maker's or a founder's name by the verb right after
    it, which only a person or a company does: "Harker patented the first …" (Round 101, part C). Not a word the document
    writes in lower case too, nor one ending in "s", mostly a plural ("Engineers founded …")."""
    verb = _WORD_AFTER.match(text, end)
    return bool(verb) and verb.group(1) in lexicon.MAKER_VERBS and word.lower() not in book.common_words and not word.endswith("s")


# "was published", "was first published", "is serialised": a work coming out (lexicon.WORK_RELEASE_VERBS)
_WORK_RELEASE_AFTER = re.compile(r" (?:was|is) (?:first )?([a-z]+)")


def _a_work_by_its_verb(word: str, text: str, end: int, book: NameBook) -> bool:
    """Whether a capitalised word alone that opens a sentence is a work's title by the passive verb of its coming out
    right after it: "Driftwood was published in 1961." (Round 104, part C). Not a word the document writes in lower
    case too, nor a word for an amount ("Little was published …")."""
    verb = _WORK_RELEASE_AFTER.match(text, end)
    return (
        bool(verb)
        and verb.group(1) in lexicon.WORK_RELEASE_VERBS
        and word.lower() not in book.common_words
        and word not in lexicon.INDEFINITE_AMOUNTS
    )


def _trusted_alone(word: str, book: NameBook) -> bool:
    """Whether a capitalised word that opens a sentence is a name: the document capitalises it
    inside sentences too, or it is a known place, a first name or an acronym (a name called by its possessive,
    "Queen's", "Lord's", is trusted as its owner's word is)."""
    word = _POSSESSIVE.sub("", word)
    return (
        word in book.inner_words
        or word in lexicon.PLACES
        or word in lexicon.FIRST_NAMES
        or (word.isupper() and len(word) > 1)
    )


def is_a_rank_at(text: str, start: int) -> bool:
    """Whether a place a contest or poll gives someone starts at `start`: "Tom Vane came |second, behind …" (see _RANK;
    not the passive "was finished |first")."""
    return _RANK.match(text, start) is not None and not _PASSIVE_BEFORE_A_RANK.search(text, 0, start)


def names_a_people(name: str) -> bool:
    """Whether a name is a word for a people or a faith, or words that are all such ("East German", "an English
    Quaker"), or the plural of one ("the Soviets", "600 East Germans", "New Yorkers"): never a person, and never worth a
    deletion."""
    words = name.split()
    return (
        name in lexicon.DEMONYMS or name.removesuffix("s") in lexicon.DEMONYMS or len(words) > 1 and all(word in lexicon.DEMONYMS for word in words)
        or _people_of_a_place(name)
    )


# the people of a place, in the plural: "New Yorkers", "Londoners", "Bostonians", "Chicagoans"
_PEOPLE_OF_A_PLACE = re.compile(r"(?P<place>.+?)e?(?:ers|ians|ans)")


def _people_of_a_place(name: str) -> bool:
    """Whether a name is the plural word for the people of a place the lexicon knows ("New Yorkers", not "The New
    Yorker", a magazine): a people, which no "its" stands for."""
    people = _PEOPLE_OF_A_PLACE.fullmatch(name)
    return people is not None and any(place in lexicon.PLACES for place in (people["place"], people["place"] + "e", people["place"] + "a"))


_SETTLEMENT_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(lexicon.SETTLEMENT_NOUNS))}) of $")


def _initials_before_a_surname(tokens: list[str]) -> bool:
    """Whether the name is one to three initials and a surname of one or two plain words: "J. R. Pell", "T. S. Orme
    Vane" (not "U.S. Navy", "A. M. Pell Award", "E. V. Orme Building")."""
    initials = next((index for index, token in enumerate(tokens) if not re.fullmatch(r"[A-Z]\.", token)), len(tokens))
    surname = tokens[initials:]
    not_a_surname = _GENERIC_NAME_WORDS | lexicon.BUILDING_WORDS | lexicon.STRUCTURE_WORDS
    return 1 <= initials <= 3 and 1 <= len(surname) <= 2 and all(_NAME_WORD.fullmatch(word) and word not in not_a_surname for word in surname)


def _a_person_something_comes_from(run: _Run) -> bool:
    """Whether a name after "from" is a person's, a first name the lexicon knows and a surname: "a letter from Hugo
    Marsh", "lessons from Anton Reiss" (not "from Port Arlow", "from Ellis Island")."""
    name = " ".join(run.tokens)
    return run.before[-1:] == ["from"] and run.tokens[0] in lexicon.FIRST_NAMES and looks_like_a_persons_name(name)


def _kind_of(run: _Run, book: NameBook) -> MentionKind:
    name = " ".join(run.tokens)
    last = run.tokens[-1].rstrip(".")
    cue = run.before[-1] if run.before else ""
    if re.fullmatch(_DESIGNATION, name):
        return MentionKind.NAME  # "F-1", "Tu-144", "N1": a machine's designation, not an acronym
    if _names_a_craft(run):
        return MentionKind.NAME  # "HMS Hood", "the James Caird": a ship, not a person
    if cue in ("renamed", "rechristened"):
        return MentionKind.NAME  # "was sold again and renamed Maria do Amparo": a ship's new name, no woman
    if names_a_people(name):
        # "surrounded by East German territory", "600 East Germans", "an English Quaker": a people's word, no person
        return MentionKind.NAME
    if run.tokens[0] in lexicon.LATIN_TITLE_WORDS and len(run.tokens) > 1:
        return MentionKind.WORK  # "the Missa solemnis", "an Agnus Dei"
    if run.tokens[0] in _SAINTS and _POSSESSIVE.search(run.tokens[-1]):
        return MentionKind.PLACE  # "St. Mary's": a church, not the saint
    if (place := _place_called_by_its_owner(run, book)) is not None:
        return book.kinds.get(place, MentionKind.PLACE)  # "Lord's" of "Lord's Cricket Ground"
    if len(run.tokens) == 1 and name.isupper() and len(name) > 1:
        return MentionKind.PLACE if name.replace(".", "") in lexicon.PLACE_ACRONYMS else MentionKind.ORGANISATION
    if any(token.rstrip(".") in lexicon.ORGANISATION_WORDS for token in run.tokens):
        return MentionKind.ORGANISATION
    if len(run.before) == 2 and run.before[1] == "of" and run.before[0] in lexicon.SETTLEMENT_NOUNS:
        return MentionKind.PLACE  # "the village of Arlow", "the resort of Penmoor", also where the document names a Mr Arlow
    if run.tokens[0] in lexicon.UNDERTAKING_WORDS or last in lexicon.UNDERTAKING_WORDS or _NAME_NUMBER.fullmatch(last):
        # "Project Mercury", "the Emmy Noether Programme", "Apollo 11", "Friendship 7": a mission, a programme, a craft
        return MentionKind.NAME
    if len(run.tokens) > 1 and run.tokens[0].rstrip(".") in lexicon.PERSONAL_HONORIFICS:
        return MentionKind.PERSON  # "Sir Rowland Hill", "Dr. Ann Bridge": no place's name opens with these
    if _has_an_epithet(run.tokens):
        return MentionKind.PERSON  # "Pliny the Elder"
    if len(run.tokens) > 1 and last in lexicon.GENERATIONAL_SUFFIXES:
        return MentionKind.PERSON  # "Linus Hale Sr.", whatever his first name
    if cue in lexicon.PERSON_CUES and len(run.tokens) > 1 and run.tokens[0] in lexicon.FIRST_NAMES:
        return MentionKind.PERSON  # "his partner David Hall": a man, though "Hall" ends the names of places
    if name in lexicon.PLACES or (len(run.tokens) > 1 and (last in lexicon.PLACE_WORDS or run.tokens[0] in lexicon.PLACE_FIRST_WORDS | lexicon.BUILDING_FIRST_WORDS)):
        return MentionKind.PLACE
    if run.tokens[0] in ("St.", "St", "Saint") and (
        cue in lexicon.PLACE_PREPOSITIONS or cue in ("to", "the") and run.tokens[1] not in lexicon.FIRST_NAMES
    ):  # "in St. Louis", "went on to St Petersburg", "the St. Petersburg of his novels" (not "dedicated to St. Stephen")
        return MentionKind.PLACE
    if name in book.kinds:
        return book.kinds[name]
    if (full := book.full_names.get(name)) and not (cue == "the" and full.split()[0] in _TITLES) and not _a_ships_short_name(name, book):
        # not "the Thames" where only a cartoon's "Father Thames" made it a surname, nor "the Resolution" of "HMS Resolution"
        return MentionKind.PERSON
    if cue in lexicon.ORGANISATION_CUES and not looks_like_a_persons_name(name) and not run.after.endswith("ed"):
        return MentionKind.ORGANISATION  # "the Swiss firm Cerberus"; not "the firm Vane founded", whose name is its founder's
    if cue in lexicon.WORK_CUES and not (cue in lexicon.PERSON_CUES and looks_like_a_persons_name(name)):
        return MentionKind.WORK  # not "the test pilot André Turcat"
    if cue == "published" and run.tokens[0] in ("The", "A", "An"):
        return MentionKind.WORK  # "she published The Quiet Shore": a title, which an article opens
    if cue == "by" and len(run.tokens) > 1 and run.before[-2:-1] != ["the"]:  # "led by Gaspar de Portolá"
        return MentionKind.PERSON
    if cue == "," and (
        run.before[0] in lexicon.ROLE_NOUNS
        or run.before[0] in lexicon.KIN_NOUNS | lexicon.MALE_NOUNS | lexicon.FEMALE_NOUNS and looks_like_a_persons_name(" ".join(run.tokens))
    ):
        # "the flight director, Gene Kranz", "his guidance officer, Steve Bales", "a farmer's daughter, Ásta Rúnsdóttir",
        # "Tom Vane's widow, Ilse van Dorn-Kell"
        return MentionKind.PERSON
    if cue in lexicon.PERSON_CUES or cue.capitalize() in _TITLES or (
        len(run.tokens) > 1 and run.tokens[0].rstrip(".") in _TITLES and not _a_common_word_title_after_the(run, book)
    ):
        return MentionKind.PERSON
    if run.after == ", who" and len(run.tokens) > 1 and (looks_like_a_persons_name(name) or _RULERS_NUMERAL.fullmatch(last)):
        # "came from Henry Brand, who showed …", "Yusuf I, who reigned …": a place is "where" or "which", not "who"
        return MentionKind.PERSON
    if cue != "the" and _initials_before_a_surname(run.tokens):
        return MentionKind.PERSON  # "J. R. Pell", "from T. S. Orme" (not the submarine "the H. L. Hunley")
    if cue in lexicon.COMPASS_ADJECTIVES or cue in lexicon.PLACE_PREPOSITIONS and not run.possessive and not _a_person_something_comes_from(run):
        return MentionKind.PLACE
    if len(run.tokens) > 2 and last in lexicon.INSTRUMENT_WORDS:
        return MentionKind.NAME  # "the James Webb Space Telescope": an instrument named after a person, not the person
    if run.tokens[0] in lexicon.FIRST_NAMES and len(run.tokens) > 1 or run.after in lexicon.PERSON_VERBS and last not in lexicon.ROUTE_WORDS:
        return MentionKind.PERSON  # not "The North British Railway wanted …", a company
    return MentionKind.NAME
