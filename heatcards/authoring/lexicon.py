"""Small word lists the rules engine recognises facts by: cues for people, places, organisations and
works, month names, units, and the verbs whose questions it knows how to ask.

They are cues, not an encyclopedia: a name the lists do not hold is still found from its context
(a title before it, a preposition, a verb after it, how often the document uses it).
"""
from __future__ import annotations

import wordfreq


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


MONTHS = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
)
MONTH_NAMES = frozenset(MONTHS.split())
WEEKDAYS = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
# Words of a time zone after a time of day: "at 6 p.m. Eastern time", "at noon GMT".
TIME_ZONE_WORDS = _words("Eastern Central Mountain Pacific Atlantic Greenwich GMT UTC BST CET EST EDT CST CDT MST MDT PST PDT")
# Days of the year known by a feast or a holiday, which a year after them makes a date: "On Christmas Day 1908 …".
FEAST_DAYS = (
    "Christmas Day|Christmas Eve|New Year['’]s Day|New Year['’]s Eve|Easter Sunday|Easter Monday|Good Friday|"
    "Boxing Day|Armistice Day|Independence Day|Bastille Day|Thanksgiving Day|Midsummer Day|Midsummer['’]s Day"
)

# Capitalised words that begin sentences without naming anything.
SENTENCE_STARTERS = _words(
    "A An The This That These Those There Here It Its He She His Her They Their Them We Our You Your I My "
    "In On At By For From With Without Of To Into Onto Over Under After Before During Since Until Upon "
    "And But Or Nor Yet So Still Although Though While Whereas When Whenever Where Wherever Why How What "
    "Which Who Whom Whose If Unless Because As Despite However Meanwhile Moreover Furthermore Also Then "
    "Later Earlier Today Yesterday Tomorrow Now Once Twice Even Only Just Both Each Every All Some Many "
    "Most Few Several No None Not Another Other Such One Two Three Four Five Six Seven Eight Nine Ten "
    "Besides Instead Indeed Perhaps Maybe Finally First Second Third Last Next Thus Hence Therefore Alas Sadly "
    "Unfortunately Fortunately Initially Eventually Originally Recently Soon Often Sometimes Among Between "
    "Roughly Nearly Almost Approximately "
    "Like Unlike Following According Around About Across Along Against Beyond Within Through Throughout "
    "Is Are Was Were Do Does Did Has Have Had Can Could Will Would Should Must May Might Of Course Ahem"
)

# Capitalised words that name nothing worth asking about, wherever they stand.
# ("TNT" is an explosive, whose weight measures a blast, "about 2.5 kilotons of TNT": no organisation)
NOT_NAMES = _words("I TV DVD CD PC OK AM PM CEO CFO DJ MC UFO AKA USB PDF URL FAQ TNT Mr Mrs Ms Dr Prof Sir Jr Sr")

# Abbreviations that belong to the name after them, or before them: "St. Louis", "Martin Luther King Jr."
NAME_ABBREVIATIONS = ("St", "Mt", "Ft", "Jr", "Sr", "Dr", "Mr", "Mrs", "Ms", "Prof", "Gen", "Col", "Capt", "Lt", "Sgt", "Rev", "Co", "Inc", "Ltd", "Corp", "Bros", "No")
# The suffixes that tell a child from a parent of the same name: only a person's name ends with one ("Linus Hale Sr.",
# "Ann Lind Jr.").
GENERATIONAL_SUFFIXES = frozenset({"Jr", "Sr"})
TITLES_BEFORE_NAMES = _words(
    "Mr Mrs Ms Miss Dr Prof Professor Sir Dame Lord Lady Saint St President Senator Governor Mayor "
    "King Queen Prince Princess Emperor Empress Pope General Gen Colonel Col Captain Capt Lieutenant Lt "
    "Sergeant Sgt Judge Justice Chancellor Minister Reverend Rev Father Sister Brother Detective Officer "
    "Admiral Commander Ensign Premier Ambassador Commissioner Tsar Tsarina Czar Czarina Kaiser Sultan Shah Pharaoh"
)
# Titles that are also common words, capitalised in the names of events and bodies after "the": "the General Strike",
# "the General Assembly" (see entities._a_common_word_title_after_the).
COMMON_WORD_TITLES = _words("General")
# Titles of address that open no place's name (unlike "Lord Howe Island", "Lady Elliot Island", "King William Island"):
# "Sir Rowland Hill" is a person although "Hill" ends places' names.
PERSONAL_HONORIFICS = _words("Mr Mrs Ms Miss Dr Sir Dame")
# The epithets of rulers and other people of the past, which "the" joins to the name: "Catherine the Great", "Pliny
# the Elder", "William the Conqueror".
EPITHETS = _words("Great Elder Younger Conqueror Confessor Navigator Magnificent Terrible Bold Pious Wise Fair Lionheart Lawgiver")
# The titles of rulers, who are counted by a numeral after their name, also "I", which elsewhere is the first person:
# "King Olaf I", "Sultan Mehmed II" (see entities._a_rulers_numeral).
RULERS_TITLES = _words("King Queen Prince Princess Emperor Empress Pope Tsar Tsarina Czar Czarina Kaiser Sultan Shah Pharaoh Duke Duchess")
# Words before a title that say when or how its holder held it, outside the name with the title:
# "Former President {{Jimmy Carter}}", "Retired General {{Anna Berg}}".
TITLE_QUALIFIERS = _words("Former Retired Late Acting Then")
# Titles of office of several words, kept outside the person's name like the one-word titles above:
# "Secretary of State {{George C. Marshall}}", "Rear Admiral {{Tamon Yamaguchi}}"; and a rank that is a
# common word in lower case, a title only when capitalised: "Major {{William L. Sibert}}", not "a major
# Hollywood studio" (after "Major General", which it begins).
OFFICE_TITLES = (
    "Secretary of State", "Secretary of War", "Secretary of Defense", "Secretary of the Treasury", "Secretary of the Navy",
    "Prime Minister", "Foreign Minister", "Foreign Secretary", "Vice President", "Attorney General", "Chief Justice",
    "Rear Admiral", "Vice Admiral", "Fleet Admiral", "Lieutenant Commander", "Lieutenant General", "Major General",
    "Brigadier General", "Field Marshal", "Lieutenant Colonel", "Holy Roman Emperor", "Major", "Rear Adm.", "Vice Adm.",
    # the British spelling joins a rank's words with a hyphen
    "Lieutenant-Colonel", "Lieutenant-General", "Lieutenant-Commander", "Major-General", "Brigadier-General", "Rear-Admiral",
    "Vice-Admiral",
)
# The titles of heads of state and government: a reader who knows the year and the country fills in
# the name after one when the sentence only mentions that person ("to meet President {{…}}").
HEAD_OF_STATE_TITLES = ("President", "King", "Queen", "Emperor", "Empress", "Tsar", "Kaiser", "Pope", "Prime Minister")

# People by their part in a crew, a staff or a trade: before a name, also set off by commas ("the
# flight director, Gene Kranz", "the stowaway Perce Blackborow"), they say it is a person. Only words
# no company or place is called by: not "partner", "leader", "star", "designer".
ROLE_NOUNS = _words(
    "astronaut cosmonaut pilot co-pilot copilot navigator commander captain skipper helmsman officer director "
    "controller engineer mechanic technician carpenter cook steward surgeon physician doctor nurse geologist "
    "meteorologist physicist chemist biologist botanist zoologist astronomer geographer surveyor cartographer "
    "archaeologist anthropologist historian explorer photographer cameraman stowaway speechwriter secretary "
    "spokesman spokeswoman spokesperson aide adviser advisor assistant deputy second-in-command lieutenant "
    "sergeant showman impresario ambassador diplomat negotiator inventor scientist mathematician economist "
    "journalist reporter biographer translator missionary chaplain priest bishop sculptor painter novelist poet "
    "playwright composer conductor mountaineer climber"
)

# A person's relatives, beside whom a count of companions is said in passing ("his wife and three children").
KIN_NOUNS = _words("wife husband son daughter father mother brother sister uncle aunt cousin nephew niece children parents family")
# Words for a man or a woman, a boy or a girl: a "his" or "her" after such a subject is its own ("The boy gave his first
# concert", "The father taught his son"), never the document's person's; just before a name, they say its gender ("the
# actress Yoko Mori").
# The rulers are here in lower case ("the emperor Rao Tan", "The old emperor …"), beside the titles (MALE_TITLES) they
# are when capitalised.
MALE_NOUNS = _words(
    "man boy lad son father brother husband uncle nephew grandfather grandson king prince "
    "emperor pharaoh sultan tsar czar shah maharaja duke"
)
FEMALE_NOUNS = _words(
    "woman girl daughter mother sister wife aunt niece grandmother granddaughter queen princess actress widow "
    "empress tsarina czarina sultana begum maharani duchess"
)
# The words a biography may call its person by as a child, and those for the child the sentence before may use:
# "… hoped to show off his son as a second Mozart. The boy gave his first public concert …".
YOUNG_MALE_NOUNS = ("boy", "young man")
YOUNG_FEMALE_NOUNS = ("girl", "young woman")
MALE_CHILD_NOUNS = ("son", *YOUNG_MALE_NOUNS)
FEMALE_CHILD_NOUNS = ("daughter", *YOUNG_FEMALE_NOUNS)

