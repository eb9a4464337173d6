#!/usr/bin/env python3
"""Checks the sample knowledge base and evaluation messages against the format in
/work/shared/benchmark/FORMAT.md (also described in docs/knowledge-base.md).

Usage: python3 knowledge-base/sample/validate_sample.py [services.json] [questions.jsonl]
Exits non-zero and lists every problem when something is wrong."""
import datetime
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CATEGORIES = {"geld", "werk-inkomen", "wonen", "zorg", "psychische-gezondheid", "gezondheid",
              "jeugd-gezin", "onderwijs-taal", "veiligheid", "juridisch", "eten", "sociaal-contact",
              "ouderen", "nieuwkomers", "digitaal", "energie", "buurt", "crisis"}
FIELDS = {"id", "name", "organization", "summary", "description", "categories", "keywords",
          "example_questions", "eligibility", "languages", "areas", "contact", "opening_hours", "cost",
          "urgent", "last_verified", "active", "i18n"}
REQUIRED = {"id", "name", "summary", "categories"}
CONTACT_FIELDS = {"phone", "email", "website", "address", "walk_in"}
TRANSLATION_FIELDS = {"name", "summary", "keywords"}
DAYS = {"mo", "tu", "we", "th", "fr", "sa", "su"}
EXPECT = {"service", "crisis", "human", "complex", "smalltalk", "none"}
ISO_639_1 = set("""aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy
da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig
ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml
mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg
si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh
yi yo za zh zu""".split())
ID = re.compile(r"^[a-z0-9-]+$")
TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def problems_in_services(services):
    problems = []
    if not isinstance(services, list):
        return ["services.json is not a JSON array"]
    seen = set()
    for index, s in enumerate(services):
        where = f"service #{index} ({s.get('id', '?')})"
        for key in set(s) - FIELDS:
            problems.append(f"{where}: unknown field {key!r}")
        for key in REQUIRED - set(s):
            problems.append(f"{where}: missing {key!r}")
        sid = s.get("id", "")
        if not isinstance(sid, str) or not ID.match(sid):
            problems.append(f"{where}: id does not match [a-z0-9-]+")
        if sid in seen:
            problems.append(f"{where}: duplicate id")
        seen.add(sid)
        cats = s.get("categories", [])
        if not cats:
            problems.append(f"{where}: no categories")
        for c in cats:
            if c not in CATEGORIES:
                problems.append(f"{where}: unknown category {c!r}")
        for lang in s.get("languages", []):
            if lang not in ISO_639_1:
                problems.append(f"{where}: {lang!r} is not ISO 639-1")
        for key in set(s.get("contact", {})) - CONTACT_FIELDS:
            problems.append(f"{where}: unknown contact field {key!r}")
        for value in s.get("contact", {}).values():
            if not isinstance(value, str):
                problems.append(f"{where}: contact values must be strings")
        for period in s.get("opening_hours", []):
            if set(period) != {"days", "opens", "closes"}:
                problems.append(f"{where}: opening period needs exactly days, opens, closes")
            if not period.get("days") or not set(period.get("days", [])) <= DAYS:
                problems.append(f"{where}: bad days {period.get('days')}")
            for t in (period.get("opens", ""), period.get("closes", "")):
                if not TIME.match(t):
                    problems.append(f"{where}: bad time {t!r}")
            if period.get("opens", "") >= period.get("closes", ""):
                problems.append(f"{where}: opens {period.get('opens')} is not before closes {period.get('closes')}")
        if "last_verified" in s:
            try:
                datetime.date.fromisoformat(s["last_verified"])
            except (TypeError, ValueError):
                problems.append(f"{where}: bad last_verified {s['last_verified']!r}")
        for flag in ("urgent", "active"):
            if flag in s and not isinstance(s[flag], bool):
                problems.append(f"{where}: {flag} must be true or false")
        for lang, tr in s.get("i18n", {}).items():
            if lang not in ISO_639_1:
                problems.append(f"{where}: i18n language {lang!r} is not ISO 639-1")
            for key in set(tr) - TRANSLATION_FIELDS:
                problems.append(f"{where}: unknown i18n field {key!r}")
        if s.get("areas") == []:
            problems.append(f"{where}: areas is empty; leave it out or use [\"*\"]")
    used = {c for s in services for c in s.get("categories", [])}
    for c in sorted(CATEGORIES - used):
        problems.append(f"no service has category {c!r}")
    return problems


def problems_in_questions(lines, services):
    problems = []
    active = {s["id"] for s in services if s.get("active", True)}
    known = {s["id"] for s in services}
    phrases = {p.strip().lower() for s in services for p in s.get("example_questions", []) + s.get("keywords", [])}
    seen = set()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            q = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"line {number}: not JSON ({e})")
            continue
        where = f"line {number} ({q.get('id', '?')})"
        if set(q) != {"id", "text", "expect", "services"}:
            problems.append(f"{where}: needs exactly id, text, expect, services")
        if q.get("id") in seen:
            problems.append(f"{where}: duplicate id")
        seen.add(q.get("id"))
        if q.get("expect") not in EXPECT:
            problems.append(f"{where}: unknown expect {q.get('expect')!r}")
        ids = q.get("services", [])
        if q.get("expect") == "service" and not ids:
            problems.append(f"{where}: a service message needs at least one expected service")
        for sid in ids:
            if sid not in known:
                problems.append(f"{where}: unknown service {sid!r}")
            elif sid not in active:
                problems.append(f"{where}: service {sid!r} is inactive")
        if q.get("expect") == "service" and q.get("text", "").strip().lower() in phrases:
            problems.append(f"{where}: text copies a keyword or example question verbatim")
    return problems


def main(argv):
    services_path = argv[1] if len(argv) > 1 else os.path.join(HERE, "services.json")
    questions_path = argv[2] if len(argv) > 2 else os.path.join(HERE, "questions.jsonl")
    with open(services_path, encoding="utf-8") as f:
        services = json.load(f)
    with open(questions_path, encoding="utf-8") as f:
        lines = f.readlines()
    problems = problems_in_services(services) + problems_in_questions(lines, services)
    for p in problems:
        print(p)
    print(f"{len(services)} services, {sum(1 for l in lines if l.strip())} messages, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
