"""The default suggestion engine: hand-written rules, offline, nothing to download, fast.

For each sentence it finds what is worth asking (entities.py), makes the sentence stand on its own
(a leading "He", "It" or "The bridge" becomes the one name of the right kind and gender that the
sentence before, or the document's topic, offers; otherwise the sentence is skipped), then makes
one card per fact: a question where a pattern of the sentence makes its grammar safe ("X directed
Y." -> "Who directed Y?"), a cloze otherwise. Cards that break a rule of good cards are refused
(docs/card-rules.md); the rest are scored, near-duplicates dropped, and the best kept.

`suggest_from_mentions` is everything after finding the facts: an engine that finds them its own
way (spacy_engine.py) hands it the sentences and their mentions, and may add questions of its own.
"""
from __future__ import annotations

import calendar
import dataclasses
import datetime
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence, Set
from dataclasses import dataclass
from typing import Callable

from heatcards.authoring import lexicon
from heatcards.authoring.entities import (
    CALLED_BY_A_GROUP,
    LONG_AGO,
    NAMED_KINDS,
    OWNED_PERSON,
    PLURAL_NOUN,
    QUOTED_TERM_A_GROUP_CALLS,
    SPECIES_WORD,
    Gender,
    Mention,
    MentionKind,
    NameBook,
    Quotation,
    announced_by_a_count,
    find_mentions,
    is_a_rank_at,
    names_a_pair_by_their_part,
    names_an_office,
    looks_like_a_persons_name,
    may_name_a_person,
    names_a_people,
    names_an_isotope,
    opening_glossary_term,
    owner_of_a_name,
    part_compound_terms,
    quotations,
    rare_word_terms,
    substance_terms,
)
from heatcards.authoring.model import (
    DEFAULT_CARDS_PER_1000_WORDS,
    DocumentText,
    Progress,
    Suggestion,
    SuggestionKind,
)
from heatcards.authoring.sentences import Sentence, ends_like_a_sentence, paragraph_openings, split_sentences
from heatcards.errors import GenerationError

MINIMUM_CARDS = 3
"""Even a short document gets up to this many suggestions, when it has that many good ones."""
MAX_ANSWER_WORDS = 6
MAX_ANSWER_CHARACTERS = 48
MIN_SENTENCE_WORDS = 5
MAX_SENTENCE_WORDS = 45
MAX_CARDS_PER_SENTENCE = 4  # three until round 103 (see docs/card-rules.md): a fourth card is kept three times in four
LONG_SENTENCE_WORDS = 30  # a sentence this long may give one card more than MAX_CARDS_PER_SENTENCE
LONG_FRONT_WORDS = 30  # a longer sentence is cut after its answer's clause when it can be (see _shortened)
SHOWN_BEFORE_WORDS = 30  # at most, for a sentence before that a card shows for one that leans on it
TITLE_PHRASE_SENTENCES = 3
MAX_SUBJECT_WORDS = 4  # of the thing a "How …" title explains
PASSED_SENTENCES = 2  # how many sentences may stand between a "They" and the sentence that names its people
EARLIER_SENTENCES = 8  # how far back "The peninsula" may find the "Reykjanes Peninsula" it stands for
PRONOUN_CHAIN_SENTENCES = 4  # how far back a "he" may find the person a chain of "he" and "his" started from
SAME_SENTENCE_FACTOR = 0.75
LEANING_FACTOR = 0.8  # for each "the bank", "the part" a card holds (lexicon.BACK_REFERRING_NOUNS)
PAIRED_FACTOR = 0.7
LATE_FACTOR = 0.2  # at most, for a name at the very end of its sentence
REPEATED_NAME_FACTOR = 0.85  # for a name an earlier sentence already mentioned
WELL_KNOWN_AFTER = 4  # sentences naming a person, after which the person is no longer asked
REPEATED_SHARE = 0.08  # of the document's statements: a thing named in as many is asked only where first named
REPEATED_AT_LEAST = 3  # sentences, for a short document
REPEATED_COUNT = 10  # sentences: a thing a long document names in as many is asked only where first named, whatever the share
PRINCIPAL_SHARE = 0.2  # of the document's statements: a person named in as many is asked in one sentence only
LONG_DOCUMENT = 100  # statements (about 2,000 words): a document this long asks once every name it names in REPEATED_AT_LEAST sentences
SAME_ANSWER_FACTOR = 0.7
NEAR_DUPLICATE_OVERLAP = 0.5  # share of words two source sentences have in common (Jaccard)
_PROGRESS_EVERY = 25  # sentences

_KIND_VALUE = {  # how much a fact of each kind is usually worth learning
    MentionKind.DATE: 1.0,
    MentionKind.TIME: 0.85,  # mostly a side detail of the event it times (round 32): below dates and amounts
    MentionKind.PERSON: 0.95,
    MentionKind.WORK: 0.95,
    MentionKind.YEAR: 0.95,
    MentionKind.MONEY: 0.95,
    MentionKind.QUANTITY: 0.9,
    MentionKind.DURATION: 0.9,
    MentionKind.ORGANISATION: 0.85,
    MentionKind.PLACE: 0.85,
    MentionKind.TERM: 0.9,
    MentionKind.COUNT: 0.8,
    MentionKind.AGE: 0.7,  # "died in Lyon in 1990, aged {{81}}": below the date and the cause of death it goes with
    MentionKind.NAME: 0.7,
}
SMALL_COUNT = 12  # at most, a count of a few things ("{{three}} lifeboats"): mostly incidental ones
_SMALL_COUNT_VALUE = 0.7  # a small count's worth
# A currency after a count, perhaps after a nation's word the money rules do not take: "about 24,000 Finnish marks" is
# a price, weighed as a count was before (as money it took a key fact's place at the cap).
_CURRENCY_AFTER = re.compile(rf"(?: [A-Z][a-z]+)? (?:{lexicon.CURRENCY_WORDS})\b")
LARGE_COUNT = 1000  # at least, a count that gives the size of something ("some {{65,000}} volumes"), as a quantity does
_LARGE_COUNT_VALUE = 0.85  # a large count's worth: near a quantity's, above the names of its sentence's asides
_RANK_VALUE = 0.95  # a place a contest or poll gave someone ("came {{second}}, behind only …"): the point of its sentence
_MULTI_WORD_NAME = 0.85  # a name of unknown kind but of several words ("Selective Availability") or introduced
# A title that is a name after "The", perhaps before a colon, a bracket or a site's name after a dash or a bar
_TITLE_WITH_THE = re.compile(r"The (?P<name>[^:|–—(]+?)(?:\s*[:(].*| [-–—|] .*| of \d{4})?")
_INTRODUCED = re.compile(r"(?:\b(?:called|named|known as|dubbed|\w+ed|built|bought|launched|released|operates|runs|owns|uses)|,)\s+(?:the\s+)?[\"“]?$")
_CAUSE_OF_DEATH = re.compile(r"\bdied of (?:an? )?$")
_BIRTHPLACE_VALUE = 0.95  # where someone was born (see _BIRTHPLACE_BEFORE): with the date, the first fact of a life
_FAMOUS_NEW_HOME_VALUE = 0.7  # a famous city or country someone moved to (see _NEW_HOME_BEFORE): a fact, but half a guess
# A name the sentence gives something, which is the fact it states: "ordered that it be called {{Boulder Dam}}",
# "known in English as {{The Bells of Arras}}", a brand "sold as {{Pyrex}}", an official name set after the usual one
# ("The Orla, officially {{R 140}}, was built …").
_GIVEN_NAME = re.compile(r"(?:\b(?:called|named|renamed|known(?: in \w+| to (?:the )?\w+)? as|sold as|marketed as|nicknamed|dubbed|christened)|, officially)\s+(?:the\s+)?[\"“]?$")
# A name given right after the description of what it names: "long wooden boxes called", "a change called"
# (not "a creek he called", "It is called", "Vardy was named"), perhaps with an adverb between: "two craft, then called",
# "T cells, also called" (not "It is now called").
_WHEN_NAMED = "|".join(sorted(lexicon.WHEN_CALLED_ADVERBS))
_DESCRIBED_NAME = re.compile(rf"\b(?!(?:and|but|it|its|they|them|he|him|she|her|this|that|which|who|was|were|is|are|be|been|being|become|becomes|became|{_WHEN_NAMED})\b)[a-z]{{3,}},? (?:(?:{_WHEN_NAMED}) )?(?:called|named|known as|termed|dubbed) (?:the )?[\"“]?$")
_GIVEN_NAME_VALUE = 1.0
_CAUSE_OF_DEATH_VALUE = 0.75  # "died of {{a heart attack}}": worth less than where or when
# A compound the document repeats, or a term only the shape of its sentence defines, found by no other rule (see
# entities._compounds_it_repeats, entities._terms_by_their_shape): below names, dates and the terms the document names
# ("called", "known as"), so such cards only fill what those leave.
_REPEATED_COMPOUND_VALUE = 0.5
# A word rare in English that no rule found as a fact (see entities.rare_word_terms): below everything else, since a
# rare word is not always the point of its sentence ("a Quaker {{shipowner}}").
_RARE_WORD_VALUE = 0.35
# A substance's name no rule found as a fact (see entities.substance_terms): below a rare word, which names a thing of
# its field more surely ("the {{jejunum}} and ileum" before "simple sugars such as {{glucose}}").
_SUBSTANCE_VALUE = 0.3
_QUESTION_BONUS = 0.05  # a question reads better than a cloze when its grammar is safe

_WORD = re.compile(r"[\w’'-]+")
# A subject that describes what a term names, whose relative clause ends on an "it" after a thing with "the" in the same
# subject: "The share of the water that passes over the weir to the water that goes under {it} is called the flow ratio"
# (the weir: the description holds what it speaks of, and the term is its fact).
_IT_INSIDE_A_NAMED_DESCRIPTION = re.compile(
    r"(?:The|A|An) [a-z][^,;:]*?\bthe [a-z]+\b[^,;:]*? (?:that|which) [a-z]+ (?:through|into|past|around|over|under|across|along|inside|behind) "
    r"(?P<it>it) (?:is|are) (?:called|known as|termed) "
)
# What follows an "It" that stands for nothing ("It is often said that …", "It was not until 1912 that …", "It
# took six years to …", "It all starts with …", "It was soon found that …"): no name replaces it.
_EXPLETIVE_IT = re.compile(
    # also set off by commas, as an aside: "a total surpassed, it is often said, only by …" (Round 94, part A)
    r" (?:(?:is|was) (?:(?:often|widely|commonly|generally|sometimes) )?(?:said|thought|believed|claimed|estimated|reported)(?: that|(?=,))"
    # a passive of finding or showing before "that": "It was soon found that the body breaks the dye down …"
    r"|(?:is|was) (?:(?:soon|later|quickly|also|now|first) )?(?:found|discovered|shown|known|realised|realized) that"
    r"|(?:is|was) not until|(?:is|was) (?:decided|agreed) (?:that|to)|(?:is|was) (?:likely|unlikely|possible|true|clear|certain) that|(?:takes|took) [^,;.]*?\bto"
    r"|all (?:starts|started|begins|began) (?:with|when))\b"
)
# What follows an "it" that stands for what the sentence before told, or for the weather, not for a name in
# it: "At Pinatubo it paid off", "it rained", "it worked". No name replaces it, and the sentence leans.
_IT_OF_AN_IDIOM = re.compile(r" (?:(?:paid|pays) off|(?:rained|rains|snowed|snows|worked|works|mattered|matters|happened|happens))\b")
# A word that links the sentence to the one before and can go: "Meanwhile, X interviewed …" -> "X interviewed …".
_CONNECTIVE = re.compile(
    r"(?:(?:But|And|Yet|So|Then)(?:,\s+|\s+(?=\w))|(?:However|Meanwhile|Still|Also|Later|Instead|Indeed|Moreover|Furthermore"
    r"|Nevertheless|Nonetheless|In addition|Of course|Eventually|(?:Soon |Shortly )?[Aa]fterwards|Finally|Soon|Alas),\s+"
    r"|(?:That|This) is why\s+"  # "That is why a receiver needs four satellites." -> "A receiver needs …"
    # a reason or a backdrop the sentence before gave, which the fact after it does not need: "For this reason makers
    # advise …" -> "Makers advise …", "Amid all this he published …"; not "Despite this ruling, …", whose noun the fact is
    # weighed against (a phrase ending in "this" goes only before a comma or a subject pronoun)
    r"|For (?:this|that) reason,?\s+|For (?:these|those) reasons,?\s+"
    r"|(?:Because of|Despite|In spite of|As a result of|Amid) (?:all )?(?:this|that)(?:,\s+|\s+(?=(?:he|she|they|it)\b)))(?=\S)"
)
_PAST_VERBS = "|".join(lexicon.PAST_TO_PLAIN)
_PAST_VERB = rf"(?:{_PAST_VERBS}|{'|'.join(lexicon.IRREGULAR_PAST)}|[a-z]+ed)\b"
# Words between a subject and its verb that say when or how often: "Hartley then founded …", "the Eagle also landed".
_SEQUENCE_ADVERBS = "also|then|later|still|never|soon"
# A verb after a pronoun that makes it the subject of its clause: "In 1938 she moved …", not "… won it again".
_VERB_AFTER_SUBJECT = rf"(?:(?:{_SEQUENCE_ADVERBS}|{lexicon.LY_ADVERB})\s+)?(?:{_PAST_VERB}|(?!(?:his|its|as|this|thus|us)\b)[a-z]+s\b)"
# A word between a subject and its verb that orders the event after the one before: "Hartley then founded …".
_SEQUENCE_WORD = re.compile(rf" (?:then|later|afterwards|subsequently)(?= {_PAST_VERB})")
# An "also", or a "too" ending a clause, that says the sentence before told of the same and can go:
# "Edward Stone also directed …", "… passed Jupiter too."; not a "too" right after its verb ("… failed
# too."), which carries what the clause says (see _LEANING_TOO).
_ALSO_OR_TOO = re.compile(r"(?<=[\w,]) also(?= [a-z])|,? too(?=[.;!]|, )")
_LEANING_TOO = re.compile(rf"\b(?:{_PAST_VERB}|is|are|was|were|did|does|has|have|had),? too(?=[.;!]|, )")
# A time that leans on the sentence before and can go: "Hale was by then in charge of …"; not one that opens an aside
# ("The moat, by then a stinking ditch, was drained …" is no "The moat a stinking ditch").
_BY_THEN = re.compile(r",? by (?:then|that time)\b,?(?= [a-z])(?! (?:an?|the)\b)")
# A clause that only sets the time of the main clause, opening the sentence or between commas: "When the BBC asked
# …, ", ", when the BBC asked the public to choose …, " (see _inside_a_time_clause).
_TIME_CLAUSE = re.compile(r"(?:^|, )(?i:when|while|after|before|once|until) [^,;]+, ")
# An opening that places the sentence at a moment of the one before: "At that point, …", "At the time, …", and, with or
# without its comma, "Around this time …", "At the same time …", "On that day …" (no comma after "At the time", whose
# words may begin a clause of time: "At the time the bridge opened, it was …"; nor before "as": "At the same time as …").
_AT_THAT_POINT = re.compile(
    r"(?:At (?:that|this|the) (?:point|time|stage|moment|juncture), "
    r"|(?:(?:At|Around|About) (?:this|the same) time|On (?:that|the same) day)(?:, | (?!as\b)(?=[A-Za-z])))(?=\S)"
)
# A comma and a subject pronoun after such an opening with no comma of its own, which shows the opening to be a clause
# of time: "At the same time the ship sank, she …".
_PRONOUN_AFTER_A_COMMA = re.compile(r", (?:he|she|it|they|we)\b")
# right after a month's name: where a date ends
_AFTER_A_MONTH = "|".join(f"(?<={month} )" for month in sorted(lexicon.MONTH_NAMES))
_OPENING = re.compile(
    # a description of the subject before it: "A colonel in the Air Force, he had earned …"
    r"(?:An?\s[a-z][^,;\"“]{2,60}?,\s+(?=(?:he|she)\s)|"
    # an inverted opening that dates the subject pronoun after its "did": "Only in 1774 did it open …" (not "Only then did
    # it …", whose time leans on the sentence before)
    r"(?:Only (?:in|on|by|after)|Not (?:until|before))\s(?:[^,;\"“]{0,30}?\s)?\d{3,4}s?\s(?:did|does)\s+(?=(?:it|they)\s+[a-z]+\b)|"
    # a "Today" that dates the subject pronoun after it by the time of writing, leaning on no sentence before: "Today it
    # holds …" -> "Today the Vega Stadium holds …"
    rf"(?:Today|Nowadays),?\s+(?=(?:he|she|it|they)\s+{_VERB_AFTER_SUBJECT})|"
    # a "Together" that only says the "they" after it acted or counts as one: "Together they had room for 310 people"
    # -> "Together the lifeboats had room …"
    r"Together,?\s+(?=they\s+[a-z]+\b)|"
    # a short opening of time or place with no comma before a pronoun and "had": "Within months he had …", "In May 1768
    # she had …" (not "In later years Ada liked to say that she had …", whose "she" is inside the sentence)
    r"(?:In|On|At|By|During|Within|After|Before|Until|From)\s(?:[\w’'-]+\s){0,2}[\w’'-]+\s+(?=(?:he|she|it|they)\s+had\b)|"
    r"(?:(?i:when|after|before|while|once|although|though)\s+)?"
    r"(?:(?:In|On|At|By|During|After|Before|From|Until|Throughout|Within|Inside|Outside|Beside|Behind|Beneath|Above|Below|Across|"
    r"(?<=, )(?:at|in|on|by|after|during))"
    # (not past a date's name and verb: "On 11 July Louis dismissed Necker, his …" has no opening but its date)
    rf"\s(?:(?!(?:(?<=\d )|{_AFTER_A_MONTH})(?:[A-Z][a-z]+ )+{_PAST_VERB})[^,\"“]|,(?=\s\d{{4}}\b)){{1,40}}?(?:,\s+(?!\d{{4}}\b)|\s+(?=(?:he|she|it|they)\s+{_VERB_AFTER_SUBJECT}))){{0,2}})"
)
# A subject that leans on what came before: "The unit was led by …", "The net effect is …"; the word
# before its noun, if any, is `modifier` ("The guidance team was led by …").
_AUXILIARIES = "is|was|are|were|has|had|have|can|could|will|would|must"
_LEANING_SUBJECT = re.compile(
    rf"The (?:(?P<modifier>[a-z]+) )?(?P<noun>(?!(?:{_AUXILIARIES})\b)[a-z]+) (?:{_AUXILIARIES}|[a-z]+ed|[a-z]+s|{_PAST_VERBS})\b"
)
# A subject that picks or counts some of what the text before named without naming it: "one swept down …", "None has
# occurred since.", "Both died in 1902." (see _leans_on_context; "The first was …" is _SELECTING's); not "each", which
# a label may say of what ("(Voyager) Each weighed about 825 kilograms").
_VERB_AFTER_A_COUNT = rf"(?:(?:{_SEQUENCE_ADVERBS}) )?(?:{_AUXILIARIES}|{_PAST_VERB}|{'|'.join(sorted(lexicon.PRESENT_VERBS))})\b"
_COUNTING_PRONOUN = re.compile(rf"(?i:one|none|another|some|many|most|both|several|others) {_VERB_AFTER_A_COUNT}")
# A reference opening a sentence (after an opening phrase, if any) that a name of the sentence before may replace:
# a pronoun, "The bridge" (see _claim), or "The two", "The pair" or "Both" before a verb, which stand for two
# people or things ("The two shared the 2019 Lasker Award."; not "The two rail tunnels …", "Both men fired."). An
# ordinal is no noun: "The first serious survey was …" is not "the First Dutch War" of the sentence before; nor is a
# count: "The two groups met …" is not "the Two Medicine River".
_LEADING_REFERENCE = re.compile(
    r"(?P<pronoun>He|She|His|Her|It|Its|They)(?P<is>['’]s)?\b(?!['’-])"
    rf"|(?P<pair>The two|The pair|Both)(?= (?-i:{_VERB_AFTER_A_COUNT}))"
    rf"|The (?!(?i:{lexicon.PLACE_ORDINALS}|{lexicon.COUNTING_WORDS}|last|next|final)\b)"
    r"(?P<noun>(?-i:(?:young )?[a-z]+))\b(?=(?-i:(?: [a-z]+)? [a-z]+)\b)",  # "The bridge opened …", "The young man gave …"
    re.IGNORECASE,  # lower case after an opening: "When it opened …"
)
# The verb right after a subject's noun, perhaps after an adverb: "The bridge opened", "The ring was", "The telescope
# first looked" (not "The space shuttle …", whose noun says what kind of shuttle).
_VERB_OF_THE_SUBJECT = re.compile(rf"(?: (?:first|once|only|now|just))? (?:{_AUXILIARIES}|{_VERB_AFTER_SUBJECT})\b")
# The noun a person's possessive owns: "Nasser|'s answer"
_OWNED_NOUN = re.compile(r"['’]s (?P<noun>[a-z]+)")
# A phrase that opens a sentence by saying where, when or in what, up to its comma, quotes and brackets
# included (unlike _OPENING, which stops at a quotation mark): "In Jules Verne's novel "Journey to the
# Center of the Earth" (1864), …", "Since its opening on 3 May 1990, …".
_OPENING_PHRASE = re.compile(r"(?:In|On|At|During|After|Before|Since|From|By|With|Under|For)\b[^,;]*, ")
# A description of the person the sentence opens with, set before the name: "A heavy smoker for most of his life, Ada
# Lee died …" (see _subject_ahead; before a "he" or "she", _OPENING reads it); not one that names anyone ("A friend of
# Tom Vane all his life, Karl Lind …": whose life?)
_DESCRIPTION_BEFORE_A_PERSON = re.compile(r"An?\s[a-z][^,;\"“A-Z]{2,60}?,\s+(?=[A-Z])")
# The date that opens such a phrase when the words after it, up to the comma, are the sentence's subject: "{In June 1802}
# a group of Leeds printers, among them Tom Harle, signed …" (see _dangling_pronoun_at).
_DATE_BEFORE_A_SUBJECT = re.compile(r"(?:In|On|By|During) [^,;]*?\d{3,4}s? (?=(?:a|an|the) [^,;]*, )")
# A subject followed by its name between commas: "The first crewed Apollo flight, {Apollo 7}, …".
_APPOSED_NAME = re.compile(r"The [^,;:\"“]{1,60}?, (?:the )?")
# A subject given a name: "The mineral was named tranquillityite, after …".
_GIVES_A_NAME = re.compile(r"The (?:[a-z]+ )?(?P<noun>[a-z]+) (?:is|was|are|were) (?:later )?(?:named|nicknamed|renamed|called|dubbed|christened)\b")
# Subjects that only say which one of something named before: "The largest is …", "The rest was …".
_SELECTING = re.compile(r"[a-z]+est|first|second|third|last|next|rest|other|others|remainder|same")
# A subject that picks some of what the text before told of without saying which, even when the sentence then gives it a
# name: a superlative with an aside that does not name it ("The longest, about 1.3 kilometres along the river, is known
# as …"; not "The largest, the Cucaracha slide, had …"), a count of people ("The three men shared the Nobel Prize …"; not
# "The three men chosen for the first flight had …"), or a noun that points back after a word that only ranks or orders
# it ("The key idea is called intercalation.", "The main problem was …").
_PICKED_SUBJECT = re.compile(
    r"The [a-z]+est, (?!(?:the|an?|called|named|known)\b|[A-Z])"
    rf"|The (?P<counted>(?:{lexicon.COUNTING_WORDS}) (?:{'|'.join(sorted(lexicon.GENERIC_PEOPLE))})) (?={_VERB_AFTER_A_COUNT})"
    rf"|The (?:{_SELECTING.pattern}|{'|'.join(sorted(lexicon.UNSPECIFIC_MODIFIERS))}) (?:{'|'.join(sorted(lexicon.BACK_REFERRING_NOUNS))})"
    rf" (?={_VERB_AFTER_A_COUNT})"
)
_FINAL = re.compile(r"\s*[.!]?[\"'”’)]*\s*$")
# Speech that ends the sentence ('… in a speech: "I took the harbour."'): a question made of the sentence would end
# inside the quotation (see _question).
_ENDS_WITH_SPEECH = re.compile(r"[.!?,][\"”’]\s*$")
# (of four letters at least, and not a singular: "the loss of land … their numbers", "the census"; a capitalised word
# stays, a name a "they" may gather with another: "Karl Lind and the Empress Ada … they")
_PLURAL_BEFORE = re.compile(rf"\b(?i:the|these|those|both|all) (?:[A-Za-z]+ )?(?:(?=[a-z]{{4}}){PLURAL_NOUN.pattern}|[A-Z][A-Za-z]{{2,}}s)\b(?!['’])")
# What follows a leading "It" that only a building, a bridge, a park … can be: "It was declared a World Heritage
# Site in 1987", "It was designated a National Historic Landmark" (not a ceremony or a death the sentence before told of).
_LISTED_AS_HERITAGE = re.compile(r" (?:was|is|has been) (?:declared|designated|listed|inscribed)(?: as)? an? (?:[A-Z][\w'’-]* )+(?:Landmark|Site|Monument)\b")
# How long an "It" lasted: after a sentence about what a person did, the stay or the work is meant, not a place named
_HOW_LONG_IT_LASTED = re.compile(r" (?:only |barely |just |scarcely )?lasted\b")
# An "It is the …" after a sentence that denied what something is or asked it: "Rain is not the main danger. It is the
# flood …", "What drives the current? It is the wind …": the "it" is the danger (or what was asked), not the subject.
_SAYS_WHAT_IT_IS = re.compile(r" (?:is|was) (?:the|an?)\b")
# (not a denial that says what it is after "but": "The wall is not one wall but many. It is a chain …" is the wall)
_DENIES_OR_ASKS_WHAT_IT_IS = re.compile(r"\b(?:is|are|was|were)(?:n['’]t| not| never)\b(?![^.;]*\bbut\b)|\?\s*$")
# What may stand between a word that sets a person aside and the person's name: "the director ", "Tom Vane and ".
_UP_TO_A_NAME = r"\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}(?:[A-Z][\w.’'-]*\s+)*(?:and\s+)?$"
# A person who stands aside from the main clause of the sentence before: after "of", "by" or "under", in a relative
# clause, after an infinitive or in a likeness ("the style of Haydn and ", ", who sent photographers such as ", "to meet
# President ", "on the same day as "); not after "where", whose clause sets a scene of its own ("She was born in Bath, where Ann Marks …")
_ASIDE_FROM_THE_MAIN_CLAUSE = re.compile(
    r"(?:\b(?:of|by|under)|, (?:who|whom|whose|which)\b[^,;:()]*|\bto (?!(?:the|an?|his|her)\b)[a-z]+|\bthe same (?:[a-z]+ ){0,2}as)"
    + _UP_TO_A_NAME
)
# Where a later main clause of the sentence starts: ", and ", ", but ", "; " (see _topic_goes_on_in_the_main_clause).
_LATER_MAIN_CLAUSE = re.compile(r",\s+(?:and|but|yet)\s+|;\s+")
# A short aside of small words between a subject and its verb: "Ada Lind|, then twenty-five,| became …", "Tom Vane|, aged
# 60,| died …" (not a list or a clause of its own: "Ada Lind, and then Tom Vane, …", "Ada Lind, Tom Vane and …").
_SHORT_ASIDE_BEFORE_THE_VERB = re.compile(r", (?!(?:and|or|but|yet)\b)(?:[a-z][\w-]*|\d+)(?: (?:[a-z][\w-]*|\d+)){0,3},")
# A name in a restrictive relative clause on a subject that is a common noun: "A photograph that Tom Vane took in 1857
# shows …" (the name, the subject of "took", stands aside from the main clause).
_IN_THE_SUBJECTS_RELATIVE_CLAUSE = re.compile(r"(?:An?|The) (?:[a-z-]+ ){1,3}(?:that|which|whom) (?:the )?(?:[a-z-]+ )?")
_JOINED_TO_THE_SUBJECT = re.compile(r",? (?:and|or|&) |, (?=[A-Z])")  # "Haydn and Mozart …", "Utah Construction, Morrison-Knudsen …"
# "under the director ", "by Tom Vane and "; not "with" or "for", whose person may go on
_AFTER_BY_OR_UNDER = re.compile(r"\b(?:by|under)" + _UP_TO_A_NAME)
# A place something moved from, across or through: "a wall of dust swept south from the Dakotas and across the
# Panhandle" names a route, which the "It" after it is not
_ALONG_A_ROUTE = re.compile(r"\b(?:from|across|through|over|into|towards?)\s+(?:the\s+)?$")
# What joins a name to the one before it in a list: "Tom Vane, Karl Lind and Ada Brand"
_LIST_JOINER = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
# Nothing but a time before the subject: "In 1764 ", "On 2 May 1790, " (or nothing at all)
_TIME_BEFORE_THE_SUBJECT = re.compile(r"(?:(?:In|On|By|During) [^,;]{1,30}?,? )?")
# A partner joined to the subject, perhaps called by a noun: "Ada Brand and the painter Tom Vane founded …"
_PARTNER_JOINER = re.compile(r" and (?:the [a-z]+ )?")
# The maker of the subject, named after a noun for what was made as "by" names the agent of a passive: "The first tower
# was the work of Tom Vane, …", or the one whose the subject is: "The strangest death was that of Tom Vane, …" (see
# _named_aside_from_a_thing)
_MAKER_OF_THE_SUBJECT = re.compile(r"\b(?:is|was) (?:the (?:work|design|creation|invention|brainchild)|that) of" + _UP_TO_A_NAME)
# A person named in passing after a comma and "with": "Out of it came a library and, with Dr. Tom Moss, a hospital."
_WITH_IN_PASSING = re.compile(r",\s+with" + _UP_TO_A_NAME)
_SPEAKER = r"[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*)*"
_SPEAKER_AFTER = re.compile(rf"[,!?][\"”] {_SPEAKER} (?:later |then |once )?(?:{'|'.join(lexicon.SPEECH_VERBS)})\b")  # '"…," Ruth Ames told'
# 'Ruth Ames said: "', 'Ruth Ames, a teacher at Leeds, told a meeting in York, "', 'Ruth Ames declared that "', 'Ruth
# Ames told reporters that there had been "': the speaker named before the verb, a role set between commas beside them
# (not 'he said that "', nor 'The brokers declared that "': no one to ask).
_SPEAKER_BEFORE = re.compile(
    rf"\b{_SPEAKER}(?:, (?:a|an|the) [^,\"“]+,)? (?:later |then |once )?(?:{'|'.join(lexicon.SPEECH_VERBS)})"
    rf"(?: [\w’'-]+){{0,4}}(?:[,:]| that(?: [\w’'-]+){{0,3}}) [\"“]$"
)
# A quotation a named speaker sets beside what they describe or name: 'The poet Rabin Dutta described the tomb as "',
# 'Ada Brand called the bridge "' (not 'Critics described it as "', which has no one to ask).
_SPEAKER_DESCRIBING = re.compile(rf"\b{_SPEAKER} (?:later |then |once )?(?:described|called|nicknamed)(?: [\w’'-]+){{1,5}}?(?: as)? [\"“]$")
# Just before a mention: 'nicknamed "', 'the nickname "', 'called it the "', 'called the Vega Tower the "' (a name in
# quotation marks given to an "it" or to the topic written for it).
_NICKNAME = re.compile(r"\b(?:nick(?:name|named)|call(?:s|ed)? (?:it|him|her|them|the [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*))\s+(?:the\s+)?[\"“]$")
# Who a thing is named after, just before the person: "The telescope was named after {{Edwin Vega}}" is asked though the
# thing's name gives his surname: the learner recalls the person, whose other names the card does not give.
_NAMESAKE_BEFORE = re.compile(r"\bnamed (?:after|for|in honou?r of)\s+$")
_THERE = re.compile(r"\bthere\b(?! (?:is|are|was|were|has|have|had)\b)", re.IGNORECASE)
# A preposition of place right before a name: "at Hampton Court", "in the Royal Institution"
_PLACE_PREPOSITION_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(lexicon.PLACE_PREPOSITIONS))}) (?:the )?$")
# The word before a "there" that makes it no plain adverb of place, which "at Leeds" could replace ("here and there",
# "over there", "out there"); "from there" takes the place alone ("from Leeds").
_WORD_BEFORE_THERE = re.compile(r"\b(\w+)\s+$")
_NOT_A_PLAIN_THERE = frozenset({"here", "and", "or", "over", "out", "up", "down", "back", "in", "to", "near", "then"})
# The word before a place's name, past a "the": "entered {the Kell Academy}", "reported to {Harrow Park}".
_WORD_BEFORE_A_PLACE = re.compile(r"\b(\w+) (?:the )?$", re.IGNORECASE)
# What lies between a place and one that only says where it is: "Harrow Park in Kent", "Graz, in Austria", "Kell House, a
# mansion in Leeds", "Tsukiji, in what is now Chuo Ward", "Graz, Austria".
_QUALIFYING_PLACE = re.compile(r"(?:,[^,;.]*)? (?:in|near|outside) (?:the )?|, ")
# A place someone goes to that a sentence calls by a common noun: "sent {to the island}", "taken {into the camp}" (see
# _place_there_is: a "there" after it is that place, not a name before it).
_LATER_PLACE_BY_A_NOUN = re.compile(r"\b(?:to|into|onto|reached|entered) the [a-z]+\b")
# The words before a place that make it one someone goes to or is at: "entered the Kell Academy", "joined the Vell
# Office", "a post at the Kell Works", "bought Kell House", "moved to Leeds".
_GOING_TO_A_PLACE = frozenset({"at", "to", "in", "into", "entered", "joined", "attended", "bought", "reached"})
# After "her", what makes it "asked her to …" (or "those who taught her were …", "named her among …": no noun follows
# a possessive; "gave her its medal": no determiner follows one either) rather than "her direction".
_OBJECT_HER = re.compile(rf"\s*(?:[,.;:]|(?:to|a|an|the|its|his|their|this|these|those|that|as|and|in|on|at|with|for|from|by|into|among|after|before|beside|about|over|under|through|against|around|across|up|out|off|was|were|once|twice|again|since|until|till|when|while|whilst|because|although|though|but|or|if|unless|(?:{lexicon.NUMBER_WORDS}|\d+) times)\b)")
# A verb of taking someone somewhere right before a "her", and "home" after it as where to, not a noun of hers: "the bus
# taking her home from school", "drove her home." (see _object_her; not "sold her home in 1920").
_TAKING_VERB_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(lexicon.TAKING_VERBS))}) $")
_HOME_AS_WHERE_TO = re.compile(r"\s+home\b(?=\s*(?:[,.;:]|(?:from|to|after|in|on|at|by|and|again)\b))")
# The verb of a clause right after an object "her", before its own object: "a landslip that nearly killed her buried her
# dog" (see _object_her; "her beloved dog" is hers).
_VERB_AFTER_AN_OBJECT_HER = re.compile(rf"\s+{_PAST_VERB}\s+(?:the|an?|his|her|its|their)\b")
# A relative clause that runs to the end of a statement, whose verb is not the statement's own (see _complete_statement)
_RELATIVE_CLAUSE_TO_THE_END = re.compile(r", (?:who|whom|whose|which) [^,;:()]*$")
# A subject with a description after it that runs to the end: "The half-life of argon, the time it takes to decay." (a
# claim cut before its verb, ", and its energy were measured …"), whose only verb is the description's.
_SUBJECT_DESCRIBED_TO_THE_END = re.compile(r"(?:The|An?) [^,;:]*?(?=, (?:the|an?) [^,;:()]*$)")
# A participle phrase after the statement's first comma that runs to its end, describing the subject before it: "The
# Night Owls of the Kell Air Wing, based at Rook Field" (see _complete_statement; not the verb after a name set between
# commas: "Her father, Tom Vane, worked as a clerk").
_PARTICIPLE_PHRASE_TO_THE_END = re.compile(rf"[^,]*(?P<phrase>, (?:{_PAST_VERB}) [^,;:()]*)$")
# The verbs that give a name to their object: "Locals call it the Ring", "a report called her "a ministering angel""
_NAMING_VERBS = r"(?i:call|calls|called|name|names|named|nicknamed|dubbed|renamed|hailed)"
# What gives the name after it as a name, not as someone who acts (see _a_name_given); a name given to a "him" or "her"
# ("friends began to call him Dr. Vane") is that person's, no one else, and so is a name someone takes, with its other
# form after "or" ("taking the name Mariya Ivanovna, or Mary").
_NAME_GIVEN_BEFORE = re.compile(
    rf"\b(?:born|(?:sur|nick)?name (?:was|is|had been)|{_NAMING_VERBS} (?:him|her)"
    r"|(?:take|takes|taking|taken|took|adopt|adopts|adopting|adopted|assume|assumes|assuming|assumed) the (?:[a-z]+ )?name"
    r"(?: [A-Z][\w'’-]*)*(?:,? or)?) [\"“‘]?$"
)
# A naming verb right before an object pronoun (see _object_her)
_NAMING_VERB_BEFORE = re.compile(rf"\b{_NAMING_VERBS} $")
# A naming verb anywhere (see _names_only_after_an_unread_it): "it is still called Rh"
_A_NAMING_VERB = re.compile(rf"\b{_NAMING_VERBS}\b")
_INSIDE_AN_ORGANISATION = re.compile(  # "School of Physics and …", "Nobel Prize in Physiology or …"
    rf"\b(?:{'|'.join(sorted(lexicon.ORGANISATION_WORDS | lexicon.PRIZE_WORDS))}) (?:of|in) (?:[A-Z][\w-]* )+(?:and|or|&) $"
)
# The species word after a genus, which ends the Latin name of a species: "Apis mellifera.", "Apis cerana, which …".
_SPECIES_AFTER = re.compile(rf" {SPECIES_WORD}(?=[,.;)])")
# A species word of an ending no English word of its kind has, which goes on with the sentence: "Caerostris {darwini}
# of Madagascar", "Rana {temporariae} is …" (not "a London {taxi} driver": an article before the genus is refused apart).
_LATIN_SPECIES_GOING_ON = re.compile(r" [a-z]{3,}(?:i|ae|ensis) (?:of|from|in|and|is|was|which|that|has|had|lives|lived)\b")
# A lower-case name of a species and its Latin name after a comma, after an owner's possessive: "Darwin's {bark spider,
# Caerostris darwini}" (the possessive is a word of the common name, no answer alone).
_COMMON_AND_LATIN_NAME_AFTER = re.compile(rf"(?: [a-z-]+){{1,3}}, [A-Z][a-z]+ {SPECIES_WORD}\b")
# A species' Latin name, genus and species word: "Bombyx mori" (see entities._LATIN_NAME_AFTER_ITS_CREATURE).
_LATIN_NAME = re.compile(rf"[A-Z][a-z]{{2,}} {SPECIES_WORD}")
# A lower-case word for a work and perhaps a comma right before a title (see lexicon.WORK_CUES) …
_WORK_CUE = "|".join(sorted(lexicon.WORK_CUES))
_WORK_CUE_BEFORE = re.compile(rf"\b(?:{_WORK_CUE}),? $")
# … whose title goes on past the name with a small word and a capitalised one: "a short book, {Notes} on the Visiting,
# Care, and …", "the pamphlet {Thoughts} of a Prisoner", "his book {On} the Origin of Species" (not "the novel {Ivanhoe}
# by Walter Scott" nor "… in London").
_TITLE_GOES_ON = re.compile(r" (?:(?:on|of|and|for|to)(?: the| a| an)?|the) [A-Z]")
# A capitalised word and a small word of a title right before a name (see _inside_an_unmarked_title): "Principles of ".
# Not "in" or "on", which place a name ("Grumman on Long Island"), nor "by the" ("Player of the Year by the Football
# Writers' Association").
_WORD_OF_A_TITLE_BEFORE = re.compile(r"(?<=[a-z’'] )[A-Z][a-z]+ (?:of(?: the)?|by) $")
# A word for a work and the first word of a title before a name: "his book On the ", "the play Inherit the ".
_TITLE_OPENED_BEFORE = re.compile(rf"\b(?:{_WORK_CUE}),? [A-Z][a-z]+(?: the)? $")
# A small word of a title and a capitalised word after a name: " in Man", " by Means".
_TITLE_WORD_AFTER = re.compile(r" (of|in|by|and) [A-Z]")
# The endings of words for a people, a language or a period used before a noun: "Finnish", "Kenyan", "Olympic".
_ADJECTIVE = re.compile(r"(?:an|ish|ese|ic|ist)$")
_SIDE_ADJECTIVES = frozenset({"Western", "Eastern", "Northern", "Southern", "Allied"})
# a lower-case word after a capitalised one that is no preposition, conjunction or verb of a clause: its noun
_NOUN_AFTER_AN_ADJECTIVE = re.compile(r" (?!(?:in|of|on|at|to|by|for|from|with|and|or|but|is|are|was|were|has|had|have|which|who|that)\b)[a-z]")
# Three or more items without digits that end their clause: each of one or two words, the last after
# "and" or "or" ("limestone, granite and Rosendale cement"), or each after the same article ("a show of
# strength, a triumph of management, a jobs programme").
_LIST_WORD = r"[A-Za-z][\w’'-]*"
_SHORT_ITEM = rf"(?!(?:an?|the|and|or)\b){_LIST_WORD}(?: (?!and\b|or\b){_LIST_WORD})?"
_ARTICLE_ITEM = rf"{_LIST_WORD}(?: (?!and\b|or\b){_LIST_WORD}){{0,3}}"
_LIST_OF_THINGS = re.compile(
    rf"(?:^|(?<=[a-z] ))(?:{_SHORT_ITEM}, )+{_SHORT_ITEM},? (?:and|or) {_SHORT_ITEM}(?=[.,;:!)])"
    rf"|\b(?P<article>an?|the) {_ARTICLE_ITEM}, (?:(?P=article) {_ARTICLE_ITEM}, )+(?:(?:and|or) )?(?P=article) {_ARTICLE_ITEM}(?=[.,;:!)])"
)
# The twelve month names written out, as a pattern's alternatives: "January|February|…".
_FULL_MONTH_NAMES = "|".join(calendar.month_name[1:])
# Three or more years or dates listed together: "in 1997, 1999, 2002 and 2009", "on 3 May 1990, 7 June 1991 and 9 July
# 1993", "on May 3, 1990, June 7, 1991, and July 9, 1993", "in the 1920s, 1930s and 1950s".
_TIME_ITEM = rf"(?:(?:\d{{1,2}} )?(?:{_FULL_MONTH_NAMES}) (?:\d{{1,2}}, )?)?\d{{4}}s?"
_LIST_OF_TIMES = re.compile(rf"\b{_TIME_ITEM}(?:, {_TIME_ITEM})+,? (?:and|or) {_TIME_ITEM}\b")
# A short form ("NASA", "UTC", "U.S."), and the capitalised words and small words of a name it may stand for (see `_spelled_out`).
_SHORT_FORM = re.compile(r"\b[A-Z](?:\.?[A-Z]){1,5}\b\.?")
_CAPITALISED_WORD = re.compile(r"\b(?!(?:The|A|An)\b)[A-Z][\w’'-]*")
_NAME_JOINER = re.compile(r" (?:(?:of|and|for|the|de|&) )*")
_ENDS_WITH_A_YEAR = re.compile(r"\s\d{3,4}$")  # "3 March 1990", "9 March 112"; not "14 June"
# A day of a month without its year ("14 June", "June 14", "the 4th of July") and its month.
_DAY_AND_MONTH = re.compile(r"\d{1,2}(?:st|nd|rd|th)?(?: of)? (?P<month>[A-Z][a-z]+)\.?|(?P<month_first>[A-Z][a-z]+)\.? \d{1,2}(?:st|nd|rd|th)?")
_FROM_YEAR_TO_YEAR = re.compile(r"\b(?:from|between) \d{4} (?:to|and|until) \d{4}\b")
_ERA_AFTER_A_YEAR = re.compile(r"\d (?:BC|AD|BCE|CE)$")  # "in 240 BC": the era, not a thing an "it" could be
# The noun phrase a cloze's answer is set after between commas: "(Endurance) The first camp on the floe, … , lay …"
_APPOSED_ANSWER = re.compile(r"(?:^|[,;:()] )(?P<noun>[^,;:()…]+), +… *,")
_NAME_GOES_ON = re.compile(r" (?:[A-Z]\.? )*[A-Z][\w'’-]")  # "Chris| Chataway", "John| F. Kennedy"
# "the winter of 1897 to ", "between 1965 and ": the year before a second one, which is the year after it or, after
# "between", the other end of a range whose first year is asked
_YEAR_BEFORE_THE_NEXT = re.compile(r"\b(?P<between>between )?(?P<year>\d{4}) (?:to|and|until) $")
# An article or a possessive, perhaps with an ordinal or an adjective, right before a name: "the", "its first", "their
# new" (see _qualifies_the_noun_after).
_DETERMINER_BEFORE_A_NAME = re.compile(r"\b(?:the|a|an|its|his|her|their)(?: [a-z]+)? $")
# Words between a subject and its verb, no noun the subject qualifies: "Concorde 001 first flew …", "The Crystal Palace itself"
_ADVERBS_BEFORE_A_VERB = f"{_SEQUENCE_ADVERBS}|first|once|again|only|itself|already|often|finally|eventually"
# A common noun right after a name, which the name only qualifies: "the Apollo 11 lander lifted off"
# (not a verb: "the Eagle landed", "the Eagle lands", "the Eagle was").
_NOUN_AFTER_A_NAME = re.compile(
    rf" (?!{_PAST_VERB}|(?:{_AUXILIARIES}|and|or|of|in|on|at|to|for|with|by|from|as|{_ADVERBS_BEFORE_A_VERB})\b)[a-z]*[a-rt-z]\b"
)
# A one-word name for a group of people: "the {{Republicans}}", "all {{Icelanders}}".
_GROUP_OF_PEOPLE = re.compile(r"[A-Z][a-z]+(?:ans|ists|ers|ites|crats)")
# Where someone was born, in the same clause: "was born on 7 May 1861 in {{Lisbon}}", "born in or near {{Lisbon}}", "born
# in a poor quarter of {{Lisbon}}" (a famous city is then a fact of the life, not a guess; not "born in 1900, and moved to
# …", nor "born the son of {{London}} merchants").
_BIRTHPLACE_BEFORE = re.compile(
    r"\bborn\b(?:(?!\b(?:and|but|where|which|who|when|after|before)\b)[^;:()]){0,60}? "
    r"(?:in|near|in (?:an?|the)(?: [a-z-]+){1,3} (?:of|near|outside)) $"
)
# Where someone moved to or lived, right before the place: "moved to {{Lisbon}}", "took his family to {{Lisbon}}", "left
# for {{Lisbon}}", "settled in {{Lisbon}}", "lived for a time in {{Lisbon}}": a fact of the life, as a birthplace is (not
# a journey: "flew to {{London}} for a meeting", "went to {{Paris}}").
_NEW_HOME_BEFORE = re.compile(
    r"\b(?:(?:moved|emigrated|fled)(?: with (?:his|her|their) (?:family|wife|husband|parents))? to"
    r"|took (?:his|her|their) (?:family|wife|husband) to|(?:then )?left for|settled(?: down)? in"
    r"|lived(?: for (?:a time|[a-z]+ years))? in) $"
)
# What lies between the topic opening the sentence and a place that says where the topic stands: "The Orva Tower in
# {{Lund}}", "The Orva Tower stands on the north bank of the Kell River in {{Lund}}" (no clause between: "The Orva Tower
# was sold to a bank in {{Lund}}" says where the bank is).
_WHERE_THE_TOPIC_STANDS = re.compile(
    r" (?:(?:stands|stood|lies|lay|sits|sat|rises|rose|is located|was located|is situated|was situated)\b[^,;:()]*? )?in $"
)
# A place that only says where the name or thing before it is: "the Abbey School in {{Reading}}", "a village in {{Hampshire}}".
_PLACE_OF_THE_NAME_BEFORE = re.compile(
    rf"(?:\b(?:{'|'.join(sorted(lexicon.ORGANISATION_WORDS | lexicon.PLACE_WORDS))})|,\s+an?\s+[a-z]+) (?:in|of|near) $"
)
# What sets a region after the place or organisation it locates: "Edmonton, in {{Alberta}},", "the University of
# California, {{Berkeley}},", "Mount Tambora, on the island of {{Sumbawa}},".
_REGION_OF_THE_NAME_BEFORE = re.compile(r", (?:(?:in|on) (?:the (?:island|state|province|county|region|coast) of )?)?$")
# A count of companions beside someone: "Smith and {{two}} colleagues", "his wife and {{three}} children".
_COMPANIONS_BEFORE = re.compile(rf"(?:\b[A-Z][\w’'.-]*|\b(?:{'|'.join(sorted(lexicon.KIN_NOUNS))})) and $")
# How often something happened, not a multiple: "rang the bell {{three}} times" (not "ten times the size").
_TIMES_AFTER = re.compile(r" times\b(?! (?:the|as|more|less|[a-z]+er)\b)")
# A name that only says where something else is: "east of {{Reykjavík}}", "below {{Vatnajökull}}".
# What locates a place by another after it: "the Pacific Ocean, southwest of Hawaii" (not "Hoboken, New Jersey",
# where the town is the fact).
_PLACE_BESIDE = re.compile(r", (?:north|south|east|west)(?:-?(?:east|west))? of (?:the )?")
# A head of state met or related to: "to meet President ", "talks with King ", "the wife of King ", "Queen Elizabeth II and
# President " (not one the sentence says something of after another word and "of", "to", "for" or "from": "the
# approval of Pope ", "reported to King ", "claimed the coast for King ", "a charter from King ")
_HEAD_OF_STATE_MET = re.compile(
    rf"\b(?:(?:{'|'.join(sorted(lexicon.KIN_NOUNS))}) of|with|and|meet|met|visit|visited) (?:the )?(?:{'|'.join(lexicon.HEAD_OF_STATE_TITLES)}) $"
)
_REFERENCE_POINT = re.compile(r"\b(?:(?:north|south|east|west)(?:-?(?:east|west))? of|below|above|beyond|off) (?:the )?$", re.IGNORECASE)
# An aside that describes the name before it: "…, who had been adopted …, ", "…, which still exists",
# "… (whose brother ran a bakery in …"; not ", which is why …", which states what the whole clause before leads to.
_RELATIVE_CLAUSE = re.compile(r"(?:, |\()(?:who|whom|whose|which(?! (?:is|was) why\b)) [^,;:()]*$")
# Such an aside set between commas in the middle of a sentence: "Smith, whose brother ran a bakery in Leeds, won …".
# Not a word a hyphen joins to the next, an adjective: "divided, limited-access highways".
_MAIN_VERB_AHEAD = (
    rf"(?= (?:{_PAST_VERB}|(?:is|are|was|were|has|have|had|would|could|will|can|must)\b|(?:{'|'.join(sorted(lexicon.PRESENT_VERBS))})\b)(?!-))"
)
_ASIDE = re.compile(rf", (?:who|whom|whose|which) [^,;:()\"“]*,{_MAIN_VERB_AHEAD}")
# A phrase a clause boundary opens that is set between commas before the main verb, which a cut there would leave out:
# "a drama called Highway Nine|, starring Tom Vane and Carl Berg,| followed two men …" (not a clause after a conjunction:
# "…, and the ship, crewed by twenty men, sank", which a cut before ", and" leaves whole).
_PHRASE_BEFORE_THE_MAIN_VERB = re.compile(
    rf",\s+(?!(?:and|but|yet|while|whereas|although|though|even)\b)[^,;:()\"“]*,{_MAIN_VERB_AHEAD}"
)
# A comma before a second predicate of the subject, a verb in the past and what follows up to the next comma: "visited
# the ships|, persuaded the authorities to use closed carriages|" (see _first_of_the_predicates).
_NEXT_PREDICATE = re.compile(rf", (?={_PAST_VERB})[^,;:()\"“]*")
# Where a sentence's named subject lies, set between commas right after it (see _locates_the_subject).
_LOCATING_ASIDE = re.compile(r", (?:between|in|on|near|off) [^,;:()\"“]*, (?=[a-z])")
# A subject that a second phrase between commas describes or names before its verb, perhaps after an opening of
# when or where: "The half-life of tritium, |the time it takes for half of any amount of it to decay|, is …",
# "In 1820 |a rich buyer of their carvings|, Colonel Henry Marsh, sold …" (not a list: "The sledge, the tent and
# the stove were lost", whose second comma, if any, comes before "and").
_SUBJECT_APPOSITION = re.compile(
    rf"(?:(?:{lexicon.TIME_OR_PLACE_PREPOSITIONS})\s[^,;\"“]{{1,30}}?\s)?"
    rf"(?P<subject>(?:[Tt]he|[Aa]n?)\s[^,;:()\"“]+?), (?P<apposed>[^,;:()\"“]+),{_MAIN_VERB_AHEAD}"
)
# Round 111, lead. A name's verb and the "it" it takes as its object: "{The Vega Board} had built it …" (see
# _acts_on_an_unread_it).
_VERB_OF_AN_UNREAD_IT = re.compile(r" (?:(?:had|has|have|then|later|also|first|soon) )*(?!(?:is|was|were|had|has)\b)[a-z]+ it\b")
# A sentence that ends on a verb and its object "it": "…, and the library recognised it." (see _leaves_an_object_it_unread).
_ENDS_ON_AN_OBJECT_IT = re.compile(rf"{_VERB_OF_AN_UNREAD_IT.pattern}\W*$")
# Round 111, lead. "former" and the lower-case words of a title before a name (see _former_title_of_a_person).
_FORMER_TITLE = re.compile(r"former (?:[a-z]+ ){1,3}")
# A description a subject may be named again by: it opens with an article or a possessive.
_DESCRIPTION = re.compile(r"(?:the|an?|his|her|its|their)\s")
# The titles a person's name may follow in apposition: "Colonel Henry Marsh", "Lt. Col. Henry Marsh".
_TITLES_BEFORE_A_NAME = re.compile(r"(?:[A-Z][\w.]*\s)*")
# A description set after a name between commas: "Nimitz, commander of the {{Pacific Fleet}},", "Station
# Hypo, a basement office at {{Pearl Harbor}},", "the carriers …, all veterans of the {{Pearl Harbor}} raid".
_APPOSITION_BEFORE = re.compile(r"[A-Z][\w.’']*(?P<comma>,) (?:(?:an?|the|all|both|each|one|two|three|four) [^,;:]*|[a-z]+ of [^,;:]*)$")
# The last word of a name of two words or more (not after a small word alone: "The Panama Canal"): "the Land Aid |Office|"
_LAST_WORD_OF_A_NAME = re.compile(
    rf"\b(?!(?:{'|'.join(sorted(word.capitalize() for word in lexicon.CAPITALISED_SMALL_WORDS))})\b)[A-Z][\w'’-]* (?P<last>[A-Z][\w'’-]*)\b(?! [A-Z])"
)
# Round 111, lead. A common thing and the place it stands in, named right after them by "the" and its name, which is the
# thing's: "sent her to a finishing school in Paris, the {École Normale}", "worked at a shipyard on the Clyde, the {Kell
# Yard}" (see _in_apposition; not "Tom Vane, the mayor of {Kellby}", whose name is no thing's).
_THING_IN_A_PLACE_BEFORE = re.compile(r"\b(?:an?|the) (?:[a-z-]+ ){0,2}[a-z-]+ (?:in|at|near|on) (?:the )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*, the $")
# What a name described between commas became: "the Rural Housing Office, an agency that became the {{Land Aid Office}}".
_LATER_NAME_BEFORE = re.compile(r"\b(?:became(?: known as)?|(?:was )?renamed)(?: the)? $")
# An opening that says where or when, after which a comma ends the opening, not a name: "In Washington, the …", also
# with a description of the place: "In Riverton, a mill town north of Kestrel, the notice caught the eye of {{Tom Hale}}".
_SETTING = re.compile(
    r"(?:In|At|On|From|Near|Beyond|Across|Along|(?:North|South|East|West)(?:-?(?:east|west))? of) (?:the )?[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*"
    r"(?:, an? (?:[^,;:]|(?<=\d),(?=\d))+)?"
)
# An opening of phrases that say when, where or how, up to the comma before the sentence's subject, which no description
# follows (see _in_apposition): "Two weeks later, on 3 May, the …", "On 2 June 1720, on a hill in Kent, an army …",
# "Inside, the …", "Guided by two trappers, the …"; each phrase without a verb of its own (not "In 1740 he won the Prize").
_SETTING_PHRASE = (
    rf"(?:(?i:{lexicon.TIME_OR_PLACE_PREPOSITIONS}|{'|'.join(sorted(lexicon.OPENING_PREPOSITIONS))})(?: [^,;:]+)?"
    r"|(?:[A-Za-z]+ ){1,3}(?:later|earlier)|[A-Z][a-z]+ by [^,;:]+)"
)
_SETTING_PHRASES = re.compile(rf"{_SETTING_PHRASE}(?:, {_SETTING_PHRASE})*")
# The preposition (and article) before a name that makes it the object of a phrase, not a subject after it: "{At the}
# Battle of Varn", "in the south {of} England", "{by} Tom Vane {and} Karl Lind" (not "In five minutes {the} Akagi, …").
_OBJECT_OF_A_PHRASE = re.compile(rf"\b(?i:{lexicon.TIME_OR_PLACE_PREPOSITIONS}|of|to|and)\s(?:(?:the|an?)\s)?$")
# An amount that says only "some": "after {{a few days}}", "{{several weeks}}", "{{less than a year}}" (not "less than a
# tenth", a share).
_VAGUE_AMOUNT = re.compile(
    rf"\b(?:few|several|many|couple|some|number|lots?)\b|\b(?:(?:less|more|fewer) than|under|over) an?\b(?![ -](?:{lexicon.FRACTIONS})\b)", re.IGNORECASE
)
# A number that is half of a range: "over {{a day}} or two", "shook for {{roughly 45 seconds}} to a minute".
_REST_OF_A_RANGE = re.compile(
    rf"\s(?:or|to|and)\s(?:\d|(?:{lexicon.NUMBER_WORDS})\b)|\s(?:or|to)\s(?:half\s)?an?\s(?:{lexicon.TIME_UNITS}|{lexicon.UNITS})\b", re.IGNORECASE
)
# A number that is the second half of a range or of two numbers offered: "three or {{four}} squalls", "between 10
# and {{20}} ships", "two to {{three}} weeks"; not a change "from 5,000 to {{40,000}}".
_START_OF_A_RANGE = re.compile(
    rf"(?:(?<!\bfrom )(?:\d[\d,.]*|\b(?:{lexicon.NUMBER_WORDS}))\s(?:or|to)|\bbetween\s(?:\d[\d,.]*|(?:{lexicon.NUMBER_WORDS}))\sand)\s$",
    re.IGNORECASE,
)
# Where a span of two amounts joins its halves: "about 2 mm| to |about 8 mm" (see _answer_words).
_SPAN_JOIN = re.compile(r" (?:to|and) ")
# The "and" before the last number of a time of several units: "2 hours, 41 minutes {{and}} 9 seconds" (not "three and a
# half centuries").
_AND_BEFORE_A_NUMBER = re.compile(rf" and (?=\d|(?:{lexicon.NUMBER_WORDS})\b)")
_NUMBER_KINDS = frozenset({MentionKind.DURATION, MentionKind.QUANTITY, MentionKind.COUNT, MentionKind.MONEY})
# The answers that are an amount or a moment, not a name or a term: what a sentence of them all is about is something else
_AMOUNT_OR_TIME_KINDS = _NUMBER_KINDS | {MentionKind.DATE, MentionKind.YEAR, MentionKind.TIME, MentionKind.AGE}
# The same amount in other units, in brackets after it: "1,595 feet (486 m)".
_OTHER_UNITS = re.compile(
    r" \((?:about |around |some |c\. )?\d[^()]*\)"  # "1,595 feet (486 m)"
    r"|, or (?:about |around |some )?\d[\d.,]*(?: [a-z]+){1,2}(?:,(?= )|(?=[.;]))"  # "363 feet, or about 110.6 metres, tall"
)
# A short form in brackets right after a name or a term: "the Economic Cooperation Administration (ECA)", "liquid
# crystal displays (LCDs)" (see _is_short_form).
_SHORT_FORM_AFTER = re.compile(r" \(([A-Za-z]{2,6}?)s?\)")
# A short form given in an aside after a name, which a cloze of the name leaves out with its closing comma (kept before
# a clause that goes on: "belongs to the {{Marylebone Cricket Club}}, and it is …"): "…, better known as the MCC, …".
_SHORT_FORM_ASIDE = re.compile(r", (?:better |also |commonly )?known as (?:the )?([A-Z]{2,6})(?:,(?! (?:and|but|or|while)\b)|(?=[,.;]))")
# The number of an answer, which the rest of a card gives away: in digits ("{{12 years}} … 12 times"), and for a count,
# which is nothing but its number, in words too ("took fourteen years to build, cost {{more than fourteen}} times …"; a
# unit in words says more: "in {{about three days}}, although … three months" is asked).
_DIGITS = re.compile(r"\d[\d,.]*\d|\d")
_NUMBER_OF_A_COUNT = re.compile(rf"{_DIGITS.pattern}|\b(?i:{lexicon.COUNTING_WORDS})\b")
# A count that multiplies an amount to compare it: "… four times as much as …", "… three times more than …".
_MULTIPLE_AFTER = re.compile(r" times (?:as|more|less|[a-z]+er than)\b")
# What stands before an amount given again in other units: "1,595 feet (", "363 feet, or about ".
_BEFORE_OTHER_UNITS = re.compile(r"\d[^()]*\($|\d[^,()]*, or (?:about |around |some )?$")
# "Two weeks later, …", "A year later …", "Only 46 days later, …" opening a sentence.
_LATER = re.compile(
    rf"(?:(?:Only|Just|About|Some) )?(?P<count>{'|'.join(lexicon.COUNT_OF_WORD)}|\d{{1,3}}) (?P<unit>day|week|month|year|decade)s? later,? (?=[A-Za-z])",
    re.IGNORECASE,
)
_MONTH_NAMES = "|".join(calendar.month_name[1:] + calendar.month_abbr[1:]) + "|Sept"
# What a "that", "the next" or "the same" opening counts time in: "That evening", "The next year".
_PART_OF_TIME = "year|month|week|day|decade|season|spring|summer|autumn|fall|winter|morning|afternoon|evening|night"
# What follows an opening of time when the rest of the sentence has a subject of its own: not "of" ("Within hours of
# the collapse, …") nor a verb, which makes the time itself the subject ("That year was the wettest on record.").
_BEFORE_ITS_OWN_SUBJECT = rf",?\s+(?=[A-Za-z])(?!of\b|{_VERB_AFTER_A_COUNT})"
# An opening that dates the sentence only by the one before: "The next year …", "Later that year …", "In May
# of the same year …", "On October 24 of that year …", "That evening …", and a time counted from it: "Two years
# later" when there is no date to count from (see _dated), "Moments later", "Within hours".
_RELATIVE_TIME_OPENER = re.compile(
    rf"(?P<lead>(?:Later|Earlier|Late|Early) (?:in )?|(?:In|During|By) |For (?:most|much|all|part|the rest) of )?"
    rf"(?:On (?P<day_of_the_month>(?:{_FULL_MONTH_NAMES}) \d{{1,2}}|\d{{1,2}} (?:{_FULL_MONTH_NAMES})) of (?=that |the same ))?"
    rf"(?:(?P<part>(?:early |late )?(?:{_FULL_MONTH_NAMES}"
    r"|spring|summer|autumn|fall|winter)) of )?(?:(?i:the) (?P<which>same|following|next)|(?i:that)(?: same)?) "
    rf"(?P<unit>{_PART_OF_TIME}){_BEFORE_ITS_OWN_SUBJECT}"
    r"|(?P<counted>(?i:(?:(?:only|just|about|some) )?(?:\w+ )?(?:moments|seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?) later"
    rf"|within (?:(?:{'|'.join(lexicon.COUNT_OF_WORD)}|a few|\d{{1,3}}) )?(?:moments|seconds?|minutes?|hours?|days?|weeks?)){_BEFORE_ITS_OWN_SUBJECT})"
)
# A word that makes the date after it a bound rather than the time of the event: "was not named until 1978".
_BOUND_BEFORE_A_TIME = re.compile(r"\b(?:until|till|since|by|before|after) $", re.IGNORECASE)
# A year named by the one before it: "… in 1951 and an honorary Academy Award the next year" (see _with_the_year_written).
# Not "the same year as the school" nor "the same year that she left", whose year is another thing's.
_RELATIVE_YEAR = re.compile(r"\b(?:[Ii]n )?the (?P<which>same(?= year\b(?! as\b| that\b))|next|following) year\b")
# Such a phrase for a period after or the same as one the sentence names (see _counted_from_its_own_year).
# "our" for everyone, not the writer: "galaxies beyond our own Milky Way", "the age of our planet".
_OUR_WORLD = re.compile(r"our (?:own )?(?:galaxy|Milky Way|planet|solar system|Sun|Moon|species)\b")
# A number or a time right after "perhaps", "probably" or "possibly", perhaps after a word saying how near or when
# ("probably around 1450", "probably in February 1818"), which the hedge makes an estimate of (see _nobody_elses_view).
_ESTIMATE_HEDGES = frozenset({"perhaps", "probably", "possibly"})
_ESTIMATE_AFTER = re.compile(
    rf" (?P<preposition>(?:in|on|by|around|about|some|circa|early in|late in) )?(?:\d|(?:{lexicon.NUMBER_WORDS})\b|(?-i:(?:{'|'.join(sorted(lexicon.MONTH_NAMES))})\b))",
    re.IGNORECASE,
)
# Round 112, lead. A verb of naming or calling and its object right before a "greatest" it gives as someone's view:
# "named Tom Vane the greatest", "what many still call the greatest", "was voted the nation's favourite".
_NAMED_AS_BEFORE = re.compile(r"\b(?:named|call|calls|called|voted|ranked|dubbed|hailed|considered|regarded)\b(?: (?:as )?[\w'’.-]+){0,4}? (?:as )?the (?:[\w'’]+ )?$")
# A verb of thinking or saying before a modal, whose clause it reports, or a question it opens ("over who should pay").
_REPORTED_BEFORE = re.compile(
    r"\b(?:thought|believed|feared|warned|argued|insisted|claimed|predicted|estimated|suggested|proposed|hoped|expected|"
    r"(?:over|about|as to) (?:who|whether|how))\b"
)
# A time a sentence gives of itself: a year (not a decade, "the 1920s") or a "when" clause.
_OWN_TIME = re.compile(r"\b\d{4}\b(?!s)|\bwhen\b")
_RELATIVE_PERIOD = re.compile(r"the (?:following|next|same) (?:year|month|week|day|decade|spring|summer|autumn|fall|winter)", re.IGNORECASE)
# Round 116, part B. A "that year" or "that month" its own sentence names before it (see _that_time_of_its_sentence):
# "… in 1997, and the Queen opened it on 12 June that year", "When the Blitz began in September 1940, …; on one night
# that month"; a season of that year too ("in 1931 … that autumn"), and after "of" or "in" ("in October of that year").
_THAT_TIME = re.compile(r"(?:(?:of|in|during) )?that (?P<unit>year|month|spring|summer|autumn|fall|winter)", re.IGNORECASE)
# A time named only by the one before it, after the verb of an event (see _time_of_an_event_alone): "the next day",
# "that spring", "that same year".
_POINTED_TIME = re.compile(rf"(?:the (?:following|next|previous|same)|that(?: same)?) (?:{_PART_OF_TIME})\b", re.IGNORECASE)
# A verb that needs a past participle after it to tell of an event: "was bought", "had filled in" (not "was the largest").
_AUXILIARY_OF_AN_EVENT = frozenset({"was", "were", "had", "has", "have"})
_PARTICIPLE_AFTER = re.compile(rf" (?:{lexicon.LY_ADVERB} )?({_PAST_VERB})")
# Participles after "was" that tell of a state, not an event: "was based in Lyon that year".
_STATE_PARTICIPLES = frozenset({"based", "located", "situated", "known", "called", "named", "considered", "regarded", "valued", "priced"})
# A verb after "the next year" that makes the phrase the subject, which no "in 1952" can stand for: "the next year
# was the coldest".
_VERB_OF_A_TIME_SUBJECT = re.compile(r" (?:was|were|is|saw|brought|became|proved|turned out)\b")
# A preposition other than "in" before such a phrase, which has no form before a year written out: "cooled the planet
# over the following year" (not "over 1992"), "the spring of the same year", "until the next year".
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:over|during|through|throughout|for|by|until|till|since|before|after|within|across|of|from|to|into|at|on|about|around|under|with)\s+$",
    re.IGNORECASE,
)
# A count before a colon that announces the list after it: "printed three letters side by side: ".
_ANNOUNCING_COUNT = re.compile(rf"\b(?:{lexicon.COUNTING_WORDS}|\d{{1,2}}) (?:[a-z-]+ ){{0,2}}[a-z]+s\b[^,;:]*$", re.IGNORECASE)
# What stands between two items of a list: a line break and the item's number or bullet, which an HTML list read into
# text has none of ("<li>the first reptile house, opened in 1849;</li>" is a line of its own).
_ITEM_BREAK = re.compile(r"\s*\n[ \t]*(?:(?:\d{1,3}[.)]|\(\d{1,3}\)|[-*•–—])[ \t]*)?")
# A description after a term that says what it is: "a {flux}, an ingredient that lowers …", "{lymphocytes}, a type of
# white blood cell" (not "the copyright, a bargain for him", "two cameras, a narrow-angle and a wide-angle one").
_DEFINING_APPOSITION = re.compile(r", an? (?:[a-z-]+ ){1,3}(?:that|which|who|of)\b")
# A line that only defines a term: the term, ", which" and what it is or does, with no clause of its own after
# ("Shield volcanoes, which are built from runny lava flows.", an item of a list of kinds; see _defined_term). Not an
# opening phrase: "In ruby, which is aluminium oxide, chromium ions …" goes on after the place it opens with.
_DEFINING_LINE = re.compile(
    rf"(?!(?:{lexicon.TIME_OR_PLACE_PREPOSITIONS}) )"
    r"(?P<term>[A-Z][\w’'-]*(?:(?: [A-Z][\w’'-]*){1,3}| [a-z][\w’'-]*(?: [a-z][\w’'-]*){0,2})?)"  # "Mauna Loa", "Shield volcanoes"
    r", which (?P<rest>[^;:()\"“]*[.!])"
)
# A word in "-s" between two words of such a line's "term" is a verb, and the line a clause: "Flour supplies starch,
# which …" (not "Shield volcanoes, which …", whose "-s" ends the term).
_VERB_INSIDE_A_TERM = re.compile(r" [a-z]*[^\Wsui]s (?=[a-z])")
# A subject that belongs to the document's topic, which a card must name: "The family lived at …" in a biography, "The
# site is now a park." in the history of a building (see _with_its_owner).
_OWNED_SUBJECT = re.compile(rf"The (?P<noun>family|site)(?=(?: (?:first|once|only|now|just))? (?:{_AUXILIARIES}|{_VERB_AFTER_SUBJECT})\b)")
# A family of someone the sentence names, or whose owner a pronoun leaves open: "the Gurney family", "Tom Vane's
# family", "his family", "families".
_ANOTHER_FAMILY = re.compile(r"\b(?:(?i:the) (?:[A-Z][\w’'-]* )+famil|[\w’'-]+['’]s famil|(?i:his|her|their|its) famil|families\b)")
# A demonstrative subject that the sentence names between commas: "This feature, called Selective
# Availability, added …" (the name is what the card can ask; see _named_demonstrative).
_NAMED_DEMONSTRATIVE = re.compile(r"(?P<this>This|These) (?P<noun>[a-z]+(?: [a-z]+)?), (?:called|known as|named|dubbed|nicknamed) (?:the )?")
# A subject "That is" or "This is" before a common noun and a description of it that runs to the end of the sentence: "That
# is the heart, a hollow muscle … that weighs 300 grams.", "That is a heart attack, known to doctors as …" (see
# _described_after_pointing_at_it); not "This is the reason, the engineers said, that …" (a comma after the description).
_POINTED_AT_THEN_DESCRIBED = re.compile(
    r"(?:That|This) is (?P<thing>(?:the|an?) [a-z]+(?: [a-z]+)?), (?P<description>(?:(?:the|an?) [a-z]|(?:known|called) )[^,;:()]*[.!])$"
)
# The first few words of a clause after a semicolon, up to a demonstrative among them, which points at the clause before
# it in the same sentence: "Burning coal dilutes the air; this dilution is called the Suess effect.", "… lacks the H
# antigen; such people test as type O", "… leaving hollows in the ash; by pouring plaster into these cavities, …" (see
# _unreadable_at); not a demonstrative with no clause before it in the sentence ("This dilution is called …"), which
# the sentence before must show.
_FIRST_WORDS_AFTER_A_SEMICOLON = re.compile(r"; (?:[\w’'-]+ ){0,6}$")
# A line of a list that gives a figure for what its label names, a numbered step or grade or a name: "Grade 4: 80 to 95
# points; …", "Mount Kenya: 5,199 metres." (see _label_before_its_value); not a comment before a clause ("Events
# helped: …"), nor a plain label ("Height: 324 metres."), which says nothing of whose.
_NUMBERED_LABEL = re.compile(r"[A-Z][a-z]+ \d+[A-Za-z]?")
_FIGURE_AFTER_A_LABEL = re.compile(r": (?:(?:about|around|roughly|some|over|under|up to|more than|less than) )?\d")
# An "It" that stands for the clause after someone's idea or plan, never for a name of the sentence before: "It was James
# Laing's idea that the fever spread by water.", "It was the council's plan to close the wells." (see _without_cleft).
_IT_FOR_A_CLAUSE = re.compile(r"It (?:is|was) (?:[\w’'-]+\.? ){0,4}?[\w’'-]+['’]s (?:[a-z]+ ){1,2}(?:that|to)\b")
# What stands between the "It was" of a cleft sentence and the name it singles out: "It was the Scottish surgeon Dr.
# {James Laing} who …", "It was {Laing} who …", or a preposition, "It was in {1841} that …" (see _without_cleft), perhaps
# with a noun the name is set after between commas ("It was in her third novel, {Quiet Harbour}, that …"), after an
# "also" that only says the sentence before told of the same and goes ("It was also at {Leeds} that …" -> "At Leeds,
# …"); not "It was not {Laing} who …".
_CLEFT_LEAD = re.compile(r"It (?:was|is) (?:also )?(?P<focus>(?P<preposition>(?:only )?(?:in|on|at|during|with|after|under) (?:the )?(?:[\w’'-]+ ){0,4}?(?P<apposition>[\w’'-]+, )?)|(?:(?:the|an?) (?:[\w.’'-]+ ){0,4})?(?:[A-Z][\w.’'-]* )*)$")
# What may stand between the name a cleft singles out and its "who" or "that": "alone" or a description between commas,
# which the statement keeps ("It was Ada Brand alone who …" -> "Ada Brand alone …", "It was Lord Fenwick, Governor of
# Bengal, who ordered …" -> "Lord Fenwick, Governor of Bengal, ordered …"), and an emphasis or a linking aside that only
# weigh the name against the text before and go ("It was Mayor Alan Crewe himself, however, who made …" -> "Mayor Alan
# Crewe made …"); the comma closing a name set between commas after its noun ("…, {Quiet Harbour}, that …").
_LINKING_ASIDE = "however|though|in fact|indeed|of course|after all|above all|in the end"
_CLEFT_RELATIVE = re.compile(
    rf"(?P<kept> alone|, (?!(?:{_LINKING_ASIDE}),)[^,;:\"“()]{{3,80}},)?(?: (?:him|her|it|them)sel(?:f|ves))?(?:, (?:{_LINKING_ASIDE}),)?"
    r"(?P<apposed>,)? (?P<word>who|that)\b"
)
# A subject "That" or "Those", alone or with a noun, which the sentence before names: "That award made her the
# first …", "That is roughly 20 percent of …"; not a time, "That evening he wrote …" (see _RELATIVE_TIME_OPENER).
_THAT_SUBJECT = re.compile(rf"(?:That|Those)(?! (?:{_PART_OF_TIME})\b)(?: [a-z]+){{0,2}}? (?=(?:{_AUXILIARIES}|{_PAST_VERB}|[a-z]+s\b))")
# A naming verb after a demonstrative subject ("This method is called …", "These are often called …", "This cooperation
# became known as …") or an aside naming it ("This deformation, also called creep, …", "This resonance, which makers
# call A0, …").
_NAMED_AS = r"(?:called|known as|termed)\b"
_NAMING_ADVERB = rf"(?:(?:{_WHEN_NAMED}) )?"
_NAMING_PREDICATE = rf" (?:(?:is|are|was|were) {_NAMING_ADVERB}|became ){_NAMED_AS}"
_NAMING_ASIDE = rf", {_NAMING_ADVERB}{_NAMED_AS}|, which [a-z]+ (?:call|know as)\b"
# A demonstrative and the words it is said of, before the name a naming verb or aside gives them (see
# _names_its_own_noun): "This {heating} is called dielectric heating".
_DEMONSTRATIVE_NAMING = re.compile(rf"\b(?:[Tt]his|[Tt]hese)(?P<described>(?: [a-z-]+){{0,3}}?)(?:{_NAMING_PREDICATE}|{_NAMING_ASIDE}) ")
# An opening that leans on the sentence before, which a card may show in front of it (see
# _after_the_sentence_before): a time counted from it ("In December of the same year"), a demonstrative
# subject ("This method is called …", "Such an alignment comes …", "That is roughly …", "This deformation, also called
# creep, moves …"), a subject "It" or "They", a subject that picks some of what the sentence before told of (see
# _PICKED_SUBJECT), a subject "The …" given a name ("The image became known as …") when the sentence before holds
# its noun, or a subject "The …" for a group of people or an activity that sentence tells of (see
# _opens_the_paragraph_on_it) or for what came of it ("The solution came from …", see _comes_of_it).
_LEANING_OPENING = re.compile(
    r"(?P<time>(?:(?:In|By) (?:[A-Z][a-z]+ of )?the same year|The same year),? )?"
    # a place or group the name is used in, before a demonstrative a naming verb follows: "In the U.S. these are
    # called …" (see _after_the_sentence_before)
    rf"(?P<setting>(?:In|Among) [^,;:]{{2,30}}?,? (?=(?:this|these)(?: [a-z]+){{0,2}}?{_NAMING_PREDICATE}))?"
    # an opening that only says when, where or how before a leading pronoun, kept as the card's ("In June 1963 they agreed
    # …", "Together they give …"): the pronoun leans on the sentence before as much as without it
    rf"(?P<lead>(?(setting)(?!)|(?:{_OPENING.pattern})(?=(?:they|their) [a-z])))?"
    rf"(?P<subject>(?(setting)(?:this|these)|(?:This|These|Such an?))(?: [a-z]+){{0,2}}? (?=(?:{_AUXILIARIES}|became|[a-z]+ed|[a-z]+s)\b)"
    rf"|(?:This|These)(?: [a-z]+){{1,2}}(?={_NAMING_ASIDE})"
    rf"|{_THAT_SUBJECT.pattern}"
    rf"|{_PICKED_SUBJECT.pattern}"
    r"|The (?P<noun>[a-z]+) (?=(?:became|is|was) (?:known as|called|named|nicknamed|dubbed)\b)"
    rf"|The (?P<told>[a-z]+) (?=(?:{_AUXILIARIES}|{_PAST_VERB})\b)"
    r"|(?i:it|its|they|their) (?=[a-z]))?"
)
# An opening with no subject of its own that describes the subject "it" right after it, whose nouns are therefore other
# things: a participle's phrase or a single word before a comma ("Folded in the crate, it weighed …", "Covering only 40
# acres, it is …", "Full, it holds …"; see _pronouns_stood_in).
_DESCRIBING_OPENING = re.compile(r"(?:[A-Z][a-z]+(?:ed|en|ing)\b[^,;:\"“()]{0,60}|[A-Z][a-z]+), ")
# What a pronoun inside a sentence that leans on the sentence before is read as when the sentence is checked alone
# (see _pronouns_stood_in): "In 1938 the Marlow eight won it again …" -> "… won the thing again …".
_STAND_IN = {"it": "the thing", "them": "the things", "their": "the things'"}
# A "this" inside a sentence that stands for what the sentence before told, not a word before a noun: "Van Dorn proposed
# this in 1931", "Locksmiths do this with master keying", "The point at which this starts …", "held in another in this
# way" (not "this process", "this kind"). Shown after that sentence, the card says what it is (see _after_the_sentence_before).
# A "these", "those" or "this" before a lower-case noun inside a sentence, not opening it (see _demonstratives_stood_in):
# "The last of those meetings began …", "spent studying those states".
_INNER_DEMONSTRATIVE = re.compile(r"(?<=[a-z,] )(?P<word>these|those|this) (?P<noun>[a-z]+)\b")
_THIS_FOR_THE_SENTENCE_BEFORE = re.compile(
    r"(?<=[a-z] )this(?: way)?(?=[,;:.!]| (?:only|also|again|in|on|at|with|by|for|from|to|into|as|and|but|or|because|when|until)\b"
    rf"| (?!\w+eed\b)(?:{_AUXILIARIES}|{_PAST_VERB}|{'|'.join(sorted(lexicon.PRESENT_VERBS))})\b)"
)
# A singular common noun a verb takes as its object, which an "it" after the sentence may be as well as its subject:
# "The Normandie took the record in 1935.", "The museum keeps the Ashes urn." (not "… goes to the fastest crew", nor
# "won nine games").
_SINGULAR_OBJECT = re.compile(rf"\b({_PAST_VERB}|[a-z]+s) (?:the|an?) (?:[a-z-]+ |[A-Z][\w-]* (?!(?:an?|the)\b))?(?![a-z-]+s\b)[a-z-]+\b(?!['’])")
_COPULA = re.compile(r"was|is|became|becomes|remained|remains")
# A name acting on an "it" right after it: "the Kell Company bought it", "the Society later named it" (see _antecedent).
_ACTS_ON_AN_IT = re.compile(rf" (?:{lexicon.LY_ADVERB} )?(?:{_PAST_VERB}) it\b")
# A relative clause about a name, perhaps after a few words of its own clause: "Lentes in 1702, which …".
_RELATIVE_CLAUSE_AFTER = re.compile(r"[^,;.]{0,30}, which ")
# A comment that opens a sentence before a clause of its own, which a card may ask without it: "Events helped: ",
# "The drill cores settled it: ", "The result is that " (see _after_a_comment).
_COMMENT = re.compile(r"(?:[\w’'-]+ ){0,9}[\w’'-]+(?:: | (?:is|was) that )(?=[\w\"“])")
# A leading phrase that picks a person out of the ones before and then names them: "One of them, ", "One of
# the first men to reach it, ".
_ONE_OF = re.compile(r"One (?:of|among)\b[^,;:\"“()]*, ")
# A leading possessive and a noun that only say whose the name set after them is, up to its article: "Her grandfather, ",
# "Its engineer-in-chief, ", "Its grandest space, the " (no verb in it: "Her poems sold well, …" is a clause).
_WHOSE_BEFORE_A_NAME = re.compile(
    rf"(?:His|Her|Its|Their)(?: (?!(?:{_AUXILIARIES})\b|{_PAST_VERB})[a-z][\w-]*){{1,4}}, (?P<article>the )?"
)
# The verb after a name set between commas that closes the leading phrase: "Oliver Cowan, caught …", "Samuel
# Vane, had helped …" (not "Clarence Berry, a former fruit farmer, took …").
_VERB_AFTER_A_NAMED_SUBJECT = re.compile(rf"(?:{_AUXILIARIES}|{_VERB_AFTER_SUBJECT})\b")
# A copula after such a name, whose description is said beside the owner: "His son, Tom Vane, was the last" (of whose?).
_COPULA_AHEAD = re.compile(r"(?:is|are|was|were)\b")
# A main verb after a comma, which makes the past form right after the name a participle: "Its great bell, Marta, cast in
# 1702 …, weighs …" (the bell weighs; it was cast).
_MAIN_VERB_AFTER_A_COMMA = re.compile(rf", {_VERB_AFTER_SUBJECT}")
# The pronouns that stand for the same owner as a leading possessive ("His own catalogue, the Kestrel Atlas, appeared
# six years after he died": he is whoever "His" was, which nothing settled).
_SAME_OWNER = {
    "his": lexicon.MALE_PRONOUNS,
    "her": lexicon.FEMALE_PRONOUNS,
    "its": frozenset({"it", "its", "itself"}),
    "their": frozenset({"they", "them", "their", "theirs", "themselves"}),
}
# What a "they" after the sentence may stand for instead of two people it names: a plural that says
# which ("his students", "the soldiers", "two brothers"; not "his work on crystals") or a group ("the crew").
_PLURAL_WORD = re.compile(
    rf"\b(?:(?i:the|these|those|both|all|many|several|his|her|their|its)|\d(?:[\d,]*\d)?|{lexicon.COUNTING_WORDS}) "
    rf"(?:[a-z]+ )?[a-z]{{2,}}[^s\W'’]s\b|\b(?:{'|'.join(lexicon.GROUP_NOUNS)})\b"
)
# A subject that is a group of people, as the sentence writes it, which a "they" after the sentence may stand for (see
# _group_of_people): "The crew of Apollo 15 named …", "The Apollo 15 crew named …", "Carmack's party went …".
_PEOPLE_GROUP = rf"\b(?:{'|'.join(sorted(lexicon.PEOPLE_GROUP_NOUNS))})\b"
# A word before a word for kin that says which of them: "his younger brother", "her half-sister" (see _KIN_BETWEEN,
# _RELATIVE_BEFORE).
_KIN_ADJECTIVE = r"(?:(?:elder|eldest|older|oldest|younger|youngest|little|big|only|twin|half-)\s?)?"
# A word for the second of two people a sentence opens with, which makes them a pair: "Hugo and his younger brother
# Felix", "Pierre and his wife Marie" (see _group_subject).
_KIN_BETWEEN = re.compile(
    rf" and (?:his|her) {_KIN_ADJECTIVE}(?:(?P<sibling>brother|sister)|wife|husband) "
)
# A family a sentence opens with, named by its surname: "The Vane brothers grew up …", "The Curies guessed …" (see
# _family_subject).
_FAMILY_SUBJECT = re.compile(
    rf"(?P<group>The (?P<surname>[A-Z][\w’'-]*?)(?P<plural>s| brothers| sisters)) (?={_VERB_AFTER_SUBJECT})"
)
_GROUP_SUBJECT = re.compile(
    rf"(?P<group>(?:The (?:[A-Z][\w’'-]*(?: \d+)? )?|[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*['’]s ){_PEOPLE_GROUP}"
    r"(?: of (?:the )?[A-Z][\w’'-]*(?: [A-Z\d][\w’'-]*)*)?)"
    rf" (?={_VERB_AFTER_SUBJECT})"
)
# A group of people anywhere in a sentence, which a "they" after it may be as well as a plural it counts: "The crew
# and the engineers named …".
_NAMES_A_PEOPLE_GROUP = re.compile(_PEOPLE_GROUP, re.IGNORECASE)
# Words for the two people a sentence names, or for the family one of them comes from, which are no other group a
# "They" after the sentence may be: "… and the couple moved …", "… a banker from a Quaker family" (see _people_named).
_THE_TWO_OR_WHERE_ONE_CAME_FROM = re.compile(r"\b(?:the (?:couple|pair)|from (?:a|an|another) (?:[A-Za-z]+ )?family)\b")
# A subject that says there are two of them, which a sentence between a "They" and the people it stands for may open
# with: "The couple lived …" (see _people_they_go_on_with).
_TWO_AS_THE_SUBJECT = re.compile(r"(?:The (?:couple|pair|two)|Both)\b")
# A "he", "she", "him" or "her" a claim leaves unresolved: someone a "They" after it may count (see _names_no_one_else).
_LEFT_PERSON_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|him|her)\b")
# A name whose last word is a plural, which may be people or a team: "the Hawks", "the Beatles" (not "Essex").
_PLURAL_NAME = re.compile(r"\b[A-Z][a-z]*[^su\W'’]s$")
# A capitalised word opening a sentence before its verb, which may be a name the mention finder did not take ("Tenzing
# buried a flag …"; see _unnamed_people).
_CAPITALISED_SUBJECT = re.compile(rf"([A-Z][\w’'-]+) (?={_VERB_AFTER_SUBJECT})")
_MONTH_NUMBERS = {name[:3]: number for number, name in enumerate(calendar.month_abbr) if name}
# What counts a plural or names it with "the": "the", "all", "24", "three" (see _COUNTED_NOUN).
_COUNTING_LEAD = rf"\b(?:(?i:the|these|those|all|many|several)|\d(?:[\d,]*\d)?|{lexicon.COUNTING_WORDS}) "
_COUNTED_NOUN = re.compile(
    _COUNTING_LEAD
    # a word between: "the film rights", not "The network needs at least …" (a verb)
    # a noun in "-us" or "-ss" is no plural: "the uranium nucleus", "the glass"
    + r"(?:[a-z]+ (?=[a-z]{3,}s\b(?! (?:a|an|the|at|to|that|\d)\b)))?([a-z]{2,}[^su\W]s)\b(?!['’])"
)
# People a sentence counts or names with "the" by a plural without an "s", which a "they" may mean as well as any plural
# _COUNTED_NOUN finds: "More than 100 men boarded the ships. … they destroyed …" is the men, not the ships.
# Where a plural is no "they" of the sentence after: the object of a relative clause ("the solicitor who handled the
# purchases, Tom Hale, became her husband. They married …": the two people) or of an opening participle phrase ("Harassed
# by the authorities, they fled …. In 1617 they …": the ones who fled).
_ASIDE_BEFORE_A_PLURAL = re.compile(r"\b(?:who|whom|whose|which) [^,;:()]*$|^[A-Z][a-z]+(?:ed|en) (?:by|in|at|on|for|from|with|under) [^,;:()]*$")
_COUNTED_PEOPLE_WITHOUT_S = re.compile(_COUNTING_LEAD + r"(?:[a-z]+ )?(men|women|people|children)\b(?!['’])")
# A count right before a name, perhaps with a word of size: "several {thousand} Lutetians" (see _counted_people_right_before).
_COUNTED_BEFORE_A_NAME = re.compile(_COUNTING_LEAD + r"(?:[a-z]+ )?$")
# A "them" that picks some of a group ("among them", "one of them", "nearly all of them"): after a plural the sentence
# counts or names with "the" (_COUNTED_NOUN), that group is what it stands for, and the sentence stands alone.
_PARTITIVE_THEM = re.compile(rf"\b(?:among|(?i:{lexicon.COUNTING_WORDS}|one|some|most|many|all|both|each|none|several|half|few) of) $")
# A plural that an "among them" set after a comma lists from, in the clause before the comma: "had held churches since
# 1200, among them", "Vane's pupils, among them", "his colleagues at the Leeds works, among them" (a plural after an
# article, a possessive or a verb; see _lists_from_a_plural_before).
_PLURAL_A_LIST_PICKS_FROM = re.compile(
    rf"(?:\b(?:the|these|those|his|her|its|their|other|{_PAST_VERB})|['’]s) (?:[a-z-]+ )?[a-z]{{2,}}[^s\W'’]s\b(?!['’])"
)
# A plural counted by "of" and a possessive, which a "them" after it may pick from: "only ten of her poems had appeared,
# none of them under her name" (see _counts_a_group).
_COUNTED_OF_A_POSSESSIVE = re.compile(_COUNTING_LEAD + r"of (?:the|his|her|its|their) (?:[a-z]+ )?([a-z]{3,}s)\b(?!['’])")
# A group a "they", "them" or "their" may stand for in its own sentence, beside _PLURAL_BEFORE's: a plural after a count or
# "other" ("70,000 of the town's 80,000 inhabitants lost their homes", "three merchant ships … aboard them", "The plant's
# other reactors …, and the last of them"), or a people before its verb or a stop ("the Dutch voted in their first free
# elections"; not "the Dutch painter"). Not any plural after a possessive: "The Panama Railroad's builders …, drew workers
# from …, and several thousand of them died of disease" made a card of its answer "disease", a reject.
_GROUP_NAMED_BEFORE = re.compile(
    rf"(?:\b(?i:{lexicon.COUNTING_WORDS}|many|several|other)|\b\d(?:[\d,]*\d)?) (?:[a-z]+ )?(?P<noun>[a-z]{{2,}}[^s\W'’]s)\b(?!['’])"
    rf"|\bthe (?:{'|'.join(sorted(d for d in lexicon.DEMONYMS if d.endswith(('sh', 'ch', 'ese', 'ss'))))})"
    rf"(?=[,.;]| (?:were|are|had|have|\w+ed|{_PAST_VERBS})\b)"
)
# A copula right before a plural, which makes the plural say what the subject was: "… were the sons of a printer".
_PLURAL_COPULA = re.compile(r"\b(?:were|are|became|remained) $")
# A count that says only that there were many, which names no group a "they" after it can be (see _plural_noun).
_VAGUE_COUNT = re.compile(r"(?i:many|several) ")
# A unit or currency a number counts is never a "they": "The dam is 210 metres high. They raised …".
_UNIT = re.compile(rf"(?:{lexicon.UNITS}|{lexicon.TIME_UNITS}|{lexicon.CURRENCY_WORDS})")
# People a sentence counts by a word for them: "Three physicists built …", "the two brothers" (see _says_who_the_counted_are).
_COUNTED_PEOPLE = re.compile(
    rf"\b(?P<count>(?i:{lexicon.COUNTING_WORDS})) (?:[a-z]+ )?"
    rf"(?:{'|'.join(sorted(lexicon.GENERIC_PEOPLE))}|(?:{'|'.join(sorted(lexicon.ROLE_NOUNS))})s)\b"
)
# When a well-known event began or ended, which anyone knows: "… the Second World War broke out in ".
_WELL_KNOWN_TIME = re.compile(rf"\b(?:{'|'.join(lexicon.WELL_KNOWN_EVENTS)}) (?:broke out|began|started|ended) (?:in|on) $")
# The year an estimate was made, beside the amount it gave: "estimated at 7 million dollars in {{1957}}",
# "many times the estimate of {{1962}}" (the amount is the fact; when it was guessed is not).
_YEAR_OF_AN_ESTIMATE = re.compile(r"\b(?:estimate of|estimated at [^,;]+ in) $")
# The time a comparison measures against: "… will be better placed than it was in {{1986}}".
_COMPARED_TIME = re.compile(r"\bthan (?:it|he|she|they|(?:the )?[a-z]+) (?:was|were|had been|did) (?:in|on) $")
# A subject that is a common noun, not a name, perhaps after an opening ("When the valve closes …") and with a
# relative clause before its verb: "The probe rode on …", "A second rocket was …", "The mitral valve, which has two
# cusps, takes …". In "The cable itself was …" the noun is the cable: "itself" only stresses it.
_COMMON_SUBJECT = re.compile(
    rf"(?i:the|an?) (?:[a-z-]+ )?(?P<noun>(?!itself\b)[a-z-]+)(?: itself)?(?:, (?:which|whose) [^,;:]*,)? (?={_VERB_AFTER_SUBJECT})"
)
# A common subject that belongs to what "of the" names: "The battery of the Volta Ranger held …", "The 60 kWh pack of
# the early Volta Ranger held …": an "It" after it is the battery, not the Volta Ranger (see _common_subject); not
# "The village of Vík is …", which is Vík.
_COMMON_SUBJECT_OF_A_NAME = re.compile(
    rf"(?i:the|an?) (?:\d[\d,.]* [A-Za-z]+ )?(?:[a-z-]+ )?(?P<noun>[a-z-]+) of (?:the|an?) [^,;:]*? (?={_VERB_AFTER_SUBJECT})"
)
# A common subject with an infinitive's phrase after its noun: "The first steam plough to be sold widely was …", "The
# only lamp to work was …" (see _common_subject); not "The plan to sell it was …", whose phrase holds an object.
_COMMON_SUBJECT_WITH_AN_INFINITIVE = re.compile(
    rf"(?i:the|an?) (?:[a-z-]+ ){{0,2}}(?P<noun>[a-z-]+) to (?:be )?[a-z]+(?: {lexicon.LY_ADVERB})? (?={_VERB_AFTER_SUBJECT})"
)
# A verb that gives a subject its name: "The image {became known as} Photograph 51.", "The plan {was nicknamed} …".
_NAMING_VERB = re.compile(r" (?:became|is|was|are|were) (?:later )?(?:known as|called|named|nicknamed|renamed|dubbed|christened)\b")
# The "is" or "was" right after a common subject that says which named thing it is: "The result {was} The Kellby
# Letters", "The legal basis {was the} Vega Charter" (see _thing_the_subject_is).
_COPULA_BEFORE_ITS_NAME = re.compile(r"(?:is|was) (?:the )?")
# A common subject that a participle between commas gives its name right after its noun, before the name, its closing
# comma and the main verb: "{This feature, called }Selective Availability, added …", "{The lamp, known as the }Vega
# Beacon, lit …" (see _thing_the_subject_is).
_SUBJECT_GIVEN_ITS_NAME = re.compile(r"(?i:the|this|that|an?) (?:[a-z-]+ ){0,2}[a-z-]+, (?:called|known as|named) (?:the )?")
# The prepositions an opening phrase before a sentence's subject begins with: "In 1911 a storm …", "During the war he …".
_OPENING_PREPOSITIONS = lexicon.TIME_OR_PLACE_PREPOSITIONS
# An opening phrase that no comma closes, up to the subject after it: "For its first sixteen years ", "In 1911 ".
_UNCLOSED_OPENING_PHRASE = rf"(?:{_OPENING_PREPOSITIONS})(?: [\w’'-]+){{1,6}}? "
# A common subject after an opening phrase that no comma closes: "For its first sixteen years {the statue} served …", "In
# 1911 {a storm} struck …" (see _common_subject).
_SUBJECT_AFTER_AN_OPENING = re.compile(rf"{_UNCLOSED_OPENING_PHRASE}(?={_COMMON_SUBJECT.pattern})")
# The same inside a sentence, where the opening phrase of a clause after ", and" is in lower case: "…, and in 1987 {the
# arch} was designated …" (see _another_subject_later).
_SUBJECT_AFTER_A_CLAUSES_OPENING = re.compile(_SUBJECT_AFTER_AN_OPENING.pattern, re.IGNORECASE)
# The common noun a sentence's main clause is about, after any opening phrase, with the name of what it belongs to or a
# name it is given in commas: "Between 1347 and 1351 {a plague} swept …", "In 1956 {the government of New Caledonia}
# moved …", "Instead {an icebreaking ferry, the Baikal,} was ordered …" (see
# _antecedent: an "It" after it goes on with it, not with a place the sentence names further on); not "a few" before a
# measure, which is no subject and its verb ("Rising above the forest, a few kilometres north of Kell, the Vega Tower is …").
_COMMON_SUBJECT_OF_THE_MAIN_CLAUSE = re.compile(
    rf"(?:(?:{_OPENING_PREPOSITIONS}|Between)(?: [\w’'-]+){{1,6}}? |[A-Z][a-z]+ |[^,;]{{3,60}}, )?"
    rf"(?P<subject>(?!(?i:a few)\b)(?i:the|an?) (?:[a-z-]+ ){{0,2}}(?!itself\b)[a-z-]+(?: of (?:the )?[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*)?(?:, [^,;:]*,)?) "
    rf"(?={_VERB_AFTER_SUBJECT})"
)
# The common noun a sentence opens with as its subject, or whose thing it opens with: "a major {earthquake}
# struck …", "The {city}'s outfitters sold …", "The finished {dam} is …".
_COMMON_LEAD = re.compile(rf"(?i:the|an?) (?:[a-z-]+ ){{0,2}}?(?P<noun>[a-z-]+)(?:['’]s\b| (?={_VERB_AFTER_SUBJECT}))")
# A subject that a later "her", "his", "its" or "their" in its sentence belongs to: "One worker …", "A forager …".
_COMMON_NOUN_SUBJECT = re.compile(r"(?:A|An|One|Each|Every|a|an|one|each|every) [a-z]+(?: [a-z]+)? (?=[a-z]+s\b)")
_POSSESSIVES = frozenset({"his", "her", "its", "their"})
# A noun an "it" could stand for, between a subject and the "it" (see _the_subjects_own_it): one after an article or a
# possessive, or a name.
_A_NOUN_OR_NAME = re.compile(r"\b(?:the|an?|this|that|his|her|its|their) [a-z]|\b[A-Z]")
# A subject that is a man or a woman by its noun, perhaps after a word that says which: "The boy gave …", "The young
# woman won …", "The father taught …" (a "his" or "her" of its gender after it is its own; see _name_the_topic).
_GENDERED_SUBJECT = re.compile(
    rf"(?i:the|an?) (?:[a-z]+ )?(?P<noun>{'|'.join(sorted(lexicon.MALE_NOUNS | lexicon.FEMALE_NOUNS))}) (?={_VERB_AFTER_SUBJECT})"
)
# A subject that may be the person of a biography as a child, and that person's gender (see _young_person_is_the_topic).
_YOUNG_NOUNS = {**dict.fromkeys(lexicon.YOUNG_MALE_NOUNS, Gender.MALE), **dict.fromkeys(lexicon.YOUNG_FEMALE_NOUNS, Gender.FEMALE)}
# A child of each gender a sentence tells of, with no name after the word: "… to show off his son as …", "… took the boy
# to …"; not "his son Max", "her daughter, Ada,".
_CALLED_A_CHILD = {
    gender: re.compile(rf"\b(?i:the|a|his|her|their) (?:[a-z]+ )?(?:{'|'.join(nouns)})\b(?!,? [A-Z])")
    for gender, nouns in ((Gender.MALE, lexicon.MALE_CHILD_NOUNS), (Gender.FEMALE, lexicon.FEMALE_CHILD_NOUNS))
}
# A second verb in the past after "and": "retired and moved the family" cannot be turned into "did … retire and move".
_SECOND_VERB = re.compile(rf"\band (?:\w+ed|{_PAST_VERBS})\b")
# Where a later clause begins, which a claim may be cut before when the clause leans on something the
# card would not show: ", and …", ", while …", ", which …", "; …", ", one of …", ", crossing it …", ", with …",
# and a closing phrase that points elsewhere: ", most of them soldiers", ", against an agreement between the two
# governments", ", their only inhabited island", or that opens with a hedge: ", probably in March 1852", ",
# perhaps the coldest year" (not a hedge of the amount before it, ", perhaps more"); a description of the whole clause
# with a clause of its own: ", a partnership that lasted until …"; with no comma, a second verb after
# "and" that a hedge opens, which the first clause does not share: "… was small for a royal burial and had probably
# been prepared in haste".
_HEDGE = rf"(?:{'|'.join(sorted(lexicon.HEDGE_ADVERBS))})(?! (?:more|less|fewer|many|much|twice|half|double|even|as)\b)"
_CLAUSE_BOUNDARY = re.compile(
    r",(?P<quote>[\"”’]?)\s+(?:and|but|yet|while|whereas|(?:even )?(?:although|though)|which|where|one of|(?:most|many|some|several|half) of|against|their|with|[a-z]{3,}ing"
    r"|an? (?:[a-z-]+ ){1,3}?(?:that|which|who|whose)"
    rf"|{_HEDGE})\b|;\s+|\s+[-–—]\s+|\s+and\s+(?:(?:{_AUXILIARIES})\s+)?{_HEDGE}\b"
)
# A colon before a clause of its own ("…: it absorbs a great deal of heat"), not before a list of words.
_EXPLAINING_COLON = re.compile(rf"(?P<quote>):\s+(?=(?:it|they|he|she|this|the|a|an) [a-z]+ )")
# A clause of a person whose thing the sentence opens with: "His toes were amputated, {he refused …}, {and
# he died …}" (see _the_persons_clause).
_PERSONS_CLAUSE = re.compile(rf",(?: and)? (?P<pronoun>he|she) (?={_VERB_AFTER_SUBJECT})")
# What stands between a subject and an object pronoun of its verb: "the sailors {hauled} them".
_VERB_BETWEEN = re.compile(r"(?:\s+[a-z]+){1,3}\s+")
# The one left when someone has died, after a possessive: "his widow", "her widower" (see _someone_elses_widow).
_WIDOW_AFTER = re.compile(r" widow(?:er)?\b")
# Words a statement does not end on: a preposition, an article, a conjunction.
_CANNOT_END = frozenset(
    "a an the of in on at by for to with from into onto about over under after before since until during near across along "
    "between among through and or but nor so yet that than as if because while when where which who".split()
)
_SUBORDINATORS = frozenset("when while after before as because since although though if once until unless whereas".split())
# A word that opens a clause with a subject of its own: "that", "because", "when", …
_CLAUSE_OPENER = re.compile(rf"\b(?i:that|{'|'.join(sorted(_SUBORDINATORS))})\b")
# An opener before a subject "he", "she" or "they" that _OPENING does not read: a participle phrase or a subordinate
# clause up to its comma ("Launched in 1977, they are …", "Before the press was finished, she …"), a phrase of place
# or time before the pronoun and a partner ("In 1954 she and Ansel Adams photographed …"), or words of how the subject was.
_OPENING_CLAUSE = r"(?:When|While|After|Before|Because|Since|Although|Though|Once|Until|[A-Z][a-z]+(?:ed|ing))\s[^,;:\"“()]{1,60}?,\s+"
# A subordinate clause without its comma before a subject "it", whose own subject is "the" and a plural before its verb:
# "When the railways were nationalised in 1948 it passed …", not "When light passes …" (see _opener_before_it).
_CLAUSE_BEFORE_IT = re.compile(
    rf"(?:When|After|Once|Before|Until) the [a-z]+s (?:were|are|had|have|[a-z]+ed)\b[^,;:\"“()]{{0,60}}?\s(?=it {_VERB_AFTER_SUBJECT})"
)
# A participle phrase before a subject "it", which says what the "it" itself was: "Built in white marble by a grieving
# king, it is …", "Opened in 1902, it …" (see _opener_before_it).
_PARTICIPLE_BEFORE_IT = re.compile(
    r"(?:[A-Z][a-z]+ed|Built|Made|Begun|Held|Known|Laid|Set|Sold|Won|Cut|Founded)"
    rf" (?:in|by|at|on|for|from|of|with|as|during|between|after|under|near)\s[^,;:\"“()]{{1,80}}?,\s+(?=it {_VERB_AFTER_SUBJECT})"
)
# The partner of a subject "he", "she" or "they" after an opener, with whom it takes a plural "were" or "had": a name
# ("In 1954 she and Ansel Adams photographed …"), a relative named after its noun ("On 8 June 1924 he and his young
# partner Tom Vane were last seen …") or a counted group ("In 1936 he and two former RAF officers founded …").
_PARTNER = (
    r"(?:[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*|(?:his|her|their)(?: [a-z]+){1,2}(?: [A-Z][\w’'-]*)*"
    rf"|(?:{lexicon.COUNTING_WORDS})(?: [\w-]+){{0,2}} [a-z]+s)"
)
# The prepositions that may open a sentence before its subject pronoun: of place or time, and of the company the subject
# kept ("With Tom Vane and Karl Lind he negotiated …"; see _OPENER_BEFORE_A_PRONOUN, _OPENING_PREPOSITION).
_PREPOSITIONS_BEFORE_A_PRONOUN = rf"{_OPENING_PREPOSITIONS}|With"
_OPENER_BEFORE_A_PRONOUN = re.compile(
    rf"(?:{_OPENING_CLAUSE}"
    # a phrase of place or time, or of the company the subject kept
    rf"|(?:{_PREPOSITIONS_BEFORE_A_PRONOUN})\s[^,;:\"“()]{{1,40}}?\s+"
    # phrases of time and place, each closed by its comma: "In 1854, at a fair in the Crystal Palace, he …"
    rf"|(?:(?i:{_OPENING_PREPOSITIONS})\s[^,;:\"“()]{{1,80}}?,\s+){{2,3}}"
    # a word or two that say how the subject was: "Exhausted, he …", "Ill and exhausted, he …"
    r"|[A-Z][a-z]+(?: and [a-z]+)?,\s+"
    # what the subject did it for: "To test the claim on a small scale he …", "To raise money, she …" (not "To do so he
    # …", which leans on the sentence before for what he did it for)
    r"|To (?!do (?:so|this|that|it)\b)[a-z]+\s[^,;:\"“()]{1,60}?(?:,\s+|\s+))"
    rf"(?=(?:he|she|they)(?: and {_PARTNER} (?:were|had)\b|(?: and {_PARTNER})? {_VERB_AFTER_SUBJECT}))"
)
# An opening clause and the words before the main clause's subject, which may be described: "After Karl Marek resigned,
# the 31-year-old {Vell} was appointed …" (see _topic_after_an_opening_clause).
_BEFORE_THE_MAIN_SUBJECT = re.compile(rf"{_OPENING_CLAUSE}(?:the (?:[a-z\d-]+ ){{1,2}})?")
# An opening preposition before the names it governs: "For {Gross} he designed …", "With {Vane} and {Lind} he …" (see
# _governed_by_the_opening).
_OPENING_PREPOSITION = re.compile(rf"(?:{_PREPOSITIONS_BEFORE_A_PRONOUN}) ")
# A subject pronoun before its verb that repeats the leading one a name replaced ("For six years she attended Harris
# Academy, where she studied …"): the same person or thing, so the name is written once and the pronoun stays.
_REPEATED_SUBJECT = {
    pronoun: re.compile(rf"{pronoun} (?=(?:was|is|had|has|went|became|\w+ed|{_PAST_VERBS})\b)") for pronoun in ("he", "she", "it")
}

# The prepositions that open a sentence by saying when or where: "After", "During", "Near", "Beside" ….
_WHERE_OR_WHEN_PREPOSITIONS = f"{_OPENING_PREPOSITIONS}|{'|'.join(sorted(lexicon.OPENING_PREPOSITIONS))}"
# An opening preposition and the article of the name it governs: "After the {Second World War} the observatory moved …"
# (see _in_the_opening).
_OPENING_BEFORE_A_NAME = re.compile(rf"(?:{_WHERE_OR_WHEN_PREPOSITIONS}) (?:the )?")
# The article a name may take: "the Royal Observatory".
_THE_BEFORE_A_NAME = re.compile(r"(?:[Tt]he )?")
# An opening that says where before a verb of position and the subject it puts last: "On a hill near the City of London
# stands a small house", "Beside the Vega Tower, looking east, lies a garden" (see _in_the_opening).
_INVERTED_OPENING = re.compile(
    rf"(?:{_WHERE_OR_WHEN_PREPOSITIONS})\b(?P<opening>[^;]*?),? "
    r"(?:stands|stood|lies|lay|sits|sat|rises|rose|hangs|hung|towers|towered) (?:an?|the|one|two)\b"
)
# A subject "it" after a short opening that leaves no name its place: "Every day it rises …" (see _antecedent).
_SUBJECT_IT_AFTER_AN_OPENING = re.compile(rf"(?P<opening>[A-Z][\w’'-]*(?: [\w’'-]+){{0,3}}),? it {_VERB_AFTER_SUBJECT}")
# The verb "be" after a name and its aside, which describes the person rather than tells what they did (see
# _named_as_a_relative).
_DESCRIBED_BY_BE = re.compile(r"(?:,[^,;]*,)? (?:was|is|were|are)\b")
# A common noun a name after it only qualifies: "the government of ", "the finest building of ", "two chemists at the "
# (see _modifies_a_noun).
_NAME_OF_A_NOUN = re.compile(r"\b(?:(?:the|a|an) (?:[a-z]+ )?[a-z]+ of|(?:two|three|four|five|several|many|some|\d+) [a-z]+s (?:of|at|from)) (?:the )?$")
# A clause up to its comma, and the possessive of each gender (see _the_subjects_own).
_UP_TO_A_COMMA = re.compile(r"[^,;]*")
_POSSESSIVE_OF = {Gender.FEMALE: re.compile(r"\bher\b"), Gender.MALE: re.compile(r"\bhis\b")}
# A person named with someone of their own, the possessive right after "and" theirs: "Malcolm III and his queen",
# "Ada Lind and her husband" (the name's gender, whatever the first name)
_PARTNER_OF_A_GENDER = re.compile(rf" and (?P<possessive>his|her) (?:[a-z-]+ )?(?:{'|'.join(sorted(lexicon.KIN_NOUNS | lexicon.MALE_NOUNS | lexicon.FEMALE_NOUNS))})\b")
# The subject pronoun of each gender (see _name_the_object).
_SUBJECT_PRONOUN_OF = {Gender.FEMALE: re.compile(r"\bshe\b"), Gender.MALE: re.compile(r"\bhe\b")}
# A person named as someone's relative through a possessive: "her sister {Lavinia}", "Her brother, {William}, …" (see
# _named_as_a_relative).
_RELATIVE_BEFORE = re.compile(
    rf"\b(?P<possessive>[Hh]er|[Hh]is) {_KIN_ADJECTIVE}(?:{'|'.join(sorted(lexicon.KIN_NOUNS))}),? (?:(?:also )?(?:named|called) )?$"
)
# A word for a person after a possessive, with perhaps one word before it, up to the name it calls so: "his apprentice
# {Tom Vane}", "her younger sister, {Ada}" (see _named_by_the_owned_noun).
_OWNED_PERSON_NOUN = re.compile(rf" (?:[a-z-]+ )?(?:{'|'.join(sorted(lexicon.PERSON_WORDS))}),? ")
# A possessive opening a sentence with a word for kin: "His mother, …", "Her younger sister …" (see _antecedent).
_OPENS_WITH_KIN = re.compile(rf"(?P<possessive>Her|His) {_KIN_ADJECTIVE}(?:{'|'.join(sorted(lexicon.KIN_NOUNS))})\b")
# A preposition that makes the relative after it an object, perhaps after another of the list it ends: "on the death of
# {his brother}", "to his sons and {his nephew}" (see _named_as_a_relative).
_PREPOSITION_BEFORE_A_RELATIVE = re.compile(r"\b(?:of|to|under|with|for|from|beside)(?: (?:his|her|the) [a-z]+ and)? $")
# A person named after "by" in a passive whose subject is a pronoun: "There he was taught drawing by {Karl Lind}" (see
# _agent_of_a_pronouns_passive).
_AGENT_OF_A_PRONOUNS_PASSIVE = re.compile(r"\b(?P<pronoun>[Hh]e|[Ss]he) (?:was|is|had been|has been)(?: [a-z]+){1,5} by $")
# A verb right after a subject, perhaps after "ever": "the Romans {ever built}" (see _unnamed_thing).
_A_VERB_AHEAD = re.compile(rf"(?:ever )?{_VERB_AFTER_SUBJECT}\b")
# A body that has someone make a common thing, right after its name: "the Harbour Trust {engaged the engineer Tom Vane
# to build a new pier}" (see _antecedent: an "It" after it is the pier).
_HAS_A_THING_MADE = re.compile(
    r" (?:commissioned|engaged|hired|employed|asked|ordered|paid) [^,;.]*?\bto (?:build|make|design|construct|cast|carve|paint) (?:a|an|the) "
)
# A person named after "by" in a passive whose subject comes first: "The first loom was built by {Karl Lind}" (see
# _agent_of_a_things_passive).
_AGENT_OF_A_PASSIVE = re.compile(r"^(?P<subject>[^,;]*?) (?:was|were|had been) (?:[a-z]+ ){0,2}(?:made|built|designed|invented|patented|founded|devised|developed|created|constructed) by $")
# An opening clause with a verb of its own, up to its comma: "After {Karl Marek} died in 1857, " (see _in_the_opening).
_OPENING_CLAUSE_AHEAD = re.compile(_OPENING_CLAUSE)
# A verb (not "be" or "become") and its article right before a name it takes as its object: "The Civil War hit {Kestrel
# Hall} hard." (see _antecedent).
_VERB_BEFORE_ITS_OBJECT = re.compile(rf" (?!(?:{_COPULA.pattern})\b){_VERB_AFTER_SUBJECT} (?:the )?")
# A clause's own common subject: "Because the left lung has …", "… measured that a gas grows …".
_SUBJECT_OF_A_CLAUSE = re.compile(rf"{_CLAUSE_OPENER.pattern} {_COMMON_SUBJECT.pattern}")
# A bare common noun opening the clause after a colon, the subject of its verb in "-s", "is", "was" or "has":
# "… described a principle: growth goes only as fast as its scarcest input allows" (see _dangling_pronoun_at).
_BARE_SUBJECT_AFTER_A_COLON = re.compile(
    rf": (?!(?:he|she|it|this|that|there|each|one)\b)[a-z-]+(?= (?:{lexicon.LY_ADVERB} )?(?:is|was|has|(?!(?:his|its|as|this|thus|us)\b)[a-z]+s)\b)"
)
# A common subject of a clause that an "its" later in it belongs to: a singular noun after its article and up to three
# words that say which, perhaps after an opening phrase no comma closes, with perhaps an aside before its verb: "A
# typical tablet battery is designed to keep 70 percent of its charge", "In May 1950 the club held a vote among its
# members", "The Mill ground its first load …", "A House committee, led from 1935 by its chief lawyer Tom Vane,
# examined …" (see _owning_subjects; not "The efficiency of the cycle …", whose noun is no owner said plainly).
_SUBJECT_WORD = r"(?!(?:the|an?|of|and|or|in|on|at|to|for|with|by|from)\b)(?:[a-z-]+|[A-Z][\w-]*)"
_OWNING_SUBJECT = re.compile(
    rf"(?:{_UNCLOSED_OPENING_PHRASE})?(?P<subject>(?i:the|an?) (?:{_SUBJECT_WORD} ){{0,3}}?(?P<noun>[a-z-]+|[A-Z][a-z-]+))"
    rf"(?:, (?:which|whose|[a-z]+ed|{_PAST_VERBS}|[a-z]+ing)\b[^,;:]*,)? (?={_VERB_AFTER_SUBJECT})"
)
# Round 72, part B. An opening phrase whose "its" is a span or a start of the life of the subject after it: "For {its}
# first sixteen years the statue served …", "Since {its} launch in 2021, the telescope has …" (not "After its collapse
# the council …": an event may be another thing's). Round 101, part A: or its size, by which the subject is judged, and
# a plural subject's "their": "For {their} size the lungs hold …".
_OPENING_ON_THE_SUBJECTS_LIFE = re.compile(
    rf"(?:{_OPENING_PREPOSITIONS}) (?P<its>its|their) (?:[a-z-]+ ){{0,3}}?(?:years|decades|days|months|life|lifetime|history|existence|launch|opening|founding|peak|heyday|height|size|weight)\b"
    r"[^,;:\"“]*?(?:, | (?=(?:the|an?) ))"
)
# The words that open a clause whose subject an "it" after it may go on with (see _BARE_SUBJECT).
_OPENS_A_CLAUSE_OF_ITS_SUBJECT = "Because|When|As|Since|Although|Though|Once|If"
# A singular noun alone as the subject of a sentence's opening clause: "Because light slows down when it passes …",
# "When water freezes, it …" (see _the_subjects_own_it; not a capitalised word, which may be a surname). Round 109,
# part A: or after "the" or "a", and after "If": "As the rotor speeds up, it …".
_BARE_SUBJECT = re.compile(rf"(?:{_OPENS_A_CLAUSE_OF_ITS_SUBJECT}) (?:(?:the|an?) )?(?P<noun>[a-z]{{3,}}) (?={_VERB_AFTER_SUBJECT})")
# Round 109, part A. A substance or a thing named by one capitalised noun alone as the subject the sentence opens with,
# before a verb in the present that says what it always does: "Propane is used because it boils …", "Flour contains
# little sugar, but it …" (see _the_subjects_own_it; not a word that opens sentences, "Several", "Instead", nor a first
# name, nor a word of a name the engine found, nor a past verb, whose capitalised subject may be a surname: "Marsh
# resigned because it rained").
_BARE_SUBJECT_OPENING = re.compile(rf"(?P<noun>[A-Z][a-z]{{2,}}) (?=(?:{lexicon.LY_ADVERB} )?(?!(?:his|its|as|this|thus|us)\b)[a-z]+s\b)")
# A comma, colon or semicolon right before a pronoun, which then opens a clause as its subject, no object of the verb
# before the mark: "When the wind blew, it …" (Round 109, part A), "A good salve is mild: it …", "…, it cannot …"
# (Round 111, part A; see _the_subjects_own_it).
_CLAUSE_MARK_BEFORE = re.compile(r"[,;:] $")
# A word for anyone or anything, which is no noun an "it" after it stands for: "Because nothing worked, it …".
_INDEFINITE_PRONOUN = re.compile(r"(?:every|some|no|any)(?:one|body|thing)")
# A "one of several" that an "its" after it in the same phrase belongs to: "… make four threads, each from its own
# gland and each suited to its task" (not "each year its revenue …", whose "each" is no owner).
_EACH_OF_THEM_BEFORE = re.compile(r"(?:, | and )each (?:from|with|in|on|at|by|for|under|[a-z]+ed) (?:[a-z]+ ){0,3}$")
# Round 94, part A. The first of two verbs of one subject and its object, which an "it" or "them" right after the second
# verb shares: "collects sound and channels it into …", "capture carbon dioxide in outer cells and pump it into …",
# "collecting "shells" on the beach and selling them to …" (see _object_of_the_verb_before). The object is a noun with
# perhaps an article and one word before it, perhaps followed by one phrase of place (`phrase`).
_SHARED_OBJECT = re.compile(
    r"\b(?P<first>[a-z]{3,}) [\"“]?(?P<object>(?:(?:the|an?) )?(?:[a-z-]+ )?(?P<noun>[a-z-]+))[\"”]?"
    r"(?: (?:in|on|at|from|into|through|across|along|inside|behind) (?:(?:the|an?) )?(?:[a-z-]+ )?(?P<place>[a-z-]+))?"
    r" and (?:then )?(?P<second>[a-z]{3,}) $"
)
# Round 116, part A. A word that ends a noun phrase when it comes after its noun: a mark, a preposition, a conjunction, a
# relative, an auxiliary, a pronoun, an adverb in "-ly" or a past verb (see _NOUN_PHRASE).
_ENDS_A_NOUN_PHRASE = (
    rf"(?:of|in|on|at|to|for|with|by|from|into|onto|over|under|through|across|along|around|behind|beneath|between|near|"
    rf"about|against|toward|towards|upon|without|within|during|and|or|but|so|nor|yet|{'|'.join(sorted(_SUBORDINATORS))}|"
    rf"which|who|whom|whose|where|that|{_AUXILIARIES}|it|its|{lexicon.LY_ADVERB}|{_PAST_VERB})\b"
)
# Round 116, part A. The words of a noun phrase after its article, demonstrative or possessive, up to its noun, the word
# before a mark, a possessive's "'s" or a word that ends the phrase: "the open reactor over", "a movable rudder,", "his
# tower like" -> reactor, rudder, tower (see _the_one_thing_before_it).
_NOUN_PHRASE = re.compile(
    rf"(?P<words>(?:(?!{_ENDS_A_NOUN_PHRASE})[\w’'-]+ ){{0,3}}?(?!{_ENDS_A_NOUN_PHRASE})(?P<noun>[\w-]+))(?=['’]s\b|[,;:.()\"“”]| {_ENDS_A_NOUN_PHRASE}|$)"
)
# Round 116, part A. An opening phrase of time or place that no comma closes, before a person's name: "In 1903 ", "On
# 4 May 1890 " (see _the_one_thing_before_it).
_PERSON_AFTER_AN_OPENING = re.compile(rf"(?:{_OPENING_PREPOSITIONS})(?: [\w’'-]+){{1,6}} ")
# Round 116, part A. An article, "this", "each", a possessive or a name's possessive that opens a noun phrase (see
# _NOUN_PHRASE): "the", "his", "Each boat", "Tom Vane's".
_NOUN_PHRASE_OPENER = re.compile(r"\b(?:(?i:the|an?|this|his|her|its|their|each|every|another)|[A-Z][\w-]*['’]s) ")
# Round 116, part A. Words after a noun that tie it to a pronoun right after them, which may then be it or not: "took a
# boat {to see} it", "cut a hole {in} its lid", "the air {in front of} it", "the day {after} its" (see
# _the_one_thing_before_it).
_TIES_TO_THE_PRONOUN = re.compile(r"(?: [a-z]+){0,3} (?:to [a-z]+|in|on|at|into|onto|from|with|of|behind|around|after|before|beneath|under|over|through|for|by|about) ")
# Round 116, part A. A pronoun after "that", not "so that": the subject of what someone said or thought, which may be a
# thing of the sentence before ("The likeliest reason is that it …", "Ada wrote in her diary that it was …").
_CONTENT_CLAUSE_BEFORE = re.compile(r"\b(?:is|was) that its?\b|(?<!\bso )(?<!\bsuch )\bthat its?\b")
# Round 116, part A. An amount whose thing comes after "of": "a great deal of heat", "a lot of", "a number of".
_AMOUNT_OF = re.compile(r"(?:great |good |large |small )?(?:deal|lot|number|couple|few|little|bit|total) of\b")
# Round 116, part A. A rate, no thing: "six million visitors {a year}", "twice {a day}", "{Each year} its banks …"
# (Round 117, part D).
_RATE = re.compile(r"(?i:an?|each|every|per) (?:year|month|week|day|night|hour|minute|second|decade|century)")
# Round 116, part A. The verb, perhaps with an adverb, between a name and the object "it" of its clause: "Kellby Press
# {accepted} it", "the Vell Academy {gave} it instead" (see _the_one_thing_before_it).
_ONE_VERB_BEFORE_IT = re.compile(rf" [a-z]+(?: (?:{lexicon.LY_ADVERB}|also|then|later|soon|never))? ")
# Round 116, part A. The kinds of mention that name someone or something a pronoun may be (see _the_one_thing_before_it).
_THINGS_NAMED = NAMED_KINDS | {MentionKind.PERSON, MentionKind.TERM, MentionKind.WORK}
# Round 116, part A. A capitalised word that describes the plural subject after it: "{Several} publishers rejected …",
# "{Military} helicopters flew …" (see _the_one_thing_before_it).
# Not a name and its verb: "Varnite is mixed …" (Round 117, part D).
_DESCRIBED_PLURAL_SUBJECT = re.compile(rf"[A-Z][a-z]+ (?!(?:is|was|has|does)\b)[a-z]+s (?:{_PAST_VERB}|[a-z]+s\b)")
# Round 116, part A. A relative clause right after a noun, perhaps after its "of" phrase: "every metre {of ground that}
# faces it" (see _the_one_thing_before_it).
_RELATIVE_AFTER = re.compile(r"(?: of [a-z]+)? (?:that|which|who)\b")
# Round 116, part A. Where the clause of a pronoun begins, the last of these before it: a mark, a conjunction, a
# subordinator or a relative (see _the_one_thing_before_it).
_WHERE_A_CLAUSE_BEGINS = re.compile(rf"[,;:]|\b(?:and|but|so|that|which|who|whose|where|{'|'.join(sorted(_SUBORDINATORS))})\b")
# Round 117, part D. An "its" in a phrase of place or direction right after a verb, which is the place's owner and may be
# a thing of the sentence before, not the subject's: "A fire in 1800 spread {to} its roof", "The stone rests {on} its base".
_PLACE_AFTER_A_VERB_BEFORE_ITS = re.compile(
    rf"\b(?:{_PAST_VERB}|[a-z]+s) (?:to|in|at|on|into|onto|from|across|through|around|near|inside|behind|beneath|under|over|towards?|along) $"
)
# Round 117, part D. An "its" right after a verb "to be" or "become", whose subject is what the "its" phrase is, not its
# owner: "The heart of the looms is its shuttle" (the looms').
_COPULA_BEFORE_ITS = re.compile(r"\b(?:is|was|are|were|be|been|becomes?|became|remains?|remained) $")
# Round 117, part D. A clause whose subject is a noun alone, which the rules cannot see among the noun phrases and which
# a pronoun after it may be: "When {smoke} enters the room, its particles …" (the smoke's, not the room's). Not a
# determiner or a pronoun ("if someone tried to pick it"), nor an adjective after "as" ("written as one continuous text").
_BARE_SUBJECT_OF_A_CLAUSE = re.compile(
    rf"\b(?i:{'|'.join(sorted(_SUBORDINATORS))}) (?!(?:the|an?|this|that|these|those|his|her|its|their|it|he|she|they|we|you|i|there|"
    rf"one|each|all|both|many|most|such|{_INDEFINITE_PRONOUN.pattern})\b)[a-z]+ (?![a-z]+ous\b){_VERB_AFTER_SUBJECT}"
)
# Round 116, part A. An object "it" of the second of two verbs of one subject, whose first verb's object may be a noun
# alone the rules cannot see: "A diesel engine takes in air and {compresses} it" (see _the_one_thing_before_it).
_SECOND_VERB_BEFORE_IT = re.compile(rf"\band (?:then )?[a-z]+(?: {lexicon.LY_ADVERB})? $")
# A word that shows the word after it to be a noun: "the", "its", a number, a possessive (see _object_of_the_verb_before).
_DETERMINER_BEFORE = re.compile(r"(?:\b(?i:the|an?|this|that|these|those|his|her|its|their|our|my|your)|\d|['’]s) $")
# A thing's possessive and the noun it owns, which a later "its" in the same phrase may stand for: "The army's refusal to
# admit its mistake", "a nation's wealth came from its land", "Each metal's power to … is measured by its …" (Round
# 111, part A; see _owned_by_a_possessive_before).
_THINGS_POSSESSIVE = re.compile(r"\b(?i:the|an?|each|every) (?:[a-z-]+ )?(?P<noun>[a-z-]+)['’]s [a-z-]+\b")
# One or two titles (lexicon.TITLES_BEFORE_NAMES) right before a person's name, which are no thing an "it" could be:
# "King Louis-Philippe", "General Jean-Louis Georgelin" (see _the_subject_past_a_persons_clause).
_TITLE_RIGHT_BEFORE = re.compile(rf"(?:(?:{'|'.join(sorted(lexicon.TITLES_BEFORE_NAMES))})\.? ){{1,2}}$")
_ITS = re.compile(r"\b[Ii]ts\b")
# What joins a name to the next one of a list: " and ", " and the ", ", " (see _listed_with_another).
_NAME_JOINED_AFTER = re.compile(r"(?:,| and| &)(?: the)? ")
# An "it" or "its" where a pronoun starts (see _names_only_after_an_unread_it).
_IT_OR_ITS = re.compile(r"[Ii]ts?\b")
# Round 111, part A. A subject that is a part or a measure "of" one thing, said to be an "its" thing right after the
# verb: "The heart of a scanner is its main magnet", "The energy of a moving car is its kinetic energy" (see
# _the_owner_in_the_subject).
_PART_OF_A_THING_IS_ITS = re.compile(r"(?i:the|an?) (?:[a-z-]+ )?[a-z-]+ of (?:the|an?) (?:[a-z-]+ )?(?P<noun>[a-z-]+) (?:is|was) (?=its\b)")
# What a person's possessive opening a claim owns, up to its verb: "Tom Vane's old mill was …" (see
# _owned_by_a_persons_subject).
_PERSONS_OWNED_SUBJECT = re.compile(rf"['’]s (?:[a-z-]+ )?[a-z-]+ (?={_VERB_AFTER_SUBJECT})")

# A verb that makes a clause a statement: "was", "has", "crossed", "built", "could".
_FINITE_VERB = re.compile(
    rf"(?<!\bthe )(?<!\ba )(?<!\ban )\b(?:is|are|was|were|has|have|had|did|does|can|could|will|would|must|{_PAST_VERBS}|{'|'.join(lexicon.IRREGULAR_PAST)}|[a-z]{{2,}}ed"
    rf"|{'|'.join(sorted(lexicon.PRESENT_VERBS))})\b"
)
# A finite verb right before the position searched up to, whose object what follows is: "Spain handed it".
_FINITE_VERB_RIGHT_BEFORE = re.compile(rf"(?:{_FINITE_VERB.pattern}) $")
# A second clause of its own after a time named only by the one before (see _time_of_an_event_alone), which a card
# may ask: "…, and his mother moved …", "… and had set …".
_CLAUSE_AFTER = re.compile(rf"(?:,? and|;) [^;]*?{_FINITE_VERB.pattern}")
# An opening phrase no comma closes before the subject's name (see _subject_after_an_unclosed_opening): "For most of his
# life {Ada Lee} gave …".
_UNCLOSED_OPENING = re.compile(_UNCLOSED_OPENING_PHRASE)
# A possessive and a word for a person right before a name, who that person is: "his {brother} Carl", "her late husband Tom".
_PERSON_BY_A_POSSESSIVE = re.compile(
    rf"\w+ (?:[\w-]+ )?(?:{'|'.join(sorted(lexicon.PERSON_WORDS))}) "
)
# A noun or a name an opening no comma closes may hold after its first word, which an "its" in it may stand for instead
# of the name after it: "At its height {the mill and} Harwick Market sold …" (see _subject_ahead).
_ANOTHER_NOUN_IN_AN_OPENING = re.compile(r"\b(?:the|an?|and|or|this|that)\b|\b[A-Z]")
# What may stand between an opening phrase and the subject it points forward to: a title in quotes, "the"
# and a word or two for who or what the subject is ("In his memoir, "Wind and Sand," the pilot Ann Lee …").
_BEFORE_SUBJECT = re.compile(r"(?:[\"“][^\"”]+[\"”],?\s+)?(?:the\s+)?(?:[a-z]+\s+){0,2}")
# The plural present of the verbs the engine knows: "Four cables {hold} the deck."
_PLAIN_VERBS = frozenset(lexicon.PAST_TO_PLAIN.values()) | frozenset(verb.removesuffix("s") for verb in lexicon.PRESENT_VERBS)
_PLAIN_VERB_WORDS = "|".join(sorted(_PLAIN_VERBS))
# The plain form of a verb the engine knows, not a noun after an article or a possessive: "Locals {use} it", not "its use".
_PLAIN_VERB = re.compile(rf"(?<!\bthe )(?<!\ban )(?<!\ba )(?<!\bits )(?<!\bhis )(?<!\bher )(?<!\btheir )\b(?:{_PLAIN_VERB_WORDS})\b")
# What a cut may not leave open (see _splits_a_pair): an apposition right after the subject that no comma closes, "ENIAC|,
# the machine built in 1945" (not "Tom Vane, a clerk, …"); a "not" that is no verb's negation, or a "not only", whose
# "but" must follow ("came not from Leeds", not "did not come"); and a "to" set after a comma, the other end of a "from".
_NAME_WORDS = re.compile(r"[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,3}(?=,)")
_APPOSITION_TO_THE_END = re.compile(r", (?:the|an?|its|his|her|their) [^,;:()]*$")
_NOT_BEFORE_ITS_BUT = re.compile(
    r"\b(?!(?:do|does|did|is|are|was|were|has|have|had|can|could|will|would|must|should|may|might)\b)[a-z]+ not\b|\bnot only\b"
)
_TO_AFTER_A_COMMA = re.compile(rf", to (?!(?:{_PLAIN_VERB_WORDS})\b)")
# A "the same …" whose sameness its own sentence settles (beyond the clauses lexicon.DANGLING_PHRASES lets pass): a name
# it is given ("works on the same cycle, known to engineers as the Brayton cycle"), a range it holds over ("keeps almost
# the same period whatever the width of its swing"), or a clause whose own subject uses it ("the same species that
# brewers use"); not a time ("the same year, known as …"), nor a clause said of it ("the same theatre that lasted …").
_SAMENESS_ITS_SENTENCE_SETTLES = re.compile(
    rf"(?i:the|that) same(?! (?:{_PART_OF_TIME}|{lexicon.TIME_UNITS})\b)(?: [a-z-]+){{1,2}}?"
    r"(?:,? (?:(?:now |also )?(?:known(?: to [a-z]+)? as|called)\b|(?:whatever|whichever|regardless of|no matter)\b)"
    rf"| that [a-z]+s (?:{_PLAIN_VERB_WORDS})\b)"
)
# A "the two" its own words may say are which: a name after it ("Becquerel and the two Curies"), "the two world wars".
_THE_TWO_NAMED = re.compile(r"(?i:the two) (?:world wars\b|(?=[A-Z]))")
# A verb in the present after a plural subject, which _FINITE_VERB (third person only) does not see: "farmers {grow}".
_PLURAL_SUBJECT_AND_VERB = re.compile(rf"(?<=[a-z][^su\W]s )(?:{_PLAIN_VERB_WORDS})\b")
# The verbs a "How …" title's subject may come before (see _thing_explained).
_TITLE_VERBS = _PLAIN_VERBS | lexicon.PRESENT_VERBS | frozenset(lexicon.PAST_TO_PLAIN) | lexicon.IRREGULAR_PAST | set(_AUXILIARIES.split("|")) | {"work", "works"}
# A title that names an event by its year, perhaps with a second one after "and" or a subtitle after a colon: "The
# 1906 Riverton Flood and Fire", "The 1871 Harbor Fire" (see _dated_event).
_DATED_EVENT = re.compile(
    rf"(?:The )?(?P<event>\d{{4}} (?:[A-Z][\w’'.-]* ){{0,3}}(?i:{'|'.join(sorted(lexicon.EVENT_WORDS))}))(?: (?:and|&) [\w-]+)?(?:\s*:.*)?"
)
# A title that names an instrument, perhaps with a subtitle after a colon, or a site's name after a dash or a bar
# as a web page's title has it: "The Brandt Space Observatory", "Brandt Space Observatory - Sky Archive" (see
# _instrument_in_title, which checks its last word).
_INSTRUMENT_TITLE = re.compile(r"(?:The )?(?P<name>(?:[A-Z][\w’'-]* ){1,4}(?P<last>[A-Z][a-z]+))(?:\s*:.*| [-–—|] .*)?")
# What makes a surname alone a person's: a role or a title before it ("the astronomer Brandt", "Dr. Brandt") …
_PERSON_BEFORE = re.compile(
    rf"\b(?:(?:{'|'.join(sorted(lexicon.PERSON_CUES))})|(?:{'|'.join(sorted(lexicon.TITLES_BEFORE_NAMES))})\.?) $"
)
# … or a verb of a person's life or words after it ("Brandt died in 1962", "Brandt, who …").
_PERSONS_OWN_VERB = re.compile(rf" (?:was born|died|married|(?:{'|'.join(lexicon.SPEECH_VERBS)}))\b|,? (?:who|himself|herself)\b")
# An instrument's generic name: "the telescope", "The observatory" (see _about_the_instrument).
_GENERIC_INSTRUMENT = re.compile(rf"\b(?i:the) (?:{'|'.join(sorted(word.lower() for word in lexicon.INSTRUMENT_WORDS))})\b")
# A plural a "they", "them" or "their" may stand for in its own sentence, with or without a word that counts it (see
# _the_one_plural_before): "Large modern motors", "goats", "300 women", "the people", "the crew".
_ANY_PLURAL = re.compile(
    rf"\b(?:{PLURAL_NOUN.pattern}|men|women|people|children|bacteria|fungi|algae|larvae|{'|'.join(sorted(lexicon.GROUP_NOUNS))})\b(?!['’])"
)
# A "their" that the plural subject of its clause owns by the clause's shape (see _owned_by_its_subject): after the
# subject's verbs and a preposition, with no noun between that could own it ("… were killed or died later {of} their
# wounds", "… survived {by using} their …"; not "Workers blasted away their ruins", an object that may be another's).
_THEIR_AFTER_THE_SUBJECTS_VERB = re.compile(
    r"(?: (?!(?:the|an?|this|that|these|those|his|her|its|their)\b)[a-z]+){1,6}"
    r" (?:of|in|by|with|from|on|for|at|into|through)(?: [a-z]+ing)? "
)
# Where a plural opens its sentence as the subject, after at most two words that describe it ("Modern satellite
# systems place …"), and the word after it that is no verb.
_WORDS_BEFORE_AN_OPENING_PLURAL = re.compile(r"(?:[A-Za-z-]+ ){0,2}")
_NO_VERB_AFTER_A_PLURAL = frozenset("of and or in on at to for with from by as than that which who whose".split())
# A "they" opening a clause that gives the reason for what its sentence's subject does: "…, because they measure …".
_THEY_OPENING_A_REASON = re.compile(r"(?:,? because|, since|, as) $")
# A "they" opening a clause joined to the one before it, perhaps after a short time phrase: "…, and they had …", "…, so
# they are …", "…, and by the mid-1960s they had …" (see _they_go_on_with_the_opening_plural).
_THEY_GOING_ON = re.compile(r"(?:,? because|, (?:and|but|so|since|as)(?: (?:by|in|after|until|within) (?:[\w-]+ ){0,2}[\w-]+)?) $")
# A year that opens a sentence right before its subject: "{By 1500 }presses were working …".
_YEAR_BEFORE_A_SUBJECT = re.compile(r"(?:In|By|Until|After) (?:the )?(?:early |mid-|late )?\d{3,4}s? (?=[a-z])")
# Words shaped like a plural that are none, and words that count a plural after "of" ("hundreds of books"), which are
# not the group a "they" may be.
_NOT_A_PLURAL = frozenset("its his this was has does always perhaps whereas towards afterwards sometimes besides thus gas lens".split())
_COUNTING_PLURALS = frozenset("hundreds thousands millions billions dozens tens".split())
# What a group noun is made of, a plural after "of" and at most two describing words: "a group {of London booksellers}",
# "a team of engineers": the group and its members are one plural (see _plurals_named_before).
_MEMBERS_OF_A_GROUP = re.compile(rf" of (?:[A-Za-z-]+ ){{0,2}}{PLURAL_NOUN.pattern}\b")
# Words before a plural that say how many or which of them, so that the plural and they are no name of the things.
_NOT_PLAIN_BEFORE_A_PLURAL = frozenset("a an many most some several few all both these those such other only his her its their our".split())
# A relative pronoun right after a plural, which makes the plural the subject of the clause it opens: "enthusiasts {who}
# gather to drive them".
_RELATIVE_AFTER_A_PLURAL = re.compile(r",? (?:who|which|that) ")
_PLURAL_PRONOUN = re.compile(r"\b(?:they|them|their)\b", re.IGNORECASE)
# A word right after one of these is a verb, not a plural: "the energy that {falls} on them".
_BEFORE_A_VERB = re.compile(r"\b(?:that|which|who|it|he|she) $")
# A verb right after a plural, which makes the plural the subject of its clause: "Books {printed} …", "motors {can} …".
_VERB_AFTER_A_PLURAL = re.compile(rf" (?:{_VERB_AFTER_SUBJECT}|(?:also |still |then )?(?:{_AUXILIARIES}|may|might|do|did|{_PLAIN_VERB_WORDS})\b)")
# A plural common subject and its verb: "{the lungs} hold …" (see _owned_by_the_subject_after).
_PLURAL_SUBJECT = re.compile(rf"(?P<subject>the (?:[a-z-]+ ){{0,2}}?(?P<noun>{_ANY_PLURAL.pattern}))(?={_VERB_AFTER_A_PLURAL.pattern})")
# An "its" right after the verb of a plural subject, which it cannot stand for: "Engineers now put its peak flow at
# …", "Most geologists date its birth to …" (not "Engineers measured 726 feet at its crest", "Visitors to its shore").
_ITS_AFTER_THE_VERB = re.compile(
    rf"(?:(?i:the|most|many|some) )?(?:[a-z]+ )?(?i:{PLURAL_NOUN.pattern})(?: {lexicon.LY_ADVERB}| now| today| still| also)?"
    rf" (?!(?:{'|'.join(sorted(_CANNOT_END))})\b)[a-z]+ its\b"
)
# "the" and a lower-case noun just before a name: "the miser ", "the business forecaster ".
_THE_COMMON_NOUN_BEFORE = re.compile(r"\bthe (?:[a-z-]+ )?[a-z-]+ $")
# A verb of seeing or of making someone act right before a "her" (see _object_her).
_SEEING_OR_CAUSING_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(lexicon.SEEING_OR_CAUSING_VERBS))}) $")
# A verb of judging before an object "her", and the state it judged her in after it (see _object_her).
_JUDGING_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(lexicon.JUDGING_VERBS))}) $")
# The state ends its phrase: "found her dead in her room", not "found her dead husband".
_JUDGED_STATE = re.compile(
    rf" (?:{'|'.join(sorted(lexicon.JUDGED_STATES))})(?=[,.;:]| (?:and|but|or|in|on|at|by|after|before|when|while|for|from|to|of|because)\b)"
)
# A verb the engine knows right after such a "her", and what it acts on: " read the Bible", " play a waltz".
_BARE_VERB_WORDS = "|".join(sorted(_PLAIN_VERBS | lexicon.BARE_VERBS_AFTER_AN_OBJECT))
_BARE_VERB_AND_ITS_OBJECT = re.compile(rf"\s(?:{_BARE_VERB_WORDS})\s(?:the|a|an|his|her|its|their|this|these|those)\b")
_BARE_VERB = re.compile(rf"\s(?:{_BARE_VERB_WORDS})\b")
_PRONOUN_GENDER = {"he": Gender.MALE, "his": Gender.MALE, "she": Gender.FEMALE, "her": Gender.FEMALE}
# A person's pronoun inside a sentence that _name_the_object may write as the person it stands for; a subject "he" or
# "she" only in a relative clause, whose sentence is about something else: "…, which he called …".
_PERSON_PRONOUN_INSIDE = re.compile(r"\b(?:him|her|his)\b|(?:(?<=\bwhich )|(?<=\bwhere )|(?<=\bwhom ))(?:he|she)\b")
# A subordinate clause that opens the sentence and runs to the comma before the main clause's subject pronoun: "When Tom
# Vane came to Paris for the wedding of Karl Berg, " (see _person_the_clause_repeats).
_OPENING_SUBORDINATE_CLAUSE = re.compile(r"(?P<subordinator>(?:When|While|After|Before|As|Once|Although|Though|Because|Since) )[^,;:\"“()]+, ")
# Where a person's place of origin ends after the name: "Frederick of Prussia", "Tom Vane of Leeds".
_AFTER_A_PLACE_OF_ORIGIN = re.compile(r"(?: of [A-Z][a-z]+)?")
# A "whom" after a person's name, perhaps with a noun phrase saying who that is between: "Eva Berg, a stern critic whom ".
_WHOM_AFTER_A_PERSON = re.compile(r"(?:, (?:a|an|the) [a-z][a-z -]{0,50})? whom ")
# What comes right before a name that a preposition governs, perhaps through a noun it names and a title ("beside the
# conductor, {Michael Umlauf}", "with his fourth wife, {Ada Lind}", "a pupil of the Rev. {Karl Lind}", "a knight of the
# {Legion of Honour}", "wrote to {Karl Lind}"): no subject of a clause.
_GOVERNED_BY_A_PREPOSITION = re.compile(
    r"\b(?:beside|alongside|with|to|by|of|for|from|under|against|among|behind) "
    r"(?:(?:the|an?|his|her) (?:[a-z-]+ ){0,3}?(?:[a-z-]+, )?(?:[A-Z][a-z]{1,3}\. )?)?$"
)
# A pronoun for a person, which may stand for one named in an aside before it (see _shortened, which keeps that aside).
_PERSONAL_PRONOUN = re.compile(r"\b(?:he|him|his|she|her|hers)\b", re.IGNORECASE)
# What someone reports about himself, up to the subject of the clause reported: " announced that ", " said ",
# " telephoned to say that ".
_FINDING_VERBS = frozenset(
    "announced announces claimed claims reported insisted argued believed thought knew felt hoped feared found realised "
    "realized discovered noticed learned boasted admitted explained stated".split()
)
_REPORTING_VERB = re.compile(rf" (?:[a-z]+ed to say|{'|'.join(sorted(lexicon.SPEECH_VERBS | _FINDING_VERBS))})(?: that)? ")
# The pronouns of each gender, any case, to tell a sentence that speaks of a man and a woman.
_PRONOUNS_OF = {
    gender: re.compile(rf"\b(?i:{'|'.join(sorted(words))})\b")
    for gender, words in ((Gender.MALE, lexicon.MALE_PRONOUNS), (Gender.FEMALE, lexicon.FEMALE_PRONOUNS))
}
_LEADING_PERSONAL_PRONOUN = re.compile(r"(?:He|She|His|Her)\b")
# A subject "he" or "she" after an opening phrase its comma closes: "A potter's son from Leek, he joined …".
_PRONOUN_AFTER_AN_OPENING = re.compile(r"[^,.;:]{1,80}, (?:he|she)\b")
# The object of a named person's own verb, of each gender, right after the name ("Karl Lind treated him", "… had
# warned her,"; not "her foot", a possessive): someone else of that gender, whom the sentence after may mean. Not a
# "him" further on ("a disappointment that made him decide", "brought two coffins with him"), often the person's own.
# Also through a "who" that stands for the name: "King Karl of Lund, who admired him" is someone else too.
_WHO_AFTER_THE_NAME = rf"(?:{_AFTER_A_PLACE_OF_ORIGIN.pattern}, who)?"
# Also after a measure of how far behind or ahead: "Ada Berg finished four days behind her" is behind someone else.
_A_MEASURE_BEHIND = (
    r"[a-z]+ (?:[\w.-]+ ){1,5}(?:seconds|minutes|hours|days|weeks|months|years|places|lengths|votes|points|miles|metres)"
    r" (?:behind|ahead of|after|before|later than|earlier than)"
)
_SOMEONE_ELSE_AS_AN_OBJECT = {
    Gender.MALE: re.compile(rf"{_WHO_AFTER_THE_NAME} (?:(?:[a-z]+ )?[a-z]+|{_A_MEASURE_BEHIND}) him\b"),
    Gender.FEMALE: re.compile(
        rf"{_WHO_AFTER_THE_NAME} (?:(?:[a-z]+ )?[a-z]+|{_A_MEASURE_BEHIND}) her(?=[,.;]| (?:to|at|in|on|with|for|from|by|into|as|and|again)\b)"
    ),
}
# A person called by a noun, joined by "and" to a named person, before the name ("the king and Tom Vane") or after it
# ("Tom Vane and the captain"): a "he" or "his" after them may be either, unless the noun is of the other gender ("Tom
# Vane and his wife").
_PERSON_NOUN = rf"(?i:the|his|her|their|an?) (?:[a-z]+ )?(?P<noun>{'|'.join(sorted(lexicon.MALE_NOUNS | lexicon.FEMALE_NOUNS | lexicon.ROLE_NOUNS))})"
_PERSON_NOUN_AND = re.compile(rf"\b{_PERSON_NOUN} and $")
_AND_A_PERSON_NOUN = re.compile(rf" and {_PERSON_NOUN}\b")
# What a sentence says its person was, whose role is no one else: "was a Chilean sculptor", "became the chief engineer".
_WHAT_SOMEONE_WAS = re.compile(r"\b(?:was|is|became) (?:an?|the) (?:[\w-]+ ){0,2}[\w-]+")
# A comma before a trailing phrase a card may leave out (see _closes_the_sentence), and an item joined in a list.
_TRAILING_PHRASE = re.compile(r",(?P<quote>[\"”’]?)\s+(?=[a-z])")
# A second verb of the same subject joined by "and" with no comma: "The post paid £200 a year {and came} with a house
# of the same size …" (see _trimmed: the first verb's clause is a statement of its own); not right after the first verb,
# whose object is the second's too ("JPL designed and built …"), nor after a comma (round 7's ", and").
_SECOND_PREDICATE = re.compile(rf"(?<![,\s])(?P<quote>)\s+and\s+(?={_PAST_VERB})")
_ENDS_ON_A_VERB = re.compile(rf"\b{_PAST_VERB}$")
_JOINED_ITEM = re.compile(r" (?:and|or|&) ")
# What a main clause taken from its sentence may not hold (see _leans_on_the_clause_before): a third-person pronoun
# other than its subject's own, and a time counted from the clause before it.
_THIRD_PERSON_PRONOUN = re.compile(r"\b(?:he|him|his|she|her|hers|it|its|they|them|their|theirs)\b", re.IGNORECASE)
# A subject's own pronouns, after it: "In 1890 Tom Vane sold his mill" (not "him", "her": "… thanked him", "… called her")
_PRONOUNS_OF_THE_SAME = {"he": frozenset({"he", "his"}), "she": frozenset({"she"}), "it": frozenset({"it", "its"})}
_TIME_OF_THE_CLAUSE_BEFORE = re.compile(
    rf"\b(?:later|earlier|afterwards?|then|again|went on to|(?:{'|'.join(lexicon.COUNT_OF_WORD)}|\d{{1,3}}|a few|several) (?:{_PART_OF_TIME})s? (?:later|earlier|before|after)\b)"
    rf"|{_POINTED_TIME.pattern}",
    re.IGNORECASE,
)
# Where a second main clause starts (see _second_main_clause): "…, and the Capua Museum opened …", "…; Hale burned …".
_MAIN_CLAUSE_BOUNDARY = re.compile(r",\s+and\s+|;\s+")
# A singular common noun and its article: "a granite plinth", "the summer"; not "the following months", whose word
# before the noun is taken whole, never as the noun.
_A_SINGULAR_THING = re.compile(r"\b(?:the|an?) (?:[a-z-]+ )?+(?![a-z-]+s\b)(?P<noun>[a-z-]+)\b(?!['’])")
# What a clause's subject became, right after it: "… became No. 103", "… had become a rich town" (see
# _topic_is_the_last_subject); `what`, a common noun, and none when a name follows.
_WHAT_THE_SUBJECT_BECAME = re.compile(r" (?:(?:had|has|have) )?(?:become|became) (?P<what>(?:an?|the) (?:[a-z-]+ )?[a-z-]+\b)?")
# "the statue", "the old statue": a subject of "the" and its noun, perhaps after one word (see _topic_is_the_last_subject).
_THE_AND_ITS_NOUN = (re.compile(r"(?i:the) (?P<noun>[a-z-]+)\b"), re.compile(r"(?i:the) [a-z-]+ (?P<noun>[a-z-]+)\b"))
# A phrase that opens with a subject pronoun and a word after it is a clause, whatever its verb: "…, they should look
# around them." (see _closes_the_sentence)
_PRONOUN_AND_ITS_VERB = re.compile(r"[\s,]*(?:he|she|it|they|we|you|I)\s+[a-z]+\b")
# What may stand before the name that is a clause's subject: "the", perhaps with a describing word joined by a hyphen
# ("The red-brick Vega Hall was …"), or an opening phrase without its comma ("In 1973 the Capua Museum opened …").
_LEAD_TO_A_NAMED_SUBJECT = re.compile(rf"(?:{_UNCLOSED_OPENING_PHRASE})?(?:the (?:[a-z]+-[a-z]+ )?)?", re.IGNORECASE)
# A subject that is a noun phrase pointing at nothing: "A storm destroyed …", "Two men died …", "Farmers grow …".
_PLAIN_SUBJECT = re.compile(
    rf"(?!(?:the|this|that|these|those|such|its|his|her|their|it|he|she|they|was|is|has|does)\b)(?:(?:an?|one|\d[\d,]*|{lexicon.COUNTING_WORDS}) (?:[a-z-]+ )?[a-z-]+|(?:[a-z-]+ )?(?i:{PLURAL_NOUN.pattern})) (?={_VERB_AFTER_SUBJECT})",
    re.IGNORECASE,
)
# The words before an "it" for the topic that name no thing it could be (see _nothing_before_it_could_be): small words, the
# words for people, and numbers, times and adverbs, with the adverbs that open a sentence or stand before a number
# ("Instead", "Almost 90 …", "Around 1900 …", "Out of it came …")
_FUNCTION_WORDS = (
    _CANNOT_END | _SUBORDINATORS | lexicon.CLAUSE_OPENERS
    | frozenset("it its also still now today then later once never instead almost around out".split())
)
# A subject that opens the sentence and ends on a verb whose object is the pronoun after it: "The plan to sell it …",
# "The woman in charge of repairing it …", "The cost of building it …" (see _nothing_before_it_could_be).
_SUBJECT_ABOUT_IT = re.compile(r"(?:The|A|An) (?:[a-z-]+ ){1,4}?(?:to [a-z]+|(?:of|for) [a-z]+ing) ")
# Every word for a person ("President Tom Vane", "the philosopher Ana Ruiz", "Ana Ruiz, the party's leader") but those as
# often a thing ("a star").
_PEOPLE_NOUNS = (lexicon.PERSON_WORDS | lexicon.KIN_NOUNS) - lexicon.PERSON_WORDS_ALSO_THINGS
_NOT_A_THING = re.compile(rf"\d[\d,.]*|(?:{lexicon.NUMBER_WORDS})|(?:{lexicon.TIME_UNITS})|{lexicon.LY_ADVERB}")
# Where a place lies that the topic stands in, which is no "it": "in the centre of Capua", "near Leeds".
_PLACE_IT_STANDS_IN = re.compile(rf"\b(?:{'|'.join(sorted(lexicon.PLACE_PREPOSITIONS))}) (?:the [a-z]+ (?:of|to) )?(?:the )?$")
_MOUNTAIN_WORDS = {"mount": "mountain", "mt.": "mountain", "mt": "mountain"}  # how a mountain's name opens
# A road's name, a "Route" and its number: "the road" may stand for "U.S. Route 66" when it is the topic (see
# _kind_nouns_of_the_topic), not for the "Route 66 Corridor Program", nor for a sign's "Historic Route 66".
_NUMBERED_ROUTE = re.compile(r"(?:U\.S\. )?Route \d+[A-Z]?")
_OPENING_INDEFINITE_ARTICLE = re.compile(r"\s*(A|An)\s+")  # what opens "A Christmas Carol was …" before the name
# What a name after an "it" is called by: "Locals call it the Ring", "named it Kestrel", 'called it the "Old Candle"'.
_NAME_GIVEN_TO_IT = re.compile(rf"\b{_NAMING_VERBS} it (?:the )?[\"“‘']?$")
# A common thing a clause makes and then names, up to the name: "built a new factory beside the canal and named it " (the
# "it" is the factory; see _named_what_was_made)
_MADE_AND_NAMED = re.compile(
    rf"\b(?:built|founded|opened|designed|made|bought|launched|set up|started|established|commissioned) "
    rf"(?:an?|his|her|their) [^.;:,]*? and {_NAMING_VERBS} it (?:the )?[\"“‘']?$"
)
# What joins a second name of the same thing to its first: "the Hall of Mirrors, or Galerie des Glaces"
_ANOTHER_NAME_FOR = re.compile(r",? or (?:the )?$")
# An object "it" that a naming verb before it gives the name after it: "called it the “" (see _named_as_the_topics_kind).
_NAME_GIVEN_AFTER_IT = re.compile(r"it (?:the )?[\"“‘']?(?=\w)")

Ask = Callable[[int, "Claim", Mention], "tuple[str, str] | None"]
"""ask(index of the sentence, its claim, a mention of it) -> (rule, question) when the engine can ask
safely for that mention (the answer is the mention's name); None leaves the card to the rules."""


@dataclass(frozen=True)
class Claim:
    """A sentence made to stand on its own: `text` is the sentence without a linking word such as
    "Meanwhile,", with a leading reference replaced by the name it stands for (which ends at
    `inserted`; 0 when nothing replaced one) and a "her" that can only be the document's topic
    replaced by its name; `mentions` are the sentence's own mentions, with their offsets in `text`."""

    text: str
    inserted: int
    mentions: list[Mention]
    subject: Mention | None  # the name the claim is about when it opens with it
    # the subject pronoun ("she") the name ending at `inserted` replaced: the same pronoun as the subject of a later clause
    # is that name again, left as written ("Ruth Calder attended Harris Academy, where she studied …")
    replaced: str = ""


@dataclass(frozen=True)
class _Topic:
    name: str
    kind: MentionKind
    aliases: tuple[str, ...]  # the name and the other forms the document uses for it
    gender: Gender | None
    ship: bool = False  # a ship ("RMS Queen Mary"), which the document may call "she"
    vessel: "_Topic | None" = None  # the ship an event is of ("The Sinking of the Titanic"): the "she" of its document
    year: str = ""  # the year an event's name opens with ("1906 Riverton Flood"; see _dated_event)
    place: str = ""  # the place an event's name holds ("San Francisco" of the "1906 San Francisco Earthquake"): "the city"
    namesake: str = ""  # the surname an instrument shares with the person it is named after ("Brandt"; see _instrument_in_title)
    common: bool = False  # a common noun the title names ("How the Lung Works"), which a sentence writes "the lung" (see _title_phrase)
    article: bool = False  # a name the title writes after "The" ("The Scopes Trial"), which a sentence writes "the Scopes Trial"
    copies: tuple[str, ...] = ()  # the plural of a thing's name ("Model Ts"), which is no answer about it either
    # the nouns the document says the topic is though its name does not hold them ("temple" for the Parthenon): "the
    # temple" may stand for it (see _kind_nouns_of_the_topic)
    kind_nouns: frozenset[str] = frozenset()
    # the real name behind the pen name the title gives and its surname ("Samuel Clemens", "Clemens" for Mark Twain; see
    # _real_name_behind_the_pen_name): forms of the topic that do not say who it is, so a card naming it so is labelled
    real_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Before:
    """What the sentence before offers a leading reference: its text, names and claim."""

    text: str
    mentions: list[Mention]
    claim: Claim | None
    when: Mention | None = None  # the one date or year of the latest sentence before that gives any (two back at most)
    earlier: tuple[list[Mention], ...] = ()  # the mentions of the sentences before that one, latest first
    earlier_texts: tuple[str, ...] = ()  # the texts of those sentences, latest first
    new_paragraph: bool = False  # whether the sentence opens a paragraph (or follows a heading) of its own
    opens_its_paragraph: bool = False  # whether the sentence before opens a paragraph of its own
    earlier_claims: tuple[Claim | None, ...] = ()  # the claims of the sentences before that one, latest first

    def two_back(self) -> tuple[str, list[Mention]]:
        """The text and mentions of the sentence before this one (two before the sentence read), or nothing."""
        return (self.earlier_texts[0], self.earlier[0]) if self.earlier else ("", [])


@dataclass(frozen=True)
class _Card:
    suggestion: Suggestion
    sentence: int
    key: str  # the answer, normalised
    name: str  # the mention's name ("Jørn Utzon" for a card that asks "{{Utzon}}")
    words: frozenset[str]  # the source sentence's words, to find near-duplicates
    once: bool = False  # an answer asked once in the document, however many sentences hold it (a rare word)


class RulesEngine:
    """Suggestions from hand-written rules over sentences, names, dates and numbers."""

    name = "rules"

    def suggest(
        self,
        document: DocumentText,
        *,
        cards_per_1000_words: float = DEFAULT_CARDS_PER_1000_WORDS,
        progress: Progress | None = None,
    ) -> list[Suggestion]:
        check_cards_per_1000_words(cards_per_1000_words)
        sentences = split_sentences(document.text)
        book = NameBook.from_texts([sentence.text for sentence in sentences], paragraph_openings(document.text, sentences))
        found = []
        for index, sentence in enumerate(sentences):
            if progress and index % _PROGRESS_EVERY == 0:
                progress("Finding facts", index, len(sentences))
            found.append(find_mentions(sentence.text, book))
        return suggest_from_mentions(
            document, sentences, found, book, cards_per_1000_words=cards_per_1000_words, progress=progress
        )


def check_cards_per_1000_words(cards_per_1000_words: float) -> None:
    if not cards_per_1000_words > 0:
        raise GenerationError(f"the number of cards per 1,000 words must be above 0, not {cards_per_1000_words}")


def card_limit(document: DocumentText, cards_per_1000_words: float) -> int:
    """How many suggestions `document` gets at most, whatever the engine; GenerationError for a
    number of cards per 1,000 words that is not above 0."""
    check_cards_per_1000_words(cards_per_1000_words)
    return max(MINIMUM_CARDS, round(cards_per_1000_words * document.word_count / 1000))


def suggest_from_mentions(
    document: DocumentText,
    sentences: list[Sentence],
    found: list[list[Mention]],
    book: NameBook,
    *,
    cards_per_1000_words: float = DEFAULT_CARDS_PER_1000_WORDS,
    progress: Progress | None = None,
    ask: Ask | None = None,
) -> list[Suggestion]:
    """The cards for `document`, best first, from its `sentences` and what was found in each
    (`found[i]` holds the mentions of `sentences[i]`, offsets within that sentence): each sentence
    made to stand on its own, one card per fact (a question when the rules or `ask` make one safe, a
    cloze otherwise), cards that break a rule of good cards refused, near-duplicates dropped, and
    about `cards_per_1000_words` per 1,000 words kept. Progress is reported as "Writing cards"."""
    check_cards_per_1000_words(cards_per_1000_words)
    title = _thing_explained(document.title)
    texts = [sentence.text for sentence in sentences]
    named = _topic(title, texts, found, book)
    if named is not None and _EXPLAINER_TITLE.fullmatch(document.title.strip()) and _not_the_thing_explained(named, title, texts):
        named = None
    explained = _EXPLAINER_TITLE.fullmatch(document.title.strip()) is not None
    topic = _dated_event(title, found) or named or _title_phrase(title, texts, by_its_last_word=explained)
    topic = _with_kind_nouns(topic, title, texts, found)
    found = _namesakes_as_the_instrument(sentences, found, topic)
    # the substances and the words rare in English that no rule found, which only fill what the other facts leave (see
    # _RARE_WORD_VALUE)
    found = _with_field_words(texts, found, explained)
    # a compound the document repeats, a term its sentence's shape defines, or a rare word, that holds a word of its title
    # is what the document is about ("An {{electric motor}} turns …")
    found = [
        [m for m in mentions if not ((m.repeated_compound or m.shaped_term or m.rare_word) and _shares_a_word(m.text, document.title))]
        for mentions in found
    ]
    cards: list[_Card] = []
    claims: list[Claim | None] = []  # the claim of each sentence read so far
    previous: Claim | None = None
    carried = False  # whether the sentence before was left with an "it" that the label says is the topic
    seen: Counter[str] = Counter()  # how many of the sentences so far mention each name
    repeated = _repeated_names(sentences, found)
    asked_once = _asked_once(sentences, found)
    asked: set[str] = set()  # the names of the cards made so far
    joined_until = -1  # the last item of a list joined to the line that introduced it (see _joined_list)
    for index, sentence in enumerate(sentences):
        if progress and index % _PROGRESS_EVERY == 0:
            progress("Writing cards", index, len(sentences))
        text, mentions, shown = sentence.text, found[index], sentence
        if index <= joined_until:
            mentions = []  # an item of a list asked in the line that introduced it
        elif (joined := _joined_list(index, sentences, found, document.text)) is not None:
            text, mentions, joined_until = joined
            shown = Sentence(sentence.start, sentences[joined_until].end, document.text[sentence.start : sentences[joined_until].end])
        before = _Before("", [], None)
        if index:
            first = max(0, index - 1 - EARLIER_SENTENCES)
            earlier = tuple(reversed(found[first : index - 1]))
            earlier_texts = tuple(reversed([s.text for s in sentences[first : index - 1]]))
            when = _last_time(found[max(0, index - 2) : index])
            new_paragraph = document.paragraph_of(sentences[index - 1].start) != document.paragraph_of(sentence.start)
            opens_its_paragraph = index == 1 or document.paragraph_of(sentences[index - 2].start) != document.paragraph_of(sentences[index - 1].start)
            earlier_claims = tuple(reversed(claims[first : index - 1]))
            before = _Before(
                sentences[index - 1].text, found[index - 1], previous, when, earlier, earlier_texts, new_paragraph, opens_its_paragraph, earlier_claims
            )
        claim = _claim(text, mentions, before, topic, book)
        standing = _standing(claim, topic, book) if claim is not None else None
        # a plural pronoun that the one plural of its sentence may stand for may as well be one the sentence before
        # names ("The bluestones came from Wales. Archaeologists have found their quarries …"): shown with it, if it can be
        leans_on_its_plural = (
            standing is not None and _PLURAL_PRONOUN.search(standing.text) is not None
            and _dangling_pronoun_at(standing, book, own_plural=False) is not None
        )
        if (standing is None or leans_on_its_plural) and (paired := _after_the_sentence_before(text, mentions, before, topic, book, claim)):
            start = sentences[index - 1].start
            standing, shown = paired, Sentence(start, shown.end, document.text[start : shown.end])
        elif leans_on_its_plural and _names_another_group(before.text, before.mentions) and _dangling_pronoun_at(standing, book, unsettled_their=False) is not None:
            standing = None  # "Two castles stood on the ridge. Workers blasted away their ruins …": whose ruins?
        carried_before, carried = carried, False
        if standing is None:
            standing = _carried_by_the_label(text, mentions, before, carried_before, topic, book)
            carried = standing is not None
        if standing is None:
            standing = _described_names(text, mentions, topic)
        if standing is None:
            standing = _after_a_comment(text, mentions, before, topic, book)
        if standing is None and shown.text == text and (second := _second_main_clause(text, mentions, topic, book)) is not None:
            standing, cut = second
            shown = Sentence(shown.start + cut, shown.end, shown.text[cut:])
        if standing is None:
            # after the second main clause: "Her son, Paul Bell, sold the land, and the Capua Museum opened in 1973." asks
            # the museum's clause, which needs no one named before it
            standing = _from_the_name_picked_out(text, mentions, topic, book)
        if standing is not None:
            made = _cards(index, shown, standing, topic, document.text, ask, seen, repeated, asked_once & asked, book)
            if shown.text == text:
                # a main clause after ", and" or ";" that the claim cut off, or whose facts the cap left out, may give one
                # card more, showing that clause alone: "In 1911 Vane sold the mill, and in 1920 the Lind Museum bought it.",
                # and a second for another of that clause's facts ("… the Lind Museum bought it" asks the museum too)
                later = [
                    list(_cards(index, shown, clause, topic, document.text, ask, seen, repeated, asked_once & asked, book))
                    for clause, _ in _main_clauses(text, mentions, standing, topic, book)
                ]
                if best := _best_new_card((card for clause_cards in later for card in clause_cards), made):
                    made += best
                    made += _best_new_card(iter(next(cards for cards in later if best[0] in cards)), made)
            asked.update(card.name for card in made)
            cards += made
        seen.update({m.name for m in mentions if _names_one_thing(m)})
        previous = claim
        claims.append(claim)
    if progress:
        progress("Writing cards", len(sentences), len(sentences))
    return _best(cards, card_limit(document, cards_per_1000_words))


def _best_new_card(cards: Iterator[_Card], made: list[_Card]) -> list[_Card]:
    """The best of `cards` whose answer no card `made` asks, alone in a list; an empty list when there is none."""
    asked = {card.key for card in made} | {card.name for card in made}
    new = [card for card in cards if card.key not in asked and card.name not in asked]
    return [max(new, key=lambda card: card.suggestion.score)] if new else []


def _joined_list(index: int, sentences: list[Sentence], found: list[list[Mention]], text: str) -> tuple[str, list[Mention], int] | None:
    """The line at `index` that ends with a colon and the items of the list after it that go on with its sentence
    (every item but the last ends with ";"), as one sentence with their mentions, and the index of the last item:
    "The largest recipients were:\n\n1. the United Kingdom, with about $3.3 billion;\n2. Italy, with about $1.2
    billion." -> "The largest recipients were: the United Kingdom, with about $3.3 billion; Italy, with about $1.2
    billion.", whose figures a card can ask beside what they are ("Italy, with {{about $1.2 billion}}." alone says
    nothing of what the amount was). None for any other sentence, and for a list of sentences of their own
    ("Drivers should keep the following in mind:\n\n- In winter some passes close …")."""
    if not sentences[index].text.endswith(":"):
        return None
    last = index
    while last + 1 < len(sentences) and (last == index or sentences[last].text.endswith(";")):
        if not _ITEM_BREAK.fullmatch(text, sentences[last].end, sentences[last + 1].start):
            break
        last += 1
    if last - index < 2 or sentences[last].text.endswith(":"):
        return None
    parts: list[str] = []
    mentions: list[Mention] = []
    for sentence, found_in in zip(sentences[index : last + 1], found[index : last + 1]):
        offset = sum(len(part) + 1 for part in parts)
        mentions += [dataclasses.replace(m, start=m.start + offset, end=m.end + offset) for m in found_in]
        parts.append(sentence.text)
    joined = " ".join(parts)
    joined = joined.removesuffix(";") + "." if joined.endswith(";") else joined
    return joined, mentions, last


def _names_one_thing(mention: Mention) -> bool:
    """Whether a mention names one thing the document may keep naming: a name, or an isotope ("carbon-14"), a term
    whose repeats are counted as a name's are."""
    return mention.kind in NAMED_KINDS or names_an_isotope(mention.name)


def _repeated_names(sentences: list[Sentence], found: list[list[Mention]]) -> frozenset[str]:
    """The things (not people) the document names in at least REPEATED_SHARE of its statements (and in
    REPEATED_AT_LEAST sentences), or in REPEATED_COUNT sentences however long it is: by the second time
    a card asks for one ("{{Cunard}}" in a history of a Cunard liner, "{{Eagle}}" in 15 of the 250
    sentences of a history of Apollo 11, "{{carbon-14}}" in an account of radiocarbon dating), the learner fills it in from the document's theme, not from
    memory."""
    naming: Counter[str] = Counter()
    for sentence, mentions in zip(sentences, found):
        naming.update({m.name for m in mentions if _names_one_thing(m) and m.kind is not MentionKind.PERSON})
    enough = min(REPEATED_COUNT, max(REPEATED_AT_LEAST, REPEATED_SHARE * _statements(sentences)))
    return frozenset(name for name, count in naming.items() if count >= enough)


def _with_field_words(texts: list[str], found: list[list[Mention]], explained: bool) -> list[list[Mention]]:
    """The mentions of each of `texts` (`found`) with the words rare in English and the substances that no rule found
    among them, each substance only in the first sentence that offers it (a learner meets "mercury" where a text
    introduces it; asked later, it is the document's theme), and in an explainer (`explained`: "How a Lock Works") the
    parts of its machines named by a noun before the part (see entities.part_compound_terms: "a {{tension wrench}}")."""
    offered: set[str] = set()
    with_field_words = []
    for text, mentions in zip(texts, found):
        substances = substance_terms(text, mentions, frozenset(offered))
        offered.update(m.name for m in substances)  # a compound by its name in lower case: "Carbon dioxide" offers "carbon dioxide"
        more = [*mentions, *substances, *rare_word_terms(text, [*mentions, *substances])]
        if explained:
            more += part_compound_terms(text, more)
        with_field_words.append(sorted(more, key=lambda m: m.start))
    return with_field_words


def _asked_once(sentences: list[Sentence], found: list[list[Mention]]) -> frozenset[str]:
    """The names asked once, where a card first asks for one; asked again, the learner fills the name
    in from the document's theme. In any document, the people it names in at least PRINCIPAL_SHARE of
    its statements (the architect in the history of his building, named in 10 of its 44 sentences): on
    the development articles the later cards of people named in 13 % of the sentences or fewer were
    mostly judged worth keeping, those of people named in 23 % and 28 % were all rejected. In a long
    document (LONG_DOCUMENT statements or more), every name it names in REPEATED_AT_LEAST sentences:
    in the two long development articles (3,600 words each) 60 of the 63 cards of such names from a
    sentence after the first that names them were rejected ("{{Culebra Cut}}", "{{Gorgas}}", "{{Skagway}}"
    in a chapter of their own story), against 10 of the 18 of names named in two sentences. And the compounds the
    document repeats that no other rule finds."""
    statements = _statements(sentences)
    long = statements >= LONG_DOCUMENT
    naming: Counter[str] = Counter()
    for mentions in found:
        naming.update({m.name for m in mentions if m.kind is MentionKind.PERSON or (long and m.kind in NAMED_KINDS)})
    principal = max(REPEATED_AT_LEAST, PRINCIPAL_SHARE * statements)
    # and a compound the document repeats (see entities._compounds_it_repeats): five cards asking "{{shear line}}"
    # teach it no better than one
    compounds = {m.name for mentions in found for m in mentions if m.repeated_compound}
    return frozenset(
        name for name, count in naming.items() if count >= REPEATED_AT_LEAST and (long or count >= principal)
    ) | compounds


def _statements(sentences: list[Sentence]) -> int:
    return sum(sentence.text.rstrip("\"'”’) ").endswith((".", "!")) for sentence in sentences)


# What follows a person's real name to give the pen name or stage name the person is known by: "Samuel Kell, who wrote
# under the pen name …", ", better known by his stage name …", ", who was better known as …".
_PEN_NAME_AFTER = re.compile(
    r",? (?:who (?:[a-z]+ ){1,3}?|(?:better |also |widely )?known )?(?:under|by|as|with) (?:the|a|his|her) (?:pen|stage|ring|assumed) name,? "
    r"|, (?:who (?:became|was|is) (?:[a-z]+ )?)?(?:better |widely |also )?known as "
)


def _topic(title: str, texts: list[str], found: list[list[Mention]], book: NameBook) -> _Topic | None:
    """What the document is about: an instrument its title names after a person it names (see
    _instrument_in_title), whatever its sentences name most; else the fullest name in its title that its
    sentences mention, or failing that a name that clearly dominates them. A person's name of unknown
    gender (or kind) is a person of the gender the document's leading pronouns give it (see
    _gender_of_the_pronouns_after)."""
    sentences_naming: Counter[str] = Counter()
    kinds: dict[str, MentionKind] = {}
    aliases: dict[str, set[str]] = {}
    for mentions in found:
        names = {mention.name for mention in mentions if mention.kind in NAMED_KINDS and mention.name not in lexicon.TRIVIAL_NAMES}
        sentences_naming.update(names)
        for mention in mentions:
            if mention.name in names:
                kinds.setdefault(mention.name, mention.kind)
                aliases.setdefault(mention.name, set()).add(mention.text)
    if not sentences_naming:
        return None
    instrument = _instrument_in_title(title, kinds)
    if instrument is not None:
        name, namesake = instrument
        kinds.setdefault(name, MentionKind.NAME)
        aliases.setdefault(name, set())
        return dataclasses.replace(_named_topic(name, kinds, aliases, book), namesake=namesake)
    # and a person's fuller name ending with the title's ("Amalie Emmy Noether" in the life of "Emmy Noether")
    in_title = [
        name for name in sentences_naming
        if _contains_word(title, name) or (kinds[name] is MentionKind.PERSON and " " in title and name.endswith(f" {title}"))
    ]
    # "Marie" and "Curie" in a title that says "Marie Curie" count for "Marie Curie"
    in_title = [name for name in in_title if not any(name != other and _contains_word(other, name) for other in in_title)]
    priority = list(MentionKind)
    (dominant, most), *rest = sentences_naming.most_common(2) + [("", 0)]
    # the name the title is about ("The Marshall Plan: how America paid for Europe's recovery") before one it only mentions
    name = max(in_title, key=lambda n: (_title_is_about(title, n), sentences_naming[n], -priority.index(kinds[n])), default="")
    if not name or (not _title_is_about(title, name) and most >= 3 * sentences_naming[name]):
        if most < 3 or most < 2 * rest[0][1]:  # no name clearly dominates: no topic, no context on the cards
            return None
        if _names_a_kind_of_the_titles_thing(dominant, title, texts, found):
            return None
        name = dominant
    named = dataclasses.replace(_named_topic(name, kinds, aliases, book), article=_titled_with_the(title, name))
    personal = named.kind is MentionKind.PERSON or named.kind is MentionKind.NAME and looks_like_a_persons_name(name)
    full = _full_name_before_the_nickname(name, texts, found) if personal else None
    if full is not None:
        named = dataclasses.replace(named, aliases=(full, *named.aliases))
    real = _real_name_behind_the_pen_name(name, texts, found) if personal and full is None else None
    if real is not None:
        real_names = (real, real.split()[-1])
        named = dataclasses.replace(named, aliases=(*real_names, *named.aliases), real_names=real_names)
    if named.gender is None and personal:
        # the real name behind a pen name tells it by its first name: "Rosalie Anne Kell, who wrote under the pen name …"
        told = _gender_of_the_pronouns_after(name, texts, found) or full and _gender_of_the_pronouns_after(full, texts, found)
        if (gender := told or real and book.gender(real)) is not None:
            named = dataclasses.replace(named, kind=MentionKind.PERSON, gender=gender)
    event = re.fullmatch(r"[A-Z][a-z]+ of (?:the )?(?P<thing>.+)", name)
    if event is None:
        return named
    thing = event.group("thing")
    # the ship by the name the title gives, else by its fuller name ("RMS Titanic" for "The Sinking of the Titanic")
    given = [other for other in sentences_naming if thing in (other, *aliases[other])]
    fuller = [other for other in sentences_naming if other.endswith(f" {thing}")]
    for other in (*given, *fuller):
        if other != name and (held := _named_topic(other, kinds, aliases, book)).ship:
            return dataclasses.replace(named, vessel=held)
    return named


def _full_name_before_the_nickname(name: str, texts: list[str], found: list[list[Mention]]) -> str | None:
    """The full name of the person a title names by a nickname and surname, when a sentence gives it with the same
    surname and says the person is known by the nickname: "Rosalie Anne Vane, known to her fans as Lolo, …" in the life
    of "Lolo Vane". None for any other name of the family ("Her father, Karl Vane, …")."""
    nickname, surname = name.split()[0], name.split()[-1]
    known_as = re.compile(rf"(?:known|called|nicknamed)(?: [a-z]+){{0,3}} (?:as )?[\"“]?{re.escape(nickname)}\b")
    return next(
        (
            m.name for text, mentions in zip(texts, found) for m in mentions
            if may_name_a_person(m) and m.name.split()[-1] == surname and len(m.name.split()) > len(name.split())
            and known_as.match(text, m.end + 2)
        ),
        None,
    ) if " " in name else None


def _real_name_behind_the_pen_name(name: str, texts: list[str], found: list[list[Mention]]) -> str | None:
    """The real name of the person a title names by a pen name or stage name, when a sentence gives the real name with
    the title's name as that pen name right after it (_PEN_NAME_AFTER): "Rosalie Anne Kell, who wrote under the pen name
    Lolo Vane, …" in the life of "Lolo Vane", whose sentences may then call her "Kell". None for a single word, or a name
    the pen name does not follow ("Her father, Karl Kell, …")."""
    pen_name = re.compile(rf"[\"“]?{re.escape(name)}\b")
    return next(
        (
            m.name for text, mentions in zip(texts, found) for m in mentions
            if may_name_a_person(m) and " " in m.name and m.name != name
            and (after := _PEN_NAME_AFTER.match(text, m.end)) and pen_name.match(text, after.end())
        ),
        None,
    )


def _names_a_kind_of_the_titles_thing(name: str, title: str, texts: list[str], found: list[list[Mention]]) -> bool:
    """Whether the document writes the name only before a word of its title, a kind of the thing the title names rather
    than the document's topic: "XR" of "an XR pump" in "How a Pump Works"."""
    title_words = {word.lower() for word in _WORD.findall(title) if len(word) > 3}
    after = [_WORD.match(text, mention.end + 1) for text, mentions in zip(texts, found) for mention in mentions if mention.name == name]
    return bool(after) and all(word is not None and word.group().lower().rstrip("s") in title_words for word in after)


def _titled_with_the(title: str, name: str) -> bool:
    """Whether the title is the name after "The", perhaps before a colon, a bracket or a site's name ("The Scopes Trial",
    "The Kell Trial: a town on trial"): the name takes its article in every sentence too, whatever its last word. Not a
    title that goes on after the name ("The Apollo 11 Mission" is no "the Apollo 11")."""
    titled = _TITLE_WITH_THE.fullmatch(title.strip())
    return titled is not None and titled.group("name") == name


def _gender_of_the_pronouns_after(name: str, texts: list[str], found: list[list[Mention]]) -> Gender | None:
    """The gender of the person `name` that the document's leading "He", "She", "His" or "Her" give, each in the
    sentence right after one that opens with that person and names no one else, when they all agree: "Marta Velez
    was a sculptor born in Valparaiso in 1902. She studied in Paris." (a first name the lexicon does not know, and
    no pronoun in the naming sentence), or after an opening phrase ("… A sculptor's daughter from Talca, she
    studied …"). None when they disagree (the life of a couple) or there is none. A sentence with a word for another
    person ("Marta Velez's father was a miner.", "Marta Velez hired an assistant.") offers its "He" to that one; not
    one that says what she was ("… was a Chilean sculptor"); nor one with pronouns of both genders ("Karl Lind took up
    her case himself, and she was freed. She died in 1622.": the woman he helped). A pronoun further into the sentence
    after counts too when no one is named or spoken of before it ("Marta Velez is Chile's best-known sculptor. Museums
    on four continents show her work.")."""
    genders: set[Gender] = set()
    for text, mentions, following, followings in zip(texts, found, texts[1:], found[1:]):
        people = {m.name for m in mentions if may_name_a_person(m)}
        opening = _OPENING.match(text).end()
        if (
            people == {name}
            and (
                leading := _LEADING_PERSONAL_PRONOUN.match(following) or _PRONOUN_AFTER_AN_OPENING.match(following)
                or _pronoun_before_anyone(following, followings)
            )
            and any(m.name == name and m.start == opening and not OWNED_PERSON.match(text, m.end) for m in mentions)
            and not _PEOPLE_NOUNS.intersection(_WORD.findall(_WHAT_SOMEONE_WAS.sub("", text).lower()))
            and not all(pronouns.search(text) for pronouns in _PRONOUNS_OF.values())
        ):
            genders.add(Gender.MALE if leading.group().split()[-1].lower() in lexicon.MALE_PRONOUNS else Gender.FEMALE)
    return genders.pop() if len(genders) == 1 else None


def _pronoun_before_anyone(text: str, mentions: list[Mention]) -> re.Match[str] | None:
    """The sentence's first personal pronoun ("he", "him", "her" …), when no name that may be a person's and no word for a person
    comes before it: "Museums on four continents show her work." (not "The queen gave her a title.", "Karl Lind gave
    her …": the pronoun may be another's)."""
    pronoun = _PERSONAL_PRONOUN.search(text)
    if pronoun is None or any(may_name_a_person(m) and m.start < pronoun.start() for m in mentions):
        return None
    return None if _PEOPLE_NOUNS.intersection(word.lower().removesuffix("s") for word in _WORD.findall(text, 0, pronoun.start())) else pronoun


def _instrument_in_title(title: str, kinds: dict[str, MentionKind]) -> tuple[str, str] | None:
    """The instrument a title names ("The Brandt Space Observatory": capitalised words, the last one of
    lexicon.INSTRUMENT_WORDS) after a person the document names ("the astronomer Oskar Brandt"), and the
    surname they share: ("Brandt Space Observatory", "Brandt"). The document is about the instrument however often it
    names the person, and may call it by that surname alone ("Brandt finally went up on 11 June 1990"), which then
    counts as the person's surname (see _namesakes_as_the_instrument). None for any other title."""
    named = _INSTRUMENT_TITLE.fullmatch(title.strip())
    if named is None or named.group("last") not in lexicon.INSTRUMENT_WORDS:
        return None
    surnames = _surnames(kinds)
    namesake = next((word for word in named.group("name").split()[:-1] if word in surnames), None)
    return (named.group("name"), namesake) if namesake else None


def _surnames(kinds: dict[str, MentionKind]) -> set[str]:
    """The last words of the people's names among `kinds`: who a thing may be named after ("Brandt", "Ford")."""
    return {name.split()[-1] for name, kind in kinds.items() if kind is MentionKind.PERSON}


def _namesakes_as_the_instrument(sentences: list[Sentence], found: list[list[Mention]], topic: _Topic | None) -> list[list[Mention]]:
    """The mentions of each sentence, with the surname an instrument topic shares with its person, used alone,
    taken for the instrument ("Brandt finally went up on 11 June 1990" in a document about the Brandt Space
    Observatory), unless it is plainly the person: after a role or a title ("the astronomer Brandt", "Dr Brandt"),
    before a verb only a person's life has ("Brandt died in 1962", "Brandt was born …", "Brandt said"), or after the
    person's full name in the same sentence. A card then never asks for it, and its label says which Brandt."""
    if topic is None or not topic.namesake:
        return found
    return [
        [
            dataclasses.replace(m, kind=MentionKind.NAME, name=topic.name)
            if m.kind is MentionKind.PERSON and m.text == topic.namesake and not _plainly_the_person(sentence.text, m, mentions)
            else m
            for m in mentions
        ]
        for sentence, mentions in zip(sentences, found)
    ]


def _plainly_the_person(text: str, mention: Mention, mentions: list[Mention]) -> bool:
    """Whether a surname alone is plainly a person's, not the instrument's named after them (see
    _namesakes_as_the_instrument)."""
    if _PERSON_BEFORE.search(text, 0, mention.start) or _PERSONS_OWN_VERB.match(text, mention.end):
        return True
    return any(m.kind is MentionKind.PERSON and m.name == mention.name and m.text != mention.text and m.end <= mention.start for m in mentions)


def _acts(topic: _Topic | None) -> bool:
    """Whether the topic is an instrument or a craft that observes and acts ("Brandt Space Observatory"), whose
    document calls it "the observatory" or "the telescope" and may mean it by a leading "Its"."""
    return topic is not None and topic.kind is not MentionKind.PERSON and topic.name.split()[-1] in lexicon.INSTRUMENT_WORDS


def _dated_event(title: str, found: list[list[Mention]]) -> _Topic | None:
    """The event a title names by its year, the first one when it joins two: "The 1906 Riverton Flood and Fire" ->
    "1906 Riverton Flood", "The 1871 Harbor Fire" -> "1871 Harbor Fire", "The 1953 Delta flood: a night of water"
    -> "1953 Delta Flood". The document is about it whatever its sentences name more often (the town, "Fire"),
    and it is written with its year, as the title writes it: "(1906 Riverton Flood) Santa Rosa, some 50 miles
    north, was badly wrecked." says which disaster. Its other forms are the name without the year and the
    names the sentences give that end it ("the Riverton Flood"). None for any other title."""
    dated = _DATED_EVENT.fullmatch(title.strip())
    if dated is None:
        return None
    *words, last = dated.group("event").split()
    name = " ".join([*words, last.capitalize()])
    undated = " ".join([*words[1:], last.capitalize()])
    named = [m for mentions in found for m in mentions if m.kind in NAMED_KINDS and _contains_word(undated, m.name)]
    forms = {name, undated} | {m.text for m in named if " " in m.name and undated.endswith(m.name)}
    place = _place_of_the_event(name, [m.name for m in named if m.kind is MentionKind.PLACE])
    return _Topic(name, MentionKind.NAME, tuple(sorted(forms, key=len, reverse=True)), None, year=words[0], place=place)


def _place_of_the_event(name: str, places: list[str]) -> str:
    """The place among `places` that an event's name holds ("San Francisco" of the "1906 San Francisco Earthquake",
    "Paris" of the "Great Flood of Paris"), which "the city" of its document is; "" for a name of no event."""
    return next((place for place in places if _contains_word(name, place)), "") if _names_an_event(name) else ""


def _named_topic(name: str, kinds: dict[str, MentionKind], aliases: dict[str, set[str]], book: NameBook) -> _Topic:
    """The topic `name`, with the forms the document uses for it (`aliases` maps each name to the texts that
    mention it; any other name there may be one of its forms, "GPS" for the "Global Positioning System"),
    a ship when one of them is a ship's ("RMS Titanic")."""
    forms = aliases[name] | {name}
    words = name.split()
    fuller = []
    if kinds[name] is MentionKind.PERSON and len(words) > 1:
        forms.add(words[-1])  # "Curie" in a document about Marie Curie
        # "Jack Roosevelt Robinson" in a life of "Jackie Robinson": the full name a document opens with, whose gender
        # the first name tells when the title's pet form does not
        fuller = [other for other in aliases if kinds[other] is MentionKind.PERSON and _full_form_of(name, other)]
        forms.update(fuller)
    makers = _surnames(kinds)
    for other in aliases:  # "Global Positioning System" in a document about GPS, and the reverse;
        # "Baikal" in one about Lake Baikal; "Model T" in one about the Ford Model T, named after Henry Ford
        if (
            _initials(other) in (name, *forms) or _initials(name) == other or other == _without_generic_word(name)
            or kinds[name] is not MentionKind.PERSON and words[0] in makers and other == " ".join(words[1:])
        ):
            forms |= aliases[other] | {other}
    # "Model Ts were shipped …" (but "the Robinsons" are a family, not one of them)
    copies = tuple(other for other in aliases if kinds[name] is not MentionKind.PERSON and other.endswith("s") and other[:-1] in forms)
    ship = kinds[name] is not MentionKind.PERSON and any(form.split()[0] in lexicon.VESSEL_PREFIXES for form in forms if " " in form)
    gender = Gender.FEMALE if ship else book.gender(name) or next((told for other in fuller if (told := book.gender(other))), None)
    place = _place_of_the_event(name, [other for other, kind in kinds.items() if kind is MentionKind.PLACE])
    return _Topic(name, kinds[name], tuple(sorted(forms, key=len, reverse=True)), gender, ship, place=place, copies=copies)


# Where a sentence says what kind of thing a name is, by a noun of lexicon.TOPIC_KIND_NOUNS or THING_NOUNS: before it
# ("the Gothic cathedral {Kell Abbey}"), or after it, set off by a comma or after "is/was" ("{the Vega}, the temple
# that …", "{Route 9} was a highway"), the noun ending the phrase, perhaps the last word of a compound ("{the Vega}, the
# palace-fortress of …" is a fortress); the words between are no "and" or "or" ("the Vega, the Orla and the temple …"
# says nothing of the Vega).
_KIND_NOUNS = "|".join(sorted(lexicon.TOPIC_KIND_NOUNS | set(lexicon.THING_NOUNS)))
_KIND_NOUN_BEFORE_A_NAME = re.compile(rf"\b(?i:the|an?) (?:(?!and |or )[\w’'-]+ ){{0,2}}(?P<noun>{_KIND_NOUNS}) $")
_KIND_NOUN_AFTER_A_NAME = re.compile(
    rf"(?:,| (?:is|was|has been)) (?:an?|the) (?:(?!and |or )[\w’'-]+ ){{0,3}}?(?:[a-z]+-)?(?P<noun>{_KIND_NOUNS})"
    r"(?=[,.;:]| (?:in|of|on|at|that|which|built|made|launched|with|for|from|where|dedicated|designed|and)\b)"
)
# A subject "The" and a noun for a thing, before its verb: "The ship was ordered …", "The airship first flew …".
_THING_NOUN_SUBJECT = re.compile(rf"The (?P<noun>{'|'.join(sorted(lexicon.THING_NOUNS))}){_VERB_OF_THE_SUBJECT.pattern}")
# A possessive or subject pronoun a thing or a ship goes on with, opening a sentence: "Its …", "Her working life …".
_THINGS_PRONOUN_OPENING = re.compile(r"(?:It|Its|She|Her)\b")
# The kind of thing a title calls its topic after the name: "Kell Abbey: Eight Centuries of a Cathedral", "The Orla:
# A History of a Famous Airship".
_KIND_NOUN_OF_A_TITLE = re.compile(rf"\b(?:a|an) (?:[A-Z][\w’'-]* )?(?P<noun>(?i:{_KIND_NOUNS}))\s*$")


def _kind_noun_said_of(text: str, mention: Mention) -> str | None:
    """The noun of a kind of thing the sentence says the named thing is, if any (see _KIND_NOUN_AFTER_A_NAME)."""
    said = _KIND_NOUN_BEFORE_A_NAME.search(text, 0, mention.start) or _KIND_NOUN_AFTER_A_NAME.match(text, mention.end)
    return said.group("noun") if said else None


def _with_kind_nouns(topic: _Topic | None, title: str, texts: list[str], found: list[list[Mention]]) -> _Topic | None:
    """The topic (a named thing) with the nouns the document says it is, though its name does not hold them (see
    _kind_nouns_of_the_topic)."""
    if topic is None or topic.kind is MentionKind.PERSON or topic.common:
        return topic
    nouns = _kind_nouns_of_the_topic(topic, title, texts, found)
    if nouns & lexicon.SHIP_WORDS and not topic.ship:
        # "The Cutty Sark was built in 1869 …. The ship was ordered by …": a ship, which the document may call "she"
        return dataclasses.replace(topic, kind_nouns=nouns, ship=True, gender=Gender.FEMALE)
    return dataclasses.replace(topic, kind_nouns=nouns)


def _kind_nouns_of_the_topic(topic: _Topic, title: str, texts: list[str], found: list[list[Mention]]) -> frozenset[str]:
    """The nouns a sentence or the title gives the topic itself (see _KIND_NOUN_AFTER_A_NAME, _KIND_NOUN_OF_A_TITLE, and a
    subject "The ship" right after a sentence that opens with the topic, _THING_NOUN_SUBJECT), with the shorter nouns each
    may be called by ("locomotive", then "engine"): the Parthenon is "the temple" after
    "the Parthenon, the temple that …". Not a noun said of another name ("the Erechtheion, a temple"), nor one the
    document also gives another name: which one "the temple" is is then unsure. A numbered route is "the road"."""
    given: defaultdict[str, set[str]] = defaultdict(set)  # noun -> the names it is said of
    previous_opens_with_the_topic = False
    for text, mentions in zip(texts, found):
        for m in mentions:
            if m.kind in NAMED_KINDS and m.kind is not MentionKind.PERSON and (noun := _kind_noun_said_of(text, m)):
                given[noun].add(topic.name if _is_topic(m, topic) else m.name)
        # "Kell Abbey rises above the town. It has been a cathedral, …": a leading "It" right after a sentence that opens
        # with the topic's name, perhaps after a participle phrase that describes it ("Built in white marble by a grieving
        # king, it is the most famous tomb in the world")
        start = participle.end() if (participle := _PARTICIPLE_BEFORE_IT.match(text)) else 0
        if (
            text[start : start + 3] == ("it " if start else "It ") and previous_opens_with_the_topic
            and (said := _KIND_NOUN_AFTER_A_NAME.match(text, start + len("It")))
        ):
            given[said.group("noun")].add(topic.name)
        opening = _OPENING.match(text).end()
        if previous_opens_with_the_topic and (subject := _THING_NOUN_SUBJECT.match(text, opening)):
            given[subject.group("noun")].add(topic.name)  # "The Orla first flew in 1931. The airship was …"
        if not ends_like_a_sentence(text):
            continue  # "… she is the only tea clipper left. [A Scottish build] The ship was ordered …": the same ship
        # (or goes on with it: "The Cutty Sark was built in 1869 …. Her working life spanned …")
        previous_opens_with_the_topic = any(text[opening : m.start] in ("", "The ") and _is_topic(m, topic) for m in mentions) or (
            previous_opens_with_the_topic and _THINGS_PRONOUN_OPENING.match(text, opening) is not None
        )
    named = next((alias for alias in topic.aliases if _contains_word(title, alias)), None)
    if named is not None and named in title and (of_the_title := _KIND_NOUN_OF_A_TITLE.search(title.split(named, 1)[-1])):
        given[of_the_title.group("noun").lower()].add(topic.name)
    nouns = {noun for noun, names in given.items() if names == {topic.name} and not any(_is_named_by(alias, noun) for alias in topic.aliases)}
    if any(_NUMBERED_ROUTE.fullmatch(alias) for alias in topic.aliases):
        nouns.add("road")
    # "…, and the building was finished in 537." of a cathedral: the topic, when the document calls no other name a building
    a_building = nouns & lexicon.SINGLE_BUILDING_NOUNS or topic.name.split()[-1].lower() in lexicon.SINGLE_BUILDING_NOUNS
    another = {name for noun in lexicon.GENERIC_BUILDING_NOUNS for name in given.get(noun, ())} - {topic.name}
    if a_building and not another and not any(
        _is_named_by(m.name, noun) and not _is_topic(m, topic) for mentions in found for m in mentions for noun in lexicon.GENERIC_BUILDING_NOUNS
    ):
        nouns |= lexicon.GENERIC_BUILDING_NOUNS
    return frozenset(short for noun in nouns for short in lexicon.THING_NOUNS.get(noun, (noun,)))


def _full_form_of(name: str, other: str) -> bool:
    """Whether `other` is a fuller form of the person's `name`: the same surname after a first name that one of
    the two shortens and more names between ("Jack Roosevelt Robinson" for "Jackie Robinson", "Samuel Finley Breese
    Morse" for "Sam Morse"), or whose stem a pet form in "-ie" or "-y" keeps ("Charles Spencer Chaplin" for "Charlie
    Chaplin"); not another of the family ("Rachel Robinson", "Mack Robinson")."""
    short, full = name.split(), other.split()
    # "Charlie" keeps "Charl" of "Charles", "Freddie" "Fred" of "Frederick": a stem of four letters at least, so
    # "Sally" is no "Salome"
    stem = re.sub(r"(\w)\1?(?:ie|y)$", r"\1", short[0])
    return (
        len(full) > len(short) and full[-1] == short[-1] and min(len(short[0]), len(full[0])) >= 3
        and (short[0].startswith(full[0]) or full[0].startswith(short[0]) or len(stem) >= 4 and stem != short[0] and full[0].startswith(stem))
    )


# A title saying how a thing works: "How a jet engine works", "How Tides Work" (not "How to bake bread").
_EXPLAINER_TITLE = re.compile(r"How (?!to\b)(?:(?:an?|the) )?(?P<words>[\w’'-]+(?: [\w’'-]+)+?)\??", re.IGNORECASE)


def _thing_explained(title: str) -> str:
    """The thing a title says how it works or what it does: the subject before the title's verb ("How tides
    work" -> "tides", "How a jet engine works" -> "jet engine", "How glaciers move" -> "glaciers", "How honey
    bees make honey" -> "honey bees", "How a bill becomes law" -> "bill"); or the event a title dates ("The Great
    Flood of Paris, 1910" -> "The Great Flood of Paris"): the document is about it as if titled so. Any other
    title as it is, "How to bake bread" too: a verb phrase names no thing."""
    dated = re.fullmatch(r"(?P<dated>.+?),\s*\d{4}", title.strip())
    if dated:
        return dated.group("dated")
    explained = _EXPLAINER_TITLE.fullmatch(title.strip())
    if explained is None:
        return title
    words = explained.group("words").split()
    for index in range(1, min(len(words), MAX_SUBJECT_WORDS + 1)):
        if _starts_the_predicate(words, index):
            return " ".join(words[:index])
    return title


def _not_the_thing_explained(named: _Topic, thing: str, texts: list[str]) -> bool:
    """Whether the name the document names most is not the thing its "How …" title explains: a name outside it ("How
    an Elevator Works" is about elevators, not about Otis, whom its sentences name most), or a word of it when the
    document writes the whole thing often enough to be its topic ("Smoke" of "Smoke particles …" in "How a Smoke
    Detector Works")."""
    if not _contains_word(thing, named.name):
        return True
    return len(named.name.split()) < len(thing.split()) and _title_phrase(thing, texts) is not None


def _starts_the_predicate(words: list[str], index: int) -> bool:
    """Whether words[index] of a "How …" title is its verb: it follows a plural ("glaciers move", "volcanoes
    erupt"), is a verb the engine knows ("becomes", "work"), or is a word in "-s" not followed by a verb the
    engine knows ("a jet engine works", "the heart pumps blood"; not "honey bees make")."""
    word, before = words[index].lower(), words[index - 1].lower()
    if PLURAL_NOUN.fullmatch(before) or word in _TITLE_VERBS:
        return True
    following = words[index + 1].lower() if index + 1 < len(words) else ""
    return bool(PLURAL_NOUN.fullmatch(word)) and following not in _TITLE_VERBS


# A word of a title phrase: letters, or a short form with a digit in it ("3D", "4K").
_TITLE_PHRASE_WORD = r"(?:[A-Za-z]+|\d[A-Z]{1,2})"


def _title_phrase(title: str, texts: list[str], by_its_last_word: bool = False) -> _Topic | None:
    """The common noun a title of one to three words names ("The honey bee", "Volcanoes") as the topic
    of a document that names nothing in its title, when at least `TITLE_PHRASE_SENTENCES` sentences
    use it: "(Honey bee) A queen emerges 16 days after …" says whose queen. With `by_its_last_word` (the thing a "How …"
    title explains), sentences that write only its last word, in the singular or the plural, count too: "How a Fire
    Extinguisher Works" of a document that says "the extinguisher", "Modern extinguishers …"."""
    phrase = re.sub(r"^(?:the|an?)\s+", "", title.strip(), flags=re.IGNORECASE)
    if not re.fullmatch(rf"{_TITLE_PHRASE_WORD}(?:[ -]{_TITLE_PHRASE_WORD}){{0,2}}", phrase):
        return None
    head = phrase.split()[-1]
    plural = head.removesuffix("s") if head.endswith("s") else f"{head}s"
    forms = (phrase, head, plural) if by_its_last_word and " " in phrase else (phrase,)
    if sum(any(_contains_word(text, form) for form in forms) for text in texts) < TITLE_PHRASE_SENTENCES:
        return None
    # a title's capitalised words lowered, not a short form ("3D Printer" -> "3D printer", "GPS Satellites" -> "GPS
    # satellites")
    lowered = re.sub(r"\b[A-Z][a-z]+\b", lambda word: word.group().lower(), phrase)
    name = lowered[0].upper() + lowered[1:]
    return _Topic(name, MentionKind.NAME, (name,), None, common=True)


def _without_generic_word(name: str) -> str:
    """ "Lake Baikal" -> "Baikal", "Thames River" -> "Thames", "RMS Queen Mary" -> "Queen Mary"; "" for a
    name without such a word."""
    words = name.split()
    if len(words) > 1 and words[0] in lexicon.VESSEL_PREFIXES:
        return " ".join(words[1:])
    if len(words) == 2 and (words[0] in lexicon.PLACE_FIRST_WORDS or words[1] in lexicon.PLACE_FIRST_WORDS):
        return words[1] if words[0] in lexicon.PLACE_FIRST_WORDS else words[0]
    return ""


def _title_is_about(title: str, name: str) -> bool:
    """Whether the title is plainly about the name: the name alone or before a colon or a dash ("Lake Baikal: the
    deepest lake", "The Brandt Loom — a history of the machine") or its year ("The Great Fair of 1902"), its subject
    ("Heat is …", "How GPS works"), or after "of" or "about" ("A short history of San Francisco"); not "… sank Hollywood"."""
    escaped = re.escape(name)
    return bool(
        len(title.split()) <= len(name.split()) + 1
        or re.match(rf"(?:the\s+)?{escaped}(?:\s*:| [-–—|] | of \d{{4}}$)", title, re.IGNORECASE)
        or re.search(rf"{escaped}[\"”’]?(?:['’]s)? (?:is|was|are|were|has|had|remains|[a-z]+s)\b", title)
        or re.search(rf"\b(?:of|about)\s+(?:the\s+)?[\"“]?{escaped}", title)
    )


def _initials(name: str) -> str:
    words = [word for word in name.split() if word[:1].isupper()]
    return "".join(word[0] for word in words) if len(words) > 1 else ""


def _is_topic(mention: Mention, topic: _Topic | None) -> bool:
    """Whether the mention names the topic; a person never names a ship ("Queen Mary, the wife of King
    George V, launched the ship" in a history of the Queen Mary)."""
    if topic is None or mention.kind not in NAMED_KINDS or (topic.ship and mention.kind is MentionKind.PERSON):
        return False
    return mention.name == topic.name or mention.text in topic.aliases or mention.text in topic.copies


def _is_personal(topic: _Topic) -> bool:
    """Whether "she" or "he" may stand for the topic: a person, or a ship, which is "she"."""
    return topic.kind is MentionKind.PERSON or topic.ship


def _contains_word(text: str, phrase: str) -> bool:
    """Whether `phrase` is in `text` as whole words, whatever their case. Found without a regular expression:
    one per phrase would be compiled for each name of the document, more than `re`'s cache holds, and the
    compiling took a fifth of the time of a long article's suggestions."""
    if not phrase:
        return False
    haystack, needle = text.lower(), phrase.lower()
    at = haystack.find(needle)
    while at >= 0:
        end = at + len(needle)
        if not (at and _is_word_character(haystack[at - 1])) and not (end < len(haystack) and _is_word_character(haystack[end])):
            return True
        at = haystack.find(needle, at + 1)
    return False


def _is_word_character(character: str) -> bool:
    """What a regular expression's \\w matches."""
    return character.isalnum() or character == "_"


def _says_who_the_topic_is(text: str, topic: _Topic, book: NameBook) -> bool:
    """Whether the text names the topic by a form that still says who it is months later: not by a person's first name
    alone that another person of the document has too ("Vincent was the eldest …" beside his uncle Vincent, in the life
    of Vincent van Gogh, is labelled with his name), nor by the real name behind the title's pen name ("Clemens …" in
    the life of Mark Twain)."""
    first_name = topic.name.split()[0] if topic.kind is MentionKind.PERSON and " " in topic.name else None
    return any(
        _contains_word(text, alias) for alias in topic.aliases if (alias != first_name or alias not in book.shared) and alias not in topic.real_names
    )


def _cards(
    index: int,
    sentence: Sentence,
    claim: Claim,
    topic: _Topic | None,
    document_text: str,
    ask: Ask | None,
    seen: Counter[str],
    repeated: frozenset[str],
    asked_once: frozenset[str],
    book: NameBook,
) -> list[_Card]:
    speech = [q for q in quotations(claim.text) if not q.is_title]
    context = ""
    if topic and not _says_who_the_topic_is(claim.text, topic, book):
        context = f"({topic.name}) "
    words = frozenset(word.lower() for word in _WORD.findall(sentence.text))
    quality = _sentence_quality(sentence.text, sentence.start / len(document_text))
    quality *= LEANING_FACTOR ** _leaning_phrases(claim.text, topic)
    named = {m.name for m in claim.mentions if m.kind in NAMED_KINDS}
    cards: list[tuple[_Card, Mention]] = []  # each card with the mention it asks
    for mention in claim.mentions:
        if any(q.start <= mention.start < q.end for q in speech) or _refused(claim, mention, topic):
            continue
        if mention.kind in (MentionKind.PERSON, MentionKind.NAME) and mention.text in book.shared:
            continue  # "{{Roebling}}" when father and son are both Roebling: which one?
        if _common_noun_opening(claim, mention, book):
            continue  # "{{Surgery}} later moved on …": a common noun, capitalised because it opens the sentence
        if _piece_of_a_possessive_name(claim, mention, book):
            continue  # "the Women's {{Air Derby}}", "the {{Women}}'s Air Derby": half of one name
        if mention.kind in (MentionKind.PERSON, MentionKind.NAME) and _family_or_nation(mention.text, book):
            continue  # "The {{Curies}} guessed …", "The {{Soviets}} tried …": a group, not who did it
        if mention.kind is MentionKind.PERSON and seen[mention.name] >= WELL_KNOWN_AFTER:
            continue  # the person the document keeps talking about: by now a guess, not a memory
        if mention.name in repeated and seen[mention.name]:
            continue  # a thing the document keeps naming, asked again
        if mention.name in asked_once:
            continue  # a name the document keeps using, asked again ("{{Utzon}}'s sketches showed …")
        # A date or number is clearer beside a name than beside "the restaurant"; one of a pair ("{{Watson}}
        # and Crick", "between {{1932}} and 1935") is half given by the other.
        alone = 1.0 if mention.kind in NAMED_KINDS or named else 0.85
        if _paired(claim, mention):
            alone = PAIRED_FACTOR
        shown, mention = _shortened(claim, mention, book)
        made = _question(shown, mention)
        if made is None and ask is not None and (asked := ask(index, shown, mention)) is not None:
            made = (*asked, mention.name)
        if made is None:
            rule = f"cloze:{mention.kind.value}"
            after = shown.text[mention.end :]
            # the same again in other units or in short would give it away: "{{1,595 feet}} (486 m)", "the {{Northern Sky
            # Survey Office}} (NSSO)", whose initials spell the answer's words
            again = _OTHER_UNITS.match(after) if mention.kind is MentionKind.QUANTITY else _SHORT_FORM_AFTER.match(after) or _SHORT_FORM_ASIDE.match(after)
            if again and (mention.kind is MentionKind.QUANTITY or _is_short_form(again.group(1), mention.text)):
                after = after[again.end() :]
            front = f"{shown.text[: mention.start]}{{{{c1::{mention.text}}}}}{after}"
            rest = shown.text[: mention.start] + " … " + after
            kind, back, answer, bonus = SuggestionKind.CLOZE, "", mention.text, 0.0
        else:
            rule, front, answer = made
            rest = front
            kind, back, bonus = SuggestionKind.QUESTION, answer, _QUESTION_BONUS
        label = context
        if mention.kind is MentionKind.DATE and topic and topic.year:
            # "(1906 Riverton Flood) … on the morning of {{12 March 1906}}": the event's year gives the date's year, not its day
            label, rest = (part.replace(topic.name, topic.name.removeprefix(f"{topic.year} ")) for part in (label, rest))
        # a nickname, or the person a thing is named after, is given away only by all its words
        whole_only = bool(_NICKNAME.search(shown.text, 0, mention.start)) or (
            mention.kind is MentionKind.PERSON and _NAMESAKE_BEFORE.search(shown.text, 0, mention.start) is not None
        )
        if _guessable(mention, answer, rest, label=label, common_words=book.common_words, nickname=whole_only):
            continue
        value = _value(claim, mention)
        # A name late in a sentence is more often an aside ("…, one of {{Humphrey Bogart}}'s co-stars"),
        # unless the sentence gives it ("… ordered that it be called {{Boulder Dam}}")
        late = LATE_FACTOR * mention.start / len(shown.text) if mention.kind in NAMED_KINDS and not _is_given_name(shown, mention) else 0.0
        # A name the document introduces here is more often a key fact than one it named before.
        again = REPEATED_NAME_FACTOR if mention.kind in NAMED_KINDS and mention.name in seen else 1.0
        score = round(value * quality * alone * again * (1 - late) + bonus + min(len(answer), 20) / 400, 4)
        suggestion = Suggestion(kind, context + front, back, answer, sentence.start, sentence.end, rule, score)
        cards.append((_Card(suggestion, index, _normalised(answer), mention.name, words, once=mention.rare_word), mention))
    cards.sort(key=lambda made: -made[0].suggestion.score)
    # a long sentence holds more facts: one more card may come from it
    limit = MAX_CARDS_PER_SENTENCE + (len(_WORD.findall(sentence.text)) >= LONG_SENTENCE_WORDS)
    kept = [card for card, _ in cards[:limit]]
    # when every card the limit keeps asks an amount or a moment, what they are about is a fact too: its best card is
    # kept beside them ("In 1871 the board levied a {{Harbour Light Duty}} of $12 a voyage", after 1871 and $12)
    if all(mention.kind in _AMOUNT_OR_TIME_KINDS for _, mention in cards[:limit]):
        kept += [card for card, mention in cards[limit:] if _what_the_amounts_are_about(mention)][:1]
    return kept


def _what_the_amounts_are_about(mention: Mention) -> bool:
    """Whether the mention may say what a sentence's amounts and moments are about: a name or a term, not another amount,
    nor one word of unknown kind opening the sentence, which the finder took for a name by its capital alone ("{{Building}}
    began in 1756")."""
    opening_word = mention.kind is MentionKind.NAME and mention.start == 0 and " " not in mention.text
    return mention.kind not in _AMOUNT_OR_TIME_KINDS and not opening_word



def _family_or_nation(name: str, book: NameBook) -> bool:
    """Whether the name is the plural of a surname the document gives ("the Curies" beside Marie Curie)
    or of a nationality ("the Soviets", "600 East Germans"): a family or a people, not an answer that says who."""
    singular = name.removesuffix("s")
    return singular != name and ((" " not in name and singular in book.full_names) or names_a_people(name))


def _inside_an_unmarked_title(claim: Claim, mention: Mention) -> bool:
    """Whether the name is a piece of a longer title written without quotation marks, which the mention finder took
    apart: it comes after a capitalised word and "of" or "by" that no mention of a known kind holds, and that does not
    open the sentence ("Lyell's Principles of {Geology}", "On the Origin of Species by {Means of Natural Selection}";
    not "the Duke of {Wellington}", one mention, nor "Born of {Irish} parents"); or it goes on as a title, or comes
    right after one that does (see _goes_on_as_a_title); or it ends a title that a word for a work and a capitalised
    word open ("his book On the {Sensations of Tone}", "the play Inherit the {Wind}"). A title's first word after a word
    for a work is _TITLE_GOES_ON's ("his book {On} the Origin of Species")."""
    word = _WORD_OF_A_TITLE_BEFORE.search(claim.text, 0, mention.start)
    holder = next((m for m in claim.mentions if m.start <= word.start() < m.end), None) if word else None
    # a name of unknown kind not shaped like a person's ("Herbert Morrison of {WLS}"), or a person's name with a
    # possessive inside ("Charles Lyell's Principles"), may be a title's words
    unknown_holder = holder is not None and holder.kind in (MentionKind.NAME, MentionKind.WORK) and not looks_like_a_persons_name(holder.name)
    if word and word.start() > claim.inserted and (holder is None or unknown_holder or re.search(r"['’]s ", holder.text)):
        return True
    if _goes_on_as_a_title(mention, claim.text[mention.end :]):
        return True
    # "The Expression of the Emotions in {Man} and Animals": after such a name and a small word
    if any(_goes_on_as_a_title(m, claim.text[m.end :]) and m.end < mention.start <= m.end + len(" of the ") for m in claim.mentions):
        return True
    return _TITLE_OPENED_BEFORE.search(claim.text, 0, mention.start) is not None


def _goes_on_as_a_title(mention: Mention, after: str) -> bool:
    """Whether a name of unknown kind with "of" inside goes on as a longer title's words: with "by" or "of" and a
    capitalised word ("On the {Origin of Species} by Means of …"), or, when it holds "of the", with "in" or "and" too
    ("The {Expression of the Emotions} in Man and Animals"; not "the {Elector of Cologne} in Bonn", "the {Gulf of
    Mexico} and Southeast Asia", nor "the Footballer of the Year by the {Football Writers' Association}")."""
    if mention.kind not in (MentionKind.NAME, MentionKind.WORK) or " of " not in mention.text:
        return False
    going_on = _TITLE_WORD_AFTER.match(after)
    return going_on is not None and (" of the " in mention.text or going_on.group(1) in ("by", "of"))


def _value(claim: Claim, mention: Mention) -> float:
    """How much the fact is usually worth learning: by its kind; a name of unknown kind more when it
    has several words or the sentence introduces it ("a system called {{Transit}}"); most, a name the
    sentence gives ("ordered that it be called {{Boulder Dam}}")."""
    if _is_given_name(claim, mention):
        return _GIVEN_NAME_VALUE
    if mention.repeated_compound or mention.shaped_term:
        return _REPEATED_COMPOUND_VALUE
    if mention.substance:
        return _SUBSTANCE_VALUE
    if mention.rare_word:
        return _RARE_WORD_VALUE
    if mention.kind is MentionKind.NAME:
        introduced = _INTRODUCED.search(claim.text[: mention.start])
        return _MULTI_WORD_NAME if " " in mention.text or introduced else _KIND_VALUE[mention.kind]
    if mention.kind is MentionKind.TERM and _CAUSE_OF_DEATH.search(claim.text, 0, mention.start):
        return _CAUSE_OF_DEATH_VALUE
    if mention.kind is MentionKind.PLACE and _BIRTHPLACE_BEFORE.search(claim.text, 0, mention.start):
        return _BIRTHPLACE_VALUE
    if mention.text in lexicon.PLACES and _NEW_HOME_BEFORE.search(claim.text, 0, mention.start):
        return _FAMOUS_NEW_HOME_VALUE  # below the names beside it: "where Smith met Voltaire, and settled in {{Paris}}"
    if mention.kind is MentionKind.COUNT and is_a_rank_at(claim.text, mention.start):
        return _RANK_VALUE  # "came {{second}}", "finished {{3rd}}" (not "came {{two}} days later")
    if mention.kind is MentionKind.COUNT and _is_small_count(mention):
        return _SMALL_COUNT_VALUE
    if mention.kind is MentionKind.COUNT and _is_large_count(mention) and not _CURRENCY_AFTER.match(claim.text, mention.end):
        return _LARGE_COUNT_VALUE
    return _KIND_VALUE[mention.kind]


def _shares_a_word(words: str, title: str) -> bool:
    """Whether one of `words` is one of the title's, in the singular or the plural ("jet engines" and "How a Jet Engine
    Works")."""
    title_words = {word.lower().removesuffix("s") for word in _WORD.findall(title)}
    return any(word.lower().removesuffix("s") in title_words for word in _WORD.findall(words))


def _is_given_name(claim: Claim, mention: Mention) -> bool:
    """Whether the mention is a name the sentence gives something: "ordered that it be called {{Boulder Dam}}"."""
    return mention.kind in NAMED_KINDS and _GIVEN_NAME.search(claim.text, 0, mention.start) is not None


# Round 110, part C. "The" and perhaps a lower-case word right before a name (_THE_AND_A_WORD_BEFORE) or before a
# capitalised word's possessive: "the first |Women's ", "the |King's "
_THE_AND_A_WORD = r"\b[Tt]he (?:[a-z]+ )?"
_THE_AND_A_WORD_BEFORE = re.compile(_THE_AND_A_WORD + "$")
_THE_BEFORE_A_POSSESSIVE = re.compile(_THE_AND_A_WORD + r"(?P<word>[A-Z][a-z]+)['’]s $")
# The possessive of a name's last word and a capitalised word after it: "{Women}|'s Air Derby", "{Moor’s}| Last Sigh"
_POSSESSIVE_GOES_ON = re.compile(r"['’]s [A-Z]")


def _piece_of_a_possessive_name(claim: Claim, mention: Mention, book: NameBook) -> bool:
    """Whether the mention is half of one name that a common noun's possessive opens after "the", the mention finder
    having cut it at the possessive: "the first Women's {Air Derby}", "the first {Women}'s Air Derby", "the {2nd Light
    Battalion of the King}'s German Legion" cut from "the King's German Legion". The possessive word is one the document
    also writes in lower case ("women", "king"), so it owns nothing: not "the Smithsonian's {National Air and Space
    Museum}" (the museum is the Smithsonian's), nor "{Charles Dickens}'s American Notes" (no "the")."""
    before = _THE_BEFORE_A_POSSESSIVE.search(claim.text, 0, mention.start)
    if before and before["word"].lower() in book.common_words:
        return True
    owner = re.sub(r"['’]s$", "", mention.text)
    return (
        _POSSESSIVE_GOES_ON.match(claim.text, mention.start + len(owner)) is not None
        and _THE_AND_A_WORD_BEFORE.search(claim.text, 0, mention.start) is not None
        and owner.split()[-1].lower() in book.common_words
    )


def _common_noun_opening(claim: Claim, mention: Mention, book: NameBook) -> bool:
    """Whether the mention is one word opening the claim that the document also writes in lower case and never names
    inside a sentence: "Surgery later moved on …" beside "modern surgery", "Thunder can be heard …" beside "the
    thunder" and a slogan's "When Thunder Roars" (not "Jumbo was an elephant." beside "the Society sold Jumbo" and 'the
    word "jumbo"')."""
    word = mention.text
    return (
        mention.kind in (MentionKind.NAME, MentionKind.PERSON) and mention.start == 0 and " " not in word
        and word.lower() in book.common_words and word not in book.names_inside and word not in book.full_names
    )


def _gives_away_a_latin_name(claim: Claim, mention: Mention) -> bool:
    """Whether a word of the claim outside the Latin name opens as one of its words does, which gives that half away:
    "Darwin's bark spider, Caerostris {darwini}", "Lind's cave spider, Nesticus {lindii}" (up to five letters of its stem)."""
    rest = claim.text[: mention.start] + " " + claim.text[mention.end :]
    stems = [re.sub(r"(?:ii|i|ae|a|us|um|is|ensis)$", "", word.lower())[:5] for word in mention.text.split()]
    return any(len(stem) >= 4 and re.search(rf"\b{re.escape(stem)}", rest, re.IGNORECASE) for stem in stems)


# A grade named by its letter: "Class B", "Type A", "Group C"
_GRADE_BY_ITS_LETTER = re.compile(r"(?:Class|Type|Grade|Group|Category) [A-Z]")


def _refused(claim: Claim, mention: Mention, topic: _Topic | None) -> bool:
    """Whether a rule of good cards refuses the mention as an answer (docs/card-rules.md)."""
    text = mention.text
    if claim.subject and claim.subject.start <= mention.start < claim.inserted:
        return True  # the name that replaced a pronoun: the sentence did not say it there
    # the real name behind the title's pen name is a fact of the topic's: "(Mark Twain) {{Samuel Clemens}} was born …"
    real_name = topic is not None and topic.real_names[:1] == (text,)
    if _is_topic(mention, topic) and not real_name or text in lexicon.TRIVIAL_NAMES or names_a_people(text) or len(text) < 2:
        return True  # the topic, "the {{Earth}}", "{{Spanish}} soldiers", "the {{A}} form"
    if topic and text in topic.aliases and not real_name:
        return True  # "{{Queen Mary}}, the wife of King George V, launched the ship" in a history of the Queen Mary
    if text in lexicon.WELL_KNOWN_EVENTS or (mention.kind in (MentionKind.DATE, MentionKind.YEAR) and _WELL_KNOWN_TIME.search(claim.text, 0, mention.start)):
        return True  # "the {{Second World War}}", "when the Second World War broke out in {{September 1939}}"
    if topic and mention.kind in NAMED_KINDS and _contains_word(text, topic.name):
        return True  # "the {{Treaty of San Francisco}}" in a history of San Francisco
    if topic and topic.kind is MentionKind.PERSON and mention.kind is not MentionKind.PERSON and topic.name.split()[-1] in text.split():
        return True  # "the annual {{A. M. Turing Award}}" in a life of Alan Turing: named after the topic (not "Joliot-Curie")
    if mention.kind is MentionKind.PERSON and mention.name.startswith(f"{text} "):
        return True  # a first name alone ("{{Neil}}'s right-hand man"): too slight an answer
    if _answer_words(mention) > MAX_ANSWER_WORDS or len(text) > MAX_ANSWER_CHARACTERS:
        return True
    after = claim.text[mention.end :]
    if (
        mention.kind in NAMED_KINDS and mention.kind is not MentionKind.PERSON and re.search(r"(?:^|\s)[A-Z]$", text)
        and re.match(r"\s[a-z]", after) and not _GRADE_BY_ITS_LETTER.fullmatch(text)
    ):
        # "{{Helper T}} cells": the letter belongs to the words after it (a person's is a ruler's numeral: "Pope {{Leo X}}
        # met …"); a grade the letter names is whole ("{{Class B}} fires involve …")
        return True
    last = re.search(r" of the ([A-Z][a-z]+)$", text)
    if mention.kind in NAMED_KINDS and last and (_ADJECTIVE.search(last[1]) or last[1].endswith("ine")) and _NOUN_AFTER_AN_ADJECTIVE.match(after):
        return True  # "the {{Varangian Guard of the Byzantine}} emperor": the last word is the adjective of the noun after it
    if mention.kind is MentionKind.NAME and " " not in text and _SPECIES_AFTER.match(after):
        return True  # "the western honey bee, {{Apis}} mellifera.": the genus of a species' Latin name, half of it
    if mention.kind is MentionKind.NAME and " " not in text and _LATIN_SPECIES_GOING_ON.match(after) and not re.search(r"\b(?i:the|an?) $", claim.text[: mention.start]):
        return True  # "Darwin's bark spider, {{Caerostris}} darwini of Madagascar": the genus alone, as above
    if (mention.possessive or re.fullmatch(r"[A-Z][a-z]+['’]s", text)) and " " not in mention.name and _COMMON_AND_LATIN_NAME_AFTER.match(after):
        return True  # "{{Darwin's}} bark spider, Caerostris darwini": a word of a species' common name, no answer alone
    if mention.kind is MentionKind.TERM and _LATIN_NAME.fullmatch(text) and _gives_away_a_latin_name(claim, mention):
        return True  # "Darwin's bark spider, {{Caerostris darwini}}": the common name spells half the Latin one
    if mention.kind in NAMED_KINDS and _WORK_CUE_BEFORE.search(claim.text, 0, mention.start) and _TITLE_GOES_ON.match(after):
        return True  # "a short book, {{Notes}} on the Visiting, Care, and Government of Prisoners": a title cut short
    if mention.kind is MentionKind.DURATION and re.match(r"['’] [A-Z]", after):
        return True  # "during the {{Thirty Years}}' War": the words of a name
    if mention.kind in NAMED_KINDS and re.match(r"\.\d", after):
        return True  # "the {{Gloster E}}.28/39": the designation goes on past the full stop
    if mention.kind in NAMED_KINDS and _inside_an_unmarked_title(claim, mention):
        return True  # "Lyell's Principles of {{Geology}}", "The {{Expression of the Emotions}} in Man and Animals"
    if mention.kind is MentionKind.NAME and " " not in text and _ADJECTIVE.search(text) and (_NOUN_AFTER_AN_ADJECTIVE.match(after) or text.endswith(("ish", "ese"))):
        # a word of unknown kind used as an adjective: "the {{Kenyan}} runner", "{{Olympic}} champion", "{{Finnish}} TV";
        # not one a preposition or a verb follows, a name ("went to {{Grumman}} on Long Island")
        return True
    if mention.kind in (MentionKind.NAME, MentionKind.PLACE) and (text in _SIDE_ADJECTIVES or re.fullmatch(r"[A-Z][a-z]+[ei]an", text)) and _NOUN_AFTER_AN_ADJECTIVE.match(after):
        return True  # a side or a place's adjective before its noun: "{{Western}} art", "the {{Allied}} wounded", "{{Bavarian}} state funds"
    if (short := _SHORT_FORM_AFTER.match(after)) and _is_short_form(short.group(1), text):
        if (mention.kind is MentionKind.TERM and _FINAL.fullmatch(after, short.end())) or short.group(1) in lexicon.WELL_KNOWN_SHORT_FORMS:
            # "known as {{liquid crystal display}} (LCD).": a sentence that ends naming a term of common words and the
            # letters that spell them says little else (one that goes on, "a layer called the {{solid boundary film}}
            # forms on the anode.", is asked without the short form); "The {{European Space Agency}} (ESA) joined …":
            # everyone can spell out a short form so well known
            return True
    if mention.kind not in _NUMBER_KINDS and re.fullmatch(r"[A-Z][a-z]*-[a-z][a-z\d-]*", text):
        # "a {{Y-shaped}} protein", "an {{X-ray}}", "the {{Irish-born}} chemist"; a number opening the sentence is
        # written so too ("{{Two-thirds}} of the island", "{{Twenty-five}} workers"); not a name whose later word is
        # capitalised too ("the {{Koh-i-Noor}} diamond", "the château of {{Vaux-le-Vicomte}}")
        return True
    if re.match(r"\s*=", after) or re.search(r"=\s*$", claim.text[: mention.start]):
        return True  # a symbol of a formula: "now written {{PV}} = nRT"
    if mention.kind in _NUMBER_KINDS and ((after.startswith(" more ") and not text.endswith(" times")) or " more " in text):
        # "took {{four}} more years": how many more, counted from what the card does not show (not a multiple, "means
        # {{roughly ten times}} more material")
        return True
    if mention.kind is MentionKind.TERM and _trade_before_a_persons_name(claim, mention):
        return True  # "the American {{logician}} Alonzo Church": what the person did, said to tell who they are
    if mention.kind is MentionKind.COUNT and re.search(r"\b[Nn]o $", claim.text[: mention.start]):
        return True  # "no {{two}} of them exactly alike": a way of saying each differs, not a count
    # "150 watt-hours per kilogram, {{roughly four}} times as much as …", "…, {{roughly four times}} as much as …": the
    # amount before, compared (not "Her seven notes were {{about three times}} as long as …", which counts no amount)
    if mention.kind is MentionKind.COUNT and _MULTIPLE_AFTER.match(after):
        compared = _NUMBER_KINDS
    elif text.endswith(" times") and _MULTIPLE_AFTER.match(" times" + after):
        compared = frozenset({MentionKind.QUANTITY, MentionKind.MONEY})
    else:
        compared = frozenset()
    if any(other.kind in compared and other.end <= mention.start for other in claim.mentions):
        return True
    if mention.kind is MentionKind.COUNT and re.fullmatch(r"[a-z -]+", mention.text) and re.search(r"\b[Tt]he $", claim.text[: mention.start]) and re.match(r" (?:[a-z]+s|[a-z]*men|people|children|world wars)\b", after):
        return True  # "signed by the {{three}} astronauts", "the two world wars": a small group the reader already knows, counted (not "the 31st state")
    if mention.kind is MentionKind.COUNT and _incidental_count(claim.text, mention):
        return True
    if mention.kind is MentionKind.AGE and not any(m and (m.kind is MentionKind.PERSON or (m.kind is MentionKind.NAME and not m.craft)) for m in (*claim.mentions, claim.subject)):
        return True  # "At the age of {{60}}, the steel of the liner's decks had rusted": whose age?
    if mention.kind is MentionKind.DATE and (day := _DAY_AND_MONTH.fullmatch(text)) and _has_word(claim.text[: mention.start] + claim.text[mention.end :], day["month"] or day["month_first"]):
        return True  # "crushed the hull in October 1915, and on {{27 October}} …": the month is given, only the day is left
    if mention.kind is MentionKind.YEAR and _YEAR_OF_AN_ESTIMATE.search(claim.text, 0, mention.start):
        return True  # "the project had been estimated at 7 million dollars in {{1957}}": when it was guessed
    if mention.kind in (MentionKind.DATE, MentionKind.YEAR) and _COMPARED_TIME.search(claim.text, 0, mention.start):
        return True  # "much better placed than it was in {{1986}}": the moment compared with, not the fact
    if _trivial(claim, mention) or _aside(claim, mention, topic) or _follows_from_the_rest(claim, mention):
        return True
    return (
        _cuts_a_name(claim.text, mention)
        or _in_a_list(claim, mention)
        or _one_of_two_alternatives(claim, mention)
        or _second_of_a_pair(claim, mention)
    )


def _answer_words(mention: Mention) -> int:
    """How many words the learner recalls: a span of two amounts ("about 2 mm to about 8 mm") is recalled as two
    short answers, each no longer than its longer half; a time of several units ("2 hours, 41 minutes and 9 seconds")
    as its numbers and units, the "and" joining them not counted; a list its count announces ("three lobes: the orvum,
    the tarsum and the vellum") as its items, without their articles and the "and"."""
    if mention.kind is MentionKind.QUANTITY:
        return max(len(half.split()) for half in _SPAN_JOIN.split(mention.text))
    if mention.kind is MentionKind.DURATION:
        return len(_AND_BEFORE_A_NUMBER.sub(" ", mention.text).split())
    if mention.listed:  # "{{the orvum, the tarsum and the vellum}}": three words to recall
        return len([word for word in mention.text.split() if word not in ("the", "a", "an", "and")])
    return len(mention.text.split())


def _locates_the_subject(text: str, mentions: Sequence[Mention], mention: Mention) -> bool:
    """Whether the mention only says where the name opening the sentence lies, between commas right after it: "The Bay
    of Kell, between {{Norland}} and {{Sorland}} in {{Westmark}}, shows …"; an "Its" after the sentence goes on with the
    bay, not with a place that locates it."""
    start = _OPENING.match(text).end()
    start += len("The ") if text.startswith("The ", start) else 0
    subject = next((m for m in mentions if m.start == start and m.kind in NAMED_KINDS), None)
    aside = _LOCATING_ASIDE.match(text, subject.end) if subject else None
    return aside is not None and aside.start() < mention.start < aside.end()


def _follows_from_the_rest(claim: Claim, mention: Mention) -> bool:
    """Whether the answer can be worked out from the other facts of the sentence: the same amount in
    other units after another, in brackets or after ", or" ("1,595 feet ({{486 m}})", "363 feet, or
    {{about 110.6 metres}}, tall"), a number of years between two years the sentence gives
    ("{{fourteen years}}, from 1869 to 1883"), or either year of such a range ("Fourteen years of
    work, from {{1869}} to 1883"); the second of two years in a row ("the winter of 1897 to {{1898}}",
    "between 1965 and {{1966}}"), which is the year after the first, and the second year after "between" ("between
    1932 and {{1935}}"), the other end of a range whose first year is asked; an age beside two years ("born in 1909 …, died
    on 3 March 1990, aged {{81}}"), which is the one less the other."""
    if mention.kind is MentionKind.AGE:
        return sum(m.kind is MentionKind.YEAR or (m.kind is MentionKind.DATE and _ENDS_WITH_A_YEAR.search(m.text) is not None) for m in claim.mentions) >= 2
    if mention.kind in _NUMBER_KINDS and (before := _BEFORE_OTHER_UNITS.search(claim.text, 0, mention.start)):
        opening = re.compile(r", or | \(").search(claim.text, before.start(), mention.start)
        if opening and _OTHER_UNITS.match(claim.text, opening.start()):
            return any(other.kind in _NUMBER_KINDS and other.end < mention.start for other in claim.mentions)
    if mention.kind is MentionKind.COUNT and _counted_by_the_list_after(claim.text, mention):
        return True
    years = [m for m in claim.mentions if m.kind is MentionKind.YEAR and re.fullmatch(r"\d{4}", m.text)]
    if mention in years and (first := _YEAR_BEFORE_THE_NEXT.search(claim.text, 0, mention.start)) and (first["between"] or int(first["year"]) + 1 == int(mention.text)):
        return True
    # "for a few years" is no number of years between the two: "built between 1931 and 1936, … and for a few years …"
    spans = [m for m in claim.mentions if m.kind is MentionKind.DURATION and re.search(r"\byears?\b", m.text) and not _VAGUE_AMOUNT.search(m.text)]
    if len(years) >= 2 and spans:
        return mention in spans or (mention in years and _FROM_YEAR_TO_YEAR.search(claim.text) is not None)
    return False


# Where an item of a list after a colon opens with "one": "one for the lamp, one for the bell, and one for the pump".
_EACH_ONE = re.compile(r"(?:^|, (?:and )?| and )one\b")
# The noun of a count, up to four words, and such a list after its colon: "levers by the door: one for …".
_ITEMS_OF_ONE_AFTER = re.compile(r"(?: [a-z-]+){1,4}: (?P<items>one [^.;:(]*)")


def _counted_by_the_list_after(text: str, mention: Mention) -> bool:
    """Whether the count is the number of names listed right after its noun ("its {{three}} stages: Acme
    the first, Bolt the second and Crane the third", "the {{two}} brothers, Ivo and Karl", "{{two}}
    meteor showers: the Eta Aquariids in May and the Orionids in October"), or the sum of the counts
    listed there ("a group of {{ten}} firms, five British and five French"), or of the kinds listed there ("{{two}}
    cameras, a narrow-angle and a wide-angle one"), or of the items that each open with "one" after a colon ("{{three}}
    levers by the door: one for the lamp, one for the bell and one for the pump", whose items may hold an "and")."""
    count = _count_of(mention.text)
    if not 2 <= count <= SMALL_COUNT:
        return False
    items_of_one = _ITEMS_OF_ONE_AFTER.match(text, mention.end)
    if items_of_one is not None and len(_EACH_ONE.findall(items_of_one.group("items"))) == count:
        return True
    listed = re.match(r"(?: [a-z-]+){1,3}[:,] ([^.;:()]*)", text[mention.end :])
    if listed is None:
        return False
    items = re.split(r",? and |, ", listed.group(1))
    names = len(list(itertools.takewhile(lambda item: item.removeprefix("the ")[:1].isupper(), items)))
    parts = [_count_of(item.split()[0]) for item in items if item]
    kinds = len(list(itertools.takewhile(lambda item: item.startswith(("a ", "an ")), items)))
    return count in (names, kinds) or (len(parts) >= 2 and all(parts) and sum(parts) == count)


def _incidental_count(text: str, mention: Mention) -> bool:
    """Whether the count is a small number of incidental things: how often something happened ("rang the
    bell {{three}} times"; not a multiple: "ten times the size") or the companions beside someone ("Smith
    and {{two}} colleagues", "his wife and {{three}} children")."""
    if not _is_small_count(mention):
        return False
    return bool(_TIMES_AFTER.match(text, mention.end) or _COMPANIONS_BEFORE.search(text, 0, mention.start))


def _is_small_count(mention: Mention) -> bool:
    """Whether the count counts a few things (`SMALL_COUNT` at most)."""
    return 0 < _count_of(mention.text) <= SMALL_COUNT


def _is_large_count(mention: Mention) -> bool:
    """Whether the count is `LARGE_COUNT` or more: "some 65,000", "318 million", "five billion"."""
    last = mention.text.split()[-1].lower()
    return last in ("thousand", "million", "billion", "trillion") or _count_of(mention.text) >= LARGE_COUNT


def _count_of(text: str) -> int:
    """The number a count ends with ("ten", "12", "65,000"), or 0."""
    number = text.split()[-1].lower().replace(",", "")
    return lexicon.COUNT_OF_WORD.get(number) or (int(number) if number.isdigit() else 0)


def _one_of_two_alternatives(claim: Claim, mention: Mention) -> bool:
    """Whether the answer is one of two names the sentence offers as alternatives ("the Staten Island
    Ferry or the {{Hudson Tube}}", "De Niro/{{Pacino}}"): the card is a 50/50 guess. (Two names after
    "between" are already refused as halves of one name: "between Bedloe Island and Governors Island".)"""
    if mention.kind not in NAMED_KINDS:
        return False
    for other in claim.mentions:
        if other is mention or other.kind not in NAMED_KINDS:
            continue
        first, second = sorted((other, mention), key=lambda m: m.start)
        if re.fullmatch(r" or (?:the )?|/", claim.text[first.end : second.start]):  # not "the Westman Islands, or Vestmannaeyjar"
            return True
    return False


def _second_of_a_pair(claim: Claim, mention: Mention) -> bool:
    """Whether the answer is the second of two names of one kind joined by "and" ("Pan Am and {{TWA}}
    gave up their options", "Jupiter and {{Saturn}}", two terms named after someone): the card is the first name's
    card turned round.
    Names of two kinds are two facts ("Roger L. Easton of the Naval Research Laboratory and {{Ivan
    Getting}}"); a name of unknown kind may be of either. The first of two names that opens the sentence is
    not found as a name, so a name of unknown kind after it and "and" is the second ("Harland and {{Wolff}}")."""
    if mention.kind is MentionKind.NAME and re.fullmatch(r"[A-Z][a-z]+ and ", claim.text[: mention.start]):
        return True  # "Harland and {{Wolff}} built her": the first name opens the sentence, where no name is found
    return _name_like(mention) and any(
        MentionKind.NAME in (other.kind, mention.kind) or other.kind is mention.kind
        for other in claim.mentions
        if _name_like(other) and claim.text[other.end : mention.start] == " and "
    )


def _name_like(mention: Mention) -> bool:
    """Whether the mention is a name, or a term named after someone, which pairs as names do: "Addison's disease and
    {{Hodgkin's lymphoma}} are the usual suspects"."""
    return mention.kind in NAMED_KINDS or _named_after_someone(mention)




def _trade_before_a_persons_name(claim: Claim, mention: Mention) -> bool:
    """Whether the term is one lower-case word right before a person's name, saying what the person did: "the French
    {{anatomist}} Georges Cuvier", "the {{trombonist}} Kid Ory"."""
    if " " in mention.text or not mention.text.islower():
        return False
    # (perhaps with a title between: "the anatomist Dr. Douglas Derry")
    return claim.text.startswith(" ", mention.end) and any(
        other.start > mention.end and _TITLES_BEFORE_A_NAME.fullmatch(claim.text, mention.end + 1, other.start)
        and (other.kind is MentionKind.PERSON or other.kind is MentionKind.NAME and looks_like_a_persons_name(other.text))
        for other in claim.mentions
    )


def _trivial(claim: Claim, mention: Mention) -> bool:
    """Whether the answer is one that anyone fills in without having read the document: a famous
    country or city ("met in {{Paris}}"; not a birthplace or a new home, see _BIRTHPLACE_BEFORE and _NEW_HOME_BEFORE), a
    group of people ("controlled by {{Republicans}}"; not one a description after it brings in, see
    _brought_in_by_a_description), or an amount that is only "a few" ("after {{a few days}}")."""
    if (mention.text in lexicon.PLACES or mention.name in lexicon.PLACES) and not (
        _BIRTHPLACE_BEFORE.search(claim.text, 0, mention.start) or _NEW_HOME_BEFORE.search(claim.text, 0, mention.start)
    ):
        return True
    if mention.kind is MentionKind.NAME and _GROUP_OF_PEOPLE.fullmatch(mention.text) and not _brought_in_by_a_description(claim.text, mention):
        return True
    return mention.kind in _NUMBER_KINDS and not re.search(r"\d", mention.text) and bool(_VAGUE_AMOUNT.search(mention.text))


# A description after a name and a comma that opens with "a" or "an" and a common noun, perhaps after a word of a
# people: ", a small sect", ", an Italic people"
_DESCRIPTION_WITH_AN_ARTICLE = re.compile(r", an? (?:[A-Z][a-z]+ )?[a-z]")


def _brought_in_by_a_description(text: str, mention: Mention) -> bool:
    """Whether a description of the mention opening with "a" or "an" follows it after a comma: "belonged to the
    Sandemanians, a small Christian sect", "founded by the Oscans, an Italic people" bring in a group the reader is not
    expected to know (not "controlled by Republicans, who …", nor the next item of a list: "the Putnams and the Porters,
    the fear of …")."""
    return _DESCRIPTION_WITH_AN_ARTICLE.match(text, mention.end) is not None


def _aside(claim: Claim, mention: Mention, topic: _Topic | None) -> bool:
    """Whether the mention is said in passing, about something else than the sentence's claim: a place
    that only locates the name before it ("the Abbey School in {{Reading}}", "a village in
    {{Hampshire}}"; not where the topic stands, see _locates_the_topic), "from Edmonton, in {{Alberta}}, on …", "Mount
    Tambora, on the island of {{Sumbawa}},"), a
    place that opens the sentence before the place it locates ("In {{Washington State}}, Mount St. Helens …"), a name inside a description set between commas after another name ("Nimitz,
    commander of the {{Pacific Fleet}}, gambled …"), a place located by the direction of another after it
    ("in the {{Pacific Ocean}}, southwest of Hawaii"), a name inside brackets ("Vincent Hanna ({{Al
    Pacino}}'s character)"; not a date or a number: "Ada Vane ({{7 November 1867}} – 4 July 1934)"), a
    head of state met or related to ("to meet President {{Franklin D. Roosevelt}}", "the wife of King
    {{George VI}}"; not one who acts: "President {{Harry S. Truman}} signed …"), or
    anything inside a clause describing a name before it ("Edward, who had taken the name {{Knight}}, offered …")."""
    before = claim.text[: mention.start]
    if mention.kind is MentionKind.PLACE and _PLACE_OF_THE_NAME_BEFORE.search(before) and not _locates_the_topic(claim, mention, topic):
        return True
    if mention.kind in (MentionKind.PLACE, MentionKind.NAME) and before == "In " and any(
        other.start == mention.end + 2 and other.kind is MentionKind.PLACE for other in claim.mentions
    ):
        return True  # "In {{Washington State}}, Mount St. Helens erupted …": where the place after is
    if mention.kind in (MentionKind.PLACE, MentionKind.NAME) and re.match(r"[,.;]", claim.text[mention.end :]):
        if (region := _REGION_OF_THE_NAME_BEFORE.search(before)) and any(
            other.end == region.start() and other.kind in (MentionKind.PLACE, MentionKind.ORGANISATION) for other in claim.mentions
        ):
            return True  # "set out from Edmonton, in {{Alberta}}, on …", "the University of California, {{Berkeley}},": half given
    if mention.kind is MentionKind.PERSON and _HEAD_OF_STATE_MET.search(before):
        return True  # "to meet President {{Franklin D. Roosevelt}}": a head of state met or related to, guessed from the year
    if mention.kind in NAMED_KINDS and _REFERENCE_POINT.search(before):
        return True  # "three sights east of {{Reykjavík}}", "on the sands below {{Vatnajökull}}"
    if mention.kind in NAMED_KINDS and not (mention.listed or announced_by_a_count(claim.text, mention)) and _in_apposition(claim, mention):
        # "Nimitz, commander of the {{Pacific Fleet}}, gambled …": a description, not the claim (not what a count
        # announced past an aside: "two engineers at Dunmore, the county's glassworks, {{Tom Vane}} and Ann Hale, built")
        return True
    if mention.kind is MentionKind.PLACE and (beside := _PLACE_BESIDE.match(claim.text, mention.end)):
        if any(other.start == beside.end() and other.kind is MentionKind.PLACE for other in claim.mentions):
            return True  # "in the {{Pacific Ocean}}, southwest of Hawaii": half given
    if mention.kind in NAMED_KINDS and before.rfind("(") > before.rfind(")") and ")" in claim.text[mention.end :]:
        return True  # "Vincent Hanna ({{Al Pacino}}'s character) was …": a name inside brackets is an aside
    clause = _RELATIVE_CLAUSE.search(before)
    return (
        clause is not None and not _in_a_closing_clause(claim.text, clause, mention) and not _named_by_the_clause(clause, mention)
    ) or _abbreviates_another(claim, mention) or _spelled_out(claim, mention)


def _locates_the_topic(claim: Claim, mention: Mention, topic: _Topic | None) -> bool:
    """Whether the place says where the topic opening the sentence stands: "The Orva Tower in {{Lund}} is …", "The Orva
    Tower stands on the north bank of the Kell River in {{Lund}}." tell a fact of the thing the document is about,
    not where a name in passing lies."""
    start = _OPENING.match(claim.text).end()
    start += len("The ") if claim.text.startswith("The ", start) else 0
    opening = next((m for m in claim.mentions if m.start == start and _is_topic(m, topic)), None)
    return opening is not None and _WHERE_THE_TOPIC_STANDS.fullmatch(claim.text, opening.end, mention.start) is not None


# A "which" clause of who calls the thing before it by a term, up to the term: ", which the Dutch call a ".
_CALLING_CLAUSE = re.compile(r", which [^,;:()]* call(?:s|ed)? (?:the |an? )?$")


def _named_by_the_clause(clause: re.Match[str], mention: Mention) -> bool:
    """Whether the mention is the term a "which" clause calls the thing before it: "Racing yachts carry a spinnaker, which
    the Americans call a {{chute}}." names the thing, the sentence's fact, rather than saying something in passing."""
    return mention.kind is MentionKind.TERM and _CALLING_CLAUSE.fullmatch(clause.group()) is not None


def _in_a_closing_clause(text: str, clause: re.Match[str], mention: Mention) -> bool:
    """Whether the mention stands in a relative clause set off by a comma that ends the sentence: "The British Library,
    which came into being on {{1 July 1973}}.", "the general public, who paid {{one shilling}} each to get in." say
    what the sentence brings in did, its fact, not an aside about a name (round 80: the held-out key facts these
    clauses held were good cards). A clause the sentence goes on after ("The fish sale, which began at 4 a.m., drew
    …", "…, which the acid turns into pepsin, the enzyme that …") and one in brackets still are asides."""
    return clause.group().startswith(", ") and _nothing_set_off_after(text, mention)


def _nothing_set_off_after(text: str, mention: Mention) -> bool:
    """Whether the sentence runs on from the mention to its end without a mark that sets off a phrase (",;:("), so that
    a clause or a description holding it closes the sentence rather than being set inside it."""
    return not any(mark in text[mention.end :] for mark in ",;:(")


def _in_apposition(claim: Claim, mention: Mention) -> bool:
    """Whether the mention stands in a description set between commas after a name ("Station Hypo,
    a basement office at {{Pearl Harbor}}, …"), not after an opening that says where or when ("In
    Washington, the {{Economic Cooperation Administration}} decided …", "Two weeks later, on 3 May, the fleet
    anchored at {{Dunmore}}, …"), whose comma opens the main clause, not a description. Two descriptions say more than
    where the name stands: what the name became ("the Rural Housing Office, an agency that became the {{Land
    Aid Office}}"), and the organisation in a person's own, which opens with "a" or "an" ("Gary Holm, a student
    working at the {{Lowell Research Laboratory}}, noticed …"; not a title without an article: "Nimitz, commander
    of the {{Pacific Fleet}}, gambled …", nor a place or a people: "a jute maker from {{Dundee}}", "a {{Jesuit}} priest")."""
    text = claim.text
    apposition = _APPOSITION_BEFORE.search(text, 0, mention.start)
    if apposition is None or not re.match(r"[^,;:]*(?:[,;:]|[.!]?$)", text[mention.end :]):
        return False
    if _closing_description(claim, apposition.start("comma"), mention):
        return False
    if _subject_of_its_own_verb(text, mention):
        return False
    if _LATER_NAME_BEFORE.search(text, apposition.end("comma"), mention.start):
        return False
    comma = apposition.start("comma")
    if _THING_IN_A_PLACE_BEFORE.search(text, 0, mention.start) and any(m.kind is MentionKind.PLACE and m.end == comma for m in claim.mentions):
        return False  # the name of the thing before its place: "a finishing school in Paris, the {{École Normale}}, where …"
    if mention.kind is MentionKind.ORGANISATION and text.startswith((" a ", " an "), comma + 1) and any(
        other.kind is MentionKind.PERSON and other.end == comma for other in claim.mentions
    ):
        return False
    return not _SETTING.fullmatch(text[:comma]) and not _closes_the_opening(claim, comma)


# A verb in the past, or an auxiliary, right after a name, which makes the name its subject: "… king, Rabbel II, the
# emperor Trajan| annexed"; not a verb in the present, whose "-s" a plural noun has too ("the Kell Mill| workers"), nor a
# participle before "by" ("a column of Kell stone| designed by Tom Vane").
_PAST_VERB_OF_THE_SUBJECT = re.compile(rf"(?: (?:{_SEQUENCE_ADVERBS}|first|once|only|just))? (?:{_AUXILIARIES}|{_PAST_VERB})(?! by\b)")


def _subject_of_its_own_verb(text: str, mention: Mention) -> bool:
    """Whether the name that ends what looks like a description is the subject of the main clause, its verb right after
    it with no comma between: "After the death of the last king, Rabbel II, the emperor {{Tom Vane}} annexed the
    kingdom", "When Ann went home, the {{Kell Athletic Union}} suspended her" (not "Nimitz, commander of the {{Pacific
    Fleet}}, gambled …", nor a participle that a main verb after a comma follows: "Ann Hale, a student at {{Lowell
    College}} founded in 1850, won …")."""
    return _PAST_VERB_OF_THE_SUBJECT.match(text, mention.end) is not None and _MAIN_VERB_AFTER_A_COMMA.search(text, mention.end) is None


# The opening of a description of the name before its comma: an article and a common noun or a quotation ("a clerk",
# "the geologist", "the “Iron Duke”"), or a noun and "of" ("commander of"); not an article and a name, which may be the
# next item of a list ("the Somme, the {{Marne}} and the Aisne").
_DESCRIPTION_OPENING = re.compile(r" (?:(?:an?|the) (?:[a-z\d]|[\"“])|[a-z]+ of )")


def _closing_description(claim: Claim, comma: int, mention: Mention) -> bool:
    """Whether the mention stands in a description of the name before `comma` that closes the sentence after its verb:
    "The prize went to Tom Vane, a clerk at the {{Kell Mill}} company in Leeds." says who the sentence brings in, its
    fact, as a closing clause does (see _in_a_closing_clause). Not one after a colon, an item of a list ("Three men built
    it: the mason Tom Vane, the joiner {{Ed Berg}} and …"), nor one of an organisation, which says in passing what it
    was ("Hale joined the Rural Housing Office, a federal agency funded by the Orva Trust.")."""
    text = claim.text
    return (
        _DESCRIPTION_OPENING.match(text, comma + 1) is not None
        and ":" not in text[:comma]
        and _FINITE_VERB.search(text, 0, comma) is not None
        and _nothing_set_off_after(text, mention)
        and not any(other.end == comma and other.kind is MentionKind.ORGANISATION for other in claim.mentions)
    )


def _closes_the_opening(claim: Claim, comma: int) -> bool:
    """Whether the comma closes phrases that open the sentence by saying when, where or how, so that the main clause,
    not a description, comes after it: "Two weeks later, on 3 May, the storm eased and Roland sailed to {{Dunmore}}",
    "Inside, the plumber {{Tom Crane}} fitted …"; not when the opening ends with the subject the description is about
    ("In 1901 Tom Vane, the mayor of {{Dunmore}}, …")."""
    opening = claim.text[:comma]
    if not _SETTING_PHRASES.fullmatch(opening) or _FINITE_VERB.search(opening):
        return False
    return not any(
        m.end == comma and m.kind in NAMED_KINDS and _UNCLOSED_OPENING.fullmatch(opening, 0, m.start) and not _OBJECT_OF_A_PHRASE.search(opening, 0, m.start)
        for m in claim.mentions
    )


def _spelled_out(claim: Claim, mention: Mention) -> bool:
    """Whether the answer is a short form whose name the card spells out, its initials in any order,
    or part of that name: "the National Aeronautics and Space Administration ({{NASA}})", "Coordinated
    Universal Time, or {{UTC}}", "the {{National Aeronautics}} and Space Administration". The whole
    name stays an answer: the short form beside it does not give its words away."""
    words = list(_CAPITALISED_WORD.finditer(claim.text))
    joined = [bool(_NAME_JOINER.fullmatch(claim.text[a.end() : b.start()])) for a, b in itertools.pairwise(words)]
    for short in _SHORT_FORM.finditer(claim.text):
        letters = sorted(short.group().replace(".", "").lower())
        for first in range(len(words) - len(letters) + 1):
            last = first + len(letters) - 1
            whole = all(joined[first:last]) and not (first and joined[first - 1]) and not (last < len(joined) and joined[last])
            if not whole or sorted(word.group()[0].lower() for word in words[first : last + 1]) != letters:
                continue
            start, end = words[first].start(), words[last].end()
            if short.start() <= mention.start < short.end() or (start <= mention.start < end and (mention.start, mention.end) != (start, end)):
                return True
    return False


def _abbreviates_another(claim: Claim, mention: Mention) -> bool:
    """Whether the mention is the short form of another name the card shows: "the Economic Cooperation
    Administration ({{ECA}})", "the Kreditanstalt für Wiederaufbau ({{KfW}})"."""
    return any(other is not mention and _is_short_form(mention.text, other.text) for other in claim.mentions)


def _is_short_form(short: str, name: str) -> bool:
    """Whether `short` is made of the first letters of `name`'s words ("ECA", "KfW", "OEEC")."""
    letters = short.lower()
    return len(letters) > 1 and short != name and letters in (_initials(name).lower(), "".join(word[0] for word in name.split()).lower())


def _standing(claim: Claim, topic: _Topic | None, book: NameBook) -> Claim | None:
    """The claim when it can hold a card as it is; else, when what keeps it from standing on its own
    lies in a later clause ("…, crossing it twice", "…, and there were fireworks that night"), the
    clause before that as a statement of its own (see `_trimmed`); else None."""
    problem = _problem_at(claim, topic, book)
    if problem is None:
        return claim
    if (plain := _without_apposition_at(claim, problem)) is not None:
        return _standing(plain, topic, book)
    trimmed = _trimmed(claim, problem)
    return trimmed if trimmed is not None and _problem_at(trimmed, topic, book) is None else None


def _without_apposition_at(claim: Claim, problem: int) -> Claim | None:
    """The claim without the half of an apposition in its subject that holds `problem`, when the other half
    says who or what the subject is alone: a description of a common subject after it ("The half-life of
    tritium, the time it takes for half of any amount of it to decay, is 12.3 years." -> "The half-life of
    tritium is 12.3 years."; it holds no name, which the card would need), or a description before a
    person's name ("In 1820 a rich buyer of their carvings, Colonel Henry Marsh, sold …" -> "In 1820 Colonel
    Henry Marsh sold …"); None otherwise."""
    apposition = _SUBJECT_APPOSITION.match(claim.text, claim.inserted)
    if apposition is None:
        return None
    subject_start, subject_end = apposition.span("subject")
    apposed_start, apposed_end = apposition.span("apposed")
    inside = [m for m in claim.mentions if subject_start <= m.start < apposed_end]
    if apposed_start <= problem < apposed_end:
        if _DESCRIPTION.match(claim.text, apposed_start) and not any(m.kind in NAMED_KINDS for m in inside):
            return _without_text(claim, subject_end, apposed_end + 1)
    elif subject_start <= problem < subject_end and not any(m.end <= subject_end for m in inside):
        person = next((m for m in inside if m.end == apposed_end and m.kind is MentionKind.PERSON), None)
        if person is not None and _TITLES_BEFORE_A_NAME.fullmatch(claim.text, apposed_start, person.start):
            return _without_text(_without_text(claim, apposed_end, apposed_end + 1), subject_start, apposed_start)
    return None


def _problem_at(claim: Claim, topic: _Topic | None, book: NameBook) -> int | None:
    """Where the first thing lies that keeps the claim from holding a card (0 for what concerns the
    whole sentence: its length, its subject, a question, quoted speech); None when nothing does."""
    # the name written for a leading reference is a mention too: "Elizabeth I was born …" holds no "I" of the writer
    written = [claim.subject] if claim.subject is not None and claim.subject not in claim.mentions else []
    mentions = sorted([*claim.mentions, *written], key=lambda m: m.start)
    problems = [_unreadable_at(claim.text, mentions), _dangling_pronoun_at(claim, book), 0 if _leans_on_context(claim, topic) else None]
    return min((problem for problem in problems if problem is not None), default=None)


def _unreadable_at(text: str, mentions: Sequence[Mention] = ()) -> int | None:
    """Where a sentence stops being a plain statement of fact a card can hold: a word in the first or
    second person, an opinion or hedge, a word or phrase pointing at something the sentence does not
    show (each outside quotation marks; a first-person word inside one of the names among `mentions` is none), the
    first word past MAX_SENTENCE_WORDS; 0 when the whole sentence cannot (too short, a question, a heading, mostly quoted
    speech); None when it is fine."""
    written = list(_WORD.finditer(text))
    words = [match.group().lower() for match in written]
    if len(words) < MIN_SENTENCE_WORDS:
        return 0
    if not text.rstrip("\"'”’) ").endswith((".", "!")):  # a heading, a question, a cut-off line
        return 0
    quoted = quotations(text)
    lines = [q for q in quoted if not q.is_title and _has_a_named_speaker(text, q)]  # a line beside its speaker, who is asked
    speech = sum(q.end - q.start for q in quoted if not q.is_title and q not in lines)
    if speech > 0.3 * len(text) or re.match(r"\w+:\S", text):  # "McCauley:I like Chicago."
        return 0
    found = [
        match.start()
        for index, (word, match) in enumerate(zip(words, written))
        # "King Olaf I": a ruler's numeral; "his memoir, I Never Lost It,": a word of a title; neither is the writer
        if (word in lexicon.FIRST_AND_SECOND_PERSON and not _word_of_a_longer_name(match, mentions) and not _OUR_WORLD.match(text, match.start()))
        or (word in lexicon.SUBJECTIVE_WORDS and (match.group().islower() or index == 0) and not _nobody_elses_view(text, match))  # "may", not "May"
        or (
            _dangling_word(words, index) and not _named_before_in_its_sentence(written, index)
            and not _points_at_its_first_clause(text, word, match) and not _former_title_of_a_person(text, match, mentions)
        )
    ]
    found += [match.start() for match in re.finditer(lexicon.SUBJECTIVE_PHRASES, text, re.IGNORECASE)]
    found += [
        match.start()
        for match in re.finditer(lexicon.DANGLING_PHRASES, text, re.IGNORECASE)
        if not _counted_from_its_own_year(text, match)
        and not _that_time_of_its_sentence(text, match)
        and not _dated_by_the_sentence(text, match, mentions)
        and not _time_of_an_event_alone(text, match, mentions)
        and not _SAMENESS_ITS_SENTENCE_SETTLES.match(text, match.start())
        and not _says_which_two(text, match, mentions)
        # "the Two Plus Four Treaty", "the Two Medicine River": a word of a name
        and not any(m.start < match.end() <= m.end for m in mentions if m.kind in NAMED_KINDS)
        and not (match.group() == "ago" and LONG_AGO.search(text, 0, match.end()))
        # "Barchan dunes: crescent-shaped mounds …": the term a glossary item defines, no comment on the sentence before
        and not (match.start() == 0 and opening_glossary_term(text))
        and not (match.start() == 0 and _label_before_its_value(text, mentions))
    ]
    found += [match.start() for match in _LEANING_TOO.finditer(text)]  # "A trawler failed too.": failed to do what?
    # What a title or a speaker says is theirs, not the text's: "their 1978 book "We Seven"", 'marched through Lyon
    # chanting "We are the people,"', 'challenged the governor: "Open this gate!"' (the gate the sentence shows).
    found = [position for position in found if not any(q.start <= position < q.end for q in quoted)]
    if _THAT_SUBJECT.match(text):
        found.append(0)  # "That award made …": which award?
    if len(words) > MAX_SENTENCE_WORDS:
        # too long a front (also with its names read as one word each): its first clauses may stand alone (see _trimmed),
        # "… could make upwards of {{48,000}} pins in a day, while one man working alone …"
        found.append(written[MAX_SENTENCE_WORDS].start())
    return min(found, default=None)


def _former_title_of_a_person(text: str, word: re.Match[str], mentions: Sequence[Mention]) -> bool:
    """Whether a "former" is said of the title a person named right after it held, so points at nothing before it: "In
    1930 the former prime minister {Stanley Vane} unveiled …" (round 111, lead; not "the former was …")."""
    title = _FORMER_TITLE.match(text, word.start())
    return title is not None and any(m.start == title.end() and m.kind is MentionKind.PERSON for m in mentions)


def _label_before_its_value(text: str, mentions: Sequence[Mention]) -> bool:
    """Whether the sentence is a line of a list that opens with a label saying what the figure after its colon is:
    a word and a number ("Grade 4: 80 to 95 points; …", "Stage 2: 40 minutes at 180 °C.") or a name ("Mount Kenya: 5,199
    metres."). A card asks the figure or the label beside the other, under the document's title."""
    colon = text.find(": ")
    if colon < 0 or not _FIGURE_AFTER_A_LABEL.match(text, colon):
        return False
    named = any(m.start == 0 and m.end == colon and m.kind in NAMED_KINDS for m in mentions)
    return named or _NUMBERED_LABEL.fullmatch(text, 0, colon) is not None


def _nobody_elses_view(text: str, word: re.Match[str]) -> bool:
    """Whether a hedge or modal is no view of the writer's: "perhaps", "probably" or "possibly" before a number or a
    time, an estimate like "about" that is part of the fact ("Perhaps 900 people came", "was built in the fifteenth
    century, probably around 1450, for …", "was born in Kent, probably in May 1820"), or a "might", "may" or "should"
    in what someone the sentence names thought, feared or argued ("Ames warned that the dam might fail", "Vane thought
    the city should pay", "a quarrel over who should pay"); round 112, lead: or a "greatest" or "favourite" that someone
    named, called or voted a thing ("a poll named Tom Vane the greatest athlete of the decade", "gave what many still call
    the greatest performance in the history of the sport"; not "It was the greatest day of his life")."""
    if word.group().lower() in ("greatest", "favourite", "favorite"):
        return _NAMED_AS_BEFORE.search(text, _start_of_its_clause(text, word.start()), word.start()) is not None
    if word.group().lower() in _ESTIMATE_HEDGES:
        estimate = _ESTIMATE_AFTER.match(text, word.end())
        # a hedge before "in 1870" that opens its clause hedges all the clause says: "Perhaps in 1870 she sold …"
        return estimate is not None and (estimate.group("preposition") is None or text.endswith(", ", 0, word.start()))
    if word.group().lower() not in ("might", "may", "should"):
        return False
    return _REPORTED_BEFORE.search(text, _start_of_its_clause(text, word.start()), word.start()) is not None


def _dated_by_the_sentence(text: str, phrase: re.Match[str], mentions: Sequence[Mention]) -> bool:
    """Whether an "at the time" means the time the sentence itself gives, so leans on nothing: a price in the money
    of then ("cost about 9 million lire at the time"), or a time the sentence gives before it ("The car cost $850 when
    it was launched, a large sum at the time", "In 1907 it was at the time the tallest …"); not "At the time, the firm
    held …" (when?), nor "The firm later put its loss at £400, a fortune at the time." (whose loss, when?)."""
    if phrase.group().lower() != "at the time":
        return False
    price = any(m.kind is MentionKind.MONEY and m.end + 1 == phrase.start() for m in mentions)
    return price or _OWN_TIME.search(text, 0, phrase.start()) is not None


def _says_which_two(text: str, phrase: re.Match[str], mentions: Sequence[Mention]) -> bool:
    """Whether a "the two" is two its own sentence says: a family or people named after it in the plural ("the two
    Curies"; not a nationality, "the two Germans", who could be anyone, nor a name before a noun, "the two Viking
    probes"), "the two world wars", or the two names joined by "and" before it, with no third of their kind before it
    ("Ada Vane and Tom Hale met in Leeds, and the two founded …"; not "Ada Vane, Tom Hale and Karl Marks …", nor "Ada
    Vane and Tom Hale met Karl Marks, and the two …"), when no noun follows it to say it counts something else."""
    if phrase.group().lower() != "the two":
        return False
    if _THE_TWO_NAMED.match(text, phrase.start()):
        after = next((m for m in mentions if m.start == phrase.end() + 1), None)
        plural_name = after is not None and after.kind in NAMED_KINDS and after.text.endswith("s") and after.name.removesuffix("s") not in lexicon.NATIONALITIES
        return plural_name or text.startswith(" world wars", phrase.end())
    if not re.match(rf" (?:{_VERB_AFTER_A_COUNT})", text[phrase.end() :]):
        return False  # "… into Eagle, and the two spacecraft separated": two things the sentence may not name
    named = [m for m in mentions if m.kind in NAMED_KINDS and m.end <= phrase.start()]
    pairs = [(first, second) for first, second in zip(named, named[1:]) if text[first.end : second.start] == " and "]
    if len(pairs) != 1 or text[: pairs[0][0].start].endswith(", "):
        return False
    # a name of unknown kind may be a person, so it rivals a pair of people, and they it ("met Karl Marks in Leeds")
    kinds = {m.kind for m in pairs[0]}
    kinds |= {MentionKind.PERSON, MentionKind.NAME} if kinds & {MentionKind.PERSON, MentionKind.NAME} else set()
    return not any(m.kind in kinds for m in named if m not in pairs[0])


def _word_of_a_longer_name(word: re.Match[str], mentions: Sequence[Mention]) -> bool:
    """Whether the word lies inside a name of several words ("The Joy of It", "I Never Lost It", "King Olaf I"), where
    a pronoun stands for no one; not a name that is the word alone (a document may capitalise a title's "It")."""
    return any(m.start <= word.start() < word.end() <= m.end and m.text != word.group() for m in mentions if m.kind in NAMED_KINDS)


def _counted_from_its_own_year(text: str, phrase: re.Match[str]) -> bool:
    """Whether a "the following year" (month, winter, …) is counted from the one year the sentence gives
    before it, so leans on nothing: "Pinatubo erupted on 15 June 1991 and cooled the planet over the
    following year." (not after two years, "in 1922 and 1925 … the next year", nor a decade, "the 1920s")."""
    return _RELATIVE_PERIOD.fullmatch(phrase.group()) is not None and len(re.findall(r"\b\d{4}\b(?!s)", text[: phrase.start()])) == 1


def _that_time_of_its_sentence(text: str, phrase: re.Match[str]) -> bool:
    """Whether a "that year" (or a season of it) comes after the one year its own sentence gives, or a "that month"
    after the one month it names, so leans on nothing: "Tom Vane died on 2 May 1871, and work on the hall began that
    year.", "In March 1902 the mill burned, and on one night that month …"; not after two years ("in 1850 and 1852 …
    that year"), a decade ("the 1920s"), a year alone before "that month" (which month?), nor "this year" (now)."""
    time = _THAT_TIME.fullmatch(phrase.group())
    if time is None:
        return False
    before = text[: phrase.start()]
    if time.group("unit").lower() == "month":
        return len(re.findall(rf"\b(?:{_FULL_MONTH_NAMES})\b", before)) == 1
    return len(set(re.findall(r"\b\d{4}\b(?!s)", before))) == 1 and not re.search(r"\b\d{4}s\b", before)


def _time_of_an_event_alone(text: str, phrase: re.Match[str], mentions: Sequence[Mention]) -> bool:
    """Whether a "the next day" or "that year" after the verb of its clause only says when an event happened, before a
    clause of its own that a card may ask with the time left unexplained: "Her maid found her the next day, and the
    doctor found {{arsenic}}.", "His father left that year, and his mother moved to {{Leeds}}."; not when the time dates
    the only event the sentence tells ("Ada Brand finished a novel that summer in Tromsø.": which novel?), nor when the
    sentence gives a date or year a card could ask in its place, nor after a state that holds only at that time ("The
    town had 4,000 people that year, and …") or a verb in the present; nor when the time is all its clause tells ("Hale,
    badly burned, died the next day, and …"), nor in a participle after a comma (", published the same year"), whose
    subject the clause does not show."""
    time = _POINTED_TIME.match(text, phrase.start())
    if time is None or any(m.kind in (MentionKind.DATE, MentionKind.YEAR) for m in mentions) or not _CLAUSE_AFTER.search(text, time.end()):
        return False
    clause = _start_of_its_clause(text, phrase.start())
    verb = _FINITE_VERB.search(text, clause, phrase.start())
    if verb is None or (text[verb.end() : phrase.start()].strip() == "" and re.match(r"[.;!]", text[time.end() :].lstrip(",") or ".")):
        return False
    if clause > 0 and text[clause : verb.start()].strip() == "" and verb.group() not in _AUXILIARY_OF_AN_EVENT:
        return False
    if verb.group() in _AUXILIARY_OF_AN_EVENT:
        verb = _PARTICIPLE_AFTER.match(text, verb.end())
        return verb is not None and verb.group(1) not in lexicon.STATE_VERBS | _STATE_PARTICIPLES
    return re.fullmatch(_PAST_VERB, verb.group()) is not None and verb.group() not in lexicon.STATE_VERBS


def _has_a_named_speaker(text: str, quotation: Quotation) -> bool:
    """Whether the quoted speech is a line set beside a speaker the sentence names: '"We are not
    turning back," Ruth Ames told the crew.', 'Ruth Ames said: "We are not turning back."' (not
    '…," he said', nor 'The plaque reads: "…"'); only the speaker is then asked, never words of the line."""
    return bool(
        _SPEAKER_AFTER.match(text, quotation.end)
        or _SPEAKER_BEFORE.search(text, 0, quotation.start)
        or _SPEAKER_DESCRIBING.search(text, 0, quotation.start)
    )


def _trimmed(claim: Claim, problem: int) -> Claim | None:
    """The claim cut before the last clause boundary (", and", ", while", ", which", "; ", ", one of",
    a participle clause ", crossing …", ", with …", a hedge ", probably …", or a comma before a trailing phrase with
    no verb: ", about half of it on the slopes") that comes before `problem`,
    ended with a full stop, with only the mentions inside what is kept; None when no boundary leaves a complete statement:
    a subject and a finite verb, at least MIN_SENTENCE_WORDS words, not ending on a preposition, an
    article or a conjunction, its brackets and quotation marks closed."""
    boundaries = [b for b in _CLAUSE_BOUNDARY.finditer(claim.text) if claim.inserted <= b.start() < problem]
    # a colon before a clause that explains what the one before says: "Water works mainly by cooling: it absorbs …"
    # (only when the clause before holds something to ask: "he searched for a vocation: he taught at …" is asked after it)
    boundaries += [
        b for b in _EXPLAINING_COLON.finditer(claim.text, claim.inserted)
        if b.start() < problem and any(claim.inserted <= m.start and m.end <= b.start() for m in claim.mentions)
    ]
    boundaries += [b for b in _SECOND_PREDICATE.finditer(claim.text, claim.inserted, problem) if not _shares_its_object(claim, b.start())]
    boundaries += [
        b for b in _TRAILING_PHRASE.finditer(claim.text, claim.inserted, problem)
        # "He died on April 21, 1910, the day after its next perihelion": a phrase right after a fact says what it was
        if _closes_the_sentence(claim.text, b.end(), problem) and not any(m.end == b.start() for m in claim.mentions)
    ]
    for boundary in sorted(boundaries, key=lambda b: b.start(), reverse=True):
        if (kept := _cut_at(claim, boundary)) is not None:
            return kept
    return None


def _shares_its_object(claim: Claim, end: int) -> bool:
    """Whether the clause ending at `end`, before an "and" and a second verb, ends on its verb, whose object comes after
    the second ("JPL designed and built …", "in 1699 Winstanley rebuilt and strengthened it"): a verb the engine knows,
    or a word right after a name, its subject."""
    last = claim.text.rfind(" ", 0, end) + 1
    return _ENDS_ON_A_VERB.search(claim.text, 0, end) is not None or any(m.end + 1 == last for m in claim.mentions)


def _closes_the_sentence(text: str, start: int, problem: int) -> bool:
    """Whether the phrase from `start` to the end of the sentence, which holds what refuses it at `problem`, is a
    trailing phrase with no verb of its own and no list the cut would shorten: "…, about half of it on the slopes,
    mostly by hand." (not "…, Paris and its suburbs.", nor "that equal volumes of gases, at the same temperature,
    contain …", whose verb comes after it)."""
    return not (
        _FINITE_VERB.search(text, start) or _PLAIN_VERB.search(text, start) or _JOINED_ITEM.search(text, start, problem)
        or _PRONOUN_AND_ITS_VERB.match(text, start)
    )


# An article and one word before a comma, and an "-ing" word after it right before a plain noun: "a cheap, filling food",
# "a long, winding road" (not ", crossing it twice", ", leaving a hollow", ", killing 11 people").
_ADJECTIVES_OF_ONE_NOUN = re.compile(r"\b(?:a|an) [a-z]+,$")
_ING_ADJECTIVE_BEFORE_ITS_NOUN = re.compile(
    r", [a-z]{3,}ing (?!(?:a|an|the|it|its|his|her|their|them|him|to|in|on|at|of|with|by|for|up|down|out|over|into|from|some|many"
    r"|all|every|more|most|this|that|these|those|and|or|but)\b)[a-z]+\b"
)

def _cut_at(claim: Claim, boundary: re.Match[str]) -> Claim | None:
    """The claim up to a clause boundary, ended with a full stop, with only the mentions inside it;
    None when that is no complete statement."""
    if _PHRASE_BEFORE_THE_MAIN_VERB.match(claim.text, boundary.start()):
        return None
    end = _first_of_the_predicates(claim, boundary.start())
    if _ADJECTIVES_OF_ONE_NOUN.search(claim.text, 0, boundary.start() + 1) and _ING_ADJECTIVE_BEFORE_ITS_NOUN.match(claim.text, boundary.start()):
        return None  # "wanted a cheap, filling food …": two adjectives of one noun, no clause after the comma
    kept = claim.text[:end].rstrip() + ("" if end < boundary.start() else boundary.group("quote") or "")  # '"Dawn," one of' keeps its mark
    if not _complete_statement(kept) or _inside_a_list(claim.text, end) or _splits_a_pair(claim, end):
        return None
    mentions = [m for m in claim.mentions if m.end <= len(kept)]
    subject = claim.subject if claim.subject and claim.subject.end <= len(kept) else None
    ended = kept if kept.endswith(".") else f"{kept}."  # "… 120 volts in the U.S." has its full stop
    return dataclasses.replace(claim, text=ended, mentions=mentions, subject=subject)


def _splits_a_pair(claim: Claim, end: int) -> bool:
    """Whether a cut at `end` would end inside a phrase whose other half comes after it, leaving a fragment or the
    opposite of what the sentence says: the subject's apposition, which its main verb closes ("Tom Vane, the clerk
    hired in 1901| and fired in 1903, ran …"); a "not X" whose "but Y" follows ("came not from Leeds|, as was thought,
    but from York"); a "from X" whose "to Y" follows ("The road ran from Hull|, where …, to York")."""
    text, start = claim.text, claim.inserted
    rest = text[end:]
    # the subject a name, found as a mention or not ("Velox, the steamer …"), never a word that opens sentences ("Later, …")
    name = _NAME_WORDS.match(text, start)
    opening = next((m.end for m in claim.mentions if m.start == start), None)
    if opening is None and name is not None and name.group().split()[0] not in lexicon.SENTENCE_STARTERS:
        opening = name.end()
    if opening is not None and _APPOSITION_TO_THE_END.match(text, opening, end):
        return True
    if _NOT_BEFORE_ITS_BUT.search(text, start, end) and re.search(r"\bbut\b", rest):
        return True
    since = text.rfind(" from ", start, end)
    return since >= 0 and not re.search(r"\bto\b", text[since:end]) and _TO_AFTER_A_COMMA.search(rest) is not None


def _first_of_the_predicates(claim: Claim, end: int) -> int:
    """Where a cut at `end`, before ", and" or ", or", should end instead when the clause before it ends with a list of
    predicates of one subject, which the cut would leave without its "and": before the list's second predicate, so that
    the first stands alone ("From 1818 she visited the ships before they sailed, persuaded the authorities to use closed
    carriages, and gave …" -> "From 1818 she visited the ships before they sailed"). `end` otherwise: a list whose "and"
    the cut keeps ("took twelve years, cost several fortunes and survived …"), and a first predicate after a clause
    with a comma of its own, which may set a description before the main verb ("The rules, last revised in 1894, tied
    the number of boats …, and …", "the main hall, meant for opera, became a concert hall, and …")."""
    text = claim.text
    clause = max(claim.inserted, text.rfind(":", 0, end) + 1, text.rfind(";", 0, end) + 1)
    last = text.rfind(",", clause, end)
    if not re.match(r",\s+(?:and|or)\b", text[end:]) or last < 0:
        return end
    if not _NEXT_PREDICATE.fullmatch(text, last, end):
        return _before_a_second_predicate(text, clause, end) if re.match(rf",\s+and (?={_PAST_VERB})", text[end:]) else end
    first = text.find(",", clause)
    if _JOINED_ITEM.search(text, last, end) or not _NEXT_PREDICATE.match(text, first):
        return end
    return first if _FINITE_VERB.search(text, clause, first) and _complete_statement(text[:first]) else end


def _before_a_second_predicate(text: str, clause: int, end: int) -> int:
    """Where a list of predicates set between commas, whose second item ends in a name in apposition, should be cut
    before ", and" and its third: before its second ("Colonel Tom Vane, an Irish soldier, |tricked his way into the
    vault, struck the keeper, Ann Lee, and fled" -> "… tricked his way into the vault"); `end` when the clause holds
    no two predicates one after the other, a participle with "by" being none ("General Motors, led by Alfred Sloan,
    offered …")."""
    commas = [position for position in range(clause, end) if text[position] == ","]
    for previous, comma in zip(commas, commas[1:]):
        first = _NEXT_PREDICATE.match(text, previous)
        if first and not re.match(r", \w+ by\b", first.group()) and _NEXT_PREDICATE.match(text, comma) and _complete_statement(text[:comma]):
            return comma
    return end


def _inside_a_list(text: str, position: int) -> bool:
    """Whether `position` lies inside a list a colon introduces, which a cut there would show in part as if whole:
    items set off by semicolons ("The largest recipients were: the United Kingdom, with …; France, with …"), or
    items a count before the colon announces ("printed three letters side by side: one by Hale, one by Moss …,
    and one by Reed …"); not a clause after a colon ("… outlived the aid: in 1961 it was reorganised …, and …")."""
    colon = text.rfind(": ", 0, position)
    return colon >= 0 and (";" in text[colon:] or _ANNOUNCING_COUNT.search(text, 0, colon) is not None)


def _shortened(claim: Claim, mention: Mention, book: NameBook) -> tuple[Claim, Mention]:
    """The claim a card asking for `mention` shows, and the mention in it: without a clause that
    describes a name in passing when the mention is outside it ("Smith, whose brother ran a bakery in
    Leeds, won the mile in {{1954}}" -> "Smith won the mile in {{1954}}"; "The engineer, Anna Berg, who
    had …, died in {{1966}}" -> "The engineer, Anna Berg, died in {{1966}}"); and when it still runs past
    LONG_FRONT_WORDS words, cut at the first clause boundary after the mention that leaves a complete
    statement ("… won it back at {{30.99 knots}}, and she held the record until 1952, …" ends before
    ", and")."""
    for aside in reversed(list(_ASIDE.finditer(claim.text))):
        described = next((m for m in claim.mentions if m.end == aside.start() and m.kind in NAMED_KINDS), None)
        # "Vane signed the Road Act, which paid for divided, fenced highways": the name is the object of a verb before it,
        # so the verb after the aside is no main verb but the aside's own words
        in_the_subject = not _FINITE_VERB.search(claim.text, _start_of_its_clause(claim.text, aside.start()), aside.start())
        # "Tom Vane, who had known Ada Lind since 1890, bought her first painting": the aside names the one person a
        # pronoun after it may stand for, and stays
        outside = {m.name for m in claim.mentions if not aside.start() <= m.start < aside.end()}
        leaned_on = _PERSONAL_PRONOUN.search(claim.text, aside.end()) and any(
            aside.start() <= m.start < aside.end() and m.kind is MentionKind.PERSON and m.name not in outside for m in claim.mentions
        )
        if not aside.start() <= mention.start < aside.end() and described is not None and in_the_subject and not leaned_on:
            # "Its chief engineer, Anna Berg, who had built …, died": the comma closing "Anna Berg" stays
            start = aside.start() + 1 if claim.text.endswith(", ", 0, described.start) else aside.start()
            claim, mention = _without_span(claim, mention, start, aside.end())
    claim, mention = _the_persons_clause(claim, mention, book)
    if len(_WORD.findall(claim.text)) <= LONG_FRONT_WORDS:
        return claim, mention
    for boundary in _CLAUSE_BOUNDARY.finditer(claim.text, mention.end):
        if (kept := _cut_at(claim, boundary)) is not None and mention.end < len(kept.text):  # the cut may end before a list
            return kept, mention
    return claim, mention


def _start_of_its_clause(text: str, position: int) -> int:
    """Where the clause holding `position` begins: after the last comma, semicolon or colon before it ("…, while |Francis
    Rotch", "…, and |the grand City Hall"), or at the start."""
    return max(text.rfind(mark, 0, position) for mark in ",;:") + 1


def _the_persons_clause(claim: Claim, mention: Mention, book: NameBook) -> tuple[Claim, Mention]:
    """For a claim that opens with a person's thing and goes on with clauses of that person joined by
    commas and "and", the clause that holds `mention`, with the person's name for its "he" or "she":
    "John Hale's toes were amputated, he refused most treatment, and he died of tetanus on {{22 July
    1869}}." -> "John Hale died of tetanus on {{22 July 1869}}."; as it was otherwise, and when the clause's pronoun
    is not of the person's gender or may be another person named before it."""
    person = claim.subject
    if person is None or not person.possessive or person.kind is not MentionKind.PERSON:
        return claim, mention
    if OWNED_PERSON.match(claim.text, person.end):
        return claim, mention  # "Rowan Ashby's father was a miner, and he died in 1880.": the father died
    clauses = list(_PERSONS_CLAUSE.finditer(claim.text, person.end))
    starts = [clause.end() for clause in clauses if clause.end() <= mention.start]
    if not starts:
        return claim, mention
    start = starts[-1]
    gender = Gender.MALE if next(c for c in clauses if c.end() == start)["pronoun"] == "he" else Gender.FEMALE
    if book.gender(person.name) not in (gender, None) or any(
        m.kind is MentionKind.PERSON and person.end <= m.start < start and book.gender(m.name) in (gender, None) for m in claim.mentions
    ):
        # "Tom Vane's ship was the Kestrel, and she carried …": the ship; "Ada Lind's first act: she made Tom Vane her
        # secretary, and he served …": Vane
        return claim, mention
    end = next((clause.start() for clause in clauses if clause.start() >= mention.end), len(claim.text))
    kept = claim.text[start:end].rstrip(" .")
    text = f"{person.text} {kept}."
    shift = len(person.text) + 1 - start
    mentions = [dataclasses.replace(m, start=m.start + shift, end=m.end + shift) for m in claim.mentions if start <= m.start and m.end <= end]
    subject = dataclasses.replace(person, start=0, end=len(person.text), possessive=False)
    return Claim(text, len(person.text), mentions, subject), dataclasses.replace(mention, start=mention.start + shift, end=mention.end + shift)


def _without_span(claim: Claim, mention: Mention, start: int, end: int) -> tuple[Claim, Mention]:
    """The claim without its text[start:end], which lies after its subject, and `mention` (outside
    that span), with the mentions after the span moved back and those inside it gone."""
    cut = end - start

    def moved(m: Mention) -> Mention:
        return m if m.end <= start else dataclasses.replace(m, start=m.start - cut, end=m.end - cut)

    mentions = [moved(m) for m in claim.mentions if not start <= m.start < end]
    return dataclasses.replace(claim, text=claim.text[:start] + claim.text[end:], mentions=mentions), moved(mention)


def _complete_statement(text: str) -> bool:
    words = _WORD.findall(text)
    if len(words) < MIN_SENTENCE_WORDS or words[-1].lower() in _CANNOT_END:
        return False
    if text.count("(") != text.count(")") or text.count("\"") % 2 or text.count("“") != text.count("”"):
        return False
    main = text
    if words[0].lower() in _SUBORDINATORS:  # "When the war ended, the ship …": the verb must be after the comma
        main = text.partition(", ")[2]
    if (relative := _RELATIVE_CLAUSE_TO_THE_END.search(main)) is not None:
        main = main[: relative.start()]  # "Archbishop Lind, who acted as a go-between.": the verb must be outside it
    if (described := _SUBJECT_DESCRIBED_TO_THE_END.match(main)) is not None:
        main = described.group()
    if (participle := _PARTICIPLE_PHRASE_TO_THE_END.match(main)) is not None:
        main = main[: participle.start("phrase")]  # "The Night Owls of the Kell Air Wing, based at Rook Field.": no verb of its own
    verb = _FINITE_VERB.search(main) or _PLURAL_SUBJECT_AND_VERB.search(main) or _WORKS_BY.search(main)
    return verb is not None and verb.start() > 0


def _dangling_word(words: list[str], index: int) -> bool:
    """Whether words[index] points at something the sentence does not show: "this" (not in "this time" or "this year",
    phrases of their own that lexicon.DANGLING_PHRASES judges), "such" (not "such as", whose examples follow:
    "grasses such as millet"), "those" (not before the clause that says who: "those who fled the city", "those whose
    homes burned", nor in a comparison with a noun before it: "than those of most planets"); "the former" (not "a
    former banker"); "below" or "above" with nothing after it (not "below the surface")."""
    word = words[index]
    if word not in lexicon.DANGLING_WORDS:
        return False
    if word == "such":
        return words[index + 1 : index + 2] != ["as"]
    if word == "those":
        # "an orbit more eccentric than those of most planets": the noun before, compared
        compared = index > 0 and words[index - 1] in ("than", "as") and words[index + 1 : index + 2] == ["of"]
        return not compared and words[index + 1 : index + 2] not in (["who"], ["whom"], ["whose"], ["that"])
    if word in ("former", "latter"):
        return index > 0 and words[index - 1] == "the"
    if word in ("above", "below"):
        return index + 1 == len(words)
    # "this time", "this year": lexicon.DANGLING_PHRASES says when such a phrase leans (not "to this day", until now)
    return not (word == "this" and index + 1 < len(words) and words[index + 1] in ("time", *lexicon.DEMONSTRATIVE_TIMES))


def _named_before_in_its_sentence(written: list[re.Match[str]], index: int) -> bool:
    """Whether the noun a demonstrative, the word at `index` of the sentence's `written` words, is said of is one its own
    sentence names before it, so the card shows what it points at: a plural after "these" or "those" ("… release fast
    neutrons; when one of these neutrons hits …", "… water holding calcium ions, the soap binds to those ions …"), or a
    noun after "this" that follows "a", "an" or "the" before ("The town built a wall in 1200, and this wall stood …");
    not "Volcanic rocks record these flips" after a sentence on reversals, nor "this is", whose word is no noun, nor a
    word of a name ("the Laws of Cricket, … the guardian of those Laws"), which may mean more than the name."""
    words = [match.group() for match in written]
    noun = words[index + 1] if index + 1 < len(words) else ""
    return _names_the_noun(words[:index], words[index].lower(), noun)


def _points_at_its_first_clause(text: str, word: str, written: re.Match[str]) -> bool:
    """Whether the demonstrative `word`, written at `written`, stands among the first words of a clause after a semicolon,
    and so points at the clause before it, which the card shows (see _FIRST_WORDS_AFTER_A_SEMICOLON): "Burning coal
    dilutes the air; this dilution is called the Suess effect.", "The Varn strain lacks the K antigen; such people test
    as type O." (not "This dilution is called …", nor "those" or "the former", which may point further back)."""
    return word in ("this", "these", "such") and _FIRST_WORDS_AFTER_A_SEMICOLON.search(text, 0, written.start()) is not None


def _names_the_noun(earlier: list[str], demonstrative: str, noun: str) -> bool:
    """Whether the `earlier` words name the lower-case noun a demonstrative is said of (see _named_before_in_its_sentence):
    the same plural for "these" or "those", the same noun after "a", "an" or "the" for "this"."""
    if not noun.islower():
        return False
    if demonstrative in ("these", "those"):
        return noun.endswith("s") and noun in earlier
    if demonstrative == "this":
        return any(word == noun and earlier[at - 1].lower() in ("a", "an", "the") for at, word in enumerate(earlier) if at > 0)
    return False


def _leans_on_context(claim: Claim, topic: _Topic | None) -> bool:
    """Whether the claim's subject is a bare "The unit" or "Construction" whose owner the card would
    not show, or a bare "one", "both", "several" (see _COUNTING_PRONOUN): "The charter was signed …" (which
    charter?), "Construction began in 1869" (of what?).
    A subject such as "The satellites" or an activity is fine when the card names the document's
    topic in front of it, unless it is one that usually points back ("the team", "the largest") and
    neither a word before it ("the guidance team") nor a name the sentence gives it says which."""
    opening = _OPENING.match(claim.text)
    rest = claim.text[opening.end() :]
    if _COUNTING_PRONOUN.match(rest):
        return True  # "On 8 May 1902, one swept down Mount Pelée …": one what? ("One of the flows swept …" says)
    if _PICKED_SUBJECT.match(rest):
        return True  # "The three men shared the Nobel Prize …", "The key idea is called …": which?
    leaning = _LEANING_SUBJECT.match(rest)
    if claim.inserted == 0 and leaning and not _names_its_subject(claim, opening.end()):
        # "(GPS) The satellites fly …" says which satellites by its label; "The unit was …" does not;
        # "The mineral was named tranquillityite, after …" says what it is about by the name it gives
        noun, modifier = leaning.group("noun", "modifier")
        named = _GIVES_A_NAME.match(rest)
        if _SELECTING.fullmatch(noun):
            return True
        if noun in lexicon.BACK_REFERRING_NOUNS:
            # "(Tay Bridge) The total cost was …", "(Voyage) The guidance team was led by …", "(Voyage) The
            # plan was nicknamed …": a noun a word or the name it is given makes specific is the topic's
            # own, while "The team won …" points back at a team before
            return not (topic and (named or (modifier and _specifies(modifier))))
        return topic is None and not named
    first = re.match(r"([A-Z][a-z]+) (?!of\b)[a-z]+", rest)
    return bool(first and first.group(1).lower() in lexicon.ACTION_NOUNS and topic is None)


def _specifies(modifier: str) -> bool:
    """Whether the word before a subject's noun says which one it is of the topic's ("the total cost",
    "the guidance team", "the main span"), unlike one that only orders or counts it ("the first team",
    "the largest", "the new team")."""
    return not _SELECTING.fullmatch(modifier) and modifier not in lexicon.UNSPECIFIC_MODIFIERS


def _names_its_subject(claim: Claim, start: int) -> bool:
    """Whether the subject "The …" at `start` is followed by its name set off by commas, so it leans on
    nothing: "The first crewed Apollo flight, Apollo 7, spent …", "The third stage, the S-IVB, …"."""
    apposed = _APPOSED_NAME.match(claim.text, start)
    return apposed is not None and any(
        m.start == apposed.end() and m.kind in NAMED_KINDS and claim.text.startswith(",", m.end) for m in claim.mentions
    )


def _claim(text: str, mentions: list[Mention], before: _Before, topic: _Topic | None, book: NameBook) -> Claim | None:
    """The sentence without a linking word that leans on the one before ("Meanwhile, …", "At that
    point," before an event, "then" after the subject), a line that only defines a term written as the
    statement it makes (see `_defined_term`), and with a leading pronoun, "The film" or "The two"
    (after an opening such as "When" or "In 1938") replaced by the one name it can stand for (see
    `_antecedent`); None when there is no such name or more than one. A sentence opening with a
    "The …" that is not a reference, or with an "It" that stands for nothing ("It is often said that …",
    see _EXPLETIVE_IT), comes back otherwise as written."""
    connective = _leading_connective(text, mentions) or _event_after_that_point(text)
    if connective:
        text, mentions = _without_opening(text, mentions, connective.end())
    text, mentions = _dated(text, mentions, before.when)
    text, mentions = _with_the_year_written(text, mentions, before)
    text, mentions = _named_demonstrative(text, mentions)
    text, mentions = _demonstrative_before_its_name(text, mentions)
    text, mentions = _described_after_pointing_at_it(text, mentions)
    text, mentions = _with_its_owner(text, mentions, before, topic, book)
    text, mentions = _defined_term(text, mentions)
    plain = _without_cleft(text, mentions)
    if plain is None:
        return None
    text, mentions = plain
    relative = _RELATIVE_TIME_OPENER.match(text)
    written = (
        _time_written(relative, before)
        if relative and (relative.group("day_of_the_month") or re.match(r"(?i:they) ", text[relative.end() :]))
        else None
    )
    if written is not None:
        # "Later that year they …" after a sentence about two people in 1921: "In 1921, they …", whose "they"
        # is then resolved as after any opening; a day of that year is a date a card may ask ("On October 24, 1972,
        # he …")
        text, mentions = _with_opening(text, mentions, relative.end(), f"{written}, ")
        if relative.group("day_of_the_month"):
            date = written.removeprefix("On ")
            mentions = [Mention(MentionKind.DATE, 3, 3 + len(date), date, date), *mentions]
    elif relative:  # "The next year the showman Ada Crane led …": the event stands alone, its time does not
        text, mentions = _without_opening(text, mentions, relative.end())
        mentions = [m for m in mentions if m.kind not in (MentionKind.DATE, MentionKind.YEAR)]
    opening = _OPENING.match(text)
    reference = _LEADING_REFERENCE.match(text, opening.end())
    opener = _OPENER_BEFORE_A_PRONOUN.match(text) or _opener_before_it(text, mentions)
    governed: frozenset[str] = frozenset()
    # "Before the war was over, she …": not "the war", which only begins the opener
    if opener is not None and (reference is None or reference.group("noun") and reference.end() < opener.end()):
        reference = _LEADING_REFERENCE.match(text, opener.end())
        said = reference.group("pronoun").lower()
        # "For Gross he designed …": he is not Gross ("For Gross they built …" may count him among them)
        governed = _governed_by_the_opening(text, opener.end(), mentions) if said in _PRONOUN_GENDER else frozenset()
        if _opener_may_hold(said, text, opener.end(), [m for m in mentions if m.name not in governed], topic, book):
            reference = None  # "When Ruth Hale left Oslo, she …": she may be Ruth Hale, as the sentence reads
        else:
            opening = opener
    noun = reference.group("noun") if reference else None
    expletive = reference is not None and (reference.group("pronoun") or "").lower() == "it" and _EXPLETIVE_IT.match(text, reference.end())
    if reference is None or expletive or _points_forward(text, mentions, reference, book) or (
        noun
        # "The bridge opened …", "The ring was closed …", "The film earned …"; not "the space shuttle Challenger broke …",
        # whose "space" only says what kind of shuttle, whatever name holds the word, nor "The town at the mouth of the
        # Klondike was laid out …", whose town is no place of the sentence before
        and not (
            _VERB_OF_THE_SUBJECT.match(text, reference.end())
            and (noun.lower() in lexicon.REFERRING_NOUNS or _names_with(noun, before, topic, book) or _stands_for_the_topic(noun, before, topic, book))
        )
    ):
        subject = mentions[0] if mentions and mentions[0].start == 0 and mentions[0].kind in NAMED_KINDS else None
        claim = _name_the_topic(Claim(text, 0, mentions, subject), before, topic, book)
        return _with_its_references_written(claim, before, topic, book)
    pronoun = "the two" if reference.group("pair") else (reference.group("pronoun") or "").lower()
    if relative and not written and (pronoun not in _PRONOUN_GENDER or relative.group("counted")):
        # "The next year it …": what "it" is leans on the sentence before as much as the year does; a "he"
        # is the one man the sentence before names, whenever it is, unless the time is counted from a
        # date the sentence before may not give ("Two weeks later, she …"); a "they" is the two people
        # or the group it names when the time is written out ("Later that year they …" -> "In 1921, …")
        return None
    if pronoun == "it" and _IT_OF_AN_IDIOM.match(text, reference.end()):
        return None  # "At Pinatubo it paid off": what paid off is the sentence before, not a name in it
    if noun and lexicon.REFERRING_NOUNS.get(noun.lower()) == "place" and any(m.kind is MentionKind.PLACE for m in mentions if m.start >= reference.end()):
        # "The city authorities banned tests within Stockholm": the city may be the one the sentence names
        return None
    found = _antecedent(pronoun, noun, before, topic, book, text[reference.end() :], governed)
    if found is None and opening is opener and pronoun in ("he", "she") and _name_opens_the_clause(text, opener.end(), mentions):
        # "When Yang Liwei became …, he said …": with no one else the sentence before offers, the one it names
        return _with_its_references_written(_name_the_topic(Claim(text, 0, mentions, None), before, topic, book), before, topic, book)
    if found is None:
        return None
    antecedent, name = found
    start = opening.end()
    lead = text[:start]
    after_a_name = pronoun in _PRONOUN_GENDER and any(m.end == start - 1 and m.kind in NAMED_KINDS for m in mentions)
    if (governed or after_a_name) and not lead.endswith(", "):
        # "For Gross, Paul Vell designed …", "In Graz, Tom Vane published …", not one name "Gross Paul Vell"
        lead = lead[:-1] + ", "
    written = name[0].upper() + name[1:] if start == 0 else name  # "the Golden Gate Bridge" opening a sentence
    suffix = "'s" if pronoun in ("his", "her", "its") else " is" if reference.group("is") else ""
    resolved = lead + written + suffix + text[reference.end() :]
    shift = len(resolved) - len(text)
    inserted = len(lead) + len(written) + len(suffix)
    subject = Mention(antecedent.kind, len(lead), len(lead) + len(written), written, antecedent.name, antecedent.quoted, suffix == "'s", craft=antecedent.craft)
    moved = [m for m in mentions if m.end <= start]  # "In {1938} she went …" keeps its year
    moved += [dataclasses.replace(m, start=m.start + shift, end=m.end + shift) for m in mentions if m.start >= reference.end()]
    replaced = pronoun if pronoun in _REPEATED_SUBJECT else ""
    claim = _name_the_topic(Claim(resolved, inserted, moved, subject, replaced), before, topic, book)
    return _with_its_references_written(claim, before, topic, book)


def _with_its_references_written(claim: Claim, before: _Before, topic: _Topic | None, book: NameBook) -> Claim:
    """The claim with what it leaves to the sentence before written out (a "him", "her" or "his", a "their", an object
    "it", a "there") and without the words that only link it to that sentence ("also", "then")."""
    named = _name_the_thing(_name_the_group(_name_the_object(claim, before, topic, book), before, book), before, book)
    return _without_also_or_too(_without_sequence_word(_name_the_place(named, before, topic)))


def _governed_by_the_opening(text: str, end: int, mentions: list[Mention]) -> frozenset[str]:
    """The people an opening preposition governs right before the subject pronoun at `end`: in "For Gross he designed …"
    the "he" is not Gross, who would be "himself" (so the sentence before may offer the one man left), and in "With Vane
    and Karl Lind he negotiated …" neither of the two he went with. A name of unknown kind counts: "For Gross he designed
    the Palau Gross" leaves the mention finder unsure what "Gross" is."""
    opening = _OPENING_PREPOSITION.match(text)
    names = [m for m in mentions if m.kind in (MentionKind.PERSON, MentionKind.NAME) and opening and opening.end() <= m.start < end]
    at = opening.end() if opening else -1
    for m in sorted(names, key=lambda m: m.start):
        if m.start != at:
            return frozenset()
        if text[m.end : end] in (" ", ", "):
            return frozenset(n.name for n in names)
        gap = _LIST_JOINER.match(text, m.end)
        at = gap.end() if gap else -1
    return frozenset()


def _opener_before_it(text: str, mentions: list[Mention]) -> re.Match[str] | None:
    """A subordinate clause without its comma before a subject "it" that the clause cannot be: one whose subject is "the"
    and a plural, that names nothing and has no singular noun after an article ("When the railways were nationalised in
    1948 it passed …"). None for "When the war ended it …" (the war, perhaps), "When light passes into water it …" (the
    light) or "After the workers sold the mill it …". A participle phrase before "it" that names nothing is taken too, as
    it tells of the "it" itself: "Built in white marble by a grieving king, it …" (see _PARTICIPLE_BEFORE_IT); not one
    that names something, which may be what the "it" is ("Staged in London as Night Train, it ran …")."""
    clause = _PARTICIPLE_BEFORE_IT.match(text) or _CLAUSE_BEFORE_IT.match(text)
    if clause is None or any(m.start < clause.end() and m.kind in NAMED_KINDS for m in mentions):
        return None
    if clause.re is _PARTICIPLE_BEFORE_IT:
        return clause
    # each article's noun right after it a plural ("the railways"); "the old railways" is refused with the singulars
    return clause if all(noun.endswith("s") for noun in re.findall(r"\b(?i:the|an?) ([a-z-]+)", clause.group())) else None


def _name_opens_the_clause(text: str, end: int, mentions: list[Mention]) -> bool:
    """Whether the opening clause that ends at `end` has for its subject a name of unknown kind right after its "When"
    (or "After", "While" …) and before its verb ("When Yang Liwei became China's first astronaut, he …"), which the subject pronoun after it
    may stand for as the sentence reads (see _opener_may_hold for a person's name)."""
    clause = _OPENING_SUBORDINATE_CLAUSE.match(text)
    return clause is not None and clause.end() == end and any(
        m.kind is MentionKind.NAME and m.start == clause.end("subordinator") and _VERB_OF_THE_SUBJECT.match(text, m.end) for m in mentions
    )


def _opener_may_hold(pronoun: str, text: str, end: int, mentions: list[Mention], topic: _Topic | None, book: NameBook) -> bool:
    """Whether the opener that ends at `end` holds someone or something the subject pronoun after it may stand for,
    which the sentence before then does not settle: a person of the pronoun's gender or of one the document does not
    say, or a man or a woman by their noun ("When his father died, he …"), for "he" or "she"; any name or plural for
    "they" ("When the workers arrived, they …")."""
    opener = text[:end]
    if pronoun == "it":
        return False  # an opener before "it" is taken only when it holds nothing an "it" could be (see _opener_before_it)
    if pronoun == "they":
        return any(m.end <= end and m.kind in NAMED_KINDS for m in mentions) or bool(_PLURAL_BEFORE.search(opener))
    gender = _PRONOUN_GENDER[pronoun]
    nouns = lexicon.MALE_NOUNS if gender is Gender.MALE else lexicon.FEMALE_NOUNS
    return any(m.end <= end and _may_be(gender, m, topic, book) for m in mentions) or bool(nouns.intersection(_WORD.findall(opener.lower())))


def _after_the_sentence_before(
    text: str, mentions: list[Mention], before: _Before, topic: _Topic | None, book: NameBook, resolved: Claim | None = None
) -> Claim | None:
    """The sentence after the one before, as one claim whose answers are the sentence's own, when the
    sentence leans on the one before only by its opening (see _LEANING_OPENING) or by an "it", "them" or
    "their" inside it that the one before says what it is (see _pronouns_stood_in), and the one before is
    short (SHOWN_BEFORE_WORDS; MAX_SENTENCE_WORDS when it names the noun of a "this travelling wave" inside the
    sentence, see _demonstratives_it_names) and stands on its own: "A receiver measures the distance from four
    satellites. This method is called {{trilateration}}." For "the same year" the sentence before must
    give a date or a year; for "It" it must name at most one thing, or a thing first. None when anything
    else keeps the sentence from standing: it is checked as if its opening were a plain subject ("The
    thing is called trilateration."). A subject "He" or "She" that `resolved`, the sentence's own claim, wrote as a person
    the sentence before names is checked as that name: "… was made by Ada Brand. In 1830 he patented it."."""
    opening = _LEANING_OPENING.match(text)
    shown = before.claim
    if shown is None:
        return None
    # a subject "The team" may follow the longer sentence that opens its paragraph (see _opens_the_paragraph_on_it), and
    # "this travelling wave" the longer sentence that names "a travelling wave"
    longest = MAX_SENTENCE_WORDS if opening.group("told") or _demonstratives_it_names(text, shown) else SHOWN_BEFORE_WORDS
    if len(_WORD.findall(shown.text)) > longest:
        return None
    if _without_cleft(text, mentions) is None:
        return None  # "… finished in 1931. It was Mayor Alan Crewe, …": shown after the dam, the "It" would read as the dam
    if _problem_at(shown, topic, book) is not None or not _has_a_verb(shown.text):
        return None  # "Four main cables, each 15 inches thick.": a line of a fact box is no context
    if opening.group("time") and not any(m.kind in (MentionKind.DATE, MentionKind.YEAR) for m in shown.mentions):
        return None  # "Morabito had found a volcano. In July of the same year …": which year?
    if opening.group("noun") and not re.search(rf"\b{opening.group('noun')}\b", shown.text):
        return None  # "The image became known as …" names the image the sentence before took, or nothing
    if opening.group("told") and not (_opens_the_paragraph_on_it(opening.group("told"), shown, before) or _comes_of_it(opening.group("told"), before)):
        return None  # "Ada Brand was an engineer from Leeds. The team won …": which team?
    if opening.group("counted") and not _says_who_the_counted_are(opening.group("counted"), shown, topic):
        return None  # "The work was done at Bell Labs. The three men shared …": which three men?
    subject = opening.group("subject") or ""
    named = [m for m in shown.mentions if m.kind in NAMED_KINDS]
    things = [m for m in named if m.kind is not MentionKind.PERSON and _could_be_it(m)]
    if subject.lower() == "it " and len(things) > 1 and named[0] is not things[0]:
        return None  # "Ada Brand flew the Vega IV for the Acme Corporation. It stood …": which one?
    if subject.lower() == "it " and things and all(_inside_a_time_clause(shown.text, m) for m in things):
        return None  # "In 2002, when the BBC asked …, Tom Vane came second. It left …": the BBC only sets the time
    if subject.lower() == "its " and not _one_thing_it_may_be(shown, topic):
        return None  # "Luna 9 rode on a Vostok rocket. Its second stage …": the probe's or the rocket's?
    if subject and _names_its_own_noun(text, mentions):
        return None  # "This heating is called dielectric heating.": the name says what it is named for
    plural = subject.lower().startswith(("these", "those", "they", "their")) or bool(opening.group("counted"))
    # "This deformation, also called creep, …" has no space after its subject
    possessive = "'s " if subject.lower() == "its " else "' " if subject.lower() == "their " else " " if subject.endswith(" ") else ""
    stand_in = ("The things" if plural else "The thing") + possessive if subject else ""
    # "In the U.S. these are called …" is checked as "In the U.S. the things are called …"
    setting = opening.group("setting") or opening.group("lead") or ""
    if setting:
        stand_in = setting + stand_in.lower()
    rest = text[opening.end() :]
    checked = stand_in + (rest if stand_in else rest[:1].upper() + rest[1:])
    shift = len(checked) - len(text)
    own = [m for m in mentions if m.end <= len(setting)]
    own += [dataclasses.replace(m, start=m.start + shift, end=m.end + shift) for m in mentions if m.start >= opening.end()]
    stood_for = Mention(MentionKind.NAME, len(setting), len(stand_in.rstrip()), stand_in[len(setting) :].strip(), stand_in[len(setting) :].strip()) if stand_in else None
    if not opening.group() and resolved is not None and _person_named_before(resolved, shown):
        # "He patented it in 1830." is checked as "Ada Brand patented it in 1830.": the "it" after it is what is left
        # (the claim's name for the "He" is no mention of its own)
        named = [m for m in resolved.mentions if m.start != resolved.subject.start]
        checked, own = resolved.text, sorted([*named, resolved.subject], key=lambda m: m.start)
    alone = _pronouns_stood_in(_demonstratives_stood_in(_this_stood_in(Claim(checked, len(stand_in), own, stood_for)), shown), shown, topic, book)
    if not opening.group() and (alone.text == checked or _ONE_OF.match(text)):
        # nothing in it leans on the sentence before, or a leading "One of them," which _from_the_name_picked_out drops
        return None
    if _problem_at(alone, topic, book) is not None:
        return None
    offset = len(shown.text) + 1
    # the setting's place only says where the name is used: the card asks the name (a lead's date is the sentence's own)
    asked_from = 0 if opening.group("lead") else len(setting)
    moved = [dataclasses.replace(m, start=m.start + offset, end=m.end + offset) for m in mentions if m.start >= asked_from]
    return Claim(f"{shown.text} {text}", offset, moved, None)


def _person_named_before(resolved: Claim, shown: Claim) -> bool:
    """Whether the claim wrote its subject "He" or "She" as the person it stands for, and the sentence before, shown with
    it, names that person: "The first lathe was made by Ada Brand. He patented it …" (not a "He" the claim took from
    further back, which the pair would leave unsaid)."""
    if resolved.subject is None or resolved.subject.kind is not MentionKind.PERSON or resolved.replaced.lower() not in ("he", "she"):
        return False
    return resolved.subject.name in {m.name for m in shown.mentions if m.kind is MentionKind.PERSON}


def _opens_the_paragraph_on_it(noun: str, shown: Claim, before: _Before) -> bool:
    """Whether a subject "The <noun>" for a group of people or an activity stands for the people or the work of the
    event the sentence before dates, as that sentence opens the paragraph both are in: "The first flight took place on
    9 May 1931 at Tern Field. The team was led by …", "On 2 May 1790 Ada Brand married Tom Vane. The couple lived …"
    (not "Ada Brand was an engineer from Leeds. The team …", nor after a sentence inside the paragraph)."""
    group_or_activity = noun in lexicon.PEOPLE_GROUP_NOUNS or noun in lexicon.ACTION_NOUNS
    dated = any(m.kind in (MentionKind.DATE, MentionKind.YEAR) for m in shown.mentions)
    return group_or_activity and dated and before.opens_its_paragraph and not before.new_paragraph


def _comes_of_it(noun: str, before: _Before) -> bool:
    """Whether a subject "The <noun>" is what came of the sentence before, in the same paragraph, which the card shows:
    "The curved legs made an ordinary lift impossible. The solution came from Tom Vane, …", "Ada Brand began a long
    self-analysis. The result was …" (see lexicon.OUTCOME_NOUNS; not after a heading or a paragraph's end, where it
    may come of all the paragraph before, nor after a sentence whose opening the engine wrote: "Both pressed for …" read
    as two names may name the wrong two)."""
    return noun in lexicon.OUTCOME_NOUNS and not before.new_paragraph and before.claim is not None and before.claim.inserted == 0


def _names_its_own_noun(text: str, mentions: list[Mention]) -> bool:
    """Whether the name a demonstrative subject is given repeats a word the demonstrative is said of, so that the card
    gives it away: "This heating is called {{dielectric heating}}.", "These tides are called {{king tides}}." (not "This
    process is called dielectric heating.", "This deformation, also called creep, …")."""
    naming = _DEMONSTRATIVE_NAMING.search(text)
    if naming is None:
        return False
    described = set(naming.group("described").split())
    named = next((m for m in mentions if m.start >= naming.end()), None)
    return named is not None and not described.isdisjoint(word.lower() for word in _WORD.findall(named.text))


def _pronouns_stood_in(claim: Claim, shown: Claim, topic: _Topic | None, book: NameBook) -> Claim:
    """The claim with each "it", "them" or "their" that nothing in it can stand for written as a plain "the thing" ("the
    things"), when the sentence before, which the card shows, says what it is: "In 1938 the Marlow eight won it again"
    after "The Silver Cup goes to the fastest crew." is checked as "… won the thing again". For "it" that sentence must
    offer one thing (see _one_thing_it_may_be), for "them" or "their" a plural or two names. The pronoun must have
    nothing before it in its own sentence that it could be (a name other than the subject of its verb, a singular common
    noun for "it" or "their", a plural other than its verb's subject for "them"), or that sentence, not the one before,
    says what it is. The claim comes back as far as it was read, a pronoun for a person ("him", "her") and an "its"
    inside the sentence (see _carried_by_the_label) left to their own rules."""
    while (position := _dangling_pronoun_at(claim, book, own_plural=False)) is not None:
        word = _WORD.match(claim.text, position).group().lower()
        plural = word in ("them", "their")
        if plural:
            # "Ann Vell was born in 1801 in Whitby.": a person and the places she is in are not "they"
            person = any(m.kind is MentionKind.PERSON for m in shown.mentions)
            named = {m.name for m in shown.mentions if m.kind in NAMED_KINDS and not (person and m.kind is MentionKind.PLACE)}
            offered = bool(_PLURAL_BEFORE.search(shown.text) or _counts_a_group(shown.text, len(shown.text)) or len(named) > 1)
        else:
            offered = _one_thing_it_may_be(shown, topic, subject_is_enough=True)
        own = [
            m for m in claim.mentions
            if m.kind in NAMED_KINDS and m.end <= position and (plural or m.kind is not MentionKind.PERSON and _could_be_it(m))
            and not _is_subject_of(claim.text, m.end, position)
        ]
        # "Folded in the crate, it weighed …": what the opening says is said of the "it", which is none of its nouns
        described = word == "it" and _DESCRIBING_OPENING.fullmatch(claim.text, 0, position) is not None
        # a "them" may be a plural before it, never a singular noun ("About a litre of blood flows through them"), nor the
        # subject of its verb ("Engineers rebuilt them"); a "their" is left to the singular nouns' test, as a plural
        # subject before it may as well be its owner as not ("Archaeologists have found their quarries")
        if word == "them":
            nothing_before = all(_is_subject_of(claim.text, p.end(), position) for p in _plurals_named_before(claim, position, book))
        else:
            nothing_before = _nothing_before_it_could_be(claim.text, position, claim.mentions)
        if word not in _STAND_IN or not offered or not described and (own or not nothing_before):
            return claim
        claim = _with_text(claim, position, position + len(word), _STAND_IN[word])
    return claim


def _this_stood_in(claim: Claim) -> Claim:
    """The claim with each "this" that stands for what the sentence before told (see _THIS_FOR_THE_SENTENCE_BEFORE), outside
    quotation marks, written as a plain "the thing", as the sentence is checked when shown after that sentence:
    "Locksmiths do this with master keying: …" -> "Locksmiths do the thing with master keying: …"."""
    quoted = quotations(claim.text)
    for this in reversed(list(_THIS_FOR_THE_SENTENCE_BEFORE.finditer(claim.text))):
        if any(q.start <= this.start() < q.end for q in quoted):
            continue
        claim = _with_text(claim, this.start(), this.end(), "the thing")
    return claim


def _demonstratives_stood_in(claim: Claim, shown: Claim) -> Claim:
    """The claim with each "these", "those" or "this" inside it written as "the" when the sentence before, which the card
    shows, names the noun it is said of (see _names_the_noun), as the sentence is checked when shown after it: "Ada Brand
    called the meetings. The last of those meetings began at Orla Hall." -> "The last of the meetings began …" (not "these
    flips" after a sentence on how a field reverses, nor an opening demonstrative, which _LEANING_OPENING takes)."""
    for demonstrative in reversed(_demonstratives_it_names(claim.text, shown)):
        claim = _with_text(claim, demonstrative.start("word"), demonstrative.end("word"), "the")
    return claim


def _demonstratives_it_names(text: str, shown: Claim) -> list[re.Match[str]]:
    """The demonstratives inside the text, outside quotation marks, whose noun the sentence before names (see
    _names_the_noun): "a travelling wave runs along the membrane …" for "Tom Vane worked out this travelling wave"."""
    shown_words = [word.lower() for word in _WORD.findall(shown.text)]
    quoted = quotations(text)
    return [
        demonstrative for demonstrative in _INNER_DEMONSTRATIVE.finditer(text)
        if not any(q.start <= demonstrative.start() < q.end for q in quoted)
        and _names_the_noun(shown_words, demonstrative.group("word"), demonstrative.group("noun"))
    ]


def _inside_a_time_clause(text: str, mention: Mention) -> bool:
    """Whether the mention lies in a clause that only sets the time of the main one, between commas or opening the
    sentence: "In 2002, when the {{BBC}} asked the public …, Tom Vane came second." (not "The BBC asked …")."""
    return any(clause.start() <= mention.start < clause.end() for clause in _TIME_CLAUSE.finditer(text))


def _one_thing_it_may_be(shown: Claim, topic: _Topic | None, *, subject_is_enough: bool = False) -> bool:
    """Whether the sentence before, shown with one whose "it" or "Its" leans on it, offers exactly one thing it may be:
    one named thing (not a person, nor a place it happens in or comes from: "The Vega flew for ten years in Canada."),
    a common subject ("By March the club had won nine games …", "In 1898 the territory was split off from …", "The Old
    Arena's roof …") or a singular object ("… took the record"). "The Vega flew for the Acme Corporation.", "The Normandie took the record.", "Luna 9
    rode on a Vostok rocket." offer two. A common noun alone is not enough when the document's topic is a thing that
    sentence does not name ("The mirror was polished for three years. Its surface …" in a telescope's document):
    the pronoun may be the topic's, as the label reads it (see _carried_by_the_label). With `subject_is_enough`, for an
    "it" inside the sentence after, a common subject is: that sentence goes on with it ("The lamp burned whale oil until
    1880. By then it had a range of …" in a lighthouse's document)."""
    things = [
        m for m in shown.mentions
        if m.kind in NAMED_KINDS and m.kind is not MentionKind.PERSON and _could_be_it(m)
        and not _PLACE_IT_STANDS_IN.search(shown.text, 0, m.start)
    ]
    owned = bool(shown.mentions) and shown.mentions[0].possessive and shown.text[: shown.mentions[0].start] in ("", "The ")
    subject = _common_subject(shown.text) is not None or owned  # "The Old Arena's roof …": the roof, beside the Old Arena
    # "The estate became a public park": what follows "became" or "was" is the subject again, no second thing
    objects = [verb for verb in _SINGULAR_OBJECT.findall(shown.text) if not _COPULA.fullmatch(verb)]
    common = int(subject) + len(objects)
    if len(things) + common != 1:
        return False
    if things or subject_is_enough and _subject_says_what_it_is(shown.text):
        return True
    return topic is None or topic.kind is MentionKind.PERSON or _names_the_topic(shown.text, topic)


def _subject_says_what_it_is(text: str) -> bool:
    """Whether the sentence opens on a common subject that is a noun, not an adjective or an ordinal that leans on
    something said before it: "The stomach is …", not "The innermost was made of gold." (the innermost what?, read with
    "was" for its noun) nor "The first was …"."""
    noun = _common_subject(text)
    leaning = rf"[a-z]+most|(?:{lexicon.PLACE_ORDINALS}|last|next|final|other|latter|former|rest)"
    return noun is not None and not _FINITE_VERB.fullmatch(noun) and not re.fullmatch(leaning, noun)


def _says_who_the_counted_are(counted: str, shown: Claim, topic: _Topic | None) -> bool:
    """Whether the sentence before, shown for a subject that counts people ("The three men shared …"), says who they
    are: it names that many people (names of unknown kind count, as for "The two": see _the_two) beside no plural that
    could hold some of them ("Tom Vane and his two students"), or counts that many by a word for people ("Three
    physicists built …"). "The work was done at Bell Labs." or "Tom Vane built the first one." leaves the reader to
    guess who "the three men" or "the two men" are."""
    word = counted.split()[0].lower()
    if any(match.group("count").lower() == word for match in _COUNTED_PEOPLE.finditer(shown.text)):
        return True
    named = {_canonical(m, topic): m for m in shown.mentions if m.kind in (MentionKind.PERSON, MentionKind.NAME) and not m.attributive}
    people = [m for m in named.values() if m.kind is MentionKind.PERSON]
    return len(named) == lexicon.COUNT_OF_WORD.get(word) and bool(people) and not _PLURAL_WORD.search(shown.text)


def _carried_by_the_label(
    text: str, mentions: list[Mention], before: _Before, before_carried: bool, topic: _Topic | None, book: NameBook
) -> Claim | None:
    """The sentence as written, when what keeps it from standing is an "it" or "its" that can only be the
    document's topic, a thing, which the card's label then names: "At its base it is {{660 feet}} thick"
    after "The finished dam is 726 feet high." gives "(Hoover Dam) At its base it is {{660 feet}} thick …".
    The sentence before must be about the topic (its subject is the topic, a "the" with the topic's last
    word, "The comet is now …", or a sentence the label carried) or name the topic with no common noun for
    its subject; it must not open with an "it" that nothing stood for, and may name another thing only
    after "by" or "under", as a point of reference ("far beyond Neptune") or as what a noun is of ("the
    orbit of Venus"). The sentence itself must name no such thing before its last "it" or "its" ("The
    Corran Tunnel replaced it …"), open with no other reference ("She", "They", "The next year it …") and
    hold no "its" after a subject of its own ("Engineers measured 726 feet at its crest"). None otherwise."""
    if topic is None or topic.kind is MentionKind.PERSON or topic.ship:
        return None
    connective = _leading_connective(text, mentions)
    if connective:
        text, mentions = _without_opening(text, mentions, connective.end())
    if _without_cleft(text, mentions) is None:
        return None  # "It was Mayor Alan Crewe, the first mayor.": the "It" is no thing, the topic least of all
    pronouns = [match.start() for match in re.finditer(r"\b(?i:it|its)\b", text)]
    opening = _OPENING.match(text).end()
    reference = _LEADING_REFERENCE.match(text, opening)
    if not pronouns or _RELATIVE_TIME_OPENER.match(text) or (reference and (reference.group("pronoun") or "").lower() not in ("it", "its")):
        return None
    if reference and _NAMING_VERB.match(text, reference.end()):
        return None  # "It is called the Dorn cycle after Ruth Dorn": the name says what the "it" is, which no label tells
    offered = [
        m for m in before.mentions
        if not (_ERA_AFTER_A_YEAR.search(before.text, 0, m.end) or _AFTER_BY_OR_UNDER.search(before.text, 0, m.start)
                or _REFERENCE_POINT.search(before.text, 0, m.start) or _modifies_a_noun(before.text, m)
                or _NAME_GIVEN_TO_IT.search(before.text, 0, m.start))
    ]  # "in 240 BC", "designed by engineers of the Bureau", "far beyond Neptune", "inside the orbit of Venus" offer no "it",
    # nor does the name 'Locals called it the "Hollow Tower".' gives the "it"
    # "The Old Arena is an oval theatre in the centre of Capua. Estimates of its capacity range …": the sentence before
    # goes on about the topic, and nothing before the pronoun here could be what it stands for; so does a heading that
    # names no thing ("The games" before "Estimates of its capacity range …")
    centred = (_centred_on_the_topic(before, offered, topic, book) or _heading_naming_nothing(before, topic)) and all(
        _nothing_before_it_could_be(text, p, mentions) for p in pronouns
    )
    its = [match.start() for match in re.finditer(r"\bits\b", text[opening:])]
    in_the_subject = centred and not any(_FINITE_VERB.search(text, opening, opening + p) for p in its)
    if reference is None and its and not _names_an_event(topic.name) and not _ITS_AFTER_THE_VERB.match(text, opening) and not in_the_subject:
        # "Engineers measured 726 feet at its crest": not the subject's, and not surely the topic's (the thing
        # measured may have a crest); but an event's document calls the event "it" ("The flood lasted an hour.
        # Engineers put its volume at …"), an "its" right after the verb of a plural subject has nothing
        # else before it to stand for ("Engineers now put its peak flow at …"), nor has one inside the subject
        # after a sentence about the topic ("Estimates of its capacity range …")
        return None
    if _a_part_at_work_on_it(text) and any(_is_object(text, p) for p in pronouns):
        return None  # "A horse's teeth grind it": the food the sentence before brought, not the topic (digestion)
    if any(
        m.kind in NAMED_KINDS and m.kind is not MentionKind.PERSON and m.start < pronouns[-1] and _could_be_it(m)
        and not _NAME_GIVEN_TO_IT.search(text, 0, m.start)
        for m in mentions
    ):
        # "The Corran Tunnel replaced it in 1936": not the tunnel, and not surely the topic; "Locals call it the Ring and
        # visitors call it the Oval": the Ring is what the first "it" is called, no other thing
        return None
    if before.claim is None and _opens_with_pronoun_like(before.text, "it") and not before_carried:
        return None  # the same unknown "it" again
    if not before_carried and _leaves_an_object_it_unread(before, book):
        return None  # "…, and the library recognised it. It was bought back …": the thing recognised, not the library
    lead = _COMMON_LEAD.match(before.text, _OPENING.match(before.text).end())
    subject = before.claim.subject if before.claim else None
    head = topic.name.split()[-1].lower()  # "the comet" in a document about Halley's Comet
    about_the_topic = before_carried or (subject is not None and _is_topic(subject, topic)) or (lead is not None and lead.group("noun").lower() == head)
    names_the_topic = _names_the_topic(before.text, topic)
    if not centred and not _named_as_the_topics_kind(text, pronouns, mentions, offered, topic) and (
        not _only_the_topic_fits("it", offered, topic, book) or not (about_the_topic or (names_the_topic and lead is None))
    ):
        return None  # "Dynamite broke the rock first. About 27 million kilograms of it …": not the canal
    label = Mention(topic.kind, -1, -1, "", topic.name)  # the topic, named by the label in front of the sentence
    claim = _standing(Claim(text, 0, [label, *mentions], None), topic, book)
    if claim is None:
        return None
    return _without_also_or_too(dataclasses.replace(claim, mentions=[m for m in claim.mentions if m is not label]))


def _named_as_the_topics_kind(text: str, pronouns: list[int], mentions: list[Mention], offered: list[Mention], topic: _Topic) -> bool:
    """Whether every "it" at `pronouns` is given a name that ends in the last word of the topic's name, which the sentence
    before names no other thing by: after "The crash came as the tower opened." "Locals called it the "Hollow Tower"."
    is the Orla Tower whatever else the sentence before named (not after "The Kell Tower was finished first.")."""
    head = topic.name.split()[-1].lower()
    if any(not _is_topic(m, topic) and m.name.split()[-1].lower() == head for m in offered):
        return False
    given = {m.start: m for m in mentions if m.kind in NAMED_KINDS or m.kind is MentionKind.TERM}
    for position in pronouns:
        name = _NAME_GIVEN_AFTER_IT.match(text, position)
        if name is None or not _NAMING_VERB_BEFORE.search(text, 0, position) or name.end() not in given:
            return False
        if given[name.end()].name.split()[-1].lower() != head:
            return False
    return True


def _described_names(text: str, mentions: list[Mention], topic: _Topic | None) -> Claim | None:
    """The sentence as a claim whose only answers are the names it gives right after a description
    ("they washed the gravel through long wooden boxes called {{sluices}}", "a change called
    {{sublimation}}") and the terms it describes right after them ("They also add a {{flux}}, an ingredient
    that lowers the melting point."), when nothing but a pronoun keeps it from standing on its own: the
    description says what the name is, whoever "they" are. None when it gives no such name, or something else
    keeps it from standing (an opinion, quoted speech, a word pointing elsewhere). So is the term people call a
    described plural, whichever ones "these" are: "Scholars call these forty booklets {{fascicles}}." (see
    CALLED_BY_A_GROUP, and QUOTED_TERM_A_GROUP_CALLS for a term in quotation marks; its other facts are not asked: which
    forty booklets?)."""
    group = (CALLED_BY_A_GROUP.search(text) or QUOTED_TERM_A_GROUP_CALLS.search(text)) if " call" in text else None
    described = [
        m for m in mentions
        if (m.kind in NAMED_KINDS or m.kind is MentionKind.TERM) and _DESCRIBED_NAME.search(text, 0, m.start)
        or m.kind is MentionKind.TERM and _DEFINING_APPOSITION.match(text, m.end)
        or m.kind is MentionKind.TERM and group is not None and m.start == group.start("name")
    ]
    claim = Claim(text, 0, described, None)
    # the described noun says what the term is, so its demonstrative is checked as a plain "the"
    checked = text if group is None else text[: group.start("determiner")] + "the" + text[group.end("determiner") :]
    if not described or _unreadable_at(checked) is not None or _leans_on_context(claim, topic):
        return None
    return claim


def _from_the_name_picked_out(text: str, mentions: list[Mention], topic: _Topic | None, book: NameBook) -> Claim | None:
    """The sentence from the name it gives after a leading phrase that only points back at the ones before, when it then
    stands on its own: "One of …," ("One of them, Oliver Cowan, caught …" -> "{{Oliver Cowan}} caught …"; "One of the
    first men to reach it, Clarence Berry, a former fruit farmer, took out {{$140,000}} …" -> "Clarence Berry, a former
    fruit farmer, took out …"), or a possessive that the sentence before does not settle ("Her grandfather, Samuel Vane,
    had helped to found {{Kestrel College}} …" -> "Samuel Vane had helped …", "Its grandest room, the Blue Room, held …"
    -> "The Blue Room held …"). Who or what is named and what it did is the fact, not which of the ones before it was,
    nor whose. None otherwise."""
    lead = _ONE_OF.match(text) or _WHOSE_BEFORE_A_NAME.match(text)
    named = next((m for m in mentions if lead and m.start == lead.end()), None)
    if named is None or named.kind not in NAMED_KINDS or not text.startswith(", ", named.end):
        return None
    rest = text[named.end + 2 :]
    if lead.re is _WHOSE_BEFORE_A_NAME and (
        _SAME_OWNER[text.split(" ", 1)[0].lower()].intersection(_WORD.findall(rest.lower()))
        or _COPULA_AHEAD.match(rest)
        or _names_too_little_without_its_owner(named, topic)
        or (re.match(_PAST_VERB, rest) and _MAIN_VERB_AFTER_A_COMMA.search(rest))
    ):
        # "His own catalogue, the Kestrel Atlas, appeared six years after he died": who died? "His son, Tom Vane, was the
        # last", "… was two years older": what a copula says of the one named is said beside the owner (last of whose?)
        return None
    # "Oliver Cowan, caught …": the comma closed the leading phrase's apposition, unlike "Clarence Berry, a …"
    joiner = " " if _VERB_AFTER_A_NAMED_SUBJECT.match(rest) else ", "
    article = "The " if lead.re is _WHOSE_BEFORE_A_NAME and lead.group("article") else ""
    written = f"{article}{named.text}{joiner}{rest}"
    start = len(article)
    moved = [dataclasses.replace(m, start=start, end=start + len(named.text)) for m in mentions if m is named]
    shift = start + len(named.text) + len(joiner) - (named.end + 2)
    moved += [dataclasses.replace(m, start=m.start + shift, end=m.end + shift) for m in mentions if m.start >= named.end + 2]
    return _standing(Claim(written, 0, moved, moved[0]), topic, book)


def _names_too_little_without_its_owner(named: Mention, topic: _Topic | None) -> bool:
    """Whether a name loses who or what it is once the possessive before it goes: a single word ("Its great bell,
    Marta," -> "Marta", a bell or a woman?), or a person sharing the topic person's first name ("Her son, Vincent
    Willem," in a life of Vincent van Gogh, read as the painter)."""
    words = named.text.split()
    if len(words) < 2:
        return True
    return topic is not None and topic.kind is MentionKind.PERSON and words[0] == topic.name.split()[0]


def _after_a_comment(text: str, mentions: list[Mention], before: _Before, topic: _Topic | None, book: NameBook) -> Claim | None:
    """The clause after a comment the sentence opens with (see _COMMENT), as a claim of its own, when that
    clause has its verb before its first comma and stands on its own by every rule here: "Events helped: in
    February 1948 the Communists seized power in Czechoslovakia, and the vote no longer looked like charity."
    -> "In {{February 1948}} the Communists seized power in Czechoslovakia."; "The result is that a typical
    receiver is accurate to about {{3 metres}}." -> "A typical receiver is accurate to …". Only the first
    clause after the comment is kept when a clause boundary leaves it a complete statement: the clauses after
    it go on with the comment's point ("the vote no longer looked like charity"). None otherwise, as for a
    list after the colon ("The idea owed much to two officials: Will Clayton, …")."""
    comment = _COMMENT.match(text)
    if comment is None:
        return None
    clause, moved = _without_opening(text, mentions, comment.end())
    # "Grade 4: 30 kg or more; most fences broken …": a label and its value, whose verb comes only after the semicolon
    parts = re.split(r"[,;]", clause[_OPENING.match(clause).end() :])
    # "after a new antenna was fixed …, the tower stood …": a clause opening with a subordinate one has its verb after it
    leading = parts[0].split(" ", 1)[0].lower() in _SUBORDINATORS
    if not _complete_statement(",".join(parts[:2] if leading else parts[:1])):
        return None
    claim = _claim(clause, moved, before, topic, book)
    if claim is None:
        return None
    first = next((kept for boundary in _CLAUSE_BOUNDARY.finditer(claim.text, claim.inserted) if (kept := _cut_at(claim, boundary))), claim)
    return _standing(first, topic, book)


def _second_main_clause(text: str, mentions: list[Mention], topic: _Topic | None, book: NameBook) -> tuple[Claim, int] | None:
    """The main clause after ", and" or ";" as a claim of its own, and where it starts in the sentence, when the clause
    before it leans or dangles and this one has a subject of its own: a name, perhaps after an opening ("Her son later
    sold the land to a bank, and the Capua Museum opened to the public in 1973." -> "The Capua Museum opened to the
    public in {{1973}}.", "The two men argued, and on 23 March 1911, after a quarrel, Hale burned his notebooks."), or a
    noun phrase that points at nothing ("…, and a storm destroyed the roof in 1800."), and stands on its own by every
    rule here; its subject is not asked. None otherwise: a subject that points back ("…, and the site opened …"), none
    ("…, and in 1973 opened …"), a pronoun ("…, and she …"), or a sentence too long to be asked at all."""
    return next(_main_clauses(text, mentions, None, topic, book), None)


def _main_clauses(text: str, mentions: list[Mention], own: Claim | None, topic: _Topic | None, book: NameBook) -> Iterator[tuple[Claim, int]]:
    """Each main clause after ", and" or ";" that stands on its own as _second_main_clause says, and where it starts;
    given the sentence's own claim `own`, also one whose subject repeats the pronoun that claim's name replaced (see
    _with_the_subject_written)."""
    for boundary in _main_clause_boundaries(text):
        # a long sentence gives the clauses short enough to be asked alone; the rest is refused for its length
        if len(_WORD.findall(text, boundary.end())) > MAX_SENTENCE_WORDS:
            continue
        clause, moved = _without_opening(text, mentions, boundary.end())
        start = _OPENING.match(clause).end()
        named = next((m for m in moved if m.start >= start and m.kind in NAMED_KINDS), None)
        if (
            named is not None
            and not named.possessive
            and _LEAD_TO_A_NAMED_SUBJECT.fullmatch(clause, start, named.start)
            and _VERB_OF_THE_SUBJECT.match(clause, named.end)
        ):
            made = Claim(clause, 0, moved, named)
        elif _PLAIN_SUBJECT.match(clause, start):
            made = Claim(clause, 0, moved, None)
        elif own is None or (made := _with_the_subject_written(clause, moved, start, own, [m for m in mentions if m.end <= boundary.start()])) is None:
            continue
        if own is not None and _leans_on_the_clause_before(made, book):
            continue
        standing = _standing(_without_also_or_too(_without_sequence_word(made)), topic, book)
        if standing is not None:
            # the subject says whom the clause's facts are about; asked, it would lean on the clause before ("…, and
            # {{Phipps}} did not fall ill": after what?)
            subject = made.subject
            asked = [m for m in standing.mentions if not (subject and m.start == subject.start and m.name == subject.name)]
            yield dataclasses.replace(standing, mentions=asked), boundary.end()


def _leans_on_the_clause_before(clause: Claim, book: NameBook) -> bool:
    """Whether a main clause taken from its sentence has a pronoun that is not its subject's own (a "he" or "his" after a
    man's name or the "he" written as one; "Her mother loved numbers; Byron called her …": the mother, not the topic), or
    a time counted from the clause before ("…, and Bright won a seat two years later", "…, and the Royals went on to
    win …")."""
    said = clause.replaced or (clause.subject is not None and book.gender(clause.subject.name) is Gender.MALE and clause.subject.kind is MentionKind.PERSON and "he")
    own = _PRONOUNS_OF_THE_SAME[said] if said else frozenset()
    start = clause.subject.end if clause.subject else 0
    pronouns = (match.group().lower() for match in _THIRD_PERSON_PRONOUN.finditer(clause.text, start))
    return any(pronoun not in own for pronoun in pronouns) or _TIME_OF_THE_CLAUSE_BEFORE.search(clause.text) is not None


def _with_the_subject_written(clause: str, mentions: list[Mention], start: int, own: Claim, before: list[Mention]) -> Claim | None:
    """A main clause whose subject, after its opening at `start`, is the pronoun that the name opening the sentence's
    own claim replaced, as a claim with that name written for it: "He chaired the Academy from 1881 to 1886, and in 1890
    he was made a baronet." -> "In 1890 Tom Vane was made a baronet."; None for any other clause, and when the
    mentions `before` the clause name another person ("he", "she") or thing ("it") the pronoun may stand for ("He hired
    Karl Lind, and he …")."""
    subject = own.subject
    if not own.replaced or subject is None or subject.possessive or subject.end != own.inserted:
        return None
    pronoun = own.replaced
    if not clause.lower().startswith(pronoun, start) or not _REPEATED_SUBJECT[pronoun].match(clause.lower(), start):
        return None
    person = pronoun in _PRONOUN_GENDER
    kinds = (MentionKind.PERSON, MentionKind.NAME) if person else tuple(kind for kind in NAMED_KINDS if kind is not MentionKind.PERSON)
    if any(m.kind in kinds and m.name != subject.name for m in before):
        return None
    name = own.text[subject.start : subject.end]
    name = name[0].upper() + name[1:] if start == 0 else name
    written = _with_text(Claim(clause, 0, mentions, None), start, start + len(pronoun), name)
    end = start + len(name)
    return dataclasses.replace(written, inserted=end, subject=dataclasses.replace(subject, start=start, end=end), replaced=pronoun)


def _main_clause_boundaries(text: str) -> Iterator[re.Match[str]]:
    """The ", and" and ";" after which a main clause starts, not the ", and" before a list's last item."""
    return (
        boundary for boundary in _MAIN_CLAUSE_BOUNDARY.finditer(text)
        if not (boundary.group().startswith(",") and _ends_a_list(text, boundary.start()))
    )


def _ends_a_list(text: str, position: int) -> bool:
    """Whether the ", and" at `position` joins the last item of a list: the words since the comma or colon before it
    have no verb ("…, its foreman, Karl Marks, and Lind were …", "20 of them: 14 boats, two cutters, and four …"),
    unlike a clause with an aside ("Her son, Paul Bell, later sold the land, and …")."""
    item_start = max(text.rfind(",", 0, position), text.rfind(":", 0, position))
    return item_start >= 0 and not (_FINITE_VERB.search(text, item_start, position) or _PLAIN_VERB.search(text, item_start, position))


def _names_the_topic(text: str, topic: _Topic) -> bool:
    """Whether the sentence names the document's topic, by a name it goes by or by "the" and its last word ("the comet"
    in a document about Halley's Comet)."""
    head = topic.name.split()[-1].lower()
    return any(_contains_word(text, alias) for alias in topic.aliases) or _contains_word(text.lower(), f"the {head}")


def _centred_on_the_topic(before: _Before, offered: list[Mention], topic: _Topic, book: NameBook) -> bool:
    """Whether the sentence before, in the same paragraph, has the document's topic (a thing) for its subject, not its
    possessive, and `offered` (its names that may be an "it") holds no other thing but a place the topic stands in:
    "The Old Arena is an oval theatre in the centre of Capua.", not "Lake Morrow feeds the Tarn River." nor "A major
    flood struck the Old Arena."."""
    if before.new_paragraph or before.claim is None:
        return False
    subject = before.claim.subject or _leading_thing(before)
    if subject is None or subject.possessive or not _is_topic(subject, topic):
        return False
    stands_in: list[Mention] = []
    for m in sorted(offered, key=lambda m: m.start):
        # "in Bloomsbury, London": the place after the comma only says where the first one lies; "runs from Elm Street
        # to Ash Street": the place closing the range is the topic's other end (not "in Leeds and York", which may
        # close a list of things the sentence names)
        apposed = any(
            before.text[place.end : m.start] == ", " or before.text[place.end : m.start] == " to " and before.text.endswith("from ", 0, place.start)
            for place in stands_in
        )
        if m.kind is MentionKind.PLACE and (apposed or _PLACE_IT_STANDS_IN.search(before.text, 0, m.start)):
            stands_in.append(m)
    return _only_the_topic_fits("it", [m for m in offered if m not in stands_in], topic, book)


def _heading_naming_nothing(before: _Before, topic: _Topic) -> bool:
    """Whether the sentence before is a heading (a paragraph of its own with no closing stop) that names no thing but the
    topic and holds no singular noun an "it" could be: "The games", "Quarry and shrine" is no such heading (a quarry)."""
    heading = before.text.rstrip("\"'”’) ")
    return (
        before.new_paragraph and before.opens_its_paragraph and not ends_like_a_sentence(before.text) and not heading.endswith(":")
        and not _names_another_thing(before.mentions, topic) and _nothing_before_it_could_be(heading, len(heading), before.mentions)
    )


# A noun that only says what kind of thing or person the name right after it is, perhaps after words describing it:
# "the weekly newspaper {Variety}", "the liner {Carpathia}", "the Swiss-born physician {Ana Ruiz}". The describing
# words are capitalised, hyphenated or shaped as adjectives, never a noun that could be a thing of its own ("the tower
# engineer Tom Vane", "the bridge's engineer").
_NAMES_KIND = "|".join(sorted(lexicon.TOPIC_KIND_NOUNS | set(lexicon.THING_NOUNS) | lexicon.ORGANISATION_CUES | lexicon.WORK_CUES | _PEOPLE_NOUNS))
_NOUN_OF_THE_NAME_AFTER = re.compile(
    rf"\b(?i:the|an?) (?:(?:[A-Z][\w-]*|[a-z]+-[a-z]+|[a-z]+(?:al|ic|ian|ese|ish|ous|ive|ful|ent|ant|ern)) ){{0,2}}(?:{_NAMES_KIND}) $"
)


def _nothing_before_it_could_be(text: str, position: int, mentions: list[Mention]) -> bool:
    """Whether the words before the pronoun at `position`, outside the sentence's names and the nouns saying what kind of
    thing a name is (see _NOUN_OF_THE_NAME_AFTER), hold no singular common noun it could stand for: only small words,
    numbers, times, verbs, adverbs, plurals and words for people ("Estimates of its capacity", "Since 1999 it", "In 1749
    Pope Benedict declared it", "The liner Orla reached it"; not "The storm struck the probe, and it broke apart",
    "Engineers measured 726 feet at its crest"). The nouns of a subject whose own verb takes the pronoun cannot be it
    ("The plan to sell it", "The woman in charge of repairing it")."""
    if _SUBJECT_ABOUT_IT.fullmatch(text, 0, position):
        return True
    named = [range(m.start, m.end) for m in mentions]
    named += [range(kind.start(), kind.end()) for m in mentions if (kind := _NOUN_OF_THE_NAME_AFTER.search(text, 0, m.start))]
    for word in _WORD.finditer(text, 0, position):
        if any(word.start() in span for span in named):
            continue
        lower = word.group().lower()
        if not (
            _PLAIN_VERB.match(text, word.start())
            or lower in _FUNCTION_WORDS
            or lower in _PEOPLE_NOUNS
            or lower in lexicon.GENERIC_PEOPLE  # "Some 42 million people visit it"
            or lower in _NOT_PLAIN_BEFORE_A_PLURAL
            or PLURAL_NOUN.fullmatch(lower)
            or _NOT_A_THING.fullmatch(lower)
            or _FINITE_VERB.fullmatch(lower)
        ):
            return False
    return True


# "work" as a verb, which the word lists leave out as much a noun ("the founding work"): "Water works mainly by cooling"
_WORKS_BY = re.compile(r"(?<=\w )works? (?:mainly |chiefly |best |only |largely )?(?:by|at|like)\b")


def _has_a_verb(text: str) -> bool:
    """Whether the text holds a verb after its first word: a finite one ("was", "crossed", "holds") or the
    plain form of a verb the engine knows ("Four cables hold the deck"), unlike a line of a fact box
    ("Four main cables, each 15 inches thick")."""
    words = [word.lower() for word in _WORD.findall(text)[1:]]
    return _FINITE_VERB.search(text) is not None or any(word in _PLAIN_VERBS for word in words) or _WORKS_BY.search(text) is not None


def _leading_connective(text: str, mentions: list[Mention]) -> re.Match[str] | None:
    """The linking word opening the sentence (see _CONNECTIVE), unless it opens a name: "And Still the Rain Fell,
    published in 1949, …" is a title."""
    connective = _CONNECTIVE.match(text)
    if connective is None or any(m.start == 0 for m in mentions):
        return None
    return connective


def _without_opening(text: str, mentions: list[Mention], cut: int) -> tuple[str, list[Mention]]:
    """The sentence without its first `cut` characters (an opening that leans on the sentence before),
    capitalised again, and its mentions after the cut moved back."""
    moved = [dataclasses.replace(m, start=m.start - cut, end=m.end - cut) for m in mentions if m.start >= cut]
    return text[cut].upper() + text[cut + 1 :], moved


def _with_its_owner(text: str, mentions: list[Mention], before: _Before, topic: _Topic | None, book: NameBook) -> tuple[str, list[Mention]]:
    """The sentence with a subject "The family" or "The site" that can only be the document's topic's written with its
    owner: "The family lived at Kell Hall." in a biography of Ada Vane -> "Ada Vane's family lived at …"; "The site is
    now a park." in the history of a building, a place or an event -> "The site of the Vega Tower is now a park." (the
    site of a flood is no flood, so the topic does not replace it). As it was when the sentence before names another
    family or tells of another person (see _family_of_another), or names another site, building or structure."""
    owned = _OWNED_SUBJECT.match(text)
    if owned is None or topic is None or topic.common:
        return text, mentions
    if owned.group("noun") == "family":
        if topic.kind is not MentionKind.PERSON or _family_of_another(before, topic, book):
            return text, mentions
        written = topic.name
        owner = Mention(topic.kind, 0, len(written), written, topic.name, possessive=True)
        text, mentions = _with_opening(text, mentions, owned.end(), f"{written}'s family")
        return text, [owner, *mentions]
    if not _has_a_site(topic) or _names_another_site(before, topic):
        return text, mentions
    return _with_opening(text, mentions, owned.end(), f"The site of {_topic_as_written(topic)}")


def _names_another_site(before: _Before, topic: _Topic) -> bool:
    """Whether "The site" after the sentence before may be another's than the topic's: that sentence (not a heading, "A
    Gothic building site", which tells of the topic's) speaks of a site, or names a building or a thing other than the
    topic after the topic's last mention, if any ("… lie the ruins of Kell Abbey, the finest monument of the Vale Empire."
    leaves the abbey nearest)."""
    if not ends_like_a_sentence(before.text):
        return False
    if re.search(r"\bsites?\b", before.text, re.IGNORECASE):
        return True
    last = max((m.end for m in before.mentions if _is_topic(m, topic)), default=0)
    return _names_another_building_or_thing(before.text, [m for m in before.mentions if m.start >= last], topic)


def _family_of_another(before: _Before, topic: _Topic, book: NameBook) -> bool:
    """Whether "The family" after the sentence before may be another's than the topic's (a person): that sentence names
    a family ("the Gurney family", "Tom Vane's family", "his family", "the Vanes") or opens with another person ("Tom
    Vane, a banker, …"); not "her mother, Ann Lee, …", who is of the topic's family, nor "born into a Quaker family" or
    "the family bank", which are the topic's."""
    if _ANOTHER_FAMILY.search(before.text) or any(_family_subject(before.text, m.start(), book) for m in re.finditer(r"\bThe ", before.text)):
        return True
    start = _OPENING.match(before.text).end()
    return any(m.start == start and m.kind is MentionKind.PERSON and not _is_topic(m, topic) for m in before.mentions)


def _has_a_site(topic: _Topic) -> bool:
    """Whether the topic (not a person) stands somewhere a sentence may call "the site": a place, a building or a
    structure (by its name's last word or a noun the document gives it, "the temple"), or an event ("the Great Flood of
    Paris"); not a company or a mission, whose "site" may be any of several."""
    words = topic.name.split()
    return (
        topic.kind is MentionKind.PLACE or bool(topic.kind_nouns) or words[-1] in lexicon.STRUCTURE_WORDS | lexicon.BUILDING_WORDS
        or any(word in lexicon.EVENT_WORDS for word in words)
    )


def _named_demonstrative(text: str, mentions: list[Mention]) -> tuple[str, list[Mention]]:
    """The sentence with a demonstrative subject that it names between commas written as a common noun
    with its name: "This feature, called Selective Availability, added errors …" -> "A feature called
    Selective Availability added errors …", which says what it is about; as it was otherwise ("This
    method is called trilateration." says nothing but the name)."""
    opening = _NAMED_DEMONSTRATIVE.match(text)
    named = next((m for m in mentions if opening and m.start == opening.end()), None)
    if named is None or not re.match(r", [a-z]", text[named.end :]):
        return text, mentions
    noun = opening.group("noun")
    article = "An" if re.match(r"[aeio]|u[^aeiou][^aeiou]", noun) else "A"  # "An effect", "An upgrade"; "A unit"
    written = f"{article} {noun}" if opening.group("this") == "This" else noun[0].upper() + noun[1:]
    head = f"{written} {text[opening.end('noun') + 2 : opening.end()]}"
    shift = len(head) - opening.end()
    moved = [dataclasses.replace(m, start=m.start + shift, end=m.end + shift) for m in mentions if named.start <= m.start < named.end + 1]
    moved += [dataclasses.replace(m, start=m.start + shift - 1, end=m.end + shift - 1) for m in mentions if m.start > named.end]
    return head + text[named.start : named.end] + text[named.end + 1 :], moved


def _described_after_pointing_at_it(text: str, mentions: list[Mention]) -> tuple[str, list[Mention]]:
    """The sentence "That is the heart, a hollow muscle …" written as what its description says of the noun: "The heart
    is a hollow muscle …", "That is a heart attack, known to doctors as a cardiac arrest." -> "A heart attack is known to
    doctors as …": the "That" only points at what the sentence before told, which the fact about the noun does not need.
    As it was otherwise (see _POINTED_AT_THEN_DESCRIBED)."""
    pointed = _POINTED_AT_THEN_DESCRIBED.match(text)
    if pointed is None:
        return text, mentions
    thing_start, thing_end = pointed.span("thing")
    head = f"{text[thing_start].upper()}{text[thing_start + 1 : thing_end]} is "
    shift = len(head) - pointed.start("description")
    moved = [dataclasses.replace(m, start=m.start - thing_start, end=m.end - thing_start) for m in mentions if thing_start <= m.start and m.end <= thing_end]
    moved += [dataclasses.replace(m, start=m.start + shift, end=m.end + shift) for m in mentions if m.start >= pointed.start("description")]
    return head + text[pointed.start("description") :], moved


def _demonstrative_before_its_name(text: str, mentions: list[Mention]) -> tuple[str, list[Mention]]:
    """The sentence with an opening "This" right before a name written as "The": "This Royal Canal was finished in
    1805." -> "The Royal Canal was finished …", which the name makes plain without the sentence before. As it was
    before a person ("This Tom Vane …" may tell one Tom Vane from another) or a plural ("These Normans" are some)."""
    if not text.startswith("This "):
        return text, mentions
    named = next((m for m in mentions if m.start == len("This ")), None)
    if named is None or named.kind not in NAMED_KINDS or named.kind is MentionKind.PERSON:
        return text, mentions
    return _with_opening(text, mentions, len("This "), "The ")


def _defined_term(text: str, mentions: list[Mention]) -> tuple[str, list[Mention]]:
    """A line that only defines a term or a name (see _DEFINING_LINE) as the statement it makes, with the term to
    ask: "Shield volcanoes, which are built from runny lava flows." -> "{Shield volcanoes} are built from runny lava
    flows.", "Mauna Loa, which rises 4,169 metres above sea level." -> "{Mauna Loa} rises …"; as it was when the
    words after "which" open with no verb or go on to a clause of their own after a comma ("Shield volcanoes, which
    are built from lava, cover Hawaii." is a sentence that stands as it is)."""
    line = _DEFINING_LINE.fullmatch(text)
    clauses = line.group("rest").split(", ") if line else []
    if not clauses or not _opens_with_a_verb(clauses[0]) or any(_opens_with_a_verb(clause) for clause in clauses[1:]):
        return text, mentions
    if _FINITE_VERB.search(line.group("term")) or _VERB_INSIDE_A_TERM.search(line.group("term")):
        return text, mentions  # "Everything changed, which …", "Flour supplies starch, which …": a clause, not a term
    named = next((m for m in mentions if (m.start, m.end) == line.span("term")), None)  # "Mauna Loa, which rises …"
    term = named or Mention(MentionKind.TERM, 0, line.end("term"), line.group("term"), line.group("term"))
    shift = line.end("term") + 1 - line.start("rest")
    moved = [dataclasses.replace(m, start=m.start + shift, end=m.end + shift) for m in mentions if m.start >= line.start("rest")]
    return f"{line.group('term')} {line.group('rest')}", [term, *moved]


def _without_cleft(text: str, mentions: list[Mention]) -> tuple[str, list[Mention]] | None:
    """A cleft sentence as the plain statement it makes, so that what it singles out can be asked: "It was the
    Scottish surgeon Dr. James Laing who proved, in 1841, that …" -> "The Scottish surgeon Dr. James Laing proved, in
    1841, that …", "It was in 1841 that Laing proved …" -> "In 1841, Laing proved …", "It was Mayor Alan Crewe himself,
    however, who made …" -> "Mayor Alan Crewe made …" (see _CLEFT_RELATIVE). As it was when nothing found stands right
    before a "who" or "that" (after a preposition, anything found; else a name): "It was a cold winter."; or when what
    follows is not the rest of the clause: a name needs its verb next ("It was Laing that the council blamed" has
    another subject), a time or place a subject of its own. None when the "It" can be
    no thing of the sentence before: "It was" is followed by a person, as what the "It" is, and the sentence is no cleft
    ("It was Mayor Alan Crewe, the first mayor.": no thing "was" a person), or by someone's idea or plan and the clause
    it stands for ("It was James Laing's idea that …", see _IT_FOR_A_CLAUSE)."""
    if _IT_FOR_A_CLAUSE.match(text):
        return None
    for focus in mentions:
        lead = _CLEFT_LEAD.match(text, 0, focus.start)
        if lead is None:
            continue
        relative = _CLEFT_RELATIVE.match(text, focus.end)
        verb = _VERB_OF_THE_SUBJECT.match(text, relative.end()) if relative else None
        if relative is None or bool(relative.group("apposed")) != bool(lead.group("apposition")):
            fits = False
        elif lead.group("preposition"):
            # a subject after "that", not a verb of the place's own relative clause ("in a house that stands …"); a plural
            # noun in "-s" is one when a verb follows it ("that audiences first saw …")
            fits = relative.group("word") == "that" and (verb is None or _VERB_OF_THE_SUBJECT.match(text, verb.end()) is not None)
        else:
            fits = focus.kind in NAMED_KINDS and (verb is not None or (relative.group("word") == "who" and text.startswith(",", relative.end())))
        if fits:
            kept = relative.group("kept") or ""
            joiner = "," if lead.group("preposition") else ""  # "In 1841, Laing proved …"
            shift = len(kept) + len(joiner) - (relative.end() - relative.start())
            stays = focus.end + len(kept)  # the words kept after the name stand where they stood
            moved = [m if m.end <= stays else dataclasses.replace(m, start=m.start + shift, end=m.end + shift) for m in mentions]
            return _without_opening(text[: focus.end] + kept + joiner + text[relative.end() :], moved, lead.start("focus"))
        if _is_what_it_was(focus, lead):
            return None
        if relative is not None:
            return text, mentions
    return text, mentions


def _is_what_it_was(focus: Mention, lead: re.Match[str]) -> bool:
    """Whether the person after "It was" is what the "It" was ("It was Mayor Alan Crewe", "It was the surgeon James
    Laing"), not a name inside a description of it ("It was a gift from Alan Crewe", "It was Crewe's first dam")."""
    described = set(lead.group("focus").lower().split()) - {"the", "a", "an"}  # the words for who the person is
    return focus.kind is MentionKind.PERSON and not focus.possessive and not lead.group("preposition") and not described & _CANNOT_END


def _opens_with_a_verb(clause: str) -> bool:
    """Whether the words open with a verb, perhaps after an adverb: "are built …", "rarely grow …", "cover …"."""
    words = re.match(rf"(?:{lexicon.LY_ADVERB} )?([a-z]+)\b", clause)
    return words is not None and (words.group(1) in _PLAIN_VERBS or _FINITE_VERB.fullmatch(words.group(1)) is not None)


def _without_sequence_word(claim: Claim) -> Claim:
    """The claim without a "then", "later" or "afterwards" between its subject and its verb, which only
    orders the event after the one before: "Hartley then founded the club in 1921." -> "Hartley founded
    the club in 1921."; and without a "by then" or "by that time" ("Hale was by then in charge of …")."""
    word = _SEQUENCE_WORD.search(claim.text)
    if word is None or _FINITE_VERB.search(claim.text, 0, word.start()):
        word = _BY_THEN.search(claim.text)  # "… and the club then moved": not between the subject and its verb
    if word is None:
        return claim
    # the comma that opens an aside stays: "Vane, by then grey-haired and ill, was …" -> "Vane, grey-haired and ill, was …"
    opens_an_aside = word.group().startswith(",") and not word.group().endswith(",")
    return _without_text(claim, word.start() + opens_an_aside, word.end())


def _without_also_or_too(claim: Claim) -> Claim:
    """The claim without an "also" or a clause's final "too", which only say that the sentence before
    told of the same: "Edward Stone also directed JPL …" -> "Edward Stone directed JPL …", "Voyager 2
    passed Jupiter too." -> "Voyager 2 passed Jupiter."; a "too" right after its verb stays, and the
    claim is refused for it ("A trawler failed too.": failed to do what?)."""
    leaning = {too.end() for too in _LEANING_TOO.finditer(claim.text)}
    for word in reversed(list(_ALSO_OR_TOO.finditer(claim.text))):
        if word.start() >= claim.inserted and word.end() not in leaning:
            claim = _without_text(claim, word.start(), word.end())
    return claim


def _without_text(claim: Claim, start: int, end: int) -> Claim:
    """The claim without its text[start:end] and the mentions inside it, and the mentions after it moved back."""
    return _with_text(claim, start, end, "")


def _with_text(claim: Claim, start: int, end: int, written: str, named: Mention | None = None) -> Claim:
    """The claim with its text[start:end] written as `written` (a name for a pronoun, "the thing" for "it"): the mentions
    inside it go, the mentions after it move, and `named`, a mention of what is written, joins them."""
    shift = len(written) - (end - start)
    mentions = [m if m.end <= start else dataclasses.replace(m, start=m.start + shift, end=m.end + shift) for m in claim.mentions if not start <= m.start < end]
    if named is not None:
        mentions = sorted([*mentions, named], key=lambda m: m.start)
    return dataclasses.replace(claim, text=claim.text[:start] + written + claim.text[end:], mentions=mentions)


def _event_after_that_point(text: str) -> re.Match[str] | None:
    """An opening "At that point," or "At the time," ("Around this time", "At the same time", "On that day") before an
    event the rest reports on its own ("At that point, the Admiralty kept the collision secret …"), which can go; None
    before a state that holds only at that time ("At the time, the dining room was the largest …", "… had spent £2
    million"): the opening carries what the claim needs."""
    opening = _AT_THAT_POINT.match(text)
    if opening and not opening.group().endswith(", ") and _PRONOUN_AFTER_A_COMMA.search(text, opening.end()):
        return None
    verb = _FINITE_VERB.search(text, opening.end()) if opening else None
    return opening if verb and re.fullmatch(_PAST_VERB, verb.group()) and verb.group() not in lexicon.STATE_VERBS else None


def _last_time(found: list[list[Mention]]) -> Mention | None:
    """The one date or year (not a decade) of the latest of these sentences that gives any; None when
    it gives several."""
    for mentions in reversed(found):
        times = {m.text: m for m in mentions if m.kind is MentionKind.DATE or (m.kind is MentionKind.YEAR and m.text.isdigit())}
        if times or any(m.kind is MentionKind.YEAR for m in mentions):
            return next(iter(times.values())) if len(times) == 1 else None
    return None


def _dated(text: str, mentions: list[Mention], when: Mention | None) -> tuple[str, list[Mention]]:
    """The sentence with an opening "Two weeks later," or "A year later," replaced by the month or
    year it comes to after the date of the sentence before ("In September 1983, …"); as it was when
    that date is not known well enough (days after a year alone, or no date at all)."""
    later = _LATER.match(text)
    if later is None:
        return text, mentions
    own = re.match(r"(?:on|in) ", text[later.end() :])
    if own and any(m.start == later.end() + own.end() and m.kind in (MentionKind.DATE, MentionKind.YEAR) for m in mentions):
        # "A year later, on 4 June 1912, the city …": the sentence's own date says when
        return _without_opening(text, mentions, later.end())
    if when is None:
        return text, mentions
    count = lexicon.COUNT_OF_WORD.get(later.group("count").lower()) or int(later.group("count"))
    unit = later.group("unit").lower()
    date = re.fullmatch(rf"(?:(?P<month>{_MONTH_NAMES})\.? (?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,? )?)?(?P<year>\d{{4}})", when.text)
    if date is None:
        return text, mentions
    year = int(date.group("year"))
    if unit in ("year", "decade"):
        written = str(year + count * (10 if unit == "decade" else 1))
    elif date.group("month") is None or (unit != "month" and date.group("day") is None):
        return text, mentions
    else:
        month = _MONTH_NUMBERS[date.group("month")[:3]]
        if unit == "month":
            year, month = year + (month - 1 + count) // 12, (month - 1 + count) % 12 + 1
        else:
            try:
                day = datetime.date(year, month, int(date.group("day"))) + datetime.timedelta(days=count * (7 if unit == "week" else 1))
            except ValueError:  # "June 31, 1990" is no date to count from
                return text, mentions
            year, month = day.year, day.month
        written = f"{calendar.month_name[month]} {year}"
    return _with_opening(text, mentions, later.end(), f"In {written}, ")


def _with_opening(text: str, mentions: list[Mention], cut: int, opening: str) -> tuple[str, list[Mention]]:
    """The sentence with its first `cut` characters replaced by `opening`, and its mentions after the cut moved."""
    shift = len(opening) - cut
    moved = [dataclasses.replace(m, start=m.start + shift, end=m.end + shift) for m in mentions if m.start >= cut]
    return opening + text[cut:], moved


def _time_written(relative: re.Match[str], before: _Before) -> str | None:
    """The time an opening that dates the sentence by the one before comes to, written out from the one
    date or year the sentence before gives: "Later that year" -> "In 1998", "In December of the same
    year" -> "In December 1962", "The next year" -> "In 1963", "Early that year" -> "In early 1962", "That day" ->
    "On 7 February 1996"; None when the sentence before gives no such date or gives it as a bound ("until
    1978"), or the opening counts weeks, decades or seasons, or says "for most of"."""
    when = before.when
    if relative.group("counted") or when is None or not any(m is when for m in before.mentions):
        return None
    if _BOUND_BEFORE_A_TIME.search(before.text, 0, when.start):
        return None  # "… was not named until 1978. Later that year …": a bound, not the time the story is at
    year = re.search(r"\b\d{4}$", when.text)
    month = re.search(rf"\b(?:{_FULL_MONTH_NAMES})\b", when.text)
    day = re.search(r"\b\d{1,2}\b", when.text)
    lead, day_of_the_month, part, which, unit = relative.group("lead", "day_of_the_month", "part", "which", "unit")
    if year is None or (part and part.split()[-1] not in calendar.month_name):
        return None
    # "On October 24 of that year" -> "On October 24, 1972"; "On 24 October of the same year" -> "On 24 October 1972"
    if day_of_the_month:
        return f"On {day_of_the_month}{',' if day_of_the_month[0].isalpha() else ''} {year.group()}" if unit == "year" else None
    if unit == "day" and which in (None, "same") and month and day and not lead and not part:
        return f"On {when.text}"
    if unit == "month" and which in (None, "same") and month and not part:
        time = f"{month.group()} {year.group()}"
    elif unit == "year":
        time = str(int(year.group()) + (1 if which in ("next", "following") else 0))
        time = f"{part} {time}" if part else time
    else:
        return None
    lead = (lead or "").removesuffix("in ").strip()
    if lead.startswith("For"):
        return None  # "For most of that year …" is no time a card can write before its statement
    if lead in ("Early", "Late"):
        return f"In {lead.lower()} {time}"
    return f"{lead if lead in ('During', 'By') else 'In'} {time}"  # "Later that year" is the year: the order goes


def _with_the_year_written(text: str, mentions: list[Mention], before: _Before) -> tuple[str, list[Mention]]:
    """The sentence with a "the next year" or "the same year" inside it written as the year it is: the
    year after (or the same as) the one year the sentence gives before it ("… in 1951 and an honorary
    Academy Award the next year" -> "… in 1951 and an honorary Academy Award in 1952"), or for "the same
    year" in a sentence that gives none, the one year of the sentence before; as it was when that year
    is not sure (two years before it, a decade, none), a preposition other than "in" comes before the phrase
    ("over the following year") or the phrase is the subject ("the next year was cold"). An opening "The same year," is left to _RELATIVE_TIME_OPENER."""
    match = _RELATIVE_YEAR.search(text)
    if match is None or match.start() == 0 or (not match.group().startswith("in ") and _PREPOSITION_BEFORE.search(text, 0, match.start())):
        return text, mentions
    if not match.group().startswith("in ") and _VERB_OF_A_TIME_SUBJECT.match(text, match.end()):
        return text, mentions  # "… and the next year was cold": the year is the subject
    own = [m for m in mentions if m.end <= match.start() and m.kind in (MentionKind.DATE, MentionKind.YEAR)]
    if own:
        times = own
    elif match.group("which") == "same" and before.when is not None and any(m is before.when for m in before.mentions):
        times = [before.when]
    else:
        return text, mentions
    years = {found.group() for m in times if (found := re.search(r"\b\d{4}$", m.text))}
    if len(years) != 1 or len(times) != 1:
        return text, mentions
    year = int(years.pop()) + (0 if match.group("which") == "same" else 1)
    written = f"in {year}"
    shift = len(written) - (match.end() - match.start())
    moved = [m if m.end <= match.start() else dataclasses.replace(m, start=m.start + shift, end=m.end + shift) for m in mentions]
    return text[: match.start()] + written + text[match.end() :], moved


def _name_the_topic(claim: Claim, before: _Before, topic: _Topic | None, book: NameBook) -> Claim:
    """The claim with a "she", "her" or "his" inside it that no one named before it can be, replaced
    by the document's topic when that is a person of that gender whom nobody else in this sentence or
    the one before could be mistaken for: "… under her direction" -> "… under Rosalind Franklin's
    direction"; likewise an "it" or "its" when the topic is a thing, the sentence before was about it
    and neither sentence names another: "UNESCO added it to its list …" -> "UNESCO added Lake Baikal
    to its list …"."""
    if topic is not None and topic.vessel is not None:  # "The Sinking of the Titanic": "… on her first voyage" is the ship's
        topic = topic.vessel
    if topic is None or (topic.kind is MentionKind.PERSON and topic.gender is None):
        return claim
    leading = _leading_thing(before)  # "The Marshall Plan also deepened …": about the topic
    about_topic = any(m is not None and _is_topic(m, topic) for m in (before.claim.subject if before.claim else None, leading))
    # "At first the tower stood alone.": a common subject the topic's name ends or opens with ("the Vega Tower")
    by_its_noun = not about_topic and _opens_with_the_topics_noun(before.claim.text if before.claim else before.text, topic, before.two_back())
    elsewhere = not _is_personal(topic) and not about_topic and not by_its_noun
    # "Vespasian died in 79. His son Titus opened it in AD 80": a leading "It" here would be the topic, so is an object "it"
    goes_on = elsewhere and _it_goes_on_about_the_topic(before, topic, book)
    if elsewhere and not goes_on:
        return claim  # an "it" after a sentence about something else may well be that thing
    if _is_personal(topic):
        words = lexicon.FEMALE_PRONOUNS if topic.gender is Gender.FEMALE else lexicon.MALE_PRONOUNS
    else:
        words = frozenset({"it", "its"})
    # "The boy gave his first concert …", "The boy said he …": the boy's, whoever he is (not "The king gave him a title")
    subjects_own = _is_personal(topic) and _subject_gender(claim.text) is topic.gender
    own = [*claim.mentions, *([claim.subject] if claim.subject else [])]
    named = [m.end for m in own if _is_topic(m, topic)]
    text = claim.text
    ahead = _subject_after_an_unclosed_opening(text, own)
    if ahead is None and (after_a_phrase := _subject_ahead(text, own))[0] is not None and not _FINITE_VERB.search(text, 0, after_a_phrase[1]):
        ahead = after_a_phrase[0]  # and after an opening phrase its comma closes: "In spite of his debts, Lindqvist bought …"
    match = next(
        (
            match
            for match in re.finditer(r"\b(?:he|him|his|she|her|it|its)\b", text)
            if match.group() in words and match.start() >= claim.inserted
            # "Franklin attended …, where she excelled": she is already clear; "… because it was
            # cheap" may be the sentence's own subject
            and not any(end <= match.start() for end in named)
            and not (match.group() == "it" and claim.subject is None and not _is_object(text, match.start()))
            and not (match.group() == "it" and _a_part_at_work_on_it(text))
            # on that weaker ground only an object "it": "… before it was finished" may be the sentence's own subject
            and not (goes_on and (match.group() != "it" or not _is_object(text, match.start()) or _VERB_OF_THE_SUBJECT.match(text, match.end())))
            # "industrial production … was above its level of 1938": the sentence's own subject
            and not (match.group() == "its" and claim.subject is None)
            # "For most of his life Ada Lee gave …": the subject's, named after its opening (or a name of unknown kind
            # there: "In his last years the trumpeter Kid Ory ran …" is no one else's); not "In 1850 his brother Carl
            # died", where the name is who "his brother" is
            and not (
                match.group() in _POSSESSIVES and ahead is not None and match.start() < ahead.start
                and not _PERSON_BY_A_POSSESSIVE.fullmatch(text, match.start(), ahead.start)
                and (_can_be(match.group(), ahead, book) or (ahead.kind is MentionKind.NAME and match.group() != "its"))
            )
            and not (subjects_own and match.group() != "him" and not (match.group() == "her" and _object_her(text, match.start(), match.end())))
        ),
        None,
    )
    if match is None:
        return claim
    if _is_personal(topic) and _the_subjects_own(topic.gender, text, claim.subject, claim.mentions) is not None:
        return claim  # "Vinnie had promised to burn her sister's letters": Vinnie's sister, whoever the topic is
    offered = [(m, before.text) for m in before.mentions] + [(m, text) for m in own if m.end <= match.start()]
    for m, written in offered:
        if _is_topic(m, topic) or m.kind not in NAMED_KINDS:
            continue
        if _is_personal(topic) and (_may_be(topic.gender, m, topic, book) or _introduced_by_a_common_noun(written, m)):
            # "Johann hoped to show off his son": Johann's son, whoever the topic is; "how the miser Ebenezer Crabbe is
            # visited by the ghost of his old partner": a name of unknown kind that a noun introduces may be a man's
            return claim
        if written is text and may_name_a_person(m) and _REPORTING_VERB.fullmatch(text, m.end, match.start()):
            return claim  # "In 1610 Galileo Galilei announced that he had found …": a name shaped like a person's, reporting his own find
        if _is_personal(topic) and written is text and text[m.end : match.start()] == " and ":
            return claim  # "In 1935 Irène and her husband …": the one just named, whoever the topic is
        if not _is_personal(topic) and m.kind is not MentionKind.PERSON and _could_be_it(m) and not _modifies_a_noun(written, m):
            # not "UNESCO added it to its list", "the Soviet Union answered it": the subject is not its own object
            if not (m in claim.mentions and _is_object(text, match.start()) and (m.start == 0 or _is_subject_of(text, m.end, match.start()))):
                return claim
    if not _is_personal(topic) and (_takes_a_common_thing(before.text, len(before.text)) or _takes_a_common_thing(text, match.start())):
        return claim  # "The Vega Tower carried a bronze bell. In 1820 the board replaced it with a lamp.": the bell
    if by_its_noun and any(
        m.kind in NAMED_KINDS and not _is_topic(m, topic) and not _actor_of_the_its_verb(text, m, match)
        for m in own if m.end <= match.start()
    ):
        return claim  # "The finished dam is 210 metres high. The Corran Tunnel replaced it …": the noun is no name to weigh it against
    her_as_object = _object_her(text, match.start(), match.end()) if match.group() == "her" else None
    if match.group() == "her" and her_as_object is None:
        return claim  # "Crowds came to see her work": her work, or she working? The card cannot say
    possessive = match.group() in ("his", "its") or (match.group() == "her" and not her_as_object)
    # as the sentence before wrote it, when it opened with it: "the Marshall Plan"
    written = (
        _with_article(leading.text, before.text, leading)
        if leading is not None and _is_topic(leading, topic) and leading.text not in topic.copies
        else _topic_as_written(topic)
    )
    # the person written is a mention, so that a later pronoun of the same person stands after it ("As a child Ada Lind had
    # asthma, which kept her indoors")
    person = Mention(topic.kind, match.start(), match.start() + len(written), written, topic.name, possessive=possessive) if _is_personal(topic) else None
    return _with_text(claim, match.start(), match.end(), f"{written}'s" if possessive else written, person)


def _actor_of_the_its_verb(text: str, mention: Mention, pronoun: re.Match[str]) -> bool:
    """Whether the mention is a person or a body that is the subject of the verb whose object is the "it" at `pronoun`,
    so no thing that "it" could be: "In 1911 the Vale Railway Company chose it to …" (not "The Corran Tunnel replaced it", a
    thing that may have replaced some other thing)."""
    return (
        pronoun.group() == "it" and mention.kind in (MentionKind.PERSON, MentionKind.ORGANISATION)
        and _is_object(text, pronoun.start()) and _is_subject_of(text, mention.end, pronoun.start())
    )


def _it_goes_on_about_the_topic(before: _Before, topic: _Topic, book: NameBook) -> bool:
    """Whether an "it" after the sentence before stands for the document's topic, a thing that is no event (whose "it"
    is as often a storm, a ship or a summit), though that sentence's subject is not the topic: a leading "It" would be
    the topic (see _antecedent: "Vespasian died in 79, before the building was finished.")."""
    if not _a_thing_no_event(topic):
        return False
    found = _antecedent("it", None, before, topic, book, "")
    return found is not None and _is_topic(found[0], topic)


def _a_thing_no_event(topic: _Topic) -> bool:
    """Whether the document's topic is a thing that is no event, whose "it" the sentences about it go on with: not a
    person, nor a wreck, a dated event or an event by its name's word, whose "it" is as often a storm, a ship or a
    summit."""
    return not (topic.kind is MentionKind.PERSON or topic.vessel is not None or topic.year or _names_an_event(topic.name))


def _opens_with_the_topics_noun(text: str, topic: _Topic | None, earlier: tuple[str, list[Mention]] | None = None) -> bool:
    """Whether the sentence's common subject is "the" and a noun the name of the document's topic (a thing) ends or opens
    with: "At first the tower …" for the Vega Tower, "By Thursday the fire …" for the Great Fire of London (see
    _is_named_by); not "A spider …", any spider. A noun the document only says the topic is ("the temple" for the
    Parthenon) counts when the sentence before it (`earlier`: its text and mentions) names no other thing it could be."""
    noun = _common_subject(text)
    if noun is None or topic is None or topic.kind is MentionKind.PERSON:
        return False
    first = re.search(rf"\b(?P<article>the|an?) (?:[a-z-]+ )?{re.escape(noun)}\b", text, re.IGNORECASE)
    if first is None or first.group("article").lower() != "the":
        return False
    return any(_is_named_by(alias, noun) for alias in topic.aliases) or (
        noun in topic.kind_nouns and earlier is not None and not _names_another_building_or_thing(*earlier, topic)
    )


def _topic_is_the_last_subject(before: _Before, others: list[Mention], topic: _Topic | None) -> bool:
    """Whether the sentence before speaks of the document's topic, a thing that is no event, as the subject of its last
    main clause, by "the" and its noun ("…, and the statue was raised on it over the winter.", see _is_named_by) or by
    its name ("…, and Kell had become a rich town."), acting on no "it" of its own ("…, and the library recognised
    it."), with no singular common thing after it but a time or what the
    subject became ("…, and the statue was put on a plinth." may leave the plinth for an "It"; "… during the summer."
    and "… had become a rich town." do not): an "It" after it goes on with that subject, the nearest, not the first
    clause's ("The plinth …"). The `others`, named things an "it" could be, may stand only in an earlier clause or as
    the name the subject became ("…, and the engine became No. 9 in 1946."); an earlier clause may name only
    organisations and events beside a subject written by its noun ("The Vega Tower fell, and the tower …": which
    tower?), any thing beside the topic's name; and beside a subject written by its noun, names it cannot stand for
    when that clause names the topic too, perhaps without the noun ("Congress made Kell part of the Vega Recreation
    Area, and the island opened …" about Kell Island; not beside "Vell Island")."""
    text = before.text
    if topic is None or not _a_thing_no_event(topic):
        return False
    clauses = [_OPENING.match(text, boundary.end()).end() for boundary in _main_clause_boundaries(text)]
    if not clauses:
        return False
    start = clauses[-1]
    subject = _the_noun_before_its_verb(text, start)
    if subject is not None and (any(_is_named_by(alias, subject.group("noun")) for alias in topic.aliases) or subject.group("noun") in topic.kind_nouns):
        subject_end, by_its_name = subject.end(), False
    elif (
        named := next((m for m in before.mentions if m.start == start and _is_topic(m, topic) and _VERB_OF_THE_SUBJECT.match(text, m.end)), None)
    ) is not None:
        subject_end, by_its_name = named.end, True
    else:
        return False
    if _VERB_OF_AN_UNREAD_IT.match(text, subject_end):
        return False  # "…, and the library recognised it. It was bought back …": the "it" it recognised, not the library
    became = _WHAT_THE_SUBJECT_BECAME.match(text, subject_end)
    # "the engine became No. 103": the number is the engine's; "Kell had become a rich town": the town is Kell
    name_it_became = became.end() if became and not became.group("what") else -1
    # "Congress made Kell part of the Vega Recreation Area, and the island opened …": no other island
    noun = None if by_its_name else subject.group("noun")
    earlier = [m for m in before.mentions if m.start < start and m.kind in NAMED_KINDS and not m.possessive]
    named_before = (
        noun is not None and any(_is_topic_without(m, noun, topic) for m in earlier)
        and not any(_is_named_by(m.name, noun) and not _is_topic_without(m, noun, topic) for m in earlier)
    )
    if any(
        m.start >= start and m.start != name_it_became
        or m.start < start and not by_its_name and not _no_thing_a_noun_names(m)
        and not (named_before and (_is_topic_without(m, noun, topic) or not _is_named_by(m.name, noun)))
        for m in others
    ):
        return False
    rest = became.end() if became else subject_end
    return all(re.fullmatch(_PART_OF_TIME, thing.group("noun")) for thing in _A_SINGULAR_THING.finditer(text, rest))


def _is_topic_without(mention: Mention, noun: str, topic: _Topic) -> bool:
    """Whether the mention names the topic, or names it without the noun its name ends in: "Kell" for "Kell Island" when
    the sentence calls it "the island" too."""
    return _is_topic(mention, topic) or mention.kind in NAMED_KINDS and f"{mention.name} {noun}".lower() == topic.name.lower()


def _no_thing_a_noun_names(mention: Mention) -> bool:
    """Whether the named thing is one a noun for a made thing ("the engine", "the tower") could not stand for: an
    organisation or an event ("the Kell Railway Company", "the Second World War")."""
    return mention.kind is MentionKind.ORGANISATION or _names_an_event(mention.name) or mention.name in lexicon.WELL_KNOWN_EVENTS


def _the_noun_before_its_verb(text: str, start: int) -> re.Match[str] | None:
    """The subject "the" and its noun at `start`, perhaps after one word, right before the clause's verb: "the statue
    was …", "the old statue was …"."""
    return next((m for m in (p.match(text, start) for p in _THE_AND_ITS_NOUN) if m and _VERB_OF_THE_SUBJECT.match(text, m.end())), None)


def _names_another_thing(mentions: list[Mention], topic: _Topic | None) -> bool:
    """Whether the mentions hold a named thing other than the topic that an "it" or "its" could stand for, whatever
    rule kept it from being offered ("the charge of the Lamp Board" only says whose charge), a species' Latin name too
    ("the Asian honey bee, Apis cerana, …")."""
    return any(_another_thing_it_may_be(m, topic) for m in mentions)


def _another_thing_it_may_be(mention: Mention, topic: _Topic | None) -> bool:
    """Whether the mention names a thing other than the topic that an "it" may stand for: a name that is no person's,
    or a species' Latin name, a term that names a living thing ("the Asian honey bee, Apis cerana, …")."""
    named = mention.kind in NAMED_KINDS and mention.kind is not MentionKind.PERSON and _could_be_it(mention)
    return (named or _LATIN_NAME.fullmatch(mention.text) is not None) and not _is_topic(mention, topic)


def _takes_a_common_thing(text: str, end: int) -> bool:
    """Whether a verb before `end` takes a singular common noun as its object ("carried a bronze bell"): a thing an "it"
    or "its" after it may be as well as the document's topic. Not after "be" ("is the home of …"), nor a noun that only
    relates what "of" names ("deepened the division of Europe", which no one answers as "it")."""
    return any(True for _ in _common_objects(text, end))


def _common_objects(text: str, end: int) -> Iterator[re.Match[str]]:
    """Each verb before `end` with the singular common noun it takes as its object (see _takes_a_common_thing)."""
    return (
        verb for verb in _SINGULAR_OBJECT.finditer(text, 0, end)
        if not _COPULA.fullmatch(verb.group(1)) and not verb.group().endswith(" of") and not text.startswith(" of ", verb.end())
    )


def _takes_a_new_thing(text: str) -> bool:
    """Whether a verb of the sentence takes a singular common noun after "a" or "an" as its object, a thing it brings in
    ("appointed a presidential commission"), which an "It" after it may well be: see _takes_a_common_thing, whose "the"
    may only say which ("drew the first plans")."""
    return any(verb.group().split()[1] in ("a", "an") for verb in _common_objects(text, len(text)))


def _object_her(text: str, start: int, end: int) -> bool | None:
    """Whether the "her" at `start`..`end` is an object (True) or a possessive (False), None when the card cannot tell.
    An object before a punctuation mark or a word no noun follows a possessive with ("asked her to …", "received
    her.", see _OBJECT_HER), or after a verb of seeing or causing and before a bare verb with its object ("watched
    her read the Bible", "helped her run the farm"); a possessive before a noun ("watched her son", "under her
    direction"); unsure after such a verb and before a word that may be a bare verb or a noun ("saw her work",
    "made her mark on …")."""
    if _OBJECT_HER.match(text, end) or _VERB_AFTER_AN_OBJECT_HER.match(text, end):
        return True
    if _JUDGING_BEFORE.search(text, 0, start) and _JUDGED_STATE.match(text, end):
        return True  # "Doctors declared her insane": the one they judged, in a state no noun follows
    if _NAMING_VERB_BEFORE.search(text, 0, start) and re.match(r"\s*[\"“‘']", text[end:]):
        return True  # 'A report called her "a ministering angel"': the name given to her
    if _TAKING_VERB_BEFORE.search(text, 0, start) and _HOME_AS_WHERE_TO.match(text, end):
        return True  # "the bus taking her home from school": taken home, not her home (round 106, lead)
    if not _SEEING_OR_CAUSING_BEFORE.search(text, 0, start):
        return False
    if _BARE_VERB_AND_ITS_OBJECT.match(text, end):
        return True
    return None if _BARE_VERB.match(text, end) else False


def _introduced_by_a_common_noun(text: str, mention: Mention) -> bool:
    """Whether a name of unknown kind of two words or more comes after "the" and a lower-case noun that says what it is:
    "the miser Ebenezer Crabbe", "the forecaster Hugo Lind" (perhaps a person), not "Winter Lamp" or "the Winter Lamp"."""
    return mention.kind is MentionKind.NAME and " " in mention.name and bool(_THE_COMMON_NOUN_BEFORE.search(text, 0, mention.start))


def _name_the_object(claim: Claim, before: _Before, topic: _Topic | None, book: NameBook) -> Claim:
    """The claim with a "him", "her" or "his" inside it that nothing before it in the claim can stand for (no one of that
    gender, or only the subject of its own verb: see _subjects_of_the_object) written as the person a leading "He" or
    "She" of this sentence would be (see _person_a_pronoun_is): the subject of the sentence before, of that gender ("Tom
    Vane was the first keeper of the light. Karl Lind succeeded him in 1720." -> "Karl Lind succeeded Tom Vane in
    1720."), or the one person _antecedent gives ("In 1990 the Kell Club signed him" in Rob Hale's life, after a
    sentence that names no other man). No other person of that gender may be named there or before the pronoun. As it
    was otherwise, and refused for the pronoun."""
    if not _PERSON_PRONOUN_INSIDE.search(claim.text):
        return claim  # most sentences: the dangling check is not run twice
    position = _dangling_pronoun_at(claim, book)
    pronoun = _PERSON_PRONOUN_INSIDE.match(claim.text, position) if position is not None else None
    if pronoun is None:
        return claim
    word = pronoun.group()
    # a subject pronoun is written as the name, like an object
    as_object = word in ("him", "he", "she") or (word == "her" and _object_her(claim.text, pronoun.start(), pronoun.end()))
    if word == "her" and as_object is None:
        return claim  # "Crowds came to see her work": her work, or she working?
    gender = Gender.MALE if word in ("he", "him", "his") else Gender.FEMALE
    if word in ("he", "she") and _PLURAL_PRONOUN.search(before.text):
        return claim  # "Ray Kell married them. The couple settled in Leeds, where he found work": one of them, not Ray Kell
    if not as_object and _subject_gender(claim.text) is gender:
        return claim  # "The boy gave his first concert …": the boy's own, whoever he is
    if _SUBJECT_PRONOUN_OF[gender].search(claim.text, 0, position):
        # "Ray Kell had gone to Leeds, and he promised Karl Lind that he would come to his aid": a "he" of the claim left
        # standing is someone it names (see _the_one_subject_before), whose "his" this may be, or another's it names
        return claim
    # the whole sentence: "In spite of his debts, Tom Vane …" is Tom Vane's
    own = [*claim.mentions, *([claim.subject] if claim.subject else [])]
    # "Karl Lind succeeded him": not Karl Lind, who would be "himself"; "his apprentice Tom Vane": not Tom Vane
    exempt = frozenset(
        _subjects_of_the_object(claim.text, pronoun, own, gender) if as_object
        else _named_by_the_owned_noun(claim.text, pronoun, own) | _told_of_by_the_apposition(claim.text, pronoun, own)
    )
    found = _person_a_pronoun_is(gender, claim.text[pronoun.end() :], before, topic, book, exempt)
    if found is None or _canonical(found[0], topic) in {_canonical(m, topic) for m in own if m.name in exempt}:
        return claim
    person, name = found
    ahead, forward = _subject_ahead(claim.text, own, claim.inserted)
    if ahead is not None and position < forward and _canonical(ahead, topic) != _canonical(person, topic):
        return claim  # "In spite of his debts, McCauley went on …": McCauley's, whatever kind of name the finder made of it
    others = [m for m in [*before.mentions, *own] if _canonical(m, topic) != _canonical(person, topic) and _may_be(gender, m, topic, book)]
    if any(m.name not in exempt for m in others):
        return claim  # "Tom Vane hired Karl Lind's son. Ada Berg succeeded him …": the son, or Karl Lind, or Tom Vane?
    # the name written is a mention, so that a later pronoun of the same person stands after it ("… Tom Vane's crew
    # mutinied and set him adrift")
    named = Mention(MentionKind.PERSON, position, position + len(name), name, person.name, possessive=not as_object)
    return _with_text(claim, position, pronoun.end(), name if as_object else f"{name}'s", named)


def _name_the_group(claim: Claim, before: _Before, book: NameBook) -> Claim:
    """The claim with a "their" that nothing in it can stand for (see _dangling_pronoun_at) written as the one people the
    sentence before, in the same paragraph, names: "Vienna had long envied the Moravians' mines. In 1204, after the death
    of their last duke, …" -> "… of the Moravians' last duke, …". That sentence may name no other plural, hold no plural
    pronoun, nor join names by "and" (which "their" may gather); as it was otherwise."""
    if " their " not in claim.text or before.new_paragraph:
        return claim
    position = _dangling_pronoun_at(claim, book)
    if position is None or not claim.text.startswith("their ", position):
        return claim
    peoples = [
        m for m in before.mentions
        if m.text.endswith("s") and not m.attributive
        and (_a_people(m) or m.kind is MentionKind.NAME and _GROUP_OF_PEOPLE.fullmatch(m.text) and before.text.endswith("the ", 0, m.start))
    ]
    if len(peoples) != 1 or any(_a_people(m) and m.text.endswith("s") for m in claim.mentions):
        return claim  # "… after the death of their last duke, the Franks …": theirs, maybe
    people = peoples[0]
    other_plurals = [p for p in _PLURAL_BEFORE.finditer(before.text) if not p.start() <= people.start < p.end()]
    if other_plurals or _PLURAL_PRONOUN.search(before.text) or re.search(r" and |&", before.text):
        return claim  # "The Moravians and the Poles …", "Vienna watched the Moravians' mines and their towns": whose?
    # no mention of the people is added: it is no answer, nor a thing a later "it" may be
    return _with_text(claim, position, position + len("their"), f"the {people.text}'")


def _name_the_thing(claim: Claim, before: _Before, book: NameBook) -> Claim:
    """The claim with an object "it" that nothing in it can stand for (see _dangling_pronoun_at) written as the one named
    thing the sentence before gives as the object of its verb, when that sentence names no other thing outside its
    opening phrase but what the claim names again: "Under the Treaty of Alm, Hungary gave Karsk to Poland. In 1700
    Poland sold it back to Hungary." -> "… Poland sold Karsk back to Hungary." (the seller and the buyer are named
    again; the treaty only says where). As it was otherwise: "Hungary gave Karsk and Orle to Poland", "Hungary gave
    Karsk to Poland" before "In 1700 Austria sold it" (Poland, or Karsk?)."""
    if " it " not in claim.text or before.claim is None or _dangling_pronoun_at(before.claim, book) is not None:
        return claim
    position = _dangling_pronoun_at(claim, book)
    if position is None or not claim.text.startswith("it ", position) or not _FINITE_VERB_RIGHT_BEFORE.search(claim.text, 0, position):
        return claim
    setting = _OPENING_PHRASE.match(before.text)
    outside = setting.end() if setting else 0
    things = [m for m in before.mentions if m.start >= outside and m.kind in NAMED_KINDS and m.kind is not MentionKind.PERSON and _could_be_it(m)]
    again = {m.name for m in claim.mentions}
    new = [m for m in things if m.name not in again]
    if len(new) != 1 or len(things) < 2 or not _FINITE_VERB_RIGHT_BEFORE.search(before.text, 0, new[0].start):
        return claim
    if any(m.kind is MentionKind.PERSON for m in before.mentions if m.start >= outside):
        return claim  # "Hungary gave Karsk to Count Orb": the count may be what was handed back
    thing = new[0]
    named = Mention(thing.kind, position, position + len(thing.text), thing.text, thing.name)
    return _with_text(claim, position, position + len("it"), thing.text, named)


def _person_a_pronoun_is(
    gender: Gender, rest: str, before: _Before, topic: _Topic | None, book: NameBook, governed: frozenset[str]
) -> tuple[Mention, str] | None:
    """The person a leading "He" or "She" of the sentence would be, and the name to write for it: the subject of the
    sentence before when that is a person of that gender, else what _antecedent gives, with `governed` the people the
    sentence says the pronoun is not. None when the sentence before holds a pronoun of that gender that its claim
    leaves unsettled ("Later he shared the stage with Tom Vane. Friends called him …": who is "he"?), or opens with a
    possessive of that gender whose subject is someone else ("His own catalogue appeared in 1725. Halley succeeded him
    …": whose catalogue, the card cannot say)."""
    pronouns = lexicon.MALE_PRONOUNS if gender is Gender.MALE else lexicon.FEMALE_PRONOUNS
    if any(word.lower() in pronouns for word in _WORD.findall(before.text)) and (
        before.claim is None or _dangling_pronoun_at(before.claim, book) is not None
    ):
        return None
    if any(_someone_elses_widow(before.text, owner, before.mentions) for owner in _POSSESSIVE_OF[gender].finditer(before.text)):
        return None  # "Tom Vane presented his widow with a medal. Leeds named a street after him": the dead man, not Tom Vane
    subject = before.claim.subject if before.claim else None
    if (
        subject is not None and subject.kind is MentionKind.PERSON and not subject.possessive and subject.name not in governed
        and _gender(subject, topic, book) is gender
    ):
        return subject, subject.name
    leading = "he" if gender is Gender.MALE else "she"
    found = _antecedent(leading, None, _without_people(before, governed), topic, book, rest)
    if found is None or found[0].kind is not MentionKind.PERSON:
        return None
    opens_with, _ = _subject_ahead(before.text, before.mentions)
    if not _is_topic(found[0], topic) and (opens_with is None or _canonical(opens_with, topic) != _canonical(found[0], topic)):
        # "Opposing players jeered, and Tom Vane led the taunts. Letters threatened his life.": the one man named there,
        # not its subject, may be no more than a man beside the one the document follows
        return None
    if _opens_with_pronoun_like(before.text, leading) and (subject is None or _canonical(subject, topic) != _canonical(found[0], topic)):
        return None
    return found


def _name_the_place(claim: Claim, before: _Before, topic: _Topic | None) -> Claim:
    """The claim with each "there" that no place before it in the claim can be (see _THERE) written as the one place the
    sentence before offers (see _place_there_is), with "at" or "in" ("The trustees bought Kell House in Leeds. The
    library opened there in 1760." -> "The library opened at Kell House in 1760."; "There he …" -> "At Kell House, he
    …"). As it was when that sentence offers no place or more than one, or when the "there" is not a plain adverb of
    place ("here and there", "over there"): the claim is then refused for it as before."""
    place = None
    for match in reversed(list(_THERE.finditer(claim.text))):
        if any(m.kind is MentionKind.PLACE and m.end <= match.start() for m in claim.mentions):
            continue
        named = [m for m in [*claim.mentions, *([claim.subject] if claim.subject else [])] if m.kind in NAMED_KINDS and m.kind is not MentionKind.PERSON]
        if any(m.end <= match.start() and not _is_subject_of(claim.text, m.end, match.start()) for m in named):
            # "The Tower housed the Royal Mint, which struck coins there": the Tower, or the place the sentence before
            # named? ("The museum opened there" leans on that sentence alone)
            return claim
        word_before = _WORD_BEFORE_THERE.search(claim.text, 0, match.start())
        if word_before and word_before.group(1).lower() in _NOT_A_PLAIN_THERE:
            return claim
        place = place or _place_there_is(before, topic)
        if place is None:
            return claim
        name, preposition = place
        leading = match.start() == 0
        written = f"{preposition.capitalize()} {name}," if leading else name if word_before and word_before.group(1).lower() == "from" else f"{preposition} {name}"
        end = match.end() + (1 if leading and claim.text.startswith(",", match.end()) else 0)  # "There, in 1913, …"
        shift = len(written) - (end - match.start())
        mentions = [m if m.end <= match.start() else dataclasses.replace(m, start=m.start + shift, end=m.end + shift) for m in claim.mentions]
        subject = claim.subject if claim.subject is None or claim.subject.end <= match.start() else dataclasses.replace(
            claim.subject, start=claim.subject.start + shift, end=claim.subject.end + shift
        )
        inserted = claim.inserted + shift if leading and claim.inserted else claim.inserted
        claim = dataclasses.replace(
            claim, text=claim.text[: match.start()] + written + claim.text[end:], mentions=mentions, subject=subject, inserted=inserted
        )
    return claim


def _place_there_is(before: _Before, topic: _Topic | None) -> tuple[str, str] | None:
    """The one place a "there" after the sentence before can be, as a sentence writes it, and the preposition it takes:
    a place or an organisation it goes to, joins or is at ("Ada Lind entered the Kell Academy.", "Tom Vane reported to
    Harrow Park in Kent, the home of the Vell Office."), not one in its opening ("After the war ended in France, …"), one
    a thing comes from ("wool from Leeds"), one that only says where the place before it lies ("Harrow Park in Kent",
    "Graz, in Austria") nor one beside "of" ("the home of the Vell Office"). Under another name, the document's topic
    (a place) when that is the place offered. None when the sentence offers no place or more than one."""
    text = before.claim.text if before.claim is not None else before.text
    mentions = before.claim.mentions if before.claim is not None else before.mentions
    offered: dict[str, Mention] = {}
    previous: Mention | None = None
    for m in (m for m in mentions if m.kind in NAMED_KINDS):
        qualifies = previous is not None and _QUALIFYING_PLACE.fullmatch(text, previous.end, m.start)
        previous = m
        lead = _WORD_BEFORE_A_PLACE.search(text, 0, m.start)
        word = lead.group(1).lower() if lead else ""
        # a name of unknown kind may be a place: "bought {Kell House}", "reported to {Harrow Point}"
        unknown_place = m.kind is MentionKind.NAME and (m.name.split()[-1] in lexicon.BUILDING_WORDS | lexicon.PLACE_WORDS or word in ("at", "to", "into"))
        if not (m.kind in (MentionKind.PLACE, MentionKind.ORGANISATION) or unknown_place) or m.possessive or m.attributive:
            continue
        # "He also built St Olaf's Tower.", "the home of the Vell Office": a place no one goes to or is at, which may be a part
        # of the topic the "there" is
        if _in_the_opening(text, m) or qualifies or word not in _GOING_TO_A_PLACE:
            continue
        offered.setdefault(_canonical(m, topic), m)
    if not offered and _the_topic_is_where(topic, mentions):
        # "Greeks and Etruscans traded there" in the history of Pompeii, after a sentence that names no other place
        last = topic.name.split()[-1]
        return _topic_as_written(topic), "on" if last == "Island" else "at" if last in lexicon.STRUCTURE_WORDS else "in"
    if len(offered) != 1:
        return None
    (place,) = offered.values()
    if any(text[place.end : m.start] in (" and ", " or ") or text[m.end : place.start] in (" and ", " or ") for m in mentions if m.kind in NAMED_KINDS):
        return None  # "She lived in Leeds and Corby": either, whatever kind of name the other is
    if _LATER_PLACE_BY_A_NOUN.search(text, place.end):
        return None  # "Doctors at Kell Hospital declared her mad, and she was sent to the island.": there is the island
    lead = _WORD_BEFORE_A_PLACE.search(text, 0, place.start)
    if topic is not None and _is_topic(place, topic):
        name = _topic_as_written(topic)
    else:
        name = text[place.start : place.end]
        if text[: place.start].endswith(("the ", "The ")):
            name = f"the {name}"
    building = place.kind is MentionKind.ORGANISATION or place.name.split()[-1] in lexicon.BUILDING_WORDS
    country = place.name in lexicon.PLACES
    said = lead.group(1).lower() if lead else ""
    preposition = said if said in ("at", "in") else "in" if country or not building else "at"
    return name, preposition


def _the_topic_is_where(topic: _Topic | None, mentions: list[Mention]) -> bool:
    """Whether a "there" after a sentence with these mentions is the document's topic: a town, a site or a building (a
    place by its name's kind or words, or by the nouns the document calls it), no event, when the sentence names no
    other place, building or body the "there" could be."""
    if topic is None or not _a_thing_no_event(topic) or topic.ship or topic.common:
        return False
    words = topic.name.split()
    somewhere = (
        topic.kind is MentionKind.PLACE or words[-1] in lexicon.BUILDING_WORDS | lexicon.STRUCTURE_WORDS
        or bool(topic.kind_nouns & (lexicon.SINGLE_BUILDING_NOUNS | lexicon.SETTLEMENT_NOUNS))
    )
    # a name of unknown kind may be a place too ("Its harbour faced Dunmore"), unless it is shaped like a person's
    return somewhere and not any(
        m.kind in (MentionKind.PLACE, MentionKind.ORGANISATION) or m.kind is MentionKind.NAME and not looks_like_a_persons_name(m.name)
        for m in mentions
        if not _is_topic(m, topic)
    )


def _a_name_given(text: str, mention: Mention) -> bool:
    """Whether the sentence gives the mention as a name, not a person who acts: "She was born Ada Ann Marks", "His
    family's real surname was Charles" (no Charles of the document, and no one a "he" after it could be)."""
    return bool(_NAME_GIVEN_BEFORE.search(text, 0, mention.start))


# Round 102, part C. A sentence opening with a settlement noun and "of", whose place is what the sentence is about.
_OPENING_SETTLEMENT_NOUN = re.compile(rf"The (?:[a-z]+ )?(?:{'|'.join(sorted(lexicon.SETTLEMENT_NOUNS))}) of ")


def _opens_after_its_settlement_noun(text: str, mention: Mention) -> bool:
    """Whether the place is the subject the sentence opens with after its settlement noun: "The village of {Arlow} is the
    smallest in the county. Its church …" is Arlow's."""
    opening = _OPENING_SETTLEMENT_NOUN.match(text)
    return opening is not None and opening.end() == mention.start


def _could_be_it(mention: Mention) -> bool:
    """Whether a named thing could be what an "it" or "its" stands for: not a trivial name ("Earth")
    or a word for a people ("Soviet airspace", "the Finnish firm")."""
    return not (mention.text in lexicon.TRIVIAL_NAMES or _a_people(mention))


def _a_people(mention: Mention) -> bool:
    """Whether the name is a word for a people ("had troubled the French", "Babylonian tablets")."""
    adjective = mention.kind is MentionKind.NAME and " " not in mention.text and _ADJECTIVE.search(mention.text)
    return names_a_people(mention.text) or bool(adjective)


def _the_topic_among_them(person: Mention, gender: Gender, before: _Before, topic: _Topic | None) -> bool:
    """Whether the sentence before, whose one person of that gender is `person` and not its subject, also holds a "they",
    "them" or "their" that may count the document's person of that gender among them: "Their daughter Ann later married
    the poet Karl Lind." in Tom Vane's life leaves a "he" after it Tom Vane as much as Karl Lind."""
    if topic is None or topic.kind is not MentionKind.PERSON or _is_topic(person, topic) or topic.gender is not gender:
        return False
    subject = before.claim.subject if before.claim else None
    if subject is not None and _canonical(subject, topic) == _canonical(person, topic):
        return False
    return _PLURAL_PRONOUN.search(before.text) is not None


def _antecedent(
    pronoun: str, noun: str | None, before: _Before, topic: _Topic | None, book: NameBook, rest: str, governed: frozenset[str] = frozenset()
) -> tuple[Mention, str] | None:
    """The one name a leading reference stands for, and the words that replace it.

    "He"/"She"/"His"/"Her": the one person the sentence before names (or was about) whose gender
    agrees, when the document makes that gender sure; when it names no one who could be meant, the
    document's topic if that is a person of that gender. "It"/"Its": the one work, organisation or
    other named thing the sentence before names (one named twice, "X, or Y", is one; a name a person gives what they
    made, "built a mill and named it X", is one even when read as a place), or the place it was about; after a sentence that opens
    with a person, the one work it names beside organisations, and when it names no thing, the topic
    when that is a thing; after a sentence about the topic (a thing) that names other things only after
    "by" or "under", the topic; when `rest` (the words after the pronoun) says it was declared a
    landmark or a site and the sentence before names no thing, the topic when that is a thing; in the document of an
    instrument (see _acts), after a sentence not about it by name, the instrument when that sentence tells of it ("the
    telescope") and names no other thing, and nothing otherwise (the two compete). "They": the two people or
    things the sentence before opened with ("Marie and Pierre Curie …"). "The two", "The pair", "Both": the two names
    the sentence before opened with, or the two people it names when nothing else in it could be meant. "The film", "The bridge":
    the one name of that kind, or with that word for its first or last (see _is_named_by), in the sentence before or the topic. In a document
    about what befell a ship ("The Sinking of the Titanic"), the ship is the topic a "she" or "her" may be,
    unless the sentence before opens with another named thing. `governed` names the people the sentence itself says
    the pronoun is not (see _governed_by_the_opening)."""
    if pronoun in ("he", "she") and (named_later := _named_later_in_the_sentence(before, rest)):
        before = _without_people(before, named_later)  # "He qualified, beat Long …": he is not Long
    if governed:
        # "For Gross he designed …": he is not Gross; the document's person is taken when no one else is left who could
        # be meant, never another man the sentence before names beside Gross
        found = _antecedent(pronoun, noun, _without_people(before, governed), topic, book, rest)
        return found if found and topic and _is_topic(found[0], topic) else None
    if pronoun in _PRONOUN_GENDER and topic is not None and topic.vessel is not None:
        if (leading := _leading_thing(before)) is not None and not _is_topic(leading, topic.vessel):
            return None  # "The Carpathia reached the scene at 4 am. Her captain …": the story of a wreck names other ships
        topic = topic.vessel
    # "She was born Ada Ann Marks": the name she was born with is no one else
    offered = [m for m in before.mentions if not _a_name_given(before.text, m)]
    if before.claim and before.claim.subject and not before.claim.subject.possessive:  # "His father …" is not about him
        offered.append(before.claim.subject)
    if before.claim is None and _opens_with_pronoun_like(before.text, pronoun):
        # "It became …, a record it held until "Star Wars" … Its gross …": the same unknown "it"; a "she"
        # is the topic when no one else she could be is named in the sentence before or the one before that
        two_back_text, two_back = before.two_back()
        if (
            pronoun in _PRONOUN_GENDER and _only_the_topic_in_the_main_clause(pronoun, before.text, offered, topic, book)
            and _only_the_topic_in_the_main_clause(pronoun, two_back_text, two_back, topic, book)
        ):
            return _topic_mention(topic), _topic_as_written(topic)
        if pronoun == "they" and (group := _people_they_go_on_with(before, topic, book)) is not None:
            return group, group.name  # "They reached Halifax. The worst leg came next. They left …": the same people
        return None
    if (
        pronoun in ("his", "her") and before.claim and before.claim.subject and before.claim.subject.possessive
        and (kin := _OPENS_WITH_KIN.match(before.text)) and kin["possessive"].lower() == pronoun and _OPENS_WITH_KIN.match(pronoun.title() + rest)
    ):
        # "His father, Karl Lind, drank. His mother, Ann, sang …": the same man's relatives, one after another
        subject = before.claim.subject
        return (_topic_mention(topic), _topic_as_written(topic)) if topic and _is_topic(subject, topic) else (subject, subject.text)
    if pronoun in _PRONOUN_GENDER:
        gender = _PRONOUN_GENDER[pronoun]
        if _opens_with_an_unknown_person(gender, before, topic):
            return None  # "Rowan Ashby joined the Kestrel Works in 1903. His first bridge …": his, for all we know
        # "Her brother, Tom, was older; her sister Kim was younger. She …": she is whoever "her" was, not Kim
        # "There he was taught drawing by Tom Vane. He …": not the one who taught him; "After Karl Marek died, Tom Vane
        # carried on. He …": not the man of the opening clause
        offered = [
            m for m in offered
            if not _named_as_a_relative(before.text, m, gender, before.mentions) and not _agent_of_a_pronouns_passive(before.text, m, gender)
            and not _in_the_opening(before.text, m)
        ]
        if ships := _ships_she_may_be(gender, offered, topic):
            # "Her largest ship, the Kestrel Star, sailed to India. She was 300 feet long": the ship, never the woman who
            # built it; refused beside a woman or another ship
            women = [m for m in offered if m.kind is MentionKind.PERSON and not m.possessive and _gender(m, topic, book) in (gender, None)]
            if len(ships) > 1 or women:
                return None
            (ship,) = ships
            return ship, ship.name if ship.name.startswith("the ") else f"the {ship.name}"
        people: dict[str, Mention] = {}
        for m in offered:  # a name the sentence before holds is kept before the claim's subject, whose offsets are the claim's
            # ("As Governor of New South Wales he faced …. He still rose …": the office is no one to write for "He")
            if m.kind is MentionKind.PERSON and _gender(m, topic, book) in (gender, None) and not names_an_office(m.text):
                people.setdefault(_canonical(m, topic), m)
        if people and _pronoun_written_as_the_topic(gender, before, topic):
            # "Later he wrote an essay and told his friend Tom Vane about it. He …": the first "he" was the document's
            # person, whom the sentence before names only in its claim; Tom Vane is not the one man it offers
            people.setdefault(_canonical(_topic_mention(topic), topic), _topic_mention(topic))
        if len(people) > 1 and (subject := _subject_person_goes_on(gender, before, topic, book)) is not None:
            people = {_canonical(subject, topic): subject}
        if len(people) > 1 and _topic_goes_on_in_the_main_clause(gender, before, topic, book):
            return _topic_mention(topic), _topic_as_written(topic)
        if not people and (called := _called_by_a_noun(gender, before, topic, book)) is not None:
            # "Rao Tan fell ill in 1657. The old emperor spent his last years in Red Fort. He died …": the noun says he is a man
            return (_topic_mention(topic), _topic_as_written(topic)) if topic and _is_topic(called, topic) else (called, called.name)
        if not people and pronoun in ("he", "she") and (own := _the_subjects_own(gender, before.text, before.claim and before.claim.subject, before.mentions)) is not None:
            return own, own.name  # "Vinnie had promised to burn her sister's letters, and she did. Then she found …"
        if not people and (gendered := _named_then_gendered(gender, before, topic, book)) is not None:
            return gendered, gendered.name  # "Corvin left Vienna and never saw his daughter again. He died …": Corvin
        if not people and (chained := _chained_person(gender, before, topic, book)) is not None and not names_an_office(chained.text):
            people = {_canonical(chained, topic): chained}
            if not _is_topic(chained, topic) and _only_the_topic_fits(pronoun, offered, topic, book):
                return None  # "the banker Tom Vane … His bank failed. He died …" in Karl Lind's life: either could be meant
        if len(people) == 1:
            (person,) = people.values()
            if _gender(person, topic, book) is not gender and not _the_one_person_offered(pronoun, person, gender, offered, before, topic):
                return None
            if _beside_a_person_called_by_a_noun(before.text, person, gender):
                return None  # "The next evening the king and Tom Vane were found dead. His uncle …": whose uncle?
            if _the_topic_among_them(person, gender, before, topic):
                return None  # "Their daughter married the poet Karl Lind. In 1890 he resigned …" in Tom Vane's life: which man?
            if _owner_of_a_person(before.text, person, gender):
                return None  # "Tom Vane's son wrote for him. His poem …": the son's, or the one he wrote for
            if topic and _is_topic(person, topic):
                return _topic_mention(topic), _topic_as_written(topic)
            if _kin_of_the_person_alike(before.text, person, gender, topic):
                return None  # "Her mother, Ana Reyes, remarried in 1870. She …" in Ada Reyes's life: the mother, or Ada?
            if _SOMEONE_ELSE_AS_AN_OBJECT[gender].match(before.text, person.end):
                if pronoun in ("he", "she") and before.new_paragraph and _object_written_as_the_topic(gender, before, topic):
                    # "Dr. Ray Kell called him "a pioneer". [a new paragraph] In 1962 he was elected …": the life goes on
                    # with the one he called, whom the claim before wrote as the document's person
                    return _topic_mention(topic), _topic_as_written(topic)
                return None  # "The surgeon Karl Lind treated him at Bristol. His toes …": whose toes, his or the patient's?
            if _named_aside_from_a_thing(person, before):
                return None  # "The old house, which Joseph Weiss had built, stood … He was baptised …": who was?
            if _opens_with_an_unknown_name(before, person):
                return None  # "Pemba, for whom it was a third trip to Vell, became …. He died …": Pemba may be the man
            if any(m.name in book.shared and m.kind is MentionKind.NAME and not m.quoted for m in before.mentions):
                # "… which neither Vane nor his lawyer, Hugh Mott, could see. He was found guilty …": Vane, one of a family
                # the document names several of, may be the man
                return None
            if _CUT_AT_AN_INITIAL.search(person.name):
                return None  # "Tom R. "Red" Vane Jr. was born …": the name, cut at its nickname, is no one to write
            return person, person.name
        if (
            _only_the_topic_fits(pronoun, offered, topic, book)
            or _topic_goes_on(pronoun, before, topic, book)
            or _topic_goes_on_with_others_aside(pronoun, before, topic, book)
            or _pronoun_subject_goes_on(pronoun, before, topic, book)
        ):
            return _topic_mention(topic), _topic_as_written(topic)
        return None
    if pronoun in ("its", "they") and before.claim and before.claim.subject and _opens_with_pronoun_like(before.text, pronoun):
        # "They married … In 1898 they …", "Its chief designer … Its giant N1 rocket …": the same ones again
        subject = before.claim.subject
        return subject, re.sub(r"^The ", "the ", subject.text)  # as the sentence before wrote it
    if pronoun == "they":
        crowd = None
        if before.claim:
            start = _OPENING.match(before.claim.text).end()
            crowd = _GROUP_SUBJECT.match(before.claim.text, start) or _family_subject(before.claim.text, start, book)
        if crowd is not None:  # "The crew of Apollo 15 named …": the crew, or no one when something else may be meant
            group = _group_of_people(crowd, before.claim, topic)
        else:
            # "The crew and the engineers …", "Catholics who refused to attend the services …": not the services
            another = _NAMES_A_PEOPLE_GROUP.search(before.text) or _names_a_people(offered)
            counted = None if another else _plural_noun(before.text)
            opening = _opening_plural(before.text, book)
            if opening is not None and _plainly_described(before.text, opening) and (counted is None or counted.name != f"the {opening.group()}"):
                # "Ionisation detectors contain … two metal plates. They respond …": the detectors, as the second
                # sentence of their paragraph (a list item) goes on with its subject; elsewhere either may be meant
                if not (before.opens_its_paragraph and not before.new_paragraph):
                    return None
                words = before.text[: opening.end()]
                name = words[0].lower() + words[1:]
                return Mention(MentionKind.NAME, 0, 0, name, name), name
            plural = counted
            group = _group_subject(before.claim, book) or plural or _people_named(offered, before.text, topic, book)
        # "Anna Lind and Karl Berg reached Halifax. The worst leg came next. They …": the people named before that
        group = group or _people_they_go_on_with(before, topic, book)
        return (group, group.name) if group else None
    if pronoun == "the two":
        pair = _the_two(before, offered, topic)
        return (pair, pair.name) if pair else None
    if pronoun in ("it", "its"):
        if pronoun == "it" and _SAYS_WHAT_IT_IS.match(rest) and _DENIES_OR_ASKS_WHAT_IT_IS.search(before.text):
            return None  # "Rain is not usually the main danger. It is the flood …": the danger, not rain
        if _subject_is_an_unread_it(before.claim.text if before.claim else before.text):
            return None  # "Every day it rises …, so that ships on the Thames … It still drops …": the same unknown
        if _acts_on_an_unread_it(before):
            return None  # "The state had built it in 1838 … By the time it was finished …": that "it" again, not the state
        subject = before.claim.subject if before.claim else None
        if subject is not None and _a_common_word_before_its_noun(before.text, subject, book):
            return None  # "Laser light has three qualities. It is monochromatic": the light, not the laser
        # "…, who had built Sputnik, …", "After the Second World War the observatory …": no subject an "It" goes on with
        offered = [
            m for m in offered
            if not _RELATIVE_CLAUSE.search(before.text, 0, m.start) and not _in_the_opening(before.text, m) and not _locates_the_subject(before.text, offered, m)
            # "Sailors called it the Old Candle. Its …": the "it", again ("… built a mill and named it Vega Mill. It …" is the mill)
            and (not _NAME_GIVEN_TO_IT.search(before.text, 0, m.start) or _named_what_was_made(before.text, m, before.mentions))
            and not _another_name_for(before.text, m, before.mentions)  # "the Hall of Mirrors, or Galerie des Glaces": one room
        ]
        things = {
            _canonical(m, topic): m
            for m in _without_acronyms(offered)
            # "Like most of Hale's engines it had …", "… brakes the Earth's rotation": not Hale, a person called by his
            # surname, and not what owns the thing the sentence is about
            if (m.kind in (MentionKind.WORK, MentionKind.ORGANISATION, MentionKind.NAME) and not m.attributive and not _modifies_a_noun(before.text, m)
                and not m.possessive and m.name not in book.full_names
                and not _qualifies_the_noun_after(before.text, m) and not _a_people(m)
                and not _opens_before_its_noun(before.text, m)
                and not _ERA_AFTER_A_YEAR.search(before.text, 0, m.end)  # "in the Haukadalur valley. It …" is the valley; "the French", "240 BC" are no "it"
                and not (pronoun == "it" and _ALONG_A_ROUTE.search(before.text, 0, m.start)))
            or (m.kind is MentionKind.PLACE and (
                m is subject or _opens_after_its_settlement_noun(before.text, m) or m.name.split()[-1] in lexicon.STRUCTURE_WORDS
                or _named_what_was_made(before.text, m, before.mentions)
            ))
        }
        if _names_only_after_an_unread_it(before, list(things.values()), book):
            return None  # "Nine kings reigned from it, five of the Vega line. Today it is …": that "it" again, not the line
        if (same := _read_it_goes_on(before, list(things.values()), topic)) is not None:
            # "It made its first flight in 1983, and later it carried Tom Vane. By 1986 it had flown …": the same thing
            if topic and _is_topic(same, topic):
                return _topic_mention(topic), _topic_as_written(topic)
            return same, re.sub(r"^The ", "the ", same.text)  # as the sentence before wrote it
        # not after a common thing taken as an object: "The Vega Tower carried a bronze bell. Its maker …" is the bell's;
        # nor an "its" after a body the sentence names as whose a noun is: "The tower was the responsibility of Vega
        # House. Its engineer …" may be the house's
        owner_of_a_noun = pronoun == "its" and any(
            m.kind in (MentionKind.ORGANISATION, MentionKind.NAME) and _modifies_a_noun(before.text, m) and not _is_topic(m, topic) for m in offered
        )
        if topic and subject and _is_topic(subject, topic) and topic.kind is not MentionKind.PERSON and all(
            _AFTER_BY_OR_UNDER.search(before.text, 0, m.start) for m in things.values() if not _is_topic(m, topic)
        ) and not _takes_a_common_thing(before.text, len(before.text)) and not owner_of_a_noun:
            return _topic_mention(topic), _topic_as_written(topic)  # "The dam was designed by engineers of the Bureau … Its …"
        if _acts(topic) and not (subject and _is_topic(subject, topic)):
            # "In 1995 the telescope took a long exposure called the Brandt Deep Field. Its observations …": the
            # observatory's or the image's is a guess; "The telescope could not focus. Its mirror …" is the observatory's
            if any(not _is_topic(m, topic) and _could_be_it(m) for m in things.values()) or not _about_the_instrument(before, topic):
                return None
            return _topic_mention(topic), _topic_as_written(topic)
        if _opens_with_the_topics_noun(before.claim.text if before.claim else before.text, topic, before.two_back()) and (
            things or not _takes_a_common_thing(before.text, len(before.text)) and not _names_another_thing(before.mentions, topic)
        ):
            # "For its first sixteen years the statue served as a lighthouse under the Coastal Lamp Board. It passed to
            # …": the statue, the subject, not the last name; "By Thursday the fire was out. Its western limit …": the
            # fire's, when nothing else is named or taken as an object ("The tower carried a bell. Its …", "The tower was
            # the charge of the Lamp Board. Its engineer …")
            return _topic_mention(topic), _topic_as_written(topic)
        if _topic_is_the_last_subject(before, [m for m in things.values() if not _is_topic(m, topic)], topic):
            # "The plinth was finished in May, and the statue was raised on it. It was unveiled …": the statue, which
            # the last clause is about; "The Vega Railway renumbered its fleet after the war, and the engine became No. 9
            # in 1946. In 1947 it …": the engine, the nearest subject, which a railway is not
            return _topic_mention(topic), _topic_as_written(topic)
        # "The result was The Kellby Letters. It argued …": the book, which is the result
        equated = _thing_the_subject_is(before.text, list(things.values()))
        if things and (common := _common_subject(before.claim.text if before.claim else before.text)) is not None:
            # "The council sold it to the Lamp Board. It …": which one? (with no name to take, the label may still say
            # what the "It" is: see _carried_by_the_label)
            # a name the subject's noun stands for ("The bridge … the Tay Bridge"), or the one the subject is said to be
            things = {name: m for name, m in things.items() if _is_named_by(m.name, common) or m is equated}
            if len(things) != 1:
                return None
        if pronoun == "its" and _unnamed_thing(before):
            return None  # "Luna 1 rode on a Vostok rocket. Its second stage …": whose stage is not ours to guess
        if len(things) != 1 and topic and subject and _is_topic(subject, topic) and topic.kind is not MentionKind.PERSON:
            return _topic_mention(topic), _topic_as_written(topic)  # "In 2013 Nokia bought … In 2016 it completed …": the same subject
        # "The NER renumbered its fleet, and the engine became No. 103. In 1947 it …": the NER or the engine?
        another_subject = _another_subject_later(before)
        leading = _leading_thing(before)
        common = _COMMON_SUBJECT_OF_THE_MAIN_CLAUSE.match(before.text)
        if (
            things and common and not _NAMING_VERB.match(before.text, common.end("subject")) and equated is None
            and not any(common.start("subject") <= m.start < common.end("subject") for m in things.values())
        ):
            # "In 1349 the disease crossed to Bergen in Norway. It reached Moscow …": the disease, not Bergen ("The image
            # became known as Photograph 51. It …" is the image, and so the name)
            return None
        if leading is not None and not _is_topic(leading, topic) and any(_is_topic(m, topic) and m.start > leading.end for m in before.mentions):
            return None  # "The council listed the Vega Tower in 1983. It draws …": the tower, as likely as the council
        if len(things) != 1 and leading is not None and _listed_with_another(before, leading):
            return None  # "The king, Varnia and Kellby agreed on a congress. It would meet …": not Varnia, one of three
        if len(things) != 1 and leading is not None and not another_subject:  # "The Vega IV was built by Acme Corporation. It stood …"
            if any(_VERB_BEFORE_ITS_OBJECT.fullmatch(before.text, leading.end, m.start) for m in things.values()):
                return None  # "The Civil War hit Kestrel Hall hard. In 1645 it was seized …": the war or the hall?
            return leading, _with_article(leading.name, before.text, leading)
        about_a_person = subject is not None and subject.kind is MentionKind.PERSON and not subject.possessive
        works = [m for m in things.values() if m.kind is MentionKind.WORK]
        if len(things) > 1 and len(works) == 1 and about_a_person:
            things = {works[0].name: works[0]}  # "Ada Brand persuaded Acme Films to pay for "Nightfall". It won …": the film
        if (
            not things and about_a_person and _only_the_topic_fits(pronoun, offered, topic, book) and not _unnamed_thing(before)
            and not _takes_a_new_thing(before.text)
        ):
            # "Ada Brand drew the plans. It was declared a landmark …"; not "Tom Vane appointed a commission. It was
            # chaired by …", the commission's
            return _topic_mention(topic), _topic_as_written(topic)
        if not things and topic and topic.kind is not MentionKind.PERSON and _LISTED_AS_HERITAGE.match(rest):
            return _topic_mention(topic), _topic_as_written(topic)  # "… died in London in 1901. It was declared a World Heritage Site …"
        if len(things) != 1 or another_subject:
            return None
        if about_a_person and _HOW_LONG_IT_LASTED.match(rest):
            return None  # "In 1728 he went up to Pembroke College. It lasted barely thirteen months.": his stay, not the college
        (thing,) = things.values()
        if thing is not leading and not _LEAD_TO_A_NAMED_SUBJECT.fullmatch(before.text, 0, thing.start) and any(
            verb.start() > thing.end and "," not in before.text[thing.end : verb.start()]
            and not _COPULA.fullmatch(verb.group(1)) and verb.group(1) != "as"
            for verb in _SINGULAR_OBJECT.finditer(before.text)
        ):
            return None  # "Ships leaving Caffa carried the disease into Italy. It reached …": the disease, not Caffa, which is no subject
        if (relative := _RELATIVE_CLAUSE_AFTER.match(before.text, thing.end)) and _takes_a_common_thing(before.text[relative.end() :], len(before.text)):
            return None  # "… she published Lentes in 1702, which described a new lens. It is now called …": the lens?
        if thing is leading and any(not _COPULA.fullmatch(verb.group(1)) for verb in _SINGULAR_OBJECT.finditer(before.text, thing.end)):
            # "Warner Bros. released the film in 1995. It cost $60 million": the film, not the company ("The Culebra Cut
            # was the heart of the work. It ran …" says what the cut was: no other thing)
            return None
        if not _is_topic(thing, topic) and _HAS_A_THING_MADE.match(before.text, thing.end):
            return None  # "In 1802 the Harbour Trust engaged Tom Vane to build a new pier, … It opened in 1805": the pier
        if not _is_topic(thing, topic) and _ACTS_ON_AN_IT.match(before.text, thing.end):
            return None  # "In 1977 the Kell Company bought it from the state. Its columns …": the company's, or the thing bought?
        if topic and _is_topic(thing, topic) and not (thing.quoted and thing.name == topic.name):
            # "Driving a Model T was … It had …": the topic as every card writes it (a film's quoted title stays quoted)
            return _topic_mention(topic), _topic_as_written(topic)
        name = f"\"{thing.name}\"" if thing.quoted else thing.name
        return thing, _with_article(name, before.text, thing)
    assert noun is not None
    kind = lexicon.REFERRING_NOUNS.get(noun.lower())
    candidates = {_canonical(m, topic): m for m in offered if m.kind.value == kind and not m.attributive}
    if not candidates:
        candidates = {_canonical(m, topic): m for m in _names_with(noun, before, topic, book)}
    if not candidates and topic and topic.place and kind == "place" and not any(
        m.kind in (MentionKind.PLACE, MentionKind.NAME) and m.name != topic.place for m in offered
    ):
        return Mention(MentionKind.PLACE, 0, 0, topic.place, topic.place), topic.place  # "The city" of the 1906 San Francisco Earthquake
    if not candidates and topic and (kind == topic.kind.value or _stands_for_the_topic(noun, before, topic, book)):
        written = f"the {topic.name}" if _contains_word(before.text, f"the {topic.name}") else _topic_as_written(topic)
        return _topic_mention(topic), written  # "The project cost …" -> "The Avon Bridge cost …", as the sentence before writes it
    if len(candidates) != 1:
        return None
    (thing,) = candidates.values()
    if topic and thing.name == topic.name and not thing.end:  # "The flood began …" -> "The Great Flood of Paris began …"
        return thing, _topic_as_written(topic)
    name = f"\"{thing.name}\"" if thing.quoted else thing.name
    return thing, _with_article(name, before.text, thing)


def _common_subject(text: str) -> str | None:
    """The noun of the common subject a sentence (or the claim made of it) opens with, perhaps after an opening phrase
    with or without its comma: "The statue reopened …", "For its first sixteen years the statue served …" -> "statue";
    None for a subject that is a name or a pronoun ("The Coastal Lamp Board ran it.", "It served …", "The film" the claim
    wrote "Rashomon"), or that the sentence names ("The image became known as Photograph 51.")."""
    connective = _CONNECTIVE.match(text)
    start = _OPENING.match(text, connective.end() if connective else 0).end()
    subject = (
        _COMMON_SUBJECT.match(text, start) or _SUBJECT_AFTER_AN_OPENING.match(text, start) or _COMMON_SUBJECT_OF_A_NAME.match(text, start)
        or _COMMON_SUBJECT_WITH_AN_INFINITIVE.match(text, start)
    )
    if subject is None or _NAMING_VERB.match(text, subject.end("noun")):
        return None
    return subject.group("noun").lower()


def _thing_the_subject_is(text: str, things: list[Mention]) -> Mention | None:
    """The one of `things` that the common subject of the sentence's main clause is said to be, by an "is" or "was" right
    before its name: "The result was The Kellby Letters, published in 1850." -> the book, "The legal basis was the Vega
    Charter, signed in 1845." -> the charter (an "It" after it goes on with the subject, and so with that thing). None when the copula is not right after the subject, when no thing follows it ("The result was a
    book by Tom Vane, …", "The council sold the Vega Tower to …"), or when the subject names a thing of its own ("The
    owner of the Vega Mill was the Kell Company. It closed …": the mill may have closed). A subject a participle names
    between commas right before its verb is that thing too: "This feature, called Selective Availability, added errors
    …" -> the feature (not "The king called the Vega Council. It met …", whose "called" is the sentence's verb)."""
    named = _SUBJECT_GIVEN_ITS_NAME.match(text, _OPENING.match(text).end())
    if named is not None:
        return next((m for m in things if m.start == named.end() and text.startswith(",", m.end) and _VERB_OF_THE_SUBJECT.match(text, m.end + 1)), None)
    common = _COMMON_SUBJECT_OF_THE_MAIN_CLAUSE.match(text)
    if common is None or any(common.start("subject") <= m.start < common.end("subject") for m in things):
        return None
    copula = _COPULA_BEFORE_ITS_NAME.match(text, common.end())
    return next((m for m in things if copula and m.start == copula.end()), None)


def _about_the_instrument(before: _Before, topic: _Topic) -> bool:
    """Whether the sentence before tells of the instrument the document is about (see _acts): it names it, or calls it
    by a generic name ("the telescope", "the observatory"), and has no other common noun for its subject ("The
    mirror was polished …" may have told of the mirror's)."""
    common = _COMMON_SUBJECT.match(before.text, _OPENING.match(before.text).end())
    if common and not _GENERIC_INSTRUMENT.fullmatch(common.group().strip()):
        return False
    return any(_is_topic(m, topic) for m in before.mentions) or _GENERIC_INSTRUMENT.search(before.text) is not None


def _stands_for_the_topic(noun: str, before: _Before, topic: _Topic | None, book: NameBook) -> bool:
    """Whether a subject "The <noun>" can only be the document's topic: "The project" or "The programme" for the making
    of a named thing the document is about (a building, an aircraft; not "the lung", a common noun), when the sentence
    before names it and no other one ("the Pathfinder project", "the Kestrel project", "the programme Apollo"); "The boy" for the
    person of a biography as a child (see _young_person_is_the_topic)."""
    if topic is not None and noun.lower() in _YOUNG_NOUNS:
        return _young_person_is_the_topic(_YOUNG_NOUNS[noun.lower()], before, topic, book)
    if topic is None or topic.kind is MentionKind.PERSON or topic.common or noun.lower() not in lexicon.UNDERTAKING_NOUNS:
        return False
    subject = before.claim.subject if before.claim else None
    if not any(_is_topic(m, topic) for m in [*before.mentions, *([subject] if subject else [])]):
        # "Tom Vane proposed a memorial on the quay in 1933. The scheme promised jobs …": the plan told of before, which
        # the thing built later need not be
        return False
    nouns = "|".join(lexicon.UNDERTAKING_NOUNS)
    return not any(
        m.kind in NAMED_KINDS
        and not _is_topic(m, topic)
        and (
            re.search(rf"\b(?:{nouns})\s+$", before.text[: m.start], re.IGNORECASE)
            or re.match(rf"\s+(?:{nouns})\b", before.text[m.end :], re.IGNORECASE)
            or any(_has_word(m.name, word) for word in lexicon.UNDERTAKING_NOUNS)
        )
        for m in before.mentions
    )


def _young_person_is_the_topic(gender: Gender, before: _Before, topic: _Topic, book: NameBook) -> bool:
    """Whether a subject "The boy", "The girl", "The young man" or "The young woman" (of `gender`) is the person of a
    biography as a child: the topic is a person of that gender, and the sentence before tells of a child of that gender
    ("Johann … hoped to show off his son as a second Mozart.", "… took the boy to Cologne.") without naming the topic,
    whose son would be someone else, and names no one else of that gender but the one it names before the child (the
    parent; not "Tom Vane took his son and Karl Marks to …")."""
    child = _CALLED_A_CHILD[gender].search(before.text)
    if topic.kind is not MentionKind.PERSON or topic.gender is not gender or child is None:
        return False
    subject = before.claim.subject if before.claim else None
    if any(_is_topic(m, topic) for m in [*before.mentions, *([subject] if subject else [])]):
        return False  # "Karl Keller married Anna Roth, and their son was born in 1801.": his son, not he
    others = [m for m in before.mentions if _may_be(gender, m, topic, book)]
    return len(others) <= 1 and all(m.end <= child.start() for m in others)


def _named_later_in_the_sentence(before: _Before, rest: str) -> frozenset[str]:
    """The people the sentence before names whom the rest of the sentence of a leading "He" or "She" (`rest`, up to its
    first semicolon) names again by their name or surname: a subject pronoun is never a person its own clause goes on to
    name, who would be "himself" or "herself" ("Luz Long advised him to take off early. He qualified, beat Long in the
    final …": he is not Long; round 112, lead)."""
    clause = rest.split(";")[0]
    return frozenset(
        m.name for m in before.mentions
        if m.kind is MentionKind.PERSON
        # a surname alone, not the place a ruler is "of": "William of Normandy" is not "in exile in Normandy"
        and any(_object_of_a_verb(clause, named.start()) for named in re.finditer(rf"\b{re.escape(m.name if ' of ' in m.name else m.name.split()[-1])}\b", clause))
    )


def _object_of_a_verb(text: str, position: int) -> bool:
    """Whether the name at `position` follows, after a space alone, a lower-case word that opens no clause (see
    _is_object: "beat Long", "met Vane"), so is no subject of a clause of its own: not "Before he could brace himself,
    Whitehead punched him", whose "he" may be Whitehead for all the words say."""
    return re.search(r"\b[a-z]+ $", text[:position]) is not None and _is_object(text, position)


def _without_people(before: _Before, names: frozenset[str]) -> _Before:
    """The sentence before as a leading pronoun sees it when the sentence of the pronoun rules out the people `names`,
    also when it calls one by the surname alone ("Gross" for "Emil Gross")."""

    def ruled_out(mention: Mention | None) -> bool:
        return mention is not None and (mention.name in names or mention.name.split()[-1] in names)

    claim = before.claim
    if claim is not None:
        claim = dataclasses.replace(
            claim, mentions=[m for m in claim.mentions if not ruled_out(m)], subject=None if ruled_out(claim.subject) else claim.subject
        )
    return dataclasses.replace(before, mentions=[m for m in before.mentions if not ruled_out(m)], claim=claim)


def _the_one_person_offered(pronoun: str, person: Mention, gender: Gender, offered: list[Mention], before: _Before, topic: _Topic | None) -> bool:
    """Whether a leading "He" or "She" stands for the one person the sentence before names although the document does
    not make that person's gender sure, in a document that is no person's life: "The dig was paid for by Osric Harlow.
    Harlow did not live to see the king. He died in Cairo …" (the writer's "he" must be someone, and no one else is
    offered). Only a person who acts there, the subject of a verb ("Harlow did not live …", "… when Lorenzo Lind of Leeds
    patented a hive"), not one named in passing ("The idea was pressed by Eugene Moss, the conductor."), and not one whose
    first name the lexicon knows is given to men and women alike ("Kelly Osei opened a shop in Leeds. She …", as round
    38 drew the line). Not beside anyone else (a name shaped like a person's counts), nor when the sentence before names
    someone of the other gender by a word ("his widow", "Lady Ann", "she"), nor in a person's life, whose person competes."""
    if pronoun not in ("he", "she") or person.kind is not MentionKind.PERSON or (topic is not None and _is_personal(topic)):
        return False  # "His two bronze figures …": a possessive says less of whom it stands for than a subject
    if person.name.split()[0] in lexicon.FIRST_NAMES:
        return False
    if not any(
        m.name == person.name
        and (_VERB_OF_THE_SUBJECT.match(before.text, _after_a_home_place(m, before)) or _owns_what_acts(before.text, m) or _agent_of_a_things_passive(before.text, m))
        for m in before.mentions
    ):
        return False
    others = [
        m for m in offered
        if m.name != person.name and may_name_a_person(m)
    ]
    if gender is Gender.MALE:
        other_words, other_titles = lexicon.FEMALE_NOUNS | lexicon.FEMALE_PRONOUNS, lexicon.FEMALE_TITLES
    else:
        other_words, other_titles = lexicon.MALE_NOUNS | lexicon.MALE_PRONOUNS, lexicon.MALE_TITLES
    words = _WORD.findall(before.text)
    return not others and not other_words.intersection(word.lower() for word in words) and not other_titles.intersection(words)


def _agent_of_a_things_passive(text: str, person: Mention) -> bool:
    """Whether the person is the one who made the thing the sentence opens with, named after "by" in its passive ("The
    first loom was built by Karl Lind, a weaver."): he acts as a subject would. Not when the passive's subject is a
    person ("The boy was taught by …"), who competes."""
    passive = _AGENT_OF_A_PASSIVE.search(text, 0, person.start)
    return passive is not None and not (
        lexicon.PERSON_WORDS | lexicon.MALE_PRONOUNS | lexicon.FEMALE_PRONOUNS
    ).intersection(word.lower() for word in _WORD.findall(passive["subject"]))


def _owns_what_acts(text: str, person: Mention) -> bool:
    """Whether the person owns the subject of a verb, a thing rather than a person: "Nasser's answer came a week later."
    (not "Nasser's brother came …", who would be the one to act next)."""
    owned = _OWNED_NOUN.match(text, person.end) if person.possessive else None
    return owned is not None and owned["noun"] not in lexicon.PERSON_WORDS | lexicon.KIN_NOUNS and bool(_VERB_OF_THE_SUBJECT.match(text, owned.end()))


def _after_a_home_place(person: Mention, before: _Before) -> int:
    """Where the sentence before goes on after the person and the place "of" which the text calls them ("Lorenzo Lind
    of Leeds"), so the person's verb comes next."""
    home = next((m for m in before.mentions if m.kind is MentionKind.PLACE and before.text[person.end : m.start] == " of "), None)
    return home.end if home else person.end


def _subject_gender(text: str) -> Gender | None:
    """The gender of a subject that is a man or a woman by its noun ("The boy gave …", "The mother taught …"; see
    _GENDERED_SUBJECT), after the sentence's opening; None for any other subject."""
    subject = _GENDERED_SUBJECT.match(text, _OPENING.match(text).end())
    if subject is None:
        return None
    return Gender.MALE if subject.group("noun").lower() in lexicon.MALE_NOUNS else Gender.FEMALE


def _called_by_a_noun(gender: Gender, before: _Before, topic: _Topic | None, book: NameBook) -> Mention | None:
    """The person the sentence before calls by a noun of `gender` for its subject ("The old emperor spent his last
    years in Red Fort."): the one person the sentence before that names whom the document makes sure is of that
    gender, or a name of unknown kind shaped like a person's, whose gender the noun then makes sure ("Rao Tan fell
    ill in 1657."). None when that sentence names no one or two who may be meant ("Rao Tan quarrelled with Lin
    Wei."), and for a child's noun ("The boy …"), which _young_person_is_the_topic reads."""
    if _subject_gender(before.text) is not gender or not before.earlier:
        return None
    subject = _GENDERED_SUBJECT.match(before.text, _OPENING.match(before.text).end())
    if subject and subject.group("noun").lower() in (*lexicon.MALE_CHILD_NOUNS, *lexicon.FEMALE_CHILD_NOUNS):
        return None
    fitting = {
        _canonical(m, topic): m
        for m in before.earlier[0]
        # not a person whose gender the document leaves open ("Sophia Auld, the mistress of the house, …")
        if m.kind is MentionKind.PERSON and _gender(m, topic, book) is gender
        or m.kind is MentionKind.NAME and looks_like_a_persons_name(m.name)
    }
    return next(iter(fitting.values())) if len(fitting) == 1 else None


def _beside_a_person_called_by_a_noun(text: str, person: Mention, gender: Gender) -> bool:
    """Whether `text` joins `person` by "and" to someone it calls by a noun that may be of `gender` (see
    _PERSON_NOUN_AND): then a pronoun of that gender after it may mean either. (The person may be the sentence's
    claim's subject, whose offsets are the claim's: the name is found again in `text`.)"""
    other = lexicon.FEMALE_NOUNS if gender is Gender.MALE else lexicon.MALE_NOUNS
    start = text.find(person.text)
    while start >= 0:
        end = start + len(person.text)
        joined = _PERSON_NOUN_AND.search(text, max(0, start - 60), start) or _AND_A_PERSON_NOUN.match(text, end)
        if joined is not None and joined.group("noun").lower() not in other:
            return True
        start = text.find(person.text, end)
    return False


def _owner_of_a_person(text: str, person: Mention, gender: Gender) -> bool:
    """Whether `text` names `person` only as whose someone of `gender` (or of either) is: "Tom Vane's son wrote …" acts
    through the son, whom a pronoun of that gender after the sentence may mean as well."""
    owned = _OWNED_NOUN.match(text, person.end) if text[person.start : person.end] == person.text else None
    other = lexicon.FEMALE_NOUNS if gender is Gender.MALE else lexicon.MALE_NOUNS
    return owned is not None and owned["noun"] in _PEOPLE_NOUNS and owned["noun"] not in other


def _first_name_alone(mention: Mention, gender: Gender) -> bool:
    """Whether a person's name, or a name of unknown kind, is one first name of `gender` alone ("Vincent", "Theo"): a
    person of that gender, whom the document calls by that name only. A person counts too ("Henry, aged ten, was
    sent …"): the words around the name made the person, not a surname the document gives."""
    first_names = lexicon.MALE_FIRST_NAMES if gender is Gender.MALE else lexicon.FEMALE_FIRST_NAMES
    return mention.kind in (MentionKind.NAME, MentionKind.PERSON) and mention.name in first_names


def _chained_person(gender: Gender, before: _Before, topic: _Topic | None, book: NameBook) -> Mention | None:
    """The person a chain of pronouns of `gender` in the sentences before started from: the one person
    of that gender named by the latest of the PRONOUN_CHAIN_SENTENCES sentences before that names
    anyone of that gender (or of unknown gender), when every sentence after it holds a "he" or "his"
    ("she" or "her"): "Karl Lind was appointed chief engineer. His
    plan … He never saw it begun. … while he was surveying the site, a cart crushed his foot. His toes
    were amputated …" is Karl Lind's. None when the chain breaks, or that sentence names two people
    or one whose gender the document does not make sure, or holds a pronoun of that gender before the
    name ("In 1921 she toured the U.S., where the journalist Mary Lowe …": her "she" is someone else)."""
    words = lexicon.MALE_PRONOUNS if gender is Gender.MALE else lexicon.FEMALE_PRONOUNS
    sentences = [(before.text, before.mentions), *zip(before.earlier_texts, before.earlier)]
    for text, mentions in sentences[:PRONOUN_CHAIN_SENTENCES]:
        named = [
            m for m in mentions
            if (m.kind is MentionKind.PERSON and _gender(m, topic, book) in (gender, None) or _first_name_alone(m, gender))
            and not _a_name_given(text, m) and not _in_the_opening(text, m)  # "After Karl Marek died, …": no chain
        ]
        if not named and any(m.name in book.shared and m.kind is MentionKind.NAME and not m.quoted for m in mentions):
            return None  # "Vane was sent to Leeds, where he …" beside Tom and Karl Vane: one of the family, not passed
        if named:
            if words.intersection(word.lower() for word in _WORD.findall(text[: min(m.start for m in named)])):
                return None  # "In 1921 she toured the U.S., where the journalist Mary Lowe …": the chain goes on past her
            (person, *others) = {_canonical(m, topic): m for m in named}.values()
            if others:
                return None
            if _SOMEONE_ELSE_AS_AN_OBJECT[gender].match(text, person.end):
                return None  # "Dr. Ray Kell called him "a pioneer". … He …": the chain is of the one he called, not his
            if _first_name_alone(person, gender):
                # "… after a quarrel, Vincent cut off his ear. He was taken …": Vincent van Gogh, in his own life;
                # in another's, some Vincent the chain cannot pass
                return _topic_mention(topic) if topic and topic.kind is MentionKind.PERSON and topic.name.split()[0] == person.name else None
            return person if _gender(person, topic, book) is gender else None
        if not words.intersection(word.lower() for word in _WORD.findall(text)):
            return None
    return None


# The pronouns of each gender that, after a name in its own sentence, stand for that name: not "him" or "her", which
# after a subject are mostly someone else ("Tom Vane met him", "Ada Lind taught her")
_PRONOUNS_OF_THE_SUBJECT = {Gender.MALE: frozenset({"he", "his", "himself"}), Gender.FEMALE: frozenset({"she", "herself"})}
# A person's name that ends with a middle initial, cut short before a nickname or the rest ("Tom R." of "Tom R. "Red"
# Vane Jr.")
_CUT_AT_AN_INITIAL = re.compile(r" [A-Z]\.$")
# A name shaped like a person's: one to three capitalised words, perhaps after initials ("A. P. Giannini", "Corvin")
_PERSON_SHAPED = re.compile(r"(?:[A-Z]\. )*[A-Z][^\W\d_]+(?:[ -][A-Z]?[^\W\d_]+){0,2}")


def _named_then_gendered(gender: Gender, before: _Before, topic: _Topic | None, book: NameBook) -> Mention | None:
    """The one name of unknown kind in the sentence before that a pronoun of `gender` after it, in that same sentence,
    makes a person of that gender: "Corvin left Vienna in 1820 and never saw his daughter again.", "A banker named A. P.
    Ross had carted the gold from his vault …", "Corvin was a young clerk from Graz, and he rose …" (the pronoun in the
    name's own clause, before its first comma, or a subject joined by "and"). The name must be shaped like a person's, not
    after "the" (no person's name takes it), nor in the opening, and act: a verb of its own right after it (or after
    the comma that closes an apposition, "a lawyer, Cecil Moss, bought …"). None when the sentence names anyone else
    who could be meant (a person not of the other gender, or another such name), holds a pronoun of `gender` before the
    name (that one is someone else), or when the document is the life of a person of `gender`, who competes."""
    if topic is not None and _is_personal(topic) and topic.gender is gender:
        return None
    text = before.text
    if any(m.kind is MentionKind.PERSON and _gender(m, topic, book) in (gender, None) for m in before.mentions):
        return None
    acting = [
        m for m in before.mentions
        if m.kind is MentionKind.NAME and not m.possessive and not _a_people(m) and _PERSON_SHAPED.fullmatch(m.text)
        and not re.search(r"\b(?i:the) $", text[: m.start]) and not _in_the_opening(text, m)
        and (_VERB_OF_THE_SUBJECT.match(text, m.end) or text.startswith(",", m.end) and _VERB_OF_THE_SUBJECT.match(text, m.end + 1))
    ]
    if len(acting) != 1 or any(may_name_a_person(m) and m is not acting[0] for m in before.mentions):
        return None
    (name,) = acting
    all_of_the_gender = lexicon.MALE_PRONOUNS if gender is Gender.MALE else lexicon.FEMALE_PRONOUNS
    if all_of_the_gender.intersection(word.lower() for word in _WORD.findall(text[: name.start])):
        return None
    # the pronoun in the name's own clause (up to its first comma: "…, with many of his photographs" may be anyone's),
    # or the subject of a verb joined to the name's by "and" ("…, and he grew …")
    clause = re.match(r",?[^,;:(]*", text[name.end :]).group()
    pronouns = _PRONOUNS_OF_THE_SUBJECT[gender]
    subject = "he" if gender is Gender.MALE else "she"
    if pronouns.intersection(word.lower() for word in _WORD.findall(clause)) or re.search(rf",? and {subject} ", text[name.end :]):
        return name
    return None


_BUILDING_OR_BODY_WORDS = lexicon.ORGANISATION_WORDS | lexicon.STRUCTURE_WORDS


def _ships_she_may_be(gender: Gender, offered: list[Mention], topic: _Topic | None) -> list[Mention]:
    """The ships (or other craft) a "She" or "Her" may stand for among the names of the sentence before (not a person,
    whom "the Reverend Tom Vane" may make look like one), unless the document's topic is itself a ship, whose own rules
    weigh the other ships its story names."""
    if gender is not Gender.FEMALE or (topic is not None and topic.ship):
        return []
    return list({
        _canonical(m, topic): m
        for m in offered
        # not a building or a body named after a woman: "it opened as the Frida Kahlo Museum. … she was remembered …"
        # (round 106, lead)
        if m.craft and m.kind is not MentionKind.PERSON and not (topic and _is_topic(m, topic)) and m.text.split()[-1] not in _BUILDING_OR_BODY_WORDS
    }.values())


def _only_the_topic_fits(pronoun: str, offered: list[Mention], topic: _Topic | None, book: NameBook) -> bool:
    """Whether the document's topic is the one thing or person of the pronoun's kind that `offered` (the
    names of the sentence before) leaves it: a person of that gender when none of them is a person who
    could be meant ("Ada Vane was a chemist. Her brother Tom Marks ran a shop. She …"), or a thing when
    none of them is a thing an "it" could stand for."""
    if topic is None:
        return False
    if pronoun in _PRONOUN_GENDER:
        gender = _PRONOUN_GENDER[pronoun]
        others = [m for m in offered if not _is_topic(m, topic) and _may_be(gender, m, topic, book)]
        if topic.ship:  # "In 2004 Cunard put the Queen Mary 2 into service. She sails …": another ship's "she"
            others += [m for m in offered if m.craft and not _is_topic(m, topic)]
        return _is_personal(topic) and topic.gender is gender and not others
    if pronoun in ("it", "its"):
        others = [m for m in offered if _another_thing_it_may_be(m, topic)]
        return topic.kind is not MentionKind.PERSON and not others
    return False


def _only_the_topic_in_the_main_clause(pronoun: str, text: str, mentions: list[Mention], topic: _Topic | None, book: NameBook) -> bool:
    """Whether the document's topic is the one the pronoun can be among the names of `text` (see _only_the_topic_fits),
    once the people who stand aside from its main clause in a person's life are left out (see _not_aside): "In May
    1790 he moved to Leeds, where he was looked after by Dr. Tom Vane." leaves Karl Lind's "he" no one else."""
    if topic is not None and topic.kind is MentionKind.PERSON:
        kept = {id(m) for m in _not_aside(text, [m for m in mentions if m.kind is MentionKind.PERSON])}
        mentions = [m for m in mentions if m.kind is not MentionKind.PERSON or id(m) in kept]
    return _only_the_topic_fits(pronoun, mentions, topic, book)


def _may_be(gender: Gender, mention: Mention, topic: _Topic | None, book: NameBook) -> bool:
    """Whether a "he" or "his" ("she", "her") may stand for the mention: a person of that gender or of one the
    document does not say, or a first name alone that the lexicon knows for that gender, which the mention finder
    leaves a name of unknown kind ("His father, Johann, sang …. Johann hoped to show off his son …": Johann's son)."""
    if mention.kind is MentionKind.PERSON:
        return _gender(mention, topic, book) in (gender, None)
    first_names = lexicon.MALE_FIRST_NAMES if gender is Gender.MALE else lexicon.FEMALE_FIRST_NAMES
    return mention.kind is MentionKind.NAME and mention.name in first_names


def _after_a_short_aside(text: str, position: int) -> int:
    """Where the verb of a subject ending at `position` may start, past a short aside between commas (see
    _SHORT_ASIDE_BEFORE_THE_VERB): "…, and Ada Lind, then twenty-five, became queen" gives the place of " became"."""
    aside = _SHORT_ASIDE_BEFORE_THE_VERB.match(text, position)
    return aside.end() if aside else position


def _pronoun_written_as_the_topic(gender: Gender, before: _Before, topic: _Topic | None) -> bool:
    """Whether the claim of the sentence before wrote one of its subject pronouns of `gender` as the document's person,
    who is then among the people that sentence offers though no mention of it names them ("Later he wrote …" -> "Later
    Karl Lind wrote …", whose claim has no subject). An object "him" written so is left to the check for someone else
    as the object (see _SOMEONE_ELSE_AS_AN_OBJECT)."""
    subject_pronoun = _REPEATED_SUBJECT["he" if gender is Gender.MALE else "she"]
    return _object_written_as_the_topic(gender, before, topic) and bool(subject_pronoun.search(before.text))


def _object_written_as_the_topic(gender: Gender, before: _Before, topic: _Topic | None) -> bool:
    """Whether the claim of the sentence before wrote one of its pronouns of `gender` as the document's person, whom the
    sentence itself does not name ("Dr. Ray Kell called him …" -> "Dr. Ray Kell called Walter Penn …")."""
    if before.claim is None or topic is None or not _is_personal(topic) or topic.gender is not gender:
        return False
    written = _topic_as_written(topic)
    return _contains_word(before.claim.text, written) and not _contains_word(before.text, written)


def _topic_goes_on(pronoun: str, before: _Before, topic: _Topic | None, book: NameBook) -> bool:
    """Whether the sentence before has the document's person, of the pronoun's gender, for its subject
    and names anyone else who could be meant only after "by" or "under" ("Karl Lind worked under the
    director Tom Vane … His first bridge …", "…, handed to him by Tom Vane and Carl Berg. He …"): the
    subject goes on. A person who is the object of its verb or comes after "with" or "for" ("He hired
    Tom Vane. His …", "He worked for Tom Vane. His firm …") could be meant as well."""
    subject = before.claim.subject if before.claim else None
    gender = _PRONOUN_GENDER[pronoun]
    if topic is None or subject is None or subject.possessive or not _is_topic(subject, topic):
        return False
    if not _is_personal(topic) or topic.gender is not gender:
        return False
    others = [m for m in before.mentions if m.kind is MentionKind.PERSON and not _is_topic(m, topic) and _gender(m, topic, book) in (gender, None)]
    return all(_AFTER_BY_OR_UNDER.search(before.text, 0, m.start) for m in others)


def _topic_goes_on_with_others_aside(pronoun: str, before: _Before, topic: _Topic | None, book: NameBook) -> bool:
    """Whether the sentence before has the document's person, of the pronoun's gender, for its subject, alone or with
    one partner joined by "and" ("In 1764 Karl Lind and the painter Tom Vane founded the Club, …"), and names everyone
    else who could be meant only aside from its main clause (see _not_aside): "… founded the Club, whose members
    came to include Ada Brand, Tom Marks and Paul Berg. His …". The life goes on. Not when another man is the object or
    the subject of a clause of his own ("Karl Lind met Tom Vane, and Vane offered him a post. He …")."""
    gender = _PRONOUN_GENDER[pronoun]
    if topic is None or not _is_personal(topic) or topic.gender is not gender:
        return False
    subject = before.claim.subject if before.claim else None
    partner = None
    if subject is None:
        partner = _partner_of_the_topic(before, topic)
        if partner is None:
            return False
    elif subject.possessive or not _is_topic(subject, topic):
        return False
    others = [
        m for m in before.mentions
        if m.kind is MentionKind.PERSON and m is not partner and not _is_topic(m, topic) and _gender(m, topic, book) in (gender, None)
    ]
    return not _not_aside(before.text, others)


def _partner_of_the_topic(before: _Before, topic: _Topic) -> Mention | None:
    """The one person the sentence before joins by "and" to the document's person as the subject of its first clause:
    "In 1764 Karl Lind and the painter Tom Vane founded …" -> Tom Vane; None for any other subject."""
    named = next((m for m in before.mentions if m.kind not in (MentionKind.DATE, MentionKind.YEAR)), None)
    if named is None or not _is_topic(named, topic) or named.possessive or not _TIME_BEFORE_THE_SUBJECT.fullmatch(before.text, 0, named.start):
        return None
    joiner = _PARTNER_JOINER.match(before.text, named.end)
    if joiner is None:
        return None
    partner = next((m for m in before.mentions if m.start == joiner.end()), None)
    if partner is None or partner.kind is not MentionKind.PERSON or not _VERB_OF_THE_SUBJECT.match(before.text, partner.end):
        return None
    return partner


def _not_aside(text: str, people: list[Mention]) -> list[Mention]:
    """The ones of `people`, named in `text`, who do not stand aside from its main clause with no verb of their own:
    after "of", "by" or "under", in a relative clause (see _ASIDE_FROM_THE_MAIN_CLAUSE), or in a list after someone
    who does ("…, whose members came to include Ada Brand, Tom Marks and Paul Berg"). Not after "with", whose companion
    may be meant as well ("He worked for years with the engineer Tom Vane. His first bridge …")."""
    left: list[Mention] = []
    last_aside: Mention | None = None
    for person in sorted(people, key=lambda m: m.start):
        aside = (
            _ASIDE_FROM_THE_MAIN_CLAUSE.search(text, 0, person.start)
            or (last_aside is not None and _LIST_JOINER.fullmatch(text, last_aside.end, person.start))
        )
        if not aside or re.match(rf",? {_VERB_AFTER_SUBJECT}", text[person.end :]):
            left.append(person)
            last_aside = None
        else:
            last_aside = person
    return left


def _pronoun_subject_goes_on(pronoun: str, before: _Before, topic: _Topic | None, book: NameBook) -> bool:
    """Whether a "He" or "She" goes on from a sentence before that opened with a "he" or "she" standing for
    the document's person, and names anyone else who could be meant only where no clause has its subject:
    after a verb or a preposition, in apposition, never before a verb of their own ("At Sherborne he formed a
    friendship with Christopher Morcom, a gifted older pupil. He went up to King's College …" is Alan
    Turing's life). Not after a sentence that named the person ("Turing met Gordon Welchman. He …": the
    nearer man could be meant) or opened with "his" ("His brother John joined … He served …")."""
    subject = before.claim.subject if before.claim else None
    if pronoun not in ("he", "she") or topic is None or subject is None or subject.possessive or not _is_topic(subject, topic):
        return False
    if not _is_personal(topic) or topic.gender is not _PRONOUN_GENDER[pronoun]:
        return False
    if not before.claim.inserted or not _opens_with_pronoun_like(before.text, pronoun):
        return False
    others = [m for m in before.mentions if m.kind is MentionKind.PERSON and not _is_topic(m, topic) and _gender(m, topic, book) in (topic.gender, None)]
    return all(_is_object(before.text, m.start) and not re.match(rf",? {_VERB_AFTER_SUBJECT}", before.text[m.end :]) for m in others)


def _subject_person_goes_on(gender: Gender, before: _Before, topic: _Topic | None, book: NameBook) -> Mention | None:
    """The person of `gender` the sentence before has for its subject, when everyone else of that gender (or of
    unknown gender) it names stands aside from its main clause, with no verb of their own (see
    _ASIDE_FROM_THE_MAIN_CLAUSE): "Karl Keller was a composer whose music carried the style of Haydn and Mozart
    into a new age. He was baptised …" is Keller. A leading "He" goes on with the subject; an object of the
    main verb, or a man after "with" or "for", could be meant as well ("Turing met Christopher Morcom. He …").
    None after two subjects joined ("Haydn and Mozart …"), a possessive subject ("Ranieri's side"), a person
    whose gender the document does not make sure, or a paragraph break, unless the subject is the topic. After an
    opening clause, the document's person as the main clause's subject goes on, and the people of that clause stand
    aside (see _topic_after_an_opening_clause)."""
    subject = before.claim.subject if before.claim else None
    text = before.claim.text if before.claim else before.text
    opening_clause = 0  # where an opening clause ends, whose people stand aside from the main clause
    if subject is None and (main := _topic_after_an_opening_clause(before, topic)) is not None:
        subject, opening_clause = main
        text = before.text
    if subject is None or subject.kind is not MentionKind.PERSON or subject.possessive or _gender(subject, topic, book) is not gender:
        return None
    if _JOINED_TO_THE_SUBJECT.match(text, subject.end) or (before.new_paragraph and not _is_topic(subject, topic)):
        return None
    others = [
        m for m in before.mentions
        if m.kind is MentionKind.PERSON and _canonical(m, topic) != _canonical(subject, topic) and _gender(m, topic, book) in (gender, None)
    ]
    if all(
        m.end <= opening_clause
        or _ASIDE_FROM_THE_MAIN_CLAUSE.search(before.text, 0, m.start) and not re.match(rf",? {_VERB_AFTER_SUBJECT}", before.text[m.end :])
        # "Karl Lind wrote for Tom Vane's magazine. He …": a man named only as whose a thing is, beside the document's
        # person as the subject, is no one the life goes on with
        or m.possessive and _is_topic(subject, topic)
        for m in others
    ):
        return subject
    return None


def _topic_goes_on_in_the_main_clause(gender: Gender, before: _Before, topic: _Topic | None, book: NameBook) -> bool:
    """Whether the sentence before, naming the document's person of `gender` beside others who could be meant, leaves
    that person alone in the place a leading "He" or "She" goes on from: the subject of its last main clauses (named,
    then perhaps a pronoun of that gender, perhaps with a short aside before its verb: "…, and Tom Brand, then twenty,
    was …"), with everyone else in an earlier clause ("Prince Albert opened it in May, but Tom Brand was too ill to
    attend; he saw it only later."); or the one such person in the main clause of a
    sentence whose subject is a thing, the others inside a relative clause on it ("A photograph that Karl Lind took in
    1857 shows Tom Brand in a tall hat."). Not when another person comes after the topic's clause opens ("…, but Tom
    Brand met Karl Lind; he …"), nor when the last subject is anyone else ("Tom Brand designed it, but Prince Albert
    opened it.")."""
    if topic is None or not _is_personal(topic) or topic.gender is not gender:
        return False
    text = before.text
    others = [m for m in before.mentions if m.kind is MentionKind.PERSON and not _is_topic(m, topic) and _gender(m, topic, book) in (gender, None)]
    named = [m for m in before.mentions if _is_topic(m, topic) and not m.possessive]
    pronoun = _REPEATED_SUBJECT["he" if gender is Gender.MALE else "she"]
    for boundary in _LATER_MAIN_CLAUSE.finditer(text):
        start = _OPENING.match(text, boundary.end()).end()
        subject = next((m for m in named if m.start == start), None)
        if subject is None or not _VERB_OF_THE_SUBJECT.match(text, _after_a_short_aside(text, subject.end)) or any(m.end > start for m in others):
            continue
        later = [b.end() for b in _LATER_MAIN_CLAUSE.finditer(text, subject.end)]
        if all(pronoun.match(text, _OPENING.match(text, end).end()) for end in later):
            return True
    subject = before.claim.subject if before.claim else None
    if subject is not None and subject.kind in (MentionKind.PERSON, MentionKind.NAME) or _subject_gender(text) is not None:
        return False
    opening = _OPENING.match(text).end()

    def aside(m: Mention) -> bool:
        return bool(_ASIDE_FROM_THE_MAIN_CLAUSE.search(text, 0, m.start) or _IN_THE_SUBJECTS_RELATIVE_CLAUSE.fullmatch(text, opening, m.start))

    return len(named) == 1 and not aside(named[0]) and all(aside(m) for m in others)


def _topic_after_an_opening_clause(before: _Before, topic: _Topic | None) -> tuple[Mention, int] | None:
    """The document's person as the subject of the sentence before's main clause after an opening clause, and where
    that clause ends: "After Karl Marek resigned, the 31-year-old Vell was appointed in his place." (Vell goes on in
    the "He" after it, not Marek, who only dates the appointment). None for any other subject ("After Vell left, Karl
    Marek was appointed.")."""
    main = _BEFORE_THE_MAIN_SUBJECT.match(before.text)
    if topic is None or main is None:
        return None
    subject = next((m for m in before.mentions if m.start == main.end()), None)
    if subject is None or not _is_topic(subject, topic) or not _VERB_OF_THE_SUBJECT.match(before.text, subject.end):
        return None
    return subject, main.end()


def _opens_with_an_unknown_person(gender: Gender, before: _Before, topic: _Topic | None) -> bool:
    """Whether the sentence before has for its subject a name of unknown kind shaped like a person's, whose first name
    the lexicon does not know for the other gender ("Rowan Ashby joined the Kestrel Works in 1903.", "Anton Keller met
    Joseph Haydn in Vienna."): a leading "He" or "His" may be that person, and the document's person or another man
    named would be a guess. Not a name that is the document's topic, one after "the", which no person's name takes
    ("The Biophysics Unit was led by …"), nor one with no person's shape ("Apollo 11 carried Neil Armstrong …"), nor one
    the sentence gives the other gender by someone of theirs ("Malcolm III and his queen, …": a man; see _PARTNER_OF_A_GENDER)."""
    subject = before.claim.subject if before.claim else None
    if subject is None or subject.kind is not MentionKind.NAME or subject.possessive or _is_topic(subject, topic):
        return False
    if re.search(r"\b(?i:the) $", before.claim.text[: subject.start]) or subject.text.lower().startswith("the "):
        return False
    other_first_names = lexicon.FEMALE_FIRST_NAMES if gender is Gender.MALE else lexicon.MALE_FIRST_NAMES
    partner = _PARTNER_OF_A_GENDER.match(before.claim.text, subject.end)
    if partner is not None and not _POSSESSIVE_OF[gender].fullmatch(partner["possessive"]):
        return False  # "Malcolm III and his queen, Margaret, lived there …. Her son …": a man with a queen is no "Her"
    return looks_like_a_persons_name(subject.name) and subject.name.split()[0] not in other_first_names


def _opens_with_an_unknown_name(before: _Before, person: Mention) -> bool:
    """Whether the sentence before has for its subject a name of unknown kind other than `person`, set before an aside
    that may hold `person`, the subject then perhaps the one a "he" or "she" after it stands for: "Pemba, for whom it was
    a third trip to Vell, became director …" (Vell a person elsewhere in the document, Pemba unknown to the mention
    finder); not "Apollo 11 carried Neil Armstrong …"."""
    opening = _OPENING.match(before.text).end()
    first = next((m for m in before.mentions if m.start >= opening), None)
    return (
        first is not None and first.start == opening and first.kind is MentionKind.NAME and first.name != person.name
        and not _a_people(first) and before.text.startswith(",", first.end)
    )


def _named_aside_from_a_thing(person: Mention, before: _Before) -> bool:
    """Whether the one person the sentence before names stands aside from its main clause (see
    _ASIDE_FROM_THE_MAIN_CLAUSE) while its subject is no person: "The old house, which Joseph Weiss had built, stood
    by the river.", "Anton Keller was a composer whose music carried the style of Joseph Haydn …" (a name of unknown
    kind). A leading "He" after it is more often someone the text told of before (the document's person) than the
    man named in passing. Not the agent of a passive ("The house was built by Joseph Weiss.") or the maker the main
    clause names ("The house was the work of Joseph Weiss.", "The worst loss was that of Joseph Weiss."), nor a man in the
    main clause ("Apollo 11 carried Neil Armstrong …"), nor after a subject that is a person ("Ada Lind ran the
    office, which sent the geologist Tom Moss north."). A man named after ", with" stands aside too ("Out of it came a
    library and, with Dr. Tom Moss, a hospital.")."""
    aside = _ASIDE_FROM_THE_MAIN_CLAUSE.search(before.text, 0, person.start) or _WITH_IN_PASSING.search(before.text, 0, person.start)
    if not aside or _AFTER_BY_OR_UNDER.search(before.text, 0, person.start) or _MAKER_OF_THE_SUBJECT.search(before.text, 0, person.start):
        return False
    subject = before.claim.subject if before.claim else None
    if subject is not None and subject.kind is MentionKind.PERSON and not subject.possessive:
        return False
    return _subject_gender(before.claim.text if before.claim else before.text) is None


def _another_subject_later(before: _Before) -> bool:
    """Whether the sentence before goes on after ", and" or ";" with a main clause of another subject that an "it"
    could be, a noun or a name: "The NER renumbered its fleet after the war, and the engine became No. 103 in 1946."
    (an "It" after it may be either); not a plural ("…, and the crews competed …"), nor the last item of a list
    ("…, a tender, and a cab.")."""
    text = before.text
    for boundary in _main_clause_boundaries(text):
        start = _OPENING.match(text, boundary.end()).end()
        if opening := _SUBJECT_AFTER_A_CLAUSES_OPENING.match(text, start):
            start = opening.end()  # "…, and in 1987 the arch was designated …": the arch
        # "the arch was designated": the noun right before its verb, not "was" read as the noun after "arch"
        subject = _the_noun_before_its_verb(text, start) or _COMMON_SUBJECT.match(text, start) or _PLAIN_SUBJECT.match(text, start)
        if subject and not PLURAL_NOUN.fullmatch(subject.group().split()[-1]):
            return True
        named = next((m for m in before.mentions if m.start >= start and m.kind in NAMED_KINDS), None)
        if named and _LEAD_TO_A_NAMED_SUBJECT.fullmatch(text, start, named.start) and _VERB_OF_THE_SUBJECT.match(text, named.end):
            return True
    return False


def _leading_thing(before: _Before) -> Mention | None:
    """The named thing (not a person) the sentence before opens with, perhaps after "The" or an
    opening phrase: its subject, which an "It" after it most likely means."""
    if before.claim is None or before.claim.inserted:
        return None
    text = before.claim.text
    start = _THE_BEFORE_A_NAME.match(text, _OPENING.match(text).end()).end()
    lead = next((m for m in before.claim.mentions if m.start == start), None)
    if lead is not None and _in_the_opening(text, lead) and text.startswith(" ", lead.end):
        # "After the Second World War the Royal Greenwich Observatory, …, moved …": the name the opening governs dates the
        # sentence; its subject is the name after it
        start = _THE_BEFORE_A_NAME.match(text, lead.end + 1).end()
        lead = next((m for m in before.claim.mentions if m.start == start), None)
    if lead is None or lead.kind not in NAMED_KINDS or lead.kind is MentionKind.PERSON or lead.possessive or lead.attributive:
        return None
    # "Post Office staff sorted …": the name only says whose staff, who are the subject
    noun_after = _NOUN_AFTER_A_NAME.match(text, lead.end)
    return lead if _could_be_it(lead) and re.match(r" (?!of\b)[a-z]", text[lead.end :]) and not noun_after else None


def _named_what_was_made(text: str, mention: Mention, mentions: list[Mention]) -> bool:
    """Whether the name is the one a person gave a common thing the same clause says they made: "Wedgwood built a new
    factory beside the canal and named it {{Etruria}}" (an "It" after it is Etruria), never a name a clause gives an "it"
    from further back ("Sailors called it the Old Candle": the "it" again) nor what a place or a body made."""
    made = _MADE_AND_NAMED.search(text, 0, mention.start)
    if made is None:
        return False
    maker = text[: made.start()]
    return bool(re.search(r"(?:^|[,;] |\band )(?:he|she) $", maker, re.IGNORECASE)) or any(
        m.kind is MentionKind.PERSON and not m.possessive and text[m.end : made.start()] == " " for m in mentions
    )


def _another_name_for(text: str, mention: Mention, mentions: list[Mention]) -> bool:
    """Whether the name is a second name of the thing named right before it: "the Hall of Mirrors, or {{Galerie des
    Glaces}}" is one room, not two things an "It" could be."""
    return any(
        m.kind in NAMED_KINDS and m.end <= mention.start and _ANOTHER_NAME_FOR.fullmatch(text, m.end, mention.start) for m in mentions
    )


def _unnamed_thing(before: _Before) -> bool:
    """Whether the sentence before offers an "Its" a thing the card could not name: a subject that is
    a common noun ("The probe rode on …") or a name that only says which kind of thing follows it ("…
    on a Vostok rocket"): whose "Its second stage" is meant is then a guess."""
    text = before.text
    if _COMMON_SUBJECT.match(text, _OPENING.match(text).end()):
        return True
    for m in before.mentions:
        noun = re.match(r" ([a-z]{3,})\b(?!['’])", text[m.end :])  # "a Vostok {rocket}"
        if m.kind in NAMED_KINDS and noun and re.search(r"\b(?:a|an|the) $", text[: m.start]):
            # "the Romans ever built": a subject and its verb, not a name before its noun
            if noun.group(1) not in _CANNOT_END and not _A_VERB_AHEAD.match(text, m.end + 1):
                return True
    return False


def _modifies_a_noun(text: str, mention: Mention) -> bool:
    """Whether the name only says whose or which a common noun is ("the government of {{New South
    Wales}}", "two chemists at {{Trinity College}}"): an "It" after it means the noun's thing, or another
    thing of the sentence, not the name."""
    return bool(_NAME_OF_A_NOUN.search(text, 0, mention.start))


def _a_common_word_before_its_noun(text: str, mention: Mention, book: NameBook) -> bool:
    """Whether a name that opens the sentence is a word the document writes in lower case elsewhere, capitalised only
    there, before the noun it qualifies: "Laser light has …" in a document about the laser."""
    return mention.start == 0 and " " not in mention.text and mention.text.lower() in book.common_words and _NOUN_AFTER_A_NAME.match(text, mention.end) is not None


def _qualifies_the_noun_after(text: str, mention: Mention) -> bool:
    """Whether the name only says which thing the common noun after it is ("the {{Apollo 11}} lander", "its first {{Test}}
    match"): an "it" after them means the lander, not Apollo 11, and never the match's kind."""
    return bool(_DETERMINER_BEFORE_A_NAME.search(text, 0, mention.start) and _NOUN_AFTER_A_NAME.match(text, mention.end))


def _opens_before_its_noun(text: str, mention: Mention) -> bool:
    """Whether the name opens the sentence only to say whose or which the common noun after it is: "{{Post Office}} staff
    sorted letters on board as it went" (the "it" is no Post Office, nor is an "It" after it)."""
    owner = mention.possessive or re.search(r"['’]s$", mention.text) is not None  # "The thing's pull …" owns the noun
    return mention.start == 0 and not owner and _NOUN_AFTER_A_NAME.match(text, mention.end) is not None


def _in_the_opening(text: str, mention: Mention) -> bool:
    """Whether the name stands in the sentence's opening phrase, before its subject, so that an "It" after the sentence
    cannot mean it: governed by the opening preposition ("After the Second World War the observatory moved …", "During
    the Great Fire …"), or anywhere before a verb of position whose subject follows it ("On a hill …, looking towards
    the City of London, stands a small house …"), or in an opening clause with a verb of its own ("After Karl Marek died
    in 1857, …"). Not a name after an opening that it follows ("In 1990 the Acme Company built …"), nor before a verb
    that is the sentence's own ("In 1990 the Acme Company, founded in 1900, stood …": a finite verb ends the opening)."""
    if _OPENING_BEFORE_A_NAME.fullmatch(text, 0, mention.start):
        return True
    clause = _OPENING_CLAUSE_AHEAD.match(text)
    if clause is not None and mention.end <= clause.end() and _FINITE_VERB.search(clause.group()):
        return True  # "After Karl Marek died in 1857, Tom Vane carried on alone.": Marek only dates the main clause
    inverted = _INVERTED_OPENING.match(text)
    return inverted is not None and mention.end <= inverted.end("opening") and not _FINITE_VERB.search(inverted.group("opening"))


def _read_it_goes_on(before: _Before, things: list[Mention], topic: _Topic | None) -> Mention | None:
    """The thing a leading "It" or "Its" goes on with when the sentence before opened with an "It" (perhaps after a short
    opening) that a rule wrote out as the document's topic or as the name the sentence before that opens with: "The
    Vega IV was the second ship of its class. It made its first voyage in 1903, and a year later it carried Tom Vane to
    Kellby. By 1910 it had sailed nine times." -> the Vega IV again (as "Its … Its" goes on, see _antecedent; an "It" read
    any other way is no anchor to go on from). `things` are the named things of the sentence before an "it" could be
    (see _antecedent): each must stand after a preposition, with no verb of its own ("to Kellby", "by the Kell
    Company"). None when the sentence before opened with "Its" (whose noun may be meant: "Its bell … It weighed …"), or
    names another thing an "it" could be: a named thing as an object or a subject ("It bought Vega Mill. It …", "…, and
    Vega Mill closed"), a singular common thing taken as an object ("It carried a bronze bell. It weighed …"), or the
    subject of a later main clause ("…, and the engine became No. 9")."""
    claim = before.claim
    if claim is None or not claim.inserted or claim.subject is None or claim.subject.possessive or claim.replaced != "it":
        return None
    two_back_text, two_back = before.two_back()
    opens_at = _THE_BEFORE_A_NAME.match(two_back_text, _OPENING.match(two_back_text).end()).end()
    if not (topic and _is_topic(claim.subject, topic)) and not any(m.start == opens_at and m.name == claim.subject.name for m in two_back):
        return None
    text = before.text
    if any(
        not _PREPOSITION_BEFORE.search(re.sub(r"\bthe $", "", text[: m.start])) or _VERB_OF_THE_SUBJECT.match(text, m.end)
        for m in things
        if m is not claim.subject  # the claim's own subject, offered beside the sentence's names
    ):
        return None
    if _takes_a_common_thing(text, len(text)) or _another_subject_later(before):
        return None
    return claim.subject


def _subject_is_an_unread_it(text: str) -> bool:
    """Whether the sentence's subject is an "it" after a short opening that no rule read ("Every day it rises and, at
    one o'clock, drops, so that ships on the Thames …"): an "It" after it is the same unknown, never a name its clauses
    give."""
    subject = _SUBJECT_IT_AFTER_AN_OPENING.match(text)
    return subject is not None and not _FINITE_VERB.search(subject.group("opening"))


def _names_only_after_an_unread_it(before: _Before, things: list[Mention], book: NameBook) -> bool:
    """Whether the sentence before, as its claim reads, leaves an "it" or "its" unread (see _dangling_pronoun_at) before
    every named thing in it ("Nine kings reigned from it, five of the Vega line and four of the Kell."): an "it" after
    it is that same unknown thing, not a name that came after it."""
    claim = before.claim
    if claim is None or claim.text != before.text or not things:
        return False
    position = _dangling_pronoun_at(claim, book)
    return (
        position is not None and _IT_OR_ITS.match(claim.text, position) is not None
        # "…, and it is still called Rh.", "… and named it Etruria.": the name the "it" is given, which an "It" goes on with
        and all(
            m.start > position and not _A_NAMING_VERB.search(claim.text, position, m.start) and not _NAME_GIVEN_TO_IT.search(claim.text, 0, m.start)
            for m in things
        )
    )


def _leaves_an_object_it_unread(before: _Before, book: NameBook) -> bool:
    """Whether the sentence before ends on a verb and its object "it" ("… for advice on its binding, and the library
    recognised it.") that no rule read: its claim is none, leaves that clause out, or leaves a pronoun unread (see
    _dangling_pronoun_at). An "It" after it is that same unknown thing as likely as anything the sentence names (not
    "… it doesn't take it from the blood passing through its chambers. Instead it is fed …", where the "it" taken is
    no more than a thing the verb takes)."""
    claim = before.claim
    if not _ENDS_ON_AN_OBJECT_IT.search(before.text):
        return False
    if claim is None or before.text.startswith(claim.text.rstrip(".")) and len(claim.text) < len(before.text):
        return True  # the claim left out the clause with the "it"
    return claim.text == before.text and _dangling_pronoun_at(claim, book) is not None


def _listed_with_another(before: _Before, mention: Mention) -> bool:
    """Whether the name is joined to another name right after it by "and" or by a comma ("the king, Varnia and Kellby
    agreed …", "Varnia and the Kell League signed …"): one of several, which an "It" after the sentence stands for no
    more than for the others."""
    return any(_NAME_JOINED_AFTER.fullmatch(before.text, mention.end, m.start) for m in before.mentions if m.start > mention.end)


def _acts_on_an_unread_it(before: _Before) -> bool:
    """Whether the sentence before opens with a name whose verb takes an "it" as its object, which no rule wrote out ("The
    Vega Board had built it in 1838 to feed the canal."): an "it" or "its" after it is far more likely that same unknown
    thing than the name that acted on it (round 111, lead; not "The pedestal was finished, and the statue was put on it",
    whose subject is no name)."""
    text = before.claim.text if before.claim else before.text
    return any(
        text[: m.start] in ("", "The ") and m.kind in NAMED_KINDS and _VERB_OF_AN_UNREAD_IT.match(text, m.end) is not None
        for m in before.mentions
    ) and text == before.text


def _named_as_a_relative(text: str, mention: Mention, gender: Gender, mentions: list[Mention]) -> bool:
    """Whether the person is named as a relative through a possessive of `gender` and only described, not acting ("her
    sister Lavinia, known as Vinnie, was younger", "Her brother, William, was older"), or before the sentence's own
    subject pronoun of `gender` ("while visiting her sister Nora in Boston, she saw …"), or after a preposition, beside
    someone who acts before it ("Tom Vane became king on the death of his brother, Karl."): the "her" is someone else, and
    a "she" after the sentence goes on with that one, not the relative. Not a relative with a verb of their own ("His
    brother John joined the navy", "his father, Karl Reyes, a clerk, despaired of him")."""
    relative = _RELATIVE_BEFORE.search(text, 0, mention.start)
    if relative is None or _PRONOUN_GENDER[relative.group("possessive").lower()] is not gender:
        return False
    # "While visiting her sister Nora in Boston, she saw …": the "she" of the main clause is not her own sister
    own_subject = _REPEATED_SUBJECT["she" if gender is Gender.FEMALE else "he"].search(text, mention.end)
    if own_subject is not None and text.endswith(", ", 0, own_subject.start()):
        return True
    # "His brother John joined the navy. He …": a relative who acts may be the one the story goes on with
    if _DESCRIBED_BY_BE.match(text, mention.end):
        return True
    # "Tom Vane became king on the death of his brother, Karl.": a relative after a preposition, named in passing beside
    # the one who acts, whose "his" it is; not "Karl Lind's estate went to his nephew Tom Vane." (no one acts)
    if not _PREPOSITION_BEFORE_A_RELATIVE.search(text, 0, relative.start()) or _VERB_OF_THE_SUBJECT.match(text, mention.end):
        return False
    subject_pronoun = "she" if gender is Gender.FEMALE else "he"
    return any(
        m.end <= relative.start() and not m.possessive and _VERB_OF_THE_SUBJECT.match(text, m.end) for m in mentions
    ) or re.search(rf"\b(?i:{subject_pronoun})\b", text[: relative.start()]) is not None


def _kin_of_the_person_alike(text: str, mention: Mention, gender: Gender, topic: _Topic | None) -> bool:
    """Whether the person is named as a relative through a possessive of `gender` in the life of a person of that gender
    ("Her mother, Ana Reyes, …" in Ada Reyes's life, whose mother she is): a pronoun of that gender after the sentence
    may be either of the two ("His son, Tom Vane, …" in a lock's history goes on with the son)."""
    relative = _RELATIVE_BEFORE.search(text, 0, mention.start)
    return (
        relative is not None and _PRONOUN_GENDER[relative.group("possessive").lower()] is gender
        and topic is not None and _is_personal(topic) and topic.gender is gender
    )


def _agent_of_a_pronouns_passive(text: str, mention: Mention, gender: Gender) -> bool:
    """Whether the person is named after "by" in a passive whose subject is a pronoun of `gender` ("There he was taught
    drawing by Karl Lind, a stern lecturer."): the one who did it to him, not he, so a "he" after the sentence goes on
    with whoever that "he" was."""
    passive = _AGENT_OF_A_PRONOUNS_PASSIVE.search(text, 0, mention.start)
    return passive is not None and _PRONOUN_GENDER[passive.group("pronoun").lower()] is gender


def _the_subjects_own(gender: Gender, text: str, subject: Mention | None, mentions: list[Mention]) -> Mention | None:
    """The name of unknown kind a sentence has for its subject (`subject`, found in `text`), when a possessive of
    `gender` follows its verb in its clause ("Vinnie had promised to burn her sister's letters, and she did."): the
    possessive is the subject's own, which says the subject is a person of that gender, whom a leading "She" after the
    sentence goes on with. None when a comma or another name comes between (the possessive may be someone else's)."""
    if subject is None or subject.kind is not MentionKind.NAME or subject.possessive or text[subject.start : subject.end] != subject.text:
        return None
    if not _VERB_OF_THE_SUBJECT.match(text, subject.end):
        return None
    clause_end = subject.end + len(_UP_TO_A_COMMA.match(text, subject.end).group())
    if not _POSSESSIVE_OF[gender].search(text, subject.end, clause_end) or any(subject.end < m.start < clause_end and m.kind in NAMED_KINDS for m in mentions):
        return None
    return subject


def _without_acronyms(mentions: list[Mention]) -> list[Mention]:
    """The mentions without the acronyms of others among them: "the Economic Cooperation
    Administration (ECA)" offers one thing to an "Its" after it, not two."""
    return [m for m in mentions if not any(_is_short_form(m.name, other.name) for other in mentions)]


_PRONOUN_CLASSES = ({"he", "his"}, {"she", "her"}, {"it", "its"}, {"they"})


def _opens_with_pronoun_like(text: str, pronoun: str) -> bool:
    connective = _CONNECTIVE.match(text)
    text = text[connective.end() :] if connective else text
    reference = _LEADING_REFERENCE.match(text, _OPENING.match(text).end())
    other = (reference.group("pronoun") or "").lower() if reference else ""
    return any(pronoun in kind and other in kind for kind in _PRONOUN_CLASSES)


def _gender(person: Mention, topic: _Topic | None, book: NameBook) -> Gender | None:
    return topic.gender if topic and _is_topic(person, topic) else book.gender(person.name)


def _topic_mention(topic: _Topic) -> Mention:
    return Mention(topic.kind, 0, 0, topic.name, topic.name, topic.kind is MentionKind.WORK)


def _canonical(mention: Mention, topic: _Topic | None) -> str:
    """A name as a candidate for a reference: the topic under any of its forms is one candidate."""
    return topic.name if _is_topic(mention, topic) and topic else mention.name


def _names_with(noun: str, before: _Before, topic: _Topic | None, book: NameBook) -> list[Mention]:
    """The names before (and the topic) that `noun` can stand for (see _is_named_by, _called_by_its_noun): "the bridge"
    for the "Golden Gate Bridge", "the photograph" for "Photograph 51", "the ship" for the airship Orla; when the
    sentence before names none, those of the latest sentence of the few before it that does ("the peninsula" for the
    "Reykjanes Peninsula" two sentences back). Another craft named beside a thing called "the ship" is one more name
    it may stand for ("The Orla met the Vega IV. The ship …": which one?)."""
    if noun.lower() in lexicon.REFERRING_NOUNS and lexicon.REFERRING_NOUNS[noun.lower()] != "place":
        return []
    found: list[Mention] = []
    for mentions in (before.mentions, *before.earlier):
        # a thing called by its noun may share a person's name ("the airship Orla", named after Mary Orla)
        named = [m for m in mentions if m.kind in NAMED_KINDS]
        # the thing as written, and a thing: not "Mary Orla", whose surname it shares
        called = [m for m in named if _called_by_its_noun(m, noun, book)]
        found = [dataclasses.replace(m, name=m.text, kind=MentionKind.NAME) if m in called else m for m in named
                 if m in called or (m.kind is not MentionKind.PERSON and _is_named_by(m.name, noun))]
        if found:
            written = {m.text for m in called}
            found += [m for m in named if written and m.craft and m.text not in written]
            break
    if topic and topic.kind is not MentionKind.PERSON and any(_is_named_by(alias, noun) for alias in topic.aliases):
        found.append(_topic_mention(topic))
    elif topic and noun.lower() in topic.kind_nouns and not found and (
        # "… stands the Vessaion, the temple that … The temple is built …": the one the sentence before called so
        any(_is_topic(m, topic) and _kind_noun_said_of(before.text, m) == noun.lower() for m in before.mentions)
        or not _names_another_building_or_thing(before.text, before.mentions, topic)
    ):
        found.append(_topic_mention(topic))  # "The temple is built of marble …" for the Parthenon
    return found


def _names_another_building_or_thing(text: str, mentions: list[Mention], topic: _Topic) -> bool:
    """Whether the sentence `text` (with its `mentions`) names a thing other than the topic that a noun the document gives
    the topic ("the temple") could be as well: a name of a thing, or a place that is a building or a structure ("the
    Erechtheion", "Kell Abbey"); not a town or a country ("Athens"), which is no temple, nor a word of a heading ("Kings,
    revolution and an emperor"), which tells of no thing."""
    if not ends_like_a_sentence(text):
        return False
    return any(
        m.kind in NAMED_KINDS and m.kind is not MentionKind.PERSON and not _is_topic(m, topic) and _could_be_it(m)
        and (m.kind is not MentionKind.PLACE or m.name.split()[-1] in lexicon.STRUCTURE_WORDS | lexicon.BUILDING_WORDS)
        for m in mentions
    )


def _called_by_its_noun(mention: Mention, noun: str, book: NameBook) -> bool:
    """Whether "the <noun>" recalls the one named thing the document calls by a noun of lexicon.THING_NOUNS, and no other
    name: "the ship" for "the British airship Orla" (see NameBook.thing_nouns), unless the document also has "the
    liner Vega". The book knows the name as written ("Orla", though a person "Mary Orla" may lend it a full name)."""
    def recalls(nouns: set[str]) -> bool:
        return any(noun.lower() in lexicon.THING_NOUNS[called] for called in nouns)

    return recalls(book.thing_nouns.get(mention.text, set())) and sum(map(recalls, book.thing_nouns.values())) == 1


def _is_named_by(name: str, noun: str) -> bool:
    """Whether "the <noun>" can stand for the name: the noun is its last word ("the bridge" for the "Golden Gate
    Bridge", "the pad" for "Launch Pad 12B"), its first ("the lake" for "Lake Baikal", "the ring" for the "Ring
    Road", "the photograph" for "Photograph 51") or the one before "of" ("the flood" for the "Great Flood of
    Paris"); never a word inside it ("the space shuttle Challenger" is not the "European Space Agency"). "Mount" and
    "Mt." are the word "mountain" ("the mountain" for "Mt. Rushmore")."""
    words = name.lower().split()
    while len(words) > 1 and re.search(r"\d", words[-1]):
        words.pop()
    heads = {words[0], words[-1]} | {word for word, after in zip(words, words[1:]) if after == "of"}
    return noun.lower() in heads | {_MOUNTAIN_WORDS.get(head, head) for head in heads}


def _has_word(name: str, word: str) -> bool:
    return word.lower() in (part.lower() for part in name.split())


def _with_article(name: str, text: str, mention: Mention) -> str:
    """The name as the sentence before wrote it: "the Golden Gate Bridge" keeps its "the", and a name that opens its
    sentence after "A" keeps it ("A Christmas Carol was published …": the entities leave out a capital "A" that opens a
    sentence, but it is the title's). A name from further back takes "the" when it ends in a word such as "Road" or
    "Peninsula" ("the Ring Road"); "this" before a name is written "the" ("This Royal Menagerie …"), and a describing
    word joined by a hyphen is left out ("The red-brick Vega Hall …" -> "the Vega Hall")."""
    if name.startswith("\""):
        return name
    if mention.end and text[mention.start : mention.end] == mention.text:
        if opening := _OPENING_INDEFINITE_ARTICLE.fullmatch(text[: mention.start]):
            return f"{opening.group(1)} {name}"
        # "the red-brick Vega Hall" is "the Vega Hall", without its describing word
        return f"the {name}" if re.search(r"\b(?:the|this)\s+(?:[a-z]+-[a-z]+\s+)?$", text[: mention.start], re.IGNORECASE) else name
    return f"the {name}" if mention.end and _takes_the(name) else name


def _topic_as_written(topic: _Topic) -> str:
    """The topic's name as a sentence writes it: "the Avon Bridge", "Nokia", "the Queen Mary" for the
    RMS Queen Mary (a ship takes "the": "the Cutty Sark"), "the lung" for a common noun."""
    if topic.ship:  # "the Queen Mary" for the RMS Queen Mary, "the Cutty Sark"
        return f"the {_without_generic_word(topic.name) or topic.name}"
    if topic.common:  # "the lung", "the honey bee", "volcanoes": a common noun, never "Lung" inside a sentence
        noun = topic.name.lower()
        return noun if PLURAL_NOUN.fullmatch(noun.split()[-1]) else f"the {noun}"
    return f"the {topic.name}" if topic.article or _takes_the(topic.name) else topic.name


def _takes_the(name: str) -> bool:
    """Whether a name of several words is written with "the": it ends in a word such as "Road",
    "Bridge", "Peninsula" or "Observatory" ("the Ring Road"), not after "Lake" or "Mount", it opens with such a word
    before "of" ("the Statue of Freedom", "the Bank of Elmira", "the Isle of Wight"), or it names an event ("the Great
    Flood of Paris", "the Boston Molasses Flood"). Not a name that opens with its owner's possessive ("Lord's Cricket
    Ground", "Guy's Hospital"), unless that possessive names a place of its own ("the Hudson's Bay Company") or it is a
    plural noun for people, no owner (round 111, lead: "the Women's Social and Political Union", "the Children's Hospital")."""
    words = name.split()
    generic = lexicon.PLACE_WORDS | lexicon.ORGANISATION_WORDS | lexicon.STRUCTURE_WORDS | lexicon.INSTRUMENT_WORDS
    owner = owner_of_a_name(name)
    if owner and owner not in lexicon.PEOPLE_AS_OWNERS and not any(word in lexicon.PLACE_WORDS for word in words[1:-1]):
        return False
    if len(words) > 2 and words[1] == "of" and words[0] in generic | lexicon.STATE_WORDS:
        return True
    return len(words) > 1 and (
        (words[-1] in generic - lexicon.NO_ARTICLE_PLACE_WORDS and words[0] not in lexicon.PLACE_FIRST_WORDS) or _names_an_event(name)
    )


def _names_an_event(name: str) -> bool:
    """Whether the name is an event's: "the Boston Molasses Flood", "the Great Flood of Paris", "the Battle of Midway"."""
    words = name.split()
    return words[-1] in lexicon.EVENT_WORDS or any(word in lexicon.EVENT_WORDS and after == "of" for word, after in zip(words, words[1:]))


def _group_subject(claim: Claim | None, book: NameBook | None = None) -> Mention | None:
    """The two or three names of one kind a sentence opens with, as one: "Watson and Crick built …" ->
    "Watson and Crick", "Shackleton, Worsley and Crean crossed …" -> "Shackleton, Worsley and Crean"; two people
    joined by a word for the second's kin, "Hugo and his younger brother Felix were …" -> "Hugo and Felix", and with
    the `book`, "Hugo and Felix Vane" when the first one's surname is known (a brother or a sister shares it)."""
    if claim is None or claim.inserted or len(claim.mentions) < 2:
        return None
    first = claim.mentions[0]
    if first.start != 0 or first.kind not in NAMED_KINDS or first.possessive:
        return None
    names = [first]
    for mention in claim.mentions[1:3]:
        gap = claim.text[names[-1].end : mention.start]
        # "Hugo and his brother Felix": a brother is a person, whatever the finder made of a first name opening the sentence
        kin = _KIN_BETWEEN.fullmatch(gap) if len(names) == 1 and mention.kind is MentionKind.PERSON and first.kind in (MentionKind.PERSON, MentionKind.NAME) else None
        if (mention.kind is not first.kind and not kin) or mention.possessive:
            return None
        names.append(mention)
        if gap in (" and ", ", and ") or kin:
            last = mention.name
            if kin and kin.group("sibling") and book is not None and " " not in last:
                full = first.name if " " in first.name else book.full_names.get(first.name) or ""
                last = f"{last} {full.split()[-1]}" if " " in full else last
            name = ", ".join(m.name for m in names[:-1]) + f" and {last}"
            return Mention(first.kind, 0, 0, name, name)
        if gap != ", ":
            return None
    return None


def _family_subject(text: str, start: int, book: NameBook) -> re.Match[str] | None:
    """The family the text opens with at `start` by a surname the document gives, as _GROUP_SUBJECT matches a group:
    "The Vane brothers grew up …", "The Curies guessed …" (beside Marie Curie); not "The Italian brothers …", whose
    word says only where they come from, nor a plural the document gives no surname for ("The Normans …")."""
    family = _FAMILY_SUBJECT.match(text, start)
    if family is None or names_a_people(family.group("surname")):
        return None
    return family if family.group("surname") in book.full_names else None


def _the_two(before: _Before, offered: list[Mention], topic: _Topic | None) -> Mention | None:
    """The two names a subject "The two", "The pair" or "Both" stands for, as one: the two the sentence before
    opens with ("Pan Am and TWA gave up …"), or the two people it names, counting names of unknown kind, which
    may be people whose first name the lexicon does not know ("Anna Berg and Tomas Lind worked on the method
    …", "… introduced Anna Berg to Tomas Lind, a chemist."); None for three ("Anna Berg, Tomas Lind and Karl
    Marks …") or beside a plural or a group that could be meant ("Anna Berg and her two students …")."""
    group = _group_subject(before.claim)
    if group is not None:
        return group if ", " not in group.name else None  # "Shackleton, Worsley and Crean" are three
    # (not a people's word: "The Irish physicist John Tyndall …" names one man)
    named = {_canonical(m, topic): m for m in offered if m.kind in (MentionKind.PERSON, MentionKind.NAME) and not m.attributive and not _a_people(m)}
    people = [m for m in named.values() if m.kind is MentionKind.PERSON]
    if len(named) != 2 or not people or _PLURAL_WORD.search(before.text):
        return None
    name = " and ".join(_topic_as_written(topic) if topic and _is_topic(m, topic) else m.name for m in named.values())
    return Mention(MentionKind.PERSON, 0, 0, name, name)


def _plural_noun(text: str) -> Mention | None:
    """The one plural thing a sentence counts or names with "the", as "the" and its noun: "… needs at
    least 24 satellites …" -> "the satellites"; None when it has none or several, or when the one it
    counts is a unit or a currency ("210 metres", "three weeks", "40 dollars"), which is no thing, or only says there
    were many ("Many people lived on the island. They …": "the people" would be all of them)."""
    counted = [
        match for pattern in (_COUNTED_NOUN, _COUNTED_PEOPLE_WITHOUT_S) for match in pattern.finditer(text)
        if not _ASIDE_BEFORE_A_PLURAL.search(text, 0, match.start())
    ]
    nouns = {match.group(1) for match in counted}
    if len(nouns) != 1 or _UNIT.fullmatch(noun := nouns.pop()) or any(_VAGUE_COUNT.match(match.group()) for match in counted):
        return None
    if any(_PLURAL_COPULA.search(text, 0, match.start()) for match in counted):
        return None  # "Hugo and his brother Felix were the sons of a printer.": "the sons" says what the subject was
    name = f"the {noun}"
    return Mention(MentionKind.NAME, 0, 0, name, name)


def _counts_a_group(text: str, end: int) -> bool:
    """Whether the text before `end` counts or names with "the" a plural that is a group of things or people ("four
    carriers", "the roughly 400 known kinds"), not a unit or a currency ("200 metres")."""
    counted = (match for pattern in (_COUNTED_NOUN, _COUNTED_OF_A_POSSESSIVE) for match in pattern.finditer(text, 0, end))
    return any(not _UNIT.fullmatch(match.group(1)) for match in counted)


def _counted_people_right_before(claim: Claim, pronoun: int) -> bool:
    """Whether the partitive "them" at `pronoun` follows, after a comma, a people the claim counts: "a crowd of several
    thousand Lutetians, many of them women, …" (a people's name, which _counts_a_group's lower-case plurals miss)."""
    return any(
        _a_people(m) and m.text.endswith("s") and _COUNTED_BEFORE_A_NAME.search(claim.text, 0, m.start)
        and claim.text.startswith(", ", m.end) and _PARTITIVE_THEM.fullmatch(claim.text, m.end + 2, pronoun)
        for m in claim.mentions
    )


def _lists_from_a_plural_before(text: str, pronoun: int) -> bool:
    """Whether the "them" at `pronoun` opens a list set after a comma ("…, among them") and the clause before that comma
    names a plural it picks from: "The abbey had held chapels since 1200, among them one to St. Brigid", "Vane's pupils,
    among them the young Tom Hale, left"; not "The expedition left in May, among them Tom Hale" (among whom?)."""
    if not text.endswith(", among ", 0, pronoun):
        return False
    comma = pronoun - len(", among ")
    return _PLURAL_A_LIST_PICKS_FROM.search(text, _start_of_its_clause(text, comma), comma) is not None


def _people_named(offered: list[Mention], text: str, topic: _Topic | None, book: NameBook) -> Mention | None:
    """The people a sentence names, as one, when nothing else it names could be "they": the two it names ("In 1894 a
    professor introduced Anna Berg to Karl Lind. They married …" -> "Anna Berg and Karl Lind"), or the three or more it
    lists together ("… launched with Carl Voss, Dan Reyes and Tom Hart aboard. They were …" -> "Carl Voss, Dan Reyes and
    Tom Hart"). None with three people not listed together; with more people than those (a name of unknown kind shaped
    like a person's, a capitalised subject the mention finder did not take: "Tenzing buried a flag, and Ben Ray left a
    cross that Carl Lind had given him. On the way down they met …" is not Ben Ray and Carl Lind); or beside a plural, a
    group or a people ("the crew", "his students", "the Soviets")."""
    # "… when Ada Lind produced letters said to come from Karl Vane's mother. They …": not Karl Vane, named only as whose
    people = {_canonical(m, topic): m for m in offered if m.kind is MentionKind.PERSON and not m.possessive}
    # "… married Tom Vane, a banker from a Quaker family, and the couple moved …": no group besides the two
    aside = [match.span() for match in _THE_TWO_OR_WHERE_ONE_CAME_FROM.finditer(text)] if len(people) == 2 else []
    others = _THE_TWO_OR_WHERE_ONE_CAME_FROM.sub("", text) if aside else text
    outside = [m for m in offered if not any(start <= m.start < end for start, end in aside)]
    if len(people) < 2 or _names_another_group(others, outside) or _unnamed_people(offered, text, book):
        return None
    named = list(people.values())
    if len(named) > 2 and not _listed_together(named, text):
        return None
    written = [_topic_as_written(topic) if topic and _is_topic(m, topic) else m.name for m in named]
    name = ", ".join(written[:-1]) + f" and {written[-1]}"
    return Mention(MentionKind.PERSON, 0, 0, name, name)


def _people_they_go_on_with(before: _Before, topic: _Topic | None, book: NameBook) -> Mention | None:
    """The people a leading "They" goes on with when the sentence before names no one it may be: those the nearest
    sentence of the few before it (PASSED_SENTENCES at most between) gives a "They" after it, as the claim of that
    sentence writes them (its own "They" resolved, the people it opens with, the two or three it names), when every
    sentence between names nobody else a "They" may be (see _names_no_one_else) and no person outside that group:
    "Anna Lind set out from Oslo with the pilot Karl Berg. They reached Halifax in May. The worst leg came next: 900
    miles to Gander. They left Halifax on June 2." -> "Anna Lind and Karl Berg left …". A subject "The couple" between
    stands for two people only. None when any sentence between holds a plural, a group, a person called by a noun, a
    "he" or "she", or when the sentence giving people gives several groups or none."""
    passed: list[Mention] = []  # the people the sentences between name
    two_only = False  # whether a sentence between calls them "the couple" or "the pair"
    texts = (before.text, *before.earlier_texts)[: PASSED_SENTENCES + 1]
    sentences = zip(texts, (before.mentions, *before.earlier), (before.claim, *before.earlier_claims))
    for distance, (text, mentions, claim) in enumerate(sentences):
        group = _people_a_they_after_it_is(text, mentions, claim, topic, book) if distance else None
        if group is not None:
            members = set(_WORD.findall(group.name))
            if two_only and ", " in group.name or any(_WORD.findall(m.name)[-1] not in members for m in passed):
                return None
            return group
        if not _names_no_one_else(text, mentions, claim, book):
            return None
        two_only = two_only or bool(_TWO_AS_THE_SUBJECT.match(text, _OPENING.match(text).end()))
        passed += [m for m in (*mentions, *([claim.subject] if claim and claim.subject else [])) if m.kind is MentionKind.PERSON]
    return None


def _people_a_they_after_it_is(text: str, mentions: list[Mention], claim: Claim | None, topic: _Topic | None, book: NameBook) -> Mention | None:
    """The named people a "They" right after the sentence would stand for, by the claim that sentence made: the people
    its own leading "They" was read as, the two or three people it opens with, or the people it names (see
    _people_named). None for a sentence left with no claim (an unresolved "He was joined by …": who else?)."""
    if claim is None:
        return None
    if claim.subject is not None and claim.subject.kind is MentionKind.PERSON and _opens_with_pronoun_like(text, "they"):
        return claim.subject
    opening = _group_subject(claim, book)
    if opening is not None:
        return opening if opening.kind is MentionKind.PERSON else None
    offered = [m for m in mentions if not _a_name_given(text, m)]
    if claim.subject is not None and not claim.subject.possessive:
        offered.append(claim.subject)
    return _people_named(offered, text, topic, book)


def _names_no_one_else(text: str, mentions: list[Mention], claim: Claim | None, book: NameBook) -> bool:
    """Whether a sentence names nothing but people by name that a "They" after it may stand for: no plural but a unit
    ("900 miles"), no group or people ("the crew", "the Normans") but a subject "The couple" for two, no name shaped as
    a plural ("the Hawks") or a person's unknown to the mention finder, no person called by a noun ("his brother", "the
    pilot"), and no "he", "she", "him" or "her" its claim leaves (someone else, for all we know)."""
    written = claim.text if claim is not None else text
    two = _TWO_AS_THE_SUBJECT.match(written, _OPENING.match(written).end())
    named_before = _plurals_named_before(Claim(written, 0, claim.mentions if claim else mentions, None), len(written), book)
    plurals = [p for p in named_before if not (two and p.start() < two.end())]
    return not (
        plurals
        or _names_a_people(mentions)
        or _PEOPLE_NOUNS.intersection(_WORD.findall(written.lower()))
        or _LEFT_PERSON_PRONOUN.search(written)
        or any(
            m.kind is MentionKind.NAME and looks_like_a_persons_name(m.name)
            or m.kind not in (MentionKind.PERSON, MentionKind.PLACE) and _PLURAL_NAME.search(m.name)
            for m in mentions
        )
    )


def _unnamed_people(offered: list[Mention], text: str, book: NameBook) -> bool:
    """Whether the sentence names someone besides the people the mention finder found: a name of unknown kind shaped
    like a person's ("Tenzing Norgay") or of one word opening the sentence ("Tenzing buried a flag …"), or a capitalised
    word the document uses inside sentences, opening the sentence before its verb with no mention there."""
    start = _OPENING.match(text).end()
    if any(m.kind is MentionKind.NAME and (looks_like_a_persons_name(m.name) or m.start == start and " " not in m.name) for m in offered):
        return True  # "Tenzing Norgay buried a flag, and Ben Ray …", "Tenzing buried …" named by the finder as of unknown kind
    subject = _CAPITALISED_SUBJECT.match(text, start)
    return bool(subject) and subject.group(1) in book.inner_words and not any(m.start == start for m in offered)


def _names_another_group(text: str, mentions: list[Mention]) -> bool:
    """Whether the text names a plural, a group or a people that a "they" after it may be: "his students", "the crew",
    "ten men", "the Soviets"."""
    return bool(_PLURAL_WORD.search(text) or _COUNTED_PEOPLE_WITHOUT_S.search(text)) or _names_a_people(mentions)


def _names_a_people(mentions: list[Mention]) -> bool:
    """Whether a sentence names a people or the followers of a faith, which a "they" after it may be: "the Soviets",
    "Catholics who refused …"."""
    return any(_a_people(m) for m in mentions)


def _listed_together(people: list[Mention], text: str) -> bool:
    """Whether the people are named one after another as a list of the sentence: "Carl Voss, Dan Reyes and Tom Hart"."""
    ordered = sorted(people, key=lambda m: m.start)
    gaps = [text[a.end : b.start] for a, b in zip(ordered, ordered[1:])]
    return all(gap == ", " for gap in gaps[:-1]) and gaps[-1] in (" and ", ", and ")


def _group_of_people(crowd: re.Match[str], claim: Claim, topic: _Topic | None) -> Mention | None:
    """The group of people the claim of the sentence before has for its subject (`crowd`, see _GROUP_SUBJECT), as that
    sentence writes it, for a "they" after it: "The crew of Apollo 15 named the capsule Liberty." -> "the crew of Apollo
    15". None when that subject leans ("The crew named …" that no word or label says whose: the card would lean as
    much), or when the sentence names anything else "they" could be: a plural, another group, a people or two people
    ("The crew and the engineers …", "The crew met Tom Vane and Ann Lee …")."""
    rest = claim.text[: crowd.start()] + claim.text[crowd.end() :]
    people = [m for m in claim.mentions if m.kind is MentionKind.PERSON and not crowd.start() <= m.start < crowd.end()]
    if _leans_on_context(claim, topic) or _names_another_group(rest, claim.mentions) or len(people) > 1:
        return None
    group = crowd.group("group")
    name = f"the {group[4:]}" if group.startswith("The ") else group
    return Mention(MentionKind.NAME, 0, 0, name, name)


def _dangling_pronoun_at(claim: Claim, book: NameBook, own_plural: bool = True, unsettled_their: bool = True) -> int | None:
    """Where the first pronoun lies that nothing before it in the claim can stand for (None when there
    is none): "he" or "her" needs one person of that gender (or of a gender the document does not
    say) named before it, "it" and "its" one thing, "they" two names; "them" only after a plural it may stand for
    ("the sailors", or a counted group before "among them", "one of them").
    A possessive or an object may have several candidates when one stands in its own clause (see
    `_read_from_the_card`). A possessive after a subject such as "A forager" or "Each worker" is that
    subject's own, and so is an "its" after a subject such as "The finished dam" with no name between;
    "there" needs a place before it; an "It" that stands for nothing ("It is likely that …") needs nothing.
    With `own_plural`, a "they", "them" or "their" may also stand for the one plural its sentence names before it (see
    _the_one_plural_before); without `unsettled_their`, not a "their" after that plural as the subject of its clause,
    which nothing but sense settles ("Workers blasted away their ruins")."""
    opening = _OPENING.match(claim.text).end()
    setting = _DATE_BEFORE_A_SUBJECT.match(claim.text) or _OPENING_PHRASE.match(claim.text)
    bound = _COMMON_NOUN_SUBJECT.match(claim.text, opening)
    # the subject of the sentence or of a clause in it: "The finished dam is …", "Because the left lung has to leave
    # room for the heart, its volume …", "Gay-Lussac measured that a gas grows by 1/267 of its volume", "…: growth goes
    # as fast as its …"
    common = [
        match.end()
        for match in (_COMMON_SUBJECT.match(claim.text, opening), *_SUBJECT_OF_A_CLAUSE.finditer(claim.text), *_BARE_SUBJECT_AFTER_A_COLON.finditer(claim.text))
        if match
    ]
    ahead, forward = _subject_ahead(claim.text, [*claim.mentions, *([claim.subject] if claim.subject else [])], claim.inserted)
    # (only a claim with an "its" has owners to look for)
    owners = _owning_subjects(claim.text, opening, claim.mentions) if _ITS.search(claim.text) else []
    glossary_item = opening_glossary_term(claim.text)
    described = _IT_INSIDE_A_NAMED_DESCRIPTION.match(claim.text, opening)
    if ahead is None and claim.inserted and claim.subject is not None and claim.subject.kind is MentionKind.PERSON:
        ahead, forward = claim.subject, claim.subject.start  # "In her memoir Ada Lind wrote …" (was "she"): hers
    for match in re.finditer(r"\b(?:he|him|his|she|her|hers|it|its|they|them|their|theirs)\b", claim.text, re.IGNORECASE):
        word = match.group().lower()
        if _word_of_a_longer_name(match, claim.mentions):
            continue  # "her second book, The Joy of It": a word of a title, standing for nothing
        if bound and word in _POSSESSIVES and match.start() > bound.end():
            continue  # "One worker produces … in her whole life": her own
        if ahead and match.start() < forward and _can_be(word, ahead, book):
            continue  # "In its annual report, the Red Cross …", "Since its opening in 1990, the library …": the subject's own
        if described and match.start() == described.start("it"):
            continue  # "The share of the water that … goes under it is called …": a thing of the description
        if word in ("it", "its") and glossary_item and match.start() > glossary_item[1]:
            continue  # "Ramjet: it has no compressor …": the term the item defines, or a thing its description names
        if word == "it" and _EXPLETIVE_IT.match(claim.text, match.end()):
            continue  # "It was not until 1912 that …": it stands for nothing
        if word == claim.replaced and match.start() >= claim.inserted and _REPEATED_SUBJECT[word].match(claim.text, match.start()):
            # "When "Harbour Lights" appeared on March 3, 1950, it sold badly.": the "it" the title replaced, again
            continue
        need = lexicon.PRONOUNS[word]
        before = [m for m in claim.mentions if m.end <= match.start()]
        if claim.subject and claim.subject.end <= match.start():
            before.append(claim.subject)
        gender = Gender.MALE if word in lexicon.MALE_PRONOUNS else Gender.FEMALE if word in lexicon.FEMALE_PRONOUNS else None
        if gender is not None and word in ("him", "her"):
            subjects = _subjects_of_the_object(claim.text, match, [m for m in before if m.kind is MentionKind.PERSON], gender)  # "Karl Lind succeeded him": not himself
            before = [m for m in before if m.name not in subjects]
        if word in ("his", "her"):
            told_of = _told_of_by_the_apposition(claim.text, match, before)  # "Louis dismissed Jacques Necker, his minister": not Necker's
            before = [m for m in before if m.name not in told_of]
        people = {m.name for m in before if m.kind is MentionKind.PERSON and (gender is None or book.gender(m.name) in (gender, None))}
        if need == "person" and not people and not any(m.kind is MentionKind.PERSON for m in before):
            # "Gustave Eiffel founded his company"; not a name written for an "it" ("It was one of his engines" -> "Flying
            # Scotsman was one of his engines"), a thing
            people = {m.name for m in before if m.kind is MentionKind.NAME and not (m is claim.subject and claim.replaced == "it")}
        things = {
            m.name
            for m in before
            if (m.kind in NAMED_KINDS and (m.kind is not MentionKind.PERSON or _names_a_term(claim.text, m)) or _named_after_someone(m))
            and _could_be_it(m) and not (word == "it" and (_qualifies_the_noun_after(claim.text, m) or _opens_before_its_noun(claim.text, m)))
        }  # a person's name in "the van der Waals equation … its author" is the equation's, and so is "the Brand equation … its
        # author", a term of its own; "the Apollo 11 lander … it" is not Apollo 11
        if word == "it" and _is_object(claim.text, match.start()):  # "NBC declined to pick it up": not NBC itself
            subject = claim.subject or next((m for m in claim.mentions if m.start == 0), None)
            if subject is not None and not _the_subject_past_a_persons_clause(claim.text, range(subject.start, subject.end), match, claim.mentions):
                things.discard(subject.name)
            things -= {m.name for m in before if _is_subject_of(claim.text, m.end, match.start())}  # "the Queen Mary won it"
        if word == "its" and any(end < match.start() for end in common) and not things:
            continue  # "The finished dam is 726 feet high at its crest": the subject's own, when no name is before it
        if word == "its" and any(_owns_the_its(owner, match.start(), claim, things) for owner in owners):
            continue  # "A House committee, led by its chief lawyer …": the subject's own
        if word in ("its", "their") and _owned_by_the_subject_after(claim, match.start()):
            continue  # "For its first sixteen years the statue served …": the statue's own
        if word == "its" and not things and _EACH_OF_THEM_BEFORE.search(claim.text, 0, match.start()):
            continue  # "… four threads, each from its own gland": that one's own
        if word in ("it", "its") and not things and _the_subjects_own_it(claim.text, opening, match, claim.mentions):
            continue  # "The tank stood 40 feet tall, and it could hold …", "When smoke enters, its …": the tank, the smoke
        if (
            word == "it" and not things and (subject := _owning_subject_at(claim.text, opening, claim.mentions))
            and _the_subject_past_a_persons_clause(claim.text, subject, match, claim.mentions)
        ):
            continue  # "The palace was saved by King Ludo, who turned it into a museum": the palace
        if word in ("it", "them") and _object_of_the_verb_before(claim.text, match, claim.mentions):
            continue  # "The pinna collects sound and channels it into the canal": the sound
        if word in ("it", "its") and not things and claim.replaced not in ("it", "its") and _the_one_thing_before_it(claim.text, match, [*claim.mentions, *([claim.subject] if claim.subject else [])]):
            continue  # "Several publishers rejected the manuscript before Kellby Press accepted it": the manuscript
        if word == "its" and not things and _owned_by_a_possessive_before(claim, match.start()):
            continue  # "The army's refusal to admit its mistake": the army's
        if word == "its" and not things and _the_owner_in_the_subject(claim.text, opening, match.start()):
            continue  # "The heart of a scanner is its main magnet": the scanner's
        if word == "its" and not things and _owned_by_a_persons_subject(claim, match.start()):
            continue  # "Tom Vane's mill was later judged too small for its trade": the mill's, no person being an "its"
        # a plural in an opening phrase is no "they" of the clause after it: "After three voyages, they …"
        own_clause = setting.end() if setting and setting.end() <= match.start() else 0
        plurals = [p for p in _PLURAL_BEFORE.finditer(claim.text, 0, match.start()) if not (word == "them" and _is_subject_of(claim.text, p.end(), match.start()))]
        if word in ("they", "them", "their", "theirs") and (plurals or _group_named_before(claim, match.start(), own_clause, word == "them")):
            continue  # "the satellites move fast, so their clocks …"; not "the sailors hauled them"
        if own_plural and word in ("they", "them", "their") and _the_one_plural_before(claim, match.start(), own_clause, word, book, unsettled_their):
            continue  # "Most crops keep a little of the light that falls on them"
        if word in ("they", "their", "theirs") and any(_a_people(m) and m.text.endswith("s") and not m.attributive for m in before if m.start >= own_clause):
            # "Londoners in the east, called "Eastenders", kept their own markets": the people's (not "the Dutch painter
            # Jan Steen sold their house", a people's word before a noun)
            continue
        if word == "them" and _PARTITIVE_THEM.search(claim.text, 0, match.start()) and (
            _counts_a_group(claim.text, match.start()) or _lists_from_a_plural_before(claim.text, match.start())
            or _counted_people_right_before(claim, match.start())
        ):
            continue  # "… lost four carriers and 3,000 men, among them many pilots"; not "Most of them took two years"
        candidates = people if need == "person" else things
        if word in ("he", "she") and len(people) > 1 and _person_the_clause_repeats(claim.text, match, before, gender, book):
            continue  # "When Tom Vane came to Leeds for the wedding of Karl Berg, he …": the subject of the clause he repeats
        if word in ("he", "she") and len(people) > 1 and _the_one_subject_before(claim.text, match, before, gender, book):
            continue  # "Tom Vane stood beside Karl Lind, and he …": Tom Vane, the one man who did anything before it
        if word in ("he", "she") and _reported_by_the_name_before(claim.text, match, before, gender, book):
            continue  # "…, when Vane telephoned to say that he was on his way": Vane's own news, left as written
        if (
            word in ("he", "she") and not claim.inserted and _after_opening_phrases_only(claim.text, match)
            and not any(m.kind is MentionKind.PERSON for m in before)
        ):
            # "In May 1868, during a meeting of the Kestrel Railway in Leeds, he sketched …": who did? (not "…, on Karl
            # Marek's advice, he wrote …", whose person the phrase names)
            return match.start()
        # of several candidates, one must stand in the pronoun's own clause, not only in an opening phrase
        # ("In Jules Verne's novel "Journey …" (1864), the explorers climb into its crater": not the novel's)
        shown = candidates & {m.name for m in before if m.start >= own_clause}
        if (
            word == "it" and own_clause and candidates and not shown and _FINITE_VERB_RIGHT_BEFORE.search(claim.text, 0, match.start())
            and not _FINITE_VERB.search(claim.text, 0, own_clause)
        ):
            # "In the Treaty of Vell of 1800, Spain handed it back to France": what was handed is no name of the phrase
            # that only says where or when (not "At its farthest point it is …", "… for it": no verb's object)
            return match.start()
        if need == "object" or (
            need in ("person", "thing") and len(candidates) != 1 and not (shown and _read_from_the_card(word, claim.text, match.start()))
        ):
            return match.start()
        if need == "plural" and len(people) + len(things) < 2:
            return match.start()
    for match in _THERE.finditer(claim.text):  # "the water there" needs the place before it
        if not any(m.end <= match.start() and _where_someone_may_be(claim.text, m) for m in claim.mentions):
            return match.start()
    return None


def _where_someone_may_be(text: str, mention: Mention) -> bool:
    """Whether a "there" after the mention may stand for it: a place, or a named building or body after a preposition of
    place ("a house at {Hampton Court}, and there he died", "he worked at {Bell Labs}, and there …")."""
    return mention.kind is MentionKind.PLACE or (
        mention.kind in (MentionKind.ORGANISATION, MentionKind.NAME) and _PLACE_PREPOSITION_BEFORE.search(text, 0, mention.start) is not None
    )


def _owning_subjects(text: str, opening: int, mentions: list[Mention]) -> list[range]:
    """The common subjects of the claim's clauses that an "its" after their noun belongs to (see _OWNING_SUBJECT), each
    as the span from its article to its noun's end: the sentence's own after its opening, and one after each "that" or
    subordinator. Not a plural ("The engineers …"), a word for a person ("The architect …"), nor a word of a name ("The
    architect Ian Hale had …")."""
    clauses = _CLAUSE_OPENER.finditer(text)
    return [owner for start in (opening, *(c.end() + 1 for c in clauses)) if (owner := _owning_subject_at(text, start, mentions))]


def _owning_subject_at(text: str, start: int, mentions: list[Mention]) -> range | None:
    """The common subject of the clause that begins at `start` (see _OWNING_SUBJECT), as the span from its article to its
    noun's end, when it is one thing a later "its" or "it" may stand for (see _owning_subjects); else None."""
    subject = _OWNING_SUBJECT.match(text, start)
    if subject is None:
        return None
    noun, end = subject.group("noun"), subject.end("noun")
    # an opening phrase no comma closes runs up to the subject, no further: not "In 1838 the architect Ian Hale had
    # {a walkway} dug around its base"
    if not _could_own_it(noun) or any(m.start < end <= m.end for m in mentions) or _FINITE_VERB.search(text, subject.start(), subject.start("subject")):
        return None
    return range(subject.start("subject"), end)


def _owned_by_the_subject_after(claim: Claim, position: int) -> bool:
    """Whether the "its" or "their" at `position` opens the sentence's phrase on the life of the common subject right
    after it (see _OPENING_ON_THE_SUBJECTS_LIFE), a thing no name holds: "Since its launch in 2021, the telescope has …",
    "For their size the lungs hold …" (a plural subject for "their", no group that may be people: "the crew")."""
    opening = _OPENING_ON_THE_SUBJECTS_LIFE.match(claim.text)
    if opening is None or opening.start("its") != position:
        return False
    its = opening.group("its") == "its"
    subject = (_OWNING_SUBJECT if its else _PLURAL_SUBJECT).match(claim.text, opening.end())
    return (
        subject is not None and subject.start() == subject.start("subject")
        and (_could_own_it(subject.group("noun")) if its else subject.group("noun") not in lexicon.GROUP_NOUNS)
        and not any(m.start < subject.end("noun") and m.end > opening.end() for m in claim.mentions)
    )


def _could_own_it(noun: str) -> bool:
    """Whether a subject's noun is one thing an "it" or "its" may stand for: not a plural, not a word for a person."""
    word = noun.lower()
    return not re.fullmatch(r"[a-z-]*[^s]s", word) and word not in lexicon.PERSON_WORDS | lexicon.GENERIC_PEOPLE | lexicon.KIN_NOUNS


def _owns_the_its(owner: range, position: int, claim: Claim, things: set[str]) -> bool:
    """Whether the "its" at `position` belongs to the common subject `owner` (see _owning_subjects): it comes after the
    subject's noun in the same clause, with no name a thing before it but those of the subject ("A House committee":
    "House"), and no "that" or subordinator between, which opens a clause of its own ("In 2010 a team led by Ann Lee
    reported that its thread …": whose thread?)."""
    names_inside = {m.name for m in claim.mentions if m.start in owner}
    between = claim.text[owner.stop : position]
    return owner.stop < position and things <= names_inside and not _CLAUSE_OPENER.search(between)


def _the_subjects_own_it(text: str, opening: int, pronoun: re.Match[str], mentions: list[Mention]) -> bool:
    """Whether the "it" at `pronoun`, the subject of a later clause ("…, and it could hold …", "… because it is …"), is
    the one common subject the sentence opens with: "The tank stood 40 feet tall, and it could hold two million
    gallons.", or a noun alone as the subject of an opening clause ("Because light slows down when it passes …", "When
    water freezes, it …"; not a name, see `mentions`, nor "nothing", "this"), or one capitalised noun alone that opens
    the sentence ("Propane is used because it boils …"; not "Several", "Tom", "English settlers …", nor "Marsh resigned
    …"); an "it" right after a comma, colon or semicolon opens a clause as its subject ("When the wind blew, it …", "A
    good salve is mild: it heals …", "… is immune to rust, it cannot …"), and an "its" is theirs too ("When smoke
    enters, its …"). Nothing between them may be the "it" instead: no noun after an article or a possessive ("The clerk
    locked the safe, and it …"), no name (which the rules for named things weigh: "The tank stood beside Pier 4, and it
    …"); a plural subject ("The tanks …") is none."""
    subject = _COMMON_SUBJECT.match(text, opening)
    # (the sentence's opening may have taken the subordinator alone: "When " of "When water freezes, it …")
    bare = _BARE_SUBJECT.match(text, opening) or _BARE_SUBJECT.match(text) or (_BARE_SUBJECT_OPENING.match(text) if opening == 0 else None)
    if subject is None and bare is not None:
        noun = bare.group("noun")
        alone = (
            noun.capitalize() not in lexicon.SENTENCE_STARTERS | lexicon.INDEFINITE_AMOUNTS | lexicon.FIRST_NAMES | lexicon.NATIONALITIES
            and not _INDEFINITE_PRONOUN.fullmatch(noun.lower())
        )
        if alone and _could_own_it(noun) and not any(m.start <= bare.start("noun") < m.end for m in mentions):
            subject = bare
    return (
        subject is not None
        and not _PLURAL_WORD.fullmatch(subject.group().rstrip())
        and (pronoun.group().lower() == "its" or not _is_object(text, pronoun.start()) or _CLAUSE_MARK_BEFORE.search(text, 0, pronoun.start()) is not None)
        and not _A_NOUN_OR_NAME.search(text, subject.end(), pronoun.start())
    )



def _the_subject_past_a_persons_clause(text: str, subject: range, pronoun: re.Match[str], mentions: list[Mention]) -> bool:
    """Whether the "it" at `pronoun`, in a "who" clause of a person named after the sentence's subject at `subject` (its
    one common subject, or the name the claim opens with), is that subject: "The palace was saved by King Ludo, who turned
    it into a museum", "The dam was built by Ada Vane, who died before it was finished", "In 1990 the pond was renamed in
    honour of Ada Vane, who used to skate on it", "Kell Hall was bought by Oswin Tarrant, who sold it". A person is no
    "it", so nothing else is left. Not when a noun or another name stands between ("The plan was sent to the king by Ada
    Vane, who …": the plan or the king?), nor after a "that" or a colon in the clause, which may bring in a thing of its
    own; a plural subject is none."""
    person = next(
        (m for m in mentions if m.kind is MentionKind.PERSON and subject.stop <= m.start and text.startswith(", who ", m.end) and m.end < pronoun.start()),
        None,
    )
    if person is None:
        return False
    before_the_person = _TITLE_RIGHT_BEFORE.sub("", text[subject.stop : person.start])
    in_the_clause = text[person.end + len(", who ") : pronoun.start()]
    return (
        not any(subject.stop <= m.start < person.start and m.kind in NAMED_KINDS for m in mentions)  # a date may stand between
        and not _A_NOUN_OR_NAME.search(before_the_person)
        and not _A_NOUN_OR_NAME.search(in_the_clause)
        and not re.search(r"\bthat\b|[,;:]", in_the_clause)
    )


def _object_of_the_verb_before(text: str, pronoun: re.Match[str], mentions: list[Mention]) -> bool:
    """Whether the "it" or "them" at `pronoun`, the object of the second of two verbs joined by "and", stands for the first
    verb's object (see _SHARED_OBJECT): "The pinna collects sound and channels it into the canal", "Reeds take up salt in
    their roots and store it in the leaves", "Boys gathered "curios" on the shore and sold them to visitors". The verbs
    share their form (both "-s", both "-ing", both past, or both plain); the object agrees with the pronoun in number and is
    no name, and a phrase of place after it may hold only a noun of the other number ("store salt in the root and move it"
    may be the root). Not a verb the lexicon calls a linking word ("is", "has"), nor any name or number in between."""
    shared = _SHARED_OBJECT.search(text[: pronoun.start()])
    if shared is None or _DETERMINER_BEFORE.search(text, 0, shared.start()):
        return False  # "A miner's 12 drills cut and crush it": "drills" is no verb, and "cut" no object
    first, second = shared.group("first"), shared.group("second")
    if set(re.sub(r"^(?:the|an?) ", "", shared.group("object")).split()) & _CANNOT_END:
        return False  # "Tom waited until Ada returned from hunting and showed it to her": no object
    plural = pronoun.group().lower() == "them"
    noun, place = shared.group("noun"), shared.group("place")
    return (
        _verb_form(first) == _verb_form(second)
        and not {first, second} & (_CANNOT_END | set(_AUXILIARIES.split("|")) | {"been", "being"})
        and (_ANY_PLURAL.fullmatch(noun) is not None) == plural
        and (plural or _could_own_it(noun))
        and (place is None or (_ANY_PLURAL.fullmatch(place) is not None) != plural)
        and not any(shared.start() <= m.start < pronoun.start() for m in mentions)
    )


def _the_one_thing_before_it(text: str, pronoun: re.Match[str], mentions: list[Mention]) -> bool:
    """Whether the "it" or "its" at `pronoun` has one singular thing noun before it in its sentence to stand for, a
    subject, an object or a noun after a preposition of an earlier clause, so that a reader places it from the sentence
    alone: "Several publishers rejected the manuscript before Kellby Press accepted it", "When the fever reached the
    lungs it became …", "As the crew lowered the sail, it tore", "Tom Vane hung a lamp so that its wick …".
    Not counted: a plural ("the lungs"), a person's word ("the Soviet leader", "the signalman", "Ada Vane, a lift
    operator,"), a rate ("a year"), the noun of an opening phrase of time or place ("During the war the navy used it":
    not the war), and the subject of the clause of an "it" that is no subject ("the navy used it", "The lamp holds a
    gram of it"; Kellby Press in "Kellby Press accepted it; it appeared …", so the manuscript, twice). Refused: any other
    name of a thing (the rules for named things weigh those), a person's name after an article ("the tidal Thames"), a
    noun phrase whose noun cannot be told ("her under …", "a great deal of heat"), an opening phrase whose end cannot be
    told, "… is that it …", a noun an infinitive or a preposition right after it ties to the pronoun ("took a boat to
    see it", "made a hole in its top"), an "it" after a second verb ("takes in air and compresses it"), and two
    candidates. Round 117, part D: refused too an "its" in a phrase of place after a verb ("A fire spread to its roof")
    or after "is" ("The heart of the looms is its shuttle"), a clause whose subject is a noun alone ("When smoke enters
    the room, its …": the smoke's), and a phrase of time opening the sentence right before its pronoun ("Every day it
    rises …"); "each year" is a rate, and a name opening the sentence before "is" counts ("Varnite is mixed into the
    clay because it …": Varnite, or the clay?)."""
    before = text[: pronoun.start()]
    if _CONTENT_CLAUSE_BEFORE.search(text, 0, pronoun.end()) or _SECOND_VERB_BEFORE_IT.search(before):
        return False  # "The likeliest reason is that it …": the reason?
    its = pronoun.group().lower() == "its"
    if its and (_PLACE_AFTER_A_VERB_BEFORE_ITS.search(before) or _COPULA_BEFORE_ITS.search(before)) or _BARE_SUBJECT_OF_A_CLAUSE.search(before):
        return False  # "A fire spread to its roof", "The heart of the looms is its shuttle"; "When smoke enters the room, its …"
    if before.endswith(", ") and (before.count(",") == 1 or re.match(r"[A-Z][a-z]+(?:ed|en|ing)\b", text)) and not re.match(rf"(?i:{'|'.join(_SUBORDINATORS)})\b", text):
        return False  # "Open to the air, it …", "Built by Ada Vane, and owned by Kell, it …": a thing of the sentence before
    start = 0
    if re.match(rf"(?:{_OPENING_PREPOSITIONS})\b", text):
        opening = _OPENING_PHRASE.match(text) or _SUBJECT_AFTER_AN_OPENING.match(text)
        first = min((m for m in mentions if text[m.start : m.start + 1].isupper()), key=lambda m: m.start, default=None)
        person = first if first and first.kind is MentionKind.PERSON and _PERSON_AFTER_AN_OPENING.fullmatch(text, 0, first.start) else None
        if opening is None and person is None or (start := opening.end() if opening else person.start) > pronoun.start():
            return False  # "In 1903 Ada Vane designed …": the phrase ends at her name
    # the subject of the pronoun's own clause, when the pronoun is no subject: "the navy used it", "The lamp holds … of it"
    an_object = pronoun.group().lower() == "it" and not re.match(rf" {_VERB_AFTER_SUBJECT}", text[pronoun.end() :]) and not _CLAUSE_MARK_BEFORE.search(before)
    clause = max((b.end() for b in _WHERE_A_CLAUSE_BEGINS.finditer(before)), default=start) if an_object else None
    for mention in mentions:
        if mention.end <= pronoun.start() and mention.kind in _THINGS_NAMED and mention.kind is not MentionKind.PERSON:
            verb = _ONE_VERB_BEFORE_IT.match(text, mention.end)
            if not (verb is not None and re.match(r"it\b", text[verb.end() :]) or clause is not None and mention.start >= clause and text[clause : mention.start].strip() == ""):
                return False  # "Halifax thanked the city, and every year it …": Halifax, perhaps
    people = [m for m in mentions if m.kind is MentionKind.PERSON]
    first = _BARE_SUBJECT_OPENING.match(text) or re.match(r"(?P<noun>[A-Z][a-z]{2,}),", text)
    # a capitalised word alone the sentence opens with may be a noun it stands for ("Phosphorus, with five electrons,
    # leaves …; silicon doped with it …"), or no noun ("Some readers guessed it …"): it counts against the others, and
    # never wins alone
    leading = (
        first is not None and not _NOUN_PHRASE_OPENER.match(text) and not any(m.start == 0 for m in mentions)
        and not _DESCRIBED_PLURAL_SUBJECT.match(text)
    )
    candidates = [first.group("noun")] if leading else []
    for opener in _NOUN_PHRASE_OPENER.finditer(text, start, pronoun.start()):
        phrase = _NOUN_PHRASE.match(text, opener.end())
        if phrase is None or phrase.end() > pronoun.start() or _AMOUNT_OF.match(text, opener.end()):
            return False  # "holding her under a tree", "a great deal of heat": which noun?
        noun = phrase.group("noun")
        named = next((m for m in mentions if m.start < phrase.end("noun") and m.end > phrase.start("noun") and m.kind in _THINGS_NAMED), None)
        if named is not None:
            if named.kind is MentionKind.PERSON and opener.group().lower().startswith(("the", "a")) and not set(phrase.group("words").lower().split()) & lexicon.PERSON_WORDS:
                return False  # "the tidal Thames": no person, whatever its kind
            continue  # a name's word: "the Patent Office", "the physician Ada Vane"
        if opener.start() == start and text[phrase.end() : pronoun.start()] == " ":
            return False  # "Every day it rises …", "The next morning it …": a phrase of time, and the "it" of the sentence before
        if _TIES_TO_THE_PRONOUN.fullmatch(text, phrase.end(), pronoun.start()):
            return False  # "Tom took a boat to see it", "Ada cut a hole in its lid": the boat, the hole?
        if clause is not None and (relative := _RELATIVE_AFTER.match(text, phrase.end())) and relative.end() == clause:
            return False  # "every metre of ground that faces it": not the metre, but what?
        if text.startswith(("'s", "’s"), phrase.end()):
            return False  # "The expedition's director called it …": the expedition, or a thing before?
        if clause is not None and opener.start() >= clause and text[clause : opener.start()].strip() == "" or any(text.startswith(", ", m.end) and m.end + 2 == opener.start() for m in people):
            continue  # "the navy used it", "Ada Vane, a lift operator,"
        plural = not _could_own_it(noun) and noun.lower() not in lexicon.PERSON_WORDS | lexicon.GENERIC_PEOPLE | lexicon.KIN_NOUNS
        if plural and " " in phrase.group("words"):
            candidates.append(noun)  # "the light passes": a noun and its verb, perhaps
            continue
        if plural or re.fullmatch(r"[a-z]+(?:man|woman)|[A-Z][\w-]+", noun) or not _could_own_it(noun) or _RATE.fullmatch(text, opener.start(), phrase.end()):
            continue  # "the lungs", "the signalman", "a year"
        candidates.append(noun)
    return len(candidates) == 1 and not leading


def _verb_form(word: str) -> str:
    """The form a word has if it is a verb, which two verbs sharing a subject have alike ("collects … and channels",
    "collecting … and selling", "gathered … and sold"; see _object_of_the_verb_before): "-ing", past, "-s" or plain."""
    if word.endswith("ing"):
        return "ing"
    if re.fullmatch(_PAST_VERB, word):
        return "past"
    return "s" if re.fullmatch(r"[a-z]+[^s]s", word) else "plain"


def _the_owner_in_the_subject(text: str, opening: int, position: int) -> bool:
    """Whether the "its" at `position` belongs to the one thing the subject is a part or a measure "of", the subject being
    said to be that "its" thing (see _PART_OF_A_THING_IS_ITS): "The heart of a scanner is its main magnet" (no heart is
    its own magnet: the scanner's). Not a plural ("The roof of the sheds is its …") nor a word for a person."""
    said = _PART_OF_A_THING_IS_ITS.match(text, opening)
    return said is not None and said.end() == position and _could_own_it(said.group("noun"))


def _owned_by_a_persons_subject(claim: Claim, position: int) -> bool:
    """Whether the "its" at `position` belongs to the subject the claim opens with, a person's possessive and a noun
    ("Tom Vane's mill was later judged too small for its trade"), with no noun, name or clause between them: the person
    is no "its", so the noun owns it. Not "Tom Vane's mill sold the flour and its bran" (the flour's, perhaps)."""
    owner = next((m for m in claim.mentions if m.start == 0), None)
    if owner is None or owner.kind is not MentionKind.PERSON or not owner.possessive:
        return False
    noun = _PERSONS_OWNED_SUBJECT.match(claim.text, owner.end)
    if noun is None:
        return False
    between = claim.text[noun.end() : position]
    return not _A_NOUN_OR_NAME.search(between) and not _CLAUSE_OPENER.search(between) and not any(c in between for c in ",;:")


def _owned_by_a_possessive_before(claim: Claim, position: int) -> bool:
    """Whether the "its" at `position` stands for the one thing whose possessive the claim writes before it in the same
    phrase (see _THINGS_POSSESSIVE): "The army's refusal to admit its mistake", "… that a nation's wealth came from its
    land", "the mill's owner, Tom Vane, its chief clerk, Ed Berg, and …". Between them only the owned noun, words with no
    article and people's names (who are no "its"); not a person's possessive ("the king's army … its"), a plural's, two
    possessives, a noun after an article ("the town's mayor opened the bridge and its …": the bridge's), a "that" or a
    subordinator, which opens a clause of its own."""
    text = claim.text
    owners = [p for p in _THINGS_POSSESSIVE.finditer(text, 0, position)]
    if len(owners) != 1 or not _could_own_it(owners[0].group("noun")):
        return False
    owner = owners[0]
    people = [m for m in claim.mentions if m.kind is MentionKind.PERSON and owner.end() <= m.start < position]
    between = text[owner.end() : position]
    for person in sorted(people, key=lambda m: -m.start):
        between = between[: person.start - owner.end()] + between[person.end - owner.end() :]
    return (
        not any(owner.end() <= m.start < position for m in claim.mentions if m not in people)
        and not _A_NOUN_OR_NAME.search(between)
        and not _CLAUSE_OPENER.search(between)
        and ";" not in between
    )


def _after_opening_phrases_only(text: str, pronoun: re.Match[str]) -> bool:
    """Whether the subject pronoun `pronoun` follows nothing but opening phrases, each up to its comma, with no verb
    of their own ("In May 1868, during a meeting of the Kestrel Railway in Leeds, he …"): a name there only dates or
    places the clause, and cannot be its subject, so the pronoun needs the sentence before."""
    return (
        _OPENING_PHRASE.match(text) is not None and text.endswith(", ", 0, pronoun.start())
        and _FINITE_VERB.search(text, 0, pronoun.start()) is None and _VERB_OF_THE_SUBJECT.match(text, pronoun.end()) is not None
    )


def _subjects_of_the_object(text: str, pronoun: re.Match[str], named: list[Mention], gender: Gender) -> set[str]:
    """The names among `named` right before the verb whose object is the "him" or "her" at `pronoun`: "Karl Lind
    succeeded him" is someone else, who would otherwise be "himself"."""
    return {
        m.name for m in named
        if (verb := _SOMEONE_ELSE_AS_AN_OBJECT[gender].match(text, m.end)) and verb.end() == pronoun.end()
    }


def _named_by_the_owned_noun(text: str, pronoun: re.Match[str], named: list[Mention]) -> set[str]:
    """The person among `named` right after the possessive `pronoun` and its word for a person, whom that word calls so:
    "According to his apprentice Tom Vane, …", "his elder brother, Karl, …": the apprentice, not the man whose apprentice
    he is."""
    return {m.name for m in named if m.kind is MentionKind.PERSON and _OWNED_PERSON_NOUN.fullmatch(text, pronoun.end(), m.start)}


def _told_of_by_the_apposition(text: str, pronoun: re.Match[str], named: list[Mention]) -> set[str]:
    """The person among `named` right before the possessive `pronoun` that opens an apposition telling of them, whose
    possessive it is not: "Louis dismissed Jacques Necker, his finance minister", "Washington Roebling, his son, took
    over": Louis's minister, someone else's son."""
    return {m.name for m in named if m.kind is MentionKind.PERSON and text[m.end : pronoun.start()] == ", "}


def _someone_elses_widow(text: str, pronoun: re.Match[str], named: list[Mention]) -> bool:
    """Whether the possessive `pronoun` and a widow or widower are the object of a verb whose subject is a person among
    `named`, whose widow that cannot be while they act: "In 1990 Tom Vane presented his widow with a medal" is another
    man's widow (not "After Karl Lind died, his widow sold the mill", where Karl Lind is no subject of "sold")."""
    return bool(_WIDOW_AFTER.match(text, pronoun.end())) and any(
        m.kind is MentionKind.PERSON and _is_subject_of(text, m.end, pronoun.start()) for m in named
    )


def _group_named_before(claim: Claim, position: int, own_clause: int, is_object: bool) -> bool:
    """Whether the claim names, between `own_clause` and the plural pronoun at `position`, a group it may stand for
    (_GROUP_NAMED_BEFORE), outside a quotation or a title ("their 1978 book "Ten Wild Horses"" counts no horses),
    not a unit or a currency ("three weeks"), and for an object "them" not the subject of its verb ("Two men carried them")."""
    quoted = quotations(claim.text)
    return any(
        not (group.group("noun") and _UNIT.fullmatch(group.group("noun")))
        and not any(q.start <= group.start() < q.end for q in quoted)
        and not any(m.start <= group.start() < m.end for m in claim.mentions if m.kind is MentionKind.WORK)
        and not (is_object and _is_subject_of(claim.text, group.end(), position))
        for group in _GROUP_NAMED_BEFORE.finditer(claim.text, own_clause, position)
    )


def _the_one_plural_before(claim: Claim, position: int, own_clause: int, word: str, book: NameBook, unsettled_their: bool = True) -> bool:
    """Whether the plural pronoun `word` at `position` stands for the one plural the claim names before it, so that the
    card reads alone as written: "Large modern motors turn most of the energy they receive into work", "Most crops keep
    a little of the light that falls on them", "about 300 women and their children". That plural lies after any opening
    phrase (for a "their", in its own clause: not "More than 3,000 people died, and half of the population lost their
    homes"); it is no group ("the crew", which may be one thing, and "a friend of the family transcribed them" is not
    the family), and not what the pronoun is made of ("copies of eight hundred of them"). A "they" needs it for a
    subject ("Books printed before 1501 are called incunabula because they come …"; not "The winter brought storms, and
    they stayed …", where "they" may be people of the sentence before); a "them" needs it not the subject of its own
    clause ("ships were pulled through them", "enthusiasts who gather to drive them"). A "their" in the clause it is the
    subject of only with `unsettled_their`: "Sailors found their latitude", but "Workers blasted away their ruins" were
    the ruins of the castles the sentence before named. Two plurals settle nothing."""
    if word == "they" and _they_go_on_with_the_opening_plural(claim, position, book):
        return True
    plurals = _plurals_named_before(claim, position, book)
    if len(plurals) != 1 or plurals[0].start() < own_clause:
        return False
    plural, between = plurals[0], claim.text[plurals[0].end() : position]
    relative = _RELATIVE_AFTER_A_PLURAL.match(between)
    subject = _VERB_AFTER_A_PLURAL.match(claim.text, plural.end()) is not None or relative is not None
    rest_of_its_clause = between[relative.end() :] if relative else between
    in_its_clause = not re.search(r"[,;:]|\b(?:which|who|where)\b", rest_of_its_clause) and not _CLAUSE_OPENER.search(rest_of_its_clause)
    owned = word == "their" and subject and in_its_clause and _owned_by_its_subject(claim.text, plural.end(), position)
    # a group of people owns a "their" only by the clause's shape: "the crew survived by using their lunar module" (not
    # "The council raised their rents": whose?)
    if between.startswith(" of ") or plural.group() in lexicon.GROUP_NOUNS and not (owned and plural.group() in lexicon.PEOPLE_GROUP_NOUNS):
        return False
    if word == "their" and plural.start() < _start_of_its_clause(claim.text, position):
        return False  # "More than 3,000 people died, and over half of the population lost their homes": the population's
    if word == "they":
        return subject or _THEY_OPENING_A_REASON.search(claim.text, 0, position) is not None and _opens_the_sentence(claim.text, plural)
    if word == "their":
        return unsettled_their or owned or not (subject and in_its_clause)
    return not (subject and in_its_clause)


def _they_go_on_with_the_opening_plural(claim: Claim, position: int, book: NameBook) -> bool:
    """Whether the "they" at `position` opens a clause joined to the sentence's first (_THEY_GOING_ON), whose subject is the
    plural the sentence opens with, plainly described (see _opening_plural, _plainly_described), perhaps after a year or
    a subordinate clause, with no other plural between: English goes on with that subject. "Nuclear weapons tests did the
    opposite, and by the mid-1960s they had doubled …" (the head noun after the opening plural is the subject's own),
    "By 1500 presses were working in Mainz, and they had produced …", "When the mill failed, the family moved, and in 1860
    they settled …" (a group of people, lexicon.PEOPLE_GROUP_NOUNS; not "the company", "the squadron", whose "they" may
    be other things). Not a count or a part ("Many settlers …", "Some birds …"), not another plural between ("Potters
    fired pots in brick kilns, and they lasted …": which?), and not a "they" inside the first clause ("Mill owners told
    the weavers that they …")."""
    if not _THEY_GOING_ON.search(claim.text, 0, position):
        return False
    opener = _YEAR_BEFORE_A_SUBJECT.match(claim.text) or _OPENING_SUBORDINATE_CLAUSE.match(claim.text)
    offset = opener.end() if opener else 0
    text = claim.text[offset:]
    opening = _opening_plural(text, book)
    if opening is None or not _plainly_described(text, opening) or opening.group() in lexicon.GROUP_NOUNS - lexicon.PEOPLE_GROUP_NOUNS:
        return False
    head = _ANY_PLURAL.match(text, opening.end() + 1) if text.startswith(" ", opening.end()) else None
    subject_end = offset + (head or opening).end()
    return all(offset <= plural.start() and plural.end() <= subject_end for plural in _plurals_named_before(claim, position, book))


def _owned_by_its_subject(text: str, subject_end: int, position: int) -> bool:
    """Whether the "their" at `position`, in the clause whose plural subject ends at `subject_end`, is by the clause's
    shape the subject's own: "their own" ("Microbes must make their own …"), or after the subject's verbs and a
    preposition (_THEIR_AFTER_THE_SUBJECTS_VERB)."""
    return text.startswith("their own ", position) or _THEIR_AFTER_THE_SUBJECTS_VERB.fullmatch(text, subject_end, position) is not None


def _opens_the_sentence(text: str, plural: re.Match[str]) -> bool:
    """Whether the plural opens the sentence as its subject, after at most two words that describe it and before a
    word that may be its verb: "Modern satellite systems place …" (not "In winter ships …", "Maps of the coast …")."""
    before = _WORDS_BEFORE_AN_OPENING_PLURAL.fullmatch(text, 0, plural.start())
    after = re.match(r" ([a-z]+)\b", text[plural.end() :])
    return (
        before is not None and not re.fullmatch(_OPENING_PREPOSITIONS, text.split(" ", 1)[0])
        and after is not None and after.group(1) not in _NO_VERB_AFTER_A_PLURAL
    )


def _opening_plural(text: str, book: NameBook) -> re.Match[str] | None:
    """The plural noun the sentence opens with as its subject (see _opens_the_sentence), its first word too unless that
    is a word of a name: "Ionisation detectors contain …" -> "detectors", "Books printed before 1501 …" -> "Books"."""
    plural = next(
        (p for p in _ANY_PLURAL.finditer(_first_word_lowered(text, book)) if p.group() not in _NOT_A_PLURAL and p.group() not in lexicon.PRESENT_VERBS), None
    )
    return plural if plural is not None and not _UNIT.fullmatch(plural.group()) and _opens_the_sentence(text, plural) else None


def _plainly_described(text: str, plural: re.Match[str]) -> bool:
    """Whether the words before the opening plural only describe it, so that they and it name the things again: "Ionisation
    detectors", "Modern satellite systems", "The engines"; not a count, a part or a name's word ("Many people", "Some
    birds", "Most Vane workers"), which the sentence before says of only some of them."""
    words = text[: plural.start()].split()
    return not any(
        word.lower() in _NOT_PLAIN_BEFORE_A_PLURAL or word[0].isdigit() or word != words[0] and word[0].isupper() for word in words
    ) and not re.fullmatch(lexicon.NUMBER_WORDS, words[0].lower() if words else "", re.IGNORECASE)


def _first_word_lowered(text: str, book: NameBook) -> str:
    """The text with its first word in lower case, so that a plural it opens with is found as any other ("Books …"),
    unless that word may be a name's ("Johannes …", "Hastings …")."""
    first = re.match(r"[A-Z][a-z]+", text)
    if first is None or first.group() in book.inner_words | lexicon.FIRST_NAMES:
        return text
    return text[:1].lower() + text[1:]


def _plurals_named_before(claim: Claim, position: int, book: NameBook) -> list[re.Match[str]]:
    """The plurals the claim names before `position` (see _ANY_PLURAL), the first word too when it is one ("Books …";
    not a name: "Johannes …", "Hastings …"): not a word of a name, of a title or of a quotation ("Nexia
    Biotechnologies"), not a unit or a currency ("about 102 metres"), not a count of what follows ("hundreds of
    books"), nor a group that the plural after it makes up ("a group of London booksellers": one plural, the
    booksellers), nor a verb after "that" or "it" ("the energy that falls on them")."""
    text = (claim.text if claim.inserted else _first_word_lowered(claim.text, book))[:position]
    quoted = quotations(claim.text)
    return [
        plural
        for plural in _ANY_PLURAL.finditer(text)
        if plural.group() not in _NOT_A_PLURAL
        and plural.group() not in lexicon.PRESENT_VERBS
        and not _UNIT.fullmatch(plural.group())
        and not (plural.group() in _COUNTING_PLURALS and text.startswith(" of ", plural.end()))
        and not (plural.group() in lexicon.GROUP_NOUNS and _MEMBERS_OF_A_GROUP.match(text, plural.end()))
        and not _BEFORE_A_VERB.search(text, 0, plural.start())
        and not (plural.end() + 1 == position and claim.text.startswith("them", position))  # "… or {stops} them …": a verb
        and not any(m.start <= plural.start() < m.end for m in [*claim.mentions, *quoted])
    ]


def _is_subject_of(text: str, end: int, position: int) -> bool:
    """Whether the words ending at `end` are the subject of the verb whose object is the pronoun at
    `position`, which therefore stands for something else: "the Queen Mary won it", "the sailors
    hauled them" (only a verb, perhaps with an adverb, between them)."""
    between = text[end:position]
    return bool(_VERB_BETWEEN.fullmatch(between)) and not set(between.split()) & _CANNOT_END


def _person_the_clause_repeats(text: str, pronoun: re.Match[str], named: list[Mention], gender: Gender, book: NameBook) -> bool:
    """Whether a subject "he" or "she" with other people of its gender named before it stands, by the shape of the
    sentence, for one of them: the subject of an opening subordinate clause that runs up to the pronoun ("When Tom Vane
    of Leeds came to Paris for the wedding of Karl Berg, he asked …"), or the one person left of that gender when the
    pronoun comes right after a "whom" that stands for the person just named ("Ada Lind was taught by Eva Berg, a stern
    critic whom she later called …": not Eva Berg, who would be "herself"). Not a pronoun after ", and" ("Ruth Calder
    met Ann Moss, and she moved …": either)."""
    people = [m for m in named if m.kind is MentionKind.PERSON and book.gender(m.name) in (gender, None)]
    if text.endswith(" whom ", 0, pronoun.start()):
        # the person right before the "whom" (not one after "of": "the wife of Karl Berg, whom he …" may be the wife's)
        meant = max(people, key=lambda m: m.end, default=None)
        whom = _WHOM_AFTER_A_PERSON.fullmatch(text, meant.end, pronoun.start()) if meant is not None else None
        if whom is None or text.endswith((" of ", "'s "), 0, meant.start):
            return False
        left = {m.name for m in people if m.name != meant.name}
        return len(left) == 1 and book.gender(next(iter(left))) is gender
    opening = _OPENING_SUBORDINATE_CLAUSE.fullmatch(text, 0, pronoun.start())
    subject = next((m for m in people if m.start == opening.end("subordinator")), None) if opening is not None else None
    return (
        subject is not None and book.gender(subject.name) is gender
        and _VERB_OF_THE_SUBJECT.match(text, _AFTER_A_PLACE_OF_ORIGIN.match(text, subject.end).end()) is not None
    )


def _the_one_subject_before(text: str, pronoun: re.Match[str], named: list[Mention], gender: Gender, book: NameBook) -> bool:
    """Whether a subject "he" or "she" with several candidates named before it has only one of them as the subject of a
    clause, right before a verb (a person of its gender or of none the document says, or a name of unknown kind), every
    other one being governed by a preposition (see _GOVERNED_BY_A_PREPOSITION): the pronoun goes on with that subject
    ("Tom Vane stood beside the conductor, Karl Lind, and at the end he …", "Tom Vane was made a knight of the Kell
    Order, and he …"). Not when another is an object ("Tom Vane met Karl Lind, and he …": either), a possessive ("Tom
    Vane married Karl Lind's daughter, and he …"), or the subject of another clause ("Karl Lind had died, but Tom Vane
    wrote to his son, and he …"), but one before a semicolon."""
    # a clause after a semicolon stands on its own ("Karl Lind was rich; Tom Vane was poor, and he …": Tom Vane)
    clause = text.rfind(";", 0, pronoun.start()) + 1
    candidates = [
        m for m in named
        if m.start >= clause
        and (m.kind is MentionKind.NAME or m.kind is MentionKind.PERSON and book.gender(m.name) in (gender, None))
    ]
    subjects = [m for m in candidates if not m.possessive and _VERB_OF_THE_SUBJECT.match(text, m.end)]
    governed = [m for m in candidates if _GOVERNED_BY_A_PREPOSITION.search(text, 0, m.start)]
    return (
        len({m.name for m in subjects}) == 1 and book.gender(subjects[0].name) in (gender, None)
        and not _GOVERNED_BY_A_PREPOSITION.search(text, 0, subjects[0].start)
        and all(m in governed for m in candidates if m.name != subjects[0].name)
    )


def _reported_by_the_name_before(text: str, pronoun: re.Match[str], named: list[Mention], gender: Gender, book: NameBook) -> bool:
    """Whether the subject "he" or "she" opens a clause that the name right before it reports ("Vane said that he …",
    "Vane telephoned to say that he …"): the speaker's own news, read so from the card as the sentence wrote it. The name
    is a person of the pronoun's gender (or of none the document says), or a name of unknown kind; not "Tom Vane told
    Karl Lind that he …" (an object between) nor "Tom Vane said Karl Lind and he …"."""
    return any(
        (m.kind is MentionKind.NAME or m.kind is MentionKind.PERSON and book.gender(m.name) in (gender, None))
        and not m.possessive and _REPORTING_VERB.fullmatch(text, m.end, pronoun.start())
        for m in named
    )


def _read_from_the_card(word: str, text: str, position: int) -> bool:
    """Whether a pronoun with several candidates named before it in the claim is one a reader settles
    from the card itself: a possessive or an object ("The R-9, meant to rival the Atlas, failed on all
    four of its launches", "Sørlle had met Shackleton and did not recognise him"), which leaves the
    claim's fact clear whichever candidate it is; not a subject opening a later clause ("…, and he
    …"), which says who did what."""
    return word not in ("he", "she") and not (word == "it" and not _is_object(text, position))


def _points_forward(text: str, mentions: list[Mention], reference: re.Match[str], book: NameBook) -> bool:
    """Whether a leading possessive lies in the sentence's opening phrase and stands for the subject after it, not
    for a name of the sentence before: "After its opening in 1990, the Northgate Library took over …" (an "After"
    that _OPENING reads as the start of a clause)."""
    pronoun = (reference.group("pronoun") or "").lower()
    ahead, forward = _subject_ahead(text, mentions)
    return pronoun in _POSSESSIVES and ahead is not None and reference.start() < forward and _can_be(pronoun, ahead, book)


def _subject_ahead(text: str, named: list[Mention], inserted: int = 0) -> tuple[Mention | None, int]:
    """The name that follows the sentence's opening phrase as its subject, perhaps after a title in quotes and a
    word for who it is ("In his 1950 memoir, "Wind and Sand," the pilot {Ann Lee} wrote …", "After its opening in
    1990, the larger {Northgate Library} …"), or the person a description opening the sentence is of ("A heavy smoker
    all his life, {Ada Lee} died …"), and where that opening ends; (None, 0) when there is none. A
    possessive in the opening may stand for that subject (`named` holds the sentence's names, and the one that
    replaced a "she", which ends at `inserted`)."""
    setting = _OPENING_PHRASE.match(text)
    opening = max(_OPENING.match(text).end(), setting.end() if setting else 0)
    # a name after an opening no comma closes: "For most of his life {Ada Lee} gave …", "At its height {Harwick Market}
    # sold …"; a thing's only as the writer named it, not an "it" written as the one thing the sentence before offers
    # ("At its base it is …" after a sentence with two things: its base may be the other's), and only right after the
    # opening's own words ("At its height the mill and Harwick Market sold …": the mill may own it)
    unclosed = _subject_after_an_unclosed_opening(text, named)
    if (
        unclosed is not None
        and (
            unclosed.kind is MentionKind.PERSON
            or unclosed.start >= inserted and not _ANOTHER_NOUN_IN_AN_OPENING.search(text, text.find(" "), unclosed.start)
        )
        and (opening == 0 or unclosed.start < opening)
    ):
        return unclosed, unclosed.start
    if opening == 0 and (described := _DESCRIPTION_BEFORE_A_PERSON.match(text)):
        # "A heavy smoker for most of his life, {Ada Lee} died …": the description is the person's, and so its "his"
        person = next((m for m in named if m.start == described.end() and m.kind is MentionKind.PERSON and not m.possessive), None)
        if person is not None and _VERB_OF_THE_SUBJECT.match(text, person.end):
            return person, person.start
    if opening == 0:
        return None, 0
    lead = _BEFORE_SUBJECT.match(text, opening)
    ahead = next((m for m in named if m.start == lead.end() and m.kind in NAMED_KINDS and not m.possessive and not m.quoted), None)
    return ahead, opening


def _subject_after_an_unclosed_opening(text: str, named: list[Mention]) -> Mention | None:
    """The name that is the sentence's subject right after an opening phrase no comma closes, before its verb: "For most
    of his life {Ada Lee} gave …"; None when there is none."""
    return next(
        (
            m for m in named
            if m.kind in NAMED_KINDS and not m.possessive and not m.quoted
            and _UNCLOSED_OPENING.fullmatch(text, 0, m.start) and _VERB_OF_THE_SUBJECT.match(text, m.end)
        ),
        None,
    )


def _can_be(possessive: str, mention: Mention, book: NameBook) -> bool:
    """Whether "his", "her" or "its" can stand for the mention: a person of that gender (or of one the
    document does not say), or for "its" a named thing, also one that shares a person's name and that the document
    calls by a noun for a thing ("the German airship Hindenburg", named after the president: see _called_by_its_noun)."""
    if possessive == "its":
        return (mention.kind is not MentionKind.PERSON or bool(book.thing_nouns.get(mention.text))) and _could_be_it(mention)
    gender = _PRONOUN_GENDER.get(possessive)
    return gender is not None and mention.kind is MentionKind.PERSON and book.gender(mention.name) in (gender, None)


def _a_part_at_work_on_it(text: str) -> bool:
    """Whether the sentence's subject is a common noun, perhaps someone's ("The left bronchus carries it …", "A horse's
    teeth grind it …"): a part at work on what the sentence before brought (the air, the food), which an object "it"
    then stands for, not the document's topic as a whole."""
    start = _OPENING.match(text).end()
    return bool(_COMMON_SUBJECT.match(text, start) or _COMMON_LEAD.match(text, start))


def _is_object(text: str, position: int) -> bool:
    """Whether the pronoun at `position` follows a verb or preposition rather than opening a clause."""
    before = re.search(r"(\w+)\W*$", text[:position])
    return bool(before) and before.group(1).lower() not in lexicon.CLAUSE_OPENERS


def _question(claim: Claim, answer: Mention) -> tuple[str, str, str] | None:
    """(rule, question, answer) when a pattern of the claim makes a wh-question safe; else None."""
    if _ENDS_WITH_SPEECH.search(claim.text):
        return None
    text = _FINAL.sub("", claim.text)
    subject = claim.subject
    if answer.end > len(text):
        return None
    after_answer = text[answer.end :]
    ends_with_answer = after_answer.strip() == ""
    # "X directed Y." -> "Who directed Y?"
    if answer.kind is MentionKind.PERSON and answer.start == 0 and not answer.possessive:
        verb = re.match(r" (\w+) (.+)", after_answer)
        clause = verb and re.search(r", (?:and|but|while)\b|;", verb.group(2))  # "X played Quint, and Y played …"
        if verb and not clause and _is_past_verb(verb.group(1)) and not re.search(r"\b(he|him|his|she|her)\b", verb.group(2)):
            return "question:who", f"Who {verb.group(1)} {verb.group(2)}?", answer.name
        if verb and not clause and verb.group(1) in lexicon.COPULAS and verb.group(2).startswith("the "):
            return "question:who", f"Who {verb.group(1)} {verb.group(2)}?", answer.name
    # "The budget for X was $50 million." -> "What was the budget for X?"
    copula = re.match(r"The ([^,;()]+?) (was|is|were|are) (?:reportedly |about |around |roughly )?$", text[: answer.start])
    if copula and ends_with_answer and answer.kind not in (MentionKind.NAME,):
        wh = "Who" if answer.kind is MentionKind.PERSON else "What"
        return f"question:{wh.lower()}", f"{wh} {copula.group(2)} the {copula.group(1)}?", answer.text
    if subject is None or subject.start != 0:
        return _year_first_question(text, answer, claim)
    verb = re.match(r" (\w+)(?: (back|up|out))? ", text[subject.end :])
    if verb is None or answer.start < subject.end + verb.end():
        return None
    past = verb.group(1)
    particle = f" {verb.group(2)}" if verb.group(2) else ""
    who = subject.name if subject.kind is MentionKind.PERSON else re.sub(r"^The ", "the ", subject.text)
    middle = text[subject.end + verb.end() : answer.start].strip()
    plain = lexicon.PAST_TO_PLAIN.get(past)
    # "X spent seven months going on ride-alongs." -> "How long did X spend going on ride-alongs?"
    if answer.kind is MentionKind.DURATION and past == "spent" and not middle and re.match(r" \w+ing\b", after_answer):
        return "question:how-long", f"How long did {who} spend{after_answer}?", answer.text
    # "X was founded in 1869." -> "In what year was X founded?"
    passive = re.fullmatch(r"(\w+ed|built|born|made|held|won|led|sold|shot|taken|given)( (?:in|on))", middle)
    passive = passive if past in ("was", "were") else None
    if passive and ends_with_answer and answer.kind in (MentionKind.YEAR, MentionKind.DATE):
        wh = "In what year" if answer.kind is MentionKind.YEAR else "On what date"
        if answer.kind is MentionKind.YEAR or (passive.group(2) == " on" and re.search(r"\d{4}$", answer.text)):
            return "question:when", f"{wh} {past} {who} {passive.group(1)}?", answer.text
    if plain is None or not ends_with_answer or "," in middle or _SECOND_VERB.search(middle):
        return None
    body = f"{who} {plain}{particle}" + (f" {middle}" if middle else "")
    last = middle.split()[-1] if middle else ""
    # "X earned $67 million." -> "How much did X earn?"
    if answer.kind is MentionKind.MONEY and past in lexicon.MONEY_VERBS and not middle:
        return "question:how-much", f"How much did {who} {plain}{particle}?", answer.text
    if answer.kind is MentionKind.YEAR and last == "in":
        return "question:when", f"In what year did {body.removesuffix(' in')}?", answer.text
    if answer.kind is MentionKind.DATE and last == "on" and re.search(r"\d{4}$", answer.text):
        return "question:when", f"On what date did {body.removesuffix(' on')}?", answer.text
    if answer.kind is MentionKind.DURATION and last == "for":
        return "question:how-long", f"How long did {body.removesuffix(' for')}?", answer.text
    return None


def _year_first_question(text: str, answer: Mention, claim: Claim) -> tuple[str, str, str] | None:
    """ "In 1989, X shot Y." -> "In what year did X shoot Y?" """
    opening = re.match(r"In (\d{4}),? ", text)
    if answer.kind is not MentionKind.YEAR or opening is None or answer.start != opening.start(1):
        return None
    rest = text[opening.end() :]
    subjects = [*claim.mentions, *([claim.subject] if claim.subject else [])]
    subject = next((m for m in subjects if m.start == opening.end() and m.kind in NAMED_KINDS), None)
    if subject is None or subject.possessive:
        return None
    written = text[subject.start : subject.end]
    verb = re.match(r" (\w+) (.+)", rest[len(written) :])
    if verb is None or re.search(r"[,;:]", verb.group(2)):  # one clause: not "… as his wife; her first husband …"
        return None
    if verb.group(1) in ("was", "were") and re.match(r"\w+ed\b", verb.group(2)):
        return "question:when", f"In what year {verb.group(1)} {written} {verb.group(2)}?", answer.text
    plain = lexicon.PAST_TO_PLAIN.get(verb.group(1))
    if plain is None or _SECOND_VERB.search(verb.group(2)):
        return None
    return "question:when", f"In what year did {written} {plain} {verb.group(2)}?", answer.text


def _is_past_verb(word: str) -> bool:
    return word not in lexicon.NOT_WHO_VERBS and (word in lexicon.PAST_TO_PLAIN or (word.endswith("ed") and len(word) > 4))


def _cuts_a_name(text: str, mention: Mention) -> bool:
    """Whether deleting the mention would cut a longer name in two: "St. {{Louis}}", "Apollo {{14}}",
    "{{John A}}. Roebling", "School of Physics and {{Chemistry}}", "{{L}}1", "{{26-year}}-old",
    "{{Addison}}'s disease", "the {{Avogadro}} constant"; or a range: "over {{a day}} or two", "three or {{four}}
    squalls", "between 10 and {{20}} ships", "{{roughly 45 seconds}} to a minute"."""
    before, after = text[: mention.start], text[mention.end :]
    if re.match(r"[\w-]|/\d|['’](?!s\b)\w", after) or re.search(r"[\w-]$|\d[:./]$", before):
        return True  # also the minutes of a time, "10:{{20}}", and half of a fraction, "about 1/{{267}}"
    if mention.kind in _NUMBER_KINDS and (_REST_OF_A_RANGE.match(after) or _START_OF_A_RANGE.search(before)):
        return True  # "over {{a day}} or two", "three or {{four}} squalls"
    if _names_a_term(text, mention):
        return True  # "{{Addison}}'s disease"
    if re.match(r"\. [A-Z]", after) and re.search(r"(?:^|\s)[A-Z]$", mention.text):
        return True
    opened = re.search(r"([A-Z][\w.]*) [\"“]$", before)
    named_before = re.search(r"([A-Z][\w.]*) [\"“][^\"”]+[\"”] $", before)
    nickname = opened and opened.group(1) not in lexicon.SENTENCE_STARTERS and re.match(r"[\"”] [A-Z]", after)
    if nickname or re.match(r" [\"“][^\"”]+[\"”] [A-Z]", after) or (named_before and named_before.group(1) not in lexicon.SENTENCE_STARTERS):
        return True  # a name around a nickname: "{{Edwin E.}} "Buzz" Aldrin Jr.", "Edwin E. "{{Buzz}}" Aldrin Jr." (not "For "{{Emma}}" Austen …")
    if mention.kind not in NAMED_KINDS and not mention.text[:1].isdigit():
        return False
    if mention.kind in NAMED_KINDS and _INSIDE_AN_ORGANISATION.search(before):
        return True
    generic = lexicon.ORGANISATION_WORDS | lexicon.PLACE_WORDS
    if mention.text.split()[-1] in generic and re.search(r"[A-Z][\w-]* and $", before):
        return True  # "Baikalsk Pulp and {{Paper Mill}}"
    joined = re.match(r" and ((?:[A-Z][\w-]* )*[A-Z][\w-]*)", after)
    if mention.kind in NAMED_KINDS and joined and joined.group(1).split()[-1] in generic:
        return True  # "{{Baikalsk Pulp}} and Paper Mill"
    # a capitalised word just before, not a possessive, or a short form opening with a digit ("3D {{Systems}}")
    word = re.search(r"(?:^|\s)((?:[A-Z]|\d[A-Z])[\w.'’-]*) $", before)
    if mention.kind is MentionKind.PERSON and word and (
        word.group(1).rstrip(".") in lexicon.TITLES_BEFORE_NAMES
        or word.group(1) in lexicon.NATIONALITIES
        or before.endswith(tuple(f"{title} " for title in lexicon.OFFICE_TITLES))
    ):
        # "President {{Ronald Reagan}}", "Secretary of State {{George Marshall}}", "the Hungarian {{Zoltar Bendek}}": the
        # title or the nationality is no part of the name
        return False
    if word and word.group(1) not in lexicon.SENTENCE_STARTERS | lexicon.DEMONYMS and word.group(1).rstrip(".") not in lexicon.MONTH_NAMES:
        return not re.search(r"['’]s?$", word.group(1))
    following = after.split()[0] if mention.kind in NAMED_KINDS and re.match(r" [A-Z][a-z]", after) else ""
    return bool(following) and following not in lexicon.SENTENCE_STARTERS


def _named_after_someone(mention: Mention) -> bool:
    """Whether the mention is a term named after someone, found whole: "Ostrander's principle", "the Brand equation"."""
    return mention.kind is MentionKind.TERM and mention.text[:1].isupper()


def _names_a_term(text: str, mention: Mention) -> bool:
    """Whether the name is the first half of a term named after someone: "Addison's disease", "the
    van der Waals equation", "the Avogadro constant"."""
    eponym = re.match(r"(?:['’]s)? (\w+)", text[mention.end :])
    return mention.kind in NAMED_KINDS and eponym is not None and eponym.group(1) in lexicon.EPONYM_NOUNS


def _leaning_phrases(text: str, topic: _Topic | None) -> int:
    """How many "the bank", "the part" … the text holds that point back at something it does not
    name (the topic's own noun, "the bridge" in a document about a bridge, does not count), and
    "again" ("made the case again": when was the first time?)."""
    count = len(re.findall(r"\bagain\b", text, re.IGNORECASE))
    for match in re.finditer(r"\bthe ([a-z]+)\b(?! of\b)", text, re.IGNORECASE):
        noun = match.group(1).lower()
        if noun in lexicon.BACK_REFERRING_NOUNS and not (topic and (noun in topic.kind_nouns or any(_has_word(alias, noun) for alias in topic.aliases))):
            count += 1
    return count


def _paired(claim: Claim, mention: Mention) -> bool:
    return any(
        other is not mention
        and other.kind is mention.kind
        and claim.text[min(other.end, mention.end) : max(other.start, mention.start)] in (" and ", "/", " or ")
        for other in claim.mentions
    )


def _in_a_list(claim: Claim, mention: Mention) -> bool:
    """Whether the mention is one of three or more names listed together ("Watson, Crick and
    {{Wilkins}}", also names of different kinds: "{{Gus Grissom}}, Ed White and Roger Chaffee"), an
    item of a list of three or more things ("limestone, granite and {{Rosendale}} cement", "a show
    of strength, a triumph of {{management}}, a jobs programme") or one of three or more years or dates
    ("returned four more times, in 1997, {{1999}}, 2002 and 2009"): which one is missing is a guess, not a
    memory."""
    named = mention.kind in NAMED_KINDS
    kin = [m for m in claim.mentions if m.kind is mention.kind or (named and m.kind in NAMED_KINDS)]
    position = kin.index(mention)
    linked = [mention]
    for step in (-1, 1):
        index = position
        while 0 <= index + step < len(kin):
            first, second = sorted((kin[index], kin[index + step]), key=lambda m: m.start)
            if claim.text[first.end : second.start] not in (", ", ", and ", " and ", ", or ", " or "):
                break
            index += step
            linked.append(kin[index])
    lists = [*_LIST_OF_THINGS.finditer(claim.text), *(_LIST_OF_TIMES.finditer(claim.text) if mention.kind in (MentionKind.YEAR, MentionKind.DATE) else ())]
    # a term that is the list's items whole is no item of it: "an alloy of {{lead, tin and antimony}}"
    whole_list = mention.kind is MentionKind.TERM and ", " in mention.text
    # nor are two people a plural word brings in after a comma: "built by two brothers, {{Tom and Ned Vane}}", nor a
    # list its count or kind announces: "has three lobes: {{the orvum, the tarsum and the vellum}}"
    pair = names_a_pair_by_their_part(claim.text, mention) or mention.listed
    # and what a count announces is no item of a list a place before it opens: "two engineers at Dunmore, the glassworks
    # near Kellby, {{Tom Vane}} and Ann Hale, built …"
    announced = announced_by_a_count(claim.text, mention)
    return not announced and (len(linked) >= 3 or not pair and any(match.start() <= mention.start and mention.end <= match.end() and not (whole_list and mention.end == match.end()) for match in lists))


# A name of one capitalised word long enough to have a plural or singular of its own: "Mongol", "Mongols".
_ONE_CAPITALISED_WORD = re.compile(r"[A-Z][a-z]{4,}")
# The words a short form may be made of, right before it: "… Staphylococcus aureus, or {{MRSA}}", "… Laboratory ({{NPL}}".
_SPELLED_OUT_BEFORE = re.compile(r"(?P<words>(?:[\w'’-]+ ){1,7}[\w'’-]+)(?:,? or (?:the )?| \()$")


# Round 112, part A. A name made of a word and the number or letter that says which of a series it is: "Apollo 13",
# "Gemini 6A", "Class K", "James VI".
_NUMBERED_NAME = re.compile(r"(?P<series>[A-Z][\w.]*) (?P<number>\d+[A-Z]?|[A-Z]|[IVX]+)")
# Another number of a counted series on the card, after the series' word or right after the answer: "from … up to
# Class 4", "…, 19 and 20".
_ANOTHER_OF_THE_SERIES = r"\b{series} \d|… ?,? (?:and |or )?\d"


def _only_its_number_asked(answer: str, label: str, rest: str) -> bool:
    """Whether the answer is a word and the number or letter that says which of a series it is, and the card lacks the
    number: the word alone gives nothing away, the learner recalls the number ("(Apollo 11) In April 1970 an oxygen
    tank exploded aboard {{Apollo 13}}.", "kitchen fires are {{Class K}}", "succeeded by {{James VI}} of Scotland, who
    became James I of England"). Not when the sentence holds another number of the series, which counts the way to it
    ("from {{Class 1}}, harmless, up to Class 4", "Three missions, {{Apollo 18}}, 19 and 20, were cancelled")."""
    numbered = _NUMBERED_NAME.fullmatch(answer)
    if numbered is None or re.search(rf"\b{numbered['number']}\b", label + rest):
        return False
    counted = numbered["number"][0].isdigit() and re.search(_ANOTHER_OF_THE_SERIES.format(series=re.escape(numbered["series"])), rest)
    return not counted


def _spells(short: str, words: str) -> bool:
    """Whether the short form, all capitals, is the first letters of the last words before it, each part of a hyphened
    word counting as a word ("methicillin-resistant Staphylococcus aureus" spells MRSA)."""
    if not re.fullmatch(r"[A-Z]{2,6}", short):
        return False
    letters = "".join(part[0] for part in re.split(r"[\s-]+", words) if part).lower()
    return letters.endswith(short.lower())


def _guessable(
    mention: Mention, answer: str, rest: str, *, label: str = "", common_words: Set[str] = frozenset(), nickname: bool = False
) -> bool:
    """Whether the answer (or, for a name, one of its words; for a number, the number) can be read
    from the rest of the card (`label` and `rest`), or the rest gives it away ("the French capital, {{Paris}}"); a small word
    such as the "The" of "The Call of the Wild" gives nothing away. A
    nickname is given away only by all its words: "Frank Crowe … the nickname "{{Hurry Up Crowe}}"" is
    not, though its person's name is on the card; nor is an organisation by the country or city it
    opens with (see `_own_words`), nor by a common noun for what it does that the card writes in lower case,
    unless all its words are on the card: "The survey is run by the {{Northern Sky Survey Office}}" is asked,
    "The survey is run by the {{Survey Office}}" is not (a place or another name is: "a spa whose milky blue
    water … the {{Blue Lagoon}}", "near the camp of {{Sheep Camp}}"). The document's label in front of the card
    ("(Battle of Hastings) ") is part of the card, but a word of it that says what kind of thing the document is about
    gives away only a person's name or the whole of a name, not another thing named with it ("William founded {{Battle
    Abbey}} …"); a word that says which does (see `_says_which`: "(Chernobyl Disaster) … at the {{Chernobyl Nuclear
    Power Plant}}")."""
    card = label + rest
    if _contains_word(card, mention.text) or _contains_word(card, answer):
        return True
    if any(_contains_word(card, clue) for clue in lexicon.GIVEN_AWAY_BY.get(mention.text, ())):
        return True
    if mention.kind in NAMED_KINDS and _ONE_CAPITALISED_WORD.fullmatch(answer) and re.search(rf"\b(?:{answer}s|{answer.removesuffix('s')})\b", card):
        return True  # "the Mongol rulers …, but the {{Mongols}} …": the same word, in the plural or the singular
    if (spelled := _SPELLED_OUT_BEFORE.search(rest.split(" … ")[0])) and _spells(answer, spelled.group("words")):
        return True  # "methicillin-resistant Staphylococcus aureus, or {{MRSA}}": the words before spell the short form
    # "the {{Marren effect}}, after the chemist Hans Marren": the namesake gives the term away (not the capital of a term
    # that opens the sentence, "{{Lithium cobalt oxide}} stores …")
    # ("the "{{Empty State Building}}"" in a history of the Empire State Building: a nickname only by all its words)
    named_words = [word for word in (answer.split()[1:] if mention.start == 0 else answer.split()) if len(word) > 2 and word[0].isupper()]
    given_words = [word for word in named_words if _contains_word(card, word)]
    if mention.kind is MentionKind.TERM and given_words and (not nickname or given_words == named_words):
        return True
    if mention.kind in NAMED_KINDS and _only_its_number_asked(answer, label, rest):
        return False  # "(Apollo 11) … aboard {{Apollo 13}}": "Apollo" says not which flight
    if mention.kind in NAMED_KINDS:  # "Franklin" gives away "Ellis Franklin"; "College" does not give away "Birkbeck College"
        # round 111, lead: nor "Act" the "Cat and Mouse Act" beside "the Prisoners Act of 1913", a kind of law or event
        generic = lexicon.ORGANISATION_WORDS | lexicon.PLACE_WORDS | lexicon.PRIZE_WORDS | lexicon.STRUCTURE_WORDS | lexicon.NAMED_BY_ITS_YEAR_WORDS
        words = _own_words(mention, answer.split(), generic)
        # round 112, part A: nor "Fort", "San" or "National" ("… the walls of {{Fort Wood}}, an old fort")
        generic = generic | lexicon.BUILDING_FIRST_WORDS | lexicon.SAINT_WORDS | lexicon.INSTITUTION_ADJECTIVES
        if mention.kind is MentionKind.PERSON:  # "{{Prince Albert}} … with the prince at its head": the title says not which prince
            generic = generic | lexicon.TITLES_BEFORE_NAMES
        own = [word for word in words if len(word) > 2 and word[0].isupper() and word not in generic and word.lower() not in lexicon.CAPITALISED_SMALL_WORDS]
        given = [
            word
            for word in own
            if (_hyphenated_given(card, word) or _derived_word_given(card, word))
            and not (word == words[-1] and (_only_the_noun_before(card, word) or _ends_another_name(mention, card, word) or _kind_noun_in_lower_case(card, word)))
            # round 117, part B: nor the kind that opens a name of "of" ("the {{Stone of Kell}}, the coronation stone")
            and not (word == words[0] and words[1:2] == ["of"] and _kind_noun_in_lower_case(card, word))
            and not (mention.kind is MentionKind.PERSON and word != words[-1] and _only_in_other_names(card, word))
            and not (mention.kind is MentionKind.PERSON and word == words[-1] and _only_in_relatives_names(label, rest, words, common_words))
        ]
        if mention.kind is not MentionKind.PERSON and not all(_contains_word(label, word) for word in words):
            given = [word for word in given if _hyphenated_given(rest, word) or _derived_word_given(rest, word) or _says_which(label, word, common_words)]
        if nickname:
            return given == words
        if mention.kind is not MentionKind.ORGANISATION or given == own:
            return bool(given)
        names = " ".join(word for word in _WORD.findall(card) if word[0].isupper())  # the card's names, not its common nouns
        return any(_hyphenated_given(names, word) or _derived_word_given(card, word) for word in given)
    numbers = list((_NUMBER_OF_A_COUNT if mention.kind is MentionKind.COUNT else _DIGITS).finditer(mention.text))
    if mention.kind is MentionKind.DATE:
        # a date's day gives nothing away beside its year: "laying her keel on 31 March 1909 and launching the hull on
        # {{31 May 1911}}" (the year does: "In 1886 … a patent, dated {{29 January 1886}}")
        numbers = [number for number in numbers if len(number.group()) >= 3] or numbers
    return any(_contains_word(card, number.group()) for number in numbers)


def _says_which(label: str, word: str, common_words: Set[str]) -> bool:
    """Whether a word of the document's label says which thing the document is about, not what kind of thing: a proper
    name the document never writes in lower case ("Brooklyn" of "Brooklyn Bridge"), or any word after the label's "of"
    ("Liberty" of "Statue of Liberty"; not "Battle" of "Battle of Hastings")."""
    return word.lower() not in common_words or _contains_word(label.partition(" of ")[2], word)


def _only_the_noun_before(rest: str, word: str) -> bool:
    """Whether the card holds the last word of a name only in lower case, as the noun the name is set after between
    commas: "The first camp on the floe, {{Ocean Camp}}, lay …" says what kind of thing it is, not which one (not "near
    the camp of {{Sheep Camp}}", nor a word of another place: "a spa whose milky blue water …")."""
    apposed = _APPOSED_ANSWER.search(rest)
    if apposed is None or word.lower() not in apposed["noun"].split():
        return False
    return not _contains_word(rest[: apposed.start("noun")] + rest[apposed.end("noun") :], word)


def _kind_noun_in_lower_case(rest: str, word: str) -> bool:
    """Whether the card holds the last word of a name only in lower case, and not right before the answer as the noun
    it names ("the camp of {{Sheep Camp}}"): the word says what kind of thing the name is, not which one ("The largest
    single glacier, the {{Lambert Glacier}} in East Antarctica, …", "a second rebellion, the {{Rum Rebellion}} of
    1808", "took the field … at {{Ebbets Field}}"); a word of the name before its last says which ("a spa whose milky
    blue water … the {{Blue Lagoon}}"). `_guessable` reads the kind that opens a name of "of" the same way: "the {{Stone of
    Kell}}, the coronation stone of …" (round 117, part B)."""
    found = re.findall(rf"\b{re.escape(word)}\b", rest, re.IGNORECASE)
    return bool(found) and all(written.islower() for written in found) and re.search(rf"\b{re.escape(word.lower())} of\s+(?:the\s+)?…", rest) is None


def _ends_another_name(mention: Mention, rest: str, word: str) -> bool:
    """Whether the last word of a name that is no person's ends another name on the card too, so that it says what kind
    of thing both are, not which: "Hale joined the {{Rural Housing Office}}, an agency that became the Land Aid Office"
    (not a surname: "Ellis Franklin" beside Rosalind Franklin; nor a word inside another name or after an article only:
    "the {{Isthmus of Panama}}" beside "The Panama Canal")."""
    return mention.kind is not MentionKind.PERSON and any(name["last"] == word for name in _LAST_WORD_OF_A_NAME.finditer(rest))


def _only_in_other_names(rest: str, word: str) -> bool:
    """Whether the card holds a word of a person's name other than the last only where another name goes on after it:
    the first name two people share ("Chris Brasher led …, and {{Chris Chataway}} took over …") says neither."""
    found = list(re.finditer(rf"\b{re.escape(word)}\b", rest, re.IGNORECASE))
    return bool(found) and all(_NAME_GOES_ON.match(rest, place.end()) for place in found)


# The given names right before a surname, as the card writes another person's name: "Gutzon |Borglum", "Amalie Emmy |Noether"
# (not "the USS |Holland")
_GIVEN_NAMES_BEFORE = re.compile(r"(?:(?:[A-Z][a-z][\w'’-]*|[A-Z]\.) )+$")
# The answer's own apposition up to a name in it, which is that person's title or other name unless a word of kin says
# whose relative the answer is: "{{Carl Hale}}, the third Earl |Hale"
_IN_THE_ANSWERS_APPOSITION = re.compile(r" … ?,? (?:the|a|an) [^,;]*$")
# A word that says people are family: "father", "grandson", "half-sister", "married"
_SAYS_KIN = re.compile(rf"\b(?:grand|step|half-)?(?:{'|'.join(sorted(lexicon.KIN_NOUNS))})s?\b|\bmarr(?:ied|ies|iage|y)\b", re.IGNORECASE)


def _only_in_relatives_names(label: str, rest: str, words: list[str], common_words: Set[str]) -> bool:
    """Whether the card holds a person's surname only inside the full names of other people, while the answer's given
    names, not on the card, are none of theirs, and the card says they are family: in "Tomas Vell's father, {{Anton
    Vell}}, ran a mill" the surname says only which family, and the learner recalls "Anton". Not the same man named
    again ("until Vell's death", "the Vell Prize", "H. A. Vell, later Sir Anton Vell", "{{Anton Vell}}, the third Earl
    Vell"), a title alone ("the poet {{Lord Vell}}", "{{Dr. Vell}}"), nor a word the document writes in lower case ("the
    {{Ahmed Mosque}}, or Blue Mosque"). The document's label is part of the card: "(Vell Island)" names no person."""
    *first, surname = words
    given_names = [word.rstrip(".") for word in first if word.rstrip(".") not in lexicon.TITLES_BEFORE_NAMES]
    card = label + rest
    found = list(re.finditer(rf"\b{re.escape(surname)}\b", card))
    if not any(len(name) > 2 for name in given_names) or not found or surname.lower() in common_words or not _SAYS_KIN.search(card):
        return False  # namesakes the card does not say are family ("Tom Vane led …, and {{Ada Vane}} took over") may be one
    if any(_contains_word(card, name) for name in given_names):
        return False  # "Ann Vell was born {{Ann Lind}} …, the daughter of Karl Lind": both halves given
    for place in found:
        before = _GIVEN_NAMES_BEFORE.search(card, 0, place.start())
        if before is None or _NAME_GOES_ON.match(card, place.end()):
            return False
        theirs = [word.rstrip(".") for word in before.group().split()]
        if theirs[-1].lower() in common_words or theirs[-1] in lexicon.TITLES_BEFORE_NAMES:
            return False
        apposition = _IN_THE_ANSWERS_APPOSITION.search(card, 0, before.start())
        if apposition and not _SAYS_KIN.search(apposition.group()) and not card.startswith(("'s", "’s"), place.end()):
            return False  # "{{Carl Hale}}, the third Earl Hale": his own title (not "…, the daughter of Karl Hale", "…, Ann Hale's son")
        if any(mine.lower().startswith(other.lower()) or other.lower().startswith(mine.lower()) for mine in given_names for other in theirs):
            return False  # one of them may be the answer's own given name or its initial
    return True


def _own_words(mention: Mention, words: list[str], generic: frozenset[str]) -> list[str]:
    """The words of a name that say which one it is: for an organisation whose name opens with a
    country or city (lexicon.PLACES) and goes on with a word that is not generic, the words after the
    place ("the United States government and … the {{United States Space Force}}" gives away only the
    country); all the words otherwise ("New York Times", whose "Times" says nothing alone)."""
    if mention.kind is MentionKind.ORGANISATION:
        for size in (2, 1):
            if " ".join(words[:size]) in lexicon.PLACES and any(word not in generic for word in words[size:]):
                return words[size:]
    return words


def _hyphenated_given(rest: str, word: str) -> bool:
    """Whether the word of a name is on the card, or for a word that joins names with hyphens, every
    name it joins: "Jimmy Carter and Omar Torrijos signed the {{Torrijos-Carter Treaties}}" gives its
    answer away, "Jane Austen's nephew {{James Edward Austen-Leigh}}" does not."""
    parts = word.split("-")
    return _contains_word(rest, word) or (len(parts) > 1 and all(_contains_word(rest, part) for part in parts))


def _derived_word_given(rest: str, word: str) -> bool:
    """Whether the card holds a word made from the word of a name: "Strombolian eruptions, named after
    {{Stromboli}}", "Panamanian silver … {{Panama}}" (a word of five letters or more); a final vowel may drop before
    the ending, and a follower's "-ist" is one too: "Buddhist use … statues of the {{Buddha}}", ""Crimean fever" …
    visited the {{Crimea}}" (not "-ism": "Daltonism" is named after {{John Dalton}}, whom the card asks)."""
    stems = re.escape(word) + (f"|{re.escape(word[:-1])}" if word[-1] in "aeo" else "")
    return len(word) >= 5 and re.search(rf"\b(?:{stems})(?:an|ian|ean|ese|ic|nian|ists?)\b", rest) is not None


def _sentence_quality(text: str, position: float) -> float:
    """How good a source the sentence is: a plain statement of middle length early in the document
    scores best; long, comma-heavy or bracketed sentences less."""
    words = len(_WORD.findall(text))
    quality = 1.0
    if words > 25:
        quality -= 0.02 * (words - 25)
    quality -= 0.04 * max(0, text.count(",") - 2) + 0.05 * text.count("(")
    return max(0.2, quality - 0.15 * position)


def _normalised(answer: str) -> str:
    return " ".join(_WORD.findall(answer.lower()))


def _best(cards: list[_Card], limit: int) -> list[Suggestion]:
    """The best `limit` cards, best first, without near-duplicates (the same answer from a sentence
    that says nearly the same). A second card from one sentence, or a second card with one answer,
    counts for less, so that the first cards cover as many facts as they can."""
    chosen: list[_Card] = []
    left = sorted(cards, key=lambda card: (-card.suggestion.score, card.suggestion.start))
    while left and len(chosen) < limit:
        sentences = Counter(card.sentence for card in chosen)
        answers = Counter(card.key for card in chosen)

        def value(card: _Card) -> float:
            return card.suggestion.score * SAME_SENTENCE_FACTOR ** sentences[card.sentence] * SAME_ANSWER_FACTOR ** answers[card.key]

        best = max(left, key=value)
        left.remove(best)
        if not any(
            best.key == other.key
            and (best.once or best.sentence == other.sentence or _overlap(best.words, other.words) >= NEAR_DUPLICATE_OVERLAP)
            for other in chosen
        ):
            chosen.append(dataclasses.replace(best, suggestion=dataclasses.replace(best.suggestion, score=round(value(best), 4))))
    return [card.suggestion for card in chosen]


def _overlap(first: frozenset[str], second: frozenset[str]) -> float:
    return len(first & second) / max(len(first | second), 1)