# Lower-case words that, just before a capitalised name, say it is a person (the roles above among them).
PERSON_CUES = _words(
    "director actor actress producer writer author novelist poet playwright screenwriter filmmaker composer "
    "singer songwriter musician guitarist drummer pianist rapper artist painter sculptor photographer "
    "designer architect engineer inventor scientist physicist chemist biologist mathematician astronomer "
    "philosopher economist historian journalist reporter editor publisher critic founder co-founder "
    "cofounder ceo chairman chairwoman president senator governor mayor minister chancellor king queen "
    "prince princess emperor pope general captain detective cop officer sheriff agent spy thief robber "
    "criminal convict gangster player coach manager star co-star costar partner wife husband son daughter "
    "father mother brother sister uncle aunt cousin friend colleague student teacher professor doctor "
    "nurse lawyer judge explorer astronaut pilot soldier sailor leader chef owner creator star adviser apprentice pupil "
    "advisor consultant veteran runner athlete sprinter swimmer cyclist boxer jockey champion clerk merchant farmer banker schoolmaster "
    "runners athletes players actors directors writers scientists engineers"
) | ROLE_NOUNS
# Words for a person above that as often name a thing: "a star", "a general strike", "a coach", "the governor of a steam
# engine", "a player" of records, "the publisher" or "producer" that is a firm.
PERSON_WORDS_ALSO_THINGS = _words("star co-star costar general agent spy cop player runner coach judge governor publisher producer")
# Any lower-case word for a person: a part they play, a relative, a man or a woman.
PERSON_WORDS = PERSON_CUES | MALE_NOUNS | FEMALE_NOUNS

# Verbs that, just after a capitalised name, say it is a person.
PERSON_VERBS = _words(
    "said says told tells wrote writes recalled recalls remembered remembers explained explains added "
    "argued argues insisted admitted claimed claims noted believed believes thought wanted decided "
    "directed starred played sang painted composed married died interviewed stepped spent "
    "replied replies asked asks shouted whispered laughed smiled cried joked quipped"
)

# Round 106, lead. Verbs of taking someone somewhere, after which "her home" is where she was taken: "the bus taking her
# home from school" (see rules._object_her).
TAKING_VERBS = _words(
    "take takes taking took taken bring brings bringing brought drive drives driving drove driven send sends sending sent "
    "walk walks walking walked carry carries carrying carried"
)
# Verbs of seeing or of making someone act, whose object goes on with a bare verb: "watched her read the Bible",
# "let her study", "made her promise" (not "watched her son", where the "her" owns the noun after it).
SEEING_OR_CAUSING_VERBS = _words(
    "watch watches watched watching see sees saw seen seeing hear hears heard hearing help helps helped helping "
    "let lets letting make makes made making notice noticed noticing feel feels felt bid bade"
)
# Bare verbs such an object often goes on with, beyond the verbs the engine knows otherwise: "watched her {read}",
# "heard her {preach}" (some are nouns too, "her work", "her dance": see _object_her in rules.py).
BARE_VERBS_AFTER_AN_OBJECT = _words("read speak preach sing dance perform work play fly swim ride walk paint pray die")
# Verbs of judging someone to be in a state, and the states, which no possessive goes before: "declared her {insane}",
# "found him {guilty}" (not "found her diary", where the "her" owns the noun after it).
JUDGING_VERBS = _words("declared declare declares pronounced found judged deemed certified ruled thought considered believed proclaimed")
JUDGED_STATES = _words(
    "insane sane mad guilty innocent dead alive unfit fit competent incompetent ill missing dangerous responsible liable bankrupt"
)
# Round 101, part C: verbs only a person or a company does to a thing, which tell a capitalised word before them that
# opens a sentence is a name: "Harker patented the first …" (see entities._a_maker_by_its_verb).
MAKER_VERBS = _words("founded introduced patented invented acquired bought sued manufactured licensed married")
# Round 104, part C: the passive verbs of a work coming out, which tell a capitalised word alone before them that opens a
# sentence is the work's title: "Driftwood was published in 1961." (see entities._a_work_by_its_verb; not "released",
# which a prisoner is, nor "performed", which a Mass is).
WORK_RELEASE_VERBS = _words("published premiered serialised serialized")
# Words for an amount of what is unnamed, which open a sentence before those verbs without naming a work ("Little was
# published until 1920.").
INDEFINITE_AMOUNTS = _words("Nothing Something Everything Anything Little Much More Less Most Half Part None All Enough")
# Round 104, part C: materials a place or a maker names, which a capitalised word right before them makes one term:
# "Portland cement", "Carrara marble" (see entities._material_it_names; not after a people's word: "Welsh slate").
NAMED_MATERIAL_NOUNS = _words("cement stone marble limestone sandstone granite slate porcelain stoneware earthenware")
# Verbs that set a line of speech beside its speaker ("…," Ruth Ames told the crew.).
SPEECH_VERBS = _words("said says told wrote writes declared declares recalled replied added remarked")

ORGANISATION_WORDS = _words(
    "Inc Incorporated Corp Corporation Co Company Ltd Limited LLC PLC GmbH AG Group Holdings Industries "
    "Organization Organisation University College Institute Institution School Academy Department Ministry Agency Bureau Office Commission "
    "Administration Committee Council Conference Board Authority Association Society Foundation Trust Fund Union League Federation "
    "Party Court Parliament Congress Senate Assembly Bank Museum Gallery Galleries Library Hospital Church Studios Studio "
    "Pictures Films Records Press Times Post Journal News Network Broadcasting Airlines Motors Systems "
    "Technologies Laboratory Laboratories Labs Police Army Navy Force Forces Guard Team Club Orchestra Band Brothers "
    "Aircraft Airways Aviation Aerospace Works Shipyard Shipyards Shipbuilding Engineering Manufacturing Enterprises"
)
# Round 111, lead. Plural nouns for people whose possessive opens a body's name, no owner's: "the Women's Social and
# Political Union", "the Children's Hospital" (see rules._takes_the; not "Guy's Hospital").
PEOPLE_AS_OWNERS = _words("Women Men Children People Workers Ladies Boys Girls Seamen Sailors Soldiers Miners Teachers")
# Words for a home that a name goes on after "for", as an organisation's name does: "the Waif's Home for Boys", "the
# Perkins Asylum for the Blind"; no organisation words alone ("Sir Everard Home" is a man).
HOME_WORDS = _words("Home Asylum Orphanage Refuge")
# Round 101, part C: adjectives that name a people after "the", the last word of a home's or a body's name for them:
# "the Royal Institute for the Deaf", "the Hospital for the Insane" (see entities._FOR_THE_PEOPLE).
PEOPLE_ADJECTIVES = _words(
    "Blind Deaf Deaf-Blind Dumb Aged Elderly Poor Sick Insane Destitute Disabled Handicapped Homeless Needy Infirm Feeble-Minded"
)
# Words after a possessive that make one name of a thing called after a person: "Halley's Comet",
# "Hubble's Law" (a name, where "Halley's orbit" is the person's).
EPONYM_WORDS = _words("Comet Law Theorem Constant Equation Principle Paradox Effect Disease Syndrome")
# The first word of the name of an undertaking, not of a person: "Project Mercury", "Operation Overlord".
UNDERTAKING_WORDS = _words("Project Operation Programme Program Mission Expedition")
# The last word of the name of an event, which a place after "of" belongs to: "the Great Flood of Paris",
# "the Siege of Leningrad" (where "Derek Ibbotson of Britain" is a person and where he comes from).
EVENT_WORDS = _words(
    "Flood Fire Storm Siege Battle Earthquake Hurricane Blizzard Eruption Famine Plague Fog Smog Riot Massacre "
    "Disaster Explosion Tsunami Uprising Rebellion Revolt"
)
# Words for an event, a law or an agreement that one word and its year name whole: "the Panic of 1907", "the Settlement
# of 1859" (Round 89, part B; see entities._NAME_OF_ITS_YEAR).
NAMED_BY_ITS_YEAR_WORDS = EVENT_WORDS | _words("Compromise Panic Act Treaty Crash Revolution Settlement Depression Convention Accord")
# The last word of the name of a state, which the country after "of" belongs to: "the Federal Republic of Germany",
# "the Grand Duchy of Luxembourg" (where "Derek Ibbotson of Britain" is a person and where he comes from).
STATE_WORDS = _words("Republic Kingdom Empire Principality Duchy Commonwealth Confederation Emirate Emirates Sultanate Dominion")
# The first word of a Latin title of a sacred work, which keeps the lower-case words after it: "the Missa solemnis",
# "a Stabat mater" (a list: nothing else tells a Latin word from an English one).
LATIN_TITLE_WORDS = _words("Missa Stabat Agnus Dies Ave Salve Kyrie")

# Well-known acronyms that are places, not organisations.
PLACE_ACRONYMS = _words("US USA UK UAE USSR DC LA NYC EU")

