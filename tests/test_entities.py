"""What the rules engine finds in a sentence (entities.py), on sentences written for the tests, and for a few
shapes the cards that come of it."""
import pytest

from heatcards.authoring import lexicon
from heatcards.authoring.entities import (
    Gender,
    MentionKind,
    NameBook,
    find_mentions,
    find_terms,
    looks_like_a_persons_name,
    names_a_people,
    part_compound_terms,
    rare_word_terms,
)
from heatcards.authoring.model import DocumentText
from heatcards.authoring.rules import RulesEngine


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
        ("Loans came from the Kreditanstalt für Wiederaufbau.", [("name", "Kreditanstalt für Wiederaufbau")]),
        ("Tom Reyes walked to the river Jökulsá á Fjöllum.", [("person", "Tom Reyes"), ("name", "Jökulsá á Fjöllum")]),
        ("Members joined the Council for Mutual Economic Assistance.", [("organisation", "Council for Mutual Economic Assistance")]),
    ],
)
def test_a_name_is_found_whole(sentence, expected):
    assert found(sentence) == expected


def test_a_land_named_after_a_person_the_document_knows_is_one_place():
    # "Land" ends a place's name as "Island" does, so the owner's possessive stays inside it even when the
    # document names the owner ("Prince Rupert") and "Rupert" alone would be his.
    assert found("The region was named Rupert's Land after his cousin.", "Prince Rupert sailed.", "Rupert rode.") == [
        ("place", "Rupert's Land")
    ]


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
    # (a document opening with one of them makes "Curie" that one: see Round 91, part A)
    tied = NameBook.from_texts(["The prize was shared.", "Marie Curie won.", "Pierre Curie won.", "Curie moved."])
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


# Third round (issue 6): technical terms, race times, ages, large counts and shares, numbered
# product names, and names that stop before a place or leave a title out.


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("This procedure is called keyhole surgery.", ["keyhole surgery"]),
        ("The first, called the innate immune system, reacts within hours.", ["innate immune system"]),
        ("Farmers used an old practice known as crop rotation in the valley.", ["crop rotation"]),
        ("Cytotoxic cells, also called killer T cells, destroy infected cells.", ["killer T cells"]),
        ("The letters DNA stand for deoxyribonucleic acid.", ["deoxyribonucleic acid"]),
        ("An antibody is a Y-shaped protein that sticks to one antigen.", ["antibody"]),
        ("A live attenuated vaccine contains a weakened germ.", ["live attenuated vaccine"]),
        ("The omul is a whitefish related to salmon.", ["omul"]),
        ("T cells mature in the thymus, a small organ behind the breastbone.", ["thymus"]),
        ("Its key cells are lymphocytes, a type of white blood cell.", ["lymphocytes"]),
        ("Milkmaids who had caught cowpox, a mild disease of cattle, were protected.", ["cowpox"]),
        ("The Baikal seal, or nerpa, lives only in fresh water.", ["nerpa"]),
        ("The name comes from the word vacca, meaning cow.", ["vacca"]),
    ],
)
def test_a_term_the_sentence_names_or_defines_is_found(sentence, expected):
    assert [term.text for term in find_terms(sentence)] == expected
    assert [text for kind, text in found(sentence) if kind == "term"] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Jenner called the boy back to the farm.",  # someone called someone
        "Bradford Parkinson is often called the father of the system.",  # half a phrase
        "The plates are pulling apart, a zone geologists watch closely.",  # not a noun
        "When enough people are immune, a germ cannot find new hosts.",  # a clause, not a description
        "People caught it from mild sores, a risky practice known as variolation.",  # the practice is named, not the sores
        "A new vaccine was tested in the spring.",  # a sentence about one, not a definition
        'One critic called the choice "timid".',  # the quotation is what the choice was called
        'The crews called him "Kaiser," the boss.',  # the same, with a pronoun
    ],
)
def test_no_term_where_the_words_only_look_like_one(sentence):
    assert [term.text for term in find_terms(sentence)] in ([], ["variolation"])


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("In 1945 Hägg ran 4 minutes 1.4 seconds in Malmö.", [("year", "1945"), ("name", "Hägg"), ("duration", "4 minutes 1.4 seconds"), ("place", "Malmö")]),
        ("For over a century and a half the mill made paper.", [("duration", "over a century and a half")]),
        ("Geologists think the lake is 25 to 30 million years old.", [("duration", "25 to 30 million years")]),
        ("Universal hired a 26-year-old director.", []),  # an age in one word: no duration
        ("The phone sold about 126 million units.", [("count", "about 126 million")]),
        ("The lake holds about 23,600 cubic kilometres of water.", [("quantity", "about 23,600 cubic kilometres")]),
        ("The rift widens by about 4 millimetres a year.", [("quantity", "about 4 millimetres a year")]),  # a rate (thirteenth round)
        ("The reef has 900 species, and about two thirds of them live nowhere else.", [("count", "900"), ("quantity", "about two thirds")]),
    ],
)
def test_times_ages_large_counts_and_shares(sentence, expected):
    assert found(sentence) == expected


def test_a_model_number_belongs_to_its_name_but_a_decade_does_not():
    assert found("The Talvi 3310 sold well.") == [("name", "Talvi 3310")]
    assert found("In the 1990s Talvi 3310 sold well.")[0] == ("year", "1990s")


def test_a_persons_name_stops_before_where_they_come_from():
    assert found("The record belongs to Hicham Lamrani of Morocco.") == [("name", "Hicham Lamrani"), ("place", "Morocco")]
    assert found("Ada Brand visited the Bank of England.") == [("person", "Ada Brand"), ("organisation", "Bank of England")]


def test_a_title_before_a_persons_name_is_left_out_of_it():
    assert found("Two years later President Ronald Reagan spoke.") == [("person", "Ronald Reagan")]
    assert found("Landy later became Governor of Victoria.") == [("person", "Governor of Victoria")]  # no name after the title


def test_a_lake_or_a_mountain_is_a_place():
    assert found("Climbers reached Mount Orla by noon.") == [("place", "Mount Orla")]


def test_a_name_of_unknown_kind_whose_surname_the_document_uses_alone_is_a_person():
    texts = ["The Swedish runners Gunder Hägg and Arne Norell traded the record.", "In 1945 Hägg ran faster."]
    book = NameBook.from_texts(texts)
    assert [(m.kind.value, m.text) for m in find_mentions(texts[0], book)][1:] == [("person", "Gunder Hägg"), ("name", "Arne Norell")]
    assert book.full_name("Hägg") == "Gunder Hägg"


def test_for_joins_a_name_only_after_an_organisations_word():
    assert found("Tom Reyes worked for Acme Corporation in Leeds.") == [("person", "Tom Reyes"), ("organisation", "Acme Corporation"), ("place", "Leeds")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("In 1951 Rear Admiral Ada Brand toured the dockyard.", [("year", "1951"), ("person", "Ada Brand")]),
        ("Lieutenant Commander Tom Reyes led the patrol.", [("person", "Tom Reyes")]),
        ("Secretary of State Ada Brand signed the accord.", [("person", "Ada Brand")]),
        ("Premier Tom Reyes opened the bridge.", [("person", "Tom Reyes")]),
    ],
)
def test_a_title_of_office_of_one_or_more_words_stays_outside_the_persons_name(sentence, expected):
    assert found(sentence) == expected


def test_a_title_does_not_make_an_organisation_a_person():
    assert found("Tom Reyes studied at St Paul's Girls' School.") == [("person", "Tom Reyes"), ("organisation", "St Paul's Girls' School")]


def test_the_particles_of_a_surname_belong_to_it():
    assert [text for _, text in found("In 1882 Johanna Maria van der Berg described the effect.")] == ["1882", "Johanna Maria van der Berg"]
    assert ("name", "van der Berg") in found("The van der Berg effect is named after her.")


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("At 10:45, 12 ships left the harbour.", [("count", "12")]),  # not the minutes of the time
        ("The fleet counted 1,200 sailors, 40 officers and a cook.", [("count", "1,200"), ("count", "40")]),  # no comma kept
    ],
)
def test_a_count_is_neither_the_minutes_of_a_time_nor_ends_with_a_comma(sentence, expected):
    assert found(sentence) == expected


# Seventh round: designations, undertakings, companies and numbered craft.


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The F-1 engine burned for 150 seconds.", [("name", "F-1"), ("duration", "150 seconds")]),
        ("In 1959 the X-15 flew from Edwards.", [("year", "1959"), ("name", "X-15"), ("place", "Edwards")]),
        ("The N1 and the R-7 left from Baikonur.", [("name", "N1"), ("name", "R-7"), ("place", "Baikonur")]),
        ("The Vega carried five R-7 engines.", [("name", "Vega"), ("name", "R-7")]),  # not a count "7 engines"
        ("Japan broke the JN-25 code in 1942.", [("place", "Japan"), ("name", "JN-25"), ("year", "1942")]),
    ],
)
def test_a_designation_of_letters_and_digits_is_one_name_without_a_count_inside(sentence, expected):
    assert found(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Ada Brand led Project Mercury in 1959.", [("person", "Ada Brand"), ("name", "Project Mercury"), ("year", "1959")]),
        ("Operation Overlord began in June 1944.", [("name", "Operation Overlord"), ("date", "June 1944")]),
        ("The capsule was built by McDonnell Aircraft.", [("organisation", "McDonnell Aircraft")]),
        ("Tom Reyes sold the rights to Acme Corporation.", [("person", "Tom Reyes"), ("organisation", "Acme Corporation")]),
        ("The rights went to Crosby & Co. for £10.", [("organisation", "Crosby & Co."), ("money", "£10")]),
        ("Tom Reyes flew in Friendship 7 in 1962.", [("person", "Tom Reyes"), ("name", "Friendship 7"), ("year", "1962")]),
        ("The crew of Luna 15 waited.", [("name", "Luna 15")]),
    ],
)
def test_undertakings_companies_and_numbered_craft_are_not_people_or_places(sentence, expected):
    assert found(sentence) == expected


def test_a_person_after_the_word_pilot_is_no_work():
    assert found("In 1969 the test pilot Ada Brand flew the prototype.") == [("year", "1969"), ("person", "Ada Brand")]


def test_a_speed_in_mach_is_a_quantity_not_a_place():
    assert found("The jet cruised at Mach 2.04 over the sea.") == [("quantity", "Mach 2.04")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("In 1969 the flight director, Orrin Vale, gave the order.", [("year", "1969"), ("person", "Orrin Vale")]),
        ("The pilot asked his guidance officer, Pell Dorn, about the alarm.", [("person", "Pell Dorn")]),
        ("The speech was drafted by the speechwriter Wendel Sayer.", [("person", "Wendel Sayer")]),
        ("In 1882 the showman P. T. Barnum bought the elephant.", [("year", "1882"), ("person", "P. T. Barnum")]),
        ("The stowaway Perrin Holt slipped aboard at the quay.", [("person", "Perrin Holt")]),
    ],
)
def test_a_name_after_a_role_is_a_person_also_between_commas(sentence, expected):
    assert found(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("In Houston, Orrin Vale gave the order.", [("place", "Houston"), ("name", "Orrin Vale")]),  # a place, then a comma
        ("Its biggest customer, Pell Dorn, paid in 1969.", [("name", "Pell Dorn"), ("year", "1969")]),  # not a role
        ("Its navigator, Rome, was never in doubt.", [("place", "Rome")]),  # a known place stays one
    ],
)
def test_a_comma_after_a_word_that_is_no_role_makes_no_person(sentence, expected):
    assert found(sentence) == expected


def test_a_gender_is_said_by_a_title_before_the_name_or_a_man_after_it_and_not_by_someone_elses_pronouns():
    book = NameBook.from_texts(
        [
            "In 1920 the painter Ormond Dixel married Ada Vane.",  # two people: no pronoun counts
            "In 1920 Ada Vane married the painter Ormond Dixel, a man twenty years older.",
            "During the summers she travelled with the painter Brannock Hale through Arizona, and she began to paint.",
            "The ship sailed under the command of Commodore Sir Orrin Belt.",
        ]
    )
    assert book.gender("Ormond Dixel") is Gender.MALE
    assert book.gender("Orrin Belt") is Gender.MALE  # the title before the name says it
    assert book.gender("Brannock Hale") is None  # the "she"s are the subject's, not the painter's


def test_a_him_or_her_after_a_preposition_says_nothing_of_the_name_before_it():
    book = NameBook.from_texts(
        [
            "President Orrin Hale presented it to her at the White House.",  # her: the one he gave it to
            "Brannock Vell told the crowd that she would return.",
        ]
    )
    assert book.gender("Orrin Hale") is None
    assert book.gender("Brannock Vell") is Gender.FEMALE  # the pronouns of the name's own sentence still say it


def test_a_rate_keeps_the_time_it_is_counted_in():
    assert found("Radio waves travel at about 299,792 kilometres per second.") == [("quantity", "about 299,792 kilometres per second")]
    assert found("The plates drift apart by 3.8 centimetres a year.") == [("quantity", "3.8 centimetres a year")]
    assert found("The liner crossed at 30.14 knots.") == [("quantity", "30.14 knots")]


def test_a_count_in_words_is_whole_and_under_before_it_is_a_preposition():
    """Fourteenth round (issue 6)."""
    assert found("The fort had two hundred fixed posts and forty-five soldiers.") == [("count", "two hundred"), ("count", "forty-five")]
    assert found("The capsule came down under three parachutes.") == [("count", "three")]
    assert found("The fort held under 200 soldiers.") == [("count", "under 200")]  # an amount in digits: "under" says about


def test_the_nationality_of_a_numbered_craft_is_no_part_of_its_name():
    """Fourteenth round (issue 6)."""
    assert found("The first soft landing was made by the American Surveyor 1.") == [("name", "Surveyor 1")]
    assert found("Soviet fighters shot down Korean Air Lines Flight 007.") == [("name", "Korean Air Lines Flight 007")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("An ore called pitchblende turned out to be far more active.", ["pitchblende"]),
        ("A method called dead reckoning proved reliable.", ["dead reckoning"]),
        ("The probe was a little further along its track than planned.", []),
        ("The lander was a bit heavier than the design allowed.", []),
        ("The probe was a small craft with four legs.", ["probe"]),
    ],
)
def test_a_term_stops_before_a_past_verb_and_a_measure_is_no_definition(sentence, expected):
    """Twenty-third round (issue 6), from the lead's held-out measure: a past form in "-ed" after a
    term's first word ends the term; "was a little further" says how much, it defines nothing."""
    assert [term.text for term in find_terms(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The rocket stood on Launch Pad 12B in 1961.", [("name", "Launch Pad 12B"), ("year", "1961")]),
        ("The offices moved to Building 4C in 1970.", [("name", "Building 4C"), ("year", "1970")]),
        ("Dredge No. 4 worked the creeks until 1959.", [("name", "Dredge No. 4"), ("year", "1959")]),
        ("Ada Brand built the 5G masts in 2019.", [("person", "Ada Brand"), ("year", "2019")]),  # no name "G"
        ("The 1990s saw Apollo 14 and the N1 rocket.", [("name", "Apollo 14"), ("name", "N1")]),
    ],
)
def test_a_name_ending_in_a_letter_code_or_a_number_after_no_is_whole(sentence, expected):
    """Twenty-sixth round (issue 6): "Launch Pad 12" and "B" were two names, "Dredge No" one."""
    assert found(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Former President Jimmy Carter visited the dam in 1994.", [("person", "Jimmy Carter"), ("year", "1994")]),
        ("The plan was signed by Retired General Anna Berg.", [("person", "Anna Berg")]),
        ("The Atlantic Division was led by Major William L. Sibert.", [("name", "Atlantic Division"), ("person", "William L. Sibert")]),
        ("In 1534 the Holy Roman Emperor Charles V ordered a survey.", [("year", "1534"), ("person", "Charles V")]),
        ("President Carter visited the dam in 1979.", [("person", "President Carter"), ("year", "1979")]),
        ("Major League Baseball began in 1903.", [("organisation", "Major League Baseball"), ("year", "1903")]),
        ("It was a major Hollywood studio in 1950.", [("place", "Hollywood"), ("year", "1950")]),
        ("Former Yankees player Tom Berg spoke.", [("name", "Former Yankees"), ("person", "Tom Berg")]),
    ],
)
def test_a_title_and_a_word_on_when_it_was_held_stay_outside_the_persons_name(sentence, expected):
    """Twenty-sixth round (issue 6): "Former", "Retired" before a title, the rank "Major" (capitalised
    only) and "Holy Roman Emperor" are no part of the name; a title with a surname alone still is."""
    assert found(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("In all, about 3.25 million cubic yards of concrete went into the dam.", [("quantity", "about 3.25 million cubic yards")]),
        ("About 12.5 million ounces of gold were taken.", [("quantity", "12.5 million ounces")]),
        ("The tanks held about 4.2 million litres of water.", [("quantity", "about 4.2 million litres")]),
        ("The park draws about seven million visitors a year.", [("count", "about seven million")]),
        ("The fort had two hundred fixed posts.", [("count", "two hundred")]),
    ],
)
def test_a_quantity_keeps_its_unit_after_million_and_a_count_in_words_its_million(sentence, expected):
    """Twenty-sixth round (issue 6): "about 3.25 million" and "about seven" were found without what
    they count."""
    assert found(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("In 1898 she coined a word for it: ferromagnetism.", ["ferromagnetism"]),
        ("Ramsay found a new gas, which he named argon after the Greek for lazy.", ["argon"]),
        ("Lead is a metal known to chemists as plumbum since Roman times.", ["plumbum"]),
        ("She named him after her father.", []),
        ("Jenner called the boy back.", []),
        ("The team found the answer: a faulty valve, hidden in the pump.", []),
    ],
)
def test_a_term_named_by_a_pronoun_after_known_to_or_after_a_word_for_it(sentence, expected):
    """Twenty-sixth round (issue 6), shapes the lead found among held-out key facts no mention held."""
    assert [term.text for term in find_terms(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Spectra showed that the tail contained cyanogen, a poisonous gas, and people took fright.", ["cyanogen"]),
        ("All larvae are fed royal jelly, a protein-rich secretion, for three days.", ["royal jelly"]),
        ("The resin becomes propolis, a sticky \"bee glue\" that seals cracks.", ["propolis", "bee glue"]),  # (round 81, part C: the quoted term too)
        ("The tunnel follows a layer of chalk marl, a soft chalk mixed with clay that is easy to cut.", ["chalk marl"]),
        ("The floor was basalt, a volcanic rock.", ["basalt"]),
        ("Milkmaids who had caught cowpox, a mild disease of cattle, were spared.", ["cowpox"]),
        ("When enough people are immune, a germ cannot find new hosts.", []),
        ("The river flows slowly, a pace that suits the barges.", []),
        ("The probe stands in the Bristol museum, a few hundred metres from where it was built.", []),
    ],
)
def test_a_term_before_its_description_after_a_verb_or_of_and_a_description_with_a_relative_clause(sentence, expected):
    """Twenty-sixth round (issue 6): the term stops at a verb ("{tail contained cyanogen}" before),
    takes the words after a verb or "of", and a description may hold a hyphenated or quoted word or a
    relative clause with its own verb; a clause after the comma ("a germ cannot …", "from where it was
    built") is still no description."""
    assert [term.text for term in find_terms(sentence)] == expected


def test_two_names_joined_by_and_stay_two():
    """Twenty-sixth round (issue 6): a name with "and" inside is joined only as before (an
    organisation's field: "Museum of Science and Industry"); two things stay two."""
    assert found("The exhibit moved to the Museum of Science and Industry in 1933.") == [
        ("organisation", "Museum of Science and Industry"),
        ("year", "1933"),
    ]
    assert found("He visited a museum and a library in Boston.") == [("place", "Boston")]
    assert found("Pan Am and TWA bought the aircraft.") == [("name", "Pan Am"), ("organisation", "TWA")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The rocky centre of the island is the caldera.", ["caldera"]),
        ("The hardest-working bees were the nurse workers.", ["nurse workers"]),
        ("The long neck of the flask is the spout.", ["spout"]),
        ("The workers were the diggers.", []),  # a subject of one word describes nothing
        ("The new plant was the biggest mill.", []),  # a judgement, not a term
        ("The old roof was the main worry.", []),
        ("The second part is the outer shell.", []),  # "part" leans on the sentence before
        ("The real problem was the mud.", []),
        ("The narrow gorge is the outer shell of the valley.", []),  # the sentence goes on after the term
    ],
)
def test_a_term_a_copula_names_after_a_subject_that_describes_it(sentence, expected):
    """Thirtieth round (issue 6): "The solid core is the {nucleus}." names a term by its description."""
    assert [term.text for term in find_terms(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Whole fields turned grey that spring, and the blight was named ash dieback.", ["ash dieback"]),
        ("The effect was named tidal locking, and the name stuck.", ["tidal locking"]),
        ("He was named captain.", []),  # a person given a role
        ("The ship was named Endeavour.", []),  # a name, left to find_mentions
        ("The boy was named after his uncle.", []),
    ],
)
def test_a_term_a_passive_named_gives_to_a_common_noun(sentence, expected):
    """Thirtieth round (issue 6): "the phenomenon was named {colony collapse disorder}" with no "after"."""
    assert [term.text for term in find_terms(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The probe crossed the termination shock, the line where the wind slows down.", ["termination shock"]),
        ("Divers reached the thermocline, the layer that separates warm water from cold.", ["thermocline"]),
        ("The dogs pulled the sledge, the tent, and the stove.", []),  # a list, no relative clause
        ("They reported a crime, the killing of a merchant on the road.", []),
    ],
)
def test_a_term_before_a_definite_description_with_a_relative_clause(sentence, expected):
    """Thirtieth round (issue 6): "the {heliopause}, the boundary where …" as "the thymus, a small organ …"."""
    assert [term.text for term in find_terms(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The rocket gave about 4.2 million pounds of thrust at launch.", ("quantity", "about 4.2 million pounds")),
        ("The glacier lost 2.5 billion tonnes of ice.", ("quantity", "2.5 billion tonnes")),
        ("After about 14 and a half hours on the ice, the team turned back.", ("duration", "about 14 and a half hours")),
        ("The burn lasted two and a half minutes.", ("duration", "two and a half minutes")),
        ("The scouts walked one and a half kilometres.", ("quantity", "one and a half kilometres")),
    ],
)
def test_an_amount_with_its_unit_after_a_scale_word_and_a_half(sentence, expected):
    """Thirty-second round (issue 6): "{4.2 million pounds} of thrust", "{14 and a half hours}"."""
    assert expected in found(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The club paid 5 million pounds for him.",  # pounds of money, no unit of weight
    ],
)
def test_no_unit_of_weight_where_none_is_meant(sentence):
    """Thirty-second round (issue 6), the other side of the line."""
    assert not [text for kind, text in found(sentence) if kind == "quantity"]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("She coined a name for the process: fission.", ["fission"]),
        ("He found a word for the effect: magnetostriction.", ["magnetostriction"]),
        ("He had a name for the team: Wolves.", []),  # a name, left to find_mentions
    ],
)
def test_a_term_after_a_word_for_the_thing_and_a_colon(sentence, expected):
    """Thirty-second round (issue 6): "a name for the process: {fission}" as "a word for it: …"."""
    assert [term.text for term in find_terms(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Inside a cloud, soft pellets of rime ice called graupel exist side by side with droplets.", ["graupel"]),
        ("A flash usually contains three or four strokes.", ["flash"]),
        ("A pulsar mostly consists of neutrons.", ["pulsar"]),
        # the other side of the line: a noun in "-ly" and a noun that is no verb stay in the term
        ("Workers feed the larvae a secretion called royal jelly.", ["royal jelly"]),
        ("The town drew on a source called the spring supply.", ["spring supply"]),
        ("Farmers used a method called crop rotation for centuries.", ["crop rotation"]),
    ],
)
def test_a_term_ends_before_a_verb_and_never_with_an_adverb(sentence, expected):
    """Thirty-third round (issue 6): "called {graupel} exist side by side", "A {flash} usually contains …"."""
    assert [term.text for term in find_terms(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("In 1910 the Great Flood of Paris closed the Louvre.", [("year", "1910"), ("name", "Great Flood of Paris"), ("name", "Louvre")]),
        ("The Great Fire of London began in a bakery.", [("name", "Great Fire of London")]),
        # the other side of the line: a person and where he comes from
        ("Derek Ibbotson of Britain won the race.", [("name", "Derek Ibbotson"), ("place", "Britain")]),
    ],
)
def test_an_event_and_the_place_it_is_of_are_one_name(sentence, expected):
    """Thirty-fourth round (issue 6): "Great Flood of Paris" was "Great Flood" and "Paris"."""
    assert found(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("About 200 houses burned, along with St. Mary's, the Guildhall and the Exchange.", ("place", "St. Mary's")),
        ("St Paul's was rebuilt by Christopher Wren.", ("place", "St Paul's")),
        # the other side of the line: a thing of the saint's, and a possessive that goes on into a name
        ("St. Paul's letters were copied in Rome.", ("person", "St. Paul")),
        ("St. Paul's Cathedral burned in 1666.", ("place", "St. Paul's Cathedral")),
    ],
)
def test_a_church_named_by_its_saint_in_the_possessive_is_one_name(sentence, expected):
    """Thirty-fourth round (issue 6): "along with {St. Mary}'s, the Guildhall" cut the church's name."""
    assert expected in found(sentence)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The field reaches about 3 million volts per metre.", "about 3 million volts per metre"),
        ("The car did 40 miles per gallon.", "40 miles per gallon"),
        ("Sound travels at 300 metres a second.", "300 metres a second"),
        ("The river rose 3 metres per hour.", "3 metres per hour"),
        # the other side of the line: "per" before what is no unit stays out of the quantity
        ("The town had 3 metres per house.", "3 metres"),
    ],
)
def test_a_rate_keeps_the_unit_it_is_counted_in(sentence, expected):
    """Thirty-fourth round (issue 6): "{about 3 million volts} per metre" cut the rate short."""
    assert ("quantity", expected) in found(sentence)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The tower cost 7.8 million francs to build.", "7.8 million francs"),
        ("The bridge cost 3 billion yen.", "3 billion yen"),
        ("The tunnel cost 40 million Swiss francs.", "40 million Swiss francs"),
        ("The bell cost 900 guilders.", "900 guilders"),
        ("The council paid 900 Dutch guilders.", "900 Dutch guilders"),
        ("The ship carried 8 Spanish dollars a man.", "8 Spanish dollars"),
        ("The ferry charged a 50 shilling fee.", "50 shilling"),
        ("The ticket cost 1 euro.", "1 euro"),
        ("The dam cost 49 million dollars.", "49 million dollars"),
    ],
)
def test_an_amount_in_a_named_currency_is_money(sentence, expected):
    """Thirty-fifth round (issue 6): "40 million Swiss francs", "900 guilders" were counts without their currency."""
    assert ("money", expected) in found(sentence)


