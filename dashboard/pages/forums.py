"""Multistakeholder forums compared side by side: /forums

PE0066 set up forum pilots in two sectors that differ on purpose (Ambiente,
used to working with civil society, and Vivienda, not).  Forum members review
them on a projector: who takes part, how often the forums meet against OGP's
180-day rule, who attends, what they agree, and whether the commitments they
follow moved.  State in the URL: ``forums`` (the codes compared; absent or
emptied = the country's sector pilots, or all its forums when it has none) and
``forum`` (the one-forum panel; absent = the first compared).

The layout draws the controls; callbacks/forums.py draws the comparison and
the panel from them.
"""

from __future__ import annotations

from collections.abc import Collection

from dash import dcc, html

from dashboard import theme
from dashboard.cache import cached
from dashboard.components import forum_tables
from dashboard.components.chart import described_graph
from dashboard.components.common import page_heading, sample_badge, section
from dashboard.components.downloads import table_downloads, with_downloads
from dashboard.components.filters import dropdown_filter, filter_bar
from dashboard.exports import forums as exports
from dashboard.figures import forum_summaries as summaries
from dashboard.figures import forums as figures
from dashboard.i18n import add, t, vocab_label
from dashboard.pages import Page, PageContext
from dashboard.state import global_query

add(
    {
        "forums.title": {"es": "Foros multiactor", "en": "Multistakeholder forums"},
        "forums.lead": {
            "es": "Los foros piloto y el foro nacional, lado a lado y en el tiempo: quién participa, cada cuánto "
            "sesionan, quién asiste, qué acuerdan y si avanzan los compromisos que siguen.",
            "en": "The pilot forums and the national forum, side by side and over time: who takes part, how often "
            "they meet, who attends, what they agree and whether the commitments they follow move.",
        },
        "forums.filter.forums": {"es": "Foros a comparar", "en": "Forums to compare"},
        "forums.filter.forum": {"es": "Foro", "en": "Forum"},
        "forums.filter.default": {
            "es": "Predeterminado: {names}",
            "en": "Default: {names}",
        },
        "forums.filter.first": {"es": "El primero de la comparación", "en": "The first one compared"},
        "forums.option": {"es": "{name} · {kind}", "en": "{name} · {kind}"},
        "forums.hint.one": {
            "es": "Se muestra un solo foro. Añada otro en «Foros a comparar» para verlos lado a lado.",
            "en": "One forum is shown. Add another under “Forums to compare” to see them side by side.",
        },
        "forums.hint.unknown": {
            "es": "Estos foros del enlace no existen para este país y se ignoraron: {codes}.",
            "en": "These forums in the link do not exist for this country and were ignored: {codes}.",
        },
        "forums.none.title": {"es": "No hay datos de foros para este país", "en": "No forum data for this country"},
        "forums.none.body": {
            "es": "La hoja de compromisos de OGP no incluye foros multiactor, miembros ni sesiones. Para comparar "
            "los foros de este país, importe las tablas del proyecto (foros, membresías, sesiones y "
            "asistencia): la página de Datos explica cómo y ofrece plantillas.",
            "en": "OGP's commitment sheet has no multistakeholder forums, members or meetings. To compare this "
            "country's forums, import the project's tables (forums, memberships, meetings and attendance): "
            "the Data page explains how and offers templates.",
        },
        "forums.none.link": {"es": "Cómo importar datos de foros", "en": "How to import forum data"},
        "forums.sec.summary": {"es": "Resumen comparativo", "en": "The comparison at a glance"},
        "forums.sec.summary_help": {
            "es": "Cada columna es un foro. Las cifras de un piloto se cuentan hasta su cierre; las de un foro activo, hasta hoy.",
            "en": "Each column is a forum. A pilot's figures are counted up to its close; an active forum's, up to today.",
        },
        "forums.sec.members": {
            "es": "Quién integra cada foro: puestos por tipo de actor y rol",
            "en": "Who sits on each forum: seats by stakeholder type and role",
        },
        "forums.sec.members_help": {
            "es": "Puestos titulares y suplentes al cierre del foro, o a hoy si sigue activo. Una organización con "
            "titular y suplente ocupa dos puestos. Todas las columnas usan la misma escala.",
            "en": "Titular and suplente (alternate) seats at the forum's close, or today if it is still active. An "
            "organization with both holds two seats. Every column uses the same scale.",
        },
        "forums.sec.composition": {
            "es": "Cuán plural y estable es cada foro",
            "en": "How plural and how stable each forum is",
        },
        "forums.sec.composition_help": {
            "es": "Izquierda: porcentaje de organizaciones miembro que no son gobierno (nacional, regional o local). "
            "Derecha: rotación anual = (organizaciones que entraron + las que salieron) ÷ años ÷ promedio de "
            "organizaciones miembro. Renovar un periodo o cambiar de rol no cuenta como salida.",
            "en": "Left: share of member organizations that are not government (national, regional or local). "
            "Right: yearly turnover = (organizations that joined + those that left) ÷ years ÷ average number "
            "of member organizations. Renewing a term or changing role does not count as leaving.",
        },
        "forums.sec.cumulative": {
            "es": "Cuántas veces sesionó cada foro desde su creación",
            "en": "How many times each forum met since it was created",
        },
        "forums.sec.cumulative_help": {
            "es": "Todos los foros en la misma escala de tiempo, contada desde su creación: cuanto más empinada la "
            "línea, más a menudo sesionó. Una línea plana es un periodo sin sesiones.",
            "en": "Every forum on the same time scale, counted from its creation: the steeper the line, the more "
            "often it met. A flat line is a period without meetings.",
        },
        "forums.sec.gaps": {
            "es": "Regla de OGP: sesionar al menos cada 180 días",
            "en": "OGP's rule: meet at least every 180 days",
        },
        "forums.sec.gaps_help": {
            "es": "Cada barra cubre un periodo sin sesiones (de la creación a la primera sesión, entre dos sesiones, "
            "o desde la última) y su altura son los días. Por encima de la línea de 180 días el foro incumple "
            "el estándar mínimo de OGP: barra rayada en rojo y ⚠. Los triángulos son las sesiones.",
            "en": "Each bar spans a period without meetings (from creation to the first meeting, between two "
            "meetings, or since the last one) and its height is its days. Above the 180-day line the forum "
            "breaches OGP's minimum standard: red cross-hatched bar and ⚠. Triangles are meetings.",
        },
        "forums.sec.attendance": {
            "es": "Quién asistió a cada sesión, por tipo de actor",
            "en": "Who attended each meeting, by stakeholder type",
        },
        "forums.sec.attendance_help": {
            "es": "Personas presentes en cada sesión, en orden cronológico: miembros, invitados y público.",
            "en": "People present at each meeting, in date order: members, guests and the public.",
        },
        "forums.sec.rate": {
            "es": "Qué parte de las organizaciones miembro asistió a cada sesión",
            "en": "What share of member organizations attended each meeting",
        },
        "forums.sec.rate_help": {
            "es": "Organizaciones miembro con alguien presente ÷ organizaciones miembro ese día (titular y suplente "
            "de una misma organización cuentan una vez; los invitados no cuentan). Línea discontinua: promedio.",
            "en": "Member organizations with someone present ÷ member organizations that day (titular and suplente "
            "of one organization count once; guests do not count). Dashed line: average.",
        },
        "forums.sec.agreements": {
            "es": "Acuerdos adoptados en cada sesión",
            "en": "Agreements reached at each meeting",
        },
        "forums.sec.agreements_help": {
            "es": "Número de acuerdos en el acta de cada sesión, en orden cronológico. Línea discontinua: promedio.",
            "en": "Number of agreements in each meeting's minutes, in date order. Dashed line: average.",
        },
        "forums.sec.progress": {
            "es": "¿Avanzaron los compromisos que sigue cada foro?",
            "en": "Did the commitments each forum follows move?",
        },
        "forums.sec.progress_help": {
            "es": "Avance reportado de los hitos de los compromisos que sigue el foro (promedio por compromiso), "
            "frente al avance esperado según su cronograma. La franja celeste es la vida del foro.",
            "en": "Reported progress of the milestones of the commitments the forum follows (averaged per "
            "commitment), against the progress their schedule expects. The light band is the forum's life.",
        },
        "forums.panel.title": {
            "es": "Un foro en detalle: sesiones y miembros",
            "en": "One forum in detail: meetings and members",
        },
        "forums.panel.meetings": {"es": "Sesiones", "en": "Meetings"},
        "forums.panel.members": {"es": "Miembros", "en": "Members"},
        "forums.panel.no_meetings": {
            "es": "Este foro no tiene sesiones registradas.",
            "en": "This forum has no meetings recorded.",
        },
        "forums.panel.no_members": {
            "es": "Este foro no tiene miembros registrados.",
            "en": "This forum has no members recorded.",
        },
    }
)