PLACE_WORDS = _words(
    "City County State Province Region District Republic Kingdom Empire Island Islands Isle Bay Gulf Sea "
    "Ocean River Lake Mountain Mountains Mount Mt Hills Hill Valley Canyon Desert Forest Park Street St "
    "Avenue Ave Road Boulevard Square Bridge Harbor Harbour Coast Beach Peninsula Strait Falls Heights "
    "Village Town Township Borough Airport Station Canal Cape Plains Mill Mills Theatre Theater Hall Cathedral "
    "Tower Palace Castle Market Gardens Temple Abbey Stadium Arena Ground Oval Land"
)
# The last words of places that are buildings or grounds, which a sentence puts someone "at" rather than "in": "At
# Harrow Park he …", "The library opened at Kell House".
BUILDING_WORDS = _words(
    "Park Hall Tower Palace Castle Market Station Airport Theatre Theater Abbey Cathedral Temple Stadium Arena House "
    "Mill Mills Works College School Academy University Institute Observatory Laboratory Museum Church Chapel Fort Place"
)
# The last words of canals and railways named after the two places they join: "the Trent and Mersey Canal", "the
# Liverpool and Manchester Railway".
ROUTE_WORDS = _words("Canal Railway Railroad")
# Round 108, part B. Plurals for places of one kind, which "of" and the places' names follow: "the towns of Kell and
# Varby", "the bishoprics of Orva, Lund and Tarn" (see entities._PLACES_AFTER_THEIR_KIND).
PLACE_KIND_PLURALS = _words("towns cities ports villages kingdoms states provinces counties bishoprics duchies cantons islands colonies republics")
# The prefixes of a ship's name: "HMS Hood", "RMS Queen Mary", "USS Yorktown".
VESSEL_PREFIXES = _words("HMS RMS SS USS MV MS RV HMAS HMCS HMNZS USNS SMS HMY")
# Words for a ship, a boat or another craft: the name after one names the craft, also when it is a
# person's name ("the lifeboat James Caird", "the liner Queen Mary").
CRAFT_WORDS = _words(
    "ship liner boat lifeboat yacht schooner steamer steamship cruiser battleship destroyer frigate submarine "
    "carrier warship tug ferry trawler whaler barque barquentine airship airliner aircraft plane locomotive"
)
# The craft of the water a "she" may stand for, when a document says its topic is one ("The ship was ordered by …").
SHIP_WORDS = CRAFT_WORDS - _words("airship airliner aircraft plane locomotive")
# Words that make a place's name with one other word, before or after it: "Lake Baikal", "Mount
# Everest", "Thames River" (the other word alone names the same place).
PLACE_FIRST_WORDS = _words("Lake Mount Mt River Cape Isle Loch Glacier Volcano")
# Words that open most places' names ("Fort Sumter") but end one after its owner's possessive: "Marsh's Fort", "Hale's
# Ferry", "Ward's Landing" (Round 89, part B).
PLACE_WORDS_AFTER_AN_OWNER = _words("Fort Ferry Landing Crossing")
# Words for a house or a palace that open a building's name in Catalan, Spanish, Italian or German: "Casa Vicens", "Palau
# Güell", "Palazzo Vecchio" (a place, never a person's name, though the other word is often its owner's surname).
BUILDING_FIRST_WORDS = _words("Casa Palau Palazzo Palacio Schloss Fort")
# Round 112, part A. Words that open places' names and say only that a saint is named: "the San Andreas Fault" beside
# San Francisco says not which fault.
SAINT_WORDS = _words("San Santa Santo São Sankt")
# Round 112, part A. Adjectives that many institutions' names hold, which say whose they are, not which: "the Golden
# Gate National Recreation Area, managed by the National Park Service".
INSTITUTION_ADJECTIVES = _words("National Royal Imperial Federal International")
# The last word of a prize's name, which may go on with "in": "Nobel Prize in Physics".
PRIZE_WORDS = _words("Prize Prizes Award Awards Medal Trophy")

PLACES = frozenset(
    {
        # continents and regions
        "Africa", "Antarctica", "Asia", "Australia", "Europe", "North America", "South America",
        "Latin America", "Central America", "Middle East", "Scandinavia", "Caribbean", "Siberia",
        "Balkans", "Oceania", "Americas",
        # oceans
        "Atlantic", "Pacific", "Atlantic Ocean", "Pacific Ocean", "Indian Ocean", "Arctic Ocean", "Southern Ocean",
        "North Atlantic", "South Atlantic", "North Pacific", "South Pacific",
        # countries
        "Afghanistan", "Argentina", "Austria", "Belgium", "Bolivia", "Brazil", "Bulgaria", "Cambodia",
        "Canada", "Chile", "China", "Colombia", "Croatia", "Cuba", "Czechia", "Czechoslovakia", "Denmark", "Egypt",
        "England", "Ethiopia", "Finland", "France", "Germany", "Ghana", "Greece", "Hungary", "Iceland",
        "India", "Indonesia", "Iran", "Iraq", "Ireland", "Israel", "Italy", "Jamaica", "Japan", "Kenya",
        "Korea", "Mexico", "Morocco", "Nepal", "Netherlands", "New Zealand", "Nigeria", "Norway",
        "Pakistan", "Peru", "Philippines", "Poland", "Portugal", "Romania", "Russia", "Scotland",
        "Serbia", "Singapore", "South Africa", "South Korea", "Spain", "Sweden", "Switzerland", "Syria",
        "Taiwan", "Thailand", "Turkey", "Ukraine", "United Kingdom", "United States", "America", "West Germany", "East Germany",
        "Venezuela", "Vietnam", "Wales", "Britain", "Great Britain", "Soviet Union",
        # states and provinces
        "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
        "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky",
        "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi",
        "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico",
        "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania",
        "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont",
        "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming", "Ontario", "Quebec",
        "Bavaria", "Tuscany", "Catalonia", "Queensland",
        # cities
        "Amsterdam", "Athens", "Atlanta", "Baghdad", "Baltimore", "Bangkok", "Barcelona", "Beijing",
        "Berlin", "Boston", "Brooklyn", "Brussels", "Budapest", "Buenos Aires", "Cairo", "Chicago",
        "Cleveland", "Copenhagen", "Dallas", "Delhi", "Denver", "Detroit", "Dublin", "Edinburgh",
        "Florence", "Geneva", "Glasgow", "Hamburg", "Havana", "Hollywood", "Hong Kong", "Houston",
        "Istanbul", "Jerusalem", "Kyoto", "Las Vegas", "Lisbon", "Liverpool", "London", "Los Angeles",
        "Madrid", "Manchester", "Manhattan", "Melbourne", "Miami", "Milan", "Montreal", "Moscow",
        "Mumbai", "Munich", "Naples", "New Orleans", "Osaka", "Oslo", "Oxford", "Cambridge", "Paris",
        "Philadelphia", "Phoenix", "Pittsburgh", "Prague", "Rome", "San Diego", "San Francisco",
        "Santa Monica", "Seattle", "Seoul", "Shanghai", "Stockholm", "Sydney", "Tokyo", "Toronto",
        "Vancouver", "Venice", "Vienna", "Warsaw", "Zurich", "Beverly Hills", "Queens", "Harlem",
        # national capitals not listed above
        "Helsinki", "Reykjavík", "Reykjavik", "Bern", "Ottawa", "Canberra", "Wellington", "Nairobi", "Tehran",
        "Kabul", "Hanoi", "Manila", "Jakarta", "Lima", "Bogotá", "Santiago", "Caracas", "Kyiv", "Kiev", "Minsk",
        "Riga", "Tallinn", "Vilnius", "Belgrade", "Bucharest", "Sofia", "Zagreb", "Ljubljana", "Bratislava",
        # short forms of the countries and cities above ("the {{U.S.}} government", "an {{LA}} restaurant")
        "U.S.", "US", "U.S.A.", "USA", "U.K.", "UK", "USSR", "U.S.S.R.", "UAE", "L.A.", "LA", "D.C.", "DC", "NYC", "N.Y.",
    }
)

# Names a card should never ask for: anyone fills them in from the words around them ("orbits the Earth").
TRIVIAL_NAMES = _words("Earth Moon Sun North South East West Congress Senate Parliament Celsius Fahrenheit")
# Events everyone has heard of: never an answer, nor the year or month they began or ended ("when the
# {{Second World War}} broke out", "when the Second World War broke out in {{September 1939}}").
WELL_KNOWN_EVENTS = (
    "First World War", "Second World War", "World War I", "World War II", "Great War", "Great Depression",
    "Cold War", "Industrial Revolution", "French Revolution", "Russian Revolution", "Wall Street Crash",
)
# Nouns that make a term of the name before them: "Addison's disease", "Hooke's law" (the name alone is half of it);
# those of an idea make one term with the name, asked whole: "{{Hooke's law}}", "the {{Dorn cycle}}".
NAMED_IDEA_NOUNS = _words("law laws principle theorem constant paradox effect equation equations cycle number numbers test")
# and the parts of the body named after the anatomist who described them: "{{Bowman's capsule}}", "{{Cowper's glands}}"
# Round 106, part A: and those of a method, a measure or a reaction, one term with the name only after "the" (after a
# possessive they are someone's own: "Anna's reaction", "Grey's scale"): "the {{Fourier transform}}", "the {{Larmor
# frequency}}", "the {{Maillard reaction}}", "the {{Beaufort scale}}". (Not "process": a document titled "The Lenz-Dorn
# process" would lose the topic its one name gave, and with it the label that gives away "Karl Dorn".)
NAMED_METHOD_NOUNS = _words("transform frequency reaction scale limit phenotype")
EPONYM_NOUNS = NAMED_IDEA_NOUNS | _words(
    "disease diseases syndrome lymphoma sarcoma palsy rule comet razor cage capsule gland glands duct ducts corpuscles patches"
)
# The parts of the body named after an anatomist by "of" and the name: "the {{organ of Corti}}", "the {{loop of Henle}}".
ANATOMY_NAMED_BY_OF = _words("organ loop islets")

