"""Sentence splitting for the suggestion engines: every case on sentences written for the tests."""
from hypothesis import given, settings
from hypothesis import strategies as st

from heatcards.authoring.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(text)]


def test_abbreviations_and_titles_do_not_end_sentences():
    assert texts("Mr. Okafor met Dr. Lindqvist in L.A. on a Monday. They talked for hours.") == [
        "Mr. Okafor met Dr. Lindqvist in L.A. on a Monday.",
        "They talked for hours.",
    ]
    assert texts("Some fruit, e.g. quinces, stay hard. Cats vs. dogs is an old quarrel. The U.S. Navy agreed.") == [
        "Some fruit, e.g. quinces, stay hard.",
        "Cats vs. dogs is an old quarrel.",
        "The U.S. Navy agreed.",
    ]


def test_a_dotted_short_form_ends_a_sentence_when_the_next_word_opens_one():
    assert texts("She moved to the U.S. He followed a year later.") == [
        "She moved to the U.S.",
        "He followed a year later.",
    ]
    assert texts('He filmed "L.A. Takedown" first.') == ['He filmed "L.A. Takedown" first.']


def test_initials_stay_with_the_name():
    assert texts("J. R. R. Tolkien taught at Oxford. His books sold well.") == [
        "J. R. R. Tolkien taught at Oxford.",
        "His books sold well.",
    ]


def test_decimals_and_numbered_references_stay_whole():
    assert texts("Inflation rose to 3.5 percent in March. See No. 7 for details. Prices fell.") == [
        "Inflation rose to 3.5 percent in March.",
        "See No. 7 for details.",
        "Prices fell.",
    ]


def test_a_sentence_may_end_inside_quotation_marks():
    assert texts('The critic called it "the finest harbour in Europe." Readers agreed.') == [
        'The critic called it "the finest harbour in Europe."',
        "Readers agreed.",
    ]
    assert texts('"Is the bridge open?" the driver asked. Nobody knew.') == [
        '"Is the bridge open?" the driver asked.',
        "Nobody knew.",
    ]
    assert texts("“We won.” The captain smiled.") == ["“We won.”", "The captain smiled."]


def test_parentheses_keep_their_sentences_inside():
    assert texts("The museum (it opened in 1901. It shut in 1950.) is now a hotel. Visitors still come.") == [
        "The museum (it opened in 1901. It shut in 1950.) is now a hotel.",
        "Visitors still come.",
    ]
    assert texts("The lab moved (see the map below). Then it grew.") == [
        "The lab moved (see the map below).",
        "Then it grew.",
    ]


def test_list_numbers_are_split_off_even_when_glued_to_the_text():
    text = "Here are three facts.\n1. The first lighthouse was wooden.\n2.Ingrid Bauer rebuilt it in stone.\n3) It still stands."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Here are three facts.",
        "The first lighthouse was wooden.",
        "Ingrid Bauer rebuilt it in stone.",
        "It still stands.",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert texts("They list two facts. 1. The keeper lived alone.") == ["They list two facts.", "The keeper lived alone."]


def test_headings_and_lines_without_final_punctuation_are_sentences_of_their_own():
    sentences = split_sentences("Origins\nIn 1963, the club was founded.\n\nLater years\nThe club grew")
    assert [s.text for s in sentences] == ["Origins", "In 1963, the club was founded.", "Later years", "The club grew"]
    assert [s.is_complete for s in sentences] == [False, True, False, False]


def test_a_line_wrapped_inside_a_sentence_joins_the_next():
    text = "The ferry left the northern harbour early on a grey morning while the\nwhole village watched from the pier. Nobody waved."
    assert texts(text) == [
        "The ferry left the northern harbour early on a grey morning while the\nwhole village watched from the pier.",
        "Nobody waved.",
    ]


def test_ellipses_end_a_sentence_only_before_a_new_one():
    assert texts("He waited... Then he left. She paused… and went on.") == [
        "He waited...",
        "Then he left.",
        "She paused… and went on.",
    ]


def test_a_missing_space_after_a_full_stop_still_splits():
    assert texts("The storm ended.Boats went out at dawn.") == ["The storm ended.", "Boats went out at dawn."]


def test_an_exclamation_or_question_mark_inside_a_quotation_that_goes_on_does_not_end_the_sentence():
    assert texts('Ada Berg directed "Tora! Tora! Tora!," a film about the war. It failed.') == [
        'Ada Berg directed "Tora! Tora! Tora!," a film about the war.',
        "It failed.",
    ]
    assert texts('"Stop! Go back," he said. Then he left.') == ['"Stop! Go back," he said.', "Then he left."]
    assert texts('"Help!" The crowd ran.') == ['"Help!"', "The crowd ran."]  # the quotation is closed
    assert texts('She asked: "Why? Tell me." Nobody did.') == ['She asked: "Why? Tell me."', "Nobody did."]  # the quotation goes on to its close (round 90)


def test_offsets_point_into_the_text():
    text = "  First line here.  Second one!\n\n  Third?  "
    sentences = split_sentences(text)
    assert [(s.start, s.end) for s in sentences] == [(2, 18), (20, 31), (35, 41)]
    assert [text[s.start : s.end] for s in sentences] == ["First line here.", "Second one!", "Third?"]


def test_empty_and_blank_texts_have_no_sentences():
    assert split_sentences("") == []
    assert split_sentences(" \n\n\t ") == []
    assert split_sentences("1.\n- \n...") == []