COMPARISON = "forums-comparison"
PANEL = "forums-panel"
NOTE = "forums-note"
ARRANGED = "forums-arranged"
CONTEXT = "forums-context"

# (section key, figure builder, which sample flag marks it, DOM id of its graph)
FIGURES = (
    ("members", figures.members_figure, "members"),
    ("composition", figures.composition_figure, "members"),
    ("cumulative", figures.cumulative_meetings_figure, "meetings"),
    ("gaps", figures.gaps_figure, "meetings"),
    ("attendance", figures.attendance_figure, "attendance"),
    ("rate", figures.attendance_rate_figure, "attendance"),
    ("agreements", figures.agreements_figure, "meetings"),
    ("progress", figures.progress_figure, "progress"),
)
# Each figure's text alternative, from the same comparison.
SUMMARIES = {
    "members": summaries.members_summary,
    "composition": summaries.composition_summary,
    "cumulative": summaries.cumulative_summary,
    "gaps": summaries.gaps_summary,
    "attendance": summaries.attendance_summary,
    "rate": summaries.rate_summary,
    "agreements": summaries.agreements_summary,
    "progress": summaries.progress_summary,
}


def graph_id(key: str) -> str:
    return f"forums-graph-{key}"


def forum_options(forums, lang: str) -> list[dict]:
    return [
        {"label": t("forums.option", lang, name=name, kind=vocab_label("forum_kind", kind, lang)), "value": code}
        for code, name, kind in zip(forums["code"], forums["name"], forums["kind"])
    ]


