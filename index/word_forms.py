"""Words counted as another word wherever words are counted (index/store/lexical.py's tokenizer):
an irregular verb's past form as its base form ("laid" as "lay"), a British spelling as the
American one ("defence" as "defense"). Plain dicts, built once at import: no mutable state.
"""

from __future__ import annotations


# Irregular verbs: each past form or participle -> the base form it is counted as, so that "How
# many staffers did Sanders lay off?" finds "he laid off 200 staffers" and "How much did the
# campaign pay" finds "paid" (the stemmer cuts endings, and "laid" has none to cut). Left out:
# forms that are also another word's base or a common noun or adjective ("found" a party, "lay",
# "left", "bound", "ground", "wound", "born", "bore", "woke", "drunk", "bit", "dove", "lit"), and
# those of stop words ("did", "had", "was", "told"). British past forms are here too ("learnt",
# "burnt", "spelt"): the American "learned" is the stemmer's already.
def _irregular(table: str) -> dict[str, str]:
    forms: dict[str, str] = {}
    for line in table.strip().splitlines():
        base, *past = line.split()
        forms.update((form, base) for form in past)
    return forms


IRREGULAR_FORMS: dict[str, str] = _irregular("""
    arise arose arisen
    become became
    begin began begun
    bend bent
    bleed bled
    blow blew blown
    break broke broken
    breed bred
    bring brought
    burn burnt
    build built
    buy bought
    catch caught
    choose chose chosen
    come came
    creep crept
    deal dealt
    dig dug
    draw drew drawn
    dream dreamt
    drive drove driven
    eat ate eaten
    fall fell fallen
    feed fed
    feel felt
    fight fought
    flee fled
    fly flew flown
    forbid forbade forbidden
    foresee foresaw foreseen
    forget forgot forgotten
    forgive forgave forgiven
    freeze froze frozen
    get got gotten
    give gave given
    go went gone
    grow grew grown
    hang hung
    hear heard
    hide hid hidden
    hold held
    keep kept
    kneel knelt
    know knew known
    lay laid
    lead led
    learn learnt
    leap leapt
    lend lent
    lie lain
    lose lost
    make made
    mean meant
    meet met
    mislead misled
    mistake mistook mistaken
    overcome overcame
    oversee oversaw overseen
    overtake overtook overtaken
    pay paid
    prove proven
    rebuild rebuilt
    ride rode ridden
    ring rang rung
    rise rose risen
    run ran
    say said
    see saw seen
    seek sought
    sell sold
    send sent
    shake shook shaken
    shine shone
    shoot shot
    show shown
    shrink shrank shrunk
    sing sang sung
    sink sank sunk
    sit sat
    slay slew slain
    sleep slept
    slide slid
    speak spoke spoken
    speed sped
    spell spelt
    spend spent
    spill spilt
    spin spun
    spoil spoilt
    spring sprang sprung
    stand stood
    steal stole stolen
    stick stuck
    sting stung
    stride strode
    strike struck stricken
    strive strove striven
    swear swore sworn
    sweep swept
    swim swam swum
    swing swung
    take took taken
    teach taught
    tear tore torn
    think thought
    throw threw thrown
    undergo underwent undergone
    undertake undertook undertaken
    understand understood
    uphold upheld
    wear wore worn
    weave wove woven
    weep wept
    win won
    withdraw withdrew withdrawn
    withhold withheld
    withstand withstood
    write wrote written
""")


# British spellings -> American, so that a question written one way finds a sentence written the
# other ("defence" and "defense", "organisation" and "organization", "programme" and "program").
# The word index joins them at the stem (lexical.Tokenizer), so every inflection follows its base
# ("organised", "organising"). Left out: pairs where one spelling is another word too ("tyre" and
# "tire", "storey" and "story", "kerb", "tonne" and "ton", "mum"), and words both sides write both
# ways. British verbs in -ise (and their -isation nouns) are listed by their stem and written
# both ways below; words that end in -ise on both sides ("advise", "promise", "exercise") are not.
def _spellings(pairs: str, ise_stems: str) -> dict[str, str]:
    table = dict(line.split() for line in pairs.strip().splitlines())
    for stem in ise_stems.split():
        table[stem + "ise"] = stem + "ize"
        table[stem + "isation"] = stem + "ization"
    return table


BRITISH_SPELLINGS: dict[str, str] = _spellings(
    """
    colour color
    favour favor
    favourite favorite
    favourable favorable
    honour honor
    honourable honorable
    labour labor
    neighbour neighbor
    neighbourhood neighborhood
    behaviour behavior
    harbour harbor
    rumour rumor
    humour humor
    vigour vigor
    armour armor
    armoured armored
    flavour flavor
    odour odor
    valour valor
    endeavour endeavor
    candour candor
    clamour clamor
    fervour fervor
    parlour parlor
    rancour rancor
    savour savor
    splendour splendor
    tumour tumor
    vapour vapor
    ardour ardor
    saviour savior
    centre center
    theatre theater
    metre meter
    kilometre kilometer
    centimetre centimeter
    millimetre millimeter
    litre liter
    fibre fiber
    calibre caliber
    sombre somber
    spectre specter
    lustre luster
    meagre meager
    sabre saber
    manoeuvre maneuver
    defence defense
    offence offense
    pretence pretense
    licence license
    practise practice
    analyse analyze
    paralyse paralyze
    catalyse catalyze
    catalogue catalog
    dialogue dialog
    analogue analog
    programme program
    ageing aging
    judgement judgment
    acknowledgement acknowledgment
    fulfil fulfill
    enrol enroll
    enrolment enrollment
    instalment installment
    skilful skillful
    grey gray
    plough plow
    cheque check
    aluminium aluminum
    jewellery jewelry
    mould mold
    smoulder smolder
    pyjamas pajamas
    sceptic skeptic
    sceptical skeptical
    scepticism skepticism
    oestrogen estrogen
    paediatric pediatric
    paediatrician pediatrician
    anaemia anemia
    anaesthetic anesthetic
    haemorrhage hemorrhage
    leukaemia leukemia
    diarrhoea diarrhea
    foetus fetus
    orthopaedic orthopedic
    encyclopaedia encyclopedia
    gaol jail
    artefact artifact
    sulphur sulfur
    cosy cozy
    maths math
    enquiry inquiry
    enquire inquire
    draught draft
    aeroplane airplane
    moustache mustache
    focussed focused
    fuelled fueled
    dialled dialed
    """,
    """
    organ recogn real apolog critic emphas author character summar priorit final legal privat
    national mobil stabil minim maxim modern normal penal public scrutin sympath util special
    symbol subsid hospital jeopard capital categor central civil colon custom destabil equal
    familiar fertil global harmon immun industrial international item liberal local marginal
    memor monopol neutral optim polar popular pressur radical rational revolution sanit sensit
    social standard steril stigmat terror theor trivial union visual western agon antagon
    brutal demoral digit dramat energ evangel fantas glamor hypothes idol legitim mesmer metabol
    moral patron plagiar satir scandal tantal victim vandal weapon militar urban commercial
    computer decentral democrat demilitar deput dehuman desensit econom
    """,
)
