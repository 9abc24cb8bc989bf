"""OGP's commitment sheet (one row per commitment, ~170 columns) as project tables.

The sheet is turned into the project's own frames (countries, action plans,
policy areas, commitments) so that it is validated and written exactly like
the project's files; each frame remembers the sheet's row and header names so
problems point into the sheet.  Institutions and policy areas named by a
commitment are created when written (see data.records.Commitments).

OGP's sheet also has a numeric twin for every IRM label (``_Specificity``,
``_Potential Impact``, ...).  The twins disagree with the labels in several real
rows, and the labels are what the IRM publishes, so the twins are ignored.
"""

from __future__ import annotations

import re

from data import cells
from data.importers.frames import Frame, new_frame
from data.importers.problems import Problem
from data.importers.reading import Sheet

MARKERS = ("Commitment Unique Identifier", "Action Plan ID")
REQUIRED = MARKERS + ("Code", "Country/Locality", "Commitment Title")
# The policy-area flags are every column from the first to the last of these.
FIRST_AREA, LAST_AREA = "Anti-Corruption and Integrity", "Money in Politics"
AREA_NOT_FLAGGED = frozenset({"0", "ND", "NA", ""})
# Supporting institutions: one per line or separated by ';'; these mean none.
NO_INSTITUTION = frozenset({"na", "n/a", "unclear", "nd", "none", "-"})

COUNTRY = {"code": "Code", "name": "Country/Locality", "region": "Region", "level": "National Or Local"}
PLAN = {
    "id": "Action Plan ID",
    "country": "Code",
    "number": "Action Plan Number",
    "cycle_year": "Year Of Submission",
    "end_year": "Action Plan End Year",
}
COMMITMENT = {
    "id": "Commitment Unique Identifier",
    "action_plan": "Action Plan ID",
    "number": "Commitment Number",
    "title": "Commitment Title",
    "title_en": "Short Title",
    "theme": "Theme",
    "full_text": "Full Text",
    "start": "Start Date",
    "end": "End Date",
    "lead_institution": "Lead Institution",
    "support_institutions": "Supporting Institution(s)",
    "status": "Active Commitment",
    "url": "URL",
    "irm_progress_year": "Report Publication Year (Progress Report)",
    "irm_end_year": "Report Publication Year (End Of Term)",
    "specificity": "Specificity",
    "value_access_information": "OGP Value Access To Information",
    "value_civic_participation": "OGP Value Civic Participation",
    "value_public_accountability": "OGP Value Public Accountability",
    "value_technology_innovation": "OGP Value Technology",
    "potential_impact": "Potential Impact",
    "completion_midterm": "Completion (Progress Report)",
    "did_it_open_government": "Did It Open Government (Overall)",
    "diog_access_information": "Did It Open Government (Access To Information)",
    "diog_civic_participation": "Did It Open Government (Civic Participation)",
    "diog_public_accountability": "Did It Open Government: Public Accountability",
    "starred": "Max star",
    "verifiable": "Verifiable",
    "potential_for_results": "Potential for Results",
    "early_results": "Early Results",
    "completion_end": "Completion (End Of Term)",
}
STATUS = {"1": "active", "0": "inactive", "": ""}

# Columns of the sheet the project does not store, on purpose: OGP's own
# derived scores and flags, other "starred" formulas (``Max star`` is kept),
# clustering, and bookkeeping.  Listed so that they raise no warning.
NOT_STORED = frozenset(
    name.casefold()
    for name in (
        "Commitment Dummy",
        "Action Plan Duration (Years)",
        "Compound",
        "Cluster",
        "_Relevant",
        "Starred (2015 Only)",
        "Starred (Current Formula) Progress Report",
        "Cluster (AP Review)",
        "Cluster Commitment ID(s)",
        "Change In Completion",
        "Starred (Current Formula) End of Term",
        "Carried Forward",
        "Most Recently Assessed",
        "Star - Most Recently Assessed",
        "IRM Assessed",
        "Updated? (Website)",
        "Ambition Assessed",
        "Comp Assessed",
        "DIOG Assessed",
        "Midterm Only",
        "Max Completion",
        "Raw Completion",
        "High Completion",
        "High Ambition",
        "High DIOG",
        "Ambitious and complete, or DIOG",
        "Ambitious but not complete",
        "Complete but not ambitious",
        "Not complete or ambitious",
        "Not reviewed",
        "CHECKSUM",
        "IRM-Based Score",
        "Binding constraint",
        "Latest IRM Report",
        "Subnational in NAPs",
        "id",
    )
)


