"""A deterministic, plausible SAMPLE of what is not public for Peru.

Imported with origin ``SAMPLE_ORIGIN``; every row leaves ``source`` empty so
the origin marks it as sample, and the interface can say "sample data"
wherever it is drawn.  Nothing here is a fact about Peru except what it takes
from the seed document through ``data.seed.peru`` (commitment ids and plans,
PE0066's milestone titles and planned dates, the Ambiente and Vivienda pilots)
and the names of real public bodies.  Invented organizations carry
"(muestra)" in their name and are deliberately generic: no real NGO, company
or person appears.

What the sample adds:

- milestones (2-5 per commitment, PE0066's three from the document) and their
  status history (``milestone_events``);
- organizations of every stakeholder type;
- three forums: the national Foro Multiactor de Gobierno Abierto and the two
  PE0066 pilots, with memberships (titular/suplente, terms, turnover),
  meetings and attendance;
- participation: consultations on each plan's draft, workshops, online
  comments, with contributions received and answered.

Reproducible: every part draws from its own ``numpy`` generator seeded from
``SEED`` and the part's name, and time is measured against ``SAMPLE_AS_OF``,
never today's date, so two runs give identical frames.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import pandas as pd

from data.seed import peru
from data.seed.tables import to_frame

SAMPLE_ORIGIN = "sample:peru-sample"
SAMPLE_AS_OF = dt.date(2026, 10, 31)
SEED = 20180401

COUNTRY = peru.COUNTRY
D = dt.date


def _rng(part: str) -> np.random.Generator:
    """One generator per part, so changing one part leaves the others' numbers alone."""
    return np.random.default_rng([SEED, zlib.crc32(part.encode())])


def _days(n) -> dt.timedelta:
    return dt.timedelta(days=int(n))


def _weekday(day: dt.date) -> dt.date:
    """Meetings fall on working days: Saturday moves to Friday, Sunday to Monday."""
    return day - _days(1) if day.weekday() == 5 else day + _days(1) if day.weekday() == 6 else day


# --- plans' implementation periods ---------------------------------------------------

# The document gives years, not dates.  These periods follow OGP's usual July-June
# cycle for the first three plans.  AP_PER04's period (2020-2021) is an
# assumption of the sample: the document gives only its 2019 cycle.
PLAN_PERIODS = {
    "AP_PER01": (D(2012, 7, 1), D(2014, 6, 30)),
    "AP_PER02": (D(2015, 7, 1), D(2016, 12, 31)),
    "AP_PER03": (D(2017, 7, 1), D(2019, 6, 30)),
    "AP_PER04": (D(2020, 1, 1), D(2021, 12, 31)),
}


@dataclass(frozen=True)
class PlanProfile:
    """How a plan's milestones ended up.

    A commitment is fully carried out with probability ``full``; otherwise the
    share of its milestones reached follows Beta(reach_a, reach_b), the first
    ones complete, the next in progress, the rest not started (or cancelled).
    """

    full: float
    reach_a: float
    reach_b: float
    cancel: float  # chance that a commitment drops its remaining milestones
    late_completion: float  # chance that a completed milestone finished after plan
    answer_rate: float  # share of contributions to its draft that got an answer


PLAN_PROFILES = {
    "AP_PER01": PlanProfile(0.45, 4.0, 1.8, 0.06, 0.35, 0.30),
    "AP_PER02": PlanProfile(0.50, 4.0, 1.8, 0.06, 0.30, 0.45),
    "AP_PER03": PlanProfile(0.40, 3.0, 1.8, 0.10, 0.30, 0.60),
    "AP_PER04": PlanProfile(0.10, 1.8, 1.8, 0.25, 0.40, 0.75),
}


# --- organizations --------------------------------------------------------------------

PCM_SGP = "PCM – Secretaría de Gestión Pública"
MINAM = "Ministerio del Ambiente"
MVCS = "Ministerio de Vivienda, Construcción y Saneamiento"

ORGANIZATIONS: dict[str, tuple[str, ...]] = {
    # Real public bodies: their names are facts, their part in the sample is not.
    "national_government": (
        PCM_SGP,
        MINAM,
        MVCS,
        "Agencia Peruana de Cooperación Internacional",
        "Ministerio de Justicia y Derechos Humanos",
        "Autoridad Nacional de Transparencia y Acceso a la Información Pública",
        "Ministerio de Economía y Finanzas",
        "Ministerio de Educación",
        "Ministerio de Salud",
        "Ministerio del Interior",
        "Organismo de Evaluación y Fiscalización Ambiental",
        "Servicio Nacional de Certificación Ambiental para las Inversiones Sostenibles",
        "Organismo Técnico de la Administración de los Servicios de Saneamiento",
        "Superintendencia Nacional de Servicios de Saneamiento",
        "Contraloría General de la República",
    ),
    "regional_local_government": (
        "Asamblea Nacional de Gobiernos Regionales",
        "Asociación de Municipalidades del Perú",
        "Gobierno Regional de San Martín",
        "Municipalidad Provincial de Piura",
        "Municipalidad Distrital de Carabayllo",
    ),
    # Invented, generic, marked.
    "civil_society_national": (
        "Colectivo Ciudadano por la Transparencia (muestra)",
        "Red Ciudadana de Vigilancia Ambiental (muestra)",
        "Observatorio de Integridad Pública (muestra)",
        "Coalición por los Datos Abiertos (muestra)",
        "Centro de Estudios en Gobernanza Ambiental (muestra)",
        "Mesa Ciudadana de Rendición de Cuentas (muestra)",
        "Asociación Pro Vivienda Digna (muestra)",
        "Plataforma Ciudadana por el Agua y el Saneamiento (muestra)",
        "Asociación Derechos y Participación (muestra)",
        "Red de Jóvenes por el Gobierno Abierto (muestra)",
        "Foro de Mujeres por la Transparencia (muestra)",
        "Colectivo por la Justicia Accesible (muestra)",
    ),
    "civil_society_local": (
        "Comité Ambiental Comunal Río Verde (muestra)",
        "Frente de Defensa de la Cuenca Alta (muestra)",
        "Red de Lideresas Amazónicas (muestra)",
        "Junta Vecinal de Agua y Saneamiento Las Lomas (muestra)",
        "Asociación de Pobladores Nuevo Horizonte (muestra)",
        "Comité Vecinal de Vigilancia de Obras (muestra)",
        "Colectivo Juvenil Participa Sur (muestra)",
        "Asociación de Usuarios de Servicios de Salud (muestra)",
    ),
    "academia": (
        "Centro Universitario de Investigación Ambiental (muestra)",
        "Instituto de Estudios en Gestión Pública (muestra)",
        "Facultad de Arquitectura y Urbanismo – Universidad del Centro (muestra)",
        "Escuela de Gobierno y Políticas Públicas del Norte (muestra)",
        "Universidad Pública del Sur (muestra)",
    ),
    "private_sector": (
        "Gremio de Empresas de Servicios Ambientales (muestra)",
        "Cámara de Empresas Constructoras (muestra)",
        "Consorcio de Ingeniería Sanitaria (muestra)",
        "Asociación de Empresas de Tecnología Cívica (muestra)",
        "Cámara Regional de Comercio del Sur (muestra)",
    ),
    "international_cooperation": (
        "Agencia de Cooperación Bilateral Europea (muestra)",
        "Programa Multilateral de Gobernanza Democrática (muestra)",
        "Fondo Internacional para el Agua y el Saneamiento (muestra)",
    ),
}
STAKEHOLDER_OF = {name: kind for kind, names in ORGANIZATIONS.items() for name in names}


