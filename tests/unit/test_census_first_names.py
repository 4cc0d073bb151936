"""The common American first names (index/lexicon_data/census_first_names.tsv, written by
scripts/make_first_names.py) and what they change: "Charlie King, a former director, said" is
Charlie King's, "he" is not a city, and a brother called "Freddy" does not take "Mr. Trump"."""

from __future__ import annotations

from pathlib import Path

from index.lexicon import FEMALE_NAMES, FIRST_NAMES, MALE_NAMES, census_first_names
from tests.support import run_script
from tests.support import speakers_of as who


def test_the_shipped_list_adds_common_names_with_their_gender() -> None:
    shipped = census_first_names()
    assert len(shipped) > 1500
    assert {"charlie", "beau", "marty"} <= MALE_NAMES | set(shipped) and "ina" in FEMALE_NAMES
    assert shipped["marty"] == "-"  # 0.024% of men, 0.004% of women: no gender is told
    assert "marty" in FIRST_NAMES and "marty" not in MALE_NAMES | FEMALE_NAMES
    # words, places and surnames first: "Young said", "in Dallas", "Admiral Harris"
    assert not {"young", "may", "dallas", "cleveland", "harris", "taylor"} & set(shipped)
    # the hand-kept lists decide their own names' gender
    assert "kelly" in FEMALE_NAMES and "kelly" not in shipped


def test_a_common_first_name_makes_a_person() -> None:
    assert who(
        "Charlie King, a former executive director of the party, said the group would focus on five states."
    ) == ["Charlie King"]
    got = who("Marty West, an education expert, studies the law.", "“This is a rollback,” West said.")
    assert got == [None, "Marty West"]


def test_a_city_is_not_a_person_a_pronoun_may_mean() -> None:
    got = who(
        "Trump called the assault that killed five Dallas police officers an attack, and he also noted the deaths."
    )
    assert got[0] != "Dallas"


def test_a_brother_called_by_his_first_name_does_not_take_the_surname() -> None:
    got = who(
        "Donald J. Trump seldom speaks of his brother Freddy Trump, who died young.",
        "Freddy was a fun-loving airline pilot.",
        "Freddy struggled in the family business.",
        "“For me, it worked very well,” Mr. Trump said.",
    )
    assert got[-1] == "Donald J. Trump"


def test_the_script_writes_the_list_from_the_census_files(tmp_path: Path) -> None:
    census = tmp_path / "census"
    census.mkdir()
    (census / "dist.male.first").write_text(
        "JAMES          3.318  3.318      1\nCHARLIE        0.090 50.000    100\nYOUNG          0.010 60.000    500\n"
        "HARRIS         0.009 61.000    600\nMARTY          0.024 62.000    421\nRARE           0.001 99.000   1200\n",
        encoding="ascii",
    )
    (census / "dist.female.first").write_text(
        "INA            0.023 70.000    800\nMARTY          0.004 84.000   1497\n", encoding="ascii"
    )
    (census / "dist.all.last").write_text("HARRIS         0.275  5.000     24\n", encoding="ascii")
    output = tmp_path / "names.tsv"
    done = run_script("make_first_names.py", "--census", str(census), "--output", str(output))
    assert done.returncode == 0, done.stderr
    # "james" is hand-kept already, "young" a word, "harris" a surname first, "rare" too rare
    assert census_first_names(output) == {"charlie": "m", "ina": "f", "marty": "-"}
    assert "3 names" in done.stdout


def test_the_script_refuses_a_broken_census_file(tmp_path: Path) -> None:
    census = tmp_path / "census"
    census.mkdir()
    for name in ("dist.male.first", "dist.female.first", "dist.all.last"):
        (census / name).write_text("JAMES 3.318\n", encoding="ascii")
    output = tmp_path / "names.tsv"
    done = run_script("make_first_names.py", "--census", str(census), "--output", str(output))
    assert done.returncode == 2 and "dist.male.first:1" in done.stderr
    assert not output.exists()  # nothing half-written