@pytest.mark.parametrize("sentence", ["The index passed the 1,000 mark in 1972.", "Each sack held a 50 pound load."])
def test_a_singular_mark_or_pound_is_no_money(sentence):
    """The other side of the line: a milestone or a weight, not a currency."""
    assert not any(kind == "money" for kind, _ in found(sentence))


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The Carpathia sailed some 58 nautical miles to the wreck.", "some 58 nautical miles"),
        ("The Olympic was 882 feet 9 inches long.", "882 feet 9 inches"),
    ],
)
def test_a_length_keeps_all_its_units(sentence, expected):
    """Thirty-sixth round (issue 6): "{some 58} nautical miles" lost its unit, "{882 feet} 9 inches" half its length."""
    assert ("quantity", expected) in found(sentence)


def test_a_length_in_feet_alone_stays_whole():
    """The other side of the line: feet with no inches after them, and miles with no "nautical"."""
    assert ("quantity", "882 feet") in found("The Olympic was 882 feet long in 1911.")
    assert ("quantity", "58 miles") in found("The Carpathia sailed 58 miles to the wreck.")


# Thirty-eighth round (issue 6, part A): names cut wrong or run together, and answers not found, in shapes the
# lead saw on unseen articles (the sentences here are invented).
@pytest.mark.parametrize(
    "sentence, context, expected",
    [
        ("By then Ellis had left Queen's.", (), ("name", "Queen's")),
        ("In 1921 she wrote an account of the flood for Harper's magazine.", (), ("name", "Harper's")),
        ("He was given the People's Honour Award.", (), ("name", "People's Honour Award")),
    ],
)
def test_a_possessive_that_is_part_of_the_name_stays_in_it(sentence, context, expected):
    """A name the document writes only with "'s" is called by its possessive ("{Queen}'s", "{Harper}'s
    magazine" were cut), and a possessive goes on into a prize's name as into an organisation's."""
    assert expected in found(sentence, *context)


@pytest.mark.parametrize(
    "sentence, context, expected",
    [
        ("The idea was Franklin's.", ("Rosalind Franklin worked in London.",), ("person", "Franklin")),
        ("Ellen's letters survive.", (), ("name", "Ellen")),  # a first name: someone's letters
        ("Ranieri was named FIFA's coach of the year.", (), ("organisation", "FIFA")),  # an acronym
        ("The firm sold Kelco's phones in 2012.", ("They worked for Kelco.",), ("name", "Kelco")),  # written alone too
        ("Reyes's Nobel Prize came in 1990.", ("Tom Reyes won prizes.",), ("person", "Reyes")),  # a known person's prize
    ],
)
def test_a_possessive_of_a_person_or_of_a_name_written_alone_stays_outside_it(sentence, context, expected):
    """The other side of the line."""
    assert expected in found(sentence, *context)


def test_a_town_upon_a_river_is_one_name():
    assert found("He settled in Newcastle upon Tyne in 1950.") == [("place", "Newcastle upon Tyne"), ("year", "1950")]
    assert found("The Germans fell upon Paris.")[-1] == ("place", "Paris")  # not after a name of its own


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("She earned a Ph.D. from Leeds in 1948.", [("place", "Leeds"), ("year", "1948")]),
        ("Later she took an M.Sc. at Bristol and a B.A. in London.", [("place", "Bristol"), ("place", "London")]),
        ("Tom Reyes, M.D., signed it.", [("person", "Tom Reyes")]),
    ],
)
def test_an_academic_degree_is_no_name(sentence, expected):
    """"Ph" and "D." were taken for names."""
    assert found(sentence) == expected


def test_the_surname_of_a_person_the_document_names_in_full_is_no_part_of_the_name_after_it():
    """"Harris showed {Green Plate 12}" was one name beside Thomas Green."""
    context = ("Thomas Green was a chemist.",)
    assert found("In 1950 Harris showed Green Plate 12 without her knowledge.", *context)[-2:] == [("person", "Green"), ("name", "Plate 12")]
    # the other side of the line: a place called after him, a name where no Green is named, a score
    assert found("They walked in Green Park.", *context) == [("place", "Green Park")]
    assert found("In 1950 Harris showed Green Plate 12 without her knowledge.")[-1] == ("name", "Green Plate 12")
    assert ("name", "Mahrez 17") in found("Vardy scored 24 league goals and Mahrez 17.", "Riyad Mahrez played.")


def test_a_hyphenated_adjective_is_no_part_of_the_name_after_it():
    assert found("The American-run Canal Zone was a grievance.") == [("name", "Canal Zone")]
    assert found("In 1662 the Irish-born chemist Robert Boyle published it.") == [("year", "1662"), ("person", "Robert Boyle")]
    assert found("Joseph Gay-Lussac measured it.") == [("person", "Joseph Gay-Lussac")]  # a name on both sides


def test_the_last_word_of_a_longer_name_is_no_name_alone_after_an_article():
    """"at a {Zone} high school" where the document says "Canal Zone" first."""
    context = ("The Canal Zone was a strip of land.",)
    assert found("Many pupils studied at a Zone high school.", *context) == []
    assert found("The Zone had two payrolls.", *context) == [("count", "two")]
    # the other side of the line: a name the document uses alone before the longer one ("Fort Yukon")
    context = ("Gold was found in the Yukon.", "Traders went to Fort Yukon.")
    assert [text for _, text in found("The river froze in the Yukon.", *context)] == ["Yukon"]


def test_a_preposition_opening_a_sentence_is_no_part_of_the_name_after_it():
    assert found("Near Oakdale, the old mill collapsed.") == [("place", "Oakdale")]
    assert found("Outside Leeds the road ended.") == [("place", "Leeds")]
    # the other side of the line: a name the document writes with the word inside sentences too
    assert found("Near East markets bought wool.", "Trade with the Near East grew.") == [("name", "Near East")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The quake reached about magnitude 9.2 in 1964.", "about magnitude 9.2"),
        ("A magnitude 7.9 earthquake struck the city.", "magnitude 7.9"),
        ("Hurricane Ada was a Category 5 storm.", "Category 5"),
        ("The jet flew at Mach 2 over the sea.", "Mach 2"),
    ],
)
def test_a_reading_on_a_scale_whose_unit_comes_first_is_a_quantity_with_its_unit(sentence, expected):
    """"magnitude {7.9}" lost its unit; "Category 5" and "Mach 2" were names like "Apollo 14"."""
    assert ("quantity", expected) in found(sentence)


def test_a_measure_of_magnitude_and_a_numbered_name_stay_as_they_were():
    """The other side of the line."""
    assert ("quantity", "6.9") in found("The Loma Prieta had a magnitude of 6.9 and killed 63 people.")
    assert ("organisation", "Task Force 16") in found("The carriers sailed as Task Force 16 under Ada Brand.")


def test_a_title_after_published_or_after_its_kind_and_a_possessive_author_is_a_work():
    context = ("Jane Doe wrote novels.",)
    assert found("She published The Quiet Shore in 1980.", *context)[0] == ("work", "The Quiet Shore")
    assert ("work", "The Long Road Home") in found("Jane Doe's book The Long Road Home, published in 1977, sold well.", *context)
    # the other side of the line: a journal something is published in, a name with no article after "published"
    assert ("work", "Nature") not in found("The paper was published in Nature in 1953.")
    assert ("work", "Harbour Lights") not in found("In 1985 Doe published Harbour Lights, a book about fishermen.", *context)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Brig. Gen. Harold Moss, acting commander of the division, marched troops into the city.", [("person", "Harold Moss")]),
        ("In 1944 Brig. Okafor Reyes took the town.", [("year", "1944"), ("person", "Okafor Reyes")]),
        ("In 1944 Cmdr. Okafor Reyes took the town.", [("year", "1944"), ("person", "Okafor Reyes")]),
    ],
)
def test_an_abbreviated_rank_says_a_person_and_stays_outside_the_name(sentence, expected):
    """"Brig." and "Cmdr." were names of their own, and the name after them of unknown kind."""
    assert found(sentence) == expected


def cloze_answers(text: str, title: str) -> set[str]:
    """The answers of the cards the rules engine makes of `text`, for the shapes whose card is the point."""
    document = DocumentText(title, "notes.txt", text, ((0, len(text)),))
    return {suggestion.answer for suggestion in RulesEngine().suggest(document, cards_per_1000_words=1000)}


def test_a_reading_of_two_numbers_is_one_quantity():
    """Round 39 (issue 6), part A: "about 120 {over 80 millimetres} of mercury" asked half a blood pressure,
    its "over" taken for "more than"."""
    assert found("A healthy reading is about 120 over 80 millimetres of mercury (mmHg).") == [("quantity", "about 120 over 80 millimetres")]
    assert found("Doctors call 140 over 90 high.") == [("quantity", "140 over 90")]
    text = "Blood pressure is measured with a cuff. A healthy reading in an adult is about 120 over 80 millimetres of mercury (mmHg)."
    assert "about 120 over 80 millimetres" in cloze_answers(text, "Blood pressure")
    # the other side of the line: "over" before a span of time is no reading
    assert found("The town grew by 40 over 10 years.") == [("duration", "over 10 years")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The city was founded in 753 BC by settlers.", [("year", "753 BC")]),
        ("The emperor died in AD 14 at Nola.", [("year", "AD 14"), ("place", "Nola")]),
        ("The temple was built around 500 B.C.E. on the hill.", [("year", "500 B.C.E.")]),
        ("Ptolemy worked in Alexandria in the 2nd century CE.", [("place", "Alexandria"), ("date", "2nd century CE")]),
        (
            "The Greek physician Galen, writing in the second century A.D., taught that blood was made in the liver.",
            [("name", "Greek"), ("person", "Galen"), ("date", "second century A.D."), ("term", "liver")],  # round 50C: where a thing is made is a term
        ),
    ],
)
def test_an_era_marker_is_no_name_and_belongs_to_its_year_or_century(sentence, expected):
    """Round 39 (issue 6), part A: "A.D.", "BC", "CE" were organisations by their capitals ("the second
    century {A.D.}"), and "AD 14" a name like "Apollo 14"."""
    assert found(sentence) == expected


def test_a_century_with_its_era_is_asked_whole_and_an_acronym_stays_a_name():
    text = "Galen of Pergamon was a physician. Galen, writing in the second century A.D., taught that blood was made in the liver."
    answers = cloze_answers(text, "Galen")
    assert "second century A.D." in answers and "A.D." not in answers
    # the other side of the line: capitals that are no era still name an organisation
    assert found("The BBC sent a crew in 1936.") == [("organisation", "BBC"), ("year", "1936")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Her memoir, Narrative of the Life of Ann Lee, a Weaver, Written by Herself, was published in 1845.",
            [("work", "Narrative of the Life of Ann Lee, a Weaver, Written by Herself"), ("year", "1845")],
        ),
        (  # no work noun before it: the part saying who wrote it makes it a title
            "Narrative of the Life of Ann Lee, a Weaver, Written by Herself, was published in 1845.",
            [("work", "Narrative of the Life of Ann Lee, a Weaver, Written by Herself"), ("year", "1845")],
        ),
        ("His book, The Story of a Sailor, Told by Himself, sold well in 1850.", [("work", "The Story of a Sailor, Told by Himself"), ("year", "1850")]),
        ("Ann Lee's book, Letters from Lowell, came out in 1860.", [("person", "Ann Lee"), ("work", "Letters from Lowell"), ("year", "1860")]),
    ],
)
def test_a_long_title_with_commas_is_one_work(sentence, expected):
    """Round 39 (issue 6), part A: the title was cut at its commas into names, "{Written}" and "{Herself}"
    among them."""
    assert found(sentence) == expected


def test_the_words_of_a_long_title_are_no_names_alone_and_a_comma_after_a_work_noun_needs_a_title():
    text = "Ann Lee was a weaver from Lowell. Her memoir, Narrative of the Life of Ann Lee, a Weaver, Written by Herself, was published in 1845."
    answers = cloze_answers(text, "Ann Lee")
    assert "1845" in answers and not answers & {"Written", "Herself", "Weaver"}
    # the other side of the line: a character or a subject after a preposition, a list after a plural, a speaker
    assert found("In the novel, Elizabeth Bennet rejects Darcy.") == [("person", "Elizabeth Bennet"), ("name", "Darcy")]
    assert found("In his memoir, Grant, who had led the army, described the war.") == [("name", "Grant")]
    assert ("work", "Emma, Persuasion") not in found("Her novels, Emma, Persuasion, and Sense and Sensibility, were popular.")
    assert found("Her memoir, Ann Lee said, was honest.") == [("person", "Ann Lee")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("This electrical pulse starts in a small knot of cells, the sinoatrial node, in the wall of the right atrium.", ["sinoatrial node"]),
        ("A heart attack, or myocardial infarction, happens when blood stops flowing.", ["myocardial infarction"]),
        ("The Baikal seal, or nerpa, lives only in the lake.", ["nerpa"]),
        # the sentence names its term: the subject it opens with is what the term describes, no term of its own
        ("The flaw was a kind of blurring known as spherical aberration.", ["spherical aberration"]),
        # the other side of the line: no name after "or", the last of a list, a judgement after a description
        ("The crowd held a man, or a woman, who had stolen bread.", []),
        ("She ate apples, pears, or plums, and drank water.", []),
        ("He drank a cup of tea, the best drink, at noon.", []),
        ("He drank a cup of tea, the first of the day, at noon.", []),
    ],
)
def test_a_term_after_a_description_of_its_kind_or_after_or_between_commas(sentence, expected):
    """Round 39 (issue 6), part A: an apposition naming a term ("a small knot of cells, the {sinoatrial node},")
    and another name of several words ("A heart attack, or {myocardial infarction},") were missed; "The {flaw}
    was a kind of blurring known as …" was taken for a term the sentence defines."""
    assert [term.text for term in find_terms(sentence)] == expected


def test_a_technical_name_after_or_makes_its_card():
    text = "The Heart pumps blood. A heart attack, or myocardial infarction, happens when blood stops flowing to part of the heart muscle."
    assert "myocardial infarction" in cloze_answers(text, "The Heart")


# Forty-first round, part B (issue 6): names, times and units the mention finder missed or cut: a time of day, names
# with lower-case words inside ("Theater an der Wien", "Missa solemnis", "Federal Republic of Germany") or run on into
# what follows ("Akira Tanaka of the Japanese …"), a unit symbol taken for a name ("100 Wh"), and the words for the
# people of a divided country ("West German").


def test_a_time_of_day_is_found_and_stays_apart_from_its_date():
    """Forty-first round, part B: "at about 11:30 p.m." and "at 14:00" were no mention, and "at 5:12 a.m." beside its
    date gave the date alone."""
    assert found("Ada Brand opened the gate at about 11:30 p.m., with no orders.") == [("person", "Ada Brand"), ("time", "about 11:30 p.m.")]
    assert found("The first shock struck Riverton at 5:12 a.m. on 18 April 1906.") == [("name", "Riverton"), ("time", "5:12 a.m."), ("date", "18 April 1906")]
    assert ("time", "nine o'clock") in found("The bells of Riverton rang at nine o'clock every morning.")
    assert ("time", "9 a.m.") in found("Shops in Hull open at 9 a.m. every day.")  # a time alone, of a schedule
    assert ("time", "11.30 am") in found("Ada Brand reached the summit at 11.30 am on 3 May 1921.")
    assert found("The Kestrel left Leeds at 14:00 on 3 May 1921.")[2:] == [("time", "14:00"), ("date", "3 May 1921")]
    # the other side of the line: a bare hour, a race time, a train, and hours and minutes on a 12-hour clock with no
    # "a.m." or "p.m."
    assert found("Ada Brand began the talk at 11 and ended late.") == [("person", "Ada Brand")]
    assert found("Ada Brand ran the mile in 3:59.4 in 1954.") == [("person", "Ada Brand"), ("year", "1954")]
    assert not any(kind == "time" for kind, _ in found("Ada Brand took the 3:10 train to Leeds in 1954."))
    assert found("At 10:45, 12 ships left the harbour.") == [("count", "12")]


def test_a_name_keeps_its_particles_its_latin_words_and_the_country_of_its_state():
    """Forty-first round, part B: "the {{Theater}} an {{der Wien}}", "the {{Missa}} solemnis" and "the {{Federal
    Republic}} of Germany" asked parts of names."""
    assert ("name", "Theater an der Wien") in found("Crowds gathered in the Theater an der Wien in 1805.")
    assert ("work", "Missa solemnis") in found("Tom Reyes wrote the Missa solemnis in 1823.")
    assert ("work", "Stabat mater dolorosa") in found("Ada Brand sang the Stabat mater dolorosa in Leeds in 1921.")
    assert ("name", "Federal Republic of Germany") in found("In 1990 the Federal Republic of Germany absorbed its neighbour.")
    assert ("name", "Grand Duchy of Luxembourg") in found("In 1990 the Grand Duchy of Luxembourg joined the Kestrel scheme.")
    # the other side of the line: "an" before a name is the article, a verb ends a Latin title, a person of a country
    assert found("Tom Reyes gave Ada Brand an Oscar in 1990.")[:3] == [("person", "Tom Reyes"), ("person", "Ada Brand"), ("name", "Oscar")]
    assert ("work", "Missa solemnis") in found("The Missa solemnis premiered in Vienna in 1824.")
    assert found("Derek Ibbotson of Britain ran the mile in 1957.")[:2] == [("name", "Derek Ibbotson"), ("place", "Britain")]


def test_a_whole_name_with_lower_case_words_is_the_answer():
    text = "In 1990 the Federal Republic of Germany absorbed its neighbour. Crowds gathered in the Theater an der Wien in 1805."
    answers = cloze_answers(text, "Notes")
    assert {"Federal Republic of Germany", "Theater an der Wien"} <= answers
    assert not answers & {"Federal Republic", "Theater", "der Wien"}


def test_a_name_stops_before_of_the_and_a_word_for_a_people():
    """Forty-first round, part B: "{{Akira Tanaka of the Japanese}} chemical company …" ran a person's name on."""
    assert found("Akira Tanaka of the Japanese chemical company Kasei Corp replaced Tom Reyes in 1990.")[:3] == [
        ("name", "Akira Tanaka"),
        ("name", "Japanese"),
        ("organisation", "Kasei Corp"),
    ]
    assert found("Akira Tanaka of the West German firm Kestrel Works died in 1990.")[:2] == [("name", "Akira Tanaka"), ("name", "West German")]
    assert found("Akira Tanaka of the Finnish firm Kestrel Works died in 1990.")[:2] == [("name", "Akira Tanaka"), ("name", "Finnish")]
    # the other side of the line: a people's word that begins a name goes on with it
    assert ("organisation", "Museum of the American Indian") in found("Ada Brand worked at the Museum of the American Indian in 1990.")


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Airlines allow spare batteries of up to 100 Wh in hand luggage.", [("quantity", "up to 100 Wh")]),
        ("The Kestrel car has an 85 kWh pack.", [("name", "Kestrel"), ("quantity", "85 kWh")]),
        ("The Kestrel phone holds a 4,000 mAh cell.", [("name", "Kestrel"), ("quantity", "4,000 mAh")]),
        ("The Kestrel line carries 400 kV across the valley.", [("name", "Kestrel"), ("quantity", "400 kV")]),
        ("The Kestrel dam stores 2 GWh of energy.", [("name", "Kestrel"), ("quantity", "2 GWh")]),
    ],
)
def test_a_unit_symbol_is_part_of_its_quantity_and_no_name(sentence, expected):
    """Forty-first round, part B: "{{Wh}}" was asked as a name; "85 kWh", "4,000 mAh" and "400 kV" were no quantity."""
    assert found(sentence) == expected


def test_the_word_for_the_people_of_a_divided_country_is_no_person():
    """Forty-first round, part B: "surrounded by East German territory" made "East German" a person."""
    assert found("The city was surrounded by East German territory.") == [("name", "East German")]
    assert found("About 600 East Germans crossed the border in August 1989.") == [("name", "East Germans"), ("date", "August 1989")]


