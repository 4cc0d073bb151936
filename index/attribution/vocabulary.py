"""Word lists only quote attribution uses: which verb forms report speech, which capitalised
words are never names (places, demonyms, generic groups), what makes an organisation, and the
small words that may sit between a subject and its verb."""

from __future__ import annotations

from index.lexicon import FORM_TO_LEMMA, word_set

# Forms that, written outside quotes with a named subject, mark a sentence as reported speech.
# Base forms are left out (``to add pressure``, ``a note``), except plural ``say``
# (``analysts say``); -s forms that are mostly nouns (``comments``, ``remarks``, ``states``,
# ``reports``) are left out; ``spoke``/``thought``/``asked`` are not reports of what was said.
# Lemmas none of whose forms is detected as a report: "spoke", "thought", "asked" tell no words
# ("continued" only beside a quote: claims.py).
NOT_REPORTING_LEMMAS = frozenset({"speak", "think", "ask", "maintain", "continue"})
DETECT_FORMS: dict[str, str] = {
    form: lemma
    for form, lemma in FORM_TO_LEMMA.items()
    if not form.endswith("ing")
    and lemma not in NOT_REPORTING_LEMMAS
    and form
    not in {
        "written",
        "comments",
        "remarks",
        "states",
        "reports",
        "tweets",
        "signals",
        "promises",
        "vows",
        "cautions",
        "stresses",
        "urges",
    }
    and (form != lemma or form == "say")
}


# Bodies in lower case after the country, city or person they belong to ("the German government",
# "Britain's military"), which speak for it.
# The forms of "be": "Kelly was charged", "is said to be", "is called".
BE = word_set("is was were are been being be")
GOVERNING = word_set("government administration military army navy ministry embassy parliament cabinet campaign")
# Words that open a sentence before its subject: "Yet Bloomberg says", "Still, NATO said".
OPENERS = word_set("but yet and so or still meanwhile however then also now even")
# Capitalised words that open a sentence or a chain but are never part of a name.
STOP = word_set("""
the a an this that these those it its still meanwhile however but and or yet so then also
earlier later now today yesterday tonight on in at during after before when while if as since
although though because despite with without for from to of by about under over between among
amid against instead separately similarly nevertheless moreover furthermore indeed overall last
next speaking asked according both many some several most other others such his her their our
my your we they he she i you who what where why how which not no yes there here every each all
any one two three four five six seven eight nine ten first second third new leave reply via
thus hence until unless whether either neither just only even already once again
enough like unlike whereas whilst outside inside upon within throughout toward towards across
behind beside alongside except regarding concerning
minutes hours moments beyond
does did do back says i'm i’m
everything everyone everybody nothing nobody something someone somebody anything anyone anybody
another maybe perhaps besides wherever whenever whatever otherwise sometimes often soon finally
year
had has have was were is are would could should must might given see let
""")

# First words of a name that is a person's campaign or circle, not the person: "Team Trump".
TEAMS = word_set("team camp")

TIME_NOUNS = word_set("morning afternoon evening night week weekend month year day days weeks")
TIME_INTRO = word_set("on in last this late early earlier during next")


