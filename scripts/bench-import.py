#!/usr/bin/env python3
"""Writes a Greenhouse-shaped import file for `make bench`: JOBS jobs whose
descriptions carry a made-up vocabulary of WORDS distinct words, the long
tail of terms real imported boards bring (product names, places, misspelt
words). Deterministic: the same arguments give the same file.

usage: bench-import.py OUT.json [JOBS=25000] [WORDS=180000]
"""
import json
import sys

out = sys.argv[1]
jobs = int(sys.argv[2]) if len(sys.argv) > 2 else 25000
words = int(sys.argv[3]) if len(sys.argv) > 3 else 180000

ONSETS = ["b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
          "br", "ch", "dr", "gl", "kr", "pl", "sh", "st", "tr", "th"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ei", "ou"]
CODAS = ["", "", "n", "r", "s", "x", "l", "m"]


def word(n):
    """The n-th made-up word: three to five syllables, never a real one."""
    syllables = []
    n += 1
    count = 3 + n % 3
    for _ in range(count):
        syllables.append(ONSETS[n % len(ONSETS)] + VOWELS[(n // 25) % len(VOWELS)])
        n //= 7
        n += 13
    return "".join(syllables) + CODAS[n % len(CODAS)] + ("q" + str(n % 97) if n % 5 == 0 else "")


vocabulary = []
seen = set()
i = 0
while len(vocabulary) < words:
    w = word(i * 2654435761 % 4294967296)
    i += 1
    if w not in seen:
        seen.add(w)
        vocabulary.append(w)

TITLES = ["Platform Engineer", "Data Analyst", "Product Designer", "Site Reliability Engineer",
          "Account Executive", "Support Specialist", "Research Scientist", "Recruiter",
          "Marketing Manager", "Mobile Developer", "Security Engineer", "Finance Associate"]
PLACES = ["Lisbon, Portugal", "Austin, TX", "Toronto, Canada", "Warsaw, Poland", "Osaka, Japan",
          "Nairobi, Kenya", "Remote - Europe", "Remote - US", "Melbourne, Australia", "Bogota, Colombia"]
PER_JOB = 64

postings = []
for j in range(jobs):
    picked = [vocabulary[(j * PER_JOB + k) % words] for k in range(PER_JOB)]
    body = " ".join(picked)
    title = TITLES[j % len(TITLES)] + " " + vocabulary[(j * 31) % words].capitalize()
    postings.append({
        "id": 9_000_000_000 + j,
        "title": title,
        "absolute_url": f"https://boards.greenhouse.example/benchimport/jobs/{9_000_000_000 + j}",
        "company_name": f"Bench Import {j % 250:03d}",
        "location": {"name": PLACES[j % len(PLACES)]},
        "updated_at": "2026-11-20T09:00:00Z",
        "first_published": "2026-11-18T09:00:00Z",
        "content": "&lt;p&gt;" + body + "&lt;/p&gt;",
    })

with open(out, "w") as f:
    json.dump({"jobs": postings, "meta": {"total": jobs}}, f)
print(f"wrote {jobs} jobs over {words} made-up words to {out}", file=sys.stderr)
