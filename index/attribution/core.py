"""Quote attribution: who is reported as speaking in each sentence, and with which verb.

``attribute(sentences, title)`` returns copies of an article's sentences whose ``speaker`` is the
person (or organisation) the sentence quotes or reports, written as the article first writes
the full name ("Dmitry Peskov", "Ukraine’s Foreign Ministry"), and whose ``verb`` is the lemma of
the reporting verb ("say", "add", "write", ...). Sentences that report nobody keep ``None``.

How it decides, in short (all rules are pure text rules; no model, no network):

* Text inside quotation marks is never read for verbs or subjects: "stressed" in a quote is
  the speaker's word, not a report. Quotes may span sentences; whether a sentence starts inside
  an open quote is carried from sentence to sentence within a paragraph.
* A reporting verb (``said``, ``added``, ``told``, ``praised``, ...) outside quotes takes as its
  speaker the subject just before it (``Peskov said``, ``Dmytro Kuleba on January 11 praised``,
  ``Sherman, who led the talks, said``, ``she added``), or the name just after it when it follows
  a quote (``"...," said Peskov``). ``according to X``, ``X was quoted as saying`` and
  ``TASS quoted X as saying`` are recognised too. The first verb in the sentence with a
  resolvable speaker wins, except that a person reported inside an organisation's statement wins
  over the organisation (``the Foreign Ministry said ... that Kuleba told ...`` -> Kuleba, "tell"),
  because the quoted words are the person's.
* Titles are not names: ``U.S. Deputy Secretary of State Wendy Sherman`` -> "Wendy Sherman".
  The title is remembered, so ``The U.S. ambassador to NATO says ...`` resolves to the one
  person the article gives that title ("Julianne Smith").
* Surnames (``Peskov said``) link to the full name the article uses anywhere (before or after).
* ``he``/``she`` resolve to the nearest person of that gender: one named earlier in the same
  sentence, else a recent speaker, else someone named in the two sentences before, else a
  recent speaker whose gender is unknown, else the previous sentence's speaker. Gender comes
  from a built-in first-name list, from titles (Mrs, spokeswoman, ...) and from earlier pronoun
  use ("Wendy Sherman ... her conversations").
* A sentence with no attribution of its own that continues an open quote gets the speaker of
  the sentence the quote belongs to (before it in the same paragraph, or the sentence that
  closes it).
* Generic or collective subjects are never speakers: ``Western officials and analysts say``,
  ``Many analysts say``, and countries or cities (``Russia says``, ``the United States has
  said``, ``Moscow said``) give ``speaker=None``; so do verbs in relative clauses (``what the
  United States has said``). Named organisations (``the Kremlin``, ``NATO``, ``Ukraine’s Foreign
  Ministry``, news agencies) are allowed as speakers. A named person or pronoun in a relative
  clause does count (``in what Biden has said could be a prelude`` reports Biden's words).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from index.types import Sentence

# ---------------------------------------------------------------------------------------------
# Vocabulary. Plain frozensets: no global mutable state.
# ---------------------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Every inflection of a reporting verb -> its lemma. Used by the query parser too.
_LEMMA_FORMS: dict[str, tuple[str, ...]] = {
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
    "repeat": ("repeat", "repeats", "repeated", "repeating"),
    "reaffirm": ("reaffirm", "reaffirms", "reaffirmed", "reaffirming"),
    "affirm": ("affirm", "affirms", "affirmed", "affirming"),
    "signal": ("signal", "signals", "signaled", "signalled", "signaling", "signalling"),
    "joke": ("joke", "jokes", "joked", "joking"),
    "speak": ("speak", "speaks", "spoke", "spoken", "speaking"),
    "think": ("think", "thinks", "thought", "thinking"),
}
_FORM_TO_LEMMA: dict[str, str] = {f: lemma for lemma, forms in _LEMMA_FORMS.items() for f in forms}

SPEECH_LEMMAS: frozenset[str] = frozenset(_LEMMA_FORMS)

# Forms that, written outside quotes with a named subject, mark a sentence as reported speech.
# Base forms are left out (``to add pressure``, ``a note``), except plural ``say``
# (``analysts say``); -s forms that are mostly nouns (``comments``, ``remarks``, ``states``,
# ``reports``) are left out; ``spoke``/``thought``/``asked`` are not reports of what was said.
_DETECT_FORMS: dict[str, str] = {
    form: lemma
    for form, lemma in _FORM_TO_LEMMA.items()
    if not form.endswith("ing")
    and lemma not in {"speak", "think", "ask"}
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
        "notes",
        "claims",
        "stresses",
        "urges",
    }
    and (form != lemma or form == "say")
}


def speech_lemma(word: str) -> str | None:
    """The reporting-verb lemma of ``word`` in any inflection ("wrote" -> "write"), else None."""
    return _FORM_TO_LEMMA.get(word.strip().lower())


_FEMALE = _words("""
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
""")
_MALE = _words("""
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
krisjanis arturs gabrielius ramzi bashar ismail yoav isaac liam neil ian
martin roman arseniy petr mikheil irakli giorgi bidzina nikol ilham kassym nursultan
emomali shavkat sadyr aleksandar milos zoran janez borut ludovit
""")
_FIRST_NAMES = _FEMALE | _MALE

# Capitalised words that open a sentence or a chain but are never part of a name.
_STOP = _words("""
the a an this that these those it its still meanwhile however but and or yet so then also
earlier later now today yesterday tonight on in at during after before when while if as since
although though because despite with without for from to of by about under over between among
amid against instead separately similarly nevertheless moreover furthermore indeed overall last
next speaking asked according both many some several most other others such his her their our
my your we they he she i you who what where why how which not no yes there here every each all
any one two three four five six seven eight nine ten first second third new leave reply via
thus hence until unless whether either neither just only even already once again
""")
_MONTHS = _words("""
january february march april may june july august september october november december jan feb
mar apr jun jul aug sep sept oct nov dec
""")
_WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
_TIME_NOUNS = _words("morning afternoon evening night week weekend month year day days weeks")
_TIME_INTRO = _words("on in last this late early earlier during next")

# Words of titles and roles ("U.S. Deputy Secretary of State", "Kremlin spokesman").
_TITLE = _words("""
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
vice-president first-deputy presidential ministerial foreign-policy cabinet
""")
# Heads of a title: at least one must be present for words before a name to count as a title.
_ROLE_HEADS = _words("""
president minister secretary secretary-general ambassador envoy spokesman spokeswoman
spokesperson chancellor chief senator representative governor mayor director chairman
chairwoman chair commander admiral colonel general king queen prince princess pope judge
adviser advisor leader speaker commissioner premier diplomat negotiator official ceo head
president-elect director-general ambassador-at-large undersecretary mp mep lawmaker
""")
# Lower-case words allowed inside a title or a role noun phrase ("the Kremlin spokesman").
_ROLE_LOWER = _ROLE_HEADS | _words("""
deputy foreign defense defence press security national senior top special chief former acting
first vice prime state u.s. interior finance
""")
_FEMALE_TITLES = _words("mrs. mrs ms. ms miss madam queen princess spokeswoman chairwoman dame lady")
_MALE_TITLES = _words("mr. mr king prince spokesman chairman sir lord baron duke")

# Collective subjects that are never a named speaker ("Officials said", "Analysts say").
_GENERIC = _words("""
officials official analysts analyst experts expert diplomats diplomat sources source observers
critics residents witnesses people authorities police protesters lawmakers investigators
scientists researchers doctors reports report others many some several everyone nobody someone
western eastern military leaders members allies media journalists reporters commentators
spokespeople ministers participants organizers organisers
""")
# Heads that make a capitalised chain an organisation ("Ukraine’s Foreign Ministry").
_ORG_HEADS = _words("""
ministry department office council commission agency embassy government service services
parliament assembly senate congress committee court party union organization organisation
bank fund company corporation corp. corp inc. inc group command forces army navy police guard
institute university center centre foundation association federation network news times post
journal bureau secretariat cabinet presidency administration mission delegation headquarters
house kremlin pentagon duma rada alliance coalition movement front
""")
_KNOWN_ORGS = _words("""
kremlin pentagon nato eu un osce imf who reuters afp ap tass interfax ria novosti ukrinform
bloomberg cnn bbc gazprom rosatom hamas hezbollah taliban opec wto g7 g20 iaea unicef
""")
_DEMONYMS = _words("""
american russian ukrainian british french german chinese european western eastern baltic polish
italian spanish turkish iranian israeli palestinian japanese korean indian canadian belarusian
georgian swedish finnish norwegian danish dutch belgian swiss austrian hungarian czech slovak
romanian bulgarian greek serbian croatian lithuanian latvian estonian moldovan syrian iraqi
afghan pakistani saudi egyptian arab asian african atlantic soviet allied crimean nordic
central northern southern mexican brazilian australian venezuelan cuban taiwanese qatari
emirati jordanian lebanese libyan sudanese ethiopian nigerian kenyan kazakh uzbek armenian
azerbaijani transatlantic north south east west
""")
# Countries, capitals, regions and cities that appear as subjects ("Russia says", "Moscow said").
_PLACES = frozenset(
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
zimbabwe,u.s.,u.k.,us,uk,usa,moscow,kyiv,kiev,washington,brussels,london,paris,berlin,beijing,
tokyo,geneva,vienna,warsaw,minsk,tbilisi,ankara,tehran,jerusalem,tel aviv,gaza,damascus,
baghdad,kabul,islamabad,new delhi,delhi,seoul,pyongyang,taipei,rome,madrid,lisbon,athens,
budapest,prague,bratislava,bucharest,sofia,belgrade,zagreb,riga,vilnius,tallinn,helsinki,
stockholm,oslo,copenhagen,amsterdam,the hague,bern,dublin,ottawa,canberra,cairo,riyadh,doha,
dubai,abu dhabi,new york,los angeles,donbas,donetsk,luhansk,crimea,kharkiv,mariupol,odesa,
odessa,kherson,zaporizhzhia,lviv,dnipro,sevastopol,st. petersburg,kaliningrad,chechnya,
west,east,europe,asia,africa,middle east,latin america,balkans,caucasus,scandinavia,
transnistria,abkhazia,south ossetia,belarus,brussels
""".replace("\n", "").split(",")
    if p.strip()
)
_RELATIVES = _words("what which who whom whose")
_PREPOSITIONS = _words("""
to of for at in from with by on about against than between into over under toward towards
through without within among across behind beyond near like upon onto
""")
_CONNECTORS = _words("of to for")  # inside titles and organisations: "Secretary of State"
_PARTICLES = _words("de van von der den bin ibn al el la le du da di del dos das ter")
_PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "n"}
_GENDERED = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
# Adverbs and auxiliaries that may sit between a subject and its verb ("Kuleba also said").
_BETWEEN = _words("""
also later earlier then again further previously repeatedly recently separately similarly
reportedly once had has have was were is are would will did does do not never publicly
privately firmly clearly bluntly flatly directly quickly immediately personally subsequently
initially first too herself himself themselves itself originally reportedly likewise already
""")
_DETERMINERS = _words("the a an")
_APPOSITIVE_MAX = 24  # tokens between the commas of "Sherman, who led those talks, said"
_PRONOUN_WINDOW = 10  # sentences back in which a pronoun looks for its speaker

