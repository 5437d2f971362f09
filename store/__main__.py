"""Store administration.

python -m store upgrade                  migrate the database to the current schema (and seed it)
python -m store add-editor NAME          create an editor account (password asked, or from stdin)
python -m store set-password NAME        a new password (every sign-in of the account ends)
python -m store hash-password            print an Argon2 hash for .streamlit/secrets.toml
python -m store export OUT.zip           back up everything as a zip of CSVs
python -m store import FILE [--apply]    preview (default) or apply an import of a CSV or backup zip
python -m store restore BACKUP.zip       restore a backup into an EMPTY database (nothing seeded)
Uses $DATABASE_URL, else the bundled SQLite file under var/.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from store import auth, backup
from store.db import database_url, make_engine, open_store, schema_revision
from store.edit import StoreError
from store.restore import restore_backup


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("密码：")
    if getpass.getpass("再输入一次：") != first:
        raise StoreError("两次输入的密码不一致")
    return first


def main(argv: list[str] | None = None) -> int:
    """The `python -m store` command line (accounts, export, restore, import)."""
    parser = argparse.ArgumentParser(prog="python -m store", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("upgrade")
    add = commands.add_parser("add-editor")
    add.add_argument("name")
    add.add_argument("--display-name", default="")
    add.add_argument("--password-stdin", action="store_true")
    new_password = commands.add_parser("set-password")
    new_password.add_argument("name")
    new_password.add_argument("--password-stdin", action="store_true")
    hashing = commands.add_parser("hash-password")
    hashing.add_argument("--password-stdin", action="store_true")
    export = commands.add_parser("export")
    export.add_argument("out", type=Path)
    importing = commands.add_parser("import")
    importing.add_argument("file", type=Path)
    importing.add_argument("--apply", action="store_true")
    importing.add_argument("--actor", default="命令行")
    restoring = commands.add_parser("restore")
    restoring.add_argument("file", type=Path)
    args = parser.parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except StoreError as error:
        print(f"错误：{error}", file=sys.stderr)
        return 2


def _hash_password(args: argparse.Namespace) -> int:
    """Print an Argon2 hash for .streamlit/secrets.toml."""
    print(auth.hash_password(_password(args.password_stdin)))
    return 0


def _restore(args: argparse.Namespace) -> int:
    """Fill an empty database from a backup zip."""
    if not args.file.exists():
        raise StoreError(f"文件不存在：{args.file}")
    counts = restore_backup(make_engine(database_url()), args.file.read_bytes())
    print("已恢复：" + "，".join(f"{name} {n} 行" for name, n in counts.items()))
    return 0


def _upgrade(args: argparse.Namespace) -> int:
    """Create or migrate the store and print its schema revision."""
    engine = open_store()
    print(f"{database_url()}: schema {schema_revision(engine)}")
    return 0


def _add_editor(args: argparse.Namespace) -> int:
    """Create an editor account."""
    auth.add_editor(open_store(), args.name, _password(args.password_stdin), args.display_name)
    print(f"已创建编辑账号 {args.name}")
    return 0


def _set_password(args: argparse.Namespace) -> int:
    """Give a database account a new password (its sign-ins end in every server process)."""
    auth.set_password(open_store(), args.name, _password(args.password_stdin))
    print(f"已修改 {args.name} 的密码，该账号的登录已全部失效")
    return 0


def _export(args: argparse.Namespace) -> int:
    """Write a full backup zip."""
    args.out.write_bytes(backup.export_zip(open_store()))
    print(f"已导出到 {args.out}")
    return 0


def _import(args: argparse.Namespace) -> int:
    """Preview a CSV or zip import; write it with --apply when every row is valid."""
    if not args.file.exists():
        raise StoreError(f"文件不存在：{args.file}")
    engine = open_store()
    tables = backup.read_upload(args.file.read_bytes(), args.file.name)
    plan = backup.plan_import(engine, tables)
    print(plan.summary().to_string(index=False))
    if plan.errors:
        print(plan.errors_frame().to_string(index=False), file=sys.stderr)
        print(f"{len(plan.errors)} 行有问题，未写入任何数据", file=sys.stderr)
        return 2
    if args.apply:
        print(f"已写入 {backup.apply_import(engine, plan, args.actor)} 行")
    else:
        print("预览完成（未写入）。确认无误后加 --apply 写入")
    return 0


_COMMANDS = {
    "hash-password": _hash_password,
    "restore": _restore,
    "upgrade": _upgrade,
    "add-editor": _add_editor,
    "set-password": _set_password,
    "export": _export,
    "import": _import,
}


if __name__ == "__main__":
    sys.exit(main())
