"""Build attribution/data/first_names.txt from the 1990 US Census first-name lists.

    .venv/bin/python tools/build_first_names.py [SOURCE]

SOURCE is the ``names`` 0.3.0 sdist or wheel from PyPI, or a folder it was unpacked
into; without it the script runs ``pip download names==0.3.0 --no-deps`` into a
temporary folder and checks the archive against a pinned SHA-256. The census lists
(``dist.male.first``, ``dist.female.first``) are a US government work in the public
domain; ``names`` is MIT-licensed and only ships them.

Each list line is ``NAME  share  cumulative  rank``: the share is the percentage of
all men (or all women) in the census sample with that first name, to three decimals.
Only the names that together cover 90% of each sex are listed, so a name missing
from a list may still have a share there below that list's smallest entry.

A name is kept when its share of one sex is at least ``RATIO`` times its share of
the other, a missing share counting as zero (below the list's smallest entry, which
``FLOOR`` keeps well above), and at least ``FLOOR``. Everything else, the
ambiguous names (Jordan, Taylor, Casey, Jamie) and the rare ones, stays out: the
resolver treats a name it cannot find as of unknown gender.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path, PurePosixPath

REPO = Path(__file__).resolve().parent.parent
OUTPUT = REPO / "attribution" / "data" / "first_names.txt"

PACKAGE = "names==0.3.0"
# sha256 of names-0.3.0.tar.gz as served by PyPI, so a download is the file this
# table was built from.
SDIST_SHA256 = "726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671"
MALE = "dist.male.first"
FEMALE = "dist.female.first"

# Shares are kept in thousandths of a percent (the lists' precision), so the
# comparisons below are exact integer arithmetic.
SCALE = 1000
RATIO = 20  # one sex's share at least 20 times the other's
FLOOR = 10  # and at least 0.01% of its sex (1 in 10,000): over twice either list's last entry


def parse(text: str) -> dict[str, int]:
    """A census list as ``{lower-case name: share in thousandths of a percent}``."""
    out: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        fields = line.split()
        if not fields:
            continue
        if len(fields) != 4 or not fields[0].isalpha():
            raise ValueError(f"line {number}: not 'NAME share cumulative rank': {line!r}")
        share = Decimal(fields[1]) * SCALE
        if share != share.to_integral_value():
            raise ValueError(f"line {number}: share {fields[1]} has more than three decimals")
        out[fields[0].lower()] = int(share)
    return out


def classify(
    male: Mapping[str, int], female: Mapping[str, int], *, ratio: int = RATIO, floor: int = FLOOR
) -> dict[str, str]:
    """``{name: "m" | "f"}`` for the names that are strongly one sex, sorted by name.

    A name absent from a list counts there as zero: the list covers 90% of that sex, so
    the name is rare there (below its smallest entry), and the floor keeps the other
    side's share well clear of that (Hillary, Claire and Megan are in; Jordan is not).
    """
    out: dict[str, str] = {}
    for name in sorted(male.keys() | female.keys()):
        m = male.get(name, 0)
        f = female.get(name, 0)
        if name in male and m >= floor and m >= ratio * f:
            out[name] = "m"
        elif name in female and f >= floor and f >= ratio * m:
            out[name] = "f"
    return out


def _percent(share: int) -> str:
    return f"{Decimal(share) / SCALE}%"


def render(male: Mapping[str, int], female: Mapping[str, int]) -> str:
    """The text of first_names.txt: header comment, then ``name  m|f`` lines."""
    genders = classify(male, female)
    counts = {g: sum(1 for v in genders.values() if v == g) for g in ("m", "f")}
    header = f"""\
# First names that are strongly one sex, for the speaker resolver ("she said" is not
# credited to a man): `name  m` or `name  f`, lower case, sorted. A name not listed
# is of unknown gender; ambiguous names (jordan, taylor, casey) are left out, not guessed.
# Source: 1990 US Census first-name frequency lists (dist.male.first, dist.female.first),
# as shipped in the `names` package 0.3.0 on PyPI. Licence: public domain (a US
# government work); the `names` package itself is MIT.
# Rule: the name's share of one sex (percent of all men, or of all women, in the census
# sample) is at least {RATIO} times its share of the other and at least {_percent(FLOOR)}.
# The lists stop once 90% of each sex is covered, so a name missing from one counts there
# as zero: its share there is below the list's smallest ({_percent(min(male.values()))} men,\
 {_percent(min(female.values()))} women), which the floor is more than twice.
# {len(genders)} names: {counts["m"]} m, {counts["f"]} f.
# Regenerate: .venv/bin/python tools/build_first_names.py [names-0.3.0.tar.gz or folder]
"""
    return header + "".join(f"{name}  {g}\n" for name, g in genders.items())


def read_lists(source: Path) -> tuple[str, str]:
    """The male and female list texts from an sdist, a wheel or an unpacked folder."""
    wanted = (MALE, FEMALE)
    found: dict[str, str] = {}
    if source.is_dir():
        for base in wanted:
            paths = sorted(source.rglob(base))
            if paths:
                found[base] = paths[0].read_text(encoding="ascii")
    elif tarfile.is_tarfile(source):
        with tarfile.open(source) as archive:
            for member in sorted(archive.getmembers(), key=lambda m: m.name):
                base = PurePosixPath(member.name).name
                handle = archive.extractfile(member) if member.isfile() else None
                if base in wanted and base not in found and handle is not None:
                    found[base] = handle.read().decode("ascii")
    elif zipfile.is_zipfile(source):
        with zipfile.ZipFile(source) as archive:
            for info in sorted(archive.infolist(), key=lambda i: i.filename):
                base = PurePosixPath(info.filename).name
                if base in wanted and base not in found:
                    found[base] = archive.read(info).decode("ascii")
    else:
        raise SystemExit(f"{source}: not a folder, tar archive or wheel")
    missing = [base for base in wanted if base not in found]
    if missing:
        raise SystemExit(f"{source}: no {' or '.join(missing)} in it")
    return found[MALE], found[FEMALE]


def download(folder: Path) -> Path:
    """``pip download`` the pinned sdist into ``folder`` and check its hash."""
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    subprocess.run(
        [*pip, "download", PACKAGE, "--no-deps", "--no-binary", ":all:", "-d", str(folder)],
        check=True,
    )
    (archive,) = folder.iterdir()
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    if digest != SDIST_SHA256:
        raise SystemExit(f"{archive.name}: sha256 {digest}, expected {SDIST_SHA256}")
    return archive


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("source", nargs="?", type=Path, help="names-0.3.0 sdist, wheel or folder")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    if args.source is not None:
        male_text, female_text = read_lists(args.source)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            male_text, female_text = read_lists(download(Path(tmp)))
    text = render(parse(male_text), parse(female_text))
    args.output.write_text(text, encoding="utf-8")
    count = sum(1 for line in text.splitlines() if not line.startswith("#"))
    print(f"{args.output}: {count} names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