# ---------------------------------------------------------------------------------------------
# Tokens and quotes.
# ---------------------------------------------------------------------------------------------

_TOKEN_RE = re.compile(
    r"(?P<A>(?:[A-Z]\.){2,}"  # U.S., U.K.
    r"|(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Adm|Prof|Rev|Maj|Cmdr|Brig|Pres|Jr|Sr|St)\."
    r"|[A-Z]\.(?=\s+[A-Z]))"  # an initial: Michael J. Fox
    r"|(?P<W>[^\W\d_]+(?:['’\-][^\W\d_]+)*['’]?)"
    r"|(?P<N>\d+(?:[.,:]\d+)*(?:st|nd|rd|th)?)"
    r"|(?P<P>@\w+|[^\w\s])"
)
_QUOTE_RE = re.compile(r"[\"“”‘’«»„]")
_OPENERS = "“«„"
_CLOSERS = "”»"
_CLOSE_AFTER = ",.?!…;:—-"  # a straight quote right after these, before a space, closes a quote


class _Tok(NamedTuple):
    kind: str  # W word, A abbreviation/initial, N number, P punctuation, Q a masked quotation
    text: str
    low: str
    start: int
    end: int


def _quote_spans(text: str, inside: bool) -> tuple[list[tuple[int, int]], bool]:
    """Character spans of quoted text (marks included), and whether a quote is open at the end.

    ``inside`` says whether the sentence starts inside a quotation opened earlier.
    """
    spans: list[tuple[int, int]] = []
    start = 0 if inside else -1
    single = False
    n = len(text)
    for m in _QUOTE_RE.finditer(text):
        c, i = m.group(), m.start()
        if start < 0:
            closes_unopened = c in _CLOSERS or (
                c == '"' and i > 0 and text[i - 1] in _CLOSE_AFTER and (i + 1 == n or text[i + 1].isspace())
            )
            if closes_unopened:
                # A quote closed that we never saw open: the sentence began inside it.
                if not spans:
                    spans.append((0, i + 1))
            elif c in _OPENERS or c == '"':
                start, single = i, False
            elif c == "‘" and (i == 0 or not text[i - 1].isalnum()):
                start, single = i, True
        elif single:
            if c == "’" and (i + 1 == n or not text[i + 1].isalpha()):
                spans.append((start, i + 1))
                start = -1
        elif c in _CLOSERS or c == '"' or (c == "“" and text[start] == "„"):
            spans.append((start, i + 1))
            start = -1
    if start >= 0:
        spans.append((start, n))
        return spans, not single  # an unclosed single quote is more likely an apostrophe
    return spans, False


