"""first_names.txt and the builder that makes it from the 1990 US Census lists.

The table tells the speaker resolver that Mary is a woman and James a man, so "she
said" is not credited to him. A name it lacks is of unknown gender; these checks
keep ambiguous names out of it and pin the builder's rule on both sides of its
threshold and floor, on small in-memory lists, without the network.
"""

from __future__ import annotations

import io
import tarfile
import zipfile
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from scripts import load_script

import attribution
from attribution.parse import wordlists

DATA = Path(attribution.__file__).parent / "data"

if TYPE_CHECKING:
    from tools import build_first_names as build
else:
    # tools/ is not installed: load the script from its file, keep mypy's view of it.
    build = load_script("tools/build_first_names.py")
NAME = "first_names.txt"

AMBIGUOUS = ["jordan", "taylor", "casey", "jamie", "leslie", "kelly", "tracy", "dana", "lynn"]
AMBIGUOUS += ["marion", "jean", "terry", "robin", "shannon", "jessie", "lee", "carey"]


def _text() -> str:
    return (DATA / NAME).read_text(encoding="utf-8")


def _names() -> list[str]:
    lines = [line for line in _text().splitlines() if line.strip() and not line.startswith("#")]
    return [line.split("  ")[0] for line in lines]


def test_the_table_loads_as_name_to_m_or_f() -> None:
    table = wordlists.table(NAME)
    assert list(table) == _names()
    assert set(table.values()) == {"m", "f"}
    assert table["mary"] == "f"
    assert table["james"] == "m"
    assert table["john"] == "m"
    assert table["elizabeth"] == "f"


def test_sorted_unique_lower_case() -> None:
    names = _names()
    assert [(a, b) for a, b in pairwise(names) if a >= b] == []
    assert all(n.isalpha() and n == n.lower() for n in names)


@pytest.mark.parametrize("name", AMBIGUOUS)
def test_ambiguous_names_are_left_out(name: str) -> None:
    assert name not in wordlists.table(NAME)


def test_small_enough_to_ship() -> None:
    assert 200 < len(_names()) < 5000


def test_the_header_states_source_licence_rule_and_command() -> None:
    header = "\n".join(line for line in _text().splitlines() if line.startswith("#"))
    assert "1990 US Census" in header
    assert "`names` package 0.3.0 on PyPI" in header
    assert "public domain" in header
    assert f"at least {build.RATIO} times" in header
    assert "at least 0.01%" in header and build.FLOOR == 10
    assert "tools/build_first_names.py" in header
    assert f"{len(_names())} names" in header


# Tiny census lists: NAME  share  cumulative  rank, shares in percent to three decimals.
MALE = """\
JAMES          3.318  3.318      1
JORDAN         0.056  3.374      2
ALEX           0.100  3.474      3
ALBERT         0.099  3.573      4
RARE           0.004  3.577      5
"""
FEMALE = """\
MARY           2.629  2.629      1
JORDAN         0.012  2.641      2
ALEX           0.005  2.646      3
ALBERT         0.005  2.651      4
JAMES          0.010  2.661      5
TINY           0.001  2.662      6
"""


def test_parse_reads_shares_in_thousandths_of_a_percent() -> None:
    assert build.parse(MALE) == {
        "james": 3318,
        "jordan": 56,
        "alex": 100,
        "albert": 99,
        "rare": 4,
    }
    with pytest.raises(ValueError, match="line 1"):
        build.parse("MARY 2.629\n")
    with pytest.raises(ValueError, match="three decimals"):
        build.parse("MARY 2.6291 2.629 1\n")


def test_classify_threshold_on_both_sides() -> None:
    genders = build.classify(build.parse(MALE), build.parse(FEMALE))
    assert genders["alex"] == "m"  # 0.100 against 0.005: exactly 20 times
    assert "albert" not in genders  # 0.099 against 0.005: 19.8 times
    assert "jordan" not in genders  # 0.056 against 0.012
    assert genders["james"] == "m"  # 3.318 against 0.010
    # Mary is missing from the male list: counted there as zero.
    assert genders["mary"] == "f"
    assert list(genders) == sorted(genders)


def test_classify_threshold_for_women() -> None:
    male = {"a": 5, "b": 5}
    female = {"a": 100, "b": 99}
    assert build.classify(male, female) == {"a": "f"}


def test_a_name_missing_from_one_list_counts_there_as_zero_but_must_clear_the_floor() -> None:
    # TINY (0.001%) and RARE (0.004%) are missing from the other list, but too rare on
    # their own to say anything: the floor keeps them out.
    genders = build.classify(build.parse(MALE), build.parse(FEMALE))
    assert "tiny" not in genders
    assert "rare" not in genders
    assert build.classify({"x": 4}, {"y": 10}) == {"y": "f"}
    assert build.classify({"x": 4}, {"y": 9}) == {}


def test_floor_on_both_sides() -> None:
    male = {"common": 10, "rare": 9, "filler": 1000}
    female = {"filler": 1000, "other": 0}
    # Both are far more than 20 times their female share (0), only one clears the floor.
    assert build.classify(male, female) == {"common": "m"}
    assert build.classify(male, female, floor=9) == {"common": "m", "rare": "m"}


def test_render_is_deterministic_and_loadable(tmp_path: Path) -> None:
    male, female = build.parse(MALE), build.parse(FEMALE)
    text = build.render(male, female)
    assert text == build.render(dict(reversed(male.items())), dict(reversed(female.items())))
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    assert lines == ["alex  m", "james  m", "mary  f"]
    assert "# 3 names: 2 m, 1 f." in text


def _sdist(path: Path) -> None:
    with tarfile.open(path, "w:gz") as archive:
        for base, text in ((build.MALE, MALE), (build.FEMALE, FEMALE)):
            data = text.encode("ascii")
            info = tarfile.TarInfo(f"names-0.3.0/names/{base}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))


def test_read_lists_from_sdist_wheel_or_folder(tmp_path: Path) -> None:
    sdist = tmp_path / "names-0.3.0.tar.gz"
    _sdist(sdist)
    wheel = tmp_path / "names-0.3.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr(f"names/{build.MALE}", MALE)
        archive.writestr(f"names/{build.FEMALE}", FEMALE)
    folder = tmp_path / "unpacked" / "names"
    folder.mkdir(parents=True)
    (folder / build.MALE).write_text(MALE, encoding="ascii")
    (folder / build.FEMALE).write_text(FEMALE, encoding="ascii")
    for source in (sdist, wheel, tmp_path / "unpacked"):
        assert build.read_lists(source) == (MALE, FEMALE)


def test_main_writes_the_table(tmp_path: Path) -> None:
    sdist = tmp_path / "names-0.3.0.tar.gz"
    _sdist(sdist)
    out = tmp_path / "first_names.txt"
    assert build.main([str(sdist), "--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == build.render(build.parse(MALE), build.parse(FEMALE))


def test_a_source_without_the_lists_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match=r"dist\.male\.first"):
        build.read_lists(tmp_path)
