"""commitment number label; institution names up to 2000 characters

OGP numbers some commitments "2.1", "3.2.5" or "1.6A" (90 of the 558 rows in
the extract), so the number as written is kept beside the integer used for
sorting; and the sheet names lead and supporting institutions in paragraphs of
up to ~1,600 characters, more than the 500 the first schema allowed.

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('commitments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('number_label', sa.String(length=20), nullable=True))
    with op.batch_alter_table('institutions', schema=None) as batch_op:
        batch_op.alter_column('name', existing_type=sa.String(length=500),
                              type_=sa.String(length=2000), existing_nullable=False)


def downgrade() -> None:
    with op.batch_alter_table('institutions', schema=None) as batch_op:
        batch_op.alter_column('name', existing_type=sa.String(length=2000),
                              type_=sa.String(length=500), existing_nullable=False)
    with op.batch_alter_table('commitments', schema=None) as batch_op:
        batch_op.drop_column('number_label')
