"""risk events keep the dialogue's id for the event, so a check's outcome refines the event it belongs to

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 13:20:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('risk_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('event_key', sa.String(length=32), nullable=True))
        batch_op.create_index(batch_op.f('ix_risk_events_event_key'), ['event_key'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('risk_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_risk_events_event_key'))
        batch_op.drop_column('event_key')