def _tokenise(text: str, spans: list[tuple[int, int]]) -> list[_Tok]:
    toks: list[_Tok] = []
    pos = 0
    for s, e in spans:
        toks.extend(_plain_tokens(text, pos, s))
        toks.append(_Tok("Q", text[s:e], "", s, e))
        pos = e
    toks.extend(_plain_tokens(text, pos, len(text)))
    return toks


def _plain_tokens(text: str, pos: int, end: int) -> list[_Tok]:
    out: list[_Tok] = []
    append, make = out.append, tuple.__new__  # the hottest loop: skip NamedTuple's slower __new__
    for m in _TOKEN_RE.finditer(text, pos, end):
        t = m.group()
        append(make(_Tok, (m.lastgroup, t, t.lower(), m.start(), m.end())))
    return out


def _bare(low: str) -> str:
    """A word without its possessive ending: "ukraine’s" -> "ukraine"."""
    if low.endswith(("’s", "'s")):
        return low[:-2]
    return low.rstrip("’'")


def _is_possessive(t: _Tok) -> bool:
    return t.kind == "W" and (t.low.endswith(("’s", "'s", "’")) or t.low.endswith("s'"))


def _is_cap(t: _Tok) -> bool:
    return (t.kind == "W" or t.kind == "A") and t.text[0].isupper()


