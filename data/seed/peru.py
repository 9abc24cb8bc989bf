"""Peru's facts, parsed from the seed document (``ogp_pe0066_page.txt``).

The document is a copy of OGP's page for commitment PE0066 followed by the list
of all 104 Peru commitments (title line, then ``PE0084, 2019, Anti-Corruption``).
Everything here is read from that copy; the few facts the document does not
state are named constants with a comment saying so.  Nothing here is invented:
what the dashboard needs beyond these facts is the sample (``sample.py``).

Public entry points:

- ``seed_frames()`` – the project-format tables (``countries``, ``action_plans``,
  ``institutions``, ``policy_areas``, ``commitments``) to import with origin
  ``SEED_ORIGIN``.
- ``listed_commitments()`` – the commitment list as parsed.
- ``pe0066_milestones()`` – PE0066's three milestones (title, responsible,
  planned dates) as the document's table gives them.  They are *not* in the
  seed frames: see ``pe0066_milestones`` for why.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from data.seed.tables import to_frame

PAGE_PATH = Path(__file__).resolve().with_name("ogp_pe0066_page.txt")
SEED_ORIGIN = f"seed:{PAGE_PATH.name}"

COUNTRY = "PER"
# Not stated in the document: OGP files Peru under the Americas, as a national member.
COUNTRY_REGION = "Americas"
COUNTRY_LEVEL = "National"

PE0066 = "PE0066"
PE0066_URL = "https://www.opengovpartnership.org/members/peru/commitments/PE0066/"

SPANISH_MONTHS = {
    name: number
    for number, name in enumerate(
        (
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ),
        start=1,
    )
}

STARRED_PREFIX = "Starred commitment "


class SeedDocumentError(ValueError):
    """The seed document does not have the shape this parser expects."""


@dataclass(frozen=True)
class ListedCommitment:
    id: str
    year: int
    title_en: str
    policy_area: str  # "" when the list gives none (PE0033)
    starred: bool
    line: int  # 1-based line of the id line in the document


@dataclass(frozen=True)
class PlanMilestone:
    number: int
    title: str
    responsible: str
    planned_start: dt.date
    planned_end: dt.date


# --- reading the document -------------------------------------------------------


@functools.lru_cache(maxsize=4)
def read_page(path: Path = PAGE_PATH) -> str:
    return Path(path).read_text(encoding="utf-8")


def _lines(text: str) -> list[str]:
    return text.splitlines()


def _field(text: str, label: str) -> str:
    """The value after ``label:`` on its own line of the page ("" when blank)."""
    match = re.search(rf"^{re.escape(label)}:[ \t]*(.*)$", text, flags=re.MULTILINE)
    if match is None:
        raise SeedDocumentError(f"no field {label!r} in the seed document")
    return match.group(1).strip()


def _between(text: str, start: str, end: str) -> str:
    """The text after ``start`` and before ``end`` (both must be present)."""
    i = text.find(start)
    j = text.find(end, i + len(start)) if i >= 0 else -1
    if i < 0 or j < 0:
        raise SeedDocumentError(f"cannot find {start!r} … {end!r} in the seed document")
    return text[i + len(start) : j].strip()


def _month(raw: str, *, last_day: bool) -> dt.date:
    """``"Enero 2018"`` or ``"agosto de 2019"`` → first (or last) day of that month."""
    match = re.fullmatch(r"\s*([A-Za-zÁÉÍÓÚáéíóú]+)\s+(?:de\s+)?(\d{4})\s*", raw)
    if match is None or match.group(1).lower() not in SPANISH_MONTHS:
        raise SeedDocumentError(f"not a Spanish month and year: {raw!r}")
    year, month = int(match.group(2)), SPANISH_MONTHS[match.group(1).lower()]
    day = calendar.monthrange(year, month)[1] if last_day else 1
    return dt.date(year, month, day)


# --- the list of Peru's commitments ----------------------------------------------

ID_LINE = re.compile(r"^\s*(PE\d{4}),\s*(\d{4}),\s*(.*?)\s*$")
TITLE_LINE = re.compile(r"^\s*\d+\.\s+(.+?)\s*$")


def listed_commitments(text: str | None = None) -> list[ListedCommitment]:
    """The ``Commitments`` list at the end of the page, in the page's order.

    Each entry is a numbered title line, a blank line and an id line.  Lines
    that are neither (the stray scraping artifact at the very end) are ignored.
    """
    lines = _lines(read_page() if text is None else text)
    try:
        start = lines.index("Commitments")
    except ValueError as exc:
        raise SeedDocumentError("no 'Commitments' list in the seed document") from exc
    found: list[ListedCommitment] = []
    title: str | None = None
    for number, line in enumerate(lines[start + 1 :], start=start + 2):
        if m := ID_LINE.match(line):
            if title is None:
                raise SeedDocumentError(f"line {number}: {m.group(1)} has no title line")
            starred = title.startswith(STARRED_PREFIX)
            found.append(
                ListedCommitment(
                    id=m.group(1),
                    year=int(m.group(2)),
                    title_en=title[len(STARRED_PREFIX) :] if starred else title,
                    policy_area=m.group(3),
                    starred=starred,
                    line=number,
                )
            )
            title = None
        elif m := TITLE_LINE.match(line):
            title = m.group(1)
    ids = [c.id for c in found]
    if len(set(ids)) != len(ids):
        raise SeedDocumentError("the commitment list repeats an id")
    return found


# --- action plans -----------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    id: str
    number: int
    cycle_year: int
    start_year: int
    end_year: int | None

    @property
    def title(self) -> str:
        years = f"{self.start_year}-{self.end_year}" if self.end_year else f"{self.start_year}"
        return f"Peru Action Plan {years}"


def action_plans(text: str | None = None) -> list[Plan]:
    """One plan per cycle year of the list, numbered in order.

    Periods: the IRM text names the first two ("Los anteriores planes de acción
    (2012-2014 y 2015-2016)"), the page's "Action Plan: Peru Action Plan
    2017-2019" the third.  The 2019 plan's end is not in the document.
    """
    text = read_page() if text is None else text
    years = sorted({c.year for c in listed_commitments(text)})
    periods: dict[int, int] = {}
    earlier = re.search(r"planes de acción \((\d{4})-(\d{4}) y (\d{4})-(\d{4})\)", text)
    if earlier is None:
        raise SeedDocumentError("the IRM text no longer names the earlier plans' periods")
    a, b, c, d = (int(g) for g in earlier.groups())
    periods[a], periods[c] = b, d
    current = re.fullmatch(r"Peru Action Plan (\d{4})-(\d{4})", _field(text, "Action Plan"))
    if current is None:
        raise SeedDocumentError("unexpected 'Action Plan:' field")
    periods[int(current.group(1))] = int(current.group(2))
    return [
        Plan(id=f"AP_{COUNTRY}{n:02d}", number=n, cycle_year=y, start_year=y, end_year=periods.get(y))
        for n, y in enumerate(years, start=1)
    ]


def plan_by_year(text: str | None = None) -> dict[int, str]:
    return {p.cycle_year: p.id for p in action_plans(text)}


# --- PE0066 in full ---------------------------------------------------------------


def _commitment_block(text: str) -> list[str]:
    """PE0066's Spanish text: from "1. Foros Multiactor…" to the end of the contact block."""
    lines = _lines(text)
    try:
        first = next(i for i, line in enumerate(lines) if line.startswith("1. Foros Multiactor"))
        after = lines.index("IRM Midterm Status Summary", first)
    except (StopIteration, ValueError) as exc:
        raise SeedDocumentError("cannot find PE0066's commitment text") from exc
    block = lines[first:after]
    while block and not block[-1].strip():
        block.pop()
    return block


def pe0066_milestones(text: str | None = None) -> list[PlanMilestone]:
    """The three rows of the document's "Actividad y producto entregable" table.

    Only their text, responsible body and planned months are in the document;
    their status and progress are not.  A milestone row cannot be written
    without a status and progress (both required), and a seed row must hold
    only facts, so the rows go to the *sample* frames, with these planned dates
    and titles, and say so in their note.  Marking a fact as sample understates
    it; marking an invented status as seed would misstate it.
    """
    block = "\n".join(_commitment_block(read_page() if text is None else text))
    table = _between(block, "Fecha de Inicio Fecha de término", "Información de Contacto")
    pattern = re.compile(r"^(\d+)\.\s+(.+?)\s+(SGP)\s+(\w+ \d{4})\s+(\w+ \d{4})\s*$", flags=re.MULTILINE)
    rows = [
        PlanMilestone(
            number=int(m.group(1)),
            title=m.group(2),
            responsible=m.group(3),
            planned_start=_month(m.group(4), last_day=False),
            planned_end=_month(m.group(5), last_day=True),
        )
        for m in pattern.finditer(table)
    ]
    if [r.number for r in rows] != [1, 2, 3]:
        raise SeedDocumentError("PE0066's activity table does not have milestones 1-3")
    return rows


def _paragraphs(raw: str) -> str:
    return "\n".join(line.strip() for line in raw.splitlines() if line.strip())


def _support_institutions(text: str, block: list[str]) -> list[str]:
    """The support institutions, mending a comma the page lost.

    The page's field runs two names together ("Agencia Peruana de Cooperación
    Internacional Instituciones Públicas con …").  The contact block gives the
    government ones one per line, so those names are peeled off the field.
    """
    pieces = [p.strip() for p in _field(text, "Support Institution(s)").split(",") if p.strip()]
    label = "Otros actores de Gobierno involucrados "
    starts = [i for i, line in enumerate(block) if line.startswith(label)]
    if not starts:
        raise SeedDocumentError("no government actors in PE0066's contact block")
    government: list[str] = []
    for line in block[starts[0] :]:
        if line.startswith("Otros actores de Organizaciones"):
            break
        government.append(line.removeprefix(label).strip())
    names: list[str] = []
    for piece in pieces:
        for name in government:
            if piece.startswith(name + " "):
                names.append(name)
                piece = piece[len(name) + 1 :]
        names.append(piece)
    return names


def _did_it_open_government(raw: str) -> str:
    """The page's "Early Results: Major Major" read as "Did it open government".

    For plans assessed under the IRM's pre-2021 methodology OGP's site shows the
    "Did it open government?" result under the heading "Early Results", and
    prints the label twice (the overall and the headline value).  "Major" is in
    the DIOG vocabulary, not in the 2021 Early Results one (No notable
    results/Moderate/Significant), which confirms the reading.
    """
    words = raw.split()
    if len(words) == 2 and words[0] == words[1]:
        return words[0]
    return raw


def pe0066(text: str | None = None) -> dict[str, Any]:
    """PE0066's commitment row, every field read from the page."""
    text = read_page() if text is None else text
    header = re.search(r"^(.+) \((PE\d{4})\)$", text, flags=re.MULTILINE)
    if header is None or header.group(2) != PE0066:
        raise SeedDocumentError("the page is not PE0066's")
    block = _commitment_block(text)
    body = "\n".join(block)
    title = re.sub(r"^1\.\s+", "", block[0]).strip()
    dates = re.search(r"Fecha de inicio:\s*(.+?)\s+Fecha de término:\s*(.+?)\s*$", text, flags=re.MULTILINE)
    if dates is None:
        raise SeedDocumentError("no 'Fecha de inicio … Fecha de término' line")
    values = {v.strip() for v in _field(text, "Relevant to OGP Values").split(",") if v.strip()}
    value_columns = {
        "value_access_information": "Access to Information",
        "value_civic_participation": "Civic Participation",
        "value_public_accountability": "Public Accountability",
        "value_technology_innovation": "Technology & Innovation",
    }
    return {
        "id": PE0066,
        "title": title,
        "title_en": header.group(1).strip(),
        "description": _paragraphs(_between(body, "¿Cuál es el compromiso?", "¿Cómo contribuirá")),
        "problem": _paragraphs(
            _between(body, "¿Cuál es la problemática que el compromiso aborda?", "¿Cuál es el compromiso?")
        ),
        "full_text": body.strip(),
        "start": _month(dates.group(1), last_day=False),
        "end": _month(dates.group(2), last_day=True),
        "lead_institution": _field(text, "Lead Institution"),
        "support_institutions": _support_institutions(text, block),
        "policy_areas": _policy_areas_after_heading(text),
        "status": _field(text, "Status").lower(),
        "url": PE0066_URL,
        "irm_report": _field(text, "IRM Report"),
        "verifiable": _field(text, "Verifiable"),
        **{col: "1" if label in values else "0" for col, label in value_columns.items()},
        "starred": _field(text, "Starred"),  # "Pending IRM Review": a sentinel, kept raw
        "did_it_open_government": _did_it_open_government(_field(text, "Early Results")),
        "potential_impact": _field(text, "Potential Impact"),  # blank on the page
        "completion_midterm": _field(text, "Completion"),  # blank on the page
    }


def _policy_areas_after_heading(text: str) -> list[str]:
    """The page puts policy areas on the line after a "Policy Areas" heading."""
    lines = _lines(text)
    i = lines.index("Policy Areas")
    value = next(line for line in lines[i + 1 :] if line.strip())
    return [p.strip() for p in value.split(",") if p.strip()]


# --- the frames -----------------------------------------------------------------------


def seed_frames(path: Path = PAGE_PATH) -> dict[str, pd.DataFrame]:
    """Project-format tables holding only what the document states."""
    text = read_page(path)
    lines = _lines(text)
    plans = action_plans(text)
    plan_of = {p.cycle_year: p.id for p in plans}
    listed = listed_commitments(text)
    full = pe0066(text)

    by_plan: dict[str, list[ListedCommitment]] = {}
    for c in sorted(listed, key=lambda c: c.id):
        by_plan.setdefault(plan_of[c.year], []).append(c)
    commitments = []
    for plan_id, members in by_plan.items():
        for number, c in enumerate(members, start=1):
            row: dict[str, Any] = {
                "id": c.id,
                "action_plan": plan_id,
                "number": number,
                "title": c.title_en,
                "title_en": c.title_en,
                "policy_areas": [c.policy_area] if c.policy_area else [],
                # The list marks starred commitments; unmarked ones are read as not starred.
                "starred": "1" if c.starred else "0",
                "source_row": c.line,
            }
            if c.id == PE0066:
                if c.title_en != full["title_en"] or plan_of[c.year] != "AP_PER03":
                    raise SeedDocumentError("PE0066's page and list entry disagree")
                row.update(full)
                row["source_row"] = next(i for i, line in enumerate(lines, 1) if line.endswith(f"({PE0066})"))
            commitments.append(row)

    institutions = [full["lead_institution"], *full["support_institutions"]]
    areas = sorted({a for row in commitments for a in row["policy_areas"]})
    return {
        "countries": to_frame(
            "countries",
            [{"code": COUNTRY, "name": lines[1].strip(), "region": COUNTRY_REGION, "level": COUNTRY_LEVEL}],
        ),
        "action_plans": to_frame(
            "action_plans",
            [
                {
                    "id": p.id,
                    "country": COUNTRY,
                    "number": p.number,
                    "title": p.title,
                    "cycle_year": p.cycle_year,
                    "start_year": p.start_year,
                    "end_year": p.end_year,
                }
                for p in plans
            ],
        ),
        "institutions": to_frame("institutions", [{"country": COUNTRY, "name": n} for n in institutions]),
        "policy_areas": to_frame("policy_areas", [{"name": a} for a in areas]),
        "commitments": to_frame("commitments", commitments),
    }
