"""exercise enablements (by a linked therapist), consent specific to an exercise, progress between sittings

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 12:25:25.222758
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('exercise_consents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('exercise', sa.String(length=64), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('withdrawn_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('exercise_consents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exercise_consents_person_id'), ['person_id'], unique=False)

    op.create_table('exercise_enablements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('exercise', sa.String(length=64), nullable=False),
    sa.Column('enabled_by', sa.Integer(), nullable=False),
    sa.Column('enabled_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('disabled_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['enabled_by'], ['people.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('person_id', 'exercise', name='uq_exercise_enablement')
    )
    with op.batch_alter_table('exercise_enablements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exercise_enablements_person_id'), ['person_id'], unique=False)

    op.create_table('exercise_progress',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('exercise', sa.String(length=64), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('person_id', 'exercise', name='uq_exercise_progress')
    )
    with op.batch_alter_table('exercise_progress', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exercise_progress_person_id'), ['person_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('exercise_progress', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exercise_progress_person_id'))

    op.drop_table('exercise_progress')
    with op.batch_alter_table('exercise_enablements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exercise_enablements_person_id'))

    op.drop_table('exercise_enablements')
    with op.batch_alter_table('exercise_consents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exercise_consents_person_id'))

    op.drop_table('exercise_consents')