def _is_name_token(t: _Tok) -> bool:
    """Could this token be part of a person's name (not a title, place, month, org...)?"""
    if t.kind == "A":
        return len(t.text) == 2  # an initial like "J."
    if t.kind != "W" or not t.text[0].isupper():
        return False
    if len(t.text) > 1 and t.text.isupper():
        return False  # an acronym: NATO, OSCE
    low = _bare(t.low)
    if (
        low in _TITLE
        or low in _STOP
        or low in _MONTHS
        or low in _WEEKDAYS
        or low in _DEMONYMS
        or low in _GENERIC
        or low in _ORG_HEADS
        or low in _KNOWN_ORGS
    ):
        return False
    return not (low in _PLACES and low not in _FIRST_NAMES)


# ---------------------------------------------------------------------------------------------
# One sentence: mentions of people and candidate attributions ("claims").
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Mention:
    name: str  # as written, possessive removed
    words: int
    index: int  # token index of the name's last word
    title: str  # the title written before it, "" if none
    gender: str | None  # from the title only


@dataclass(frozen=True)
class _Claim:
    kind: str  # "name", "org", "pron", "role"
    value: str  # the name / organisation / pronoun / normalised role words
    verb: str
    index: int  # token index of the verb


@dataclass(frozen=True)
class _Parsed:
    toks: list[_Tok]
    starts_in_quote: bool
    ends_in_quote: bool
    mentions: tuple[_Mention, ...]
    claims: tuple[_Claim, ...]
    gendered: tuple[tuple[int, str], ...]  # (token index, "m"/"f") of he/his/she/her...


def _chain_start(toks: list[_Tok], j: int) -> int:
    """Index of the first token of the capitalised chain ending at ``j`` ("U.S. Ambassador to NATO")."""
    i = j
    while i > 0:
        p = toks[i - 1]
        if _is_cap(p):
            i -= 1
        elif p.kind == "W" and (p.low in _CONNECTORS or p.low in _PARTICLES) and i >= 2 and _is_cap(toks[i - 2]):
            i -= 2
        else:
            break
    return i


def _chain_end(toks: list[_Tok], i: int) -> int:
    j = i
    n = len(toks)
    while j + 1 < n:
        nx = toks[j + 1]
        if _is_cap(nx) and not _is_possessive(toks[j]):
            j += 1
        elif (
            nx.kind == "W"
            and (nx.low in _CONNECTORS or nx.low in _PARTICLES)
            and j + 2 < n
            and _is_cap(toks[j + 2])
            and not _is_possessive(toks[j])
        ):
            j += 2
        else:
            break
    return j


def _name_start(toks: list[_Tok], a: int, b: int) -> int | None:
    """Start of the person's name at the end of chain ``a..b``, or None if the chain has none."""
    k = b
    words = 0
    while k >= a and words < 4:
        t = toks[k]
        if k < b and _is_possessive(t):
            break
        if _is_name_token(t):
            words += 1
            k -= 1
        elif t.kind == "W" and t.low in _PARTICLES and k > a and words:
            k -= 1
        else:
            break
    if not words:
        return None
    s = k + 1
    while toks[s].kind == "W" and toks[s].low in _PARTICLES:
        s += 1
    return s


def _span_text(text: str, toks: list[_Tok], a: int, b: int) -> str:
    return text[toks[a].start : toks[b].end]


def _name_text(text: str, toks: list[_Tok], s: int, b: int) -> str | None:
    name = _span_text(text, toks, s, b)
    if _is_possessive(toks[b]):
        name = name[:-2] if name.endswith(("’s", "'s")) else name[:-1]
    low = name.lower()
    if low in _PLACES or low in _GENERIC:
        return None
    return name