# Fortieth round, part B (issue 6): a term after a description of its kind and of where it lies, with its short
# form in brackets inside it ("a small knot of tissue in the wall of the right atrium, the sinoatrial (SA) node.").


def test_a_term_after_where_its_description_lies_and_with_its_short_form_inside():
    """The term is found without its short form, which the card asking it leaves out (its initials would spell it)."""
    assert [term.text for term in find_terms("Each beat starts in a small knot of tissue in the wall of the right atrium, the sinoatrial (SA) node.")] == ["sinoatrial node"]
    assert [term.text for term in find_terms("Each beat starts in a small knot of cells, the sinoatrial (SA) node, in the wall of the heart.")] == ["sinoatrial node"]
    text = "The Heart pumps blood. Each beat starts in a small knot of tissue in the wall of the right atrium, the sinoatrial (SA) node."
    fronts = {suggestion.front for suggestion in RulesEngine().suggest(DocumentText("The Heart", "notes.txt", text, ((0, len(text)),)), cards_per_1000_words=1000)}
    assert "(Heart) Each beat starts in a small knot of tissue in the wall of the right atrium, the {{c1::sinoatrial node}}." in fronts
    # the other side of the line: a judgement after where the description lies, a clause between them
    assert find_terms("He drank a cup of tea in the garden of the inn, the best drink.") == []
    assert find_terms("He drank a cup of tea, which was cold, the first drink.") == []


# Forty-third round, part C (issue 6): a "he" after a person's relative ("Rowan Ashby's father …, and he died …") is no
# evidence of that person's gender; a "he" after the person's own thing still is.


def test_a_pronoun_after_a_persons_relative_says_nothing_of_the_persons_gender():
    engineer = "The engineer Rowan Ashby was born in Leeds."
    father = NameBook.from_texts([engineer, "Rowan Ashby's father was a miner, and he died in 1880."])
    assert father.gender("Rowan Ashby") is None
    design = NameBook.from_texts([engineer, "Rowan Ashby's design won the prize, and he became famous."])
    assert design.gender("Rowan Ashby") is Gender.MALE

# Forty-third round, part A (issue 6): a list of kinds after a plural is no description that makes it a term.


def test_a_list_of_kinds_after_a_plural_is_no_description_of_a_term():
    """"two cameras, a narrow-angle and a wide-angle one" lists kinds of camera: "cameras" is no term; "the thymus, a small
    organ …" still is."""
    assert not find_terms("Each probe carried eleven instruments, among them two cameras, a narrow-angle and a wide-angle one.")
    assert "thymus" in {term.text for term in find_terms("The cells mature in the thymus, a small organ behind the breastbone.")}

# Forty-third round, part B (issue 6): a word for a man or a woman just before a name says that person's gender, so a
# "his" beside "the actress Yoko Mori" has one man to stand for.
def test_a_word_for_a_man_or_a_woman_before_a_name_gives_its_gender():
    book = NameBook.from_texts(["In 1945 Ken Ito married the actress Yoko Mori.", "His son Kenji Ito was born in 1947."])
    assert book.gender("Yoko Mori") is Gender.FEMALE
    assert book.gender("Kenji Ito") is Gender.MALE
    # the other side of the line: a role that says nothing of the gender, and an unknown first name alone
    assert NameBook.from_texts(["In 1945 Ken Ito married the painter Yoko Mori."]).gender("Yoko Mori") is None
    assert NameBook.from_texts(["In 1945 Yoko Mori moved to Kyoto."]).gender("Yoko Mori") is None

# Forty-fourth round, part B (issue 6): mentions the engine did not see. A year of two or three digits in a document
# that dates by an era, a full date with such a year, a day of a month without its year and an age.
_DATED_BY_AN_ERA = "The town of Odda was founded in 120 BC."


@pytest.mark.parametrize(
    "sentence, years",
    [
        ("Games were held in the hall until 498, under the king Odvar.", ["498"]),
        ("Carus Vane became king in 64 and added a tower.", ["64"]),
        ("From 64 to 68 the tower was rebuilt.", ["64", "68"]),
        ("By 300 the town had a stone wall.", ["300"]),
    ],
)
def test_a_year_of_two_or_three_digits_after_a_year_cue_in_a_document_dated_by_an_era(sentence, years):
    """The document dates its events by an era elsewhere ("120 BC"), so a bare "until 498" is a year; in a document
    with no era the same number is none."""
    assert [text for kind, text in found(sentence, _DATED_BY_AN_ERA) if kind == "year"] == years
    assert not [text for kind, text in found(sentence) if kind == "year"]


def test_a_number_that_counts_something_is_no_year_of_two_or_three_digits():
    """The other side of the line, in a document dated by an era: a number before the noun it counts, a time of day, a
    share, an amount, a count of what follows "of", and a number after no year cue."""
    assert ("year", "498") in found("Games were held in the hall until 498.", _DATED_BY_AN_ERA)
    for sentence in (
        "The army of Odda fought in 498 battles.",
        "The guards of Odda stayed until 12 noon.",
        "In Odda one in 10 died.",
        "The garrison of Odda grew by 30.",
        "Odvar won in 12 of the games.",
        "Odvar kept 64 horses.",
    ):
        assert not [text for kind, text in found(sentence, _DATED_BY_AN_ERA) if kind == "year"], sentence


def test_a_full_date_is_a_date_whatever_the_digits_of_its_year():
    assert ("date", "9 March 112") in found("The builder died in Capua on 9 March 112.")
    assert ("date", "March 9, 112") in found("The builder died in Capua on March 9, 112.")
    # the other side of the line: a number the noun after it counts is no year of the date
    assert found("On 3 March 45 soldiers died in Capua.") == [("date", "3 March"), ("count", "45"), ("place", "Capua")]


def test_a_day_of_a_month_without_its_year_is_a_date():
    assert found("On 12 April two divers reached the lower cave.") == [("date", "12 April"), ("count", "two")]
    assert found("On June 14, two divers reached the lower cave.") == [("date", "June 14"), ("count", "two")]
    assert ("date", "14th of June") in found("The divers came back on the 14th of June.")
    # the other side of the line: a month alone, "May" the name, "March" the verb, and days listed before the comma
    assert found("In May the divers returned to the lower cave.") == []
    assert not [text for kind, text in found("The singer May Lind saw 12 soldiers March past the lower cave.") if kind == "date"]
    assert found("On June 5, 6 and 7 it rained.") == []


@pytest.mark.parametrize(
    "sentence, age",
    [
        ("She died in Lyon on 3 March 1990, aged 81.", "81"),
        ("In 1902, at the age of 31, she decided to sculpt.", "31"),
        ("Ada Brand died in Leeds in 1950, aged forty-two.", "forty-two"),
        ("Tom Reyes retired at age 65.", "65"),
        ("Tom Reyes died in Leeds, aged about 60.", "about 60"),
    ],
)
def test_an_age_is_a_mention_of_its_own(sentence, age):
    assert ("age", age) in found(sentence)


def test_a_number_of_years_is_no_age():
    """The other side of the line: a duration, and a number with no "aged" or "age of" before it."""
    assert ("age", "seven") in found("At the age of seven she moved to Leeds.")
    assert found("The wine was kept in Leeds for 12 years.") == [("place", "Leeds"), ("duration", "12 years")]
    assert not [text for kind, text in found("Tom Reyes was 31 when he moved to Leeds.") if kind == "age"]


# Forty-fifth round, part B (issue 6): the expansion before a short form, compound units, and the term a ranked
# subject names. Each test holds the other side of its line.


def test_the_expansion_before_a_short_form_is_the_words_its_initials_spell():
    """Not "solid boundary", cut at "film": the short form says where the term begins and ends; not words whose
    initials do not spell it, nor a name (a capitalised word inside the sentence)."""
    sentence = "During the first charges a thin layer called the solid boundary film (SBF) forms on the anode."
    assert ("term", "solid boundary film") in found(sentence)
    assert ("term", "Sodium nickel oxide") in found("Sodium nickel oxide (SNO) stores a lot of energy and is used in clocks.")
    assert ("term", "battery management system") in found("Every pack is watched over by a battery management system (BMS), electronics that keep every cell safe.")
    assert not _terms("Each cell sits in a steel case (SBF) on the floor.")
    assert not _terms("In 1950 the Federal Housing Agency (FHA) approved the loans.")


@pytest.mark.parametrize(
    "sentence, quantity",
    [
        ("Sodium cells store around 150 watt-hours per kilogram.", "around 150 watt-hours per kilogram"),
        ("The Kestrel pack holds 60 kilowatt-hours.", "60 kilowatt-hours"),
        ("A phone cell holds 4,000 milliampere-hours.", "4,000 milliampere-hours"),
        ("The best cells reach 250 watt-hours per litre.", "250 watt-hours per litre"),
    ],
)
def test_a_compound_unit_is_one_quantity(sentence, quantity):
    assert ("quantity", quantity) in found(sentence)
    # the other side of the line: "watts" alone, and "volts" before "per" and a word that is no unit
    assert ("quantity", "40 watts") in found("The lamp draws 40 watts.")
    assert ("quantity", "3.7 volts") in found("Each cell gives 3.7 volts per cell.")


def _terms(sentence: str, *context: str) -> list[str]:
    return [text for kind, text in found(sentence, *context) if kind == "term"]


def test_a_ranked_subject_names_a_term_the_document_is_about():
    """Not a word the document uses once, or only to describe ("was empty", "an empty room", "very empty"), a subject
    that leans ("The main problem") or has "of", a complement with a pronoun, nor one of four words."""
    assert _terms("The most serious danger is thermal runaway.", "Once thermal runaway starts, a cell heats itself.") == ["thermal runaway"]
    assert _terms("The main light-absorbing pigment is chlorophyll.", "Leaves make chlorophyll in spring.") == ["chlorophyll"]
    assert _terms("The most serious danger is thermal runaway.", "Cells store energy in lithium.") == []
    assert _terms("The main hall was empty.", "An empty room is cold.", "By 1900 the hall was empty.", "It stood very empty.") == []
    assert _terms("The main problem was money.", "Money came from the king.") == []
    assert _terms("The main hall of the palace was empty.", "Empty, it decayed.") == []
    assert _terms("The main danger was its heat.", "Its heat rose.") == []
    assert _terms("The main danger is slow thermal cell runaway.", "Slow thermal cell runaway starts.") == []

# Forty-fifth round, part A (issue 6): a lower-case name given in quotation marks before the noun it names is a term,
# and its marks set off no one's words.


def test_a_quoted_name_given_before_its_noun_is_a_term():
    sentence = 'Because the ions shuttle back and forth, the cell is sometimes nicknamed the "seesaw" battery.'
    assert [term.text for term in find_terms(sentence)] == ["seesaw"]
    assert ("term", "seesaw") in found(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        'The porters were called "mules" by the miners.',  # no noun after the quotation: what someone said of them
        'In 1962 Ada Brand called the "seesaw" battery a failure.',  # someone called it so, the sentence names nothing
        'The cell is nicknamed the "seesaw" and sold in Leeds.',  # no noun after the quotation
    ],
)
def test_a_quoted_word_with_no_noun_after_it_or_said_by_someone_is_no_term(sentence):
    assert find_terms('The cell is nicknamed the "seesaw" battery.')  # the line's other side
    assert find_terms(sentence) == []

# Forty-fifth round, part C (issue 6): a count in words above ten that opens its sentence, and a count whose noun follows
# a word for a people.


def test_a_count_in_words_above_ten_may_open_the_sentence():
    assert ("count", "Eleven") in found("Eleven boring machines dug the tunnel, some from each side.")
    assert ("count", "Twenty") in found("Twenty divers reached the lower cave.")
    # the other side of the line: a few things the sentences after name one by one, and a count of time
    assert not [text for kind, text in found("Two rail tunnels carry the trains.") if kind == "count"]
    assert not [text for kind, text in found("Three kinds of trains use the tunnel.") if kind == "count"]
    assert not [text for kind, text in found("Eleven years later the divers came back.") if kind == "count"]


def test_a_word_for_a_people_may_stand_between_a_count_and_its_noun():
    assert ("count", "some 80,000") in found("The crash ruined some 80,000 Dutch savers.")
    # the other side of the line: a people with no noun after it, and money in a people's currency
    assert not [text for kind, text in found("The army counted 80,000 French at the gates.") if kind == "count"]
    assert found("He paid 8 Spanish dollars for it.") == [("money", "8 Spanish dollars")]


# Forty-sixth round, part B (issue 6): a count before a plural with no "s".


def test_a_count_may_stand_before_a_plural_with_no_s():
    assert ("count", "108") in found("Early on June 4, Admiral Kito launched 108 aircraft against the atoll.")
    assert ("count", "4,000") in found("The ranch grazed 4,000 cattle on the hills.")
    # the other side of the line: a year before the noun, and a number with a unit
    assert not [text for kind, text in found("In 1919 aircraft carried the mail.") if kind == "count"]
    assert not [text for kind, text in found("The aircraft carried 12 tonnes of mail.") if kind == "count"]


# The lead's fixes after the seventh held-out set's first look (issue 6): a woman known by her second given name, and
# names that are no person's.


def test_a_later_given_name_the_lexicon_knows_says_the_gender():
    book = NameBook.from_texts(["Amalie Ruth Vane was born in Leeds in 1882.", "In 1907 Vane studied under Paul Gordan."])
    assert book.gender("Amalie Ruth Vane") is Gender.FEMALE
    assert book.gender("Paul Gordan") is Gender.MALE


def test_a_programme_named_after_a_person_is_no_person():
    text = "The Tarn Foundation funds young scientists through its Ruth Vane Programme."
    kinds = {m.text: m.kind for m in find_mentions(text, NameBook.from_texts([text]))}
    assert kinds.get("Ruth Vane Programme") is not MentionKind.PERSON


def test_besides_opening_a_sentence_is_no_name():
    text = "Besides Vanean rings, mathematicians speak of Vanean modules."
    assert not any(m.text.startswith("Besides") for m in find_mentions(text, NameBook.from_texts([text])))


# The lead's review of the ninth held-out set's first look (issue 6): a nationality before a person's name had been asked with it.
@pytest.mark.parametrize(
    ("text", "person", "whole"),
    [
        ("Tom Vane won the doubles with the Danish Peter Lund.", "Peter Lund", None),
        ("The French Foreign Legion was founded in 1831.", None, "French Foreign Legion"),  # no first name: one name
        ("The Danish Ruth Vane Programme funds young scientists.", None, "Danish Ruth Vane Programme"),
    ],
)
def test_a_nationality_before_a_persons_name_is_no_part_of_it(text, person, whole):
    kinds = {m.text: m.kind for m in find_mentions(text, NameBook.from_texts([text]))}
    if person:
        assert kinds.get(person) is MentionKind.PERSON and not any(name.startswith("Danish") for name in kinds)
    else:
        assert whole in kinds


def test_an_organisation_for_the_something_is_one_name():
    text = "Tom Vane persuaded the Northern Association for the Study of Rivers to help."
    mentions = find_mentions(text, NameBook.from_texts([text]))
    assert [(m.text, m.kind) for m in mentions if m.kind is not MentionKind.PERSON] == [
        ("Northern Association for the Study of Rivers", MentionKind.ORGANISATION)
    ]
    studio = "In 1975 Tom Vane made a film in the Soviet Union for the Mosfilm studio."  # no "of" after: two names
    assert {"Soviet Union", "Mosfilm"} <= {m.text for m in find_mentions(studio, NameBook.from_texts([studio]))}

# Forty-ninth round, part B (issue 6): which person a pronoun stands for, and each person's gender.


def test_a_pronoun_after_a_name_that_may_be_a_persons_is_no_evidence_of_the_gender_before_it():
    married = "The engineer Rao Tan married Lin Shu Mei in 1612, and she was given the title Jade Consort."
    assert NameBook.from_texts([married]).gender("Rao Tan") is None  # she may be Lin Shu Mei
    # the line: a name between that is no person's ("the Avon Bridge") leaves the pronoun the person's
    built = "The engineer Rao Tan built the Avon Bridge in 1630, and he lived there."
    assert NameBook.from_texts([built]).gender("Rao Tan") is Gender.MALE


def test_a_rulers_word_before_a_name_says_its_gender():
    book = NameBook.from_texts(["The emperor Rao Tan married Lin Shu Mei in 1612, and she was given the title Jade Consort."])
    assert book.gender("Rao Tan") is Gender.MALE
    assert NameBook.from_texts(["The empress Lin Shu Mei built the Moon Gate."]).gender("Lin Shu Mei") is Gender.FEMALE


def test_an_adjective_opening_a_sentence_is_no_part_of_the_name_after_it():
    assert ("person", "Tom Reyes") in found("Young Tom Reyes loved numbers.", "Tom Reyes was born in Leeds.")
    # the line: a document that capitalises the word inside its sentences has a name of that word ("Brigham Young")
    assert ("person", "Tom Reyes") not in found("Young Tom Reyes loved numbers.", "Tom Reyes met Brigham Young in Utah.")


# Fifty-fifth round, part B (issue 6): a name followed by ", who" is a person, even after a preposition of places;
# two amounts that bound a span are one value.


def test_a_name_followed_by_who_is_a_person_after_a_preposition_of_places():
    assert ("person", "Henry Brand") in found("The best early account came from Henry Brand, who showed in 1702 that clay shrinks.")
    # the line: a name followed by "which" after "from" is still a place
    assert ("place", "New Haven") in found("The settlers came from New Haven, which lies on the coast.")


def test_two_amounts_after_between_or_a_verb_of_range_are_one_span():
    assert found("The iris can range from about 3 mm to about 9 mm across.") == [("quantity", "about 3 mm to about 9 mm")]
    assert found("The kiln works between 600 °C and 900 °C.") == [("quantity", "600 °C and 900 °C")]
    # the line: a change is two amounts, and two years are no span of amounts
    assert found("The kiln warmed from 600 °C to 900 °C.") == [("quantity", "600 °C"), ("quantity", "900 °C")]
    assert found("The kiln worked between 1965 and 1970.") == [("year", "1965"), ("year", "1970")]


# Fifty-sixth round, part B (issue 6): a term set between commas right after the class it belongs to ("an enzyme,
# X, which …") is a term.


def test_a_term_between_commas_after_its_class_is_a_term():
    assert [t.text for t in find_terms("Kidneys make a hormone, renin, which raises the blood pressure.")] == ["renin"]
    assert [t.text for t in find_terms("Tears hold an enzyme, lysozyme, that breaks down the walls of germs.")] == ["lysozyme"]
    assert [t.text for t in find_terms("Bees secrete a protein, major royal jelly protein, which feeds the larvae.")] == []  # four words: no term
    # the line: a description rather than a name, a list, a class that is no word for a kind of substance or part, or
    # no clause that describes the term after it
    for sentence in (
        "The marsh gives off a gas, colourless, which rises slowly.",
        "The ore holds a metal, copper, and a salt, which dissolves.",
        "Cooks add a spice, saffron, which makes the rice yellow.",
        "Kidneys make a hormone, renin, and send it into the blood.",
    ):
        assert find_terms(sentence) == [], sentence


# Fifty-sixth round, lead (issue 6): a known place and then the surname of a person the document names in full are two
# names, not one.
def test_a_place_before_the_surname_of_a_person_the_document_names_is_no_part_of_it():
    context = ("The engineer chosen was Joseph W. Marlowe, a small man.",)
    assert found("In central London Marlowe built the new embankment.", *context) == [("place", "London"), ("person", "Marlowe")]
    # the other side of the line: a person whose first name is the place, a place's own name, no one named Marlowe
    assert found("In 1820 Washington Irving sailed home.", "Washington Irving wrote it.")[-1] == ("person", "Washington Irving")
    assert ("place", "London Bridge") in found("In 1831 London Bridge opened.", "Hugo Bridge wrote it.")
    # Round 119, part B: after the sentence's opening "In central London", a name word a verb follows is the subject
    # whoever the document names (was one name, "London Marlowe"); not with a possessive
    assert found("In central London Marlowe built the new embankment.") == [("place", "London"), ("name", "Marlowe")]
    assert found("In London Marlowe's hall stood empty.") == [("name", "London Marlowe")]


# Fifty-seventh round, part B (issue 6): a temperature's scale is part of its unit, a sum in words with its currency is
# money, a count before a compound of "-children", "-men" or "-people" counts them, and a chemical's older name of two
# nouns joined by "of" is a term.


def test_the_scale_after_degrees_belongs_to_the_quantity():
    assert found("Wax melts at about 62 degrees Celsius.") == [("quantity", "about 62 degrees Celsius")]
    assert found("Brine freezes at around 20 to 25 degrees Fahrenheit.") == [("quantity", "around 20 to 25 degrees Fahrenheit")]
    # the line: degrees with no scale after them stay as they were (an angle, or a scale the text gave before)
    assert found("The mast leaned 30 degrees to the west.") == [("quantity", "30 degrees")]


def test_a_sum_written_in_words_with_its_currency_is_money():
    assert found("A boy at the mill earned six shillings a week.") == [("money", "six shillings")]
    assert found("Visitors paid one shilling each at the gate.") == [("money", "one shilling")]
    assert found("The farmer sold the cart for forty-five francs.") == [("money", "forty-five francs")]
    # the line: a number in words before anything else is still a count, and "several" or "a few" is no sum
    assert found("The boy kept six goats behind the mill.") == [("count", "six")]
    assert found("The boy earned a few shillings a week.") == []


def test_a_count_before_a_compound_of_children_men_or_people_counts_them():
    assert found("In 1851 some 20,000 schoolchildren signed the letter.") == [("year", "1851"), ("count", "some 20,000")]
    assert found("By noon 300 firemen had reached the mill.") == [("count", "300")]
    # the line: a year before such a word stays a year
    assert found("In 1851 schoolchildren signed the letter.") == [("year", "1851")]


def test_a_chemicals_older_name_joined_by_of_is_a_term():
    assert [t.text for t in find_terms("Nurses washed the floors with chloride of lime every morning.")] == ["chloride of lime"]
    assert [t.text for t in find_terms("Farm cakes are raised by bicarbonate of soda.")] == ["bicarbonate of soda"]
    # the line: an article or a pronoun after "of" names no chemical, and other nouns before "of" are no chemicals
    assert find_terms("Workers scraped an oxide of the metal off the pipes.") == []
    assert find_terms("The state of trade was poor.") == []


# Fifty-seventh round, lead (issue 6): a name the document gives a person only after a title ("a cartoon of Father
# Wendle", the river as a man) is no person after "the": "the Wendle" is the river.
def test_a_name_after_the_is_no_person_that_only_a_title_made():
    context = ("The magazine printed a cartoon of Faraday handing his card to a filthy Father Wendle.",)
    assert ("person", "Wendle") not in found("Sewage ran straight into the Wendle.", *context)
    assert ("person", "Father Wendle") in found(context[0])
    assert ("person", "Hale") in found("The choir sang for Hale.", "Dr. Maria Hale led the choir.")  # no "the": a person


# Fifty-eighth round, part A (issue 6): a feast day and its year is a date, an organisation's name goes on through "on",
# and a title after a singular work noun goes on through a small word inside it ("by", "over", …).


def test_a_feast_day_and_its_year_is_a_date():
    assert found("On Christmas Day 1908 the choir sang in the square.") == [("date", "Christmas Day 1908")]
    assert ("date", "New Year's Eve 1877") in found("On New Year's Eve 1877 the mill burned down.")
    # the line: the day with no year names no one day, and is no date
    assert not any(kind == "date" for kind, _ in found("On Christmas Day the choir sang in the square."))