def _orgs(kind: str, *indexes: int) -> list[str]:
    return [ORGANIZATIONS[kind][i] for i in indexes]


# --- forums ---------------------------------------------------------------------------

FMGA, AMBIENTE, VIVIENDA = "PER-FMGA", "PER-AMBIENTE", "PER-VIVIENDA"
PILOTS_END = D(2019, 8, 31)  # PE0066's end, as the document gives it


@dataclass(frozen=True)
class ForumSpec:
    code: str
    name: str
    kind: str
    sector: str
    legal_basis: str
    created: dt.date
    ended: dt.date | None
    commitment: str
    follows: tuple[str, ...]


def _forums(plan_of: dict[str, str]) -> list[ForumSpec]:
    national_follows = tuple(sorted(c for c, p in plan_of.items() if p == "AP_PER04"))
    return [
        # The national forum follows the whole plan in force when it was set up.
        ForumSpec(
            FMGA,
            "Foro Multiactor de Gobierno Abierto",
            "national",
            "",
            "DS 206-2019-PCM",
            D(2020, 1, 15),
            None,
            "",
            national_follows,
        ),
        # The Ambiente pilot follows its sector's 2017 commitments and, in its last
        # sessions, the environmental commitments being co-created for the 2019 plan.
        ForumSpec(
            AMBIENTE,
            "Foro Multiactor piloto – Ambiente",
            "sector_pilot",
            "Ambiente",
            "",
            D(2018, 5, 14),
            PILOTS_END,
            peru.PE0066,
            ("PE0067", "PE0068", "PE0069", "PE0093", "PE0094", "PE0095"),
        ),
        # Sanitation (PE0079, PE0080) is the Ministerio de Vivienda, Construcción y
        # Saneamiento's.  The urban transport commitments (PE0074 ATU, PE0075) are the
        # transport sector's, not Vivienda's, so the pilot does not follow them.
        ForumSpec(
            VIVIENDA,
            "Foro Multiactor piloto – Vivienda",
            "sector_pilot",
            "Vivienda",
            "",
            D(2018, 6, 18),
            PILOTS_END,
            peru.PE0066,
            ("PE0079", "PE0080"),
        ),
    ]


# --- memberships ------------------------------------------------------------------------


@dataclass(frozen=True)
class Seat:
    organization: str
    role: str
    start: dt.date
    end: dt.date | None


# The national forum's civil-society, academic and private seats run for two-year
# terms; public bodies sit for as long as the forum exists.
FMGA_TERMS = (
    (D(2020, 1, 15), D(2022, 1, 14)),
    (D(2022, 1, 15), D(2024, 1, 14)),
    (D(2024, 1, 15), D(2026, 1, 14)),
    (D(2026, 1, 15), None),
)


