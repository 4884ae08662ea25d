#!/usr/bin/env python3
"""Writes the shipped packs' test cases (rules/<pack>/tests/*.json). Each case is written by hand below, with the
decision the regulations (shared spec regulations.md, screening-contract.md) call for; this script only lays them out.
Run from the repository root: python3 tools/gen_pack_tests.py"""
import json, os

def line(order, dest, sku=None, qty=1, **kw):
    l = {"order_id": order, "line": 1}
    if sku: l["sku"] = sku
    l.update({"quantity": qty, "destination_country": dest, "end_user": kw.pop("end_user", "Test Buyer Ltd")})
    l.update(kw)
    return l

def case(name, l, decision, rules, exception=None, eccn=None, tier="unset"):
    e = {"decision": decision, "exception": exception}
    if eccn is not None: e["eccn"] = eccn
    if tier != "unset": e["tier"] = tier
    e["rule_ids"] = rules
    return {"name": name, "line": l, "expect": e}

PARTY_LIST = {
    "$schema": "../../../schemas/party-list.schema.json",
    "$comment": "Invented parties for the pack's tests of rules P1, P4 and P5 (the shipped list is an Entity List extract). Not real listings.",
    "title": "Test parties (fictitious)",
    "entries": [
        {"id": "test-dpl-1", "list": "denied_persons", "name": "Quillon Denied Trading LLC", "countries": ["AE"], "federal_register_notice": "test", "license_policy": "Denial of export privileges"},
        {"id": "test-uvl-1", "list": "unverified", "name": "Vantorix Unverified Components FZE", "countries": ["AE"], "federal_register_notice": "test"},
        {"id": "test-meu-1", "list": "military_end_user", "name": "Korvanth Military Avionics Institute", "countries": ["AE"], "federal_register_notice": "test"},
    ],
}

def party_cases(pack, dest_ok):
    """P1..P6 with a chip below 3A090 (an L20), so only the party rule decides."""
    return [
        case("A party on the Denied Persons List is prohibited", line("T-P1", "AE", "L20-48GB", end_user="Quillon Denied Trading LLC"), "PROHIBITED", ["P1"], eccn=""),
        case("An Entity List party whose policy is denial (Huawei) is prohibited", line("T-P2", "CN", "L20-48GB", end_user="Huawei Technologies Co., Ltd."), "PROHIBITED", ["P2"], eccn=""),
        case("An Entity List party reviewed case by case for these items (SMIC) needs a license", line("T-P3", "CN", "L20-48GB", end_user="SMIC"), "LICENSE_REQUIRED", ["P3"], eccn=""),
        case("An Unverified List party is held for its UVL statement", line("T-P4", "AE", "L20-48GB", end_user="Vantorix Unverified Components FZE"), "HOLD", ["P4"], eccn=""),
        case("A Military End-User List party is held", line("T-P5", "AE", "L20-48GB", end_user="Korvanth Military Avionics Institute"), "HOLD", ["P5"], eccn=""),
        case("A near match of a listed name is held for review", line("T-P6", "CN", "L20-48GB", end_user="Moore Threads Intelligent Technology (Shanghai) Co., Ltd."), "HOLD", ["P6"], eccn=""),
        case("An unlisted party is screened and passes", line("T-P0", dest_ok, "L20-48GB", end_user="Harbourview Analytics Ltd"), "NLR", ["N1"], eccn=""),
    ]

def write(pack, name, as_of, cases, comment, extra=None):
    os.makedirs(f"rules/{pack}/tests", exist_ok=True)
    doc = {"$schema": "../../schemas/pack-test.schema.json", "$comment": comment, "as_of": as_of}
    if extra: doc.update(extra)
    doc["cases"] = cases
    with open(f"rules/{pack}/tests/{name}", "w") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
        f.write("\n")

def parties_file(pack, as_of, dest_ok):
    os.makedirs(f"rules/{pack}/tests/lists", exist_ok=True)
    with open(f"rules/{pack}/tests/lists/test-parties.json", "w") as f:
        json.dump(PARTY_LIST, f, indent=2, ensure_ascii=False)
        f.write("\n")
    write(pack, "parties.json", as_of, party_cases(pack, dest_ok),
          "Rules P1 to P6 (workflows/parties.json). lists/test-parties.json adds invented Denied Persons, Unverified and Military End-User parties; Huawei, SMIC and Moore Threads are in the shipped Entity List extract.",
          {"lists": ["lists/test-parties.json"]})