def test_an_organisations_name_goes_on_through_on():
    assert ("organisation", "International Council on Songs and Dances") in found("In 1921 the International Council on Songs and Dances gave a medal to the choir.")
    assert ("organisation", "General Conference on Lengths and Masses") in found("In 1960 the General Conference on Lengths and Masses redefined the metre.")
    # the line: "on" before a day or a month says when, and after a body that sits on no subject, where: both end the name
    assert ("organisation", "City Council") in found("The City Council on Monday voted to buy a clock.")
    assert ("organisation", "Ohio Temperance Society") in found("At a meeting of the Ohio Temperance Society on Kelley Island he spoke.")


def test_a_title_after_a_work_noun_goes_on_through_a_small_word():
    assert ("work", "Night over Lisbon") in found("In 1944 she appeared in the thriller Night over Lisbon with Harold Vance.")
    assert ("work", "Love by Mail") in found("In 1944 she appeared in the comedy Love by Mail with Harold Vance.")
    # the line: "by" before an author ends the title, and so do the words that go on with the sentence ("with", "in")
    assert ("work", "Ivanhoe") in found("In 1944 she read the novel Ivanhoe by Walter Scott.")
    assert ("work", "Harbour Lights") in found("In 1944 she sang in the musical Harbour Lights with Harold Vance in London.")


# Fifty-eighth round, part B (issue 6): a count of things in a unit of time is one rate, asked whole; a unit of time
# before "hand" names a clock's hand; digits glued to a word by a hyphen are part of its name, no count.


def test_a_count_of_things_in_a_unit_of_time_is_one_rate():
    assert found("The relay carried about eight words a minute.") == [("quantity", "about eight words a minute")]
    assert found("The press printed about 1,100 sheets an hour.") == [("quantity", "about 1,100 sheets an hour")]
    # the line: how often something happened, and a count before a time counted from, are no rates; a duration keeps
    # its unit without the rate's time, which stays beside the deletion as a clue
    assert found("The bell rang three times a day.") == [("count", "three")]
    assert found("The mill employed 300 men a year after it opened.") == [("count", "300")]
    assert found("A good chronometer drifts by about four seconds a month.") == [("duration", "about four seconds")]


def test_a_unit_of_time_before_hand_is_a_clocks_hand():
    assert found("The tower clock had only an hour hand.") == []
    assert found("The tower clock stopped for only an hour.") == [("duration", "only an hour")]


def test_digits_glued_to_a_word_by_a_hyphen_are_no_count():
    assert found("Every atom of carbon-14 decays at its own pace.") == [("term", "carbon-14")]  # an isotope (round 71), no count
    # the line: a range of two numbers is still one count
    assert found("The score was 10-12 goals.") == [("count", "10-12")]


# Fifty-ninth round, lead (issue 6): one capital letter with a full stop that ends the sentence ends it, and is no
# initial ("a new Model T." names the Model T); initials inside a name stay.
def test_a_letter_that_ends_the_sentence_keeps_no_full_stop():
    for text, name in (("The firm then built the Model T.", "Model T"), ('They called it Plan B."', "Plan B")):
        assert [m.text for m in find_mentions(text, NameBook.from_texts([text]))] == [name]
    text = "The letter was signed by J. R. Tolkien."
    assert [m.text for m in find_mentions(text, NameBook.from_texts([text]))] == ["J. R. Tolkien"]


# Fifty-ninth round, lead (issue 6): an age of a country ("Georgian Britain", "Victorian England") is no person's name of unknown
# kind; a name whose first word is a first name the lexicon knows may still end with a place ("Jack London").
def test_an_age_of_a_country_is_no_persons_name():
    assert not looks_like_a_persons_name("Georgian Britain")
    assert not looks_like_a_persons_name("Victorian England")
    assert looks_like_a_persons_name("Jack London")
    assert looks_like_a_persons_name("Rao Tan")


# Fifty-ninth round, part B (issue 6): a range after "between" joined by "and" is one count; a unit of force, pressure
# or energy (with its prefix) and a cubic inch are units; a share to three places with no leading zero is an amount.


def test_a_range_after_between_joined_by_and_is_one_count():
    assert found("A typical wax molecule has between 20 and 40 carbon atoms.") == [("count", "between 20 and 40")]
    # the line: without "between" two numbers joined by "and" are no range, and two years stay years
    assert found("The farm kept 20 and 40 goats in turn.") == [("count", "40")]
    assert found("The kiln worked between 1965 and 1970.") == [("year", "1965"), ("year", "1970")]


def test_units_of_force_pressure_and_energy_and_cubic_inches_are_units():
    assert found("Brine has a surface tension of about 75 millinewtons per metre.") == [
        ("quantity", "about 75 millinewtons per metre")
    ]
    assert found("The boiler held steam at 900 kilopascals.") == [("quantity", "900 kilopascals")]
    assert found("The pump had a bore of 140 cubic inches.") == [("quantity", "140 cubic inches")]
    # the line: a capitalised Newton is a name, no unit
    assert ("quantity", "3 Newton") not in found("The lecture on 3 Newton Street began late.")


def test_a_share_to_three_places_with_no_leading_zero_is_an_amount():
    assert found("The catcher ended with an average of .318 that summer.") == [("quantity", ".318")]
    # the line: a calibre is no amount of anything
    assert found("The guard carried a .22 rifle on his rounds.") == []


# Sixtieth round, part A (issue 6): a person's name after "in" or ending in a word of places' names is a person when a
# description of a person follows it or an honorific opens it; a name, "the" and an epithet is one person; a canal or a
# railway named after two places, and a firm named after its partners, are one name each.


def test_a_persons_name_described_as_a_person_or_after_an_honorific_is_no_place():
    assert ("person", "Thomas Fell") in found("He found a partner in Thomas Fell, a Leeds merchant with a taste for art.")
    assert found("Rowland Mill, a former schoolmaster, was born in Kidderminster.") == [
        ("person", "Rowland Mill"),
        ("place", "Kidderminster"),
    ]
    assert found("Sir Edwin Hill died in Harrogate in 1879.") == [("person", "Edwin Hill"), ("place", "Harrogate"), ("year", "1879")]
    # the line: a place described as a place, a place a place word opens, and a title that opens places' names stay places
    assert found("He moved to Beacon Hill, a Boston district.") == [("place", "Beacon Hill"), ("place", "Boston")]
    assert ("place", "Mount Tabor") in found("He retired to Mount Tabor, a farmer's village.")
    assert found("He sailed to Lord Howe Island in 1790.") == [("place", "Lord Howe Island"), ("year", "1790")]


def test_a_name_the_and_an_epithet_is_one_person():
    assert found("In 1773 Catherine the Great of Russia ordered a dinner service.") == [
        ("year", "1773"),
        ("person", "Catherine the Great"),
        ("place", "Russia"),
    ]
    assert found("Pliny the Elder described the glaze.") == [("person", "Pliny the Elder")]
    # the line: "the" before any other word still ends a person's name, and an epithet word opening a name is no epithet
    assert [text for _, text in found("He sent Catherine the Russian vases in 1773.")] == ["Catherine", "Russian", "1773"]
    assert [text for _, text in found("The ice covered the Great Lakes in 1912.")] == ["Great Lakes", "1912"]


def test_a_canal_named_after_two_places_and_a_firm_named_after_its_partners_are_one_name():
    assert ("place", "Ouse and Calder Canal") in found("He cut the first sod of the Ouse and Calder Canal at Denby.")
    assert ("name", "Leeds and Selby Railway") in found("The Leeds and Selby Railway opened in 1834.")
    assert found("The firm of Hollis, Brand and Petch printed the labels.") == [("organisation", "Hollis, Brand and Petch")]
    # the line: two places joined by "and" with no canal or railway after them are two names, and a firm "of" common
    # nouns names no partners
    assert [text for _, text in found("The canal linked Leeds and Selby in 1834.")] == ["Leeds", "Selby", "1834"]
    assert [text for _, text in found("A firm of lawyers in Leeds and York drew up the deed.")] == ["Leeds", "York"]


# Sixtieth round, part B (issue 6): half of one unit is one amount; old pence written as one word, and pence and a penny
# after a number, are money; a count before a name that says which kind counts the noun after it; "known as" after a
# common noun of a place names that noun.


def test_half_of_one_unit_is_one_amount():
    assert found("A sample weighing up to half an ounce was enough.") == [("quantity", "up to half an ounce")]
    assert found("The crossing took about half an hour in calm weather.") == [("duration", "about half an hour")]
    # the line: half of something that is no unit stays nothing, and "half" with "of" still needs an amount word before it
    assert found("The mill lost half a dozen sacks to damp.") == []
    assert found("The flood cut the town in half the next morning.") == []


def test_old_pence_and_a_penny_after_a_number_are_money():
    assert found("The toll for a cart was raised to fourpence in the spring.") == [("money", "fourpence")]
    assert found("A loaf cost one penny at the market.") == [("money", "one penny")]
    assert found("Tickets were sold for 40 pence each.") == [("money", "40 pence")]
    # the line: a penny with no number is no sum
    assert not any(kind == "money" for kind, _ in found("The boy saved a penny from his wages every week."))


def test_a_count_before_a_name_that_says_which_kind_counts_the_noun_after():
    assert ("count", "about 4,000") in found("By 1900 about 4,000 Kessler engines were at work in Bavaria.")
    # the line: a year before a name and a plural noun stays a year
    assert ("count", "1900") not in found("In 1900 Kessler engines were at work in Bavaria.")


def test_known_as_after_a_common_noun_of_a_place_names_the_noun():
    assert ("term", "tinners") in found("The miners of Cornwall, known as tinners, struck for higher pay.")
    # the line: after a person's name it is a nickname, and a judgement is never a term
    assert not any(kind == "term" for kind, _ in found("Anna Berg, known as the baker, opened a shop."))
    assert not any(kind == "term" for kind, _ in found("The mayor of Leeds, called the best cook in town, opened a shop."))


# Sixty-first round, the lead's part (issue 6): "and" inside the name of a body named after two things it deals in, when
# the document writes the word before "and" as a common noun too; and inside a railway named after two places, however
# many words the second has.


def test_and_inside_the_name_of_a_body_named_after_two_trades():
    text = "The Northern Cable and Wireless Company laid a cable to the islands in 1910, and wireless soon followed."
    assert ("organisation", "Northern Cable and Wireless Company") in found(text)
    text = "The Pottery and Glass Society held its first show in 1921, where pottery from six towns was sold."
    assert ("organisation", "Pottery and Glass Society") in found(text)
    # the line: a word before "and" the document never writes in lower case is a name of its own, so two bodies
    assert ("organisation", "Hollis and Western Rail Company") not in found("In 1908 Hollis and Western Rail Company were rivals.")
    # nor a place before "and"
    assert ("organisation", "Leeds and Glass Society") not in found("The fair moved between Leeds and Glass Society halls, and glass sold well.")


def test_and_inside_a_railway_named_after_two_places_of_several_words():
    assert ("name", "Leeds and North Western Railway") in found("In 1923 the mill's line became part of the Leeds and North Western Railway.")


# Sixty-first round, part A (issue 6): the terms of explainers, common nouns a document defines or names.


def terms(text: str) -> list[str]:
    return [mention.text for mention in find_terms(text)]


def test_a_term_defined_by_the_and_its_kind_opens_the_sentence():
    assert terms("The spindle is the threaded rod that raises each paddle.") == ["spindle"]
    assert terms("Paddles are the wooden boards of the gate.") == ["Paddles"]
    assert terms("Flood gates are the gates that hold back the sea.") == ["Flood gates"]
    # the line: a subject that leans or judges, a kind that judges, the past, and a term the sentence gives away
    assert terms("The problem is the cost of the new gate.") == []
    assert terms("The point is the one that matters.") == []
    assert terms("Pumps are the best tools of the trade.") == []
    assert terms("The frame is the same size as the door.") == []
    assert terms("The winner was the horse that ran fastest.") == []
    assert terms("The wheel is the wheel of the mill that the water turns.") == []
    assert terms("The narrow gorge is the outer shell of the valley.") == []


def test_known_in_a_place_as_which_someone_called_and_called_its_name_a_term():
    assert terms("Early sets used the crystal detector, known in France as the galena.") == ["galena"]
    assert terms("Charges held at the edge of the glass, which she called edge charges, slowed the current.") == ["edge charges"]
    assert terms("The pattern of holes along a card is called its punching.") == ["punching"]
    # the line: a nickname of a person, what someone did with "which … called", and a thing someone called by its own
    assert terms("Anna Berg, known in Leeds as the baker, sold bread.") == []
    assert terms("The old mill, which they called every week, was closed.") == []
    assert terms("The firm called its product zeta.") == []


def test_a_description_after_a_name_cuts_no_term_from_it():
    assert terms("In 1890 Anna Berg built the Berg lamp, a glowing tube that gives off a soft light.") == []
    # the line: a lower-case word before the description is still its term, and so is one after a language
    assert terms("In 1890 Anna Berg built a cold lamp, a glowing tube that gives off a soft light.") == ["cold lamp"]
    assert terms("The word comes from the Latin vacca, meaning cow.") == ["vacca"]


# Sixty-second round, the lead's part (issue 6): a possessive alone names the place the document names after its owner
# ("Lord's" of "Lord's Cricket Ground") when nothing of the owner's follows it; not a possessive before a noun, nor one
# after "of", which may be anything of the owner's.
def test_a_possessive_alone_names_the_place_named_after_its_owner():
    texts = [
        "Harwick’s Cricket Ground: A History",
        "Thomas Harwick was born in 1755.",
        "Harwick's, in north Leeds, is the oldest ground in the county.",
        "Harwick's staged its first Derby match in 1884.",
        "The cup final is still played at Harwick's.",
        "Harwick's wine shop stood by the gate.",
        "The new stand is twice the height of Harwick's, and cost far more.",
    ]
    book = NameBook.from_texts(texts)
    named = [[(m.kind, m.text, m.name) for m in find_mentions(text, book)] for text in texts]
    assert (MentionKind.PLACE, "Harwick’s Cricket Ground", "Harwick’s Cricket Ground") in named[0]
    for found in named[2:5]:
        assert (MentionKind.PLACE, "Harwick's", "Harwick’s Cricket Ground") in found
    # the line: the owner's own wine shop, and "of Harwick's", are the man's
    assert (MentionKind.PERSON, "Harwick", "Thomas Harwick") in named[5]
    assert not any(name == "Harwick’s Cricket Ground" for _, _, name in named[6])


# Sixty-second round, part A (issue 6): a title that is also a common word, after "the" and before no first name and no
# person the document knows, opens the name of an event or a body, not a person's ("the General Strike"); with no "the"
# ("General Vane") or before a first name it is still a person's title.
def test_a_common_word_title_after_the_opens_no_persons_name():
    assert ("name", "General Strike") in found("His first day at school fell during the General Strike.")
    assert ("organisation", "General Assembly") in found("The motion went to the General Assembly in May.")
    # the line: a rank before a surname, or after "the" before a first name, is still a person's
    assert ("person", "General Vane") in found("Her uncle served under General Vane in the war.")
    assert ("person", "Gordon Vane") in found("His first posting was under the General Gordon Vane, a hard man.")


# Round 64, part C: counts and quantities
def test_a_rate_in_milliwatts_is_one_quantity():
    assert ("quantity", "3 milliwatts per square centimetre") in found("The law limits the beam of a scanner to 3 milliwatts per square centimetre.")
    assert ("quantity", "about 20 microwatts") in found("Each sensor draws about 20 microwatts while it sleeps.")


def test_capitals_joined_by_an_ampersand_are_one_name():
    assert ("organisation", "P&O") in found("In 1840 the P&O line ran ships from Southampton to Alexandria.")
    assert ("organisation", "B&O") in found("The strike began on the B&O in July.")


# Round 64, part B: the term an explainer says a part works as, or a clause makes its subject, ending the sentence; a
# device named after someone after "a" is one term.
def test_the_term_a_part_works_as_or_a_clause_makes_it_is_a_term():
    assert ("term", "heat sink") in found("The copper lid of the lamp acts as a heat sink.")
    assert ("term", "polar molecule") in found("An ammonia molecule has a lopsided charge, which makes it a polar molecule.")
    assert ("term", "Volta cage") in found("The wire mesh of the hut works as a Volta cage.")
    assert ("name", "Volta") not in found("The wire mesh of the hut works as a Volta cage.")
    # the line: one plain word, a judging word, a person's past and a term that does not end the sentence are no term
    assert _terms("The copper lid of the lamp acts as a filter.") == []
    assert _terms("The copper lid of the lamp acts as a good guide.") == []
    assert _terms("In 1870 the young clerk served as a naval officer.") == []
    assert _terms("The copper lid acts as a heat sink for the bulb.") == []


# Round 65, the lead's part: amounts the finder missed.
def test_current_volume_and_pressure_are_units():
    assert ("quantity", "about 12,000 amperes") in found("A heavy arc welder draws about 12,000 amperes at its peak.")
    assert ("quantity", "about 40 millilitres") in found("Each press of the pump gives about 40 millilitres of oil.")
    assert ("quantity", "roughly 80 to 120 bar") in found("The steam is raised to roughly 80 to 120 bar before the turbine.")


def test_old_currencies_and_a_million_in_words_are_money():
    assert ("money", "300 guineas") in found("The Duke offered 300 guineas to anyone who could open the safe.")
    assert ("money", "almost a million drachmas") in found("A shipowner from Patras gave almost a million drachmas.")
    assert ("money", "40 florins") in found("The painter was paid 40 florins for the altarpiece.")


def test_a_count_in_trillions_is_one_count():
    assert ("count", "about 12 trillion") in found("A grown oak carries about 12 trillion cells in its leaves.")


def test_how_many_times_more_is_one_quantity():
    assert ("quantity", "roughly five times") in found("Each grade on the scale means roughly five times more energy.")
    assert ("quantity", "about 30 times") in found("The pump raises the pressure about 30 times or more.")
    assert ("quantity", "nearly two billion times") in found("The crystal swings nearly two billion times a second.")
    assert ("quantity", "four times") in found("The new hall was four times as long as the old one.")
    # the line: how often something happened is no multiple
    assert not any(kind == "quantity" for kind, _ in found("The mayor was arrested four times in 1920."))


def test_a_count_of_those_named_is_a_count():
    assert ("count", "some nine hundred") in found("He wrote out some nine hundred of them by hand.")
    assert ("count", "more than 300") in found("The two friends wrote often, and more than 300 of Ada's letters survive.")


def test_a_count_before_the_verb_of_what_became_of_them_is_a_count():
    assert ("count", "only about 12") in found("More than 90 cabins were planned, but only about 12 were built.")
    assert ("count", "about a million") in found("In the drought that followed, about a million died.")
    assert ("count", "31") in found("Some 200 copies were made, and 31 survive today.")
    # the line: a year before "was" is no count
    assert not any(kind == "count" for kind, _ in found("The war ended, and 1919 was a year of strikes."))


# Round 65, part A: a rank and a person's name before "of" and a body; a work after its author's possessive; a title
# a clause says was published.
def test_a_ranked_persons_name_ends_before_of_and_the_body_they_serve():
    assert found("Commander James Wright of the Royal Air Force flew north in 1931.") == [
        ("person", "James Wright"), ("organisation", "Royal Air Force"), ("year", "1931")
    ]
    assert ("person", "Mary Hale") in found("Lieutenant Colonel Mary Hale of the Army Nurse Corps retired in May.")
    # the line: a ruler's title and a first name stay one name, and so does a first name alone after a title
    assert ("person", "Prince Albert of Saxe-Coburg") in found("Prince Albert of Saxe-Coburg married the queen.")
    assert ("person", "Saint John of the Cross") in found("Saint John of the Cross wrote poems.")


def test_a_work_read_after_its_authors_possessive_is_a_work_and_the_author_a_person():
    assert found("In 1852 he read Thomas Hartley's Essay on the Origin of Mountains, which argued that rocks fold.") == [
        ("year", "1852"), ("person", "Thomas Hartley"), ("work", "Essay on the Origin of Mountains")
    ]
    assert found("She read Mary Somerville's Connexion of the Physical Sciences on the voyage.") == [
        ("person", "Mary Somerville"), ("work", "Connexion of the Physical Sciences")
    ]
    # the line: the title stops before "in" and a place, and before "and" and another's possessive
    assert ("work", "Wealth of Nations") in found("He read Adam Smith's Wealth of Nations in London.")
    assert ("place", "London") in found("He read Adam Smith's Wealth of Nations in London.")
    assert not any(kind == "work" for kind, _ in found("He read Smith's Report and Jones's Survey."))


def test_a_title_opening_with_the_that_a_clause_says_was_published_is_a_work():
    assert found("In The Making of Minds, published in 1901, she applied her theory to apes.") == [
        ("work", "The Making of Minds"), ("year", "1901")
    ]
    assert ("work", "The Decline of Rome") in found("In The Decline of Rome, published in 1776, he described the empire.")
    # the line: a place a clause after it seems to say was published stays a place
    assert ("place", "Rome") in found("He wrote a guide to Rome, published in 1900.")


# Round 65, part B: terms a sentence names or defines: after "which the X call", "that potters call", a quoted name after
# "what the crew called the", an idea defined by "the ability to …", a term with an accented letter.
def test_a_term_a_relative_clause_of_callers_gives_is_a_term():
    assert _terms("Racing yachts often carry a spinnaker, which the Americans call a chute.") == ["chute"]
    assert "kite" in _terms("Racing yachts often carry a spinnaker, which sailors call the kite.")
    assert "slip" in _terms("In the kiln the glaze is a thick paste of clay and water that potters call the slip.")
    # the line: "home" is no term, and one caller in the present may be telephoning
    assert _terms("He moved to a cottage, which the locals call home.") == []
    assert _terms("It is the fever that the nurse calls the doctor about.") == []


def test_a_quoted_name_whoever_calls_a_thing_is_a_term():
    assert "cage" in _terms('By late March 1962 the damaged tower had been wrapped in a timber frame that everyone called the "cage."')
    assert "long winter" in _terms('In 1959 the work on the dam slowed, in what the crew later called the "long winter".')
    # the line: a quoted word with no article judges ('called "dull"'), and a name that does not end its clause
    assert _terms('They made a film that critics called "dull".') == []
    assert _terms('The miners dug a shaft that the foreman called the "death trap" in his report.') == []


def test_an_idea_defined_by_what_it_lets_one_do_is_a_term():
    assert "empathy" in _terms("The essay answers the question with empathy, the ability to share the feelings of another person.")
    assert "taxonomy" in _terms("Linnaeus founded taxonomy, the science of naming living things.")
    # the line: a noun with an article is a thing, not an idea so defined
    assert _terms("He returned to the farm, the power to rule it now in his hands.") == []


def test_a_term_with_an_accented_letter_is_whole():
    assert "sgrafitós" in _terms("The benches are covered in sgrafitós, a pattern made from scratched layers of plaster.")
    assert "névé" in _terms("Old snow settles into rounded grains, called névé.")


# Round 66, the lead's part: the people of a place.


@pytest.mark.parametrize("name", ["New Yorkers", "Londoners", "Bostonians", "Chicagoans", "Romans"])
def test_the_plural_word_for_the_people_of_a_known_place_names_a_people(name):
    assert names_a_people(name)


