"""event names: a nullable `name` on events ("Memorandum on sustainable raw materials, batteries and
renewable hydrogen value chains"), what the extractor names the event (extract/event_names.py). Events
stored before it keep no name (NULL): the faces then show the type, as before

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ALTER TABLE ... ADD COLUMN on both backends (batch mode adds a nullable column in place on SQLite)
    with op.batch_alter_table("events") as batch_op:
        batch_op.add_column(sa.Column("name", sa.Text(), nullable=True))


def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN (SQLite 3.35+), not the copy of the table batch mode would make
    # otherwise: dropping the old events table breaks the foreign keys of event_sources and the others
    with op.batch_alter_table("events", recreate="never") as batch_op:
        batch_op.drop_column("name")