# ---- ai-diffusion-2025: the screening contract's decision table (E1..N1) --------------------------------------------
d = "2025-06-01"
ai = [
    case("E1: an embargoed destination is prohibited (and Iran is Tier 3: A1 too)", line("T-E1", "IR", "H100-SXM5-80GB", ship_date=d), "PROHIBITED", ["E1", "A1"], eccn="3A090.a", tier=3),
    case("D1: a quantity that is not a positive whole number holds the line (the rule for its class still fires)", line("T-D1", "DE", "H100-SXM5-80GB", qty=0, ship_date=d), "HOLD", ["D1", "A2"]),
    case("D2: a datacenter chip with 1,600 <= TPP < 4,800 and no die area is held", line("T-D2", "DE", tpp=3000, datacenter=True, ship_date=d), "HOLD", ["D2"], eccn=""),
    case("H1: datacenter .a for an end user headquartered in China is prohibited wherever shipped", line("T-H1", "DE", "H100-SXM5-80GB", end_user_hq_country="CN", ship_date=d), "PROHIBITED", ["H1"], eccn="3A090.a", tier=1),
    case("H2: a consumer .a part for an end user headquartered in China ships under NAC", line("T-H2", "DE", "RTX4090-24GB", end_user_hq_country="CN", ship_date=d), "LICENSE_EXCEPTION", ["H2"], exception="NAC", eccn="3A090.a"),
    case("U1: a supercomputer end use in China is prohibited for any chip", line("T-U1", "CN", "L20-48GB", end_use="supercomputer upgrade", ship_date=d), "PROHIBITED", ["U1"], eccn=""),
    case("F1: ship-to Malaysia for an end user in China is held as possible diversion", line("T-F1", "MY", "L20-48GB", end_user_country="CN", ship_date=d), "HOLD", ["F1"], eccn=""),
    case("F2: a red-flag end use is held", line("T-F2", "DE", "L20-48GB", end_use="military logistics", ship_date=d), "HOLD", ["F2"], eccn=""),
    case("A0: to the United States no export license is required", line("T-A0", "US", "H100-SXM5-80GB", ship_date=d), "NLR", ["A0"], eccn="3A090.a", tier=1),
    case("A1: datacenter .a to China (Tier 3) is prohibited", line("T-A1", "CN", "H100-SXM5-80GB", ship_date=d), "PROHIBITED", ["A1"], eccn="3A090.a", tier=3),
    case("A2: datacenter .a to Germany (Tier 1) ships under AIA", line("T-A2", "DE", "H100-SXM5-80GB", ship_date=d), "LICENSE_EXCEPTION", ["A2"], exception="AIA", eccn="3A090.a", tier=1),
    case("A3: datacenter .a to a validated end user in India ships under VEU", line("T-A3", "IN", "H100-SXM5-80GB", qty=10, end_user="Example Validated Datacenter Pvt Ltd", ship_date=d), "LICENSE_EXCEPTION", ["A3"], exception="VEU", eccn="3A090.a", tier=2),
    case("A4: datacenter .a to India within the consignee's LPP limit ships under LPP", line("T-A4", "IN", "H100-SXM5-80GB", qty=10, ship_date=d), "LICENSE_EXCEPTION", ["A4"], exception="LPP", eccn="3A090.a", tier=2),
    case("A5: 2,000 H100s (31,664,000 TPP) pass the LPP limit: license required within the allocation", line("T-A5", "IN", "H100-SXM5-80GB", qty=2000, ship_date=d), "LICENSE_REQUIRED", ["A5"], eccn="3A090.a", tier=2),
    case("A6: 50,000 H100s (791,600,000 TPP) exceed the country allocation: prohibited", line("T-A6", "IN", "H100-SXM5-80GB", qty=50000, ship_date=d), "PROHIBITED", ["A6"], eccn="3A090.a", tier=2),
    case("C1: a consumer .a part to China ships under NAC", line("T-C1", "CN", "RTX4090-24GB", ship_date=d), "LICENSE_EXCEPTION", ["C1"], exception="NAC", eccn="3A090.a", tier=3),
    case("C2: a consumer .a part to Germany ships under ACA", line("T-C2", "DE", "RTX4090-24GB", ship_date=d), "LICENSE_EXCEPTION", ["C2"], exception="ACA", eccn="3A090.a", tier=1),
    case("B1: a .b chip to China ships under NAC", line("T-B1", "CN", "MI210-64GB", ship_date=d), "LICENSE_EXCEPTION", ["B1"], exception="NAC", eccn="3A090.b", tier=3),
    case("B2: a .b chip to Viet Nam (D:1, not D:5) ships under ACA", line("T-B2", "VN", "MI210-64GB", ship_date=d), "LICENSE_EXCEPTION", ["B2"], exception="ACA", eccn="3A090.b", tier=2),
    case("N1: a .b chip to Germany needs no license", line("T-N1", "DE", "MI210-64GB", ship_date=d), "NLR", ["N1"], eccn="3A090.b", tier=1),
    case("N1: an H20 (below 3A090) to China needs no license under this pack", line("T-N1b", "CN", "H20-96GB", ship_date=d), "NLR", ["N1"], eccn="", tier=3),
]
write("ai-diffusion-2025", "decision-table.json", "2025-06-01", ai,
      "Rules E1 to N1 of the screening contract's table for ai-diffusion-2025, one case or more each. validated_end_users adds an invented VEU for rule A3 (the pack ships none).",
      {"validated_end_users": [{"name": "Example Validated Datacenter Pvt Ltd", "countries": ["IN"], "citation": "invented for this test"}]})