def is_ogp_sheet(sheet: Sheet) -> bool:
    header = {h.casefold() for h in sheet.header}
    return all(marker.casefold() in header for marker in MARKERS)


class _Columns:
    """The sheet's columns by name, whatever their order and case."""

    def __init__(self, sheet: Sheet):
        self.sheet = sheet
        self.index: dict[str, int] = {}
        for position, header in enumerate(sheet.header):
            self.index.setdefault(header.casefold(), position)

    def has(self, name: str) -> bool:
        return name.casefold() in self.index

    def header(self, name: str) -> str:
        return self.sheet.header[self.index[name.casefold()]] if self.has(name) else name

    def given(self, mapping: dict[str, str]) -> dict[str, str]:
        """The part of a field -> column mapping whose columns the sheet has."""
        return {field: name for field, name in mapping.items() if self.has(name)}

    def cell(self, cells_: list[str], name: str) -> str:
        position = self.index.get(name.casefold())
        return "" if position is None else cells_[position]


def ogp_frames(sheet: Sheet) -> tuple[list[Frame], list[Problem], list[Problem]]:
    columns = _Columns(sheet)
    problems = [
        Problem(
            sheet.file,
            sheet.header_row,
            name,
            f"OGP's sheet needs the column '{name}'; add it, or export the sheet again from OGP",
        )
        for name in REQUIRED
        if not columns.has(name)
    ]
    if problems:
        return [], problems, []
    areas, warnings = _policy_area_columns(sheet)
    warnings += _warn_unknown_columns(sheet, areas)
    source = f"file:{sheet.name}"
    frames = [
        _entities(sheet, columns, "countries", COUNTRY, "code", source, problems),
        _entities(sheet, columns, "action_plans", PLAN, "id", source, problems),
        _policy_areas(sheet, areas, source),
        _commitments(sheet, columns, areas, source, problems),
    ]
    return frames, problems, warnings


def _policy_area_columns(sheet: Sheet) -> tuple[list[str], list[Problem]]:
    names = [h.casefold() for h in sheet.header]
    first, last = FIRST_AREA.casefold(), LAST_AREA.casefold()
    if first in names and last in names and names.index(first) <= names.index(last):
        return sheet.header[names.index(first) : names.index(last) + 1], []
    return [], [
        Problem(
            sheet.file,
            sheet.header_row,
            "-",
            f"the policy-area columns ('{FIRST_AREA}' to '{LAST_AREA}') were not found, so no "
            "policy areas were imported; keep those columns as OGP publishes them",
        )
    ]


def _warn_unknown_columns(sheet: Sheet, areas: list[str]) -> list[Problem]:
    used = {h.casefold() for h in (*COUNTRY.values(), *PLAN.values(), *COMMITMENT.values(), *areas)}
    return [
        Problem(
            sheet.file,
            sheet.header_row,
            header,
            f"'{header}' is not a column of OGP's commitment sheet that the project reads, so it was ignored",
        )
        for header in sheet.header
        if header and header.casefold() not in used | NOT_STORED and not header.startswith("_")
    ]


