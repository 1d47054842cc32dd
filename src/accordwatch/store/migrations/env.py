"""Alembic environment: migrations run on the connection accordwatch hands over."""
from __future__ import annotations

from alembic import context

from accordwatch.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:   # `alembic` on the command line: use the URL from the config
    from accordwatch.store.engine import make_engine

    engine = make_engine(context.config.get_main_option("sqlalchemy.url"))
    with engine.begin() as conn:
        context.configure(connection=conn, target_metadata=metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