@pytest.mark.parametrize("name", ["The New Yorker", "New York", "Yonkers", "Rogers", "Venetians"])
def test_a_name_that_only_looks_like_the_people_of_a_place_does_not(name):
    assert not names_a_people(name)


@pytest.mark.parametrize(
    ("sentence", "amount"),
    [
        ("The crew sailed round the island in just under 20 days.", "just under 20 days"),
        ("The new wall stood well over 300 metres from the river.", "well over 300 metres"),
    ],
)
def test_a_comparison_is_asked_with_its_degree(sentence, amount):
    assert amount in {text for _, text in found(sentence)}


# Round 66, part C: illnesses, materials and trades named as common nouns


@pytest.mark.parametrize(
    "sentence, term",
    [
        ("In 1902 her brother was dying of diphtheria in a rented room.", "diphtheria"),
        ("As a boy he suffered from asthma, which kept him indoors.", "asthma"),
        ("In the winter of 1911 he was found to have lung cancer.", "lung cancer"),
        ("A bout of scarlet fever in childhood left her partly deaf.", "scarlet fever"),
        ("Tom Vane died in Leeds on 2 May 1901, aged 60, of pneumonia after a long walk.", "pneumonia"),
        ("The doors are carved from teak, which resists rot.", "teak"),
        ("The old coins were an alloy of copper, zinc and nickel.", "copper, zinc and nickel"),
        ("The gondola was filled with pure nitrogen at low pressure.", "pure nitrogen"),
        ("Her father, Tom Hale, was a clockmaker, as his father had been.", "clockmaker"),
        ("The pier was designed by Ann Hale, a Bristol wool merchant with no training as a builder.", "wool merchant"),
        ("His mother earned a living as a dressmaker.", "dressmaker"),
        ("Her uncle was a poor weaver who sold cloth at the fair.", "weaver"),
    ],
)
def test_an_illness_a_material_or_a_trade_is_a_term(sentence, term):
    assert term in _terms(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The company suffered from a lack of money in its first years.",  # a part of a longer phrase
        "Many of the sailors died from hunger on the way home.",  # an everyday word
        "The hall was filled with people from the town.",
        "The box is made of wood and iron.",  # the first of two materials
        "Two ministers were found to have taken bribes.",  # a deed, not an illness
        "He was the only man to die from enemy fire during the siege.",
        "Her father, Tom Hale, was a merchant banker in the City.",  # the trade's word names another job
        "She showed how many sailors were dying of diseases that could have been prevented.",  # which diseases?
    ],
)
def test_no_term_from_an_everyday_word_or_a_phrase_cut_short(sentence):
    assert not set(_terms(sentence)) & {"lack", "hunger", "people", "wood", "taken bribes", "enemy fire", "merchant", "diseases"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In 1881 a Royal Commission on the Welfare of the Fleet was set up.", ("organisation", "Royal Commission on the Welfare of the Fleet")),
        ("The Committee on the Hill met in May.", ("organisation", "Committee")),  # where it met, no subject of its work
    ],
)
def test_a_body_on_a_subject_of_two_capitalised_words_is_one_name(sentence, expected):
    assert expected in found(sentence)


# Round 67, part B: a term followed by its description, and titles of works without quotation marks


@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        ("Behind the temple lies a quincunx, a Roman-style orchard planted in rows of five trees.", "quincunx"),
        ("In Leeds he dined with the encyclopaedists, the French writers led by Denis Diderot.", "encyclopaedists"),
        ("The builders made the frame stiff by using chromoly steel, an alloy that was stronger than iron.", "chromoly steel"),
        ("Most farmers believed in the humoral theory, which held that blight was spread by damp air.", "humoral theory"),
        ("Many merchants believed in mercantilism, which held that a nation grew rich by hoarding gold.", "mercantilism"),
        ("Energy is made inside mitochondria, small oval bodies a few millionths of a metre long, of which a cell holds many.", "mitochondria"),
        ("Water is moved along by osmosis, movements of molecules across the membrane.", "osmosis"),
        ("Marsh's own detector, the coherer tube, had shown that a weaker signal was enough.", "coherer tube"),
        ("He worked out a newer and safer design, the box girder, in which steel plates form a hollow beam.", "box girder"),
        ("In 1935 he hired Tom Hale as his agent, a partnership that lasted for life.", "agent"),
        ("Sir Tom Hale was a wealthy physician, a president of the Royal Society and a collector.", "wealthy physician"),
    ],
)
def test_a_term_and_its_description_beside_it(sentence, term):
    assert term in _terms(sentence)


@pytest.mark.parametrize(
    ("sentence", "not_a_term"),
    [
        ("His brother, a lawyer in Leeds, sent him money.", "brother"),
        ("The caretaker, a man in his fifties, opened the door.", "caretaker"),
        ("Tom Hale's eldest son, the heir, was born in 1801.", "heir"),
        ("The court, which held that the law was void, sat in York.", "court"),
        ("He hired the miners, young workers of the valley, for the season.", "miners"),
        ("The main games were gladiator fights, hunts of wild bears, and public executions.", "fights"),
        ("In 1889 the firm went bankrupt, ruining thousands of small investors.", "bankrupt"),
        ("Guns were not allowed on the streets, saloons of the town were shut.", "streets"),
        ("It was one of his A1 class, big engines of the type known as Pacifics.", "class"),
        ("They sold apples, pears, bags of flour and eggs.", "pears"),
    ],
)
def test_no_term_from_a_person_an_institution_or_a_list_so_described(sentence, not_a_term):
    assert not_a_term not in _terms(sentence)


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        ('Sloan later summed up the policy in his book Steel and Men (1931): "Build it once."', "Steel and Men"),
        ("The Dutch physicist Hendrik Lorentz explained it in 1892, in his book On the Theory of Electrons.", "On the Theory of Electrons"),
        ("He set out his case in the book A Sceptic Among the Mediums (1926).", "A Sceptic Among the Mediums"),
        ("In 1874 he published Hints on Household Taste: The Art of Decoration.", "Hints on Household Taste: The Art of Decoration"),
        (
            "Jane Hale's book Rules for Nurses: What They Are, and What They Are Not, published in 1860, was written for mothers.",
            "Rules for Nurses: What They Are, and What They Are Not",
        ),
        (
            "She set out her rules in a short book, Notes on the Lighting, Upkeep, and Keeping of Beacons, published in 1827.",
            "Notes on the Lighting, Upkeep, and Keeping of Beacons",
        ),
        ("Three years later he published a second, longer memoir, My Years and My Work.", "My Years and My Work"),
        ("He wrote a manual, The Art of Fencing (1770), for his pupils.", "The Art of Fencing"),
        ('In 1840 he set out his case in a pamphlet called "Canal Tolls: Their Cost and Their Cure", which sold widely.', "Canal Tolls: Their Cost and Their Cure"),
    ],
)
def test_a_title_after_its_work_noun_is_found_whole(sentence, title):
    assert ("work", title) in found(sentence)


def test_a_title_after_its_work_noun_that_goes_on_with_the_sentence_is_no_title_of_that_pattern():
    # a possible character: nothing closes the title (no year in brackets, no subtitle, no end of the sentence)
    assert ("work", "Elizabeth Bennet marries") not in found("In the novel Elizabeth Bennet marries Darcy.")
    assert ("work", "Tess: She") not in found("In her book Tess: She ran away.")


# Round 67, part A: names and terms given in quotation marks.


@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        ('Sailors called it the "grey mile".', "grey mile"),  # a name given to an "it"
        ('Farmers called it "the iron ladder".', "the iron ladder"),
        ('Crowds had called her "the queen of the fair" all her life, and she kept the stall.', "the queen of the fair"),
        ('The causeway was so low that it was nicknamed "Garth\'s puddle".', "Garth's puddle"),  # whose it is
        ('He took the Latin name Faber, which means "smith", after his father\'s trade.', "smith"),  # what a name means
        ('The name means "high meadow", because the town stood on a hill.', "high meadow"),
        ('Its name is usually translated as "house of stars", and it is old.', "house of stars"),
        ('At its centre is the "silent partner", an imagined observer whose approval we seek.', "silent partner"),
        ('The phrase "dead reckoning" appears only once in the log.', "dead reckoning"),  # after a word for a term
        ('In the last hour of drying the pot shrinks again, a change potters call "late shrink".', "late shrink"),
        ('The board billed the ferry as "the Gateway to the Isles".', "the Gateway to the Isles"),  # a slogan
        ('She was born in a quarter of Riga known as "the Anthill".', "the Anthill"),
        ('The fire spread through the old pine beams of the loft, known as "the comb", and the roof fell.', "the comb"),
    ],
)
def test_a_name_or_term_given_in_quotation_marks_is_a_term(sentence, term):
    assert term in _terms(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        'Critics called it "reckless".',  # a judgement, not a name
        'Some called him a "traitor".',
        'The writer called it "the worst winter ever".',
        'The studio released it in May, a film critics called "dull".',  # one word a caller gives may judge
        'The papers hailed the mayor as "the saviour of the town".',  # lower-case praise
        '"Because it is there," he replied.',  # quoted speech
    ],
)
def test_a_quoted_judgement_or_speech_is_no_term(sentence):
    assert not _terms(sentence)


def test_a_title_case_name_given_to_an_it_stays_a_name():
    assert ("work", "Hollow Tower") in found('Locals called it the "Hollow Tower".')


# Round 68, lead: a first name the document uses alone for a person is a short form of the full name it begins; a
# word for a woman or a man after "as his" or "as her" says the gender.


def test_a_first_name_used_alone_is_the_full_names_and_as_his_wife_says_she_is_a_woman():
    texts = [
        "In 1750 he took Tamsin Crewe as his common-law wife.",
        "Tamsin died in Leeds that winter while he was still in France.",
    ]
    book = NameBook.from_texts(texts)
    assert book.full_name("Tamsin") == "Tamsin Crewe"
    assert book.gender("Tamsin Crewe") is Gender.FEMALE


def test_a_surname_used_alone_does_not_make_a_person_of_a_name_it_begins():
    texts = [
        "John F. Kennedy set the goal in 1961.",
        "Kennedy spoke at Rice University.",
        "The rocket left from the Kennedy Launch Centre.",
    ]
    book = NameBook.from_texts(texts)
    assert book.kinds.get("Kennedy Launch Centre") is not MentionKind.PERSON
    assert book.full_name("Kennedy") == "John F. Kennedy"


def test_the_last_word_of_an_office_the_document_writes_in_lower_case_is_no_short_form_of_it():
    texts = [
        "In 1870 he became Professor of Clinical Medicine at Leeds.",
        "Modern medicine owes much to him.",
        "Medicine later moved from curing fevers to preventing them.",
    ]
    book = NameBook.from_texts(texts)
    assert book.full_name("Medicine") == "Medicine"


# Round 68, part C: terms with a capital after "called" / "known as"; a term set between commas after its description.


@pytest.mark.parametrize(
    "sentence, term",
    [
        ("The pull on the cable is called the Ampere force, after the French scientist.", "Ampere force"),  # a surname
        ("Under a lens the plucked wire moves in a loop, now called Rayleigh motion: first up, then down.", "Rayleigh motion"),
        ("In leaves the ions flow back through an enzyme called ADP kinase, which spins like a turbine.", "ADP kinase"),  # a short form
        ("Brewer's yeast is a tiny fungus called Candida robusta, which also makes wine.", "Candida robusta"),  # a Latin name
        ("Farmers used potassium nitrate, known as Indian saltpetre, from the plains of Bengal.", "Indian saltpetre"),  # a people's word
        ("Most pages hold 36 lines, so the book is often called the 36-line Psalter.", "36-line Psalter"),
        ("The motor makes a voltage that fights the battery, called back BMF (back magnetomotive force).", "back BMF"),  # whole
    ],
)
def test_a_term_with_a_capital_after_a_naming_word_is_a_term(sentence, term):
    assert term in _terms(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "A dog called Rex barked at him.",  # a name alone, then the verb
        "The area was known as Gaul then.",  # when it was so called
        "Jenner called Phipps back the next day.",  # someone calls someone
        "A town called Little Rock, in Arkansas, grew fast.",  # a place's name
        "The critics called the plan Utopian nonsense.",  # a judgement
    ],
)
def test_a_name_or_a_judgement_after_a_naming_word_is_no_capitalised_term(sentence):
    assert all(term.islower() for term in _terms(sentence))


def test_a_term_a_document_names_with_a_capital_is_whole_where_it_comes_again():
    context = "Past a certain speed the motor makes a voltage that fights the battery, called back BMF (back magnetomotive force)."
    assert _terms("If the rotor is stuck, there is no back BMF, and the coils overheat.", context) == ["back BMF"]


@pytest.mark.parametrize(
    "sentence, term",
    [
        ("Along the wire the shape is two lines meeting at a sharp kink, the Rayleigh bend, which runs back and forth.", "Rayleigh bend"),
        ("On windy days the stagehands hung a wide linen sail, the siparium, from poles around the stage.", "siparium"),
    ],
)
def test_a_term_between_commas_after_its_description_may_open_with_a_name_or_come_before_where_it_hangs(sentence, term):
    assert term in _terms(sentence)


def test_a_person_between_commas_before_where_they_come_from_is_no_term():
    assert "baron" not in _terms("She married a rich old widower, the baron, from Vienna.")


def test_a_first_name_after_a_word_for_a_person_makes_a_person_though_a_place_word_ends_the_name():
    text = "In 1748 he handed the business to his partner David Hall."
    kinds = {m.text: m.kind for m in find_mentions(text, NameBook.from_texts([text]))}
    assert kinds["David Hall"] is MentionKind.PERSON
    # no word for a person before it: a place
    place = "They met at the Albert Hall."
    assert {m.text: m.kind for m in find_mentions(place, NameBook.from_texts([place]))}.get("Albert Hall") is not MentionKind.PERSON


# Round 71, part A: numbers the mention finder missed (a time counted back, an isotope, a span of bare numbers, a decimal)
def _found(text: str) -> dict[str, MentionKind]:
    return {m.text: m.kind for m in find_mentions(text, NameBook.from_texts([text]))}


@pytest.mark.parametrize(
    "sentence, time",
    [
        ("Farmers in the valley were herding goats more than 7,000 years ago, long before the first town.", "more than 7,000 years ago"),
        ("The lake formed about 12,000 years ago, when the ice melted.", "about 12,000 years ago"),
        ("The first reefs grew some 3.1 billion years ago in shallow seas.", "some 3.1 billion years ago"),
    ],
)
def test_a_time_counted_back_in_thousands_of_years_is_one_date(sentence, time):
    assert _found(sentence).get(time) is MentionKind.DATE


def test_a_time_counted_back_in_a_few_years_is_no_date():
    assert not any(text.endswith("ago") for text in _found("The mill closed twenty years ago, and the town shrank."))


def test_an_isotope_is_one_term_named_without_its_capital():
    text = "Strontium-90 settles in bone, and the main fuel is plutonium-239."
    mentions = find_mentions(text, NameBook.from_texts([text]))
    found = {m.text: (m.kind, m.name) for m in mentions}
    assert found["Strontium-90"] == (MentionKind.TERM, "strontium-90")
    assert found["plutonium-239"] == (MentionKind.TERM, "plutonium-239")
    # a word before digits that is no element stays a name's part
    assert "B-52" not in {text for text, (kind, _) in found.items() if kind is MentionKind.TERM}


@pytest.mark.parametrize(
    "sentence, span",
    [
        ("Each flock holds dozens of birds, typically between 30 and 70, with the oldest in front.", "between 30 and 70"),
        ("The soil keeps a pH of between 5.5 and 6.5.", "between 5.5 and 6.5"),
        ("A resting cat's heart beats between 120 and 140 times a minute.", "between 120 and 140"),
    ],
)
def test_two_bare_numbers_after_between_before_a_stop_or_times_are_one_span(sentence, span):
    assert _found(sentence).get(span) is MentionKind.QUANTITY


def test_two_years_after_between_are_no_span():
    assert "between 1914 and 1918" not in _found("The works stood idle between 1914 and 1918, and reopened later.")


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("The bending is measured by the index, which for glass is about 1.52.", "about 1.52"),
        ("On May 2, 1931, the index closed at 294.07, a low it never saw again.", "294.07"),
    ],
)
def test_a_decimal_value_ending_a_clause_after_a_copula_or_at_is_a_quantity(sentence, value):
    assert _found(sentence).get(value) is MentionKind.QUANTITY


def test_an_hour_written_with_a_point_after_at_is_no_quantity():
    assert "6.30" not in _found("The coach left at 6.30, and reached Hull by noon.")


def test_nanometres_by_their_symbol_are_a_quantity():
    assert _found("Green light peaks near 530 nm in the eye.").get("530 nm") is MentionKind.QUANTITY


# Round 74, part C: a lower-case term in quotation marks that a naming word, a group that calls, ", a word …" after it or
# a colon opening its description gives.


@pytest.mark.parametrize(
    "sentence, term",
    [
        ('A kiln held steadily at 900 degrees is in a state called "soaking".', "soaking"),
        ('In an emergency the doors drop shut in seconds, an event known as a "trip".', "trip"),
        ('Wool prices held up, and Fenland farming enjoyed a long period often called the age of "deep ploughing".', "deep ploughing"),
        ('Weavers called the method "tilting", a word taken from the jousting yard.', "tilting"),
        ('Masons moved the stones with a "tilting frame": a wooden cradle that swung from a post.', "tilting frame"),
        ('Most of the proof at Kell was "hearsay evidence": statements that the accused had been seen at night.', "hearsay evidence"),
        ('Sailors called these small boats "jolly cutters," because they were quick.', "jolly cutters"),
        ('Locals called it simply "the old road"; the name stuck.', "the old road"),
    ],
)
def test_a_quoted_term_a_naming_word_or_its_description_gives_is_a_term(sentence, term):
    assert _found(sentence).get(term) is MentionKind.TERM


@pytest.mark.parametrize(
    "sentence, quoted",
    [
        ('The plan was called "reckless".', "reckless"),
        ('It was a film critics called "dull".', "dull"),
        ('Out in the fog a voice called "hello".', "hello"),
        ('In the end she said "yes": the wedding was set for May.', "yes"),
        ('Abbey Wharf became known as "the palace of coal".', "the palace of coal"),
    ],
)
def test_quoted_speech_or_a_judgment_after_a_naming_word_is_no_term(sentence, quoted):
    assert quoted not in _found(sentence)


# Round 74, part D: a name with a generational suffix ("Jr.", "Sr.") is a person's, read whole before a comma too
@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Otis Farrow Sr. built a brass lock for a bank in 1851.", "Otis Farrow Sr."),
        ("His son, Otis Farrow Jr., made the lock smaller.", "Otis Farrow Jr."),
    ],
)
def test_a_name_with_a_generational_suffix_is_a_person_read_whole(sentence, name):
    assert _found(sentence).get(name) is MentionKind.PERSON


def test_a_generational_suffix_makes_a_man_only_when_nothing_else_says():
    book = NameBook.from_texts(["Otis Farrow Sr. built a brass lock in 1851.", "In 1702 Ann Colby Jr. told the court what she had seen."])
    assert book.gender("Otis Farrow Sr.") is Gender.MALE
    assert book.gender("Ann Colby Jr.") is Gender.FEMALE


# Round 74, the lead: Italian particles inside a name ("Santa Maria delle Grazie", "Via dei Fori Imperiali")


@pytest.mark.parametrize("name", ["Santa Lucia delle Rose", "Via dei Colli Alti", "Palazzo degli Uffici"])
def test_an_italian_particle_inside_a_name_keeps_the_name_whole(name):
    text = f"The painter worked for years in the refectory of {name}, near the river."
    book = NameBook.from_texts([text])
    assert name in [mention.text for mention in find_mentions(text, book)]


def test_a_first_name_and_where_its_bearer_came_from_is_one_person():
    text = "One claimant was Robert of Varnia. Robert pushed back his helmet and rode along the line."
    book = NameBook.from_texts([text])
    mentions = find_mentions("One claimant was Robert of Varnia.", book)
    assert [(m.kind, m.text) for m in mentions] == [(MentionKind.PERSON, "Robert of Varnia")]
    alone = find_mentions("Robert pushed back his helmet and rode along the line.", book)
    assert [(m.kind, m.name) for m in alone] == [(MentionKind.PERSON, "Robert of Varnia")]
    assert book.gender("Robert of Varnia") is Gender.MALE


# Round 75, part C: lower-case terms a sentence defines (a colon after "is"/"are", "a form of … :", things of a short
# form "called …").
@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Most waxes are esters: two long chains joined by an oxygen atom.", "esters"),
        ("The outcome is lime scale: the white crust inside a kettle and the dull film on glass.", "lime scale"),
        ("Radio waves are a form of electromagnetic radiation: each wave carries very little energy.", "electromagnetic radiation"),
        ("Fungi can also pass genes to one another on small rings of RNA called episomes, even between distant strains.", "episomes"),
    ],
)
def test_a_term_a_colon_or_a_naming_word_after_a_short_form_defines_is_found(text, term):
    assert term in [mention.text for mention in find_terms(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The solution is elegant: the receiver treats its own clock error as a fourth unknown.",
        "The work is dangerous: the men climb without ropes.",
        "A kiln is extremely hot: the clay inside glows red.",
        "The results are mixed: the first trial worked and the second failed.",
        "The engineers of NASA called the rocket a triumph.",
    ],
)
def test_an_adjective_before_a_colon_or_a_short_form_that_calls_gives_no_term(text):
    assert find_terms(text) == []


# Round 77, part D: numbers the mention finder missed (a number given as a name, a count in all, a clock time, a unit)
@pytest.mark.parametrize(
    ("sentence", "kind", "text"),
    [
        ("The canal was to be numbered 12, a figure the governor liked.", "name", "12"),
        ("In 1930 the company renumbered it 3311 and painted it red.", "name", "3311"),
        ("The club retired Lopez's number, 17, for every season.", "name", "17"),
        ("In 1951 the engine passed to Northern Railways as No. 45210 and was painted black.", "name", "No. 45210"),
        ("The hall has 6 windows on each side and 4 at each end, 20 in all.", "count", "20"),
        ("The time was 21:05 local time when the bell rang.", "time", "21:05"),
        ("Each collision releases about 17 million electronvolts of energy.", "quantity", "about 17 million electronvolts"),
    ],
)
def test_a_number_given_as_a_name_a_count_in_all_a_clock_time_and_an_energy_are_found(sentence, kind, text):
    assert (kind, text) in found(sentence)


def test_a_number_after_no_stays_in_the_name_it_ends():
    assert ("name", "Boiler No. 7") in found("The core of Boiler No. 7 had cracked in the night.")


# Round 77, part B: an ordinal in figures and an "in" that belong to a name


def test_an_ordinal_in_figures_before_a_name_belongs_to_it():
    texts = {
        "Ohio was the 30th state to ratify the 21st Amendment to the Constitution.": "21st Amendment",
        "Agents of Henry Vane, 5th Earl of Dunmore, took the stones to Leeds.": "5th Earl of Dunmore",
        "In 1971 Tom Reyes was hired by 20th Century Fox to direct a film.": "20th Century Fox",
        "The shop stood on the corner of East 48th Street in Leeds.": "East 48th Street",
    }
    for text, name in texts.items():
        assert name in [mention.text for mention in find_mentions(text, NameBook.from_texts([text]))]
    # the day of a month is no part of the name after it
    text = "On June 4th Nagumo launched 90 aircraft."
    assert "Nagumo" in [mention.text for mention in find_mentions(text, NameBook.from_texts([text]))]


