#!/usr/bin/env python3
"""Derive shared/data/postcodes.csv from the PyPI package countrystatecity-postal-codes.

Source: countrystatecity-postal-codes 2.0.1 (https://pypi.org/project/countrystatecity-postal-codes/),
data from https://github.com/dr5hn/countries-states-cities-database, licensed under the
Open Database License (ODbL) v1.0. The output is a derived database and is ODbL too; see
shared/data/POSTCODES-LICENSE.md.

Usage (Python 3.11, standard library only):

    pip install countrystatecity-postal-codes==2.0.1
    python3 scripts/derive_postcodes.py            # writes shared/data/postcodes.csv

The script locates the installed package with importlib.resources and reads its data file
data/by-country/DK/postcodes.json directly (the raw records, rather than the package's pydantic models).

Output: `postcode,name,lat,lon,region_iso`, one row per postcode, sorted by postcode,
coordinates rounded to 5 decimals, region_iso = "DK-" + stateCode (DK-81..DK-85).

Data decisions:

* Duplicates: a postcode listed more than once (a code shared by several localities) keeps its
  first entry, as the package's own get_postcode_by_code() does; the dropped entries are reported on
  stderr. Version 2.0.1 has no duplicate Danish codes.
* Odd records are skipped with a warning on stderr: a country other than DK, a code that is not four
  digits, a type other than "full", a missing name, a missing or unknown stateCode (not 81..85),
  or missing coordinates. Version 2.0.1 has none.
* Offshore points: the upstream coordinate is the centroid of the postcode's area, and Danish postcode
  areas include the sea along the coast, so for many coastal postcodes the centroid lies at sea: tens
  and up to 250 km out in the North Sea for 6950 Ringkøbing, 6960 Hvide Sande or 7650 Bøvlingbjerg.
  They were found by the cross-check against GeoNames (shared/tests/geography_reference.rs), which
  places each postcode at or near its post town: (a) all 52 postcodes whose upstream point was more
  than 10 km away; (b) 19 of the 58 postcodes 5-10 km away whose upstream point visibly lies in
  the sea just off the town (Dragør, Vedbæk, Gilleleje, Korsør, Bogense, Ærøskøbing...); (c) 4
  main postcodes of municipalities (municipalities.csv) whose point is away from the town so that the
  town centre resolved to a neighbouring postcode: 8000 Aarhus C (in Aarhus Bugt), 2635 Ishøj and
  4500 Nykøbing Sj (at sea), 9000 Aalborg (west of the city, Aalborg's centre gave 9200). For these 75,
  COORDINATE_OVERRIDES below gives the post town's centre instead, written by hand from general
  knowledge (approximate, to a kilometre or two for the small villages; not copied from GeoNames or
  any other data set). All other records keep the upstream point, which for a large rural postcode
  can lie several km from its post town; the cross-check tolerates up to 10 km.
* Wrong regions: the upstream stateCode is wrong for 12 postcodes whose post town lies near a region
  border (e.g. 9500 Hobro and 9550 Mariager are in Mariagerfjord, North Denmark Region, upstream says
  Central Jutland; 4000 Roskilde is in Region Zealand, upstream says the Capital Region). Also found by
  the cross-check. REGION_OVERRIDES below assigns the region of the municipality the post town lies in,
  which is the convention used everywhere else (a postcode area may reach into a neighbouring region).
* Guard rails: the script fails if a point outside Denmark's bounding box is left (the same box as
  forebyg_shared::geo::DENMARK), if an override refers to a code that no longer exists, or if a name
  contains a comma or a quote (the Rust side parses the CSV with a plain split on commas).
"""

from __future__ import annotations

import csv
import importlib.metadata
import importlib.resources
import json
import sys
from pathlib import Path

PACKAGE = "countrystatecity_postal_codes"
DISTRIBUTION = "countrystatecity-postal-codes"
EXPECTED_VERSION = "2.0.1"
OUTPUT = Path(__file__).resolve().parent.parent / "shared" / "data" / "postcodes.csv"

# Same box as forebyg_shared::geo::DENMARK: (min_lat, min_lon, max_lat, max_lon).
DENMARK = (54.4, 7.7, 57.9, 15.3)
REGIONS = {"81", "82", "83", "84", "85"}