def no_forums(ctx: PageContext):
    return html.Div(
        [
            html.H2(t("forums.none.title", ctx.lang), className="section-title"),
            html.P(t("forums.none.body", ctx.lang)),
            dcc.Link(
                t("forums.none.link", ctx.lang), href="/data" + global_query(ctx.params), className="btn btn-primary"
            ),
        ],
        className="panel forums-none",
        role="status",
    )


def layout(ctx: PageContext):
    from data.queries import forums as queries

    heading = page_heading(t("forums.title", ctx.lang), t("forums.lead", ctx.lang))
    forums = queries.forum_list(ctx.db_url, ctx.params.get("country"))
    if forums.empty:
        return html.Div([heading, no_forums(ctx)], className="forums-page")
    known = set(forums["code"])
    asked = ctx.params.get("forums") or []
    unknown = [c for c in asked if c not in known]
    default = queries.default_selection(forums)
    options = forum_options(forums, ctx.lang)
    names = dict(zip(forums["code"], forums["name"]))
    # An absent or emptied selection is the default (callbacks/url_state.py sets
    # the control from the URL, where the default is the absence of the
    # parameter): the placeholder says which forums that is.
    compare = dropdown_filter(ctx, "forums", options, multi=True, label_key="forums.filter.forums")
    compare.children[1].placeholder = t("forums.filter.default", ctx.lang, names=", ".join(names[c] for c in default))
    compare.className += " forums-select"
    single = dropdown_filter(ctx, "forum", options, label_key="forums.filter.forum")
    single.children[1].placeholder = t("forums.filter.first", ctx.lang)
    return html.Div(
        [
            heading,
            filter_bar(ctx, names=(), extra=[compare]),
            html.Div(
                html.P(t("forums.hint.unknown", ctx.lang, codes=", ".join(unknown)), className="forums-warning")
                if unknown
                else None,
            ),
            html.Div(id=NOTE, role="status"),
            dcc.Loading(html.Div(id=COMPARISON, className="forums-comparison"), type="default", delay_show=300),
            section(
                t("forums.panel.title", ctx.lang),
                html.Div(
                    [
                        html.Div(single, className="filter-bar forums-panel-select"),
                        dcc.Loading(html.Div(id=PANEL), type="default", delay_show=300),
                    ]
                ),
                section_id="forums-panel-section",
            ),
            dcc.Store(id=ARRANGED),  # which charts are drawn as rows (callbacks/forums.py)
            dcc.Store(
                id=CONTEXT,
                data=ctx.store(),
            ),
        ],
        className="forums-page",
    )