# Words for a people or a nation's things: never worth a deletion ("{{Spanish}} soldiers").
DEMONYMS = _words(
    "American British English French German Italian Spanish Russian Soviet Chinese Japanese Polish Irish "
    "Scottish Welsh Dutch Swedish Norwegian Danish Greek Roman Egyptian Mexican Canadian Indian Jewish "
    "Christian Muslim Catholic Protestant European African Asian Korean Portuguese Austrian Swiss Belgian "
    "Quaker Methodist Anglican Puritan Baptist Lutheran Presbyterian Mormon Hindu Buddhist Sikh Calvinist Huguenot"
) | frozenset(  # of a divided country, as guessable as the country's: "crowded into the {{West German}} embassy"
    {"East German", "West German", "North Korean", "South Korean", "North Vietnamese", "South Vietnamese"}
)
# Words for a nation before a person's name, which are no part of it: "the Hungarian {{Zoltar Bendek}}, a clerk" (see
# entities._persons_name_after_a_nationality). Only DEMONYMS are refused as answers and read before a currency: with
# these too, "about 24,000 Finnish marks" took a key fact's place at the cap.
NATIONALITIES = DEMONYMS | _words(
    "Hungarian Czech Slovak Finnish Icelandic Turkish Persian Iranian Israeli Brazilian Argentine Chilean Peruvian "
    "Colombian Venezuelan Cuban Panamanian Uruguayan Australian Romanian Bulgarian Serbian Croatian Ukrainian Estonian "
    "Latvian Lithuanian Kenyan Ethiopian Nigerian Moroccan Algerian Thai Vietnamese Filipino Indonesian"
)
# Last words of places' names that English writes without "the" ("Central Park", "Westminster Abbey", "Windsor Castle",
# "Trafalgar Square", "Ellis Island"), unlike "the Avon Bridge" or "the Ring Road".
NO_ARTICLE_PLACE_WORDS = _words("Park Street Avenue Ave Square Island Castle Abbey Cathedral Airport Land")
# The last words of a place that is a thing one can say "it" of: "the Golden Gate Bridge … Its span".
STRUCTURE_WORDS = _words(
    "Bridge Tower Building Dam Canal Tunnel Station Airport Stadium Arena Castle Palace Cathedral Mill "
    "Hall Theatre Theater Museum Temple Abbey Wall Lighthouse Monument Statue"
)

# A place and the words that give it away when they are elsewhere on its card: "the French capital,
# {{Paris}}", "Mission Control in {{Houston}}".
GIVEN_AWAY_BY: dict[str, tuple[str, ...]] = {
    "Paris": ("France", "French", "Sorbonne"), "London": ("England", "English", "Britain", "British"),
    "Rome": ("Italy", "Italian", "Roman"), "Berlin": ("Germany", "German"), "Madrid": ("Spain", "Spanish"),
    "Moscow": ("Russia", "Russian", "Soviet", "Kremlin"), "Tokyo": ("Japan", "Japanese"),
    "Beijing": ("China", "Chinese"), "Vienna": ("Austria", "Austrian"), "Athens": ("Greece", "Greek"),
    "Cairo": ("Egypt", "Egyptian"), "Dublin": ("Ireland", "Irish"), "Edinburgh": ("Scotland", "Scottish"),
    "Houston": ("Mission Control", "NASA"), "Los Angeles": ("L.A.", "LA"), "New York": ("N.Y.", "NYC"),
    "Hollywood": ("film", "films", "movie", "movies", "studio"),
    "France": ("French",), "Germany": ("German",), "Italy": ("Italian",), "Spain": ("Spanish",),
    "Japan": ("Japanese",), "China": ("Chinese",), "Russia": ("Russian",), "England": ("English", "London"),
    "Britain": ("British",), "Poland": ("Polish",), "Ireland": ("Irish",), "Mexico": ("Mexican",),
    "Canada": ("Canadian",), "India": ("Indian",), "Greece": ("Greek",), "Egypt": ("Egyptian",),
    "United States": ("American",), "America": ("American",), "Netherlands": ("Dutch",),
    "Sweden": ("Swedish",), "Norway": ("Norwegian",), "Scotland": ("Scottish",), "Portugal": ("Portuguese",),
}

# Prepositions after which a capitalised name is usually a place.
PLACE_PREPOSITIONS = _words("in at near from into across outside throughout inside towards toward around")
# Round 102, part C. Lower-case nouns for a settlement or a stretch of land that, before "of", make the name after them
# a place, whatever the document's other uses of it: "the village of Arlow", "the seaside resort of Penmoor", "the
# coast of Brenland" (not the counts of "a town of 8,000 people", which are no names).
SETTLEMENT_NOUNS = _words(
    "village villages town towns city cities port ports resort hamlet island islands county province state region "
    "district suburb capital colony coast valley parish borough"
)
# Lower-case words for the part of a land a name lies in, which make that name a place: "in southern Varnia", "the
# mountains of northern Ostland".
COMPASS_ADJECTIVES = _words(
    "northern southern eastern western north-eastern north-western south-eastern south-western northeastern "
    "northwestern southeastern southwestern"
)

# Words for a business right before its name, which makes the name an organisation: "the Swiss firm Cerberus".
ORGANISATION_CUES = _words("firm company manufacturer maker carmaker automaker shipbuilder airline")
# Lower-case nouns that, just before a capitalised or quoted title, say it names a work.
WORK_CUES = _words(
    "film films movie movies novel novels book books album albums song songs single series show shows "
    "sitcom drama dramas documentary play plays opera musical painting paintings poem poems novella "
    "memoir game video episode thriller thrillers comedy comedies classic sequel remake pilot magazine "
    "newspaper journal autobiography revue pamphlet pamphlets treatise treatises manual manuals "
    "restaurant restaurants"  # a place's name too, whose small words are the name's: "the restaurant Lantern on the Hill"
)
# Round 113, part B. Nouns for a saying a person or a group takes as theirs, or a title given, before it in quotation
# marks: 'it took as its motto "Deeds, not words"', 'the secret code, "Rosabelle, believe,"', 'received the title
# "Knights of Varnia"' (see entities._TITLE_CUE).
SAYING_CUES = _words("motto mottoes slogan slogans watchword watchwords password catchphrase code title")

MALE_FIRST_NAMES = _words(
    "Aaron Adam Adrian Al Alan Albert Alex Alexander Alfred Andrew Anthony Antonio Arthur Ben Benjamin Bernard "
    "Bill Billy Bob Bobby Brad Bradford Brian Bruce Carl Carlos Charles Charlie Christopher Chuck Clint Daniel "
    "Dan Danny David Dennis Donald Douglas Ed Edmond Edmund Edward Ellis Eric Ethan Francis Frank Fred Frederick Gary George "
    "Greg Gregory Harold Harry Harvey Henry Howard Ian Isaac Ivan Jack Jacob Jacques James Jason Jeff "
    "Jeffrey Jerry Jim Jimmy Joe John Johnny Jonathan Joseph Joshua Juan Justin Keanu Keith Kenneth Kevin "
    "Larry Lawrence Leonard Louis Mark Martin Matthew Maurice Michael Mike Nathan Neil Nicholas Nick "
    "Oliver Patrick Paul Peter Philip Pierre Ralph Raymond Richard Robert Roger Ronald Ryan Sam Samuel "
    "Scott Sean Stanley Stephen Steve Steven Thomas Tim Timothy Tom Tony Vincent Walter William Willie "
    "Tommy Marlon Humphrey Orson Quentin Ridley Denzel Harrison Leonardo Judd Wolfgang Ludwig Johann "
    "Giuseppe Pablo Claude Leo Marco Hans Karl Friedrich Sergei Albert Niels Werner Enrico Gustave "
    "Isambard Nikola Wilbur Orville Winston Abraham Ulysses Theodore Dwight Theodor Edwin Herbert Sidney Johannes "
    "Rudolf Otto Gordon Hiram Josiah Eugene Ferdinand Percy Cecil Herman Yuri Mikhail Viktor Erich "
    # Round 102, part C: first names whose bearers were read as names of unknown kind ("Hugh Dunmore" ranked below a year)
    "Hugh Cyrus Bram Galileo Jules Edgar Emil Maximilian Ron Arnold Victor François Philippe Sergio Mathew "
    "Wilhelm Manuel Gus Vladimir Aleksandr Valery Théophile Raffaele Diego Vasili Félix Eugène Rafael Hermann "
    "Demetrios Georgios Leonidas Michel Ambrose Mustafa Erik Bertrand Ernst Fritz Adriano Alfonso Alessandro Ernest "
    "Mario Willem Takashi"
)
FEMALE_FIRST_NAMES = _words(
    "Alice Alicia Amanda Amy Angela Ann Anna Anne Audrey Barbara Beth Betty Bronisława Caroline Carol "
    "Catherine Charlotte Christina Christine Claire Diana Diane Dorothy Elizabeth Ellen Emily Emma Eva "
    "Grace Hannah Heather Helen Irène Jane Janet Jennifer Jessica Joan Judith Judy Julia Julie Karen Kate "
    "Katherine Kathleen Laura Linda Lisa Louise Lucy Margaret Maria Marie Martha Mary Michelle Nancy "
    "Nicole Olga Pamela Patricia Rachel Rebecca Rita Rosalind Rose Ruth Sandra Sarah Sharon Sophie Susan "
    "Victoria Sigourney Meryl Marilyn Ada Lise Florence Jane Harriet Amelia Ella Frida Indira Golda "
    "Eleanor Hillary Valentina Sally Dian Jocelyn Barbara Dorothea Emmy Irene Mae Maya Toni Virginia Edith Agnes Clara "
    "Mabel Ida Elsa Katharine Eugénie Betsy Patty Yuriko Sophia Beatrice"
)
FIRST_NAMES = MALE_FIRST_NAMES | FEMALE_FIRST_NAMES | _words("Ashley Chris Jean Kelly Kim Val Sam Alex Leslie")

# Titles and words just before a name that say whether the person is a man or a woman.
MALE_TITLES = _words("Mr Sir Lord King Prince Emperor Pope Father Brother Duke Count Baron")
FEMALE_TITLES = _words("Mrs Ms Miss Dame Lady Queen Princess Empress Sister Duchess Countess Baroness")
MALE_PRONOUNS = _words("he him his himself")
FEMALE_PRONOUNS = _words("she her hers herself")