def _memberships() -> dict[str, list[Seat]]:
    a0, a_end = D(2018, 5, 14), PILOTS_END
    v0, v_end = D(2018, 6, 18), PILOTS_END
    gov = lambda *i: _orgs("national_government", *i)  # noqa: E731
    cs = lambda *i: _orgs("civil_society_national", *i)  # noqa: E731
    local = lambda *i: _orgs("civil_society_local", *i)  # noqa: E731

    # Ambiente: experienced with civil society, so more and steadier members.
    ambiente = [
        Seat(PCM_SGP, "titular", a0, a_end),
        Seat(MINAM, "titular", a0, a_end),
        Seat(MINAM, "suplente", a0, a_end),
        *(Seat(o, "titular", a0, a_end) for o in gov(10)),
        *(Seat(o, "suplente", a0, a_end) for o in gov(11)),
        Seat(ORGANIZATIONS["regional_local_government"][2], "titular", a0, a_end),
        *(Seat(o, "titular", a0, a_end) for o in cs(0, 1, 3, 4, 5)),
        *(Seat(o, "suplente", a0, a_end) for o in cs(1, 4)),
        Seat(local(0)[0], "titular", a0, a_end),
        Seat(local(1)[0], "titular", a0, D(2019, 2, 28)),  # leaves …
        Seat(local(2)[0], "titular", D(2019, 3, 1), a_end),  # … and is replaced
        Seat(ORGANIZATIONS["academia"][0], "titular", a0, a_end),
        Seat(ORGANIZATIONS["academia"][1], "suplente", a0, a_end),
        Seat(ORGANIZATIONS["private_sector"][0], "titular", a0, a_end),
        Seat(ORGANIZATIONS["international_cooperation"][0], "titular", a0, a_end),
    ]
    # Vivienda: little experience of this work, so fewer civil-society members
    # and more coming and going.
    vivienda = [
        Seat(PCM_SGP, "titular", v0, v_end),
        Seat(MVCS, "titular", v0, v_end),
        Seat(MVCS, "suplente", v0, v_end),
        *(Seat(o, "titular", v0, v_end) for o in gov(12)),
        *(Seat(o, "suplente", v0, v_end) for o in gov(13)),
        Seat(ORGANIZATIONS["regional_local_government"][3], "titular", v0, v_end),
        Seat(ORGANIZATIONS["regional_local_government"][4], "suplente", v0, D(2019, 1, 31)),
        Seat(cs(6)[0], "titular", v0, v_end),
        Seat(cs(7)[0], "titular", v0, D(2018, 12, 31)),  # leaves after six months
        Seat(cs(9)[0], "titular", D(2019, 4, 1), v_end),  # joins late
        Seat(local(3)[0], "titular", D(2018, 9, 1), v_end),
        Seat(ORGANIZATIONS["academia"][2], "titular", v0, v_end),
        Seat(ORGANIZATIONS["private_sector"][1], "titular", v0, v_end),
        Seat(ORGANIZATIONS["private_sector"][2], "suplente", v0, v_end),
    ]

    f0 = FMGA_TERMS[0][0]
    national = [
        Seat(PCM_SGP, "titular", f0, None),
        Seat(PCM_SGP, "suplente", f0, None),
        *(Seat(o, "titular", f0, None) for o in gov(4, 5, 6, 7, 8, 9)),
        Seat(gov(14)[0], "titular", f0, D(2022, 1, 14)),  # steps back after the first term
        Seat(ORGANIZATIONS["regional_local_government"][0], "titular", f0, None),
        Seat(ORGANIZATIONS["regional_local_government"][1], "titular", D(2021, 3, 1), None),
    ]
    # Elected seats per term: (organization, role, terms held).  Some return every
    # term, some leave, some arrive later.
    elected = [
        (cs(0)[0], "titular", (0, 1, 2, 3)),
        (cs(2)[0], "titular", (0, 1, 2, 3)),
        (cs(3)[0], "titular", (0, 1)),
        (cs(3)[0], "suplente", (2,)),
        (cs(5)[0], "titular", (0,)),
        (cs(8)[0], "suplente", (0, 1)),
        (cs(9)[0], "titular", (1, 2, 3)),
        (cs(10)[0], "suplente", (1, 2, 3)),
        (cs(10)[0], "titular", (3,)),
        (cs(11)[0], "titular", (2, 3)),
        (local(4)[0], "titular", (0, 1)),
        (local(5)[0], "titular", (1, 2, 3)),
        (local(6)[0], "suplente", (2, 3)),
        (local(7)[0], "suplente", (0,)),
        (ORGANIZATIONS["academia"][1], "titular", (0, 1, 2, 3)),
        (ORGANIZATIONS["academia"][3], "suplente", (1, 2)),
        (ORGANIZATIONS["academia"][4], "suplente", (3,)),
        (ORGANIZATIONS["private_sector"][3], "titular", (0, 1, 2)),
        (ORGANIZATIONS["private_sector"][4], "titular", (3,)),
    ]
    for org, role, terms in elected:
        national.extend(Seat(org, role, *FMGA_TERMS[t]) for t in terms)
    # A mid-term resignation and its replacement.
    national.remove(Seat(cs(8)[0], "suplente", *FMGA_TERMS[1]))
    national.append(Seat(cs(8)[0], "suplente", FMGA_TERMS[1][0], D(2023, 3, 31)))
    national.append(Seat(cs(6)[0], "suplente", D(2023, 4, 1), FMGA_TERMS[1][1]))
    return {AMBIENTE: ambiente, VIVIENDA: vivienda, FMGA: national}


def _members_on(seats: list[Seat], day: dt.date) -> dict[str, set[str]]:
    """Organization → roles it holds on ``day``."""
    roles: dict[str, set[str]] = defaultdict(set)
    for s in seats:
        if s.start <= day and (s.end is None or day <= s.end):
            roles[s.organization].add(s.role)
    return roles


# --- meetings ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingSpec:
    forum: str
    date: dt.date
    kind: str
    agreements: int


def _pilot_meetings(rng, forum: str, first: dt.date, gaps: tuple[int, int], agreements: tuple[int, int]):
    """Meetings from ``first`` to the pilots' end, ending in a public session of results."""
    dates = [_weekday(first)]
    while True:
        nxt = _weekday(dates[-1] + _days(rng.integers(*gaps)))
        if nxt > PILOTS_END - _days(25):
            break
        dates.append(nxt)
    dates.append(_weekday(D(2019, 8, int(rng.integers(20, 29)))))
    out = []
    for i, day in enumerate(dates):
        if i == len(dates) - 1:
            kind, agreed = "public_session", int(rng.integers(1, 4))
        # The third session works on the commitments the pilot follows, the
        # one before last evaluates the pilot; now and then another workshop.
        elif i in (2, len(dates) - 2) or (i > 0 and rng.random() < 0.12):
            kind, agreed = "workshop", int(rng.integers(0, 3))
        elif i > 0 and rng.random() < 0.08:
            kind, agreed = "extraordinary", int(rng.integers(1, 3))
        else:
            kind, agreed = "ordinary", int(rng.integers(*agreements))
        out.append(MeetingSpec(forum, day, kind, agreed))
    return out