def test_an_in_after_a_body_for_people_goes_on_with_their_field():
    text = "The Society for Women in Chemistry was founded in 1971 by Ann Moss."
    assert "Society for Women in Chemistry" in [mention.text for mention in find_mentions(text, NameBook.from_texts([text]))]
    # where a body for a field stands is no part of its name
    text = "Tom Vane taught at the Institute for Higher Study in Corran from 1950."
    assert "Institute for Higher Study" in [mention.text for mention in find_mentions(text, NameBook.from_texts([text]))]


# Round 77, part A: a lower-case term a description with an article follows (", the …", ", a …"), named there first.
def _terms_of(texts: list[str], index: int = -1) -> list[str]:
    book = NameBook.from_texts(texts)
    return [mention.text for mention in find_mentions(texts[index], book) if mention.kind is MentionKind.TERM]


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("The right ventricle drives it through a valve into the pulmonary trunk, the wide vessel in the chest, which splits in two.", "pulmonary trunk"),
        ("His songs are mostly written in ballad stanza, the pattern of the folk tunes he had heard as a boy.", "ballad stanza"),
        ("Behind them waited the poorly armed men of the levy, the county militia.", "levy"),
        ("Yeasts must make their own thiamine, a vitamin, whereas we get it from food.", "thiamine"),
        ("Her fame rested first on lustreware, a shiny, thin, copper-tinted pottery under a clear glaze.", "lustreware"),
    ],
)
def test_a_term_a_description_with_an_article_follows_is_found(text, term):
    assert term in _terms_of(["The workshop stood by the river.", text])


@pytest.mark.parametrize(
    "text",
    [
        "He bought apples, a pear, bread and cheese.",
        "At the end of the long day, the workers of the mill went home.",
        "The treaty condemned tariffs, the harsh trade laws of the empire and the bankers who drafted them.",
        "It was wrapped in a copper block, the anode.",
        "The town heard the bell, the loudest sound of the week.",
        "The play tells one quarrel, the feud of two brothers, through three servants.",
        "The wave rises slowly and falls suddenly, a jagged shape rich in overtones.",
        "The fort has been a prison, a barracks, a store and, most famously, a mint.",
    ],
)
def test_a_list_a_clause_or_a_term_named_second_gives_no_described_term(text):
    assert _terms_of(["The workshop stood by the river.", text]) == []


def test_a_description_that_names_its_own_term_leaves_the_word_before_it():
    assert "diaries" not in _terms_of(["The workshop stood by the river.", "She kept what her sitters told her in diaries, a habit she called field writing."])


def test_a_word_the_document_used_before_is_no_term_its_description_defines():
    texts = ["The family ran a mill on the river.", "Later he worked at the mill, the big employer in the valley."]
    assert "mill" not in _terms_of(texts)
    assert "mill" in _terms_of(texts[1:])


# Round 78, part B: a name set beside its craft word is a craft's


def test_a_name_after_a_craft_word_and_a_comma_is_a_craft():
    text = "His second ship, the Kestrel Star, was launched in 1843."
    (ship,) = [m for m in find_mentions(text, NameBook.from_texts([text])) if m.text == "Kestrel Star"]
    assert ship.craft
    text = "Her father, the Reverend Tom Vane, was rector."
    assert not any(m.craft for m in find_mentions(text, NameBook.from_texts([text])) if m.kind is not MentionKind.PERSON)


# Round 79, part C: lower-case compounds the document repeats, as terms where a sentence names nothing else


def test_a_compound_two_sentences_hold_is_a_term_where_nothing_else_is_named():
    texts = ["Steam rises from the cooling tower.", "Rain water gathers at the base of the cooling tower."]
    assert _terms_of(texts, 0) == ["cooling tower"]
    (tower,) = [m for m in find_mentions(texts[0], NameBook.from_texts(texts)) if m.text == "cooling tower"]
    assert tower.repeated_compound
    # beside a name or a number the compound is a setting, not the fact
    assert "cooling tower" not in _terms_of([*texts, "In 1961 the cooling tower was painted grey."])


@pytest.mark.parametrize(
    ("texts", "refused"),
    [
        # another word of its phrase or a verb after it: the compound is not the whole of what is named
        (["The oil pump drives water into the drum.", "Engineers checked the oil pump."], "oil pump"),
        (["The workers saw the oil pump seals fail.", "Engineers checked the oil pump."], "oil pump"),
        # a particle of a phrasal verb: no compound at all
        (["The crane lifted off again at noon.", "The crane then lifted off again."], "off again"),
        # a plain word of material, temperature or size, or people, before the noun: a description
        (["The parts sat inside a metal box.", "The metal box was sealed."], "metal box"),
        (["The pipe carries hot air.", "The hot air rises."], "hot air"),
        (["The camp held women prisoners.", "The women prisoners were moved."], "women prisoners"),
        # a plural and a word in "-ing": a clause
        (["They heard the sound of valves closing.", "Later came the noise of valves closing."], "valves closing"),
    ],
)
def test_a_repeated_compound_that_describes_or_goes_on_is_no_term(texts, refused):
    assert not any(refused in term for term in _terms_of(texts, 0))


# Round 81, lead: a rank spelt with a hyphen, the British way, is a title before a person's name
def test_a_rank_spelt_with_a_hyphen_makes_its_name_a_persons():
    text = "In 1896 Lieutenant-Colonel Georg Valdane took charge of the office."
    assert ("Georg Valdane", MentionKind.PERSON) in {(m.name, m.kind) for m in find_mentions(text, NameBook.from_texts([text]))}


# Round 81, part C: a short quoted term is a term, quoted speech or a judgment is not


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ('The loom had a "drum" that held the pattern and a "shuttle" that carried the thread.', "shuttle"),
        ("Both clerks were charged with \u201cpetty larceny\u201d under the Theft Act of 1861.", "petty larceny"),
        ('Clara Vance became famous during the Boer War as "the Angel of Ladysmith", but she did more later.', "the Angel of Ladysmith"),
        ('Farmers could buy seed "on credit", paying after the harvest.', "on credit"),
    ],
)
def test_a_short_quoted_term_is_a_term(text, term):
    from heatcards.authoring.entities import quotations

    assert term in [m.text for m in find_terms(text)]
    assert not [q for q in quotations(text) if text[q.start : q.end] == term]  # not counted as speech either


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('Asked why, he is said to have replied, "never again."', "never again"),
        ('The captain wrote in his log that the crew could do "the long haul" alone.', "the long haul"),
        ('Critics called the bridge "ugly and costly" in 1890.', "ugly and costly"),
        ('Its banner promised a "river of silver" to every settler.', "river of silver"),
        ('The rule was plain: "it must stay dry" at all times.', "it must stay dry"),
        ('A teacher whom he called "the never to be forgotten" guide of his youth.', "the never to be forgotten"),
    ],
)
def test_quoted_speech_or_a_judgment_is_no_term(text, words):
    assert words not in [m.text for m in find_terms(text)]


# Round 82, part A: titles of works written without quotation marks, kept whole.


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        ("Inspector Hale first appeared in a short novel in The Riddle at the Mill (1931).", "The Riddle at the Mill"),
        ("Her first attempt, The Curious Case at Foxley, introduced a retired Dutch detective with a cane.", "The Curious Case at Foxley"),
        ("The old barn became the restaurant Lantern on the Hill.", "Lantern on the Hill"),
        ("The strike lived on in the play Sing the River, written by Tom Vane and Ann Hale in 1961.", "Sing the River"),
        ("And Still the Rain Fell, published in 1949, became her best-selling book.", "And Still the Rain Fell"),
    ],
)
def test_a_title_without_marks_is_one_work(sentence, title):
    assert ("work", title) in found(sentence)


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("She saw the Duke of Wellington at the Battle of Waterloo in 1815.", ["Duke of Wellington", "Battle of Waterloo"]),
        ("The Bank of England and the Treasury agreed to the loan in 1931.", ["Bank of England", "Treasury"]),
        ("In The Hague the court met in 1899.", ["The Hague"]),
        ("He wrote for The Times on Monday and for The Observer in London.", ["The Times", "The Observer", "London"]),
        ("They played with The Beatles and The Kinks in 1964.", ["The Beatles", "The Kinks"]),
    ],
)
def test_names_joined_by_small_words_are_no_title(sentence, names):
    assert [text for kind, text in found(sentence) if kind != "year"] == names


# Round 82, part C: a lower-case term the shape of its sentence defines
@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("The bellows valve is a flap of leather that lets air into the chamber.", ["bellows valve"]),
        ("Each kiln is given a firing limit, the hottest it may safely reach, and potters keep below it.", ["firing limit"]),
        ("The drift plate, a disc of brass at the base, then turns the shaft.", ["drift plate"]),
        ("Instead the crane relies on a wave guide rail, which keeps the carriage level.", ["wave guide rail"]),
        ("Direct drive turns the wheel at once, while indirect drive uses a belt.", ["Direct drive", "indirect drive"]),
    ],
)
def test_a_term_the_shape_of_its_sentence_defines(text, terms):
    from heatcards.authoring.entities import NameBook, find_mentions

    found = [m for m in find_mentions(text, NameBook.from_texts([text])) if m.kind is MentionKind.TERM]
    assert [m.text for m in found] == terms


@pytest.mark.parametrize(
    "text",
    [
        "The large room is a place for dancing.",  # size
        "The wooden crate is a copy of the old one.",  # material
        "The painted door is a copy.",  # a past form describes
        "The head porter, a man of few words, opened the gate.",  # a person
        "The economic stakes are large.",  # "are" and an adjective
        "The net effect is a gain of a few seconds.",  # how much, not what kind
        "The miners used flint, a hard stone from the hills, and shaped it.",  # the clause's object, not its subject
        "Red paint dries fast, while blue paint dries slowly.",  # colour
    ],
)
def test_plain_description_is_no_term_its_shape_defines(text):
    from heatcards.authoring.entities import _terms_by_their_shape

    assert _terms_by_their_shape(text) == []


# Round 83, lead: a place after "of" stays inside a title without marks
def test_a_place_after_of_stays_inside_a_title_without_marks():
    sentence = "In 1774 he described the journey in A Journey to the Eastern Valleys of Scotland (1775)."
    assert ("work", "A Journey to the Eastern Valleys of Scotland") in found(sentence)


# Round 84, lead: a nickname in quotation marks inside a person's name; a company a titled man owns
def test_a_nickname_in_quotation_marks_between_the_names_is_one_person():
    book = NameBook.from_texts(['Her friend Tom "Red" Vane, a polo player, lent her money.'])
    (person,) = [m for m in find_mentions('Her friend Tom "Red" Vane, a polo player, lent her money.', book) if m.kind is MentionKind.PERSON]
    assert (person.text, person.name) == ('Tom "Red" Vane', "Tom Vane")
    assert ("person", 'Ann "Queen" Lind') in found('In Leeds she sang with Ann "Queen" Lind, her teacher.')


def test_a_company_a_titled_man_owns_keeps_the_title_and_is_no_person():
    assert ("name", "Lord Warden’s Players") in found("The troupe was the Lord Warden’s Players, which became famous in 1590.")


# Round 85, lead: a title without marks after its author's possessive
def test_a_title_without_marks_after_its_authors_possessive_is_one_work():
    sentence = "At twelve she borrowed J. R. Moss's A Handbook of Useful Formulas in Pure and Applied Chemistry, a thick volume."
    assert ("work", "A Handbook of Useful Formulas in Pure and Applied Chemistry") in found(sentence)
    assert not any(text == "Pure" for _, text in found(sentence))


def test_an_article_after_a_capitalised_word_that_is_no_possessive_opens_no_title():
    assert not any(kind == "work" for kind, _ in found("The embassy moved to The Hague in 1948 and stayed there."))


def test_a_compound_of_a_level_of_government_is_no_term_however_often_repeated():
    texts = ["In 1931 the federal government bought the failing farms.", "The federal government had already begun to act."]
    book = NameBook.from_texts(texts)
    assert not any(m.kind is MentionKind.TERM for m in find_mentions(texts[1], book))
    repeated = ["In 1931 the drainage tunnel flooded twice.", "The drainage tunnel had already begun to leak."]
    assert [m.text for m in find_mentions(repeated[1], NameBook.from_texts(repeated)) if m.kind is MentionKind.TERM] == ["drainage tunnel"]


# Round 85, part C: quoted terms a call gives with no article ("that people on the Coast called", "what she called") or
# after "so-called"; judgments stay no term.
def test_a_quoted_term_a_group_of_people_calls_without_an_article_is_a_term():
    text = 'When the frost came, it coated the fields in white crusts that people on the Coast called "iron frosts".'
    assert "iron frosts" in [term.text for term in find_terms(text)]


def test_a_quoted_term_what_someone_called_is_a_term():
    text = 'In 1921 she sent Moller a letter describing what she called "folded lattices", a finding long ignored.'
    assert "folded lattices" in [term.text for term in find_terms(text)]


def test_a_quoted_term_after_so_called_is_a_term():
    assert "red ledger" in [term.text for term in find_terms('This so-called "red ledger" holds more than 300 entries.')]


@pytest.mark.parametrize(
    "text",
    [
        'It was a film that critics called "rather dull".',
        'It was a play that critics called "truly hopeless".',
        'She described what he called "the best day", a picnic.',
        'Critics called the play "dull".',
        'It was a speech that reporters called "very moving".',
    ],
)
def test_a_call_that_judges_in_quotation_marks_gives_no_term(text):
    assert [term.text for term in find_terms(text) if term.text in text.split('"')[1]] == []


# Round 85, part A: the parts a list names, one item each ("The {{presser foot}} holds …")
def _parts_of(*paragraphs: str) -> list[str]:
    from heatcards.authoring.entities import _parts_its_items_open_with
    from heatcards.authoring.sentences import paragraph_openings, split_sentences

    text = "\n\n".join(paragraphs)
    sentences = split_sentences(text)
    spans = _parts_its_items_open_with([s.text for s in sentences], paragraph_openings(text, sentences))
    return [sentence[slice(*span)] for sentence, span in spans.items()]


def test_the_parts_a_list_of_short_items_opens_with_are_terms():
    parts = _parts_of(
        "A loom has these working parts:",
        "The warp beam holds the long threads under tension.",
        "The heddle frames lift every other thread to open a gap. Each frame hangs from a cord.",
        "The shuttle, or on faster looms a rapier, carries the cross thread through the gap.",
        "The reed pushes each new row of weft against the cloth.",
        "The cloth rollers wind the finished fabric.",
    )
    assert parts == ["warp beam", "heddle frames", "shuttle", "reed", "cloth rollers"]
    book = NameBook.from_texts(["A loom has these parts:", "The warp beam holds the threads.", "The reed pushes the weft.", "The shuttle carries the thread."], [0, 1, 2, 3])
    assert ("term", "warp beam") in {(m.kind.value, m.text) for m in find_mentions("The warp beam holds the threads.", book)}


@pytest.mark.parametrize(
    "paragraphs",
    [
        # prose about one thing
        ("The engine turns the shaft.", "The engine drives the pump.", "The engine needs oil."),
        # a story, its people the subjects
        ("The crew sails at dawn.", "The captain orders the sails set.", "The mate takes the wheel."),
        # in the past
        ("The warp beam held the threads.", "The reed pushed the weft.", "The shuttle carried the thread."),
        # the steps of a process, another paragraph opening otherwise between them
        ("The pump draws the water in.", "Two valves close behind it.", "The filter catches the grit.", "The tank stores the rest."),
        # running prose: the same sentences in one paragraph
        ("The warp beam holds the threads. The reed pushes the weft. The shuttle carries the thread.",),
    ],
)
def test_no_parts_outside_a_list_of_short_items(paragraphs):
    assert _parts_of(*paragraphs) == []


def test_a_plain_noun_for_the_whole_is_no_part_of_the_list():
    parts = _parts_of("The machine stands on a frame.", "The crank turns the wheel.", "The wheel lifts the arm.")
    assert parts == ["crank", "wheel"]


# Round 86, part A: numbers the mention finder missed, and a day remembered by its name
@pytest.mark.parametrize(
    "text, mention",
    [
        # a blast's force in kilotons or megatons, whose "TNT" is no organisation
        ("The charge had a force of about 4.7 kilotons of TNT.", ("quantity", "about 4.7 kilotons")),
        ("The test bomb yielded 15 megatons.", ("quantity", "15 megatons")),
        # a part of a whole the sentence counts
        ("The flood drove some 12,000 of the valley's 20,000 or so farmers from their land.", ("count", "some 12,000")),
        ("Only 40 of the 300 wooden boats survived.", ("count", "40")),
        # more of what a count just before counted
        ("The quake killed about 400 people and hurt some 1,500 more.", ("count", "some 1,500")),
        # a range of a rate
        ("A small press can print about 600 to 900 sheets an hour.", ("quantity", "about 600 to 900 sheets an hour")),
        # a weekday closing a one-word name
        ("The riot is remembered as Bloody Thursday.", ("name", "Bloody Thursday")),
    ],
)
def test_counts_units_rates_and_named_days_the_finder_missed_are_found(text, mention):
    assert mention in found(text)


@pytest.mark.parametrize(
    "text, absent",
    [
        ("The charge had a force of about 4.7 kilotons of TNT.", "TNT"),
        ("The new engine cost 7,000 more than the old one.", "7,000"),  # a difference, no count
        ("Last Monday the shop opened.", "Last Monday"),
        ("On Friday the shop opened.", "On Friday"),
    ],
)
def test_a_difference_an_explosive_or_a_plain_weekday_stays_unfound(text, absent):
    assert absent not in {mentioned for _, mentioned in found(text)}


# Round 87, part C: a tally or a ratio is one count, and "between" qualifies only the first of two bounds
@pytest.mark.parametrize(
    "text, mention",
    [
        ("The assembly approved the charter in 1850 by 31 votes to 9.", ("count", "31 votes to 9")),
        ("The court upheld the tax law by a vote of 6 to 3.", ("count", "6 to 3")),
        ("According to the survey, about two in three crashes happen on rural roads.", ("count", "about two in three")),
        ("In the trial, nine out of ten patients recovered within a week.", ("count", "nine out of ten")),
        ("Each cell holds a grain of salt between two copper plates.", ("count", "two")),
        ("The journey takes between four and six days by train.", ("duration", "between four and six days")),
    ],
)
def test_a_tally_or_a_ratio_is_one_count(text, mention):
    assert mention in found(text)


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Each cell holds a grain of salt between two copper plates.", "between two"),
        ("The team scored two in five minutes.", "two in five"),
        ("The assembly approved the charter in 1850 by 31 votes to 9.", "31"),
    ],
)
def test_no_half_of_a_tally_and_no_ratio_of_a_time(text, absent):
    assert absent not in {mentioned for _, mentioned in found(text)}


# Round 88, part A: a name written after a lower-case "the" is no person's, though the document uses its last word alone
def test_a_name_after_the_is_no_person_for_its_last_word_alone():
    texts = [
        "Mara Quill was a reporter.",
        "In 1890 the Dunmore Sentinel printed a column about mill girls.",
        "At the Sentinel she wrote about the lives of women in the mills.",
        "The Sentinel sent her to Peru in 1891.",
    ]
    book = NameBook.from_texts(texts)
    assert book.kinds.get("Dunmore Sentinel") is not MentionKind.PERSON
    assert "Sentinel" not in book.full_names
    assert all(m.kind is not MentionKind.PERSON for text in texts[1:] for m in find_mentions(text, book) if "Sentinel" in m.text)


# Round 88, part C: a name right after a word for a business ("the Danish firm Vellmark") is an organisation
@pytest.mark.parametrize(
    "text, name",
    [
        ("The valves were made by the Danish firm Vellmark for ships and mills.", "Vellmark"),
        ("He bought shares in the carmaker Torvane in 1931.", "Torvane"),
        ("Together with the German cable maker Halbrig it built a plant.", "Halbrig"),
    ],
)
def test_a_name_after_a_word_for_a_business_is_an_organisation(text, name):
    assert ("organisation", name) in found(text)


# Round 88, part C: two days of one month that a full date gives together are one date
@pytest.mark.parametrize(
    "text, date",
    [
        ("The fair was held at Vell on May 4 and 5, 1712, before the harvest.", "May 4 and 5, 1712"),
        ("The fair was held at Vell on 4-5 May 1712.", "4-5 May 1712"),
    ],
)
def test_two_days_of_one_month_with_their_year_are_one_date(text, date):
    assert ("date", date) in found(text)


# Round 88, the lead: a house or a palace named in Catalan, Spanish, Italian or German is a place, not a person's name
@pytest.mark.parametrize("name", ["Casa Orfila", "Palau Ramis", "Palazzo Venier", "Palacio Ruiz", "Schloss Arnsdorf"])
def test_a_building_named_by_its_word_for_a_house_is_a_place(name):
    text = f"The architect Joan Ferrer designed {name} in 1890 for a rich merchant."
    assert (MentionKind.PLACE, name) in {(m.kind, m.text) for m in find_mentions(text, NameBook.from_texts([text]))}


# Round 89, part C: a name some people took up, or call a whole field by; a term whose last word looks like a verb
# (each beside a sentence of the same words that names no term)
@pytest.mark.parametrize(
    "text, term, no_term",
    [
        (
            "Because the word was a brand, brewers later adopted the name cold fermentation.",
            "cold fermentation",
            "She took the name of her aunt when she married.",
        ),
        (
            "A kiln is hot, which is why potters call the whole craft ceramic firing.",
            "ceramic firing",
            "The potters call the town every morning.",
        ),
        (
            "A belt feeds the dough into the cold end, a small chilled box that firms it.",
            "cold end",
            "After the bridge collapsed, a ferry carried the mail.",
        ),
    ],
)
def test_a_term_taken_up_called_whole_or_ending_in_a_verb_shaped_noun(text, term, no_term):
    assert term in [m.text for m in find_terms(text)]
    assert find_terms(no_term) == []


# Round 89, part A: a name of two plain words described as a person after it ("a 16-year-old girl") is a person's, and
# the description says the gender
def test_a_name_described_as_a_girl_is_a_female_person():
    text = "The first passenger to land was Orla Brennick, a 16-year-old girl from Tralee."
    book = NameBook.from_texts([text])
    assert (MentionKind.PERSON, "Orla Brennick") in {(m.kind, m.text) for m in find_mentions(text, book)}
    assert book.gender("Orla Brennick") is Gender.FEMALE


# Round 89, part B: where a name begins and ends
def test_a_title_opening_the_sentence_with_the_before_its_year_keeps_its_the():
    assert ("work", "The Silent Baker") in found("The Silent Baker (1931) was his first feature film with sound.")


@pytest.mark.parametrize(
    "text, name",
    [
        ("Oregon was admitted as part of the Settlement of 1859.", "Settlement of 1859"),
        ("The Panic of 1907 closed forty banks.", "Panic of 1907"),
    ],
)
def test_a_name_going_on_with_of_and_its_year_is_whole(text, name):
    assert any(mention == name for _, mention in found(text))


def test_a_university_and_the_city_of_its_campus_are_one_name():
    assert ("organisation", "University of Ohio at Dayton") in found("Ann Vail studied at the University of Ohio at Dayton in 1901.")


