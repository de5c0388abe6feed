"""The default suggestion engine on sentences written for the tests: each rule makes what it should,
each refusal refuses, and any text gives well-formed suggestions."""
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from heatcards.authoring.model import DocumentText, SuggestionKind
from heatcards.authoring.reading import read_document
from heatcards.authoring.rules import MAX_CARDS_PER_SENTENCE, MINIMUM_CARDS, RulesEngine, _another_thing_it_may_be, _contains_word, _title_is_about
from heatcards.authoring.sentences import split_sentences
from heatcards.errors import CancelledError, GenerationError


def document(text: str, title: str = "Notes") -> DocumentText:
    return DocumentText(title, "notes.txt", text, ((0, len(text)),))


def suggest(text: str, title: str = "Notes", per_1000: float = 200.0):
    return RulesEngine().suggest(document(text, title), cards_per_1000_words=per_1000)


def cards(text: str, title: str = "Notes") -> set[tuple[str, str, str]]:
    return {(s.rule, s.front, s.back) for s in suggest(text, title)}


def answers(text: str, title: str = "Notes") -> set[str]:
    return {s.answer for s in suggest(text, title)}


def _plain(answer: str) -> str:
    return " ".join(re.findall(r"[\w.,]+", answer.lower())).strip(" .,")


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "The first vaccine against smallpox was developed by Edward Jenner.",
            {("cloze:person", "The first vaccine against smallpox was developed by {{c1::Edward Jenner}}.", "")},
        ),
        (
            "Alexander Fleming discovered penicillin at a London hospital.",
            {
                ("question:who", "Who discovered penicillin at a London hospital?", "Alexander Fleming"),
                ("cloze:term", "Alexander Fleming discovered {{c1::penicillin}} at a London hospital.", ""),
            },
        ),
        (
            "In 1928, Alexander Fleming published a paper on mould.",
            {
                ("question:when", "In what year did Alexander Fleming publish a paper on mould?", "1928"),
                ("cloze:person", "In 1928, {{c1::Alexander Fleming}} published a paper on mould.", ""),
            },
        ),
        (
            "Acme Corporation raised $30 million.",
            {
                ("question:how-much", "How much did Acme Corporation raise?", "$30 million"),
                ("cloze:organisation", "{{c1::Acme Corporation}} raised $30 million.", ""),
            },
        ),
        (
            "The budget for the bridge was $12 million.",
            {("question:what", "What was the budget for the bridge?", "$12 million")},
        ),
        (
            "Marie Curie spent four years refining radium.",
            {
                ("question:who", "Who spent four years refining radium?", "Marie Curie"),
                ("question:how-long", "How long did Marie Curie spend refining radium?", "four years"),
                ("cloze:term", "Marie Curie spent four years refining {{c1::radium}}.", ""),
            },
        ),
        (
            "Charles Darwin studied at Shrewsbury for two years.",
            {
                ("question:who", "Who studied at Shrewsbury for two years?", "Charles Darwin"),
                ("question:how-long", "How long did Charles Darwin study at Shrewsbury?", "two years"),
                ("cloze:place", "Charles Darwin studied at {{c1::Shrewsbury}} for two years.", ""),
            },
        ),
        (
            "Construction of the Golden Gate Bridge began in 1933.",
            {
                ("cloze:year", "Construction of the Golden Gate Bridge began in {{c1::1933}}.", ""),
                ("cloze:place", "Construction of the {{c1::Golden Gate Bridge}} began in 1933.", ""),
            },
        ),
        (
            "The Treaty of Versailles was signed on June 28, 1919.",
            {
                ("cloze:date", "The Treaty of Versailles was signed on {{c1::June 28, 1919}}.", ""),
                ("cloze:name", "The {{c1::Treaty of Versailles}} was signed on June 28, 1919.", ""),
            },
        ),
        (
            "The painter J. M. W. Turner made a watercolour of the harbour.",
            {("cloze:person", "The painter {{c1::J. M. W. Turner}} made a watercolour of the harbour.", "")},
        ),
        (
            "The Eiffel Tower is 330 metres tall.",
            {
                ("cloze:quantity", "The Eiffel Tower is {{c1::330 metres}} tall.", ""),
                ("cloze:place", "The {{c1::Eiffel Tower}} is 330 metres tall.", ""),
            },
        ),
        (
            "The Bodleian Library holds 20,000 rare books.",
            {
                ("cloze:count", "The Bodleian Library holds {{c1::20,000}} rare books.", ""),
                ("cloze:organisation", "The {{c1::Bodleian Library}} holds 20,000 rare books.", ""),
            },
        ),
        (
            "A new vaccine was tested by the World Health Organization in Lausanne.",
            {
                ("cloze:organisation", "A new vaccine was tested by the {{c1::World Health Organization}} in Lausanne.", ""),
            },
        ),
        (
            'The producer Ada Brand adapted the novel "Brighton Rock" for the screen.',
            {
                ("cloze:work", 'The producer Ada Brand adapted the novel "{{c1::Brighton Rock}}" for the screen.', ""),
                ("cloze:person", 'The producer {{c1::Ada Brand}} adapted the novel "Brighton Rock" for the screen.', ""),
            },
        ),
    ],
)
def test_each_rule_makes_its_card(sentence, expected):
    assert cards(sentence) == expected


def test_a_leading_pronoun_takes_the_one_person_of_the_sentence_before():
    text = "Marie Curie moved to Paris in 1891. She discovered polonium in 1898."
    second = split_sentences(text)[1]
    from_second = {(s.rule, s.front, s.back) for s in suggest(text) if (s.start, s.end) == (second.start, second.end)}
    assert from_second == {("question:when", "In what year did Marie Curie discover polonium?", "1898")}


def test_a_leading_it_takes_the_one_work_named_before_and_a_repeated_it_too():
    text = 'Her first novel was "Harbour Lights." Yet, when it appeared on March 3, 1950, it sold badly.'
    assert ("cloze:date", 'When "Harbour Lights" appeared on {{c1::March 3, 1950}}, it sold badly.', "") in cards(text)


def test_a_pronoun_with_two_possible_people_skips_the_sentence():
    text = "Marie Curie met Lise Meitner in Lyon. She discovered polonium in 1898."
    second = split_sentences(text)[1]
    assert [s for s in suggest(text) if s.start == second.start] == []
    assert answers(text) == {"Marie Curie", "Lise Meitner", "Lyon"}


def test_a_pronoun_takes_the_one_person_of_its_gender():
    text = "Marie Curie and Pierre Curie met in Paris. She discovered polonium in 1898."
    assert ("question:when", "In what year did Marie Curie discover polonium?", "1898") in cards(text)
    text = "Mrs. Okafor hired Tom Reyes in 1990. He founded a bakery in Leeds in 1994."
    assert ("question:when", "In what year did Tom Reyes found a bakery in Leeds?", "1994") in cards(text)


def test_a_pronoun_is_not_given_to_someone_of_the_other_gender():
    # "She" after a sentence naming only a man is not that man: nothing in the sentence before is hers
    text = "Acme Corporation hired Raymond Gosling in 1951. She worked with him on the B form in London."
    first = split_sentences(text)[0]
    assert suggest(text) and all(s.end == first.end for s in suggest(text))


def test_a_person_of_unknown_gender_is_not_taken_for_a_pronoun():
    text = "Kelly Osei opened a shop in Leeds. She sold the shop in 1990."
    assert {s.answer for s in suggest(text)} == {"Kelly Osei", "Leeds"}


def test_the_documents_own_person_stands_for_a_pronoun_that_no_one_before_can():
    text = (
        "Rosalind Franklin was a chemist. She was born in London in 1920. "
        "John Randall led the unit at King's College London. She left King's College London in 1953."
    )
    assert ("question:when", "In what year did Rosalind Franklin leave King's College London?", "1953") in cards(
        text, title="Rosalind Franklin"
    )


def test_the_gender_of_a_name_comes_from_the_pronouns_the_document_uses_for_it():
    text = (
        "The engineer Okafor founded the Lagos Trust, and she led the trust for ten years. "
        "The engineer Okafor moved to Accra in 1990. She opened a school in Kumasi in 1995."
    )
    assert ("question:when", "In what year did Okafor open a school in Kumasi?", "1995") in cards(text)
    assert [s for s in suggest(text.replace("she led", "he led")) if "Kumasi" in s.front] == []


def test_a_pronoun_in_the_middle_with_nothing_to_stand_for_skips_the_sentence():
    assert suggest("The council gave it to Lena Park in 1990.") == []
    assert suggest("Later, they sold the mill to a bank in Leeds in 1990.") == []


def test_a_dangling_reference_skips_the_sentence():
    assert suggest("This discovery changed medicine in 1928.") == []
    assert suggest("The latter moved to Vienna in 1901.") == []


def test_a_deletion_that_the_rest_of_the_sentence_gives_away_is_refused():
    assert answers("Tromsø is the largest town of Troms, and Tromsø has many museums.") == {"Troms"}
    assert answers("Hollis Grant founded a firm in Provo, and Grant ran the firm for years.") == {"Provo"}


def test_nothing_is_deleted_inside_quoted_speech():
    text = 'Before leaving the ceremony in Lausanne last spring, the engineer Paul Keller quoted "the road to Oslo" to reporters.'
    assert answers(text) == {"Lausanne", "Paul Keller"}


def test_a_sentence_that_is_mostly_quoted_speech_is_skipped():
    assert suggest('Anna Berg said "the harbour of Lisbon will reopen next week for every ship" today.') == []


def test_the_documents_own_topic_is_never_the_answer():
    text = (
        "Marie Curie was born in Warsaw. Marie Curie moved to Paris in 1891. "
        "The physicist Marie Curie won the prize in 1903."
    )
    found = suggest(text, title="Marie Curie")
    assert found and all("Marie Curie" not in s.answer for s in found)
    assert "1891" in {s.answer for s in found}


def test_a_sentence_without_the_topic_gets_it_as_context():
    text = 'The film "Dry Season" opened in Rome. The shoot in Sicily took six weeks.'
    assert ("cloze:duration", "(Dry Season) The shoot in Sicily took {{c1::six weeks}}.", "") in cards(text, title="Dry Season")


def test_questions_in_the_text_give_no_cards_and_no_card_is_a_yes_no_question():
    assert suggest("Did Marie Curie win two Nobel Prizes in Stockholm?") == []
    found = suggest("Alexander Fleming discovered penicillin at a London hospital. Marie Curie moved to Paris in 1891.")
    questions = [s.front for s in found if s.kind is SuggestionKind.QUESTION]
    assert questions and all(re.match(r"(Who|What|When|Where|Which|How|In what|On what) ", q) for q in questions)


def test_opinions_and_first_person_sentences_are_skipped():
    assert suggest("It was arguably the best film of 1995 in Rome.") == []
    assert suggest("We visited Lisbon in 1995 with Tom Hardy.") == []


def test_an_answer_longer_than_a_few_words_is_refused():
    text = 'Agatha Christie never wrote "The Curious Case Of The Missing Golden Key" in Torquay.'
    assert answers(text) == {"Torquay", "Agatha Christie"}


def test_the_same_answer_from_nearly_the_same_sentence_comes_once():
    text = (
        "The Eiffel Tower was finished in 1889 by a large team of workers. "
        "The Eiffel Tower was finally finished in 1889 by a large team of workers."
    )
    assert sorted(s.answer for s in suggest(text)) == ["1889", "Eiffel Tower"]


def test_suggestions_are_best_first_capped_and_cite_their_sentence():
    sentences = [
        f"The engineer Ada Quill{n} built bridge number {n} in {1800 + n} near Bristol." for n in range(40)
    ]
    text = " ".join(sentences)
    doc = document(text)
    found = RulesEngine().suggest(doc, cards_per_1000_words=20)
    assert len(found) == round(20 * doc.word_count / 1000)
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)
    spans = {(s.start, s.end) for s in split_sentences(text)}
    assert all((s.start, s.end) in spans for s in found)
    assert len({(s.start, s.end) for s in found}) > len(found) // 2  # spread over the document


def test_a_short_document_still_gets_a_few_cards():
    text = (
        "Alexander Fleming discovered penicillin at a London hospital. Marie Curie moved to Paris in 1891. "
        "The treaty was signed on June 28, 1919, at Versailles."
    )
    assert len(RulesEngine().suggest(document(text), cards_per_1000_words=1)) == MINIMUM_CARDS


def test_progress_is_reported_and_cancelling_stops_the_work():
    text = " ".join(f"Karl Brandt{n} moved to Vienna in {1900 + n}." for n in range(60))
    stages = []
    RulesEngine().suggest(document(text), progress=lambda stage, done, total: stages.append((stage, done, total)))
    assert ("Finding facts", 0, 60) in stages and stages[-1] == ("Writing cards", 60, 60)

    def cancel(stage, done, total):
        if done >= 25:
            raise CancelledError("cancelled")

    with pytest.raises(CancelledError):
        RulesEngine().suggest(document(text), progress=cancel)


def test_a_number_of_cards_that_is_not_positive_is_refused():
    with pytest.raises(GenerationError, match="above 0"):
        RulesEngine().suggest(document("Marie Curie moved to Paris in 1891."), cards_per_1000_words=0)


_WORDS = st.sampled_from(
    ["Marie", "Curie", "Paris", "in", "1891", "$5 million", "three years", "He", "It", "the film", "said",
     '"Blue Moon"', "moved", "to", "on", "June 3, 1920", ",", ".", "?", "\n", "\n\n", "1.", "Mr.", "L.A.",
     "{{", "}}", "::", "and", "of", "The", "was", "by", "Acme Corporation", "earned", "for", "spent"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_WORDS, st.text(max_size=6)), max_size=60).map(" ".join), st.text(max_size=20))
def test_any_text_gives_well_formed_suggestions(text, title):
    for suggestion in RulesEngine().suggest(document(text, title)):
        assert 0 <= suggestion.start < suggestion.end <= len(text)
        source = text[suggestion.start : suggestion.end]
        assert suggestion.rule.split(":")[0] in ("cloze", "question")
        if suggestion.kind is SuggestionKind.CLOZE:
            deletions = re.findall(r"\{\{c1::(.*?)\}\}", suggestion.front)
            assert len(deletions) == 1 and suggestion.front.count("{{c") == 1
            assert deletions[0] == suggestion.answer and deletions[0] in source
        else:
            assert suggestion.front.endswith((".", "?")) and suggestion.back == suggestion.answer


# Second round (issue 6): names kept whole, giveaways refused, sentences that lean on others refused
# or made whole, context labels, several facts from one sentence, and more questions.


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The engineer Ada Brand was born in St. Louis in 1840.", {"Ada Brand", "St. Louis", "1840"}),
        ("Ada Brand hired John A. Roebling in 1867.", {"Ada Brand", "John A. Roebling", "1867"}),
        ("In 1971, Apollo 14 landed near the Fra Mauro crater.", {"1971", "Apollo 14", "Fra Mauro"}),
        ("Ada Brand taught at the School of Physics and Chemistry in Leeds.", {"Ada Brand", "School of Physics and Chemistry", "Leeds"}),
        ("In 1938 Ada Brand went to King's College London.", {"1938", "Ada Brand", "King's College London"}),
    ],
)
def test_a_deletion_never_cuts_a_name_in_two(sentence, expected):
    assert answers(sentence) == expected


def test_a_famous_or_given_away_place_is_not_asked_for():
    assert answers("The French engineer Ada Brand opened a workshop in Paris in 1901.") == {"Ada Brand", "1901"}
    assert answers("Mission Control in Houston tracked the capsule for 36 hours.") == {"Mission Control", "36 hours"}
    assert answers("The probe Vega 2 photographed the Earth from 9,000 kilometres.") == {"Vega 2", "9,000 kilometres"}
    assert answers("Spanish soldiers founded the Presidio of Monterey on June 3, 1770.") == {"Presidio of Monterey", "June 3, 1770"}


@pytest.mark.parametrize(
    "text",
    [
        "Ada Brand sold the mill to Acme Corporation. A year later, Acme Corporation closed it in Leeds in 1990.",
        "Ada Brand heard of the fire in 1990. Such alarms reached Acme Corporation in Leeds every week.",
        "Ada Brand studied the fire in 1990. The case reached the High Court in Leeds in 1991.",
        "Ada Brand joined Acme Corporation in 1990. The team won the Leeds Cup in 1991.",
    ],
)
def test_a_sentence_that_leans_on_the_one_before_gives_nothing(text):
    second = split_sentences(text)[1]
    assert [s.front for s in suggest(text) if s.start == second.start] == []


def test_an_activity_without_its_owner_needs_the_topic_to_say_whose_it_is():
    assert suggest("Construction began in 1869 near the river.") == []
    text = "The Clifton Bridge spans the Avon Gorge. Construction began in 1869 near the river."
    assert ("cloze:year", "(Clifton Bridge) Construction began in {{c1::1869}} near the river.", "") in cards(text, "Clifton Bridge")


def test_the_bridge_opening_a_sentence_is_the_bridge_named_before():
    text = "Joseph Strauss designed the Golden Gate Bridge in 1921. The bridge opened on May 27, 1937."
    assert ("question:when", "On what date did the Golden Gate Bridge open?", "May 27, 1937") in cards(text)
    assert suggest("Joseph Strauss drew plans in 1921. The bridge opened on May 27, 1937.", per_1000=200)[0].answer != "May 27, 1937"


def test_a_linking_word_opening_a_sentence_is_dropped():
    text = "Acme Corporation built the mill in 1850. Meanwhile, Tom Reyes opened a bakery in Leeds."
    assert ("question:who", "Who opened a bakery in Leeds?", "Tom Reyes") in cards(text)


def test_they_takes_the_two_people_the_sentence_before_opens_with():
    text = "Marie Curie and Pierre Curie worked in Paris. They discovered polonium in 1898."
    assert ("question:when", "In what year did Marie Curie and Pierre Curie discover polonium?", "1898") in cards(text)


def test_a_pronoun_after_an_opening_phrase_is_resolved_and_the_opening_kept():
    text = "Rosalind Franklin was born in London. In 1938 she went to Newnham College to study chemistry."
    assert ("question:when", "In what year did Rosalind Franklin go to Newnham College to study chemistry?", "1938") in cards(text)


def test_a_pronoun_after_a_sentence_whose_own_pronoun_was_unknown_is_not_guessed():
    text = (
        'It became the most watched film of 1975, a record it held until "Star Wars" came out. '
        "Its gross passed $470 million in 1980."
    )
    assert [s for s in suggest(text) if "470" in s.answer or "Star Wars" in s.front and "gross" in s.front] == []


def test_one_of_three_listed_names_is_not_a_deletion():
    text = "In 1962 the prize went to James Watson, Francis Crick and Maurice Wilkins in Uppsala."
    assert answers(text) == {"1962", "Uppsala"}


def test_the_context_label_is_the_full_name_of_the_topic():
    text = (
        "Marie Curie was born in Warsaw in 1867. Marie moved to Paris in 1891. "
        "The Sorbonne gave a degree in physics to Marie in 1893. Radium was isolated by a team in 1910."
    )
    labels = {s.front.split(")")[0] + ")" for s in suggest(text, title="Marie Curie: a life") if s.front.startswith("(")}
    assert labels == {"(Marie Curie)"}


def test_a_title_word_the_text_hardly_mentions_is_not_the_topic():
    text = (
        "Steven Spielberg shot the film in 1974. Steven Spielberg hired Verna Fields. "
        "Steven Spielberg met John Williams in 1972. The crew left Hollywood in May 1974."
    )
    assert not [s for s in suggest(text, title="The shark that almost sank Hollywood") if s.front.startswith("(")]


def test_an_acronym_and_its_full_name_are_one_topic():
    text = "The Global Positioning System began in 1973. GPS needs at least 24 satellites. Ada Brand led GPS in 1980."
    fronts = {s.front for s in suggest(text, title="How GPS works")}
    assert "GPS needs {{c1::at least 24}} satellites." in fronts
    assert not any("Global Positioning System" in s.answer for s in suggest(text, title="How GPS works"))


def test_a_sentence_gives_a_card_for_each_of_its_facts_up_to_three():
    text = "Milk and Mayor George Moscone were killed by Dan White on November 27, 1978, in the city hall of Denver."
    found = suggest(text)
    assert len(found) == 3 and len({s.answer for s in found}) == 3


def test_a_passive_sentence_gives_a_when_question():
    assert ("question:when", "In what year was the Acme Corporation founded?", "1869") in cards(
        "The Acme Corporation was founded in 1869."
    ) or ("question:when", "In what year was Acme Corporation founded?", "1869") in cards("Acme Corporation was founded in 1869.")


def test_a_question_is_not_made_from_a_sentence_of_two_clauses():
    text = "Robert Shaw played Quint, and Richard Dreyfuss played the scientist Matt Hooper."
    assert not [s for s in suggest(text) if s.rule == "question:who"]


NEW_GENRE_ARTICLES = (
    *("honey-bee", "iceland-ring-road", "jane-austen", "marshall-plan"),  # the fourth round
    *("battle-of-midway", "gas-laws", "sydney-opera-house"),  # the fifth
    *("channel-tunnel", "halleys-comet", "leicester-city-2015-16"),  # the sixth
    "concorde",  # the seventh
    "endurance",  # the eighth
    "queen-mary",  # the tenth
    "dorothea-lange",  # the eleventh
    "voyager",  # the twelfth
    *("hoover-dam", "akira-kurosawa"),  # the nineteenth
    *("panama-canal", "klondike-gold-rush"),  # the twenty-second: long narrative histories
)
"""Development articles written in genres the engine had not seen and judged before it was changed for them
(tests/authoring_dev/judged): the fairest estimate of documents nobody here has seen."""


def _key_facts_covered(paths: list[Path]) -> tuple[int, int]:
    covered = total = 0
    for path in paths:
        found = {_plain(s.answer) for s in RulesEngine().suggest(read_document(path))}
        facts = [line.split(" :: ")[0].split(" | ") for line in path.with_suffix(".facts").read_text(encoding="utf-8").splitlines()]
        facts = [fact for fact in facts if not fact[0].startswith("#")]
        covered += sum(any(_plain(answer) in found for answer in fact) for fact in facts)
        total += len(facts)
    return covered, total


def test_the_key_facts_of_the_development_articles_are_covered():
    """The articles in tests/authoring_dev were written to develop the engine (plain text and two in
    Markdown, read as the app reads them); their .facts files list their key facts. At the default
    number of cards, most must be the answer of some card: at least 68 % of those of the first eight,
    at least 40 % of those of the nineteen in new genres (see docs/card-rules.md for why that is lower)."""
    folder = Path(__file__).parent / "authoring_dev"
    paths = sorted([*folder.glob("*.txt"), *folder.glob("*.md")])
    covered, total = _key_facts_covered([path for path in paths if path.stem not in NEW_GENRE_ARTICLES])
    assert total > 200 and covered / total >= 0.68
    covered, total = _key_facts_covered([path for path in paths if path.stem in NEW_GENRE_ARTICLES])
    assert total > 100 and covered / total >= 0.40


def test_a_pronoun_inside_a_sentence_that_no_one_there_can_be_is_the_documents_person():
    text = (
        "Rosalind Franklin was a chemist. She was born in London in 1920. "
        "In May 1952 Raymond Gosling took an image under her direction."
    )
    assert ("cloze:date", "In {{c1::May 1952}} Raymond Gosling took an image under Rosalind Franklin's direction.", "") in cards(
        text, title="Rosalind Franklin"
    )
    other = text.replace("Raymond Gosling took", "Anne Sayre took")  # another woman: "her" is hers
    assert not [s for s in suggest(other, title="Rosalind Franklin") if "Franklin's direction" in s.front]


def test_they_inside_a_sentence_may_stand_for_a_plural_noun_before_it():
    text = "Because the satellites move fast, their clocks run slow by about 7 microseconds per day."
    assert answers(text) == {"about 7 microseconds"}


def test_of_the_same_name_leans_on_nothing():
    assert answers("The inspiration for Neil McCauley was a real-life Chicago thief of the same name.") == {"Neil McCauley"}


def test_a_lone_name_of_unknown_kind_is_asked_for_only_when_named_or_the_object_of_a_verb():
    assert answers("The European Union built Galileo in 2016.") == {"European Union", "Galileo", "2016"}
    assert answers("The Navy ran a system called Transit in 1964.") == {"Navy", "Transit", "1964"}
    assert answers("Ada Brand sailed across the Pacific in 1964.") == {"Ada Brand", "1964"}


def test_a_first_name_alone_is_not_an_answer():
    text = "Neil McCauley robbed banks in 1963. Keanu Reeves played the role of Neil's partner, Chris."
    assert "Neil" not in answers(text)


def test_praise_is_not_a_fact():
    assert suggest('"Heat" is one of the most gripping thrillers ever made, with Robert De Niro in Los Angeles.') == []


def test_a_card_that_points_back_at_something_unnamed_ranks_below_one_that_does_not():
    text = "Tom Sizemore went to the bank in 1994 with the crew. Ashley Judd went to a prison in 1994 with a writer."
    ranked = [s.answer for s in suggest(text) if s.kind is SuggestionKind.QUESTION or s.rule == "cloze:person"]
    assert ranked.index("Ashley Judd") < ranked.index("Tom Sizemore")


# Third round (issue 6): more facts from the same sentences (terms, "N weeks later", "They" for a
# counted plural, "it" for the topic, subjects the topic label explains, names of unknown kind) and
# the refusals that keep them precise.


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Mary Tan mapped the reef on March 20, 1990. Two weeks later, she opened a school in Bergen.",
            ("cloze:place", "In April 1990, Mary Tan opened a school in {{c1::Bergen}}.", ""),
        ),
        (
            "Mary Tan mapped the reef in 1990. A year later, she opened a school in Bergen.",
            ("cloze:place", "In 1991, Mary Tan opened a school in {{c1::Bergen}}.", ""),
        ),
        (
            "Mary Tan mapped the reef in November 1990. Three months later, she opened a school in Bergen.",
            ("cloze:place", "In February 1991, Mary Tan opened a school in {{c1::Bergen}}.", ""),
        ),
        (
            "Mary Tan mapped the reef on December 25, 1990. Two weeks later, she opened a school in Bergen.",
            ("cloze:place", "In January 1991, Mary Tan opened a school in {{c1::Bergen}}.", ""),
        ),
    ],
)
def test_some_weeks_later_becomes_the_month_or_year_it_comes_to(text, expected):
    assert expected in cards(text)


def test_some_weeks_later_without_a_date_to_count_from_gives_nothing():
    for text in (
        "Mary Tan mapped the reef in 1990. Two weeks later, she sailed to Fiji.",  # which month?
        "Mary Tan mapped the reef. Two weeks later, she sailed to Fiji.",
        "Mary Tan mapped the reef in 1990 and 1991. A year later, she sailed to Fiji.",
        "Mary Tan mapped the reef on June 31, 1990. Two weeks later, she sailed to Fiji.",  # no such day
    ):
        assert [s for s in suggest(text) if "Fiji" in s.front] == []


def test_the_date_counted_from_may_be_two_sentences_back():
    text = "On May 2, 1983, a storm sank the ferry. All 40 people on board survived. Two weeks later, Anna Berg opened an inquiry in Bergen."
    assert ("cloze:place", "In May 1983, Anna Berg opened an inquiry in {{c1::Bergen}}.", "") in cards(text)


def test_they_takes_the_one_plural_thing_the_sentence_before_counts():
    text = "The network needs at least 18 buoys to cover the coast. They float at a depth of about 40 metres."
    assert ("cloze:quantity", "The buoys float at a depth of {{c1::about 40 metres}}.", "") in cards(text)
    text = "The network has 18 buoys and 4 ships. They float at a depth of about 40 metres."
    assert [s for s in suggest(text) if "40 metres" in s.answer] == []


def test_a_title_naming_a_lake_before_a_colon_gives_the_topic_and_its_short_name():
    text = "Lake Orva lies in the north of Norland. Orva is 120 kilometres long. The ice can reach a thickness of 2 metres."
    found = suggest(text, title="Lake Orva: the deepest lake on Earth")
    assert ("cloze:quantity", "(Lake Orva) The ice can reach a thickness of {{c1::2 metres}}.", "") in {(s.rule, s.front, s.back) for s in found}
    assert not {"Orva", "Lake Orva", "Earth"} & {s.answer for s in found}


def test_an_it_inside_a_sentence_after_one_about_the_topic_is_the_topic():
    text = "Lake Orva is the deepest lake in Norland. It is very old. UNESCO added it to its list of protected sites in 1999."
    assert ("cloze:year", "UNESCO added Lake Orva to its list of protected sites in {{c1::1999}}.", "") in cards(text, "Lake Orva")
    after_other = "Lake Orva is the deepest lake in Norland. A storm hit the shore in 1998. UNESCO added it to its list in 1999."
    assert [s for s in suggest(after_other, "Lake Orva") if "UNESCO" in s.front] == []


def test_a_subject_the_topic_label_explains_gives_cards_unless_it_points_back():
    text = "The Talvi Group built a radar network in 1990. The satellites are in low orbit at about 550 kilometres."
    assert ("cloze:quantity", "(Talvi Group) The satellites are in low orbit at {{c1::about 550 kilometres}}.", "") in cards(text, "Talvi Group")
    for leaning in ("The largest is the Selenga, which rises in Mongolia.", "The team won the Leeds Cup in 1991."):
        second = "The Talvi Group built a radar network in 1990. " + leaning
        assert [s for s in suggest(second, "Talvi Group") if s.start > 40] == []
    assert suggest("The satellites are in low orbit at about 550 kilometres.") == []  # no topic to say whose


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("In 1998 Talvi overtook Motorola to become the largest maker of radios.", {"1998", "Talvi", "Motorola"}),
        ("In 2023 the Kenyan runner Faith Mwangi set a record of 4 minutes 7.64 seconds in Monaco.", {"2023", "Faith Mwangi", "4 minutes 7.64 seconds", "Monaco"}),
        ("In 1979 the Finnish TV maker Salora opened a plant in Espoo.", {"1979", "Salora", "Espoo"}),
        ("Helper T cells coordinate the response in the lymph nodes of Norland.", {"Norland"}),
        ("An antibody is a Y-shaped protein that sticks to one particular antigen.", {"antibody"}),
    ],
)
def test_a_lone_name_is_an_answer_but_a_word_for_a_people_or_half_a_term_is_not(sentence, expected):
    assert answers(sentence) == expected


def test_a_term_the_sentence_names_is_deleted():
    assert cards("Farmers in the valley used an old practice known as crop rotation.") == {
        ("cloze:term", "Farmers in the valley used an old practice known as {{c1::crop rotation}}.", "")
    }
    assert ("cloze:term", "The letters DNA stand for {{c1::deoxyribonucleic acid}}.", "") in cards("The letters DNA stand for deoxyribonucleic acid.")


def test_a_former_colleague_and_below_the_surface_point_at_nothing():
    assert "Jorma Lind" in answers("In 1992 the board appointed Jorma Lind, a former banker, as chief executive.")
    assert "1,642 metres" in answers("The wreck of the Orion lies 1,642 metres below the surface of the lake.")
    assert suggest("The latter moved to Vienna in 1901.") == []


def test_a_pronoun_after_an_opening_date_with_a_comma_is_resolved():
    text = "Mary Tan trained in Oslo. On May 6, 1954, she ran in a race at the Iffley Road track in Oxford."
    assert ("cloze:date", "On {{c1::May 6, 1954}}, Mary Tan ran in a race at the Iffley Road track in Oxford.", "") in cards(text)


def test_a_persons_title_stays_outside_the_deletion():
    text = "The signal was weak on March 2, 1983. A year later, President Ronald Reagan announced that the signal would be free."
    assert ("cloze:person", "In 1984, President {{c1::Ronald Reagan}} announced that the signal would be free.", "") in cards(text)


def test_a_name_is_not_cut_before_or_after_the_and_inside_it():
    assert answers("The Baikalsk Pulp and Paper Mill opened on the shore in 1966.") == {"1966"}


def test_a_name_the_document_introduces_ranks_above_one_it_named_before():
    text = "Hollis Grant taught in Leeds. Ada Brand sold a mill to Hollis Grant in York. Ada Brand sold a farm to Tom Reyes in York."
    ranked = [s.answer for s in suggest(text, per_1000=1000) if s.kind is SuggestionKind.CLOZE and s.start > 0]
    assert ranked.index("Tom Reyes") < ranked.index("Hollis Grant")


@pytest.mark.parametrize(
    "text, refused, kept",
    [
        ("Ada Brand opened a clinic in Paris in 1990.", "Paris", "1990"),  # a famous city is a guess
        ("Ada Brand opened a clinic in Tromsø in 1990.", "", "Tromsø"),  # a place not everyone knows is a fact
        ("Ada Brand lost the vote to the Republicans in 1950.", "Republicans", "1950"),  # a group of people
        ("Tom Reyes walked out of the talks after a few days.", "a few days", "Tom Reyes"),  # vague
        ("Tom Reyes walked out of the talks after 12 days.", "", "12 days"),
        ("Ada Brand repaired the hull over a day or two in 1990.", "a day", "1990"),  # half of a range
        ("Tom Reyes was treated for Addison's disease in 1990.", "Addison", "1990"),  # half of a term
        ("Ada Brand taught at the Grange School in Tromsø in 1990.", "Tromsø", "Grange School"),  # where the name before is
        ("Ada Brand was born in Selby, a village in Yorkshire.", "Yorkshire", "Selby"),
        ("Ada Brand built a hut below Snowdon in 1990.", "Snowdon", "1990"),  # a point of reference
        ("Tom Reyes, who had taken the name Knight, opened a bakery in 1990.", "Knight", "1990"),  # an aside
        ("In 1950 the Federal Housing Agency (FHA) approved the loans.", "FHA", "Federal Housing Agency"),  # its short form
    ],
)
def test_an_answer_said_in_passing_or_known_without_the_document_is_refused(text, refused, kept):
    found = answers(text)
    assert kept in found
    assert refused not in found


@pytest.mark.parametrize(
    "text",
    [
        "Further east the road crosses the Skaftá river in 1990.",
        "Events helped: in 1948 they seized power in Prague.",  # the clause after the comment leans too
        "Ada Brand finished a novel that summer in Tromsø.",
        "Above both rises Hekla, which erupted in 1947.",
    ],
)
def test_a_sentence_that_counts_from_the_one_before_is_refused(text):
    assert suggest(text) == []


def test_a_possessive_after_a_subject_such_as_one_worker_is_its_own():
    assert "about 12 grams" in answers("One worker makes about 12 grams of wax in her whole life.")
    assert suggest("Tom Reyes saw that the wax weighed about 12 grams in her hive.") == []  # her: no one named


def test_a_title_that_names_a_common_noun_labels_the_cards():
    text = (
        "The honey bee lives in colonies. Each honey bee colony has one queen. The honey bee makes wax. "
        "A queen lays up to 2,000 eggs a day."
    )
    fronts = [s.front for s in suggest(text, title="The honey bee") if "2,000" in s.answer]
    assert fronts == ["(Honey bee) A queen lays {{c1::up to 2,000 eggs a day}}."]  # the whole rate (round 58B)
    assert all(not s.front.startswith("(") for s in suggest(text, title="Notes on insects"))


def test_the_name_a_title_is_about_is_the_topic_before_one_it_only_mentions():
    text = (
        "Europe was poor in 1947. Europe needed dollars. Europe had no coal. "
        "The Marshall Plan gave Europe money. In 1948 Tom Reyes signed the Economic Cooperation Act."
    )
    fronts = {s.front for s in suggest(text, title="The Marshall Plan: how America paid for Europe's recovery")}
    assert "(Marshall Plan) In 1948 Tom Reyes signed the {{c1::Economic Cooperation Act}}." in fronts


def test_its_after_a_name_and_its_short_form_is_that_name():
    text = "In 1948 the Economic Cooperation Administration (ECA) opened in Washington. Its head was Paul Hoffman, a banker."
    assert any("Economic Cooperation Administration's head was" in s.front for s in suggest(text))


def test_the_and_a_noun_may_stand_for_a_name_a_few_sentences_back():
    text = (
        "Ships dock on the Reykjanes Peninsula. Ada Brand lives in Tromsø. Tom Reyes lives in Bergen. "
        "The peninsula was settled in 1874."
    )
    assert ("question:when", "In what year was the Reykjanes Peninsula settled?", "1874") in cards(text)


def test_a_sentence_of_two_verbs_gets_no_when_question():
    found = cards("In 1801 George Austen retired and moved the family to Bath.")
    assert ("cloze:year", "In {{c1::1801}} George Austen retired and moved the family to Bath.", "") in found
    assert not [rule for rule, _, _ in found if rule.startswith("question")]


def test_a_title_of_office_stays_outside_the_deletion():
    assert ("cloze:person", "In 1951 Rear Admiral {{c1::Ada Brand}} toured the dockyard at Rosyth.", "") in cards(
        "In 1951 Rear Admiral Ada Brand toured the dockyard at Rosyth."
    )
    assert not [s for s in suggest("In 1951 Rear Admiral Ada Brand toured the dockyard at Rosyth.") if "Admiral" in s.answer]


def test_the_minutes_of_a_time_are_not_asked():
    found = answers("At about 11:40, gunners on the Tessaly fired at the lighthouse.")
    assert "Tessaly" in found and not [answer for answer in found if answer.startswith("40")]


@pytest.mark.parametrize(
    "sentence, refused",
    [
        ("In 1811 the chemist Ada Brand measured the Avogadro constant in Turin.", "Avogadro"),  # half of a term
        ("In 1834 Tom Reyes wrote the rule as PV = nRT in a short paper.", "PV"),  # a symbol of a formula
        ("In 1662 the Irish-born chemist Tom Reyes published a law of gases.", "Irish-born"),  # an adjective
        ("Water boils at 100 degrees Celsius at the Acme Works in Leeds.", "Celsius"),  # trivial
    ],
)
def test_terms_symbols_adjectives_and_scales_are_not_asked(sentence, refused):
    found = answers(sentence)
    assert found and refused not in found


def test_its_after_a_term_named_after_a_person_is_the_terms():
    text = "The Brand equation earned its author the Fenwick Medal in 1910."
    assert "1910" in answers(text)


def test_a_name_inside_a_description_after_another_name_is_an_aside():
    text = "In 1942 Ada Brand, commander of the Northern Fleet, sailed to Tromsø."
    assert "Northern Fleet" not in answers(text) and "Ada Brand" in answers(text)
    text = "Tom Reyes worked at Station Kestrel, a radio office at Gander Bay, until 1950."
    assert "Gander Bay" not in answers(text) and "Station Kestrel" in answers(text)


def test_a_name_after_an_opening_that_says_where_is_no_aside():
    text = "In Winnipeg, the Prairie Grain Exchange set the price of wheat in 1904."
    assert "Prairie Grain Exchange" in answers(text)


def test_a_sentence_with_that_pointing_back_after_a_preposition_is_refused():
    assert suggest("With that knowledge Ada Brand sailed to Tromsø in 1942.") == []
    assert suggest("In 1848 Tom Reyes proposed a scale that starts at that point.") == []
    # "that" opening a clause points at nothing
    assert "1811" in answers("Ada Brand proposed in 1811 that equal volumes of gases hold equal numbers of molecules.")


def test_soon_afterwards_opening_a_sentence_is_dropped():
    text = "Ada Brand mapped the coast in 1921. Soon afterwards, Tom Reyes sailed to Tromsø in 1922."
    assert ("question:who", "Who sailed to Tromsø in 1922?", "Tom Reyes") in cards(text)
    assert not [s for s in suggest(text) if "Soon" in s.front]


def test_it_is_not_a_name_that_only_says_whose_a_noun_is():
    text = "In 1956 the government of New Caledonia opened a design competition. It drew 233 entries from 32 countries."
    assert not [s for s in suggest(text) if "New Caledonia drew" in s.front]
    other = "In 1956 the Acme Corporation opened a design competition. It drew 233 entries from 32 countries."
    assert [s for s in suggest(other) if "Acme Corporation drew" in s.front]


def test_a_person_the_document_keeps_naming_is_no_longer_asked():
    text = (
        "The Harbour Hall was designed by Ada Brand in 1957. Ada Brand drew the shells of the Harbour Hall in 1958. "
        "Ada Brand moved to Leeds in 1959. Ada Brand met Tom Reyes in 1960. Ada Brand resigned from the project in 1966."
    )
    asked = [s.start for s in suggest(text, title="The Harbour Hall") if s.answer == "Ada Brand"]
    assert asked and max(asked) < text.index("Ada Brand resigned")


# Sixth round: answers the rest of the sentence gives away or makes a guess, and vague amounts.


@pytest.mark.parametrize(
    "text, refused, kept",
    [
        ("Visitors to Ellis Island arrived by the Staten Island Ferry or the Hudson Tube after 1908.", "Staten Island Ferry", "1908"),
        ("The screenplay of Heat was written by Ada Brand/Tom Sizemore in 1995.", "Ada Brand", "1995"),
    ],
)
def test_one_of_two_alternatives_is_a_guess_not_an_answer(text, refused, kept):
    found = answers(text)
    assert refused not in found and kept in found


def test_a_quantity_in_other_units_is_one_card_without_the_brackets():
    made = cards("The Eiffel Tower is 1,083 feet (330 m) tall, and it was the tallest structure in the world.")
    assert ("cloze:quantity", "The Eiffel Tower is {{c1::1,083 feet}} tall, and it was the tallest structure in the world.", "") in made
    assert not [front for _, front, _ in made if "{{c1::330 m}}" in front]


def test_a_number_of_years_between_two_years_of_the_sentence_is_not_asked():
    found = answers("The Suez Canal took fourteen years to build, from 1869 to 1883, under Ferdinand de Lesseps.")
    # since the fourteenth round neither year is asked either: each follows from the other and the span
    assert "fourteen years" not in found and not {"1869", "1883"} & found
    assert {"1869", "1883"} <= answers("The Suez Canal was built from 1869 to 1883 under Ferdinand de Lesseps.")


def test_less_than_a_year_is_no_answer():
    assert "less than a year" not in answers("The Mars Pathfinder probe reached Mars after less than a year of travel in 1997.")


def test_a_surname_two_people_share_is_not_an_answer():
    text = (
        "The Roebling Company was run by John A. Roebling until his death in 1869. "
        # (not "Washington Roebling, his son, took over": whose son, the card could not say; see round 108)
        "Washington Roebling, John's son, took over the firm in 1869. "
        "In 1883 Roebling watched the opening from a window in Brooklyn Heights."
    )
    found = answers(text)
    assert "Roebling" not in found and "Washington Roebling" in found


@pytest.mark.parametrize(
    "plain, leaning",
    [
        ("Robert Fulton's ferry made the crossing in 1815.", "Robert Fulton's ferry made the crossing again in 1815."),
        ("Robert Fulton paid the builders in 1815.", "Robert Fulton paid the total cost in 1815."),
    ],
)
def test_again_and_the_total_cost_rank_a_card_below_one_that_says_what_it_means(plain, leaning):
    def score(text):
        return next(s.score for s in suggest(text) if s.answer == "1815")

    assert score(leaning) < score(plain)


# Seventh round: a later clause that leans on something the card would not show no longer costs the
# whole sentence; the clause before it is the claim when it is a statement of its own.


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # "it" in a participle clause
            "On 3 May 1961 Jane Roe became the first woman to swim the strait, crossing it twice in one day.",
            "On {{c1::3 May 1961}} Jane Roe became the first woman to swim the strait.",
        ),
        (  # "that night" after ", and"
            "Mayor Ada Brand walked across from the east bank in 1883, and there were fireworks over the river that night.",
            "Mayor Ada Brand walked across from the east bank in {{c1::1883}}.",
        ),
        (  # "one of the most …" after a title in quotes: the closing mark stays
            'In 1870 the painter Ada Brand called the canvas "Dawn," one of the most copied images of the decade.',
            'In {{c1::1870}} the painter Ada Brand called the canvas "Dawn".',
        ),
        (  # "those" after ", and"
            "Observers fired pulses at the Lunar Reflector in 1969, and those readings showed the distance.",
            "Observers fired pulses at the Lunar Reflector in {{c1::1969}}.",
        ),
        (  # "above" after ", while"; a verb in the past that does not end in -ed
            "The steamer Ada sank in Lake Geneva in 1903, while the other boat waited above.",
            "The steamer Ada sank in Lake Geneva in {{c1::1903}}.",
        ),
    ],
)
def test_a_later_clause_that_leans_on_the_context_is_left_out_of_the_claim(text, expected):
    found = suggest(text)
    assert expected in {s.front for s in found}
    assert all((s.start, s.end) == (0, len(text)) for s in found)  # the passage is still the whole sentence


def test_an_answer_in_the_clause_left_out_is_never_asked():
    text = "Ada Brand founded the Acme Corporation in 1901, and he sold it to Tom Reyes in 1920."
    found = suggest(text)
    assert found and {s.answer for s in found} <= {"Ada Brand", "Acme Corporation", "1901"}
    assert all("Tom Reyes" not in s.front and "1920" not in s.front for s in found)


@pytest.mark.parametrize(
    "text",
    [
        "Ada Brand sailed to Lima in 1901 with, and this is odd, a goat.",  # the part before ends on "with"
        "The crew worked below, and in 1901 these divers found the wreck of the Vasa.",  # "below" would end it
        "In 1901, crossing it twice, Ada Brand swam the strait.",  # no statement before the boundary
        "When the war ended in 1918, which those sailors had hoped for, the fleet sailed home.",  # no verb after the opening
        'In 1870 Ada Brand wrote "Dawn (a poem, which those critics loved) in Lima.',  # brackets left open
    ],
)
def test_a_trim_that_would_not_leave_a_complete_statement_gives_nothing(text):
    assert suggest(text) == []


_KEPT = ("Ada Brand sailed to Lima in 1901", "The Acme Corporation opened a works at Ghent in 1911", "In 1920 Tom Reyes sold the mill")
_BOUNDARIES = (", and", ", but", ", while", ", which", ";", ", one of", ", crossing", ", with")
_LEANING = ("this was odd", "those ships waited above", "it sank that night", "there were fireworks", "the most famous ones")


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_KEPT), st.sampled_from(_BOUNDARIES), st.sampled_from(_LEANING), st.sampled_from(("", " at the", " to", " for a")))
def test_a_trimmed_claim_never_ends_on_a_dangling_word_or_a_preposition(kept, boundary, leaning, tail):
    text = f"{kept}{tail}{boundary} {leaning}."
    for suggestion in suggest(text):
        words = re.findall(r"[\w’'-]+", re.sub(r"\{\{c1::(.*?)\}\}", r"\1", suggestion.front).lower())
        assert words[-1] not in {"this", "those", "these", "such", "above", "below", "at", "the", "to", "for", "a", "and", "with"}
        assert suggestion.front.endswith((".", "?"))


def test_a_possessive_in_an_opening_that_points_forward_to_the_subject_is_not_dangling():
    assert "1999" in answers("In its annual report in 1999, the Red Cross put the cost at $40 million.")
    text = 'In her 1950 memoir, "Wind and Sand," the pilot Ann Lee wrote about the Sahara crossing of 1931.'
    assert "Ann Lee" in answers(text)
    assert suggest(text.replace("Ann Lee", "Tom Reyes").replace("her 1950", "its 1950")) == []  # "its" is not Tom Reyes's


def test_a_relative_time_opener_goes_when_the_sentence_gives_its_own_date():
    text = "Tom Reyes founded the club in Lima. A year later, on 4 June 1912, the city opened an airport called Limatambo."
    assert "On {{c1::4 June 1912}}, Lima opened an airport called Limatambo." in {s.front for s in suggest(text)}
    assert not [s for s in suggest("Tom Reyes founded the club in Lima. A year later the city opened an airport called Limatambo.") if "Limatambo" in s.front]


@pytest.mark.parametrize(
    "second, expected",
    [
        ("It stood 60 metres tall.", "The Vega IV stood {{c1::60 metres}} tall."),
        ("Its first stage carried five R-7 engines.", "The Vega IV's first stage carried five {{c1::R-7}} engines."),
    ],
)
def test_it_after_a_sentence_that_opens_with_one_named_thing_is_that_thing(second, expected):
    text = f"The Vega IV was built by the Acme Corporation in Toulouse. {second}"
    assert expected in {s.front for s in suggest(text)}


def test_it_after_a_sentence_that_opens_with_a_person_is_still_refused():
    text = "Ada Brand flew the Vega IV for the Acme Corporation in 1931. It stood 60 metres tall."
    assert not [s for s in suggest(text) if "60 metres" in s.front]


# Eighth round: a possessive or an object with several candidates that the card shows, a subject
# pronoun after a description of it, people named by their role, and "The first …, <name>,".


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # "its" after two named things: the card shows both, and the fact is clear either way
            "The Vega IV, built to rival the Atlas, failed on all four of its launches in 1958.",
            "The Vega IV, built to rival the Atlas, failed on all four of its launches in {{c1::1958}}.",
        ),
        (  # the nearest of two things
            "The Vega Mast stood 300 metres tall in 1931, taller than the Eiffel Tower on its hill.",
            "The Vega Mast stood {{c1::300 metres}} tall in 1931, taller than the Eiffel Tower on its hill.",
        ),
        (  # "her" and "her" after two women named in the card
            "The pilot, Ada Brand, turned to her navigator, Mia Holm, and asked her to plot a course to Oslo in 1931.",
            "The pilot, Ada Brand, turned to her navigator, Mia Holm, and asked her to plot a course to Oslo in {{c1::1931}}.",
        ),
        (  # an object "him" after two men: not the subject himself
            "The manager, Tom Reyes, had met John Okoro in 1914 and did not recognise him.",
            "The manager, Tom Reyes, had met John Okoro in {{c1::1914}} and did not recognise him.",
        ),
    ],
)
def test_a_possessive_or_object_with_several_candidates_in_the_card_is_read_from_it(text, expected):
    assert expected in {s.front for s in suggest(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Tom Reyes met John Okoro in Lima in 1931 because he wanted the contract.",  # a subject "he" between two men
        "The Vega IV beat the Atlas in 1958 because it was lighter.",  # a subject "it" between two things
        'In the Acme Corporation\'s film "Cold Harbour" (1931), the sailors climb down into its crater.',  # two, only in the opening
        "Tom Reyes sold the mill to Acme Corporation in 1931 with her blessing.",  # no woman named
    ],
)
def test_a_pronoun_whose_reading_the_card_does_not_settle_still_refuses_the_sentence(text):
    assert suggest(text) == []


def test_a_subject_pronoun_after_a_description_of_it_is_the_person_before():
    text = "Tom Carr joined the agency in 1963. A colonel in the Air Force, he had earned a doctorate at Yale in 1959."
    assert "A colonel in the Air Force, Tom Carr had earned a doctorate at Yale in {{c1::1959}}." in {s.front for s in suggest(text)}
    text = "Ada Brand joined the navy in 1950. A lieutenant in the navy, she had made two dives in the Trieste by 1960."
    assert "A lieutenant in the navy, Ada Brand had made two dives in the Trieste by {{c1::1960}}." in {s.front for s in suggest(text)}
    two = "Tom Carr met John Okoro in 1950. A colonel in the Air Force, he had earned a doctorate at Yale in 1959."
    assert not [s for s in suggest(two) if "1959" in s.front]  # two men before: which one?


def test_a_person_named_by_a_role_is_asked_as_a_person():
    text = "In 1969 the flight director, Orrin Vale, gave the order to land."
    assert ("cloze:person", "In 1969 the flight director, {{c1::Orrin Vale}}, gave the order to land.", "") in cards(text)


def test_the_first_of_something_followed_by_its_name_leans_on_nothing():
    assert "{{c1::eleven days}}" in " ".join(s.front for s in suggest("The first crewed Vega flight, Vega 7, spent eleven days in orbit."))
    assert suggest("The first crewed flight spent eleven days in orbit in 1968.") == []  # which flight?
    assert suggest("The first was launched in 1968 and spent eleven days in orbit.") == []
    assert suggest("The third stage burned for eleven minutes in 1968.") == []


# Ninth round (issue 6): the same amount in other units after ", or", without brackets.


def test_an_amount_in_other_units_after_or_is_never_asked_and_leaves_the_first_ones_card():
    text = "The Saturn V stood 363 feet, or about 110.6 metres, tall on the pad in 1969."
    found = suggest(text)
    assert "about 110.6 metres" not in {s.answer for s in found}  # the feet give it away
    assert ("cloze:quantity", "The Saturn V stood {{c1::363 feet}} tall on the pad in 1969.", "") in cards(text)


def test_other_units_at_the_end_of_a_sentence_and_in_brackets_are_still_left_out():
    assert ("cloze:quantity", "The Acme Tower rose {{c1::300 metres}}.", "") in cards("The Acme Tower rose 300 metres, or 984 feet.")
    assert "984 feet" not in answers("The Acme Tower rose 300 metres, or 984 feet.")
    assert ("cloze:quantity", "The Eiffel Tower is {{c1::1,063 feet}} tall.", "") in cards("The Eiffel Tower is 1,063 feet (324 m) tall.")


def test_an_alternative_that_is_not_the_same_amount_is_still_asked():
    assert "about three days" in answers("Ada Brand walked 20 miles, or about three days, in 1901.")


# Tenth round (issue 6): a leading "Its" when the sentence before names a thing it cannot name, "then"
# after the subject, asides and long fronts, verbs in the present, an object pronoun, openings with "At",
# craft named after people, and well-known events.


def test_its_after_a_name_that_only_says_what_kind_of_thing_follows_is_not_guessed():
    assert not [s for s in suggest("Luna 9 rode on a Vostok rocket. Its second stage failed in 1962.") if "1962" in s.front]
    assert not [s for s in suggest("The probe rode on a Zenit rocket. Its second stage failed in 1962.") if "1962" in s.front]
    text = "The Vega IV was built in Ohio in 1958. Its second stage failed in 1962."  # one thing: still its own
    assert ("cloze:year", "The Vega IV's second stage failed in {{c1::1962}}.", "") in cards(text)


def test_then_between_the_subject_and_its_verb_goes():
    text = "Ann Hartley won the sculls in 1919. Hartley then founded the Leeds Rowing Club in 1921."
    assert ("question:when", "In what year did Ann Hartley found the Leeds Rowing Club?", "1921") in cards(text)
    text = "Ann Hartley won the sculls in 1919. She later founded the Leeds Rowing Club in 1921."
    assert ("question:when", "In what year did Ann Hartley found the Leeds Rowing Club?", "1921") in cards(text)
    kept = "Ann Hartley won the sculls in 1919 and then founded the Leeds Rowing Club in 1921."  # not after the subject
    assert all("then founded" in s.front or s.kind is SuggestionKind.QUESTION for s in suggest(kept))


def test_an_aside_about_a_name_is_neither_asked_nor_shown():
    text = "John Okoro, whose brother ran a bakery in Bergen, won the mile in 1954."
    assert "Bergen" not in answers(text)
    assert ("question:when", "In what year did John Okoro win the mile?", "1954") in cards(text)
    assert "Bergen" not in answers("John Okoro (whose brother ran a bakery in Bergen) won the mile in 1954.")
    nested = "The firm was Acme Corporation, which held a licence until 2052, later extended to 2086."
    assert all("which held a licence" in s.front for s in suggest(nested))  # no main verb after the aside: kept whole


def test_a_long_front_ends_after_the_clause_of_its_answer():
    text = (
        "In August 1938 the Vega won the Blue Riband at an average speed of 30.99 knots, and the liner kept "
        "the record for fourteen years until the SS Atlantis beat it on its maiden voyage."
    )
    assert ("cloze:date", "In {{c1::August 1938}} the Vega won the Blue Riband at an average speed of 30.99 knots.", "") in cards(text)
    short = "In August 1938 the Vega won the Blue Riband, and the liner kept the record until 1952."
    assert ("cloze:date", "In {{c1::August 1938}} the Vega won the Blue Riband, and the liner kept the record until 1952.", "") in cards(short)


def test_a_statement_in_the_present_is_kept_before_a_clause_that_leans_on_something():
    text = "The Golden Gate Bridge carries six lanes of traffic and spans 1,280 metres, although the towers stand on rock that this fault shares."
    assert ("cloze:quantity", "The Golden Gate Bridge carries six lanes of traffic and spans {{c1::1,280 metres}}.", "") in cards(text)


def test_an_it_or_them_object_is_not_the_subject_of_its_own_verb():
    assert suggest("The Normandie took the record in 1935. In August 1938 the Vega won it again at 30.99 knots.") == [
        s for s in suggest("The Normandie took the record in 1935.")
    ]
    text = "Endurance sank in the Weddell Sea in 1915. The sailors hauled them onto the ice in May 1916."
    assert not [s for s in suggest(text, title="Endurance") if "1916" in s.front]
    # a sentence about the topic before: the object is the topic, written as that sentence wrote it
    text = "The Vega Plan also deepened the division of Europe. In January 1949 Acme Corporation answered it by founding the Omega Council."
    assert ("cloze:date", "In {{c1::January 1949}} Acme Corporation answered the Vega Plan by founding the Omega Council.", "") in cards(
        text, title="The Vega Plan"
    )


def test_an_opening_with_at_is_an_opening():
    text = "Ann Lee was born in Auckland in 1917. At the age of 19, she moved to Bergen in 1936."
    assert ("cloze:year", "At the age of 19, Ann Lee moved to Bergen in {{c1::1936}}.", "") in cards(text)
    text = "Ann Lee was born in Auckland in 1917. At the wish of her mother, she moved to Bergen in 1936."
    assert ("cloze:year", "At the wish of her mother, Ann Lee moved to Bergen in {{c1::1936}}.", "") in cards(text)


def test_at_that_point_goes_before_an_event_and_refuses_a_state():
    assert ("cloze:name", "Acme Corporation moved to {{c1::Bergen}} in 1936.", "") in cards("At that point, Acme Corporation moved to Bergen in 1936.")
    assert suggest("At that point, Acme Corporation had spent £2 million.") == []
    assert suggest("At the time, Acme Corporation held 40 percent of the market in 1936.") == []


def test_a_ship_named_after_a_person_is_a_thing():
    found = suggest("Shackleton sailed in the James Caird to South Georgia in 1916.")
    assert ("cloze:name", "Shackleton sailed in the {{c1::James Caird}} to South Georgia in 1916.", "") in {(s.rule, s.front, s.back) for s in found}
    assert ("cloze:name", "The {{c1::Queen Mary}} left Bergen on 27 May 1936.", "") in cards("The Queen Mary left Bergen on 27 May 1936.")
    assert not [s for s in suggest("HMS Hood sank on 24 May 1941 in the Denmark Strait.") if s.rule == "question:who"]
    assert ("cloze:person", "In 1936 {{c1::Mary Okoro}} left Bergen for Oslo.", "") in cards("In 1936 Mary Okoro left Bergen for Oslo.")


def test_a_ship_prefix_is_no_part_of_the_topic():
    text = "The RMS Queen Mary sailed for the Cunard Line from 1936. The Queen Mary left Bergen on 27 May 1936."
    found = suggest(text, title="RMS Queen Mary")
    assert "Queen Mary" not in {s.answer for s in found} and not [s for s in found if s.front.startswith("(")]


def test_a_well_known_event_and_when_it_began_are_not_asked():
    text = "When the Second World War broke out in September 1939, the Vega was in Bergen."
    assert answers(text) == {"Vega", "Bergen"}
    assert "Great Depression" not in answers("The Great Depression cut Acme Corporation's trade in 1931.")


# Eleventh round (issue 6): a pronoun for the document's topic when the topic is the only person or
# thing of the pronoun's kind in reach.


def test_a_she_after_the_name_she_was_born_with_is_the_topic():
    text = "Ada Vane was a chemist. She was born Ada Ann Marks in Bath in 1860. At the age of seven she moved to Leeds."
    assert ("cloze:name", "At the age of seven Ada Vane moved to {{c1::Leeds}}.", "") in cards(text, title="Ada Vane")
    other = text.replace("born Ada Ann Marks in Bath", "born in Bath, where Ann Marks")  # another woman: refused
    assert not [s for s in suggest(other, title="Ada Vane") if "Leeds" in s.front]


def test_a_well_known_event_is_no_person_a_she_could_stand_for():
    text = (
        "Ada Vane lost her job in the Depression. Ada Vane was a chemist who worked through the Great Depression. "
        "She was born in Bath in 1895."
    )
    assert ("cloze:year", "Ada Vane was born in Bath in {{c1::1895}}.", "") in cards(text, title="Ada Vane")


def test_an_it_after_a_sentence_about_a_person_is_the_topic_when_no_other_thing_is_named():
    text = "The Avon Bridge crosses the Avon Gorge. Ada Brand drew the first plans in 1831. It was declared a landmark in 1964."
    assert ("cloze:year", "The Avon Bridge was declared a landmark in {{c1::1964}}.", "") in cards(text, title="The Avon Bridge")
    for before in (
        "Ada Brand's design was a chain bridge.",  # the design, which the card cannot name
        "The deck was rebuilt in 1920.",  # a common noun
        "Ada Brand drew the first plans for the Clifton Mill in 1831.",  # another thing
    ):
        other = f"The Avon Bridge crosses the Avon Gorge. {before} It was declared a landmark in 1964."
        assert not [s for s in suggest(other, title="The Avon Bridge") if s.front.startswith("The Avon Bridge was declared")]


def test_an_its_may_stand_for_a_thing_followed_by_near():
    text = "The Avon Bridge crosses the Avon Gorge near Bristol. Its designer Ada Brand died in 1859."
    assert ("cloze:year", "The Avon Bridge's designer Ada Brand died in {{c1::1859}}.", "") in cards(text, title="The Avon Bridge")


def test_a_she_that_repeats_an_unknown_she_is_the_topic_when_no_other_woman_is_named_two_sentences_back():
    text = (
        "Ada Vane was a chemist who worked with Kim Lee. She joined the Royal Society in 1905. "
        "She married Tom Reyes in Leeds in 1907. She died in Bath in 1930."
    )
    found = suggest(text, title="Ada Vane")
    assert ("cloze:place", "Ada Vane died in {{c1::Bath}} in 1930.", "") in {(s.rule, s.front, s.back) for s in found}
    assert not [s for s in found if "Royal Society" in s.front or "Tom Reyes" in s.front]  # Kim Lee may be meant


# Twelfth round (issue 6): naming patterns, titles after a work noun, relative-time openers, a count the list
# after it gives away, the comma closing an appositive, and "by then" or "more" left in a card.


def test_a_name_given_after_named_nicknamed_or_short_for_is_asked():
    assert ("cloze:term", "The mineral was named {{c1::tranquillityite}}, after the Sea of Tranquillity.", "") in cards(
        "The mineral was named tranquillityite, after the Sea of Tranquillity."
    )
    assert answers("GNSS, short for global navigation satellite system, covers several networks of satellites.") == {
        "global navigation satellite system"
    }
    assert suggest("This method was named trilateration, after the Greek word for three.") == []  # "This" leans
    assert suggest("The team was nicknamed the Busby Babes in 1956.") == []  # which team?
    assert "chairman" not in answers("Ada Brand was named chairman in 1990.")  # no name after "named"


def test_a_quotation_after_a_work_noun_is_a_title_that_can_be_asked():
    assert ("cloze:work", 'In his 1959 memoir, "{{c1::We Seven}}," the astronaut John Glenn wrote about the training.', "") in cards(
        'In his 1959 memoir, "We Seven," the astronaut John Glenn wrote about the training.'
    )
    assert "If the Dam Breaks" in answers('In 1962 the council issued a statement titled "If the Dam Breaks."')
    assert "Night run" in answers('Ada Brand starred in the TV movie "Night run" in 1985.')
    assert suggest('In 1962 Ada Brand said "we will build it" to the council.') == []  # quoted speech, first person


@pytest.mark.parametrize(
    "second, expected",
    [
        ("The same year Acme Corporation opened a plant in Leeds.", "Acme Corporation opened a plant in {{c1::Leeds}}."),
        ("In May of the same year Acme Corporation opened a plant in Leeds.", "Acme Corporation opened a plant in {{c1::Leeds}}."),
        ("The next year the showman Ada Crane led a parade of 12 camels across the bridge.", "The showman {{c1::Ada Crane}} led a parade of 12 camels across the bridge."),
        ("Later that year the Copley Medal was awarded to Tom Hale in York.", "The Copley Medal was awarded to {{c1::Tom Hale}} in York."),
    ],
)
def test_a_relative_time_opener_goes_and_its_time_is_never_asked(second, expected):
    """Superseded case of test_a_sentence_that_leans_on_the_one_before_gives_nothing: "The same year …"
    now gives the event without its opener, and never a card for the time."""
    text = f"Ada Brand sold the mill in 1990. {second}"
    start = split_sentences(text)[1].start
    found = [s for s in suggest(text, per_1000=1000) if s.start == start]
    assert expected in {s.front for s in found}
    assert not [s for s in found if re.search(r"same year|next year|that year|1990|1991", s.front + s.back)]


@pytest.mark.parametrize(
    "second",
    [
        "The next year it opened a plant in Leeds.",  # "it" leans as much as the year
        "The next year the team won the Leeds Cup.",
        "The same year such alarms reached Acme Corporation in Leeds.",
    ],
)
def test_a_relative_time_opener_before_a_rest_that_still_leans_gives_nothing(second):
    text = f"Ada Brand sold the mill to Acme Corporation in 1990. {second}"
    start = split_sentences(text)[1].start
    assert [s.front for s in suggest(text, per_1000=1000) if s.start == start] == []


def test_a_count_the_list_after_it_gives_away_is_not_asked():
    listed = "In 1960 the Acme rocket had three stages: Acme the first, Bolt the second and Crane the third."
    assert "three" not in answers(listed)
    assert "two" not in answers("Ada Brand's two brothers, Ivo Marks and Karl Marks, ran the mill.")
    assert "two" in answers("Ada Brand's two brothers ran the mill in Leeds.")


def test_an_aside_after_an_appositive_leaves_the_appositives_closing_comma():
    text = "Acme Corporation hired engineers in 1950. Its chief engineer, Anna Berg, who had built the first prototype, died in 1966."
    assert ("cloze:year", "Acme Corporation's chief engineer, Anna Berg, died in {{c1::1966}}.", "") in cards(text)


def test_by_then_goes_and_a_count_of_more_is_not_asked():
    text = "Acme Corporation hired Tom Hale in 1950. Tom Hale was by then in charge of the Leeds plant."
    assert ("cloze:person", "{{c1::Tom Hale}} was in charge of the Leeds plant.", "") in cards(text)
    assert "four" not in answers("In 1890 Ada Brand needed four more years to finish the Avon Bridge.")


def test_a_time_of_three_parts_is_one_duration_never_asked_in_halves():
    text = "In 1996 a Concorde of British Airways flew from New York to London in 2 hours, 52 minutes and 59 seconds."
    assert not answers(text) & {"2 hours", "52 minutes and 59 seconds"}  # the whole is over six words: not asked
    assert "11 hours and 58 minutes" in answers("In 1996 the crew of the Acme 7 flew to Leeds in 11 hours and 58 minutes.")


def test_a_her_right_after_someone_named_in_the_sentence_is_not_the_topic():
    """"Irène and her husband" is Irène's husband, even in a biography of Marie Curie."""
    text = "Marie Curie was a physicist and chemist. In 1935 Irène and her husband, Frédéric Joliot-Curie, won the Nobel Prize in Chemistry."
    fronts = {s.front for s in suggest(text, "Marie Curie")}
    assert "In {{c1::1935}} Irène and her husband, Frédéric Joliot-Curie, won the Nobel Prize in Chemistry." in fronts
    assert not any("Marie Curie's husband" in front for front in fronts)


# Thirteenth round (issue 6): a subject a word makes specific under the topic label, a demonstrative the
# sentence names, rates with their time, things the document keeps naming, "also" and "too", a ship's
# "she", and a gender read from someone else's pronouns.


def test_a_subject_a_word_makes_specific_stands_under_the_topic_label():
    bridge = "The Tay Bridge opened in 1878 after six years of work. The total cost was about $3.2 million."
    assert ("question:what", "(Tay Bridge) What was the total cost?", "about $3.2 million") in cards(bridge, "Tay Bridge")
    team = "The Tay Bridge opened in 1878 after six years of work. The guidance team was led by Anna Berg."
    assert ("cloze:person", "(Tay Bridge) The guidance team was led by {{c1::Anna Berg}}.", "") in cards(team, "Tay Bridge")


@pytest.mark.parametrize(
    "second",
    [
        "The team was led by Anna Berg.",  # a bare noun points back, also before a passive
        "The first team was led by Anna Berg.",  # a word that only orders it
        "The new team won the Leeds Cup in 1991.",  # a word that says nothing of which
        "The new project was estimated at $3 million.",  # the bare "The project" is the topic's own (twenty-third round)
    ],
)
def test_a_subject_that_points_back_stays_refused_under_the_topic_label(second):
    text = f"The Tay Bridge opened in 1878 after six years of work. {second}"
    start = split_sentences(text)[1].start
    assert [s.front for s in suggest(text, "Tay Bridge") if s.start == start] == []


def test_a_demonstrative_subject_the_sentence_names_is_written_with_its_name():
    text = (
        "GPS began as a military project in 1973. GPS uses at least 24 satellites. "
        "This feature, called Selective Availability, added errors that limited receivers to about 100 metres."
    )
    fronts = {s.front for s in suggest(text, "GPS")}
    assert "(GPS) A feature called {{c1::Selective Availability}} added errors that limited receivers to about 100 metres." in fronts
    assert suggest("GPS began in 1973. GPS uses satellites. This method is called trilateration.", "GPS", per_1000=1000)[1:] == []


def test_a_rate_is_asked_with_the_time_it_is_counted_in():
    assert answers("Radio waves travel at the speed of light, about 299,792 kilometres per second.") == {"about 299,792 kilometres per second"}
    assert answers("The Talvi plates move apart by about 3.8 centimetres a year.") >= {"about 3.8 centimetres a year"}


def test_a_thing_the_document_keeps_naming_is_asked_only_where_first_named():
    text = (
        "Acme Corporation built the mill in Leeds in 1850. Tom Hale ran the mill from 1861. "
        "The mill wove silk for Acme Corporation in 1870. Ada Brand bought the looms in 1875. "
        "The looms came from Acme Corporation in Bolton. Tom Hale sold the mill in 1890."
    )
    asked = [s.front for s in suggest(text, per_1000=1000) if s.answer == "Acme Corporation"]
    assert asked == ["{{c1::Acme Corporation}} built the mill in Leeds in 1850."]
    assert "Tom Hale" in {s.answer for s in suggest(text, per_1000=1000) if "1890" in s.front}  # people keep their own rule


def test_also_and_a_final_too_go_and_a_too_right_after_its_verb_refuses():
    assert ("cloze:year", "Edward Stone, a physicist, directed JPL from {{c1::1991}}.", "") in cards(
        "Edward Stone, a physicist, also directed JPL from 1991."
    )
    passed = "Voyager 1 flew past Jupiter in 1979. In July of the same year Voyager 2 passed the planet Jupiter too."
    assert "Voyager 2 passed the planet {{c1::Jupiter}}." in {s.front for s in suggest(passed)}
    failed = "The Southern Sky turned back in May 1916. A trawler and a schooner called the Emma failed too."
    assert [s for s in suggest(failed) if "Emma" in s.front] == []  # failed to do what?
    assert "too wide" in suggest("The Talvi liner was too wide for the locks of the Panama Canal in 1967.")[0].front


def test_a_ships_she_is_the_ship_when_no_woman_or_other_ship_is_named_before():
    text = (
        "The RMS Queen Mary is a retired liner that sailed for the Star Line from 1936 to 1967. "
        "The Queen Mary left Southampton on her maiden voyage on 27 May 1936, under the command of Sir Edgar Britten. "
        "She reached the port of Halifax on 1 June 1936. Four steam turbines drive her four propellers at 30 knots. "
        "Queen Mary, the wife of King George V, visited the ship in 1937. She praised the dining room of 400 seats. "
        "In 2004 the Star Line put the liner Northern Star into service. She sails between Southampton and Rio de Janeiro."
    )
    found = suggest(text, "RMS Queen Mary: a liner", per_1000=1000)
    fronts = {s.front for s in found}
    assert "The Queen Mary reached the port of {{c1::Halifax}} on 1 June 1936." in fronts  # Sir Edgar Britten is no woman
    assert "Four steam turbines drive the Queen Mary's four propellers at {{c1::30 knots}}." in fronts
    assert "Queen Mary praised the dining room of {{c1::400}} seats." in fronts  # the queen's "she", not the ship's
    assert not [front for front in fronts if "Rio de Janeiro" in front]  # another ship's "she"
    assert "Queen Mary" not in {s.answer for s in found}  # the queen the ship is named after gives the ship away


# Fourteenth round (issue 6): back-references inside a sentence, trivial answers, the deletion's
# boundaries, and one item of a list.


def test_that_is_why_goes_and_a_that_for_what_came_before_refuses():
    assert cards("Ships need two fixes a day. That is why a receiver needs four satellites.") >= {
        ("cloze:count", "A receiver needs {{c1::four}} satellites.", "")
    }
    assert answers("The clocks drift. Left uncorrected, that would add up to errors of 10 km a day.") == set()
    assert answers("Ada Vane said that the clocks would add errors of 10 km a day.") == {"Ada Vane", "10 km a day"}


def test_a_reply_to_something_the_card_does_not_show_refuses():
    assert not [s for s in suggest("Tom Reyes built bridges in Leeds. Reyes responded by adding 150 wires in 1871.") if "wires" in s.front]
    assert {"1871", "150"} <= answers("Tom Reyes responded to the collapse of 1871 by adding 150 wires.")


def test_an_it_is_not_a_name_that_only_says_which_thing_the_noun_after_it_is():
    text = "Luna 15 was launched in July 1969. About two hours before the Apollo 11 lander lifted off, it crashed into the sea."
    assert not [s for s in suggest(text) if "crashed" in s.front]
    assert any("lost" in s.front for s in suggest("About two hours before Apollo 11 landed, it lost its radio link in 1969."))


def test_a_leading_its_is_never_a_possessor_inside_the_sentence_before():
    text = "The crew of Apollo 17 spent three days on the Moon's surface. Its commander, Eugene Cernan, was born in Chicago in 1934."
    assert not [s for s in suggest(text) if "commander" in s.front]


@pytest.mark.parametrize(
    "sentence, refused",
    [
        ("In July 1969 the three astronauts signed the plaque for Ada Brand.", "three"),
        ("After the parade the three men were driven to Houston in 1969.", "three"),
        ("The Avon government paid $2 million to the U.S. government in 1867.", "U.S."),
        ("Heat was shot in an LA restaurant called Kate Mantilini in 1995.", "LA"),
        ("Fourteen years of work, from 1869 to 1883, went into the Avon Bridge.", "1869"),
        ("Fourteen years of work, from 1869 to 1883, went into the Avon Bridge.", "1883"),
    ],
)
def test_a_trivial_answer_is_not_asked(sentence, refused):
    assert refused not in answers(sentence)


def test_a_count_of_a_group_in_digits_or_an_ordinal_is_still_asked():
    assert "28" in answers("In April 1916 the floe broke up, and the 28 men took to three lifeboats.")
    assert "49th" in answers("Alaska became the 49th state in 1959.")


def test_a_short_form_spelled_out_in_the_card_is_not_asked_and_its_name_is_asked_whole():
    found = answers("The National Aeronautics and Space Administration (NASA) was founded in 1958.")
    assert "NASA" not in found and "National Aeronautics" not in found
    found = answers("Ada Vane kept the clocks close to Coordinated Universal Time, or UTC, after 1972.")
    assert "UTC" not in found and "Coordinated Universal Time" in found  # the letters in another order
    assert "GSM" in answers("GSM, which stands for Global System for Mobile Communications, let one phone work in 1991.")


@pytest.mark.parametrize(
    "sentence, expected, never",
    [
        ("Fort Ross had two hundred fixed posts by 1870.", "two hundred", "two"),
        ("The capsule Avon 4 came down under three parachutes in 1966.", "three", "under three"),
        ("The first soft landing was made by the American Surveyor 1 in 1966.", "Surveyor 1", "American Surveyor 1"),
    ],
)
def test_a_deletion_holds_the_whole_number_or_name_and_nothing_around_it(sentence, expected, never):
    found = answers(sentence)
    assert expected in found and never not in found


def test_no_part_of_a_name_around_a_nickname_is_asked():
    found = answers('In 1969 Edwin E. "Buzz" Aldrin Jr. walked on the surface of the Sea of Tranquility.')
    assert found & {"Edwin E.", "Buzz", "Aldrin Jr."} == set()
    assert "Emma" in answers('For "Emma" Jane Austen moved to a grander publisher, John Murray.')  # a title, no nickname


@pytest.mark.parametrize(
    "sentence, item",
    [
        ("In 1870 Ada Brand built the piers of limestone, granite and Rosendale cement.", "Rosendale"),
        ("In 1883 the Avon Bridge was a show of strength, a triumph of management, a jobs programme.", "management"),
        ("Gus Grissom, Ed White and Roger Chaffee died in a fire in January 1967.", "Gus Grissom"),  # a person and two names of unknown kind
        ("Gus Grissom, Ed White and Roger Chaffee died in a fire in January 1967.", "Ed White"),
    ],
)
def test_one_item_of_a_list_of_three_or_more_is_not_asked(sentence, item):
    assert item not in answers(sentence)


def test_a_name_after_a_plural_it_describes_is_no_list():
    assert "Eldfell" in answers("In 1973 the eruption built a new volcano, Eldfell, and the harbour survived.")


# Fifteenth round (issue 6): coverage of sentences that lean on the one before ("They" for two people,
# a leading possessive, the topic's pronoun refused for another reason, a two-sentence cloze) and an
# "Its" read from a relative clause.


def test_they_takes_the_two_people_the_sentence_before_names_and_keeps_them():
    text = (
        "In 1894 a professor introduced Anna Berg to Karl Lind, a chemist known for his work on crystals. "
        "They married in July 1895 in a simple civil ceremony. In July 1898 they announced a new element in Paris."
    )
    fronts = {s.front for s in suggest(text, "Anna Berg")}
    assert "Anna Berg and Karl Lind married in {{c1::July 1895}} in a simple civil ceremony." in fronts
    assert "In {{c1::July 1898}} Anna Berg and Karl Lind announced a new element in Paris." in fronts


@pytest.mark.parametrize(
    "first",
    [
        "In 1894 Anna Berg met Karl Lind and his two students in Leeds.",  # a plural that says which
        "In 1894 Anna Berg met Karl Lind and the crew of the Vega in Leeds.",  # a group
        "In 1894 Anna Berg met Karl Lind and Tom Vane in Leeds.",  # three people
    ],
)
def test_they_after_two_people_and_another_plural_is_not_taken_for_the_two(first):
    text = f"{first} They married in July 1895 in a simple civil ceremony."
    assert [s for s in suggest(text, "Anna Berg") if "Karl Lind married" in s.front + s.back] == []


def test_a_leading_possessive_gives_the_clause_of_its_person_that_holds_the_answer():
    text = (
        "John Hale caught his foot between a ferry and the pier. "
        "His toes were amputated, he refused most treatment, and he died of tetanus on 22 July 1869."
    )
    dated = [(s.front, s.back) for s in suggest(text) if s.answer == "22 July 1869"]
    assert dated == [("On what date did John Hale die of tetanus?", "22 July 1869")]
    # a sentence about the person itself keeps its clauses
    whole = "John Hale lived in Leeds. He refused most treatment, and he died of tetanus on 22 July 1869."
    assert any("refused most treatment" in s.front for s in suggest(whole) if s.answer == "22 July 1869")


def test_the_topics_pronoun_stands_in_a_sentence_with_an_aside_of_this_time():
    text = (
        "Anna Berg was born in Warsaw in 1867. She won the Nobel Prize in Physics in 1903. "
        "In 1911 she received a second Nobel Prize, this time in Chemistry, for the discovery of two elements."
    )
    assert "In {{c1::1911}} Anna Berg received a second Nobel Prize, this time in Chemistry, for the discovery of two elements." in {
        s.front for s in suggest(text, "Anna Berg")
    }
    leaning = "Anna Berg was born in Warsaw in 1867. At this time she lived in Leeds with her aunt Ada Vane."
    assert [s for s in suggest(leaning, "Anna Berg") if "Leeds" in s.front] == []


def test_a_he_after_an_opening_of_the_following_decade_is_the_man_named_before():
    text = (
        "The Avon Bridge crosses the River Avon. In 1872 the chief engineer John Lind was crippled by the bends. "
        "For most of the following decade he directed the work from a room in Clifton, watching through a telescope."
    )
    assert "(Avon Bridge) John Lind directed the work from a room in {{c1::Clifton}}, watching through a telescope." in {
        s.front for s in suggest(text, "Avon Bridge")
    }
    counted = "In 1872 the engineer John Lind was crippled by the bends. Two weeks later, he moved to Clifton."
    assert [s for s in suggest(counted) if "Clifton" in s.front] == []  # counted from a year alone: refused as before


@pytest.mark.parametrize(
    "first, second, expected",
    [
        (
            "A receiver measures the distance from four satellites at once.",
            "This method is called trilateration.",
            "This method is called {{c1::trilateration}}.",
        ),
        ("The shoot of the film had been planned for 55 days.", "It lasted 159 days.", "It lasted {{c1::159 days}}."),
        (  # a "they" for two people is resolved and the time written out instead (twenty-third round)
            "The Kestrel laboratory announced polonium in July 1898.",
            "In December of the same year it announced a second element at the Sorbonne.",
            "In December of the same year it announced a second element at the {{c1::Sorbonne}}.",
        ),
    ],
)
def test_a_sentence_leaning_on_a_short_one_before_is_asked_with_that_one_shown(first, second, expected):
    text = f"{first} {second}"
    found = [s for s in suggest(text, per_1000=1000) if s.front == f"{first} {expected}"]
    assert found and found[0].start == 0 and found[0].end == len(text)  # the passage is both sentences


@pytest.mark.parametrize(
    "first, second",
    [
        # the sentence before does not stand on its own
        ("Its receiver measures the distance from four satellites.", "This method is called trilateration."),
        # the sentence before is long
        (
            "A receiver on the ground, in a car, in a ship or in a plane measures how long the signals of at least "
            "four satellites took to reach it and turns those times into distances from each of them.",
            "This method is called trilateration.",
        ),
        # no year before for "the same year" to be
        ("Ada Brand had found the first active volcano beyond the Earth.", "In July of the same year Tom Vane passed Jupiter."),
        # two things an "It" could be, and the first name is a person
        ("Ada Brand flew the Vega IV for the Acme Corporation in 1931.", "It stood 60 metres tall."),
        # something else leans too
        ("The shoot of the film had been planned for 55 days.", "Such delays cost the studio a further $2 million there."),
    ],
)
def test_a_sentence_leaning_on_one_that_cannot_be_shown_gives_nothing(first, second):
    text = f"{first} {second}"
    start = split_sentences(text)[1].start
    assert [s.front for s in suggest(text, per_1000=1000) if s.end > start and s.front.count(".") > 1] == []
    assert [s.front for s in suggest(text, per_1000=1000) if s.start == start] == []


def test_a_leading_its_after_an_its_is_what_that_one_stood_for_not_a_name_in_a_relative_clause():
    text = (
        "The Soviet Union had its own Moon programme. Its chief designer, Sergei Korolev, who had built Sputnik, "
        "died in 1966. Its giant N1 rocket failed on all four of its launches."
    )
    fronts = {s.front for s in suggest(text, per_1000=1000)}
    assert "The Soviet Union's giant {{c1::N1}} rocket failed on all four of its launches." in fronts
    assert not [front for front in fronts if "Sputnik's" in front]
    valley = "Geysir lies in the Haukadalur valley of Iceland. It rarely erupts now."
    assert not [s for s in suggest(valley, per_1000=1000) if "Haukadalur rarely" in s.front]


# Sixteenth round (issue 6): coverage of pronoun chains, terms as answers, names a long document keeps
# repeating, and the context of a two-sentence cloze.

_CHAIN_START = "Karl Lind was appointed chief engineer in 1867. His plan called for a span of 500 metres. "
_CHAIN_END = "His toes were amputated, he refused most treatment, and he died of tetanus on 22 July 1869."


def test_a_he_at_the_end_of_a_chain_of_pronouns_is_the_man_the_chain_started_from():
    text = (
        f"{_CHAIN_START}He never saw it begun. "
        "In the summer of 1869, while he was surveying the site, a cart crushed his foot against a pier. "
        f"{_CHAIN_END}"
    )
    dated = {(s.front, s.back) for s in suggest(text, "Tay Bridge") if s.answer == "22 July 1869"}
    assert dated == {("On what date did Karl Lind die of tetanus?", "22 July 1869")}


@pytest.mark.parametrize(
    "middle",
    [
        # a sentence without a "he" or "his" breaks the chain
        "He never saw it begun. In the summer of 1869 a storm flooded the site. ",
        # the chain is too long: five sentences back
        "He never saw it begun. He lived in Leeds. In 1869, while he was surveying the site, a cart crushed his foot. ",
        # the chain starts from two men
        "In 1868 Lind and the mayor Tom Vane quarrelled, and he never saw it begun. While he was surveying the site, a cart crushed his foot. ",
        # someone whose gender the document does not make sure is named in between
        "He never saw it begun. In 1869, while he was surveying the site, the surgeon, Dr. Tarrant Oakes, dressed his foot. ",
    ],
)
def test_a_he_at_the_end_of_a_broken_long_or_doubtful_chain_is_not_guessed(middle):
    text = f"{_CHAIN_START}{middle}{_CHAIN_END}"
    assert [s for s in suggest(text, "Tay Bridge") if "22 July 1869" in s.front + s.back] == []


def test_a_woman_named_in_a_sentence_whose_she_is_the_documents_person_does_not_start_a_chain():
    text = (
        "Ada Vane was a chemist who worked in Paris. "
        "In 1921 she toured the United States, where the journalist Mary Lowe had raised money for her work. "
        "President Orrin Hale presented it to her at the White House. Years of work damaged her health. "
        "She died of anaemia on 4 July 1934 at a sanatorium in Passy."
    )
    dated = [s.front for s in suggest(text, "Ada Vane") if s.answer == "4 July 1934"]
    assert dated == ["Ada Vane died of anaemia on {{c1::4 July 1934}} at a sanatorium in Passy."]


def test_a_chain_from_another_man_than_the_documents_person_is_not_guessed():
    text = (
        "Karl Lind was born in Leeds in 1806. In 1840 the banker Tom Vane lent money to the firm. "
        "His bank failed in 1841. He died of tetanus in Bath on 22 July 1869."
    )
    assert [s for s in suggest(text, "Karl Lind") if "22 July 1869" in s.front + s.back] == []


def test_a_two_sentence_cloze_never_shows_a_line_without_a_verb():
    assert [s for s in suggest("Four main cables, each 15 inches thick. It was designated a landmark in 1964.") if "1964" in s.front] == []
    with_verb = "Four main cables, each 15 inches thick, hold the deck. It was designated a landmark in 1964."
    assert "Four main cables, each 15 inches thick, hold the deck. It was designated a landmark in {{c1::1964}}." in {
        s.front for s in suggest(with_verb, per_1000=1000)
    }


@pytest.mark.parametrize(
    "text, term",
    [
        ("Karl Lind was born in Leeds in 1806. He made his fortune manufacturing wire rope.", "wire rope"),
        ("The Avon Bridge opened in 1883. It was the first large bridge to use steel wire for its cables.", "steel wire"),
        ("Karl Lind refused most treatment, and he died of tetanus on 22 July 1869.", "tetanus"),
        ("Tom Vane died of a heart attack aboard the Quest in 1922.", "heart attack"),
        ("The towers of the Avon Bridge stand on caissons: enormous wooden boxes, open at the bottom, sunk into the riverbed.", "caissons"),
    ],
)
def test_a_term_the_sentence_places_or_defines_after_a_colon_is_asked(text, term):
    assert term in answers(text, "Avon Bridge")


@pytest.mark.parametrize(
    "text, never",
    [
        ("The story shows that the limit was mostly mental: once one runner had done it, others did the same.", "mental"),
        ("In 1961 Ada Brand found the answer: every shell would be cut from one sphere.", "answer"),
        ("The Avon Bridge rests on three supports: two stone towers, one pier and the bank.", "supports"),
        ("Tom Vane died of a heart attack aboard the Quest in 1922.", "heart attack aboard"),
        ("Tom Vane made his fortune in Leeds and built a mill there in 1850.", "Leeds"),  # a place, not a term
    ],
)
def test_a_colon_or_a_cause_that_does_not_hold_a_term_gives_no_term(text, never):
    assert never not in {s.answer for s in suggest(text, "Avon Bridge") if s.rule == "cloze:term"}


def test_a_cause_of_death_is_worth_less_than_other_terms():
    cause = {s.answer: s.score for s in suggest("Tom Vane died of cholera in Leeds in 1869.")}
    fortune = {s.answer: s.score for s in suggest("Tom Vane made his fortune selling soap in Leeds in 1869.")}
    assert cause["cholera"] < fortune["soap"]


_KESTREL = [
    "The Kestrel Works opened in Leeds in 1901.",
    "Its first order came from a mill owner who wanted steam engines.",
    "By 1910 the Kestrel Works employed 400 people.",
    "Orders for boilers doubled before the war.",
    "In 1915 the Kestrel Works turned to making shells.",
    "The Kestrel Works paid for a school near the river in 1921.",
    "Strikes closed the Kestrel Works for six weeks in 1926.",
    "A fire destroyed the pattern shop of the Kestrel Works in 1931.",
    "The Kestrel Works built its last locomotive in 1948.",
    "Later the Kestrel Works made pumps for the Navy until 1957.",
    "A property firm bought the Kestrel Works in 1962.",
    "Crowds watched the last chimney of the Kestrel Works fall in 1965.",
]


def test_a_thing_a_long_document_names_in_ten_sentences_is_asked_only_where_first_named():
    filler = " ".join(f"A clerk filed report number {n} with the council at noon." for n in range(130))
    asked = [s for s in suggest(f"{' '.join(_KESTREL)} {filler}", "Leeds industry", per_1000=1000) if s.answer == "Kestrel Works"]
    assert len(asked) == 1
    nine = [s for s in suggest(f"{' '.join(_KESTREL[:-1])} {filler}", "Leeds industry", per_1000=1000) if s.answer == "Kestrel Works"]
    assert len(nine) == 1  # named in nine sentences of 140: since the twenty-second round asked once as well


# Seventeenth round (issue 6): rejects a rule can catch (a leading "That award", a name inside brackets,
# a family or a people as the answer, a verb taken for a term, a place located by the one after it).


def test_a_leading_that_with_a_noun_is_asked_with_the_short_sentence_before_it_or_not_at_all():
    named = "In 1911 Ada Vane won the Nobel Prize in Chemistry. "
    leaning = "That award made Ada Vane the first person to win prizes in two different sciences."
    fronts = [s.front for s in suggest(named + leaning, "Ada Vane") if s.answer == "two"]
    assert fronts == [f"{named}{leaning.replace('two', '{{c1::two}}')}"]
    assert suggest(leaning, "Ada Vane") == []  # no sentence before: which award?
    assert answers("Ada Vane won the award. That award made Ada Vane famous in 1912.", "Ada Vane") >= {"1912"}


def test_a_name_inside_brackets_is_an_aside_but_dates_there_are_asked():
    found = answers("The real-life Vincent Hanna (Al Pacino's character) was the Chicago cop Chuck Adamson.", "Heat")
    assert "Al Pacino" not in found and "Chuck Adamson" in found
    lived = answers("Ada Vane (7 November 1867 – 4 July 1934) was a physicist who studied radium in Paris.", "Radium")
    assert {"7 November 1867", "4 July 1934"} <= lived


def test_a_family_or_a_people_in_the_plural_is_not_an_answer():
    text = "Marie Curie and Pierre Curie measured the ore in 1898. The Curies guessed that it hid something new."
    assert "Curies" not in answers(text, "Radium")
    assert "Soviets" not in answers("The Soviets did try to steal a little of the spotlight in 1969.", "Apollo 11")
    assert "Hastings" in answers("Ada Vane sailed from the port of Hastings in 1902.", "Ada Vane")  # no plural of anyone


def test_the_past_of_a_verb_before_a_comma_is_no_term():
    text = "With less than a minute of usable fuel left, a probe touched the surface."
    assert "left" not in answers(text, "Apollo 11")
    # "breastbone" is a word rare in English, asked since round 91
    assert answers("The thymus, a small organ behind the breastbone, trains the cells.", "Immunity") == {"thymus", "breastbone"}


def test_a_place_located_by_the_direction_of_another_after_it_is_not_asked():
    assert "Coral Sea" not in answers("The ship sank in the Coral Sea, southwest of Hawaii, in 1943.", "Ships")
    assert "Coral Sea" in answers("The ship sank in the Coral Sea in 1943, southwest of the island.", "Ships")  # an ocean is famous (twenty-second round)
    assert "Hoboken" in answers("Ada Vane was born in Hoboken, New Jersey, on 26 May 1895.", "Ada Vane")  # the town is the fact


# Eighteenth round (issue 6): sentences refused or cut short that hold key facts (a thing called after a
# person, a first name's gender, units, terms someone names, a subject "The …" given a name).


def test_a_thing_called_after_a_person_is_one_name_and_the_topic():
    text = (
        "The English astronomer Edmond Halley studied the records of old comets. "
        "Halley's Comet comes back to the inner planets every 76 years."
    )
    fronts = {s.front for s in suggest(text, "Halley's Comet: the visitor that keeps its appointments")}
    assert "Halley's Comet comes back to the inner planets every {{c1::76 years}}." in fronts
    assert not any(front.startswith(("(Comet)", "Comet ")) for front in fronts)


def test_edmond_is_a_mans_first_name():
    text = "Edmond Halley did not live to see the comet again. He died in 1742 in Greenwich."
    assert ("cloze:year", "Edmond Halley died in {{c1::1742}} in Greenwich.", "") in cards(text, "Comets")


def test_horsepower_and_astronomical_units_are_units():
    assert "about 160,000 horsepower" in answers("Four steam turbines together produced about 160,000 horsepower.", "Ships")
    assert "about 0.59 astronomical units" in answers("The comet Vela comes within about 0.59 astronomical units of the Sun.", "Comets")


def test_a_term_someone_gives_a_description_ending_its_clause_is_asked():
    text = "Ada Vane wrote down what people told her in notebooks, a practice she called field notes."
    assert "field notes" in answers(text, "Ada Vane")
    assert "retrograde" in answers("The comet Vela travels around the Sun backwards, a motion astronomers call retrograde.", "Comets")
    assert "every week" not in answers("Ada Vane wrote to Kim Lee, a friend she called every week.", "Ada Vane")


def test_a_term_stops_before_the_verb_after_it():
    text = "A forager sucks nectar into her honey stomach, where an enzyme called invertase begins to split its sugar."
    found = answers(text, "The honey bee")
    assert "invertase" in found and "invertase begins" not in found


def test_a_subject_given_a_name_is_asked_with_the_sentence_before_that_holds_its_noun():
    named = "In May 1952 Ray Gosling took an X-ray image of the wet fibre."
    naming = "The image became known as Photograph 51."
    fronts = [s.front for s in suggest(f"{named} {naming}", "DNA") if s.answer == "Photograph 51"]
    assert fronts == [f"{named} The image became known as {{{{c1::Photograph 51}}}}."]
    other = "In May 1952 Ray Gosling photographed the wet fibre. The image became known as Photograph 51."
    assert "Photograph 51" not in answers(other, "DNA")  # which image? the sentence before names none


# Nineteenth round (issue 6): a leading "He" or "His" for the document's person when the sentence before
# had that person for its subject and named another man only after "by" or "under"; a nickname in quotes
# that holds its person's surname.


def _bridge_after(sentence_before: str) -> set[str]:
    text = f'Karl Lind was a Swedish engineer. {sentence_before} His first bridge, "Arc Royal," opened in 1901.'
    return {s.front for s in suggest(text, title="Karl Lind") if "Arc Royal" in s.front}


def test_a_his_after_the_documents_person_and_a_man_after_by_or_under_is_the_persons():
    expected = 'Karl Lind\'s first bridge, "{{c1::Arc Royal}}," opened in 1901.'
    assert expected in _bridge_after("He worked for five years under the director Tom Vane, who taught him to draw.")
    assert expected in _bridge_after("In 1899 he won a medal, handed to him by Tom Vane and Carl Berg.")


def test_a_his_after_the_documents_person_and_a_man_who_is_the_object_or_a_companion_is_refused():
    assert _bridge_after("He hired the engineer Tom Vane in 1899.") == set()  # Lind's first bridge, or Vane's?
    assert _bridge_after("In 1899 he met Tom Vane in Malmö.") == set()
    assert _bridge_after("He worked for five years with the engineer Tom Vane.") == set()
    assert _bridge_after("He worked for five years for the engineer Tom Vane.") == set()


def test_a_nickname_in_quotes_is_not_given_away_by_its_persons_surname():
    text = 'Frank Crowe ran the work at the dam. His habit of driving the crews hard earned him the nickname "Hurry Up Crowe."'
    assert "Hurry Up Crowe" in answers(text, "Hoover Dam")
    called = 'Frank Crowe ran the work at the dam. His habit of driving the crews hard earned him the nickname "Frank Crowe."'
    assert "Frank Crowe" not in {s.answer for s in suggest(called, "Hoover Dam") if "nickname" in s.front}
    named = 'Frank Crowe ran the work at the dam. Its best crew, led by Tom Hurry, was called "Hurry Up Crowe."'
    assert "Hurry Up Crowe" not in answers(named, "Hoover Dam")  # not a nickname: the names on the card give it away


# Twentieth round (issue 6): a line of speech beside its named speaker; "the next year" and "the same year"
# written as the year; a leading "It" for the one film a person's sentence names beside a company; a
# leading "Its" for the topic after a sentence about it that names others only after "by"; a title with
# exclamation marks in it.


def test_a_line_of_speech_asks_for_its_named_speaker_and_never_for_its_words():
    for text in ('"We are not turning back," Ruth Ames told the crew.', 'Ruth Ames told the crew: "We are not turning back."'):
        found = suggest(text)
        assert [(s.rule, s.answer) for s in found] == [("cloze:person", "Ruth Ames")]
        assert '"We are not turning back,"' in found[0].front or '"We are not turning back."' in found[0].front


def test_a_line_of_speech_without_a_named_speaker_gives_nothing():
    assert suggest('"We are not turning back," a sailor told the crew in Hobart.') == []
    assert suggest('The plaque in Hobart reads: "We are not turning back."') == []
    assert suggest('"We are not turning back," he told the crew in Hobart.') == []  # who is he?


def test_the_next_year_and_the_same_year_become_the_year_they_are():
    assert ("cloze:name", "Rashomon won the {{c1::Golden Lion}} at the Venice Film Festival in 1951 and an honorary Academy Award in 1952.", "") in cards(
        "Rashomon won the Golden Lion at the Venice Film Festival in 1951 and an honorary Academy Award the next year."
    )
    assert ("cloze:name", "Utah signed the {{c1::Colorado River Compact}} in 1922.", "") in cards(
        "Ada Berg proposed a dam in 1922. Utah signed the Colorado River Compact in the same year."
    )
    assert "Colorado River Compact" in answers("In 1922 Ada Berg proposed a dam, and Utah signed the Colorado River Compact the same year.")


def test_the_next_year_or_the_same_year_is_refused_when_the_year_is_not_sure():
    for text in (
        "Ada Berg proposed a dam in 1922 and 1923. Utah signed the Colorado River Compact the same year.",
        "Ada Berg proposed a dam. Utah signed the Colorado River Compact in the same year.",
        "In 1922 and 1925 Ada Berg won the Golden Lion and the Blue Cup the next year.",
        "Ada Berg proposed a dam in the 1920s and signed the Colorado River Compact the next year.",
        "Ada Berg proposed a dam in 1922. Utah signed the Colorado River Compact the next year.",  # counted from what?
    ):
        assert not [s for s in suggest(text) if "Compact" in s.front or "Blue Cup" in s.front]


def test_it_after_a_persons_sentence_naming_one_film_and_a_company_is_the_film():
    text = 'Ada Brand persuaded Acme Films to pay for the release of "Nightfall" in 1980. It shared the Golden Palm at Cannes.'
    assert ("cloze:name", '"Nightfall" shared the {{c1::Golden Palm}} at Cannes.', "") in cards(text)
    two = 'Ada Brand persuaded Acme Films to pay for "Nightfall" and "Daybreak" in 1980. It shared the Golden Palm at Cannes.'
    assert not [s for s in suggest(two) if "Golden Palm" in s.front]  # which film?


def test_its_after_a_sentence_about_the_topic_that_names_others_only_after_by_is_the_topics():
    text = "The Vega Dam stands on the Ord River. The dam was designed by engineers of the Bureau of Reclamation in 1928. Its chief design engineer was John L. Savage."
    assert ("question:who", "Who was the Vega Dam's chief design engineer?", "John L. Savage") in cards(text, "The Vega Dam")
    other = text.replace("designed by engineers of", "designed for")  # the Bureau's engineer, or the dam's?
    assert not [s for s in suggest(other, "The Vega Dam") if "Savage" in s.front]


def test_a_title_with_exclamation_marks_before_a_work_noun_is_one_work():
    text = 'In 1968 Ada Brand was hired to direct half of "Tora! Tora! Tora!," a film about the attack on Pearl Harbor.'
    assert "Tora! Tora! Tora" in answers(text)


# Twenty-first round (issue 6): fewer rejects (the person a document is mostly about asked once, a head of
# state met in passing, a count the list after it gives away).

_FILLER = (
    "The harbour opened a ferry terminal in 1958. The city council bought the land for $2 million. "
    "The Sydney Symphony Orchestra gave its first concert in 1932. Karl Lind designed the new tram line in 1960. "
    "The ferry company Harbour Lines ran 24 boats in 1962. The state library moved to Macquarie Street in 1964. "
)


def test_the_person_a_document_is_mostly_about_is_asked_once():
    text = (
        "The Sydney Opera House stands on Bennelong Point. "
        "Ada Brand won the design competition in 1957. Brand's sketches showed curved shells with no regular geometry. "
        + _FILLER
        + "In 1961 Brand found a way to cut every shell from one sphere."
    )  # Ada Brand in 3 of the 10 sentences
    assert [s.answer for s in suggest(text, "Sydney Opera House") if "Brand" in s.answer] == ["Ada Brand"]


def test_a_person_named_in_fewer_than_a_fifth_of_the_sentences_is_asked_again():
    text = (
        "The Sydney Opera House stands on Bennelong Point. "
        "Ada Brand won the design competition in 1957. Brand's sketches showed curved shells with no regular geometry. "
        + _FILLER * 2
        + "In 1961 Brand found a way to cut every shell from one sphere."
    )  # Ada Brand in 3 of the 16 sentences
    assert len([s for s in suggest(text, "Sydney Opera House") if "Brand" in s.answer]) >= 2


def test_a_head_of_state_met_or_related_to_in_passing_is_not_the_answer():
    for text in (
        "Winston Churchill sailed to New York in 1943 to meet President Franklin D. Roosevelt.",
        "The liner Queen Elizabeth was named in 1938 after the wife of King George VI.",
        "In 1994 Ada Brand and President François Mitterrand opened the tunnel at Calais.",
    ):
        assert not [s for s in suggest(text) if "Roosevelt" in s.answer or "George VI" in s.answer or "Mitterrand" in s.answer]


def test_a_head_of_state_who_acts_is_the_answer():
    assert "Harry S. Truman" in answers("President Harry S. Truman signed the Economic Cooperation Act on April 3, 1948.")
    assert "Calvin Coolidge" in answers("The Boulder Canyon Project Act was signed by President Calvin Coolidge in 1928.")
    assert "Elizabeth II" in answers("Queen Elizabeth II opened the Sydney Opera House on 20 October 1973.")


def test_a_count_the_list_after_it_adds_up_to_or_names_is_not_the_answer():
    assert "ten" not in answers("In 1986 the contract went to TransManche Link, a group of ten construction firms, five British and five French.")
    assert "two" not in answers("The grains make two meteor showers: the Eta Aquariids in early May and the Orionids in October.")
    assert "ten" in answers("In 1986 the contract went to TransManche Link, a group of ten construction firms, five British and four French.")
    assert "two" in answers("The grains make two meteor showers: one in early May and another in October.")


# Twenty-second round (issue 6): long documents (a name a long document keeps using asked once), the
# second of two years in a row, a people or an era as no "it", oceans, "her" before a number of times, and
# names given away by the names a hyphen joins.

def _filed(reports: int) -> str:
    return " ".join(f"A clerk filed report number {number} with the council at noon." for number in range(reports))


def test_a_long_document_asks_a_name_it_keeps_using_once():
    named = " ".join([_KESTREL[0], _KESTREL[2], _KESTREL[10]])  # in 3 of 103 statements
    asked = [s.front for s in suggest(f"{named} {_filed(100)}", "Leeds industry", per_1000=1000) if s.answer == "Kestrel Works"]
    assert asked == ["The {{c1::Kestrel Works}} opened in Leeds in 1901."]


def test_a_short_document_or_a_name_named_twice_is_asked_again():
    named = " ".join([_KESTREL[0], _KESTREL[2], _KESTREL[10]])  # in 3 of 48 statements
    assert len([s for s in suggest(f"{named} {_filed(45)}", "Leeds industry", per_1000=1000) if s.answer == "Kestrel Works"]) == 3
    twice = " ".join(_KESTREL[0:3:2])  # in 2 of 102 statements
    assert len([s for s in suggest(f"{twice} {_filed(100)}", "Leeds industry", per_1000=1000) if s.answer == "Kestrel Works"]) == 2


def test_the_second_of_two_years_in_a_row_is_not_the_answer():
    text = "About 30,000 stampeders spent the winter of 1897 to 1898 on the shores of Lake Bennett."
    assert "1898" not in answers(text) and "1897" in answers(text)
    assert {"1936", "1967"} <= answers("The Queen Mary sailed for the Cunard Line from 1936 to 1967.")


def test_a_word_for_a_people_or_an_era_is_no_it():
    slide = (
        "The largest slide, the Cucaracha slide, had troubled the French, and it moved again and again. "
        "In October 1907 it buried the work under mud."
    )
    assert not [s for s in suggest(slide) if "French buried" in s.front]
    era = "Chinese astronomers recorded the comet in 240 BC. Its appearance in 1066 is shown on the Bayeux Tapestry."
    assert not [s for s in suggest(era) if "BC's" in s.front]


def test_an_ocean_is_not_the_answer():
    text = "The Panama Canal crosses the Isthmus of Panama and joins the Atlantic Ocean to the Pacific Ocean."
    assert answers(text) & {"Atlantic Ocean", "Pacific Ocean"} == set()
    found = "The wreck of the Endurance was found on 5 March 2022 at a depth of 3,008 metres in the {}."
    assert "Pacific Ocean" not in answers(found.format("Pacific Ocean"))
    assert "Weddell Sea" in answers(found.format("Weddell Sea"))


def test_her_before_a_number_of_times_is_the_ship_not_her_thing():
    text = (
        "The RMS Queen Mary is a retired ocean liner. "
        "She carried troops during the war. "
        "Winston Churchill crossed the Atlantic on her three times during the war."
    )
    assert any("on the Queen Mary three times" in s.front for s in suggest(text, "RMS Queen Mary"))


def test_a_name_whose_hyphenated_parts_the_card_shows_is_given_away():
    text = "In 1977 President Jimmy Carter and General Omar Torrijos signed the Torrijos-Carter Treaties in Washington."
    assert "Torrijos-Carter Treaties" not in answers(text)
    text = "In 1869 Jane Austen's nephew James Edward Austen-Leigh published a memoir of his aunt."
    assert "James Edward Austen-Leigh" in answers(text)


# Twenty-third round (issue 6): key facts no card covers (a subject "The project" or "The programme" that
# stands for the making of the document's thing, and the year an estimate was made beside its amount).


def test_the_project_is_the_making_of_the_documents_thing_and_is_named():
    tunnel = "The Harbour Tunnel links the two shores of the bay. {}"
    text = tunnel.format("The project cost about 560 million dollars.")
    assert ("question:how-much", "How much did the Harbour Tunnel cost?", "about 560 million dollars") in cards(text, title="Harbour Tunnel")
    estimate = tunnel.format("The programme had been estimated at 90 million dollars.")
    assert ("cloze:money", "The Harbour Tunnel had been estimated at {{c1::90 million dollars}}.", "") in cards(estimate, title="Harbour Tunnel")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("The Harbour Tunnel was built next to the Kestrel project. The project cost about 560 million dollars.", "Harbour Tunnel"),
        ("The Harbour Tunnel was built after the programme Kestrel. The programme cost about 560 million dollars.", "Harbour Tunnel"),
        ("The Harbour Tunnel links the two shores of the bay. The new project cost about 560 million dollars.", "Harbour Tunnel"),
        ("Ada Brand was an engineer from Leeds. The project cost about 560 million dollars.", "Ada Brand"),  # a person's projects are many
    ],
)
def test_the_project_stays_refused_when_it_may_be_another(text, title):
    assert not [s for s in suggest(text, title=title) if "560 million" in s.answer]


def test_the_year_an_estimate_was_made_is_not_asked_beside_its_amount():
    text = "The Harbour Tunnel links the two shores of the bay. Its cost was estimated at 90 million dollars in 1962."
    assert answers(text, title="Harbour Tunnel") == {"90 million dollars"}
    text = "The Harbour Tunnel links the two shores of the bay. Its cost was first estimated in 1962 by Ada Brand."
    assert "1962" in answers(text, title="Harbour Tunnel")


@pytest.mark.parametrize(
    ("opening", "written"),
    [
        ("Later that year they", "In 1921, Ada Brand and Tom Vane"),
        ("In December of the same year they", "In December 1921, Ada Brand and Tom Vane"),  # not the two sentences shown
        ("The next year they", "In 1922, Ada Brand and Tom Vane"),
        ("Early that year they", "In early 1921, Ada Brand and Tom Vane"),
    ],
)
def test_a_time_counted_from_the_sentence_before_is_written_out_before_they(opening, written):
    text = f"Ada Brand and Tom Vane founded the Kestrel Works in 1921. {opening} built the first Kestrel engine at Leeds."
    assert ("cloze:place", f"{written} built the first Kestrel engine at {{{{c1::Leeds}}}}.", "") in cards(text)


def test_that_day_is_the_date_of_the_sentence_before():
    text = "Ada Brand and Tom Vane reached Leeds on 7 February 1996. That day they flew to York in under three hours."
    assert ("cloze:duration", "On 7 February 1996, Ada Brand and Tom Vane flew to York in {{c1::under three hours}}.", "") in cards(text)


@pytest.mark.parametrize(
    "text",
    [
        # an "it" leans on the sentence before as much as the year: "The agency" or "Ranger 4"?
        "The agency launched Ranger 4 in April 1962. Later that year it launched Mariner 2 toward Venus.",
        # a date given as a bound is not the time the story is at
        "Ada Brand found the wreck in 1921, but the wreck was not named until 1978. Later that year Tom Vane photographed the fields of Leeds.",
        # weeks after a year alone come to no month
        "Ada Brand and Tom Vane founded the Kestrel Works in 1921. That week they built the first Kestrel engine at Leeds.",
    ],
)
def test_a_time_counted_from_the_sentence_before_is_not_written_when_unsure(text):
    second = split_sentences(text)[1]
    assert not [s for s in suggest(text) if s.start == second.start and re.match(r"In (?:early )?\w* ?\d{4}", s.front)]


def test_they_after_three_people_a_sentence_opens_with_is_the_three():
    crossed = "{} crossed the mountains in 36 hours. On 20 May 1916 they walked into the whaling station at Stromness."
    text = crossed.format("Ada Brand, Tom Vane and Ann Holt")
    assert ("cloze:place", "On 20 May 1916 Ada Brand, Tom Vane and Ann Holt walked into the whaling station at {{c1::Stromness}}.", "") in cards(text)
    for subject in ("Ada Brand, Tom Vane, Ann Holt and Ed Dale", "Ada Brand, the Kestrel Works and Ann Holt"):  # four; not all people
        # no name is written for the "they": a card shows it after the sentence before (round 79, part A)
        walked = [s.front for s in suggest(crossed.format(subject)) if "walked into" in s.front]
        assert all(front.startswith(crossed.format(subject).split(" On ")[0]) and " they walked" in front for front in walked)


def test_a_name_the_sentence_gives_is_its_fact():
    text = "When Ada Brand took office in 1933, her deputy, Tom Vane, ordered that the dam be called Kestrel Dam."
    assert "Kestrel Dam" in answers(text)  # not pushed out by the three names and years before it
    assert suggest(text)[0].answer == "Kestrel Dam"


def test_a_word_for_a_structure_does_not_give_a_name_away():
    named = "The Avon Dam was finished in 1931. In 1933 {} ordered that the dam be called Kestrel Dam."
    assert "Kestrel Dam" in answers(named.format("the engineers"), title="Avon Dam")
    assert "Kestrel Dam" not in answers(named.format("the Kestrel company"), title="Avon Dam")  # its own word is on the card


def test_its_after_a_common_noun_subject_is_the_subjects_own():
    text = "The Avon Dam opened in 1936. The finished dam is 726 feet high and 1,244 feet long at its crest."
    assert {"726 feet", "1,244 feet"} <= answers(text, title="Avon Dam")
    measured = "The Avon Dam opened in 1936. Engineers measured 726 feet at its crest."
    assert "726 feet" not in answers(measured, title="Avon Dam")  # no subject of whose "its" can be


# Twenty-fourth round (issue 6): names a sentence gives but whose sentence is refused for a pronoun.


def test_a_name_given_after_its_description_is_asked_whoever_they_are():
    text = "In spring, when the river ran, they washed the sand through long iron troughs called rockers, where the gold sank."
    front = "In spring, when the river ran, they washed the sand through long iron troughs called {{c1::rockers}}, where the gold sank."
    assert ("cloze:term", front, "") in cards(text)
    dated = "In 1898 they washed the sand at Dawson through long iron troughs called rockers."
    assert answers(dated) == {"rockers"}  # only the described name: when or where "they" did it is not clear


@pytest.mark.parametrize(
    "text",
    [
        "In 1898 they named it Kestrel Creek.",  # what "it" is, no description says
        "In 1898 it became known as Kestrel Creek.",  # "became", no description, before the name
        "In 1898 Ada Brand found gold on a creek he called Kestrel Creek.",  # "he", not a description, before the name
        "Perhaps they washed the sand through long iron troughs called rockers.",  # a hedge, not a fact
    ],
)
def test_a_name_in_a_sentence_refused_for_a_pronoun_stays_refused_without_its_description(text):
    assert not [s for s in suggest(text) if s.answer in ("Kestrel Creek", "rockers")]


# Twenty-fifth round (issue 6): fewer rejected cards (the second of a pair of names, the thing called by a
# quoted name, a region set after the name it locates).


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("In 1962 Margaret Olwen and Petra Sandvik gave up their shares in the ferry.", "Margaret Olwen", "Petra Sandvik"),
        ("The pull of Vesta and Ceres slows the probe down.", "Vesta", "Ceres"),
        ("On 3 May 1931 Norvane Airways and Caldera Transport gave up their options.", "Norvane Airways", "Caldera Transport"),
    ],
)
def test_the_second_of_two_names_joined_by_and_is_not_asked(text, first, second):
    found = answers(text)
    assert first in found and second not in found


@pytest.mark.parametrize(
    ("text", "second"),
    [
        # names of two kinds are two facts
        ("In 1961 Roger Quill of the Naval Signal Laboratory and Ivan Brandt of the Aerospace Corporation made key contributions.", "Ivan Brandt"),
        # "and the" opens a second place of the sentence, not the other half of the first
        ("In June 1898 dozens of boats were wrecked at Miller Gorge and the Kestrel Rapids.", "Kestrel Rapids"),
    ],
)
def test_a_name_after_and_is_asked_when_it_is_no_pair(text, second):
    assert second in answers(text)


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ('Ada Brand\'s crews called him "Kaiser," the boss.', "him"),
        ('Ada Brand, a former striker, called the choice "timid".', "choice"),
        ('One inspector called the fever theory "nonsense" in 1905.', "fever theory"),
    ],
)
def test_what_is_called_by_a_quoted_name_is_no_term(text, refused):
    assert refused not in answers(text)


def test_a_term_after_called_is_still_a_term_without_a_quotation():
    assert "rockers" in answers("In 1897 the miners washed the sand through long iron troughs called rockers.")


@pytest.mark.parametrize(
    ("text", "refused", "kept"),
    [
        ("Some stampeders set out overland from Calder, in Westland, on trails of up to 2,500 kilometres.", "Westland", "Calder"),
        ("Ivo Brandt, a professor at the University of Tasmania, Hobart, studied the farm workers in 1936.", "Hobart", "Ivo Brandt"),
    ],
)
def test_a_region_set_after_the_place_or_organisation_it_locates_is_not_asked(text, refused, kept):
    found = answers(text)
    assert refused not in found and kept in found


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("The Minister of the Interior, Ray Tolland, named the dam in September 1930.", "Ray Tolland"),  # an office, not a place
        ("In 1936 Ada Brand passed a camp near Nipomo, California.", "Nipomo"),  # the place before its region
    ],
)
def test_a_name_after_a_comma_is_asked_when_it_locates_nothing(text, answer):
    assert answer in answers(text)


# Twenty-seventh round (issue 6): an "it" or "its" that can only be the document's topic is carried by the
# card's label, and the time a comparison measures against is not asked.

_KESTREL_DAM = "The Kestrel Dam crosses the Vale River. Ada Brand drew the first plans in 1921. The finished dam is 210 metres high. "


@pytest.mark.parametrize(
    ("sentence", "front"),
    [
        ("At its base it is 90 metres thick.", "(Kestrel Dam) At its base it is {{c1::90 metres}} thick."),
        # round 65: "The finished dam" before it is the topic by its name's noun, so the "it" and "Its" are written out
        ("Its power plant was finished in 1936.", "The Kestrel Dam's power plant was finished in {{c1::1936}}."),
        ("Six turbines give it a capacity of 400 megawatts.", "Six turbines give the Kestrel Dam a capacity of {{c1::400 megawatts}}."),
    ],
)
def test_an_it_that_can_only_be_the_topic_is_carried_by_the_label(sentence, front):
    assert front in {s.front for s in suggest(_KESTREL_DAM + sentence, title="The Kestrel Dam")}


def test_a_sentence_the_label_carried_lets_the_next_it_be_the_topic_too():
    text = _KESTREL_DAM + "At its base it is 90 metres thick. It holds back 400 billion litres of water."
    fronts = {s.front for s in suggest(text, title="The Kestrel Dam")}
    assert "The Kestrel Dam holds back {{c1::400 billion litres}} of water." in fronts  # round 65: written out


@pytest.mark.parametrize(
    "before",
    [
        "Dynamite broke the rock first.",  # "it" may be the dynamite: the sentence names no dam
        "A major flood struck the Kestrel Dam in 1930.",  # a flood, another common noun, is the subject
        "The river's banks were raised.",  # the river's
        "The Kestrel Dam feeds the Corran Tunnel.",  # names another thing its "it" could be
        # an "it" that nothing stood for: the same unknown again
        "Ada Brand visited the Corran Tunnel and the Vale Bridge in 1921. It was older than the Kestrel Dam.",
    ],
)
def test_an_it_that_could_be_something_else_is_not_carried_by_the_label(before):
    text = f"The Kestrel Dam crosses the Vale River. Ada Brand drew the first plans in 1921. {before} At its base it is 90 metres thick."
    assert "90 metres" not in answers(text, title="The Kestrel Dam")


@pytest.mark.parametrize(
    ("sentence", "answer"),
    [
        # round 95 part A: "The Corran Tunnel replaced it in 1936." is asked shown after the sentence before (test at the end)
        ("She raised its crest in 1936.", "1936"),  # another reference opens the sentence
        ("The next year it was raised by 5 metres.", "5 metres"),  # the time leans on the sentence before as much as the "it"
    ],
)
def test_a_sentence_with_another_reference_is_not_carried_by_the_label(sentence, answer):
    assert answer not in answers(_KESTREL_DAM + sentence, title="The Kestrel Dam")


def test_a_person_as_topic_carries_no_it():
    text = "Ada Brand was an engineer. She drew the plans of a dam in 1921. At its base it is 90 metres thick."
    assert "90 metres" not in answers(text, title="Ada Brand")


@pytest.mark.parametrize(
    ("text", "refused", "kept"),
    [
        ("The Kestrel Comet will pass on May 2, 2061, much closer to the Earth than it was in 1986.", "1986", "May 2, 2061"),
        ("In 1951 Port Vale held 9,000 people, fewer than it did in 1930.", "1930", "9,000"),
    ],
)
def test_the_time_a_comparison_measures_against_is_not_asked(text, refused, kept):
    found = answers(text)
    assert refused not in found and kept in found


def test_a_time_after_than_that_is_no_comparison_of_moments_is_asked():
    assert "1 October 1969" in answers("The Vega IV first flew faster than sound on 1 October 1969.")


def test_a_point_of_reference_or_a_maker_in_the_sentence_before_is_no_other_it():
    for before in ("The Kestrel Dam lies far beyond the Corran Tunnel.", "The Kestrel Dam was designed by engineers of the Vale Board."):
        text = f"The Kestrel Dam crosses the Vale River. {before} At its base it is 90 metres thick."
        assert "90 metres" in answers(text, title="The Kestrel Dam")
    other = "The Kestrel Dam crosses the Vale River. The Kestrel Dam was designed for the Vale Board. At its base it is 90 metres thick."
    assert "90 metres" not in answers(other, title="The Kestrel Dam")  # the board's base, or the dam's?


def test_an_its_after_the_sentences_own_common_subject_is_not_carried_by_the_label():
    text = "The Kestrel Dam crosses the Vale River. The Kestrel Dam opened in 1936. Engineers measured 90 metres at its crest."
    assert "90 metres" not in answers(text, title="The Kestrel Dam")


# Twenty-eighth round (issue 6): a leading "One of …," before the person it names and a closing phrase
# that points elsewhere no longer keep the fact from a card; a unit is never a "they", and an organisation
# is not given away by the country it opens with.

_SCALERS = "Ada Brand hired forty high scalers for the Kestrel Dam in 1931. "


def test_a_leading_one_of_before_the_name_is_dropped():
    text = _SCALERS + "One of them, Tom Vane, caught a falling engineer in mid-air and swung him to safety."
    fronts = {s.front for s in suggest(text, title="The Kestrel Dam")}
    assert "(Kestrel Dam) {{c1::Tom Vane}} caught a falling engineer in mid-air and swung him to safety." in fronts


def test_a_leading_one_of_keeps_the_apposition_after_the_name():
    text = "Gold was found on Vale Creek in 1896. One of the first men to reach it, Tom Vane, a farmer from Oregon, took out $140,000 in his first winter."
    assert "Tom Vane, a farmer from Oregon, took out {{c1::$140,000}} in his first winter." in {s.front for s in suggest(text)}


@pytest.mark.parametrize(
    "sentence",
    [
        "One of them, Tom Vane, caught it in mid-air.",  # the rest still leans on the sentence before
        "One of them, the foreman, caught a falling engineer in mid-air.",  # no name after the phrase
    ],
)
def test_a_leading_one_of_whose_rest_does_not_stand_gives_no_card(sentence):
    assert not any("caught" in s.front for s in suggest(_SCALERS + sentence, title="The Kestrel Dam"))


@pytest.mark.parametrize(
    ("sentence", "front"),
    [
        (
            "In July 1943 the liner Aurora carried 16,683 people across the Atlantic on one voyage, against the advice of the two governments.",
            "In July 1943 the liner Aurora carried {{c1::16,683}} people across the Atlantic on one voyage.",
        ),
        (
            "On 23 January 1973 a fissure opened on the edge of the town on Heimsey, their only inhabited island.",
            "On {{c1::23 January 1973}} a fissure opened on the edge of the town on Heimsey.",
        ),
        (
            "In January 1964 students raised the Vega flag without the Rhodan flag, against an agreement between the two governments.",
            "In {{c1::January 1964}} students raised the Vega flag without the Rhodan flag.",
        ),
    ],
)
def test_a_closing_phrase_that_points_elsewhere_is_cut(sentence, front):
    assert any(s.front.endswith(front) for s in suggest("The Vega Line ran liners across the Atlantic. " + sentence, title="The Vega Line"))


def test_a_closing_phrase_that_points_nowhere_stays():
    sentence = "In July 1943 the liner Aurora carried 16,683 people across the Atlantic on one voyage, most of the soldiers from Ohio."
    fronts = {s.front for s in suggest(sentence)}
    assert "In July 1943 the liner Aurora carried {{c1::16,683}} people across the Atlantic on one voyage, most of the soldiers from Ohio." in fronts


def test_a_unit_the_sentence_before_counts_is_not_a_they():
    text = _KESTREL_DAM + "They raised its crest in 1936."
    assert not any("the metres" in s.front.lower() for s in suggest(text, title="The Kestrel Dam"))


def test_a_plural_thing_the_sentence_before_counts_is_still_a_they():
    text = "The Kestrel Dam crosses the Vale River. Its engineers ordered 40 turbines. They produced 400 megawatts."
    assert "The turbines produced {{c1::400 megawatts}}." in {s.front for s in suggest(text)}


_VEGA = "The Vega Positioning System, usually called VPS, tells a receiver where it is. "


@pytest.mark.parametrize(
    ("sentence", "asked"),
    [
        ("It is owned by the United States government and operated by the United States Space Force.", True),
        # only the country would be the name's own: "Army" says nothing alone
        ("It is owned by the United States government and operated by the United States Army.", False),
        ("It is run by the Space Force, a branch of the Vega Space Force.", False),  # its own words are on the card
    ],
)
def test_an_organisation_is_not_given_away_by_the_country_it_opens_with(sentence, asked):
    found = answers(_VEGA + sentence, title="The Vega Positioning System")
    assert (("United States Space Force" in found) or ("Vega Space Force" in found)) is asked


# Twenty-ninth round (issue 6): "one of the best-paid" is a fact, not praise, and the "The" a title
# opens with gives nothing away.

_SAILOR = "Tom Vane sailed to Alaska in 1897. His stories of the sea, above all the novel \"The Grey Tide\", published in 1911, "


@pytest.mark.parametrize(
    ("ending", "asked"),
    [
        ("made him one of the best-paid writers in the world.", True),
        ("made him one of the best writers in the world.", False),  # a view, as before
    ],
)
def test_one_of_the_best_is_praise_only_as_a_word_of_its_own(ending, asked):
    assert ("The Grey Tide" in answers(_SAILOR + ending)) is asked


@pytest.mark.parametrize(
    ("title", "asked"),
    [
        ("The Silent Harbour", True),
        ("The Vane Affair", False),  # "Vane" is on the card
    ],
)
def test_the_the_of_a_title_gives_nothing_away(title, asked):
    text = f'The director Tom Vane made the film "{title}" in 1958 on the coast of Maine.'
    assert (title in answers(text)) is asked


# Thirtieth round (issue 6): lower-case terms a sentence defines by a copula, a passive "named" or a
# definite description after them.


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Lake Orla fills an old volcano. The rocky centre of the lake is the caldera.", "caldera"),
        ("In 1990 the elms of Kent began to die, and the blight was named elm wilt.", "elm wilt"),
        ("In 2004 the probe crossed the termination shock, the line where the solar wind slows down.", "termination shock"),
    ],
)
def test_a_term_a_sentence_defines_is_asked(text, term):
    assert term in answers(text, title="Lake Orla")


@pytest.mark.parametrize(
    "text",
    [
        "Lake Orla fills an old volcano. The real problem was the mud.",  # what problem: the text before says
        "Lake Orla fills an old volcano. The old pier was the biggest landmark.",  # a judgement
        "In 2004 the crew loaded the sledge, the tent, and the stove.",  # a list
    ],
)
def test_no_term_from_a_leaning_subject_a_judgement_or_a_list(text):
    assert not {"mud", "biggest landmark", "landmark", "sledge", "tent", "stove"} & answers(text, title="Lake Orla")


# Thirty-first round (issue 6): sentences that lean only in their opening: a comment before a clause of
# its own, and a "That is" after a short sentence that stands.


@pytest.mark.parametrize(
    ("text", "front"),
    [
        (
            "Events helped: in February 1948 the Communists seized power in Czechoslovakia, and the vote no longer looked like charity.",
            "In {{c1::February 1948}} the Communists seized power in Czechoslovakia.",  # the clause on the vote goes on with the comment
        ),
        ("The result is that a typical receiver is accurate to about 3 metres.", "A typical receiver is accurate to {{c1::about 3 metres}}."),
        (
            "Prices soared: a sack of flour sold for $100, eggs for a dollar each, and boots for $50.",
            "A sack of flour sold for {{c1::$100}}, eggs for a dollar each.",  # no comma in the amount
        ),
    ],
)
def test_a_clause_after_a_comment_is_asked_without_the_comment(text, front):
    assert front in {s.front for s in suggest(text, per_1000=1000)}


@pytest.mark.parametrize(
    "text",
    [
        "Events helped: in 1948 they seized power in Tromsø.",  # the clause leans itself
        "The idea owed much to two officials: Will Clayton, the Under Secretary, who had toured Europe in 1946.",  # a list, no clause
        "The trouble was that the drill cores from 1971 were lost.",  # "the drill cores" of what: the subject leans
    ],
)
def test_a_comment_before_no_clause_of_its_own_gives_nothing(text):
    assert suggest(text, per_1000=1000) == []


def test_a_sentence_that_stands_keeps_its_comment():
    text = "Two friends acted as pacemakers: Chris Brasher led for the first two laps of the race in 1954."
    assert {s.front for s in suggest(text, per_1000=1000) if s.answer == "1954"} == {
        "Two friends acted as pacemakers: Chris Brasher led for the first two laps of the race in {{c1::1954}}."
    }


def test_a_that_is_is_asked_with_the_sentence_before_shown_when_that_one_stands():
    first = "Lake Orla holds about 23,600 cubic kilometres of water."
    second = "That is roughly 20 percent of all the fresh water on the planet."
    shown = {s.front for s in suggest(f"{first} {second}", per_1000=1000)}
    assert f"{first} That is {{{{c1::roughly 20 percent}}}} of all the fresh water on the planet." in shown
    leaning = f"It holds about 23,600 cubic kilometres of water. {second}"
    assert [s for s in suggest(leaning, per_1000=1000) if "20 percent" in s.answer] == []



def test_an_amount_of_money_does_not_end_with_a_comma():
    fronts = {s.front for s in suggest("Ada Brand sold the mill in 1803 for £10, a bargain.") if s.rule == "cloze:money"}
    assert fronts == {"Ada Brand sold the mill in 1803 for {{c1::£10}}, a bargain."}


# Thirty-second round (issue 6): amounts with their unit after a scale word, halves, and the "It" only the topic
# can be.


@pytest.mark.parametrize(
    ("text", "front"),
    [
        ("The Saturn V gave about 7.5 million pounds of thrust at launch.", "The Saturn V gave {{c1::about 7.5 million pounds}} of thrust at launch."),
        ("Lise Vane swam for two and a half hours to reach the shore.", "Lise Vane swam for {{c1::two and a half hours}} to reach the shore."),
    ],
)
def test_an_amount_with_a_half_or_a_scale_word_is_asked_whole(text, front):
    assert front in {s.front for s in suggest(text, per_1000=1000)}


_BRIDGE = "The Avon Bridge is a suspension bridge over the River Avon in Bristol. Its main span is 214 metres long. "


@pytest.mark.parametrize(
    "before",
    [
        "Karl Lind, its designer, died in London in 1901.",  # a person's death, with a place that is not its subject
        "The opening ceremony was held on 8 December 1864, and a brass band played.",  # a ceremony, no name
    ],
)
def test_an_it_declared_a_landmark_is_the_topic_after_a_sentence_about_no_other_thing(before):
    text = f"{_BRIDGE}{before} It was declared a World Heritage Site in 1987."
    assert "The Avon Bridge was declared a World Heritage Site in {{c1::1987}}." in {s.front for s in suggest(text, "Avon Bridge", 1000)}


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (f"{_BRIDGE}Karl Lind, its designer, died in London in 1901. It was declared bankrupt in 1902.", "Avon Bridge"),  # no landmark
        (f"{_BRIDGE}The Clifton Tower was finished in 1900. It was declared a World Heritage Site in 1987.", "Avon Bridge"),  # the tower
        ("Karl Lind was an engineer from Bristol. He died in London in 1901. It was declared a World Heritage Site in 1987.", "Karl Lind"),
    ],
)
def test_an_it_that_may_be_another_thing_is_not_the_topic(text, title):
    assert not [s for s in suggest(text, title, 1000) if re.search(r"(?:Avon Bridge|Karl Lind) was declared", s.front)]


# Thirty-third round (issue 6): the thing a "How … works" title explains, an "It" that stands for nothing.


@pytest.mark.parametrize("title", ["How Tides Work", "How a Jet Engine Works"])
def test_a_how_it_works_title_labels_no_card_with_its_verb(title):
    body = (
        "A jet engine draws air in at the front. Frank Whittle patented a jet engine in 1930. "
        "Tides rise twice a day. The first jet airliner, the Comet, flew in 1949. A jet engine burns kerosene."
    )
    text = f"{title}\n\n{body}"
    fronts = {s.front for s in RulesEngine().suggest(DocumentText(title, "notes.txt", text, ((0, len(text)),)), cards_per_1000_words=1000)}
    assert fronts and not any(re.search(r"\bWorks?\)", front) or "Works " in front for front in fronts)


def test_a_how_it_works_title_labels_cards_with_the_thing():
    body = (
        "Frank Whittle patented a jet engine in 1930. A jet engine burns kerosene. "
        "A jet engine draws air in at the front. The first jet airliner, the Comet, flew in 1949."
    )
    assert "(Jet engine) The first jet airliner, the {{c1::Comet}}, flew in 1949." in {s.front for s in suggest(body, "How a jet engine works", 1000)}


_CHURCH = "The Sorbonne Chapel was flooded in 1910. The Catholic Church held services for the victims in the Sorbonne Chapel. "


@pytest.mark.parametrize(
    ("sentence", "front"),
    [
        ("It is likely that the flood ended the epidemic of 1909.", "It is likely that the flood ended the epidemic of {{c1::1909}}."),
        ("It was not until 1912 that the Seine fell back to its level.", "It was not until {{c1::1912}} that the Seine fell back to its level."),
        ("It took engineers six years to rebuild the Pont Neuf.", "It took engineers {{c1::six years}} to rebuild the Pont Neuf."),
        # the other side of the line: an "It" that is the thing the sentence before names
        ("It was rebuilt by Louis Renault in 1912.", "The Catholic Church was rebuilt by Louis Renault in {{c1::1912}}."),
    ],
)
def test_an_it_that_stands_for_nothing_is_asked_as_written(sentence, front):
    fronts = {s.front for s in suggest(_CHURCH + sentence, per_1000=1000)}
    assert front in fronts
    assert not any(f.startswith(("The Catholic Church is", "The Catholic Church was not", "The Catholic Church took")) for f in fronts)


# Thirty-fourth round (issue 6): an event's title, a church's possessive name, one number of a range, a rate's unit.

_FLOOD = (
    "The Great Flood of Paris was a flood of the Seine in 1910. The flood began at dawn on 21 January 1910. "
    "Louis Lépine, the prefect of police, organised rescue boats. The flood closed the Louvre for 40 days. "
    "Paris recovered within a year."
)


def test_an_event_title_makes_the_event_the_topic():
    fronts = {s.front for s in suggest(_FLOOD, "The Great Flood of Paris, 1910", 1000)}
    assert "(Great Flood of Paris) {{c1::Louis Lépine}}, the prefect of police, organised rescue boats." in fronts
    assert "On what date did the Great Flood of Paris begin at dawn?" in fronts
    assert "The Great Flood of Paris closed the Louvre for {{c1::40 days}}." in fronts
    assert not any("(Paris)" in front or "Great Flood began" in front or "Great Flood closed" in front for front in fronts)


def test_a_place_title_stays_the_topic():
    """The other side of the line: a document titled with the place labels its cards with the place."""
    text = "Paris lies on the Seine. Louis Lépine, the prefect of police, organised rescue boats in 1910. Paris recovered within a year. Paris hosted the Olympics in 1924."
    fronts = {s.front for s in suggest(text, "Paris", 1000)}
    assert "(Paris) {{c1::Louis Lépine}}, the prefect of police, organised rescue boats in 1910." in fronts


def test_a_church_named_in_the_possessive_is_deleted_whole():
    text = "About 200 houses burned in 1666, along with St. Mary's, the Guildhall and the Exchange."
    assert "About 200 houses burned in 1666, along with {{c1::St. Mary's}}, the Guildhall and the Exchange." in {s.front for s in suggest(text, per_1000=1000)}
    assert not any("}}'s" in s.front for s in suggest(text, per_1000=1000))


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("Admiral Hood lost between 10 and 20 ships.", {"10", "20"}),
        ("Admiral Hood lost three or four ships in 1901.", {"three", "four"}),
        ("Admiral Hood lost 12 to 15 ships in 1901.", {"12", "15"}),
    ],
)
def test_one_number_of_a_range_is_never_the_answer(text, refused):
    assert not answers(text) & refused


def test_a_change_from_one_number_to_another_is_asked_whole():
    """The other side of the line: "from 5,000 to 40,000" is no range of one amount."""
    assert "5,000 to 40,000" in answers("The population of Leeds rose from 5,000 to 40,000 people in 1903.")


def test_a_rate_is_deleted_with_the_unit_it_is_counted_in():
    assert "about 3 million volts per metre" in answers("In a storm the field near Ben Nevis reaches about 3 million volts per metre.")


# Thirty-fifth round (issue 6): a "How X <verb>" title, a relative year after a preposition, a counting pronoun for a
# subject, a clause after a colon that names its subject, money in a named currency.

_GLACIERS = (
    "Glaciers form where snow outlasts the summer. The Rhône Glacier feeds Lake Geneva. "
    "Glaciers carved the Yosemite Valley. Louis Agassiz studied glaciers in 1837."
)


@pytest.mark.parametrize(
    ("title", "label"),
    [("How glaciers move", "(Glaciers)"), ("How Glaciers Carve Valleys", "(Glaciers)"), ("How glaciers make lakes", "(Glaciers)")],
)
def test_a_how_title_labels_cards_with_the_subject_before_its_verb(title, label):
    fronts = {s.front for s in suggest(_GLACIERS, title, 1000)}
    assert f"{label} The {{{{c1::Rhône Glacier}}}} feeds Lake Geneva." in fronts
    assert not any("Move)" in front or "Carve" in front or "Make" in front for front in fronts)


def test_a_how_title_with_an_article_gives_the_subject_without_it():
    body = "A bill needs a majority in each house. A bill starts in committee. A bill can die there. Thomas Jefferson wrote the rules of debate in 1801."
    fronts = {s.front for s in suggest(body, "How a bill becomes law", 1000)}
    assert "(Bill) Who wrote the rules of debate in 1801?" in fronts
    assert not any("Becomes" in front for front in fronts)


def test_a_how_to_title_gives_no_label_from_its_verb_phrase():
    """The other side of the line: "How to …" names no thing; the verb phrase labels nothing."""
    body = "Bread needs yeast. Louis Pasteur studied yeast in 1857. Bread rises in a warm room. Bread bakes in an hour."
    fronts = {s.front for s in suggest(body, "How to bake bread", 1000)}
    assert fronts and not any(front.startswith("(") for front in fronts)


def test_a_relative_year_after_a_preposition_it_has_no_form_for_is_not_rewritten():
    text = "Pinatubo erupted on 15 June 1991 and cooled the planet by about 0.5 °C over the following year."
    assert not any("over in 1992" in s.front or "over 1992" in s.front for s in suggest(text, per_1000=1000))


def test_a_relative_year_counted_from_the_sentences_own_year_leans_on_nothing():
    text = "Pinatubo erupted on 15 June 1991 and cooled the planet by about 0.5 °C over the following year."
    assert text.replace("15 June 1991", "{{c1::15 June 1991}}") in {s.front for s in suggest(text, per_1000=1000)}


def test_a_relative_year_that_is_the_subject_is_not_rewritten():
    fronts = {s.front for s in suggest("Tambora erupted in April 1815, and the next year was the coldest in Europe for a century.", per_1000=1000)}
    assert fronts and not any("in 1816 was" in front for front in fronts)


@pytest.mark.parametrize(
    "text",
    [
        "Pinatubo erupted on 15 June 1991 and the ash reached Manila in the following year.",
        "Pinatubo erupted on 15 June 1991 and the ash reached Manila the following year.",
    ],
)
def test_a_relative_year_after_in_or_alone_is_written_as_the_year(text):
    """The other side of the line: "in the following year" and "the following year" alone are "in 1992"."""
    assert "Pinatubo erupted on {{c1::15 June 1991}} and the ash reached Manila in 1992." in {s.front for s in suggest(text, per_1000=1000)}


@pytest.mark.parametrize(
    "second",
    [
        "On 8 May 1902, one swept down Mount Pelée and destroyed the town of St. Pierre.",
        "In 1902, both swept down Mount Pelée and destroyed the town of St. Pierre.",
        "Several destroyed the town of St. Pierre on Martinique in 1902.",
    ],
)
def test_a_subject_that_only_counts_what_came_before_is_refused(second):
    assert not any("St. Pierre" in s.front for s in suggest(f"Pyroclastic flows are the deadliest. {second}", per_1000=1000))


def test_one_of_a_named_noun_stands():
    """The other side of the line: "One of the pyroclastic flows" names its noun."""
    text = "Pyroclastic flows are the deadliest. On 8 May 1902, one of the pyroclastic flows swept down Mount Pelée and destroyed the town of St. Pierre."
    assert "8 May 1902" in answers(text)


def test_each_under_a_label_stands():
    """The other side of the line: "(Voyager) Each weighed …" says of what by its label (it held two development key facts)."""
    text = "Voyager 1 and Voyager 2 left Earth in 1977. Voyager carried a golden record. Each weighed about 825 kilograms at launch. Voyager still sends data."
    assert "(Voyager) Each weighed {{c1::about 825 kilograms}} at launch." in {s.front for s in suggest(text, "Voyager", 1000)}


_TOWER = (
    "Gustave Eiffel built the tower for the 1889 World's Fair. Broadcasters later fixed radio and television antennas to "
    "its top, each of them taller than the one before it, and its height grew with every one. They are also why the "
    "height keeps changing: after a new antenna was fixed to the summit in 2022, {subject} stood 330 metres tall."
)


def test_a_clause_after_a_colon_that_names_its_subject_is_asked_alone():
    fronts = {s.front for s in suggest(_TOWER.format(subject="the tower"), "Eiffel Tower", 1000)}
    assert "After a new antenna was fixed to the summit in 2022, the tower stood {{c1::330 metres}} tall." in fronts


def test_a_clause_after_a_colon_that_leans_is_refused():
    """The other side of the line: "it stood 330 metres tall" says nothing of what stood."""
    assert "330 metres" not in {s.answer for s in suggest(_TOWER.format(subject="it"), "Eiffel Tower", 1000)}


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Gustave Eiffel's company spent 7.8 million francs on the tower.", "7.8 million francs"),
        ("The Gotthard Tunnel cost 40 million Swiss francs.", "40 million Swiss francs"),
        ("The Delft council paid 900 guilders for the bell in 1650.", "900 guilders"),
    ],
)
def test_an_amount_in_a_named_currency_is_asked_as_money(text, amount):
    assert amount in answers(text)


# Thirty-sixth round (issue 6): cards not worth learning (a count of incidental things, a place that only locates the
# place after it, an answer the card gives away, half of a firm's name), an "it" of an idiom, units.


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("The guard rang the bell three times in 1850.", "three"),
        ("In 1820 Smith and two colleagues wrote to the king.", "two"),
        ("Jules Dingler arrived in 1883 with his wife and three children.", "three"),
    ],
)
def test_a_count_of_incidental_things_is_refused(text, count):
    assert count not in answers(text)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("In 1916 the 28 men took to three lifeboats.", "three"),
        ("By 1850 the mill was ten times the size of the first one.", "ten times"),  # a multiple is asked whole (round 65)
        ("In 1820 Smith and 40 men crossed the pass.", "40"),
    ],
)
def test_a_count_of_what_the_sentence_reports_stands(text, count):
    """The other side of the line: a count that is the fact, a multiple, a large company."""
    assert count in answers(text)


def test_a_small_count_ranks_below_a_large_one():
    """A count of twelve or fewer is mostly of incidental things: it ranks below the other counts."""
    ranked = [s.answer for s in suggest("In 1914 the Endurance carried 69 dogs and three lifeboats.", per_1000=1000)]
    assert ranked.index("three") > ranked.index("69")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Mount Tambora, on the island of Sumbawa, erupted in 1815.", "Sumbawa"),
        ("In Washington State, Mount St. Helens erupted on 18 May 1980.", "Washington State"),
    ],
)
def test_a_place_that_only_locates_the_place_beside_it_is_refused(text, place):
    assert place not in answers(text, "Volcanoes")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Mount Tambora erupted on the island of Sumbawa in 1815.", "Sumbawa"),
        ("In Washington State, the eruption of 18 May 1980 killed 57 people.", "Washington State"),
    ],
)
def test_a_place_that_is_the_fact_stands(text, place):
    """The other side of the line: where the eruption was, and a place before no place."""
    assert place in answers(text, "Volcanoes")


def test_a_name_the_card_spells_as_an_adjective_is_refused():
    assert "Stromboli" not in answers("Strombolian eruptions, named after Stromboli, throw out lava bombs every few minutes.")


def test_a_name_a_shorter_word_begins_stands():
    """The other side of the line: "Strombo" is no word made from "Stromboli"."""
    assert "Stromboli" in answers("In 1930 Stromboli threw out lava bombs over the village of Ginostra.")


def test_a_name_made_of_a_personal_topics_surname_is_refused():
    text = "Alan Turing was born in 1912. Since 1966 the Association for Computing Machinery has given the annual A. M. Turing Award."
    assert "A. M. Turing Award" not in answers(text, "Alan Turing")


def test_a_name_without_the_topics_surname_stands():
    """The other side of the line: another award, in the same life."""
    text = "Alan Turing was born in 1912. In 1946 the King gave Turing the Order of the British Empire."
    assert "Order of the British Empire" in answers(text, "Alan Turing")


def test_a_double_surname_that_ends_in_the_topics_surname_stands():
    """The other side of the line: a relative's double-barrelled name is a person, not a thing named after the topic."""
    text = "Marie Curie was born in 1867. In 1935 Irène and her husband, Frédéric Joliot-Curie, won the Nobel Prize in Chemistry."
    assert "Frédéric Joliot-Curie" in answers(text, "Marie Curie")


def test_the_second_half_of_a_firm_that_opens_the_sentence_is_refused():
    assert "Wolff" not in answers("Harland and Wolff built her in Belfast in 1911.", "Titanic")


def test_a_name_after_a_name_that_opens_the_sentence_with_more_words_stands():
    """The other side of the line: "Thomas Andrews and …" is found as a name, and "and" joins two people."""
    assert "Alexander Carlisle" in answers("Thomas Andrews and the engineer Alexander Carlisle drew the plans of the Olympic in 1907.")


_OBSERVATORY = "The Hawaiian Volcano Observatory pioneered this kind of watching in 1912. {second}"


@pytest.mark.parametrize("verb", ["paid off", "worked"])
def test_an_it_of_an_idiom_is_not_resolved(verb):
    second = f"At Pinatubo it {verb}: forecasts by the survey led to the evacuation of 60,000 people in 1991."
    fronts = {s.front for s in suggest(_OBSERVATORY.format(second=second), "Volcanoes", 1000)}
    assert not any("Observatory " + verb in front for front in fronts)
    assert "Forecasts by the survey led to the evacuation of 60,000 people in {{c1::1991}}." in fronts


def test_an_it_that_does_something_a_thing_can_is_resolved():
    """The other side of the line: "it moved" is the observatory's move."""
    second = "In 1924 it moved to a new building on the rim of Kilauea."
    fronts = {s.front for s in suggest(_OBSERVATORY.format(second=second), "Volcanoes", 1000)}
    assert "In what year did the Hawaiian Volcano Observatory move to a new building on the rim of Kilauea?" in fronts


# Thirty-seventh round (issue 6): who "she" and "he" are: the ship an event's title names, and a biography's
# "he" that goes on after a sentence naming others only where no clause has its subject.

_SINKING = (
    "In the early hours of 15 April 1912, the largest ship afloat went down in the North Atlantic on her first voyage. "
    "The RMS Titanic was a British passenger liner built by Harland and Wolff in Belfast. "
    "She sailed from Southampton on 10 April 1912 under Captain Edward Smith. "
    "Four days later the Titanic struck an iceberg at 11:40 pm. {before} "
    "Her captain, Arthur Rostron, had turned at once. "
    "The Sinking of the Titanic led to the first International Convention for the Safety of Life at Sea in 1914. "
    "The Sinking of the Titanic is the subject of many films."
)


def test_she_in_a_document_about_what_befell_a_ship_is_the_ship():
    fronts = {s.front for s in suggest(_SINKING.format(before="At 11:50 pm the lookouts rang the bell."), "The Sinking of the Titanic", 1000)}
    assert "(Sinking of the Titanic) The Titanic sailed from Southampton on {{c1::10 April 1912}} under Captain Edward Smith." in fronts
    assert (
        "(Sinking of the Titanic) In the early hours of {{c1::15 April 1912}}, the largest ship afloat went down in the North Atlantic "
        "on the Titanic's first voyage." in fronts
    )
    assert "(Sinking of the Titanic) The Titanic's captain, {{c1::Arthur Rostron}}, had turned at once." in fronts


def test_her_after_a_sentence_that_opens_with_another_ship_is_not_the_ship():
    """The other side of the line: Rostron was the Carpathia's captain."""
    fronts = {s.front for s in suggest(_SINKING.format(before="The Carpathia reached the scene at 4 am."), "The Sinking of the Titanic", 1000)}
    assert not any("Titanic's captain" in front for front in fronts)


_SCHOOLDAYS = (
    "Alan Turing was a British mathematician, born in London in 1912. {middle} "
    "He went up to King's College, Cambridge, in 1931."
)


def test_he_goes_on_after_a_he_that_was_the_topic_and_names_others_only_as_objects():
    middle = "In 1926 he started at Sherborne School in Dorset. At Sherborne he formed a close friendship with Christopher Morcom, a gifted older pupil."
    fronts = {s.front for s in suggest(_SCHOOLDAYS.format(middle=middle), "Alan Turing", 1000)}
    assert "Alan Turing went up to King's College, Cambridge, in {{c1::1931}}." in fronts


@pytest.mark.parametrize(
    "middle",
    [
        "Turing met the mathematician Christopher Morcom in 1926.",  # named, not "he": the nearer man could be meant
        "His brother John joined the navy in 1926.",  # the brother
        "In 1926 he started at Sherborne School, where the headmaster Edward Smith taught.",  # a subject of his own
    ],
)
def test_he_after_another_man_who_could_be_meant_is_not_resolved(middle):
    """The other side of the line."""
    fronts = {s.front for s in suggest(_SCHOOLDAYS.format(middle=middle), "Alan Turing", 1000)}
    assert not any("Alan Turing went up to King's College" in front for front in fronts)


# Thirty-eighth round (issue 6, part B): an event a title names by its year, "the two" after two people, definitions
# in numbered items, a term defined by an apposition, wrong cards (a list a count announces cut short, "A effect",
# a short form in brackets, half of a range in words) and a leading possessive.

_DATED_FLOOD = (
    "At dawn on 12 March 1906 the Calder Dam above Riverton gave way. "
    "The flood lasted less than an hour, but fires burned for three days. "
    "Engineers today put its volume at about 4 million tonnes of water. "
    "Santa Rosa, some 50 miles north, was badly wrecked. "
    "The fire burned for three days. "
    "In 1906 the state began an inquiry into the Calder Dam."
)


def test_an_event_a_title_names_by_its_year_is_the_topic_with_its_year():
    fronts = {s.front for s in suggest(_DATED_FLOOD, "The 1906 Riverton Flood and Fire", 1000)}
    assert "(1906 Riverton Flood) {{c1::Santa Rosa}}, some 50 miles north, was badly wrecked." in fronts
    assert "The 1906 Riverton Flood lasted less than an hour, but fires burned for {{c1::three days}}." in fronts
    assert "(1906 Riverton Flood) Engineers today put its volume at {{c1::about 4 million tonnes}} of water." in fronts
    # the second event of the title is not the first: "The fire" stays as written, under the label
    assert "(1906 Riverton Flood) The fire burned for {{c1::three days}}." in fronts
    # the label's year gives away a year, not the day of a date
    assert "(1906 Riverton Flood) At dawn on {{c1::12 March 1906}} the Calder Dam above Riverton gave way." in fronts
    assert not any("{{c1::1906}}" in front for front in fronts)
    assert not any(front.startswith("(Fire)") for front in fronts)


def test_a_title_with_a_year_but_no_event_keeps_its_topic():
    """The other side of the line: "The 1936 Avon Dam" names a structure, not an event; the dam's common subject
    before "its" still leaves the sentence refused (round 23)."""
    text = "The Avon Dam opened in 1936. Engineers measured 90 metres at its crest. The Avon Dam cost $4 million."
    suggestions = suggest(text, "The 1936 Avon Dam", 1000)
    assert "90 metres" not in {s.answer for s in suggestions}
    assert not any("1936 Avon Dam" in s.front for s in suggestions)


def test_the_city_of_an_event_named_after_it_is_that_city():
    text = "The fire began in a barn in Chicago on 8 October 1871. The city lost about 17,000 buildings."
    fronts = {s.front for s in suggest(text, "The 1871 Chicago Fire", 1000)}
    assert "(1871 Chicago Fire) Chicago lost {{c1::about 17,000}} buildings." in fronts


def test_the_city_after_a_sentence_naming_another_town_is_not_guessed():
    """The other side of the line: "the city" may be Evanston."""
    text = "The fire began in a barn in Chicago on 8 October 1871. By noon it had reached Evanston. The city lost about 17,000 buildings."
    assert "about 17,000" not in answers(text, "The 1871 Chicago Fire")


@pytest.mark.parametrize(
    ("second", "front"),
    [
        ("The two shared the 2019 Lasker Award.", "Anna Berg and Tomas Lind shared the {{c1::2019}} Lasker Award."),
        ("Both were elected to the Royal Society in 2021.", "Anna Berg and Tomas Lind were elected to the Royal Society in {{c1::2021}}."),
        ("The pair later founded Kestrel Labs in 2022.", "Anna Berg and Tomas Lind founded {{c1::Kestrel Labs}} in 2022."),
    ],
)
def test_the_two_after_a_sentence_naming_two_people_is_those_two(second, front):
    text = f"Anna Berg and Tomas Lind worked on the method for a decade. {second}"
    assert front in {s.front for s in suggest(text, per_1000=1000)}


@pytest.mark.parametrize(
    "first",
    [
        "Anna Berg, Tomas Lind and Karl Marks worked on the method for a decade.",  # three
        "Anna Berg and her two students worked on the method for a decade.",  # a plural that could be meant
        "Anna Berg and Tomas Lind worked on Project Kestrel with Karl Marks.",  # three names, one of unknown kind
    ],
)
def test_the_two_after_a_sentence_naming_more_than_two_is_not_resolved(first):
    """The other side of the line."""
    assert "2019" not in answers(f"{first} The two shared the 2019 Lasker Award.")


_KINDS = "Volcanoes come in several shapes. The main kinds are:\n\n1. {first}\n2. Cinder cones, which rarely grow taller than 300 metres.\n"


def test_a_line_that_only_defines_a_term_asks_the_term():
    fronts = {s.front for s in suggest(_KINDS.format(first="Shield volcanoes, which are built from runny lava flows."), "Volcanoes", 1000)}
    assert "{{c1::Shield volcanoes}} are built from runny lava flows." in fronts
    assert "Cinder cones rarely grow taller than {{c1::300 metres}}." in fronts


@pytest.mark.parametrize(
    "first",
    [
        "Shield volcanoes, which are built from lava flows, cover most of the island.",  # a sentence with its own verb
        "Everyone agreed, which pleased the crew in 1990.",  # a clause, not a term
    ],
)
def test_a_sentence_with_a_clause_of_its_own_is_not_read_as_a_definition(first):
    """The other side of the line."""
    fronts = {s.front for s in suggest(_KINDS.format(first=first), "Volcanoes", 1000)}
    assert not any("volcanoes are built from lava flows, cover" in front or "{{c1::Everyone agreed}}" in front for front in fronts)


_RECIPIENTS = (
    "The Kestrel Plan ran for four years. The largest recipients were:\n\n"
    "1. the Norland Republic, with about $3.3 billion;\n2. Vestria, with about $2.3 billion;\n3. Ostmark, with about $1.2 billion.\n"
)


def test_a_list_that_goes_on_with_the_line_before_is_asked_with_that_line():
    fronts = {s.front for s in suggest(_RECIPIENTS, "The Kestrel Plan", 1000)}
    assert (
        "(Kestrel Plan) The largest recipients were: the Norland Republic, with about $3.3 billion; Vestria, with "
        "{{c1::about $2.3 billion}}; Ostmark, with about $1.2 billion." in fronts
    )
    assert all(front.startswith(("(Kestrel Plan) The largest recipients were: ", "The Kestrel Plan ran")) for front in fronts)  # no item alone


def test_figures_listed_after_a_line_that_introduces_them_are_asked_with_it():
    text = (
        "The dam above Riverton broke at dawn on 12 March 1906. The totals were staggering:\n\n"
        "- about 2,800 buildings destroyed across some 49 city blocks;\n- property losses of roughly $40 million;\n- more than 300 people killed.\n"
    )
    fronts = {s.front for s in suggest(text, "The 1906 Riverton Flood and Fire", 1000)}
    assert (
        "(1906 Riverton Flood) The totals were staggering: {{c1::about 2,800}} buildings destroyed across some 49 city blocks; "
        "property losses of roughly $40 million; more than 300 people killed." in fronts
    )
    assert not any(front.startswith("(1906 Riverton Flood) {{c1::more than 300}}") for front in fronts)  # the last item alone


def test_a_list_of_sentences_of_their_own_is_not_joined():
    """The other side of the line: each item is asked on its own."""
    text = "Drivers should keep the following in mind:\n\n- In winter the Kestrel Pass closes for 5 days.\n- Leaving the road costs a fine of 300 euros.\n"
    fronts = {s.front for s in suggest(text, per_1000=1000)}
    assert "In winter the Kestrel Pass closes for {{c1::5 days}}." in fronts


def test_a_term_described_right_after_it_is_asked_whoever_they_are():
    assert "flux" in answers("They also add a flux, an ingredient that lowers the melting point.")


def test_a_description_that_says_nothing_of_what_the_term_is_does_not_carry_it():
    """The other side of the line."""
    assert "copyright" not in answers("For the novel they paid £110 outright for the copyright, a bargain for him.")


_LETTERS = (
    "On 2 May 1960 the weekly journal Tidings printed three long letters side by side: one by Ada Hale, one by Tom Moss "
    "with two of his junior colleagues, and one by Vera Reed titled \"Notes on Salt\"."
)


def test_a_list_a_count_announces_is_never_cut_short():
    fronts = [s.front for s in suggest(_LETTERS, per_1000=1000)]
    # the list's last item is on every card, asked or not
    assert fronts and all("one by Vera Reed" in front or "one by {{c1::Vera Reed}}" in front for front in fronts)


def test_a_clause_after_a_colon_may_still_be_cut():
    """The other side of the line: no list follows the colon."""
    text = (
        "The Kestrel Board outlived the old plan by many years: in 1961 the members renamed the whole body the Kestrel "
        "Council at a meeting in Ostmark, and the two northern states of Norland and Vestria later joined it as full members."
    )
    assert any(front.endswith("at a meeting in {{c1::Ostmark}}.") for front in (s.front for s in suggest(text, per_1000=1000)))


def test_a_named_demonstrative_before_a_vowel_takes_an():
    fronts = {s.front for s in suggest("This effect, called the albedo effect, cools the planet by about 0.3 degrees.", per_1000=1000)}
    assert "An effect called the albedo effect cools the planet by {{c1::about 0.3 degrees}}." in fronts


def test_a_term_before_its_short_form_in_brackets_is_not_asked():
    assert "liquid crystal display" not in answers("In 1990 the phone used a screen known as liquid crystal display (LCD).")
    assert "liquid crystal displays" not in answers("Screens of this kind are called liquid crystal displays (LCDs).")
    # the other side of the line: without the short form the term is asked
    assert "liquid crystal display" in answers("In 1990 the phone used a screen known as liquid crystal display.")


def test_half_of_a_range_that_ends_in_words_is_not_asked():
    assert "roughly 45 seconds" not in answers("In 1906 the ground shook for roughly 45 seconds to a minute.")
    assert "roughly 45 seconds" in answers("In 1906 the ground shook for roughly 45 seconds.")  # the other side of the line


# Thirty-ninth round (issue 6, part B): an instrument a title names after a person, no rewrite of a word inside a
# name, a leading "Its" in an instrument's document, a name before a well-known short form, one year of a list.
_SPACE_OBSERVATORY = (
    "Brandt is a large telescope in orbit around the Earth. It was named after the astronomer Karl Brandt, who "
    "studied distant galaxies. Brandt finally went up on 11 June 1990 aboard a Kestrel rocket. The telescope weighs "
    "about 11 tonnes. {more}"
)


def test_an_instrument_a_title_names_after_a_person_is_the_topic():
    suggestions = suggest(_SPACE_OBSERVATORY.format(more=""), "The Brandt Space Observatory", 1000)
    fronts = {s.front for s in suggestions}
    assert "(Brandt Space Observatory) Brandt finally went up on {{c1::11 June 1990}} aboard a Kestrel rocket." in fronts
    assert "(Brandt Space Observatory) The telescope weighs {{c1::about 11 tonnes}}." in fronts
    assert not {"Brandt", "Karl Brandt", "Brandt Space Observatory"} & {s.answer for s in suggestions}  # never its own name


def test_a_web_pages_title_names_the_instrument_before_its_sites_name():
    fronts = {s.front for s in suggest(_SPACE_OBSERVATORY.format(more=""), "Brandt Space Observatory - Sky Archive", 1000)}
    assert "(Brandt Space Observatory) The telescope weighs {{c1::about 11 tonnes}}." in fronts


def test_the_surname_after_a_role_stays_the_persons():
    """The other side of the line: "the physicist Brandt" is plainly the person, whose "His" is his."""
    more = "In 1946 the astronomer Brandt proposed a telescope in space. His plan was published in 1948."
    fronts = {s.front for s in suggest(_SPACE_OBSERVATORY.format(more=more), "The Brandt Space Observatory", 1000)}
    assert "(Brandt Space Observatory) Karl Brandt's plan was published in {{c1::1948}}." in fronts


def test_a_title_that_names_no_instrument_keeps_the_persons_surname():
    """The other side of the line: a plan named after a person is no instrument, and "Kestrel" alone is the minister."""
    text = (
        "The Kestrel Plan was named after the minister Ada Kestrel. Kestrel gave a speech about the plan in Leeds. Her "
        "speech was printed in 1948."
    )
    assert "(Kestrel Plan) Ada Kestrel's speech was printed in {{c1::1948}}." in {s.front for s in suggest(text, "The Kestrel Plan", 1000)}


def test_a_word_inside_a_name_is_never_replaced_by_the_name():
    text = (
        "The European Space Agency joined the project in 1979. Then, on 28 January 1986, the space shuttle Challenger "
        "broke apart soon after launch."
    )
    fronts = {s.front for s in suggest(text, per_1000=1000)}
    assert "On {{c1::28 January 1986}}, the space shuttle Challenger broke apart soon after launch." in fronts
    assert not any("Agency shuttle" in front for front in fronts)


def test_the_first_word_of_a_name_before_its_verb_still_stands_for_it():
    """The other side of the line: "The ring was closed" is the Ring Road."""
    fronts = {s.front for s in suggest("Work on the Ring Road began in 1960. The ring was only closed in 1974.", per_1000=1000)}
    assert "The Ring Road was only closed in {{c1::1974}}." in fronts


def test_a_leading_its_in_an_instruments_document_is_not_the_other_thing_named_before():
    more = (
        "In 1995 the telescope took a long exposure of a patch of sky called the Brandt Deep Field. Its observations of "
        "distant stars helped two teams show in 1998 that the universe is speeding up."
    )
    fronts = {s.front for s in suggest(_SPACE_OBSERVATORY.format(more=more), "The Brandt Space Observatory", 1000)}
    assert not any("Deep Field's observations" in front for front in fronts)
    assert not any("Space Observatory's observations" in front for front in fronts)  # two things compete: refused


def test_a_leading_its_after_the_instruments_generic_name_is_the_instrument():
    more = "The telescope could not focus sharply. Its mirror had been ground too flat by 2.2 micrometres."
    fronts = {s.front for s in suggest(_SPACE_OBSERVATORY.format(more=more), "The Brandt Space Observatory", 1000)}
    assert "The Brandt Space Observatory's mirror had been ground too flat by {{c1::2.2 micrometres}}." in fronts


def test_a_leading_its_after_another_common_subject_is_not_the_instrument():
    """The other side of the line: the surface may be the mirror's."""
    more = "The mirror was polished for three years. Its surface was smoothed to 10 nanometres."
    fronts = {s.front for s in suggest(_SPACE_OBSERVATORY.format(more=more), "The Brandt Space Observatory", 1000)}
    assert not any("10 nanometres" in front for front in fronts)


def test_a_name_before_a_well_known_short_form_is_not_asked():
    assert "European Space Agency" not in answers("The European Space Agency (ESA) joined the Kestrel project as a partner in 1979.")
    assert "International Atomic Energy Agency" not in answers("A 1992 report for the International Atomic Energy Agency (IAEA) praised the design.")
    # the other side of the line: a short form the reader learns here gives the name away no more than any initials
    assert "Northern Relief Program" in answers("Officially the scheme was called the Northern Relief Program (NRP), though most people called it the Kestrel Plan.")


def test_a_year_or_a_date_of_a_list_of_three_or_more_is_not_asked():
    listed = answers("Astronauts returned to the Kestrel Telescope four more times, in 1997, 1999, 2002 and 2009, to replace instruments.")
    assert not {"1997", "1999", "2002", "2009"} & listed
    assert not {"3 May 1990", "9 July 1993"} & answers("Crews visited the Kestrel station on 3 May 1990, 7 June 1991 and 9 July 1993.")
    assert not {"May 3, 1990", "July 9, 1993"} & answers("Crews visited the Kestrel station on May 3, 1990, June 7, 1991, and July 9, 1993.")
    # the other side of the line: two years are two facts
    assert {"1921", "1955"} <= answers("Ada Brand founded the Kestrel Works in 1921 and sold the firm in 1955.")


# Fortieth round, part A (issue 6): sentences refused as a whole for their opening or for one trailing phrase: a time
# opener that leans on the sentence before, a cleft sentence, a hedge in a closing phrase, a sentence made too long by
# its list of names. Each test holds the shape and the sentences on the other side of the line.
_MORA = "The Mora sank off Harwick on 3 March 1902. {second}"


def _fronts_from(text: str, index: int, title: str = "Notes") -> set[str]:
    """The fronts of the cards from the text's sentence at `index` (alone or shown after the one before it)."""
    end = split_sentences(text)[index].end
    return {s.front for s in suggest(text, title) if s.end == end}


@pytest.mark.parametrize(
    "opener", ["That evening", "That night", "Late that night", "The next morning", "Within seconds", "Within hours", "Days later", "Moments later", "Hours later"]
)
def test_a_time_opener_that_leans_on_the_sentence_before_goes(opener):
    fronts = {s.front for s in suggest(_MORA.format(second=f"{opener} the Harwick Port Authority closed the harbour to all shipping."))}
    assert "The {{c1::Harwick Port Authority}} closed the harbour to all shipping." in fronts


@pytest.mark.parametrize(
    "second",
    [
        "That year was the wettest on record in Harwick.",  # a time that is the subject
        "The next year saw the opening of the Harwick line.",
        "That evening brought more storms to Harwick.",
        "That decision made Tom Vane famous in Harwick.",  # a demonstrative subject
        "Within hours of the sinking, the Harwick Port Authority closed the harbour.",  # counted from what the card would not show
        "That evening he wrote to the Harwick Port Authority.",  # a "he" the sentence before names no man for
    ],
)
def test_a_time_that_is_the_subject_or_a_demonstrative_is_no_opener(second):
    """The other side of the line: the sentence keeps its opening, and is refused or asked with the one before
    shown ("That decision made …"), never asked without it ("Was the wettest on record in {{Harwick}}.")."""
    text = _MORA.format(second=f"{second} That evening the Harwick Port Authority closed the harbour to all shipping.")
    assert all(" ".join(second.split()[:2]) in front for front in _fronts_from(text, 1))
    assert _fronts_from(text, 2) == {"The {{c1::Harwick Port Authority}} closed the harbour to all shipping."}


_CHOLERA = "Cholera struck the town again that summer. {second}"  # a sentence no card can show


@pytest.mark.parametrize(
    ("second", "front"),
    [
        (
            "It was the Scottish surgeon Dr. James Laing who proved, in a short paper published in 1841, that the fever spread by water.",
            "The Scottish surgeon Dr. {{c1::James Laing}} proved, in a short paper published in 1841, that the fever spread by water.",
        ),
        (
            "It was the Scottish surgeon Dr. James Laing who proved, in a short paper published in 1841, that the fever spread by water.",
            "The Scottish surgeon Dr. James Laing proved, in a short paper published in {{c1::1841}}, that the fever spread by water.",
        ),
        ("It was in 1841 that James Laing proved that the fever spread by water.", "In {{c1::1841}}, James Laing proved that the fever spread by water."),
        ("It was at the Harwick Infirmary that James Laing first saw the fever.", "At the Harwick Infirmary, {{c1::James Laing}} first saw the fever."),
        ("It is the Harwick Trust that owns the old infirmary today.", "The {{c1::Harwick Trust}} owns the old infirmary today."),
    ],
)
def test_a_cleft_sentence_is_asked_as_the_statement_it_makes(second, front):
    assert front in {s.front for s in suggest(_CHOLERA.format(second=second))}


@pytest.mark.parametrize(
    "second",
    [
        "It was a cold winter in Harwick.",  # singles nothing out
        "It was James Laing's idea that the fever spread by water.",  # no "who" or "that" right after the name
        "It was not James Laing who proved that the fever spread by water.",
        "It was James Laing that the council blamed for the fever.",  # the subject of "blamed" is after "that"
        "It was James Laing who proved that it spread by water.",  # a pronoun of its own
    ],
)
def test_a_sentence_that_is_no_cleft_or_leans_is_not_rewritten(second):
    text = _CHOLERA.format(second=f"{second} It was in 1841 that James Laing proved that the fever spread by water.")
    assert not _fronts_from(text, 1)
    assert "In {{c1::1841}}, James Laing proved that the fever spread by water." in _fronts_from(text, 2)


_HART = "Mary Hart Lind was an American painter of prairie scenes. {second}"


def test_a_closing_phrase_with_a_hedge_is_cut():
    text = _HART.format(second="She was born Mary Ellen Hart in Carver County, on the western edge of Minnesota, probably in a log cabin.")
    suggestions = suggest(text, "Mary Hart Lind")
    assert "Mary Hart Lind was born Mary Ellen Hart in {{c1::Carver County}}, on the western edge of Minnesota." in {s.front for s in suggestions}
    assert not any("probably" in s.front for s in suggestions)  # the hedged fact is never asked (a hedged date is: round 74)


def test_a_closing_clause_after_even_though_is_cut():
    text = (
        "Lake Tamm lies north of Harwick. In 1961 Ada Reyes noticed dead reeds along the northern shore of Lake Tamm, the "
        "first sign that the lake was shrinking, even though most experts doubted it at the time."
    )
    fronts = {s.front for s in suggest(text)}
    assert "In {{c1::1961}} Ada Reyes noticed dead reeds along the northern shore of Lake Tamm, the first sign that the lake was shrinking." in fronts


@pytest.mark.parametrize(
    "second",
    [
        "In 1870 her family had 200 cattle, perhaps more.",  # the hedge is of the amount before it
        "Her first teacher, probably the painter Tom Vane, came from Boston.",  # the cut would leave no statement
        "Perhaps in 1870 she sold her first painting in Boston.",  # no clause before the hedge
    ],
)
def test_a_hedge_that_holds_the_claim_still_refuses_it(second):
    text = _HART.format(second=f"{second} She was born in Carver County, probably in March 1852.")
    assert not _fronts_from(text, 1, "Mary Hart Lind")
    assert _fronts_from(text, 2, "Mary Hart Lind")


_CREW = "Ann Berg, Tom Vane, Carl Moss, Ada Reyes, Ivo Lind and Jan Holm"


def test_a_sentence_made_too_long_by_its_list_of_names_is_asked_up_to_a_clause_that_stands():
    long = (
        "The Kestrel Telescope was launched in 1990. Over five spacewalks in December 1993, astronauts including "
        f"{_CREW} installed a device called LENSFIX, which placed small mirrors in front of the three cameras to undo "
        "the flaw that the main mirror had been ground with."
    )
    suggestions = suggest(long, "The Kestrel Telescope")
    assert (
        f"(Kestrel Telescope) Over five spacewalks in December 1993, astronauts including {_CREW} installed a device called {{{{c1::LENSFIX}}}}."
        in {s.front for s in suggestions}
    )
    assert not any("mirrors" in s.front for s in suggestions)  # the clause past the length is never asked
    # the other side of the line: no clause boundary before the length runs out, or words that make it long
    unbroken = (
        "The Kestrel Telescope was launched in 1990. Over five spacewalks in December 1993 the astronauts "
        f"{_CREW} of the Kestrel crew installed a device called LENSFIX in front of the three cameras that the flaw of "
        "the main mirror had blurred since the launch."
    )
    assert not _fronts_from(unbroken, 1, "The Kestrel Telescope")
    wordy = (
        "The Kestrel Telescope was launched in 1990. Over five long and very difficult spacewalks in the cold December "
        "of 1993, the two astronauts Ann Berg and Tom Vane of the Kestrel crew carefully installed a small corrective "
        "device called LENSFIX, which placed small mirrors in front of the three cameras to undo the flaw of the main mirror."
    )
    assert not _fronts_from(wordy, 1, "The Kestrel Telescope")



# Fortieth round, part B (issue 6): pronouns the sentence itself resolves (a possessive whose only antecedent is the
# common subject of the sentence or of a clause of it, or the name after the opening phrase that holds it; an "its"
# right after the verb of a plural subject, carried by the label), and a name or term asked without the short form in
# brackets that spells it.

_HEART = "The heart is a muscle that pumps blood. The heart beats about 100,000 times a day. The heart has four valves. "


def test_a_possessive_after_a_common_subject_and_its_relative_clause_is_the_subjects_own():
    text = _HEART + "The mitral valve, which has two cusps, takes its name from a bishop's mitre, as the anatomist Anton Hale wrote in 1543."
    assert {"1543", "Anton Hale"} <= answers(text, "The Heart")
    # the other side of the line: an object "it" is never its verb's subject (here the blood of the sentence before)
    pumped = "Blood from the body enters the right atrium. The right ventricle pumps it through the pulmonary valve in about 0.3 seconds."
    assert "about 0.3 seconds" not in answers(pumped)


def test_a_possessive_after_a_clause_whose_common_subject_is_the_only_thing_before_it_is_that_subjects():
    text = _HEART + "Because the left lung has to leave room for the heart, its volume is about 10 percent smaller than that of the right."
    assert "about 10 percent" in answers(text, "The Heart")
    measured = "In 1802 the chemist Tom Vane measured that a gas grows by about 1/267 of its volume for each degree."
    assert {"1802", "Tom Vane"} <= answers(measured)
    assert "267" not in answers(measured)  # half of a fraction
    # the other side of the line: a clause whose subject is a pronoun itself; an "it" after a name it cannot be and
    # after a subject that is not its own object (the fault of the sentence before)
    assert "about 10 percent" not in answers("Because it has to leave room for the heart, its volume is about 10 percent smaller than that of the right.")
    assert "1931" not in answers("The gauge had failed. An inquiry led by Dr. Ann Cole traced it to a faulty gauge in 1931.")


def test_a_possessive_in_an_opening_phrase_is_the_subject_after_it():
    since = "Since its opening on 3 May 1990, the larger Northgate Library, which lends mainly maps, has taken over much of the city archive's work."
    assert {"3 May 1990", "Northgate Library"} <= answers(since)
    after = "After its opening in 1990, the Northgate Library took over much of the city archive's work."
    assert {"1990", "Northgate Library"} <= answers(after)
    # the other side of the line: a subject the possessive cannot be (a person for "its", a woman for "his")
    works = "Tom Vane built the Kestrel Works in 1950. After its opening in 1990, Ada Brand ran the Northgate Library."
    assert "After the Kestrel Works's opening in {{c1::1990}}, Ada Brand ran the Northgate Library." in {s.front for s in suggest(works)}
    assert not {"1990", "Ada Brand"} & answers("Since his death in 1990, Ada Brand has run the Northgate Library.")


def test_an_its_right_after_the_verb_of_a_plural_subject_is_carried_by_the_label():
    text = "Lake Morrow lies in the hills above Tarn. Engineers now put its peak flow at 9,000 cubic metres a second."
    assert "(Lake Morrow) Engineers now put its peak flow at {{c1::9,000 cubic metres a second}}." in {s.front for s in suggest(text, "Lake Morrow")}
    # the other side of the line: another thing the sentence before names, a sentence before about something else,
    # and an "its" after the object, which may be the object's (round 23's "Engineers measured 726 feet at its crest")
    for before in ("Lake Morrow feeds the Tarn River.", "In 1911 a storm struck the lake."):
        assert "9,000 cubic metres a second" not in answers(f"{before} Engineers now put its peak flow at 9,000 cubic metres a second.", "Lake Morrow")
    outlet = "Lake Morrow lies in the hills above Tarn. Engineers measured 9,000 cubic metres a second at its outlet."
    assert "9,000 cubic metres a second" not in answers(outlet, "Lake Morrow")


def test_a_name_before_its_short_form_is_asked_without_the_short_form():
    survey = "The Kestrel Telescope was launched in 1994. The survey is run by the Northern Sky Survey Office (NSSO) in Denver, which chooses among proposals from observers."
    front = "(Kestrel Telescope) The survey is run by the {{c1::Northern Sky Survey Office}} in Denver, which chooses among proposals from observers."
    assert front in {s.front for s in suggest(survey, "The Kestrel Telescope")}
    relief = "Officially the scheme was called the Northern Relief Program (NRP), though most people called it the Kestrel Plan."
    assert "Officially the scheme was called the {{c1::Northern Relief Program}}, though most people called it the Kestrel Plan." in {s.front for s in suggest(relief)}
    # the other side of the line: an organisation whose every word the card shows, a name whose word the card
    # capitalises, a place named after what the card says it is
    office = "The Kestrel Telescope was launched in 1994. The survey is run by the Survey Office in Denver, which chooses among proposals."
    assert "Survey Office" not in answers(office, "The Kestrel Telescope")
    institute = "The Kestrel Telescope was launched in 1994. The Kestrel Telescope is run by the Kestrel Science Institute (KSI) in Denver."
    assert "Kestrel Science Institute" not in answers(institute, "The Kestrel Telescope")
    assert "Blue Lagoon" not in answers("Near the airport lies the Blue Lagoon, a spa whose milky blue water comes from a power station.")


@pytest.mark.parametrize(
    ("text", "phrase", "contained"),
    [
        ("The Brooklyn Bridge opened in 1883.", "brooklyn bridge", True),  # any case
        ("It crossed the East River.", "East River", True),
        ("Eastern rivers flooded.", "East", False),  # not inside a word
        ("He studied in St. Mary's school.", "St. Mary's", True),  # punctuation inside the phrase
        ("The U.S. Navy sailed.", "U.S.", True),
        ("A US_Navy file", "US", False),  # "_" is a word character, as for \w
        ("Curie, Curie and Joliot-Curie", "Joliot", True),  # "-" ends a word
        ("Émile Zola wrote.", "émile", True),
        ("anything", "", False),
        ("the Bridgeport bridge", "bridge", True),  # the second occurrence is whole
    ],
)
def test_a_phrase_is_found_as_whole_words_whatever_its_case(text, phrase, contained):
    assert _contains_word(text, phrase) is contained


# Forty-first round, part B (issue 6): a time of day is asked as a cloze of its own kind, and the word for the people of
# a divided country is no answer (the names and units of the round are in tests/test_entities.py).


def test_a_time_of_day_is_asked_with_a_cloze_of_its_own():
    made = cards("Ada Brand opened the gate of Riverton at about 11:30 p.m., with no orders.")
    assert ("cloze:time", "Ada Brand opened the gate of Riverton at {{c1::about 11:30 p.m.}}, with no orders.", "") in made
    # beside its date, the time and the date are two cards
    made = cards("An earthquake struck Riverton at 5:12 a.m. on 18 April 1906.", "The Riverton earthquake")
    assert ("cloze:time", "An earthquake struck Riverton at {{c1::5:12 a.m.}} on 18 April 1906.", "") in made
    assert ("cloze:date", "An earthquake struck Riverton at 5:12 a.m. on {{c1::18 April 1906}}.", "") in made
    # "p.m." ends the sentence before one that opens with "The", and goes on before a lower-case word
    made = cards("Ada Brand left Riverton at 11 p.m. The gate stayed shut until dawn.")
    assert ("cloze:time", "Ada Brand left Riverton at {{c1::11 p.m.}}", "") in made
    made = cards("Ada Brand left Riverton at 11 p.m. and the gate stayed shut until dawn.")
    assert ("cloze:time", "Ada Brand left Riverton at {{c1::11 p.m.}} and the gate stayed shut until dawn.", "") in made


def test_the_word_for_the_people_of_a_divided_country_is_no_answer():
    """Forty-first round, part B: "the {{West German}} embassy", "about 600 {{East Germans}}" are guessed, not remembered."""
    text = (
        "Hundreds crowded into the West German embassy in Prague in 1989. About 600 East Germans crossed the border in "
        "August 1989. West German television reported the news at once. North Korean troops crossed the line in June 1950."
    )
    asked = answers(text)
    assert not asked & {"West German", "East Germans", "North Korean"}
    # the other side of the line: the dates of the same sentences are asked
    assert {"1989", "August 1989", "June 1950"} <= asked


# Forty-second round (issue 6): a leading "He", "She", "His" or "Her" goes on with the subject of the sentence before,
# a person of that gender, when everyone else it names who could be meant stands aside from its main clause (after
# "of", "by" or "under", in a relative clause, after an infinitive) and has no verb of their own.

_COMPOSER = "Karl Keller was a composer whose music carried the style of Joseph Haydn and Carl Stamitz into a new age."


def _fronts(text: str, title: str = "Notes") -> set[str]:
    return {s.front for s in suggest(text, title, 1000)}


def _paragraphs(*paragraphs: str, title: str = "Notes") -> set[str]:
    text, spans, at = "\n\n".join(paragraphs), [], 0
    for paragraph in paragraphs:
        spans.append((at, at + len(paragraph)))
        at += len(paragraph) + 2
    found = RulesEngine().suggest(DocumentText(title, "notes.txt", text, tuple(spans)), cards_per_1000_words=1000)
    return {s.front for s in found}


def test_a_he_goes_on_with_the_subject_before_when_the_other_men_stand_aside():
    baptised = "He was baptised in Bonn on 17 December 1770."
    assert "Karl Keller was baptised in Bonn on {{c1::17 December 1770}}." in _fronts(f"{_COMPOSER} {baptised}")
    patron = "His patron, Count Ferdinand Waldstein, wrote to him in 1792."
    assert "Karl Keller's patron, {{c1::Count Ferdinand Waldstein}}, wrote to him in 1792." in _fronts(f"{_COMPOSER} {patron}")
    # a man whom the subject went to meet, or whom a relative clause names
    met = "Tom Reyes crossed the Atlantic to meet President Carl Berg. On the passenger list he travelled as Colonel Lark."
    assert "On the passenger list Tom Reyes travelled as {{c1::Colonel Lark}}." in _fronts(met)
    sent = "Ada Lind ran the survey office, which sent the geologist Kate Moss north. She mapped the Avon Gorge in 1861."
    assert "Ada Lind mapped the {{c1::Avon Gorge}} in 1861." in _fronts(sent)
    # across a paragraph break only when the subject is the document's person
    assert "Karl Keller was baptised in Bonn on {{c1::17 December 1770}}." in _paragraphs(_COMPOSER, baptised, title="Karl Keller")


@pytest.mark.parametrize(
    "sentence_before",
    [
        "Karl Keller met the violinist Joseph Haydn in Vienna.",  # the object of the main verb could be meant
        "Karl Keller played for ten years with Joseph Haydn.",  # so could a companion after "with"
        "Karl Keller wrote a quartet, and Joseph Haydn praised it.",  # a man with a verb of his own
        "Karl Keller and Joseph Haydn played in Vienna in 1790.",  # two subjects joined
        "Karl Keller's teacher was Joseph Haydn.",  # a possessive subject
        _COMPOSER.replace("Karl", "Anton"),  # a subject whose gender the document does not make sure
    ],
)
def test_a_he_after_a_subject_beside_another_man_who_could_be_meant_is_refused(sentence_before):
    """The other side of the line; the first assertion shows the rule at work, the second where it stops."""
    baptised = "He was baptised in Bonn on 17 December 1770."
    assert "Karl Keller was baptised in Bonn on {{c1::17 December 1770}}." in _fronts(f"{_COMPOSER} {baptised}")
    assert not any("17 December 1770" in front for front in _fronts(f"{sentence_before} {baptised}"))


def test_a_he_after_a_paragraph_break_goes_on_only_with_the_documents_person():
    baptised = "He was baptised in Bonn on 17 December 1770."
    assert "Karl Keller was baptised in Bonn on {{c1::17 December 1770}}." in _paragraphs(_COMPOSER, baptised, title="Karl Keller")
    assert not any("17 December 1770" in front for front in _paragraphs(_COMPOSER, baptised))  # a new paragraph, no topic


# Forty-first round, part A (issue 6): wrong rewrites, where a pronoun or a subject was replaced by the wrong name (a card
# that teaches something false), and subjects that lean on the sentence before asked as if they stood alone. Each test
# holds the shape and the sentences on the other side of the line.
_HARWICK_DAM = "The Harwick Dam was finished in the spring of 1931. {second}"


@pytest.mark.parametrize(
    ("second", "front"),
    [
        ("It was Mayor Alan Crewe himself, however, who made the opening possible.", "(Harwick Dam) Mayor {{c1::Alan Crewe}} made the opening possible."),
        ("It was Mayor Alan Crewe alone who paid for the ribbon.", "(Harwick Dam) Mayor {{c1::Alan Crewe}} alone paid for the ribbon."),
        ("It was Ada Brand herself who cut the ribbon on 4 May 1931.", "(Harwick Dam) Ada Brand cut the ribbon on {{c1::4 May 1931}}."),
    ],
)
def test_a_cleft_with_an_emphasis_or_an_aside_before_who_is_asked_as_the_statement_it_makes(second, front):
    """"himself" and ", however," only weigh the name against the text before and go; "alone" is part of the fact."""
    fronts = {s.front for s in suggest(_HARWICK_DAM.format(second=second), "The Opening of the Harwick Dam")}
    assert front in fronts
    assert not [f for f in fronts if "Dam was" in f and "Crewe" in f or "Brand" in f and "Dam was" in f]


@pytest.mark.parametrize("title", ["Notes", "The Opening of the Harwick Dam"])
def test_it_was_a_person_is_never_a_thing_of_the_sentence_before(title):
    """A thing "was" a person is no safe reading: "It was Mayor Alan Crewe, the first mayor of Harwick." is refused, never
    "The Harwick Dam was Mayor Alan Crewe, …", nor carried by the label or shown after the dam's sentence as if its "It"
    were the dam. The other side of the line: a person inside a description of the "It" leaves it a thing."""
    text = _HARWICK_DAM.format(second="It was Mayor Alan Crewe, the first mayor of Harwick.")
    assert not _fronts_from(text, 1, title)
    text = _HARWICK_DAM.format(second="It was a gift from Mayor Alan Crewe to the town of Harwick.")
    assert "The Harwick Dam was a gift from Mayor {{c1::Alan Crewe}} to the town of Harwick." in _fronts_from(text, 1, title)


def test_an_it_that_stands_for_the_clause_after_someones_idea_is_no_name_before():
    """ "It was James Laing's idea that the fever spread by water." says what the idea was: its "It" is the clause after
    "that", never "Harwick" of the sentence before (the sentence stays refused, as round 40's test has it)."""
    text = "Cholera struck Harwick again in 1840. It was James Laing's idea that the fever spread by water."
    assert not _fronts_from(text, 1)
    assert "Cholera struck Harwick again in {{c1::1840}}." in _fronts_from(text, 0)


_KELLER = "Karl Keller was born in Bonn in 1770. His father, Johann, sang in the court choir. {rest}"


def test_a_possessive_after_a_first_name_alone_is_that_persons():
    """ "Johann" is a first name the lexicon knows for a man, a person the mention finder leaves of unknown kind: his "his
    son" is Johann's son, never "Karl Keller's son"; nor is the "His" of the sentence after him the topic's."""
    text = _KELLER.format(rest="Johann was a harsh teacher who hoped to show off his son as a second Mozart.")
    fronts = {s.front for s in suggest(text, "Karl Keller")}
    assert "(Karl Keller) {{c1::Johann}} was a harsh teacher who hoped to show off his son as a second Mozart." in fronts
    assert not [front for front in fronts if "Keller's son" in front]
    text = _KELLER.format(rest="Johann taught music in Bonn. His pupils included the organist Tom Vane.")
    assert not _fronts_from(text, 3, "Karl Keller")
    # the other side of the line: the "His" right after the sentence about Karl Keller is his
    assert "Karl Keller's father, {{c1::Johann}}, sang in the court choir." in _fronts_from(text, 1, "Karl Keller")


@pytest.mark.parametrize(
    ("title", "text", "front"),
    [
        (
            "Karl Keller",
            _KELLER.format(rest="Johann was a harsh teacher who hoped to show off his son as a second Mozart. The boy gave his first public concert in Cologne in March 1778."),
            "Karl Keller gave his first public concert in Cologne in {{c1::March 1778}}.",
        ),
        (
            "Ada Keller",
            "Ada Keller was born in Bonn in 1770. Her mother, Maria, sang in the court choir. Maria was a strict teacher who "
            "hoped to show off her daughter as a prodigy. The girl gave her first public concert in Cologne in March 1778.",
            "Ada Keller gave her first public concert in Cologne in {{c1::March 1778}}.",
        ),
    ],
)
def test_the_boy_after_the_sentence_that_tells_of_the_child_is_the_person_of_a_biography(title, text, front):
    """ "The boy" is Karl Keller as a child when the sentence before tells of the child ("his son") and names no one else
    he could be; his "his" is then his own, and stays."""
    fronts = {s.front for s in suggest(text, title)}
    assert front in fronts
    assert not [f for f in fronts if "Keller's first" in f]


def test_the_boy_is_no_one_a_card_can_name_otherwise_and_his_possessive_is_his_own():
    """The other side of the line: "The boy gave his first public concert …" is refused, never "The boy gave Karl Keller's
    first public concert …" (the boy's "his" is the boy's, whoever he is)."""
    for rest in (
        "Keller married Anna Roth in 1800, and their son was born in 1801.",  # Keller's son, not Keller
        "Johann took his son Max to Cologne in 1776.",  # a son with a name of his own
        "His mother taught music in Bonn.",  # no child the boy goes on from
    ):
        text = _KELLER.format(rest=f"{rest} The boy gave his first public concert in Cologne in March 1810.")
        assert not _fronts_from(text, 3, "Karl Keller")


_STATUE = "The Statue of Freedom stands on Tern Island in the harbour of Elmira. {second}"


def test_an_it_after_the_topic_as_the_subject_under_a_common_noun_is_the_topic():
    """The sentence before has "the statue" for its subject (after an opening with no comma): its "It" is the statue, not
    the last name it gives; a common subject that is not the topic leaves the "It" refused rather than guessed."""
    text = _STATUE.format(
        second="For its first sixteen years the statue served as a lighthouse under the Coastal Lamp Board, though its torch "
        "was dim. It passed to the War Office in 1902, and was declared a monument in 1924."
    )
    fronts = {s.front for s in suggest(text, "Statue of Freedom")}
    assert "The Statue of Freedom passed to the War Office in {{c1::1902}}, and was declared a monument in 1924." in fronts
    assert not [front for front in fronts if "Lamp Board passed" in front]
    assert not _fronts_from("The bridge was designed by the Acme Company in 1927. It opened to traffic in 1932.", 1)
    # the other side of the line: after a subject that is a name, "It" is the one thing named
    text = "Ada Brand founded the Kestrel Works in Leeds in 1921. It made engines for the Royal Navy from 1925."
    assert "The Kestrel Works made engines for the Royal Navy from {{c1::1925}}." in _fronts_from(text, 1)


def test_a_subject_the_town_before_other_words_than_its_verb_is_no_place_of_the_sentence_before():
    """ "The town at the mouth of the Tarn" names its town by its own words, never as "Elmira" of the sentence before, and
    "The town council" is no town ("Tern Island council leased …" was written before); "The town was laid out …" still is
    Elmira."""
    text = "Gold was found near Elmira in 1896. The town at the mouth of the Tarn was laid out in 1897 by the trader Tom Vane."
    assert "The town at the mouth of the Tarn was laid out in 1897 by the trader {{c1::Tom Vane}}." in _fronts_from(text, 1)
    text = _STATUE.format(second="The town council leased the island to the Coastal Lamp Board in 1886.")
    assert "(Statue of Freedom) The town council leased the island to the Coastal Lamp Board in {{c1::1886}}." in _fronts_from(text, 1, "Statue of Freedom")
    text = "Gold was found near Elmira in 1896. The town was laid out in 1897 by the trader Tom Vane."
    assert "Elmira was laid out in 1897 by the trader {{c1::Tom Vane}}." in _fronts_from(text, 1)


@pytest.mark.parametrize(
    ("title", "text", "front"),
    [
        ("Statue of Freedom", _STATUE.format(second="The statue reopened in July 1986 for its centenary."), "The Statue of Freedom reopened in {{c1::July 1986}} for its centenary."),
        ("Bank of Elmira", "The Bank of Elmira opened on Main Street in 1851. The bank failed in the panic of 1893.", "The Bank of Elmira failed in the panic of {{c1::1893}}."),
    ],
)
def test_a_topic_named_noun_of_name_is_written_with_its_article(title, text, front):
    """ "The statue" becomes "The Statue of Freedom", never "Statue of Freedom reopened …"; the label stays "(Statue of
    Freedom)", as every label is written."""
    assert front in _fronts_from(text, 1, title)


_LUNG = "The lung fills most of the chest. The lung is soft and light. The lung takes in air through a main bronchus. {second}"


def test_a_common_noun_topic_is_written_as_a_common_noun_and_is_no_object_of_one_of_its_parts():
    """In "How the Lung Works" the topic is "the lung", written so inside a sentence (never "Lung holds …"); an object "it"
    after a common subject ("The left bronchus carries it …") is what the sentence before brought, the air, never the
    lung. The other side of the line: after a named subject, the object "it" is the topic, as round 27 has it."""
    assert "The lung holds {{c1::about 3 litres}} of air." in _fronts_from(_LUNG.format(second="The lung holds about 3 litres of air."), 3, "How the Lung Works")
    text = _LUNG.format(second="The left bronchus carries it into the lower lobe in about 0.2 seconds.")
    # since round 91 the sentence before is a claim of its own (it asks the rare "bronchus"), so it is shown with the
    # "it" it brought, the air; the "it" is never written as the lung
    assert _fronts_from(text, 3, "How the Lung Works") == {
        "The lung takes in air through a main bronchus. The left bronchus carries it into the lower lobe in {{c1::about 0.2 seconds}}."
    }
    text = _LUNG.format(second="In 1933 the surgeon Evarts Graham removed it whole in St. Louis.")
    assert "In {{c1::1933}} the surgeon Evarts Graham removed the lung whole in St. Louis." in _fronts_from(text, 3, "How the Lung Works")


def test_the_project_is_never_a_common_noun_topic():
    """ "The project" stands for the making of a named thing the document is about; "the lung" is none ("The Lung mapped the
    lung in 1990." was written before)."""
    text = _LUNG.format(second="The project mapped the lung in 1990.")
    assert not _fronts_from(text, 3, "How the Lung Works")


@pytest.mark.parametrize(
    ("title", "text", "index", "front"),
    [
        (
            "The Riverside Caves",
            "The Riverside Caves lie under the town of Elmira. Miners dug three galleries along the river in the 1890s. The "
            "longest, about 1.3 kilometres along the river, is known as the Riverside Gallery.",
            2,
            "(Riverside Caves) Miners dug three galleries along the river in the 1890s. The longest, {{c1::about 1.3 kilometres}} "
            "along the river, is known as the Riverside Gallery.",
        ),
        (
            "The Kestrel Transistor",
            "Tom Vane, Karl Marks and Ivo Lind built the first transistor at Bell Labs in 1947. The three men shared the Nobel "
            "Prize in Physics in 1956.",
            1,
            "Tom Vane, Karl Marks and Ivo Lind built the first transistor at Bell Labs in 1947. The three men shared the Nobel "
            "Prize in Physics in {{c1::1956}}.",
        ),
        (
            "The lithium cell",
            "The lithium cell stores energy in two electrodes. The lithium cell was first sold by Sony in 1991. Ions are stored "
            "between the layers of graphite in the lithium cell. The key idea is called intercalation.",
            3,
            "Ions are stored between the layers of graphite in the lithium cell. The key idea is called {{c1::intercalation}}.",
        ),
    ],
)
def test_a_subject_that_picks_without_saying_which_is_asked_with_the_sentence_before(title, text, index, front):
    """A superlative with an aside that does not name it ("The longest, about 1.3 kilometres …,"), a count of people ("The
    three men") and a noun that points back after a word that ranks it ("The key idea") lean on the sentence before: the
    card shows it, and never asks the sentence alone."""
    fronts = _fronts_from(text, index, title)
    assert front in fronts
    assert all(front.count(". ") >= 1 for front in fronts)


@pytest.mark.parametrize(
    ("second", "standing"),
    [
        ("The longest, about 1.3 kilometres long, is known as the Riverside Gallery.", "The largest, the Tarn Gallery, was dug in {{c1::1894}}."),
        ("The three men shared the Nobel Prize in Physics in 1956.", "The three men chosen for the first test had all been born in {{c1::1910}}."),
        ("The main problem was the flooding of the lower gallery in 1903.", "The plan was nicknamed the {{c1::Grand Tour}}."),
    ],
)
def test_a_subject_that_picks_without_saying_which_is_refused_alone(second, standing):
    """After a sentence that cannot be shown (its "them" leans), the sentence is refused, never asked as "(Riverside Caves)
    The longest, {{about 1.3 kilometres}} …". The other side of the line: a superlative the aside names, people a count
    describes by their own words, and a noun given a name with no word that ranks it stand alone."""
    text = f"The Riverside Caves lie under the town of Elmira. Rain filled them often. {second} {standing.replace('{{c1::', '').replace('}}', '')}"
    assert not _fronts_from(text, 2, "The Riverside Caves")
    assert f"(Riverside Caves) {standing}" in _fronts_from(text, 3, "The Riverside Caves")


# Forty-third round, part C (issue 6): precision. A sentence before shown for "The two men" must say who they are; a
# lone man named aside from a sentence about a thing, or after a subject that may be a man whose first name the lexicon
# does not know, is no antecedent for a leading "He" or "His"; a "he" after "X's father" is the father's.

_SHARED = "The two men shared the Nobel Prize in Physics in 1956."


def test_the_sentence_shown_before_a_count_of_people_must_say_who_they_are():
    """ "The two men" after a sentence that names one man, or none, is refused: the shown sentence would not say who
    they are. Two people named, or two counted by a word for people, say it."""
    for before in ("Tom Vane built the first one at Bell Labs in 1947.", "Bell Labs opened a new laboratory in New Jersey in 1947."):
        assert not any("shared" in front for front in _fronts_from(f"{before} {_SHARED}", 1))
    for before in ("Tom Vane and Karl Marks built the first one at Bell Labs in 1947.", "Two physicists built the first one at Bell Labs in 1947."):
        assert f"{before} The two men shared the Nobel Prize in Physics in {{{{c1::1956}}}}." in _fronts_from(f"{before} {_SHARED}", 1)


_BAPTISED = "He was baptised in Bonn on 17 December 1770."


def test_a_man_named_aside_from_a_sentence_about_a_thing_is_no_he():
    """The one man named in a relative clause of a sentence whose subject is a thing is not taken for a leading "He",
    nor in the document of another man; the agent of a passive, a man in the main clause and the document's own person
    still are."""
    aside = "The old house, which Joseph Weiss had built, stood by the river in Bonn."
    assert not any("Joseph Weiss was baptised" in front for front in _fronts(f"{aside} {_BAPTISED}"))
    assert not _fronts_from(f"Karl Brandt was a composer who lived in Vienna. {aside} {_BAPTISED}", 2, "Karl Brandt")
    built = "The old house was built by Joseph Weiss in 1702."
    assert "Joseph Weiss was baptised in Bonn on {{c1::17 December 1770}}." in _fronts(f"{built} {_BAPTISED}")
    carried = "Apollo 11 carried Neil Armstrong to the Moon in 1969. He stepped onto the surface on 21 July 1969."
    assert "Neil Armstrong stepped onto the surface on {{c1::21 July 1969}}." in _fronts(carried)
    grandfather = "Karl Brandt was a composer. His grandfather, also called Karl, had come to Bonn from Mechelen."
    assert "Karl Brandt was baptised in Bonn on {{c1::17 December 1770}}." in _fronts(f"{grandfather} {_BAPTISED}", "Karl Brandt")


_FIRST_BRIDGE = "His first bridge crossed the Avon at Bristol in 1905."


def test_a_leading_his_after_a_subject_that_may_be_a_man_is_not_the_topics():
    """In John Keller's life, "His" after "Rowan Ashby joined …" (a first name the lexicon does not know) may be Rowan
    Ashby's: it is refused, never "John Keller's first bridge". After a subject that is a company, a name with "the"
    or a man the lexicon knows, it is read as before."""
    born = "John Keller was born in Leeds in 1850."
    assert not _fronts_from(f"{born} Rowan Ashby joined the Kestrel Works in 1903. {_FIRST_BRIDGE}", 2, "John Keller")
    composer = "Anton Keller was a composer whose music carried the style of Joseph Haydn into a new age."
    assert not _fronts_from(f"{composer} {_BAPTISED}", 1)
    opened = f"{born} The Kestrel Works opened in Leeds in 1903. {_FIRST_BRIDGE}"
    assert "John Keller's first bridge crossed the Avon at Bristol in {{c1::1905}}." in _fronts_from(opened, 2, "John Keller")
    joined = f"{born} John Ashby joined the Kestrel Works in 1903. {_FIRST_BRIDGE}"
    assert "(John Keller) John Ashby's first bridge crossed the Avon at Bristol in {{c1::1905}}." in _fronts_from(joined, 2, "John Keller")


def test_a_he_after_a_persons_relative_is_not_that_person():
    """ "Rowan Ashby's father was a miner, and he died in 1880." never asks when Rowan Ashby died: the "he" is the
    father's; "John Hale's toes were amputated, …, and he died …" still gives John Hale's clause."""
    father = "The engineer Rowan Ashby was born in Leeds. Rowan Ashby's father was a miner, and he died in 1880."
    assert not any("Rowan Ashby die" in front for front in _fronts(father))
    toes = "John Hale's toes were amputated, he refused most treatment, and he died of tetanus on 22 July 1869."
    assert "On what date did John Hale die of tetanus?" in _fronts(toes)

# Forty-third round, part A (issue 6): a "them" that picks some of a group the sentence itself counts ("…, among them",
# "one of them", "four of them") stands for that group, and the sentence stands alone; and three older faults the
# sentences it lets in showed: a count the kinds listed after it spell out, the genus of a Latin name asked alone.


@pytest.mark.parametrize(
    ("standing", "kept", "refused"),
    [
        (
            "Ardenia lost four carriers, a cruiser and more than 3,000 men in 1942, among them many experienced pilots.",
            "Ardenia lost four carriers, a cruiser and more than 3,000 men in {{c1::1942}}, among them many experienced pilots.",
            "Most of them took two years to reach Dawson in 1898.",  # no group in the sentence: the one before's
        ),
        (
            "Of the roughly 400 known kinds of fern, only a few are eaten, and one of them feeds whole villages: the ostrich fern.",
            "Of the {{c1::roughly 400}} known kinds of fern, only a few are eaten, and one of them feeds whole villages: the ostrich fern.",
            "The crew nicknamed them Bruce in 1974.",  # "them" before any plural
        ),
        (
            "Tom Vane wrote six plays, staged four of them in Leeds, and died at 41 in 1930.",
            "Tom Vane wrote six plays, staged four of them in Leeds, and died at 41 in {{c1::1930}}.",
            "Three of its ships sank in 1845, among them the flagship Erebus.",  # "them" is the ships, but "its" leans
        ),
        (
            "The Kestrel Ridge has 200 ledges, and most of them fell in 1898.",
            "The Kestrel Ridge has 200 ledges, and most of them fell in {{c1::1898}}.",
            "The Kestrel Ridge is 200 metres high, and most of them fell in 1898.",  # a unit counted is no group
        ),
    ],
)
def test_a_them_that_picks_some_of_a_group_the_sentence_counts_stands_alone(standing, kept, refused):
    """"among them", "one of them", "most of them" after a plural the sentence counts ("more than 3,000 men", "400 known
    kinds") is one of that group: the whole sentence is asked. Without such a group before it ("Most of them took …", "The
    crew nicknamed them …", "200 metres") the "them" leans and the sentence, or its clause, is refused."""
    assert kept in {s.front for s in suggest(standing)}
    assert not any("them" in s.front for s in suggest(refused))


def test_a_count_the_kinds_listed_after_it_spell_out_is_not_asked():
    """"{{two}} cameras, a narrow-angle and a wide-angle one" counts the kinds the card lists (as "a group of {{ten}} firms,
    five British and five French"); one description after the noun is no list ("two cameras, a gift from …")."""
    assert "two" not in answers("Each probe carried two cameras, a narrow-angle and a wide-angle one, on a scan platform in 1977.")
    assert "two" in answers("Each probe carried two cameras, a gift from Carl Berg, on a scan platform in 1977.")


def test_the_genus_of_a_latin_name_is_not_asked_alone():
    """"the western honey bee, {{Apis}} mellifera." cuts the Latin name of a species in half; a one-word name before an
    ordinary word ("the yacht Kestrel alone.") is whole."""
    # (round 72, part B: the whole name beside a creature's common name is a term)
    assert answers("Varroa mites first lived on the Asian honey bee, Apis cerana, in 1904.") == {"1904", "Apis cerana"}
    assert "Kestrel" in answers("In 1902 Tom Vane sailed on the yacht Kestrel alone.")

# Forty-third round, part B (issue 6): a subject "he", "she" or "they" after an opener that _OPENING does not read (a
# participle phrase or a subordinate clause up to its comma, or a phrase of place or time before the pronoun and a
# partner) is resolved from the sentence before by the rules of a leading pronoun; and a "his" beside the resolved
# subject is read as the subject's when no one else of that gender, or of a gender the document does not say, comes
# before it.
_PRINTER = "Anna Lind trained as a printer in Oslo."


@pytest.mark.parametrize(
    ("second", "front"),
    [
        ("Trained in Oslo, she opened her own press in Bergen in 1931.", "Trained in Oslo, Anna Lind opened her own press in {{c1::Bergen}} in 1931."),
        ("When the Oslo strike began, she worked for the Bergen Post.", "When the Oslo strike began, Anna Lind worked for the {{c1::Bergen Post}}."),
        ("In 1931 she and Ruth Hale opened a press in Bergen.", "In {{c1::1931}} Anna Lind and Ruth Hale opened a press in Bergen."),
    ],
)
def test_a_subject_pronoun_after_an_opener_is_resolved_as_a_leading_one(second, front):
    assert front in _fronts(f"{_PRINTER} {second}")


_TRAINED = "Trained in Oslo, she opened her own press in Bergen in 1931."


@pytest.mark.parametrize(
    "text",
    [
        "Anna Lind met Eva Berg in Oslo. " + _TRAINED,  # two women in the sentence before
        "Mara Lind trained as a printer in Oslo. " + _TRAINED,  # a first name the lexicon does not know
        f"{_PRINTER} When Ruth Hale left Oslo, she opened her own press in Bergen in 1931.",  # she may be Ruth Hale
        f"{_PRINTER} After meeting Ruth Hale in Oslo, she opened her own press in Bergen in 1931.",  # a woman in the opener
        f"{_PRINTER} When the queen visited Oslo, she opened her own press in Bergen in 1931.",  # a woman by her noun
    ],
)
def test_a_subject_pronoun_after_an_opener_that_the_sentence_before_does_not_settle_is_not_resolved(text):
    """The other side of the line; the first assertion shows the rule at work."""
    assert "Trained in Oslo, Anna Lind opened her own press in {{c1::Bergen}} in 1931." in _fronts(f"{_PRINTER} {_TRAINED}")
    assert not [front for front in _fronts(text) if re.search(r"(?:Anna Lind|Eva Berg|Mara Lind) opened", front)]


def test_a_possessive_in_the_opening_before_a_resolved_subject_is_the_subjects_own():
    assert "In her memoir Anna Lind wrote about the {{c1::Bergen Post}} in 1931." in _fronts(f"{_PRINTER} In her memoir she wrote about the Bergen Post in 1931.")
    # the other side of the line: a "his" that cannot be hers
    assert not any("Bergen Post" in front for front in _fronts(f"{_PRINTER} In his memoir she wrote about the Bergen Post in 1931."))


def test_a_they_after_an_opener_that_names_a_plural_is_not_the_sentence_befores():
    pair = "Anna Lind and Tom Vane founded a press in Bergen."
    assert "Launched in 1931, Anna Lind and Tom Vane printed the {{c1::Bergen Post}}." in _fronts(f"{pair} Launched in 1931, they printed the Bergen Post.")
    fronts = _fronts(f"{pair} When the printers arrived, they printed the Bergen Post.")
    assert not any("Tom Vane printed" in front for front in fronts)


_DIRECTOR = "Karl Lind directed films in Tokyo."


def test_a_his_beside_a_resolved_subject_and_a_woman_by_her_role_is_the_subject():
    married = 'In 1945 he married the actress Yoko Mori, who had starred in his second film, "The Quiet Shore."'
    assert 'In 1945 Karl Lind married the actress {{c1::Yoko Mori}}, who had starred in his second film, "The Quiet Shore."' in _fronts(f"{_DIRECTOR} {married}")


def test_a_his_beside_a_resolved_subject_and_a_person_of_unknown_gender_is_refused():
    """The other side of the line: the painter Ken Mori may be the "his"; the first assertion shows the rule at work."""
    married = 'In 1945 he married the actress Yoko Mori, who had starred in his second film, "The Quiet Shore."'
    assert 'In {{c1::1945}} Karl Lind married the actress Yoko Mori, who had starred in his second film, "The Quiet Shore."' in _fronts(f"{_DIRECTOR} {married}")
    met = 'In 1945 he met the painter Ken Mori, who had starred in his second film, "The Quiet Shore."'
    assert not any("1945" in front for front in _fronts(f"{_DIRECTOR} {met}"))


# Forty-third round, lead (issue 6): a man called by his first name alone ("Hans cut his hand") is a man of the chain
# of pronouns (one whom the lexicon cannot tell from another man of that first name, "Hans Moll"); in his own life he
# is the document's person, in another's no one the chain can pass.

_QUARREL = (
    "Hans Keller was a painter from Bonn. In 1888 the painter Paul Weiss came to stay with him. Weiss arrived in "
    "October and stayed nine weeks. The two men argued, and in December, after a quarrel, Hans cut his hand with a "
    "knife. He was taken to the hospital in Arles, and Weiss left for Paris."
)


def test_a_first_name_alone_is_the_person_of_the_document_for_the_he_after_it():
    fronts = _fronts(f"{_QUARREL} His nephew Hans Moll kept the paintings.", "Hans Keller")
    assert "Hans Keller was taken to the hospital in {{c1::Arles}}, and Weiss left for Paris." in fronts
    assert not any("Paul Weiss was taken" in front for front in fronts)


def test_a_first_name_alone_in_another_persons_life_breaks_the_chain():
    assert not any("was taken to the hospital" in front for front in _fronts(_QUARREL.replace("Hans Keller was", "Karl Brandt was"), "Karl Brandt"))

# Forty-fourth round, part B (issue 6): the cards of the mentions the engine did not see (tests/test_entities.py has the
# mentions): a year of two or three digits in a document dated by an era, a full date with such a year, a day of a month
# without its year and an age.


def test_a_year_of_two_or_three_digits_and_a_full_date_with_one_are_asked():
    text = (
        "The hall of Odda was built in 120 BC by the king Odvar. Games were held in the hall until 498, under the king "
        "Harald. The builder Carus Vane died in Capua on 9 March 112."
    )
    fronts = _fronts(text, "The hall of Odda")
    assert "(Odda) Games were held in the hall until {{c1::498}}, under the king Harald." in fronts
    assert "(Odda) The builder Carus Vane died in Capua on {{c1::9 March 112}}." in fronts
    # the other side of the line: with no era in the document, "until 498" is no year
    assert not any("{{c1::498}}" in front for front in _fronts(text.replace(" in 120 BC", ""), "The hall of Odda"))


def test_a_day_of_a_month_without_its_year_is_asked_unless_the_sentence_gives_its_month():
    fronts = _fronts("Karl Vane was a Swiss diver. On 12 April Karl Vane reached the lower cave of the Tarn.", "Karl Vane")
    assert "On {{c1::12 April}} Karl Vane reached the lower cave of the Tarn." in fronts
    # the other side of the line: the month is on the card, only the day would be asked
    fronts = _fronts("Karl Vane was a Swiss diver. The ice closed the cave in October 1915, and on 27 October Karl Vane left it.", "Karl Vane")
    assert not any("{{c1::27 October}}" in front for front in fronts)


def test_an_age_is_asked_when_no_two_years_give_it_and_it_is_a_persons():
    text = "Ada Vane was a French sculptor. Ada Vane died in Lyon on 3 March 1990, aged 81."
    assert "Ada Vane died in Lyon on 3 March 1990, aged {{c1::81}}." in _fronts(text, "Ada Vane")
    assert "In 1902, at the age of {{c1::31}}, Ada Vane decided to sculpt in marble." in _fronts(
        "Ada Vane was a French sculptor. In 1902, at the age of 31, she decided to sculpt in marble.", "Ada Vane"
    )
    # the other side of the line: the two years of the sentence give the age; an age that is no person's
    fronts = _fronts("Ada Vane was a French sculptor. Ada Vane was born in Lyon in 1909 and died there in 1990, aged 81.", "Ada Vane")
    assert fronts and not any("{{c1::81}}" in front for front in fronts)
    fronts = _fronts("The Tarn Star was a liner. At the age of 60, the steel of the liner's lower decks had rusted thin in 1990.", "The Tarn Star")
    assert not any("{{c1::60}}" in front for front in fronts)


# Forty-fourth round, part A (issue 6): sentences refused whole although most of them stands alone. 1. An "it" or "its"
# later in the sentence after a sentence that has the topic (a thing) for its subject, carried by the label; 2. the
# second main clause after ", and" or ";" with a subject of its own, when the first leans; 3. a trailing phrase with no
# verb that holds the pronoun, cut off.

_ARENA = "The Old Arena is an oval theatre in the centre of Capua, built of grey stone."
_ARENA_LATER = (
    "Estimates of its capacity range from 20,000 to 30,000 spectators. In 1749 Pope Benedict declared it a sacred "
    "place. Since 1999 it has also served as a symbol of the town. Locals call it the Ring and visitors call it the Oval."
)


def test_a_later_it_after_a_sentence_about_the_topic_is_carried_by_the_label():
    fronts = _fronts(f"{_ARENA} {_ARENA_LATER}", "The Old Arena")
    assert "(Old Arena) Estimates of its capacity range from {{c1::20,000 to 30,000}} spectators." in fronts
    assert "(Old Arena) In {{c1::1749}} Pope Benedict declared it a sacred place." in fronts
    assert "(Old Arena) Since {{c1::1999}} it has served as a symbol of the town." in fronts
    assert "(Old Arena) Locals call it the Ring and visitors call it the {{c1::Oval}}." in fronts


@pytest.mark.parametrize(
    "before",
    [
        "A flood struck the Old Arena in 1800.",  # the subject is another thing
        "The Old Arena faces the Temple of Diana across the square.",  # names another thing the "its" could be
        "The Old Arena's roof was built of grey stone.",  # the roof's capacity, or the arena's?
    ],
)
def test_a_later_its_after_a_sentence_not_about_the_topic_alone_is_refused(before):
    estimates = "Estimates of its capacity range from 20,000 to 30,000 spectators."
    assert "20,000 to 30,000" in answers(f"{_ARENA} {estimates}", "The Old Arena")  # the line's other side
    assert "20,000 to 30,000" not in answers(f"{before} {estimates}", "The Old Arena")


def test_a_later_its_with_a_thing_before_it_or_across_a_paragraph_is_refused():
    estimates = "Estimates of its capacity range from 20,000 to 30,000 spectators."
    assert "20,000 to 30,000" in answers(f"{_ARENA} {estimates}", "The Old Arena")  # the line's other side
    assert "20,000 seats" not in answers(f"{_ARENA} Engineers counted 20,000 seats at its base.", "The Old Arena")  # the seats' base?
    assert "1800" not in answers(f"{_ARENA} A fire in 1800 spread to its roof.", "The Old Arena")  # the fire's roof?
    assert not any("20,000 to 30,000" in front for front in _paragraphs(_ARENA, estimates, title="The Old Arena"))


def test_a_second_main_clause_with_its_own_subject_is_asked_alone():
    before = "The town grew quickly after the war."
    museum = "Her son, Paul Bell, later sold the land to a bank, and the Capua Museum opened to the public in 1973."
    found = [s for s in suggest(f"{before} {museum}", per_1000=1000) if s.answer == "1973"]
    assert [s.front for s in found] == ["The Capua Museum opened to the public in {{c1::1973}}."]
    text = f"{before} {museum}"
    assert text[found[0].start : found[0].end] == "the Capua Museum opened to the public in 1973."  # the clause's own span
    quarrel = "The two men argued, and on 23 March 1911, after a quarrel, Hale burned his notebooks."
    fronts = _fronts(f"{before} {quarrel}")
    assert "On {{c1::23 March 1911}}, after a quarrel, Hale burned his notebooks." in fronts
    assert not any("{{c1::Hale}}" in front for front in fronts)  # the subject only says whom the clause is about
    storm = "Her son sold the land to a bank; a storm destroyed the Capua Museum in 1973."
    assert "A storm destroyed the Capua Museum in {{c1::1973}}." in _fronts(f"{before} {storm}")


@pytest.mark.parametrize(
    "second",
    [
        "the site opened to the public in 1973",  # a subject that points back
        "in 1973 opened a museum in Capua",  # no subject of its own
        "she opened the Capua Museum in 1973",  # a pronoun for a subject
        "the Capua Museum opened there in 1973",  # a word that points back inside the clause
        "the Capua Museum opened to her in 1973",  # a pronoun that dangles inside the clause
    ],
)
def test_a_second_main_clause_that_leans_itself_is_refused(second):
    before = "The town grew quickly after the war."
    assert "1973" in answers(f"{before} Her son sold the land to a bank, and the Capua Museum opened to the public in 1973.")
    assert "1973" not in answers(f"{before} Her son sold the land to a bank, and {second}.")


def test_a_trailing_phrase_that_holds_the_pronoun_is_cut_off():
    before = "The valley lies south of the hills."
    grapes = "Today, farmers grow roughly 100 tonnes of grapes every year, about half of it on the slopes, mostly by hand."
    assert "Today, farmers grow {{c1::roughly 100 tonnes}} of grapes every year." in _fronts(f"{before} {grapes}")


@pytest.mark.parametrize(
    "sentence",
    [
        "About half of it grows on the slopes, where farmers grow roughly 100 tonnes of grapes.",  # the pronoun before the answer
        "Farmers grow roughly 100 tonnes of its grapes every year, mostly by hand.",  # in the main clause
        "Farmers grow roughly 100 tonnes of grapes every year, about half of it on slopes that they bought.",  # a verb of its own
        "Farmers grow roughly 100 tonnes of grapes, fruit and its seed on the slopes.",  # a list the cut would shorten
    ],
)
def test_a_trailing_phrase_that_cannot_be_cut_off_leaves_the_sentence_refused(sentence):
    before = "The valley lies south of the hills."
    cut = "Farmers grow roughly 100 tonnes of grapes every year, about half of it on the slopes."
    assert "roughly 100 tonnes" in answers(f"{before} {cut}")  # the line's other side
    assert "roughly 100 tonnes" not in answers(f"{before} {sentence}")


def test_a_verb_in_the_present_after_a_plural_subject_makes_a_statement_to_cut_to():
    nest = "In the brood nest, the workers keep the temperature close to 35 °C, warming it by shivering their flight muscles."
    assert "In the brood nest, the workers keep the temperature close to {{c1::35 °C}}." in _fronts(f"The hive holds wax. {nest}", "The honey bee")


# Forty-fourth round, lead (issue 6): the second main clause is no clause when ", and" ends a list, and a trailing
# phrase is not cut when it is a clause of its own, opening with a pronoun and its verb.


@pytest.mark.parametrize(
    "sentence",
    [
        "In 1987 the mill's owner, Tom Vane, its foreman, Karl Marks, and Lind were each sentenced to ten years in prison.",
        "Her boats were few. She carried 20 of them: 14 wooden boats, two cutters, and four collapsible boats with canvas sides.",
    ],
)
def test_the_last_item_of_a_list_is_no_second_main_clause(sentence):
    fronts = _fronts(f"The Tarn Mill was a cotton mill in Leeds. {sentence}", "Tarn Mill")
    assert not any(front.startswith(("Lind were", "(Tarn Mill) Lind were", "{{c1::four}}", "(Tarn Mill) {{c1::four}}")) for front in fronts), fronts


def test_a_trailing_clause_that_opens_with_its_pronoun_is_not_cut_off():
    text = (
        "Tom Vane was an architect from Leeds. He is buried in the minster, where a Latin inscription tells visitors "
        "that if they seek his monument, they should look around them."
    )
    assert not any(front.rstrip().endswith("seek his monument.") for front in _fronts(text, "Tom Vane"))


# Forty-fifth round, part B (issue 6): a term with its short form asked without it, a count that multiplies an amount
# before it, and the term a ranked subject names. Each test holds the other side of its line.


def test_a_term_before_its_short_form_is_asked_whole_and_without_it_when_the_sentence_goes_on():
    """Not "called the {{solid boundary}} film (SBF)"; round 38's refusal stands where the short form ends the
    sentence, and a leading "It" still dangles."""
    fronts = {s.front for s in suggest("During the first charges a thin layer called the solid boundary film (SBF) forms on the anode.")}
    assert "During the first charges a thin layer called the {{c1::solid boundary film}} forms on the anode." in fronts
    assert "{{c1::Sodium nickel oxide}} stores a lot of energy in a small space and is used in clocks." in {
        s.front for s in suggest("Sodium nickel oxide (SNO) stores a lot of energy in a small space and is used in clocks.")
    }
    sentence = "{} watched over by a battery management system (BMS), electronics that keep every cell within safe limits."
    assert "battery management system" in answers(sentence.format("Every pack is"))
    assert "battery management system" not in answers(sentence.format("It is"))
    assert "sodium nickel oxide" not in answers("In 1990 the engineers chose sodium nickel oxide (SNO).")


def test_a_count_that_multiplies_the_amount_before_it_is_not_asked():
    """"… {{roughly four}} times as much as …" restates the amount before it; a ratio alone is the fact."""
    sentence = "Sodium cells store around 150 watt-hours per kilogram, roughly four times as much as a lead-acid battery."
    assert answers(sentence) == {"around 150 watt-hours per kilogram"}
    assert "four times" in answers("Sodium cells store four times as much energy as lead-acid batteries.")  # asked whole (round 65)


def test_a_ranked_subject_asks_the_term_the_document_is_about():
    text = "The Kestrel cell stores energy in lithium. The most serious danger is thermal runaway. Once thermal runaway starts, a cell heats itself."
    assert ("question:what", "(Kestrel) What is the most serious danger?", "thermal runaway") in cards(text, "The Kestrel cell")
    # the other side of the line: a describing word, also used again to describe
    text = "The Kestrel palace stood on a hill. The main hall was empty. An empty room is cold."
    assert "empty" not in answers(text, "The Kestrel palace")

# Forty-fifth round, part A (issue 6): a pointing, first-person or judging word inside a closed pair of quotation marks
# is the speaker's, not the text's, and leaves the sentence readable (a word outside them, or inside marks that never
# close, still refuses it; a deletion still never falls inside the quotation); a lower-case name given in quotation
# marks before its noun ('nicknamed the "seesaw" battery') is asked as a term.

_GATE = 'The mayor, Tom Reyes, stood at the Kestrel Gate and challenged the governor: "Mr. Vane, open this gate!"'
_SEESAW = 'Because the ions shuttle back and forth, the cell is sometimes nicknamed the "seesaw" battery.'
_MARCH = 'On 9 October 1989 some 70,000 people marched through Lyon chanting "We are the people," and the police did not fire.'


def test_a_pointing_word_inside_a_quotation_is_the_speakers():
    assert "The mayor, {{c1::Tom Reyes}}, stood at the Kestrel Gate and challenged the governor: \"Mr. Vane, open this gate!\"" in _fronts(_GATE)
    assert f"On {{{{c1::9 October 1989}}}} some 70,000 people marched through Lyon chanting \"We are the people,\" and the police did not fire." in _fronts(_MARCH)


def test_no_deletion_falls_inside_a_quotation_its_pointing_word_lets_through():
    assert "Tom Reyes" in answers(_GATE)  # the line's other side
    assert not any("Vane" in answer or "gate" in answer for answer in answers(_GATE))
    assert "9 October 1989" in answers(_MARCH)
    assert not any("people" in answer for answer in answers(_MARCH))


@pytest.mark.parametrize(
    "sentence",
    [
        'On 9 October 1989 some 70,000 people marched through this city chanting "Free the people."',  # outside the marks
        'On 9 October 1989 we marched through Lyon chanting "Free the people."',  # the text's own first person
        'On 9 October 1989 some 70,000 people marched through Lyon chanting "We are the people and the police did not fire.',  # never closed
    ],
)
def test_a_pointing_word_outside_a_closed_quotation_still_refuses(sentence):
    assert "9 October 1989" in answers(_MARCH)  # the line's other side
    assert "9 October 1989" not in answers(sentence)


def test_a_quoted_name_given_before_its_noun_is_asked():
    assert ("cloze:term", 'Because the ions shuttle back and forth, the cell is sometimes nicknamed the "{{c1::seesaw}}" battery.', "") in cards(_SEESAW)


@pytest.mark.parametrize(
    "sentence",
    [
        'In 1890 the porters of Leeds were called "mules" by the miners.',  # no noun after it: what someone said of them
        'In 1990 Ada Brand called the "seesaw" battery a failure.',  # she called it so; the sentence names nothing
    ],
)
def test_a_quoted_word_with_no_noun_after_it_or_said_by_someone_is_not_asked(sentence):
    assert "seesaw" in answers(_SEESAW)  # the line's other side
    assert not answers(sentence) & {"mules", "seesaw"}


# Forty-fifth round, lead (issue 6): a leading "It" after a sentence whose subject is a common noun with an "of" phrase
# ("The battery of the Volta Ranger held …") is that noun's thing, not the name in the phrase.


def test_an_it_after_a_common_subject_with_an_of_phrase_is_not_the_name_in_it():
    fronts = _fronts("Sodium cells are batteries that store energy. The battery of the Volta Ranger held 4,100 cells. It was made in 1990.", "Sodium Cells")
    assert not any("Volta Ranger made" in front for front in fronts), fronts
    # the other side of the line: the name as the subject itself is the "It"
    fronts = _fronts("Sodium cells are batteries that store energy. The Volta Ranger held 4,100 cells. It was made in 1990.", "Sodium Cells")
    assert "In what year was the Volta Ranger made?" in fronts


def test_no_question_is_made_of_a_sentence_that_ends_with_speech():
    """A wh-question made of '… boasted of it in a speech: "I took the harbour."' would end inside the quotation."""
    text = 'President Tom Vane made the harbour a priority.\n\nYears later Tom Vane boasted of the episode in a speech: "I took the harbour."'
    assert not any(front.startswith("Who boasted") for front in _paragraphs(*text.split("\n\n"), title="Harbour Deal"))

# Forty-fifth round, part C (issue 6): sentences that stand but gave no card, for a range of years read as measured by
# a vague span, a name's kind given by the noun it is set after, and a first name two people share.


def test_a_vague_span_is_no_length_of_the_range_of_years():
    text = "The Tarn Dam is a dam in Utah. It was built between 1931 and 1936, during the war, and for a few years it was the tallest dam in the world."
    assert "1931" in answers(text, "The Tarn Dam")
    # the other side of the line: a number of years that is the range's length gives either year away
    assert not {"1931", "1945"} & answers("The Tarn Dam is a dam in Utah. It was built over fourteen years, between 1931 and 1945.", "The Tarn Dam")


def test_the_second_year_after_between_is_not_asked():
    found = answers("The Tarn Railway was built between 1898 and 1900 with money from a London bank.")
    assert "1898" in found
    assert "1900" not in found


def test_a_name_set_after_the_noun_for_its_kind_is_not_given_away_by_that_noun():
    camp = "The first camp on the ice, Ocean Camp, lay about a mile from the wreck."
    assert "Ocean Camp" in answers(camp, "The Tarn Expedition")
    # the other side of the line: the noun gives another word of the name, or the name is not set between commas
    for sentence in (
        "The first camp on the ice, Camp Ocean, lay about a mile from the wreck.",
        "The first ocean camp on the ice, Ocean Camp, lay about a mile from the wreck.",
        "The men stopped near the camp of Sheep Camp on the trail.",
    ):
        assert not {"Camp Ocean", "Ocean Camp", "Sheep Camp"} & answers(sentence, "The Tarn Expedition"), sentence


def test_a_first_name_two_people_share_gives_neither_away():
    pace = "Two friends set the pace: Tom Vane led for the first two laps, and Tom Reyes took over for most of the third."
    assert {"Tom Vane", "Tom Reyes"} <= answers(pace)
    # the other side of the line: a surname the two share
    assert "Ada Vane" not in answers("Two friends set the pace: Tom Vane led for the first two laps, and Ada Vane took over for most of the third.")


# The lead's fixes after the seventh held-out set's first look (issue 6): a "they" or an "it" given the wrong name.


def test_they_after_men_and_ships_is_neither():
    fronts = [s.front for s in suggest("More than 100 men boarded the ships. In about three hours they threw 342 chests into the harbour.", "The Tarn Raid")]
    assert not any("the ships threw" in front or "the men threw" in front for front in fronts)
    # the other side of the line: the men alone are the "they"
    fronts = [s.front for s in suggest("More than 100 men boarded the brig. In about three hours they threw 342 chests into the harbour.", "The Tarn Raid")]
    assert any("the men threw" in front for front in fronts)


def test_it_is_not_the_man_a_possessive_surname_names():
    text = (
        "The engine was designed by J. R. Hale, later Sir John Hale, chief engineer of the Tarn Railway. "
        "Like most of Hale's big engines it had three cylinders rather than two. "
        "It was built at the railway's works in Leeds and entered service in March 1925."
    )
    fronts = [s.front for s in suggest(text, "Comet: The Life of a Locomotive")]
    assert fronts and not any("Hale was built" in front for front in fronts)


def test_it_is_not_what_owns_the_thing_the_sentence_before_is_about():
    text = "The Earth turns once a day. Friction between the tides and the sea floor slowly brakes the Earth's spin. It lengthens the day by roughly 2 milliseconds per century."
    assert not any("The Earth lengthens" in s.front for s in suggest(text, "How tides work"))


def test_it_after_a_second_clause_with_its_own_subject_is_neither():
    text = "The Tarn Railway renumbered its fleet after the war, and the engine became No. 103 in 1946. In 1947 it was rebuilt with a bigger boiler."
    assert not any("was rebuilt" in s.front and "Railway" in s.front.split("In 1947")[-1] for s in suggest(text, "Comet: The Life of a Locomotive"))
    # the other side of the line: a plural subject after ", and" is no "it"
    paper = "A weekly paper, The Dock Record, first appeared in 1907, and the crews competed to top its lists. Its editor was Tom Vane, a journalist from Ohio."
    assert any("The Dock Record's editor was" in s.front for s in suggest(paper, "The Tarn Canal"))


# Forty-sixth round, part A (issue 6): a pronoun inside a sentence, or an opening "Its", that the short sentence
# before says what it is: the card shows both sentences and asks only the second one's facts.


def test_an_object_it_is_asked_with_the_one_thing_the_sentence_before_names():
    cup = "The Silver Cup goes to the fastest crew of the season. In 1938 the Marlow eight won it again in 6 minutes 12 seconds."
    fronts = {s.front for s in suggest(cup, "Rowing at Henley")}
    assert "The Silver Cup goes to the fastest crew of the season. In {{c1::1938}} the Marlow eight won it again in 6 minutes 12 seconds." in fronts
    assert "The Silver Cup goes to the fastest crew of the season. In 1938 the Marlow eight won it again in {{c1::6 minutes 12 seconds}}." in fronts
    assert "Silver Cup" not in {s.answer for s in suggest(cup, "Rowing at Henley") if "won it" in s.front}  # never the antecedent
    # the other side of the line: two things the "it" may be, or a person's pronoun (its own rules)
    two = "The Vega flew for the Acme Corporation in Canada. In 1931 the Royal Navy bought it for $40,000."
    assert not [s for s in suggest(two, "Planes") if "bought" in s.front]
    one = "The Vega flew for ten years in Canada. In 1931 the Royal Navy bought it for $40,000."
    assert "The Vega flew for ten years in Canada. In 1931 the Royal Navy bought it for {{c1::$40,000}}." in {s.front for s in suggest(one, "Planes")}


def test_an_it_for_what_the_sentence_before_tells_is_asked_with_it():
    spring = 'By March the club had won nine games in a row and escaped relegation. Fans called it the "Long Spring".'
    fronts = {s.front for s in suggest(spring, "Arden Football Club")}
    assert 'By March the club had won nine games in a row and escaped relegation. Fans called it the "{{c1::Long Spring}}".' in fronts
    # the other side: a common subject beside a singular object ("the club … won the cup"), either may be "it"
    cup = 'By March the club had won the cup for the third time. Fans called it the "Long Spring".'
    assert "Long Spring" not in answers(cup, "Arden Football Club")


def test_a_them_is_asked_with_the_plural_or_the_names_the_sentence_before_gives():
    accords = "Panama and the United States signed the Lisbon Accords in 1977. The Senate approved them in 1978 by 68 votes to 32."
    fronts = {s.front for s in suggest(accords, "Canal treaties")}
    assert "Panama and the United States signed the Lisbon Accords in 1977. The Senate approved them in {{c1::1978}} by 68 votes to 32." in fronts
    # the other side: one name, no plural
    single = "The treaty was signed in Lisbon in 1977. The Senate approved them in 1978 by 68 votes to 32."
    assert "1978" not in answers(single, "Canal treaties")


def test_a_leading_its_after_a_sentence_with_one_thing_it_may_be_is_asked_with_it():
    split = "In 1898 the territory was split off from the North-West Territories. Its first commissioner was Mark Dalby, a former police officer."
    fronts = {s.front for s in suggest(split, "Kestrel Territory")}
    assert (
        "In 1898 the territory was split off from the North-West Territories. Its first commissioner was"
        " {{c1::Mark Dalby}}, a former police officer." in fronts
    )
    # the other side: a common subject and a named thing, either of which may own it
    ruled = "In 1898 the territory was ruled by the Acme Company. Its first commissioner was Mark Dalby, a former police officer."
    assert "Mark Dalby" not in answers(ruled, "Kestrel Territory")


def test_an_it_that_stands_for_nothing_is_not_replaced_by_a_name_before():
    sold = "The Vega flew for ten years in Canada. In 1931 it was decided to sell the Vega for $40,000."
    fronts = {s.front for s in suggest(sold, "Planes")}
    assert "In {{c1::1931}} it was decided to sell the Vega for $40,000." in fronts
    assert not any("Vega was decided" in front for front in fronts)


# Forty-sixth round, part B (issue 6): mentions a standing sentence finds but no card asks: a name whose last word ends
# another name on the card, the name a description says a name became, the organisation in a person's own description,
# and a count before a plural with no "s".


def test_a_last_word_that_ends_another_name_on_the_card_gives_nothing_away():
    renamed = "Hale joined the Rural Settlement Administration, a federal agency that became the Land Aid Administration."
    assert {"Rural Settlement Administration", "Land Aid Administration"} <= answers(renamed)
    assert "Bonanza Creek" in answers("Rabbit Creek was renamed Bonanza Creek in the summer of 1897.", "The Tarn Gold Rush")
    # the other side of the line: a word the names share other than the last, a word inside a longer name or after
    # an article only, and a surname
    assert not {"Kestrel Dam", "Kestrel Lake"} & answers("The Kestrel Dam was finished in 1932, forming Kestrel Lake behind it.")
    assert "Isthmus of Tarn" not in answers("The Tarn Canal is a waterway that crosses the Isthmus of Tarn in 1914.")
    assert "Ellis Vane" not in answers("Ada Vane worked in Leeds, and Ellis Vane ran a bank there in 1901.")


def test_the_name_a_description_says_a_name_became_is_no_aside():
    renamed = "In 1936 Hale joined the Rural Housing Office, a federal agency that became the Land Aid Office two years later."
    assert "Land Aid Office" in answers(renamed)
    # the other side of the line: a name a description only places, or one in a description that says what it was
    assert "Pearl Harbor" not in answers("Station Hypo, a basement office at Pearl Harbor, read the naval code in 1942.")
    assert "Orva Trust" not in answers("In 1936 Hale joined the Rural Housing Office, a federal agency funded by the Orva Trust.")


def test_the_organisation_in_a_persons_own_description_is_no_aside():
    student = "In 1965 Gary Holm, a student working at the Lowell Research Laboratory in Pasadena, noticed that the planets would line up."
    assert "Lowell Research Laboratory" in answers(student)
    # the other side of the line: a title with no article, a place or a people in the description, a thing described
    assert "Northern Fleet" not in answers("In 1942 Ivo Kito, commander of the Northern Fleet, launched the raid on the atoll.")
    assert "Dundee" not in answers("The James Baird was named after Tom Pell, a jute maker from Dundee who had given the expedition £24,000.")
    assert "Lowell Shipping Company" not in answers("The Kestrel, a ship of the Lowell Shipping Company, sank off Iceland in 1901.")


def test_a_count_before_a_plural_with_no_s_is_asked():
    assert "108" in answers("Early on June 4, Admiral Kito launched 108 aircraft against the atoll.", "The Battle of Orva")
    # the other side of the line: a count the sentence repeats stays refused
    assert "108" not in answers("Admiral Kito launched 108 aircraft, and 108 aircraft came back.", "The Battle of Orva")


# The lead's fixes after the seventh held-out set's first look, continued (issue 6): the topic of a life whose title
# leaves out a given name.


def test_a_fuller_name_ending_with_the_titles_is_the_topic_her_pronouns_stand_for():
    text = (
        "Amalie Ruth Vane was born on 3 May 1882 in Leeds. "
        "Her father, Max Vane, taught mathematics at the University of Leeds. "
        "For seven years Vane worked without pay. Recognition came late. In 1932 she gave an address to the Royal Society in London."
    )
    assert "1932" in answers(text, "Ruth Vane")
    # the other side of the line: a longer name that only holds the title's ("Ruth Vane's House") is no person
    house = "Ruth Vane's House opened to visitors in 1949. For seven years Vane worked without pay. Recognition came late. In 1932 she gave an address to the Royal Society in London."
    assert "1932" not in answers(house, "Ruth Vane")


# The lead's fix of session 20 (issue 6): a leading "It" after a sentence whose named subject acts on a singular thing.


def test_it_after_a_named_subject_and_the_thing_it_acted_on_is_not_read_as_the_subject():
    released = "Shooting began in Los Angeles in August 1994. Warner Bros. released the film on December 15, 1995. It cost $60 million and earned $187 million worldwide."
    fronts = {s.front for s in suggest(released, "The making of Nightfall")}
    assert not [front for front in fronts if "Warner Bros. cost" in front]  # the company did not cost $60 million
    assert "Warner Bros. released the film on December 15, 1995. It cost {{c1::$60 million}} and earned $187 million worldwide." in fronts
    # the other side: what the subject was ("was the heart of the work") is no other thing the "It" may be
    cut = "The Kestrel Cut was the heart of the work. It ran for about 14 kilometres through the hills."
    assert "The Kestrel Cut ran for {{c1::about 14 kilometres}} through the hills." in {s.front for s in suggest(cut, "Kestrel Canal")}

# Forty-seventh round, part B (issue 6): what a leading "they" stands for: three or more people listed in the sentence
# before, a group of people as its subject, and more people named there than "they" is taken to mean.

_GEMINI = "Gemini 14 launched on 2 May 1967 with Carl Voss, Dan Reyes and Tom Hart aboard"


def test_they_takes_three_people_the_sentence_before_lists_together():
    text = f"{_GEMINI}. They were the first crew to dock with a tanker in 1967. They orbited the planet 44 times."
    fronts = _fronts(text)
    assert "Carl Voss, Dan Reyes and Tom Hart were the first crew to dock with a tanker in {{c1::1967}}." in fronts
    assert "Carl Voss, Dan Reyes and Tom Hart orbited the planet {{c1::44}} times." in fronts  # the chain of "They"
    after_an_opening = (
        "Apollo 9 carried Carl Voss, Dan Reyes and Tom Hart around the planet in December 1968. "
        "On Christmas Day, in a broadcast seen by millions, they read aloud from the Book of Ruth."
    )
    assert (
        "On Christmas Day, in a broadcast seen by millions, Carl Voss, Dan Reyes and Tom Hart read aloud from the {{c1::Book of Ruth}}."
        in _fronts(after_an_opening)
    )
    # the other side of the line: a people or a plural beside them, or three people not listed together
    for before in (
        f"{_GEMINI}, and the Soviets watched.",
        f"{_GEMINI}, and two engineers watched.",
        "Carl Voss met Dan Reyes in Houston in 1966, and Tom Hart joined them in May.",
    ):
        assert not any("Tom Hart orbited" in front for front in _fronts(f"{before} They orbited the planet 44 times."))


def test_they_takes_a_group_of_people_the_sentence_before_has_for_its_subject():
    for subject, written in (("The crew of Apollo 15", "The crew of Apollo 15"), ("Ann Lee's crew", "Ann Lee's crew")):
        text = (
            "Apollo 15 flew to the Moon in July 1971. "
            f"{subject} named the command capsule Liberty, after the bell in Philadelphia. "
            "They named the landing craft Falcon, after the bird on their badge."
        )
        assert f"{written} named the landing craft {{{{c1::Falcon}}}}, after the bird on their badge." in _fronts(text)
    # the other side of the line: a bare "The crew" leans as much in the card as in the sentence before (no card from
    # either), and a plural beside the group leaves "they" unread, never "the engineers"
    bare = "Apollo 15 flew to the Moon in July 1971. The crew named the command capsule Liberty. They named the landing craft Falcon."
    assert not any("named the landing craft {{c1::Falcon}}" in front for front in _fronts(bare, "Apollo 15"))
    plural = (
        "Apollo 15 flew to the Moon in July 1971. The crew and the engineers named the command capsule Liberty in 1970. "
        "They named the landing craft Falcon in 1971."
    )
    assert not any(front.startswith(("The engineers named", "(Apollo 15) The engineers named")) for front in _fronts(plural, "Apollo 15"))


def test_they_is_not_the_people_named_when_the_sentence_before_names_more():
    for opener in ("Tenzing", "Tenzing Norgay"):
        text = (
            f"{opener} buried a flag, and Ben Ray left a cross that Carl Lind had given him. "
            "On the way down they met Dan Moss at the Lhotse Face. The climb with Tenzing Norgay lasted a week."
        )
        assert not any("Ben Ray and Carl Lind met" in front for front in _fronts(text))
    # the other side of the line: two people and no one else
    two = "Ben Ray left a cross that Carl Lind had given him. On the way down they met Dan Moss at the Lhotse Face."
    assert "On the way down Ben Ray and Carl Lind met {{c1::Dan Moss}} at the Lhotse Face." in _fronts(two)

# Forty-seventh round, part A (issue 6): words refused as pointing elsewhere whose sentence shows what they point at:
# "such as" and its examples, "those who" and its clause, "the same" completed by a clause, and a "they", "them" or
# "their" after a group its own sentence counts or names.


def test_such_as_gives_its_examples_and_points_at_nothing():
    grasses = "C4 grasses such as millet and sorghum first fix carbon dioxide in outer cells, a trick described in 1966 by Hal Hatch."
    assert "1966" in answers(grasses, "Grasses")
    fields = "Thousands camped for weeks in open fields such as Finsbury Moor and Hoxton."
    assert "Finsbury Moor" in answers(fields, "The Great Fire")
    # the other side of the line: "such" before a noun leans on the text before
    assert not answers("Such engines were rare in Leeds by 1900.", "Engines")
    assert not answers("No such treaty was signed in Vienna in 1815.", "Treaties")


def test_those_before_the_clause_that_says_who_points_at_nothing():
    fled = "Among those who fled the city was the tenor Carlo Vitti, who had sung at the Royal Opera the night before."
    assert "Carlo Vitti" in answers(fled, "Opera fire")
    taught = "Mary Somerville was a Scottish scientist. Among those who taught her were the chemist Jane Marcet and the astronomer John Herschel."
    assert "Among those who taught Mary Somerville were the chemist {{c1::Jane Marcet}} and the astronomer John Herschel." in {
        s.front for s in suggest(taught, "Mary Somerville")
    }  # an object "her" before "were" is the topic, not the topic's
    # the other side of the line: "those" before a noun, or alone, is the text before's
    assert not answers("From those measurements Harry Reid developed a new law in 1662.", "Gas laws")
    assert not answers("Those were the last words Tom Vane wrote in 1821.", "Tom Vane")


def test_the_same_completed_by_a_clause_of_its_sentence_points_at_nothing():
    age = "Ada Lind was a French singer. She died in Paris in 1852, aged 36, the same age at which her father had died."
    assert "1852" in answers(age, "Ada Lind")
    # "the same … as" and what it is compared with (round 64: the comparison's other side is in the sentence)
    assert "one degree Celsius" in answers("A rise of one kelvin is the same size as a rise of one degree Celsius, so ice melts at 273.15 kelvin.", "Kelvin")
    # the other side of the line: nothing to compare with in the sentence, or "as before"
    assert not answers("In France the same law was found by Edme Marot in 1676.", "Gas laws")
    assert not answers("In France the law stayed the same as before until Edme Marot changed it in 1676.", "Gas laws")


def test_a_they_them_or_their_after_a_group_its_own_sentence_names_stands():
    dutch = "In March 1990 the Dutch voted in their first free elections under the Hague Charter."
    assert "March 1990" in answers(dutch, "Hague Charter")
    town = "Roughly 70,000 of the town's 80,000 inhabitants lost their homes in the fire of 1702."
    assert "1702" in answers(town, "Fire of Harwick")
    rum = "On 16 May 1773 a band of sailors boarded three merchant ships at Griffin Quay and threw every barrel of rum aboard them into the harbour."
    assert "16 May 1773" in answers(rum, "Rum Party")
    plant = "The plant's other reactors kept running, and the last of them, Unit 3, was shut down on 15 December 2000."
    assert "15 December 2000" in answers(plant, "Kestrel plant")
    # the other side of the line: nothing before the pronoun, a group only in an opening phrase, a people that only
    # says whose a noun is, a unit, a group that is the subject of "them"'s verb, a plural only inside a quotation
    assert not answers("In 1846 they sailed to Boston on the Arden.", "Emigrants")
    assert not answers("After three long voyages, they settled in Boston in 1846.", "Emigrants")
    assert not answers("In March 1990 the Dutch painter Jan Steen sold their house in Leiden.", "Leiden")
    assert not answers("For three weeks in 1846 their ship lay at anchor off Boston.", "Emigrants")
    assert not answers("In 1846 two dockers carried them to the Arden at Boston.", "Emigrants")
    assert not answers('In 1846 the crew sang "Three Ships" and their captain wept at Boston.', "Emigrants")
    assert not answers("When fever broke out among the staff in 1905, hundreds of them fled to Boston.", "Fever")


def test_the_same_with_a_relative_clause_that_is_not_its_own_still_leans():
    # round 47A lets "the same age at which her father had died" stand; a "that" followed by a verb belongs to what came
    # before ("a concert … that lasted"), so "the same theatre" still leans on the sentence before
    concert = "On 22 December 1808 Karl Brandt gave a concert at the same theatre that lasted about four hours."
    assert not suggest(concert, "Karl Brandt")
    signed = "The Treaty of Lund was signed in 1919, on the same day that the Kestrel Dam opened."
    assert "1919" in answers(signed, "Lund")


def test_a_term_after_with_keeps_all_its_words():
    inlay = "The walls of the Kestrel Tomb are decorated with pietra dura, a technique of inlaying cut stones into marble."
    assert "pietra dura" in answers(inlay, "The Kestrel Tomb")
    assert "dura" not in answers(inlay, "The Kestrel Tomb")


# Forty-eighth round, part A (issue 6): sentences refused or left unasked for their shape, not their pronouns.


def test_a_cleft_with_a_description_before_its_who_asks_the_name():
    cleft = (
        "The Kestrel Tomb stands in Agra. It was Lord Fenwick, Governor of Bengal from 1899 to 1905, who ordered a full "
        "restoration of the tomb, which was completed in 1908."
    )
    fronts = _fronts(cleft, "The Kestrel Tomb")
    assert any(front.startswith("(Kestrel Tomb) {{c1::Lord Fenwick}}, Governor of Bengal") for front in fronts)
    assert not any("It was" in front for front in fronts)
    # the other side of the line: a description with no "who" is what the "It" was (round 41A), and a linking aside
    # still goes rather than staying as a description
    assert "Lord Fenwick" not in answers("The Kestrel Tomb stands in Agra. It was Lord Fenwick, the Governor of Bengal.", "The Kestrel Tomb")
    aside = _fronts("The Kestrel Tomb stands in Agra. It was Lord Fenwick himself, however, who ordered a full restoration.", "The Kestrel Tomb")
    assert "(Kestrel Tomb) Who ordered a full restoration?" in aside


def test_a_quotation_beside_a_speaker_who_describes_or_names_asks_the_speaker():
    described = 'The Kestrel Tomb stands in Agra. The poet Rabin Dutta described the tomb as "a teardrop on the cheek of time".'
    found = answers(described, "The Kestrel Tomb")
    assert "Rabin Dutta" in found
    assert not found & {"teardrop", "cheek of time", "a teardrop on the cheek of time"}
    # the other side of the line: a quotation that is most of the sentence with no named speaker
    assert not answers('The Kestrel Tomb stands in Agra. Critics described the tomb as "a teardrop on the cheek of time".', "The Kestrel Tomb") - {"Agra"}


def test_a_nickname_in_quotes_that_a_passive_gives_ends_its_clause():
    nickname = 'The Lund process makes ammonia from air. In 1910 the process was nicknamed "bread from air".'
    assert "bread from air" in answers(nickname, "The Lund process")
    # the other side of the line: a word someone uses to judge is no nickname
    assert "uninspired" not in answers('The Lund process makes ammonia from air. In 1910 the process was called "uninspired".', "The Lund process")


def test_a_clause_after_yet_or_a_hedge_after_and_is_cut_off():
    yet = "Nitrogen makes up about 78 per cent of the air, yet plants cannot use it in that form."
    assert "Nitrogen makes up {{c1::about 78 per cent}} of the air." in _fronts(yet, "Nitrogen")
    hedged = "The tomb, catalogued as KV99, was small for a royal burial and had probably been prepared in haste."
    assert "The tomb, catalogued as {{c1::KV99}}, was small for a royal burial." in _fronts(hedged, "Valley tombs")
    # the other side of the line: a hedge of the amount before it, and a first part that is no statement of its own
    assert not answers("Tom Vane kept 200 cattle on the Kestrel farm in 1850 and probably more.", "Kestrel farm")
    assert not answers("Small yet strong, the Kestrel Bridge was probably built in 1850.", "Kestrel Bridge")


def test_a_count_in_words_from_thirteen_to_ninety_is_asked_also_opening_the_sentence():
    steps = "Howard Carter found the Kestrel Tomb in 1922. Sixteen steps led down to a plastered doorway stamped with royal seals."
    assert "(Kestrel Tomb) {{c1::Sixteen}} steps led down to a plastered doorway stamped with royal seals." in _fronts(steps, "The Kestrel Tomb")
    assert "seventeen" in answers("By 1967 seventeen airlines held options on the Kestrel airliner.", "Kestrel airliner")
    # the other side of the line: a small count in words still opens no sentence as a count (round 21)
    assert "Three" not in answers("Howard Carter found the Kestrel Tomb in 1922. Three steps led down to a doorway.", "The Kestrel Tomb")


def test_a_count_in_words_is_given_away_by_the_same_word_on_the_card():
    built = "The Kestrel Bridge took twenty years to build and cost more than twenty times its first estimate."
    assert "more than twenty" not in answers(built, "Kestrel Bridge")
    # the other side of the line: a unit in words says more than its number ("three days" beside "three months")
    repaired = "The Arden was repaired at Harwick in about three days, although the work had been expected to take three months."
    assert "about three days" in answers(repaired, "The Arden")

# Forty-eighth round, part B (issue 6): which person a leading "He" or "She" stands for. 1. The one person the sentence
# before names, as the subject of a verb, whose gender the document does not make sure, in a document that is no
# person's life; 2. the document's person as the main clause's subject after an opening clause that names another man;
# 3. a man an opening preposition governs ("For Gross he designed …") is not the "he", so the document's person is.

_HARLOW = "The dig was paid for by Osric Harlow. Harlow did not live to see the king."
_HARLOW_DIED = "He died in Cairo on 5 April 1923."
_HARLOW_CARD = "On what date did Osric Harlow die in Cairo?"


def test_a_he_takes_the_one_person_before_whose_gender_the_document_does_not_say():
    assert _HARLOW_CARD in _fronts(f"{_HARLOW} {_HARLOW_DIED}", "The tomb")


@pytest.mark.parametrize(
    ("sentences", "title"),
    [
        (f"{_HARLOW[:-1]}, and Osric Vane sold the finds. {_HARLOW_DIED}", "The tomb"),  # another person who could be meant
        (f"{_HARLOW[:-1]}, but the queen did. {_HARLOW_DIED}", "The tomb"),  # a woman by a word: the pronoun is no proof
        (f"Paul Carr was an archaeologist. {_HARLOW} {_HARLOW_DIED}", "Paul Carr"),  # a person's life: its person competes
        (f"The idea was pressed by Osric Harlow, a rich collector. {_HARLOW_DIED}", "The tomb"),  # named in passing, no verb
        (f"{_HARLOW} She died in Cairo on 5 April 1923.", "The tomb"),  # the first round's line, either way
        (f"The dig was paid for by Kelly Harlow. Harlow did not live to see the king. {_HARLOW_DIED}", "The tomb"),  # a shared first name
    ],
)
def test_a_he_for_a_person_of_unknown_gender_is_refused_beside_anyone_who_could_compete(sentences, title):
    """The other side of the line; the first assertion shows the rule at work, the second where it stops."""
    assert _HARLOW_CARD in _fronts(f"{_HARLOW} {_HARLOW_DIED}", "The tomb")
    assert not any("Cairo" in front for front in _fronts(sentences, title))


def test_a_possessive_for_a_person_of_unknown_gender_is_still_refused():
    assert _HARLOW_CARD in _fronts(f"{_HARLOW} {_HARLOW_DIED}", "The tomb")
    assert not any("1926" in front for front in _fronts(f"{_HARLOW} His estate was sold in 1926.", "The tomb"))


_VELL = "Paul Vell was a Catalan architect, and his buildings fill Barcelona. He was born in Reus in 1852."
_FACADE = "He designed the Nativity Facade of the church."


def test_a_he_goes_on_with_the_documents_person_after_an_opening_clause_that_names_another_man():
    appointed = "After Karl Marek resigned following a quarrel, the 31-year-old Vell was appointed in his place."
    assert "Paul Vell designed the {{c1::Nativity Facade}} of the church." in _fronts(f"{_VELL} {appointed} {_FACADE}", "Paul Vell")


@pytest.mark.parametrize(
    "appointed",
    [
        "After Paul Vell left, Karl Marek was appointed in his place.",  # the main clause's subject is another man
        "After Karl Marek resigned, Hans Lutz and the young Vell were appointed in his place.",  # not the main subject
    ],
)
def test_a_he_after_an_opening_clause_whose_main_subject_is_not_the_documents_person_is_not_his(appointed):
    """The other side of the line; the first assertion shows the rule at work, the second where it stops."""
    resigned = "After Karl Marek resigned following a quarrel, the 31-year-old Vell was appointed in his place."
    assert "Paul Vell designed the {{c1::Nativity Facade}} of the church." in _fronts(f"{_VELL} {resigned} {_FACADE}", "Paul Vell")
    assert "Paul Vell designed the {{c1::Nativity Facade}} of the church." not in _fronts(f"{_VELL} {appointed} {_FACADE}", "Paul Vell")


_PATRON = "It caught the eye of Emil Gross, a rich textile maker, who became his patron."
_TOWN_HOUSE = "For Gross he designed a town house off the Rambla in 1886."


def test_a_man_an_opening_preposition_governs_is_not_the_he_after_it():
    fronts = _fronts(f"{_VELL} {_PATRON} {_TOWN_HOUSE}", "Paul Vell")
    assert "For Gross, Paul Vell designed a town house off the Rambla in {{c1::1886}}." in fronts


@pytest.mark.parametrize(
    ("patron", "title"),
    [
        ("It caught the eye of Emil Gross and his friend Hans Lutz, who became his patrons.", "Paul Vell"),  # Lutz may be meant
        (_PATRON, "Notes"),  # no document's person to be the one left
    ],
)
def test_a_he_after_a_governed_man_is_refused_unless_only_the_documents_person_is_left(patron, title):
    """The other side of the line; the first assertion shows the rule at work, the second where it stops."""
    assert "For Gross, Paul Vell designed a town house off the Rambla in {{c1::1886}}." in _fronts(f"{_VELL} {_PATRON} {_TOWN_HOUSE}", "Paul Vell")
    assert not any("1886" in front and " he " not in front for front in _fronts(f"{_VELL} {patron} {_TOWN_HOUSE}", title))


def test_a_time_word_between_commas_is_no_term():
    park = "For Ada Vane, Karl Lind designed a town house in Leeds, built between 1886 and 1888, as well as stables and, later, a whole park."
    assert "later" not in answers(park, "Karl Lind")


# The lead's review of the ninth held-out set's first look (issue 6): "named her among" wrote "her" as a possessive.
def test_a_her_before_a_preposition_is_an_object_not_a_possessive():
    life = "Mary Velez was a Chilean sculptor born in Valparaiso in 1902. In 1990 the council named her among the founders of the academy."
    fronts = _fronts(life, "Mary Velez")
    assert "In {{c1::1990}} the council named Mary Velez among the founders of the academy." in fronts
    assert not any("Mary Velez's among" in front for front in fronts)

# Forty-ninth round, part A (issue 6): a share written as a fraction word, and a date with its day of the week.

_ISLAND = "Kestrel Island lies in the north of the Orva Sea."


@pytest.mark.parametrize(
    ("sentence", "front"),
    [
        ("Around four-fifths of the copper mined each year goes into wiring.", "{{c1::Around four-fifths}} of the copper mined each year goes into wiring."),
        ("Two-thirds of the island is covered by ice.", "{{c1::Two-thirds}} of the island is covered by ice."),
        ("Nearly half of the island is covered by ice.", "{{c1::Nearly half}} of the island is covered by ice."),
        ("A small minority, usually less than a tenth, fall as hail.", "A small minority, usually {{c1::less than a tenth}}, fall as hail."),
        ("The valve holds the pulse back for about a tenth of a second.", "The valve holds the pulse back for {{c1::about a tenth of a second}}."),
        ("The path climbs about three quarters of a mile to the top.", "The path climbs {{c1::about three quarters of a mile}} to the top."),
        ("About a quarter of a million people visit the falls each year.", "About {{c1::a quarter of a million}} people visit the falls each year."),
    ],
)
def test_a_share_written_as_a_fraction_word_is_asked(sentence, front):
    assert f"(Kestrel Island) {front}" in _fronts(f"{_ISLAND} {sentence}", "Kestrel Island")


@pytest.mark.parametrize(
    "sentence",
    [
        "The guide told half the story to the visitors in 1950.",  # "half" alone, an idiom
        "In 1950 the ice sheet split in half near Vik.",
        "The French quarter of the town burned in 1950.",  # a place
        "One of the storms flattened the town in 1950.",
        "Ada Brand came a third in the race of 1950.",  # an ordinal, no share of anything
    ],
)
def test_a_fraction_word_that_is_no_share_is_not_asked(sentence):
    """The other side of the line; the first assertion shows the rule at work, the second where it stops."""
    assert any("{{c1::about four-fifths}}" in front for front in _fronts(f"{_ISLAND} In 1950 about four-fifths of the town burned.", "Kestrel Island"))
    fronts = _fronts(f"{_ISLAND} {sentence}", "Kestrel Island")
    assert fronts and not any(re.search(r"\{\{c1::[^}]*(?:half|quarter|third|One)\b", front) for front in fronts)


def test_a_number_opening_the_sentence_with_a_hyphen_is_asked():
    """A hyphenated word opening the sentence is refused as an adjective ("Irish-born"), not as a number."""
    fronts = _fronts(f"{_ISLAND} Twenty-five workers died on the island in 1950.", "Kestrel Island")
    assert "(Kestrel Island) {{c1::Twenty-five}} workers died on the island in 1950." in fronts
    assert not any("{{c1::Irish-born}}" in front for front in _fronts(f"{_ISLAND} The Irish-born engineer Tom Vane built the pier in 1950.", "Kestrel Island"))


@pytest.mark.parametrize(
    ("sentence", "front"),
    [
        ("By Friday 9 March the river had fallen.", "By {{c1::Friday 9 March}} the river had fallen."),
        ("The flood began on Tuesday 6 March 1906 and lasted a week.", "The flood began on {{c1::Tuesday 6 March 1906}} and lasted a week."),
        ("The hall is closed to the public on Mondays, when the floors are waxed.", "The hall is closed to the public on {{c1::Mondays}}, when the floors are waxed."),
    ],
)
def test_a_date_with_its_day_of_the_week_and_a_day_that_comes_back_are_asked(sentence, front):
    assert f"(Kestrel Island) {front}" in _fronts(f"{_ISLAND} {sentence}", "Kestrel Island")


@pytest.mark.parametrize(
    "sentence",
    [
        "The flood reached the harbour on Friday.",  # which Friday?
        "The ferry sails to the harbour on Saturday mornings.",  # more than the day
        "On Monday morning Tom Vane left the harbour.",
        "The shops on the harbour closed on Sundays.",  # the day of rest anyone guesses
    ],
)
def test_a_day_of_the_week_alone_is_not_asked(sentence):
    """The other side of the line; the first assertion shows the rule at work, the second where it stops."""
    assert "(Kestrel Island) The ferry sails to the harbour on {{c1::Saturdays}}." in _fronts(f"{_ISLAND} The ferry sails to the harbour on Saturdays.", "Kestrel Island")
    assert not any(re.search(r"\{\{c1::\w*day", front) for front in _fronts(f"{_ISLAND} {sentence}", "Kestrel Island"))

# Forty-ninth round, part B (issue 6): which person a pronoun stands for, and each person's gender.

_VELEZ = "Marta Velez was a Chilean sculptor born in Valparaiso in 1902. She studied in Paris."
_VELEZ_DIED = "She died in Lima in 1977."


def test_the_documents_person_takes_the_gender_of_the_leading_pronouns_after_her_name():
    """A first name the lexicon does not know, and no pronoun in the naming sentence: the "She" right after it says it."""
    commission = "Her first major commission was the Harbour Fountain, begun in 1931."
    fronts = _fronts(f"{_VELEZ} {commission} {_VELEZ_DIED}", "Marta Velez")
    assert "In what year did Marta Velez die in Lima?" in fronts
    assert "Marta Velez's first major commission was the {{c1::Harbour Fountain}}, begun in 1931." in fronts


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # the document uses both genders so (the life of a couple): either may be meant
        (f"{_VELEZ} Marta Velez sold the foundry in 1950. He moved to Quito. {_VELEZ_DIED}", "Marta Velez"),
        (f"{_VELEZ} {_VELEZ_DIED}", "Notes"),  # not the document's person
        # the sentence before tells of another person ("an assistant"), whose "He" it may be
        ("Marta Velez hired an assistant in 1930. He studied in Paris. He died in Lima in 1977.", "Marta Velez"),
    ],
)
def test_the_leading_pronouns_give_no_gender_when_they_disagree_or_are_not_the_documents_persons(text, title):
    assert "In what year did Marta Velez die in Lima?" in _fronts(f"{_VELEZ} {_VELEZ_DIED}", "Marta Velez")
    assert "In what year did Marta Velez die in Lima?" not in _fronts(text, title)


def test_a_rulers_word_says_his_gender_beside_a_womans_pronoun_for_his_wife():
    text = "The emperor Rao Tan married Lin Shu Mei in 1612, and she was given the title Jade Consort. He built the Moon Gate in 1630."
    assert "In what year did Rao Tan build the Moon Gate?" in _fronts(text, "Rao Tan")


_YOUNG_REYES = "Tom Reyes was a mathematician born in Leeds in 1911. Young Tom Reyes loved numbers; his father, a clerk, despaired of him."
_HARCOURT = "In 1926 he started at Harcourt School in Kent."


def test_a_he_after_an_opening_is_the_young_person_the_sentence_before_tells_of():
    assert "In what year did Tom Reyes start at Harcourt School in Kent?" in _fronts(f"{_YOUNG_REYES} {_HARCOURT}", "Tom Reyes")
    # the line: a father named in the sentence before may be the "he"
    named_father = _YOUNG_REYES.replace("his father, a clerk,", "his father, Karl Reyes, a clerk,")
    assert not any("Harcourt" in front and " he " not in front for front in _fronts(f"{named_father} {_HARCOURT}", "Tom Reyes"))


def test_a_man_whose_sentence_tells_of_another_man_as_him_is_not_the_his_after_it():
    text = (
        "Tom Reyes was a surveyor born in Leeds in 1831. He built the Avon Bridge in 1866. The surgeon Karl Lind treated him at "
        "Bristol. His toes were amputated, he refused most treatment, and he died of tetanus on 22 July 1869."
    )
    assert not any("Karl Lind died" in front for front in _fronts(text, "Tom Reyes"))
    # the other side: with no "him", the one man of the sentence before is taken as before
    assert "Karl Lind died of {{c1::tetanus}} on 22 July 1869." in _fronts(text.replace("treated him at Bristol", "came to Bristol"), "Notes")


_OLD_EMPEROR = "Rao Tan built the Moon Gate in 1630. Rao Tan fell ill in 1657. The old emperor spent his last eight years confined in Red Fort."


@pytest.mark.parametrize("title", ["Rao Tan", "Notes"])
def test_a_he_after_a_subject_called_by_a_mans_noun_is_the_one_person_named_before_it(title):
    assert "Rao Tan died in {{c1::January 1666}}." in _fronts(f"{_OLD_EMPEROR} He died in January 1666.", title)


@pytest.mark.parametrize(
    "changed",
    [
        _OLD_EMPEROR.replace("Rao Tan fell ill", "Rao Tan quarrelled with Lin Wei"),  # two people the noun may be
        _OLD_EMPEROR.replace("The old emperor", "The old gardener"),  # no word of a man or a woman
        _OLD_EMPEROR.replace("The old emperor spent his", "The old empress spent her"),  # the other gender
    ],
)
def test_a_he_after_a_subject_called_by_a_noun_is_refused_when_the_noun_does_not_fit_one_person(changed):
    assert "Rao Tan died in {{c1::January 1666}}." in _fronts(f"{_OLD_EMPEROR} He died in January 1666.", "Notes")
    assert "Rao Tan died in {{c1::January 1666}}." not in _fronts(f"{changed} He died in January 1666.", "Notes")


# The lead's review of round 49B (issue 6): "The boy" went back to a woman the document gives no gender.
def test_a_person_of_unsure_gender_is_not_the_boy_of_the_sentence_after():
    life = (
        "Tom Reyes was born in Leeds in 1818. At about eight he was sent to York to serve the family of Hugh Lund. "
        "Ottilie Lund, the mistress of the house, began to teach him the alphabet until her husband stopped her. "
        "The boy drew his own conclusion. He traded bread for reading lessons, and at twelve he paid fifty cents for a primer."
    )
    fronts = _fronts(life, "Tom Reyes")
    assert not any("Ottilie Lund traded" in front or "Ottilie Lund paid" in front for front in fronts)
    assert "Tom Reyes traded bread for reading lessons, and at twelve he paid {{c1::fifty}} cents for a primer." in fronts


# The lead's review of round 49A: a weekday came to be asked in a sentence whose "It" had been read as the one
# acting on the topic in the sentence before.
@pytest.mark.parametrize(
    "listing",
    [
        "The Arden Council inscribed the Vega Tower on its list of landmarks in 1983.",
        'UNESCO inscribed the Vega Tower on its World Heritage List in 1983, calling it "a jewel".',
    ],
)
def test_an_it_after_a_name_acting_on_the_topic_is_not_that_name(listing):
    text = f"The Vega Tower was finished in 1931. {listing} It attracts millions of visitors a year and is closed on Fridays."
    assert not any(" attracts" in front and "It attracts" not in front for front in _fronts(text, "The Vega Tower"))


# Forty-ninth round, part C (issue 6): a term a naming verb gives inside the clause, and a law, principle, effect or cycle
# named after someone, asked whole.

_SEA = "The Orva Sea lies between Kestrel Island and the mainland."


def test_a_term_a_pronoun_names_inside_its_clause_is_asked():
    """The other side of the line: "called" after a time is phoning ("On the day she called the police")."""
    suggestions = suggest("Alan Brisk was a mathematician from Leeds. He invented a parlour game he called the shadow test, in which a judge questions two hidden players.", "Alan Brisk")
    assert any(s.answer == "shadow test" and s.rule == "cloze:term" for s in suggestions)
    fronts = _fronts("Ada Brisk was a nurse from Leeds. On the day she called the police, the house in Leeds was empty.", "Ada Brisk")
    assert fronts and not any("{{c1::police}}" in front for front in fronts)


@pytest.mark.parametrize(
    ("sentence", "front"),
    [
        ("By Ostrander's principle, a cold sea favours fog, but at sea the effect is weak.", "By {{c1::Ostrander's principle}}, a cold sea favours fog, but at sea the effect is weak."),
        ("The Ostrander principle explains why a cold sea favours fog.", "The {{c1::Ostrander principle}} explains why a cold sea favours fog."),
        ("The cable carried a series of values known as the Kessler numbers.", "The cable carried a series of values known as the {{c1::Kessler numbers}}."),
    ],
)
def test_a_law_or_principle_named_after_someone_is_one_term(sentence, front):
    """Before: "By Ostrander's {{principle}}" (a description read after "principle,") and nothing for "the Kessler
    numbers" (the name alone is half a term)."""
    assert f"(Orva Sea) {front}" in _fronts(f"{_SEA} {sentence}", "Orva Sea")


@pytest.mark.parametrize(
    "sentence",
    [
        "Its tides obey Isaac Newton's law of gravitation in every season.",  # the term goes on after "of"
        "Soapy Smith's rule over the harbour ended on July 8, 1898.",  # a reign, no idea
        "Nitrogen passes through the sea in four steps. It is called the Dorn cycle after Ruth Dorn, who worked out its steps in 1951.",
        "Rain causes a dilution of the surface salt. This dilution is called the Harl effect, after the chemist Otto Harl.",
    ],
)
def test_a_named_idea_is_not_asked_where_the_card_cannot_say_what_it_names(sentence):
    """The other side of the line: "It is called …" names what the "it" is, which the label cannot tell (before: "(Orva
    Sea) It is called the {{nitrogen wheel}} …" read the "it" as the sea); "This dilution" leans."""
    assert "(Orva Sea) Under {{c1::Ostrander's law}}, a cold sea favours fog." in _fronts(f"{_SEA} Under Ostrander's law, a cold sea favours fog.", "Orva Sea")
    assert not any("{{c1::nitrogen wheel}}" in front for front in _fronts(f"{_SEA} Nitrogen passes through the sea in four steps. It is called the nitrogen wheel after Ruth Dorn.", "Orva Sea"))
    assert not any(re.search(r"(?:law|rule|cycle|effect)\}\}|\{\{c1::(?:Isaac Newton|Soapy Smith)\b", front) for front in _fronts(f"{_SEA} {sentence}", "Orva Sea"))


# Fiftieth round, part B (issue 6): an apposition inside a sentence's subject that holds the pronoun the card cannot read
# is left out, when the other half says who or what the subject is.

_ISOTOPES = "Hydrogen has three isotopes."
_DORLEY = "Ann Dorley was born in 1801 in Whitby."


def test_a_description_between_a_subject_and_its_verb_that_dangles_is_left_out():
    """Before: nothing (the description's "it" stood for nothing). The other side of the line: a description that
    holds a name, a phrase that is no description (no article or possessive), a list."""
    found = suggest(f"{_ISOTOPES} The half-life of tritium, the time it takes for half of any amount of it to decay, is 12.3 years.", "How isotopes work", 1000)
    assert [(s.front, s.answer) for s in found if s.answer == "12.3 years"] == [("What is the half-life of tritium?", "12.3 years")]
    for sentence in (
        "The half-life of tritium, the value that Ernest Rutherford gave them, is 12.3 years.",
        "The half-life of tritium, measured with it in 1939, is 12.3 years.",
        "The half-life of tritium, the time it takes to decay, and its energy were measured in 1939.",
    ):
        assert not any("tritium" in front for front in _fronts(f"{_ISOTOPES} {sentence}", "How isotopes work"))


def test_a_description_before_a_persons_name_that_dangles_is_left_out():
    """Before: nothing ("their" stood for nothing). The other side of the line: a thing's name after the description, a
    name inside the description, a pronoun outside the apposition."""
    fronts = _fronts(f"{_DORLEY} In 1820 a rich buyer of their carvings, Colonel Henry Marsh, sold his own collection for the family's benefit.", "Ann Dorley")
    assert "(Ann Dorley) In 1820 Colonel {{c1::Henry Marsh}} sold his own collection for the family's benefit." in fronts
    for sentence in (
        "In 1820 a rich buyer of their carvings, the Marsh Gallery, sold its own collection for the family's benefit.",
        "In 1820 a friend of their cousin Tom Ives, Colonel Henry Marsh, sold his own collection for the family's benefit.",
        "In 1820 a rich buyer, Colonel Henry Marsh, sold their carvings for a high price.",
    ):
        assert not any("1820" in front for front in _fronts(f"{_DORLEY} {sentence}", "Ann Dorley"))

# Fiftieth round, part C (issue 6): common-noun facts of explainers: where a thing is made or found, an amount with
# "a" for its number, what a method measures.
_TRITIUM = "Tritium is a radioactive form of hydrogen with a half-life of 12.3 years."
_TRITIUM_NAMED_AGAIN = "Water from Tritium tests is rare."  # a capital inside a sentence makes "Tritium" a name


@pytest.mark.parametrize(
    ("sentence", "front"),
    [
        ("It is made continuously in the upper atmosphere.", "Tritium is made continuously in the {{c1::upper atmosphere}}."),
        ("Most of the gas is stored inside the steel flasks.", "(Tritium) Most of the gas is stored inside the {{c1::steel flasks}}."),
    ],
)
def test_where_a_thing_is_made_or_found_is_asked(sentence, front):
    """Before: no card (nothing in the sentence was a fact); the "It" is the topic the sentence before opens with."""
    assert front in _fronts(f"{_TRITIUM} {sentence} {_TRITIUM_NAMED_AGAIN}", "Tritium")


@pytest.mark.parametrize(
    "sentence",
    [
        "The salt is made in the same way.",  # an idiom
        "The ore was found in the end.",
        "The gas is produced in the process.",
        "The salt is stored in the cellar until spring.",  # the noun phrase does not end the clause
        "The salt is produced in the deep mines of the north.",
    ],
)
def test_an_idiom_or_a_place_that_goes_on_is_no_place_of_making(sentence):
    """The other side of the line: only a noun phrase that ends the clause, and no idiom of "in the"."""
    text = f"{_TRITIUM} It is made in the upper atmosphere. {sentence} {_TRITIUM_NAMED_AGAIN}"
    # (and "a radioactive form of {{hydrogen}}", a substance: round 95, part B)
    assert [s.answer for s in suggest(text, "Tritium", 1000) if s.rule == "cloze:term"] == ["upper atmosphere", "hydrogen"]


@pytest.mark.parametrize(
    ("sentence", "answer"),
    [
        ("A single test uses about a milligram of carbon.", "about a milligram"),
        ("A typical sample holds a litre of seawater.", "a litre"),
        ("A full cask weighs a tonne.", "a tonne"),
        ("A loaded cart weighs a tonne and a half.", "a tonne and a half"),
    ],
)
def test_an_amount_with_a_for_its_number_is_a_quantity(sentence, answer):
    """Before: no card ("a milligram" had no number)."""
    assert answer in {s.answer for s in suggest(f"{_TRITIUM} {sentence}", "Tritium", 1000) if s.rule == "cloze:quantity"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The worker cut a foot of the old bed.",  # a body part, no measure
        "The worker paid a pound of flesh.",  # an idiom
        "The worker tried a second time.",  # an ordinal
        "The first camp lay about a mile from the wreck.",  # a distance said in passing, no material measured
        "The worker carried a metre of the wall.",  # no amount word and no verb that measures
    ],
)
def test_a_unit_after_a_without_an_amount_of_a_material_is_no_quantity(sentence):
    """The other side of the line: only a unit of measure, of a material after an amount word or after a verb that measures."""
    text = f"{_TRITIUM} A single test uses about a milligram of carbon. {sentence}"
    assert [s.answer for s in suggest(text, "Tritium", 1000) if s.rule == "cloze:quantity"] == ["about a milligram"]


@pytest.mark.parametrize(
    ("sentence", "front"),
    [
        ("Tritium dating measures the age of groundwater.", "Tritium dating measures the age of {{c1::groundwater}}."),
        ("The method is used to date cave paintings.", "(Tritium) The method is used to date {{c1::cave paintings}}."),
    ],
)
def test_what_a_method_measures_or_dates_is_asked(sentence, front):
    """Before: no card."""
    assert front in _fronts(f"{_TRITIUM} {sentence} {_TRITIUM_NAMED_AGAIN}", "Tritium")


@pytest.mark.parametrize(
    "sentence",
    [
        "Tritium dating measures the age of groundwater in deep wells.",  # the object does not end the sentence
        "The method was used to date them for years.",  # a pronoun, then a time
        "The chapel is used for prayers.",  # what a thing is used for: an everyday word, not asked
    ],
)
def test_a_use_or_a_measure_that_goes_on_is_not_asked(sentence):
    """The other side of the line: a common noun of one to three words ending the sentence after "measures the age
    of" or "is used to date"; nothing after "is used for"."""
    text = f"{_TRITIUM} Tritium dating measures the age of groundwater. {sentence} {_TRITIUM_NAMED_AGAIN}"
    # (and "a radioactive form of {{hydrogen}}", a substance: round 95, part B)
    assert [s.answer for s in suggest(text, "Tritium", 1000) if s.rule == "cloze:term"] == ["groundwater", "hydrogen"]


# Fiftieth round, part A (issue 6): a ruler's numeral and a rank in a person's name, a nationality before a first name
# the lexicon does not know, and a pronoun of a clause that describes an object, which stays.

_HARBOUR = "The Varn harbour lies on the Brisk estuary."


@pytest.mark.parametrize(
    ("sentence", "front"),
    [
        (
            "On 3 May 1204, King Olaf I of Varn stood on the quay at Brisk and declared the new harbour open.",
            "On 3 May 1204, King {{c1::Olaf I}} of Varn stood on the quay at Brisk and declared the new harbour open.",
        ),
        ("In 1204 King Olaf I of Varn declared the new harbour open.", "In {{c1::1204}} King Olaf I of Varn declared the new harbour open."),
        ("In 1204 Pope Leo X and the Emperor Charles V met at Brisk.", "In 1204 Pope {{c1::Leo X}} and the Emperor Charles V met at Brisk."),
        ("In 1453 Sultan Mehmed II took the fort at Brisk.", "In 1453 Sultan {{c1::Mehmed II}} took the fort at Brisk."),
        ("Elizabeth I of England sent a fleet of 40 ships to Brisk in 1588.", "{{c1::Elizabeth I}} of England sent a fleet of 40 ships to Brisk in 1588."),
    ],
)
def test_a_rulers_numeral_is_part_of_the_name(sentence, front):
    """Before: "I" was read as the writer, which left the sentence unreadable ("King Olaf" and "I of Varn"), and the
    one letter of "Leo X" as a letter of the words after it ("{{Helper T}} cells"); "Sultan" was no title."""
    assert any(shown.endswith(front) for shown in _fronts(f"{_HARBOUR} {sentence}", "Varn harbour"))  # with the label or not


@pytest.mark.parametrize(
    "sentence",
    [
        "When I arrived at Brisk in 1990, the harbour was closed.",
        "In Brisk I met the old harbour master in 1990.",
        "Olaf I died at Brisk in 1210.",  # no title, and a first name the lexicon does not know: the "I" may be the writer
    ],
)
def test_an_i_after_no_first_name_or_rulers_title_is_the_writer(sentence):
    """The other side of the line: the "I" is a numeral only after a first name the lexicon knows or a ruler's title and
    a name ("King Olaf I"); each sentence is refused as first person, as before."""
    assert _fronts_from(f"{_HARBOUR} {sentence}", 1, "Varn harbour") == set()
    assert "(Varn) In 1210 King {{c1::Olaf I}} died at Brisk." in _fronts(f"{_HARBOUR} In 1210 King Olaf I died at Brisk.", "Varn harbour")


def test_a_rank_abbreviation_of_two_words_stays_outside_the_name():
    """ "Rear Adm." as "Rear Admiral": before, "Rear Adm. Tomas Vell" was one name of unknown kind, asked whole."""
    fronts = _fronts("In 1822 Rear Adm. Tomas Vell bought the mill at Brisk.")
    assert "In 1822 Rear Adm. {{c1::Tomas Vell}} bought the mill at Brisk." in fronts
    assert "In 1822 Lt. Col. {{c1::Tomas Vell}} bought the mill at Brisk." in _fronts("In 1822 Lt. Col. Tomas Vell bought the mill at Brisk.")


@pytest.mark.parametrize(
    ("sentence", "front"),
    [
        ("Second came the Hungarian Zoltar Bendek, a clerk from Pest.", "Second came the Hungarian {{c1::Zoltar Bendek}}, a clerk from Pest."),
        ("In 1902 the Hungarian Zoltar Bendek died at Brisk.", "In 1902 the Hungarian {{c1::Zoltar Bendek}} died at Brisk."),
    ],
)
def test_a_nationality_before_a_person_described_so_is_no_part_of_the_name(sentence, front):
    """Before: "the {{Hungarian Zoltar Bendek}}" ("Hungarian" was no nationality the lexicon knew, and "Zoltar" no first
    name: only round 49's known first names took the nationality off)."""
    assert front in _fronts(sentence)


@pytest.mark.parametrize(
    ("sentence", "whole"),
    [
        ("The Hungarian Parliament met in 1867 at Brisk.", "{{c1::Hungarian Parliament}}"),
        ("Hungarian Airlines flew to Brisk from 1946.", "{{c1::Hungarian Airlines}}"),
        ("In 1902 the French Foreign Legion, a unit of the army, took the fort at Brisk.", "{{c1::French Foreign Legion}}"),
        ("In 1902 the Hungarian Zoltar Bendek won the race at Brisk.", "{{c1::Hungarian Zoltar Bendek}}"),  # nothing says a person
    ],
)
def test_a_nationality_before_an_organisation_or_an_undescribed_name_stays(sentence, whole):
    """The other side of the line: an organisation after a nationality, a description of no person, and a name no verb
    of a person or description follows stay whole."""
    assert any(whole in front for front in _fronts(sentence))
    assert "Second came the Hungarian {{c1::Zoltar Bendek}}, a clerk from Pest." in _fronts("Second came the Hungarian Zoltar Bendek, a clerk from Pest.")


def test_a_pronoun_of_a_clause_that_describes_an_object_stays():
    """Before: "In 1950 Alan Brisk invented a parlour game Alan Brisk called the {{shadow test}}, …" (the inner "he" was
    written out as a repeated subject). A "he" that opens a clause of its own after ", and" stays too since round 52A: the
    name is written once, for the leading "he" it replaced."""
    fronts = _fronts("Alan Brisk was a mathematician born in 1902. In 1950 he invented a parlour game he called the shadow test, in which a judge questions two hidden players.", "Alan Brisk")
    assert "In 1950 Alan Brisk invented a parlour game he called the {{c1::shadow test}}, in which a judge questions two hidden players." in fronts
    assert not any("game Alan Brisk called" in front for front in fronts)
    fronts = _fronts("Alan Brisk was a mathematician born in 1902. In 1950 he moved to Leeds, and he founded the Kestrel Club in 1952.", "Alan Brisk")
    assert "In 1950 Alan Brisk moved to Leeds, and he founded the {{c1::Kestrel Club}} in 1952." in fronts


# Fifty-first round, part B (issue 6): the term a thing's part is called after a leading "Its" about the topic, and the
# term a description with "the" and an adjective defines ("the iris, the coloured ring that …").

_EAR = "The ear is the organ of hearing and balance. Sound enters the ear through a narrow canal."


def test_the_part_a_leading_its_names_is_asked_when_the_its_is_the_topic():
    """Before: no card, the copula's subject had to open with "The". The other side of the line: an "Its" after a
    sentence whose subject is another thing ("The canal ends at a thin membrane.") and a person's "Her"."""
    ear = f"{_EAR} The ear turns sound into nerve signals. Its thin outer flap is the pinna."
    assert "The ear's thin outer flap is the {{c1::pinna}}." in _fronts(ear, "How the ear works")
    canal = f"{_EAR} The canal ends at a thin membrane. Its thin outer layer is the cuticle."
    assert not any("cuticle}}" in front for front in _fronts(canal, "How the ear works"))
    poet = "Ada Vane was a poet from Leeds. Ada Vane wrote poems in York. Her eldest sister was the heir."
    assert not any("heir}}" in front for front in _fronts(poet, "Ada Vane"))


@pytest.mark.parametrize(
    ("sentence", "front"),
    [
        ("Between the eardrum and the cochlea lies the middle ear, the small chamber that holds three bones.",
         "Between the eardrum and the cochlea lies the {{c1::middle ear}}, the small chamber that holds three bones."),
        ("At the back of the ear lies the cochlea, the coiled tube that turns sound into signals.",
         "At the back of the ear lies the {{c1::cochlea}}, the coiled tube that turns sound into signals."),
    ],
)
def test_a_term_described_by_an_adjective_a_noun_and_a_relative_clause_is_asked(sentence, front):
    """Before: only one word before the relative clause ("the heliopause, the boundary where …"). The other side of the
    line: a judgement between "the" and the clause ("the oldest trophy that …") describes nothing."""
    assert front in _fronts(f"{_EAR} {sentence}", "How the ear works")
    judged = f"{_EAR} The ear heard the bell, the loudest sound that the town had."
    assert not any("{{c1::bell}}" in front for front in _fronts(judged, "How the ear works"))


def test_a_comma_after_a_short_opening_phrase_leads_to_no_description():
    """The merge's line for part B's description with an adjective: "During the weaving, the workers discovered
    that …" had asked "During the {{weaving}}" (its two words "workers discovered" read as a described noun)."""
    text = "The Tay Mill was built in 1840. During the weaving, the workers discovered that a supplier, Tom Brisk, had sent rotten thread."
    assert not any("weaving}}" in front for front in _fronts(text, "The Tay Mill"))


# Fifty-first round, part A (issue 6): who "it" and "she" are where the sentence before names someone or something its
# pronoun is not: a name in its opening phrase, a name after its own unread "it", the topic's relatives, a subject's own
# possessive.
_CLOCK_HOUSE = "The Harwick Clock House: A History"


def test_a_name_in_the_opening_phrase_before_is_no_it():
    inverted = (
        "On a low ridge in Marlow Common, looking out over the River Tarn towards the Vale of Essing, stands a narrow stone"
        " tower with a bell on top. It was built in 1702 as the Town Clock, and for two centuries it was the timekeeper of"
        " the valley."
    )
    governed = (
        "The Harwick Clock House was restored in 1950. After the Great Frost the Tarn Valley Clock Society, as it was then"
        " known, moved to Essing Castle in Wessex, a move finished in 1931. It later moved to Leeds in 1975 and was closed in 1992."
    )
    fronts = _fronts(f"{inverted}\n\n{governed}", _CLOCK_HOUSE)
    assert not any("Vale of Essing was built" in front or "Great Frost moved" in front for front in fronts)
    # shown with the sentence before, whose "it" the reader sees is the tower (the society)
    assert any(front.endswith("It was built in {{c1::1702}} as the Town Clock.") for front in fronts)
    assert any(front.endswith("It later moved to Leeds in {{c1::1975}} and was closed in 1992.") for front in fronts)
    # the line: a name an opening only dates stays the subject after it, and a verb of position with no opening before it
    # has its subject first
    fronts = _fronts(
        "In 1904 the Kestrel Motor Company opened a works in Leeds. It built 400 cars in its first year.\n\n"
        "During the Great Frost the Tarn Valley Clock Society lost its roof. It moved to Leeds in 1975.\n\n"
        "The Vega Tower stands a hundred metres from the river. It was built in 1902 by Acme."
    )
    assert "The Kestrel Motor Company built {{c1::400}} cars in its first year." in fronts
    assert "The Tarn Valley Clock Society moved to {{c1::Leeds}} in 1975." in fronts
    assert "The Vega Tower stands a hundred metres from the river. It was built in {{c1::1902}} by Acme." in fronts


def test_an_it_after_a_sentence_whose_subject_is_an_unread_it_is_no_name_of_its_clauses():
    text = (
        "The Harwick Clock House was restored in 1950. In 1880 a brass ball was fixed to a pole on the roof of Tarn Hall."
        " Every evening it rises and, at exactly six o'clock, falls, so that the bargemen on the Tarn could set their"
        " watches by it. It still falls at 6 p.m. every day."
    )
    assert not any("Tarn still falls" in front or "Tarn Hall still" in front for front in _fronts(text, _CLOCK_HOUSE))


_ADA_VANE = "Ada Vane was born in Bath in 1830. Her father, Hugh Vane, was a printer."


def test_the_topics_relatives_named_through_her_possessive_leave_her_the_she():
    text = (
        f"{_ADA_VANE} Her brother, Tom Vane, was two years older; her sister Kim, known to all as Kitty, was a year younger."
        " For six years she attended Bath Academy, where she studied Greek and botany."
    )
    fronts = _fronts(text, "Ada Vane: A Life")
    assert "For {{c1::six years}} Ada Vane attended Bath Academy, where she studied Greek and botany." in fronts
    assert not any("Kim attended" in front for front in fronts)


def test_a_named_subjects_own_possessive_says_who_she_is():
    text = (
        f"{_ADA_VANE} Her sister Kim, known to all as Kitty, was a year younger.\n\nAda Vane died in Bath in 1886. Kitty had promised to burn her sister's diaries, and she did. Then, in"
        " a drawer in Ada's study, she found nearly 900 letters, and she decided they must be printed."
    )
    fronts = _fronts(text, "Ada Vane: A Life")
    # the "she" goes on with Kitty, and Kitty's "her" is left as written, never the topic's
    assert "In a drawer in Ada's study, Kitty found {{c1::nearly 900}} letters, and she decided they must be printed." in fronts
    assert "(Ada Vane) {{c1::Kitty}} had promised to burn her sister's diaries, and she did." in fronts
    assert not any("Ada Vane found" in front or "Ada Vane's sister's" in front for front in fronts)


# Fifty-second round, part A (issue 6): a name written once for a pronoun repeated in its sentence, the topic's article
# when the title gives it one, and an object "him" or "her" that the subject of its own verb cannot be.

_RUTH_CALDER = "Ruth Calder was a Scottish engineer born in 1881."


def test_a_repeated_subject_pronoun_stays_after_the_name_that_replaced_the_first():
    """Before: "For {{six years}} Ruth Calder attended Harris Academy, where Ruth Calder studied …" (the name twice). The
    name is written once, for the leading "she"; the "she" after ", where" or ", and" stays as the sentence wrote it (the
    name it repeats is the one just written). A "he" that describes an object stays as before ("a game he called …")."""
    fronts = _fronts(f"{_RUTH_CALDER} For six years she attended Harris Academy, where she studied mathematics and drawing.", "Ruth Calder")
    assert "For {{c1::six years}} Ruth Calder attended Harris Academy, where she studied mathematics and drawing." in fronts
    fronts = _fronts(f"{_RUTH_CALDER} In 1905 she married Tom Reid, and she moved to Leeds.", "Ruth Calder")
    assert "In 1905 Ruth Calder married Tom Reid, and she moved to {{c1::Leeds}}." in fronts
    assert not any(front.count("Ruth Calder") > 1 for front in fronts)
    # the other side of the line: a "she" after a subject the sentence itself names repeats no pronoun, and two women
    # before it still leave it dangling; the sentence is cut before it
    fronts = _fronts("Ruth Calder met Ann Moss in Ripon in 1905, and she moved to Dover.", "Notes")
    assert not any("moved to" in front for front in fronts)
    assert "Ruth Calder met {{c1::Ann Moss}} in Ripon in 1905." in fronts


def test_the_topic_takes_the_article_its_title_gives_it():
    """Before: "Kell Trial opened on {{3 May 1911}} …" for "The trial opened …". A title that is the name after "The" (also
    before a colon) gives the name its article in a sentence; a title that goes on after the name, or a person's name,
    gives none."""
    text = (
        "The Kell Trial was held in Ohio in 1911. A young miner stood trial in a small town for striking a foreman. The case of Ohio v. Samuel Kell"
        " lasted only six days and ended with a fine of $50. The trial opened on 3 May 1911 in the Dunmore Courthouse."
    )
    assert "The Kell Trial opened on {{c1::3 May 1911}} in the Dunmore Courthouse." in _fronts(text, "The Kell Trial")
    assert "The Kell Trial opened on {{c1::3 May 1911}} in the Dunmore Courthouse." in _fronts(text, "The Kell Trial: a town on trial")
    assert not any(front.startswith("The Kell Trial opened") for front in _fronts(text, "Kell Trial"))
    fronts = _fronts("Marie Curie was born in Warsaw in 1867. She moved to Paris in 1891.", "The Marie Curie Story")
    assert "In what year did Marie Curie move to Paris?" in fronts


def test_an_object_pronoun_is_not_the_subject_of_its_own_verb():
    """Before: "(Marlow Light) {{Karl Lind}} succeeded him as keeper in 1720." (the "him" read as Karl Lind). An object
    "him" or "her" is not the subject of its own verb: it is the person the sentence before is about when that sentence's
    subject is the one person of that gender it names; otherwise the sentence is refused."""
    lead = "The Marlow Light is a lighthouse on the coast of Kent. "
    fronts = _fronts(lead + "Tom Vane was the first keeper of the Marlow Light. Karl Lind succeeded him as keeper in 1720.", "The Marlow Light")
    assert "(Marlow Light) Karl Lind succeeded Tom Vane as keeper in {{c1::1720}}." in fronts
    fronts = _fronts(lead + "Ann Cole was the first keeper of the Marlow Light. In 1720 Karl Lind succeeded her as keeper.", "The Marlow Light")
    assert "(Marlow Light) In {{c1::1720}} Karl Lind succeeded Ann Cole as keeper." in fronts


@pytest.mark.parametrize(
    "before",
    [
        "Tom Vane hired Sam Cole in 1700.",  # two men: which one?
        "His own star chart appeared in 1715.",  # no person named as the subject
        "The first keeper of the Marlow Light was a fisherman.",  # no one named
    ],
)
def test_an_object_pronoun_with_no_one_person_before_it_is_refused(before):
    """The other side of the line: with two men in the sentence before, or none as its subject, "him" stays unread and
    the sentence gives no card (it had given "{{Karl Lind}} succeeded him …")."""
    fronts = _fronts(f"The Marlow Light is a lighthouse on the coast of Kent. {before} Karl Lind succeeded him as keeper in 1720.", "The Marlow Light")
    assert not any("succeeded" in front for front in fronts)


def test_a_term_named_after_someone_the_sentence_names_is_not_asked():
    """The lead's review of part B: "…; this release is called the {{Marren effect}}, after the chemist Hans Marren."
    gives its answer away."""
    text = (
        "Peat grows slowly in cold wet ground. Draining a bog releases carbon stored for thousands of years; this release"
        " is called the Marren effect, after the chemist Hans Marren."
    )
    assert not any("{{c1::Marren effect}}" in front for front in _fronts(text, "How peat works"))
    text = text.replace(", after the chemist Hans Marren", "")
    assert any("{{c1::Marren effect}}" in front for front in _fronts(text, "How peat works"))


def test_an_object_pronoun_after_an_organisation_is_read_as_before():
    """The lead's review of part A: only a person can be the subject that an object "him" is not; before the review,
    "the University of Dundee made him …" lost the university as what stands before "him", and the card that shows
    the sentence before (which names Reid) was refused."""
    text = (
        "Tom Reid was a Scottish engineer born in 1881. He grew up in Perth. Back in Dundee, Reid gave a series of public"
        " talks in Perth from 1905 under the patronage of Lord Airlie. Their success earned him a post: in 1908 the"
        " University of Dundee made him lecturer in mechanics, and the following year he moved to the chair of physics."
    )
    assert any("in {{c1::1908}} the University of Dundee made him lecturer in mechanics" in front for front in _fronts(text, "Tom Reid"))


# Fifty-second round, part B (issue 6): naming sentences: "this X is called Y" in the second clause of a sentence whose
# first clause describes X, and the term people call a described plural ("Critics call these thirty notebooks quires.").

_PEAT = "Peat grows slowly in cold wet ground."


def test_this_x_is_called_y_after_a_semicolon_names_what_the_first_clause_describes():
    """Before: refused for the "this" (unreadable). Round 111, part C: a "this" after a semicolon that gives no name
    ("this release warms the air …") points at the clause before it too, which the card shows (it was cut at the
    semicolon before)."""
    named = f"{_PEAT} Draining a bog releases carbon stored for thousands of years; this release is called the Marren effect."
    assert ("Draining a bog releases carbon stored for thousands of years; this release is called the {{c1::Marren effect}}."
            in _fronts(named, "How peat works"))
    unnamed = f"{_PEAT} Draining a bog releases carbon stored for 4,000 years; this release warms the air."
    assert any("4,000 years; this release warms the air." in front for front in _fronts(unnamed, "How peat works"))


_SONGS = "Ada Vane wrote most of her songs between 1901 and 1910. She copied about three hundred of them into small notebooks."


def test_the_term_people_call_a_described_plural_is_asked_alone():
    """Before: no term after "call these … notebooks", and the "these" refused the sentence. Only the term is asked
    (which thirty notebooks?), and the line: a person calling ("James called these boys cousins.") and words that do
    not end the sentence name no term."""
    fronts = _fronts(f"{_SONGS} Critics call these thirty notebooks quires.", "Ada Vane")
    assert "(Ada Vane) Critics call these thirty notebooks {{c1::quires}}." in fronts
    assert not any("{{c1::thirty}}" in front for front in fronts)
    winds = _fronts("Ada Vane sailed south in 1901. Sailors called the cold winds williwaws.", "Ada Vane")
    assert "(Ada Vane) Sailors called the cold winds {{c1::williwaws}}." in winds
    person = _fronts("Ada Vane sailed south in 1901. James called these boys cousins.", "Ada Vane")
    assert not any("cousins}}" in front for front in person)
    judged = _fronts("Ada Vane sailed south in 1901. Critics call these thirty notebooks her best work.", "Ada Vane")
    assert not any("work}}" in front for front in judged)


# Fifty-second round, part C (issue 6): a leading possessive that the sentence before does not settle, set before the
# name it describes ("Her grandfather, Tomas Harl, …"), goes, and the name is the subject; not when the rest of the
# sentence speaks of the same owner again.

_TWO_WOMEN = "Ada Vane and her cousin Kim Hale grew up in Bath."
_HARL_HOUSE = "The foundation stone was laid on 3 May 1699, and the building, now called Harl House, was finished in 1700."


@pytest.mark.parametrize(
    ("text", "title", "front"),
    [
        (
            f"{_TWO_WOMEN} Her grandfather, Tomas Harl, had helped to found Kestrel College in 1801.",
            "Ada Vane",
            "(Ada Vane) Tomas Harl had helped to found {{c1::Kestrel College}} in 1801.",
        ),
        (
            f"{_HARL_HOUSE} Its grandest space, the Blue Room, held two clocks by Tomas Vell with pendulums 13 feet long.",
            "Kestrel Tower",
            "The Blue Room held two clocks by {{c1::Tomas Vell}} with pendulums 13 feet long.",
        ),
        (
            "The Kestrel Tower was built in 1700. The work was done by the Acme Guild, the company that builds towers in"
            " Wales. Its engineer-in-chief, Tomas R. Harl, designed a new and taller tower on the hill.",
            "Kestrel Tower",
            "(Kestrel Tower) {{c1::Tomas R. Harl}} designed a new and taller tower on the hill.",
        ),
    ],
)
def test_a_leading_possessive_that_nothing_settles_goes_before_the_name_it_describes(text, title, front):
    """Before: nothing (whose grandfather, whose space: the sentence before offers two, or none). A possessive the
    sentence before settles is still written out, with the relation."""
    assert front in _fronts(text, title)
    settled = _fronts("Ada Vane was born in Bath in 1830. Her grandfather, Tomas Harl, had helped to found Kestrel College in 1801.", "Ada Vane")
    assert "Ada Vane's grandfather, Tomas Harl, had helped to found {{c1::Kestrel College}} in 1801." in settled
    assert not any("Tomas Harl had" in found for found in settled)


_TWO_BUILDERS = "The tower was begun by Tomas Vell and finished by Hugh Harl."


@pytest.mark.parametrize(
    ("given", "refused", "front"),
    [
        (
            f"{_TWO_BUILDERS} His own catalogue, the Kestrel Atlas, appeared in 1725.",
            f"{_TWO_BUILDERS} His own catalogue, the Kestrel Atlas, appeared in 1725, six years after he died.",
            "The Kestrel Atlas appeared in {{c1::1725}}.",
        ),
        (
            f"{_HARL_HOUSE} Its grandest space, the Blue Room, held two clocks by Tomas Vell.",
            f"{_HARL_HOUSE} Its grandest space, the Blue Room, held two clocks by Tomas Vell until it burned.",
            "The Blue Room held two clocks by {{c1::Tomas Vell}}.",
        ),
        (
            f"{_TWO_WOMEN} Her brother, Tom Vane, founded Kestrel College in 1801.",
            f"{_TWO_WOMEN} Her brother, Tom Vane, and her uncle Hugh Harl founded Kestrel College in 1801.",
            "Tom Vane founded {{c1::Kestrel College}} in 1801.",
        ),
        (
            f"{_TWO_WOMEN} Her brother, Tom Vane, founded Kestrel College in 1801.",
            f"{_TWO_WOMEN} Her brother, Tom Vane, was the last to leave Kestrel College, in 1801.",
            "Tom Vane founded {{c1::Kestrel College}} in 1801.",
        ),
    ],
)
def test_a_possessive_whose_owner_the_sentence_speaks_of_again_is_not_left_out(given, refused, front):
    """The other side of the line: the same owner again after the name ("he died", "it burned", a list with "her"), or a
    copula, whose description is said beside the owner ("was the last": of whose?), leaves the sentence leaning."""
    title = "Ada Vane" if "Ada Vane" in given else "Kestrel Tower"
    assert front in _fronts(given, title)
    subject = next(name for name in ("The Kestrel Atlas", "The Blue Room", "Tom Vane") if front.startswith(name))
    assert not any(found.startswith(subject) for found in _fronts(refused, title))


def test_a_leading_one_of_before_a_name_and_an_auxiliary_is_joined_without_a_comma():
    """Before: "(Kestrel Dam) {{Tom Vane}}, had caught …", the comma of the apposition left before "had"."""
    fronts = {s.front for s in suggest(_SCALERS + "One of them, Tom Vane, had caught a falling engineer in mid-air.", title="The Kestrel Dam")}
    assert "(Kestrel Dam) {{c1::Tom Vane}} had caught a falling engineer in mid-air." in fronts


# Fifty-second round, the lead's review of part C: the possessive goes only where the name still says who or what it is
# (not a single word, not a namesake of the topic person), and not before a participle that leaves the main verb after a
# comma.


@pytest.mark.parametrize(
    ("text", "title", "garbled"),
    [
        (f"{_HARL_HOUSE} Its great bell, Marianne, hangs in the north tower.", "Kestrel Tower", "Marianne hangs"),
        (
            f"{_HARL_HOUSE} Its largest bell, the Great Tom, cast in 1680 by Tomas Vell, weighs about 6 tonnes.",
            "Kestrel Tower",
            "Great Tom cast in",
        ),
        (
            "Peter Lund was a Danish farmer born in 1850. The farm passed to the family of Anna Holm and Marta Holm. Her"
            " son, Peter Anders, later sold the land to the Dunmore Trust in 1931.",
            "Peter Lund",
            "Peter Anders later sold",
        ),
    ],
)
def test_a_leading_possessive_stays_where_the_name_alone_would_not_say_who_or_what(text, title, garbled):
    """Before: "Marianne hangs in the north tower" (a bell or a woman?), "The Great Tom cast in 1680 …, weighs …", and
    "Peter Anders later sold the land …" read as the topic, Peter Lund."""
    assert not any(garbled in re.sub(r"\{\{c1::|\}\}", "", front) for front in _fronts(text, title))


# Fifty-third round, part B (issue 6): a temperature in degrees ends its sentence ("… at about 56 °C. A cold …" had
# been one sentence, its "C." read as an initial or as "c." for circa), so a list of values sharing one verb is asked
# value by value; and a second verb joined by "and" with no comma is a boundary the claim may be cut at when what
# refuses it lies after ("The post paid £200 a year and came with a house of the same size …").

_BOILING = (
    "A kettle heats water until it boils. Water boils at about 100 °C, the solvent ethanol at about 78 °C, and acetone,"
    " known in the trade as propanone, at about 56 °C. A cold room should stay at 4 °C, which is 39 °F, at which"
    " temperature most germs grow slowly."
)


def test_a_list_of_temperatures_ending_a_sentence_is_asked_value_by_value():
    """Before: nothing (the list and the next sentence were read as one sentence of 47 words)."""
    fronts = _fronts(_BOILING, "How kettles work")
    assert "Water boils at about 100 °C, the solvent ethanol at about 78 °C, and acetone, known in the trade as propanone, at {{c1::about 56 °C}}." in fronts
    assert "Water boils at {{c1::about 100 °C}}, the solvent ethanol at about 78 °C, and acetone, known in the trade as propanone, at about 56 °C." in fronts
    # the line: "should" stays a hedge, so the cold room's recommended value is not asked
    assert not any("cold room" in front for front in fronts)


_OFFERED = "Ada Vane was a librarian born in Bath in 1731. In 1760 she was offered the post of keeper at the Kestrel Library."


def test_a_second_verb_joined_by_and_leaves_the_first_clause_standing():
    """Before: nothing ("the same size" leans, and no comma came before the "and"). The lines: the cut keeps only a
    clause before what refuses the claim, so a "the same sum" before the "and" leaves the sentence refused."""
    fronts = _fronts(f"{_OFFERED} The post paid £200 a year and came with a house of the same size for life, far more than a teacher earned.", "Ada Vane")
    assert "(Ada Vane) The post paid {{c1::£200}} a year." in fronts
    refused = _fronts(f"{_OFFERED} The post paid the same sum as before and came with a house in Bath.", "Ada Vane")
    assert not any("same sum" in front or "house in" in front for front in refused)
    # two verbs of one object ("rebuilt and strengthened it") are no boundary: "… Tom Vane rebuilt." would say nothing
    shared = _fronts("The Kestrel Light was built in 1698. The first storm showed its flaws, so in 1702 Tom Vane rebuilt and strengthened it.", "Kestrel Light")
    assert not any(front.endswith("rebuilt.") for front in shared)



# Fifty-third round, part A (issue 6): pronouns written as the wrong name, and a "he" left unread.


def _plain_fronts(text: str, title: str) -> set[str]:
    return {re.sub(r"\{\{c1::|\}\}", "", s.front) for s in suggest(text, title)}


_VANE_AT_LEEDS = "Tom Vane was a Scottish engineer. At fifteen Vane entered the University of Leeds. "


def test_a_person_after_by_in_a_pronouns_passive_is_not_the_he_after_it():
    """Before: "In 1819 Karl Lind won the Bell Prize …" and "Karl Lind stayed four years …": the man who taught "he" is
    not he; the "he" goes on to the topic. The line: a passive whose subject is a thing ("the prize was judged by Karl
    Lind") leaves Lind a candidate, as before."""
    taught = _VANE_AT_LEEDS + (
        'There he was taught drawing by Karl Lind, a stern lecturer whom he later called "the finest" teacher of his youth.'
        " In 1819 he won the Bell Prize, a grant that took Leeds students to Paris. He stayed four years in Paris."
    )
    fronts = _plain_fronts(taught, "Tom Vane")
    assert "In 1819 Tom Vane won the Bell Prize, a grant that took Leeds students to Paris." in fronts
    assert "Tom Vane stayed four years in Paris." in fronts
    assert not any("Karl Lind won" in front or "Karl Lind stayed" in front for front in fronts)
    judged = _VANE_AT_LEEDS + "There the prize was judged by Karl Lind, a stern lecturer. In 1819 he won the Bell Prize."
    assert not any("Tom Vane won" in front for front in _plain_fronts(judged, "Tom Vane"))


_TWO_ARCHITECTS = "Kestrel Minster is a great church in Leeds. In 1840 two architects, Karl Marek and {other}, won the competition. "


def _who_replaced(other: str, opening: str) -> set[str]:
    text = _TWO_ARCHITECTS.format(other=other) + opening + " He replaced lost statues and in 1856 built a new spire of oak."
    replaced = {front for front in _plain_fronts(text, "Kestrel Minster") if "replaced lost statues" in front}
    return {front.split(" and ")[0].removeprefix("(Kestrel Minster) ") for front in replaced}


def test_a_person_in_an_opening_clause_is_not_the_he_after_it():
    """Before: "Karl Marek replaced lost statues …" after "After Marek died in 1851, …": the man of the opening clause
    only dates the main clause, whose subject the "He" goes on with. When that subject is a name of unknown kind, no one
    is sure to be the "He", and it is refused. The line: an opening phrase without a verb leaves the name after it the
    subject."""
    assert _who_replaced("Tom Vane", "After Marek died in 1851, Vane carried on alone.") == {"Tom Vane replaced lost statues"}
    assert _who_replaced("Anton Roux-le-Brun", "After Marek died in 1851, Roux-le-Brun carried on alone.") == set()
    assert _who_replaced("Tom Vane", "After the war Karl Marek carried on alone.") == {"Karl Marek replaced lost statues"}


def test_an_it_after_a_subject_and_a_named_object_is_refused():
    """Before: "In 1794 the French Revolution was rededicated …": the sentence before offers its subject and the thing
    its verb takes, and either could be "it". The line: a name after a preposition is no object ("built a works beside
    the Vega Canal. It employed …" is the company), nor one after "by" ("The Vega IV was built by …")."""
    hit = (
        "Sainte-Claire de Lyon is a great church. Sainte-Claire was built between 1200 and 1290. The French Revolution"
        " hit Sainte-Claire hard. In 1794 it was rededicated to the Cult of Nature, and later used as a stable."
    )
    assert not any("rededicated" in front for front in _plain_fronts(hit, "Sainte-Claire de Lyon"))
    beside = "The Kestrel Company built a works beside the Vega Canal. It employed 400 men in 1900."
    assert "The Kestrel Company employed 400 men in 1900." in _plain_fronts(beside, "Notes")


def test_a_he_needs_a_name_without_the():
    """Before: "In May 1868, during a meeting of the Kestrel Railway in Leeds, he sketched …" was asked with its "he"
    unread, the railway taken for the one who could be meant. The line: a name without "the" may still be the
    person ("Orlan Vesk founded his company")."""
    sketched = (
        "The Northern Exhibition was a great show held in Leeds in 1870. The answer came from Tom Vane, head gardener to"
        " the Duke of York at Kestrel Park, who had built large glasshouses for the estate. In May 1868, during a meeting"
        " of the Kestrel Railway in Leeds, he sketched a huge glasshouse on a sheet of paper."
    )
    assert not any("he sketched" in front for front in _plain_fronts(sketched, "The Northern Exhibition of 1870"))
    founded = "The Vega Works was a factory in Leeds. In 1901 Orlan Vesk founded his company in Leeds, a firm of 40 men."
    assert "(Vega Works) In 1901 Orlan Vesk founded his company in Leeds, a firm of 40 men." in _plain_fronts(founded, "Vega Works")


# Fifty-third round, the lead's review: a minus sign before a quantity's number is the number's.


def test_a_minus_sign_is_part_of_the_quantity_asked():
    """Before: "Brine freezes at about −{{21 °C}} in a cold store." (the answer's sign left on the card)."""
    fronts = _fronts("Brine freezes at about −21 °C in a cold store. A deep freezer runs at -25 °C in most homes.", "Cold stores")
    assert "Brine freezes at {{c1::about −21 °C}} in a cold store." in fronts
    assert "A deep freezer runs at {{c1::-25 °C}} in most homes." in fronts


def test_a_subject_pronoun_after_opening_phrases_that_name_its_person_is_read():
    """The lead's review of part A: opening phrases with no verb leave a "he" to the sentence before only when they name
    no person; "…, on Karl Marek's doctor's advice, he wrote …" is Karl Marek (round 53A's rule had refused it)."""
    text = (
        "Karl Marek was a Czech composer born in 1770. In May 1802, while staying in the village of Dolny outside Brno on"
        " Karl Marek's doctor's advice, he wrote a long letter to his brothers."
    )
    assert any("{{c1::May 1802}}" in front for front in _fronts(text, "Karl Marek"))
    refused = _fronts("Karl Marek was a Czech composer born in 1770. In May 1802, during a meeting of the Brno Choral Society"
                      " in Dolny, he sketched a new mass.", "Karl Marek")
    assert not any("he sketched" in front for front in refused)


# Fifty-fourth round, the lead's review (issue 6): a "his" after a named person joined by "and" to someone called by a noun.


def test_a_pronoun_after_a_name_joined_to_a_person_called_by_a_noun_is_refused():
    """Before: "The next evening the king and Gudden were found dead in the lake. His uncle Luitpold became prince
    regent." gave "Gudden's uncle {{Luitpold}} …" (the twelfth held-out set's first look): the king's uncle, a wrong
    fact. The line: a noun of the pronoun's gender or a role may be the one meant; a noun of the other gender is not."""
    opening = "On 12 June 1886 the king was taken to Berg Castle. "
    for pair in ("the king and Walter Brandt", "Walter Brandt and the captain"):
        text = f"{opening}The next evening {pair} were found dead in the lake. His uncle Otto Lemke became regent."
        assert not any("Otto Lemke" in front for front in _fronts(text, "Castle")), pair
    wife = f"{opening}In 1880 Walter Brandt and his wife moved to Berlin. His uncle Otto Lemke became regent."
    assert "Walter Brandt's uncle {{c1::Otto Lemke}} became regent." in _fronts(wife, "Castle")


# Fifty-fourth round, part B (issue 6): the answer a sentence's card asks, and names given by "known as / sold as".


def _answers_of(text: str, title: str = "Notes") -> set[str]:
    return {s.answer for s in suggest(text, title)}


def test_a_name_given_by_sold_as_or_known_in_a_language_as_is_among_the_sentences_cards():
    sold = "In 1931 Tom Vane and his partners at Acme Glass developed borosilicate glass, a heat-resistant glass sold as Pyrex."
    assert "Pyrex" in _answers_of(sold, "Glassworks")
    known = ("Karl Lind's novel Les Cloches, published in 1840 and known in English as The Bells of Arras, made the town the"
             " hero of its tale of the bell-ringer Paul Marr and the weaver Ann Moss.")
    assert "The Bells of Arras" in _answers_of(known, "Glassworks")
    # the line: a name after "sold to" is no name given, and the sentence's other facts keep their places before it (since
    # round 105 "Acme Glass", whose "glass" the card writes only in lower case, is one of them, and the four a sentence
    # gives leave "Pyrex Ltd" out)
    ranked = sorted(suggest(sold.replace("sold as Pyrex", "sold to Pyrex Ltd"), "Glassworks", 1000), key=lambda s: -s.score)
    assert [s.answer for s in ranked] == ["1931", "Tom Vane", "borosilicate glass", "Acme Glass"]


def test_a_disease_named_after_someone_is_one_term_and_the_second_of_a_pair_is_not_asked():
    assert "Hale's disease" in _answers_of("Her doctor in Bath gave the cause as Hale's disease, an illness of the liver.", "Ada Vane")
    assert "disease" not in _answers_of("Her doctor in Bath gave the cause as Hale's disease, an illness of the liver.", "Ada Vane")
    pair = _answers_of("Tom Reyes was treated for Hale's disease and Marr's syndrome in 1990.")
    assert "Hale's disease" in pair and "Marr's syndrome" not in pair
    # the line: "Smith's rule" may be a reign, not a term
    assert not any("rule" in answer for answer in _answers_of("Tom Reyes lived under Smith's rule in 1990."))


def test_an_opening_place_with_its_description_is_no_apposition_for_the_name_after_it():
    text = ("In Riverton, a town of fewer than 2,000 people about forty miles north of Kestrel, the notice caught the eye of"
            " Tom Hale, the manager of a local timber company.")
    assert "Tom Hale" in _answers_of(text, "Riverton Fair")
    # the line: a name inside a description set after a name that is no opening place is still an aside
    aside = "The plan reached Riverton, a mill town near Kestrel, the home of Tom Hale, in March 1850."
    assert "Tom Hale" not in _answers_of(aside, "Riverton Fair")


def test_a_persons_title_written_in_lower_case_does_not_give_the_name_away():
    text = ("The guild's chairman, Lord Tamsin, took up the plan, and in March 1850 a Royal Board was appointed to run it,"
            " with the lord at its head.")
    assert "Lord Tamsin" in _answers_of(text, "Riverton Fair")
    # the line: the name itself on the card still gives it away
    assert "Lord Tamsin" not in _answers_of(text.replace("with the lord", "with Tamsin"), "Riverton Fair")


def test_the_checks_on_the_person_before_read_the_sentence_before_at_the_names_own_place():
    """Before: after "Afterwards, Tom Vane treated him …", "His toes …" was written as Tom Vane's: the person was the
    claim's subject, whose offsets are those of the claim without "Afterwards,", and the check for someone else as the
    object ("treated him") read the sentence before at the wrong place. The name the sentence before holds is kept."""
    text = (
        "Karl Lind was a German climber born in 1850. In 1880 he fell on the Eiger. Afterwards, Tom Vane treated him at"
        " Bristol in 1881. His toes were lost to frostbite in 1882."
    )
    assert not any("toes" in front for front in _fronts(text, "Karl Lind"))
    assert "Tom Vane treated Karl Lind at Bristol in {{c1::1881}}." in _fronts(text, "Karl Lind")


# Fifty-fifth round, the lead's review (issue 6): three wrong antecedents of the thirteenth held-out set's first look.


def test_a_relative_named_before_the_sentences_own_she_is_not_the_she_after_it():
    """Before: "In 1917, while visiting her sister Nora in Boston, she saw …" then "After the war she enrolled …" gave
    "After the war Nora enrolled …": the "she" of the main clause is not her own sister, and the next "she" goes on
    with her. The line: a sister who is the sentence's own subject may be the one the story goes on with."""
    opening = "Ruth Vale was born in 1890 in Ohio. "
    visit = f"{opening}In 1917, while visiting her sister Nora in Boston, she saw wounded soldiers and trained as a nurse. "
    after = "After the war she enrolled briefly at Columbia University in New York."
    fronts = _fronts(visit + after, "Ruth Vale")
    assert not any("Nora enrolled" in front for front in fronts)
    assert "After the war Ruth Vale enrolled briefly at {{c1::Columbia University}} in New York." in fronts
    # round 87: a sister who acts is as likely as Ruth Vale herself, in Ruth Vale's life: refused
    acting = f"{opening}In 1917 her sister Nora moved to Boston and trained as a nurse. {after}"
    assert not any("enrolled briefly at {{c1::Columbia" in front for front in _fronts(acting, "Ruth Vale"))


def test_an_organisation_that_only_says_where_people_worked_is_no_it():
    """Before: "In 1902 two chemists at Trinity College Dublin, … found zymase, … It was the first enzyme …" gave
    "Trinity College Dublin was the first enzyme …". The line: a name the sentence before acts on is still an "it"."""
    found = ("In 1902 two chemists at Trinity College Dublin, Mary Boyle and John Reid, found zymase, a substance made by"
             " yeast that turns sugar into alcohol. It was the first enzyme ever isolated, and Reid coined the word in 1905.")
    assert not any("Trinity College Dublin was" in front for front in _fronts(found, "Brewing"))
    founded = ("In 1902 the chemists Mary Boyle and John Reid founded Trinity Brewery in Dublin. It was the first brewery in"
               " Ireland to use pure yeast, and it closed in 1905.")
    assert "Trinity Brewery was the first brewery in Ireland to use pure yeast, and it closed in {{c1::1905}}." in _fronts(founded, "Brewing")


def test_an_object_it_after_a_common_subject_is_not_written_as_the_topic():
    """Before: in a document about brewing that names "Brewing" elsewhere, "Brewing starts before the grain is wet. A
    miller's two rollers crack and crush it, …" gave "… crack and crush Brewing, …": the rollers crush the grain. The
    line: a named subject's object "it" after a sentence about the topic is still the topic."""
    text = (
        "# How brewing works\n\nBrewing starts before the grain is wet. A miller's two rollers crack and crush it, and"
        " three pumps move between 1 and 2 litres of water a minute.\n\n## History\n\nIn 1876 Louis Pasteur published"
        " Studies on Beer, and the Chemistry of Brewing, showing that yeast was alive.\n"
    )
    assert not any("crush Brewing" in s.front or "crush it" in s.front for s in RulesEngine().suggest(
        DocumentText("How brewing works", "brewing.md", text, ((0, len(text)),)), cards_per_1000_words=1000))
    mill = "Kestrel Mill was built in 1820 on the river. Acme Foods bought it in 1880 for a large sum."
    assert "Acme Foods bought Kestrel Mill in {{c1::1880}} for a large sum." in _fronts(mill, "Kestrel Mill")


# Fifty-fifth round, part A (issue 6): technical terms of explainers that no mention found.


def test_an_item_of_a_glossary_asks_the_term_it_defines():
    glossary = (
        "Barchan dunes: crescent-shaped mounds whose horns point downwind, found where sand is scarce.\n\n"
        "Deflation, or wind scour: the wind lifts fine grains and carries them away, lowering the surface.\n\n"
        "Abrasion: blown grains scour rock faces near the ground."
    )
    fronts = {s.front for s in suggest(glossary, "How dunes work")}
    assert "{{c1::Barchan dunes}}: crescent-shaped mounds whose horns point downwind, found where sand is scarce." in fronts
    assert "{{c1::Deflation}}, or wind scour: the wind lifts fine grains and carries them away, lowering the surface." in fronts
    assert "{{c1::Abrasion}}: blown grains scour rock faces near the ground." in fronts
    # the line: a label, a clause, a figure or a short note before the colon defines no term
    for label, line in (
        ("Note", "Note: the figures below are rough estimates of the yearly drift."),
        ("Events helped", "Events helped: the wind dropped and the dunes stopped moving south."),
        ("Height", "Height: 324 metres above the desert floor."),
        ("Result", "Result: a narrow win for the local team."),
    ):
        assert label not in answers(f"{glossary}\n\n{line}", "How dunes work"), line


def test_a_subject_described_by_where_it_is_names_the_term_its_copula_gives():
    text = "The upper slope, where sand piles up faster than wind can strip the grains away, is the slip face."
    assert answers(text, "How dunes work") == {"slip face"}
    # the line: a subject that leans on the text before stays refused, where-clause or not
    assert not answers("The new team, where most players were young, was the favourite.", "How dunes work")


# Fifty-fifth round, part B (issue 6): sentences with a mention that gave no card: a consequence after ", which is why",
# a span of two amounts, and an "Its" after a sentence whose subject is located between commas.


def test_a_clause_after_which_is_why_is_no_aside_about_the_noun_before_it():
    consequence = "Clay is a soft earth. Drying clay takes time, which is why potters wait ten to twelve days before firing a large pot."
    assert "ten to twelve days" in answers(consequence, "Clay")
    # the line: a "which" that describes the noun before it is still an aside when the sentence goes on after it
    relative = "Clay is a soft earth. Drying the pots takes a shed, which potters heat for ten to twelve days, and a fire."
    assert "ten to twelve days" not in answers(relative, "Clay")


def test_a_span_of_two_amounts_is_asked_whole_and_never_by_half():
    spans = {
        "Lake Vell ranges from about 3 metres to about 9 metres in depth.": "about 3 metres to about 9 metres",
        "Lake Vell stays between about 6 °C and about 9 °C in summer.": "about 6 °C and about 9 °C",
    }
    for sentence, span in spans.items():
        asked = answers(sentence, "Norland")
        assert span in asked and not asked & {"about 3 metres", "about 9 metres", "about 6 °C", "about 9 °C"}, sentence
    # the line: a change from one amount to another is no span, and its end is asked alone as before
    change = answers("Lake Vell warmed from about 6 °C to about 9 °C in May.", "Norland")
    assert "about 9 °C" in change and "about 6 °C to about 9 °C" not in change


def test_its_after_a_sentence_whose_subject_is_located_between_commas_is_that_subject():
    located = ("Tides rise and fall twice a day. The Bay of Kell, between Norland and Sorland in Westmark, shows what"
               " resonance can do. Its range reaches about 14 metres, the largest in the world.")
    assert "The Bay of Kell's range reaches {{c1::about 14 metres}}, the largest in the world." in _fronts(located, "Tides")
    # the line: two things that the sentence names side by side leave the "Its" to a guess
    side_by_side = ("Tides rise and fall twice a day. The Bay of Kell and the Sorland Works show what resonance can do."
                    " Its range reaches about 14 metres, the largest in the world.")
    assert not any("14 metres" in front for front in _fronts(side_by_side, "Tides"))


# Fifty-sixth round, part A (issue 6): people, names, titles and dates in sentences that gave no card: a line of speech
# after a named speaker set off by a role or followed by "that", and a pronoun that is a word of a work's title.


def test_a_quoted_line_after_a_named_speaker_and_that_or_an_object_leaves_the_speaker_asked():
    lines = {
        'Prices fell all spring. In mid-March Henry Calder, a professor of shipping at Glasgow University, declared that'
        ' "freight rates will surely recover by the summer."': "Henry Calder",
        'Prices fell all spring. On March 5, 1911, the market analyst Walter Greaves told a meeting in Leeds, "Sooner or'
        ' later a fall is coming, and it may be severe."': "Walter Greaves",
        'Prices fell all spring. Arthur P. Vane, a senior partner at Bellamy, told reporters with some calm that there'
        ' had been "a little nervous selling among the weaker houses of the Exchange."': "Arthur P. Vane",
    }
    for text, speaker in lines.items():
        asked = answers(text, "The Harbour Slump")
        assert speaker in asked, text
        assert not asked & {"the summer", "Exchange"}, text  # never a word of the line
    # the line: with no one named before the verb, the quotation is the sentence's own claim, and it is refused
    unnamed = 'Prices fell all spring. In mid-March the brokers of Glasgow declared that "freight rates will surely recover by the summer."'
    assert not any("declared" in front for front in _fronts(unnamed, "The Harbour Slump"))


def test_a_pronoun_inside_a_works_title_is_a_word_of_the_title():
    text = "Mary Tolland grew up in Ohio. She told the story in her second book, The Joy of It (1932)."
    assert "Mary Tolland told the story in her second book, {{c1::The Joy of It}} (1932)." in _fronts(text, "Mary Tolland")
    # the line: an "It" that is the whole word, opening the next sentence, is still a pronoun that must be read
    leaning = "Mary Tolland grew up in Ohio. She told the story in her second book, The Joy of It. It sold well in 1932."
    assert not any("sold well" in front and "The Joy of It" not in front for front in _fronts(leaning, "Mary Tolland"))


# Fifty-sixth round, part B (issue 6): a term in apposition to its class gives a card; the class words around it do
# not give it away.


def test_a_term_between_commas_after_its_class_gives_a_cloze():
    sentence = "Tears wet the eye and contain an enzyme, lysozyme, which breaks down the walls of germs."
    assert "Tears wet the eye and contain an enzyme, {{c1::lysozyme}}, which breaks down the walls of germs." in _fronts(sentence, "Tears")
    # the line: a description between commas after the class is no term, and nothing is asked of it
    described = "Marshes give off a gas, colourless, which rises slowly into the air."
    assert not any("{{c1::colourless}}" in front for front in _fronts(described, "Marshes"))


# Fifty-sixth round, lead (issue 6): an HTML list read into text has no bullets, and its items are still the list that
# goes on with the line before it.
_FIRSTS_PAGE = (
    "<html><body><h1>Kestrel Gardens</h1><p>The Kestrel Gardens opened in 1831 beside the canal. "
    "The gardens also led the way in showing plants:</p><ul><li>the first orchid house, opened in 1849;</li>"
    "<li>the first public palm house, the Glass Hall, opened in 1853;</li><li>the first alpine house, opened in 1881.</li>"
    "</ul><p>The gardens closed for two years during the war.</p></body></html>"
)


def test_an_html_list_that_goes_on_with_the_line_before_is_asked_with_that_line(tmp_path):
    page = tmp_path / "kestrel-gardens.html"
    page.write_text(_FIRSTS_PAGE, encoding="utf-8")
    fronts = {s.front for s in RulesEngine().suggest(read_document(page), cards_per_1000_words=1000)}
    assert (
        "The Kestrel Gardens led the way in showing plants: the first orchid house, opened in 1849; the first public palm "
        "house, the Glass Hall, opened in {{c1::1853}}; the first alpine house, opened in 1881." in fronts
    )
    assert not any(front.startswith(("the first", "(Kestrel Gardens) the first")) for front in fronts)  # no item alone


# Fifty-sixth round, lead (issue 6): a "his" after a name of unknown kind that a noun introduces ("the miser Ebenezer
# Crabbe") may be that man's, so it is not written as the document's person.
def test_a_his_after_a_name_a_noun_introduces_is_not_the_topics():
    text = (
        "Hugo Bell was an English novelist. He wrote quickly.\n\n"
        "A Winter Lamp was published on 19 December 1843. It tells how the miser Ebenezer Crabbe is visited by the ghost of "
        "his old partner, Jacob Merrow, and by three spirits.\n\n"
        "The Harbour Book appeared in 1850. It tells how the Winter Lamp in his study lit the page.\n"
    )
    fronts = {s.front for s in suggest(text, "Hugo Bell", 1000)}
    assert not any("Hugo Bell's old partner" in front for front in fronts)
    assert any("the ghost of his old partner, {{c1::Jacob Merrow}}" in front for front in fronts)
    assert any("Winter Lamp}} in Hugo Bell's study" in front for front in fronts)  # a name no noun introduces


# Fifty-seventh round, part B (issue 6): the cards of a temperature with its scale, of a sum written in words, and of a
# chemical's older name; the rest of the sentence does not give the answer away.


def test_amounts_with_their_scale_or_currency_and_an_older_chemical_name_give_cards():
    text = (
        "The mill workers of Dunmore were paid poorly. Wax in the vats melts at about 62 degrees Celsius. "
        "A boy at the mill worked for six shillings a week. Nurses washed the ward floors with chloride of lime every morning."
    )
    fronts = _fronts(text, "Dunmore")
    assert "(Dunmore) Wax in the vats melts at {{c1::about 62 degrees Celsius}}." in fronts
    assert "(Dunmore) A boy at the mill worked for {{c1::six shillings}} a week." in fronts
    assert "(Dunmore) Nurses washed the ward floors with {{c1::chloride of lime}} every morning." in fronts
    # the line: no card asks the degrees without their scale, nor the number of shillings alone
    assert not any("degrees}} Celsius" in front or "{{c1::six}}" in front for front in fronts)


# Fifty-seventh round, lead (issue 6): a title that opens its sentence with "A" keeps the "A" when an "It" after it is
# written as the title ("A Winter Lamp tells …", not "Winter Lamp tells …").
def test_an_it_after_a_title_opening_with_a_keeps_the_a():
    text = "A Winter Lamp was published in 1843. It tells how the miser Ebenezer Crabbe is visited by three spirits.\n"
    fronts = {s.front for s in suggest(text, "Hugo Bell", 1000)}
    assert any(front.startswith("A Winter Lamp tells how") for front in fronts)
    assert not any("Winter Lamp tells" in front and "A Winter Lamp tells" not in front for front in fronts)


# Fifty-seventh round, lead (issue 6): "supplies" and "provides" are verbs, so a list line such as "Clay supplies iron,
# which is food for the roots" is no term defined by its "which" ("{{Clay supplies iron}} is food …").
def test_a_line_whose_subject_supplies_something_is_no_defined_term():
    text = "The soil:\n\n- Clay supplies iron, which is food for the roots, and the minerals that hold water.\n- Sand provides air, which the roots need.\n"
    fronts = {s.front for s in suggest(text, "Soil", 1000)}
    assert not any("{{c1::Clay supplies iron}}" in front or "{{c1::Sand provides air}}" in front for front in fronts)


# Fifty-seventh round, lead (issue 6): "the mountain" may stand for a name that opens with "Mount" or "Mt.", the latest
# such name, not an older "Grey Mountain" (a wrong fact: "The Grey Mountain took its name from …").
def test_the_mountain_stands_for_a_mount_not_an_older_mountain():
    text = (
        "Ann Pell was then carving a memorial on Grey Mountain in Idaho, but she was dismissed in 1925. She chose instead "
        "Mt. Corran, a peak of fine granite. The summit rises to 5,725 feet above sea level. The mountain took its name "
        "from Peter Corran, a lawyer who had come to the hills in 1885.\n"
    )
    fronts = {s.front for s in suggest(text, "Carved Faces", 1000)}
    assert not any("Grey Mountain took its name" in front for front in fronts)
    assert any("{{c1::Grey Mountain}} in Idaho" in front for front in fronts)  # the older mountain is still asked where it is named


# Fifty-eighth round, part A (issue 6): an object "her" before a determiner is no possessive ("gave her its medal" is not
# "gave Ada Pell's its medal", a card that reads wrong), and the new dates, organisations and titles of works are asked
# whole.
def test_an_object_her_before_a_determiner_is_written_as_the_person():
    text = "Ada Pell was a singer born in Mobile in 1890. In 1921 the Royal Society of Song gave her its medal.\n"
    fronts = {s.front for s in suggest(text, "Ada Pell", 1000)}
    assert "In {{c1::1921}} the Royal Society of Song gave Ada Pell its medal." in fronts
    assert not any("Ada Pell's its" in front for front in fronts)
    # the line: "her" before a noun is still her possessive
    text = "Ada Pell was a singer born in Mobile in 1890. In 1921 the Royal Society of Song praised her voice.\n"
    assert "In {{c1::1921}} the Royal Society of Song praised Ada Pell's voice." in {s.front for s in suggest(text, "Ada Pell", 1000)}


def test_a_feast_day_an_organisation_on_and_a_title_with_by_are_asked_whole():
    text = (
        "Ada Pell was a singer born in Mobile in 1890. On Christmas Day 1908 she sang in public for the first time. "
        "In 1921 the International Council on Songs and Dances gave a medal to Ada Pell. "
        "In 1944 she appeared in the comedy Love by Mail with Harold Vance.\n"
    )
    answers_given = {s.answer for s in suggest(text, "Ada Pell", 1000)}
    assert {"Christmas Day 1908", "International Council on Songs and Dances", "Love by Mail"} <= answers_given
    assert not {"International Council", "Songs", "Love"} & answers_given  # no half of a name


# Fifty-eighth round, lead (issue 6): a trailing description of the whole clause, ", a partnership that …", is a boundary
# a card may end at, so a "his" inside it that could be either of two men no longer refuses the clause before.
def test_a_card_ends_before_a_trailing_description_with_its_own_clause():
    text = "Sam Hale was a singer. He was born in 1901 in Leeds. In 1935 he hired Tom Pike as his agent, a partnership that lasted until the end of his life.\n"
    fronts = {s.front for s in suggest(text, "Sam Hale", 1000)}
    assert "In 1935 Sam Hale hired {{c1::Tom Pike}} as his agent." in fronts
    assert not any("{{c1::Tom Pike}}" in front and "his life" in front for front in fronts)


# Fifty-eighth round, lead (issue 6): a "his" in an opening that no comma closes stands for the subject named right after
# it ("For most of his life Hale gave …" is Hale's life, whoever the document is about); "his brother Carl" is who the
# name is, so a "his" there is still the document's person's.
def test_a_possessive_in_an_unclosed_opening_is_the_named_subjects():
    text = (
        "Sam Hale was a singer. He was born in 1901 in Leeds. For most of his life Hale gave his birthday as 4 July 1900. "
        "In his last years the drummer Tom Pike ran a farm in Kent. After his brother Carl died in 1815, Hale fought a long "
        "battle with Carl's widow.\n"
    )
    fronts = {s.front for s in suggest(text, "Sam Hale", 1000)}
    assert not any("Sam Hale's life" in front or "Sam Hale's last years" in front for front in fronts)
    assert "For most of his life Hale gave his birthday as {{c1::4 July 1900}}." in fronts
    assert any("brother Carl died in {{c1::1815}}, Hale fought" in front for front in fronts)  # his = Hale, named after


# Fifty-eighth round, lead (issue 6): a home's name goes on after "for", as an organisation's does ("the Waif's Home for
# Boys", not "{{Boys}}"); "Home" alone is no organisation word ("Sir Everard Home" is a man).
def test_a_homes_name_goes_on_after_for():
    text = "Tom Pike was a drummer. He was sent to the Coloured Waif's Home for Boys, where a teacher named Peter Dale taught him.\n"
    fronts = {s.front for s in suggest(text, "Tom Pike", 1000)}
    assert any("{{c1::Coloured Waif's Home for Boys}}" in front for front in fronts)
    assert not any("{{c1::Boys}}" in front or "{{c1::Coloured Waif's Home}} for" in front for front in fronts)


# Fifty-eighth round, part B (issue 6): a count of things in a unit of time is asked as the whole rate, never as the bare
# number; a clock's "hour hand" gives no duration card.
def test_a_rate_of_things_in_a_unit_of_time_is_asked_whole():
    text = (
        "The Dunmore relay was finished in 1871. The Dunmore relay carried about eight words a minute. "
        "The Dunmore relay clock had only an hour hand."
    )
    fronts = _fronts(text, "Dunmore relay")
    assert "The Dunmore relay carried {{c1::about eight words a minute}}." in fronts
    # the line: no card asks the number alone, nor the hour of the clock's hand
    assert not any("{{c1::about eight}}" in front or "{{c1::only an hour}}" in front for front in fronts)


# Fifty-ninth round, lead (issue 6): a title that names a machine before a dash is about the machine, however often the
# document names the maker it is named after; the machine's name without the maker's ("Type K") and its plural
# ("Type Ks") are its forms, and an "It" that stands for it is written as the topic, not as the plural.
_MACHINE_NAMED_AFTER_ITS_MAKER = (
    "Few machines changed farming as much as the Kessler Type K. When it went on sale on 3 March 1921, most farms still "
    "used horses. Otto Kessler founded the Kessler Works in Hamburg in 1909. Kessler wanted a tractor that any farmer "
    "could afford. Kessler hired a team of six. Kessler tested it on his own farm. Driving a Type K was hard work. It had "
    "a two-cylinder engine that produced 12 horsepower. Type Ks were sold in 40 countries by 1930. In 1934 the company "
    "replaced it with a bigger model, the Type L.\n"
)


def test_a_machine_named_after_its_maker_is_the_topic_of_a_title_with_a_dash():
    suggestions = suggest(_MACHINE_NAMED_AFTER_ITS_MAKER, "The Kessler Type K — The Story of a Farm Tractor", 1000)
    fronts = {s.front for s in suggestions}
    assert "The Kessler Type K had a two-cylinder engine that produced {{c1::12 horsepower}}." in fronts
    assert "In {{c1::1934}} the company replaced the Kessler Type K with a bigger model, the Type L." in fronts
    assert "(Kessler Type K) Type Ks were sold in 40 countries by {{c1::1930}}." in fronts
    # the line: the machine, its short name and its plural are no answers, and no card calls it "Type Ks" or the maker
    assert not any(s.answer in ("Type K", "Type Ks", "Kessler Type K") for s in suggestions)
    assert not any("replaced Type Ks" in front or "(Otto Kessler)" in front for front in fronts)


def test_a_title_before_a_dash_is_about_its_name_as_before_a_colon():
    assert _title_is_about("The Kessler Type K — The Story of a Farm Tractor", "Kessler Type K")
    assert _title_is_about("Lake Orla - a guide", "Lake Orla")
    assert not _title_is_about("How the Kessler Type K changed farming for the small farms of the north", "Kessler Type K")


# Fifty-ninth round, lead (issue 6): a name a sentence gives as a name ("His family's real surname was Charles") is no
# person a "he" after it can be, even when the document names a Charles elsewhere.
def test_a_name_given_as_a_surname_is_no_one_a_pronoun_stands_for():
    text = (
        "Jean Vorel was a weaver of Lyon. His family's real surname was Charles. He tried many trades before 1790. "
        "Summoned to Paris, he studied an old loom at the Conservatoire in 1801. Later Charles Dupin praised the loom in 1820.\n"
    )
    fronts = {s.front for s in suggest(text, "Jean Vorel", 1000)}
    assert not any("Charles Dupin studied" in front or "Charles studied" in front for front in fronts)
    assert any(front.startswith("Summoned to Paris, Jean Vorel studied") for front in fronts)


# Fifty-ninth round, lead (issue 6): the person's gender comes from a "he" after an opening phrase too ("A miller's son
# from Leek, he …"), when the first name is one the lexicon does not know; the document's "He" then goes on with him.
def test_a_persons_gender_from_a_pronoun_after_an_opening_phrase():
    text = (
        "Tobiah Crane built the first steam mill of Leek. A miller's son from Staffordshire, he learned the trade young. "
        "He was born in Leek in 1741. In 1768 he married Ann Cole.\n"
    )
    fronts = {s.front for s in suggest(text, "Tobiah Crane", 1000)}
    assert "Tobiah Crane was born in Leek in {{c1::1741}}." in fronts
    assert "In 1768 Tobiah Crane married {{c1::Ann Cole}}." in fronts


# Fifty-ninth round, part A (issue 6): a first-person word inside a title of several words is no writer's "I"; a day of
# "that year" is written with the year the sentence before gives, or else the card does not ask for the time.
def test_a_first_person_word_inside_a_title_is_no_writer():
    text = "Tom Vane was a painter born in Ohio in 1901. He sold his first painting in 1925. He published his memoir, I Never Lost It, in 1972.\n"
    assert "Tom Vane published his memoir, {{c1::I Never Lost It}}, in 1972." in {s.front for s in suggest(text, "Tom Vane", 1000)}
    assert "Tom Vane published his autobiography, {{c1::We Kept It Going}}, in 1975." in {
        s.front for s in suggest(text.replace("memoir, I Never Lost It, in 1972", "autobiography, We Kept It Going, in 1975"), "Tom Vane", 1000)
    }
    # the line: an "I" outside a name is still the writer's, and the sentence gives nothing
    text = "Tom Vane was a painter born in Ohio in 1901. I met him in Boston in 1972.\n"
    assert not any("Boston" in s.front for s in suggest(text, "Tom Vane", 1000))


def test_a_day_of_that_year_is_written_with_the_year_before_or_not_asked():
    text = (
        "Tom Vane was a painter born in Ohio in 1901. He sold his first painting in 1925. He published his memoir, Blue "
        "Water, in 1972. On October 24 of that year he died of a stroke at his home in Bangor, Maine.\n"
    )
    fronts = {s.front for s in suggest(text, "Tom Vane", 1000)}
    assert "On {{c1::October 24, 1972}}, Tom Vane died of a stroke at his home in Bangor, Maine." in fronts
    text = "Ada Vane was a painter born in Leeds in 1901. She moved to Bath in 1960. On 24 October of the same year she opened a school.\n"
    assert "On {{c1::24 October 1960}}, Ada Vane opened a school." in {s.front for s in suggest(text, "Ada Vane", 1000)}
    # the line: with no one year before (a decade, a bound) the day is no date a card may ask, and the sentence stands
    # without its time
    for before in ("She moved to Bath in the 1960s.", "She lived in Bath until 1960."):
        text = f"Ada Vane was a painter born in Leeds in 1901. {before} On 24 October of that year she opened a school in Bath.\n"
        found = suggest(text, "Ada Vane", 1000)
        assert "Ada Vane opened a school in {{c1::Bath}}." in {s.front for s in found}
        assert not any("24 October" in s.front or "24 October" in s.answer for s in found)



# Fifty-ninth round, part B (issue 6): a count whose items a list after a colon gives one by one ("one for …, one for …")
# is given away by the card and refused; a range after "between", a prefixed unit "per" a unit, and an average with no
# leading zero are asked whole.
def test_a_count_the_list_of_ones_after_its_colon_gives_away_is_refused():
    listed = "In 1908 Tom Vane built a loom with four treadles under the bench: one for the warp, one for the weft, one for the shuttle, and one for the brake."
    fronts = _fronts(listed)
    assert not any("{{c1::four}}" in front for front in fronts)
    # the line: a list of another length, or no list, leaves the count asked
    fronts = _fronts("In 1908 Tom Vane built a loom with four treadles under the bench: one for the warp and one for the weft.")
    assert "In 1908 Tom Vane built a loom with {{c1::four}} treadles under the bench: one for the warp and one for the weft." in fronts
    fronts = _fronts("In 1908 Tom Vane built a loom with four treadles under the bench.")
    assert "In 1908 Tom Vane built a loom with {{c1::four}} treadles under the bench." in fronts


def test_a_range_a_prefixed_unit_per_a_unit_and_an_average_are_asked_whole():
    text = (
        "A typical wax molecule has between 20 and 40 carbon atoms. "
        "Brine has a surface tension of about 75 millinewtons per metre. "
        "In 1931 Tom Vane finished the season with a batting average of .327."
    )
    fronts = _fronts(text, "Candles")
    assert "A typical wax molecule has {{c1::between 20 and 40}} carbon atoms." in fronts
    assert "Brine has a surface tension of {{c1::about 75 millinewtons per metre}}." in fronts
    assert "In 1931 Tom Vane finished the season with a batting average of {{c1::.327}}." in fronts
    # the line: never half the range, nor the number without its unit
    assert not any("{{c1::40}}" in front or "{{c1::about 75}}" in front for front in fronts)


# Sixtieth round, lead (issue 6): an "it" that opens a later clause is the common subject the sentence opens with when
# nothing between them could be it.
def test_an_it_opening_a_later_clause_is_the_sentence_s_common_subject():
    text = "In 1921 a syrup tank burst in Halford. The tank stood 40 feet tall, and it could hold two million gallons. It had been built in a hurry in 1917.\n"
    fronts = _fronts(text)
    assert "The tank stood 40 feet tall, and it could hold {{c1::two million gallons}}." in fronts
    # the sentence after, whose "It" is the tank, is shown with it
    assert (
        "The tank stood 40 feet tall, and it could hold two million gallons. It had been built in a hurry in {{c1::1917}}."
        in fronts
    )
    # the line: a noun after an article between them, or a plural subject, may be the "it" as well
    for sentence in ("The clerk locked the safe, and it stayed shut until 1930.", "The tanks stood 40 feet tall, and it could hold two million gallons."):
        found = suggest(f"In 1921 a syrup tank burst in Halford. {sentence}\n", per_1000=1000)
        assert not any("1930" in s.answer or "two million" in s.answer for s in found)


# Sixtieth round, part A (issue 6): a person read as a place, a name with its epithet, a canal named after two places and
# a firm named after its partners are asked whole, as what they are.
def test_epithets_canals_firms_and_described_people_are_asked_whole():
    text = (
        "Ada Lind was a potter from Leeds. "
        "In 1773 Catherine the Great of Russia ordered a service from Ada Lind for fifty people. "
        "The firm of Hollis, Brand and Petch printed the labels in Leeds. "
        "Ada Lind cut the first sod of the Ouse and Calder Canal at Denby in 1766. "
        "Ada Lind found a partner in Thomas Fell, a Leeds merchant with a taste for art."
    )
    fronts = _fronts(text, "Ada Lind")
    assert "In 1773 {{c1::Catherine the Great}} of Russia ordered a service from Ada Lind for fifty people." in fronts
    assert "(Ada Lind) The firm of {{c1::Hollis, Brand and Petch}} printed the labels in Leeds." in fronts
    assert "Ada Lind cut the first sod of the {{c1::Ouse and Calder Canal}} at Denby in 1766." in fronts
    assert "Ada Lind found a partner in {{c1::Thomas Fell}}, a Leeds merchant with a taste for art." in fronts
    # the line: never the epithet or half a name alone
    assert not any(answer in front for front in fronts for answer in ("{{c1::Great of Russia}}", "{{c1::Calder Canal}}", "{{c1::Petch}}"))


# Sixtieth round, part B (issue 6): half of one unit, old pence, a count before a name that says which kind, and a term
# "known as" after a common noun of a place are asked whole; never half the unit.
def test_half_a_unit_old_pence_and_a_term_known_as_after_a_place_are_asked():
    text = (
        "In 1850 a parcel weighing up to half an ounce could be posted anywhere in the county. "
        "In 1851 the toll for a cart was raised to fourpence. "
        "The miners of Cornwall, known as tinners, struck in 1852."
    )
    fronts = _fronts(text, "Rural post")
    assert "In 1850 a parcel weighing {{c1::up to half an ounce}} could be posted anywhere in the county." in fronts
    assert "In 1851 the toll for a cart was raised to {{c1::fourpence}}." in fronts
    assert "The miners of Cornwall, known as {{c1::tinners}}, struck in 1852." in fronts
    # the line: never the unit without its half
    assert not any("{{c1::an ounce}}" in front for front in fronts)


# Sixty-first round, the lead's part (issue 6): a name between a possessive (and an ordinal) and a common noun only says
# which kind the noun is ("its first Test match"); an "it" after it never stands for that name.
def test_an_it_never_stands_for_a_name_that_only_says_which_kind_a_noun_is():
    text = (
        "Thomas Harwick was born in 1755 in Thirsk. Harwick opened his first ground in 1787. "
        "Harwick's staged its first Derby match, England against Scotland, in 1884. "
        "On 3 June 1902 it hosted the first Empire Cup final, in which Leeds beat York by four goals."
    )
    fronts = _fronts(text, "Harwick's Cricket Ground: A History")
    assert not any("Derby hosted" in front for front in fronts)
    # the line: a name the sentence before gives as a thing of its own, not before a noun, is still what "it" means
    text = "Harwick Park was laid out in 1790. The Derby Stakes were first run there in 1884. In 1902 it moved to a new course."
    assert "(Harwick Park) In what year did the Derby Stakes move to a new course?" in _fronts(text, "Harwick Park")


# Sixty-first round, part B (issue 6): an "its" in an opening no comma closes, right before the subject's own name, is
# that subject's; not when another noun or name stands in the opening, nor before a person, which no "its" can be.
def test_an_its_in_an_unclosed_opening_before_a_things_name_is_that_things():
    text = (
        "Harwick Market opened beside the river in 1820. "
        "The Orrin Mill stood across the water. "
        "At its height Harwick Market sold more than 300 kinds of cheese. "
        "At its peak Ada Lee employed about 900 weavers. "
        "At its height the mill and the Dunmore Exchange sold 250 kinds of cloth."
    )
    fronts = _fronts(text, "Harwick Market")
    assert "At its height Harwick Market sold {{c1::more than 300}} kinds of cheese." in fronts
    # the line: a person is no "its", and "the mill" in the opening may own it
    assert not any("900" in front or "250" in front for front in fronts)


# Sixty-first round, part B (issue 6): a time of day in a "which" clause that ends the sentence tells when the event the
# sentence brings in happened, and is asked; a "which" clause the sentence goes on after, or a "who" clause, is an aside.
def test_a_time_of_day_in_a_closing_which_clause_is_asked():
    text = (
        "Harwick Market opened beside the river in 1820. "
        "The best-known event of the week was the cheese auction, which began at about 5:30 a.m. Hundreds of wheels lay in rows. "
        "The fish sale, which began at 4 a.m., drew big crowds. "
        "The wool sale was run by Ada Lee, who arrived at 6 p.m. on Fridays."
    )
    fronts = _fronts(text, "Harwick Market")
    assert "(Harwick Market) The best-known event of the week was the cheese auction, which began at {{c1::about 5:30 a.m.}}" in fronts
    # the line: a clause the sentence goes on after stays an aside (one about a person that closes the sentence is
    # asked since round 80: "…, who arrived at 6 p.m. on Fridays.")
    assert not any("{{c1::4 a.m.}}" in front for front in fronts)


# Sixty-second round, the lead's part (issue 6): a document about a place named after its owner ("Harwick's Cricket
# Ground") is about the place, not the man: its sentences that call it "Harwick's" are asked, the man's name is an answer
# like any other, and an "it" is written as the place's name without "the" (unlike "the Hudson's Bay Company", whose
# possessive names a place of its own).
def test_a_place_named_after_its_owner_is_the_topic_and_takes_no_article():
    text = (
        "Harwick’s Cricket Ground: A History\n\n"  # the title line an article opens with names the ground in full
        "Harwick's, in north Leeds, is the oldest cricket ground in the county. "
        "Thomas Harwick was born in 1755 in Thirsk. Harwick opened his first ground in 1787. "
        "Harwick's staged its first Derby match, England against Scotland, in 1884. "
        "On 3 June 1902 it hosted the first Empire Cup final, in which Leeds beat York by four goals."
    )
    fronts = _fronts(text, "Harwick’s Cricket Ground: A History")
    assert "Harwick's staged its first Derby match, England against Scotland, in {{c1::1884}}." in fronts
    assert "On {{c1::3 June 1902}} Harwick’s Cricket Ground hosted the first Empire Cup final, in which Leeds beat York by four goals." in fronts
    assert not any(front.startswith("(Thomas Harwick)") for front in fronts)
    from heatcards.authoring.rules import _takes_the

    assert _takes_the("Hudson's Bay Company") and not _takes_the("Harwick's Cricket Ground")


# Sixty-second round, the lead's part (issue 6): an "It" after a sentence whose subject keeps a thing named by a name
# before its noun ("keeps the Ashes urn") may be either, also after an opening of place ("Inside the ground, "); it is not
# written as the subject.
def test_an_it_after_a_subject_that_keeps_a_named_thing_is_not_the_subject():
    text = (
        "Harwick Park is a cricket ground in Leeds. "
        "Inside the ground, the Harwick Museum keeps the Derby bell, a brass bell rung before every match since the 1880s. "
        "It came to the club in 1927."
    )
    fronts = _fronts(text, "Harwick Park")
    assert not any("did the Harwick Museum come" in front or "the Harwick Museum came" in front for front in fronts)


# Sixty-second round, part A (issue 6): a chain of "he" that starts from the document's person called by the first name
# alone is the document's person, also when the words around the name made it a person's name (the mention finder read
# "Henry" as a person, not as a name of unknown kind); in another person's life that first name is someone else.
def test_a_chain_from_the_persons_first_name_alone_is_the_person():
    text = (
        "Henry John Marsh was born in Hull in 1812. "
        "The family followed his father to York, and Henry spent the happiest years of his boyhood there. "
        "Henry, aged ten, was sent to work in a mill near the docks. "
        "The job lasted a year, but he never forgot it. "
        "He told no one, and the story became public only in a memoir written by his friend Tom Vane."
    )
    assert "Henry John Marsh told no one, and the story became public only in a memoir written by his friend {{c1::Tom Vane}}." in _fronts(text, "Henry Marsh")
    # the line: in Ada Marsh's life the Henry of the chain is some Henry, and the "He" is not guessed
    fronts = _fronts("Ada Marsh was born in Hull in 1815. " + text.split(". ", 1)[1], "Ada Marsh")
    assert not any("told no one" in front for front in fronts)


# Sixty-second round, part A (issue 6): with "the General Strike" read as an event, not a man, a "he" after it is the
# document's person, the one person of that gender left, and the chain goes on; a man the sentence before names is not
# passed over.
def test_a_he_after_an_event_named_with_a_title_word_is_the_person():
    text = (
        "Alan Reed was born in Leeds in 1912. "
        "His first day at school fell during the General Strike, so the boy walked alone. "
        "At the school he formed a close friendship with Tom Vane, a gifted older pupil. "
        "He went up to Oxford University in 1931 to read history."
    )
    fronts = _fronts(text, "Alan Reed")
    assert "At the school Alan Reed formed a close friendship with {{c1::Tom Vane}}, a gifted older pupil." in fronts
    assert "Alan Reed went up to {{c1::Oxford University}} in 1931 to read history." in fronts
    # the line: a general the sentence before names may be the "he", and the sentence is refused
    text = "Alan Reed was born in Leeds in 1912. His first posting was under General Vane. At the school he formed a friendship with Tom Cole."
    assert not any("formed a friendship" in front for front in _fronts(text, "Alan Reed"))


# Sixty-second round, part B (issue 6): an inverted opening that dates a thing's subject pronoun after "did" ("Only in
# 1774 did it open …") is read as any opening before that pronoun, which then becomes the thing it stands for; not an
# opening without a year ("Only then did it …", whose time leans on the sentence before), nor after a sentence that
# offers several things the "it" could be.
def test_a_pronoun_after_an_inverted_dated_opening_is_read_as_after_any_opening():
    text = (
        "The Harwick Trading Company was founded in London in 1702. "
        "Tom Vane wrote that the firm had slept for fifty years. "
        "Only in 1774 did it open its first inland post, Fort Bell, in what is now Manitoba. "
        "Only then did it build its first ship, the Kestrel. "
        "In 1790 the Harwick Trading Company bought the Star Mill and the Bell Foundry. "
        "Not until 1801 did it open a mill at Port Ross."
    )
    fronts = _fronts(text, "Harwick Trading Company")
    assert "Only in {{c1::1774}} did the Harwick Trading Company open its first inland post, Fort Bell, in what is now Manitoba." in fronts
    # the line: no year in the opening, or several things before it, leave the "it" unread and the sentence refused
    assert not any("Kestrel" in front or "Port Ross" in front or "1801" in front for front in fronts)


def test_a_word_for_a_faith_is_no_person_who_could_be_she():
    """"an English Quaker" names no one: the "She" after it is still the document's person, even when another
    sentence says "a Quaker told her"; and a people's words are never the answer."""
    text = (
        "Ada Brand was an English Quaker who worked for better prisons, and by 1820 she was famous. "
        "She was born Ada Gurney on 21 May 1780 in Norwich. In 1813 a Quaker told her about a prison in Leeds."
    )
    found = cards(text, title="Ada Brand")
    assert ("cloze:date", "Ada Brand was born Ada Gurney on {{c1::21 May 1780}} in Norwich.", "") in found
    assert not any("{{c1::English Quaker}}" in front or "{{c1::Quaker}}" in front for _, front, _ in found)


def test_a_surname_after_shows_is_the_person_named_in_full_not_a_title():
    """"A photograph … shows Vane in a tall hat": "shows" is a verb here, and Vane is the engineer the document
    names in full, so the "he" after a sentence where he and another man both act is nobody's for sure."""
    text = (
        "Tom Vane was an engineer. A photograph that Karl Lind took in 1857 shows Vane in a tall hat. "
        "Prince Albert opened the bridge in 1859, but Vane was too ill to attend. In 1860 he married Ada Marks."
    )
    found = cards(text, title="Tom Vane")
    assert not any("Prince Albert married" in front or "Karl Lind married" in front for _, front, _ in found)
    assert not any("{{c1::Vane}}" in front for _, front, _ in found)


def test_a_verb_after_and_is_no_second_main_clause():
    """"…, and was buried in …" shares the subject of the clause before: no card opens "Was buried in"."""
    text = "Tom Vane was a banker in Leeds. Karl Marks met him. He died on 15 September 1859, aged 53, and was buried in Kensal Green Cemetery in London."
    assert not any(front.startswith("Was ") for _, front, _ in cards(text))


# Round 63, part B: a "her" after a verb of seeing or causing and before a bare verb with its object is the person, not
# a possessive ("watch Ada Brand read the Bible"); where the word after it may be a noun ("see her work"), no card.
def test_her_before_a_bare_verb_after_a_verb_of_seeing_is_an_object():
    text = (
        "Ada Brand was a reformer in Leeds. Aldermen and bishops came to watch her read the Bible to the prisoners in 1818. "
        "In 1810 crowds came to see her work in the prison at Newgate. In 1814 the mayor watched her son open the school at Hull."
    )
    fronts = {front for _, front, _ in cards(text, title="Ada Brand")}
    assert "Aldermen and bishops came to watch Ada Brand read the Bible to the prisoners in {{c1::1818}}." in fronts
    assert "In {{c1::1814}} the mayor watched Ada Brand's son open the school at Hull." in fronts
    assert not any("Brand's read" in front or "Newgate" in front for front in fronts)


def test_a_gallery_keeps_the_place_after_of():
    found = answers("One quilt survives and is now held by the National Gallery of Australia in Canberra.", title="Quilts")
    assert "National Gallery of Australia" in found and "National Gallery" not in found


def test_a_title_after_a_work_noun_is_not_cut_to_its_first_word():
    text = "Ada Brand set out her methods in a short book, Notes on the Visiting, Care, and Government of Prisoners, published in 1827."
    assert "Notes" not in answers(text, title="Ada Brand")
    # the line: a title that ends at the name stays an answer
    assert "Ivanhoe" in answers("Ada Brand read the novel Ivanhoe by Walter Scott in 1820.", title="Ada Brand")


def test_a_latin_species_name_is_not_cut_to_its_genus():
    text = "Ada Brand was a reformer. The record belongs to Darwin's bark spider, Caerostris darwini of Madagascar."
    found = answers(text, title="Ada Brand")
    assert "Caerostris" not in found and "Darwin's" not in found and "Madagascar" in found


# Round 63, part D: the terms and parts of an explainer. A quoted term after a description and "known as"; the kind a
# subject is "a form of" (two or three words, or a hyphenated one); a part's one-word term with "the" set after a
# described thing and before a clause that says more of it. Not one plain word after "a form of", a quoted name after
# "the", nor a part that judges.
def test_an_explainer_asks_its_quoted_terms_kinds_and_parts():
    text = (
        "A young spider lets out threads until the air lifts it away, a habit known as \"ballooning\". "
        "Microwaves are a form of non-ionising radiation. "
        "A magnetron has a heated cathode, surrounded by a copper block, the anode, which is cut with cavities. "
        "The old boat was a rusty tub known as \"the bucket\". "
        "Microwaves are a form of energy. "
        "He read a dull book, the worst, which he hated. "
        "Food gets hot in the oven."
    )
    fronts = _fronts(text, "How a microwave oven works")
    assert "A young spider lets out threads until the air lifts it away, a habit known as \"{{c1::ballooning}}\"." in fronts
    assert "Microwaves are a form of {{c1::non-ionising radiation}}." in fronts
    assert any("the {{c1::anode}}" in front for front in fronts)
    # the line: one plain word after "a form of" (an everyday word), a quoted name after "the" (a nickname), a judgement
    assert not any("{{c1::energy}}" in front or "bucket}}" in front or "{{c1::worst}}" in front for front in fronts)

def test_the_count_of_a_part_after_an_opening_that_counts_the_whole_is_asked():
    """Round 63, part E: "Of the 97 people on board, {{62}} survived.": the main clause's number is the fact."""
    text = "The airship Orla burned at Leeds on 6 May 1937. Of the 97 people on board, 62 survived."
    fronts = _fronts(text, "The Orla disaster")
    assert "(Orla) Of the 97 people on board, {{c1::62}} survived." in fronts


def test_a_place_in_a_contest_or_poll_is_asked_but_not_a_passive_of_finishing():
    """Round 63, part E: "came {{second}}, behind only …", "finished {{third}} in …" ask the rank; "The gateway was
    finished first," orders the work and is no rank."""
    text = (
        "Tom Vane was a British engineer. In a poll of 2002, Tom Vane came second, behind only Winston Churchill. "
        "Ada Brand finished third in the 1,500 metres at Oslo. The gateway of his house was finished first, in 1873."
    )
    fronts = _fronts(text, "Tom Vane")
    assert any("came {{c1::second}}, behind only Winston Churchill." in front for front in fronts)
    assert any("Ada Brand finished {{c1::third}} in the 1,500 metres at Oslo." in front for front in fronts)
    assert not any("{{c1::first}}" in front for front in fronts)


def test_a_counted_noun_before_an_apposition_is_no_term():
    """Round 63, part E: "with 36 passengers and 61 crew, a total of 97 people": "crew" is counted, not a term."""
    text = "The airship Orla burned at Leeds in 1937. The Orla left Frankfurt with 36 passengers and 61 crew, a total of 97 people, under Max Pruss."
    fronts = _fronts(text, "The Orla disaster")
    assert not any("{{c1::crew}}" in front for front in fronts)


def test_an_it_is_not_read_as_a_thing_named_only_in_a_time_clause_before():
    """Round 63, part E: the sentence before names the BBC only in its "when" clause, and its main clause is about a
    person: "It left Frankfurt …" is not shown after it, as if the BBC had left Frankfurt."""
    text = (
        "The airship Orla burned at Leeds in 1937. In 2002, when the BBC asked the public to choose the 100 Greatest "
        "Britons, Tom Vane came second, behind only Winston Churchill. It left Frankfurt on 3 May with 36 passengers."
    )
    fronts = _fronts(text, "The Orla disaster")
    assert not any("Churchill. It left" in front for front in fronts)


def test_a_length_in_feet_and_a_fraction_of_an_inch_is_one_answer():
    text = "In 1835 Tom Vane chose a track gauge of 7 feet ¼ inch, far wider than the 4 feet 8½ inches of the north."
    found = answers(text)
    assert "4 feet 8½ inches" in found and "4 feet" not in found and "7 feet" not in found


def test_an_administration_is_one_name_across_its_and():
    text = "In 1990 a rule of the Food and Drug Administration limited leakage to 5 milliwatts."
    assert "Food" not in answers(text)


def test_a_person_of_an_acronym_is_the_person_and_the_acronym():
    assert {"Herbert Morrison", "WLS"} <= answers("In 1937 the reporter Herbert Morrison of WLS, a Chicago radio station, spoke.")
    assert "Dark Lady" not in answers("In 2002 Ann Vane wrote The Dark Lady of DNA, a life of Rosalind Franklin.")
# Sixty-third round, part A (issue 6): cuts that left a broken sentence. An aside after a name that is the object of a
# verb before it is no aside between a subject and its verb ("signed the Road Act, which paid for …, limited-access
# highways"), nor is a word a hyphen joins to the next a main verb; a cut is not made before a phrase set between commas
# in front of the main verb (", starring Tom Vane and Carl Berg, followed …"); and a list of predicates is never cut to
# its first two without their "and".
def test_an_aside_after_an_object_is_not_cut_up_to_a_comma_inside_it():
    fronts = _fronts("In 1956 President Tom Vane signed the Road Act, which paid for a national network of divided, limited-access highways.", "Road Act")
    assert "In {{c1::1956}} President Tom Vane signed the Road Act, which paid for a national network of divided, limited-access highways." in fronts
    fronts = _fronts("In 1956 President Tom Vane signed the Road Act, which paid for a network of divided, fenced highways.", "Road Act")
    assert "In {{c1::1956}} President Tom Vane signed the Road Act, which paid for a network of divided, fenced highways." in fronts
    # the line: an aside between a subject and its verb is still left out, after ", while" too
    text = "For two weeks, crowded meetings debated what to do, while Tom Vane, whose family owned the ship, pleaded with officials in 1773."
    assert "For two weeks, crowded meetings debated what to do, while Tom Vane pleaded with officials in {{c1::1773}}." in _fronts(text, "Tea Party")


def test_a_cut_keeps_the_main_verb_after_a_phrase_between_commas():
    text = (
        "From 1960 to 1964 a television drama called Highway Nine, starring Tom Vane and Carl Berg, followed two young men "
        "across the country in a Corvette, although few of its episodes were filmed on the road."
    )
    fronts = _fronts(text, "Highway Nine")
    assert (
        "From {{c1::1960}} to 1964 a television drama called Highway Nine, starring Tom Vane and Carl Berg, followed two young men "
        "across the country in a Corvette." in fronts
    )
    assert not any(front.endswith("called Highway Nine.") for front in fronts)


def test_a_list_of_predicates_is_cut_to_its_first_or_kept_whole():
    text = (
        "Ada Brand was a reformer. From 1818 she and her helpers visited the ships before they sailed, persuaded the "
        "authorities to use closed carriages instead of open carts, and gave each woman a bag of tools and enough cloth to "
        "make a quilt during the voyage."
    )
    fronts = _fronts(text, "Ada Brand")
    assert "From {{c1::1818}} Ada Brand and her helpers visited the ships before they sailed." in fronts
    assert not any(front.endswith("instead of open carts.") for front in fronts)
    # the line: a list whose "and" the cut keeps stays whole
    text = (
        "The effort to lay a cable across the sea floor took twelve years, cost several fortunes and survived a string of "
        "failures, and the men who paid for it were never thanked by the two governments that had used it for so long."
    )
    assert "The effort to lay a cable across the sea floor took {{c1::twelve years}}, cost several fortunes and survived a string of failures." in _fronts(text, "Cable")


def test_the_name_in_a_faraday_cage_is_half_a_term():
    assert "Faraday" not in answers("In 1990 the mesh of the oven door at Leeds was made to work as a Faraday cage.")


def test_a_cut_after_an_abbreviation_keeps_one_full_stop():
    text = (
        "The transformer of the Leeds plant takes the mains supply, 230 volts in Britain or 120 volts in the U.S., and "
        "steps it up; together with a capacitor and a diode it feeds the tube with about 4,000 volts after 1990."
    )
    assert not any(front.endswith("..") for _, front, _ in cards(text))


# Round 64, the lead's part: "they" after a people, a year's comma, "In the same year", "this" before a name, an aside
# after "by then", a list of predicates whose second ends in a name, and titles written without quotation marks.


def test_they_after_a_sentence_about_believers_is_not_the_plural_the_sentence_names_with_the():
    text = "Under Queen Anne, Quakers who refused to attend the services of the Church of Orla were known as dissenters. They paid fines of up to £30 a year."
    fronts = [s.front for s in suggest(text, "The Test Act") if "£30" in s.front]
    assert fronts and not [front for front in fronts if "services paid" in front]


def test_a_year_before_a_comma_counts_no_plural_after_it():
    text = ("The Tower is looked after by Orla Palaces, an independent charity set up in 1998, and draws nearly three million "
            "visitors a year. They are guided by the Warders; in 2007 Ann Lee became the first woman appointed to the post.")
    fronts = [s.front for s in suggest(text, "Orla Tower") if "Ann Lee" in s.front]
    assert fronts and not [front for front in fronts if "draws are guided" in front]


def test_in_the_same_year_opening_a_sentence_is_never_written_in_in():
    text = "Tom Vane was a painter. He sold his first picture in 1871. In the same year, on 3 March, he married his cousin Ann Lee."
    fronts = [s.front for s in suggest(text, "Tom Vane")]
    assert fronts and not [front for front in fronts if "In in" in front or "in in" in front]


def test_a_name_after_this_is_written_with_the():
    text = "This Royal Aviary lasted for some three hundred years. It was closed in 1841 on the orders of the Duke of Leeds."
    assert any(s.front.startswith("The Royal Aviary was closed in {{c1::1841}}") for s in suggest(text, "Orla Castle"))


def test_by_then_opening_an_aside_stays():
    text = "The ditch, by then a muddy trench, was filled in 1851 and later turned into a garden."
    assert any(s.front.startswith("The ditch, by then a muddy trench, was filled in {{c1::1851}}") for s in suggest(text, "Orla Castle"))


def test_a_list_of_predicates_whose_second_ends_in_a_name_is_cut_before_the_second():
    text = ("On 2 June 1702 a Scottish sailor, Captain Tom Vane, broke into the Treasury with two friends, "
            "tied up the old guard, Ann Lee, and carried the gold away in a cart.")
    fronts = [s.front for s in suggest(text, "Orla Castle") if "{{c1::2 June 1702}}" in s.front]
    assert fronts == ["On {{c1::2 June 1702}} a Scottish sailor, Captain Tom Vane, broke into the Treasury with two friends."]


def test_a_participle_with_by_is_no_first_predicate():
    text = "Orla Motors, led by Karl Lind, offered cars with more power, more comfort and a choice of colours, and it sold them cheaply."
    assert not [s for s in suggest(text, "The Vane Roadster") if s.front.endswith("led by {{c1::Karl Lind}}.") or "Karl Lind." in s.front]


@pytest.mark.parametrize(
    "sentence, piece",
    [
        ("Tom Vane read Karl Lind's Elements of Botany on board in 1851.", "Botany"),
        ("Studies of the Flowers of Spain by Means of the Lens was published by Ann Lee in 1860.", "Means of the Lens"),
        ("The Habits of the Birds in Town and Country followed in 1865.", "Habits of the Birds"),
        ("The Habits of the Birds in Town and Country followed in 1865.", "Town"),
        ("Tom Vane's book On the Growth of Ferns appeared in 1862.", "On"),
        ("In 1862 Tom Vane wrote the book On the Growth of Ferns.", "Growth of Ferns"),
        ("The first Orla jet, the Vane E.12/40, flew in 1942.", "Vane E"),
    ],
)
def test_a_piece_of_a_title_without_quotation_marks_is_no_answer(sentence, piece):
    assert piece not in answers(sentence, "Tom Vane")


def test_names_beside_of_in_and_by_stay_answers():
    assert "Gulf of Orla" in answers("Calm tides are found in parts of the Gulf of Orla and Southeast Asia in 1990.")
    assert "Elector of Orla" in answers("Tom Vane's grandfather was music master at the court of the Elector of Orla in Bonn in 1760.")


# Round 64, part A: a thing called by its common noun; "named after"; "officially"
_ORLA = (
    "The Orla Disaster\n\nOn 3 June 1931 the British airship Orla caught fire over Dover and was lost. The Orla, officially R 140, was "
    "built by the Shorts company at Cardington, in Bedfordshire, and first flew on 4 May 1929. It was 200 metres "
    "long. It was named after Mary Orla, the queen who had died in 1925. The ship was run by the Imperial Transport "
    "Board, a body set up in 1926 with money from the Air Ministry."
)


def test_the_ship_is_the_one_thing_the_document_calls_an_airship():
    fronts = {s.front for s in suggest(_ORLA, "The Orla Disaster", 1000)}
    assert "(Orla Disaster) Orla was run by the Imperial Transport Board, a body set up in {{c1::1926}} with money from the Air Ministry." in fronts
    # another liner the document names: "the ship" may be either
    other = _ORLA.replace("It was 200 metres long.", "It was 200 metres long, twice the liner Vega.")
    assert not any("run by" in s.front for s in suggest(other, "The Orla Disaster", 1000))


def test_a_person_a_thing_is_named_after_and_an_official_name_are_answers():
    answers_ = {s.answer for s in suggest(_ORLA, "The Orla Disaster", 1000)}
    assert {"Mary Orla", "R 140"} <= answers_
    text = "The Vega Telescope is a space telescope launched in 1990. The telescope was named after Carlos Vega, the astronomer who found the galaxies."
    assert "Carlos Vega" in {s.answer for s in suggest(text, "The Vega Telescope", 1000)}


# Round 64, part D: a "He" after a sentence that leaves the document's person alone where the pronoun goes on
def test_he_goes_on_with_the_person_who_is_the_last_main_clauses_subject():
    text = (
        "Tom Brand was an English engineer. Prince Albert opened the Avon Bridge on 2 May 1871, but Brand was too ill to "
        "attend; he saw the finished bridge only later. He died on 9 June 1872, aged 61, and was buried in Highgate Cemetery."
    )
    assert "Tom Brand died on {{c1::9 June 1872}}, aged 61, and was buried in Highgate Cemetery." in _fronts(text, "Tom Brand")
    # the line: the last subject is the other man, or the other man comes after the person's clause opens
    for before in ("Brand designed the Avon Bridge, but Prince Albert opened it on 2 May 1871; he spoke for an hour.",
                   "Prince Albert opened the Avon Bridge on 2 May 1871, but Brand met Karl Lind there; he spoke for an hour."):
        text = f"Tom Brand was an English engineer. {before} He died on 9 June 1872, aged 61, and was buried in Highgate Cemetery."
        assert not any("9 June 1872" in front for front in _fronts(text, "Tom Brand"))


def test_he_after_a_thing_whose_relative_clause_names_another_man():
    text = (
        "Tom Brand was an English engineer. A portrait that Karl Lind painted in 1867 shows Brand in a long coat, a pipe in "
        "his hand. In 1842 he married Ann Cole, the daughter of a Bristol banker."
    )
    assert "In {{c1::1842}} Tom Brand married Ann Cole, the daughter of a Bristol banker." in _fronts(text, "Tom Brand")
    # the line: the person inside the relative clause, another man in the main clause
    text = text.replace("that Karl Lind painted in 1867 shows Brand", "that Brand painted in 1867 shows the banker Karl Lind")
    assert not any("1842" in front for front in _fronts(text, "Tom Brand"))


def test_a_short_form_given_in_an_aside_is_left_out_of_the_cloze_of_its_name():
    text = (
        "Harwick Park is a rugby ground in Leeds. It belongs to the Northern Rugby Union, better known as the NRU, "
        "and it is also the home of the Leeds Rhinos. The Yorkshire Music Society, better known as the YMS, owns the hall."
    )
    fronts = _fronts(text, "Harwick Park")
    assert any("belongs to the {{c1::Northern Rugby Union}}, and it is" in front for front in fronts)
    assert "(Harwick Park) The {{c1::Yorkshire Music Society}} owns the hall." in fronts


# Round 64, part C: counts and quantities
def test_a_large_count_outranks_the_names_of_its_asides():
    fronts = _fronts("In 1791 King Frederick II gave the academy the herbarium of his uncle, Prince Ludwig, some 42,000 specimens.", "Berlin Academy")
    assert "In 1791 King Frederick II gave the academy the herbarium of his uncle, Prince Ludwig, {{c1::some 42,000}} specimens." in fronts
    # the line: a small count stays below the names (three cards a sentence at most)
    fronts = _fronts("In 1791 King Frederick II gave the academy the herbarium of his uncle, Prince Ludwig, some twelve cases.", "Berlin Academy")
    assert not any("{{c1::some twelve}}" in front for front in fronts)


def test_a_sentence_too_long_gives_its_first_clauses():
    text = (
        "Hale describes a rope works in which twelve spinners, each tending a few of the thirty separate wheels, could lay "
        "upwards of 9,000 fathoms of rope in a week, while one man working alone, unskilled in the craft, could hardly lay "
        "forty and perhaps not even ten."
    )
    assert (
        "Hale describes a rope works in which twelve spinners, each tending a few of the thirty separate wheels, could lay "
        "upwards of {{c1::9,000}} fathoms of rope in a week."
    ) in _fronts(text, "Rope")


def test_a_company_of_capitals_and_an_ampersand_is_asked_whole():
    text = "Under pressure from the state's antitrust lawyers, B&O chose to sell the Ohio lines rather than keep them, in 1911."
    assert "Under pressure from the state's antitrust lawyers, {{c1::B&O}} chose to sell the Ohio lines rather than keep them, in 1911." in _fronts(text, "Railways")


# Round 64, part B: terms in explainers.
def test_a_sentence_that_all_starts_with_something_has_no_it_to_read():
    text = (
        "Hail forms in strong storms. Hail is made of layered ice. It all begins with rising air inside a tall storm "
        "cloud, known to pilots as a supercell."
    )
    # (not shown after "Hail is made of layered ice.", as if the "It" needed it)
    assert "It all begins with rising air inside a tall storm cloud, known to pilots as a {{c1::supercell}}." in _fronts(text, "Hail")


def test_the_term_a_part_works_as_is_asked():
    text = (
        "An electric kettle boils water in a few minutes. The electric kettle was first sold in Leeds in 1891. The grille in "
        "the lid of an electric kettle works as a Volta cage. The lid of an electric kettle acts as a heat sink."
    )
    fronts = _fronts(text, "Electric kettle")
    assert any(front.endswith("The grille in the lid of an electric kettle works as a {{c1::Volta cage}}.") for front in fronts)
    assert any(front.endswith("The lid of an electric kettle acts as a {{c1::heat sink}}.") for front in fronts)


# Round 64, the lead's part after the merge: "the same … as" and what it is compared with.


def test_the_same_day_as_someone_leans_on_nothing():
    text = "Tom Vane was a botanist. Vane was born on 3 March 1811 in Leeds, on the same day as Karl Lind."
    assert "3 March 1811" in answers(text, "Tom Vane")
    assert "3 March 1811" not in answers("Tom Vane was a botanist. Vane was born on 3 March 1811 in Leeds, on the same day.", "Tom Vane")


# Round 65, the lead's part: a multiple before "more"; "no two".
def test_a_multiple_before_more_is_asked():
    text = "The Vane scale rates storms by their rain. Each grade on the Vane scale means roughly five times more rain."
    assert "roughly five times" in answers(text, "Vane scale")


def test_no_two_of_them_is_no_count():
    text = "The Lind Hall was built in 1880. The roof of the Lind Hall is made of 4,200 tiles, no three of them alike."
    assert "three" not in answers(text, "Lind Hall")
    assert "4,200" in answers(text, "Lind Hall")


# Round 65, part D: "he", "his", "him", "she", "her" in biographies.
def test_a_he_the_claim_wrote_as_the_person_is_offered_with_the_other_man():
    text = (
        "Walter Penn was an English surveyor who mapped the fens of Norfolk. Afterwards he drew a chart of the coast and "
        "showed his friend the engraver Samuel Crane that the work was \"like counting sand\". He then spent four years, "
        "from 1840 to 1844, on a survey of Lincolnshire. His cousin Hugh became mayor of Lincoln."
    )
    fronts = " ".join(_fronts(text, "Walter Penn"))
    # the "he" of the second sentence is Walter Penn, written so in its claim: the "He" after it may be either man
    assert "Samuel Crane spent" not in fronts and "Samuel Crane's cousin" not in fronts


# Round 65, part A: a person named with a rank before "of" and a body; a work read after its author's possessive.
def test_a_ranked_person_of_a_body_and_a_work_after_its_authors_possessive_are_asked():
    text = (
        "Tom Vane was a geologist from Leeds. Commander James Wright of the Royal Air Force wanted a companion for a "
        "flight to Greenland. In May 1852 Vane read Thomas Hartley's Essay on the Origin of Mountains, which argued that "
        "rocks fold slowly."
    )
    found = cards(text, "Tom Vane")
    assert ("cloze:person", "(Tom Vane) Commander {{c1::James Wright}} of the Royal Air Force wanted a companion for a flight to Greenland.", "") in found
    assert ("cloze:organisation", "(Tom Vane) Commander James Wright of the {{c1::Royal Air Force}} wanted a companion for a flight to Greenland.", "") in found
    fronts = {front for _, front, _ in found}
    assert any(front.endswith("Vane read Thomas Hartley's {{c1::Essay on the Origin of Mountains}}, which argued that rocks fold slowly.") for front in fronts)
    assert any(front.endswith("Vane read {{c1::Thomas Hartley}}'s Essay on the Origin of Mountains, which argued that rocks fold slowly.") for front in fronts)
    # no card asks a half name: "Thomas Hartley's Essay" as one person, "Origin of Mountains" as a place
    assert not any("Hartley's Essay}}" in front or "{{c1::Origin of Mountains}}" in front for front in fronts)


# Round 65, part B: terms a sentence names or defines.
def test_the_term_a_which_clause_of_callers_gives_is_asked():
    text = "Racing yachts carry several sails. Racing yachts often carry a spinnaker, which the Americans call a chute."
    # (the term ends a "which" clause, which had made it an aside about the spinnaker)
    assert "Racing yachts often carry a spinnaker, which the Americans call a {{c1::chute}}." in _fronts(text, "Sailing")


def test_a_quoted_name_whoever_calls_a_thing_is_asked():
    text = 'By late March 1962 the damaged tower had been wrapped in a timber frame that everyone called the "cage."'
    assert 'By late March 1962 the damaged tower had been wrapped in a timber frame that everyone called the "{{c1::cage}}."' in _fronts(text, "Old towers")


def test_an_it_in_a_glossary_items_description_leans_on_nothing():
    text = (
        "Pumps come in many kinds.\n\n"
        "Screw pump: it has no valves at all and lifts the water along a turning spiral inside a tube, so it works only on gentle slopes.\n\n"
        "Piston pump: a rod at the top drives a plunger down into the cylinder and pulls the water up through it."
    )
    fronts = _fronts(text, "How a pump works")
    assert any(front.endswith("{{c1::Screw pump}}: it has no valves at all and lifts the water along a turning spiral inside a tube, so it works only on gentle slopes.") for front in fronts)
    assert any(front.endswith("{{c1::Piston pump}}: a rod at the top drives a plunger down into the cylinder and pulls the water up through it.") for front in fronts)


def test_an_it_inside_a_description_a_term_names_leans_on_nothing():
    text = (
        "The share of the water that passes over the weir to the water that goes under it is called the flow ratio; in "
        "the big dams of the Alps it is around 4 to 1."
    )
    assert "The share of the water that passes over the weir to the water that goes under it is called the {{c1::flow ratio}}." in _fronts(text, "Dams")
    # the line: an "it" with no thing before it in the description still needs the sentence before
    assert not any("{{c1::flow ratio}}" in front for front in _fronts("The water that goes under it is called the flow ratio.", "Dams"))


# Round 65, part C: "it" and "its" standing for a document's topic (a thing).


def test_a_subject_it_after_today_is_the_topic():
    text = (
        "The Vega Stadium, in the west of Oslo, is the largest football ground in Norway. It belongs to the Oslo Football "
        "Club, and it is also the home of the national team. Today it holds about 41,200 spectators."
    )
    fronts = _fronts(text, "Vega Stadium")
    assert "Today the Vega Stadium holds {{c1::about 41,200}} spectators." in fronts


def test_an_object_it_after_a_sentence_whose_common_subject_the_topic_is_called_by():
    text = (
        "The Vega Tower is a stone tower on the coast of Norway. At first the tower carried no lamp. "
        "Sailors called it the Old Candle."
    )
    fronts = _fronts(text, "Vega Tower")
    assert "Sailors called the Vega Tower the {{c1::Old Candle}}." in fronts


def test_an_it_after_a_common_thing_taken_as_an_object_is_not_the_topic():
    text = (
        "The Vega Tower is a stone tower on the coast of Norway. The Vega Tower carried a bronze bell. "
        "In 1820 the harbour board replaced it with a lamp made in Bergen."
    )
    assert not any("replaced the Vega Tower" in front for front in _fronts(text, "Vega Tower"))


def test_its_before_a_craft_named_after_a_person_is_the_crafts_own():
    text = (
        "On 3 May 1937 the German airship Orla burned at Lakehurst. It was named after Paul Orla, a German president. "
        "In its first season, 1936, the Orla made twelve round trips to Brazil."
    )
    assert {"1936", "twelve"} <= answers(text, "The Orla Disaster")


def test_its_after_a_sentence_whose_subject_is_the_topics_noun_is_the_topics():
    text = "The Great Fire of Bergen began in a bakery on 2 May 1702. By Friday 5 May the fire was out. Its eastern limit was at Holm Gate."
    assert "The Great Fire of Bergen's eastern limit was at {{c1::Holm Gate}}." in _fronts(text, "Great Fire of Bergen")


@pytest.mark.parametrize(
    "before",
    [
        "At first the tower was the charge of the Vega Lamp Board.",  # the board's engineer, perhaps
        "At first the tower carried a bronze bell.",  # the bell's maker, perhaps
        "A tower carried the first lamp.",  # any tower
    ],
)
def test_its_after_the_topics_noun_beside_another_thing_is_not_the_topics(before):
    text = f"The Vega Tower is a stone tower on the coast of Norway. {before} Its maker was Karl Lind of Bergen."
    assert not any("Vega Tower's maker" in front for front in _fronts(text, "Vega Tower"))


# Round 66, the lead's part: the people of a place; a name given to an "it".


def test_the_people_of_a_place_are_no_answer():
    text = "In 1866 cholera broke out in the east of the city, and about 5,500 Londoners died."
    assert not any("{{c1::Londoners}}" in front for front in _fronts(text, "Great Drain"))


def test_a_quoted_name_given_to_an_it_is_no_other_thing_an_its_after_it_may_be():
    text = (
        "The Vega Tower is an office block in Oslo. When it opened in 1932 half of its floors were empty. "
        "Londoners called it the \u201cHollow Tower\u201d. Its roof garden on the 40th floor earned more than its offices until 1950."
    )
    fronts = _fronts(text, "Vega Tower")
    assert not any(re.search(r"Hollow Tower\W*'s", front) for front in fronts)
    # shown after the sentence that gives the name, the "Its" is plainly the tower's
    assert "Londoners called the Vega Tower the \u201cHollow Tower\u201d. Its roof garden on the 40th floor earned more than its offices until {{c1::1950}}." in fronts


def test_their_after_a_people_named_in_its_own_clause_is_theirs():
    # "Londoners" is a people, no thing, so the "their" needs the people named before it
    text = "Londoners in the east, called \u201cEastenders\u201d, lived in small streets with their own shops, pubs and courts."
    assert "Londoners in the east, called \u201c{{c1::Eastenders}}\u201d, lived in small streets with their own shops, pubs and courts." in _fronts(
        text, "Old London"
    )


def test_her_before_a_quoted_name_a_verb_gives_her_is_an_object():
    text = (
        "Ada Lind was a Norwegian nurse. She ran the military hospital at Vardø from 1862. "
        "A report in the Bergen Post called her \u201cthe angel of the wards\u201d, and in 1871 the poet Tom Reed wrote a song about her."
    )
    fronts = _fronts(text, "Ada Lind")
    # the second "her" stands after the name written for the first (round 74, part B)
    assert "A report in the Bergen Post called Ada Lind \u201cthe angel of the wards\u201d, and in {{c1::1871}} the poet Tom Reed wrote a song about her." in fronts
    assert not any("Ada Lind's \u201c" in front for front in fronts)


def test_a_cut_that_leaves_a_name_and_its_relative_clause_is_no_statement():
    text = "The charter was agreed in June 1215. Bishop Carver, who acted as a go-between, probably helped to write it."
    assert not any(front.endswith("who acted as a go-between.") for front in _fronts(text, "Vale Charter"))


# Round 66, part B: a "they" after "Together" standing for the one plural the sentence before names
def test_together_they_is_the_one_plural_the_sentence_before_names():
    text = (
        "The Marlin was a steamer built at Hull in 1890. The Marlin carried only six lifeboats. "
        "Together they had room for 310 people."
    )
    assert "Together the lifeboats had room for {{c1::310}} people." in {
        front.removeprefix("(Marlin) ") for front in _fronts(text, "Marlin")
    }


@pytest.mark.parametrize(
    "before",
    [
        "The Marlin carried six lifeboats and four rafts.",  # the boats, the rafts or both?
        "Many people lived on the island.",  # no plural that says which
    ],
)
def test_together_they_after_competing_or_vague_plurals_is_not_written_out(before):
    text = f"The Marlin was a steamer built at Hull in 1890. {before} Together they had room for 310 people."
    # the sentence before may still be shown beside it, its "they" unwritten
    assert not any(re.search(r"Together the\b", front) for front in _fronts(text, "Marlin"))


def test_they_after_a_plural_counted_only_as_many_is_not_written_out():
    text = "The Marlin was a steamer built at Hull in 1890. Many sailors lived on the island. They had room for 310 people."
    assert not any("The sailors" in front for front in _fronts(text, "Marlin"))


# Round 66, part D: phrases read as leaning on the text before that do not


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        # "perhaps" before a number is an estimate, like "about"
        ("Perhaps 3,000 people, about half of the town, crowded into the hall of Dunmore.", "3,000"),
        # a "might" or "should" in what someone named warned or thought is theirs, not the writer's
        ("The engineer Ruth Vale warned that the old dam might fail in a heavy flood in 1889.", "Ruth Vale"),
        ("Ruth Vale thought the railway company should pay for the new bridge over the Tees.", "Ruth Vale"),
        ("A special court was set up in 1667 to settle quarrels over who should pay for rebuilding.", "1667"),
        # "our" for everyone, "those whose" for whoever they are
        ("In 1931 Ruth Vale showed that many faint clouds were star clusters far beyond our own Milky Way.", "Ruth Vale"),
        ("Only traitors and those whose trials would stir up a riot were hanged at Kell Gate in 1602.", "Kell Gate"),
        # "at the time" of a price, or of a time the sentence gives
        ("The Vela Temple is estimated to have cost about 18 million rupees at the time.", "about 18 million rupees"),
        ("The Dart roadster cost $640 when it was launched, a large sum at the time; by 1931 it cost $310.", "$640"),
        # "ago" counted in thousands of years
        ("Clay tablets recording debts were used in ancient Sumer some 5,000 years ago.", "Sumer"),
        # "the Two" of a name
        ("The Two Rivers Pact was signed at Kell in August 1806.", "August 1806"),
    ],
)
def test_a_phrase_that_only_seems_to_lean_on_the_text_before_does_not(text, answer):
    assert answer in answers(text, "Dunmore")


@pytest.mark.parametrize(
    "text",
    [
        "Perhaps the dam was the finest in Europe in 1889.",  # a hedge on a view
        "Ruth Vale's dam might be the finest in Europe, built in 1889.",  # the writer's guess
        "At the time, the Vela firm held 40 percent of the soap market.",  # when?
        "The Vela firm later put its loss at £6,000, a fortune at the time.",  # when?
        "Clay tablets recording debts were used in Sumer about twenty years ago.",  # counted from the writing
        "Ruth Vale and the two engineers signed the contract in 1889.",  # which two?
    ],
)
def test_a_phrase_that_leans_on_the_text_before_still_refuses_its_sentence(text):
    assert not _fronts(text, "Dunmore")


def test_a_sentence_whose_subject_is_a_bare_none_is_refused():
    # the "ago" no longer refuses it, but "None" still asks: none of what?
    text = "None has occurred in recorded history; among the best known is Vela, on Kell, about 60,000 years ago."
    assert not _fronts(text, "Dunmore")


# Round 66, part C: illnesses, materials and trades named as common nouns


def test_a_material_list_is_asked_whole_and_an_illness_after_died_comma_of():
    text = (
        "Tom Vane ran the mint at Leeds for thirty years. The old coins were an alloy of copper, zinc and nickel. "
        "Tom Vane died in Leeds on 2 May 1901, aged 60, of pneumonia after a long walk."
    )
    found = answers(text, "Tom Vane")
    assert "copper, zinc and nickel" in found and "copper" not in found
    assert "pneumonia" in found


# Round 66, part A: a "he" after a sentence in which another man acts on the document's person ("X called him")

_CRICKETER = (
    "Walter Penn was an English cricketer born in Leeds in 1901. He played for Yorkshire from 1920 to 1938. "
    'The writer Tom Gale called him "the quiet master of the slow ball".'
)


def test_a_he_opening_a_paragraph_after_another_man_acts_on_him_is_the_documents_person():
    elected = "In 1958 he was elected to the Cricket Hall of Fame at Lord's."
    assert "In 1958 Walter Penn was elected to the {{c1::Cricket Hall of Fame}} at Lord's." in _paragraphs(_CRICKETER, elected, title="Walter Penn")
    # in the same paragraph the "he" may still be the writer who called him so
    assert not any("1958" in front for front in _fronts(f"{_CRICKETER} {elected}", "Walter Penn"))


def test_a_chain_of_he_does_not_start_from_a_man_who_acts_on_him():
    text = f"{_CRICKETER} Old wounds troubled him late in life. He wrote a memoir, Long Summers, in 1962."
    assert "Walter Penn wrote a memoir, {{c1::Long Summers}}, in 1962." in _fronts(text, "Walter Penn")
    # the patient's toes or the surgeon's stays a question
    toes = "Walter Penn was an English cricketer. The surgeon Karl Marek treated him at Hove. His toes were amputated in 1969."
    assert not any("1969" in front for front in _fronts(toes, "Walter Penn"))


# Round 67, lead: a sentence with pronouns of both genders casts no vote for the document's person's gender; a birthplace


def test_a_sentence_with_pronouns_of_both_genders_does_not_make_the_persons_gender_unknown():
    # "She died …" follows a sentence on him and the woman he defended: she is the woman, not the engraver, so the
    # document's "he" is still known to be its man
    engraver = _paragraphs(
        "Ruprecht Kessel was the Swiss engraver who cut the first accurate plates of the Alps. His maps replaced the "
        "guesses of Conrad Gessner, and they gave Peter Meyer the model that his survey had to follow. Ruprecht Kessel "
        "worked amid war and debt, and he kept careful notes of it all.",
        "He was born on 3 March 1571 in Lenzburg, a small town in Aargau.",
        "Ruprecht Kessel took up her defence himself, and she was released in 1621. She died the following year.",
        title="Ruprecht Kessel",
    )
    assert "Ruprecht Kessel was born on {{c1::3 March 1571}} in Lenzburg, a small town in Aargau." in engraver


def test_a_famous_city_is_asked_as_a_birthplace_but_not_as_a_meeting_place():
    text = "Anna Lind was a Swedish chemist. Anna Lind was born in Paris on 3 May 1850. In 1880 she met the chemist Karl Berg in London."
    found = answers(text, "Anna Lind")
    assert "Paris" in found
    assert "London" not in found


def test_a_he_reported_by_a_name_shaped_like_a_persons_is_not_written_as_the_documents_person():
    text = "Karl Weiss was an Austrian astronomer. His tables were famous. In 1611 Matteo Rossi announced that he had found two comets."
    fronts = _fronts(text, "Karl Weiss")
    assert not any("Karl Weiss had found" in front for front in fronts)
    assert any("Matteo Rossi announced that he had found" in front for front in fronts)


def test_a_duration_inside_the_name_of_a_war_is_no_answer():
    text = "Karl Weiss was an Austrian astronomer. Karl Weiss's grave was lost during the Thirty Years' War, but the stone he carved survives."
    assert "Thirty Years" not in answers(text, "Karl Weiss")

def test_the_capitals_of_a_mnemonic_are_no_names():
    text = (
        "Sailors learn a rule for the winds. If the Left hand points to the Low and the riGht hand to the hiGh, the "
        "Back faces the storm. Current sets the boat drifting east in 1850."
    )
    found = answers(text, "Winds")
    assert not {"Left", "Low", "Back", "Current"} & found


# Round 67, part D: a "them" that opens a list after a comma ("…, among them") picks from a plural in the clause before
# it, counted or not ("held chapels", "Hale's pupils", "his assistants at the Clyde Works"); a "none of them" after a
# plural counted by "of" and a possessive ("twelve of her songs") picks from that plural.


@pytest.mark.parametrize(
    ("text", "title", "answer"),
    [
        ("Kestrel Abbey had held chapels since 1120, among them a chapel dedicated to St. Brigid.", "Kestrel Abbey", "St. Brigid"),
        ("Hale's pupils, among them the young Tom Marek, moved to Leeds and later founded the Northern Guild in 1890.", "Notes", "Tom Marek"),
        (
            "The first Kestrel engine was built in the 1890s by the Scottish engineer Karl Lind and his assistants at the Clyde "
            "Works, among them Tom Hale.",
            "Steam engine",
            "Tom Hale",
        ),
        ("When Ada Vane died, only about twelve of her songs had been printed, none of them under her name.", "Notes", "about twelve"),
    ],
)
def test_a_them_that_lists_from_a_plural_in_its_own_sentence_stands(text, title, answer):
    assert answer in answers(text, title)


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel Abbey was bought in 1880 by Karl Lind, among them Tom Hale.",  # no plural before: among whom?
        "The Kestrel expedition left Leeds in May 1880, among them Tom Hale.",
        "Ada Vane made fair copies of about twelve of them in 1880.",  # the songs of the sentence before
    ],
)
def test_a_them_with_no_plural_in_its_own_sentence_still_leans(text):
    assert not any("them" in s.front for s in suggest(text, "Kestrel Abbey"))


# Round 67, part C: an "its" or "it" whose owner is the subject of its own sentence


def test_an_its_after_a_common_subject_of_several_words_is_its_own():
    text = "Tablets are common. A typical tablet battery is designed to keep about 70 percent of its charge after 400 full cycles."
    assert "A typical tablet battery is designed to keep {{c1::about 70 percent}} of its charge after 400 full cycles." in _fronts(text, "Batteries")
    # after an opening phrase no comma closes, and inside an aside between the subject and its verb
    vote = "Clubs grew. In May 1950 the club held a vote among its members in Leeds."
    assert "In May 1950 the club held a vote among its members in {{c1::Leeds}}." in _fronts(vote, "Rovers")
    aside = "Banks failed. A state committee, led from 1935 by its chief lawyer Harold Benton, examined the trusts."
    assert any("Harold Benton" in front for front in _fronts(aside, "Crash"))


def test_an_its_whose_only_subject_is_a_person_or_a_clause_of_its_own_stays_refused():
    walkway = "The tower leans. In 1838 the architect Ian Dorrance had a walkway dug around its base for the visitors."
    assert not any("1838" in front for front in _fronts(walkway, "Tower"))
    team = "The spider is small. In 2010 a team led by Ann Lee reported that its thread absorbs 300 units of energy."
    assert not any("2010" in front for front in _fronts(team, "Spider"))
    assert not any("1931" in front for front in _fronts("The mill stood by the river. In 1931 its owner sold the mill to Tom Hale.", "Mill"))


def test_an_its_after_each_of_several_is_that_ones_own():
    text = "Silk is strong. Some moths make four different threads, each from its own gland and each suited to its task."
    assert "Some moths make {{c1::four}} different threads, each from its own gland and each suited to its task." in _fronts(text, "Silk")
    assert not any("1850" in front for front in _fronts("The river froze. Each year its banks flooded in 1850.", "River"))


def test_an_it_after_a_noun_alone_as_the_subject_of_an_opening_clause_is_that_noun():
    text = "Lenses bend rays. Because sound travels faster when it passes through water, whales hear calls from 300 kilometres away."
    assert any("{{c1::300 kilometres}}" in front for front in _fronts(text, "Sound"))
    # a capitalised word alone may be a surname: "it" is not Marsh
    assert not any("1966" in front for front in _fronts("The band toured. Marsh resigned because it rained in 1966 at Candlestick Park.", "Music"))



# Round 67, part A: names and terms given in quotation marks; a name an "it" is given that says it is the topic.

_ORLA_TOWER = "The Orla Tower is an office block in Leeds. It opened in 1931 after two years of work. "


def test_a_name_given_to_an_it_that_ends_in_the_topics_noun_is_the_topics():
    # the sentence before names another thing (the slump), but "… Tower" says which thing "it" is; the shared word does
    # not give away a nickname
    text = _ORLA_TOWER + 'The Great Slump came as the tower opened, and only a fifth of its space was let. Locals called it the "Hollow Tower".'
    assert '(Orla Tower) Locals called it the "{{c1::Hollow Tower}}".' in _fronts(text, "Orla Tower")


def test_a_name_given_to_an_it_after_another_thing_of_the_topics_kind_is_not_the_topics():
    text = _ORLA_TOWER + 'The Kell Tower was finished first. Critics called it the "Dull Tower".'
    assert not any(front.startswith("(Orla Tower) Critics") for front in _fronts(text, "Orla Tower"))


def test_an_it_is_not_the_name_a_noun_is_the_finest_of():
    text = (
        "Built of red granite by a grieving king, it is the tallest tomb in the land and the finest building of Old Varda. "
        'Its name is usually translated as "house of stars", and it was probably taken from a poem.'
    )
    assert not any("Old Varda's name" in front for front in _fronts(text, "Star Tomb"))


def test_a_quoted_term_a_description_is_called_is_asked():
    text = "A potter dries the pot slowly. In the last hour of drying the pot shrinks again, a change potters call \"late shrink\"."
    assert any('call "{{c1::late shrink}}"' in front for front in _fronts(text, "Pottery"))


# Round 68, lead: a leading "He" after a sentence about a woman the document calls by her first name alone; a man named
# in passing after ", with"; a year-first question never spans a semicolon.

_TOM_VALE = "Tom Vale was a printer and a writer. He was born in Leeds in 1721. "


def test_a_he_after_a_woman_called_by_her_first_name_is_not_hers():
    text = _TOM_VALE + (
        "In 1750 he took Tamsin Crewe as his wife; her first husband had left her. "
        "Tamsin died in Leeds that winter while he was still in France. "
        "He sailed home in 1776 and was elected to the town council."
    )
    fronts = _fronts(text, "Tom Vale")
    assert not any("Tamsin sailed" in front for front in fronts)
    assert "Tom Vale sailed home in {{c1::1776}} and was elected to the town council." in fronts
    # the question stops at the semicolon, or is not asked
    assert not any(front.startswith("In what year") and ";" in front for front in fronts)


def test_a_he_after_a_man_named_in_passing_after_with_is_not_his():
    text = _TOM_VALE + (
        "In 1727 he formed a club of tradesmen. "
        "Out of it came a library and, with Dr. Carl Moss, the Leeds Hospital. "
        "In 1737 he became mayor of Leeds."
    )
    assert not any("Carl Moss became" in front for front in _fronts(text, "Tom Vale"))


def test_a_common_noun_capitalised_to_open_a_sentence_is_no_answer():
    # "Thunder" is capitalised inside the slogan too, but never named alone inside a sentence
    text = (
        "Hail forms in tall clouds. Thunder can usually be heard up to 10 miles away. The thunder is the sound of heated "
        'air. The weather office uses the slogan "When Thunder Roars, Go Indoors".'
    )
    fronts = _fronts(text, "Storms")
    assert not any("{{c1::Thunder}}" in front for front in fronts)
    assert any("{{c1::up to 10 miles}}" in front for front in fronts)
    # a name the document also writes inside a sentence is asked, though it is a word too
    named = 'Jumbo was a young elephant from Paris. In 1882 the zoo sold Jumbo to a circus. His name survives in the word "jumbo".'
    assert any("{{c1::Jumbo}} was a young elephant" in front for front in _fronts(named, "Zoo"))


# Round 68, part D: a "there" written as the one place the sentence before offers; a "he" after an unknown-kind subject.


def test_a_leading_there_is_the_one_place_the_sentence_before_goes_to():
    text = "Rosa Lind was a Danish chemist. She was born in Aarhus in 1901. In 1931 she reported to Harrow Park in Kent, the home of the Vell Office. There she ran the Blue Section, a team of nine clerks."
    fronts = _fronts(text, "Rosa Lind")
    assert any(front.startswith("At Harrow Park, Rosa Lind ran the {{c1::Blue Section}}") for front in fronts)


def test_an_inner_there_is_the_building_bought_not_the_town_it_stands_in():
    text = (
        "The Corby Museum is a museum in Leeds. The trustees bought Marlow House, a large mansion in Leeds, to hold the "
        "collection. The museum opened there on 3 May 1950. It has a fine garden."
    )
    fronts = _fronts(text, "Corby Museum")
    assert any("open at Marlow House" in front or "opened at Marlow House" in front for front in fronts)
    assert not any("in Leeds on" in front for front in fronts)


def test_a_country_moved_to_takes_in():
    text = "Ada Brand was a British engineer. In 1952 she moved to Norway. There she founded the Fjord Aircraft Company in 1955."
    assert any(front.startswith("In Norway, Ada Brand founded") for front in _fronts(text, "Ada Brand"))


def test_a_there_after_two_places_or_a_place_only_built_is_left_alone():
    # two places: either may be meant
    assert not any("Tom Vane" in front for front in _fronts("Ada Brand lived in Leeds and Corby. There she met Tom Vane in 1940.", "Ada Brand"))
    # a part built, not a place gone to: the "there" may be the topic (the castle)
    text = "Karl Orm also built the Salt Tower, whose gate faced the river. Karl Orm kept bears there in 1252."
    assert not any("at the Salt Tower" in front for front in _fronts(text, "Corby Castle"))


def test_a_there_after_another_thing_named_in_its_own_sentence_is_left_alone():
    text = "The jewels are shown in the Silver Hall. For years the castle housed the Vell Mint, which struck coins there until 1810."
    assert not any("in the Silver Hall until" in front for front in _fronts(text, "Corby Castle"))


def test_a_he_after_a_subject_of_unknown_kind_is_not_the_person_named_beside_it():
    text = (
        "Mount Orvel was named after Tobias Orvel. Pemba, for whom it was a third trip to Orvel, became the first director "
        "of the Kell Institute in Darjeeling. He died there on 9 May 1986."
    )
    assert not any("Tobias Orvel died" in front or "Orvel die" in front for front in _fronts(text, "First Ascent of Mount Orvel"))


# Round 68, part B: a demonstrative subject a naming verb or aside gives a name, shown after the sentence it names.


def test_a_name_given_in_an_aside_to_a_demonstrative_is_shown_after_the_sentence_before():
    text = (
        "Once the snow lies more than about 30 metres deep, the weight above presses the grains together into solid ice. "
        "This slow squeezing, also called firnification, turns snow into glacier ice."
    )
    assert (
        "Once the snow lies more than about 30 metres deep, the weight above presses the grains together into solid ice. "
        "This slow squeezing, also called {{c1::firnification}}, turns snow into glacier ice."
    ) in _fronts(text, "How glaciers work")
    # "which makers call …": the aside is read past, and the sentence's own facts are asked after the one before
    cello = (
        "A bowed string drives the top plate at many frequencies at once. "
        "This body resonance, which makers call B1, sits near 460 hertz and brightens the middle notes."
    )
    assert any("which makers call B1, sits near {{c1::460 hertz}}" in front for front in _fronts(cello, "How a cello works"))


def test_a_name_given_to_a_demonstrative_after_a_place_it_is_used_in_is_shown_after_the_sentence_before():
    text = (
        "When a full moon coincides with the equinox, the tides are higher than usual. "
        "In Britain these are often called equinoctial tides."
    )
    fronts = _fronts(text, "How tides work")
    assert (
        "When a full moon coincides with the equinox, the tides are higher than usual. "
        "In Britain these are often called {{c1::equinoctial tides}}."
    ) in fronts
    assert not any("{{c1::Britain}}" in front for front in fronts)  # the place only says where the name is used
    # only a naming verb: "these" after a place is otherwise no subject the card can show
    other = "When a full moon coincides with the equinox, the tides are higher than usual. In Britain these cause floods in 1953."
    assert not any("1953}}" in front for front in _fronts(other, "How tides work"))


def test_a_name_given_to_a_demonstrative_is_shown_after_the_sentence_that_describes_it():
    text = (
        "A dry wind crosses the mountains and heats the valley towns below by several degrees. "
        "This process is called foehn warming."
    )
    assert (
        "A dry wind crosses the mountains and heats the valley towns below by several degrees. "
        "This process is called {{c1::foehn warming}}."
    ) in _fronts(text, "How mountain winds work")


def test_a_name_that_repeats_the_noun_of_its_demonstrative_is_not_asked():
    for naming in (
        "This warming is called foehn warming.",
        "This warming, also called foehn warming, lasts for days.",
        "In Switzerland this warming is known as foehn warming.",
    ):
        text = f"A dry wind crosses the mountains and heats the valley towns below by several degrees. {naming}"
        assert not any("foehn" in front for front in _fronts(text, "How mountain winds work")), naming
    tides = "When a full moon coincides with the equinox, the tides are higher than usual. In Britain these tides are often called equinoctial tides."
    assert not any("equinoctial" in front for front in _fronts(tides, "How tides work"))


def test_a_name_given_to_a_demonstrative_after_a_sentence_that_does_not_stand_is_not_asked():
    # the sentence before leans on its own "it" or "this": the card would describe nothing
    for before in (
        "When it relaxes, the iris opens and lets in more light.",
        "A second beacon narrows this to two points.",
    ):
        text = f"Knowing the time from one beacon places the ship on a circle. {before} This change is called dilation."
        assert not any("dilation" in front for front in _fronts(text, "How the eye works")), before


# Round 68, part A: a "they", "them" or "their" that stands for the one plural its own sentence names before it.


@pytest.mark.parametrize(
    ("sentence", "front"),
    [
        (
            "Small electric pumps can move more than 80 per cent of the water they draw into the upper tank.",
            "Small electric pumps can move {{c1::more than 80 per cent}} of the water they draw into the upper tank.",
        ),
        (
            "Most ferns keep only about 3 per cent of the light that falls on them.",
            "Most ferns keep only {{c1::about 3 per cent}} of the light that falls on them.",
        ),
        (
            "About 200 weavers and their families were housed in four long sheds.",
            "About {{c1::200}} weavers and their families were housed in four long sheds.",
        ),
        (
            "Maps printed before 1650 are called portolani, from an Italian word for \"harbour\", because they show the coasts.",
            "Maps printed before 1650 are called {{c1::portolani}}, from an Italian word for \"harbour\", because they show the coasts.",
        ),
        (
            "Carrick is a town of fewer than 9,000 people, and most of them work in the mills.",
            "Carrick is a town of {{c1::fewer than 9,000}} people, and most of them work in the mills.",
        ),
    ],
)
def test_a_plural_pronoun_stands_for_the_one_plural_before_it(sentence, front):
    assert any(f.endswith(front) for f in _fronts("The Kestrel Mills stood by the river. " + sentence, "Kestrel Mills"))


@pytest.mark.parametrize(
    "sentence",
    [
        # two plurals before it: the potters, the pots or the kilns?
        "Potters fired pots in brick kilns, and they lasted for about 40 years.",
        # the plural is the subject of the pronoun's own clause: not the barges
        "Each lock was 90 feet long, and barges were hauled through them by horses.",
        # the "them" is what the plural is made of: copies of the letters of the sentence before
        "Ann Lee made fair copies of about 300 of them in 1850.",
        # a "they" before any plural of its sentence
        "In May they reached the coast with their horses.",
        # an object plural is no "they": the fields did not stay
        "In 1820 heavy rain flooded fields near the mill, and they stayed in the fort until March.",
    ],
)
def test_a_plural_pronoun_that_its_sentence_does_not_settle_is_refused(sentence):
    text = "Ann Lee and Tom Hale wrote many letters to the mill owners. " + sentence
    assert not any(re.search(r"\b(?:they|them)\b", front) and "Ann Lee and Tom Hale wrote" not in front for front in _fronts(text, "Kestrel Mills"))


def test_a_their_after_its_clauses_plural_subject_is_refused_when_the_sentence_before_names_a_plural():
    # "their ruins" may be the workers' or the castles': the sentence before names the castles
    text = "Two old castles stood on the ridge in 1860. Workers blasted away their ruins and lowered the ridge by about 6 metres."
    assert not any(front.startswith("(Kestrel Mills) Workers blasted") for front in _fronts(text, "Kestrel Mills"))


def test_a_their_after_its_clauses_plural_subject_stands_when_the_sentence_before_names_none():
    text = "The port grew fast in the 1700s. Sailors could find their latitude from the height of the Pole Star."
    assert "Sailors could find their latitude from the height of the {{c1::Pole Star}}." in _fronts(text, "Kestrel Mills")


# Round 68, part C: a term with a capital after a naming word; "It is now called"; a name dominating as a kind of the
# title's thing.


def test_a_term_with_a_capital_after_a_naming_word_is_asked_whole():
    text = "Motors spin fast. Past a certain speed the motor makes a voltage that fights the battery, called back BMF (back magnetomotive force). If the rotor is stuck, there is no back BMF, and the coils overheat."
    fronts = _fronts(text, "Motors")
    assert any("called {{c1::back BMF}} (back magnetomotive force)" in front for front in fronts)
    assert any("there is no {{c1::back BMF}}, and" in front for front in fronts)
    assert not any("{{c1::back}} BMF" in front or "back {{c1::BMF}}" in front for front in fronts)


def test_an_it_after_a_thing_and_a_relative_clause_that_takes_a_common_thing_is_not_the_thing():
    text = (
        "Lena Frost was a Danish optician. In 1702 she published Lentes, which described a new lens with two curved faces. "
        "It is now called the twin lens, and most cheap binoculars use it."
    )
    fronts = _fronts(text, "Lena Frost")
    assert not any("Lentes is now called" in front for front in fronts)  # the book, or the lens it described?
    assert not any("It is now called" in front for front in fronts)  # "It" is no description the term follows


def test_a_name_written_only_before_the_titles_noun_is_no_topic():
    text = (
        "A pump moves water. The XR pump was patented in 1921. An XR pump needs 2 litres of oil. Every XR pump has a seal. "
        "The seal wears out after 6 years and must then be replaced by hand."
    )
    fronts = _fronts(text, "How a Pump Works")
    assert "(Pump) The seal wears out after {{c1::6 years}} and must then be replaced by hand." in fronts
    assert not any(front.startswith("(XR)") for front in fronts)


# Round 69, part B: an "Its" after a sentence whose common subject is stressed by "itself".


def test_its_after_the_topics_noun_stressed_by_itself_is_the_topic():
    text = (
        "The Northern Sea Cable was laid between Bergen and Aberdeen in 1869. The cable itself was a plain design. "
        "Its core was a bundle of five copper strands, wrapped in balata, a gum from South American trees."
    )
    fronts = _fronts(text, "Northern Sea Cable")
    assert any("Northern Sea Cable's core was a bundle of five copper strands, wrapped in {{c1::balata}}" in front for front in fronts)


# Round 69, part A: a leading "He" or "His" after a sentence whose one name of unknown kind its own pronoun makes a man.


def test_a_he_after_a_name_its_own_clauses_his_makes_a_man_is_that_name():
    text = (
        "Mara Lind was a Swedish chemist. She was born in Uppsala in 1809. In 1820 Corvin left Vienna and never saw his daughter again. "
        "He died in Lisbon in 1831, when she was eleven."
    )
    fronts = _fronts(text, "Mara Lind")
    assert any(front.startswith("Corvin died in Lisbon in {{c1::1831}}") for front in fronts)


def test_a_he_after_such_a_name_stays_refused_when_another_may_be_meant():
    # another man named beside the name; the document's own man competes; "him" after the name is someone else;
    # a "his" outside the name's clause may be anyone's
    beside = "Mara Lind was a Swedish chemist. She was born in Uppsala in 1809. In 1820 Corvin left Vienna with Tom Vane and never saw his daughter again. He died in Lisbon in 1831."
    competing = "Karl Lind was a Swedish chemist. He was born in Uppsala in 1809. In 1820 Corvin left Vienna and never saw his daughter again. He died in Lisbon in 1831."
    him = "Mara Lind was a Swedish chemist. She was born in Uppsala in 1809. In 1820 Corvin left Vienna and never saw him again. He died in Lisbon in 1831."
    outside = "Mara Lind was a Swedish chemist. She was born in Uppsala in 1809. In 1820 Northern Review printed an issue on the mine, with many of his drawings. He died in Lisbon in 1831."
    for text, title in ((beside, "Mara Lind"), (competing, "Karl Lind"), (him, "Mara Lind"), (outside, "Mara Lind")):
        fronts = _fronts(text, title)
        assert not any("Corvin di" in front or "Northern Review di" in front for front in fronts), text


def test_a_his_after_a_name_joined_to_its_he_by_and_is_that_name():
    text = (
        "The Kestrel Zoo opened in 1828. That year Bruno was a young elephant from the Paris menagerie, and he grew very large. "
        "His keeper, Matthew Crane, rode him through the gardens every day."
    )
    fronts = _fronts(text, "Kestrel Zoo")
    assert any("Bruno's keeper, {{c1::Matthew Crane}}" in front for front in fronts)


# Round 69, part C: a leading "they" for a pair joined by a word for kin, or for a family named by its surname.


def test_a_they_after_two_people_joined_by_a_word_for_kin_is_the_pair_with_their_surname():
    text = (
        "Felix Vane was born in 1853 in York, and his brother Hugo Vane in 1850. "
        "Hugo and his younger brother Felix were the sons of a printer in Leeds. "
        "They went on to run a newspaper in 1891 in Bradford."
    )
    fronts = _fronts(text, "Vane Brothers")
    assert "Hugo and Felix Vane went on to run a newspaper in {{c1::1891}} in Bradford." in fronts
    assert not any(front.startswith("The sons") for front in fronts)


def test_a_they_after_a_plural_that_says_what_the_subject_was_is_not_that_plural():
    text = "Hugo and Felix Vane were born in Leeds. The two men were the sons of a printer in Leeds. They went on to run a newspaper in 1891 in Bradford."
    assert not any(front.startswith("The sons") for front in _fronts(text, "Vane Brothers"))


def test_a_they_after_a_family_named_by_its_surname_is_that_family():
    text = (
        "Ada Kestrel was born in 1867 in Riga. In 1895 she married Paul Kestrel, a teacher. "
        "The Kestrels guessed that the ore hid something new, and Paul set aside his own work. "
        "In July 1898 they announced a new metal, kestrelium."
    )
    assert "In {{c1::July 1898}} the Kestrels announced a new metal, kestrelium." in _fronts(text, "Kestrel Radium")


def test_a_they_after_brothers_named_by_their_surname_is_the_brothers_unless_another_plural_may_be_meant():
    alone = "Hugo Vane was born in 1850. The Vane brothers grew up in Leeds, where their father owned a mill. In 1884 they built a small airship of silk and cane."
    assert "In what year did the Vane brothers build a small airship of silk and cane?" in _fronts(alone, "Vane Airship")
    beside = "Hugo Vane was born in 1850. The Vane brothers bought two horses in Leeds. In 1884 they built a small airship of silk and cane."
    # no names are written for the "they": a card may only show it after the sentence before (round 79, part A)
    people = "Hugo Vane was born in 1850. The Italian brothers grew up in Leeds. In 1884 they built a small airship of silk and cane."
    for text, shown in ((beside, "The Vane brothers bought two horses in Leeds. In"), (people, "The Italian brothers grew up in Leeds. In")):
        built = [front for front in _fronts(text, "Vane Airship") if "built a small airship" in front]
        assert all(shown in front and " they built a small airship" in front for front in built)


# Round 69, part D: "Around this time", "the next day", "that year", "the same day that …": relative phrases of time
# that leave a card readable when its answer does not hang on them.


def test_an_opening_around_this_time_or_at_the_same_time_before_an_event_goes():
    text = (
        "Tomas Berg was a Swedish lawyer. He studied law at Uppsala under Nils Rosen. Around this time he became a close friend of the poet Karin Vik, "
        "a friendship that lasted until her death in 1802. At the same time the Royal Mint issued new coins designed by the engraver Olle Sand."
    )
    fronts = _fronts(text, "Tomas Berg")
    assert "Tomas Berg became a close friend of the poet {{c1::Karin Vik}}, a friendship that lasted until her death in 1802." in fronts
    assert "(Tomas Berg) The Royal Mint issued new coins designed by the engraver {{c1::Olle Sand}}." in fronts
    assert not any("Around this time" in front or "At the same time" in front for front in fronts)


def test_an_opening_at_the_same_time_that_begins_a_clause_of_time_stays():
    text = "Tomas Berg was a Swedish lawyer. At the same time the ship sank, she carried 900 passengers to Riga."
    assert not any("carried" in front for front in _fronts(text, "Tomas Berg"))


def test_a_relative_time_after_the_verb_of_an_event_may_stay_unexplained():
    text = (
        "Tomas Berg was a Swedish lawyer who lived in Uppsala. His valet found him the next day, and the post-mortem found arsenic poisoning. "
        "His father left the family the following year, and his mother moved the children to Malmö, where she found work as a cook."
    )
    fronts = _fronts(text, "Tomas Berg")
    assert "Tomas Berg's valet found him the next day, and the post-mortem found {{c1::arsenic poisoning}}." in fronts
    assert any(front.endswith("and his mother moved the children to {{c1::Malmö}}, where she found work as a cook.") for front in fronts)


def test_a_relative_time_that_dates_the_only_event_of_the_sentence_is_refused():
    text = "Tomas Berg was a Swedish lawyer who lived in Uppsala. The clock was bought that year for 90 crowns by the merchant Olle Sand."
    assert not any("clock" in front for front in _fronts(text, "Tomas Berg"))


def test_a_relative_time_after_a_state_or_as_all_its_clause_tells_is_refused():
    text = (
        "Tomas Berg was a Swedish lawyer who lived in Uppsala. The town had 4,000 people that year, and Olle Sand built a dam. "
        "Olle Sand, badly burned, died the next day, and Karl Lind left the town. The mill was based in Malmö that spring, and Karl Lind sold wool."
    )
    fronts = _fronts(text, "Tomas Berg")
    assert not any("4,000" in front or "died" in front or "Malmö" in front for front in fronts)


def test_a_relative_time_beside_a_date_the_card_could_ask_is_refused():
    text = "Tomas Berg was a Swedish lawyer. The council named Tomas Berg a judge the following month, and he served until 1810."
    assert not any("following month" in front for front in _fronts(text, "Tomas Berg"))


def test_the_same_day_that_a_named_place_became_something_is_said_by_its_own_clause():
    text = "The Vell Company traded furs in the north. The Vell Company's charter took effect on 3 May 1881, the same day that Nevada became a state."
    assert "The Vell Company's charter took effect on {{c1::3 May 1881}}, the same day that Nevada became a state." in _fronts(text, "Vell Company")


# Round 70, part A: a leading he/she after a relative named in passing, a person of the other gender, a cut-off name


def test_a_relative_after_a_preposition_beside_the_one_who_acts_does_not_compete_with_him():
    text = "Linz Palace is a castle in Austria. Karl Brandt became duke in 1740 on the death of his brother, Richard Brandt. He built a new wing at Linz in 1745."
    assert any("did Karl Brandt build a new wing at Linz" in front for front in _fronts(text, "Linz Palace"))


def test_an_eldest_brother_also_named_after_a_preposition_leaves_the_documents_person():
    text = (
        "Osric Lind was a Danish potter. His father died in 1739, when Osric was nine, and the boy went to work under his eldest "
        "brother, also named Thomas. On 1 May 1744 he was apprenticed to that brother for five years."
    )
    assert "On {{c1::1 May 1744}} Osric Lind was apprenticed to that brother for five years." in _fronts(text, "Osric Lind")


def test_a_relative_after_a_preposition_with_no_one_acting_before_still_competes():
    text = "Karl Lind was a Danish painter. Karl Lind's estate went to his nephew Tom Vane. He sold the house in 1900."
    assert not any("sold the house" in front for front in _fronts(text, "Karl Lind"))


def test_a_man_known_by_his_first_name_does_not_compete_with_a_she():
    text = "Ada Holm was an English nurse. Percy Vance, the minister of war, asked Ada to lead a party of nurses. She left in May with 40 nurses."
    assert "Ada Holm left in May with {{c1::40}} nurses." in _fronts(text, "Ada Holm")


def test_a_name_cut_at_a_middle_initial_is_not_written_for_a_he():
    text = 'Bell X-2 was a rocket plane. Tom R. "Red" Vane Jr., the pilot, was born in Ohio on 3 May 1920. A major in the army, he had earned a degree at Yale.'
    assert not any("Tom R. had" in front for front in _fronts(text, "Bell X-2"))


# Round 70, part C: "the same …" and "the two" its own sentence settles; a cleft after "also"
def test_the_same_thing_named_or_used_within_its_own_sentence_is_no_reference():
    text = (
        "Every steam turbine, from a ship's engine to a plant's, works on the same cycle, known to engineers as the Rankine cycle. "
        "Wine yeast is a fungus called Saccharomyces vini, the same species that vintners use to make wine. "
        "Ada Vane noticed that a hanging spring keeps almost the same rhythm whatever the weight on its end."
    )
    fronts = _fronts(text, "Engines")
    assert any("known to engineers as the {{c1::Rankine cycle}}" in front for front in fronts)
    assert any("called {{c1::Saccharomyces vini}}, the same species that vintners use" in front for front in fronts)
    assert any("the same rhythm whatever the weight on its end" in front for front in fronts)


def test_the_same_thing_of_the_sentence_before_still_leans():
    text = "The Kell Hall opened in 1820. On 2 May 1830 Ada Vane gave a concert at the same theatre that lasted four hours."
    assert not any("same theatre" in front for front in _fronts(text, "Ada Vane"))


def test_the_two_its_own_sentence_names_is_no_reference():
    text = (
        "Later that year the Copley Medal was shared by Vane and the two Hales for their work on magnets. "
        "Ada Vane and Tom Hale met in Leeds in 1901, and the two founded the Kestrel Press in 1904."
    )
    fronts = _fronts(text, "Magnets")
    assert any("{{c1::Copley Medal}} was shared by Vane and the two Hales" in front for front in fronts)
    assert any("and the two founded the Kestrel Press in {{c1::1904}}" in front for front in fronts)


def test_the_two_that_could_be_others_still_leans():
    text = (
        "Ada Vane and Tom Hale met Karl Marks in 1901, and the two founded the Kestrel Press in 1904. "
        "Tom Hale and Ada Vane boarded the Kestrel in 1911, and the two ships sailed for Oslo in 1912. "
        "The two Germans were arrested at Dover in 1915."
    )
    fronts = _fronts(text, "Magnets")
    assert not any("the two" in front for front in fronts)


def test_an_also_in_a_cleft_goes_with_the_cleft():
    text = "Tom Hale studied law at Oxford. It was also at Oxford that Tom Hale met Ada Vane, a nursing student who became his wife in 1946."
    assert any(front.startswith("At Oxford, Tom Hale met {{c1::Ada Vane}}") for front in _fronts(text, "Tom Hale"))


# Round 70, part B: the topic called by a noun its name does not hold ("The temple", "The cathedral", "The road")


def test_the_noun_an_apposition_gives_the_topic_stands_for_it_and_an_it_after_it():
    text = (
        "On a low hill above Corvina stands the Vessaion, the temple that the people of the town built for their river god. "
        "The temple is built of grey limestone from Mount Orel, about 9 kilometres away. "
        "It has 12 columns along each side."
    )
    fronts = _fronts(text, "The Vessaion: Two Thousand Years on a Hill")
    assert "The Vessaion is built of grey limestone from {{c1::Mount Orel}}, about 9 kilometres away." in fronts
    assert "The Vessaion has {{c1::12}} columns along each side." in fronts


def test_the_noun_a_title_gives_the_topic_stands_for_it_before_an_its():
    text = (
        "Santa Lumia stands on an island in the river at the heart of Vardo. "
        "Bishops and kings were crowned there for six hundred years. "
        "The cathedral grew rich in bells and silver. "
        "Its great bell, Gaspard, cast in 1702, weighs about 9 tonnes."
    )
    fronts = _fronts(text, "Santa Lumia: Six Centuries of a Cathedral")
    assert "Santa Lumia's great bell, Gaspard, cast in 1702, weighs {{c1::about 9 tonnes}}." in fronts


def test_a_numbered_route_is_the_road_and_its_it_after_a_sentence_about_it():
    text = (
        "For forty years U.S. Route 41 carried travellers from Harlow to the coast. "
        "The road began at Mercer Square in Harlow and ran west to Port Ellis. "
        "It crossed five states and two time zones."
    )
    fronts = _fronts(text, "U.S. Route 41: The Long Road West")
    assert "U.S. Route 41 began at {{c1::Mercer Square}} in Harlow and ran west to Port Ellis." in fronts
    assert "U.S. Route 41 crossed {{c1::five}} states and two time zones." in fronts


def test_a_noun_the_document_gives_another_name_too_or_that_another_thing_before_could_be_stands_for_nothing():
    # the Vessaion and the Orelion are both called temples: "the temple" is either
    both = (
        "The Vessaion, a temple of the river god, stands above Corvina. The Orelion, a temple of the sky god, stands below it. "
        "The temple is built of grey limestone from Mount Orel."
    )
    assert not any(front.startswith(("The Vessaion is built", "The Orelion is built")) for front in _fronts(both, "The Vessaion"))
    # the sentence before names the Orelion, which may be the temple meant
    beside = (
        "On a low hill above Corvina stands the Vessaion, the temple that the people of the town built. "
        "In 410 BC the townsfolk also raised the Orelion on the shore. "
        "The temple is built of grey limestone from Mount Orel."
    )
    assert not any(front.startswith("The Vessaion is built") for front in _fronts(beside, "The Vessaion: Two Thousand Years on a Hill"))


def test_an_it_written_as_a_thing_is_no_owner_of_a_his_after_it():
    text = (
        "Few machines lasted as long as Morning Star. "
        "Built in 1911, Morning Star is the most famous steam locomotive in Wales. "
        "The engine was designed by Owen Price, chief engineer of the Vale Railway. "
        "It was one of his B2 class, big express locomotives known as Atlantics."
    )
    fronts = _fronts(text, "Morning Star: A Century of a Famous Locomotive")
    assert not any(front.startswith("Morning Star was one of his") for front in fronts)


# Round 71, part B: capitalised terms the mention finder missed: a numbered law and a hand rule after an eponym's
# possessive, and the kinds a list's items open with before the same noun.


def test_a_numbered_law_or_a_hand_rule_after_a_possessive_is_one_term():
    fronts = _fronts("Jet engines work by Anna Kessel's second law of motion: for every push there is an equal push back.", "Jet engine")
    assert any("{{c1::Anna Kessel's second law of motion}}" in front for front in fronts)
    fronts = _fronts("Pupils find the current with Marrow's right-hand rule, named after the teacher Tom Marrow.", "Dynamos")
    assert any("{{c1::Marrow's right-hand rule}}" in front for front in fronts)
    # a reign is still no idea
    assert not any("rule}}" in front for front in _fronts("Soapy Smith's rule over the harbour ended on July 8, 1898.", "Orva Sea"))


def test_the_kinds_a_lists_items_open_with_before_the_same_noun_are_terms():
    text = (
        "The sea snail has five kinds of shell gland. "
        "Spinose glands make the hard ridges of the shell. "
        "Lobate glands make the smooth inner layer that lines the shell. "
        "Tufted glands, found only in older snails, make the horny lid. "
        "Vellate glands make the thin coloured skin on the outside."
    )
    fronts = _fronts(text, "Sea snail")
    for kind in ("Spinose", "Lobate", "Tufted", "Vellate"):
        assert any(f"{{{{c1::{kind}}}}} glands" in front for front in fronts), kind


def test_openings_that_are_not_kinds_of_a_list_are_no_terms():
    # one opening is a word the document writes in lower case: no list of kinds
    text = (
        "Large glands make the hard ridges of the shell. Small glands make the smooth inner layer. "
        "Spinose glands make the horny lid. The large ones sit near the mouth."
    )
    assert not any(re.search(r"\{\{c1::(?:Large|Small|Spinose)\}\}", front) for front in _fronts(text, "Sea snail"))
    # a kind is a term only before its noun, not inside a name
    text = (
        "Spinose glands make the hard ridges of the shell. Lobate glands make the smooth inner layer. "
        "Tufted glands make the horny lid. Such snails live off the Lobate Islands of Norway."
    )
    assert not any("{{c1::Lobate}} Islands" in front for front in _fronts(text, "Sea snail"))


# Round 71, part A: an isotope a document keeps naming is asked once; a time counted back in thousands of years
def test_an_isotope_the_document_keeps_naming_is_asked_where_first_named():
    sentences = [
        "A small share of the iodine in the reactor is iodine-131, with 78 neutrons.",
        "The half-life of iodine-131 is eight days.",
        "Iodine-131 collects in the thyroid gland of anyone who breathes it.",
        "Doctors use iodine-131 to treat an overactive thyroid.",
        "Milk carried iodine-131 from the grass to children.",
        "Tablets of ordinary iodine keep iodine-131 out of the thyroid.",
        "Filters on the chimney trapped most of the iodine-131.",
        "The amount of iodine-131 in the air fell by half every eight days.",
        "Counters near the fence measured iodine-131 every hour.",
        "Farmers were told to keep cows indoors while iodine-131 lingered.",
        "The last traces of iodine-131 had gone by the winter.",
    ]
    fronts = _fronts(" ".join(sentences), "Iodine in reactors")
    asked = [front for front in fronts if "{{c1::iodine-131}}" in front.lower()]
    assert len(asked) <= 1


def test_a_time_counted_back_in_thousands_of_years_is_asked_whole():
    text = "At the height of the ice age, about 18,000 years ago, glaciers covered most of Sweden."
    assert "At the height of the ice age, {{c1::about 18,000 years ago}}, glaciers covered most of Sweden." in _fronts(text, "Ice ages")


# Round 72, part B: an "its" in an opening phrase on the life of the subject after it; species' Latin names
def test_an_its_opening_a_phrase_on_the_subjects_life_is_the_subjects_own():
    fronts = _fronts("Since its launch in 2019, the mirror has sent back pictures of faint comets. " * 1, "Kell Orbital Mirror")
    assert "Since its launch in {{c1::2019}}, the mirror has sent back pictures of faint comets." in fronts


def test_an_its_opening_a_phrase_on_an_event_is_not_the_subjects():
    fronts = _fronts("After its collapse in 1907 the council ordered an inquiry into the works.", "Kell Viaduct")
    assert not any("1907" in front for front in fronts)


def test_an_instrument_named_after_a_person_is_no_person():
    fronts = _fronts("Since its launch in 2019, the larger Maria Kell Space Telescope has mapped the faint comets.", "Comets")
    assert "Since its launch in 2019, the larger {{c1::Maria Kell Space Telescope}} has mapped the faint comets." in fronts


def test_a_latin_name_beside_a_creatures_common_name_is_asked_whole():
    text = "The Alpine cave beetle, Nebria glacialis, a small predator, has six kinds of leg hair. The larvae of the fly Musca vellii, feed on dung."
    fronts = _fronts(text, "Insects")
    assert "The Alpine cave beetle, {{c1::Nebria glacialis}}, a small predator, has six kinds of leg hair." in fronts
    assert not any("{{c1::Nebria}}" in front or "{{c1::glacialis}}" in front for front in fronts)


def test_a_latin_name_its_common_name_gives_away_is_refused():
    fronts = _fronts("Lind's cave spider, Nesticus lindii, spins small webs under stones.", "Cave spiders")
    assert not any("{{c1::Nesticus lindii}}" in front for front in fronts)


def test_a_latin_looking_pair_after_no_creature_is_no_term():
    fronts = _fronts("The old harbour, Porta magna, lies west of the town.", "Harbours")
    assert not any("{{c1::Porta magna}}" in front for front in fronts)


# Round 72, part B, the lead's merge: a species' Latin name, a term, is still a thing an "it" after it may stand for, so
# the label does not carry that "it" to the topic (the honey-bee article's "After it jumped to the western honey bee it
# spread …" had been written as the bee's, where "it" is the mite).


def test_a_latin_name_is_another_thing_an_it_may_be():
    from heatcards.authoring.entities import Mention, MentionKind

    latin = Mention(MentionKind.TERM, 40, 51, "Apis cerana", "Apis cerana")
    plain_term = Mention(MentionKind.TERM, 0, 9, "pollen", "pollen")
    assert _another_thing_it_may_be(latin, None)
    assert not _another_thing_it_may_be(plain_term, None)


def test_an_its_after_a_name_that_acts_on_an_it_is_not_that_names():
    # round 73 part A's helper found it: the company bought the "it" (the temple), and the "Its" may be either
    text = (
        "The Vessaion is a temple on the coast of Greece. It was built in 430 BC. "
        "In 1977 the Kell Company bought it from the state. Its columns are 9 metres tall."
    )
    fronts = _fronts(text, "Vessaion")
    assert not any("Kell Company's columns" in front for front in fronts)
    # an "it" that is the name's own, not its object, changes nothing: "The Gatun Dam was the largest … when it was finished."
    dam = "The canal needed a lake. The Kell Dam was the largest earthen dam in the world when it was finished. It was about 2.4 kilometres long."
    assert any("{{c1::about 2.4 kilometres}}" in front for front in _fronts(dam, "Kell Canal"))


# Round 73, part B: a subject "The <noun>" for a group of people or an activity shown after the sentence before when
# that sentence opens the paragraph and dates an event.


def test_a_team_after_the_sentence_opening_its_paragraph_is_shown_after_it():
    fronts = _paragraphs(
        "Jet engines burn fuel in a stream of air.",
        "The first jet flight took place on 27 August 1939 at Rostock in a small aircraft built by the Heinkel company in a "
        "shed near the Baltic coast. The team was led by the German engineer Hans von Ohain.",
        title="Jet engine",
    )
    assert any(front.startswith("The first jet flight took place") and front.endswith("engineer {{c1::Hans von Ohain}}.") for front in fronts)


def test_a_team_after_a_sentence_inside_its_paragraph_is_refused():
    text = (
        "The airfield lay near the Baltic coast. The first jet flight took place on 27 August 1939 at Rostock. "
        "The team was led by the German engineer Hans von Ohain."
    )
    assert not any("{{c1::Hans von Ohain}}" in front for front in _fronts(text, "Jet engine"))


def test_a_work_after_a_sentence_inside_its_paragraph_is_refused():
    text = (
        "Anna Lind moved to Parma in 1801. Early in 1802 she wrote a symphony for the Duke of Parma. "
        "The work was printed in 1806 as the Parma symphony."
    )
    assert not any("Parma. The work" in front for front in _fronts(text, "Anna Lind"))


def test_a_team_after_an_undated_paragraph_opening_is_refused():
    fronts = _paragraphs("Ada Brand was an engineer from Leeds. The team was led by the German engineer Hans von Ohain.", title="Ada Brand")
    assert not any("{{c1::Hans von Ohain}}" in front for front in fronts)


# Round 74, the lead: a "him" after "with" when the sentence's own subject is the man the sentence before is about


def test_a_him_after_with_is_never_written_as_the_subject_it_belongs_to():
    text = "Tom Vane was born in Leeds in 1901. In 1930 he moved to Paris. He brought with him the Kell Diamond and his other jewels."
    assert not any("Tom Vane brought with Tom Vane" in front for front in _fronts(text, "Tom Vane"))


def test_a_him_of_someone_else_is_still_written_as_the_man_before():
    text = "Tom Vane was the first keeper of the light. Karl Lind succeeded him in 1720."
    assert any(front.startswith("Karl Lind succeeded Tom Vane in ") for front in _fronts(text, "Kell Light"))


# Round 74, the lead: a man named before his office, a wall "of" its country, one word in the plural and the singular


def test_a_he_after_a_man_named_before_his_office_is_the_man():
    text = "The rival was Olaf Strand, King of Varnia, a famous warrior. He was joined by Kell, his cousin, in 1065."
    fronts = _fronts(text, "Battle of Varn")
    assert any(front.endswith("Olaf Strand was joined by {{c1::Kell}}, his cousin, in 1065.") for front in fronts)
    assert not any("King of Varnia was joined" in front for front in fronts)


def test_a_wall_of_a_country_in_the_title_is_the_topic_not_the_country():
    text = (
        "The Long Wall of Norway is not one wall but many. It runs across the north of Norway. "
        "UNESCO listed the wall in 1987. Norway rebuilt parts of it in 1984. Norway still guards it. Norway paid for it."
    )
    fronts = _fronts(text, "The Long Wall of Norway")
    assert any(front.startswith("(Long Wall of Norway) UNESCO listed the wall in ") for front in fronts)
    assert not any(front.startswith("(Norway)") for front in fronts)


def test_a_people_in_the_plural_is_given_away_by_its_singular_on_the_card():
    text = "The Kells had driven out the Varnish rulers of the valley, but the Varnish remained a threat. The Ostrog rulers fled, but the Ostrogs came back in 1420."
    fronts = _fronts(text, "Notes")
    assert not any("the {{c1::Ostrogs}} came back" in front or "The {{c1::Ostrog}} rulers" in front for front in fronts)


# Round 74, part C: a lower-case term in quotation marks that a naming word, a group that calls, ", a word …" after it or
# a colon opening its description gives.


def test_a_quoted_term_after_a_naming_word_is_asked_inside_its_quotation_marks():
    fronts = _fronts('A kiln held steadily at 900 degrees is in a state called "soaking".', "Kilns")
    assert 'A kiln held steadily at 900 degrees is in a state called "{{c1::soaking}}".' in fronts


def test_a_they_is_never_a_singular_noun_in_us():
    text = (
        "Lina Vell and her nephew Otto Rask worked out what had happened: the iron nucleus had split in two. "
        'They called the process "cracking", a word borrowed from pottery.'
    )
    assert not any("The nucleus called" in front for front in _fronts(text, "Iron furnace"))


# Round 74, part A: a hedge before a date or a number in a closing phrase is part of the fact
def test_a_hedged_date_in_a_closing_phrase_is_asked_with_its_hedge():
    fronts = _fronts(
        "Kallpa Marka is a ruined town in the Andes. Kallpa Marka was built in the middle of the fourteenth century, "
        "probably around 1350, for the ruler Tupac Amaru Yupanqui.",
        "Kallpa Marka",
    )
    assert "Kallpa Marka was built in the middle of the fourteenth century, probably around {{c1::1350}}, for the ruler Tupac Amaru Yupanqui." in fronts
    assert any(front.endswith("probably around 1350, for the ruler {{c1::Tupac Amaru Yupanqui}}.") for front in fronts)


def test_a_hedged_month_after_a_comma_is_asked_with_its_hedge():
    fronts = _fronts("Ada Lind was a Swedish painter. She was born in Dalby, a village of Skane, probably in March 1852.", "Ada Lind")
    assert "Ada Lind was born in Dalby, a village of Skane, probably in {{c1::March 1852}}." in fronts


@pytest.mark.parametrize(
    "hedged",
    [
        "Her husband probably died in 1890.",  # the hedge is of the verb: did he die then?
        "Probably in 1870 she moved to Paris.",  # a hedge opening the clause hedges all of it
        "Her first teacher was probably the painter Tom Vane.",  # no date nor number after it
    ],
)
def test_a_hedge_before_anything_but_a_closing_date_still_refuses(hedged):
    text = f"Ada Lind was a Swedish painter. {hedged}"
    assert not _fronts_from(text, 1, "Ada Lind")


# Round 74, part D: a father and a son of one name told apart by "Sr." and "Jr."
def test_a_he_after_a_son_named_with_jr_is_the_son_not_the_father():
    text = (
        "The modern brass lock is Scottish. Otis Farrow Sr. built a brass lock for a bank in 1851. "
        "His son, Otis Farrow Jr., made the lock smaller, with a flat key, which he patented in the 1870s. "
        "In 1879 he founded a company with the engineer Peter Quill in Dundee to make it."
    )
    fronts = _fronts(text, "Brass lock")
    assert any("Otis Farrow Jr. founded a company with the engineer {{c1::Peter Quill}}" in front for front in fronts)
    assert not any("Otis Farrow Sr. founded" in front for front in fronts)


# Round 74, part B: a "him", "her" or "his" inside a sentence written as the person a leading pronoun would be
def test_an_object_him_after_a_sentence_about_the_documents_man_is_written_as_him():
    text = (
        "Rob Hale was a footballer from Leeds. He joined the Corran Rovers in 1948. "
        "After the 1953 season the Rovers sold him to their rivals, the Kell Wanderers."
    )
    assert "After the 1953 season the Rovers sold Rob Hale to their rivals, the {{c1::Kell Wanderers}}." in _fronts(text, "Rob Hale")


def test_an_object_him_after_the_subject_of_its_verb_is_the_one_man_left():
    text = (
        "Rob Hale joined the Rovers in 1948. His break came in 1950, when the manager Tom Vane saw him play in Leeds. "
        "Vane told him to drop his slow bowling and moved him to the Kell Club in 1951."
    )
    assert "Vane told Rob Hale to drop his slow bowling and moved him to the {{c1::Kell Club}} in 1951." in _fronts(text, "Rob Hale")


def test_an_object_him_after_a_sentence_opening_with_another_mans_possessive_is_refused():
    for title in ("Kell Lighthouse", "Rob Hale"):
        text = (
            "Rob Hale was a clerk in Leeds. Tom Vane was the first keeper of the Kell light. "
            "His own logbook appeared in 1725, six years after he died. Karl Lind succeeded him as the second keeper in 1726."
        )
        assert not any("Karl Lind succeeded" in front for front in _fronts(text, title))


def test_a_his_after_a_sentence_naming_another_man_beside_the_documents_is_refused():
    text = "Rob Hale joined the Rovers in 1948. Opposing fans jeered, and Tom Vane led the taunts. Letters arrived threatening his life in 1949."
    assert not any("Letters arrived" in front for front in _fronts(text, "Rob Hale"))


def test_an_object_her_after_the_name_written_for_a_leading_she_stands():
    text = "Ada Brand was born in Leeds in 1820. As a child she suffered from asthma, which often kept her indoors during the winter of 1829."
    assert "As a child Ada Brand suffered from {{c1::asthma}}, which often kept her indoors during the winter of 1829." in _fronts(text, "Ada Brand")


def test_an_object_her_before_the_verb_of_its_clause_is_no_possessive():
    text = "Ada Brand was a collector in Leeds. In 1840 a storm that nearly killed her wrecked her boat, the Gull, near Whitby."
    assert "In 1840 a storm that nearly killed Ada Brand wrecked her boat, the Gull, near {{c1::Whitby}}." in _fronts(text, "Ada Brand")


def test_a_his_in_an_opening_phrase_before_a_name_of_unknown_kind_is_not_written_as_the_documents_man():
    text = "Rob Hale was a miller in Leeds. In 1840 he sold the old mill to a bank. In spite of his debts, Lindqvist bought the mill back in 1841."
    assert not any("Rob Hale's debts" in front for front in _fronts(text, "Rob Hale"))


# Round 74, the lead at the merge of part B: an aside that names whom a later pronoun stands for stays on the card


def test_an_aside_naming_whom_a_later_her_stands_for_stays_on_the_card():
    text = "Ada Lind was a painter from Leeds. In 1901 Tom Vane, who had known her since childhood, bought her first painting for 40 pounds."
    fronts = _fronts(text, "Ada Lind")
    assert "In 1901 {{c1::Tom Vane}}, who had known Ada Lind since childhood, bought her first painting for 40 pounds." in fronts
    assert not any("Tom Vane bought her" in front for front in fronts)


def test_a_short_form_spelled_by_the_words_right_before_it_is_not_asked():
    text = "Some strains resist the drug; heat-tolerant Vibrio marinus, or HTVM, carries an altered protein. The Kell Trust, or KT, paid for the study in 1990."
    fronts = _fronts(text, "Notes")
    assert not any("{{c1::HTVM}}" in front for front in fronts)
    assert any("{{c1::Kell Trust}}" in front for front in fronts)


# Round 75, part C: lower-case terms a sentence defines
def test_a_term_a_colon_describes_and_things_of_a_short_form_called_so_are_asked():
    fronts = _fronts(
        "Most waxes are esters: two long chains joined by an oxygen atom. "
        "Fungi can also pass genes to one another on small rings of RNA called episomes, even between distant strains.",
        "Waxes",
    )
    assert "Most waxes are {{c1::esters}}: two long chains joined by an oxygen atom." in fronts
    assert "Fungi can pass genes to one another on small rings of RNA called {{c1::episomes}}, even between distant strains." in fronts


# Round 75, part A: a comma that closes the sentence's opening phrases opens the main clause, not a description


def test_a_name_in_the_main_clause_after_opening_phrases_of_time_and_place_is_asked():
    text = "Two weeks later, on 3 May, the storm finally eased and Roland sailed unhindered to Dunmore, on the Kentish coast."
    assert "On 3 May, the storm finally eased and Roland sailed unhindered to {{c1::Dunmore}}, on the Kentish coast." in _fronts(text, "Old history")


def test_a_name_after_a_one_word_opening_or_a_participle_phrase_is_asked():
    assert "Inside, the plumber {{c1::Thomas Crapwell}} fitted public washbasins." in _fronts(
        "Inside, the plumber Thomas Crapwell fitted public washbasins.", "Old history"
    )
    text = "Guided by Peter Holt and Anna Marsh, the Northern Survey travelled some 3,000 miles."
    assert "Guided by Peter Holt and Anna Marsh, the {{c1::Northern Survey}} travelled some 3,000 miles." in _fronts(text, "Old history")


def test_a_name_in_a_description_after_a_name_or_after_an_opening_with_a_verb_stays_refused():
    assert not any("{{c1::Pearl Harbor}}" in front for front in _fronts("Station Hypo, a basement office at Pearl Harbor, broke the code.", "Old history"))
    # (an organisation in a person's description is asked since round 46: "Tom Vane, a clerk at the {{Merton Bank}}, …")
    text = "In 1740 the Kell Prize went to Tom Vane, a clerk from Dunmore, who spent it on books."
    assert not any("{{c1::Dunmore}}" in front for front in _fronts(text, "Old history"))


def test_a_name_in_a_description_of_the_subject_after_an_opening_stays_refused():
    text = "In 1901 Tom Vane, the mayor of Dunmore, bought the mill at Kell."
    assert not any("{{c1::Dunmore}}" in front for front in _fronts(text, "Old history"))


def test_a_list_subject_after_an_unclosed_opening_stays_refused_but_not_a_phrases_object():
    text = "In about ten minutes the Vega, the Orion and the Lark were sinking."
    assert not any("{{c1::Orion}}" in front for front in _fronts(text, "Old history"))
    text = "At the Battle of Varn, an army of Tartar horsemen under Khan Batu routed a Polish force."
    assert "At the Battle of Varn, an army of Tartar horsemen under {{c1::Khan Batu}} routed a Polish force." in _fronts(text, "Old history")


# Round 75, part B: a word of the document's label that says what kind of thing it is about gives away no other name
def test_a_kind_word_of_the_label_gives_away_no_other_name():
    text = (
        "The Siege of Varna lasted for most of the summer. The siege ended in August. "
        "The duke later founded Siege Priory near the old walls. The town hired engineers from abroad."
    )
    assert "Siege Priory" in answers(text, "Siege of Varna")
    fire = "The fire burned for three days. A special Fire Tribunal was created to settle quarrels between owners and tenants."
    assert "Fire Tribunal" in answers(fire, "Great Fire of Tarnby")


def test_a_word_of_the_label_that_says_which_still_gives_away_a_name():
    # a proper name of the label, or a word after its "of", says which thing: the card half gives its answer
    assert "Varna Harbour Works" not in answers(
        "The Siege of Varna lasted all summer. Engineers from abroad later rebuilt the Varna Harbour Works after the war.",
        "Siege of Varna",
    )
    statue = "The statue is made of copper. In 1950 the little island was renamed Freedom Island by the city."
    assert "Freedom Island" not in answers("The Statue of Freedom stands for freedom. " + statue, "Statue of Freedom")
    # a person: the surname in the label gives the name away ("Haber-Bosch" and its Bosch)
    assert "Karl Dorn" not in answers("The Lenz-Dorn process makes ammonia. Scaling the device up fell to Karl Dorn, a chemist.", "Lenz-Dorn process")
    # the whole name in the label is the document's own subject
    assert "Great Wall" not in answers("The Great Wall of Tarnia crosses hills. The Great Wall was repaired many times.", "Great Wall of Tarnia")


# Round 76, part D: a "this" inside a sentence that stands for what the short sentence before told is shown after it
def test_a_this_for_the_sentence_before_is_asked_with_that_sentence():
    text = "The salt in the lake comes from rain, not from the rocks. The Swiss chemist Karl Holm proposed this in 1921."
    assert (
        "The salt in the lake comes from rain, not from the rocks. The Swiss chemist {{c1::Karl Holm}} proposed this in 1921."
        in _fronts(text, "Salt lakes")
    )
    text = "Office owners often want one key that opens every door. Locksmiths do this with a second set of pins, called spacer pins."
    assert any(front.startswith("Office owners often want one key") and "{{c1::spacer pins}}" in front for front in _fronts(text, "Locks"))


def test_a_this_before_a_noun_or_after_a_long_sentence_is_still_refused():
    # "this process" names a process the card would not show
    text = "The salt in the lake comes from rain, not from the rocks. The Swiss chemist Karl Holm studied this process in 1921."
    assert not any("Karl Holm" in front for front in _fronts(text, "Salt lakes"))
    before = (
        "Over many centuries the salt that is carried into the lake by the rain from the hills around it has built up in the "
        "water, because the lake has no outlet and the strong summer sun takes away much of the water every single year."
    )
    assert not any("Karl Holm" in front for front in _fronts(before + " The Swiss chemist Karl Holm proposed this in 1921.", "Salt lakes"))


# Round 76, part B: a "he" or "she" inside a sentence whose subject is someone else
def test_a_he_after_an_opening_clause_is_the_subject_of_that_clause():
    text = (
        "Ada Brand ran a school for girls in Leeds. "
        "When Tom Vane of Corran came to Leeds in March 1850 for the wedding of Karl Berg, he asked to visit the school with her."
    )
    fronts = _fronts(text, "Ada Brand")
    assert any(front.startswith("When Tom Vane of Corran came to Leeds in {{c1::March 1850}}") for front in fronts)


def test_an_object_him_after_who_is_not_the_person_who_stands_for():
    text = (
        "Rob Hale was a painter in Florence. He painted there until 1510. "
        "In 1512 he accepted an invitation from King Karl of Lund, who admired him greatly, and moved to the castle of Vell Hus."
    )
    assert any("King Karl of Lund, who admired him greatly, and moved to the castle of {{c1::Vell Hus}}" in f for f in _fronts(text, "Rob Hale"))


def test_a_he_in_a_relative_clause_is_the_subject_of_the_sentence_before():
    text = "Tom Vane studied the crystals in 1946. Charges trapped near the edge of the crystal, which he called edge charges, blocked the current."
    assert any("which Tom Vane called {{c1::edge charges}}" in front for front in _fronts(text, "Crystal Radio"))
    # after a sentence about a couple, the "he" may be either of them, not the man who married them
    text = "Ray Kell married them in 1838. The couple settled in Corby, a mill town where he found work in the dyeworks."
    assert not any("Ray Kell found" in front for front in _fronts(text, "Tom Vane"))


def test_a_he_after_whom_for_the_man_just_named_is_the_other_man():
    # by the lead at the merge of round 76 part B, which gave the "whom" rule no test of its own
    text = "Tom Vane was born in Leeds in 1901. At the Kell Academy, he was taught drawing by Karl Berg, a strict teacher whom he later called the best of men."
    fronts = _fronts(text, "Tom Vane")
    assert "At the Kell Academy, Tom Vane was taught drawing by {{c1::Karl Berg}}, a strict teacher whom he later called the best of men." in fronts


# Round 77, the lead: a long sentence may give one card more


def test_a_long_sentence_gives_one_card_more_than_a_short_one():
    long = (
        "On 3 May 1921, at the harbour of Kellport in Varnia, the engineer Tom Vane launched the steamer Orla, "
        "which carried 240 passengers and crossed the bay to Dunmore in about 40 minutes."
    )
    short = "On 3 May 1921 Tom Vane launched the steamer Orla at Kellport with 240 passengers."
    assert len(long.split()) >= 30 > len(short.split())
    assert len(suggest(long, "Notes", 1000)) == MAX_CARDS_PER_SENTENCE + 1 == 5
    assert len(suggest(short, "Notes", 1000)) == MAX_CARDS_PER_SENTENCE


# Round 77, part B: a side or a place's adjective before its noun is no answer


def test_a_side_or_a_place_adjective_before_its_noun_is_not_asked():
    text = "By June 1944 there was enough of the drug to treat the Allied wounded at Caen. Tom Reyes paid for the hall from loans rather than from Varnian state funds."
    fronts = _fronts(text, "Medicine")
    assert not any("{{c1::Allied}}" in front or "{{c1::Varnian}}" in front for front in fronts)
    assert any("{{c1::Caen}}" in front for front in fronts)


# Round 78, the lead: wrong cards of the twenty-eighth set (a cleft after "only", an opening phrase before "which",
# "Laser light … It")


def test_a_cleft_after_only_and_a_preposition_is_said_plainly():
    text = "The march was large. It was only with the Second Charter of 1840 that Dunmore gained a seat in the assembly."
    fronts = _fronts(text, "The Dunmore March")
    assert "Only with the Second Charter of {{c1::1840}}, Dunmore gained a seat in the assembly." in fronts
    assert not any("The Dunmore March was only" in front or "The march was only" in front for front in fronts)
    # the focus may be several words after the preposition: "in the spring of 1841"
    assert "In the spring of {{c1::1841}}, Tom Vane proved the theory." in _fronts("It was in the spring of 1841 that Tom Vane proved the theory.", "Notes")


def test_an_opening_phrase_before_which_is_no_term_it_defines():
    text = "In glass, which is mostly silica with a trace of soda, the atoms stand in no order for about 3 milliseconds."
    fronts = _fronts(text, "How Glass Works")
    assert "In glass, which is mostly silica with a trace of soda, the atoms stand in no order for {{c1::about 3 milliseconds}}." in fronts
    assert not any(front.startswith(("In glass is", "{{c1::In glass}}")) for front in fronts)


def test_an_it_after_the_topics_word_before_a_noun_is_not_the_topic():
    # the heading capitalises "Kiln" inside a line, as a name's word would be
    text = "How a Kiln Works\n\nA kiln is an oven that fires pottery.\n\nKiln smoke has three qualities that ordinary smoke lacks. It is acrid, meaning that it stings the eyes."
    fronts = _fronts(text, "How a Kiln Works")
    assert not any(front.startswith("Kiln is") for front in fronts)
    assert "Kiln smoke has three qualities that ordinary smoke lacks. It is {{c1::acrid}}, meaning that it stings the eyes." in fronts


# Round 78, part B: a "she" after a sentence that names a ship is the ship, never the woman who built it


def test_a_she_after_a_ship_named_beside_its_craft_word_is_the_ship():
    text = "Ada Lind was a shipbuilder from Hull. Her largest ship, the Kestrel Star, was meant to sail to India. She was 300 feet long and carried 900 passengers."
    fronts = _fronts(text, "Ada Lind")
    assert any("The Kestrel Star was {{c1::300 feet}} long" in front for front in fronts)
    assert not any("Ada Lind was 300 feet" in front or "Ada Lind was {{c1::300 feet}}" in front for front in fronts)


def test_a_she_after_a_ship_and_a_woman_is_refused():
    text = "Tom Vane was a shipbuilder from Hull. His last ship, the Kestrel Star, was christened by Mary Holt in 1850. She was 300 feet long."
    fronts = _fronts(text, "Tom Vane")
    assert not any("{{c1::300 feet}}" in front for front in fronts)


# Round 78, part A: an "It" or "Its" after a sentence about the topic that also says where it stands


def test_an_it_after_the_topic_in_a_place_and_the_place_it_lies_in_is_the_topic():
    text = (
        "The Harlow Gallery in Clifton, London, is often called the oldest public gallery in the north. "
        "For more than 150 years it has collected paintings from every continent. "
        "Its collection now holds about 40,000 works, of which only a few hundred hang at any time."
    )
    fronts = _fronts(text, "Harlow Gallery")
    assert "(Harlow Gallery) Its collection now holds {{c1::about 40,000}} works, of which only a few hundred hang at any time." in fronts
    assert "(Harlow Gallery) For {{c1::more than 150 years}} it has collected paintings from every continent." in fronts
    # another thing named beside the topic may be what "it" is
    text = "The Harlow Gallery in Clifton, London, stands across the square from the Orla Library. For more than 150 years it has collected paintings from every continent."
    assert not any("150 years" in front for front in _fronts(text, "Harlow Gallery"))


def test_an_its_after_a_subject_and_what_it_became_is_shown_with_that_sentence():
    text = (
        "Rosa Vell designed the gardens of the Kesser family at Dunmore. The garden became a public park in 1931. "
        "Its long wall and the fountain by the gate are covered in pebbledash, a render of small stones that Vell used on many of her houses."
    )
    assert any(front.startswith("The garden became a public park in 1931. Its long wall") and "{{c1::pebbledash}}" in front for front in _fronts(text, "Rosa Vell"))
    # a subject and an object: the "Its" may be either's, which showing the sentence before would not settle
    text = text.replace("The garden became a public park in 1931.", "The garden housed a small museum in 1931.")
    assert not any(front.startswith("The garden housed") and "{{c1::pebbledash}}" in front for front in _fronts(text, "Rosa Vell"))


def test_a_ships_short_name_is_no_person_a_he_might_be():
    text = (
        "Tom Vane was born in Leeds in 1728. In 1772 he commanded HMS Kestrel, a small sloop. The Kestrel crossed the "
        "Arctic Circle in 1773, and she went three times into polar waters. With the Kestrel and HMS Plover, under Karl "
        "Berg, Vane set out to find the Western Passage. In January 1778 he came upon the Orla Islands."
    )
    fronts = _fronts(text, "Tom Vane")
    assert "In January 1778 Tom Vane came upon the {{c1::Orla Islands}}." in fronts


# Round 79, part B: a subject "The family" or "The site" that belongs to the document's topic, written with its owner.
def test_the_family_in_a_biography_is_the_topics_family():
    text = (
        "Ada Vane was an English nurse. She was born in Leeds in 1820, the daughter of a banker and partner in the family bank. "
        "The family lived at Kell Hall, a house near the river."
    )
    assert "Ada Vane's family lived at {{c1::Kell Hall}}, a house near the river." in _fronts(text, "Ada Vane")


def test_the_family_after_another_family_or_person_is_left_alone():
    for before in ("She often stayed with the Moss family in York.", "Tom Reed, a banker, was her closest friend."):
        text = f"Ada Vane was an English nurse. {before} The family lived at Kell Hall, a house near the river."
        assert not any("family lived at" in front for front in _fronts(text, "Ada Vane"))


def test_the_site_of_a_building_or_an_event():
    text = "The Vega Tower is a lighthouse built in 1850. The site stands about 40 metres above the sea."
    assert "The site of the Vega Tower stands {{c1::about 40 metres}} above the sea." in _fronts(text, "Vega Tower")
    flood = "The Great Flood of Dunmore struck in 1902. No house stands on the spot today. The site is occupied by Kerr Park, with a playground."
    assert "The site of the Great Flood of Dunmore is occupied by {{c1::Kerr Park}}, with a playground." in _fronts(flood, "Great Flood of Dunmore")


def test_the_site_after_another_site_or_building_is_left_alone():
    text = "The Vega Tower is a lighthouse built in 1850. Its builders first chose a site near Kell Abbey. The site stands about 40 metres above the sea."
    assert not any("site of" in front for front in _fronts(text, "Vega Tower"))


def test_a_company_has_no_site_of_its_own():
    text = "Orla Textiles is a company in Leeds. The site was sold in 1990 to a builder."
    assert not any("site of" in front for front in _fronts(text, "Orla Textiles"))


# Round 79, part C: lower-case compounds the document repeats, asked low, once, and never the title's


def test_a_repeated_compound_is_asked_once_below_a_date_and_never_when_it_holds_a_title_word():
    text = (
        "Ralph Dunne opened the plant at Carrow in 1958. "
        "Every reactor needs a cooling tower. "
        "Steam rises from the cooling tower. "
        "The cooling tower stands by the river. "
        "Each wagon carries a brake lever. "
        "The driver pulls the brake lever."
    )
    suggestions = suggest(text, "Notes", 1000)
    towers = [s for s in suggestions if "{{c1::cooling tower}}" in s.front]
    assert len(towers) == 1
    assert max(s.score for s in towers) < min(s.score for s in suggestions if s.answer in ("1958", "Ralph Dunne"))
    # the compound holding a word of the title is what the document is about
    assert not any("{{c1::brake lever}}" in front for front in _fronts(text, "How a Brake Lever Works"))
    assert any("{{c1::brake lever}}" in front for front in _fronts(text))


# Round 79, part A: a leading "they" after an opening phrase is shown with the sentence before, as without one
def test_they_after_an_opening_is_shown_with_the_sentence_before():
    text = "Both firms were alarmed by how slowly parcels had moved between them. In March 1971 they agreed to open a shared depot at Kestrel Quay."
    fronts = [s.front for s in suggest(text) if "agreed" in s.front]
    assert fronts and all(front.startswith("Both firms were alarmed") and " they agreed" in front for front in fronts)
    assert "In {{c1::March 1971}} they agreed" in " ".join(fronts)  # the opening's date is the sentence's own fact


# Round 80, part A: a relative clause that closes the sentence holds its fact, not an aside
def test_a_name_or_amount_in_a_closing_relative_clause_is_asked():
    text = (
        "Dunmore Harbour was built in 1790. "
        "The harbour board opened a customs house, which came into use on 3 March 1802. "
        "The town's fishermen were poor, and the dock was paid for by Ada Lee, who gave $4,000."
    )
    answers_given = answers(text, "Dunmore Harbour")
    assert "3 March 1802" in answers_given
    assert "$4,000" in answers_given


def test_a_relative_clause_the_sentence_goes_on_after_stays_an_aside():
    text = (
        "Dunmore Harbour was built in 1790. "
        "The customs house, which Ada Lee paid for in 1802, burned down later. "
        "The board bought a crane, which the workers called Old Tom, the town's pride, and a barge."
    )
    answers_given = answers(text, "Dunmore Harbour")
    assert "Ada Lee" not in answers_given and "1802" not in answers_given
    assert "Old Tom" not in answers_given


# Round 81, lead: the person of a biography whose title uses a nickname, or whose first pronoun comes late; the topic
# of an explainer; a chain of "he" that meets a family's surname


def test_a_biography_learns_its_persons_gender_from_a_pronoun_inside_the_next_sentence():
    text = (
        "Rosalie Quade is the best-selling potter of all time. "
        "Collectors in forty countries prize her bowls above all others. "
        "She was born on 2 May 1901 in Kestrel Bay."
    )
    assert any(front.startswith("Rosalie Quade was born on {{c1::2 May 1901}}") for front in _fronts(text, "Rosalie Quade"))
    # a person named before the pronoun may be the one it stands for: the gender stays unsaid
    told_by_a_potter = text.replace("Collectors in forty countries prize", "Karl Lind prized")
    assert not any("Quade was born" in front for front in _fronts(told_by_a_potter, "Rosalie Quade"))


def test_a_title_nickname_takes_the_full_name_the_document_says_it_stands_for():
    text = (
        "Rosalie Anne Quade, known to her public as Lolo, was a singer from Leeds. "
        "She was born on 2 May 1901 in Kestrel Bay. "
        "Her father, Karl Quade, kept a shop. "
        "A statue of Lolo Quade stands in Leeds."
    )
    assert any(front.startswith("Lolo Quade was born on {{c1::2 May 1901}}") for front in _fronts(text, "Lolo Quade"))
    # another of the family is no fuller name of the title's
    without_the_nickname = text.replace(", known to her public as Lolo,", "")
    assert not any("Lolo Quade was born" in front for front in _fronts(without_the_nickname, "Lolo Quade"))


def test_an_explainer_is_about_its_thing_not_the_inventor_its_sentences_name_most():
    text = (
        "Karl Brenner built the first rope brake in 1852. "
        "Brenner showed the rope brake at a fair in Leeds. "
        "Brenner sold the rope brake to mills. "
        "Brenner died in 1870. "
        "A rope brake grips the drum with a steel band. "
        "Every rope brake needs a spring. "
        "The rope brake stops a hoist in about 2 seconds."
    )
    fronts = _fronts(text, "How a Rope Brake Works")
    assert not any(front.startswith("(Karl Brenner)") for front in fronts)
    assert "The rope brake stops a hoist in {{c1::about 2 seconds}}." in fronts
    assert any(front.startswith("(Karl Brenner)") for front in _fronts(text, "Notes"))


def test_a_chain_of_he_stops_at_a_surname_two_of_the_family_share():
    text = (
        "The journalist Otto Lenz watched the trial. "
        "Vane was sent to Kestrel Island, where he spent four years in a hut. "
        "At times he was chained to his bed. "
        "His wife, Ada, wrote to the newspapers. "
        "Tom Vane and his brother Karl Vane were merchants."
    )
    fronts = " ".join(_fronts(text, "Notes"))
    assert "Otto Lenz's wife" not in fronts and "Otto Lenz was chained" not in fronts


def test_a_he_after_two_opening_phrases_is_the_one_man_of_the_sentence_before():
    text = (
        "Karl Brenner built the first brake. Brenner made his invention famous with a piece of showmanship. In 1854, at the "
        "Exhibition of the Industry of All Nations in Leeds's Kestrel Hall, he stood on a platform and had the rope cut."
    )
    assert (
        "In {{c1::1854}}, at the Exhibition of the Industry of All Nations in Leeds's Kestrel Hall, Karl Brenner stood on a "
        "platform and had the rope cut." in _fronts(text, "Notes")
    )


# Round 81, part B: an object "it" after a sentence whose leading "It" would be the topic (a thing) is the topic
def test_an_object_it_after_a_sentence_a_leading_it_would_follow_is_the_topic():
    text = (
        "The Kell Arena is an oval stadium in the old port of Dunmore. "
        "Karl Vane died in 1871, before the stadium was finished. "
        "His daughter Ada opened it in 1874 with a regatta that lasted nine days."
    )
    fronts = [front for front in _fronts(text, "Kell Arena") if "opened" in front]
    assert fronts and all("opened the Kell Arena in" in front or "opened Kell Arena in" in front for front in fronts)


def test_an_object_it_stays_unwritten_beside_another_thing_or_in_an_event():
    # the sentence before names another thing: the "it" may be the medal
    text = (
        "The Kell Arena is an oval stadium in the old port of Dunmore. "
        "In 1921 Karl Vane won the Dunmore Medal. "
        "The mayor presented it to him in 1874 at the town hall."
    )
    assert not any("presented the Kell Arena" in front or "presented Kell Arena" in front for front in _fronts(text, "Kell Arena"))
    # an event's "it" is as often a summit or a storm
    text = (
        "The Kell Flood struck Dunmore in 1871. "
        "Karl Vane died in 1872, before the new wall was finished. "
        "His daughter Ada rebuilt it in 1874 with stone from the quarry."
    )
    assert not any("rebuilt the Kell Flood" in front or "rebuilt Kell Flood" in front for front in _fronts(text, "Kell Flood"))
    # a subject "it" of a later clause may be the sentence's own subject
    text = (
        "The Kell Arena is an oval stadium in the old port of Dunmore. "
        "Karl Vane died in 1871, before the stadium was finished. "
        "His daughter Ada ran the works until it was finished in 1874."
    )
    assert not any("until the Kell Arena was" in front or "until Kell Arena was" in front for front in _fronts(text, "Kell Arena"))


# Round 81, part A: the second main clause of a sentence whose first clause already makes a card
_PAINTER = "Tom Vane was a painter born in Leeds in 1830."


def test_a_second_main_clause_gives_cards_of_its_own_shown_alone():
    order = "He chaired the Royal Academy from 1881 to 1886, and in 1890 he was one of the nine founding members of the Order of Saint Luke."
    found = [s for s in suggest(f"{_PAINTER} {order}", "Tom Vane", per_1000=1000) if s.answer == "Order of Saint Luke"]
    # the "he" that repeats the sentence's own subject is written as the name that replaced the first
    assert [s.front for s in found] == ["In 1890 Tom Vane was one of the nine founding members of the {{c1::Order of Saint Luke}}."]
    text = f"{_PAINTER} {order}"
    assert text[found[0].start : found[0].end] == order  # the source span stays the sentence
    # the cap of 3 (three years), the Royal Academy they are about (round 93, part A) and two more, the order and the
    # count of its members (round 96, part C)
    assert len([s for s in suggest(text, "Tom Vane", per_1000=1000) if s.start == found[0].start]) == 6
    named = "He chaired the Royal Academy from 1881 to 1886, and in 1890 Karl Lind became one of the nine founding members of the Order of Saint Luke."
    assert "(Tom Vane) In 1890 Karl Lind became one of the nine founding members of the {{c1::Order of Saint Luke}}." in _fronts(f"{_PAINTER} {named}", "Tom Vane")


@pytest.mark.parametrize(
    "sentence",
    [
        # another man the second "he" may be
        "He hired Karl Lind as a guide from 1881 to 1886, and in 1890 he was one of the nine founding members of the Order of Saint Luke.",
        # a time counted from the clause before
        "He chaired the Royal Academy from 1881 to 1886, and Karl Lind joined the Order of Saint Luke two years later.",
    ],
)
def test_a_second_main_clause_that_leans_on_the_first_gives_no_card_of_its_own(sentence):
    assert "Order of Saint Luke" not in answers(f"{_PAINTER} {sentence}", "Tom Vane")


def test_a_pronoun_inside_a_second_main_clause_keeps_it_from_standing_alone():
    fronts = _fronts(f"{_PAINTER} His mother moved to Leeds in 1851; Karl Lind painted her portrait in 1860.", "Tom Vane")
    assert not any(front.removeprefix("(Tom Vane) ").startswith("Karl Lind painted") for front in fronts)  # her: the mother, not Tom


# Round 81, part C: a short quoted term is asked inside its quotation marks
def test_a_short_quoted_term_is_asked_inside_its_marks():
    text = "Tower clocks of the 1700s were built by smiths. The escapement of a tower clock is often a \"grasshopper\" of brass levers set on a wheel."
    assert any('often a "{{c1::grasshopper}}" of brass' in s.front for s in suggest(text, "Tower clocks"))
    spoken = "Tower clocks of the 1700s were built by smiths. Asked about the bells, the keeper replied, \"never again.\""
    assert "never again" not in answers(spoken, "Tower clocks")


# Round 82, lead: a "by then" that opens an aside goes, the aside's comma stays
def test_a_by_then_opening_an_aside_leaves_the_asides_comma():
    text = "Karl Vane was sent to a prison island in 1895. Vane, by then grey-haired and ill, was brought back to Leeds in 1899."
    fronts = _fronts(text, "Notes")
    assert "Vane, grey-haired and ill, was brought back to Leeds in {{c1::1899}}." in fronts
    assert not any("Vane grey-haired" in front for front in fronts)


# Round 82, lead: a park, a square, a castle or an abbey is written without "the" when the document's "It" is written
def test_a_park_or_a_castle_takes_no_article_when_written_for_it():
    text = "Kestrel Park is a large public park in Leeds. It covers 843 acres."
    assert "Kestrel Park covers {{c1::843 acres}}." in _fronts(text, "Kestrel Park: a history")
    castle = "Vell Castle is a palace in Bavaria. It was opened to visitors on 1 August 1886."
    assert "Vell Castle was opened to visitors on {{c1::1 August 1886}}." in _fronts(castle, "Vell Castle")


# Round 82, part A: titles of works written without quotation marks, kept whole; an "its" after a body named as whose.


def test_a_title_opening_with_and_keeps_its_and():
    text = (
        "Ann Lane wrote twelve novels. And Still the Rain Fell, published in 1949, in which six sailors are stranded on a "
        "reef, became the best-selling book of the decade."
    )
    fronts = _fronts(text, "Ann Lane")
    assert any(front.startswith("(Ann Lane) {{c1::And Still the Rain Fell}}, published in 1949") for front in fronts)
    assert not any(front.startswith("(Ann Lane) Still the") for front in fronts)


def test_its_after_a_body_named_as_whose_a_noun_is_is_not_the_topics():
    text = (
        "The Vega Tower is a stone tower on the coast of Norway. The tower was by then the responsibility of Vega House, "
        "the corporation that looks after towers in Norway. Its maker, Karl Lind, designed a new and taller tower on the cliff."
    )
    assert not any("Vega Tower's maker" in front for front in _fronts(text, "Vega Tower"))


# Round 82, part C: a term its sentence's shape defines is asked below names and dates, and never the title's
def test_a_term_its_shape_defines_is_asked_below_a_date_and_never_when_it_holds_a_title_word():
    text = "Ralph Dunne opened the works at Carrow in 1958. Passive cooling uses fins, while active cooling uses fans."
    suggestions = suggest(text, "Notes", 1000)
    terms = [s for s in suggestions if "{{c1::Passive cooling}}" in s.front or "{{c1::active cooling}}" in s.front]
    assert len(terms) == 2
    assert max(s.score for s in terms) < min(s.score for s in suggestions if s.answer in ("1958", "Ralph Dunne"))
    assert not any("{{c1::active cooling}}" in front for front in _fronts(text, "How Active Cooling Works"))


# Round 83, lead: what the first look at set 31 showed (see also tests/test_entities.py)
def test_a_degree_after_a_name_is_no_name_of_its_own():
    text = "Ann Lane was a poet. In 1802 Tom Vane published The Life of Ann Lane, LL.D., which sold well."
    fronts = _fronts(text, "Ann Lane")
    assert not any("{{c1::LL}}" in front or "{{c1::D.}}" in front for front in fronts)


def test_a_gerund_an_adverb_leads_before_a_description_is_no_term():
    text = "The pole in the north is, strictly speaking, a magnetic south pole."
    assert not any("{{c1::speaking}}" in front for front in _fronts(text, "Compass"))


def test_it_lasted_after_what_a_person_did_is_not_the_place_named():
    text = "Tom Vane was a writer. In October 1728 he went up to Pembroke College, Oxford. It lasted barely thirteen months."
    fronts = _fronts(text, "Tom Vane")
    assert not any("Pembroke College lasted" in front for front in fronts)


def test_he_after_a_sentence_whose_subject_a_man_owns_is_that_man():
    text = (
        "Kwame Adeyemi ruled the country from 1954. Adeyemi's answer came a week later. On 26 July, in a speech in Kumasi, he "
        "announced that the state had bought the Volta Railway Company."
    )
    assert any(front.startswith("On {{c1::26 July}}, in a speech in Kumasi, Kwame Adeyemi announced") for front in _fronts(text, "The Volta Crisis"))


def test_he_after_words_of_how_he_was_is_the_man_before():
    text = "Tom Vane gave a speech in Leeds in March. Ill and exhausted, he resigned on 9 January 1957."
    assert "Ill and exhausted, Tom Vane resigned on {{c1::9 January 1957}}." in _fronts(text)


# Round 83, part A: a leading "It" after a sentence whose last main clause has the topic, by its noun, for its subject


def test_it_after_a_last_clause_about_the_topic_by_its_noun_is_the_topic():
    text = (
        "The Vega Monument is a bronze figure on the harbour wall at Tromsø. The plinth was finished in March 1901, and "
        "the monument was raised on it during the summer. It was unveiled on 4 September 1901 by Mayor Karl Lind."
    )
    fronts = _fronts(text, "The Vega Monument")
    assert any(front.startswith("The Vega Monument was unveiled on ") for front in fronts)


def test_it_after_a_last_clause_that_puts_the_topic_on_a_common_thing_is_refused():
    # the plinth, taken as an object after the monument, may be the "It" as well
    text = (
        "The Vega Monument is a bronze figure on the harbour wall at Tromsø. The workmen arrived in March 1901, and "
        "the monument was raised on a granite plinth during the summer. It was unveiled on 4 September 1901 by Mayor Karl Lind."
    )
    fronts = _fronts(text, "The Vega Monument")
    assert not any("Vega Monument was unveiled" in front for front in fronts)


def test_it_after_a_last_clause_about_the_topic_is_refused_beside_another_named_thing():
    text = (
        "The Vega Monument is a bronze figure on the harbour wall at Tromsø. The Lind Foundry cast the plinth in March "
        "1901, and the monument was raised on it during the summer. It was unveiled on 4 September 1901 by Mayor Karl Lind."
    )
    fronts = _fronts(text, "The Vega Monument")
    assert not any("Vega Monument was unveiled" in front or "Lind Foundry was unveiled" in front for front in fronts)


def test_it_after_a_last_clause_about_an_event_or_a_person_is_not_written_as_the_topic():
    event = (
        "The Great Vell Flood struck the valley in 1911. The rain stopped on 3 May, and the flood was over by the evening. "
        "It was investigated by a royal commission in 1912."
    )
    assert not any("Great Vell Flood was investigated" in front for front in _fronts(event, "The Great Vell Flood"))
    person = (
        "Karl Lind was a Norwegian engineer. His father died in 1880, and the engineer was sent to school in Bergen. "
        "It was closed in 1901 by the city council."
    )
    assert not any("Karl Lind was closed" in front for front in _fronts(person, "Karl Lind"))


def test_an_expletive_it_after_a_last_clause_about_the_topic_stays_as_it_is():
    text = (
        "The Vega Monument is a bronze figure on the harbour wall at Tromsø. The plinth was finished in March 1901, and "
        "the monument was raised on it during the summer. It was not until 1905 that the square around it was paved."
    )
    fronts = _fronts(text, "The Vega Monument")
    assert not any("Vega Monument was not until" in front for front in fronts)


# Round 83, part B: a leading "It" for the one named thing a person's sentence before made or named
def test_it_after_a_thing_a_person_built_and_named_is_that_thing():
    text = (
        "Hugo Marsh was a glassmaker in Yorkshire. To hold the trade Marsh built a large works beside the new railway and "
        "named it Vellmoor, after the old county of Wales whose windows he loved. It opened on 4 May 1802."
    )
    fronts = _fronts(text, "Hugo Marsh")
    assert any("did Vellmoor open?" in front or "Vellmoor opened on {{c1::4 May 1802}}" in front for front in fronts)
    assert not any("Wales open" in front for front in fronts)


def test_it_after_a_room_named_twice_is_the_room():
    text = (
        "The Kestrel Palace is a royal house in Savoy. He enlarged the palace with two long wings and in 1702 replaced a "
        "courtyard with its grandest room, the Hall of Lamps, or Salle des Lampes. It is 61 metres long."
    )
    assert any("The Hall of Lamps is {{c1::61 metres}} long" in front for front in _fronts(text, "Kestrel Palace"))


def test_it_after_two_named_things_or_a_mill_with_no_name_is_refused():
    two = "Tom Vane was an engineer of Leeds. He built the Vega Works and the Lark Mill. It opened on 4 May 1802."
    assert not any(name in front for front in _fronts(two, "Tom Vane") for name in ("Works opened", "Mill opened", "Works open?", "Mill open?"))
    unnamed = "Tom Vane was an engineer of Leeds. He moved to Leeds and built a mill. It opened on 4 May 1802."
    assert not any("Leeds opened" in front for front in _fronts(unnamed, "Tom Vane"))


def test_it_after_a_name_given_to_an_earlier_it_is_not_that_name():
    text = (
        "The Vega Light is a lighthouse on the coast of Norway. Sailors soon called it the Old Candle. It was lit on 4 May 1802."
    )
    assert not any("Old Candle was lit" in front for front in _fronts(text, "Vega Light"))


# Round 83, part C: "they", "them", "their" standing for a plural of their own sentence
def test_a_partitive_them_after_a_counted_people_stands():
    text = (
        "The revolt spread across the province. On 3 May a crowd of several hundred Romans, many of them veterans angry "
        "at the price of land, marched to Capua."
    )
    assert any(front.startswith("On {{c1::3 May}} a crowd of several hundred Romans, many of them veterans") for front in _fronts(text))


def test_a_their_its_plural_subject_owns_by_the_clauses_shape_stands():
    after_another_group = (
        "The hussars charged the crowd with swords drawn, and the soldiers drove the people into the side streets. Around "
        "thirty people were killed or died later of their injuries, and some 200 were hurt."
    )
    assert "Around {{c1::thirty}} people were killed or died later of their injuries, and some 200 were hurt." in _fronts(after_another_group)
    their_own = "Vitamins are small molecules. Fungi must make their own thiamine, a vitamin first isolated in 1926."
    assert "Fungi must make their own thiamine, a vitamin first isolated in {{c1::1926}}." in _fronts(their_own)


def test_a_they_giving_the_reason_after_a_plural_that_opens_the_sentence_stands():
    text = (
        "The keepers left in 1790. Modern radio beacons place the marker about 40 metres west of the stone, since they "
        "measure from the centre of the earth."
    )
    assert any(front.startswith("Modern radio beacons place the marker {{c1::about 40 metres}} west") for front in _fronts(text))
    # a plural after an opening phrase is no subject the shape shows
    opened = text.replace("Modern radio beacons place", "In winter ships place")
    assert not any("40 metres" in front for front in _fronts(opened))


def test_a_plural_pronoun_its_sentence_does_not_settle_stays_refused():
    singular_subject = "The tenants were poor. The council raised their rents by 40 per cent in 1921."
    two_plurals = "The strike began in May. The miners met the owners and their agents at Carrow in 1910."
    past_the_sentence = "The marbles were taken to London. In 1820 the city bought them from him for £4,000."
    object_of_the_verb = "Two old castles stood on the ridge in 1860. Workers blasted away their ruins and lowered it in 1871."
    for text in (singular_subject, two_plurals, past_the_sentence, object_of_the_verb):
        assert not any(word in front for front in _fronts(text) for word in ("their", "them")), text
    opening = "The two brothers built boats. They opened the mill at Carrow in 1850."
    assert not any(front.startswith("They ") for front in _fronts(opening))


def test_a_plural_verb_right_before_them_is_no_plural_it_may_stand_for():
    text = "A lysin is an enzyme that kills bacteria or stops them from multiplying, and it was described in 1958."
    assert "A {{c1::lysin}} is an enzyme that kills bacteria or stops them from multiplying." in _fronts(text)


# Round 84, part C: a "He" or "His" of the document's person after a sentence whose other men stand aside


def test_a_his_after_the_person_and_a_partner_with_others_in_a_relative_clause_is_the_person():
    text = (
        "Karl Lind was an English engineer. In 1801 Lind and the printer Tom Vane founded a reading society, whose members "
        "came to include Paul Berg, Carl Marks, Hale and Ross. His two-volume study of canal locks appeared in 1809."
    )
    assert "Karl Lind's two-volume study of canal locks appeared in {{c1::1809}}." in _fronts(text, "Karl Lind")


def test_a_he_of_a_chain_whose_sentences_name_other_men_only_after_by_is_the_person():
    text = (
        "Karl Lind was an English engineer. Nobody bought his plans. In May 1820 he left Leeds for York, where he was "
        "looked after by Dr. Tom Vane, a surgeon. On 3 June 1820 he fell from a bridge near the river. He was carried "
        "back to his rooms at the Swan Inn and died there two days later."
    )
    assert any(front.startswith("Karl Lind was carried back to his rooms at the {{c1::Swan Inn}}") for front in _fronts(text, "Karl Lind"))


def test_a_he_or_his_after_another_man_in_the_main_clause_stays_refused():
    another_subject = (
        "Karl Lind was an English engineer. In 1801 Lind met Tom Vane, and Vane offered him a post. His two-volume study "
        "of canal locks appeared in 1809."
    )
    another_mans_life = (
        "Karl Lind was an English engineer. In 1801 he worked with Tom Vane. Vane had died in 1790. His son ran the Swan "
        "Inn in 1809."
    )
    written_to = (
        "Karl Lind was an English engineer. In 1801 Lind and two colleagues wrote to Tom Vane asking for money. He "
        "replied with the order \"PAY THEM\"."
    )
    partner_and_another = (
        "Karl Lind was an English engineer. In 1801 Lind and Tom Vane hired Paul Berg. His two-volume study of canal "
        "locks appeared in 1809."
    )
    for text in (another_subject, another_mans_life, written_to, partner_and_another):
        fronts = _fronts(text, "Karl Lind")
        assert not any(wrong in front for front in fronts for wrong in ("Karl Lind's two-volume", "Karl Lind's son", "Karl Lind replied")), text


# Round 85, part B: pronouns whose one candidate is plain, and one wrong reading


def test_a_he_after_the_maker_named_in_a_things_passive_is_the_maker():
    text = "The first steam loom to be sold widely was built by Osric Harlow, an English weaver. He patented the loom in 1791."
    assert any("Osric Harlow patent" in front for front in _fronts(text, "Steam loom"))


def test_a_he_after_a_things_passive_beside_another_person_stays_refused():
    two_people = "The first steam loom was built by Osric Harlow and Tom Vane, two weavers. He patented the loom in 1791."
    a_persons_passive = "The young apprentice was taught by Osric Harlow, an English weaver. He patented the loom in 1791."
    for text in (two_people, a_persons_passive):
        assert not any("Harlow patented" in front or "Vane patented" in front for front in _fronts(text, "Steam loom")), text


def test_an_its_after_the_topic_named_as_a_subject_the_romans_built_is_the_topic():
    text = "The Vella Arch is the widest arch the Romans ever raised over a road, and it still stands. Its central span was repaired in 1702."
    assert any("Vella Arch's central span was repaired" in front for front in _fronts(text, "Vella Arch"))


def test_an_it_after_a_body_that_had_someone_build_a_thing_is_not_the_body():
    text = (
        "The Vella Arch stands in Corin. In 1802 the Harbour Trust engaged the engineer Tom Vane to build a new pier, and "
        "he built it beside the arch. It opened in 1805."
    )
    assert not any("Harbour Trust opened" in front for front in _fronts(text, "Vella Arch"))


def test_an_it_after_a_body_that_commissioned_a_common_thing_stays_refused():
    text = "The Vella Arch stands in Corin. The Harbour Trust commissioned a report. It appeared in 1805."
    assert not any("Harbour Trust appeared" in front for front in _fronts(text, "Vella Arch"))


# Round 85, part A: the parts a list names, one item each ("The {{presser foot}} holds …")
def test_a_part_a_list_item_opens_with_gets_its_card(tmp_path):
    path = tmp_path / "how-a-power-loom-works.md"
    path.write_text(
        "# How a Power Loom Works\n\nA power loom weaves cloth from two sets of threads, the warp and the weft.\n\n"
        "## The main parts\n\nA power loom has these working parts:\n\n- **The warp beam** holds the long threads under tension.\n"
        "- **The heddle frames** lift every other thread to open a gap.\n- **The reed** pushes each new row of weft against the cloth.\n",
        encoding="utf-8",
    )
    fronts = {s.front for s in RulesEngine().suggest(read_document(path), cards_per_1000_words=1000)}
    assert "(Power loom) The {{c1::warp beam}} holds the long threads under tension." in fronts
    assert "(Power loom) The {{c1::reed}} pushes each new row of weft against the cloth." in fronts


# Round 86, part B: "the building" of a topic the document says is a building, or whose name ends in one
def test_the_building_is_the_topic_a_leading_it_says_is_a_cathedral():
    text = (
        "Santa Orsola rises over the harbour of Vedra. It has been a cathedral, a barracks and a museum. "
        "Hundreds of masons worked on the hill, and the building was finished in nine years. Bishop Anselm consecrated it on 4 May 1121."
    )
    assert any("Bishop Anselm consecrated Santa Orsola on" in front for front in _fronts(text, "Santa Orsola"))


def test_the_building_is_the_topic_whose_name_ends_in_abbey():
    text = "Kell Abbey stands above the river. Hundreds of masons worked on the hill, and the building was finished in 1180. Abbot Hugh blessed it in 1182."
    assert any("Abbot Hugh blessed Kell Abbey in" in front for front in _fronts(text, "Kell Abbey"))


def test_the_building_stays_refused_for_a_topic_that_is_no_single_building():
    college = "Vedra College stands above the river. Hundreds of masons worked on the hill, and the building was finished in 1180. Abbot Hugh blessed it in 1182."
    another = (
        "Kell Abbey stands above the river. The Corn Exchange Building was raised beside it. Masons worked on the hill, "
        "and the building was finished in 1180. Abbot Hugh blessed it in 1182."
    )
    assert not any("Hugh blessed Vedra College" in front for front in _fronts(college, "Vedra College"))
    assert not any("Hugh blessed Kell Abbey" in front for front in _fronts(another, "Kell Abbey"))


# Round 86, part A: an "It" after a sentence about something moving is not the place it moved from or across
def test_an_it_is_not_a_place_something_moved_from_or_across():
    text = (
        "The worst flood came on Friday, 3 May 1889, after a week of rain. In the night a wall of water rushed down from "
        "the Ketterings and across the Morrow valley, carrying away bridges and barns. It has been remembered ever since "
        "as Black Friday."
    )
    fronts = _fronts(text, "Morrow Flood")
    assert not any("Ketterings has been remembered" in front or "Ketterings have been remembered" in front for front in fronts)


# Round 87, part C: a "How a … Works" title's whole compound is the topic, not the one word a sentence opens with
def test_the_whole_compound_of_an_explainer_title_is_the_topic_not_a_word_of_it():
    """The heading makes "Sand" a name, which one sentence opens with ("Sand grains …"): the topic is still the sand
    filter the title explains and the document keeps writing."""
    text = (
        "How a Sand Filter Works\n\n"
        "A sand filter is a bed of sand that cleans water. "
        "The first sand filter in London was built in 1829 by James Simpson for the Chelsea Waterworks Company. "
        "Water seeps slowly down through the sand filter. "
        "Sand grains near the top catch most of the dirt, and a slimy layer called the schmutzdecke forms there. "
        "Operators scrape the top of the sand filter every few weeks."
    )
    fronts = [s.front for s in suggest(text, "How a Sand Filter Works")]
    assert "(Sand filter) Sand grains near the top catch most of the dirt, and a slimy layer called the {{c1::schmutzdecke}} forms there." in fronts
    assert not any(front.startswith("(Sand) ") for front in fronts)


# Round 87, part A: who "she"/"he"/"there" is — a woman behind another, a relative alike, a place named by a noun after
# a named one, an object "her" before a state; newspapers written after "the"; a one-word name of a person named in full

_RUNNER = (
    "Ada Reyes was born in Leeds in 1870. She sailed round the world in 1891 and won the race against Clara Holt. "
    "Clara Holt arrived three days behind her.\n\n"
    "In 1899 she married Tom Vane, a banker."
)


def test_a_woman_a_measure_behind_her_is_not_the_her():
    """ "Clara Holt arrived three days behind her": the "her" is another woman (Holt would be "herself"), so the "she" of
    the new paragraph is never Clara Holt."""
    fronts = _fronts(_RUNNER, "Ada Reyes")
    assert not any("Clara Holt married" in front for front in fronts)
    assert "Clara Holt arrived {{c1::three days}} behind Ada Reyes." in fronts


def test_a_she_after_a_relative_of_the_woman_a_life_is_about_is_refused():
    text = (
        "Ada Reyes was born in Leeds in 1870. Her mother, Mary Holt, remarried a sailor who drank and beat her, and she later "
        "divorced him. She attended a school for nurses in York in 1886."
    )
    fronts = _fronts(text, "Ada Reyes")
    assert not any("Mary Holt attended" in front for front in fronts)
    assert not any("{{c1::York}} in 1886" in front for front in fronts)


def test_there_after_a_place_named_by_a_noun_later_in_the_sentence_is_refused():
    text = (
        "Ada Reyes was born in Leeds in 1870. Doctors at Kell Infirmary judged her mad, and she was taken to the colony. "
        "She spent six weeks there before her brother secured her release."
    )
    fronts = _fronts(text, "Ada Reyes")
    assert not any("at Kell Infirmary before" in front for front in fronts)


@pytest.mark.parametrize(
    ("sentence", "written"),
    [
        ("Doctors at Kell Infirmary declared her insane in 1890.", "declared Ada Reyes insane"),
        ("A jury in York found her guilty, and she was fined.", "found Ada Reyes guilty"),
    ],
)
def test_her_before_a_state_it_was_judged_in_is_an_object(sentence, written):
    text = f"Ada Reyes was born in Leeds in 1870. {sentence}"
    fronts = _fronts(text, "Ada Reyes")
    assert any(written in front for front in fronts)
    assert not any("Ada Reyes's insane" in front or "Ada Reyes's guilty" in front for front in fronts)


# Round 87, part B: an object "it" is no name of an opening phrase that only says where or when
def test_an_object_it_is_no_name_of_an_opening_phrase():
    text = (
        "After losing the war, Karland gave Vell to its ally Ostria in 1762. Then, in the secret Treaty of Marn of "
        "March 3, 1801, Ostria handed it back to Karland, now ruled by Tom Vane."
    )
    assert not any("handed it back" in front for front in _fronts(text, "Vell"))


# Round 88, part B: a "their" or an object "it" written as the one people or the one thing the sentence before gives
def test_their_is_the_one_people_the_sentence_before_names():
    text = (
        "Vienna had long envied the Moravians' silver mines. In 1204, after the death of their last duke, Otto Brandel, "
        "the king Ludwig Varn seized the duchy."
    )
    assert any("after the death of the Moravians' last duke" in front for front in _fronts(text, "Karsk"))
    # two who may own it: whose duke?
    joined = text.replace("Vienna had", "Vienna and Prague had")
    assert not any("Moravians' last duke" in front for front in _fronts(joined, "Karsk"))


def test_an_object_it_is_the_one_thing_the_sentence_before_gave():
    text = (
        "After losing the war, Karland gave Vell to its ally Ostria in 1762. In the Treaty of Marn of March 3, 1801, "
        "Ostria handed it back to Karland, now ruled by Tom Vane."
    )
    assert any("Ostria handed Vell back to Karland" in front for front in _fronts(text, "Ostria"))
    # two things given: which one came back?
    two = text.replace("gave Vell to", "gave Vell and Dorn to")
    assert not any("handed Vell back" in front or "handed Dorn back" in front for front in _fronts(two, "Ostria"))


# Round 88, part C: a "They" after a sentence that opens with a plural subject is that subject, never a plural it counts later
def test_they_opening_the_second_sentence_of_a_paragraph_is_the_plural_it_opened_with():
    fronts = _paragraphs(
        "Solar power comes in several kinds.",
        "Silicon cells hold a thin wafer between two glass sheets. They were first sold by Vell Energy in 1958.",
    )
    assert any(front.startswith("Silicon cells were first sold by") for front in fronts)
    assert not any("The sheets" in front for front in fronts)


def test_they_after_a_plural_subject_inside_a_paragraph_is_refused():
    fronts = _paragraphs(
        "Solar power comes in several kinds. Silicon cells hold a thin wafer between two glass sheets. "
        "They were first sold by Vell Energy in 1958."
    )
    assert not any("The sheets" in front or "Silicon cells were" in front for front in fronts)


# Round 89, part A: a "She" after a sentence naming a girl or a woman beside a ship is never the ship; a "their" after a
# singular in "-ss" ("the loss of land") is not that word's
def test_she_after_a_girl_beside_a_ship_is_not_the_ship():
    text = (
        "The first passenger to land was Orla Brennick, a 16-year-old girl from Tralee who had sailed on the steamship "
        "Corran with her aunt. She was handed a $5 silver coin to mark the day."
    )
    fronts = _fronts(text, "Port Vell")
    assert not any("Corran was handed" in front for front in fronts)


def test_their_after_a_loss_in_the_subject_is_not_written_unsaid():
    text = (
        "For the hill farmers of Dorn the long drought was a disaster. Hunger, fever, the loss of herds and open raids "
        "cut their numbers from some 40,000 in 1731 to about 9,000 by 1760."
    )
    assert not any("cut their numbers" in front for front in _fronts(text, "Dorn"))


# Round 90, part A: a title's pet form ("Freddie") names the person whose full name ("Frederick …") the document opens with
def test_his_after_an_opening_phrase_sentence_is_the_person_a_pet_form_titles():
    text = (
        "Frederick James Marlow was born in Leeds on 3 May 1901 and became the best-known painter of the northern coast. "
        "As painter, teacher and critic, he founded the Vell Circle, a loose group of artists with a studio in Hull, and "
        "led it through its best years. His career lasted more than fifty years, from the mills of Bradford to a royal "
        "medal in 1961. Freddie Marlow's first show opened in York in 1925. Marlow died in Whitby in 1966."
    )
    fronts = _fronts(text, "Freddie Marlow")
    assert any(front.startswith("Freddie Marlow's career lasted") for front in fronts)


# Round 90, the lead: a title phrase with a short form holding a digit ("How a 4K Camera Works") labels the cards, its
# short form kept in capitals
def test_a_title_phrase_with_a_digit_in_its_short_form_labels_the_cards():
    text = (
        "A 4K camera records sharp images. Every 4K camera has a large sensor. The 4K camera stores its files on cards. "
        "The first models appeared in 2011."
    )
    fronts = [s.front for s in suggest(text, title="How a 4K Camera Works") if "2011" in s.answer]
    assert fronts == ["(4K camera) The first models appeared in {{c1::2011}}."]


def test_a_name_after_a_short_form_opening_with_a_digit_is_not_asked_alone():
    # "4K Optics" is one company: its second word alone is no answer
    text = "In 1991 Ada Lind founded 4K Labs, a lens maker, in Leeds."
    fronts = _fronts(text)
    assert "In 1991 {{c1::Ada Lind}} founded 4K Labs, a lens maker, in Leeds." in fronts
    assert not any("4K {{c1::Labs}}" in front for front in fronts)


# Round 91, lead: a word rare in English is asked, after every other fact of its sentence; a subject whose only verb is
# in the description after it is no statement.
def test_a_word_rare_in_english_gives_a_cloze_after_the_other_facts():
    assert _fronts("The towers stand on caissons sunk into the riverbed.") == {"The towers stand on {{c1::caissons}} sunk into the riverbed."}
    found = suggest("In 1820 the crew ate sauerkraut on the long voyage.", per_1000=1000)
    assert [s.front for s in found] == [
        "In {{c1::1820}} the crew ate sauerkraut on the long voyage.",
        "In 1820 the crew ate {{c1::sauerkraut}} on the long voyage.",
    ]
    # the document's own subject is no fact of it
    assert not _fronts("The towers stand on caissons sunk into the riverbed.", "Caissons")


def test_a_subject_whose_only_verb_is_in_the_description_after_it_is_no_statement():
    text = "The half-life of argon, the time it takes to decay, and its energy were measured in 1939."
    assert not any("argon}}, the time" in front for front in _fronts(text, "How isotopes work"))
    assert _fronts("The ship sank in 1912, a year after its launch.") == {"The ship sank in {{c1::1912}}, a year after its launch."}


def test_a_rare_word_is_asked_once_in_a_document():
    text = "The towers stand on caissons sunk into the riverbed. In 1870 workers dug inside the caissons for months."
    assert sum("{{c1::caissons}}" in front for front in _fronts(text)) == 1


# Round 91, part B: an "It is the …" after a denial; an "It" after a sentence whose later clause has another subject; "The
# scheme" of a plan told of before; a label's value after a colon; a cut subject with only a participle for its verb
def test_it_is_the_after_a_denial_is_not_the_denied_subject():
    # the "It" is the biggest danger the sentence before says the river is not: never written as "The Kell River"
    text = (
        "Floods are a menace in the valley. The Kell River is not usually the biggest danger, however. It is the tidal "
        "bore, a wall of water driven upstream by the spring tides."
    )
    fronts = _fronts(text, "Valley Floods")
    assert not any("The Kell River is the" in front for front in fronts)
    assert (
        "The Kell River is not usually the biggest danger, however. It is the {{c1::tidal bore}}, a wall of water driven "
        "upstream by the spring tides."
    ) in fronts


def test_it_after_a_sentence_whose_later_clause_has_the_topic_for_subject_is_not_the_first_name():
    # "It" may be the museum or the arch, which the clause after ", and in 1990" is about: shown after that sentence
    text = (
        "The Rook Arch stands on the quay at Dorn. The Museum of Coastal Trade opened in the rooms beneath the arch in "
        "1966, and in 1990 the arch was designated a National Historic Landmark. It has drawn climbers: in 1971 a student "
        "fell while trying to reach its top, and climbing is now banned."
    )
    fronts = _fronts(text, "Rook Arch")
    assert not any("The Museum of Coastal Trade has drawn climbers" in front for front in fronts)


def test_the_scheme_after_a_proposal_is_not_the_documents_thing():
    # the scheme is the light Tom Vane proposed, told of in the sentences before, not the lighthouse built later
    text = (
        "The Kell Lighthouse stands on Rook Point. The idea came from Tom Vane, a Leeds banker who in 1838 proposed a light "
        "on the point. Vane wanted it to guide the herring fleet home. The scheme also promised work in the depths of the "
        "Long Slump."
    )
    fronts = _fronts(text, "Kell Lighthouse")
    assert not any("Kell Lighthouse promised" in front or "Kell Lighthouse also promised" in front for front in fronts)


def test_a_labels_value_after_a_colon_is_not_asked_without_its_label():
    text = (
        "Gales are graded on the Dunmore scale by their gusts.\n\n"
        "- Force 11: 64 to 72 mph; trees uprooted.\n"
        "- Force 12: 73 mph or more; most sheds flattened and lanes blocked for days.\n"
    )
    fronts = _fronts(text, "Gales")
    assert not any(front.startswith(("{{c1::64 to 72 mph}}", "{{c1::73 mph}}")) for front in fronts)


def test_a_subject_cut_before_a_second_subject_with_only_a_participle_is_no_card():
    # the verb "fly" comes after the second subject: the first, cut before ", and", is no statement
    text = (
        "Gales cross the firth each autumn. The \"Night Owls\" of the Kell Air Wing's 12th Squadron, based at Rook Field "
        "in Dorset, and the Dunmore Weather Office (DWO) fly into the gales and drop buoys that report how warm the sea is."
    )
    fronts = _fronts(text, "Gales")
    assert not any(front.endswith("based at Rook Field in Dorset.") for front in fronts)


# Round 91, part C: an object "it" that can only be the document's topic, a thing
def test_it_after_a_sentence_about_the_topic_running_from_one_street_to_another_is_the_topic():
    # the street closing the range is the park's other end, and "some" and "people" are no thing the "it" could be
    text = (
        "Harlow Green is a public park in the middle of Dunmore. It runs from Mill Road to Fenwick Street, about 1.2 "
        "miles long, and covers 210 acres. Some 9 million people visit it every year."
    )
    fronts = [s.front for s in suggest(text, title="Harlow Green") if "9 million" in s.answer]
    assert any(front.endswith("Some {{c1::9 million}} people visit it every year.") for front in fronts)
    # "in Leeds and York" closes no range: the "it" may be the board's, and is refused
    text = (
        "The Corran Tower was by then the charge of Vell House, the board that runs towers in Leeds and York. "
        "Some 2 million people visit it every year."
    )
    assert not [s for s in suggest(text, title="Corran Tower") if "2 million" in s.answer]


# Round 91, part A: a biography's own person behind a surname a relative shares; an ordinal is no leading noun; a cleft
# after a title set between commas; a first name alone does not say who the label's person is
_OWN_PERSON_TEXT = (
    "Pan Brandel\n\nTomasz Wiktor Brandel led Poland's long fight for a free press without holding any office. He was born on 4 May "
    "1861 in Lomza, a market town on the Narew. His father, Wiktor Brandel, served as a judge of the little district court. "
    "Brandel was a quiet pupil. In 1879 he sailed for Paris to study printing at the Royal Press. Tomasz, aged twenty, "
    "was taken on by the Vell Print Works near Lyon."
)


def test_a_shared_surname_and_its_hes_are_the_person_the_document_opens_with():
    fronts = _fronts(_OWN_PERSON_TEXT, "Pan Brandel")
    # the title's name, which the document never writes, is the person it opens with, and so is "Brandel" after it
    assert any(front.startswith("In 1879 Pan Brandel sailed for Paris") for front in fronts)
    # the bare shared surname is still never an answer
    assert not any("{{c1::Brandel}}" in front for front in fronts)


def test_a_leading_ordinal_is_not_a_name_of_the_sentence_before():
    text = (
        "The island lay far from any port, and Holland was soon drawn into the First Dutch War. "
        "The first serious survey was made by Piet Roos, a sailor who knew the reefs."
    )
    assert not any("First Dutch War serious" in front for front in _fronts(text, "Tarn Island"))


def test_a_cleft_after_a_title_set_between_commas_is_a_plain_statement():
    text = (
        "Ada Lind was a Welsh novelist. Her first novel, Salt Roads, appeared in 1921. "
        "It was in her third novel, Quiet Harbour, that readers first met the detective Tom Vane."
    )
    fronts = _fronts(text, "Ada Lind")
    assert "In Ada Lind's third novel, {{c1::Quiet Harbour}}, readers first met the detective Tom Vane." in fronts
    assert not any(front.startswith("Salt Roads was in") for front in fronts)



def test_a_persons_first_name_alone_does_not_say_who_the_topic_is():
    from heatcards.authoring.entities import MentionKind, NameBook
    from heatcards.authoring.rules import _says_who_the_topic_is, _Topic

    # his uncle is a Jonas too
    book = NameBook()
    book.shared.add("Jonas")
    topic = _Topic("Jonas Ivo Marek", MentionKind.PERSON, ("Jonas Ivo Marek", "Marek", "Jonas"), None)
    assert not _says_who_the_topic_is("Jonas, aged twenty, was taken on by the Tarn Print Works.", topic, book)
    assert _says_who_the_topic_is("Marek, aged twenty, was taken on by the Tarn Print Works.", topic, book)


# Round 92, part A: a name given to "him" is no one else; a person named only as whose is no "they"
def test_a_name_given_to_him_is_no_other_man_a_leading_he_could_be():
    text = (
        "Karl Berger was a Swiss chemist. He taught at Basel for ten years. "
        "In 1871 the city gave him its gold medal, and students began to call him Dr. Berger. "
        "In 1874 he moved to Zurich to lead the new Federal Laboratory."
    )
    fronts = _fronts(text, "Karl Berger")
    assert "In 1874 Karl Berger moved to Zurich to lead the new {{c1::Federal Laboratory}}." in fronts


def test_a_person_named_only_as_whose_is_not_among_the_they():
    text = (
        "Tom Vane was an English stage magician. He met the novelist Ada Holt in 1919. "
        "Their friendship ended after a sitting in Leeds in 1921, when Lady Holt produced pages of writing said to come "
        "from Vane's mother. They were written in German, a language she had never spoken. "
        "He set out his case in the book The Quiet Rooms (1924)."
    )
    fronts = _fronts(text, "Tom Vane")
    assert "Tom Vane set out his case in the book {{c1::The Quiet Rooms}} (1924)." in fronts
    assert not any("Lady Holt and Tom Vane" in front for front in fronts)


# Round 92, part B: a topic's "its" after a heading that names nothing; a body that chose "it" is no thing "it" could be
def test_an_its_in_the_subject_after_a_heading_that_names_nothing_is_the_topics():
    fronts = _paragraphs(
        "The Vell Arena is a stone theatre in the centre of Corran. Its outer wall rises 40 metres.",
        "The shows",
        "Estimates of its seating run from 9,000 to 12,000 people.",
        title="The Vell Arena",
    )
    assert "(Vell Arena) Estimates of its seating run from {{c1::9,000 to 12,000}} people." in fronts


def test_a_body_that_chose_it_does_not_keep_the_topics_noun_from_it():
    text = (
        "The Kell Engine was built at Leeds in 1901 for the fast trains that ran between the northern mill towns and the coast. "
        "At first the engine carried only the number 12 on a plain brass plate fixed to the side of its cab below the small "
        "window on the driver's side. In 1911 the Vale Railway Company chose it to lead the royal train."
    )
    assert "In {{c1::1911}} the Vale Railway Company chose Kell Engine to lead the royal train." in _fronts(text, "Kell Engine")


# Round 92, part C: words that lean on the sentence before — a demonstrative whose noun its own sentence names, a
# labelled line of a list that gives a figure.


def test_a_demonstrative_whose_noun_its_own_sentence_names_is_read():
    text = (
        "Hard water carries dissolved iron salts from the rock. In the old pipes of Tarnby, which carried water rich in "
        "iron salts, the metal walls slowly gathered those salts as a red crust called ochre."
    )
    assert any("gathered those salts as a red crust called {{c1::ochre}}" in front for front in _fronts(text, "How water is softened"))


def test_a_demonstrative_is_read_only_after_its_own_noun():
    from heatcards.authoring.rules import _unreadable_at

    assert _unreadable_at("The town built a wall in 1210, and this wall stood until the great storm of 1844.") is None
    # "this is": no noun; "these floods": a noun the sentence does not name before it
    assert _unreadable_at("The rock is old and this is why the wells ran dry in 1990.") is not None
    assert _unreadable_at("River mud records these floods, and the last great one came in 1840.") is not None


def test_a_numbered_label_before_its_figure_is_a_line_of_a_list():
    text = (
        "The board uses a three-step scale for each paper:\n\n"
        "- Grade 1: 20 to 39 points; a weak result.\n"
        "- Grade 2: 40 to 59 points; a fair result.\n"
        "- Grade 3: 60 to 79 points; a good result, the lowest of the passing grades."
    )
    fronts = _fronts(text, "How exams are marked")
    assert any(front.endswith("Grade 2: {{c1::40 to 59}} points; a fair result.") for front in fronts)
    assert any(front.endswith("{{c1::Grade 3}}: 60 to 79 points; a good result, the lowest of the passing grades.") for front in fronts)


def test_a_plain_label_or_a_comment_before_a_colon_still_leans():
    from heatcards.authoring.rules import _unreadable_at

    # whose height? which prices?
    assert _unreadable_at("Height: 324 metres, with its aerial.") is not None
    assert _unreadable_at("Prices soared: 40 shillings a sack by 1812.") is not None
    assert _unreadable_at("Grade 2: 40 to 59 points; a fair result.") is None


# Round 93, part D: "The city" is no place of the sentence before when its own sentence names one after it
def test_the_city_is_not_written_as_the_place_before_when_its_sentence_names_a_place():
    text = "In 1850 the Vell firm opened a dye works at Arles. The city authorities banned dyeing within Paris in 1856."
    assert not any("Arles authorities" in front for front in _fronts(text, "Vell firm"))
    # with no place of its own, "The city" is still the place the sentence before names
    text = "In 1850 the Vell firm opened a dye works at Arles. The city authorities closed the dye works in 1856 after a fire."
    assert any("Arles authorities closed the dye works in {{c1::1856}}" in front for front in _fronts(text, "Vell firm"))


# Round 93, part A: a sentence whose cards all ask amounts or moments keeps one card for the name or term they are about.
def test_a_sentence_of_amounts_keeps_a_card_for_what_they_are_about():
    toll = "In 1871 the harbour board levied a Harbour Light Duty of $12 a voyage, aimed mainly at foreign whalers; it was dropped in 1873."
    assert any("levied a {{c1::Harbour Light Duty}} of $12" in front for front in _fronts(toll, "Whaling"))
    plant = "The Selby Wave Plant in Kent opened in 1971 with a capacity of 90 megawatts; for 20 years it was the largest in Europe."
    assert any(front.startswith("The {{c1::Selby Wave Plant}} in Kent opened in 1971") for front in _fronts(plant, "Power"))
    coast = "From 1702 to 1709 the surveyor spent seven summers mapping the cold coast of Valdoria."
    assert any(front.endswith("mapping the cold coast of {{c1::Valdoria}}.") for front in _fronts(coast, "Maps"))


def test_only_a_name_or_term_is_kept_beside_the_amounts_and_only_when_no_name_is_asked():
    from heatcards.authoring.entities import Mention, MentionKind
    from heatcards.authoring.rules import _what_the_amounts_are_about

    assert _what_the_amounts_are_about(Mention(MentionKind.NAME, 51, 59, "Valdoria", "Valdoria"))
    assert _what_the_amounts_are_about(Mention(MentionKind.TERM, 30, 38, "ambergis", "ambergis"))
    # another amount; one word opening the sentence, a name only by its capital ("Digging began in 1821, …")
    assert not _what_the_amounts_are_about(Mention(MentionKind.COUNT, 40, 45, "seven", "seven"))
    assert not _what_the_amounts_are_about(Mention(MentionKind.NAME, 0, 7, "Digging", "Digging"))
    # a person is asked among the first cards: the limit stays
    charts = "Tom Vane charted the coast of Valdoria in 1702, and the Royal Navy bought his charts for £400 in 1709."
    assert len([front for front in _fronts(charts, "Maps") if "charted the coast" in front]) == MAX_CARDS_PER_SENTENCE


# Round 93, part B: a description that closes the sentence after its verb is the sentence's fact, not an aside; the
# adjective that ends a name before its noun.


def test_a_description_that_closes_the_sentence_holds_its_fact():
    assert "Dunmore" in answers("In 1946 the prize went to Lena Hart, a young chemist from Dunmore in Kent.")
    assert "County Farrow" in answers("In 1892 the first passenger registered was Tom Breck, a 12-year-old boy from County Farrow in Wales.")
    assert "Ada Quill" in answers("In 1971 the crew included the only trained geologist to land on the Moon, the surveyor Ada Quill.")
    # the other side of the line: a description the sentence goes on after, one of an organisation, an item of a list
    assert "Dunmore" not in answers("Lena Hart, a young chemist from Dunmore, found the leak in 1946.")
    assert "Orva Trust" not in answers("In 1936 Hale joined the Rural Housing Office, a federal agency funded by the Orva Trust.")
    assert "Ed Berg" not in answers("Three men built the mill in 1820: the mason Tom Vane, the joiner Ed Berg and the smith Karl Lind.")


def test_a_description_that_closes_the_sentence_may_quote_a_name():
    assert "Iron Gate" in answers("In 1410 the old road ran from Velsk, the “Iron Gate”.")
    assert "Amber Bay" in answers("In 1920 the ship left from Velsk, the port of Amber Bay.")
    # a name after the article may be the next item of a list, not a description
    assert "Drava Bridge" not in answers("In 1916 the army crossed the Sava Bridge, the Drava Bridge and the Mura Bridge.")


def test_a_name_that_ends_with_the_adjective_of_the_noun_after_it_is_refused():
    assert "Silver Guard of the Florentine" not in answers("In 1502 Ugo Brandt served in the Silver Guard of the Florentine duke.")
    # the other side of the line: a last word that is no adjective
    assert "Rookie of the Year" in answers("In 1961 Ugo Brandt won the first Rookie of the Year award ever given by the league.")


# Round 93, part C: a relative's surname does not give away a person's given name
_HOLLIS = (
    "Tomas Hollis was a Welsh clockmaker who built the great clock of Brecon. His father, Walter Hollis, ran a corn mill "
    "on the river Usk. In 1861 Tomas Hollis married Greta Hollis, a distant cousin from Cardiff. In 1866 Edgar Hollis, the "
    "mayor of Brecon and Daniel Hollis's father, sold the mill to the town. He became a close friend of the engineer Peter Varga, a friendship "
    "that lasted until Varga's death in 1881. The tower clock was designed by Henry Dune, the third Earl Dune, in 1870. "
    "In 1885 friends began to call him Dr. Hollis."
)


def test_a_relatives_surname_does_not_give_away_a_persons_given_name():
    fronts = _fronts(_HOLLIS, "Tomas Hollis")
    assert "Tomas Hollis's father, {{c1::Walter Hollis}}, ran a corn mill on the river Usk." in fronts
    assert "In 1861 Tomas Hollis married {{c1::Greta Hollis}}, a distant cousin from Cardiff." in fronts
    # an apposition of the answer may name a relative whose the answer is
    assert any("In 1866 {{c1::Edgar Hollis}}, the mayor of Brecon and Daniel Hollis's father, sold the mill" in front for front in fronts)


def test_the_same_mans_surname_or_a_title_still_gives_his_name_away():
    fronts = _fronts(_HOLLIS, "Tomas Hollis")
    assert "Tomas Hollis's father, {{c1::Walter Hollis}}, ran a corn mill on the river Usk." in fronts
    # the same man named again, his title of peer after his name, a title with his surname
    assert not any("{{c1::Peter Varga}}" in front or "{{c1::Henry Dune}}" in front or "{{c1::Dr. Hollis}}" in front for front in fronts)


def test_a_surname_says_only_the_family_when_the_card_gives_none_of_the_answers_given_names():
    from heatcards.authoring.rules import _only_in_relatives_names

    assert _only_in_relatives_names("", "Mary Lind's father,  … , was a miller.", ["John", "Marsh"], set()) is False  # no Marsh
    assert _only_in_relatives_names("", "Mary Marsh's father,  … , was a miller.", ["John", "Marsh"], set()) is True
    # the answer's own apposition: a relative after a word of kin, else his title
    assert _only_in_relatives_names("", "Tom Vell married  … , the daughter of the poet John Marsh.", ["Mary", "Marsh"], set()) is True
    assert _only_in_relatives_names("", "In 1800  … , the third Earl Marsh, built a press with his son.", ["John", "Marsh"], set()) is False
    # namesakes the card does not say are family
    assert _only_in_relatives_names("", "Tom Marsh led, and  …  took over.", ["Ada", "Marsh"], set()) is False
    # her given name is on the card too; an initial that may be the other's given name; a word written in lower case
    assert _only_in_relatives_names("", "Mary Lind was born  … , the daughter of John Marsh.", ["Mary", "Marsh"], set()) is False
    assert _only_in_relatives_names("", " … , later Sir John Marsh, built it.", ["H.", "J.", "Marsh"], set()) is False
    assert _only_in_relatives_names("", "the Sultan  … , or Blue Mosque, was built", ["Ahmed", "Mosque"], {"mosque"}) is False


# Round 94, the lead: an "It" after a sentence about a common thing is not a place that sentence names
_MARSH_FEVER = (
    "The Marsh Fever was an outbreak of illness in the lowlands. In 1722 the sickness crossed to Harlow, Penmere and, "
    "aboard a ship from Varia, to Tolvern in Ostland. It reached Brannock in 1723, when it killed the bishop. Whether or "
    "not the tale is true, ships leaving Dorrel and other Grey Sea ports carried the disease into the south. It reached "
    "Ambry in 1747. The image became known as Figure 12. It required an exposure of about 40 hours. Their story entered "
    "print through Ann Vell's novel The Long Road, published in 1931, which follows the Marr family west. It won the "
    "Pulitzer Prize in 1932."
)


def test_an_it_after_a_common_subject_or_object_is_not_a_place_that_sentence_names():
    fronts = _fronts(_MARSH_FEVER, "The Marsh Fever")
    assert not any("Penmere reached" in front or "Dorrel reached" in front or "did Dorrel" in front for front in fronts)
    # the body a subject belongs to is part of it; the place it moved to is not what the "It" is
    moved = "In 1956 the government of Tarn moved to Ostby in Vell. It employed 233 people from 32 countries."
    assert not any("Ostby employed" in front for front in _fronts(moved))
    # shown after the sentence before, the "It" is the reader's to place
    assert any(front.endswith("It reached Ambry in {{c1::1747}}.") and "ships leaving Dorrel" in front for front in fronts)


def test_an_it_after_a_name_given_to_the_subject_or_a_name_before_a_relative_clause_is_that_name():
    fronts = _fronts(_MARSH_FEVER, "The Marsh Fever")
    assert "(Marsh Fever) Figure 12 required an exposure of {{c1::about 40 hours}}." in fronts
    assert "(Marsh Fever) The Long Road won the {{c1::Pulitzer Prize}} in 1932." in fronts


# Round 94, part B: an object "it" a person's relative clause takes is the claim's subject, a thing
_KELL_HALL = (
    "Kell Hall is a country house near the village of Ambry. It was built in 1702 for the Marsh family. "
    "Kell Hall was bought in 1890 by Oswin Tarrant, who turned it into a school for the daughters of miners."
)


def test_an_object_it_after_a_persons_who_is_the_subject_a_thing():
    fronts = _fronts(_KELL_HALL, "Kell Hall")
    assert "Kell Hall was bought in 1890 by {{c1::Oswin Tarrant}}, who turned it into a school for the daughters of miners." in fronts


def test_an_object_it_after_a_persons_who_is_no_subject_when_a_common_thing_stands_between():
    from heatcards.authoring.rules import _the_subject_past_a_persons_clause
    from heatcards.authoring.entities import Mention, MentionKind

    def taken(text: str, person: str) -> bool:
        start = text.index(person)
        named = [Mention(MentionKind.PERSON, start, start + len(person), person, person)]
        return _the_subject_past_a_persons_clause(text, range(0, len("Kell Hall")), re.search(r"\bit\b", text), named)

    assert taken("Kell Hall was bought by Oswin Tarrant, who turned it into a school.", "Oswin Tarrant")
    assert taken("Kell Hall was bought by Oswin Tarrant, who later sold it.", "Oswin Tarrant")
    # the bell, not the hall; the hall's own verb
    assert not taken("Kell Hall held a bell cast by Oswin Tarrant, who tuned it.", "Oswin Tarrant")
    assert not taken("Kell Hall hired Oswin Tarrant to paint it.", "Oswin Tarrant")


# Round 94, part C: a leading "They" for the people named a sentence or two before
_HOLM = (
    "Karin Holm was a Swedish balloonist. In May 1931 she set out from Malmo with the mechanic Otto Brenner. They "
    "crossed the Baltic and reached Riga after two days.\n\nThe hardest stage came next: 640 miles to Helsinki. They left "
    "Riga on June 4, 1931."
)


def test_a_they_goes_on_with_the_people_named_before_a_sentence_that_names_no_one():
    fronts = _fronts(_HOLM, "Karin Holm")
    assert "On what date did Otto Brenner and Karin Holm leave Riga?" in fronts


def test_a_they_is_refused_past_a_sentence_naming_a_plural_or_someone_else():
    fronts = _fronts(_HOLM, "Karin Holm")
    assert "On what date did Otto Brenner and Karin Holm leave Riga?" in fronts
    # a plural the "They" may as well be, or a man outside the pair, between them and the people
    for between in ("Storms kept the two balloons on the field for a week.", "Janis Ozols met the balloon at the field."):
        other = _HOLM.replace("The hardest stage came next: 640 miles to Helsinki.", between)
        assert not any(re.search(r"Otto Brenner and Karin Holm (?:leave|left)", front) for front in _fronts(other, "Karin Holm"))


_LUNDE = (
    "Greta Lunde was a Norwegian nurse. On 3 May 1890 she married Anton Berg, a timber merchant from a Lutheran family. "
    "The couple lived first at Skien and from 1896 at Porsgrunn. They had seven children."
)


def test_a_they_after_the_couple_is_the_two_people_married_before():
    fronts = _fronts(_LUNDE, "Greta Lunde")
    assert "Anton Berg and Greta Lunde had {{c1::seven}} children." in fronts
    # "The couple" stands for two: not after three people
    three = _LUNDE.replace("she married Anton Berg,", "she, Anton Berg and Lars Dahl,").replace("a timber merchant", "timber merchants")
    assert not any("had {{c1::seven}} children" in front and "Berg" in front for front in _fronts(three, "Greta Lunde"))


def test_a_year_and_its_comma_count_nothing():
    from heatcards.authoring.rules import _names_another_group

    assert _names_another_group("In 1762, between seasons, he married Ann Batts.", []) is False
    assert _names_another_group("In 1762 the two sons married.", []) is True


# Round 94, part D: a term before a relative clause that says what it is is asked (see tests/test_entities.py)
def test_a_term_before_a_relative_clause_is_asked():
    text = "Kora Lind studied the heart of the eel. Blood leaves the heart through the gill artery, which carries it to the fins."
    assert any("{{c1::gill artery}}" in front for front in _fronts(text, "Kora Lind"))


# Round 94, part A: a pronoun whose antecedent stands in its own sentence
def test_an_it_in_a_persons_who_clause_is_the_sentences_one_common_subject():
    fronts = _fronts("In 1932 the mill was restored by Colonel Tom Marsh, who turned it into a school of weaving.", "Vell Mill")
    assert "In {{c1::1932}} the mill was restored by Colonel Tom Marsh, who turned it into a school of weaving." in fronts
    assert "1890" in answers("In 1890 the bridge was designed by Karl Berg, who died before it was finished.", "Vell Mill")
    assert "Ada Vell" in answers("In 1921 the pond was renamed in honour of Ada Vell, who used to skate on it.", "Vell Mill")
    # the other side of the line: a noun between (the plan or the king?), a "that" in the clause, no person's clause
    assert not answers("In 1921 the plan was sent to the king by Ada Vell, who called it a folly.", "Vell Mill")
    assert not answers("In 1921 the mill was sold by Ada Vell, who said that it was too small.", "Vell Mill")
    assert not answers("In 1921 an inquiry led by Dr. Tom Marsh traced it to a faulty valve at the Velsk works.", "Vell Mill")


def test_an_object_pronoun_of_the_second_of_two_verbs_is_the_first_verbs_object():
    assert "Velsk" in answers("In 1930 Tom Marsh gathered salt on the rocks and sold it to the markets of Velsk.", "Salt")
    assert "Velsk" in answers("In 1820 fishermen caught eels in the estuary and sold them to the markets of Velsk.", "Eels")
    # the other side of the line: a place of the same number (the salt or the shore?), no object after the first verb, a
    # noun that is no verb before the pair
    assert "Velsk" not in answers("In 1930 Tom Marsh gathered salt on the shore and sold it to the markets of Velsk.", "Salt")
    assert not any(
        "showed it" in front for front in _fronts("In 1930 Tom Marsh waited until Ada returned from hunting and showed it to her.", "Salt")
    )
    assert not answers("In a miner's hands 12 drills cut and crush it, and four pumps remove 3,000 litres of water an hour.", "Salt")


def test_an_its_after_a_things_possessive_in_its_phrase_is_that_things():
    assert "1898" in answers("The navy's refusal to admit its error split the town of Velsk for a decade after 1898.", "Navy")
    fronts = _fronts("In 1902 the mill's owner, Tom Marsh, its chief clerk, Ed Berg, and Karl Lind were each fined 40 pounds.", "Navy")
    assert "In 1902 the mill's owner, Tom Marsh, its chief clerk, {{c1::Ed Berg}}, and Karl Lind were each fined 40 pounds." in fronts
    # the other side of the line: a person's possessive, a noun between
    assert not answers("In 1812 the king's army crossed its border near the town of Velsk.", "Navy")
    assert not answers("In 1812 the town's mayor opened the bridge and its gates near Velsk.", "Navy")


def test_an_it_is_often_said_set_off_by_commas_stands_for_nothing():
    assert "4 million" in answers("Tom Marsh sold a total of 4 million copies, a number surpassed, it is often said, only by Ada Vell.")


# Round 95, part A: an inner "it" shown after the sentence before, whose common subject it goes on with
def test_an_inner_it_after_a_participles_opening_is_shown_with_the_sentence_before():
    fronts = _fronts("In 1890 Ada Vell built a balloon of silk. Folded in the crate, it weighed about 90 kilograms.")
    assert "In 1890 Ada Vell built a balloon of silk. Folded in the crate, it weighed {{c1::about 90 kilograms}}." in fronts
    # the other side of the line: an opening that is no participle's (the crate or the balloon?)
    fronts = _fronts("In 1890 Ada Vell built a balloon of silk. With the crate, it weighed about 90 kilograms.")
    assert not any("90 kilograms}}" in front for front in fronts)


def test_an_inner_it_goes_on_with_the_common_subject_of_the_sentence_before_in_a_things_document():
    lead = "Tern Lighthouse stands on a reef off Velsk. "
    fronts = _fronts(lead + "The lamp burned whale oil until 1880. By then it had a range of about 14 miles.", "Tern Lighthouse")
    assert "(Tern Lighthouse) The lamp burned whale oil until 1880. By then it had a range of {{c1::about 14 miles}}." in fronts
    # the other side of the line: a subject and an object the "it" may both be, a subject that is an adjective
    fronts = _fronts(lead + "The lamp lit the harbour until 1880. By then it had a range of about 14 miles.", "Tern Lighthouse")
    assert not any("14 miles}}" in front for front in fronts)
    fronts = _fronts(lead + "The outermost burned whale oil until 1880. By then it had a range of about 14 miles.", "Tern Lighthouse")
    assert not any("14 miles}}" in front for front in fronts)


def test_an_inner_it_after_the_topics_common_subject_is_asked_only_with_the_sentence_before():
    # round 27 refused it outright (not the tunnel, and not surely the dam); shown after "The finished dam …", it is
    # written as it stands, never as the dam's name
    text = _KESTREL_DAM + "The Corran Tunnel replaced it in 1936."
    asking = [s.front for s in suggest(text, title="The Kestrel Dam") if s.answer == "1936"]
    assert asking and all(front.endswith("The finished dam is 210 metres high. The Corran Tunnel replaced it in {{c1::1936}}.") for front in asking)


# Round 95, part B: a substance's name asked where the document first offers it
def test_a_substance_is_asked_where_the_document_first_offers_it():
    text = (
        "In 1874 Tom Marsh fitted the Velsk clock with a jar of mercury that balanced the pendulum. "
        "Ten years later his son Ed Marsh topped up the mercury in the jar with a ladle."
    )
    fronts = _fronts(text, "Velsk Clock")
    assert "In 1874 Tom Marsh fitted the Velsk clock with a jar of {{c1::mercury}} that balanced the pendulum." in fronts
    assert not any("{{c1::mercury}} in the jar" in front for front in fronts)


# Round 96, part B: words for a person's role, and a noun naming a name's kind, are no other thing an "it" could be
_GOLD_FOR_ADA_VELL = (
    "Ada Vell was a Welsh chemist. In 1921 Ada Vell toured Canada, where a group of Canadian women had raised $50,000 to "
    "buy a gram of gold for her work. "
)


@pytest.mark.parametrize(
    ("giver", "asked"),
    [
        ("President Tom Marsh presented it to Ada Vell in Ottawa.", "President {{c1::Tom Marsh}} presented it to Ada Vell in Ottawa."),
        ("Tom Marsh, the Canadian leader, presented it to Ada Vell in Ottawa.", "{{c1::Tom Marsh}}, the Canadian leader, presented it to Ada Vell in Ottawa."),
    ],
)
def test_an_it_after_a_word_for_a_persons_role_is_shown_with_the_sentence_before(giver, asked):
    assert _GOLD_FOR_ADA_VELL.split(". ", 1)[1] + asked in _fronts(_GOLD_FOR_ADA_VELL + giver, "Ada Vell")


def test_an_it_after_a_noun_saying_what_kind_a_name_is_is_shown_with_the_sentence_before():
    fronts = _fronts(_GOLD_FOR_ADA_VELL + "The Swiss-born banker Tom Marsh presented it to Ada Vell in Ottawa.", "Ada Vell")
    assert any(front.endswith("The Swiss-born banker {{c1::Tom Marsh}} presented it to Ada Vell in Ottawa.") for front in fronts)
    fronts = _fronts(_GOLD_FOR_ADA_VELL + "The steamer Kestrel carried it to Leeds in 1922.", "Ada Vell")
    assert any(front.endswith("The steamer Kestrel carried it to Leeds in {{c1::1922}}.") for front in fronts)
    # the other side of the line: a noun that is a thing of its own before the name (the vault's or the gold's keeper?),
    # a word for a person that is as often a thing ("the star Vega")
    fronts = _fronts(_GOLD_FOR_ADA_VELL + "The vault engineer Tom Marsh presented it to Ada Vell in Ottawa.", "Ada Vell")
    assert not any("{{c1::Tom Marsh}}" in front for front in fronts)
    fronts = _fronts(_GOLD_FOR_ADA_VELL + "The star Vega outshone it in 1922.", "Ada Vell")
    assert not any("1922}}" in front for front in fronts)


def test_a_person_and_the_place_she_is_in_are_not_what_a_their_stands_for():
    text = "Ruth Hale was born in 1810 in Selby. In 1831 a brother of their neighbour Ed Berg, Captain Karl Lind, sold his boat."
    assert not any("1831" in front for front in _fronts(text, "Ruth Hale"))
    # the other side of the line: two people named before
    text = "Ruth Hale and Ed Berg married in 1830 in Selby. In 1831 a brother of their neighbour Tom Ives, Captain Karl Lind, sold his boat."
    assert any("In {{c1::1831}} a brother of their neighbour" in front for front in _fronts(text, "Ruth Hale"))


# Round 96, part A: an inner "it" kept from its sentence before by what stands in its own sentence
def test_an_inner_it_after_a_leading_he_the_sentence_before_names_is_shown_with_that_sentence():
    lead = "The first steam plough to be sold widely was built by Edwin Carrow, a young blacksmith. "
    fronts = _fronts(lead + "He patented it in 1862.", "Steam plough")
    assert lead + "He patented it in {{c1::1862}}." in fronts
    # the other side of the line: a "He" the sentence before does not name, or names among two people
    fronts = _fronts("Edwin Carrow was born in Lincoln in 1830. The first steam plough to be sold widely was built in Leeds. He patented it in 1862.", "Steam plough")
    assert not any("{{c1::1862}}" in front for front in fronts)
    fronts = _fronts("The first steam plough to be sold widely was built by Edwin Carrow and Tom Marsh, two young blacksmiths. He patented it in 1862.", "Steam plough")
    assert not any("{{c1::1862}}" in front for front in fronts)


def test_an_inner_it_the_verb_of_its_own_subject_takes_is_shown_with_the_sentence_before():
    lead = "By 1880 the old Velsk ferry was slow, leaky and far too small for the growing town. "
    fronts = _fronts(lead + "The plan to replace it was approved by the council in March 1884.", "Velsk")
    assert lead + "The plan to replace it was approved by the council in {{c1::March 1884}}." in fronts
    # the other side of the line: a noun before the "it" that is no such subject's ("storm")
    fronts = _fronts(lead + "The great storm of March 1884 wrecked it beyond repair.", "Velsk")
    assert not any("{{c1::March 1884}}" in front for front in fronts)


def test_an_inner_pronoun_after_a_sentence_adverb_is_shown_with_the_sentence_before():
    lead = "Fog covers the valley for most of the winter, so a small glider cannot steer by landmarks. "
    fronts = _fronts(lead + "Instead it carries a magnetic compass, which the pilot reads through a small window.", "Glider")
    assert lead + "Instead it carries a {{c1::magnetic compass}}." in fronts
    lead = "Clearing the cellar of more than 900 bottles took Ada Vell and her sons about two years, until 1911. "
    fronts = _fronts(lead + "Almost all of them went to the Velsk Wine Museum in Lund.", "Cellar")
    assert lead + "Almost all of them went to the {{c1::Velsk Wine Museum}} in Lund." in fronts


# Round 96, part C: a cut never ends inside a pair whose other half comes after it
def test_a_cut_never_ends_inside_the_subjects_apposition():
    text = (
        "The first lamps of the kind were fragile. Velox, the Danish steamer launched in 1881 and sold in 1890, "
        "carried about 400 of them, and her crew spent most winters in Hull repairing them."
    )
    fronts = {s.front for s in suggest(text, per_1000=70)}
    assert not any(front.endswith("launched in {{c1::1881}}.") for front in fronts)
    # the other side of the line: a word that opens sentences is no subject with an apposition
    text = "Later, the Danish steamer sailed in 1881 and sank in 1890, and her crew spent most winters in Hull repairing them."
    assert "The Danish steamer sailed in {{c1::1881}} and sank in 1890." in {s.front for s in suggest(text, per_1000=70)}


def test_a_cut_never_parts_not_from_its_but():
    text = (
        "In May 1950 surveyors reported in the Velsk Gazette that the Kell Bell, a bronze bell weighing about 2 tonnes at "
        "the top of the tower, came not from Leeds, as had long been believed, but from the Harz Basin in the far south "
        "of Germany, more than 900 km away."
    )
    assert not any(front.endswith("as had long been believed.") for front in (s.front for s in suggest(text, per_1000=70)))


def test_a_cut_never_parts_from_from_its_to():
    text = (
        "The Kell road ran from Marsden, the “Gate of the Moors”, where it crosses the Tarn River near a mill called the "
        "Old Wheel, to the harbour of Velsk in the northern county of Haldon."
    )
    assert not any(front.endswith("“Gate of the Moors”.") for front in (s.front for s in suggest(text, per_1000=70)))


def test_a_later_main_clause_gives_a_second_card_for_another_of_its_facts():
    text = (
        "Tom Vane trained as a surgeon in Hull. He served as President of the Velsk Society from 1885 to 1890, and in 1892 "
        "he was one of the nine original members of the Order of the Oak."
    )
    fronts = _fronts(text)
    assert "In 1892 Tom Vane was one of the nine original members of the {{c1::Order of the Oak}}." in fronts
    assert "In 1892 Tom Vane was one of the {{c1::nine}} original members of the Order of the Oak." in fronts


def test_a_long_sentences_later_main_clause_is_asked_alone_when_short_enough():
    text = (
        "The flood of 1887 drowned the lower town of Velsk. Ruth Amsel, a teacher who had worked among the families driven "
        "from their homes, used it for her book The Drowned Streets (1890), often called the first careful history of a "
        "flood in the north, and Tom Vane set his novel Grey Water (1921) in Velsk in the days around the flood."
    )
    assert "Tom Vane set his novel {{c1::Grey Water}} (1921) in Velsk in the days around the flood." in _fronts(text)


# Round 97, part B: a term a class noun in the plural describes is asked
def test_a_term_a_plural_class_noun_describes_is_asked():
    text = (
        "Seeds of the Velsk bean keep for years. A soil type is defined by aggregates, molecules that the roots can grip."
    )
    assert "A soil type is defined by {{c1::aggregates}}, molecules that the roots can grip." in _fronts(text)


# Round 97, part A: an "it" after a sentence whose last main clause has the document's topic (a thing) for its subject,
# by its noun beside an organisation or an event, or by its name, goes on with the topic; so does an "it" after an
# opening clause without its comma that holds nothing it could be.


def test_it_after_a_last_clause_about_the_topic_by_its_noun_is_the_topic():
    text = (
        "Iron Duchess is a steam locomotive built at Leeds in 1925. Iron Duchess hauled the night mail to Carlisle for ten years. "
        "The Tarn Railway Company renumbered its fleet after the war, and the engine became No. 7 in 1950. "
        "In 1951 it was fitted with a new firebox at Derby. Iron Duchess was withdrawn in 1962."
    )
    fronts = {s.front for s in suggest(text, "Iron Duchess: The Life of a Locomotive")}
    assert "In 1951 Iron Duchess was fitted with a new firebox at {{c1::Derby}}." in fronts
    assert not any("Company was fitted" in front for front in fronts)
    # an earlier clause naming another engine leaves "the engine" unsure, and so the "it"
    other = text.replace(
        "The Tarn Railway Company renumbered its fleet after the war, and the engine became No. 7 in 1950.",
        "The Swift, another engine of the Tarn Railway Company, set a record in 1938, and the engine was retired in 1960.",
    )
    assert not any("was fitted" in s.front for s in suggest(other, "Iron Duchess: The Life of a Locomotive"))


def test_its_after_a_last_clause_about_the_topic_by_its_name_is_the_topics():
    text = (
        "Dara is an ancient city in the hills of Kelvar. "
        "By 1400 the Vessans had a kingdom, and Dara had become a busy market town. Its walls were 9 metres high."
    )
    fronts = {s.front for s in suggest(text, "Dara")}
    assert "Dara's walls were {{c1::9 metres}} high." in fronts
    # a last clause about another place keeps its "Its" from the topic
    gate = text.replace("and Dara had become a busy market town", "and the Red Gate had become a busy market")
    assert not any("Dara's walls" in s.front for s in suggest(gate, "Dara"))


def test_it_after_an_opening_clause_without_its_comma_that_names_nothing():
    text = (
        "Iron Duchess is a steam locomotive built at Leeds in 1925. Iron Duchess hauled the night mail to Carlisle for ten years. "
        "In 1947 Iron Duchess was fitted with a new firebox at Derby. "
        "When the canals were sold off in 1952 it passed to the Tarn Railway Company as No. 7. Iron Duchess was withdrawn in 1962."
    )
    fronts = {s.front for s in suggest(text, "Iron Duchess: The Life of a Locomotive")}
    assert "When the canals were sold off in 1952 Iron Duchess passed to the {{c1::Tarn Railway Company}} as No. 7." in fronts
    # a clause with a singular noun may hold what the "it" is: "When the war ended it …"
    war = text.replace("When the canals were sold off in 1952 it", "When the war ended in 1952 it")
    assert not any("Iron Duchess passed" in s.front for s in suggest(war, "Iron Duchess: The Life of a Locomotive"))
    # and so may a subject without "the": "When coal ran short it …" may be the coal
    coal = text.replace("When the canals were sold off in 1952 it", "When coal ran short in 1952 it")
    assert not any("Iron Duchess passed" in s.front for s in suggest(coal, "Iron Duchess: The Life of a Locomotive"))


# Round 98: the name written for a leading "She" is a mention of its own, so a ruler's numeral in it is no writer's "I";
# a count after "The" is no noun that a name holding the number word stands for.
def test_a_rulers_numeral_in_the_name_written_for_a_pronoun_is_no_writers_i():
    text = (
        "Elizabeth I was queen of Tarn from 1120 to 1151. "
        "She was born on 3 May 1102 at Kell Castle, the daughter of King Osric II. She founded Tarn Abbey in 1131."
    )
    fronts = {s.front for s in suggest(text, "Elizabeth I")}
    assert "Elizabeth I was born on {{c1::3 May 1102}} at Kell Castle, the daughter of King Osric II." in fronts
    assert "Elizabeth I founded {{c1::Tarn Abbey}} in 1131." in fronts
    # a sentence of the writer's own "I" is still refused
    own = text.replace("She founded Tarn Abbey in 1131.", "I think she founded Tarn Abbey in 1131.")
    assert not any("Tarn Abbey" in s.front for s in suggest(own, "Elizabeth I"))


def test_a_count_after_the_is_no_name_holding_the_number_word():
    text = (
        "The party split near the Two Medicine River in July 1806, Hale going north and Kerr south. "
        "The two groups met again on the Tarn in August, and on 23 September 1806 they reached Fort Kell."
    )
    assert not any("Two Medicine River groups" in s.front for s in suggest(text, "The Hale Expedition"))


# Round 99, part B: a leading "He" or "His" in a person's life, after a sentence that names another man only as whose a
# thing is or in a likeness, and a run of relatives that opens one sentence after another; a man named as whose son acted
# is not the one a "His" after the sentence is.
def test_a_man_named_only_as_whose_a_thing_is_leaves_his_to_the_topic():
    text = (
        "Henry Marsh was an English poet. He was born in 1770 in Ribe. "
        "He wrote for Edward Cole's weekly paper, reporting the trials of the city court. His poem Ravnen appeared in 1802."
    )
    fronts = {s.front for s in suggest(text, "Henry Marsh")}
    assert "Henry Marsh's poem Ravnen appeared in {{c1::1802}}." in fronts
    # a man he wrote for may be the one the life goes on with
    other = text.replace("for Edward Cole's weekly paper", "for Edward Cole")
    assert not any("poem Ravnen" in s.front for s in suggest(other, "Henry Marsh"))


def test_a_man_born_on_the_same_day_stands_aside_from_the_main_clause():
    text = (
        "Henry Marsh was an English poet. Henry Marsh was born on 4 May 1770 in Ribe, on the same day as Karl Vinter. "
        "His father, Dr. Jens Marsh, was a wealthy lawyer."
    )
    fronts = {s.front for s in suggest(text, "Henry Marsh")}
    assert "Henry Marsh's father, Dr. {{c1::Jens Marsh}}, was a wealthy lawyer." in fronts
    assert not any("Karl Vinter's father" in front for front in fronts)
    # a man he was born with may be meant
    other = text.replace("on the same day as Karl Vinter", "with Karl Vinter")
    assert not any("father, Dr." in s.front for s in suggest(other, "Henry Marsh"))


def test_a_run_of_relatives_opening_sentence_after_sentence_has_one_owner():
    text = (
        "Henry Marsh was an English poet. His father, Henry Marsh Sr., drank heavily, left the family and died in 1781. "
        "His mother, Ane, was a singer at the Ribe theatre."
    )
    fronts = {s.front for s in suggest(text, "Henry Marsh")}
    assert "Henry Marsh's mother, {{c1::Ane}}, was a singer at the Ribe theatre." in fronts
    # what is not a relative may be the father's as well
    debts = text.replace("His mother, Ane, was a singer at the Ribe theatre.", "His debts were paid by the town of Ribe.")
    assert not any("debts were paid" in s.front for s in suggest(debts, "Henry Marsh"))


def test_a_man_named_as_whose_son_acted_is_not_the_one_his_is():
    text = (
        "Henry Marsh was an English poet. He was born in 1770 in Ribe. "
        "Edward Cole's son wrote for him, reporting the trials of the city court. His poem Ravnen appeared in 1802."
    )
    # the son, or the one he wrote for: not the father named only as whose son he is
    assert not any("Edward Cole's poem" in s.front for s in suggest(text, "Henry Marsh"))


# Round 99, part A: a title that is "The", a name and its year names the topic, written with its "The"
def test_a_title_of_a_name_and_its_year_names_the_topic():
    title = "The Grand Regatta of 1887"
    text = (
        f"{title}\n\nOn 4 June 1887 Queen Mabel opened the Grand Regatta of the Rivers of All Nations at Kellby. "
        "Some 300 crews from eleven countries rowed on the river. The regatta closed on 30 June 1887. "
        "It had drawn about two million visitors. The Royal Committee for the Regatta of 1887 still meets every year."
    )
    fronts = {s.front for s in suggest(text, title, per_1000=1000)}
    assert "The Grand Regatta had drawn {{c1::about two million}} visitors." in fronts
    assert not any(front.startswith("Grand Regatta") for front in fronts)


# Round 99, part A: a participle phrase that names nothing, before a subject "it", says what the "it" itself was
def test_it_after_a_participle_phrase_that_names_nothing_goes_on_with_the_sentence_before():
    text = (
        "The Rose Palace stands on the east bank of the Tarn River in Kellby. "
        "Built in red sandstone by a wealthy merchant for his daughter, it is the largest house in the county. "
        'Its name is usually translated as "house of roses".'
    )
    fronts = {s.front for s in suggest(text, "The Rose Palace", per_1000=1000)}
    assert 'The Rose Palace\'s name is usually translated as "{{c1::house of roses}}".' in fronts
    # a phrase that names something may be what the "it" is: the "it" stays as it was
    staged = text + " Staged in Bristol as Night Train, it ran for 300 nights."
    assert not any("Rose Palace ran" in s.front for s in suggest(staged, "The Rose Palace", per_1000=1000))


# Round 100: a possessive "her" after a boy named as someone's son is not his
def test_her_after_a_boy_named_as_someones_son_is_the_subjects():
    text = (
        "Clara Hodge was an English painter. She was born in 1850 in Leeds. "
        "On 3 May 1880 she wrote to Ludo Brill, the five-year-old son of her old teacher Ann Brill, who was ill in bed."
    )
    fronts = {s.front for s in suggest(text, "Clara Hodge", per_1000=1000)}
    assert "On 3 May 1880 Clara Hodge wrote to {{c1::Ludo Brill}}, the five-year-old son of her old teacher Ann Brill, who was ill in bed." in fronts


# Round 100: a plural inside a relative clause or an opening participle phrase is no "They" of the sentence after
def test_a_plural_in_a_relative_clause_or_an_opening_participle_phrase_is_no_they_after():
    married = (
        "Clara Hodge was an English painter. She bought more land near Kellby, and the lawyer who managed the sales, "
        "Ludo Brill of Ribe, became her husband. They were married on 2 May 1901 at St Anne's church in Leeds."
    )
    assert not any("sales were married" in s.front.lower() for s in suggest(married, "Clara Hodge", per_1000=1000))
    fled = (
        "The core of the group were religious Separatists, Protestants who believed that the Church of Kell was beyond "
        "reform. Harassed by the authorities, they fled to the Dutch Republic in 1608, and the next year they settled in "
        "the town of Ribe, under their pastor, John Lamb. In 1617 they began planning a move to Iceland."
    )
    assert not any("the authorities begin" in s.front for s in suggest(fled, "Voyage of the Kestrel", per_1000=1000))


# Round 100: the heading's short name and the opening's full name are one person, whom a later "Her" goes on with
def test_her_after_the_heading_name_goes_on_with_the_person_of_the_opening():
    text = (
        "Clara Hodge\n\nMary Clara Hodge was born on 2 May 1850 in Leeds. Her father, Ben Hodge, was a miller. "
        "Clara Hodge died at Kell House on 2 May 1920, aged 70. "
        "Her ashes were scattered on the hills above Kellby by her gardener, Tom Lee, who kept the place a secret."
    )
    suggestions = suggest(text, "Clara Hodge", per_1000=1000)
    assert any(s.front.startswith("Mary Clara Hodge's ashes were scattered") for s in suggestions)
    assert not any(s.back == "Clara Hodge" for s in suggestions)  # the topic is no answer


# Round 101, part A: a "them" or "their" whose plural the sentence before, or its own sentence, names
def test_a_date_before_a_group_of_a_plural_leaves_among_them_to_that_plural():
    text = (
        "Ada Brand was a printer in Leeds. In May 1802 a group of Leeds printers, among them Tom Harle, signed a "
        "contract with Ada Brand to print a gazette for 300 guineas."
    )
    fronts = {s.front for s in suggest(text, "Ada Brand", per_1000=1000)}
    assert (
        "In May 1802 a group of Leeds printers, among them Tom Harle, signed a contract with Ada Brand to print a gazette "
        "for {{c1::300 guineas}}." in fronts
    )


def test_their_opening_on_a_plural_subjects_size_is_the_subjects_own():
    text = (
        "The carp is a freshwater fish. For their size the gills get a large share of the blood supply. "
        "About 2 litres of water flows over them every minute."
    )
    fronts = {s.front for s in suggest(text, "The Carp", per_1000=1000)}
    assert (
        "For their size the gills get a large share of the blood supply. About {{c1::2 litres}} of water flows over them "
        "every minute." in fronts
    )
    # a plural before the "them" in its own sentence may be what it stands for
    particles = text.replace("2 litres of water flows", "2 litres of water and the particles in it flow")
    assert not any("over them" in s.front for s in suggest(particles, "The Carp", per_1000=1000))


def test_the_plural_subject_of_the_verb_taking_them_is_not_what_them_stands_for():
    text = (
        "The Vell Stones stand on a hill above Lund. For their size the stones weigh very little. "
        "Surveyors measured them with a theodolite, an instrument built by Karl Marek in 1846."
    )
    fronts = {s.front for s in suggest(text, "Lund", per_1000=1000)}
    assert (
        "(Lund) For their size the stones weigh very little. Surveyors measured them with a theodolite, an instrument "
        "built by Karl Marek in {{c1::1846}}." in fronts
    )


# Round 101, part B: a leading "For this reason" or "Amid all this" is a connective that can go
def test_a_reason_or_backdrop_from_the_sentence_before_goes_before_a_complete_claim():
    bridge = (
        "The Kell Bridge crosses the Tarn at Kellby. Salt from the sea air eats slowly at its iron. "
        "For this reason painters recoat the bridge about every seven years."
    )
    fronts = {s.front for s in suggest(bridge, "Kell Bridge", per_1000=1000)}
    assert "(Kell Bridge) Painters recoat the bridge about every {{c1::seven years}}." in fronts
    opera = "Ada Brand was a Danish composer. In 1839 her husband fell ill and her father died. Amid all this she finished the opera Vesna in 1841."
    assert "Ada Brand finished the opera {{c1::Vesna}} in 1841." in {s.front for s in suggest(opera, "Ada Brand", per_1000=1000)}
    # a noun after "this" names what the fact is weighed against: it stays, and leans
    ruling = "The Kell Mill was built in 1820. The court ruled against the owners in 1901. Despite this ruling, the council closed the mill in 1902."
    assert not any("closed the mill" in s.front for s in suggest(ruling, "Kell Mill", per_1000=1000))


# Round 101, part B: "to this day" means until now, and leans on no sentence before
def test_to_this_day_leans_on_nothing():
    text = (
        "The Grand Hotel Sorn opened in 1888. In 1931 the Marlow family, who run the hotel to this day, hired the Danish "
        "architect Karen Holm to rebuild the west wing."
    )
    fronts = {s.front for s in suggest(text, "Grand Hotel Sorn", per_1000=1000)}
    assert any("{{c1::Karen Holm}} to rebuild the west wing" in front for front in fronts)


# Round 101, part B: an opening "This" before a name is "The": the name says what it is
def test_an_opening_this_before_a_name_is_written_the():
    text = (
        "To reach the coast, the company laid a branch line across the marshes in 1874. "
        "This Eastern Marsh Railway, with its depot in the town of Fenby, was completed in 1879."
    )
    fronts = {s.front for s in suggest(text, "Fenby", per_1000=1000)}
    assert "The Eastern Marsh Railway, with its depot in the town of Fenby, was completed in {{c1::1879}}." in fronts


# Round 101, part B: "those of" after "than" compares with a noun of its own sentence
def test_those_of_in_a_comparison_leans_on_nothing():
    text = "Ada Brand was a Danish astronomer. The comet that Ada Brand followed for ten years was Hela, whose orbit is more eccentric than those of most comets."
    fronts = {s.front for s in suggest(text, "Ada Brand", per_1000=1000)}
    assert any("was {{c1::Hela}}, whose orbit is more eccentric than those of most comets" in front for front in fronts)


# Round 102, lead: a grade named by its letter is a whole answer
def test_a_grade_named_by_its_letter_is_asked_whole():
    text = (
        "Soils are sorted into grades by what they hold.\n\n"
        "- Grade A soils hold more than half clay, which keeps water for weeks.\n"
        "- Grade B soils hold mostly sand and drain within hours.\n"
    )
    fronts = {s.front for s in suggest(text, "How soil holds water", per_1000=1000)}
    assert "{{c1::Grade A}} soils hold more than half clay, which keeps water for weeks." in fronts
    assert "{{c1::Grade B}} soils hold mostly sand and drain within hours." in fronts
    # the letter of a name that goes on in lower case still belongs to the words after it
    cells = "Doctors count the Helper T cells of each patient every month."
    assert not any("{{c1::Helper T}}" in s.front for s in suggest(cells, "Blood tests", per_1000=1000))


# Round 102, lead: a name that opens its sentence before a noun only says whose the noun is; no "it" is the name
def test_a_name_before_the_noun_it_qualifies_is_no_it():
    text = (
        "The Night Mail was a train that ran from Leeds to Bristol. "
        "Royal Mail staff sorted letters on board as it went. It had left Leeds at 9 p.m. on 4 May."
    )
    fronts = {s.front for s in suggest(text, "Night Mail robbery", per_1000=1000)}
    assert not any(front.startswith(("Royal Mail had left", "(Night Mail robbery) Royal Mail had left")) for front in fronts)
    assert not any("{{c1::Royal Mail}} staff sorted letters on board as it went" in front for front in fronts)
    # a word between the subject and its verb is no noun the name qualifies
    flight = "Kestrel Airways bought jet airliners in 1958. Vega 1 first flew on 2 March 1961. It crossed the Atlantic on 9 May 1962."
    assert "Vega 1 crossed the Atlantic on {{c1::9 May 1962}}." in {s.front for s in suggest(flight, "Jet age", per_1000=1000)}


# Round 102, part A: a leading "He" after a sentence that names its subject's maker ("was the work of …")
def test_a_leading_he_after_the_maker_of_the_subject_is_that_man():
    """ "The first tower … was the work of Tom Vane, a printer …" names Tom Vane as the one who made the subject, as
    "built by" names the agent of a passive: a leading "He" after it is Tom Vane. A man in a relative clause on a thing
    ("which Tom Vane had built") is still no "He", nor the maker beside a second man."""
    work = "The first tower on the rock was the work of Tom Vane, a printer who ran a shop of clockwork toys in Hull."
    lost = "He had lost three of his own boats on the rock."
    assert "Tom Vane had lost {{c1::three}} of his own boats on the rock." in _fronts_from(f"{work} {lost}", 1, "Kestrel Rock Light")
    aside = "The first tower on the rock, which Tom Vane had built, stood for five years."
    assert not any("Tom Vane had lost" in front for front in _fronts(f"{aside} {lost}", "Kestrel Rock Light"))
    two = "The first tower on the rock was the work of Tom Vane and Karl Marsh, two printers from Hull."
    assert not any("had lost" in front for front in _fronts(f"{two} {lost}", "Kestrel Rock Light"))


# Round 102, part B: an "its" after a person's possessive subject is the owned noun's (no person is an "its"), so the
# sentence stands, and a leading "It" after it is shown with it
def test_its_after_a_persons_possessive_subject_is_the_nouns():
    text = (
        "The Kell Library opened in 1602. A new wing was designed by Tom Vane and finished in 1939. "
        "Vane's building was later judged unfit for its precious contents. "
        "It was rebuilt inside by the architects Ross and Hale, and reopened in May 2015 as the Orla Library."
    )
    fronts = {s.front for s in suggest(text, "Kell Library", per_1000=1000)}
    assert any(
        "Vane's building was later judged unfit for its precious contents. It was rebuilt inside" in front
        and "{{c1::May 2015}}" in front
        for front in fronts
    )
    # another noun between the subject and the "its" may own it: the sentence stays refused
    other = "The Kell Library opened in 1602. Vane's mill sold the flour and its bran in 1840."
    assert not any("{{c1::1840}}" in s.front for s in suggest(other, "Kell Library", per_1000=1000))


# Round 102, part C: a "he" after a sentence naming one person beside a surname several people of the document share
def test_a_pronoun_is_not_the_one_person_named_beside_a_shared_surname():
    text = (
        "Captain Ivo Brenner was arrested in October 1894. His brother, Karl Brenner, hired a lawyer. "
        "The judges were shown a secret file, which neither Brenner nor his lawyer, Edmund Mott, was allowed to see. "
        "On 22 December he was found guilty of treason."
    )
    fronts = {s.front for s in suggest(text, "Brenner Affair", per_1000=1000)}
    assert not any("Edmund Mott was found guilty" in front for front in fronts)


# Round 103, lead: a trade said right before a person's name only tells who the person is
def test_a_trade_before_a_persons_name_is_not_asked():
    fronts = _fronts("In 1902 the Danish anatomist Karen Holm described the gland in a paper for the Royal Society.", "Glands")
    assert not any("{{c1::anatomist}}" in front for front in fronts)
    assert "In 1902 the Danish anatomist {{c1::Karen Holm}} described the gland in a paper for the Royal Society." in fronts
    # a trade that the sentence says someone took up, with no name after it, is still asked
    trained = _fronts("In 1740 the young Tom Vane of Kellby went to Leiden to train as an anatomist.", "Tom Vane")
    assert "In 1740 the young Tom Vane of Kellby went to Leiden to train as an {{c1::anatomist}}." in trained


# Round 103, part A: refusals safer than they need be: "his apprentice Tom Vane" (Tom Vane is not the "his"), a "he"
# reported by the name right before it ("Vane telephoned to say that he …"), an "its" of a bare subject after a colon
def test_a_person_named_by_the_possessives_noun_is_not_its_owner():
    """ "According to his apprentice Edgar Moss" after a sentence whose "he" is Henry Berg: Edgar Moss is the apprentice,
    not the man whose apprentice he is, so the "his" is Henry Berg's; the "he" after "Lindqvist telephoned to say that" is
    Lindqvist's own news and stays as written. A man named as the object before the reported "he" leaves it refused."""
    lead = "Henry Berg was hired to design the new Orla Hall in 1921. For weeks he drew nothing."
    told = "According to his apprentice Edgar Moss, the plans were finally drawn in a single night in March 1922, when Lindqvist {} that he was already on the way to Vell to see them."
    fronts = {s.front for s in suggest(f"{lead} {told.format('telephoned to say')}", "Orla Hall", per_1000=1000)}
    assert any(front.endswith("According to Henry Berg's apprentice {{c1::Edgar Moss}}, the plans were finally drawn in a single night in March 1922, when Lindqvist telephoned to say that he was already on the way to Vell to see them.") for front in fronts)
    # "told Karl Lund that he …": Lindqvist's news or Karl Lund's?
    fronts = {s.front for s in suggest(f"{lead} {told.format('told Karl Lund')}", "Orla Hall", per_1000=1000)}
    assert not any("{{c1::March 1922}}" in front for front in fronts)


def test_its_after_a_bare_subject_after_a_colon_is_the_subjects():
    text = "Crops need light and water. In 1911 the Danish chemist Ole Varn described the law of the narrowest supply: growth goes only as fast as its scarcest nutrient allows."
    assert any("{{c1::Ole Varn}} described the law" in s.front for s in suggest(text, "Crop growth", per_1000=1000))
    # a verb with no "-s" may have a plural subject, which is no "its"
    plural = "Crops need light and water. In 1911 the Danish chemist Ole Varn described the law of the narrowest supply: plants grow only as fast as its scarcest nutrient allows."
    assert not any("{{c1::Ole Varn}}" in s.front for s in suggest(plural, "Crop growth", per_1000=1000))


# Round 103, lead: a "there" after a sentence that names no other place is the document's own town or building
def test_there_after_a_sentence_naming_no_place_is_the_topic():
    text = (
        "The ruined town of Kellby lies on the coast of Varnia. Its walls were about 3 km long. "
        "Greek merchants traded there, and in 410 the town was taken by the Orlani."
    )
    fronts = {s.front for s in suggest(text, "Kellby", per_1000=1000)}
    assert "Greek merchants traded in Kellby, and in {{c1::410}} the town was taken by the Orlani." in fronts
    # after a sentence that names another place, "there" may be that place: as before, refused
    elsewhere = text.replace("Its walls were about 3 km long.", "Its harbour faced Dunmore across the bay.")
    assert not any("traded" in front for front in {s.front for s in suggest(elsewhere, "Kellby", per_1000=1000)})
    # nor is a person's document a place
    life = "Tom Vane was a merchant of Kellby. By 1900 he was rich. His sons traded there until 1911, and in 1912 the firm was sold."
    assert not any("traded in" in front for front in {s.front for s in suggest(life, "Tom Vane", per_1000=1000)})


# Round 103, part C: a famous place that is where someone was born, moved to or lived, or where the topic stands, is a
# fact of the life or of the thing, not a guess
def test_a_famous_place_someone_moves_to_or_lives_in_is_asked():
    text = (
        "Tom Vane was a Danish organ builder. In 1861 Vane moved to Lisbon to build an organ for the cathedral. "
        "In 1870 he took his family to Vienna to work for the court. "
        "His sister Ann lived for a time in Canada and later settled in Boston."
    )
    answers = {s.answer for s in suggest(text, "Tom Vane", per_1000=1000)}
    assert {"Lisbon", "Vienna", "Canada", "Boston"} <= answers
    # a journey, or a city named in passing, stays refused
    trip = "Tom Vane was a Danish organ builder. In 1861 Vane flew to Lisbon for a meeting and met Karl Lind in Vienna."
    assert not {"Lisbon", "Vienna"} & {s.answer for s in suggest(trip, "Tom Vane", per_1000=1000)}
    # a country the rest of the card gives away is still refused: "reached London" gives England
    ship = "The Kestrel left Boston in March. The Kestrel left for England on 5 April 1721 and reached London in May."
    assert "England" not in {s.answer for s in suggest(ship, "Kestrel", per_1000=1000)}


def test_a_birthplace_inside_a_quarter_of_a_famous_city_is_asked():
    text = "Tom Vane was a Danish organ builder. Vane was born on 3 May 1840 in a poor quarter of Lisbon known as the Docks."
    assert "Lisbon" in {s.answer for s in suggest(text, "Tom Vane", per_1000=1000)}
    # "born the son of" names no place the person was born in
    son = "Tom Vane was a Danish organ builder. Vane was born the son of Vienna merchants in 1840."
    assert "Vienna" not in {s.answer for s in suggest(son, "Tom Vane", per_1000=1000)}


def test_the_place_where_the_topic_stands_is_asked():
    stands = "The Orva Tower stands on the east bank of the Kell River in Lund, in the southern province of Marsk."
    assert "Lund" in {s.answer for s in suggest(stands, "Orva Tower", per_1000=1000)}
    inside = "The Orva Museum in Brenford, Marsk, is often called the oldest museum of the north."
    assert "Brenford" in {s.answer for s in suggest(inside, "Orva Museum", per_1000=1000)}
    # a place that says where another name lies than the topic stays an aside
    other = "The Orva Museum was sold to the Kell Bank in Brenford in 1901."
    assert "Brenford" not in {s.answer for s in suggest(other, "Orva Museum", per_1000=1000)}


# Round 103, lead: the thing a "How …" title explains is the topic when its sentences write only its last word
def test_the_thing_an_explainer_explains_may_be_written_by_its_last_word():
    text = (
        "A steam whistle is a simple device. The whistle has a bell of brass above a cup. Most whistles sound a single note. "
        "The bell is about 30 cm long in a locomotive whistle. Large whistles were heard 10 km away."
    )
    fronts = {s.front for s in suggest(text, "How a Steam Whistle Works", per_1000=1000)}
    assert "(Steam whistle) Large whistles were heard {{c1::10 km}} away." in fronts
    # any other title still needs its whole phrase in enough sentences
    assert not any(front.startswith("(Steam whistle)") for front in {s.front for s in suggest(text, "Steam Whistle", per_1000=1000)})


# Round 103, lead: a colon before a clause of its own ends a statement the card may hold; "works by" is a verb
def test_a_colon_before_a_clause_that_leans_ends_the_card():
    fronts = {s.front for s in suggest("In 1771 Parliament repealed all of the taxes except one: it kept the duty on salt, which angered the town of Kellby.", "Salt tax", per_1000=1000)}
    assert "In {{c1::1771}} Parliament repealed all of the taxes except one." in fronts
    # (Round 111, part A: an "it" right after the colon is now the subject's, so the clause leans by another "it")
    text = "Sand works mainly by smothering: the grains shut out the air around it, and the fire dies. Sand was used by the crews at Kellby in 1890."
    assert "Sand works mainly by {{c1::smothering}}." in {s.front for s in suggest(text, "How sand puts out fires", per_1000=1000)}
    # a clause before the colon with nothing to ask is no card: the sentence's later clause is asked as before
    vocation = (
        "Tom Vane was a painter from Kellby. For the next few years he searched for a vocation: he taught at a school in "
        "Dunmore and, in 1879, became a preacher."
    )
    assert not any(front.endswith("searched for a vocation.") for front in {s.front for s in suggest(vocation, "Tom Vane", per_1000=1000)})


# Round 104, part B: a "those", "these" or "this" inside a sentence whose noun the short sentence before names
def test_an_inner_demonstrative_whose_noun_the_sentence_before_names_is_shown_with_it():
    text = (
        "The Kell River flooded the valley every spring. "
        "For three weeks, angry public meetings argued about a new dam in the town of Dunmore. "
        "The last of those meetings was held on 4 May 1871 at the Orla Hall, the oldest building in the town."
    )
    fronts = {s.front for s in suggest(text, "Dunmore", per_1000=1000)}
    assert any(front.startswith("For three weeks, angry public meetings") and "at the {{c1::Orla Hall}}" in front for front in fronts)
    # a noun the sentence before does not name ("these flips" after a sentence on how a field reverses) still leans
    unnamed = text.replace("The last of those meetings", "The last of those debates")
    assert not any("Orla Hall" in front for front in {s.front for s in suggest(unnamed, "Dunmore", per_1000=1000)})


def test_that_is_a_noun_and_its_description_is_written_as_what_it_says_of_the_noun():
    text = "If a vein in the leg is blocked by a clot, the leg swells and aches. That is a leg clot, known to doctors as a venous thrombosis."
    fronts = {s.front for s in suggest(text, "How veins work", per_1000=1000)}
    assert "A leg clot is known to doctors as a {{c1::venous thrombosis}}." in fronts
    # a comma after the description may open a clause of its own: not written so (shown after the sentence before, as before)
    aside = "If a vein in the leg is blocked by a clot, the leg swells. That is a leg clot, known to doctors as a venous thrombosis, and it is treated."
    assert not any(s.front.startswith("A leg clot is") for s in suggest(aside, "How veins work", per_1000=1000))



# Round 104, lead: "a cheap, filling grain" is two adjectives of one noun, no clause boundary a card may end at
def test_a_card_is_not_cut_between_two_adjectives_of_one_noun():
    text = (
        "Farmers in the Kell Valley wanted a cheap, filling grain for the workers who ran their mills, and the botanist "
        "Tom Vane proposed rye from Varnia, which he had eaten there in 1769."
    )
    fronts = {s.front for s in suggest(text, "Notes", per_1000=1000)}
    assert not any(front.endswith("wanted a cheap.") for front in fronts)
    assert "Farmers in the {{c1::Kell Valley}} wanted a cheap, filling grain for the workers who ran their mills." in fronts


# Round 105, lead: a "there" after a building or body named after a preposition of place in its own sentence stands for it
def test_a_there_after_a_name_set_after_at_stands_for_it():
    text = (
        "Tom Vane was a painter from Kellby. "
        "In 1858 the duke gave Tom Vane a house at Harrow Court, and there, his sight failing, he died on 25 August 1867."
    )
    fronts = {s.front for s in suggest(text, "Tom Vane", per_1000=1000)}
    assert any(front.endswith("and there, his sight failing, he died on {{c1::25 August 1867}}.") for front in fronts)
    # a "there" after no place or name set after such a preposition still leans on the sentence before
    unsettled = text.replace("a house at Harrow Court, and there", "a house, and there")
    assert not any("25 August 1867" in s.front for s in suggest(unsettled, "Tom Vane", per_1000=1000))


# Round 105, lead: the last word of a name, written on the card only in lower case, says what kind of thing it is
def test_a_names_kind_noun_in_lower_case_does_not_give_it_away():
    text = "The largest single glacier, the Varn Glacier in East Kellia, is roughly 40 kilometres long."
    fronts = {s.front for s in suggest(text, "How glaciers work", per_1000=1000)}
    assert any("the {{c1::Varn Glacier}} in East Kellia" in front for front in fronts)
    # the noun right before the name it names ("the camp of Kell Camp"), or a word before the last, still gives it away
    camp = "After days of heavy snow, an avalanche swept down the trail near the camp of Kell Camp and buried dozens of people."
    assert not any("{{c1::Kell Camp}}" in s.front for s in suggest(camp, "The Varn Gold Rush", per_1000=1000))
    blue = "Near the airport lies a spa whose milky blue water is run-off from a power station, the Blue Pool of Kellia."
    assert not any("{{c1::Blue Pool" in s.front for s in suggest(blue, "Kellia", per_1000=1000))


# Round 105, part C: a group brought in with a description after it ("the Varnites, a small sect") is no group anyone
# fills in
def test_a_group_described_after_it_is_asked():
    text = "Tom Vane and Ada Lind belonged to the Kellites, a small and strict Christian sect, and they never married."
    fronts = {s.front for s in suggest(text, "Tom Vane", per_1000=1000)}
    assert any("the {{c1::Kellites}}, a small and strict Christian sect" in front for front in fronts)
    founded = "Kellby was founded in the sixth century BC by the Varnians, an Italic people, on a low ridge near the sea."
    assert any("by the {{c1::Varnians}}, an Italic people" in s.front for s in suggest(founded, "Kellby", per_1000=1000))
    # a group without a description, or before the next item of a list, is still one anyone fills in
    bare = "In 1931 the council of Kellby was controlled by Republicans for the first time."
    assert not any("{{c1::Republicans}}" in s.front for s in suggest(bare, "Kellby", per_1000=1000))
    listed = "Old rivalries divided the town: the Vanes and the Varnians, the fear of the war, and the price of grain."
    assert not any("{{c1::Varnians}}" in s.front for s in suggest(listed, "Kellby", per_1000=1000))


# Round 105, part C: a head of state the sentence says something of after "of", "to", "for" or "from" is asked; one
# met or related to is not
def test_a_head_of_state_after_of_or_to_is_asked():
    text = "Tom Vane won the approval of Pope Urban IX, who sent him a banner, and he sailed for Varnia in 1610."
    fronts = {s.front for s in suggest(text, "Tom Vane", per_1000=1000)}
    assert any("the approval of Pope {{c1::Urban IX}}" in front for front in fronts)
    claimed = "On 22 August, on Kell Island, Tom Vane claimed the whole eastern coast for King Osric III."
    assert any("for King {{c1::Osric III}}" in s.front for s in suggest(claimed, "Tom Vane", per_1000=1000))
    # met or related to: a guess from the year, as before
    met = "In 1943 Tom Vane crossed the ocean three times to meet President Ada Lind."
    assert not any("{{c1::Ada Lind}}" in s.front for s in suggest(met, "Tom Vane", per_1000=1000))
    wife = "In 1610 the ship Kell Star was named after the wife of King Osric III."
    assert not any("{{c1::Osric III}}" in s.front for s in suggest(wife, "Tom Vane", per_1000=1000))


# Round 105, part A: the kind noun of a topic said after a participle opening, of a compound, and "the complex"
def test_a_tomb_said_after_a_participle_opening_is_the_topics_kind_noun():
    text = (
        "The Vell Mahal stands on the east bank of the Orra River in Kellby. "
        "Built in red stone by a grieving king for his queen, it is the most famous tomb in Varnia. "
        "Work began in 1632 on a site beside the river. "
        "The tomb rises from a square platform, with a tower at each corner and a great dome on top. "
        "From the ground to the tip of its spire it stands about 60 metres high."
    )
    fronts = {s.front for s in suggest(text, "Vell Mahal", per_1000=1000)}
    assert "(Vell Mahal) From the ground to the tip of its spire it stands {{c1::about 60 metres}} high." in fronts


def test_the_complex_is_the_palace_fortress_the_document_is_about():
    text = (
        "Above the town of Kellby a long ridge of walls and towers rises against the hills. "
        "This is the Kell Alcazar, the palace-fortress of the last kings of Varnia. "
        "It draws about a million visitors a year.\n\n"
        "The complex stands on the Orra ridge, between the valley of the river Tam and the old town of Kellby."
    )
    fronts = {s.front for s in suggest(text, "The Kell Alcazar", per_1000=1000)}
    assert "The Kell Alcazar stands on the Orra ridge, between the valley of the river {{c1::Tam}} and the old town of Kellby." in fronts
    # a document that names another complex leaves "the complex" unsure
    other = text.replace("It draws about", "Below it lies the Tam Complex of pools and baths. It draws about")
    assert not any(s.front.startswith("The Kell Alcazar stands") for s in suggest(other, "The Kell Alcazar", per_1000=1000))


# Round 105, lead (set 43): a noun in "-ly" after an adjective is no adverb before a verb, so "The royal family came …"
# is no "The royal …" standing for the Royal Varn Gardens
def test_a_noun_in_ly_is_no_adverb_after_a_subjects_first_word():
    text = (
        "The Royal Varn Gardens lie on a bend of the Kell River. "
        "The royal family came to Kellby in the early eighteenth century, when Tom Vane took a lease on Kell House."
    )
    fronts = {s.front for s in suggest(text, "A History of the Royal Varn Gardens", per_1000=1000)}
    assert not any("Royal Varn Gardens family" in front for front in fronts)
    assert any("The royal family came to Kellby" in front for front in fronts)


# Round 106, part B: a pair of people brought in by their part asked whole, and a time of several units
def test_a_pair_brought_in_by_their_part_is_asked_whole():
    text = (
        "The first balloons of Varnia were built by two brothers, Jean-Paul and Jean-Luc Vell, whose family made cloth in Kellby. "
        "In 1880 the brothers Osric and Edwy Hale opened a ropeworks at Kellby."
    )
    fronts = {s.front for s in suggest(text, "Balloons of Varnia", per_1000=1000)}
    assert any("two brothers, {{c1::Jean-Paul and Jean-Luc Vell}}, whose" in front for front in fronts)
    assert any("the brothers {{c1::Osric and Edwy Hale}} opened" in front for front in fronts)
    assert not any("{{c1::Osric}} and" in front for front in fronts)


def test_a_time_of_several_units_is_asked_whole():
    text = "The first race across Varnia was won by Tom Vane, who finished in 2 hours 41 minutes and 9 seconds."
    answers = {s.answer for s in suggest(text, "The Varnia Race", per_1000=1000)}
    assert "2 hours 41 minutes and 9 seconds" in answers


# Round 106, part C: a short aside between the subject of a later main clause and its verb ("…, and Ada Vell, then
# twenty-five, became queen") leaves her the one a leading "She" after the sentence goes on with; and a clause of a
# person whose thing a sentence opens with keeps its "he" or "she" only when it is that person's
def test_a_short_aside_before_the_verb_leaves_the_topic_the_subject_of_the_last_clause():
    text = (
        "Ada Vell was born at Kellby Hall in 1533, and her childhood was spent in the north. "
        "Queen Mara Lind died on 17 November 1558, and Ada Vell, then twenty-five, became queen. "
        "She was crowned at Kellby Minster on 15 January 1559."
    )
    fronts = {s.front for s in suggest(text, "Ada Vell", per_1000=1000)}
    assert "Ada Vell was crowned at {{c1::Kellby Minster}} on 15 January 1559." in fronts
    # an aside that names someone is no short aside: Queen Mara may be meant
    other = text.replace("then twenty-five, became", "with Queen Mara's blessing, became")
    assert not any(front.startswith("Ada Vell was crowned") for front in (s.front for s in suggest(other, "Ada Vell", per_1000=1000)))


def test_a_persons_clause_keeps_its_pronoun_when_someone_else_may_be_meant():
    text = (
        "Ada Vell was born at Kellby Hall in 1533, and she was raised in the north. "
        "Ada Vell's first act was the boldest of her reign: she made Tom Vane her chancellor, and he served her for forty years, "
        "later as Lord Kell. "
        "Ada Vell's ship was the Kestrel Star, a converted collier, and she carried the botanist Karl Lind and his servants."
    )
    fronts = {s.front for s in suggest(text, "Ada Vell", per_1000=1000)}
    assert not any(front.startswith("Ada Vell served her") for front in fronts)
    tom = "Tom Vane's toes were crushed at the pier, he refused most treatment, and he died of tetanus on 22 July 1869."
    assert "Tom Vane died of {{c1::tetanus}} on 22 July 1869." in {s.front for s in suggest(tom, "Tom Vane", per_1000=1000)}



# Round 106, lead (set 44): a museum named after the woman is no ship a "she" may be, and "taking her home" is no home of
# hers
def test_a_museum_named_after_a_woman_is_no_she_and_taking_her_home_is_no_possessive():
    text = (
        "Ada Lind was a painter from Kellby. "
        "On 17 September 1925 the bus taking her home from school collided with a tram. "
        "Tom Vane gave the Green House to the nation, and it opened as the Ada Lind Museum in 1958. "
        "For two decades afterwards she was remembered chiefly as his wife."
    )
    fronts = {s.front for s in suggest(text, "Ada Lind", per_1000=1000)}
    assert not any("Museum was remembered" in front for front in fronts)
    assert any("the bus taking Ada Lind home from school" in front for front in fronts)
    assert not any("Ada Lind's home" in front for front in fronts)


# Round 108, lead (set 45): an opening phrase stops before a date's subject and verb ("On 11 July Tom Vane dismissed Karl
# Lind, his …" has none), a possessive that opens an apposition is not the person it tells of, and a man named beside a
# "their" that may count the document's man is no "he" after it
def test_a_possessive_opening_an_apposition_is_not_the_person_it_tells_of():
    text = "The Kellby Riots broke out in 1789. On 11 July Tom Vane dismissed Karl Lind, his popular finance minister."
    fronts = {s.front for s in suggest(text, "The Kellby Riots", per_1000=1000)}
    assert "(Kellby Riots) On 11 July Tom Vane dismissed {{c1::Karl Lind}}, his popular finance minister." in fronts


def test_a_man_beside_a_their_that_may_count_the_topic_is_no_he_after_it():
    text = (
        "Tom Vane was a chemist from Kellby. "
        "In 1882 he married Ada Lind. "
        "Their daughter Kim later married the poet Karl Berg. "
        "In 1890 he resigned from the university after a quarrel with the minister."
    )
    fronts = {s.front for s in suggest(text, "Tom Vane", per_1000=1000)}
    assert not any("Karl Berg resigned" in front for front in fronts)


# Round 108, part A: "a few" before a measure is no common subject of the main clause ("Rising above the forest, a few
# kilometres north of Kell, the Vega Tower is …": the tower is), so a chain of "It"s after it goes on about the topic
def test_a_few_before_a_measure_is_no_subject_an_it_goes_on_with():
    text = (
        "Rising above the marshes of northern Varnia, a few kilometres south of the town of Kellby, the Vega Tower is the tallest "
        "lighthouse in the country. "
        "It was built in the first half of the eighteenth century as a beacon, became a museum within a few hundred years, and "
        "has never been wholly closed. "
        "Its name means \u201cSea Lamp\u201d in the old tongue of the coast."
    )
    fronts = {s.front for s in suggest(text, "The Vega Tower", per_1000=1000)}
    assert "The Vega Tower's name means \u201c{{c1::Sea Lamp}}\u201d in the old tongue of the coast." in fronts


# Round 108, part B: a short list its count announces is asked whole, also past a phrase of place and an aside, and so
# are places a plural of their kind announces
def test_a_list_its_count_announces_is_asked_whole():
    text = (
        "The Kell gland is small. "
        "Coiled in the neck, it is about 4 centimetres long and has three lobes: the orvum, the tarsum and the vellum. "
        "In 1931 two physicians at Kellby, the old infirmary by the river, Orvald and Tarnwick, first described the gland. "
        "The treaty was signed in the Varnian towns of Kellby and Orvaby in 1702."
    )
    fronts = {s.front for s in suggest(text, "The Kell gland", per_1000=1000)}
    assert any("has three lobes: {{c1::the orvum, the tarsum and the vellum}}." in front for front in fronts)
    assert any("the old infirmary by the river, {{c1::Orvald and Tarnwick}}, first described" in front for front in fronts)
    assert any("the Varnian towns of {{c1::Kellby and Orvaby}} in 1702" in front for front in fronts)
    assert not any("{{c1::orvum}}" in front for front in fronts)


def test_people_a_count_announces_past_an_aside_are_no_description_of_the_place():
    text = "In 1902 two clerks at Kellby, the old mill on the Varn, Tom Vane and Ann Hale, found the lost ledger of the abbey."
    fronts = {s.front for s in suggest(text, "The Kellby Ledger", per_1000=1000)}
    assert any("the old mill on the Varn, {{c1::Tom Vane}} and Ann Hale, found" in front for front in fronts)


# Round 109, lead (set 46): a document that calls its topic "the ship" is about a ship, whose "she" and "her" are the
# ship's; a people's word is none of "both"; a saint's name after "the" is a place, no father's owner
def test_a_topic_the_document_calls_the_ship_is_a_she():
    fronts = _paragraphs(
        "Kellby Star",
        "The Kellby Star was built in 1869 to carry tea from China. Her working life spanned half a century.",
        "A Scottish build",
        "The ship was ordered by Tom Vane, a London shipowner. In 1889 she overtook the mail steamer Orla.",
        title="Kellby Star",
    )
    assert any(front.startswith("In {{c1::1889}} the Kellby Star overtook") for front in fronts), fronts


def test_pronouns_are_not_read_as_a_people_or_a_saints_town():
    both = (
        "The Irish physicist Tom Vane made the same demonstration famous in London in the 1850s. "
        "Both were showing total internal reflection, the effect on which every optical fibre depends."
    )
    assert not any("Irish and Tom Vane" in s.front for s in suggest(both, "Fibre", per_1000=1000))
    town = (
        "Tom Vane was born in Kellby in 1835. The town would become the St. Vellsburg of his novels. "
        "His father, a storekeeper, died of pneumonia in March 1847."
    )
    assert not any("St. Vellsburg's father" in s.front for s in suggest(town, "Tom Vane", per_1000=1000))


# Round 109, part A: an "it" after the subject of its own sentence in an explainer, a substance named by one
# capitalised noun alone before a verb in the present ("Propane is used because it …"), and an "it" right after an
# opening clause and its comma, the main clause's subject ("When the wind blew, it …")
def test_an_it_after_a_capitalised_noun_alone_that_opens_the_sentence_is_that_noun():
    for text, card in (
        ("Varnite is used because it melts at about 42 °C, so the moulds can be filled by hand.", "it melts at {{c1::about 42 °C}}, so"),
        ("Varnite contains little free iron, but it does contain a mineral called kellbite, which turns red in rain.", "called {{c1::kellbite}}, which"),
    ):
        fronts = {s.front for s in suggest(text, "Varnite", per_1000=1000)}
        assert any(card in front for front in fronts), fronts
    # a noun between may be the "it" instead
    between = "Varnite is mixed into the clay because it melts at about 42 °C."
    assert not any("{{c1::about 42 °C}}" in s.front for s in suggest(between, "Varnite", per_1000=1000))




def test_an_it_right_after_an_opening_clause_is_its_subject_not_the_object_of_its_verb():
    for text in ('When the gale blew, it carried the loam into huge clouds called "grey walls".', "As the rotor speeds up, it gives off 40 watts of heat."):
        fronts = {s.front for s in suggest(text, "Kellby Dust", per_1000=1000)}
        assert any("{{c1::" in front and front.startswith(text.split(",")[0]) for front in fronts), fronts


# Round 109, part B: a person a title names by a pen name is also the real name a sentence gives it for, and the
# surname of that name, so a chain of "she" through a sentence that calls her by it goes on; cards naming her by the
# real name are labelled, and the real name stays an answer
def test_a_pen_name_title_takes_the_real_name_the_document_gives_it():
    text = (
        "Rosalie Anne Kell, who became famous under the pen name Lolo Vane, was born in Leeds in 1835. "
        "She wrote six novels about the Varn valley. "
        "The Varnia Academy gave Kell a gold medal in 1907. "
        "She spent her final years at Orla House and died there on 21 April 1910."
    )
    fronts = _fronts(text, "Lolo Vane")
    assert any(front.startswith("Lolo Vane spent her final years") for front in fronts), fronts
    # "Kell" does not say who she is months later: the card is labelled; her real name is a fact worth a card
    assert "(Lolo Vane) The Varnia Academy gave Kell a gold medal in {{c1::1907}}." in fronts
    assert any("{{c1::Rosalie Anne Kell}}" in front for front in fronts), fronts
    # without the pen name the real name is someone else, and "she" may be either
    plain = text.replace(", who became famous under the pen name Lolo Vane,", "")
    assert not any("Lolo Vane spent" in front for front in _fronts(plain, "Lolo Vane"))


# Round 110, part A: a subject "The solution", "The result", "The answer" is what came of the sentence before in its
# paragraph, which the card shows; an arch (the "Varn Arch") is one structure, "the structure" for it
def test_a_solution_or_result_is_shown_after_the_sentence_it_came_of():
    text = (
        "The steep walls of the Varn Tower made an ordinary stair impossible. "
        "The solution came from Tom Vane, a young engineer who designed a rope lift."
    )
    fronts = _fronts(text, "Varn Tower")
    assert any(
        "The steep walls of the Varn Tower made an ordinary stair impossible. The solution came from {{c1::Tom Vane}}" in front
        for front in fronts
    ), fronts
    # after a heading it may come of all the paragraph before: which solution?
    apart = _paragraphs("The steep walls of the Varn Tower made an ordinary stair impossible.", "The solution came from Tom Vane, a young engineer who designed a rope lift.", title="Varn Tower")
    assert not any("{{c1::Tom Vane}}" in front for front in apart), apart
    # "The team" is no outcome of the sentence before
    team = text.replace("The solution came", "The team came")
    assert not any("{{c1::Tom Vane}}" in front for front in _fronts(team, "Varn Tower"))


def test_the_structure_of_an_arch_is_the_arch():
    text = (
        "The Varn Arch stands on the bank of the river at Kellby. "
        "The structure is built of 96 steel sections, each shaped like an equilateral triangle."
    )
    fronts = _fronts(text, "Varn Arch")
    assert "Varn Arch is built of {{c1::96}} steel sections, each shaped like an equilateral triangle." in fronts


# Round 110, part C: a name that a common noun's possessive opens after "the" ("the Women's Air Race") is one name,
# though the mention finder cuts it at the possessive: neither half is asked; a possessive the document never writes
# in lower case ("the first Orlan's Air Race") may own what it names
def test_a_half_of_a_name_a_common_nouns_possessive_opens_is_not_asked():
    text = (
        "Few women flew in those years. "
        "In 1929 Ada Vane flew in the first Women's Air Race, a race from Kellby to Orla, and finished third. "
        "The king gave her a medal, and in 1931 she joined the King's Varnian Guard."
    )
    fronts = _fronts(text, "Ada Vane")
    assert not any("{{c1::Women}}'s" in front or "Women's {{c1::Air Race}}" in front for front in fronts), fronts
    assert not any("King's {{c1::Varnian Guard}}" in front for front in fronts), fronts
    assert any("{{c1::1929}}" in front for front in fronts), fronts
    # a possessive the document never writes in lower case may be an owner's: its thing is still asked
    owned = "In 1929 Ada Vane flew in the first Orlan's Air Race, a race from Kellby to Orla, and finished third."
    assert any("Orlan's {{c1::Air Race}}" in front for front in _fronts(owned, "Ada Vane")), _fronts(owned, "Ada Vane")


# Round 110, part C: a word made from a name with its final vowel dropped, or a follower's "-ist", gives the name away
def test_a_name_is_given_away_by_its_follower_word_or_its_adjective_without_the_final_vowel():
    text = (
        "Over the next century most of the valley turned to Varnist worship, with statues of the Varna set in every shrine. "
        "In 1855 Tom Vane visited the Kellba itself and fell ill with Kellban fever."
    )
    fronts = _fronts(text, "Orla Valley")
    assert not any("{{c1::Varna}}" in front or "{{c1::Kellba}}" in front for front in fronts), fronts
    assert any("{{c1::1855}}" in front for front in fronts), fronts


# Round 111, lead (set 47): "the former" before a title and a person's name points at nothing before it; a kind of law
# ("Act") gives no law's name away; a name given right after a thing and its place is the thing's, no aside; an "it"
# after a sentence whose named subject acted on an unread "it" is that "it" again, not the subject; a body's name that a
# people's possessive opens takes "the"
def test_the_former_title_of_a_person_named_after_it_is_no_reference():
    text = "In 1930 the former prime minister Tom Vane unveiled a statue of Ada Hale in Kellby Gardens."
    assert any("{{c1::Tom Vane}}" in front for front in _fronts(text, "Ada Hale")), _fronts(text, "Ada Hale")
    # "the former" as a pronoun still points back
    pronoun = "In 1930 the former unveiled a statue of Ada Hale in Kellby Gardens, and Tom Vane watched."
    assert not any("{{c1::1930}}" in front for front in _fronts(pronoun, "Ada Hale")), _fronts(pronoun, "Ada Hale")


def test_a_kind_of_law_gives_no_laws_name_away():
    text = (
        "Ada Vane was jailed many times. "
        'Striking workers were then dealt with under the Public Order (Temporary Powers) Act of 1913, known as the "Hare and Hounds Act".'
    )
    assert any('"{{c1::Hare and Hounds Act}}"' in front for front in _fronts(text, "Ada Vane")), _fronts(text, "Ada Vane")


def test_a_name_right_after_a_thing_and_its_place_is_the_things():
    text = "Her parents sent Ada Vane to a finishing school in Paris, the Ecole Varnier, where she learned chemistry."
    assert any("the {{c1::Ecole Varnier}}" in front for front in _fronts(text, "Ada Vane")), _fronts(text, "Ada Vane")
    # a person's description keeps its names as asides
    aside = "Ada Vane met Tom Hale, the Kellby Mill foreman, in 1890."
    assert not any("{{c1::Kellby Mill}}" in front for front in _fronts(aside, "Ada Vane")), _fronts(aside, "Ada Vane")


def test_an_it_after_a_named_subject_acting_on_an_unread_it_is_not_the_subject():
    text = (
        "Fourteen miles upstream lay the South Fork Dam. "
        "The Commonwealth of Virginia had built it between 1838 and 1853 to feed a reservoir for the canal basin at Kellby, "
        "part of the Main Line of Public Works. "
        "By the time it was finished the railway had made the canal obsolete, and in 1857 the Orla Railroad bought the whole system."
    )
    fronts = _fronts(text, "The Orla Valley Flood")
    assert not any("Commonwealth of Virginia was finished" in front for front in fronts), fronts
    assert any("{{c1::1857}}" in front for front in fronts), fronts


def test_a_bodys_name_a_peoples_possessive_opens_takes_the():
    text = (
        "In 1903 Ada Vane founded the Women's Civic and Political Union in Kellby. "
        "The union moved its offices to Orla in 1906, where its newspaper, Votes Now, was printed."
    )
    fronts = _fronts(text, "Ada Vane")
    assert any(front.startswith("(Ada Vane) The Women's Civic and Political Union moved its offices to Orla in") for front in fronts), fronts


# Round 111, part A: an "it" right after a comma, colon or semicolon opens a clause as its subject, the sentence's
# subject when no noun stands between; an "its" after a noun alone as the subject of an opening clause is its own (and
# "When " taken by the opening no longer hides that noun), and so is one after "Each …'s"; the one thing a subject is a
# part "of" owns an "its" right after "is"
def test_an_it_after_a_comma_a_colon_or_a_semicolon_is_the_subject_before_it():
    for text, card in (
        ("Varnite is soft and light; it melts at about 1,085 °C.", "it melts at {{c1::about 1,085 °C}}."),
        ("Varnite works mainly by cooling: it absorbs heat and melts at about 1,085 °C.", "melts at {{c1::about 1,085 °C}}."),
        ("Because the signal is light, it is immune to rust and damp, it cannot be tapped, and it runs for about 80 kilometres.", "runs for {{c1::about 80 kilometres}}."),
        ("When water freezes, it expands by about 9 percent.", "it expands by {{c1::about 9 percent}}."),
    ):
        fronts = {s.front for s in suggest(text, "Varnite", per_1000=1000)}
        assert any(card in front for front in fronts), fronts
    # a noun between may be the "it" instead
    for between in ("Varnite coats the blade: it absorbs heat and melts at about 1,085 °C.", "Varnite coats the blade; it melts at about 1,085 °C."):
        assert not any("{{c1::about 1,085 °C}}" in s.front for s in suggest(between, "Varnite", per_1000=1000))


def test_an_its_after_the_subject_of_an_opening_clause_or_each_things_possessive_is_its_own():
    for text, card in (
        ("When smoke enters, its particles scatter the beam onto a photodiode.", "onto a {{c1::photodiode}}."),
        ("Each metal's power to carry heat is measured by its conductivity: about 400 for copper.", "about 400 for {{c1::copper}}."),
        ("The heart of a loom is its shuttle, usually a boat of boxwood, or kellwood.", "or {{c1::kellwood}}."),
    ):
        fronts = {s.front for s in suggest(text, "Varnite", per_1000=1000)}
        assert any(card in front for front in fronts), fronts
    # a noun between may own the "its" instead; a plural is no owner
    for refused in (
        "When smoke enters the room, its particles scatter the beam onto a photodiode.",
        "The heart of the looms is its shuttle, usually a boat of boxwood, or kellwood.",
    ):
        assert not any("{{c1::" in s.front for s in suggest(refused, "Varnite", per_1000=1000))


# Round 111, part C: a "this", "these" or "such" among the first words of a clause after a semicolon points at the
# clause before it in the same sentence, which the card shows; not one that opens its sentence, nor "those"
def test_a_demonstrative_after_a_semicolon_points_at_the_clause_before_it():
    text = (
        "The Kellby variant, first described in Orla in 1931, lacks the K antigen; such people can receive blood only "
        "from other Kellby donors. "
        "Tools buried in the mud had rotted, leaving hollows in the clay; by pouring wax into these cavities, Tom Vane "
        "recovered the shapes of 40 tools."
    )
    fronts = _fronts(text, "Blood groups")
    assert any("such people can receive blood" in front and "{{c1::1931}}" in front for front in fronts), fronts
    assert any("by pouring wax into these cavities, {{c1::Tom Vane}} recovered" in front for front in fronts), fronts
    # opening its sentence, the demonstrative points at the sentence before, which this card would not show
    alone = "The mud was soft in 1931. Such hollows were filled with wax by Tom Vane in the summer of 1932."
    assert not any("{{c1::Tom Vane}}" in front for front in _fronts(alone, "Blood groups")), _fronts(alone, "Blood groups")
    # "those" may point further back
    those = text.replace("such people can", "those people can")
    assert not any("those people can" in front for front in _fronts(those, "Blood groups"))


# Round 111, part C: a "this <noun>" inside a sentence whose noun the sentence before names ("a pressure wave … this
# pressure wave") may follow a sentence before of up to MAX_SENTENCE_WORDS, as a subject "The team" may
def test_this_noun_the_longer_sentence_before_names_is_shown_after_it():
    before = (
        "When the valve opens, a pressure wave runs along the pipe and peaks at a bend that depends on the speed of the "
        "flow: fast flows near the pump, slow flows near the tank at the far end of the line."
    )
    text = f"{before} The engineer Tom Vane worked out this pressure wave, and he received the Kellby Medal in 1931."
    fronts = _fronts(text, "Water pipes")
    assert any(f"{before} The engineer {{{{c1::Tom Vane}}}} worked out this pressure wave" in front for front in fronts), fronts
    # a noun the sentence before does not name: which wave?
    other = text.replace("worked out this pressure wave", "worked out this sound wave")
    assert not any("{{c1::Tom Vane}}" in front for front in _fronts(other, "Water pipes"))


# Round 112, lead (set 48): a leading "He" or "She" is never a person its own clause goes on to name as an object; a
# "greatest" that someone named or called a thing is their view, not the writer's
def test_a_leading_he_is_not_the_man_his_clause_names_as_an_object():
    text = (
        "Tom Vane nearly failed to qualify in the long jump. The Orlan champion Karl Lind advised him to jump early. "
        "He qualified, beat Lind in the final with a jump of 8.06 metres, and the two men walked off together."
    )
    fronts = _fronts(text, "Tom Vane")
    assert any("Tom Vane qualified, beat {{c1::Lind}} in the final" in front or "{{c1::8.06 metres}}" in front for front in fronts), fronts
    # a name opening a clause of its own may be the "he" for all the words say
    other = text.replace("He qualified, beat Lind in the final with a jump of 8.06 metres, and the two men walked off together.", "Before he could jump, Lind waved to the crowd of 8,000 people.")
    assert not any("{{c1::8,000}}" in front and "Tom Vane could jump" in front for front in _fronts(other, "Tom Vane")), _fronts(other, "Tom Vane")


def test_a_greatest_someone_named_is_their_view():
    text = "In 1950 a poll of sportswriters named Tom Vane the greatest runner of the half-century."
    assert any("{{c1::1950}}" in front for front in _fronts(text, "Tom Vane")), _fronts(text, "Tom Vane")
    called = "On 25 May 1935 Tom Vane gave what many still call the greatest performance in the history of the sport."
    assert any("{{c1::25 May 1935}}" in front for front in _fronts(called, "Tom Vane")), _fronts(called, "Tom Vane")
    own = "On 25 May 1935 Tom Vane gave the greatest performance in the history of the sport."
    assert not any("{{c1::25 May 1935}}" in front for front in _fronts(own, "Tom Vane")), _fronts(own, "Tom Vane")


# Round 112, part A: a name made of a word and a number or letter ("Kestrel 9", "Grade K") is not given away by its word
# alone: the learner recalls the number; it is when the sentence counts the way to it ("Kestrel 18, 19 and 20")
def test_a_numbered_name_is_not_given_away_by_its_word():
    fronts = _fronts("In April 1961 a Kestrel rocket's fuel line burst aboard Kestrel 9.", "Space flights")
    assert "In April 1961 a Kestrel rocket's fuel line burst aboard {{c1::Kestrel 9}}." in fronts, fronts
    fronts = _fronts("The first crewed Kestrel flight, Kestrel 2, spent nine days in orbit in October 1958.", "Space flights")
    assert "The first crewed Kestrel flight, {{c1::Kestrel 2}}, spent nine days in orbit in October 1958." in fronts, fronts
    text = "In Varnia the Fire Board uses its own scheme, in which Grade C means fires in live wires and kitchen fires are Grade K."
    fronts = _fronts(text, "Fire safety")
    assert any("kitchen fires are {{c1::Grade K}}." in front for front in fronts), fronts
    assert any("in which {{c1::Grade C}} means" in front for front in fronts), fronts
    # the number on the card, or another of the series counted beside it
    for refused in (
        "Three planned Kestrel flights, Kestrel 18, 19 and 20, were cancelled to save money.",
        "Powerful Kestrel lamps are graded from Kestrel 1, harmless in normal use, up to Kestrel 4, which can blind.",
        "In April 1961 a Kestrel rocket's fuel line burst aboard Kestrel 9, 9 minutes after launch.",
    ):
        assert not any(re.search(r"\{\{c1::Kestrel \d+\}\}", front) for front in _fronts(refused, "Space flights")), refused


# Round 112, part A: the day of a date gives nothing away beside its year; the year does
def test_a_dates_day_on_the_card_does_not_give_it_away():
    fronts = _fronts("The Kellby yard laid the keel of the Orla on 14 March 1902 and launched its hull on 14 June 1904.", "Kell ships")
    assert any("launched its hull on {{c1::14 June 1904}}." in front for front in fronts), fronts
    assert any("the Orla on {{c1::14 March 1902}} and" in front for front in fronts), fronts
    fronts = _fronts("In 1886, Tom Vane received a patent, dated 9 June 1886, for a three-wheeled cart.", "Kell engines")
    assert not any("{{c1::9 June 1886}}" in front for front in fronts), fronts


# Round 112, part A: "Fort", "San" or "National" says what kind of place or whose institution, not which one; "His"
# in a title is a small word
def test_a_kind_word_or_a_small_word_of_a_name_gives_nothing_away():
    fronts = _fronts("Tom Vane built the base inside the walls of Fort Harrow, an old fort on the island.", "Kell Statue")
    assert "Tom Vane built the base inside the walls of {{c1::Fort Harrow}}, an old fort on the island." in fronts, fronts
    fronts = _fronts("The break ran along the northern part of the San Kellby Fault for about 300 miles.", "1906 San Varno Earthquake")
    assert any("part of the {{c1::San Kellby Fault}} for" in front for front in fronts), fronts
    text = (
        "In 1972 Congress made Kellby part of the new Varnia Lakes National Recreation Area, managed by the National "
        "Forest Office, and the island opened to visitors in 1973."
    )
    fronts = _fronts(text, "Kellby Island")
    assert any("the new {{c1::Varnia Lakes National Recreation Area}}, managed" in front for front in fronts), fronts
    text = 'Tom Vane\'s tall tale "Ned Hale and His Leaping Goat", published in 1865, was reprinted across the country and made his name.'
    assert any('"{{c1::Ned Hale and His Leaping Goat}}"' in front for front in _fronts(text, "Tom Vane")), _fronts(text, "Tom Vane")
    # a word that says which is still given away: "Harrow" on the card
    given = "Tom Vane built the base inside the walls of Fort Harrow, an old fort above Harrow."
    assert not any("{{c1::Fort Harrow}}" in front for front in _fronts(given, "Kell Statue"))


# Round 112, part B: a part of a machine named by a noun before the part is asked in an explainer only
def test_a_part_named_by_a_noun_is_asked_in_an_explainer_only():
    text = (
        "The Varnia loom was built in Kellby by Tom Vane. A weaver lifts the warp threads with a harness bar and then "
        "throws the shuttle across."
    )
    asked = "A weaver lifts the warp threads with a {{c1::harness bar}} and then throws the shuttle across."
    assert any(asked in front for front in _fronts(text, "How a Loom Works")), _fronts(text, "How a Loom Works")
    assert not any("{{c1::harness bar}}" in front for front in _fronts(text, "Tom Vane"))


# Round 113, part A: a leading "It" after "The <noun> was <Name>" is that name, which the subject is; not when the
# subject names a thing of its own
def test_an_it_after_a_subject_said_to_be_a_name_is_that_name():
    text = (
        "Tom Vane spent ten years on the rivers of Varnia. The result was The Kellby Letters, published in 1850. It argued "
        "that rivers carve their valleys over ages and sold 4,000 copies in Leeds."
    )
    fronts = _fronts(text, "Tom Vane")
    assert any(front.endswith("The Kellby Letters argued that rivers carve their valleys over ages and sold {{c1::4,000}} copies in Leeds.") for front in fronts), fronts
    text = "Kell Park opened in 1840. The legal basis was the Vega Charter, signed in 1845. It set up a board of four judges."
    assert any(front.endswith("The Vega Charter set up a board of {{c1::four}} judges.") for front in _fronts(text, "Kell Park"))
    # "The owner of the Vega Mill was the Kell Company. It closed …": the mill may be what closed
    refused = "Kell Park opened in 1840. The owner of the Vega Mill was the Kell Company. It closed in 1901 after a fire."
    assert not any(front.startswith(("The Kell Company closed", "(Kell Park) The Kell Company closed")) for front in _fronts(refused, "Kell Park"))


# Round 113, part A: "It was soon found that …" stands for nothing
def test_it_was_found_that_stands_for_nothing():
    text = (
        "In 1935 Karl Lind reported that a red dye called Varnol cured mice. It was soon found that the body breaks Varnol "
        "down into a simpler compound, kellamide, which does the real work."
    )
    fronts = _fronts(text, "How sulfa drugs work")
    assert "It was soon found that the body breaks Varnol down into a simpler compound, {{c1::kellamide}}, which does the real work." in fronts, fronts


# Round 113, part A: "the island" of a last clause is the topic "Kellby Island" that its earlier clause names as "Kellby",
# beside names the noun cannot stand for; not beside another island
def test_it_after_the_topic_by_its_noun_beside_its_short_name():
    opening = "Kellby Island lies in the bay of Vell. In 1972 Congress made Kellby part of "
    after = ", and the island opened to visitors the next year. It was declared a National Historic Landmark in 1986."
    text = opening + "the new Varnia Lakes National Recreation Area, managed by the National Forest Office" + after
    assert "Kellby Island was declared a National Historic Landmark in {{c1::1986}}." in _fronts(text, "Kellby Island")
    refused = opening + "the lands of Vell Island" + after
    assert not any(front.startswith("Kellby Island was declared") for front in _fronts(refused, "Kellby Island"))


# Round 113, part B: a motto after its noun and a thing someone invented are asked
def test_a_motto_and_an_invention_are_asked():
    text = 'Ann Hale founded the Kellby Guild in 1903. The guild admitted only weavers, and it took as its motto "Threads, not threats".'
    assert any('as its motto "{{c1::Threads, not threats}}"' in front for front in _fronts(text, "Ann Hale")), _fronts(text, "Ann Hale")
    text = "Tom Vane was born in Kellby in 1731. In 1790 he devised a hygrometer that judged the damp from the stretch of a hair."
    assert any("devised a {{c1::hygrometer}} that judged" in front for front in _fronts(text, "Tom Vane")), _fronts(text, "Tom Vane")


# Round 114, part B: a one-word name shaped like an adjective that a preposition or a verb follows is asked ("went to
# {{Grumman}} on Long Island"), and so is a hyphenated name whose later word is capitalised ("the château of
# {{Vaux-le-Vicomte}}"); an adjective before its noun and a word such as "Y-shaped" are still refused
def test_a_name_shaped_like_an_adjective_or_hyphenated_with_capitals_is_asked():
    text = "Tom Vane drew up the plans in Kellby. In 1950 the order for the hulls went to Dorvan on Kell Island."
    fronts = _fronts(text, "Tom Vane")
    assert any("went to {{c1::Dorvan}} on Kell Island" in front for front in fronts), fronts
    refused = "Tom Vane drew up the plans in Kellby. In 1950 the order for the hulls went to the Dorvan yards on Kell Island."
    assert not any("{{c1::Dorvan}}" in front for front in _fronts(refused, "Tom Vane"))
    text = "Tom Vane was born in Kellby in 1801. He died in 1877 at Vell-sur-Varne, a village near the coast."
    fronts = _fronts(text, "Tom Vane")
    assert any("{{c1::Vell-sur-Varne}}" in front for front in fronts), fronts
    refused = "Tom Vane was born in Kellby in 1801. In 1877 he built a Y-shaped frame for the loom."
    assert not any("{{c1::Y-shaped}}" in front for front in _fronts(refused, "Tom Vane"))


# Round 114, part B: a count that opens its sentence announces its list too ("Two clerks, Tom Vane and Ann Hale, …"):
# its names are a pair, not items of a list of three with the plural noun before them
def test_a_count_opening_the_sentence_announces_its_list():
    text = "The mill at Kellby burned in 1881. Two young weavers, Tom Vane and Ann Hale, had been trapped in the loft for hours."
    fronts = _fronts(text, "Kellby Mill")
    assert any("{{c1::Tom Vane}} and Ann Hale" in front for front in fronts), fronts


# Round 114, part A: a subject "he" or "she" after an opening phrase with no comma, joined by a partner named after a
# possessive noun ("his young assistant Karl Lind") or by a counted group ("two former army nurses"), is the person a
# leading "He" or "She" would be; with two men before it, no one
def test_a_pronoun_and_its_partner_after_an_unclosed_opening():
    after = " On 3 May 1890 he and his young assistant Ray Kell were last seen near the northern ridge."
    fronts = _fronts("The first survey of the Varnia Pass was made by Tom Vane, a Kellby engineer." + after, "Varnia Pass")
    assert "(Varnia Pass) On {{c1::3 May 1890}} Tom Vane and his young assistant Ray Kell were last seen near the northern ridge." in fronts, fronts
    fronts = _fronts("The first survey of the Varnia Pass was made by Tom Vane and Karl Lind, two Kellby engineers." + after, "Varnia Pass")
    assert not any("3 May 1890" in front for front in fronts), fronts
    text = (
        "The kell dyeing process was found by Ada Berg, a chemist in Kellby. "
        "In 1921 she and two former army nurses founded a small company, Varnol Dyes, in Leeds."
    )
    fronts = _fronts(text, "Kell dyeing")
    assert "In 1921 Ada Berg and two former army nurses founded a small company, {{c1::Varnol Dyes}}, in Leeds." in fronts, fronts


# Round 114, part A: the people an opening "With" names, one or a list, are not the "he" after them; a name that ends an
# opening phrase is parted from the name written for the pronoun by a comma
def test_with_and_a_list_of_names_before_he():
    text = (
        "Tom Vane was the envoy of Varnia at the court of Kellby. "
        "With Ray Kell and Karl Lind he negotiated the Treaty of Kellby, signed on 4 June 1790."
    )
    fronts = _fronts(text, "Tom Vane")
    assert "With Ray Kell and Karl Lind, Tom Vane negotiated the Treaty of Kellby, signed on {{c1::4 June 1790}}." in fronts, fronts


def test_a_comma_after_an_opening_phrase_that_ends_on_a_name():
    text = "Ada Vane was born in Kellby in 1840. In Varnia she founded the Kellby Weavers' Guild in 1871."
    fronts = _fronts(text, "Ada Vane")
    assert "In Varnia, Ada Vane founded the Kellby Weavers' Guild in {{c1::1871}}." in fronts, fronts


# Round 115, part A: a subject "he" or "she" in a later clause, with several people of its gender named before it, of
# whom only one is the subject of a clause and every other is governed by a preposition ("beside the conductor, Karl
# Lind", "to his partner Karl Lind", "a pupil of the Rev. Karl Lind"), goes on with that subject: the claim stands as
# written. Not when another is an object or a subject too; and a "his" after such a "he" is not written as a person of
# the sentence before
def test_he_after_one_subject_and_people_governed_by_prepositions():
    text = (
        "Tom Vane was born in Kellby in 1790. "
        "Tom Vane stood beside the conductor, Karl Lind, to give the tempos, and at the end he bowed to the Varnia Choir."
    )
    fronts = _fronts(text, "Tom Vane")
    assert any("and at the end he bowed to the {{c1::Varnia Choir}}." in front for front in fronts), fronts
    text = (
        "Ray Kell was born in Kellby in 1790. "
        "In 1748 Tom Vane handed the Kellby Press to his partner Karl Lind so that he could devote himself to music."
    )
    fronts = _fronts(text, "Ray Kell")
    assert any("Tom Vane handed the Kellby Press to his partner {{c1::Karl Lind}} so that he could devote himself" in front for front in fronts), fronts


def test_he_after_an_object_or_a_second_subject_is_still_refused():
    for sentence in (
        "Tom Vane met Karl Lind in Varnia, and he founded the Kellby Press in 1820.",
        "Karl Lind had died in Varnia, but Tom Vane wrote to his son, and he founded the Kellby Press in 1820.",
    ):
        fronts = _fronts("Ray Kell was born in Kellby in 1790. " + sentence, "Ray Kell")
        assert not any("Kellby Press" in front for front in fronts), fronts


def test_a_clause_after_a_semicolon_has_its_own_subject_for_he():
    text = (
        "Ray Kell was born in Kellby in 1790. "
        "Karl Lind was a rich banker; Tom Vane was poor and wrote to the Rev. Ian Berg for help, and he founded the "
        "Kellby Press in 1820."
    )
    fronts = _fronts(text, "Ray Kell")
    assert any("he founded the {{c1::Kellby Press}} in 1820." in front for front in fronts), fronts


def test_his_after_a_standing_he_is_not_named_from_the_sentence_before():
    # "Leeds", a place to the finder, is what the "his" stands for here, as a man's name the finder took for a place
    text = (
        "Tom Vane was born in Leeds. He led the army of Varnia. Tom Vane sent his men east to pursue the Kellish. "
        "In fact Orlek had withdrawn north to Varn, and he promised Leeds that he would come to his aid."
    )
    fronts = _fronts(text, "Battle of Kellby")
    assert not any("Tom Vane's aid" in front for front in fronts), fronts


# Round 116, lead (set 49): "the same year as the school" is that school's year, never the one year of the sentence
# before; an "It" after a person's sentence that takes a common thing as its object ("appointed a commission") is not
# the document's topic; a name someone takes, and its form after "or", is no second person a "She" could be; a short
# opening of time or place with no comma before a pronoun and "had", and an opening "To <verb> …" (not "To do so"), let
# the pronoun be read
def test_the_same_year_as_another_thing_is_not_written_as_the_year_before():
    text = "Ada Vane opened a school in Kellby in 1764. In 1768 she was ill. Her collection of maps began the same year as the school, when she bought the atlas of Tom Lind."
    fronts = _fronts(text, "Ada Vane")
    assert not any("in 1768 as the school" in front for front in fronts), fronts
    assert any("began the same year as the school" in front for front in fronts), fronts


def test_it_after_a_persons_sentence_with_a_common_object_is_not_the_topic():
    text = (
        "The Kellby Disaster destroyed the old town in 1902. "
        "A week later Tom Vane appointed a commission to find the cause. "
        "It was chaired by Ray Lind, a retired judge."
    )
    fronts = _fronts(text, "Kellby Disaster")
    assert not any("The Kellby Disaster was chaired" in front for front in fronts), fronts
    assert any("It was chaired by {{c1::Ray Lind}}" in front for front in fronts), fronts


def test_she_after_a_name_taken_and_its_other_form_is_the_one_woman():
    text = (
        "Catherine Vane was born Sophie Lind in Kellby in 1729. "
        "Sophie travelled to Varnia that winter and was received into the Orthodox Church, taking the name Mariya "
        "Ivanovna, or Catherine. "
        "She married Tom Berg in 1745."
    )
    fronts = _fronts(text, "Catherine Vane")
    assert any("Sophie Lind married {{c1::Tom Berg}} in 1745." in front for front in fronts), fronts


def test_a_short_opening_before_a_pronoun_and_had():
    text = "Tom Vane became king of Varnia in 1762. In May 1768 he had signed the Treaty of Kellby, which ended the war."
    fronts = _fronts(text, "Varnia")
    assert any("In May 1768 Tom Vane had signed the {{c1::Treaty of Kellby}}" in front for front in fronts), fronts
    text = "Ada Vane was born in Kellby in 1840. In later years Ada liked to say that she had been born in 1842, the year the Varnia Canal opened."
    fronts = _fronts(text, "Ada Vane")
    assert any("she had been born in" in front for front in fronts), fronts


def test_an_opening_to_and_a_verb_before_a_pronoun():
    text = (
        "Ships could not pass the falls at Kellby, and Tom Vane suspected that the rock was softer than it looked. "
        "To test the idea on a smaller scale he drilled a shaft 40 metres deep."
    )
    fronts = _fronts(text, "Kellby Canal")
    assert any("To test the idea on a smaller scale Tom Vane drilled" in front for front in fronts), fronts
    text = "Tom Vane fell in love with Ada Lind, a member of the Kellby Church. To do so he left the Varnia Society."
    fronts = _fronts(text, "Kellby")
    assert not any("To do so Tom Vane" in front for front in fronts), fronts


# Round 116, part B: a "that year" (or a season of it, "of that year") after the one year its own sentence gives, and a
# "that month" after the one month it names, lean on nothing: the card shows the time they are. Not after two years,
# a decade, nor a "that month" after a year alone
def test_that_year_after_the_one_year_of_its_own_sentence():
    text = (
        "Ada Vane was born in Kellby in 1840. "
        "Ada Vane opened the Kellby Weavers' Hall in 1871, and on 3 May that year she founded the Varnia Guild."
    )
    fronts = _fronts(text, "Ada Vane")
    assert any("on 3 May that year she founded the {{c1::Varnia Guild}}." in front for front in fronts), fronts
    text = (
        "Tom Vane was born in Kellby in 1790. "
        "In May 1818 Tom Vane was elected to the Kellby Council, and in October of that year he joined the Varnia Society."
    )
    fronts = _fronts(text, "Tom Vane")
    assert any("in October of that year he joined the {{c1::Varnia Society}}." in front for front in fronts), fronts


def test_that_month_after_the_one_month_of_its_own_sentence():
    text = (
        "The Kellby Mill was built in 1802. "
        "When the war began in September 1914, the workers slept in the mill; on one night that month some 900 people "
        "crowded into the Varnia Hall."
    )
    fronts = _fronts(text, "Kellby Mill")
    assert any("on one night that month some 900 people crowded into the {{c1::Varnia Hall}}." in front for front in fronts), fronts


def test_that_year_or_month_its_sentence_does_not_settle_is_still_refused():
    for sentence in (
        "Ada Vane opened the Kellby Hall in 1871 and the Vell Hall in 1875, and that year she founded the Varnia Guild.",
        "Ada Vane opened halls in the 1870s, and that year she founded the Varnia Guild.",
        "Ada Vane opened the Kellby Hall in 1871, and on one night that month she founded the Varnia Guild.",
    ):
        fronts = _fronts("Ada Vane was born in Kellby in 1840. " + sentence, "Ada Vane")
        assert not any("Varnia Guild}}" in front for front in fronts), fronts


# Round 116, part C: a "they" opening a clause joined to the sentence's first (", and", ", so", ", but", a reason),
# perhaps after a short time phrase, goes on with the plural the sentence opens with as its subject (after a year or a
# subordinate clause too) when no other plural lies between; and a group counted by a capitalised word that opens the
# sentence ("Six victims …") is a group a "their" may stand for, as a lower-case count was
def test_they_going_on_with_the_opening_plural_subject():
    for sentence, card in (
        (
            "By 1850 mills were working in Varnia, and they had already spun twelve million yards.",
            "they had already spun {{c1::twelve million yards}}.",
        ),
        (
            "Kellby cloth merchants sold cloth to Varnia in the 1820s, and by the mid-1830s they had built the Kellby Exchange.",
            "Kellby cloth merchants sold cloth to Varnia in the {{c1::1820s}}, and by the mid-1830s they had built",
        ),
        (
            "When the Kellby mill failed, the family moved, and in 1860 they settled in Varnia.",
            "the family moved, and in {{c1::1860}} they settled in Varnia.",
        ),
    ):
        fronts = _fronts("Ray Kell was born in Kellby in 1790. " + sentence, "Kellby weaving")
        assert any(card in front for front in fronts), (sentence, fronts)


def test_they_after_another_plural_or_a_singular_opening_subject_is_still_refused():
    for sentence in (
        "By 1850 mills were working in forty Varnian towns, and they had already spun twelve million yards.",
        "A guild fined mills in forty Varnian towns, and they had already spun twelve million yards.",
    ):
        fronts = _fronts("Ray Kell was born in Kellby in 1790. " + sentence, "Kellby weaving")
        assert not any("million yards" in front for front in fronts), (sentence, fronts)


def test_their_after_a_capitalised_count_opening_the_sentence():
    text = "Ray Kell was born in Kellby in 1790. Six weavers could not be named, and their names were found only in 1911 by Tom Vane."
    fronts = _fronts(text, "Kellby weaving")
    assert any("their names were found only in {{c1::1911}}" in front for front in fronts), fronts


# Round 117, part B: a name that ends what looks like a description between commas is the subject of the main clause
# when a verb in the past or an auxiliary follows it with no comma between; and the kind that opens a name of "of",
# written on the card only in lower case, does not give the name away
def test_a_name_after_a_description_with_its_own_verb_is_the_subject():
    for sentence, card in (
        (
            "In 1106, after the death of the last duke, Ray Kell, the emperor Tom Vane annexed the duchy.",
            "the emperor {{c1::Tom Vane}} annexed the duchy.",
        ),
        (
            "When Ada Vane went home instead of joining a tour of Varnia, the Kellby Athletic Union suspended her.",
            "the {{c1::Kellby Athletic Union}} suspended her.",
        ),
    ):
        fronts = _fronts("Ada Vane was born in Kellby in 1840. " + sentence, "Ada Vane")
        assert any(card in front for front in fronts), (sentence, fronts)


def test_a_name_inside_a_description_is_still_an_aside():
    for sentence, answer in (
        ("Ada Vane, a clerk at the Kellby Mill, won the Varnia Prize in 1871.", "{{c1::Kellby Mill}}"),
        ("The Kellby Cross, a column of Portland stone designed by Tom Vane and built in 1880, marks the spot.", "{{c1::Portland stone}}"),
        ("Ada Vane, a leader of the Kellby Mill workers, won the Varnia Prize in 1871.", "{{c1::Kellby Mill}}"),
    ):
        fronts = _fronts("Ada Vane was born in Kellby in 1840. " + sentence, "Ada Vane")
        assert not any(answer in front for front in fronts), (sentence, fronts)


def test_the_kind_opening_a_name_of_of_in_lower_case_gives_nothing_away():
    text = (
        "The Kellby Hall was built in 1802. "
        "In 1850 the hall received the Stone of Varn, the coronation stone of the Varnian kings, from the Kell family."
    )
    fronts = _fronts(text, "Kellby Hall")
    assert any("the hall received the {{c1::Stone of Varn}}, the coronation stone" in front for front in fronts), fronts


def test_the_kind_opening_a_name_of_of_still_leaves_its_other_words_given():
    text = (
        "The Kellby Hall was built in 1802. "
        "In 1850 the hall received the Stone of Varn, the coronation stone of the Varn kings, from the Kell family."
    )
    fronts = _fronts(text, "Kellby Hall")
    assert not any("{{c1::Stone of Varn}}" in front for front in fronts), fronts


# Round 117, part A: an "It" after a sentence whose leading "It" a rule read, and "the red-brick <Name>" as a subject
def test_an_it_after_a_read_it_goes_on_with_the_same_thing():
    text = (
        "Vega Star was the second liner to sail from Kellby. It made its first voyage in May 1903, and a year later it "
        "carried Tom Vane to Varnia. By June 1910 it had sailed forty times. Its last voyage ended in 1931."
    )
    fronts = _fronts(text, "The Kell Line")
    assert "By June 1910 Vega Star had sailed {{c1::forty}} times." in fronts, fronts
    assert "Vega Star's last voyage ended in {{c1::1931}}." in fronts, fronts


def test_an_it_after_a_read_it_that_names_another_thing_is_still_refused():
    for second in (
        "It bought Kellby Works in May 1903.",  # a named object: the works may be the "It" after
        "It carried a bronze bell to Varnia in May 1903.",  # a common object
    ):
        text = "Vega Star was the second liner to sail from Kellby. " + second + " By June 1910 it had sailed forty times."
        fronts = _fronts(text, "The Kell Line")
        assert not any("Vega Star had sailed" in front for front in fronts), (second, fronts)


def test_the_red_brick_name_is_the_subject_an_it_goes_on_with():
    text = (
        "Kellby Park is a cricket ground in Varnia. The red-brick Vega Hall that faces the west end of the ground was "
        "designed by the architect Tom Vane and opened in 1890. It cost £21,000 to build."
    )
    fronts = _fronts(text, "Kellby Park")
    assert "(Kellby Park) The Vega Hall cost {{c1::£21,000}} to build." in fronts, fronts


# Round 117, part D (Round 116, part A, finished): an inner "it" or "its" whose sentence offers one singular thing noun
# before it (a subject, an object or a noun after a preposition of an earlier clause), not counting plurals, people, an
# opening phrase of time or place, rates, nor the subject of the object "it"'s own clause, stands as written
def test_an_inner_it_with_one_thing_noun_before_it_in_its_sentence_stands():
    for text, card in (
        ("Several printers rejected the manuscript before Kellby Press accepted it; it appeared in Varnia in 1920.", "it appeared in Varnia in {{c1::1920}}."),
        ("When the fever reached the lungs it became a disease called varnic plague.", "a disease called {{c1::varnic plague}}."),
        ("As the workers lowered the pressure, it fell to about 30 bars.", "it fell to {{c1::about 30}} bars."),
        ("Tom Vane hung a wire so that its lower end dipped into a bowl of brine in 1821.", "into a bowl of brine in {{c1::1821}}."),
    ):
        fronts = _fronts(text, "Varnite")
        assert any(card in front for front in fronts), fronts


def test_an_inner_it_without_one_thing_noun_of_its_own_stays_refused():
    for refused in (
        "During the war the navy used it as a base until 1921.",  # a noun of an opening phrase of time
        "A typical lamp holds about 3 grams of it, sealed in glass, in 1921.",  # the subject of its own clause
        "Tom Vane took a boat to see it and reached Kellby in 1921.",  # a noun an infinitive ties to the "it"
        "Open to the air, it sheds heat well and melts in 1921.",  # only a phrase before it
        "The clerk locked the safe, and it was opened in 1921.",  # two things
        "Some readers guessed that it was written in 1921.",  # a reported clause
        "Each week its doors opened to the public in 1921.",  # a rate
        "A storm in 1921 spread to its roof.",  # an "its" in a phrase of place after a verb: the storm's roof?
        "The centre of the towns is its market, rebuilt in 1921.",  # an "its" after "is": no owner of itself
        "Kellbite is packed into the crate because it cracks in 1921.",  # the name opening the sentence, or the crate?
    ):
        assert not any("{{c1::1921}}" in front for front in _fronts(refused, "Varnite")), refused
    # a phrase of time that opens the sentence, right before its "it", is no noun for the "it" to stand for
    ball = (
        "The observatory stands on a hill above Kellby. A red ball sits on a mast on its roof. Every day it rises and, "
        "at exactly one o'clock, drops, so that the captains of ships on the Vell could set their clocks by it."
    )
    assert not any(front.startswith("(Kellby) Every day it") for front in _fronts(ball, "Kellby Observatory"))


# Round 118, part A: a "him" after a sentence that gives a man someone else's widow; an "It" after a sentence whose own
# "it" no rule read; an "It" after a name listed with others


def test_a_him_after_a_man_who_presented_someone_elses_widow_is_not_that_man():
    text = (
        "Tom Vane ran for Varnia in 1912 and won three gold medals. He died in Kellby on 3 May 1960. "
        "In 1990 Governor Karl Lind presented his widow with the Varnian Star. "
        "Kellby College named its new hall after him in 1992."
    )
    fronts = _fronts(text, "Tom Vane")
    assert not any("after Karl Lind" in front for front in fronts), fronts
    # the man who acted is still the one a "him" stands for when the "his" is his own wife's
    own = "In 1990 Governor Karl Lind presented his wife with the Varnian Star. Kellby College named its new hall after him in 1992."
    assert any("named its new hall after {{c1::Karl Lind}}" in front for front in _fronts(own, "Kellby College")), _fronts(own, "Kellby College")


def test_an_it_after_a_sentence_whose_own_it_no_rule_read_is_not_a_name_after_that_it():
    fronts = _fronts(
        "For five centuries the kings of Varnia lived in a palace at the heart of Kellby. Nine kings reigned from it, five "
        "of the Vega line and four of the Orle. Today it is the Varnian Museum, and it holds 9,000 paintings.",
        "Kell Palace",
    )
    assert not any("Orle is" in front for front in fronts), fronts


def test_an_it_after_a_last_clause_whose_subject_took_an_unread_it_is_not_the_subject():
    fronts = _fronts(
        "The Kellby Library bought a copy of the Varnian Bible in 1620, but sold it in 1700. In 1905 a dealer brought "
        "the volume in for advice on its binding, and the library recognised it. It was bought back in 1906 for £3,000.",
        "Kellby Library",
    )
    assert not any("bought back in {{c1::1906}}" in front and not front.startswith("In 1905") for front in fronts), fronts


def test_an_it_after_a_sentence_opening_with_a_list_of_names_is_none_of_them():
    fronts = _fronts(
        "In December 1641 the king, Varnia and Orlesland agreed at Kellby on preliminaries for a general congress. It would "
        "meet in Vell, in two towns about 40 kilometres apart, which were declared neutral while the talks lasted.",
        "Congress of Vell",
    )
    assert not any("Varnia would" in front or "Orlesland would" in front for front in fronts), fronts
    assert any(front.endswith("It would meet in Vell, in {{c1::two}} towns about 40 kilometres apart.") for front in fronts), fronts


# Round 118, part B: a leading "Her" after a sentence whose subject, a name of unknown kind, is a man by the possessive
# after "<name> and his"; a "He" after "The worst death was that of <a man>" is that man
def test_her_after_a_man_and_his_queen_is_the_queen():
    text = (
        "Rao Tan and his queen, Orla Brenn, lived at Kellby Hall, and Orla Brenn died there in 1093. "
        "Her son Bren Tan built a small chapel on the hill around 1130."
    )
    assert "(Kellby Hall) Orla Brenn's son Bren Tan built a small chapel on the hill around {{c1::1130}}." in _fronts(text, "Kellby Hall")
    # two people, neither said to be a man: either may be "Her"
    refused = "Rao Tan and Orla Brenn lived at Kellby Hall, and Orla Brenn died there in 1093. Her son Bren Tan built a small chapel on the hill around 1130."
    assert not any("1130" in front for front in _fronts(refused, "Kellby Hall"))
    # "Rao Tan and her husband": Rao Tan may be the "Her"
    hers = "Rao Tan and her husband, Orla Brenn, lived at Kellby Hall, and Orla Brenn died there in 1093. Her son Bren Tan built a small chapel on the hill around 1130."
    assert not any("1130" in front for front in _fronts(hers, "Kellby Hall"))


def test_he_after_the_one_a_subject_was_that_of():
    text = (
        "The worst death was that of Bren Hollis, a farmer of about 80 and Mara Hollis's husband. "
        "He refused to enter a plea and died on 19 September 1692."
    )
    assert "Bren Hollis refused to enter a plea and died on {{c1::19 September 1692}}." in _fronts(text, "Kellby Trials")
    # two men after "that of": either may be "He"
    refused = "The old house was that of Bren Hollis and Rao Tan. He refused to enter a plea and died on 19 September 1692."
    assert not any("1692" in front for front in _fronts(refused, "Kellby Trials"))


# Round 118, part B: a possessive inside a description that opens the sentence ("A heavy smoker for most of his life,")
# is the person named right after it, the sentence's subject, whatever the sentence before holds
def test_his_in_a_description_before_the_subject_is_the_subjects():
    card = "A heavy smoker for most of his life, Tom Vane died of lung cancer on {{c1::31 March 1980}} in Kellby."
    for text, title in (
        ("The mill closed in 1950. A heavy smoker for most of his life, Tom Vane died of lung cancer on 31 March 1980 in Kellby.", "Kellby Mill"),
        # an unsettled "he" before: the "his" is still Tom Vane's
        ("Later he stood beside Karl Lind at his wedding. A heavy smoker for most of his life, Tom Vane died of lung cancer on 31 March 1980 in Kellby.", "Tom Vane"),
        # not written "for most of Tom Vane's life, Tom Vane died"
        ("A heavy smoker for most of his life, Tom Vane died of lung cancer on 31 March 1980 in Kellby.", "Tom Vane"),
    ):
        assert card in _fronts(text, title), text


# Round 119, part B: the short form of hours or minutes before the number of the next unit ends no sentence, so a
# title such as "20 Hrs. 40 Min." is read whole; before a capitalised word it still may
def test_a_short_form_of_hours_before_a_number_ends_no_sentence():
    text = "Tom Vane wrote of the flight in his first book, 14 Hrs. 56 Min., published in Kellby. The flight took 20 hrs. The crew slept."
    assert [s.text for s in split_sentences(text)] == [
        "Tom Vane wrote of the flight in his first book, 14 Hrs. 56 Min., published in Kellby.",
        "The flight took 20 hrs.",
        "The crew slept.",
    ]


# Round 119, part A: an "It" after a sentence whose common subject a participle names ("This lamp, called the Kell
# Beacon, lit …") is that named thing, whatever opening the "It" sentence has
def test_it_after_a_subject_a_participle_names_is_the_named_thing():
    text = (
        "For years ships passing Kellby were warned by a lamp on the cliff. "
        "This lamp, called the Vega Beacon, lit the bay with a beam of roughly 30 kilometres. "
        "On 4 May 1911, on the orders of Governor Tom Vane, it was switched off for good."
    )
    fronts = _fronts(text, "Kellby Harbour")
    assert any("On {{c1::4 May 1911}}, on the orders of Governor Tom Vane, the Vega Beacon was switched off for good." in f for f in fronts), fronts
    # "known as" names the subject as "called" does
    known = text.replace("This lamp, called the Vega Beacon, lit", "The lamp, known as the Vega Beacon, lit")
    assert any("the Vega Beacon was switched off for good." in f and "{{c1::4 May 1911}}" in f for f in _fronts(known, "Kellby Harbour"))
    # "called" as the sentence's verb: the council or the board may be the "it"
    verb = (
        "For years ships passing Kellby were warned by a lamp on the cliff. "
        "The council called the Vega Board. On 4 May 1911, on the orders of Governor Tom Vane, it was switched off for good."
    )
    assert not any("Vega Board was switched off" in f for f in _fronts(verb, "Kellby Harbour"))


# Round 119, part A: a "he" or "she" after an opening clause whose subject is a name of unknown kind ("When Orlu Kett
# came up …, she …") is read as the sentence reads when the sentence before offers no one else
def test_she_after_a_when_clause_opened_by_an_unknown_name_is_read_as_written():
    text = "The party crossed the pass in 1805. When Orlu Kett came up with the others, she recognised the band's chief, Varnak, as her brother."
    assert "When Orlu Kett came up with the others, she recognised the band's chief, {{c1::Varnak}}, as her brother." in _fronts(text, "Vell Expedition")
    # a woman the sentence before names is still the "she" after a clause about a place of unknown kind
    named = "Ada Lind led the party across the pass in 1805. When Kellby fell to the raiders, she fled south to Vell with her brother Varnak."
    fronts = _fronts(named, "Vell Expedition")
    assert "When Kellby fell to the raiders, Ada Lind fled south to Vell with her brother {{c1::Varnak}}." in fronts, fronts
    assert not any(", she fled" in front for front in fronts), fronts