def _title_before(text: str, toks: list[_Tok], s: int) -> tuple[str, str | None]:
    """The title written just before a name starting at token ``s``, and the gender it implies."""
    i = s
    while i > 0 and s - i < 9:
        p = toks[i - 1]
        if p.kind == "A" or (
            p.kind == "W"
            and ((p.text[0].isupper() and p.low not in _STOP) or p.low in _ROLE_LOWER or p.low in _CONNECTORS)
        ):
            i -= 1
        else:
            break
    while i < s and toks[i].low in _CONNECTORS:
        i += 1
    if i == s:
        return "", None
    lows = [_bare(t.low) for t in toks[i:s]]
    gender = next(("f" for w in lows if w in _FEMALE_TITLES), None) or next(
        ("m" for w in lows if w in _MALE_TITLES), None
    )
    if not any(w in _ROLE_HEADS for w in lows):
        return "", gender
    return _span_text(text, toks, i, s - 1), gender


def _title_after(text: str, toks: list[_Tok], b: int) -> str:
    """A title written after a name: "Dmitry Peskov, the Kremlin spokesman," / "Peskov is the ..."."""
    k = b + 1
    if k >= len(toks) or not (toks[k].text == "," or toks[k].low in ("is", "was")):
        return ""
    k += 1
    while k < len(toks) and toks[k].low in _DETERMINERS:
        k += 1
    start = k
    while k < len(toks) and k - start < 9:
        t = toks[k]
        if t.kind == "A" or (
            t.kind == "W"
            and ((t.text[0].isupper() and t.low not in _STOP) or t.low in _ROLE_LOWER or t.low in _CONNECTORS)
        ):
            k += 1
        else:
            break
    while k > start and toks[k - 1].low in _CONNECTORS:
        k -= 1
    if k == start or not any(_bare(t.low) in _ROLE_HEADS for t in toks[start:k]):
        return ""
    return _span_text(text, toks, start, k - 1)


def _mentions(text: str, toks: list[_Tok]) -> list[_Mention]:
    found = []
    i, n = 0, len(toks)
    while i < n:
        if not _is_cap(toks[i]):
            i += 1
            continue
        b = _chain_end(toks, i)
        s = _name_start(toks, i, b)
        if s is not None:
            name = _name_text(text, toks, s, b)
            if name:
                title, gender = _title_before(text, toks, s)
                if not title:
                    title = _title_after(text, toks, b)
                found.append(_Mention(name, b - s + 1, b, title, gender))
        i = b + 1
    return found


def _skip_between(toks: list[_Tok], j: int) -> int:
    """Step left over adverbs, auxiliaries and time phrases between a subject and its verb."""
    while j >= 0:
        t = toks[j]
        if t.kind == "W" and t.low in _BETWEEN and t.text[0].islower():
            j -= 1
            continue
        if t.kind == "N" or (t.kind == "W" and (t.low in _MONTHS or t.low in _WEEKDAYS or t.low in _TIME_NOUNS)):
            k = j
            while (
                k >= 0
                and j - k < 6
                and (
                    toks[k].kind == "N"
                    or toks[k].text == ","
                    or toks[k].low in _MONTHS
                    or toks[k].low in _WEEKDAYS
                    or toks[k].low in _TIME_NOUNS
                )
            ):
                k -= 1
            if k >= 0 and toks[k].low in _TIME_INTRO:
                j = k - 1
                continue
            if toks[j].low in _WEEKDAYS:  # AP style: "Peskov Tuesday said"
                j -= 1
                continue
        break
    return j


def _role_words(toks: list[_Tok], j: int) -> str | None:
    """Normalised words of a role phrase ending at ``j`` ("the U.S. ambassador to NATO")."""
    i = j
    while i >= 0 and j - i < 10:
        t = toks[i]
        if t.kind == "A" or (
            t.kind == "W"
            and (
                (t.text[0].isupper() and t.low not in _STOP)
                or t.low in _ROLE_LOWER
                or t.low in _CONNECTORS
                or t.low in _DETERMINERS
            )
        ):
            i -= 1
        else:
            break
    words = [_bare(t.low) for t in toks[i + 1 : j + 1] if t.low not in _DETERMINERS]
    if not words or not any(w in _ROLE_HEADS for w in words) or (words[-1] in _GENERIC and words[-1].endswith("s")):
        return None
    return " ".join(words)


def _subject_from_chain(text: str, toks: list[_Tok], a: int, b: int, verb: str, v: int) -> _Claim | None:
    """A claim for a capitalised chain ``a..b`` that is the subject of a reporting verb."""
    s = _name_start(toks, a, b)
    if s is not None:
        name = _name_text(text, toks, s, b)
        if name is None:
            return None
        return _Claim("name", name, verb, v)
    lows = [_bare(t.low) for t in toks[a : b + 1]]
    if any(w in _ORG_HEADS for w in lows) or (len(lows) == 1 and (lows[0] in _KNOWN_ORGS or toks[b].text.isupper())):
        while a < b and _bare(toks[a].low) in _STOP:
            a += 1
        org = _span_text(text, toks, a, b)
        if org.lower() in _PLACES:
            return None
        return _Claim("org", org, verb, v)
    role = _role_words(toks, b)
    return _Claim("role", role, verb, v) if role else None