parties_file("ai-diffusion-2025", "2025-06-01", "DE")

# ---- ac-2023: the October 2023 rules (regulations.md sections 3 and 8) ------------------------------------------------
d = "2024-06-01"
ac = [
    case("E1: an embargoed destination is prohibited (Iran is in D:5: A1 too)", line("T-E1", "IR", "H100-SXM5-80GB", ship_date=d), "PROHIBITED", ["E1", "A1"], eccn="3A090.a", tier=3),
    case("D1: a quantity that is not a positive whole number holds the line", line("T-D1", "DE", "H100-SXM5-80GB", qty=0, ship_date=d), "HOLD", ["D1"]),
    case("D2: a datacenter chip with 1,600 <= TPP < 4,800 and no die area is held", line("T-D2", "DE", tpp=3000, datacenter=True, ship_date=d), "HOLD", ["D2"], eccn=""),
    case("H1: headquarters rule: datacenter .a for an end user headquartered in China is prohibited, even to Germany", line("T-H1", "DE", "H100-SXM5-80GB", end_user_hq_country="CN", ship_date=d), "PROHIBITED", ["H1"], eccn="3A090.a", tier=1),
    case("H2: a .b chip for an end user headquartered in Macau ships under NAC", line("T-H2", "DE", "MI210-64GB", end_user_hq_country="MO", ship_date=d), "LICENSE_EXCEPTION", ["H2"], exception="NAC", eccn="3A090.b"),
    case("U1: an advanced-node IC production end use in Macau is prohibited for any chip", line("T-U1", "MO", "L20-48GB", end_use="advanced-node wafer fab", ship_date=d), "PROHIBITED", ["U1"], eccn=""),
    case("F1: ship-to Singapore for an end user in China is held as possible diversion", line("T-F1", "SG", "L20-48GB", end_user_country="CN", ship_date=d), "HOLD", ["F1"], eccn=""),
    case("F2: a red-flag end use is held", line("T-F2", "DE", "L20-48GB", end_use="missile guidance research", ship_date=d), "HOLD", ["F2"], eccn=""),
    case("A0: to the United States no export license is required", line("T-A0", "US", "H100-SXM5-80GB", ship_date=d), "NLR", ["A0"], eccn="3A090.a", tier=1),
    case("A1: datacenter .a to China (D:5) is prohibited: presumption of denial", line("T-A1", "CN", "H100-SXM5-80GB", ship_date=d), "PROHIBITED", ["A1"], eccn="3A090.a", tier=3),
    case("A1: an H200 to China is prohibited in 2024", line("T-A1b", "CN", "H200-SXM-141GB", ship_date=d), "PROHIBITED", ["A1"], eccn="3A090.a", tier=3),
    case("A1: datacenter .a to Cambodia (D:5 until 2026) is prohibited", line("T-A1c", "KH", "H100-SXM5-80GB", ship_date=d), "PROHIBITED", ["A1"], eccn="3A090.a", tier=3),
    case("L1: datacenter .a to Viet Nam (D:1) needs a license, presumption of approval", line("T-L1", "VN", "H100-SXM5-80GB", ship_date=d), "LICENSE_REQUIRED", ["L1"], eccn="3A090.a", tier=2),
    case("L1: datacenter .a to the UAE (D:4 until 2026) needs a license", line("T-L1b", "AE", "H100-SXM5-80GB", ship_date=d), "LICENSE_REQUIRED", ["L1"], eccn="3A090.a", tier=2),
    case("C1: a consumer .a part to China ships under NAC", line("T-C1", "CN", "RTX4090-24GB", ship_date=d), "LICENSE_EXCEPTION", ["C1"], exception="NAC", eccn="3A090.a", tier=3),
    case("C2: a consumer .a part to Saudi Arabia (D:4) ships under ACA", line("T-C2", "SA", "RTX4090-24GB", ship_date=d), "LICENSE_EXCEPTION", ["C2"], exception="ACA", eccn="3A090.a", tier=2),
    case("B1: a .b chip to Macau ships under NAC", line("T-B1", "MO", "MI210-64GB", ship_date=d), "LICENSE_EXCEPTION", ["B1"], exception="NAC", eccn="3A090.b", tier=3),
    case("B2: a .b chip to Viet Nam (D:1, not D:5) ships under ACA", line("T-B2", "VN", "MI210-64GB", ship_date=d), "LICENSE_EXCEPTION", ["B2"], exception="ACA", eccn="3A090.b", tier=2),
    case("N1: datacenter .a to Germany (A:5) needs no license under the 2023 rules", line("T-N1", "DE", "H100-SXM5-80GB", ship_date=d), "NLR", ["N1"], eccn="3A090.a", tier=1),
    case("N1: datacenter .a to India (A:5) needs no license under the 2023 rules (no LPP, no allocation)", line("T-N1b", "IN", "H100-SXM5-80GB", qty=50000, ship_date=d), "NLR", ["N1"], eccn="3A090.a", tier=1),
    case("N1: datacenter .a to Brazil (in no country group) needs no license", line("T-N1c", "BR", "H100-SXM5-80GB", ship_date=d), "NLR", ["N1"], eccn="3A090.a", tier=1),
    case("N1: a consumer .a part to Germany needs no license (ACA is for D:1/D:4 only)", line("T-N1d", "DE", "RTX4090-24GB", ship_date=d), "NLR", ["N1"], eccn="3A090.a", tier=1),
    case("N1: an H20 (below 3A090) to China needs no license in 2024", line("T-N1e", "CN", "H20-96GB", ship_date=d), "NLR", ["N1"], eccn="", tier=3),
]
write("ac-2023", "decision-table.json", "2024-06-01", ac,
      "Rules E1 to N1 of ac-2023 (the October 2023 rules, 88 FR 73458), one case or more each, with the expected decisions of regulations.md sections 3 and 8.")
