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


review_app = typer.Typer(help="The team's reviewed articles as gold, and the extractor's accuracy on them.",
                         no_args_is_help=True)
app.add_typer(review_app, name="review")


@review_app.command("export")
def review_export(out: Annotated[str, typer.Option("--out", help="The folder to write the gold records to.")],
                  db: DbOption = None) -> None:
    """Write every reviewed article as a gold record of SCHEMA.md (<out>/<article id>.json)."""
    from .review.gold import export

    with _store(db) as store:
        written = export(store.engine, out)
    out_console.print(f"{len(written)} reviewed article(s) written to {out}", highlight=False)


@review_app.command("score")
def review_score(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Score the current extractor against the reviewed articles, per field and per language, with the
    rules of SCHEMA.md's scorer."""
    from .review.gold import score_reviewed

    with _store(db) as store:
        results = score_reviewed(store.engine)
    if as_json:
        return _print_json(results)
    if not results:
        out_console.print("no reviewed articles yet: review facts on the article pages first", highlight=False)
        return
    for lang, res in results.items():
        t = _table("field", "P", "R", "F1", "support", "predicted",
                   title=f"{'all languages' if lang == 'all' else lang}: {res['articles']} reviewed article(s)")
        for name, v in res["fields"].items():
            t.add_row(name, f"{v['p']:.3f}", f"{v['r']:.3f}", f"{v['f1']:.3f}", str(v["support"]), str(v["predicted"]))
        for name, v in res["attributes"].items():
            if v["n"]:
                t.add_row(name, "", "", f"{v['acc']:.3f}", str(v["n"]), "")
        out_console.print(t, highlight=False)


@review_app.command("audit")
def review_audit(
    out: Annotated[str, typer.Option("--out", help="Write the log to this file: .csv or .json.")],
    contains: Annotated[str | None, typer.Option("--target", help="Only entries whose target holds this "
                                                                  "(\"figure 12\", \"user alice\").")] = None,
    db: DbOption = None,
) -> None:
    """Export the audit log (every change: who, when, what, before and after), newest first."""
    import csv
    import json
    from pathlib import Path

    from .review.audit import entries

    path = Path(out)
    if path.suffix.lower() not in (".csv", ".json"):
        from .cli import _error

        _error(f"--out {out}: write to a .csv or a .json file")
        raise typer.Exit(2)
    with _store(db) as store:
        rows = entries(store.engine, limit=10**9, contains=contains)
    if path.suffix.lower() == ".json":
        path.write_text(json.dumps(rows, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    else:
        with path.open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["at", "user", "action", "target", "before", "after"])
            for r in rows:
                w.writerow([r["at"], r["user_name"], r["action"], r["target"],
                            json.dumps(r["before"], ensure_ascii=False) if r["before"] is not None else "",
                            json.dumps(r["after"], ensure_ascii=False) if r["after"] is not None else ""])
    out_console.print(f"{len(rows)} audit entr{'y' if len(rows) == 1 else 'ies'} written to {out}", highlight=False)


AsUser = Annotated[str, typer.Option("--as", help="The editor or admin the change is made as (the audit log "
                                                  "names them).")]


def _user(engine, name: str) -> dict:
    from .review.accounts import get_user

    with engine.connect() as conn:
        row = get_user(conn, name)
    return {"id": row.id, "name": row.name, "role": row.role}


@review_app.command("merge")
def review_merge(entity_id: Annotated[int, typer.Argument(help="The entity merged away (its id).")],
                 into: Annotated[int, typer.Argument(help="The entity it is (same kind).")],
                 as_user: AsUser, db: DbOption = None) -> None:
    """Merge an entity into another (two spellings of one person, organization or place): its mentions and
    aliases move, it disappears; kept as a review, so a rebuilt database merges them again."""
    from .review.entities import merge

    with _store(db) as store:
        after = merge(store.engine, _user(store.engine, as_user), entity_id, into)
    out_console.print(f"{entity_id} merged into {after['kind']} {after['id']} {after['name']!r}: "
                      f"{after['mentions']} mention(s), aliases {', '.join(after['aliases'])}", highlight=False)


@review_app.command("split")
def review_split(entity_id: Annotated[int, typer.Argument(help="The entity the spelling is split off (its id).")],
                 spelling: Annotated[str, typer.Argument(help="The spelling, as an article writes it.")],
                 as_user: AsUser,
                 into: Annotated[int | None, typer.Option("--into", help="The entity the spelling is.")] = None,
                 name: Annotated[str | None, typer.Option("--name", help="Without --into: the name of the entity "
                                                                         "the spelling is (made if need be).")] = None,
                 db: DbOption = None) -> None:
    """Split a spelling off an entity (undo a wrong merge): the mentions written so, and the alias, move to
    another entity; kept as a review, so a rebuilt database splits them again."""
    from .review.entities import split

    with _store(db) as store:
        after = split(store.engine, _user(store.engine, as_user), entity_id, spelling, into, name)
    into_text = f"{after['into']['kind']} {after['into']['id']} {after['into']['name']!r}" if after["into"] else \
        "a new entity once an article writes it so"
    out_console.print(f"{spelling!r} split off {entity_id} into {into_text}", highlight=False)
