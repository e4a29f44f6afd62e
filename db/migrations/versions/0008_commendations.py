"""commendations

Commendation rounds, nominees, their linked initiatives, file items (hồ sơ) and the
certificate register (issue 12); the office's numbering book shared by every document.

Revision ID: 0008
Revises: 0007a
Create Date: 2026-12-06 04:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007a"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('document_number',
    sa.Column('office_code', sa.String(length=32), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('symbol', sa.String(length=64), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('feature', sa.String(length=32), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('origin_office', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document_number')),
    sa.UniqueConstraint('office_code', 'year', 'symbol', 'number', name='uq_document_number_entry')
    )
    op.create_table('commendation_round',
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.Column('name_folded', sa.String(length=500), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('level', sa.String(length=16), nullable=False),
    sa.Column('forms', sa.String(length=200), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('programme_id', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('origin_office', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], name=op.f('fk_commendation_round_programme_id_programme')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_commendation_round'))
    )
    op.create_table('commendation_nominee',
    sa.Column('round_id', sa.Uuid(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('member_id', sa.Uuid(), nullable=True),
    sa.Column('unit_id', sa.Uuid(), nullable=True),
    sa.Column('full_name', sa.String(length=255), nullable=False),
    sa.Column('name_folded', sa.String(length=255), nullable=False),
    sa.Column('unit_name', sa.String(length=255), nullable=False),
    sa.Column('position', sa.String(length=200), nullable=False),
    sa.Column('tier', sa.String(length=16), nullable=False),
    sa.Column('award', sa.String(length=24), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('criteria', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('decision_number', sa.String(length=64), nullable=False),
    sa.Column('decision_date', sa.Date(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('origin_office', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_commendation_nominee_member_id_member')),
    sa.ForeignKeyConstraint(['round_id'], ['commendation_round.id'], name=op.f('fk_commendation_nominee_round_id_commendation_round')),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_commendation_nominee_unit_id_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_commendation_nominee'))
    )
    with op.batch_alter_table('commendation_nominee', schema=None) as batch_op:
        batch_op.create_index('ix_commendation_nominee_round', ['round_id', 'seq'], unique=False)

    op.create_table('commendation_certificate',
    sa.Column('nominee_id', sa.Uuid(), nullable=False),
    sa.Column('office_code', sa.String(length=32), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('origin_office', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['nominee_id'], ['commendation_nominee.id'], name=op.f('fk_commendation_certificate_nominee_id_commendation_nominee')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_commendation_certificate')),
    sa.UniqueConstraint('nominee_id', name=op.f('uq_commendation_certificate_nominee_id')),
    sa.UniqueConstraint('office_code', 'year', 'number', name='uq_commendation_certificate_number')
    )
    op.create_table('commendation_file_item',
    sa.Column('round_id', sa.Uuid(), nullable=False),
    sa.Column('nominee_id', sa.Uuid(), nullable=True),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('generated', sa.Boolean(), nullable=False),
    sa.Column('added_on', sa.Date(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('origin_office', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['nominee_id'], ['commendation_nominee.id'], name=op.f('fk_commendation_file_item_nominee_id_commendation_nominee')),
    sa.ForeignKeyConstraint(['round_id'], ['commendation_round.id'], name=op.f('fk_commendation_file_item_round_id_commendation_round')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_commendation_file_item'))
    )
    with op.batch_alter_table('commendation_file_item', schema=None) as batch_op:
        batch_op.create_index('ix_commendation_file_item_round', ['round_id', 'nominee_id'], unique=False)

    op.create_table('commendation_nominee_initiative',
    sa.Column('nominee_id', sa.Uuid(), nullable=False),
    sa.Column('initiative_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('origin_office', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiative.id'], name=op.f('fk_commendation_nominee_initiative_initiative_id_initiative')),
    sa.ForeignKeyConstraint(['nominee_id'], ['commendation_nominee.id'], name=op.f('fk_commendation_nominee_initiative_nominee_id_commendation_nominee')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_commendation_nominee_initiative')),
    sa.UniqueConstraint('nominee_id', 'initiative_id', name='uq_commendation_nominee_initiative_pair')
    )
    with op.batch_alter_table('commendation_nominee_initiative', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_commendation_nominee_initiative_nominee_id'), ['nominee_id'], unique=False)

    op.create_table('commendation_certificate_print',
    sa.Column('certificate_id', sa.Uuid(), nullable=False),
    sa.Column('printed_on', sa.Date(), nullable=False),
    sa.Column('reprint', sa.Boolean(), nullable=False),
    sa.Column('mode', sa.String(length=16), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('origin_office', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['certificate_id'], ['commendation_certificate.id'], name=op.f('fk_commendation_certificate_print_certificate_id_commendation_certificate')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_commendation_certificate_print'))
    )
    with op.batch_alter_table('commendation_certificate_print', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_commendation_certificate_print_certificate_id'), ['certificate_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('commendation_certificate_print', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_commendation_certificate_print_certificate_id'))

    op.drop_table('commendation_certificate_print')
    with op.batch_alter_table('commendation_nominee_initiative', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_commendation_nominee_initiative_nominee_id'))

    op.drop_table('commendation_nominee_initiative')
    with op.batch_alter_table('commendation_file_item', schema=None) as batch_op:
        batch_op.drop_index('ix_commendation_file_item_round')

    op.drop_table('commendation_file_item')
    op.drop_table('commendation_certificate')
    with op.batch_alter_table('commendation_nominee', schema=None) as batch_op:
        batch_op.drop_index('ix_commendation_nominee_round')

    op.drop_table('commendation_nominee')
    op.drop_table('commendation_round')
    op.drop_table('document_number')