# Heads of a title: at least one must be present for words before a name to count as a title.
ROLE_HEADS = word_set("""
president minister secretary secretary-general ambassador envoy spokesman spokeswoman
spokesperson chancellor chief senator representative governor mayor director chairman
chairwoman chair commander admiral colonel general king queen prince princess pope judge
adviser advisor leader speaker commissioner premier diplomat negotiator official ceo head
president-elect director-general ambassador-at-large undersecretary mp mep lawmaker pontiff taoiseach
delegate nominee
""")
# Lower-case words allowed inside a title or a role noun phrase ("the Kremlin spokesman").
ROLE_LOWER = ROLE_HEADS | word_set("""
deputy foreign defense defence press security national senior top special chief former acting
first vice prime state u.s. interior finance
""")
# Abbreviated titles, written out: "New Jersey Gov. Chris Christie" holds the role "the New
# Jersey governor".
TITLE_ABBREVIATIONS = {
    "gov.": "governor",
    "gov": "governor",
    "sen.": "senator",
    "sen": "senator",
    "rep.": "representative",
    "pres.": "president",
    "amb.": "ambassador",
    "gen.": "general",
    "adm.": "admiral",
    "col.": "colonel",
    "capt.": "captain",
    # written without a full stop, as British papers do: "Det Ch Insp John Smith", "Prof Ann Lee"
    "capt": "captain",
    "col": "colonel",
    "lt": "lieutenant",
    "maj": "major",
    "sgt": "sergeant",
    "det": "detective",
    "ch": "chief",
    "insp": "inspector",
    "supt": "superintendent",
    "cllr": "councillor",
    "prof": "professor",
    "rev": "reverend",
    "cmdr": "commander",
    "brig": "brigadier",
    "pontiff": "pope",  # "the pontiff said", of "Pope Francis"
}
FEMALE_TITLES = word_set("mrs. mrs ms. ms miss madam queen princess spokeswoman chairwoman dame lady baroness countess")
# "Spokesman" and "chairman" tell none: news writes them of women too ("Trump spokesman Hope
# Hicks", "Fed Chairman Janet Yellen"), and a "he" they told barred her "she said".
MALE_TITLES = word_set("mr. mr king prince sir lord baron duke viscount marquess")
# Titles held "to" a country or a body, whose domain may come between them and the name: "Ambassador
# to the United Nations Nikki Haley" (not "an adviser to Donald Trump", who is not Trump).
SENT_TO_TITLES = word_set("ambassador envoy delegate representative")
# Titles before a reigning name, written alone: "Pope Francis", "Queen Elizabeth", "Prince Harry".
REGNAL_TITLES = word_set("pope king queen prince princess emperor empress emir sultan sheikh shah tsar czar")