# After a duration, words that make it a relative time: "20 years ago", "two decades on, …" say
# nothing a card can keep ("25 million years old" is an age, and stays).
RELATIVE_TIME = r"(?:(?:ago|later|earlier|previously)\b|on\s*[,.;])"

UNITS = (
    r"%|percent|per\s+cent|percentage\s+points?|km|(?:kilo|centi|milli|micro|nano)?met(?:er|re)s?|(?:nautical\s+)?miles?|yards?|"
    # "882 feet 9 inches", "4 feet 8½ inches" and "7 feet ¼ inch" are one length
    r"(?:feet|foot|ft)\s+(?:\d{1,2}[½¼¾]?|[½¼¾])\s+inch(?:es)?|feet|foot|ft|"
    r"inch(?:es)?|cm|mm|nm|kg|kilograms?|grams?|ounces?|lbs?|tons?|tonnes?|"
    # the force of a blast, in the weight of TNT that would match it: "about 2.5 kilotons"
    r"(?:kilo|mega)tons?|(?:milli|centi)?lit(?:er|re)s?|ml|gallons?|(?:tea|table)spoons?|acres?|hectares?|"
    r"(?:square|cubic)\s+(?:miles?|kilomet(?:er|re)s?|met(?:er|re)s?|yards?|feet|inch(?:es)?)|"
    # units of force and pressure, with the prefix they are mostly given with: "72 millinewtons per metre"
    r"(?:kilo|mega|giga|hecto|milli|micro)?(?:newtons?|pascals?)|"
    # the scale is the unit's ("about 60 degrees Celsius"): a card without it asks half the measure
    r"degrees?(?:\s+(?:Celsius|Fahrenheit|centigrade))?|°[CF]?|mph|km/h|"
    # "150 watt-hours", "4,000 milliampere-hours": one unit, not "watt" and a stray "-hours"
    r"(?:kilo|mega|giga)?watt-hours?|(?:milli)?amp(?:ere)?-hours?|(?:kilo|mega|giga|milli|micro)?watts?|[kMGT]?Wh|mAh|[kMG]W|volts?|kV|GB|MB|TB|[kMG]?Hz|(?:kilo|mega|giga)?hertz|calories|storeys|stories|"
    r"floors|light[- ]years?|astronomical\s+units?|knots|horsepower|pounds(?=\s+of\s)|"  # "4.2 million pounds of thrust"
    # current and pressure after their number: "around 30,000 amperes", "150 to 250 bar"
    r"(?:milli|kilo)?amp(?:ere)?s|bar|atmospheres|"
    # the energy of a particle or a reaction: "about 200 million electronvolts", "13.6 eV"
    r"(?:kilo|mega|giga)?electron[- ]?volts|[kMGT]?eV|"
    # loudness, pressure in the imperial unit, the strength of a magnetic field: "about 85 dB", "50 pounds per square
    # inch", "about 25 microtesla"
    r"decibels?|dB|pounds\s+per\s+square\s+inch|psi|(?:micro|milli|nano)?teslas?"
)
# Round 50, part C. Units a measure is given in with "a" for its number ("about a milligram of carbon", "weighs a
# tonne"); not "foot", "second" or "pound", which after "a" are mostly a body part, an ordinal or an idiom ("a foot
# of the bed", "a second time", "a pound of flesh").
MEASURES_AFTER_AN_ARTICLE = r"(?:kilo|centi|milli)?(?:gram|met(?:er|re)|lit(?:er|re))|tonne|ton|mile"
# Verbs after which "a" and such a unit is a measure with no amount word before it: "A single test uses a milligram".
MEASURING_VERBS = _words("use uses used need needs needed weigh weighs weighed hold holds held")
# The times a rate is counted in, after "per" or "a": "kilometres per second", "centimetres a year".
RATE_TIMES = "second|minute|hour|day|week|month|year|decade|century"
# The units a rate is counted in after "per": "3 million volts per metre", "40 miles per gallon".
RATE_UNITS = (
    r"(?:(?:square|cubic)\s+)?(?:(?:kilo|centi|milli)?met(?:er|re)|mile|foot|inch|yard)|kilogram|gram|ton|tonne|"
    r"lit(?:er|re)|gallon|acre|hectare|degree"
)
# Elements whose isotopes a text names by their mass number: "uranium-235", "carbon-14" (see entities._ISOTOPE), and
# whose compounds it names by the element and a salt's word: "cadmium telluride" (see entities._COMPOUND_OF_AN_ELEMENT).
CHEMICAL_ELEMENTS = (
    "hydrogen|helium|lithium|beryllium|boron|carbon|nitrogen|oxygen|fluorine|neon|sodium|magnesium|aluminium|aluminum|"
    "silicon|phosphorus|sulfur|sulphur|chlorine|argon|potassium|calcium|titanium|chromium|manganese|iron|cobalt|nickel|"
    "copper|zinc|krypton|rubidium|strontium|technetium|silver|tin|iodine|xenon|caesium|cesium|barium|gold|mercury|"
    "lead|bismuth|polonium|radon|radium|actinium|thorium|protactinium|uranium|neptunium|plutonium|americium|curium|"
    "californium|scandium|vanadium|gallium|germanium|arsenic|selenium|bromine|yttrium|zirconium|niobium|molybdenum|"
    "ruthenium|rhodium|palladium|cadmium|indium|antimony|tellurium|lanthanum|cerium|neodymium|tungsten|osmium|iridium|"
    "platinum|thallium"
)
# Round 95, part B. Names of substances, which say what a thing is made of, burns or holds: the elements
# (but "lead" and "iron", which are as often a verb or an everyday metal), fuels, compounds, rocks and gems; no everyday
# stuff ("water", "salt", "wood", "glass"), which names nothing to learn (see entities.substance_terms).
SUBSTANCE_WORDS = (
    frozenset(CHEMICAL_ELEMENTS.split("|")) - {"lead", "iron"}
) | _words(
    "propane butane methane ethanol methanol kerosene paraffin naphtha ammonia glucose sucrose cellulose chlorophyll "
    "silica ether chloroform morphine opium quinine penicillin nitroglycerine nitroglycerin saltpetre saltpeter benzene "
    "acetylene ozone graphite asbestos limestone sandstone granite marble basalt quartz feldspar obsidian gypsum "
    "ruby sapphire emerald topaz wicker bronze pewter"
)
TIME_UNITS = r"(?:milli|micro|nano)?seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies)|millennia|millennium"
NUMBER_WORDS = (
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|"
    "one|several|dozen|dozens|a\\s+few|a\\s+dozen|a\\s+couple\\s+of"
)
# Number words above ten that count things when a plural noun follows ("sixteen steps", "ninety miners"); only these
# may open a sentence as a count (see entities._OPENING_COUNTING_WORDS).
COUNTING_WORDS_ABOVE_TEN = (
    "eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
)
# Number words that count things when a plural noun follows ("six orbital planes").
COUNTING_WORDS = f"two|three|four|five|six|seven|eight|nine|ten|{COUNTING_WORDS_ABOVE_TEN}"
# The number each small counting word says ("a", "an" and "one" are 1).
COUNT_OF_WORD = {
    word: number
    for number, words in enumerate(("a an one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"), 1)
    for word in words.split()
}
# Round 63, part E. The places a contest or a poll ranks someone in, and the verbs that give the place: "Tom Vane came
# {{second}}, behind only …", "finished {{third}} in the 1,500 metres", "was ranked {{first}} among …" (see
# entities._RANK).
PLACE_ORDINALS = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,3}(?:st|nd|rd|th)"
RANKING_VERBS = ("came", "finished", "placed", "ranked", "ranks", "ranking")
# Plurals with no "s" that a count may stand before: "launched {{108}} aircraft", "grazed {{4,000}} cattle".
UNMARKED_PLURALS = "aircraft|spacecraft|cattle|sheep|deer|personnel"
SCALE_WORDS = r"thousand|million|billion|trillion|bn|m|k"
# A share written in words, as "40 per cent" is in digits: "about a quarter", "four-fifths", "a tenth".
FRACTIONS = "half|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|twelfths?|twentieths?|hundredths?|thousandths?"
# Round 117, part C: "an" before "eighth" ("turned the bell {{an eighth}} of a turn").
FRACTION_COUNTS = "a|an|one|two|three|four|five|six|seven|eight|nine"
# A currency after an amount, plural or singular ("1.5 million francs", "a 50 shilling fee"); not a singular "mark" or
# "pound", which an amount before is more often a milestone or a weight of ("passed the 1,000 mark", "a 50 pound sack").
CURRENCY_WORDS = (
    r"dollars?|euros?|pounds\s+sterling|yen|yuan|francs?|rupees?|marks|roubles?|rubles?|pesos?|lire|lira|guilders?|shillings?|pence|penny|"
    r"guineas?|drachmas?|florins?|ducats?|livres|thalers?|kronor|kroner|krona|escudos?|dinars?|zlotys?|forints?"
)

