"""The command line of accordwatch.review: `users` (accounts, roles, passwords, API tokens)."""
from __future__ import annotations

from typing import Annotated

import typer

from .cli import DbOption, JsonOption, _cell, _print_json, _table, app, out_console
from .cli_watch import _store

users_app = typer.Typer(help="Accounts and roles (viewer, editor, admin) for the dashboard and the API.",
                        no_args_is_help=True)
app.add_typer(users_app, name="users")

Role = Annotated[str, typer.Option("--role", help="viewer (reads), editor (also reviews facts), admin (also "
                                                  "manages users, reads the audit log).")]


def _password(name: str, given: str | None) -> str:
    """The password from --password-stdin's line, else asked twice without echo."""
    if given is not None:
        return given
    return typer.prompt(f"password for {name}", hide_input=True, confirmation_prompt=True)


PasswordStdin = Annotated[bool, typer.Option(
    "--password-stdin", help="Read the password from standard input (one line) instead of asking.")]


def _read_password(name: str, from_stdin: bool) -> str:
    import sys

    return _password(name, sys.stdin.readline().rstrip("\n") if from_stdin else None)


@users_app.command("add")
def users_add(name: Annotated[str, typer.Argument(help="The login name.")], role: Role = "viewer",
              password_stdin: PasswordStdin = False, db: DbOption = None) -> None:
    """Add an account (the password is asked for, or read from standard input)."""
    from .review.accounts import add_user

    password = _read_password(name, password_stdin)
    with _store(db) as store:
        user = add_user(store.engine, name, password, role)
    out_console.print(f"user {user['name']} added ({user['role']})", highlight=False)


@users_app.command("list")
def users_list(db: DbOption = None, as_json: JsonOption = False) -> None:
    """The accounts and their roles (never a password or its hash)."""
    from .review.accounts import list_users

    with _store(db) as store:
        rows = list_users(store.engine)
    if as_json:
        return _print_json(rows)
    t = _table("name", "role", "created", "locked until")
    for r in rows:
        t.add_row(_cell(r["name"]), r["role"], _cell(r["created"]), _cell(r["locked_until"]))
    out_console.print(t if rows else "no users: the dashboard is open and read-only (add one with "
                      "`accordwatch users add NAME --role admin`)", highlight=False)


@users_app.command("passwd")
def users_passwd(name: Annotated[str, typer.Argument(help="The login name.")],
                 password_stdin: PasswordStdin = False, db: DbOption = None) -> None:
    """Set a new password; every session of the user ends."""
    from .review.accounts import set_password

    password = _read_password(name, password_stdin)
    with _store(db) as store:
        set_password(store.engine, name, password)
    out_console.print(f"password of {name} changed; their sessions ended", highlight=False)


@users_app.command("role")
def users_role(name: Annotated[str, typer.Argument(help="The login name.")], role: Role = "viewer",
               db: DbOption = None) -> None:
    """Change an account's role."""
    from .review.accounts import set_role

    with _store(db) as store:
        set_role(store.engine, name, role)
    out_console.print(f"{name} is now {role}", highlight=False)


@users_app.command("remove")
def users_remove(name: Annotated[str, typer.Argument(help="The login name.")], db: DbOption = None) -> None:
    """Remove an account, its sessions and API tokens (its reviews stay, under its name)."""
    from .review.accounts import remove_user

    with _store(db) as store:
        remove_user(store.engine, name)
    out_console.print(f"user {name} removed", highlight=False)


@users_app.command("token")
def users_token(name: Annotated[str, typer.Argument(help="The login name.")],
                label: Annotated[str, typer.Option("--name", help="What the token is for.")] = "api",
                db: DbOption = None) -> None:
    """Make an API token for the user (sent as `Authorization: Bearer TOKEN`); it is shown once."""
    from .review.accounts import create_token

    with _store(db) as store:
        token = create_token(store.engine, name, label)
    out_console.print(f"API token for {name} (shown once): {token}", highlight=False)