_PIECES = st.sampled_from(
    ["Mr.", "L.A.", "e.g.", "J.", "3.5", "1.", "3.Keanu", '"', "“", "”", "(", ")", "...", "…", "?", "!", ".",
     "\n", "\n\n", " ", "  ", "word", "Word", "the", "1995", "$5", "-", "#", "'s", "é", "\t"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=40).map("".join))
def test_any_text_splits_into_ordered_sentences_within_it(text):
    sentences = split_sentences(text)
    last_end = 0
    for sentence in sentences:
        assert last_end <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
        last_end = sentence.end


def test_an_abbreviated_rank_ends_no_sentence():
    """Thirty-eighth round (issue 6): "Brig. Gen. Harold Moss, …" was cut after "Brig."; the noun "brig" still
    ends one."""
    assert texts("Brig. Gen. Harold Moss, acting commander of the division, marched troops into the city. It fell.") == [
        "Brig. Gen. Harold Moss, acting commander of the division, marched troops into the city.",
        "It fell.",
    ]
    assert texts("Lt. Cmdr. Ada Brand led it. They sailed aboard the brig. The crew was small.") == [
        "Lt. Cmdr. Ada Brand led it.",
        "They sailed aboard the brig.",
        "The crew was small.",
    ]


# Fifty-third round, part B (issue 6): the letter of a temperature in degrees is no initial and no "c." (circa).
def test_a_temperature_in_degrees_ends_its_sentence():
    text = "Ethanol boils at about 78 °C. A cold room stays at 39 °F. In 1939 J. R. R. Tolkien gave a lecture at c. 5 p.m. today."
    assert texts(text) == [
        "Ethanol boils at about 78 °C.",
        "A cold room stays at 39 °F.",
        "In 1939 J. R. R. Tolkien gave a lecture at c. 5 p.m. today.",
    ]


# Fifty-sixth round, lead (issue 6): an initial "A." before another initial is no article opening a sentence.
def test_an_initial_a_before_another_initial_stays_with_the_name():
    assert texts("Her uncle, A. A. Brandt, wrote the book in 1931. A. Brandt later sold it. They chose plan A. A second plan followed.") == [
        "Her uncle, A. A. Brandt, wrote the book in 1931.",
        "A. Brandt later sold it.",
        "They chose plan A.",
        "A second plan followed.",
    ]


# Sixty-first round, part B (issue 6): "a.m." and "p.m." end a sentence before a capitalised word, unless that word goes
# on telling the time (a day, a month, a time zone).
def test_a_time_of_day_ends_its_sentence_unless_the_time_goes_on():
    text = "The sale began at 5:30 a.m. Hundreds of buyers came. The boat left at 9 a.m. Monday and came back at 6 p.m. Eastern time."
    assert texts(text) == [
        "The sale began at 5:30 a.m.",
        "Hundreds of buyers came.",
        "The boat left at 9 a.m. Monday and came back at 6 p.m. Eastern time.",
    ]


# Round 90, part B: an exclamation or question mark inside a quotation that goes on to its closing mark ends no sentence.
def test_a_cry_inside_a_quotation_that_goes_on_ends_no_sentence():
    text = 'In June 1902 she ran down the quay waving a net and shouting, "Herring! Herring! Herring off the Tarn Bank!" The boats left at dawn.'
    assert texts(text) == [
        'In June 1902 she ran down the quay waving a net and shouting, "Herring! Herring! Herring off the Tarn Bank!"',
        "The boats left at dawn.",
    ]
    # a quotation closing right after its cry, or holding a full stop, still ends sentences
    assert texts('"Halt!" Then he ran.') == ['"Halt!"', "Then he ran."]
    assert texts('She asked, "Where is he? We leave now. Hurry!" He came.') == ['She asked, "Where is he?', "We leave now.", 'Hurry!"', "He came."]


def test_a_cry_inside_a_quotation_closing_with_a_full_stop_ends_no_sentence():
    text = 'Hale wrote in his log, "Land at last! O! the relief." They were still far from the coast.'
    assert texts(text) == ['Hale wrote in his log, "Land at last! O! the relief."', "They were still far from the coast."]


# Round 98: a sentence that has only opened with its time of day goes on past the "a.m." or "p.m.", and a cry in
# quotation marks goes on into its translation in brackets.
def test_an_opening_time_of_day_ends_no_sentence():
    assert texts("At about 6:30 p.m. Fort Kell finally fell. Its defenders had no powder left.") == [
        "At about 6:30 p.m. Fort Kell finally fell.",
        "Its defenders had no powder left.",
    ]
    assert texts("By 9 a.m. Hale had reached the ford.") == ["By 9 a.m. Hale had reached the ford."]
    # a clause that has told its news before the time still ends there
    assert texts("The siege ended at 6:30 p.m. Fort Kell had fallen.") == ["The siege ended at 6:30 p.m.", "Fort Kell had fallen."]


def test_a_quoted_cry_before_its_translation_in_brackets_ends_no_sentence():
    text = 'The cry "Vive Tarn!" ("Long live Tarn!") spread through the camp. The guards fled.'
    assert texts(text) == ['The cry "Vive Tarn!" ("Long live Tarn!") spread through the camp.', "The guards fled."]
    assert texts('"Vive Tarn!" The guards fled.') == ['"Vive Tarn!"', "The guards fled."]