# The past tense and the plain form of verbs whose questions the engine asks with "did"
# ("In 1989, Mann shot X" -> "In what year did Mann shoot X?"). A verb not listed gets a cloze.
PAST_TO_PLAIN = {
    "acquired": "acquire", "adapted": "adapt", "announced": "announce", "attended": "attend",
    "began": "begin", "bought": "buy", "built": "build", "captured": "capture", "composed": "compose",
    "conquered": "conquer", "created": "create", "declined": "decline", "defeated": "defeat",
    "designed": "design", "developed": "develop", "directed": "direct", "discovered": "discover",
    "drew": "draw", "earned": "earn", "established": "establish", "filmed": "film", "finished": "finish",
    "formed": "form", "founded": "found", "gave": "give", "graduated": "graduate", "grossed": "gross",
    "held": "hold", "hired": "hire", "introduced": "introduce", "invented": "invent", "joined": "join",
    "launched": "launch", "led": "lead", "left": "leave", "lost": "lose", "made": "make",
    "married": "marry", "met": "meet", "moved": "move", "opened": "open", "painted": "paint",
    "patented": "patent", "performed": "perform", "played": "play", "premiered": "premiere",
    "produced": "produce", "published": "publish", "raised": "raise", "received": "receive",
    "recorded": "record", "released": "release", "retired": "retire", "returned": "return", "ran": "run",
    "sang": "sing", "shot": "shoot", "signed": "sign", "sold": "sell", "spent": "spend",
    "started": "start", "studied": "study", "taught": "teach", "took": "take", "toured": "tour",
    "trained": "train", "visited": "visit", "won": "win", "wrote": "write", "cost": "cost", "paid": "pay",
    "collected": "collect", "completed": "complete", "constructed": "construct", "elected": "elect",
    "killed": "kill", "interviewed": "interview", "organised": "organise", "organized": "organize",
    "died": "die", "became": "become", "arrived": "arrive", "reached": "reach", "ended": "end",
    "struck": "strike", "hosted": "host", "approved": "approve", "showed": "show", "found": "find",
    "went": "go", "came": "come", "described": "describe", "named": "name", "ordered": "order",
    "broke": "break", "grew": "grow", "fell": "fall", "rose": "rise", "saw": "see",
}
# Other verbs in the past that do not end in "-ed", to tell a statement from a fragment ("The boat sank
# in 1903" is one; "The boat in 1903" is not).
IRREGULAR_PAST = _words(
    "ate awoke bore beat bent bit bled blew bred brought burnt burst cast caught chose clung crept cut dealt did "
    "dove drank drove dug dwelt fed felt fled flew flung forbade forgave forgot fought froze got ground hid hit hung "
    "heard hurt kept knelt knew laid lay leapt lent let lit meant outran overcame overtook put quit rang read rode "
    "said sank sat sent set shed shone shook shrank shut slept slid slung slit smote sold sought spoke sped spent "
    "spat split spread sprang stood stole stuck stung stank strode strove swore swept swam swung told tore thought "
    "threw thrust understood undertook underwent upheld withdrew woke wore wove wept withstood wound"
)
def third_person(plain: str) -> str:
    """ "build" -> "builds", "carry" -> "carries", "reach" -> "reaches"."""
    if plain.endswith("y") and plain[-2:-1] not in ("a", "e", "i", "o", "u"):
        return plain[:-1] + "ies"
    return plain + ("es" if plain.endswith(("s", "sh", "ch", "x", "z", "o")) else "s")


# Verbs in the present that make a statement of a description or an explainer ("The bridge spans
# 1,280 metres"): the plain forms above with -s, and verbs of where and what things are.
PRESENT_VERBS = frozenset(map(third_person, PAST_TO_PLAIN.values())) | _words(
    "carries spans stands lies remains contains flows drains rises falls covers connects links crosses serves "
    "sits houses measures weighs needs uses keeps forms turns drives feeds joins orbits circles means consists "
    "depends includes holds runs reaches stretches supports produces protects attracts marks exists occurs gets "
    "operates behaves pushes"
)
# Verbs in the past that report a state rather than an event: "At the time, the firm held …" holds only then.
STATE_VERBS = _words("held owned employed remained stood lay lived contained numbered measured seemed")
# Verbs after which an amount of money is what was earned or spent ("grossed $67 million").
MONEY_VERBS = frozenset({"earned", "grossed", "cost", "raised", "paid", "sold", "collected", "received", "spent"})
# Verbs that a subject can be asked about with "who" (the verb stays as it is in the sentence).
COPULAS = frozenset({"was", "were", "is", "are"})
NOT_WHO_VERBS = frozenset({"had", "has", "have", "did", "does", "do", "said", "says", "told", "thought", "believed"})

# Opinions and hedges: a card should hold a fact, not the writer's view.
HEDGE_ADVERBS = _words("arguably perhaps maybe probably possibly seemingly apparently surely undoubtedly allegedly supposedly")
SUBJECTIVE_WORDS = HEDGE_ADVERBS | _words(
    "favorite favourite best-loved greatest might may should ahem quintessential gripping "
    "iconic legendary unforgettable extraordinary astonishing alas"
)
# Phrases of praise: "one of the most gripping thrillers ever made" is a view, not a fact; "one of the
# best-paid writers" is a fact.
SUBJECTIVE_PHRASES = r"\bone of the (?:most|best|greatest|finest|worst)\b(?!-)|\bever made\b"
# Small words a title or name capitalises that say nothing of which one it is ("The Call of the Wild").
CAPITALISED_SMALL_WORDS = _words("the and but for nor with from into his her its their")
FIRST_AND_SECOND_PERSON = _words("i me my mine we us our ours you your yours")
# Round 105, lead. Words in "-ly" that are no adverbs, which a subject's noun may be: "The royal family came …" (not
# "royal", then an adverb and a verb).
NOT_ADVERBS_IN_LY = _words("family assembly supply ally rally reply monopoly anomaly lily jelly belly bully holly italy")
# An adverb in "-ly" ("quickly", "widely"), not a noun so spelt ("family"): a pattern for the rules of both modules.
LY_ADVERB = rf"(?!(?:{'|'.join(sorted(NOT_ADVERBS_IN_LY))})\b)[a-z]+ly"
# Words that point back to something the card would not show.
DANGLING_WORDS = _words("this these those such latter former aforementioned above below")
# The times a "this" or "that" before them makes a phrase of (see DANGLING_PHRASES): "that year", "this morning".
DEMONSTRATIVE_TIMES = ("year", "month", "week", "day", "decade", "spring", "summer", "autumn", "fall", "winter", "morning", "evening", "night")
# Phrases that lean on the sentence before: "the same year", "a year later", "the following spring".
DANGLING_PHRASES = (
    # not when a clause of the sentence says what it is: "the same age at which her father had died", "the same day that
    # the war ended", "the same day that Nevada became a state", or one it is compared with: "on the same day as Abraham
    # Lincoln" (not "the same sum as before"; not "a concert at the same theatre that lasted four hours": that clause is
    # the concert's)
    r"\b(?:the|that) same\b(?! name\b)(?!(?: [a-z-]+){0,2} (?:(?:that|whom) (?:(?:the|an?|his|her|its|their|he|she|it|they)\b|(?-i:[A-Z]))|who\b|(?:at|in|on|by|from|to|with) which\b|as (?!(?:before|then|that|this|it|those|these|usual)\b)))"
    r"|\bthe (?:following|next|previous) (?:year|month|week|day|decade|spring|summer|autumn|fall|winter)\b"
    # not "to this day", which means until now: "who own the company to this day"
    rf"|\b(?:that|(?<!\bto )this) (?:{'|'.join(DEMONSTRATIVE_TIMES)})\b"
    # "at this time" leans, "a second prize, this time in Chemistry," says what is new by itself
    r"|\bthat time\b|(?<!, )\bthis time\b"
    # "that" pointing back after a preposition: "With that knowledge …", "… at that point", "in that case"
    r"|\b(?:at|in|on|of|with|from|for|after|before|since|until|during|under|over|into|about|despite|without) that "
    r"(?!(?:the|a|an|it|he|she|they|his|her|its|their|is|was|are|were|had|has|of|in|on|at|to)\b)[a-z]+\b"
    r"|\bthe two\b(?!-)|\bat the time\b"
    # a direction or place counted from the last one named: "Further east the road …", "Above both rises …"
    r"|^(?:Further|Farther) (?:north|south|east|west|inland|along|on|up|down)\b|^\w+ both (?!of\b)[a-z]+s\b"
    # a sentence that opens by commenting on the one before: "Events helped: …"
    r"|^(?:\w+ ){0,2}\w+: "
    r"|^(?:\w+\s+){0,2}(?:years?|months?|weeks?|days?|decades?|centur(?:y|ies)) (?:later|earlier|after)\b|^Within\b"
    r"|\bago\b"
    # "that" standing for what the sentence before told: "Left uncorrected, that would add up to …"
    r"|(?:^|, |\band )[Tt]hat (?:would|will|could|can|might|is|was|meant|means|made|makes|left|gave|led)\b"
    # a reply to something the card does not show: "Roebling responded by adding 150 wires."
    r"|\b(?:responded|reacted|replied|retaliated|countered)\b(?! to\b)"
)
# Words after which "it" opens a clause (and may be the sentence's subject again): "… until it closed".
CLAUSE_OPENERS = _words("when until because after before that and but as while since if although though where so once or")

# Words that label what follows a colon rather than name a term it defines: "Note: the figures are rough."
LABELS_BEFORE_A_COLON = _words("note notes example examples warning caution tip update source sources summary verdict conclusion")

# Nouns that, after "the", usually point back at something an earlier sentence named ("went to the
# bank", "stepped into the part"): a card holding one is weaker, and ranks lower.
BACK_REFERRING_NOUNS = _words(
    "part role bank film movie restaurant village territory system program programme project discovery "
    "case team unit company firm group deal plan book novel script shoot production scene sequence site "
    "house ship boat car plane mission crew couple pair man woman family series show episode campaign "
    "trial attack incident accident idea effort study report experiment photograph image device machine "
    "invention product design structure building meeting event story answer question problem solution result reason "
    "total cost match game season club choice opening"
)