def _national_meetings(rng) -> list[MeetingSpec]:
    """Roughly quarterly from its installation to SAMPLE_AS_OF.

    The first session (February 2020) is followed by the pandemic: the forum
    does not meet again until October 2020, a gap over 180 days that OGP's
    minimum standard flags.  Afterwards it meets every two to four months, so
    the latest session is recent.
    """
    dates = [D(2020, 2, 20), _weekday(D(2020, 10, int(rng.integers(13, 23))))]
    while True:
        nxt = _weekday(dates[-1] + _days(rng.integers(70, 125)))
        if nxt > SAMPLE_AS_OF - _days(14):
            break
        dates.append(nxt)
    out = []
    for i, day in enumerate(dates):
        if i == 0:
            kind, agreed = "ordinary", 3  # installation
        elif i % 4 == 3:  # about once a year, a workshop on the commitments followed
            kind, agreed = "workshop", int(rng.integers(0, 3))
        elif rng.random() < 0.1:
            kind, agreed = "public_session", int(rng.integers(1, 3))
        else:
            kind, agreed = "ordinary", int(rng.integers(1, 6))
        out.append(MeetingSpec(FMGA, day, kind, agreed))
    # An extraordinary session when the 2019 plan's end-of-term self-assessment was due.
    if D(2022, 2, 22) not in dates:
        out.append(MeetingSpec(FMGA, D(2022, 2, 22), "extraordinary", 2))
    return sorted(out, key=lambda m: m.date)


def _meetings() -> list[MeetingSpec]:
    return [
        *_pilot_meetings(_rng("meetings-ambiente"), AMBIENTE, D(2018, 6, 12), (28, 62), (2, 7)),
        *_pilot_meetings(_rng("meetings-vivienda"), VIVIENDA, D(2018, 7, 17), (42, 80), (0, 4)),
        *_national_meetings(_rng("meetings-national")),
    ]


# --- attendance -------------------------------------------------------------------------

# Chance that a member organization turns up, by forum and stakeholder type.
ATTEND = {
    AMBIENTE: {
        "national_government": 0.95,
        "regional_local_government": 0.75,
        "civil_society_national": 0.9,
        "civil_society_local": 0.85,
        "academia": 0.8,
        "private_sector": 0.6,
        "international_cooperation": 0.7,
    },
    VIVIENDA: {
        "national_government": 0.9,
        "regional_local_government": 0.5,
        "civil_society_national": 0.5,
        "civil_society_local": 0.45,
        "academia": 0.5,
        "private_sector": 0.7,
        "international_cooperation": 0.5,
    },
    FMGA: {
        "national_government": 0.85,
        "regional_local_government": 0.6,
        "civil_society_national": 0.85,
        "civil_society_local": 0.7,
        "academia": 0.7,
        "private_sector": 0.5,
        "international_cooperation": 0.6,
    },
}
# Organizations a forum may invite to a session without being members.
INVITABLE = {
    AMBIENTE: ORGANIZATIONS["academia"][4:]
    + ORGANIZATIONS["civil_society_local"][6:7]
    + ORGANIZATIONS["international_cooperation"][1:2],
    VIVIENDA: ORGANIZATIONS["international_cooperation"][2:] + ORGANIZATIONS["civil_society_local"][5:6],
    FMGA: ORGANIZATIONS["international_cooperation"][:2] + ("Contraloría General de la República",),
}
GENDER_UNRECORDED = 0.12


def _gender_rows(rng, persons: int, female_share: float) -> list[tuple[str, int]]:
    """Split people by gender, or one row without gender when it was not recorded."""
    if rng.random() < GENDER_UNRECORDED:
        return [("", persons)]
    female = int(rng.binomial(persons, female_share))
    return [(g, n) for g, n in (("female", female), ("male", persons - female)) if n]


def _attendance(meetings: list[MeetingSpec], seats: dict[str, list[Seat]]) -> tuple[list[dict], dict]:
    """Rows per meeting and organization; also who came, for the participation part."""
    rng = _rng("attendance")
    rows: list[dict] = []
    present: dict[tuple[str, dt.date], list[str]] = {}
    for m in meetings:
        members = _members_on(seats[m.forum], m.date)
        came: dict[str, int] = {}
        for org in sorted(members):
            kind = STAKEHOLDER_OF[org]
            if org == PCM_SGP:  # the convener is always there, often with its team
                came[org] = int(rng.integers(1, 4))
            elif rng.random() < ATTEND[m.forum][kind]:
                both = len(members[org]) == 2
                came[org] = 2 if both and rng.random() < 0.45 else 1
        if m.kind in ("workshop", "public_session") or rng.random() < 0.15:
            guest = INVITABLE[m.forum][int(rng.integers(len(INVITABLE[m.forum])))]
            if guest not in members:
                came[guest] = 1
        for org, persons in came.items():
            kind = STAKEHOLDER_OF[org]
            share = 0.58 if kind.startswith("civil_society") else 0.45
            for gender, n in _gender_rows(rng, persons, share):
                rows.append(
                    {
                        "forum": m.forum,
                        "meeting_date": m.date,
                        "organization": org,
                        "stakeholder_type": kind,
                        "gender": gender,
                        "persons": n,
                    }
                )
        if m.kind == "public_session":  # members of the public, counted by gender only
            public = int(rng.integers(12, 40) if m.forum != VIVIENDA else rng.integers(4, 15))
            for gender, n in _gender_rows(rng, public, 0.55):
                rows.append(
                    {
                        "forum": m.forum,
                        "meeting_date": m.date,
                        "organization": "",
                        "stakeholder_type": "civil_society_local",
                        "gender": gender,
                        "persons": n,
                    }
                )
        present[(m.forum, m.date)] = sorted(came)
    return rows, present


# --- milestones -------------------------------------------------------------------------