def _subject_before(text: str, toks: list[_Tok], v: int, verb: str) -> _Claim | None:
    j = _skip_between(toks, v - 1)
    if j < 0:
        return None
    t = toks[j]
    if t.kind == "W" and t.low in _PRONOUNS:
        return _Claim("pron", t.low, verb, v)
    if t.text == ",":  # "Sherman, who led those talks, said" / "Peskov, however, said"
        k = j - 1
        while k >= 0 and j - k <= _APPOSITIVE_MAX and toks[k].text != ",":
            if toks[k].kind == "Q" or toks[k].text in ".;:":
                return None
            k -= 1
        if k <= 0 or toks[k].text != ",":
            return None
        j = k - 1
        t = toks[j]
        if not _is_cap(t):
            return None
    if _is_cap(t):
        if _is_possessive(t):
            return None  # "Peskov’s comments"
        a = _chain_start(toks, j)
        p = a - 1
        while p >= 0 and toks[p].low in _DETERMINERS:
            p -= 1
        if p >= 0 and toks[p].kind == "W":
            if toks[p].low in _RELATIVES and _name_start(toks, a, j) is None:
                return None  # "in what the United States has said could be ..." (a person would count)
            if toks[p].low in _PREPOSITIONS and toks[p].text[0].islower():
                role = _role_words(toks, j)  # "The U.S. ambassador to NATO says"
                return _Claim("role", role, verb, v) if role else None
        return _subject_from_chain(text, toks, a, j, verb, v)
    if t.kind == "W" and t.low in _ROLE_HEADS:  # "the Kremlin spokesman said"
        role = _role_words(toks, j)
        return _Claim("role", role, verb, v) if role else None
    return None


def _subject_after(text: str, toks: list[_Tok], k: int, verb: str, v: int) -> _Claim | None:
    """The speaker named after a verb or "according to": "...," said Kremlin spokesman Dmitry Peskov."""
    n = len(toks)
    if k >= n:
        return None
    if toks[k].kind == "W" and toks[k].low in _PRONOUNS:
        return _Claim("pron", toks[k].low, verb, v)
    e = k
    while e < n and e - k < 12:
        t = toks[e]
        if t.kind == "A" or (
            t.kind == "W"
            and (
                t.text[0].isupper()
                or t.low in _ROLE_LOWER
                or t.low in _CONNECTORS
                or t.low in _DETERMINERS
                or t.low in _PARTICLES
            )
        ):
            e += 1
        else:
            break
    chains = []
    i = k
    while i < e:
        if _is_cap(toks[i]):
            b = min(_chain_end(toks, i), e - 1)
            chains.append((i, b))
            i = b + 1
        else:
            i += 1
    claims = [c for a, b in chains if (c := _subject_from_chain(text, toks, a, b, verb, v))]
    for kind in ("name", "org", "role"):
        for c in claims:
            if c.kind == kind:
                return c
    if e > k and not chains:
        role = _role_words(toks, e - 1)
        if role:
            return _Claim("role", role, verb, v)
    return None


def _claims(text: str, toks: list[_Tok]) -> list[_Claim]:
    found: list[_Claim] = []
    n = len(toks)
    for v, t in enumerate(toks):
        if t.kind != "W":
            continue
        low = t.low
        claim: _Claim | None = None
        if low == "according" and v + 1 < n and toks[v + 1].low == "to":
            claim = _subject_after(text, toks, v + 2, "say", v)
        elif low == "saying" and v > 0 and toks[v - 1].low == "as":
            claim = _quoted_as_saying(text, toks, v)
        elif low in _DETECT_FORMS and t.text[0].islower():
            verb = _DETECT_FORMS[low]
            j = v - 1
            if j >= 0 and toks[j].text == ",":
                j -= 1
            if j >= 0 and toks[j].kind == "Q":  # "...," said X   /   "...," X said
                claim = _subject_after(text, toks, v + 1, verb, v)
            if claim is None:
                claim = _subject_before(text, toks, v, verb)
        if claim is not None:
            found.append(claim)
    return found


def _quoted_as_saying(text: str, toks: list[_Tok], v: int) -> _Claim | None:
    """ "Peskov was quoted (by TASS) as saying" and "TASS quoted Peskov as saying"."""
    k = v - 2
    if k < 0:
        return None
    if _is_cap(toks[k]):
        a = _chain_start(toks, k)
        p = a - 1
        if p >= 0 and toks[p].low == "quoted":
            return _subject_from_chain(text, toks, a, k, "say", v)
        if p >= 1 and toks[p].low == "by" and toks[p - 1].low == "quoted":
            return _subject_before(text, toks, p - 1, "say")
        return None
    if toks[k].low == "quoted":
        return _subject_before(text, toks, k, "say")
    return None