# Post-town centres for postcodes whose upstream centroid lies at sea (see the docstring).
# code: (lat, lon, town)
COORDINATE_OVERRIDES: dict[str, tuple[float, float, str]] = {
    "2635": (55.615, 12.352, "Ishøj"),
    "2650": (55.657, 12.474, "Hvidovre"),
    "2670": (55.583, 12.300, "Greve"),
    "2770": (55.630, 12.640, "Kastrup"),
    "2791": (55.593, 12.672, "Dragør"),
    "2950": (55.853, 12.566, "Vedbæk"),
    "3220": (56.050, 12.070, "Tisvildeleje"),
    "3230": (56.066, 12.285, "Græsted"),
    "3250": (56.122, 12.311, "Gilleleje"),
    "3360": (56.013, 11.965, "Liseleje"),
    "3390": (55.964, 11.850, "Hundested"),
    "3700": (55.100, 14.706, "Rønne"),
    "3720": (55.070, 14.920, "Aakirkeby"),
    "3730": (55.060, 15.130, "Nexø"),
    "3740": (55.136, 15.140, "Svaneke"),
    "3760": (55.212, 14.970, "Gudhjem"),
    "3770": (55.270, 14.800, "Allinge"),
    "3790": (55.183, 14.710, "Hasle"),
    "4220": (55.330, 11.139, "Korsør"),
    "4500": (55.925, 11.671, "Nykøbing Sjælland"),
    "4581": (55.946, 11.765, "Rørvig"),
    "4583": (55.965, 11.380, "Sjællands Odde"),
    "4592": (55.885, 11.150, "Sejerby, Sejerø"),
    "4660": (55.310, 12.389, "Store Heddinge"),
    "4672": (55.345, 12.320, "Klippinge"),
    "4673": (55.254, 12.375, "Rødvig"),
    "4791": (54.990, 12.460, "Borre"),
    "4792": (54.925, 12.175, "Askeby"),
    "4850": (54.889, 12.041, "Stubbekøbing"),
    "4871": (54.823, 12.085, "Horbelev"),
    "4874": (54.580, 11.930, "Gedser"),
    "4900": (54.830, 11.136, "Nakskov"),
    "4943": (54.860, 11.260, "Torrig L"),
    "4970": (54.695, 11.389, "Rødby"),
    "5300": (55.449, 10.658, "Kerteminde"),
    "5400": (55.567, 10.089, "Bogense"),
    "5935": (54.753, 10.675, "Bagenkop"),
    "5970": (54.888, 10.411, "Ærøskøbing"),
    "6720": (55.445, 8.400, "Nordby, Fanø"),
    "6771": (55.401, 8.744, "Gredstedbro"),
    "6792": (55.130, 8.550, "Rømø"),
    "6853": (55.620, 8.130, "Vejers Strand"),
    "6854": (55.735, 8.215, "Henne"),
    "6857": (55.560, 8.080, "Blåvand"),
    "6950": (56.090, 8.244, "Ringkøbing"),
    "6960": (56.000, 8.130, "Hvide Sande"),
    "6990": (56.267, 8.322, "Ulfborg"),
    "7650": (56.434, 8.193, "Bøvlingbjerg"),
    "7673": (56.618, 8.181, "Harboøre"),
    "7680": (56.700, 8.210, "Thyborøn"),
    "7700": (56.956, 8.695, "Thisted"),
    "7730": (57.117, 8.620, "Hanstholm"),
    "7741": (57.050, 8.860, "Frøstrup"),
    "7752": (56.900, 8.540, "Snedsted"),
    "7755": (56.810, 8.410, "Bedsted Thy"),
    "7770": (56.770, 8.320, "Vestervig"),
    "7800": (56.567, 9.027, "Skive"),
    "7900": (56.795, 8.860, "Nykøbing Mors"),
    "8000": (56.153, 10.204, "Aarhus, city hall"),
    "8270": (56.118, 10.200, "Højbjerg"),
    "8305": (55.835, 10.595, "Tranebjerg, Samsø"),
    "8400": (56.194, 10.682, "Ebeltoft"),
    "8444": (56.275, 10.655, "Balle"),
    "8500": (56.416, 10.878, "Grenaa"),
    "8592": (56.716, 11.510, "Anholt By"),
    "9000": (57.048, 9.920, "Aalborg, city centre"),
    "9300": (57.332, 10.523, "Sæby"),
    "9370": (56.996, 10.308, "Hals"),
    "9480": (57.370, 9.715, "Løkken"),
    "9560": (56.715, 10.117, "Hadsund"),
    "9800": (57.463, 9.982, "Hjørring"),
    "9850": (57.588, 9.960, "Hirtshals"),
    "9900": (57.441, 10.537, "Frederikshavn"),
    "9940": (57.255, 11.000, "Byrum, Læsø"),
    "9990": (57.721, 10.584, "Skagen"),
}