GENERIC_STEPS = (
    "Diagnóstico y línea de base con participación de la sociedad civil",
    "Diseño de la propuesta y validación en mesa de trabajo multiactor",
    "Aprobación de la norma o lineamiento que institucionaliza la medida",
    "Implementación en entidades piloto",
    "Capacitación a servidores públicos y actores de la sociedad civil",
    "Difusión de resultados y publicación en formato de datos abiertos",
    "Informe de evaluación y rendición de cuentas de resultados",
)
STEPS = {
    "Access to Information": (
        "Diagnóstico del cumplimiento de las obligaciones de transparencia",
        "Propuesta normativa consultada con la sociedad civil",
        "Aprobación de lineamientos de transparencia activa",
        "Actualización de los portales de transparencia estándar",
        "Capacitación a funcionarios responsables de acceso a la información",
        "Publicación de reportes de supervisión",
        "Evaluación de resultados y rendición de cuentas",
    ),
    "E-Government": (
        "Levantamiento de requerimientos con usuarios",
        "Diseño funcional y técnico de la plataforma",
        "Desarrollo de la plataforma y pruebas con usuarios",
        "Puesta en producción e interoperabilidad con otras entidades",
        "Publicación de datos en formato abierto",
        "Campaña de difusión del servicio digital",
        "Evaluación de uso y mejora continua",
    ),
    "Anti-Corruption": (
        "Mapeo de riesgos de corrupción en el proceso",
        "Diseño del mecanismo de vigilancia ciudadana",
        "Aprobación del protocolo de vigilancia y denuncia",
        "Implementación del mecanismo en regiones priorizadas",
        "Capacitación a monitores ciudadanos",
        "Publicación de reportes de seguimiento",
        "Evaluación y rendición de cuentas de resultados",
    ),
    "Capacity Building": (
        "Diagnóstico de necesidades de capacitación",
        "Diseño del programa de fortalecimiento de capacidades",
        "Elaboración de materiales y guías metodológicas",
        "Ejecución de talleres descentralizados",
        "Certificación de participantes",
        "Evaluación de resultados del programa",
    ),
    "Public Participation": (
        "Mapeo de actores y espacios de participación existentes",
        "Diseño participativo del mecanismo",
        "Aprobación del reglamento del espacio de participación",
        "Instalación y funcionamiento del espacio",
        "Sesiones de seguimiento con la sociedad civil",
        "Informe de evaluación del mecanismo",
    ),
    "Access to Justice": (
        "Diagnóstico del servicio y de sus usuarios",
        "Diseño del procedimiento y protocolos de atención",
        "Implementación del servicio en sedes piloto",
        "Capacitación al personal de atención",
        "Publicación de estadísticas del servicio",
        "Evaluación de la atención a la ciudadanía",
    ),
    "Open Regulations": (
        "Diagnóstico del proceso de elaboración normativa",
        "Diseño del mecanismo de consulta temprana",
        "Aprobación de lineamientos de calidad regulatoria",
        "Implementación de la plataforma de consulta",
        "Publicación de comentarios recibidos y respuestas",
        "Evaluación del mecanismo",
    ),
}
STEPS["Dispute Resolution & Legal Assistance"] = STEPS["Access to Justice"]
STEPS["Legislation & Regulation"] = STEPS["Open Regulations"]

# A plausible responsible body: by commitment where its title names the sector,
# else by policy area.
RESPONSIBLE_BY_COMMITMENT = {
    **dict.fromkeys(("PE0010", "PE0067", "PE0068", "PE0093"), MINAM),
    **dict.fromkeys(("PE0011", "PE0054", "PE0069", "PE0095"), "Ministerio de Energía y Minas"),
    "PE0094": "PCM – Secretaría de Gestión Social y Diálogo",
    **dict.fromkeys(("PE0018", "PE0024", "PE0058", "PE0100"), "Poder Judicial"),
    **dict.fromkeys(("PE0025", "PE0101"), "Ministerio de Justicia y Derechos Humanos"),
    **dict.fromkeys(("PE0017", "PE0061"), "Ministerio de Economía y Finanzas"),
    **dict.fromkeys(("PE0019", "PE0034", "PE0053", "PE0087"), "Organismo Supervisor de las Contrataciones del Estado"),
    **dict.fromkeys(("PE0029", "PE0084", "PE0086"), "Contraloría General de la República"),
    **dict.fromkeys(("PE0014", "PE0030", "PE0037"), "Autoridad Nacional del Servicio Civil"),
    "PE0031": "Jurado Nacional de Elecciones",
    "PE0032": "Superintendencia del Mercado de Valores",
    **dict.fromkeys(("PE0033", "PE0052", "PE0057", "PE0096"), "Ministerio de Desarrollo e Inclusión Social"),
    "PE0056": "Ministerio de Cultura",
    **dict.fromkeys(("PE0070", "PE0071", "PE0072", "PE0073", "PE0091"), "Ministerio de Educación"),
    "PE0092": "Superintendencia Nacional de Educación Superior Universitaria",
    **dict.fromkeys(("PE0074", "PE0075", "PE0085"), "Ministerio de Transportes y Comunicaciones"),
    **dict.fromkeys(("PE0076", "PE0077", "PE0090"), "Ministerio de Salud"),
    **dict.fromkeys(("PE0078", "PE0089"), "Seguro Integral de Salud"),
    "PE0088": "Superintendencia Nacional de Salud",
    **dict.fromkeys(("PE0079", "PE0080"), MVCS),
    **dict.fromkeys(("PE0081", "PE0082", "PE0083", "PE0097", "PE0098", "PE0099"), "Ministerio del Interior"),
    **dict.fromkeys(("PE0020", "PE0026"), "Comisión de Alto Nivel Anticorrupción"),
}
RESPONSIBLE_BY_AREA = {
    "E-Government": "PCM – Secretaría de Gobierno Digital",
    "Anti-Corruption": "Comisión de Alto Nivel Anticorrupción",
    "Fiscal Openness": "Ministerio de Economía y Finanzas",
    "Capacity Building": "Autoridad Nacional del Servicio Civil",
}
WEIGHTED_COMMITMENTS = 8
PE0066_NOTE = "Título, responsable y fechas planificadas: documento semilla (PE0066). Estado y avance: muestra."