def _parse(text: str, inside: bool) -> _Parsed:
    spans, ends_inside = _quote_spans(text, inside)
    toks = _tokenise(text, spans)
    lead = len(text) - len(text.lstrip())
    starts_in_quote = bool(spans) and spans[0][0] <= lead
    gendered = tuple((i, _GENDERED[t.low]) for i, t in enumerate(toks) if t.kind == "W" and t.low in _GENDERED)
    return _Parsed(
        toks, starts_in_quote, ends_inside, tuple(_mentions(text, toks)), tuple(_claims(text, toks)), gendered
    )


# ---------------------------------------------------------------------------------------------
# One article: linking names, genders, pronouns and continued quotes.
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _People:
    """What the article says about its people: full names, how to find them, their genders."""

    full: dict[str, int]  # full name -> sentence index of first appearance
    by_last: dict[str, tuple[str, ...]]
    by_first: dict[str, tuple[str, ...]]
    gender: dict[str, str]
    roles: dict[str, frozenset[str]]  # normalised title words -> people with that title

    def canonical(self, name: str, last_seen: dict[str, int]) -> str:
        """The full name a mention refers to: "Peskov" -> "Dmitry Peskov"."""
        if name in self.full:
            return name
        words = name.split()
        key = words[-1].lower()
        options = self.by_last.get(key, ())
        if len(words) == 1 and not options:
            options = self.by_first.get(key, ())
        if len(options) == 1:
            return options[0]
        if options:  # two people share a surname: the one seen last, else the first one named
            return max(options, key=lambda o: (last_seen.get(o, -1), -self.full[o]))
        return name


def _people(parsed: Sequence[_Parsed], title: str) -> _People:
    full: dict[str, int] = {}
    gender: dict[str, str] = {}
    for idx, p in enumerate(parsed):
        for m in p.mentions:
            if m.words >= 2:
                full.setdefault(m.name, idx)
    if title:
        for m in _parse(title, False).mentions:
            if m.words >= 2 and m.name.split()[0].lower() in _FIRST_NAMES:
                full.setdefault(m.name, len(parsed))
    by_last: dict[str, list[str]] = {}
    by_first: dict[str, list[str]] = {}
    for name in full:
        words = name.split()
        by_last.setdefault(words[-1].lower(), []).append(name)
        by_first.setdefault(words[0].lower(), []).append(name)
        first = words[0].lower()
        if first in _FEMALE:
            gender[name] = "f"
        elif first in _MALE:
            gender[name] = "m"
    people = _People(
        full, {k: tuple(v) for k, v in by_last.items()}, {k: tuple(v) for k, v in by_first.items()}, gender, {}
    )
    roles: dict[str, set[str]] = {}
    last_seen: dict[str, int] = {}
    for p in parsed:
        for m in p.mentions:
            name = people.canonical(m.name, last_seen)
            if m.gender and name not in gender:
                gender[name] = m.gender
            if m.title:
                roles.setdefault(" ".join(_bare(w) for w in m.title.lower().split()), set()).add(name)
    _pronoun_evidence(parsed, people, gender)
    return replace(people, roles={k: frozenset(v) for k, v in roles.items()})


def _pronoun_evidence(parsed: Sequence[_Parsed], people: _People, gender: dict[str, str]) -> None:
    """Learn genders the name list does not know: "Wendy Sherman ... her conversations"."""
    previous_last: str | None = None
    for p in parsed:
        names = [(m.index, people.canonical(m.name, {})) for m in p.mentions]
        for idx, g in p.gendered:
            before = [n for i, n in names if i < idx]
            target = before[-1] if before else previous_last
            if target and target not in gender:
                gender[target] = g
        if names:
            previous_last = names[-1][1]


def _resolve_role(role: str, people: _People) -> str | None:
    asked = set(role.split())
    found = {person for title, persons in people.roles.items() if asked <= set(title.split()) for person in persons}
    return next(iter(found)) if len(found) == 1 else None