# How wide a panel's chart can be, from the browser's width (assets/10_app.css:
# .app-main at most 1440 px, none on a projector, padded 1.25rem, 0.75rem on a
# phone; .panel padded 1.1rem with a 1 px border; projector mode's rem is 21 px).
COLUMN_WIDTH = 330  # px a forum's column needs to stay readable
PHONE_WIDTH = 576  # px: below it, a phone (Bootstrap's sm breakpoint)


def panel_room(viewport: int | None, projector: bool = False) -> int | None:
    """Pixels a panel gives its chart in a window ``viewport`` px wide (None: not known)."""
    if not isinstance(viewport, int | float) or viewport <= 0:
        return None
    rem = 21 if projector else 16
    main = viewport if projector else min(viewport, 1440)
    gutter = 2 * (0.75 if viewport < PHONE_WIDTH else 1.25) * rem
    return int(main - gutter - 2 * 1.1 * rem - 2)


def as_rows_wanted(columns: int, room: int | None, phone: bool) -> bool:
    """Rows instead of columns: where the panel has less than COLUMN_WIDTH per
    column (a phone; a tablet comparing three forums); a one-panel chart only
    on a phone (its titles wrap, its ticks thin out)."""
    if columns < 2:
        return phone
    return room is not None and room < columns * COLUMN_WIDTH


def rows_for(forums: int, viewport: int | None, projector: bool = False) -> frozenset[int]:
    """Which charts become rows in a window ``viewport`` px wide, by their
    number of columns (the forums compared; two panels; one)."""
    room, phone = panel_room(viewport, projector), bool(viewport and viewport < PHONE_WIDTH)
    return frozenset(columns for columns in {forums, 2, 1} if as_rows_wanted(columns, room, phone))


def comparison_drawing(db_url: str, codes: list[str], today, lang: str) -> dict:
    """The comparison of ``codes`` drawn as data, for the callback to cache (by
    codes, day and language) and ``comparison_sections`` to turn into components.
    Each forum's indicators are cached apart, so adding a forum to a comparison
    computes only that one."""
    from data import forum_indicators as ind
    from data.queries import forums as queries

    parts = [cached(db_url, queries.comparison, [code], today) for code in codes]
    return drawn_comparison(ind.merge_comparisons(parts), lang)


def drawn_comparison(comparison: dict, lang: str) -> dict:
    """Everything the comparison shows, as plain data: figure dicts, their text
    alternatives, the summary table's cells and its download, the sample flags."""
    return {
        "sample": {k: bool(v) for k, v in comparison["sample"].items()},
        "forums": len(comparison["forums"]),
        "table": forum_tables.summary_data(comparison, lang),
        "export": exports.summary_table(comparison, lang),
        "figures": {key: build(comparison, lang) for key, build, _ in FIGURES},
        "summaries": {key: SUMMARIES[key](comparison, lang) for key, _, _ in FIGURES},
    }


def comparison_view(comparison: dict, lang: str, *, rows: Collection[int] = (), projector: bool = False) -> list:
    """The comparison's sections from its indicators (``data.forum_indicators.compare``)."""
    return comparison_sections(drawn_comparison(comparison, lang), lang, rows=rows, projector=projector)