# Round 64, part A. Nouns a document calls a named thing by when its name does not hold them ("the German airship
# Hindenburg", "The Orla was a British airship"), which then stand for it as "The ship" (see NameBook.thing_nouns), and
# the shorter nouns each may be called by (the compound's last part, or a plainer word).
THING_NOUNS = {
    "ship": ("ship",), "airship": ("airship", "ship"), "steamship": ("steamship", "ship"), "warship": ("warship", "ship"),
    "liner": ("liner", "ship"), "steamer": ("steamer", "ship"), "locomotive": ("locomotive", "engine"),
    "aircraft": ("aircraft",), "airliner": ("airliner", "aircraft"), "spacecraft": ("spacecraft", "craft"),
    "probe": ("probe", "spacecraft"), "car": ("car",),
}

# Round 70, part B. Nouns for a kind of building, structure, route, vehicle or show that a document may call its topic
# by once it says the topic is one ("the Parthenon, the temple that …", "Route 9 was a highway", a title "… of a
# Cathedral"), though the name does not hold them: "The temple …" and an "It" after it then stand for the topic (see
# rules._kind_nouns_of_the_topic). THING_NOUNS count too, with their shorter nouns ("locomotive", then "engine").
TOPIC_KIND_NOUNS = _words(
    "temple cathedral church abbey chapel mosque shrine tomb mausoleum monument memorial statue tower castle palace "
    "fortress citadel amphitheatre arena stadium bridge dam canal tunnel lighthouse observatory museum building "
    "road highway railway exhibition"
)

# Nouns for a kind of building or structure that stands alone: a topic the document says is one ("It has been a
# cathedral", "the Parthenon, the temple that …") or whose name ends in one ("Kell Abbey") may be called "the building"
# or "the structure", and "the complex" (its buildings and grounds together: see rules._kind_nouns_of_the_topic); not a
# college or a park, whose "building" is one of several. An arch ("Varn Arch") is one structure too (round 110, part A).
SINGLE_BUILDING_NOUNS = _words(
    "temple cathedral church abbey chapel mosque shrine tomb mausoleum monument memorial tower castle palace fortress "
    "citadel amphitheatre lighthouse arch"
)
GENERIC_BUILDING_NOUNS = _words("building structure complex")

# Round 110, part A. Nouns for what came of what the sentence before told, a problem solved or a question answered: "The
# solution came from …", "The answer was nuclear power", "The result was …" (see rules._comes_of_it).
OUTCOME_NOUNS = _words("result solution answer outcome")

# Nouns for the undertaking of making a thing, which in a document about that thing stand for the thing:
# "The project had been estimated at …" in the history of a building, "The programme cost …" in that of an
# aircraft.
UNDERTAKING_NOUNS = _words("project programme program effort scheme")

# Nouns for a group of people that a "they" after a sentence whose subject the group is stands for: "The crew of Apollo
# 15 named the capsule Liberty. They named …", "Carmack's party went … they found gold". Not an institution ("the
# company", "the government", "the board", "the army"), which English calls "they" for its people at large, nor a unit
# of ships or aircraft ("the squadron"), whose "they" may be the craft.
PEOPLE_GROUP_NOUNS = _words("crew team band family couple party committee jury delegation expedition")
# Nouns for a group of people, which a "they" may stand for: "The crew … They …".
GROUP_NOUNS = PEOPLE_GROUP_NOUNS | _words("group pair staff army navy squad squadron company class board")

# The nouns of a measure that a noun before names a figure of a field by: "the compression ratio", "its octane rating",
# "the bypass ratio", "the multiplication factor" (see entities._measure_compounds).
MEASURE_NOUNS = _words("ratio ratios rating ratings index factor coefficient coefficients quotient")
# The nouns of a machine's parts that a noun before names a part of a field by, in an explainer: "a tension wrench", "the
# intake valve", "the needle bar", "a balance wheel" (see entities.part_compound_terms).
PART_NOUNS = _words(
    "rod rods ring rings wrench pin pins gear gears coil coils plug plugs valve valves spring springs disc discs bar bars "
    "plate plates wheel wheels shaft shafts lever levers hook hooks wedge wedges blade blades screw screws bolt bolts"
)

# Words before a noun that do not say which one of the topic's it is: "The new team", "The whole project".
UNSPECIFIC_MODIFIERS = _words(
    "new old whole entire original former latter same other another two three four five both young small big large "
    "great little final previous following latest key main chief central principal primary basic crucial real"
)
# The particles of a phrasal verb, which end no compound term: "lifted off", "pull down", "burnt out".
VERB_PARTICLES = _words("off down up out away back")
# Plain words of size, colour, material, temperature, judgement or the level of a government, which before a noun
# describe it rather than name a kind of it: "a metal box", "hot air", "steel walls", "distant objects", "the federal
# government" (a term the document defines is one anyway).
PLAIN_DESCRIBING_WORDS = _words(
    "huge tiny tall short long wide narrow thick thin heavy light deep high low "
    "red orange yellow green blue purple violet white black brown grey gray pink dark bright pale "
    "metal steel iron wooden wood stone glass plastic paper copper brass bronze gold golden silver rubber leather concrete brick "
    "hot cold warm cool wet dry "
    "distant nearby good bad strong weak simple ordinary vast enormous special modern ancient early late normal common "
    "usual typical different similar whole "
    "federal national local municipal provincial"
)
# Words for people that say nothing of who they are, which a count and "the" make point back at the ones the text
# before named: "The three men shared the Nobel Prize …" (which three?).
GENERIC_PEOPLE = _words("men women people boys girls brothers sisters friends children")
# Capitalised adjectives for the first people of a land, no name alone: "Oregon's Native peoples", "Indigenous
# tribes" (Round 89, part B; "Native Americans" stays a name of two words).
FIRST_PEOPLES_WORDS = _words("Native Indigenous Aboriginal")

# Nouns of an activity that open a sentence without saying whose it is: "Construction began in 1869."
ACTION_NOUNS = _words(
    "construction work production filming shooting development research building excavation restoration "
    "renovation planning design preparation testing recording"
)
PRONOUNS = {
    "he": "person", "him": "person", "his": "person", "she": "person", "her": "person", "hers": "person",
    "its": "thing", "they": "plural", "their": "plural", "theirs": "plural",
    # "it" needs one named thing before it in its sentence, as "its" does; what "them" stands for is
    # too often an unnamed thing ("the script … gave them to …").
    "it": "thing", "them": "object",
}
# "The film …" at the start of a sentence names the work the sentence before named.
REFERRING_NOUNS = {
    "film": "work", "movie": "work", "picture": "work", "novel": "work", "book": "work", "album": "work",
    "song": "work", "series": "work", "show": "work", "play": "work", "painting": "work",
    "company": "organisation", "firm": "organisation", "band": "organisation",
    "university": "organisation", "agency": "organisation", "city": "place", "town": "place",
    "country": "place",
}

# Prepositions that open a sentence with when or where something happened ("After the war, …", "In 1820 …"),
# as a regular expression's alternatives.
TIME_OR_PLACE_PREPOSITIONS = "In|On|At|For|During|After|Before|By|From|Until|Over|Within|Throughout|Since"

# Round 38, part A (names cut wrong). Prepositions that open a sentence before a name and are no part of
# it ("Near {{Oakdale}}, the old mill collapsed."), unless the document capitalises them inside its
# sentences too, as in a name of their own ("the Near East").
OPENING_PREPOSITIONS = _words(
    "Near Outside Inside Behind Below Beneath Beside Above Past Toward Towards Amid Amidst Via Off Opposite Alongside "
    "Aboard Atop Underneath"
)
# Round 49, part B. Adjectives that open a sentence before a person's name and are no part of it ("Young Tom Reyes
# loved numbers."), unless the document capitalises them inside its sentences too ("Brigham Young").
OPENING_ADJECTIVES = _words("Young Little Old Poor")
# The lower-case ends of hyphenated adjectives made from a name, which is no part of the name after them:
# "the American-run {{Canal Zone}}", "a German-born chemist".
HYPHENATED_ADJECTIVE_ENDS = _words(
    "run built owned born based led made held backed funded controlled occupied operated dominated designed "
    "sponsored speaking style era type bound wide"
)
# Academic degrees, whose capitals and full stops name nothing: "a Ph.D. from Leeds" (not "Ph", "D.").
ACADEMIC_DEGREES = (
    "Ph.D.", "PhD", "D.Phil.", "DPhil", "M.Phil.", "MPhil", "M.D.", "B.A.", "M.A.", "B.Sc.", "BSc", "M.Sc.", "MSc",
    "D.Sc.", "DSc", "LL.B.", "LL.M.", "LL.D.", "D.Litt.", "B.S.", "M.S.", "MBA",
)
# Abbreviated ranks and offices before a person's name, beside NAME_ABBREVIATIONS: "Brig. Gen. {{Harold Moss}}",
# "Maj. Gen. {{Ada Brand}}", "Sen. {{Tom Reyes}}".
RANK_ABBREVIATIONS = ("Brig", "Maj", "Adm", "Cmdr", "Cdr", "Comdr", "Pvt", "Cpl", "Lieut", "Gov", "Sen", "Rep", "Supt", "Insp")