# Region of the post town's municipality, where the upstream stateCode is wrong (see the docstring).
# code: (stateCode, municipality of the post town)
REGION_OVERRIDES: dict[str, tuple[str, str]] = {
    "4000": ("85", "Roskilde"),
    "6880": ("82", "Ringkøbing-Skjern"),
    "7160": ("82", "Hedensted"),
    "7270": ("82", "Herning"),
    "7330": ("82", "Ikast-Brande"),
    "7361": ("82", "Ikast-Brande"),
    "7760": ("81", "Thisted"),
    "8721": ("82", "Hedensted"),
    "9500": ("81", "Mariagerfjord"),
    "9550": ("81", "Mariagerfjord"),
    "9620": ("81", "Vesthimmerland"),
    "9631": ("81", "Vesthimmerland"),
}


def warn(message: str) -> None:
    print(f"derive_postcodes: {message}", file=sys.stderr)


def load_records() -> list[dict]:
    try:
        version = importlib.metadata.version(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        sys.exit(f"derive_postcodes: {DISTRIBUTION} is not installed; run: pip install {DISTRIBUTION}=={EXPECTED_VERSION}")
    if version != EXPECTED_VERSION:
        warn(f"{DISTRIBUTION} {version} is installed, the overrides were checked against {EXPECTED_VERSION}")
    data = importlib.resources.files(PACKAGE).joinpath("data", "by-country", "DK", "postcodes.json")
    return json.loads(data.read_text(encoding="utf-8"))


def odd(record: dict) -> str | None:
    """Why a record is unusable, or None."""
    code = record.get("code")
    if record.get("countryCode") != "DK":
        return "not DK"
    if not isinstance(code, str) or len(code) != 4 or not code.isdigit():
        return "code is not four digits"
    if record.get("type") != "full":
        return f"type {record.get('type')!r}"
    if not (record.get("localityName") or "").strip():
        return "no name"
    if record.get("stateCode") not in REGIONS:
        return f"stateCode {record.get('stateCode')!r}"
    if not all(isinstance(record.get(k), (int, float)) for k in ("latitude", "longitude")):
        return "no coordinates"
    return None


def derive(records: list[dict]) -> list[tuple[str, str, float, float, str]]:
    rows: dict[str, tuple[str, str, float, float, str]] = {}
    for record in records:
        reason = odd(record)
        if reason:
            warn(f"skipped ({reason}): {record}")
            continue
        code = record["code"]
        if code in rows:
            warn(f"duplicate {code}: kept {rows[code][1]!r}, dropped {record['localityName']!r}")
            continue
        name = record["localityName"].strip()
        if "," in name or '"' in name:
            sys.exit(f"derive_postcodes: name {name!r} of {code} contains a comma or a quote")
        lat, lon = float(record["latitude"]), float(record["longitude"])
        if code in COORDINATE_OVERRIDES:
            lat, lon, _town = COORDINATE_OVERRIDES[code]
        state = REGION_OVERRIDES[code][0] if code in REGION_OVERRIDES else record["stateCode"]
        rows[code] = (code, name, round(lat, 5), round(lon, 5), "DK-" + state)

    stale = sorted((set(COORDINATE_OVERRIDES) | set(REGION_OVERRIDES)) - set(rows))
    if stale:
        sys.exit(f"derive_postcodes: overrides for unknown postcodes {stale}")
    min_lat, min_lon, max_lat, max_lon = DENMARK
    outside = [r for r in rows.values() if not (min_lat <= r[2] <= max_lat and min_lon <= r[3] <= max_lon)]
    if outside:
        sys.exit(f"derive_postcodes: points outside Denmark (add an override): {outside}")
    return [rows[code] for code in sorted(rows)]


def main() -> None:
    rows = derive(load_records())
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    with OUTPUT.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["postcode", "name", "lat", "lon", "region_iso"])
        for code, name, lat, lon, region in rows:
            writer.writerow([code, name, f"{lat:.5f}", f"{lon:.5f}", region])
    print(f"wrote {len(rows)} postcodes ({len(COORDINATE_OVERRIDES)} points and {len(REGION_OVERRIDES)} regions corrected) to {OUTPUT}")


if __name__ == "__main__":
    main()