def test_a_possessive_place_before_a_word_for_its_first_peoples_is_no_name():
    mentions = [mention for _, mention in found("For Oregon's Native peoples the rush was a disaster.")]
    assert not any("Native" in mention for mention in mentions)


def test_a_word_opening_places_ends_one_after_its_owners_possessive():
    texts = ["John Marsh was a Swiss trader.", "He built a fortified mill, Marsh's Fort, where the silver was found."]
    assert any(mention == "Marsh's Fort" for _, mention in found(texts[1], texts[0]))


def test_two_names_an_en_dash_joins_into_a_bodys_name_are_one_name():
    assert ("organisation", "Lincoln Memorial–Liberty Hall Foundation") in found("The mill was restored by the Lincoln Memorial–Liberty Hall Foundation in 1992.")


def test_a_term_after_called_a_ends_before_its_present_verb():
    spans = [(term.text) for term in find_terms("A program called a cutter trims the sheet into thin strips.")]
    assert "cutter" in spans and "cutter trims" not in spans


# Round 90, part B: a title set between commas after an ordinal "release", in a cleft sentence too.
def test_a_title_after_an_ordinal_release_in_a_cleft_sentence_is_whole():
    text = "It was in her third release, Rain on Harlow Street, that critics first noticed the Widow."
    assert ("work", "Rain on Harlow Street") in found(text)
    # a "release" with no ordinal may be a release from prison
    assert not any(kind == "work" for kind, _ in found("After his release, Okafor, who had spent years in jail, spoke at Lagos."))


# Round 91, lead: a word rare in English (wordfreq's frequencies) is a term of the document's field.
def test_a_word_rare_in_english_is_a_term_outside_the_other_mentions():
    text = "In 1790 the crew of the Kestrel ate sauerkraut and caulked the hull with oakum."
    mentions = find_mentions(text, NameBook.from_texts([text]))
    assert [(m.kind, m.text, m.rare_word) for m in rare_word_terms(text, mentions)] == [
        (MentionKind.TERM, "sauerkraut", True),
        (MentionKind.TERM, "oakum", True),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The boastful miller strayed harmlessly past the colourless, thunderous stones.",  # adjectives, a past, an adverb
        "The jeering bricklayer laid the plainest floor.",  # a verb form, a doer of everyday work, a comparison
        "The course ran for 12 furlongs beside the river.",  # what a count counts
        "The miller turned a quern-stone by hand.",  # joined to another word
        "The baker sold loaves and breads.",  # plurals of common words
    ],
)
def test_a_rare_form_of_a_common_word_or_what_a_count_counts_is_no_rare_term(text):
    assert rare_word_terms(text, find_mentions(text, NameBook.from_texts([text]))) == []


def test_a_plural_is_rare_only_when_its_singular_is():
    assert lexicon.rare_in_english("barnacles") and lexicon.rare_in_english("spinnerets")
    assert not lexicon.rare_in_english("loaves") and not lexicon.rare_in_english("cells")


# Round 91, part A: a surname relatives share stands for the person the document opens with
def test_a_shared_surname_stands_for_the_person_the_document_opens_with():
    book = NameBook.from_texts(["Tomasz Wiktor Brandel led the strike.", "His father, Wiktor Brandel, was a judge.", "Brandel moved."])
    assert book.full_name("Brandel") == "Tomasz Wiktor Brandel"
    assert "Brandel" in book.shared
    # the father, named in full, is a person of his own, not a short form of his son's name
    assert book.full_name("Wiktor Brandel") == "Wiktor Brandel"


# Round 92, part D: a rare word with the noun it makes a compound with
@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("The probe sampled water near the hydrothermal vents in 1977.", ["hydrothermal vents"]),  # a field's adjective
        ("The museum displayed trilobite fossils from Wales.", ["trilobite fossils"]),  # a plural the phrase ends with
        ("Divers found gastropod shells and sponges.", ["gastropod shells"]),
    ],
)
def test_a_rare_word_is_a_term_with_the_noun_it_makes_a_compound_with(text, terms):
    assert [m.text for m in rare_word_terms(text, find_mentions(text, NameBook.from_texts([text])))] == terms


@pytest.mark.parametrize(
    "text",
    [
        "The sextant measures the angle of the Sun.",  # a verb taking an object
        "The ammonites sink slowly to the sea floor.",  # a plural subject and its verb
        "Each gastropod grows new layers every year.",  # a verb in "-s" that the noun phrase does not end with
    ],
)
def test_a_rare_word_before_a_verb_is_a_term_alone(text):
    terms = [m.text for m in rare_word_terms(text, find_mentions(text, NameBook.from_texts([text])))]
    assert len(terms) == 1 and " " not in terms[0]


# Round 92, part D: loudness, pressure in pounds per square inch and magnetic fields are measures
@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("A busy road at Tarvin reaches about 85 dB at the kerb.", "about 85 dB"),
        ("The siren at Tarvin was rated at 130 decibels.", "130 decibels"),
        ("In 1851 the Tarvin boiler worked at 40 pounds per square inch.", "40 pounds per square inch"),
        ("The field near Tarvin is about 48 microtesla.", "about 48 microtesla"),
    ],
)
def test_loudness_pressure_in_psi_and_field_strength_are_quantities(text, quantity):
    assert ("quantity", quantity) in found(text)


# Round 94, part D: a lower-case term of two or three words before a relative clause that says what it is or does
@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Blood leaves the gill through the gill artery, which carries it to the fins.", "gill artery"),
        ("The lamp gives off ultraviolet photons, which are invisible to the eye.", "ultraviolet photons"),
        ("Ferrite cores, which hold one bit each, were threaded by hand in Tarvin.", "Ferrite cores"),
        ("The poet favoured eye rhyme, in which the spellings match but the sounds differ.", "eye rhyme"),
        ("Her next subject was moulds, especially bread crust fungus, which spoils loaves.", "bread crust fungus"),
    ],
)
def test_a_term_before_a_relative_clause_is_found(text, term):
    from heatcards.authoring.entities import _terms_by_their_shape

    assert term in [text[start:end] for start, end in _terms_by_their_shape(text)]


# each sentence holds a term that is one ("the drum brake") after words that are none
@pytest.mark.parametrize(
    "text",
    [
        "He made the double four-armed pivot escapement, which kept time in wind, and the drum brake, which held it.",  # cut from a longer term
        "Engineers chose to vent waste steam, which rose above the roofs, and fitted the drum brake, which held.",  # three words not after an article
        "Wheat supplies bran, which is food for cattle, and the mill had the drum brake, which held.",  # a verb in "-s", not a compound
        "The upper part, where the snow settles, holds the drum brake, which stops the wheel.",  # a word that points back
        "He owes most to Jon Hale, an Irish-born teacher, whose boats had the drum brake, which held.",  # a description of the one before
        "Raiders began to plunder the surrounding countryside, which lay open, and cut the drum brake, which held.",  # where, not what kind
    ],
)
def test_no_term_before_a_relative_clause_where_the_words_are_not_one(text):
    from heatcards.authoring.entities import _terms_by_their_shape

    assert [text[start:end] for start, end in _terms_by_their_shape(text)] == ["drum brake"]


# Round 95, part B: a substance's name where it ends its noun phrase
@pytest.mark.parametrize(
    ("text", "substance"),
    [
        ("The old mill at Tarvin was roofed with slabs of limestone cut from the hill behind it.", "limestone"),
        ("The lamp on the Velsk lighthouse burned kerosene until 1931.", "kerosene"),
        ("The vat was lined with sheets of copper, and the lid was iron.", "copper"),
        ("Its boiler plates, poor in manganese, cracked in the frost.", "manganese"),
    ],
)
def test_a_substance_ending_its_noun_phrase_is_a_term(text, substance):
    from heatcards.authoring.entities import substance_terms

    assert [m.text for m in substance_terms(text, [])] == [substance]


@pytest.mark.parametrize(
    "text",
    [
        "The stove gave off carbon dioxide all night.",  # a kind of something else
        "The square was lit by neon signs after 1950.",  # a plural it describes
        "The winners took the gold, silver and bronze medals home.",  # a list that describes
        "The doors were painted in red and gold for the feast.",  # a colour
        "The stove gave off carbon, not smoke.",  # said before (see `offered`)
    ],
)
def test_no_substance_where_it_describes_a_noun_or_was_offered_before(text):
    from heatcards.authoring.entities import substance_terms

    assert substance_terms(text, [], offered=frozenset({"carbon"})) == []


# Round 97, part B: a term a class noun in the plural describes, before a relative clause
@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("A soil type is defined by aggregates, molecules that the roots can grip.", "aggregates"),
        ("The other half of the story is lectins, proteins in the seed that bind sugars.", "lectins"),
        ("The fever is caused by phages, viruses which live inside bacteria.", "phages"),
    ],
)
def test_a_term_a_plural_class_noun_describes_is_a_term(text, term):
    from heatcards.authoring.entities import find_terms

    assert term in [m.text for m in find_terms(text)]


def test_no_term_a_plural_description_follows_after_a_pair_or_a_count():
    from heatcards.authoring.entities import find_terms

    # the description is of both, not of the pair's last
    assert find_terms("The mine gave copper and tin, metals that the smiths needed.") == []
    # what is counted, not a term described
    assert find_terms("Each cell holds two, small proteins that bind sugars.") == []
    assert find_terms("Each cell holds two, proteins that bind sugars.") == []


# Round 98: a part of the body named after the anatomist who described it is one term.
@pytest.mark.parametrize(
    "sentence, term",
    [
        ("Blood passes from the vessel into Tarrow's capsule at the head of each tubule.", "Tarrow's capsule"),
        ("The sound reaches the sensory organ of Kelling, a strip of hair cells.", "organ of Kelling"),
        ("The Vandrian tube links the inner chamber to the throat.", "Vandrian tube"),
    ],
)
def test_a_part_of_the_body_named_after_someone_is_one_term(sentence, term):
    assert ("term", term) in found(sentence)


def test_a_nationality_after_organ_of_is_no_anatomists_name():
    assert not any(text.startswith("organ of") for _, text in found("The choir used the great organ of Italian make."))


# Round 99, part A: a name of unknown kind after the "The" that opens a sentence is no person's
def test_a_name_after_the_the_that_opens_a_sentence_is_no_persons():
    from heatcards.authoring.entities import NameBook, find_mentions

    texts = [
        "The Grand Regatta of 1887",
        "On 4 June 1887 Queen Mabel opened the Grand Regatta of the Rivers of All Nations at Kellby.",
        "The Royal Committee for the Regatta of 1887 still meets every year.",
    ]
    book = NameBook.from_texts(texts)
    assert [(m.name, m.kind) for m in find_mentions(texts[0], book)][0] != ("Grand Regatta", MentionKind.PERSON)
    assert book.kinds.get("Grand Regatta") is not MentionKind.PERSON


# Round 100: a word for a man or a woman after ", the" says the gender of the name before it
def test_the_son_of_after_a_name_says_he_is_a_man():
    from heatcards.authoring.entities import Gender, NameBook

    texts = ["On 3 May 1880 she wrote to Ludo Brill, the five-year-old son of her old teacher, who was ill in bed."]
    assert NameBook.from_texts(texts).gender("Ludo Brill") is Gender.MALE
    # "the man's wife" is the wife: whose man is no word for the name before
    owned = ["In 1881 she met Ludo Brill, the man's widow, at Kellby."]
    assert NameBook.from_texts(owned).gender("Ludo Brill") is not Gender.MALE


# Round 100: the person a heading names is the one the opening sentence names in full
def test_a_heading_that_shortens_the_full_name_of_the_opening_is_the_same_person():
    from heatcards.authoring.entities import NameBook

    texts = [
        "Clara Hodge",
        "Mary Clara Hodge was born on 2 May 1850 in Leeds.",
        "Her father, Ben Hodge, was a miller.",
        "Clara Hodge died at Kell House on 2 May 1920, aged 70.",
    ]
    assert NameBook.from_texts(texts).full_name("Clara Hodge") == "Mary Clara Hodge"


# Round 100: "was dead, …, of" names an illness as "died …, of" does
def test_an_illness_after_was_dead_and_an_aside_is_a_term():
    assert ("term", "typhus") in found("A month later Tom Vale was dead, at 40, of typhus.")


# Round 101, part C: capitalised names the mention finder missed or took in part
def names(sentence: str, *context: str) -> list[str]:
    return [text for _, text in found(sentence, *context)]


def test_a_body_for_the_people_an_adjective_names_is_one_name():
    assert "Northern Institute for the Deaf" in names("In 1931 Ruth Hale began work for the Northern Institute for the Deaf, founded a year earlier.")
    assert "Orlin Society for the Navy" not in names("The Orlin Society for the Navy met in 1950.")


def test_a_letter_and_type_after_a_makers_name_is_one_model():
    assert "Tarrant K-type" in names("In 1955 a Tarrant K-type won the race.")
    assert "G-type" not in names("The Sun is a G-type star.")


def test_a_number_a_hyphen_joins_to_its_unit_is_no_part_of_the_name_before_it():
    texts = names("In 1953 a Tarrant K-type won the Brelling 12-hour race.")
    assert "Brelling" in texts and "Brelling 12" not in texts


def test_a_month_after_a_first_name_is_a_surname_unless_a_number_follows():
    assert "Carol May" in names("In 1970 the folk singer Carol May joined the band.")
    assert "Carol May" not in names("She saw Carol May 4 times.")


def test_a_word_opening_a_sentence_before_a_makers_verb_is_a_name_unless_a_common_noun():
    assert ("name", "Harker") in found("Harker patented the first electric kettle in 1922.")
    assert "Engineers" not in names("Engineers introduced a new valve in 1922.")
    assert "Steam" not in names("Steam introduced a new age of travel.", "The steam rose from the boiler.")


# Round 101, part B: a rare word in "-s" right after a relative pronoun is its clause's verb, no term
def test_a_rare_verb_after_a_relative_pronoun_is_no_term():
    text = "The survey used a method that underpins most mapmaking to this day."
    assert rare_word_terms(text, find_mentions(text, NameBook.from_texts([text]))) == []
    # a word with no verb's "-s" after "that" is still one: "a barrel that {sauerkraut} filled"
    barrel = "The cook kept a barrel that sauerkraut filled to the brim."
    assert [m.text for m in rare_word_terms(barrel, find_mentions(barrel, NameBook.from_texts([barrel])))] == ["sauerkraut"]


# Round 102, part C: names given the wrong kind, which ranked their card below the sentence's others
def test_a_name_after_a_settlement_noun_and_of_is_a_place():
    assert ("place", "Tarlow") in found("In 1820 she moved to the fishing village of Tarlow, near the coast.")
    assert ("place", "Penmoor") in found("In 1913 she opened a shop in the seaside resort of Penmoor.")
    assert ("place", "Brenland") in found("He spent three summers charting the coast of Brenland.")


def test_a_place_after_a_settlement_noun_gives_its_kind_to_no_other_mention():
    # the firm named after its town stays a name of unknown kind elsewhere
    context = ("Aron Lisk built a paper mill near the town of Varka in 1865.",)
    assert ("place", "Varka") in found(*reversed(context))
    assert ("place", "Varka") not in found("In 1990 Varka sold its first phone.", *context)


def test_a_name_after_a_compass_adjective_is_a_place():
    assert ("place", "Orvania") in found("The caravans carried spices from southern Orvania to the coast.")


def test_initials_before_a_surname_are_a_person():
    assert ("person", "J. R. Pellow") in found("In 1931 J. R. Pellow published a new edition of the letters.")
    assert ("person", "T. Harold Vane") in found("The mill was sold to T. Harold Vane in 1902.")
    # a ship named after a person takes "the"; a building keeps its word
    assert ("person", "H. L. Dunmore") not in found("In 1864 the H. L. Dunmore sank a warship.")
    assert ("person", "E. V. Pellow Building") not in found("The first lift went into the E. V. Pellow Building.")


def test_a_persons_name_after_from_is_a_person():
    assert ("person", "Albert Varnholt") in found("The idea for the engine came from Albert Varnholt.")
    assert ("place", "Halden") in found("The idea for the engine came from Halden.")


def test_a_persons_name_after_a_role_that_is_also_a_work_noun_is_no_title():
    assert ("person", "Frank Merrow") in found("In 1920 she paid ten dollars for a flight with the pilot Frank Merrow.")


def test_first_names_the_lexicon_lacked_make_a_person():
    assert ("person", "Hugh Dunmore") in found("Hugh Dunmore set his novel in the harbour.")
    assert ("person", "Cyrus Pell") in found("In 1851 Cyrus Pell showed his reaper at the fair.")


# Round 103, part B: lower-case terms for the means a thing works by, a method a colon explains, the type it is of
def test_the_means_a_thing_works_by_is_a_term():
    assert [term.text for term in find_terms("Cold packs work mainly by evaporation, drawing heat out of the skin.")] == ["evaporation"]
    assert [term.text for term in find_terms("The old mill pump worked by suction alone.")] == ["suction"]
    # a means that goes on past its clause, a count, or an everyday means names nothing to learn
    assert [term.text for term in find_terms("The loom was worked by two treadles under the bench.")] == []
    assert [term.text for term in find_terms("The first looms worked by hand.")] == []


def test_a_method_a_colon_explains_is_a_term():
    assert [term.text for term in find_terms("The dam was strengthened by grout injection: cement was pumped into the cracks.")] == ["grout injection"]
    assert [term.text for term in find_terms("The letters were sorted by hand: a clerk read each one.")] == []


def test_the_type_a_thing_is_of_is_a_term():
    assert [term.text for term in find_terms("Most garden sprayers are of the pump-action type.")] == ["pump-action"]
    assert [term.text for term in find_terms("The second boiler was of the same type.")] == []


# Round 103, lead: a title without marks known by its year in brackets at the sentence's start, or closed by "in" and
# a year after "published"
def test_a_title_before_its_year_at_the_sentence_start_is_one_work():
    for text, title in [
        ("Patience and Its Rewards (1911) asked why people wait.", "Patience and Its Rewards"),
        ("In Beyond the Northern Sea (1920) she described a voyage.", "Beyond the Northern Sea"),
        ("Together the two men published Notes on Fever in 1895.", "Notes on Fever"),
    ]:
        mentions = find_mentions(text, NameBook.from_texts([text]))
        assert (title, MentionKind.WORK) in [(m.text, m.kind) for m in mentions], text
    # a name with no small word before its year is left to the name rules
    text = "Tom Vane (1820) built the mill."
    assert all(m.kind is not MentionKind.WORK for m in find_mentions(text, NameBook.from_texts([text])))


# Round 103, lead: a short quotation after an article is a noun phrase, whatever verb its last word may also be
def test_a_quoted_term_after_an_article_may_end_in_a_verb():
    text = 'In 1911 she proposed a "winter drive" to explain the migration.'
    assert ("winter drive", MentionKind.TERM) in [(m.text, m.kind) for m in find_mentions(text, NameBook.from_texts([text]))]
    # what someone was called after "as a" is a judgment, not a term; a quotation with no article may be a clause
    for text in ['The critics mocked him as a "half-baked dreamer".', 'The sign said "cold drift".']:
        assert all(m.kind is not MentionKind.TERM for m in find_mentions(text, NameBook.from_texts([text]))), text


# Round 104, part C: capitalised key facts the mention finder missed or cut: a work by the passive verb of its coming
# out, a material a name names, a term a description and its caller give
def _mention_texts(text: str, texts: list[str] | None = None) -> list[str]:
    return [m.text for m in find_mentions(text, NameBook.from_texts(texts or [text]))]


def test_a_word_opening_a_sentence_before_was_published_is_a_work():
    assert "Driftwood" in _mention_texts("Driftwood was published in 1961, a year before her death.")
    assert "Harrowgate" in _mention_texts("Harrowgate was first published in 1889.")
    # a word for an amount, or a word the document writes in lower case, names no work
    assert "Little" not in _mention_texts("Little was published after 1920.")
    texts = ["Poetry was published in the weekly papers.", "She wrote poetry at night."]
    assert "Poetry" not in _mention_texts(texts[0], texts)


def test_a_name_before_a_material_noun_is_one_material():
    assert "Dorset cement" in _mention_texts("Vane insisted on Dorset cement, which sets hard under water.")
    assert "Kelling stone" in _mention_texts("Its walls were built of Kelling stone brought from the quarry.")
    # a people's word only says where the material came from
    assert "Italian marble" not in _mention_texts("The hall was faced with Italian marble in 1902.")


def test_a_term_with_a_capital_a_description_and_its_caller_give():
    text = "The frames were painted a deep red, the colour Fenn called Mohawk red."
    assert [term.text for term in find_terms(text)] == ["Mohawk red"]
    # a time before the caller: a call, not a name
    assert [term.text for term in find_terms("On the day Anna called Tom junior.")] == []


# Round 104, lead: "Fort" opens a place's name, never a person's, so the name after it alone is no surname
def test_a_name_opening_with_fort_is_a_place():
    texts = ["Soldiers ran Kellby for ten years from a post at Harrow Springs, later named Fort Kellby.", "Kellby was the first park in Varnia."]
    book = NameBook.from_texts(texts)
    kinds = {m.text: m.kind for text in texts for m in find_mentions(text, book)}
    assert kinds["Fort Kellby"] is MentionKind.PLACE
    assert kinds["Kellby"] is not MentionKind.PERSON


# Round 104, lead: an office with no person's name in it is no one a "he" can be written as
def test_an_office_is_told_from_a_persons_name():
    from heatcards.authoring.entities import names_an_office

    assert names_an_office("Governor of Kell Island") and names_an_office("King of Varnia")
    assert not names_an_office("Tom Vane") and not names_an_office("Kell Island")


# Round 105, lead: a ruler's "I" before a comma, a possessive or "of" and a name is no writer's "I"
def test_a_rulers_numeral_i_before_a_comma_ends_a_persons_name():
    text = "Olen I, who reigned from 1402 to 1430, built the Vell Gate in 1418."
    kinds = {m.text: m.kind for m in find_mentions(text, NameBook.from_texts([text]))}
    assert kinds.get("Olen I") is MentionKind.PERSON
    # the writer's "I" after a place is no numeral
    assert "Paris I" not in {m.text for m in find_mentions("In Paris I met Tom Vane in 1920.", NameBook())}


# Round 105, lead: a name ending with "Railway" before a verb of a person is a company, not a person
def test_a_railway_before_a_verb_of_a_person_is_no_person():
    text = "The Kell Valley Railway wanted to bridge the river and so take traffic from its rival."
    kinds = {m.text: m.kind for m in find_mentions(text, NameBook.from_texts([text]))}
    assert kinds["Kell Valley Railway"] is not MentionKind.PERSON


# Round 105, part B: a compound named by its elements is one term, a small child's age keeps its unit, two counts in
# words joined by "or" are one count, a count may follow three describing words, and a wind's force on its scale is one
# reading
@pytest.mark.parametrize(
    ("text", "compound"),
    [
        ("The Kellby panels carry a thin coat of cadmium telluride on glass.", "cadmium telluride"),
        ("Tom Vane packed the tubes with pellets of uranium dioxide, each as long as a thumb.", "uranium dioxide"),
        ("The Varnia cells use lithium cobalt oxide in the cathode.", "lithium cobalt oxide"),
    ],
)
def test_a_compound_named_by_its_elements_is_one_term(text, compound):
    from heatcards.authoring.entities import substance_terms

    assert [m.text for m in substance_terms(text, [])] == [compound]