def _entities(
    sheet: Sheet, columns: _Columns, table: str, mapping: dict[str, str], key: str, source: str, problems: list[Problem]
) -> Frame:
    """One row per country (or plan): its first row; later rows must agree with it."""
    mapping = columns.given(mapping)
    first: dict[str, tuple[int, list[str]]] = {}
    for number, cells_ in sheet.rows:
        ident = columns.cell(cells_, mapping[key])
        if not ident:
            continue  # reported as a missing commitment field
        if ident not in first:
            first[ident] = (number, cells_)
            continue
        first_number, first_cells = first[ident]
        for name in dict.fromkeys(mapping.values()):
            if columns.cell(cells_, name) != columns.cell(first_cells, name):
                problems.append(
                    Problem(
                        sheet.file,
                        number,
                        columns.header(name),
                        f"{ident} has '{columns.cell(first_cells, name)}' in row {first_number} "
                        f"but '{columns.cell(cells_, name)}' in this row; give every row of "
                        f"{ident} the same {columns.header(name)}",
                    )
                )
    rows = list(first.values())
    data = {field: [columns.cell(c, name) for _, c in rows] for field, name in mapping.items()}
    headers = {field: columns.header(name) for field, name in mapping.items()}
    if table == "action_plans":
        starts = [columns.cell(c, PLAN["cycle_year"]) for _, c in rows]
        ends = [columns.cell(c, PLAN["end_year"]) for _, c in rows]
        data["title"] = [
            _plan_title(columns.cell(c, COUNTRY["name"]), start, end)
            for (_, c), start, end in zip(rows, starts, ends, strict=True)
        ]
        headers["title"] = columns.header(COUNTRY["name"])
        if "cycle_year" in data:
            data["start_year"], headers["start_year"] = data["cycle_year"], headers["cycle_year"]
    return new_frame(table, data, [n for n, _ in rows], sheet.file, source, headers)


def _plan_title(country: str, start: str, end: str) -> str:
    """As OGP names plans: "Peru Action Plan 2017-2019"."""
    years = "-".join(y for y in (start, end) if y)
    return f"{country} Action Plan {years}".strip()


def _policy_areas(sheet: Sheet, areas: list[str], source: str) -> Frame:
    # Defined by the header, so their source row is the header's.
    return new_frame(
        "policy_areas", {"name": list(areas)}, [sheet.header_row] * len(areas), sheet.file, source, {"name": "-"}
    )


def _commitments(sheet: Sheet, columns: _Columns, areas: list[str], source: str, problems: list[Problem]) -> Frame:
    mapping = columns.given(COMMITMENT)
    data: dict[str, list[str]] = {field: [] for field in mapping}
    if areas:
        data["policy_areas"] = []
    for number, cells_ in sheet.rows:
        row = {field: columns.cell(cells_, name) for field, name in mapping.items()}
        if "number" in row:
            row["number"] = commitment_number(row["number"])
        if row.get("lead_institution", "").casefold() in cells.SENTINELS:
            row["lead_institution"] = ""
        if "support_institutions" in row:
            row["support_institutions"] = "; ".join(supporting_institutions(row["support_institutions"]))
        if "status" in row:
            row["status"] = _status(row["status"], sheet.file, number, columns.header(COMMITMENT["status"]), problems)
        if areas:
            row["policy_areas"] = _flagged(cells_, columns, areas, sheet.file, number, problems)
        for field, value in row.items():
            data[field].append(value)
    headers = {field: columns.header(name) for field, name in mapping.items()} | {"policy_areas": "-"}
    return new_frame("commitments", data, [n for n, _ in sheet.rows], sheet.file, source, headers)


def _status(flag: str, file: str, number: int, header: str, problems: list[Problem]) -> str:
    """Active Commitment: 1 or 0."""
    if flag not in STATUS:
        problems.append(
            Problem(
                file, number, header, f"'{flag}' is not 1 or 0; write 1 for an active commitment, 0 for an inactive one"
            )
        )
    return STATUS.get(flag, "")


def _flagged(
    cells_: list[str], columns: _Columns, areas: list[str], file: str, number: int, problems: list[Problem]
) -> str:
    """The policy areas whose flag column holds 1."""
    flagged = []
    for area in areas:
        flag = columns.cell(cells_, area)
        if flag == "1":
            flagged.append(area)
        elif flag not in AREA_NOT_FLAGGED:
            problems.append(
                Problem(
                    file,
                    number,
                    area,
                    f"'{flag}' is not a policy-area flag; write 1 if the "
                    f"commitment is about {area}, 0 if not (ND and NA also mean not)",
                )
            )
    return "; ".join(flagged)


def commitment_number(text: str) -> str:
    """The number as the plan writes it: Excel stored 4.1 as 4.0999999999999996."""
    if re.fullmatch(r"\d+\.\d{12,}", text):
        return repr(float(text))
    return text


def supporting_institutions(text: str) -> list[str]:
    """Names one per line or separated by ';' (commas occur inside names)."""
    return [name for name in cells.split_list(text, ";\n\r") if name.casefold() not in NO_INSTITUTION]
