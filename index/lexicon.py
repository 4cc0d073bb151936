"""Words Verbatim knows, shared by quote attribution and the question side.

Speech verbs with every inflection (``speech_lemma("wrote") == "write"``), first names that tell
a person's gender and their short forms (``same_name("bob") == {"robert"}``), month and weekday
names, and the words of titles and roles ("President", "spokesman", "Dr."). Plain frozensets and
dicts: no global mutable state.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

# Common American first names with their gender, written by scripts/make_first_names.py.
CENSUS_FIRST_NAMES = Path(__file__).resolve().parent / "lexicon_data" / "census_first_names.tsv"


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Every inflection of a reporting verb -> its lemma. Used by the query parser too.
LEMMA_FORMS: dict[str, tuple[str, ...]] = {
    "say": ("say", "says", "said", "saying"),
    "add": ("add", "adds", "added", "adding"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "tell": ("tell", "tells", "told", "telling"),
    "comment": ("comment", "comments", "commented", "commenting"),
    "praise": ("praise", "praises", "praised", "praising"),
    "describe": ("describe", "describes", "described", "describing"),
    "reiterate": ("reiterate", "reiterates", "reiterated", "reiterating"),
    "state": ("state", "states", "stated", "stating"),
    "note": ("note", "notes", "noted", "noting"),
    "claim": ("claim", "claims", "claimed", "claiming"),
    "warn": ("warn", "warns", "warned", "warning"),
    "announce": ("announce", "announces", "announced", "announcing"),
    "insist": ("insist", "insists", "insisted", "insisting"),
    "argue": ("argue", "argues", "argued", "arguing"),
    "explain": ("explain", "explains", "explained", "explaining"),
    "stress": ("stress", "stresses", "stressed", "stressing"),
    "assure": ("assure", "assures", "assured", "assuring"),
    "assert": ("assert", "asserts", "asserted", "asserting"),
    "declare": ("declare", "declares", "declared", "declaring"),
    "acknowledge": ("acknowledge", "acknowledges", "acknowledged", "acknowledging"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "emphasize": (
        "emphasize",
        "emphasizes",
        "emphasized",
        "emphasizing",
        "emphasise",
        "emphasises",
        "emphasised",
        "emphasising",
    ),
    "urge": ("urge", "urges", "urged", "urging"),
    "suggest": ("suggest", "suggests", "suggested", "suggesting"),
    "reply": ("reply", "replies", "replied", "replying"),
    "respond": ("respond", "responds", "responded", "responding"),
    "recall": ("recall", "recalls", "recalled", "recalling"),
    "predict": ("predict", "predicts", "predicted", "predicting"),
    "confirm": ("confirm", "confirms", "confirmed", "confirming"),
    "deny": ("deny", "denies", "denied", "denying"),
    "tweet": ("tweet", "tweets", "tweeted", "tweeting"),
    "remark": ("remark", "remarks", "remarked", "remarking"),
    "observe": ("observe", "observes", "observed", "observing"),
    "conclude": ("conclude", "concludes", "concluded", "concluding"),
    "promise": ("promise", "promises", "promised", "promising"),
    "vow": ("vow", "vows", "vowed", "vowing"),
    "caution": ("caution", "cautions", "cautioned", "cautioning"),
    "concede": ("concede", "concedes", "conceded", "conceding"),
    "maintain": ("maintain", "maintains", "maintained", "maintaining"),
    "continue": ("continue", "continues", "continued", "continuing"),
    "contend": ("contend", "contends", "contended", "contending"),
    "ask": ("ask", "asks", "asked", "asking"),
    "report": ("report", "reports", "reported", "reporting"),
    "criticize": (
        "criticize",
        "criticizes",
        "criticized",
        "criticizing",
        "criticise",
        "criticises",
        "criticised",
        "criticising",
    ),
    "complain": ("complain", "complains", "complained", "complaining"),
    "accuse": ("accuse", "accuses", "accused", "accusing"),
    "allege": ("allege", "alleges", "alleged", "alleging"),
    "repeat": ("repeat", "repeats", "repeated", "repeating"),
    "reaffirm": ("reaffirm", "reaffirms", "reaffirmed", "reaffirming"),
    "affirm": ("affirm", "affirms", "affirmed", "affirming"),
    "signal": ("signal", "signals", "signaled", "signalled", "signaling", "signalling"),
    "joke": ("joke", "jokes", "joked", "joking"),
    "quip": ("quip", "quips", "quipped", "quipping"),
    "exclaim": ("exclaim", "exclaims", "exclaimed", "exclaiming"),
    "retort": ("retort", "retorts", "retorted", "retorting"),
    "scoff": ("scoff", "scoffs", "scoffed", "scoffing"),
    "lament": ("lament", "laments", "lamented", "lamenting"),
    "speak": ("speak", "speaks", "spoke", "spoken", "speaking"),
    "testify": ("testify", "testifies", "testified", "testifying"),
    "think": ("think", "thinks", "thought", "thinking"),
}
FORM_TO_LEMMA: dict[str, str] = {f: lemma for lemma, forms in LEMMA_FORMS.items() for f in forms}

SPEECH_LEMMAS: frozenset[str] = frozenset(LEMMA_FORMS)


def speech_lemma(word: str) -> str | None:
    """The reporting-verb lemma of ``word`` in any inflection ("wrote" -> "write"), else None."""
    return FORM_TO_LEMMA.get(word.strip().lower())


CURATED_FEMALE_NAMES = word_set("""
julianne wendy angela ursula kamala hillary nancy victoria maria marie anna anne ann elena olena
olga irina iryna natalia natalya nataliya tatiana tatyana svetlana yulia yuliia julia liz
elizabeth theresa margaret kaja annalena christine mette sanna jacinda giorgia marine linda
susan karen sarah sara jennifer jen jill michelle melania nikki samantha condoleezza madeleine
janet gina avril kristalina agnes ingrid helga sophie catherine kate emma laura lisa mary
patricia barbara jessica rachel rebecca amy ashley megan emily hannah hanna nicola priti suella
penny kemi yvette ilhan alexandria nina vera galina ludmila lyudmila valentina daria darya
oksana kateryna olha maryna marina ekaterina yekaterina alina veronika zuzana beata ewa
agnieszka dorota magdalena federica francesca chiara isabel carmen ana lucia martina petra eva
greta heidi hilary tulsi marsha elise ivanka jacqueline amanda joanna joanne deborah diane
dianne donna kristi kristen kirsten kathy katie katherine kathleen stephanie caroline charlotte
claire clare ellen eleanor grace helen jane joan judith julie karin lauren louise lucy
margrethe marta melissa monica nadia natasha nicole pamela rosa ruth sandra sharon sylvie
tamara teresa tina valerie virginia yasmin zoe susanne andrea georgia lindsay alice emine
roberta maia salome viola kristina ingrida evika ulrike annegret saskia nadine ruslana
betsy carly chelsea colleen dana debbie felicia heather jillian juanita kimberly kimberley marla maureen phyllis shelley
stacey vanessa angie brianne heidi kelly kellyanne huma loretta elaine dolores gwen gwendolyn gloria beverly brenda
carol carolyn cheryl cindy claudia crystal dorothy evelyn frances holly irene jackie janice jean joyce judy
kathryn kay kayla kim kristin leslie lillian lori lynn marilyn martha megyn mia mildred molly nora
norma paula peggy rita robin rose roseann sally shannon sheila shirley sonia stacy sue suzanne tammy
tanya terri tiffany tracy vicki wanda whitney yvonne chloe mika
""")
CURATED_MALE_NAMES = word_set("""
dmitry dmitri dmytro sergei sergey serhiy serhii vladimir volodymyr joe joseph jens antony
anthony emmanuel olaf boris alexei alexey aleksei alexander aleksandr oleksandr oleksiy andrei
andrey andriy andrii mikhail mykhailo viktor victor yuri yury igor ihor ivan nikolai nikolay
mykola pavel pavlo petro peter pyotr maxim maksym ramzan yevgeny yevgeniy evgeny denis denys
kirill ruslan vitali vitaliy vitaly anatoly valery leonid gennady lloyd jake mark mike michael
john james robert bob william bill david richard thomas tom charles donald george barack paul
steven stephen kevin brian jason matthew andrew daniel christopher chris eric ned todd rishi
keir justin recep narendra fumio shinzo naftali benjamin yair mohammed muhammad mohammad ali
hassan ebrahim abdullah ahmed pedro mario giuseppe matteo sergio luis jose juan carlos andrzej
mateusz jaroslaw gitanas egils heiko karl klaus wolfgang friedrich markus christian luc josep
alain francois nicolas jacques pierre michel rob ben sam greg gregory jeremy jeffrey jim jack
tim timothy ted chuck mitch marco adam ron ronald dick rand hakeem kurt jordan chad frank
walter hans olli ulf sauli alar xi mevlut hakan volker edgars
krisjanis arturs gabrielius ramzi bashar ismail yoav isaac liam neil ian mick ringo sadiq khizr jair
yahya eliud
martin roman arseniy petr mikheil irakli giorgi bidzina nikol ilham kassym nursultan
emomali shavkat sadyr aleksandar milos zoran janez borut ludovit
alan colin corey curt dan dennis douglas ed edward elijah fred gary glenn glen gordon harry
jacob jay jeb jeff jeffery jimmy jon jonathan jorge josh lance lindsey lou marvin merrick miguel
mitchell patrick pete rahm ray reince rick robby scott sean steve teddy tad newt rand ben
carson jason kenneth ken larry jerry dave doug howard hugh jesse joel keith kyle lawrence leon
lewis luke matt max nathan nick noah orrin oliver raymond reid roger roy russell ryan sherrod
stanley terry tony travis trey troy vincent wayne zach zachary bernie barry cory harold henry herbert
jared jeremiah phil philip ralph randy rudy rudolph sheldon tommy walter warren wesley willie arnold bobby
brad bradley brandon bruce bryan carl clarence cliff clifford craig dale darrell dean derek don donnie
dwight earl eddie elliot ernest floyd francis franklin gene gerald gilbert hank herman jack jerome jimmie
johnny justin kurt louis marcus mel milton murray nelson norman oscar perry preston quentin rex ricky
rodney ronnie ross samuel seth shaun sid stuart terrence thad theodore vernon wade wallace ward will
woodrow
""")


def census_first_names(path: Path = CENSUS_FIRST_NAMES) -> dict[str, str]:
    """The common American first names (scripts/make_first_names.py): name -> "m", "f" or "-"."""
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and line[0] != "#")
    return {name: gender for name, gender in rows}


_CENSUS = census_first_names()
# The hand-kept names above tell their gender; a census name its own, if any ("Kelly" tells none).
FEMALE_NAMES = CURATED_FEMALE_NAMES | {name for name, gender in _CENSUS.items() if gender == "f"}
MALE_NAMES = CURATED_MALE_NAMES | {name for name, gender in _CENSUS.items() if gender == "m"}
FIRST_NAMES = FEMALE_NAMES | MALE_NAMES | frozenset(_CENSUS)

# The short forms English first names go by ("Bob" for Robert, "Dick" for Richard, "Peggy" for
# Margaret): "What did Bob Menendez say?" finds the "Robert Menendez" one newspaper quotes, and
# "Dick Durbin" is also the "Richard J. Durbin" of another. Only a full name and its own short
# forms are one name ("Bob" and "Bobby" are not: two short forms of one name are as often two
# people's); a short form of two names ("Ted": Edward or Theodore) is either. Hand-kept, the forms
# news writes for public figures; genealogists' lists ("Jonathan": "Nathan", "John": "Ian") join
# too many different people.
_NICKNAMES = """
robert: bob bobby rob robbie
william: bill billy will willie
richard: dick rick ricky rich richie
charles: chuck charlie
edward: ed eddie ted teddy ned
theodore: ted teddy theo
michael: mike mikey mick
james: jim jimmy jamie
thomas: tom tommy
timothy: tim timmy
christopher: chris
joseph: joe joey
daniel: dan danny
david: dave davey
stephen: steve stevie
steven: steve stevie
anthony: tony
andrew: andy drew
matthew: matt
nicholas: nick nicky
patrick: pat paddy
peter: pete
samuel: sam sammy
benjamin: ben benny
alexander: alex sasha
jonathan: jon
john: jack johnny
lawrence: larry
laurence: larry
harold: harry hal
henry: hank harry
frederick: fred freddy freddie
gerald: jerry gerry
kenneth: ken kenny
ronald: ron ronnie
donald: don donnie
douglas: doug
gregory: greg
jeffrey: jeff
geoffrey: geoff jeff
joshua: josh
leonard: len lenny
raymond: ray
zachary: zach zack
nathaniel: nate
philip: phil
phillip: phil
randolph: randy
randall: randy
albert: al bert
alfred: al alf fred
eugene: gene
francis: frank
franklin: frank
louis: lou
mitchell: mitch
vincent: vince vinny
walter: walt wally
jacob: jake
maxwell: max
bernard: bernie
elizabeth: liz lizzie beth betsy betty libby
katherine: kate kathy katie kat
catherine: kate cathy katie cat
kathryn: kate kathy katie
kathleen: kathy kate
margaret: peggy meg maggie marge
rebecca: becky becca
susan: sue suzy susie
deborah: deb debbie debby
jennifer: jen jenny jenn
patricia: pat patty tricia trish
victoria: vicky vicki tori
christine: chris chrissy
christina: chris chrissy tina
barbara: barb
pamela: pam
kimberly: kim
jacqueline: jackie
judith: judy
dorothy: dottie
abigail: abby
samantha: sam
alexandra: alex sasha
valerie: val
cynthia: cindy
sandra: sandy
theresa: terry tess
teresa: terry tess
"""


def _nickname_table(text: str) -> dict[str, frozenset[str]]:
    same: dict[str, set[str]] = {}
    for line in text.strip().splitlines():
        full, _, short = line.partition(":")
        for form in short.split():
            same.setdefault(full, set()).add(form)
            same.setdefault(form, set()).add(full)
    return {name: frozenset(forms) for name, forms in same.items()}


# Each name -> the names that are one with it: a full name's short forms, a short form's full names.
SAME_NAME: dict[str, frozenset[str]] = _nickname_table(_NICKNAMES)
NAMES_WITH_FORMS = frozenset(SAME_NAME)


_NONE: frozenset[str] = frozenset()


def family_name_first(words: Sequence[str]) -> bool:
    """Whether a name of ``words`` is written family name first, as Korean and Taiwanese names are
    in English: a given name of two syllables joined by a hyphen, the second in lower case ("Moon
    Jae-in", "Kim Jong-un", "Tsai Ing-wen"), not a double first name ("Jean-Pierre Raffarin")."""
    if len(words) != 2 or "-" not in words[1]:
        return False
    head, _, tail = words[1].partition("-")
    return head[:1].isupper() and tail[:1].islower() and len(head) <= 4


def same_name(word: str) -> frozenset[str]:
    """The other forms of the first name ``word`` (lower case): "bob" -> {"robert"}, "robert" ->
    {"bob", "bobby", "rob", "robbie"}; empty for a name with none."""
    return SAME_NAME.get(word, _NONE)


def within(words: frozenset[str] | set[str], other: frozenset[str] | set[str]) -> bool:
    """Whether every one of a name's ``words`` is one of ``other``'s, or a form of one (``same_name``):
    "Dick Durbin" is within "Richard J. Durbin", "Durbin" within both."""
    return all(not same_name(w).isdisjoint(other) for w in words - other)


# In calendar order: a month's number is its place here plus one.
MONTH_NAMES = tuple("january february march april may june july august september october november december".split())
MONTHS = frozenset(MONTH_NAMES) | word_set("jan feb mar apr jun jul aug sep sept oct nov dec")
WEEKDAYS = word_set("monday tuesday wednesday thursday friday saturday sunday")
# Each month's forms as written, in calendar order: "Aug." and "August" are the same month.
MONTH_FORMS = tuple(frozenset({name, name[:3]} | ({"sept"} if name == "september" else set())) for name in MONTH_NAMES)

# Words that write a figure ("sixty people", "a dozen", "half the votes", "$2 trillion"): every
# number word from one to ninety that names a figure alone, the scale words and the fractions
# news writes out. The ranking's number signal and the asked unit (index/search/units.py) read
# this one list, so a sentence holds a figure for both or for neither.
NUMBER_WORDS = word_set("""
one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
hundred hundreds thousand thousands million millions billion billions trillion trillions
dozen dozens half
""")

# Words that give a quantity without a figure ("twice", "none", "a majority"): a sentence holding
# neither a figure nor one of these does not answer "how many" (index/search/decline.py).
QUANTITY_WORDS = word_set("""
no zero once twice thrice none nobody several few couple handful majority minority most all every many
scores third thirds quarter quarters fraction percent
""")

# Words of titles and roles ("U.S. Deputy Secretary of State", "Kremlin spokesman"). Not a word
# that is also a common surname ("Singer": "Mr. Singer said").
TITLE_WORDS = word_set("""
president vice prime minister deputy secretary secretary-general general gen. foreign defense
defence interior finance state ambassador envoy special spokesman spokeswoman spokesperson press
chancellor chief senior senator sen. rep. representative gov. governor mayor director chairman
chairwoman chair commander admiral adm. lt. col. colonel maj. major captain capt. sgt. sergeant
dr. dr mr. mr mrs. mrs ms. ms miss madam prof. professor king queen prince princess pope bishop
archbishop rev. sheikh judge justice attorney counsel adviser advisor national security officer
executive ceo head leader speaker majority minority whip lawmaker commissioner high
undersecretary under assistant acting former lady crown emir ayatollah supreme patriarch
economy trade energy health education agriculture transport labor labour treasury commerce
homeland intelligence affairs external internal home top diplomat negotiator official member
staff premier president-elect mp mep sir dame lord baron duke marshal brig. brigadier
lieutenant corporal communications director-general ambassador-at-large deputy-minister
vice-president first-deputy presidential ministerial foreign-policy cabinet editor-in-chief commander-in-chief
del. delegate
democrat democratic republican gop
magistrate coroner sheriff inspector detective constable superintendent coach manager founder
economist analyst
det ch insp supt cllr prof sgt capt lt col rev maj cmdr brig baroness viscount countess marquess
taoiseach tanaiste
alderman alderwoman assemblyman assemblywoman councilman councilwoman councillor councilor
congressman congresswoman rabbi pastor imam cardinal reverend actor actress rapper
journalist columnist author novelist historian billionaire businessman businesswoman
entrepreneur candidate nominee rival activist lawyer reporter correspondent investigative
editor managing filmmaker comedian recorder advocate treasurer secretary-treasurer elections
producer anchor photographer strategist consultant prosecutor
guitarist drummer bassist pianist vocalist songwriter singer-songwriter musician frontman frontwoman
footballer midfielder goalkeeper quarterback golfer cyclist sprinter blogger broadcaster presenter
playwright poet chef
""")


def is_title_word(word: str) -> bool:
    """Whether ``word`` (any case, with or without a final dot: "Sen.", "CEO") is in ``TITLE_WORDS``."""
    folded = word.casefold()
    return folded in TITLE_WORDS or folded.rstrip(".") in TITLE_WORDS


def plain_word(word: str) -> str:
    """``word`` casefolded, without a possessive: "Russia’s" -> "russia"."""
    folded = word.casefold().replace("’", "'")
    return folded[:-2] if folded.endswith("'s") else folded


# News events told in other words: a question asks "who met", the article reports "talks". Each
# group's words (stemmed where used) stand for one another when the feature reranker counts how
# much of a question a sentence holds (index/search/rerank_features.py).
EVENT_WORDS: tuple[frozenset[str], ...] = tuple(
    word_set(group)
    for group in (
        "meet met meeting talks talked summit discussions negotiations",
        "win won victory beat defeated champion title",
        "lose lost defeat defeated beaten",
        "die died death dead killed",
        "kill killed death dead slain",
        "injure injured wounded hurt injuries",
        "arrest arrested detained custody",
        "resign resigned resignation quit",
        "elect elected election won",
        "buy bought acquire acquired acquisition purchase purchased",
        "sell sold sale",
        "sue sued lawsuit",
        "ban banned prohibit prohibited",
        "attack attacked bombing bombings strike assault",
        "visit visited trip tour",
        "sign signed agreement deal",
        "fire fired dismissed sacked ousted",
        "hire hired appointed named nominated",
        "found founded established created",
        "born birth",
        "marry married wife husband wedding",
        "raise raised increase increased hike",
        "cut reduce reduced lower lowered",
        "start started began launch launched",
        "end ended finished concluded",
        "sink sank sunk",
        "crash crashed",
        "collapse collapsed",
        "erupt erupted eruption",
        "explode exploded explosion",
        "release released freed",
        "retire retired retirement",
    )
)
