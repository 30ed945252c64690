#!/usr/bin/env python3
"""Derive shared/data/postcode_municipalities.csv: the municipality of each postcode's post town.

Source: the GeoNames postal code dump for Denmark (https://download.geonames.org/export/zip/DK.zip,
CC BY 4.0), kept beside the repository as ../shared/reference/dk_postcodes_geonames.csv. Its column
`province_code` is the 3-digit kommunekode of the municipality GeoNames assigns the postcode to (101 =
København). The output is licensed CC BY 4.0 too; see shared/data/POSTCODE-MUNICIPALITIES-LICENSE.md.

Usage (Python 3, standard library only):

    python3 scripts/derive_postcode_municipalities.py [path/to/dk_postcodes_geonames.csv]

Output: `postcode,kommunekode`, one row for every postcode of shared/data/postcodes.csv (and no
other), sorted by postcode, kommunekode zero-padded to 4 digits as in municipalities.csv.

A postcode area can reach into a neighbouring municipality (GeoNames names one), so this is where
the post town lies, not where every address of the postcode lies. Guard rails: the script fails if a
postcode of postcodes.csv is missing from GeoNames or has two municipalities there, if a code is not
one of the 98 municipalities, or if the municipality's region differs from the postcode's region in
postcodes.csv (both sources must agree on the region).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "shared" / "data"
DEFAULT_SOURCE = ROOT.parent / "shared" / "reference" / "dk_postcodes_geonames.csv"
OUTPUT = DATA / "postcode_municipalities.csv"


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE
    municipalities = {r["kommunekode"]: r for r in csv.DictReader((DATA / "municipalities.csv").open(encoding="utf-8"))}
    postcodes = list(csv.DictReader((DATA / "postcodes.csv").open(encoding="utf-8")))
    found: dict[str, set[str]] = {}
    for row in csv.DictReader(source.open(encoding="utf-8")):
        if row["country_code"] == "DK":
            found.setdefault(row["zipcode"], set()).add(row["province_code"].zfill(4))
    problems, rows = [], []
    for p in postcodes:
        codes = found.get(p["postcode"], set())
        if len(codes) != 1:
            problems.append(f"{p['postcode']}: {len(codes)} municipalities in GeoNames")
            continue
        code = codes.pop()
        if code not in municipalities:
            problems.append(f"{p['postcode']}: {code} is not a municipality")
        elif municipalities[code]["region_iso"] != p["region_iso"]:
            problems.append(f"{p['postcode']}: {municipalities[code]['name']} lies in {municipalities[code]['region_iso']}, not {p['region_iso']}")
        rows.append((p["postcode"], code))
    if problems:
        sys.exit("derive_postcode_municipalities: " + "; ".join(problems))
    with OUTPUT.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["postcode", "kommunekode"])
        writer.writerows(sorted(rows))
    print(f"wrote {len(rows)} postcodes with their municipality to {OUTPUT}")


if __name__ == "__main__":
    main()