def _attribute_article(sentences: Sequence[Sentence], title: str) -> list[Sentence]:
    parsed: list[_Parsed] = []
    inside = False
    for i, s in enumerate(sentences):
        if i and s.paragraph != sentences[i - 1].paragraph:
            inside = False  # a quote running over paragraphs is reopened with a new mark
        p = _parse(s.text, inside)
        parsed.append(p)
        inside = p.ends_in_quote
    people = _people(parsed, title)
    orgs: set[str] = set()

    speakers: list[str | None] = [None] * len(sentences)
    verbs: list[str | None] = [None] * len(sentences)
    last_seen: dict[str, int] = {}
    mentioned: list[list[tuple[int, str]]] = []

    def gender_of(name: str) -> str | None:
        return "n" if name in orgs else people.gender.get(name)

    for i, p in enumerate(parsed):
        here = [(m.index, people.canonical(m.name, last_seen)) for m in p.mentions]
        mentioned.append(here)
        chosen: tuple[str, str] | None = None
        for c in p.claims:
            who = _resolve_claim(c, i, here, people, last_seen, speakers, mentioned, gender_of)
            if who is None:
                continue
            if c.kind == "org":
                orgs.add(who)
            if chosen is None:
                chosen = (who, c.verb)
                if c.kind != "org":
                    break
            elif c.kind == "name":  # a person quoted inside an organisation's statement
                chosen = (who, c.verb)
                break
        if chosen:
            speakers[i], verbs[i] = chosen
        for _, name in here:
            last_seen[name] = i
        if speakers[i]:
            last_seen[speakers[i]] = i

    # A quote left open is attributed where it closes: "We will wait. / We are patient," he said.
    for i in range(len(parsed) - 2, -1, -1):
        if (
            speakers[i] is None
            and parsed[i].ends_in_quote
            and speakers[i + 1]
            and sentences[i + 1].paragraph == sentences[i].paragraph
        ):
            speakers[i], verbs[i] = speakers[i + 1], verbs[i + 1]
    # A bare quote continues the quote of the sentence before it: '"...," Smith said. / "At the same time ..."'
    for i in range(1, len(parsed)):
        if (
            speakers[i] is None
            and parsed[i].starts_in_quote
            and speakers[i - 1]
            and (sentences[i].paragraph == sentences[i - 1].paragraph or parsed[i - 1].ends_in_quote)
        ):
            speakers[i], verbs[i] = speakers[i - 1], verbs[i - 1]

    # One organisation, one string: "Foreign Ministry" -> "Ukraine’s Foreign Ministry".
    longer = {o: matches[0] for o in orgs if len(matches := [x for x in orgs if x != o and x.endswith(" " + o)]) == 1}
    named = [longer.get(sp, sp) if sp else None for sp in speakers]
    return [replace(s, speaker=named[i], verb=verbs[i] if named[i] else None) for i, s in enumerate(sentences)]


def _resolve_claim(
    c: _Claim,
    i: int,
    here: list[tuple[int, str]],
    people: _People,
    last_seen: dict[str, int],
    speakers: list[str | None],
    mentioned: list[list[tuple[int, str]]],
    gender_of: Callable[[str], str | None],
) -> str | None:
    if c.kind == "name":
        return people.canonical(c.value, last_seen)
    if c.kind == "org":
        return c.value
    if c.kind == "role":
        return _resolve_role(c.value, people)
    return _resolve_pronoun(c, i, here, speakers, mentioned, gender_of)


def _resolve_pronoun(
    c: _Claim,
    i: int,
    here: list[tuple[int, str]],
    speakers: list[str | None],
    mentioned: list[list[tuple[int, str]]],
    gender_of: Callable[[str], str | None],
) -> str | None:
    want = _PRONOUNS[c.value]
    before = [name for idx, name in reversed(here) if idx < c.index]
    recent = [speakers[k] for k in range(i - 1, max(-1, i - 1 - _PRONOUN_WINDOW), -1) if speakers[k]]
    previous = speakers[i - 1] if i else None
    if want in ("m", "f"):
        named = [name for k in range(i - 1, max(-1, i - 3), -1) for _, name in reversed(mentioned[k])]
        for pool in (before, recent, named):
            for name in pool:
                if gender_of(name) == want:
                    return name
        for pool in (before, recent):
            for name in pool:
                if gender_of(name) is None:
                    return name
        return previous
    # "they"/"it": an organisation that spoke recently, else whoever spoke just before.
    for name in recent[:3]:
        if gender_of(name) == "n":
            return name
    return previous


def attribute(sentences: Sequence[Sentence], title: str = "") -> list[Sentence]:
    """Copies of ``sentences`` with ``speaker``/``verb`` set where a sentence reports speech.

    ``sentences`` are one article's sentences in reading order (several articles are handled
    one run of equal ``article_id`` at a time); ``title`` is the article's title, used only to
    learn full names. Sentences that report nobody get ``speaker=None, verb=None``.
    """
    out: list[Sentence] = []
    for group in _runs(sentences):
        out.extend(_attribute_article(group, title))
    return out


def _runs(sentences: Sequence[Sentence]) -> Iterable[Sequence[Sentence]]:
    start = 0
    for i in range(1, len(sentences) + 1):
        if i == len(sentences) or sentences[i].article_id != sentences[start].article_id:
            yield sentences[start:i]
            start = i