# People named by whom they follow, work for or stand against: "a Clinton aide", "one Sanders
# supporter", "according to Johnson's critics" is no Clinton, no Sanders and no Johnson.
FOLLOWERS = word_set("""
aide aides supporter supporters staffer staffers voter voters fan fans ally allies loyalist loyalists
surrogate surrogates donor donors backer backers operative operatives insider insiders confidant
confidants friend friends volunteer volunteers organizer organizers strategist strategists
adviser advisers advisor advisors veteran veterans pollster pollsters critic critics opponent
opponents detractors detractor rival rivals associate associates colleague colleagues
""")
# Collective subjects that are never a named speaker ("Officials said", "Analysts say").
GENERIC = word_set("""
officials official analysts analyst experts expert diplomats diplomat sources source observers
critics residents witnesses people authorities police protesters lawmakers investigators
scientists researchers doctors reports report others many some several everyone nobody someone
western eastern military leaders members allies media journalists reporters commentators
spokespeople ministers participants organizers organisers
democrats republicans conservatives liberals progressives voters supporters opponents
""")
# Heads that make a capitalised chain an organisation ("Ukraine’s Foreign Ministry").
ORG_HEADS = word_set("""
ministry department office council commission agency embassy government service services
parliament assembly senate congress committee court party union organization organisation
bank fund company corporation corp. corp inc. inc group command forces army navy police guard
institute university center centre foundation association federation network news times post
journal press bureau secretariat cabinet presidency administration mission delegation headquarters
house kremlin pentagon duma rada alliance coalition movement front conference corps
""")
KNOWN_ORGS = word_set("""
kremlin pentagon nato eu un osce imf who reuters afp ap tass interfax ria novosti ukrinform
bloomberg cnn bbc gazprom rosatom hamas hezbollah taliban opec wto g7 g20 iaea unicef
""")
# Organisations whose names of several words read as a person's or as nothing: "Al Qaeda said"
# was "Qaeda", "Islamic State said" nobody.
KNOWN_ORG_NAMES = frozenset(
    {"islamic state", "al qaeda", "al-qaeda", "al-qaida", "doctors without borders", "boko haram", "al-shabab"}
    | {"al shabab", "al shabaab", "al jazeera", "al arabiya", "al nusra", "al aqsa", "al ahram", "al noor"}
    # companies whose name opens with a rank: "General Electric says" is no General named Electric
    | {"general electric", "general motors", "general mills", "general dynamics", "general atomics"}
)
DEMONYMS = word_set("""
american russian ukrainian british french german chinese european western eastern baltic polish
italian spanish turkish iranian israeli palestinian japanese korean indian canadian belarusian
georgian swedish finnish norwegian danish dutch belgian swiss austrian hungarian czech slovak
romanian bulgarian greek serbian croatian lithuanian latvian estonian moldovan syrian iraqi
afghan pakistani saudi egyptian arab asian african atlantic soviet allied crimean nordic
central northern southern mexican brazilian australian venezuelan cuban taiwanese qatari
emirati jordanian lebanese libyan sudanese ethiopian nigerian kenyan kazakh uzbek armenian
azerbaijani transatlantic north south east west
""")
# The places a country's demonym stands for, as articles write them: a story may say "U.S.
# officials" where a question says "American", "Kyiv" where it says "Ukrainian".
# Its keys are more than DEMONYMS on purpose: merged in, they cost attribution a speaker on
# PolNeAR train ("Mr. English said", a surname) and changed no answer of the QA sets (stop 42).
DEMONYM_PLACES = {
    demonym: tuple(place.strip() for place in places.split(","))
    for demonym, places in (
        line.split(":")
        for line in """
american:America,U.S.,USA,United States,Washington
british:Britain,U.K.,United Kingdom,England,London
russian:Russia,Moscow,Kremlin
ukrainian:Ukraine,Kyiv,Kiev
french:France,Paris
german:Germany,Berlin
chinese:China,Beijing
polish:Poland,Warsaw
italian:Italy,Rome
spanish:Spain,Madrid
turkish:Turkey,Ankara
iranian:Iran,Tehran
israeli:Israel,Jerusalem
palestinian:Palestine,Gaza
japanese:Japan,Tokyo
korean:Korea,Seoul,Pyongyang
indian:India,Delhi
canadian:Canada,Ottawa
belarusian:Belarus,Minsk
georgian:Georgia,Tbilisi
swedish:Sweden,Stockholm
finnish:Finland,Helsinki
norwegian:Norway,Oslo
danish:Denmark,Copenhagen
dutch:Netherlands,Holland,Amsterdam
belgian:Belgium,Brussels
swiss:Switzerland,Geneva,Bern
austrian:Austria,Vienna
hungarian:Hungary,Budapest
czech:Czech Republic,Czechia,Prague
romanian:Romania,Bucharest
bulgarian:Bulgaria,Sofia
greek:Greece,Athens
serbian:Serbia,Belgrade
lithuanian:Lithuania,Vilnius
latvian:Latvia,Riga
estonian:Estonia,Tallinn
syrian:Syria,Damascus
iraqi:Iraq,Baghdad
afghan:Afghanistan,Kabul
pakistani:Pakistan,Islamabad
saudi:Saudi Arabia,Riyadh
egyptian:Egypt,Cairo
mexican:Mexico
brazilian:Brazil
australian:Australia
venezuelan:Venezuela
cuban:Cuba,Havana
european:Europe,EU
soviet:USSR,Soviet Union
welsh:Wales,Cardiff
scottish:Scotland,Edinburgh,Glasgow
scots:Scotland,Edinburgh,Glasgow
english:England,London
irish:Ireland,Dublin
portuguese:Portugal,Lisbon
croatian:Croatia,Zagreb
slovak:Slovakia,Bratislava
slovenian:Slovenia,Ljubljana
bosnian:Bosnia,Sarajevo
albanian:Albania,Tirana
armenian:Armenia,Yerevan
azerbaijani:Azerbaijan,Baku
moldovan:Moldova,Chisinau
icelandic:Iceland,Reykjavik
cypriot:Cyprus,Nicosia
lebanese:Lebanon,Beirut
jordanian:Jordan,Amman
yemeni:Yemen,Sanaa,Aden
omani:Oman,Muscat
qatari:Qatar,Doha
kuwaiti:Kuwait
emirati:United Arab Emirates,UAE,Abu Dhabi,Dubai
libyan:Libya,Tripoli
sudanese:Sudan,Khartoum
somali:Somalia,Mogadishu
ethiopian:Ethiopia,Addis Ababa
kenyan:Kenya,Nairobi
nigerian:Nigeria,Abuja,Lagos
ghanaian:Ghana,Accra
zimbabwean:Zimbabwe,Harare
moroccan:Morocco,Rabat
algerian:Algeria,Algiers
tunisian:Tunisia,Tunis
ugandan:Uganda,Kampala
rwandan:Rwanda,Kigali
congolese:Congo,Kinshasa
bangladeshi:Bangladesh,Dhaka
nepalese:Nepal,Kathmandu
burmese:Myanmar,Burma
thai:Thailand,Bangkok
vietnamese:Vietnam,Hanoi
cambodian:Cambodia,Phnom Penh
malaysian:Malaysia,Kuala Lumpur
singaporean:Singapore
indonesian:Indonesia,Jakarta
filipino:Philippines,Manila
philippine:Philippines,Manila
taiwanese:Taiwan,Taipei
mongolian:Mongolia,Ulaanbaatar
kazakh:Kazakhstan,Astana
argentine:Argentina,Buenos Aires
argentinian:Argentina,Buenos Aires
chilean:Chile,Santiago
colombian:Colombia,Bogota
peruvian:Peru,Lima
bolivian:Bolivia,La Paz
ecuadorian:Ecuador,Quito
haitian:Haiti,Port-au-Prince
jamaican:Jamaica,Kingston
samoan:Samoa,Apia
""".strip().splitlines()
    )
}
# Countries, capitals, regions and cities that appear as subjects ("Russia says", "Moscow said").
PLACES = frozenset(
    p.strip().lower()
    for p in """
afghanistan,albania,algeria,andorra,angola,argentina,armenia,australia,austria,azerbaijan,
bahrain,bangladesh,belarus,belgium,bolivia,bosnia,brazil,britain,bulgaria,cambodia,cameroon,
canada,chile,china,colombia,congo,croatia,cuba,cyprus,czechia,czech republic,denmark,ecuador,
egypt,england,eritrea,estonia,ethiopia,europe,finland,france,georgia,germany,ghana,greece,
guatemala,haiti,honduras,hungary,iceland,india,indonesia,iran,iraq,ireland,israel,italy,japan,
jordan,kazakhstan,kenya,kosovo,kuwait,kyrgyzstan,laos,latvia,lebanon,libya,lithuania,
luxembourg,malaysia,mali,malta,mexico,moldova,mongolia,montenegro,morocco,myanmar,nepal,
netherlands,new zealand,nicaragua,niger,nigeria,north korea,north macedonia,norway,oman,
pakistan,palestine,panama,paraguay,peru,philippines,poland,portugal,qatar,romania,russia,
rwanda,saudi arabia,scotland,senegal,serbia,singapore,slovakia,slovenia,somalia,south africa,
south korea,spain,sri lanka,sudan,south sudan,sweden,switzerland,syria,taiwan,tajikistan,
tanzania,thailand,tunisia,turkey,turkmenistan,uganda,ukraine,united kingdom,united states,
united states of america,america,uruguay,uzbekistan,venezuela,vietnam,wales,yemen,zambia,
zimbabwe,u.s.,u.k.,us,uk,usa,uae,united arab emirates,drc,prc,dprk,ussr,soviet union,moscow,kyiv,kiev,washington,brussels,london,paris,berlin,beijing,
tokyo,geneva,vienna,warsaw,minsk,tbilisi,ankara,tehran,jerusalem,tel aviv,gaza,damascus,
baghdad,kabul,islamabad,new delhi,delhi,seoul,pyongyang,taipei,rome,madrid,lisbon,athens,
budapest,prague,bratislava,bucharest,sofia,belgrade,zagreb,riga,vilnius,tallinn,helsinki,
stockholm,oslo,copenhagen,amsterdam,the hague,bern,dublin,ottawa,canberra,cairo,riyadh,doha,
dubai,abu dhabi,new york,los angeles,donbas,donetsk,luhansk,crimea,kharkiv,mariupol,odesa,
odessa,kherson,zaporizhzhia,lviv,dnipro,sevastopol,st. petersburg,kaliningrad,chechnya,
west,east,europe,asia,africa,middle east,latin america,balkans,caucasus,scandinavia,
alabama,alaska,arizona,arkansas,california,colorado,connecticut,delaware,florida,hawaii,idaho,
illinois,indiana,iowa,kansas,kentucky,louisiana,maine,maryland,massachusetts,michigan,minnesota,
mississippi,missouri,montana,nebraska,nevada,new hampshire,new jersey,new mexico,new york,
north carolina,north dakota,ohio,oklahoma,oregon,pennsylvania,rhode island,south carolina,
south dakota,tennessee,texas,utah,vermont,virginia,west virginia,wisconsin,wyoming,chicago,
philadelphia,detroit,atlanta,miami,seattle,orlando,
las vegas,phoenix,san francisco,manhattan,brooklyn,hampshire,jersey,york,orleans,new orleans,zealand,new zealand,
transnistria,abkhazia,south ossetia,belarus,brussels,
ala.,ariz.,ark.,calif.,colo.,conn.,fla.,ga.,ill.,ind.,kan.,ky.,la.,md.,mass.,mich.,minn.,mo.,
mont.,neb.,nev.,n.h.,n.j.,n.m.,n.y.,n.c.,n.d.,okla.,ore.,pa.,r.i.,s.c.,s.d.,tenn.,tex.,vt.,va.,
wash.,w.va.,wis.,wyo.,d.c.
""".replace("\n", "").split(",")
    if p.strip()
)
# Words that make a name a place ("Scarborough Shoal", "Lake Winola", "Wall Street").
PLACE_KINDS = word_set("""
lake mount mountain river shoal island islands bay county street avenue boulevard square park
beach valley sea ocean airport strip
""")
# Buildings, the last word of whose names may end a person's too ("John Tower"): a place only
# after a word that is no first name ("Trump Tower").
BUILDING_KINDS = word_set("tower towers hotel building plaza palace mansion")
# The last words of names of institutions and places that no person's name ends with: "the White
# House", "Fox News", "Hampshire Police", "Penn State".
INSTITUTION_KINDS = word_set("""
university college school academy party committee council company corporation group club
association organization organisation foundation institute department ministry agency bank court
house senate congress parliament assembly administration government commission board office
bureau service police army navy force fund city county state republic kingdom union league team
church cathedral mosque hospital airport station stadium arena museum prison street avenue road
square bridge island network news times cup festival convention conference summit forum
championship championships olympics tournament partnership alliance coalition federation act treaty
agreement accord protocol
""")
RELATIVES = word_set("what which who whom whose")
PREPOSITIONS = word_set("""
to of for at in from with by on about against than between into over under toward towards
through without within among across behind beyond near like upon onto
""")
CONNECTORS = word_set("of to for")  # inside titles and organisations: "Secretary of State"
PARTICLES = word_set("de van von der den bin ibn al el la le du da di del dos das ter")
PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "n"}
GENDERED = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
# Adverbs and auxiliaries that may sit between a subject and its verb ("Kuleba also said").
BETWEEN = word_set("""
also later earlier then again further previously repeatedly recently separately similarly
reportedly once had has have was were is are would will did does do not never publicly
privately firmly clearly bluntly flatly directly quickly immediately personally subsequently
initially first too herself himself themselves itself originally reportedly likewise already
however though nonetheless nevertheless still since often long now just always frequently
sometimes usually even ultimately eventually finally
""")
# Nouns and names ending in -ly, which ``between.is_adverb`` does not skip as adverbs between a
# subject and its verb ("The Clinton family said" is the family's word).
LY_NOUNS = word_set("""
family assembly anomaly monopoly homily melancholy butterfly italy supply july rally tally ally
bully belly jelly lily holly folly
""")
DETERMINERS = word_set("the a an")
SPEAKER_LOOKBACK = 2  # sentences back in which a pronoun may find a speaker of its gender
TOPIC_LOOKBACK = 3  # sentences before the previous one in which a pronoun may find its one person
APPOSITIVE_COMMAS = 5  # "Cecelia Purner, 67, a retired representative in Allentown, Pa., said"
# Nouns whose appositive is a place or an organisation, not a person: "the state capital,
# Sacramento,", "the Vatican's official newspaper, L'Osservatore Romano,", "start-up, Paradata,".
NOT_PERSON_NOUNS = ORG_HEADS | word_set("""
capital city town village state county district country hometown suburb region province neighborhood
newspaper paper magazine website site outlet firm start-up startup station
""")
APPOSITIVE_MAX = 40  # tokens between the commas of "Sherman, who led those talks, said"

# People a group is named after, before "for" or "of": "Americans for Prosperity", "Citizens for
# Responsibility and Ethics in Washington", "Veterans for Peace" are organisations.
GROUP_PEOPLE = word_set("""
citizens veterans friends mothers moms fathers dads women parents families students patriots taxpayers
voters workers scientists doctors physicians lawyers conservatives progressives liberals
""")


def a_people(word: str) -> bool:
    """Whether ``word`` (lower case) is a people in the plural: "african-americans", "latinos",
    "russians" ("evans" is no people)."""
    return word.endswith("americans") or (word.endswith("s") and word[:-1] in DEMONYMS)


def org_head(word: str) -> bool:
    """Whether ``word`` (lower case) before "for"/"of"/"on" makes an organisation's name: its noun
    ("Commission on ...", ``ORG_HEADS``) or people in the plural ("Americans for ...")."""
    return word in ORG_HEADS or word in GROUP_PEOPLE or a_people(word)