def _responsible(commitment: peru.ListedCommitment) -> str:
    if commitment.id in RESPONSIBLE_BY_COMMITMENT:
        return RESPONSIBLE_BY_COMMITMENT[commitment.id]
    if commitment.policy_area in RESPONSIBLE_BY_AREA:
        return RESPONSIBLE_BY_AREA[commitment.policy_area]
    return PCM_SGP


def _windows(rng, start: dt.date, end: dt.date, n: int) -> list[tuple[dt.date, dt.date]]:
    """``n`` consecutive planned periods covering about ``start``–``end``."""
    span = (end - start).days
    cuts = np.concatenate([[0.0], np.cumsum(rng.dirichlet(np.full(n, 4.0)))])
    bounds = [start + _days(round(c * span)) for c in cuts]
    return [(bounds[i] if i == 0 else bounds[i] + _days(1), bounds[i + 1]) for i in range(n)]


def _rising(rng, count: int, top: float) -> list[float]:
    """``count`` non-decreasing progress values (multiples of 5) below ``top``."""
    if count <= 0 or top <= 5:
        return []
    values = np.sort(rng.integers(1, int(top // 5), size=count)) * 5
    return [float(v) for v in values]


def _dates_between(rng, first: dt.date, last: dt.date, count: int) -> list[dt.date]:
    """``count`` distinct sorted days in [first, last] (fewer when the range is short)."""
    span = (last - first).days
    if span < 0 or count <= 0:
        return []
    picks = rng.choice(span + 1, size=min(count, span + 1), replace=False)
    return [first + _days(d) for d in sorted(picks)]


def _history(rng, ms: dict, profile: PlanProfile) -> list[dict]:
    """Status updates that end at the milestone's current status and progress.

    Sets ``actual_end`` on completed milestones: their completion is reported
    on or after the day they were completed, and never before planned start.
    """
    start, end, status, progress = ms["planned_start"], ms["planned_end"], ms["status"], ms["progress"]
    last_report = min(end + _days(300), SAMPLE_AS_OF)
    if status == "not_started":
        day = min(start + _days(rng.integers(30, 120)), SAMPLE_AS_OF)
        return [{"date": day, "status": "not_started", "progress": 0.0, "note": "Sin avance reportado"}]
    if status == "complete":
        if rng.random() < profile.late_completion:
            done = end + _days(rng.integers(15, 240))
        else:
            done = end - _days(rng.integers(0, max(1, min(60, (end - start).days // 3))))
        done = min(max(done, start + _days(7)), SAMPLE_AS_OF - _days(30))
        ms["actual_end"] = done
        final_day, final = (
            done + _days(rng.integers(0, 21)),
            {"status": "complete", "progress": 100.0, "note": "Hito culminado"},
        )
    elif status == "cancelled":
        final_day = min(start + _days(rng.integers(60, 400)), last_report)
        final = {"status": "cancelled", "progress": progress, "note": "Hito cancelado al reprogramar el compromiso"}
    else:  # in_progress: the last report shows where it stalled
        final_day = max(min(end + _days(rng.integers(-30, 300)), last_report), start + _days(1))
        final = {"status": "in_progress", "progress": progress, "note": "Avance reportado por la entidad responsable"}
    before = int(rng.integers(0 if status == "cancelled" else 1, 4))
    days = _dates_between(rng, start + _days(10), final_day - _days(1), before)
    top = progress if status != "complete" else 100.0
    values = _rising(rng, len(days), top)
    days = days[: len(values)]
    events = [
        {"date": d, "status": "in_progress", "progress": v, "note": "Avance reportado por la entidad responsable"}
        for d, v in zip(days, values)
    ]
    return events + [{"date": final_day, **final}]


def _commitment_milestones(rng, c: peru.ListedCommitment, plan: str) -> list[dict]:
    profile = PLAN_PROFILES[plan]
    p_start, p_end = PLAN_PERIODS[plan]
    start = p_start + _days(rng.integers(0, 90))
    end = p_end - _days(rng.integers(0, 60))
    n = int(rng.choice([2, 3, 4, 5], p=[0.15, 0.35, 0.3, 0.2]))
    steps = STEPS.get(c.policy_area, GENERIC_STEPS)
    titles = [steps[i] for i in sorted(rng.choice(len(steps), size=n, replace=False))]
    reach = n if rng.random() < profile.full else rng.beta(profile.reach_a, profile.reach_b) * n
    done, partial = int(reach), reach - int(reach)
    cancelled_from = done + (0 if rng.random() < 0.5 else 1) if rng.random() < profile.cancel else n + 1
    out = []
    for i, ((s, e), title) in enumerate(zip(_windows(rng, start, end, n), titles)):
        if i < done:
            status, progress = "complete", 100.0
        elif i >= cancelled_from:
            status, progress = "cancelled", (min(95.0, round(partial * 20) * 5.0) if i == done else 0.0)
        elif i == done and partial >= 0.1:
            status, progress = "in_progress", float(min(95, max(5, round(partial * 20) * 5)))
        else:
            status, progress = "not_started", 0.0
        out.append(
            {
                "commitment": c.id,
                "number": i + 1,
                "title": title,
                "responsible": _responsible(c),
                "planned_start": s,
                "planned_end": e,
                "status": status,
                "progress": progress,
            }
        )
    return out


def _pe0066_milestones() -> list[dict]:
    """PE0066's milestones: text and planned dates from the document, the rest sample.

    The story told: the framework was adopted on time, the pilots ran a month
    past plan (until the forums' public sessions of results) and the
    evaluation and proposal were still being finished when last reported.
    """
    state = {
        1: (
            "complete",
            100.0,
            D(2018, 3, 29),
            [(D(2018, 2, 15), "in_progress", 40.0), (D(2018, 4, 6), "complete", 100.0)],
        ),
        2: (
            "complete",
            100.0,
            D(2019, 6, 28),
            [
                (D(2018, 6, 29), "in_progress", 15.0),
                (D(2018, 11, 30), "in_progress", 45.0),
                (D(2019, 3, 29), "in_progress", 75.0),
                (D(2019, 7, 5), "complete", 100.0),
            ],
        ),
        3: ("in_progress", 70.0, None, [(D(2019, 8, 30), "in_progress", 30.0), (D(2019, 11, 29), "in_progress", 70.0)]),
    }
    rows = []
    for m in peru.pe0066_milestones():
        status, progress, actual_end, events = state[m.number]
        rows.append(
            {
                "commitment": peru.PE0066,
                "number": m.number,
                "title": m.title,
                "responsible": m.responsible,
                "planned_start": m.planned_start,
                "planned_end": m.planned_end,
                "actual_end": actual_end,
                "status": status,
                "progress": progress,
                "note": PE0066_NOTE,
                "events": [
                    {
                        "date": d,
                        "status": s,
                        "progress": p,
                        "note": "Hito culminado" if s == "complete" else "Avance reportado por la SGP",
                    }
                    for d, s, p in events
                ],
            }
        )
    return rows


def _milestones(plan_of: dict[str, str]) -> tuple[list[dict], list[dict]]:
    rng = _rng("milestones")
    listed = sorted(peru.listed_commitments(), key=lambda c: c.id)
    milestones: list[dict] = []
    for c in listed:
        if c.id == peru.PE0066:
            milestones.extend(_pe0066_milestones())
            continue
        for ms in _commitment_milestones(rng, c, plan_of[c.id]):
            ms["events"] = _history(rng, ms, PLAN_PROFILES[plan_of[c.id]])
            milestones.append(ms)

    # Weights on a few commitments: percentages in steps of 5 that add up to 100.
    counts: defaultdict[str, int] = defaultdict(int)
    for ms in milestones:
        counts[ms["commitment"]] += 1
    candidates = sorted(c for c, n in counts.items() if n >= 3 and c != peru.PE0066)
    weighted = set(rng.choice(candidates, size=WEIGHTED_COMMITMENTS, replace=False).tolist())
    for cid in sorted(weighted):
        group = [ms for ms in milestones if ms["commitment"] == cid]
        parts = 1 + rng.multinomial(20 - len(group), np.full(len(group), 1 / len(group)))
        for ms, part in zip(group, parts):
            ms["weight"] = float(part * 5)

    events = [
        {"commitment": ms["commitment"], "milestone": ms["number"], **e} for ms in milestones for e in ms.pop("events")
    ]
    return milestones, events


# --- participation ----------------------------------------------------------------------

# Sample dates of each plan's public consultation on its draft.
CONSULTATIONS = {
    "AP_PER01": D(2012, 3, 19),
    "AP_PER02": D(2015, 5, 18),
    "AP_PER03": D(2017, 5, 22),
    "AP_PER04": D(2019, 10, 14),
}
# Co-creation workshops before each consultation: Lima and the regions.
COCREATION_WORKSHOPS = {
    "AP_PER01": (D(2012, 2, 23),),
    "AP_PER02": (D(2015, 4, 16), D(2015, 4, 30)),
    "AP_PER03": (D(2017, 4, 6), D(2017, 4, 20), D(2017, 5, 4)),
    "AP_PER04": (D(2019, 9, 5), D(2019, 9, 19), D(2019, 9, 26)),
}
# Organizations that take part from a plan (index into CONSULTATIONS) to a plan:
# some return every time, some stop, some arrive later.
PARTICIPANT_SPANS = {
    **{o: (0, 3) for o in _orgs("civil_society_national", 0, 2, 5)},
    **{o: (0, 1) for o in _orgs("civil_society_national", 6, 8) + _orgs("civil_society_local", 7)},
    **{o: (0, 2) for o in _orgs("civil_society_national", 3) + _orgs("academia", 1)},
    **{o: (1, 3) for o in _orgs("civil_society_national", 1, 4, 7) + _orgs("civil_society_local", 0, 4)},
    **{o: (2, 3) for o in _orgs("civil_society_national", 9, 10, 11) + _orgs("civil_society_local", 1, 5, 6)},
    **{o: (2, 3) for o in _orgs("academia", 0, 3) + _orgs("private_sector", 3)},
    **{o: (0, 3) for o in _orgs("private_sector", 4) + _orgs("regional_local_government", 0, 1)},
    **{o: (3, 3) for o in _orgs("international_cooperation", 1)},
}
PILOT_ANSWER_RATE = {AMBIENTE: 0.75, VIVIENDA: 0.45}
NATIONAL_FORUM_ANSWER_RATE = 0.8


def _contribution(rng, received_range: tuple[int, int], rate: float) -> tuple[int, int]:
    received = int(rng.integers(*received_range))
    rate = float(np.clip(rate + rng.normal(0, 0.08), 0, 1))
    return received, int(rng.binomial(received, rate))


def _public_rows(rng, base: dict, people: tuple[int, int], per_person: float, rate: float) -> list[dict]:
    """Members of the public, counted by gender (one row without gender when not recorded)."""
    rows = []
    for gender in ("female", "male", "other", ""):
        if gender == "other" and rng.random() < 0.7:
            continue
        n = int(rng.integers(*people)) if gender != "other" else int(rng.integers(1, 3))
        received = max(1, int(rng.poisson(n * per_person)))
        answered = int(rng.binomial(received, float(np.clip(rate + rng.normal(0, 0.05), 0, 1))))
        rows.append(
            {
                **base,
                "organization": "",
                "stakeholder_type": "civil_society_local",
                "gender": gender,
                "participants": n,
                "contributions_received": received,
                "contributions_answered": answered,
            }
        )
    return rows


def _org_row(rng, base: dict, org: str, received_range: tuple[int, int], rate: float) -> dict:
    participants = int(rng.integers(1, 4))
    gender = ""
    if participants == 1 and rng.random() > GENDER_UNRECORDED:
        gender = "female" if rng.random() < 0.55 else "male"
    received, answered = _contribution(rng, received_range, rate)
    return {
        **base,
        "organization": org,
        "stakeholder_type": STAKEHOLDER_OF[org],
        "gender": gender,
        "participants": participants,
        "contributions_received": received,
        "contributions_answered": answered,
    }


def _participation(
    plan_of: dict[str, str], forums: list[ForumSpec], meetings: list[MeetingSpec], present: dict
) -> list[dict]:
    rng = _rng("participation")
    rows: list[dict] = []
    base = {"country": COUNTRY, "forum": "", "commitment": ""}
    for index, (plan, day) in enumerate(CONSULTATIONS.items()):
        rate = PLAN_PROFILES[plan].answer_rate
        active = [o for o, (a, b) in PARTICIPANT_SPANS.items() if a <= index <= b]
        # Co-creation workshops: a part of the active organizations at each.
        for w_day in COCREATION_WORKSHOPS[plan]:
            here = {**base, "date": w_day, "channel": "workshop", "action_plan": plan}
            for org in active:
                if rng.random() < 0.6:
                    rows.append(_org_row(rng, here, org, (1, 8), rate))
            rows.extend(_public_rows(rng, here, (2, 12), 0.8, rate))
        # The public consultation on the draft.
        here = {**base, "date": day, "channel": "public_consultation", "action_plan": plan}
        rows.extend(_org_row(rng, here, org, (2, 15), rate) for org in active)
        rows.extend(_public_rows(rng, here, (5, 40), 0.6, rate))
        # Online comments on the draft, once the plans had an online channel.
        if index >= 1:
            online = {**base, "date": day + _days(10), "channel": "online_comment", "action_plan": plan}
            rows.extend(_public_rows(rng, online, (10, 60 + 30 * index), 1.2, rate))
            for org in active:
                if rng.random() < 0.35:
                    rows.append(_org_row(rng, online, org, (1, 6), rate))

    # Forum workshops on the commitments each forum follows: the non-government
    # organizations present give their contributions.
    follows = {f.code: f.follows for f in forums}
    for m in meetings:
        if m.kind != "workshop":
            continue
        topics = [
            c for c in follows[m.forum] if int(plan_of[c][-2:]) <= (3 if m.date.year < 2019 else 4) or m.forum == FMGA
        ]
        commitment = topics[int(rng.integers(len(topics)))]
        rate = NATIONAL_FORUM_ANSWER_RATE if m.forum == FMGA else PILOT_ANSWER_RATE[m.forum]
        here = {
            **base,
            "date": m.date,
            "channel": "workshop",
            "forum": m.forum,
            "action_plan": plan_of[commitment],
            "commitment": commitment,
        }
        for org in present[(m.forum, m.date)]:
            if STAKEHOLDER_OF[org] not in ("national_government", "regional_local_government"):
                rows.append(_org_row(rng, here, org, (1, 7), rate))

    # Online comments on the 2019 plan's commitments while the national forum followed them.
    for commitment in follows[FMGA]:
        if rng.random() < 0.5:
            day = D(2020, 6, 1) + _days(rng.integers(0, 540))
            here = {
                **base,
                "date": day,
                "channel": "online_comment",
                "forum": FMGA,
                "action_plan": plan_of[commitment],
                "commitment": commitment,
            }
            rows.extend(_public_rows(rng, here, (1, 8), 1.0, NATIONAL_FORUM_ANSWER_RATE))
    return rows


# --- the frames -----------------------------------------------------------------------


def sample_frames() -> dict[str, pd.DataFrame]:
    """The sample as project-format tables, identical on every run."""
    plan_of_year = peru.plan_by_year()
    plan_of = {c.id: plan_of_year[c.year] for c in peru.listed_commitments()}
    forums = _forums(plan_of)
    seats = _memberships()
    meetings = _meetings()
    attendance, present = _attendance(meetings, seats)
    milestones, events = _milestones(plan_of)

    return {
        "milestones": to_frame("milestones", milestones),
        "milestone_events": to_frame("milestone_events", events),
        "organizations": to_frame(
            "organizations",
            [
                {"country": COUNTRY, "name": name, "stakeholder_type": kind}
                for kind, names in ORGANIZATIONS.items()
                for name in names
            ],
        ),
        "forums": to_frame(
            "forums",
            [
                {
                    "code": f.code,
                    "country": COUNTRY,
                    "name": f.name,
                    "kind": f.kind,
                    "sector": f.sector,
                    "legal_basis": f.legal_basis,
                    "created": f.created,
                    "ended": f.ended,
                    "commitment": f.commitment,
                    "follows": list(f.follows),
                }
                for f in forums
            ],
        ),
        "memberships": to_frame(
            "memberships",
            [
                {
                    "forum": code,
                    "organization": s.organization,
                    "role": s.role,
                    "term_start": s.start,
                    "term_end": s.end,
                }
                for code, forum_seats in seats.items()
                for s in forum_seats
            ],
        ),
        "meetings": to_frame(
            "meetings",
            [{"forum": m.forum, "date": m.date, "kind": m.kind, "agreements": m.agreements} for m in meetings],
        ),
        "attendance": to_frame("attendance", attendance),
        "participation": to_frame("participation", _participation(plan_of, forums, meetings, present)),
    }