parties_file("ac-2023", "2024-06-01", "DE")

# ---- us-2026: ac-2023 with the 2025-2026 changes (regulations.md sections 5 and 8) -------------------------------------
d = "2026-06-01"
us = [
    case("E1: an embargoed destination is prohibited (Iran is in D:5: A1 too)", line("T-E1", "IR", "H100-SXM5-80GB", ship_date=d), "PROHIBITED", ["E1", "A1"], eccn="3A090.a", tier=3),
    case("D1: a quantity that is not a positive whole number holds the line", line("T-D1", "DE", "H100-SXM5-80GB", qty=0, ship_date=d), "HOLD", ["D1"]),
    case("D2: a datacenter chip with 1,600 <= TPP < 4,800 and no die area is held", line("T-D2", "DE", tpp=3000, datacenter=True, ship_date=d), "HOLD", ["D2"], eccn=""),
    case("H1: the headquarters rule stays: an H200 for an end user headquartered in China is prohibited, even in China", line("T-H1", "CN", "H200-SXM-141GB", end_user_hq_country="CN", ship_date=d), "PROHIBITED", ["H1"], eccn="3A090.a", tier=3),
    case("H2: a consumer .a part for an end user headquartered in China ships under NAC", line("T-H2", "DE", "RTX4090-24GB", end_user_hq_country="CN", ship_date=d), "LICENSE_EXCEPTION", ["H2"], exception="NAC", eccn="3A090.a"),
    case("U1: a supercomputer end use in China is prohibited for any chip", line("T-U1", "CN", "L20-48GB", end_use="supercomputer centre", ship_date=d), "PROHIBITED", ["U1"], eccn=""),
    case("F1: ship-to Malaysia for an end user in China is held as possible diversion", line("T-F1", "MY", "L20-48GB", end_user_country="CN", ship_date=d), "HOLD", ["F1"], eccn=""),
    case("F2: a red-flag end use is held", line("T-F2", "DE", "L20-48GB", end_use="nuclear simulation", ship_date=d), "HOLD", ["F2"], eccn=""),
    case("A0: to the United States no export license is required", line("T-A0", "US", "B200-180GB", ship_date=d), "NLR", ["A0"], eccn="3A090.a", tier=1),
    case("A1: a B200 (TPP 36,000 >= 21,000) to China stays under presumption of denial", line("T-A1", "CN", "B200-180GB", ship_date=d), "PROHIBITED", ["A1"], eccn="3A090.a", tier=3),
    case("A1: an H200 to Venezuela (D:5, not China or Macau) stays under presumption of denial", line("T-A1b", "VE", "H200-SXM-141GB", ship_date=d), "PROHIBITED", ["A1"], eccn="3A090.a", tier=3),
    case("K2: an H200 (TPP 15,832, 4,800 GB/s) to China is reviewed case by case: license required", line("T-K2", "CN", "H200-SXM-141GB", ship_date=d), "LICENSE_REQUIRED", ["K2"], eccn="3A090.a", tier=3),
    case("K2: an MI325X (TPP 20,800, 6,000 GB/s) to Macau is reviewed case by case", line("T-K2b", "MO", "MI325X-256GB", ship_date=d), "LICENSE_REQUIRED", ["K2"], eccn="3A090.a", tier=3),
    case("K1: an H20 (4,000 GB/s, below 3A090) to China needs a license", line("T-K1", "CN", "H20-96GB", ship_date=d), "LICENSE_REQUIRED", ["K1"], eccn="", tier=3),
    case("K1: an H20 to Venezuela (D:5) needs a license", line("T-K1b", "VE", "H20-96GB", ship_date=d), "LICENSE_REQUIRED", ["K1"], eccn="", tier=3),
    case("N1: an H20 to Cambodia needs no license (Cambodia left D:5 on 2026-02-03)", line("T-K1c", "KH", "H20-96GB", ship_date=d), "NLR", ["N1"], eccn="", tier=2),
    case("N1: an L20 (864 GB/s) to China is not H20 class: no license", line("T-K1d", "CN", "L20-48GB", ship_date=d), "NLR", ["N1"], eccn="", tier=3),
    case("L1: datacenter .a to Cambodia (D:1, out of D:5) needs a license, presumption of approval", line("T-L1", "KH", "H100-SXM5-80GB", ship_date=d), "LICENSE_REQUIRED", ["L1"], eccn="3A090.a", tier=2),
    case("L1: datacenter .a to Viet Nam (D:1) needs a license", line("T-L1b", "VN", "H100-SXM5-80GB", ship_date=d), "LICENSE_REQUIRED", ["L1"], eccn="3A090.a", tier=2),
    case("L1: datacenter .a to the UAE (D:4 until 2026-07-10) needs a license", line("T-L1c", "AE", "H100-SXM5-80GB", ship_date=d), "LICENSE_REQUIRED", ["L1"], eccn="3A090.a", tier=2),
    case("B2: a .b chip to the UAE (D:4 until 2026-07-10) ships under ACA", line("T-B2b", "AE", "MI210-64GB", ship_date=d), "LICENSE_EXCEPTION", ["B2"], exception="ACA", eccn="3A090.b", tier=2),
    case("N1: datacenter .a to Germany needs no license (the diffusion tiers are not enforced)", line("T-N1c", "DE", "B200-180GB", ship_date=d), "NLR", ["N1"], eccn="3A090.a", tier=1),
    case("C1: a consumer .a part to China ships under NAC", line("T-C1", "CN", "RTX4090-24GB", ship_date=d), "LICENSE_EXCEPTION", ["C1"], exception="NAC", eccn="3A090.a", tier=3),
    case("C2: a consumer .a part to Viet Nam ships under ACA", line("T-C2", "VN", "RTX4090-24GB", ship_date=d), "LICENSE_EXCEPTION", ["C2"], exception="ACA", eccn="3A090.a", tier=2),
    case("B1: a .b chip to China ships under NAC", line("T-B1", "CN", "MI210-64GB", ship_date=d), "LICENSE_EXCEPTION", ["B1"], exception="NAC", eccn="3A090.b", tier=3),
    case("B2: a .b chip to Cambodia (D:1, out of D:5) ships under ACA", line("T-B2", "KH", "MI210-64GB", ship_date=d), "LICENSE_EXCEPTION", ["B2"], exception="ACA", eccn="3A090.b", tier=2),
]
write("us-2026", "decision-table.json", "2026-06-01", us,
      "Rules of us-2026 (ac-2023 with A1 replaced and K1, K2 added), one case or more each, with the expected decisions of regulations.md sections 5 and 8, as of 2026-06-01: Cambodia is out of D:5 (2026-02-03), the UAE not yet in A:5 (2026-07-10).")

