#!/usr/bin/env python3
"""Builds rules/countries/countries.json from the public country data sets.

Usage: tools/import_countries.py SHARED_DATA_DIR > rules/countries/countries.json

Inputs (see the README's data attributions):
  countries/country-codes.csv   datasets/country-codes (ODC-PDDL): ISO 3166 codes and official names
  countries/countrynames.yaml   opensanctions/countrynames (MIT): name variants mapped to codes

Names that denote more than one country, or that an order line could mean either way, are left out
so that ChipScreen holds such a line instead of guessing (see AMBIGUOUS).
"""
import csv, json, sys, unicodedata, re
import yaml

# "Korea" and "Korean" could be KR or KP; "Congo" could be CG or CD; "Virgin Islands" VG or VI;
# "Guinea" is its own country but also part of three others' names and stays.
AMBIGUOUS = {"korea": ["KP", "KR"], "korean": ["KP", "KR"], "congo": ["CD", "CG"], "the congo": ["CD", "CG"],
             "congolese": ["CD", "CG"], "virgin islands": ["VG", "VI"], "the virgin islands": ["VG", "VI"],
             "sudanese": ["SD", "SS"], "dominican": ["DM", "DO"], "samoan": ["AS", "WS"]}

# Spellings seen in ERP exports that the data sets above lack.
EXTRA = {"SA": ["KSA", "Kingdom of Saudi Arabia"], "TR": ["Turkiye", "Türkiye", "Republic of Türkiye"],
         "AE": ["U.A.E."], "GB": ["U.K.", "Great Britain and Northern Ireland"], "US": ["U.S.A.", "U.S."]}

def key(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"[^\w]+", " ", s.casefold()).strip()
    return s

def main(root):
    rows = list(csv.DictReader(open(f"{root}/countries/country-codes.csv", encoding="utf-8")))
    names = yaml.safe_load(open(f"{root}/countries/countrynames.yaml", encoding="utf-8"))
    countries = {}
    for r in rows:
        code = (r["ISO3166-1-Alpha-2"] or "").strip()
        if not re.fullmatch(r"[A-Z]{2}", code):
            continue
        name = (r["CLDR display name"] or "").strip()
        if len(name) <= 3:  # CLDR says "UK", "US": use the official name instead
            name = (r["official_name_en"] or r["UNTERM English Short"]).strip()
        aliases = [r["CLDR display name"], r["official_name_en"], r["UNTERM English Short"], r["UNTERM English Formal"],
                   r["ISO3166-1-Alpha-3"], r["official_name_fr"], r["official_name_es"]]
        countries[code] = {"code": code, "name": name, "aliases": aliases}
    for code, variants in names.items():
        if code in countries:
            countries[code]["aliases"].extend(str(v) for v in (variants or []))
    for code, variants in EXTRA.items():
        countries[code]["aliases"].extend(variants)
    # Drop the names that more than one country claims, and the known ambiguous ones.
    owners = {}
    for c in countries.values():
        for a in [c["name"]] + c["aliases"]:
            if a and a.strip():
                owners.setdefault(key(a), set()).add(c["code"])
    out = []
    for code in sorted(countries):
        c = countries[code]
        seen, kept = {key(c["name"])}, []
        for a in c["aliases"]:
            a = (a or "").strip()
            k = key(a)
            if not k or k in seen or k in AMBIGUOUS or len(owners.get(k, ())) > 1 or k == code.lower():
                continue
            seen.add(k)
            kept.append(a)
        out.append({"code": code, "name": c["name"], "aliases": sorted(kept, key=key)})
    doc = {
        "$comment": "ISO 3166-1 alpha-2 countries with names and aliases. Built by tools/import_countries.py "
                    "from datasets/country-codes (ODC-PDDL) and opensanctions/countrynames (MIT). "
                    "Names claimed by two countries (e.g. 'Korea', 'Congo') are left out on purpose.",
        "countries": out,
    }
    ambiguous = {k: v for k, v in AMBIGUOUS.items()}
    for k, codes in owners.items():
        if len(codes) > 1 and k not in ambiguous:
            ambiguous[k] = sorted(codes)
    doc["ambiguous"] = [{"name": k, "codes": ambiguous[k]} for k in sorted(ambiguous)]
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")

if __name__ == "__main__":
    main(sys.argv[1])
