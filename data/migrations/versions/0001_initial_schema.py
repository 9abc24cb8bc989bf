"""initial schema

Revision ID: 0001
Revises: 
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sources',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('loaded_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sources')),
    sa.UniqueConstraint('kind', 'name', name=op.f('uq_sources_kind_name'))
    )
    op.create_table('countries',
    sa.Column('code', sa.String(length=8), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('region', sa.String(length=100), nullable=True),
    sa.Column('level', sa.String(length=40), nullable=True),
    sa.Column('source_row', sa.Integer(), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_countries_source_id_sources')),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_countries'))
    )
    with op.batch_alter_table('countries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_countries_source_id'), ['source_id'], unique=False)

    op.create_table('policy_areas',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('source_row', sa.Integer(), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_policy_areas_source_id_sources')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_policy_areas')),
    sa.UniqueConstraint('name', name=op.f('uq_policy_areas_name'))
    )
    with op.batch_alter_table('policy_areas', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_policy_areas_source_id'), ['source_id'], unique=False)

    op.create_table('action_plans',
    sa.Column('id', sa.String(length=20), nullable=False),
    sa.Column('country_code', sa.String(length=8), nullable=False),
    sa.Column('number', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=300), nullable=True),
    sa.Column('cycle_year', sa.Integer(), nullable=True),
    sa.Column('start_year', sa.Integer(), nullable=True),
    sa.Column('end_year', sa.Integer(), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('forum_exists', sa.Boolean(), nullable=True),
    sa.Column('public_influence', sa.String(length=20), nullable=True),
    sa.Column('source_row', sa.Integer(), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['country_code'], ['countries.code'], name=op.f('fk_action_plans_country_code_countries')),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_action_plans_source_id_sources')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action_plans'))
    )
    with op.batch_alter_table('action_plans', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_plans_country_code'), ['country_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_action_plans_source_id'), ['source_id'], unique=False)

    op.create_table('institutions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('country_code', sa.String(length=8), nullable=False),
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.Column('source_row', sa.Integer(), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['country_code'], ['countries.code'], name=op.f('fk_institutions_country_code_countries')),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_institutions_source_id_sources')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_institutions')),
    sa.UniqueConstraint('country_code', 'name', name=op.f('uq_institutions_country_code_name'))
    )
    with op.batch_alter_table('institutions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_institutions_country_code'), ['country_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_institutions_source_id'), ['source_id'], unique=False)

    op.create_table('organizations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('country_code', sa.String(length=8), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('stakeholder_type', sa.String(length=40), nullable=False),
    sa.Column('source_row', sa.Integer(), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['country_code'], ['countries.code'], name=op.f('fk_organizations_country_code_countries')),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_organizations_source_id_sources')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organizations')),
    sa.UniqueConstraint('country_code', 'name', name=op.f('uq_organizations_country_code_name'))
    )
    with op.batch_alter_table('organizations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organizations_country_code'), ['country_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_organizations_source_id'), ['source_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_organizations_stakeholder_type'), ['stakeholder_type'], unique=False)

    op.create_table('commitments',
    sa.Column('id', sa.String(length=20), nullable=False),
    sa.Column('action_plan_id', sa.String(length=20), nullable=False),
    sa.Column('number', sa.Integer(), nullable=True),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('title_en', sa.Text(), nullable=True),
    sa.Column('theme', sa.String(length=300), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('problem', sa.Text(), nullable=True),
    sa.Column('full_text', sa.Text(), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('start_raw', sa.String(length=100), nullable=True),
    sa.Column('end_raw', sa.String(length=100), nullable=True),
    sa.Column('lead_institution_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=True),
    sa.Column('url', sa.String(length=500), nullable=True),
    sa.Column('irm_report', sa.String(length=300), nullable=True),
    sa.Column('irm_progress_year', sa.String(length=20), nullable=True),
    sa.Column('irm_end_year', sa.String(length=20), nullable=True),
    sa.Column('specificity', sa.String(length=60), nullable=True),
    sa.Column('specificity_raw', sa.String(length=60), nullable=True),
    sa.Column('value_access_information', sa.Boolean(), nullable=True),
    sa.Column('value_access_information_raw', sa.String(length=60), nullable=True),
    sa.Column('value_civic_participation', sa.Boolean(), nullable=True),
    sa.Column('value_civic_participation_raw', sa.String(length=60), nullable=True),
    sa.Column('value_public_accountability', sa.Boolean(), nullable=True),
    sa.Column('value_public_accountability_raw', sa.String(length=60), nullable=True),
    sa.Column('value_technology_innovation', sa.Boolean(), nullable=True),
    sa.Column('value_technology_innovation_raw', sa.String(length=60), nullable=True),
    sa.Column('potential_impact', sa.String(length=60), nullable=True),
    sa.Column('potential_impact_raw', sa.String(length=60), nullable=True),
    sa.Column('completion_midterm', sa.String(length=60), nullable=True),
    sa.Column('completion_midterm_raw', sa.String(length=60), nullable=True),
    sa.Column('did_it_open_government', sa.String(length=60), nullable=True),
    sa.Column('did_it_open_government_raw', sa.String(length=60), nullable=True),
    sa.Column('diog_access_information', sa.String(length=60), nullable=True),
    sa.Column('diog_access_information_raw', sa.String(length=60), nullable=True),
    sa.Column('diog_civic_participation', sa.String(length=60), nullable=True),
    sa.Column('diog_civic_participation_raw', sa.String(length=60), nullable=True),
    sa.Column('diog_public_accountability', sa.String(length=60), nullable=True),
    sa.Column('diog_public_accountability_raw', sa.String(length=60), nullable=True),
    sa.Column('starred', sa.Boolean(), nullable=True),
    sa.Column('starred_raw', sa.String(length=60), nullable=True),
    sa.Column('verifiable', sa.String(length=60), nullable=True),
    sa.Column('verifiable_raw', sa.String(length=60), nullable=True),
    sa.Column('potential_for_results', sa.String(length=60), nullable=True),
    sa.Column('potential_for_results_raw', sa.String(length=60), nullable=True),
    sa.Column('early_results', sa.String(length=60), nullable=True),
    sa.Column('early_results_raw', sa.String(length=60), nullable=True),
    sa.Column('completion_end', sa.String(length=60), nullable=True),
    sa.Column('completion_end_raw', sa.String(length=60), nullable=True),
    sa.Column('source_row', sa.Integer(), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['action_plan_id'], ['action_plans.id'], name=op.f('fk_commitments_action_plan_id_action_plans')),
    sa.ForeignKeyConstraint(['lead_institution_id'], ['institutions.id'], name=op.f('fk_commitments_lead_institution_id_institutions')),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_commitments_source_id_sources')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_commitments'))
    )
    with op.batch_alter_table('commitments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_commitments_action_plan_id'), ['action_plan_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_commitments_lead_institution_id'), ['lead_institution_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_commitments_source_id'), ['source_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_commitments_starred'), ['starred'], unique=False)
        batch_op.create_index(batch_op.f('ix_commitments_status'), ['status'], unique=False)

    op.create_table('commitment_policy_areas',
    sa.Column('commitment_id', sa.String(length=20), nullable=False),
    sa.Column('policy_area_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['commitment_id'], ['commitments.id'], name=op.f('fk_commitment_policy_areas_commitment_id_commitments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['policy_area_id'], ['policy_areas.id'], name=op.f('fk_commitment_policy_areas_policy_area_id_policy_areas')),
    sa.PrimaryKeyConstraint('commitment_id', 'policy_area_id', name=op.f('pk_commitment_policy_areas'))
    )
    with op.batch_alter_table('commitment_policy_areas', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_commitment_policy_areas_policy_area_id'), ['policy_area_id'], unique=False)

    op.create_table('commitment_support_institutions',
    sa.Column('commitment_id', sa.String(length=20), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['commitment_id'], ['commitments.id'], name=op.f('fk_commitment_support_institutions_commitment_id_commitments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['institution_id'], ['institutions.id'], name=op.f('fk_commitment_support_institutions_institution_id_institutions')),
    sa.PrimaryKeyConstraint('commitment_id', 'institution_id', name=op.f('pk_commitment_support_institutions'))
    )
    with op.batch_alter_table('commitment_support_institutions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_commitment_support_institutions_institution_id'), ['institution_id'], unique=False)

    op.create_table('forums',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('country_code', sa.String(length=8), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('sector', sa.String(length=100), nullable=True),
    sa.Column('legal_basis', sa.String(length=200), nullable=True),
    sa.Column('created', sa.Date(), nullable=True),
    sa.Column('ended', sa.Date(), nullable=True),
    sa.Column('commitment_id', sa.String(length=20), nullable=True),
    sa.Column('source_row', sa.Integer(), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['commitment_id'], ['commitments.id'], name=op.f('fk_forums_commitment_id_commitments')),
    sa.ForeignKeyConstraint(['country_code'], ['countries.code'], name=op.f('fk_forums_country_code_countries')),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_forums_source_id_sources')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_forums')),
    sa.UniqueConstraint('code', name=op.f('uq_forums_code'))
    )
    with op.batch_alter_table('forums', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_forums_commitment_id'), ['commitment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_forums_country_code'), ['country_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_forums_source_id'), ['source_id'], unique=False)

    op.create_table('milestones',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('commitment_id', sa.String(length=20), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('responsible', sa.String(length=300), nullable=True),
    sa.Column('planned_start', sa.Date(), nullable=True),
    sa.Column('planned_end', sa.Date(), nullable=True),
    sa.Column('actual_end', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('progress', sa.Float(), nullable=False),
    sa.Column('weight', sa.Float(), nullable=True),
    sa.Column('evidence_url', sa.String(length=500), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('source_row', sa.Integer(), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['commitment_id'], ['commitments.id'], name=op.f('fk_milestones_commitment_id_commitments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_milestones_source_id_sources')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_milestones')),
    sa.UniqueConstraint('commitment_id', 'number', name=op.f('uq_milestones_commitment_id_number'))
    )
    with op.batch_alter_table('milestones', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_milestones_commitment_id'), ['commitment_id'], unique=False)
        batch_op.create_index('ix_milestones_planned_end_status', ['planned_end', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_milestones_source_id'), ['source_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_milestones_status'), ['status'], unique=False)

    op.create_table('forum_commitments',
    sa.Column('forum_id', sa.Integer(), nullable=False),
    sa.Column('commitment_id', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['commitment_id'], ['commitments.id'], name=op.f('fk_forum_commitments_commitment_id_commitments')),
    sa.ForeignKeyConstraint(['forum_id'], ['forums.id'], name=op.f('fk_forum_commitments_forum_id_forums'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('forum_id', 'commitment_id', name=op.f('pk_forum_commitments'))
    )
    with op.batch_alter_table('forum_commitments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_forum_commitments_commitment_id'), ['commitment_id'], unique=False)

    op.create_table('meetings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('forum_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('minutes_url', sa.String(length=500), nullable=True),
    sa.Column('agreements', sa.Integer(), nullable=True),
    sa.Column('source_row', sa.Integer(), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['forum_id'], ['forums.id'], name=op.f('fk_meetings_forum_id_forums'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_meetings_source_id_sources')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meetings')),
    sa.UniqueConstraint('forum_id', 'date', name=op.f('uq_meetings_forum_id_date'))
    )
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meetings_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_meetings_forum_id'), ['forum_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meetings_source_id'), ['source_id'], unique=False)

    op.create_table('memberships',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('forum_id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('term_start', sa.Date(), nullable=False),
    sa.Column('term_end', sa.Date(), nullable=True),
    sa.Column('source_row', sa.Integer(), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['forum_id'], ['forums.id'], name=op.f('fk_memberships_forum_id_forums'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_memberships_organization_id_organizations')),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_memberships_source_id_sources')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_memberships')),
    sa.UniqueConstraint('forum_id', 'organization_id', 'role', 'term_start', name=op.f('uq_memberships_forum_id_organization_id_role_term_start'))
    )
    with op.batch_alter_table('memberships', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_memberships_forum_id'), ['forum_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_memberships_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_memberships_source_id'), ['source_id'], unique=False)

    op.create_table('milestone_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('milestone_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('progress', sa.Float(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('source_row', sa.Integer(), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['milestone_id'], ['milestones.id'], name=op.f('fk_milestone_events_milestone_id_milestones'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_milestone_events_source_id_sources')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_milestone_events')),
    sa.UniqueConstraint('milestone_id', 'date', name=op.f('uq_milestone_events_milestone_id_date'))
    )
    with op.batch_alter_table('milestone_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_milestone_events_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_milestone_events_milestone_id'), ['milestone_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_milestone_events_source_id'), ['source_id'], unique=False)

    op.create_table('participation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('channel', sa.String(length=30), nullable=False),
    sa.Column('country_code', sa.String(length=8), nullable=False),
    sa.Column('forum_id', sa.Integer(), nullable=True),
    sa.Column('action_plan_id', sa.String(length=20), nullable=True),
    sa.Column('commitment_id', sa.String(length=20), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=True),
    sa.Column('stakeholder_type', sa.String(length=40), nullable=False),
    sa.Column('gender', sa.String(length=10), nullable=True),
    sa.Column('participants', sa.Integer(), nullable=False),
    sa.Column('contributions_received', sa.Integer(), nullable=False),
    sa.Column('contributions_answered', sa.Integer(), nullable=False),
    sa.Column('source_row', sa.Integer(), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['action_plan_id'], ['action_plans.id'], name=op.f('fk_participation_action_plan_id_action_plans')),
    sa.ForeignKeyConstraint(['commitment_id'], ['commitments.id'], name=op.f('fk_participation_commitment_id_commitments')),
    sa.ForeignKeyConstraint(['country_code'], ['countries.code'], name=op.f('fk_participation_country_code_countries')),
    sa.ForeignKeyConstraint(['forum_id'], ['forums.id'], name=op.f('fk_participation_forum_id_forums')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_participation_organization_id_organizations')),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_participation_source_id_sources')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_participation'))
    )
    with op.batch_alter_table('participation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participation_action_plan_id'), ['action_plan_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_participation_channel'), ['channel'], unique=False)
        batch_op.create_index(batch_op.f('ix_participation_commitment_id'), ['commitment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_participation_country_code'), ['country_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_participation_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_participation_forum_id'), ['forum_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_participation_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_participation_source_id'), ['source_id'], unique=False)

    op.create_table('attendance',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=True),
    sa.Column('stakeholder_type', sa.String(length=40), nullable=False),
    sa.Column('gender', sa.String(length=10), nullable=True),
    sa.Column('persons', sa.Integer(), nullable=False),
    sa.Column('source_row', sa.Integer(), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_attendance_meeting_id_meetings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_attendance_organization_id_organizations')),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_attendance_source_id_sources')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendance'))
    )
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attendance_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attendance_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attendance_source_id'), ['source_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attendance_source_id'))
        batch_op.drop_index(batch_op.f('ix_attendance_organization_id'))
        batch_op.drop_index(batch_op.f('ix_attendance_meeting_id'))

    op.drop_table('attendance')
    with op.batch_alter_table('participation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participation_source_id'))
        batch_op.drop_index(batch_op.f('ix_participation_organization_id'))
        batch_op.drop_index(batch_op.f('ix_participation_forum_id'))
        batch_op.drop_index(batch_op.f('ix_participation_date'))
        batch_op.drop_index(batch_op.f('ix_participation_country_code'))
        batch_op.drop_index(batch_op.f('ix_participation_commitment_id'))
        batch_op.drop_index(batch_op.f('ix_participation_channel'))
        batch_op.drop_index(batch_op.f('ix_participation_action_plan_id'))

    op.drop_table('participation')
    with op.batch_alter_table('milestone_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_milestone_events_source_id'))
        batch_op.drop_index(batch_op.f('ix_milestone_events_milestone_id'))
        batch_op.drop_index(batch_op.f('ix_milestone_events_date'))

    op.drop_table('milestone_events')
    with op.batch_alter_table('memberships', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_memberships_source_id'))
        batch_op.drop_index(batch_op.f('ix_memberships_organization_id'))
        batch_op.drop_index(batch_op.f('ix_memberships_forum_id'))

    op.drop_table('memberships')
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meetings_source_id'))
        batch_op.drop_index(batch_op.f('ix_meetings_forum_id'))
        batch_op.drop_index(batch_op.f('ix_meetings_date'))

    op.drop_table('meetings')
    with op.batch_alter_table('forum_commitments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_forum_commitments_commitment_id'))

    op.drop_table('forum_commitments')
    with op.batch_alter_table('milestones', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_milestones_status'))
        batch_op.drop_index(batch_op.f('ix_milestones_source_id'))
        batch_op.drop_index('ix_milestones_planned_end_status')
        batch_op.drop_index(batch_op.f('ix_milestones_commitment_id'))

    op.drop_table('milestones')
    with op.batch_alter_table('forums', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_forums_source_id'))
        batch_op.drop_index(batch_op.f('ix_forums_country_code'))
        batch_op.drop_index(batch_op.f('ix_forums_commitment_id'))

    op.drop_table('forums')
    with op.batch_alter_table('commitment_support_institutions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_commitment_support_institutions_institution_id'))

    op.drop_table('commitment_support_institutions')
    with op.batch_alter_table('commitment_policy_areas', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_commitment_policy_areas_policy_area_id'))

    op.drop_table('commitment_policy_areas')
    with op.batch_alter_table('commitments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_commitments_status'))
        batch_op.drop_index(batch_op.f('ix_commitments_starred'))
        batch_op.drop_index(batch_op.f('ix_commitments_source_id'))
        batch_op.drop_index(batch_op.f('ix_commitments_lead_institution_id'))
        batch_op.drop_index(batch_op.f('ix_commitments_action_plan_id'))

    op.drop_table('commitments')
    with op.batch_alter_table('organizations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organizations_stakeholder_type'))
        batch_op.drop_index(batch_op.f('ix_organizations_source_id'))
        batch_op.drop_index(batch_op.f('ix_organizations_country_code'))

    op.drop_table('organizations')
    with op.batch_alter_table('institutions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_institutions_source_id'))
        batch_op.drop_index(batch_op.f('ix_institutions_country_code'))

    op.drop_table('institutions')
    with op.batch_alter_table('action_plans', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_plans_source_id'))
        batch_op.drop_index(batch_op.f('ix_action_plans_country_code'))

    op.drop_table('action_plans')
    with op.batch_alter_table('policy_areas', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_policy_areas_source_id'))

    op.drop_table('policy_areas')
    with op.batch_alter_table('countries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_countries_source_id'))

    op.drop_table('countries')
    op.drop_table('sources')