@pytest.mark.parametrize(
    "text",
    [
        "The Kellby town hall has an iron gate and a roof of gold plate.",  # everyday words in "-ate"
        "The stove in Kellby gave off carbon dioxide all night.",  # an everyday compound
        "Tom Vane made soap with sodium hydroxide (NaOH) in Kellby.",  # the formula in brackets gives it away
    ],
)
def test_no_compound_of_everyday_words_or_before_its_formula(text):
    from heatcards.authoring.entities import substance_terms

    assert not [m for m in substance_terms(text, []) if " " in m.text]


def test_the_element_named_after_the_word_element_is_a_substance():
    from heatcards.authoring.entities import substance_terms

    text = "In 1890 Tom Vane coated the element selenium with a film of silver."
    assert "selenium" in [m.text for m in substance_terms(text, [])]


def test_a_small_childs_age_keeps_its_unit():
    text = "In May 1890, at the age of 19 months, Ann Vane fell ill with a fever."
    assert ("19 months", MentionKind.AGE) in [(m.text, m.kind) for m in find_mentions(text, NameBook())]


def test_two_counts_in_words_joined_by_or_are_one_count():
    text = "A Kellby loom usually carries five or six shuttles at once."
    assert ("five or six", MentionKind.COUNT) in [(m.text, m.kind) for m in find_mentions(text, NameBook())]


def test_a_count_after_three_describing_words():
    texts = ["The hall at Kellby stands on 86 tall grey granite pillars.", "Tom Vane created two of the best known songs of Varnia."]
    assert ("86", MentionKind.COUNT) in [(m.text, m.kind) for m in find_mentions(texts[0], NameBook())]
    assert "two" not in [m.text for m in find_mentions(texts[1], NameBook())]  # "of the best known": no describing words


def test_a_winds_force_on_the_beaufort_scale_is_one_reading():
    text = "That night the wind over Kellby reached force 9 or 10 on the Beaufort scale."
    assert ("force 9 or 10", MentionKind.QUANTITY) in [(m.text, m.kind) for m in find_mentions(text, NameBook())]


# Round 105, lead (set 43): a name whose plural possessive opens it ("the Thirty Years' War"), the Dutch particle "ter",
# older currencies, and a crop's Latin name after it
def test_a_plural_possessive_inside_a_name_the_ter_particle_a_thaler_and_a_crops_latin_name():
    def kinds(text: str) -> dict[str, MentionKind]:
        return {m.text: m.kind for m in find_mentions(text, NameBook.from_texts([text]))}

    assert kinds("The treaty ended the Thirty Years' War in 1648.").get("Thirty Years' War") is MentionKind.NAME
    assert kinds("Kellby lost the Hundred Years’ War in 1453.").get("Hundred Years’ War") is MentionKind.NAME
    assert kinds("Kellby lies about three hours’ drive south of the capital.").get("about three hours") is MentionKind.DURATION
    assert kinds("The scene was painted by Tom ter Vane, who was present.").get("Tom ter Vane") is MentionKind.PERSON
    assert kinds("Varnia got five million thalers to pay off its army.").get("five million thalers") is MentionKind.MONEY
    assert kinds("He chose the garden pea, Pisum vellum, with care.").get("Pisum vellum") is MentionKind.TERM


# Round 106, part A: a method, a measure or a reaction named after someone is one term after "the" (not after a
# possessive, nor with a people's word); a ratio in figures with colons after "ratio" is one count
def test_a_method_or_measure_named_after_someone_and_a_ratio_with_colons():
    def kinds(text: str) -> dict[str, MentionKind]:
        return {m.text: m.kind for m in find_mentions(text, NameBook.from_texts([text]))}

    assert kinds("The signal is decoded with the Holm transform on a small computer.").get("Holm transform") is MentionKind.TERM
    assert kinds("The field sets the Vane frequency, which rises with it.").get("Vane frequency") is MentionKind.TERM
    assert kinds("Sugars brown in the Tarn reaction above 140 degrees.").get("Tarn reaction") is MentionKind.TERM
    assert kinds("The gale reached force 9 on the Kellby scale.").get("Kellby scale") is MentionKind.TERM
    assert "Tom Vane's reaction" not in kinds("Tom Vane's reaction was swift.")
    assert "French reaction" not in kinds("In Varnia the French reaction was swift.")
    assert kinds("The seeds fell into four classes in a ratio near 9:3:3:1.").get("9:3:3:1") is MentionKind.COUNT
    assert kinds("They mixed lime and sand in the ratio 3:1.").get("3:1") is MentionKind.COUNT
    assert "1:23:04" not in kinds("The test began at 1:23:04 a.m.")


# Round 106, part B: two people a plural word of their part or kin brings in are one name
@pytest.mark.parametrize(
    "text, pair",
    [
        ("In 1880 the brothers Tom and Ned Vane opened a mill at Kellby.", "Tom and Ned Vane"),
        ("His sons Osric and Edwy had already left for Varnia.", "Osric and Edwy"),
        ("The first mill was built by two brothers, Jean-Paul and Jean-Luc Vell, whose family made cloth.", "Jean-Paul and Jean-Luc Vell"),
        ("In 1905 the artists Kellan and Orla-Mae covered the bridge in cloth.", "Kellan and Orla-Mae"),
    ],
)
def test_a_pair_brought_in_by_their_part_is_one_name(text, pair):
    assert (pair, MentionKind.NAME) in [(m.text, m.kind) for m in find_mentions(text, NameBook.from_texts([text]))]


def test_two_people_each_by_a_full_name_stay_two_names():
    text = "In 1938 the chemists Ann Hale and Tom Vane split the atom at Kellby."
    assert {"Ann Hale", "Tom Vane"} <= {m.text for m in find_mentions(text, NameBook.from_texts([text]))}


# Round 106, lead (set 44): a Spanish name's "y" joins its two surnames
def test_a_spanish_names_y_joins_its_surnames():
    text = "Ana Vela y Ruiz was born on 6 July 1907 in Kellby."
    assert "Ana Vela y Ruiz" in {m.text for m in find_mentions(text, NameBook.from_texts([text]))}


# Round 108, lead (set 45): a ruler's name without its numeral is that ruler; a saint's name that is no first name, after
# "to", is a place
def test_a_rulers_name_without_its_numeral_is_the_ruler():
    book = NameBook.from_texts(["Kellby Abbey was the work of Osric III, who seized the throne in 1113.", "After his death Osric was known as the Builder."])
    assert book.full_name("Osric") == "Osric III"
    assert book.full_name("III") == "III"


def test_a_saints_name_after_to_is_a_place_unless_it_is_a_first_name():
    assert ("place", "St Vellsburg") in found("In 1850 the family went on to St Vellsburg.")
    assert ("place", "St. Stephen") not in found("The first church was dedicated to St. Stephen.")


# Round 108, part B: the items a count and its plural noun announce, as many as it says, and places a plural of their
# kind and "of" announce, are one mention
@pytest.mark.parametrize(
    "text, items",
    [
        ("The Kell gland has three lobes: the orvum, the tarsum and the vellum.", "the orvum, the tarsum and the vellum"),
        ("In 1871 he described three new metals in detail, calling them eka-zinc, eka-tin and eka-lead.", "eka-zinc, eka-tin and eka-lead"),
        ("The mill drew water through two wide leats, the upper and lower races.", "the upper and lower races"),
        ("The treaty was signed in the Varnian towns of Kellby and Orvaby in 1702.", "Kellby and Orvaby"),
        ("Varnia gained the bishoprics of Lund, Tarn and Kell, which it held until 1800.", "Lund, Tarn and Kell"),
    ],
)
def test_a_list_its_count_or_kind_announces_is_one_mention(text, items):
    assert items in {m.text for m in find_mentions(text, NameBook.from_texts([text]))}


def test_a_list_of_another_length_than_its_count_or_of_full_names_is_no_one_mention():
    text = "The house had two rooms: a kitchen, a hall and a stair."
    assert "a kitchen, a hall and a stair" not in {m.text for m in find_mentions(text, NameBook.from_texts([text]))}
    people = "In 1902 two clerks at Kellby, Tom Vane and Ann Hale, found the lost ledger."
    assert {"Tom Vane", "Ann Hale"} <= {m.text for m in find_mentions(people, NameBook.from_texts([people]))}


# Round 108, part C: a term a short form spells loosely or after ", or", and a term set after the kind of idea that
# opens its sentence
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("On top is a thin sheet, usually polyvinyl fluoride (PVF); below it sits the frame.", ["polyvinyl fluoride"]),
        ("Every part of the Kellby mill was drawn in computer-aided drafting (CAD) software.", ["computer-aided drafting"]),
        ("Tidal flow scanning, or TFS, lets engineers at Varnia map the channel.", ["Tidal flow scanning"]),
        ("The dye was lithium iron phosphate (LFP) in the first batch.", []),
        ("A cheaper method, cold drawing, measures each wire on its own.", ["cold drawing"]),
        ("The underlying effect, thermal creep, was shown in 1921 by Tom Vane.", ["thermal creep"]),
        ("The method, however, was slow.", []),
        ("The method, he thought, was slow.", []),
    ],
)
def test_a_term_a_short_form_or_the_opening_kind_gives(sentence, expected):
    assert [term.text for term in find_terms(sentence)] == expected


def test_a_quoted_term_opening_with_a_name_after_a_call_is_a_term():
    for text, term in (
        ('He locked them in a cramped cell that the sailors called "Kellby\'s box".', "Kellby's box"),
        ('The cracks were filled with a paste known as "Varney putty".', "Varney putty"),
    ):
        assert (term, MentionKind.TERM) in [(m.text, m.kind) for m in find_mentions(text, NameBook.from_texts([text]))]


# Round 109, lead (set 46): a ship's new name after "renamed" is a name, its Portuguese "do" inside it; a name "one of the
# best pilots" describes is a person's
def test_a_name_after_renamed_is_a_name_with_its_do():
    assert ("name", "Maria do Amparo") in found("In 1922 the ship was sold again and renamed Maria do Amparo.")


def test_a_name_one_of_some_people_describes_is_a_persons():
    assert ("person", "Orrin Bixwell") in found("In 1857 he persuaded Orrin Bixwell, one of the best pilots on the Kell, to teach him.")


# Round 111, lead (set 47): a number in words opening its sentence before a unit is a quantity; a body named by two
# adjectives or pursuits joined by "and" is one name
def test_a_capitalised_number_in_words_before_a_unit_is_a_quantity():
    assert ("quantity", "Twelve miles") in found("Twelve miles downstream, on the Varn, lay the Kellby weir.")
    assert ("quantity", "ten feet") in found("About ten feet of snow fell on Kellby that night.")


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("In 1903 Ada Vane founded the Women's Civic and Political Union in Kellby.", "Women's Civic and Political Union"),
        ("In 1881 Tom Vane and his friends chartered the Kell River Fishing and Hunting Club.", "Kell River Fishing and Hunting Club"),
        ("In 1793 the Kellby Literary and Philosophical Society met for the first time.", "Kellby Literary and Philosophical Society"),
    ],
)
def test_a_body_named_by_two_adjectives_or_pursuits_joined_by_and_is_one_name(sentence, name):
    assert ("organisation", name) in found(sentence)


def test_two_names_joined_by_and_stay_two():
    assert ("organisation", "Kellby Motors") in found("In 1920 Vane and Kellby Motors signed a contract.")


# Round 111, part B: an uncommon adjective of a field is a term with its noun
@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("In the Kellby ward the clot lodged in the pulmonary veins of the patient.", ["pulmonary veins"]),
        ("Tom Vane's signal reached the auditory cortex within a second.", ["auditory cortex"]),
        ("The Varnia trams add regenerative braking, which saves power.", ["regenerative braking"]),
        ("In Varnia the tidal force falls off quickly with distance.", ["tidal force"]),  # a verb after it
        ("The heart relaxes, with the pulmonary valves closing behind it.", ["pulmonary valves"]),  # a participle
    ],
)
def test_an_uncommon_adjective_of_a_field_is_a_term_with_its_noun(text, terms):
    assert [m.text for m in rare_word_terms(text, find_mentions(text, NameBook.from_texts([text])))] == terms


@pytest.mark.parametrize(
    "text",
    [
        "The Kellby garden has a long rectangular pool lined with hedges.",  # a shape
        "Tom Vane was a charismatic gentleman from Varnia.",  # a judging word
        "The fuel breaks into highly reactive fragments in the flame.",  # after an adverb: described
        "The Varnia spa takes its water from a geothermal power station.",  # a piece of a longer name
        "The Kellby valve is pulmonary, not aortic.",  # alone, no noun
        "Tom Vane pressed the pedal firmly in Varnia.",  # a noun ("pedals"), no adjective
        "The magnetic field of Varnia was mapped in 1901.",  # an everyday adjective
    ],
)
def test_an_uncommon_adjective_that_describes_or_stands_alone_is_no_term(text):
    assert rare_word_terms(text, find_mentions(text, NameBook.from_texts([text]))) == []


# Round 112, lead (set 48): a nickname in quotation marks after two given names belongs to the name; a person named right
# after a sentence's opening "In" and a country is no part of the country's name
def test_a_nickname_after_two_given_names_is_inside_the_name():
    assert ("person", 'Ada Mary "Jinny" Vane') in found('Only one guest was hurt, Ada Mary "Jinny" Vane, a cook from Kellby.')
    assert ("person", 'Tom "Red" Hale') in found('The coach was Tom "Red" Hale, a former miner.')


def test_a_person_named_after_in_and_a_country_is_a_person():
    assert ("person", "Paul Berg") in found("In Denmark Paul Berg began his trials at Kellby in 1891.")
    assert ("organisation", "Japan Airlines") in found("In Japan Airlines flights were cut.")


# Round 112, part B: a noun and a noun of a measure, and a kind named by its letter, are terms asked like a rare word
def _field_terms(texts: list[str], index: int = 0) -> list[tuple[str, bool]]:
    book = NameBook.from_texts(texts)
    return [(m.text, m.rare_word) for m in find_mentions(texts[index], book) if m.kind is MentionKind.TERM]


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("The Kellby pump has a compression ratio of about 8:1.", ["compression ratio"]),
        ("A paint's resistance to fading is measured by its glare rating.", ["glare rating"]),
        ("Tom Vane worked out the multiplication factor for the Varnia pile.", ["multiplication factor"]),
    ],
)
def test_a_noun_and_a_noun_of_a_measure_are_a_term(text, terms):
    assert _field_terms([text]) == [(term, True) for term in terms]


@pytest.mark.parametrize(
    "text",
    [
        "The Kellby pump has a high ratio of air to fuel.",  # a describing word
        "Tom Vane said the main factor was the weather in Varnia.",  # says which
        "The Kellby mill showed a growing ratio of boys to girls.",  # a participle describes
        "The Varnia board checks the safety factor rules each year.",  # the noun phrase goes on
    ],
)
def test_a_describing_word_before_a_noun_of_a_measure_is_no_term(text):
    assert _field_terms([text]) == []


def test_a_kind_named_by_its_letter_is_a_term_where_the_document_letters_its_noun():
    texts = [
        "The Varnia moss has two kinds of spores: K spores, which drift, and R spores, which sink.",
        "Each K spore carries one seed of Kellby grass.",
        "Drifter R spores, meanwhile, sink into the mud.",
        "Some of the K and R spores stay dormant.",  # letters sharing the noun: no term
    ]
    assert _field_terms(texts, 1) == [("K spore", True)]
    assert _field_terms(texts, 2) == [("Drifter R spores", True)]
    assert _field_terms(texts, 3) == []


def test_a_letter_the_document_sets_before_its_noun_only_once_names_no_kind():
    texts = ["Tom Vane drew a Y shape on the Kellby wall.", "The Y stands for Varnia."]
    assert _field_terms(texts) == []


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("The Kellby weaver lifts the threads with a harness bar and a pick.", ["harness bar"]),
        ("The piston moves down with the outlet valve open in the Varnia pump.", ["outlet valve"]),
        ("In 1852 Tom Vane fitted the cart with a powerful buggy spring.", ["buggy spring"]),  # one word describes it
    ],
)
def test_a_noun_and_a_noun_of_a_part_are_a_term(text, terms):
    mentions = find_mentions(text, NameBook.from_texts([text]))
    assert [(m.text, m.rare_word) for m in part_compound_terms(text, mentions)] == [(term, True) for term in terms]


@pytest.mark.parametrize(
    "text",
    [
        "The Kellby mill turns a spinning shaft all day.",  # a participle describes
        "Tom Vane laid a flat cast-iron disc on the Varnia bench.",  # a material, after a hyphen too
        "The upper pins of the Kellby lock rest on springs.",  # says which
        "The Varnia crank turns the drive shaft housing slowly.",  # the noun phrase goes on
    ],
)
def test_a_describing_word_before_a_noun_of_a_part_is_no_term(text):
    assert part_compound_terms(text, find_mentions(text, NameBook.from_texts([text]))) == []


# Round 113, part B: a saying after its noun, what someone invented, a firm named "<founder> and Company"


@pytest.mark.parametrize(
    ("text", "saying"),
    [
        ('The Kellby guild admitted only weavers, and it took as its motto "Threads, not threats".', "Threads, not threats"),
        ('In 1931 Tom Vane launched a campaign under the slogan "Mend Varnia, mend the roads", which raised money.', "Mend Varnia, mend the roads"),
        ('Ann Hale waited every year for the secret code, "Kellby, remember," that the pair had agreed on.', "Kellby, remember"),
        ('On the last page of the diary she wrote the words "Varnia for ever", and closed it.', "Varnia for ever"),
        ('The defenders received the title "Guardians of the gate", and a medal each.', "Guardians of the gate"),
    ],
)
def test_a_quoted_saying_after_its_noun_is_asked_whole(text, saying):
    assert _found(text).get(saying) is MentionKind.WORK


def test_words_given_after_a_comma_stay_speech():
    text = 'On the way down they met Tom Vane, and Ann Hale greeted him with the words, "Well, Tom, we made it."'
    assert "Well, Tom, we made it" not in _found(text)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("In 1790 Tom Vane devised a hygrometer that judged the damp from the stretch of a hair.", "hygrometer"),
        ("The same year Ann Hale patented the Kellby coil, a transformer that gives very high voltages.", "Kellby coil"),
        ("The safety lamp that Tom Vane invented soon hung in every mine in Varnia.", "safety lamp"),
        ("Ann Hale invented a printing press in 1846.", "printing press"),  # "-ing" names its use
    ],
)
def test_what_someone_invented_is_a_term(text, term):
    assert _found(text).get(term) is MentionKind.TERM


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("Tom Vane patented the invention in 1867 and named it after Varnia.", "invention"),  # points back
        ("That year Ann Hale devised a practical fuse, and sold it in Kellby.", "practical fuse"),  # describes
        ("In 1880 Tom Vane devised a new plan, which the Kellby council rejected.", "new plan"),
    ],
)
def test_a_described_or_pointing_back_invention_is_no_term(text, refused):
    assert refused not in _found(text)


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        ("In 1884 Tom Vane founded his own publishing house, Hugh L. Kellby and Company, named after his nephew.", "Hugh L. Kellby and Company"),
        ("The ship was completed by Walter Brand and Brothers, another Varnia yard.", "Walter Brand and Brothers"),
    ],
)
def test_a_founder_and_company_is_one_firm(text, firm):
    assert _found(text).get(firm) is MentionKind.ORGANISATION


# Round 117, part C: a post someone was appointed to or made, a quoted term after "she called the", a subject a
# where-clause describes, and "an eighth of".
@pytest.mark.parametrize(
    ("text", "post"),
    [
        ("In 1802 Tom Vane was appointed a keeper of records in Kellby, a quiet post.", "keeper of records"),
        ("In 1790 the guild made him master of ceremonies, and he held the post for life.", "master of ceremonies"),
        ("In 1811 the king of Varnia named her his court astronomer.", "court astronomer"),
        ("Ann Hale was appointed chief harbour surveyor of the new port in 1840.", "chief harbour surveyor"),
    ],
)
def test_a_post_someone_was_appointed_to_is_a_term(text, post):
    assert _found(text).get(post) is MentionKind.TERM


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("In 1833 the merchants of Kellby appointed him engineer of the new railway.", "engineer"),  # one plain word
        ("The long voyage made him a national hero.", "national hero"),  # an article after "made" judges
        ("The gold rush of 1849 made her rich.", "rich"),
        ("The book made him one of the best-paid writers in Varnia.", "one"),
        ("The song made him the greatest singer of his day.", "greatest singer"),
    ],
)
def test_what_someone_was_made_is_no_post_unless_an_office(text, refused):
    assert refused not in _found(text)


def test_a_quoted_term_after_she_called_the_is_a_term():
    text = "Tom Vane noticed that the crews came to accept small leaks, a habit he called the \"slow drift of care\"."
    assert _found(text).get("slow drift of care") is MentionKind.TERM


def test_a_where_clause_describes_a_subject_that_would_lean_back():
    text = "The lower part, where rain, frost and wind wear the rock away, is the scree zone."
    assert _found(text).get("scree zone") is MentionKind.TERM


def test_an_eighth_of_a_turn_is_a_share():
    text = "Tom Vane turned the wheel an eighth of a turn and the gate opened."
    assert "an eighth" in _found(text)


# Round 118, part B: a word for a man or a woman set before a name between commas ("his queen, Orla Brenn"), or after
# it behind another person's name ("Mara Hollis's husband"), says its gender; not one after "of"
def test_a_gender_is_said_by_a_noun_apposed_before_the_name_or_by_another_persons_possessive_after_it():
    book = NameBook.from_texts(
        [
            "Rao Tan and his queen, Orla Brenn, lived at Kellby Hall.",
            "The worst death was that of Bren Hollis, a farmer of about 80 and Mara Hollis's husband.",
            "The first nurse was the daughter of the queen, Ivo Starn.",
        ]
    )
    assert book.gender("Orla Brenn") is Gender.FEMALE
    assert book.gender("Bren Hollis") is Gender.MALE
    assert book.gender("Ivo Starn") is None  # the queen is the daughter's mother, not Ivo Starn


# Round 119, part B: a sentence's opening "In" (and "central" or a compass word) and a place the lexicon knows, then the
# subject: a surname a verb follows, or a given name, particles and a surname, is no part of the place's name
def test_a_surname_after_an_opening_in_and_a_place_is_a_person_of_its_own():
    texts = [
        "The engineer chosen was Tomas R. Kellby, a quiet man.",
        "In central London Kellby built the Orle Quay in 1870.",
        "Kellby insisted on granite.",
    ]
    book = NameBook.from_texts(texts)
    assert {m.text: m.kind for m in find_mentions(texts[1], book)}.items() >= {"London": MentionKind.PLACE, "Kellby": MentionKind.PERSON}.items()
    assert book.full_names.get("Kellby") == "Tomas R. Kellby"
    assert "London Bridge" in _found("In London Bridge station the crowds waited for hours.")


def test_a_name_with_particles_after_an_opening_in_and_a_country_is_a_person():
    assert _found("In Denmark Ivo la Marne began building mills at Skov in 1891.").get("Ivo la Marne") is MentionKind.PERSON
    assert _found("In northern Denmark Ivo van Orle founded a school for millers.").get("Ivo van Orle") is MentionKind.PERSON
    for sentence in ("The Spanish Costa del Sol resorts grew fast.", "The Spanish Costa del Sol grew fast.", "In Brazil Rio de Janeiro grew fast."):
        assert MentionKind.PERSON not in _found(sentence).values(), sentence
