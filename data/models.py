"""The schema: SQLAlchemy 2 declarative models for every entity of the domain.

Every record carries its source (the seed document, an imported file and row, or
generated sample data) through ``source_id`` and ``source_row``.  Alembic
migrations in ``data/migrations`` create these tables; the models are the
reference the migrations are checked against (tests/test_schema.py).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

# Named constraints keep Alembic migrations identical on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Source(Base):
    """Where records came from: kind ``seed``, ``file`` or ``sample`` and a name."""

    __tablename__ = "sources"
    __table_args__ = (UniqueConstraint("kind", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(300))
    loaded_at: Mapped[dt.datetime] = mapped_column(DateTime)

    @property
    def label(self) -> str:
        return f"{self.kind}:{self.name}"


class Sourced:
    """Mixin: the source of the record, and the spreadsheet row for imported files."""

    @declared_attr
    def source_id(cls) -> Mapped[int]:
        return mapped_column(ForeignKey("sources.id"), index=True)

    source_row: Mapped[int | None] = mapped_column(Integer, nullable=True)

    @declared_attr
    def source(cls) -> Mapped[Source]:
        return relationship(Source)


class Country(Sourced, Base):
    __tablename__ = "countries"

    code: Mapped[str] = mapped_column(String(8), primary_key=True)  # ISO3, or OGP's locality code
    name: Mapped[str] = mapped_column(String(200))
    region: Mapped[str | None] = mapped_column(String(100))
    level: Mapped[str | None] = mapped_column(String(40))  # OGP's "National Or Local"


class ActionPlan(Sourced, Base):
    __tablename__ = "action_plans"

    id: Mapped[str] = mapped_column(String(20), primary_key=True)  # e.g. AP_PER03
    country_code: Mapped[str] = mapped_column(ForeignKey("countries.code"), index=True)
    number: Mapped[int | None]
    title: Mapped[str | None] = mapped_column(String(300))
    cycle_year: Mapped[int | None]  # year of submission, the "Action Plan Cycle"
    start_year: Mapped[int | None]
    end_year: Mapped[int | None]
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    # IRM process facts
    forum_exists: Mapped[bool | None] = mapped_column(Boolean)
    public_influence: Mapped[str | None] = mapped_column(String(20))

    country: Mapped[Country] = relationship()


class Institution(Sourced, Base):
    __tablename__ = "institutions"
    __table_args__ = (UniqueConstraint("country_code", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    country_code: Mapped[str] = mapped_column(ForeignKey("countries.code"), index=True)
    # OGP's sheet names institutions in paragraphs of up to ~1,600 characters.
    # PostgreSQL cannot index a key over ~2,700 bytes; the importer checks that.
    name: Mapped[str] = mapped_column(String(2000))


class PolicyArea(Sourced, Base):
    __tablename__ = "policy_areas"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


commitment_policy_areas = Table(
    "commitment_policy_areas",
    Base.metadata,
    Column("commitment_id", ForeignKey("commitments.id", ondelete="CASCADE"), primary_key=True),
    Column("policy_area_id", ForeignKey("policy_areas.id"), primary_key=True, index=True),
)

commitment_support_institutions = Table(
    "commitment_support_institutions",
    Base.metadata,
    Column("commitment_id", ForeignKey("commitments.id", ondelete="CASCADE"), primary_key=True),
    Column("institution_id", ForeignKey("institutions.id"), primary_key=True, index=True),
)


def _irm(length: int = 60):
    """An IRM field: the label (None for sentinels) and the raw text as given."""
    return mapped_column(String(length), nullable=True)


class Commitment(Sourced, Base):
    __tablename__ = "commitments"

    id: Mapped[str] = mapped_column(String(20), primary_key=True)  # OGP id, e.g. PE0066
    action_plan_id: Mapped[str] = mapped_column(ForeignKey("action_plans.id"), index=True)
    number: Mapped[int | None]  # for sorting; None when the plan numbers it "2.1" or "1.6A"
    number_label: Mapped[str | None] = mapped_column(String(20))  # as the plan writes it
    title: Mapped[str] = mapped_column(Text)  # in the plan's language
    title_en: Mapped[str | None] = mapped_column(Text)  # OGP's short English title
    theme: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    problem: Mapped[str | None] = mapped_column(Text)
    full_text: Mapped[str | None] = mapped_column(Text)
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    start_raw: Mapped[str | None] = mapped_column(String(100))
    end_raw: Mapped[str | None] = mapped_column(String(100))
    lead_institution_id: Mapped[int | None] = mapped_column(ForeignKey("institutions.id"), index=True)
    status: Mapped[str | None] = mapped_column(String(20), index=True)  # active / inactive
    url: Mapped[str | None] = mapped_column(String(500))

    # IRM assessment.  Each field: the label when it is in OGP's vocabulary, else
    # None, and ``*_raw`` with the text exactly as the source gives it.
    irm_report: Mapped[str | None] = mapped_column(String(300))
    irm_progress_year: Mapped[str | None] = mapped_column(String(20))
    irm_end_year: Mapped[str | None] = mapped_column(String(20))
    # methodology until 2020
    specificity: Mapped[str | None] = _irm()
    specificity_raw: Mapped[str | None] = _irm()
    value_access_information: Mapped[bool | None] = mapped_column(Boolean)
    value_access_information_raw: Mapped[str | None] = _irm()
    value_civic_participation: Mapped[bool | None] = mapped_column(Boolean)
    value_civic_participation_raw: Mapped[str | None] = _irm()
    value_public_accountability: Mapped[bool | None] = mapped_column(Boolean)
    value_public_accountability_raw: Mapped[str | None] = _irm()
    value_technology_innovation: Mapped[bool | None] = mapped_column(Boolean)
    value_technology_innovation_raw: Mapped[str | None] = _irm()
    potential_impact: Mapped[str | None] = _irm()
    potential_impact_raw: Mapped[str | None] = _irm()
    completion_midterm: Mapped[str | None] = _irm()
    completion_midterm_raw: Mapped[str | None] = _irm()
    did_it_open_government: Mapped[str | None] = _irm()
    did_it_open_government_raw: Mapped[str | None] = _irm()
    diog_access_information: Mapped[str | None] = _irm()
    diog_access_information_raw: Mapped[str | None] = _irm()
    diog_civic_participation: Mapped[str | None] = _irm()
    diog_civic_participation_raw: Mapped[str | None] = _irm()
    diog_public_accountability: Mapped[str | None] = _irm()
    diog_public_accountability_raw: Mapped[str | None] = _irm()
    starred: Mapped[bool | None] = mapped_column(Boolean, index=True)
    starred_raw: Mapped[str | None] = _irm()
    # methodology from 2021
    verifiable: Mapped[str | None] = _irm()
    verifiable_raw: Mapped[str | None] = _irm()
    potential_for_results: Mapped[str | None] = _irm()
    potential_for_results_raw: Mapped[str | None] = _irm()
    early_results: Mapped[str | None] = _irm()
    early_results_raw: Mapped[str | None] = _irm()
    # end of term; "Unclear" only under the 2021 methodology
    completion_end: Mapped[str | None] = _irm()
    completion_end_raw: Mapped[str | None] = _irm()

    action_plan: Mapped[ActionPlan] = relationship()
    lead_institution: Mapped[Institution | None] = relationship()
    support_institutions: Mapped[list[Institution]] = relationship(
        secondary=commitment_support_institutions, order_by=Institution.name
    )
    policy_areas: Mapped[list[PolicyArea]] = relationship(secondary=commitment_policy_areas, order_by=PolicyArea.name)
    milestones: Mapped[list[Milestone]] = relationship(
        back_populates="commitment", order_by="Milestone.number", cascade="all, delete-orphan"
    )


class Milestone(Sourced, Base):
    __tablename__ = "milestones"
    __table_args__ = (
        UniqueConstraint("commitment_id", "number"),
        Index("ix_milestones_planned_end_status", "planned_end", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    commitment_id: Mapped[str] = mapped_column(ForeignKey("commitments.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    title: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str | None] = mapped_column(String(300))
    planned_start: Mapped[dt.date | None] = mapped_column(Date)
    planned_end: Mapped[dt.date | None] = mapped_column(Date)
    actual_end: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), index=True)
    progress: Mapped[float] = mapped_column(Float)  # 0-100, as last reported
    weight: Mapped[float | None] = mapped_column(Float)
    evidence_url: Mapped[str | None] = mapped_column(String(500))
    note: Mapped[str | None] = mapped_column(Text)

    commitment: Mapped[Commitment] = relationship(back_populates="milestones")
    events: Mapped[list[MilestoneEvent]] = relationship(
        back_populates="milestone", order_by="MilestoneEvent.date", cascade="all, delete-orphan"
    )


class MilestoneEvent(Sourced, Base):
    """A reported status update: the state a milestone reached on a date.

    The previous state is the previous event, so it is not stored twice.
    """

    __tablename__ = "milestone_events"
    __table_args__ = (UniqueConstraint("milestone_id", "date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    milestone_id: Mapped[int] = mapped_column(ForeignKey("milestones.id", ondelete="CASCADE"), index=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(20))
    progress: Mapped[float] = mapped_column(Float)
    note: Mapped[str | None] = mapped_column(Text)

    milestone: Mapped[Milestone] = relationship(back_populates="events")


class Organization(Sourced, Base):
    __tablename__ = "organizations"
    __table_args__ = (UniqueConstraint("country_code", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    country_code: Mapped[str] = mapped_column(ForeignKey("countries.code"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    stakeholder_type: Mapped[str] = mapped_column(String(40), index=True)


forum_commitments = Table(
    "forum_commitments",
    Base.metadata,
    Column("forum_id", ForeignKey("forums.id", ondelete="CASCADE"), primary_key=True),
    Column("commitment_id", ForeignKey("commitments.id"), primary_key=True, index=True),
)


class Forum(Sourced, Base):
    __tablename__ = "forums"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)  # natural key, used in links
    country_code: Mapped[str] = mapped_column(ForeignKey("countries.code"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20))
    sector: Mapped[str | None] = mapped_column(String(100))
    legal_basis: Mapped[str | None] = mapped_column(String(200))
    created: Mapped[dt.date | None] = mapped_column(Date)
    ended: Mapped[dt.date | None] = mapped_column(Date)
    # the commitment that set the forum up (PE0066 for Peru's pilots)
    commitment_id: Mapped[str | None] = mapped_column(ForeignKey("commitments.id"), index=True)

    follows: Mapped[list[Commitment]] = relationship(secondary=forum_commitments, order_by=Commitment.id)


class Membership(Sourced, Base):
    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("forum_id", "organization_id", "role", "term_start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forums.id", ondelete="CASCADE"), index=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    term_start: Mapped[dt.date] = mapped_column(Date)
    term_end: Mapped[dt.date | None] = mapped_column(Date)

    forum: Mapped[Forum] = relationship()
    organization: Mapped[Organization] = relationship()


class Meeting(Sourced, Base):
    __tablename__ = "meetings"
    __table_args__ = (UniqueConstraint("forum_id", "date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forums.id", ondelete="CASCADE"), index=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(20))
    minutes_url: Mapped[str | None] = mapped_column(String(500))
    agreements: Mapped[int | None]

    forum: Mapped[Forum] = relationship()


class Attendance(Sourced, Base):
    """People present at a meeting: per organization, or a count per stakeholder type."""

    __tablename__ = "attendance"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"), index=True)
    stakeholder_type: Mapped[str] = mapped_column(String(40))
    gender: Mapped[str | None] = mapped_column(String(10))
    persons: Mapped[int]

    meeting: Mapped[Meeting] = relationship()
    organization: Mapped[Organization | None] = relationship()


class Participation(Sourced, Base):
    """Contributions received through a channel (consultation, workshop, comment)."""

    __tablename__ = "participation"

    id: Mapped[int] = mapped_column(primary_key=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    channel: Mapped[str] = mapped_column(String(30), index=True)
    country_code: Mapped[str] = mapped_column(ForeignKey("countries.code"), index=True)
    forum_id: Mapped[int | None] = mapped_column(ForeignKey("forums.id"), index=True)
    action_plan_id: Mapped[str | None] = mapped_column(ForeignKey("action_plans.id"), index=True)
    commitment_id: Mapped[str | None] = mapped_column(ForeignKey("commitments.id"), index=True)
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"), index=True)
    stakeholder_type: Mapped[str] = mapped_column(String(40))
    gender: Mapped[str | None] = mapped_column(String(10))
    participants: Mapped[int]
    contributions_received: Mapped[int]
    contributions_answered: Mapped[int]


# Tables in dependency order (parents first): import writes and export reads in
# this order.
TABLE_ORDER = (
    "countries",
    "action_plans",
    "institutions",
    "policy_areas",
    "commitments",
    "milestones",
    "milestone_events",
    "organizations",
    "forums",
    "memberships",
    "meetings",
    "attendance",
    "participation",
)
