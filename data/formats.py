"""The project's own file formats: one table per CSV file or XLSX sheet.

This module is the single description of those tables.  The importer validates
against it, the exporter writes it, ``ogp-monitor template`` turns it into blank
files with an example row, and the README's format section is generated from it
(``python -m data.formats`` prints it as Markdown).

A file is recognised by its name (``milestones.csv``, sheet ``milestones``) or,
failing that, by its header.  Columns may come in any order; unknown columns are
ignored with a warning.  Multi-valued cells separate values with ``;``.

Every table also takes two optional provenance columns, ``source`` and
``source_row``.  Left empty, the record's source is the file being imported and
its row.  Filled (as ``export`` does), they carry the record's original source
through an export and a re-import, so sample data stays marked as sample.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from data import vocab

LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # text, int, float, date, bool, list, ogp_date, irm
    required: bool = False
    vocabulary: tuple[str, ...] | None = None
    help: str = ""
    example: str = ""
    # Allowed range of an int or float column (None = unbounded on that side).
    low: float | None = None
    high: float | None = None

    @property
    def range_text(self) -> str:
        if self.low is not None and self.high is not None:
            return f"{self.low:g}–{self.high:g}"
        if self.low is not None:
            return f"{self.low:g} or more"
        return f"{self.high:g} or less" if self.high is not None else ""


# Counts of people, contributions and agreements cannot be negative.
def _count(name: str, required: bool = False, help: str = "", example: str = "") -> Column:
    return Column(name, "int", required, help=help, example=example, low=0)


def _percent(name: str, help: str, example: str) -> Column:
    return Column(name, "float", True, help=help, example=example, low=0, high=100)


@dataclass(frozen=True)
class TableFormat:
    name: str  # table name, file stem and sheet name
    key: tuple[str, ...]  # natural key: a re-import with the same key updates the record
    columns: tuple[Column, ...]
    help: str = ""
    provenance: tuple[Column, ...] = field(
        default=(
            Column(
                "source",
                "text",
                help="Original source (`seed:…`, `file:…`, `sample:…`); empty = this file.",
                example="",
            ),
            Column("source_row", "int", help="Row in the original source file.", example="", low=1),
        )
    )

    @property
    def all_columns(self) -> tuple[Column, ...]:
        return self.columns + self.provenance

    def column(self, name: str) -> Column:
        for col in self.all_columns:
            if col.name == name:
                return col
        raise KeyError(name)

    @property
    def required_columns(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)


def _irm_column(name: str, vocabulary: tuple[str, ...], help: str, example: str = "") -> Column:
    return Column(
        name,
        "irm",
        vocabulary=vocabulary,
        help=help + " Sentinels (ND, NR, NA, Not Applicable, …) are kept as text with no value.",
        example=example,
    )


def _value_flag(name: str, value: str) -> Column:
    return _irm_column(name, vocab.YES_NO, f"IRM: relevant to the OGP value {value} (1 or 0).")


TABLES: tuple[TableFormat, ...] = (
    TableFormat(
        "countries",
        key=("code",),
        help="OGP members: countries and localities.",
        columns=(
            Column("code", "text", True, help="ISO 3166 alpha-3 code, or OGP's locality code.", example="PER"),
            Column("name", "text", True, example="Peru"),
            Column("region", "text", example="Americas"),
            Column("level", "text", help="OGP's 'National Or Local'.", example="National"),
        ),
    ),
    TableFormat(
        "action_plans",
        key=("id",),
        help="National or local action plans, with the IRM's process facts.",
        columns=(
            Column("id", "text", True, help="OGP's action plan id.", example="AP_PER03"),
            Column("country", "text", True, help="Country code.", example="PER"),
            Column("number", "int", example="3"),
            Column("title", "text", example="Peru Action Plan 2017-2019"),
            Column("cycle_year", "int", help="Year of submission (the plan's cycle).", example="2017"),
            Column("start_year", "int", example="2017"),
            Column("end_year", "int", example="2019"),
            Column("start_date", "date", help="YYYY-MM-DD.", example="2017-07-01"),
            Column("end_date", "date", help="YYYY-MM-DD.", example="2019-06-30"),
            Column("forum_exists", "bool", help="IRM: did a multistakeholder forum exist? yes/no.", example="yes"),
            Column(
                "public_influence",
                "text",
                vocabulary=vocab.PUBLIC_INFLUENCE,
                help="IRM: level of public influence.",
                example="Involve",
            ),
        ),
    ),
    TableFormat(
        "institutions",
        key=("country", "name"),
        help="Public bodies that lead or support commitments.",
        columns=(
            Column("country", "text", True, example="PER"),
            Column("name", "text", True, example="Secretaría de Gestión Pública de la PCM"),
        ),
    ),
    TableFormat(
        "policy_areas",
        key=("name",),
        help="Policy areas (OGP's themes and tags).",
        columns=(Column("name", "text", True, example="Public Participation"),),
    ),
    TableFormat(
        "commitments",
        key=("id",),
        help="Commitments with their IRM assessment under both methodologies.",
        columns=(
            Column("id", "text", True, help="OGP's commitment id.", example="PE0066"),
            Column("action_plan", "text", True, help="Action plan id.", example="AP_PER03"),
            Column("number", "text", help="As the plan numbers it: 1, 2.1, 1.6A.", example="1"),
            Column(
                "title",
                "text",
                True,
                help="Title in the plan's language.",
                example="Foros Multiactor en sectores prioritarios",
            ),
            Column(
                "title_en",
                "text",
                help="OGP's short English title.",
                example="Multistakeholder Forums in Priority Sectors",
            ),
            Column("theme", "text", example="Participación ciudadana"),
            Column("description", "text", help="What the commitment is.", example=""),
            Column("problem", "text", help="The problem it addresses.", example=""),
            Column("full_text", "text", example=""),
            Column(
                "start",
                "ogp_date",
                help="Start as written: 1/1/2018, January 2018, 2018-01-01, …",
                example="January 2018",
            ),
            Column("end", "ogp_date", help="End as written.", example="August 2019"),
            Column(
                "lead_institution",
                "text",
                help="Name of the lead institution.",
                example="Secretaría de Gestión Pública de la PCM",
            ),
            Column(
                "support_institutions",
                "list",
                help="Names, separated by ';'.",
                example="Agencia Peruana de Cooperación Internacional",
            ),
            Column(
                "policy_areas",
                "list",
                help="Names, separated by ';'.",
                example="Public Participation; Social Accountability",
            ),
            Column("status", "text", vocabulary=vocab.COMMITMENT_STATUSES, example="inactive"),
            Column("url", "text", example="https://www.opengovpartnership.org/members/peru/commitments/PE0066/"),
            Column("irm_report", "text", example="Perú Design Report 2017-2019"),
            Column("irm_progress_year", "text", help="Year of the IRM progress (midterm) report.", example="2019"),
            Column("irm_end_year", "text", help="Year of the IRM end-of-term report.", example="2020"),
            _irm_column("specificity", vocab.SPECIFICITY, "IRM (until 2020): specificity."),
            _value_flag("value_access_information", "Access to Information"),
            _value_flag("value_civic_participation", "Civic Participation"),
            _value_flag("value_public_accountability", "Public Accountability"),
            _value_flag("value_technology_innovation", "Technology & Innovation"),
            _irm_column("potential_impact", vocab.POTENTIAL_IMPACT, "IRM (until 2020): potential impact.", "Minor"),
            _irm_column("completion_midterm", vocab.COMPLETION, "IRM (until 2020): completion at the progress report."),
            _irm_column(
                "did_it_open_government",
                vocab.DID_IT_OPEN_GOVERNMENT,
                "IRM (until 2020): did it open government, overall.",
            ),
            _irm_column(
                "diog_access_information",
                vocab.DID_IT_OPEN_GOVERNMENT,
                "IRM: did it open government, access to information.",
            ),
            _irm_column(
                "diog_civic_participation",
                vocab.DID_IT_OPEN_GOVERNMENT,
                "IRM: did it open government, civic participation.",
            ),
            _irm_column(
                "diog_public_accountability",
                vocab.DID_IT_OPEN_GOVERNMENT,
                "IRM: did it open government, public accountability.",
            ),
            _irm_column("starred", vocab.YES_NO, "IRM: starred commitment (1 or 0)."),
            _irm_column("verifiable", vocab.VERIFIABLE, "IRM (from 2021): verifiable."),
            _irm_column(
                "potential_for_results", vocab.POTENTIAL_FOR_RESULTS, "IRM (from 2021): potential for results."
            ),
            _irm_column("early_results", vocab.EARLY_RESULTS, "IRM (from 2021): early results."),
            _irm_column("completion_end", vocab.COMPLETION_END, "IRM: completion at the end of term."),
        ),
    ),
    TableFormat(
        "milestones",
        key=("commitment", "number"),
        help="Milestones (activities and deliverables) of commitments, with their latest reported state.",
        columns=(
            Column("commitment", "text", True, help="Commitment id.", example="PE0066"),
            Column("number", "int", True, example="1"),
            Column("title", "text", True, example="Adopción del marco conceptual de las Alianzas Multiactor"),
            Column("responsible", "text", example="SGP"),
            Column("planned_start", "date", help="YYYY-MM-DD.", example="2018-01-01"),
            Column("planned_end", "date", help="YYYY-MM-DD.", example="2018-03-31"),
            Column("actual_end", "date", help="YYYY-MM-DD, when completed.", example=""),
            Column("status", "text", True, vocabulary=vocab.MILESTONE_STATUSES, example="in_progress"),
            _percent("progress", "Reported progress, 0 to 100.", "40"),
            Column("weight", "float", help="Optional weight in the commitment's progress.", example="", low=0),
            Column("evidence_url", "text", example=""),
            Column("note", "text", example=""),
        ),
    ),
    TableFormat(
        "milestone_events",
        key=("commitment", "milestone", "date"),
        help="Status updates of milestones over time (the history).",
        columns=(
            Column("commitment", "text", True, example="PE0066"),
            Column("milestone", "int", True, help="Milestone number within the commitment.", example="1"),
            Column("date", "date", True, example="2018-02-15"),
            Column("status", "text", True, vocabulary=vocab.MILESTONE_STATUSES, example="in_progress"),
            _percent("progress", "0 to 100.", "40"),
            Column("note", "text", example=""),
        ),
    ),
    TableFormat(
        "organizations",
        key=("country", "name"),
        help="Organizations that sit on forums or take part in consultations.",
        columns=(
            Column("country", "text", True, example="PER"),
            Column("name", "text", True, example="Proética"),
            Column(
                "stakeholder_type", "text", True, vocabulary=vocab.STAKEHOLDER_TYPES, example="civil_society_national"
            ),
        ),
    ),
    TableFormat(
        "forums",
        key=("code",),
        help="Multistakeholder forums: national, sector pilots, subnational.",
        columns=(
            Column("code", "text", True, help="A short unique code used in links.", example="PER-AMBIENTE"),
            Column("country", "text", True, example="PER"),
            Column("name", "text", True, example="Foro Multiactor piloto – sector Ambiente"),
            Column("kind", "text", True, vocabulary=vocab.FORUM_KINDS, example="sector_pilot"),
            Column("sector", "text", example="Ambiente"),
            Column("legal_basis", "text", example="DS 206-2019-PCM"),
            Column("created", "date", example="2018-06-01"),
            Column("ended", "date", example=""),
            Column("commitment", "text", help="The commitment that set the forum up.", example="PE0066"),
            Column(
                "follows", "list", help="Commitments the forum follows, separated by ';'.", example="PE0067; PE0068"
            ),
        ),
    ),
    TableFormat(
        "memberships",
        key=("forum", "organization", "role", "term_start"),
        help="Who sits on each forum, as titular or suplente, and for which term.",
        columns=(
            Column("forum", "text", True, help="Forum code.", example="PER-AMBIENTE"),
            Column(
                "organization", "text", True, help="Organization name (in the forum's country).", example="Proética"
            ),
            Column("role", "text", True, vocabulary=vocab.MEMBERSHIP_ROLES, example="titular"),
            Column("term_start", "date", True, example="2018-06-01"),
            Column("term_end", "date", example=""),
        ),
    ),
    TableFormat(
        "meetings",
        key=("forum", "date"),
        help="Forum meetings.",
        columns=(
            Column("forum", "text", True, example="PER-AMBIENTE"),
            Column("date", "date", True, example="2018-07-12"),
            Column("kind", "text", True, vocabulary=vocab.MEETING_KINDS, example="ordinary"),
            Column("minutes_url", "text", example=""),
            _count("agreements", help="Agreements reached.", example="3"),
        ),
    ),
    TableFormat(
        "attendance",
        key=("forum", "meeting_date", "organization", "stakeholder_type", "gender"),
        help="People at each meeting, per organization or as a count per stakeholder type.",
        columns=(
            Column("forum", "text", True, example="PER-AMBIENTE"),
            Column("meeting_date", "date", True, example="2018-07-12"),
            Column(
                "organization",
                "text",
                help="Organization name; empty for a count per stakeholder type.",
                example="Proética",
            ),
            Column(
                "stakeholder_type", "text", True, vocabulary=vocab.STAKEHOLDER_TYPES, example="civil_society_national"
            ),
            Column("gender", "text", vocabulary=vocab.GENDERS, help="Where recorded.", example="female"),
            _count("persons", True, example="1"),
        ),
    ),
    TableFormat(
        "participation",
        key=("country", "date", "channel", "forum", "commitment", "organization", "stakeholder_type", "gender"),
        help="Contributions from the public through each channel, and how many got a reasoned answer.",
        columns=(
            Column("country", "text", True, example="PER"),
            Column("date", "date", True, example="2018-05-20"),
            Column("channel", "text", True, vocabulary=vocab.PARTICIPATION_CHANNELS, example="public_consultation"),
            Column("forum", "text", help="Forum code.", example="PER-AMBIENTE"),
            Column("action_plan", "text", example="AP_PER03"),
            Column("commitment", "text", example="PE0066"),
            Column("organization", "text", example="Proética"),
            Column(
                "stakeholder_type", "text", True, vocabulary=vocab.STAKEHOLDER_TYPES, example="civil_society_national"
            ),
            Column("gender", "text", vocabulary=vocab.GENDERS, example=""),
            _count("participants", True, example="2"),
            _count("contributions_received", True, example="5"),
            _count(
                "contributions_answered",
                True,
                help="With a reasoned answer (OGP standard 4); at most received.",
                example="3",
            ),
        ),
    ),
)

BY_NAME = {t.name: t for t in TABLES}


def markdown() -> str:
    """The formats as Markdown, for the README."""
    out = []
    for table in TABLES:
        out.append(f"#### `{table.name}.csv`\n\n{table.help} Key: {', '.join(table.key)}.\n")
        out.append("| column | required | values |\n|---|---|---|")
        for col in table.all_columns:
            values = ", ".join(col.vocabulary) if col.vocabulary else col.help
            if col.range_text:
                values = f"{values} ({col.range_text})".strip()
            out.append(f"| `{col.name}` | {'yes' if col.required else ''} | {values} |")
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    print(markdown())