def comparison_sections(drawn: dict, lang: str, *, rows: Collection[int] = (), projector: bool = False) -> list:
    """The comparison's sections from ``drawn_comparison``: the summary table,
    then one figure per indicator, each marked when it draws sample data.  A
    chart whose number of columns is in ``rows`` draws them as rows
    (``rows_for``); all sized for a projector when asked (both applied here, to
    the cached figure, so they need no drawing of their own)."""
    sample = drawn["sample"]
    out = [
        section(
            t("forums.sec.summary", lang),
            forum_tables.summary_table_view(drawn["table"], lang),
            badge=with_downloads(sample_badge(lang, any(sample.values())), drawn["export"]),
            section_id="forums-summary",
            help_text=t("forums.sec.summary_help", lang),
        )
    ]
    # Each forum's column keeps a readable width (COLUMN_WIDTH): where the
    # panel is narrower, the columns become rows and this minimum is lifted.
    min_width = f"{max(560, COLUMN_WIDTH * drawn['forums'])}px"
    for key, _, flag in FIGURES:
        figure = drawn["figures"][key]
        stacked = figure["layout"]["meta"]["ogpColumns"] in rows
        figure = theme.for_display(figures.as_rows(figure) if stacked else figure, projector=projector)
        graph = dcc.Graph(
            id=graph_id(key),
            figure=figure,
            config=theme.graph_config(lang),
            style={"height": f"{figure['layout']['height']}px", "minWidth": "0" if stacked else min_width},
            className="forums-graph",
        )
        out.append(
            section(
                t(f"forums.sec.{key}", lang),
                described_graph(
                    html.Div(graph, className="forums-graph-scroll"),
                    drawn["summaries"][key],
                    lang,
                    sample=sample[flag],
                    graph_id=graph_id(key),
                ),
                badge=sample_badge(lang, sample[flag]),
                section_id=f"forums-{key}",
                help_text=t(f"forums.sec.{key}_help", lang),
            )
        )
    return out


def panel_tables(db_url: str, code: str, today) -> dict:
    """One forum's meetings and members tables (frames) as the panel shows them,
    for the callback to cache: computing them is most of the panel's cost."""
    from data import forum_indicators as ind
    from data.queries import forums as queries

    frames = cached(db_url, queries.forum_frames, [code])
    forum = frames["forums"].iloc[0]
    reference = ind.reference_date(today, forum["ended"])
    return {
        "name": str(forum["name"]),
        "reference": reference,
        "meetings": ind.meeting_table(
            frames["meetings"], frames["attendance"], frames["present"], frames["memberships"]
        ),
        "members": ind.member_table(frames["memberships"], reference),
        "meetings_sample": bool(frames["meetings"]["sample"].any() or frames["attendance"]["sample"].any()),
        "members_sample": bool(frames["memberships"]["sample"].any()),
    }


def panel_view(
    name: str,
    meetings,
    members,
    reference,
    lang: str,
    *,
    meetings_sample: bool,
    members_sample: bool,
    code: str | None = None,
    brief_link=None,
) -> list:
    """One forum's meetings and members; with its ``code``, each table downloads too."""

    def downloads(build, rows, sample):
        return table_downloads(build(rows, code, name, lang, sample)) if code and len(rows) else None

    return [
        html.Div([html.H3(name, className="forums-panel-name"), brief_link], className="forums-panel-head"),
        html.Div(
            [
                html.H3(t("forums.panel.meetings", lang), className="forums-subtitle"),
                sample_badge(lang, meetings_sample),
                downloads(exports.meetings_table, meetings, meetings_sample),
            ],
            className="section-head",
        ),
        forum_tables.meetings_table(meetings, name, lang)
        if len(meetings)
        else html.P(t("forums.panel.no_meetings", lang), className="empty-state"),
        html.Div(
            [
                html.H3(t("forums.panel.members", lang), className="forums-subtitle"),
                sample_badge(lang, members_sample),
                downloads(exports.members_table, members, members_sample),
            ],
            className="section-head",
        ),
        forum_tables.members_table(members, name, reference, lang)
        if len(members)
        else html.P(t("forums.panel.no_members", lang), className="empty-state"),
    ]


PAGE = Page(
    name="forums",
    path="/forums",
    title_key="forums.title",
    layout=layout,
    nav="forums",
    nav_order=3,
    params=("forums", "forum"),
)