# Round 39, part A. The markers of an era after or before a year, which name nothing ("in the second century
# {{A.D.}}" is no organisation): a year with one is a year ("founded in {{753 BC}}", "died in {{AD 14}}").
ERA_MARKERS = _words("AD A.D. BC B.C. BCE B.C.E. CE C.E.")
# The ordinals of a century with an era, which is one time: "the {{second century A.D.}}".
CENTURY_ORDINALS = (
    r"\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first"
)
# Capitalised words of a long title that name nothing alone ("Narrative of the Life of Ann Lee, a Weaver, Written
# by Herself"): the participles that say who wrote or told it, and the reflexive pronouns after them.
TITLE_PARTICIPLES = _words("Written Told Edited Translated Compiled Illustrated Narrated Dictated Related Recorded")
REFLEXIVE_PRONOUNS = _words("Himself Herself Themselves Itself Myself Yourself Ourselves")
# Nouns of a kind or a small mass that a description names a term by, after "of": "a small knot of cells, the
# {{sinoatrial node}}, …", "a kind of blurring, the …".
KIND_NOUNS = _words("kind type sort form class knot cluster clump bundle band layer sheet ring strip patch mass network sac fold")
# Round 56, part B. Words for the class of substance, living thing or body part a technical term belongs to, which
# name the term set between commas right after them: "contains an enzyme, {{salivary amylase}}, which …".
CLASS_NOUNS = _words(
    "enzyme hormone protein acid alkali salt gas mineral element compound alloy metal pigment toxin vitamin sugar "
    "molecule substance fluid chemical drug disease virus bacterium fungus parasite muscle valve gland organ bone "
    "nerve membrane vessel vein artery tissue"
)
# Round 72, part B. Words for a creature's kind that end its common name, after which its Latin name in apposition is
# a term: "the European garden spider, {{Araneus diadematus}}, a typical orb weaver", "the moth {{Bombyx mori}},".
CREATURE_NOUNS = _words(
    "spider moth butterfly caterpillar bee wasp ant beetle fly mosquito termite worm snail slug crab shrimp fish shark "
    "whale dolphin frog toad newt snake lizard tortoise turtle bird owl hawk eagle parrot bat mouse rat monkey ape "
    "tree plant flower herb grass fern moss shrub vine palm weed fungus mushroom mould mold yeast bacterium alga seaweed "
    # (round 105, lead) crops, garden plants and beasts: "the garden pea, {{Pisum sativum}}, with care"
    "pea bean wheat rice maize barley potato tomato rose orchid oak pine cactus lichen coral horse dog cat wolf bear lion "
    "tiger deer pig sheep goat"
)
# Round 108, part C. Words for the kind of idea a technical term is, which name the term set between commas after them
# at a sentence's opening: "A simpler method, {{self-capacitance}}, measures …", "The underlying effect, {{nuclear
# magnetic resonance}}, was shown …".
METHOD_KIND_NOUNS = _words("method technique process procedure approach effect phenomenon mechanism condition disorder disease")
# Round 65, part B. Nouns that define an idea set between commas before them by what it lets one do ("to") or what it
# is the study or practice of ("of"): "it answers with {{empathy}}, the ability to share …", "{{taxonomy}}, the science
# of naming living things".
ABILITY_NOUNS = _words("ability capacity power tendency urge skill")
PRACTICE_NOUNS = _words("study science art practice process act")
# Round 57, part B. The first word of a chemical's older name of two nouns joined by "of", which makes it a term
# whatever the sentence around it: "curtains soaked in {{chloride of lime}}", "raised by {{bicarbonate of soda}}".
SALT_NOUNS = _words(
    "acetate bicarbonate bromide carbonate chlorate chloride citrate cyanide fluoride hydroxide iodide nitrate nitrite oxide "
    "peroxide phosphate silicate sulfate sulfide sulphate sulphide"
)

# Round 66, part C. Crafts and trades a person worked at, a fact of a life the sentence gives as what they were: "His
# father was a {{coppersmith}}", "Tom Hale, a London {{silk merchant}} with no training …". Only trades: a role such as
# "doctor" or "engineer" names a person (ROLE_NOUNS), and is as often said in passing.
TRADE_NOUNS = _words(
    "blacksmith coppersmith goldsmith silversmith locksmith gunsmith tinsmith whitesmith cabinetmaker shoemaker "
    "bootmaker clockmaker watchmaker dressmaker hatter milliner wheelwright shipwright millwright cartwright merchant "
    "weaver tailor miller baker butcher brewer cooper mason stonemason glazier potter printer bookseller bookbinder "
    "grocer draper innkeeper saddler tanner chandler joiner cobbler fishmonger ironmonger apothecary"
)

# Round 39, part B. The last words of the name of an instrument or a craft that observes and acts, which a
# document may call by the surname of the person it is named after ("the Brandt Space Observatory … Brandt went up
# in 1990") and by its generic names in lower case ("the observatory", "the telescope"): a leading "Its" in its
# document is as likely its own as that of the thing the sentence before names.
INSTRUMENT_WORDS = _words("Telescope Observatory Spacecraft Probe Orbiter Lander Rover Satellite")
# Short forms nearly everyone can spell out: the name before one in brackets is given away by it ("The {{European
# Space Agency}} (ESA) joined …"), unlike one the reader learns from the document ("the European Recovery Program (ERP)").
WELL_KNOWN_SHORT_FORMS = _words(
    "NASA ESA IAEA NATO UN UNESCO UNICEF WHO IMF WTO EU FBI CIA NSA BBC NHS OPEC IOC EPA FAA FDA RAF USAF"
)

# Adverbs that say when or how often something is so called, beside a naming word but never part of the name or of
# what it describes: "two craft, then called …", "known as Gaul today.", "It is now called …".
WHEN_CALLED_ADVERBS = _words("now nowadays then still also often later today usually commonly sometimes simply generally widely again too instead")

# Round 105, part B. How common in English a compound's name may be and still be asked as a term of the field (Zipf
# frequency): "carbon dioxide" (3.7) and "iron oxide" (3.6) are everyday words a learner knows, as "water" and "salt" are;
# "uranium dioxide" (3.5), "sodium chloride" (3.3) and "cadmium telluride" (2.4) are not.
EVERYDAY_COMPOUND_ZIPF = 3.6


def everyday_in_english(words: str) -> bool:
    """Whether a name of a few lower-case words is as common in English as an everyday word (EVERYDAY_COMPOUND_ZIPF)."""
    return wordfreq.zipf_frequency(words, "en") >= EVERYDAY_COMPOUND_ZIPF


# How often a word is written in English at large, on wordfreq's Zipf scale (3 = once per million words; 2.75 = once in
# about 1.8 million): below it, a word belongs to a field ("barnacles", "travertine", "caissons") more than to everyday
# talk. Between 2.75 and 3 lie as many everyday words ("overcoat", "wingspan", "tellers") as terms ("anode", "aorta"):
# judged card by card in round 91, a quarter of the cards they gave were kept.
RARE_WORD_ZIPF = 2.75


def rare_in_english(word: str) -> bool:
    """Whether a lower-case word is rare in English at large (below RARE_WORD_ZIPF), a plural only when its singular is
    rare too: "barnacles" (barnacle) and "spinnerets" are; "loaves" (loaf), "breads" and "shipwrecks" are not."""
    if wordfreq.zipf_frequency(word, "en") >= RARE_WORD_ZIPF:
        return False
    singulars = _singulars(word)
    return not singulars or max(wordfreq.zipf_frequency(singular, "en") for singular in singulars) < RARE_WORD_ZIPF


# Round 111, part B. How common in English an adjective of a field may be and still make, with its noun, a term of the
# field (Zipf frequency): "pulmonary" (3.5), "auditory" (3.25), "proximal" (3.2), "regenerative" (3.1), "tidal" (3.7)
# against "radioactive" (3.72), "lunar" (3.77), "tropical" and "magnetic" (4.2), whose compounds ("radioactive material",
# "a lunar mission", "a magnetic field") a learner meets in the news and everyday English: judged card by card in round
# 111, the words between 3.71 and 3.8 gave 4 cards kept of 14.
FIELD_ADJECTIVE_ZIPF = 3.71
# A plural in use at least this often (Zipf) shows a word is a noun as well: "pedals", "cigars", "locomotives", "diaries".
_NOUN_PLURAL_ZIPF = 2.0
# Adjectives of that band that judge or feel, or say size or shape, rather than name a thing of a field: "a charismatic
# gentleman", "the colossal bronze", "catastrophic damage", "a long rectangular pool", "cylindrical plugs of alloy".
DESCRIBING_ADJECTIVES = _words(
    "instinctive habitual inventive satirical colossal gigantic impartial visionary speculative sentimental mystical "
    "charismatic catastrophic unofficial unequal fertile senile mercenary directional commemorative "
    "rectangular triangular cylindrical spherical conical microscopic muscular"
)


def uncommon_adjective(word: str) -> bool:
    """Whether a lower-case word, taken for an adjective by its ending, is uncommon in English but not rare (between
    RARE_WORD_ZIPF and FIELD_ADJECTIVE_ZIPF), no word that judges or gives a shape (DESCRIBING_ADJECTIVES), and has no
    plural in use, as a noun would: "pulmonary", "auditory", "proximal" are such words; "pedal" ("pedals"), "diary"
    ("diaries") and "magnetic" (everyday) are not."""
    if word in DESCRIBING_ADJECTIVES or not RARE_WORD_ZIPF <= wordfreq.zipf_frequency(word, "en") < FIELD_ADJECTIVE_ZIPF:
        return False
    plurals = [word + "s", word[:-1] + "ies"] if word.endswith("y") else [word + "s"]
    return max(wordfreq.zipf_frequency(plural, "en") for plural in plurals) < _NOUN_PLURAL_ZIPF


def _singulars(word: str) -> list[str]:
    """The singulars a word in "-s" may be the plural of: "cells" -> "cell"; "boxes" -> "boxe", "box"; "ponies" -> "ponie",
    "pony"; "loaves" -> "loave", "loaf", "loafe" (the frequencies tell which one English writes)."""
    if not word.endswith("s") or word.endswith("ss"):
        return []
    singulars = [word[:-1]]
    if word.endswith("es"):
        singulars.append(word[:-2])
    if word.endswith("ies"):
        singulars.append(word[:-3] + "y")
    if word.endswith("ves"):
        singulars += [word[:-3] + "f", word[:-3] + "fe"]
    return singulars