d = "2026-01-20"
write("us-2026", "before-2026-02-03.json", d, [
    case("A1: datacenter .a to Cambodia before it left D:5 is prohibited", line("T-KH1", "KH", "H100-SXM5-80GB", ship_date=d), "PROHIBITED", ["A1"], eccn="3A090.a", tier=3),
    case("K1: an H20 to Cambodia before it left D:5 needs a license", line("T-KH2", "KH", "H20-96GB", ship_date=d), "LICENSE_REQUIRED", ["K1"], eccn="", tier=3),
    case("B1: a .b chip to Cambodia before it left D:5 ships under NAC", line("T-KH3", "KH", "MI210-64GB", ship_date=d), "LICENSE_EXCEPTION", ["B1"], exception="NAC", eccn="3A090.b", tier=3),
], "us-2026 as of 2026-01-20, before the dated group changes of group-changes.json: Cambodia is still in D:5 (tier 3).")

d = "2026-07-15"
write("us-2026", "after-2026-07-10.json", d, [
    case("N1: datacenter .a to the UAE (A:5 since 2026-07-10) needs no license", line("T-AE1", "AE", "H100-SXM5-80GB", ship_date=d), "NLR", ["N1"], eccn="3A090.a", tier=1),
    case("N1: a .b chip to the UAE (out of D:4 since 2026-07-10) needs no license", line("T-AE2", "AE", "MI210-64GB", ship_date=d), "NLR", ["N1"], eccn="3A090.b", tier=1),
    case("C2 no longer applies: a consumer .a part to the UAE needs no license", line("T-AE3", "AE", "RTX4090-24GB", ship_date=d), "NLR", ["N1"], eccn="3A090.a", tier=1),
    case("L1 still applies to Cambodia (D:1)", line("T-AE4", "KH", "H100-SXM5-80GB", ship_date=d), "LICENSE_REQUIRED", ["L1"], eccn="3A090.a", tier=2),
], "us-2026 as of 2026-07-15, after both dated group changes: the UAE is in A:5 and out of D:4 (tier 1), Cambodia out of D:5 (tier 2).")
parties_file("us-2026", "2026-06-01", "DE")
