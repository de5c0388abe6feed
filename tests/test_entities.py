"""What the rules engine finds in a sentence (entities.py), on sentences written for the tests."""
import pytest

from heatcards.authoring.entities import Gender, NameBook, find_mentions


def found(sentence: str, *context: str) -> list[tuple[str, str]]:
    book = NameBook.from_texts([*context, sentence])
    return [(mention.kind.value, mention.text) for mention in find_mentions(sentence, book)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Ada Brand was born in St. Louis.", [("person", "Ada Brand"), ("place", "St. Louis")]),
        ("In 1971 Apollo 14 landed safely.", [("year", "1971"), ("name", "Apollo 14")]),
        ("Soviet fighters shot down Korean Air Lines Flight 007.", [("name", "Korean Air Lines Flight 007")]),
        ("Ada Brand taught at the School of Physics and Chemistry.", [("person", "Ada Brand"), ("organisation", "School of Physics and Chemistry")]),
        ("The Nobel Prize in Physiology or Medicine went to Tom Reyes.", [("name", "Nobel Prize in Physiology or Medicine"), ("person", "Tom Reyes")]),
        ("Tom Reyes attended St Paul's Girls' School in London.", [("person", "Tom Reyes"), ("organisation", "St Paul's Girls' School"), ("place", "London")]),
        ("Gold was found at Sutter's Mill near King's College London.", [("place", "Sutter's Mill"), ("organisation", "King's College London")]),
        ("Delegates wrote the Charter of the United Nations.", [("name", "Charter of the United Nations")]),
        ("Procter & Gamble hired Tom Reyes.", [("name", "Procter & Gamble"), ("person", "Tom Reyes")]),
        ("She worked at the Laboratoire Central des Services Chimiques de l'État.", [("name", "Laboratoire Central des Services Chimiques de l'État")]),
    ],
)
def test_a_name_is_found_whole(sentence, expected):
    assert found(sentence) == expected


def test_a_person_followed_by_of_the_is_not_joined_to_the_organisation():
    assert found("Roger L. Easton of the Naval Research Laboratory and Ivan Getting of the Aerospace Corporation met.") == [
        ("person", "Roger L. Easton"),
        ("organisation", "Naval Research Laboratory"),
        ("person", "Ivan Getting"),
        ("organisation", "Aerospace Corporation"),
    ]


def test_a_common_noun_opening_a_sentence_is_not_part_of_the_name_after_it():
    assert found("Construction of the Golden Gate Bridge began in 1933.") == [("place", "Golden Gate Bridge"), ("year", "1933")]


def test_a_year_after_in_is_not_a_cue_for_a_place():
    assert found("In 1947 Okafor moved to Paris.", "Okafor said so.")[:2] == [("year", "1947"), ("person", "Okafor")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("It took about 11 hours and 58 minutes.", [("duration", "about 11 hours and 58 minutes")]),
        ("All 269 people on board were killed.", [("count", "269")]),
        ("California became the 31st state.", [("place", "California"), ("count", "31st")]),
        ("The satellites use six orbital planes.", [("count", "six")]),
        ("The signal is sent at 1575.42 MHz.", [("quantity", "1575.42 MHz")]),
        ("The clocks gain about 38 microseconds each day.", [("duration", "about 38 microseconds")]),
        ("Geologists estimate the magnitude at 7.9 today.", [("quantity", "7.9")]),
        ("The quake of 7.9 killed 63 people.", [("count", "63")]),
    ],
)
def test_numbers_with_what_they_count(sentence, expected):
    assert found(sentence) == expected


def test_thousands_of_years_is_no_count():
    assert found("For thousands of years people fished in the bay.") == []


def test_a_surname_stands_for_the_full_name_the_document_uses_most():
    texts = ["Rosalind Franklin was a chemist.", "Rosalind Franklin studied coal.", "Ellis Franklin was a banker.", "Franklin moved."]
    book = NameBook.from_texts(texts)
    assert book.full_name("Franklin") == "Rosalind Franklin"
    assert book.full_name("Rosalind") == "Rosalind Franklin"
    tied = NameBook.from_texts(["Marie Curie won.", "Pierre Curie won.", "Curie moved."])
    assert tied.full_name("Curie") == "Curie"


def test_a_gender_comes_from_a_title_a_first_name_or_the_pronouns_of_sentences_about_one_person():
    book = NameBook.from_texts(
        [
            "Mrs. Okafor opened a school.",
            "Tom Reyes sold bread.",
            "The engineer Lindqvist lost her notes, and she wept.",
            "The engineer Ayrton met the engineer Lindqvist, and he smiled.",
        ]
    )
    assert book.gender("Mrs. Okafor") is Gender.FEMALE
    assert book.gender("Tom Reyes") is Gender.MALE
    assert book.gender("Lindqvist") is Gender.FEMALE
    assert book.gender("Ayrton") is None  # named beside someone else: the "he" may be either


def test_the_kinds_of_names_come_from_their_words_and_cues():
    kinds = dict((text, kind) for kind, text in found("The director Tom Reyes joined Acme Corporation in Leeds, led by Gaspar de Portolá."))
    assert kinds == {"Tom Reyes": "person", "Acme Corporation": "organisation", "Leeds": "place", "Gaspar de Portolá": "person"}
