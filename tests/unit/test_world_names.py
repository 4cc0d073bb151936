"""Names of world news that do not follow "first name, surname": Korean and Taiwanese names are
written family name first ("Moon Jae-in" is Moon), a titled person may be called by a given name
alone ("Dr Tedros"), a name may end in an organisation's word ("Michael Bloomberg", "Kim Jong
Un"), hold an Arabic article in lower case ("Bashar al-Assad" is Assad) or two particles
("Ursula von der Leyen"), and follow the domain of a title ("Minister of Tourism Najib Balala")."""

from __future__ import annotations

from pathlib import Path

from index.attribution.polnear import Gold, speaker_matches
from index.embedding.models import Embedder
from index.search.speakers import SpeakerIndex
from tests.support import searcher_over
from tests.support import speakers_of as who


def test_a_korean_name_is_its_family_name_first() -> None:
    got = who(
        "South Korean President Moon Jae-in met UN Secretary-General Ban Ki-moon in Seoul.",
        "Moon said the talks had gone well.",
        "“I am hopeful,” Ban said.",
        "North Korean leader Kim Jong-un inspected a new missile on Friday.",
        "“It is a warning,” he said.",
        "Taiwan's President Tsai Ing-wen said the island would not bow.",
        "Tsai added that talks were possible.",
    )
    assert got[1:3] == ["Moon Jae-in", "Ban Ki-moon"]
    assert got[4] == "Kim Jong-un"  # "Kim" is a woman's first name in the US, not here
    assert got[6] == "Tsai Ing-wen"


def test_a_titled_person_called_by_a_given_name_alone_is_that_person() -> None:
    got = who(
        "WHO Director-General Dr Tedros Adhanom Ghebreyesus warned that the pandemic was not over.",
        "Dr Tedros said countries must act now.",
        "Civil Aviation Minister Hardeep Singh Puri visited the site.",
        "Hardeep said both flight recorders had been recovered.",
    )
    assert got[1] == "Tedros Adhanom Ghebreyesus" and got[3] == "Hardeep Singh Puri"


def test_an_untitled_name_is_no_one_by_its_first_word() -> None:
    got = who(
        "Tesco Polska was sold to Salling last year.",
        "Tesco said it would leave the Polish market.",
    )
    assert got[1] == "Tesco"


def test_a_name_may_end_in_an_organisation_s_word() -> None:
    got = who(
        "Michael Bloomberg said he was thinking about running.",
        "“You cannot win unless you are the nominee of a major party,” Bloomberg told New York magazine.",
        "Bloomberg says its reporting found the entities are still under his control.",
        "Kim Jong Un said the missiles were a warning.",
    )
    assert got == ["Michael Bloomberg", "Michael Bloomberg", "Bloomberg", "Kim Jong Un"]


def test_the_attribution_scorer_knows_a_family_name_written_first() -> None:
    gold = Gold(cue=((0, 8),), content=((10, 40),), source_text="Ban", silver="", speech=True, named=True)
    assert speaker_matches("Ban Ki-moon", gold) and not speaker_matches("Moon Jae-in", gold)


def test_what_moon_said_is_moon_jae_in_s_not_ban_ki_moon_s(tmp_path: Path, embedder: Embedder) -> None:
    text = (
        "South Korean President Moon Jae-in met UN Secretary-General Ban Ki-moon in Seoul on Monday. "
        "Moon said the talks had gone well. “I am hopeful,” Ban said."
    )
    searcher = searcher_over([{"id": "seoul", "title": "Seoul talks", "text": text}], tmp_path, embedder)
    try:
        assert [h.sentence for h in searcher.answer("What did Moon say?").hits] == [
            "Moon said the talks had gone well."
        ]
        assert [h.sentence for h in searcher.answer("What did Ban say?").hits] == ["“I am hopeful,” Ban said."]
    finally:
        searcher.close()
    assert SpeakerIndex(["Ban Ki-moon", "Moon Jae-in", "Keith Moon"]).match("Moon") == ["Keith Moon", "Moon Jae-in"]


def test_an_arabic_article_or_two_particles_belong_to_the_name() -> None:
    got = who(
        "Syrian President Bashar al-Assad said Syria would not surrender.",
        "Assad added that the war was over.",
        "“Refugees should return,” Mr al-Assad said.",
        "Ursula von der Leyen said Europe would act.",
        "Von der Leyen added that sanctions would follow.",
    )
    assert got == ["Bashar al-Assad"] * 3 + ["Ursula von der Leyen"] * 2


def test_the_domain_of_a_title_is_no_part_of_the_name_after_it() -> None:
    got = who(
        "Yemen's Minister of Information Moammar al-Eryani said the rebels were backed by Iran.",
        "Minister of Tourism Najib Balala said visitors were returning.",
        "The Chief Executive of Hong Kong Carrie Lam said the bill was dead.",
    )
    assert got == ["Moammar al-Eryani", "Najib Balala", "Carrie Lam"]


def test_the_pontiff_is_the_pope_the_article_names() -> None:
    got = who("Pope Francis called for peace in Ukraine.", "“War is always a defeat,” the pontiff said.")
    assert got[1] == "Francis"


def test_wire_and_british_forms_of_a_report() -> None:
    got = who(
        "'This is nonsense,' said Maria Zakharova, the foreign ministry spokeswoman.",
        "Peskov was quoted by the Interfax news agency as saying that talks were over.",
        "A Kremlin spokesman said Moscow was open to talks.",
        "A Hampshire Police spokesman said officers were called at 8.10am.",
        "An official spokesman said nothing.",
        "Taoiseach Leo Varadkar said Ireland would not accept a hard border.",
        "Mr Varadkar said talks would continue.",
    )
    assert got == ["Maria Zakharova", "Peskov", "Kremlin", "Hampshire Police", None, "Leo Varadkar", "Leo Varadkar"]


def test_a_name_set_off_after_a_role_needs_no_known_first_name() -> None:
    got = who(
        "The mayor of London, Sadiq Khan, said the plan was bold.",
        "A spokesman for the UN Secretary-General, Stephane Dujarric, said the vote was delayed.",
        "The editor of the Vatican's official newspaper, L'Osservatore Romano, said every pope was political.",
        "Charles Plotena, the mayor of Esperanza, Sultan Kudarat, announced that classes were cancelled.",
    )
    assert got == ["Sadiq Khan", "Stephane Dujarric", None, "Charles Plotena"]
