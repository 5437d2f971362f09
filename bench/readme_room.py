"""The README's room-load part (bench/room.py results) and the value formats every part uses."""

from __future__ import annotations


def num(value, unit: str = "", digits: int = 2) -> str:
    """A measured value with its unit, or — when it was not measured."""
    if value is None:
        return "—"
    return f"{value:.{digits}f}{unit}" if isinstance(value, float) else f"{value}{unit}"


def mark(met: bool) -> str:
    """A budget's verdict as the README prints it."""
    return "met" if met else "**missed**"


def room_section(room: dict) -> list[str]:
    """The room-load table and its budgets."""
    from bench.room import verdicts

    s, bare, app, ratio = room["settings"], room["bare"], room["app"], room["ratios"]
    lines = [
        f"### A room at once (`bench/room.py`, {room['date']})",
        "",
        (
            f"Machine: {room['machine']}; load average before the run "
            f"{' / '.join(str(v) for v in room.get('load_average_before', []))} (other processes "
            f"share these cores). `make serve` ran {s['workers']} Streamlit processes."
        ),
        "",
        "| what | bare one-line app | this dashboard | ratio |",
        "|---|---|---|---|",
        (
            f"| a new session's first run, one at a time (connect → `script_finished`), median | "
            f"{num(bare['first_run_median_s'], ' s', 3)} | {num(app['first_run_median_s'], ' s', 3)}"
            f" (`/{s['page']}`, one process) | {num(ratio['first_run'], '×')} |"
        ),
    ]
    b, a = bare["burst"], app["burst"]
    times = f", {s['bursts']} times (medians; each p95)" if s.get("bursts", 1) > 1 else ""

    def each(row: dict) -> str:
        runs = row.get("p95_each_s")
        return f" ({', '.join(num(v, ' s') for v in runs)})" if runs and len(runs) > 1 else ""

    lines.append(
        f"| {s['burst']} sessions open `/{s['page']}` at once{times}: median / p95 / errors | "
        f"{num(b['median_s'], ' s')} / {num(b['p95_s'], ' s')}{each(b)} / {b['errors']} | "
        f"{num(a['median_s'], ' s')} / {num(a['p95_s'], ' s')}{each(a)} / {a['errors']} | "
        f"p95 {num(ratio['burst_p95'], '×')} |"
    )
    b, a = bare["burst"], app["burst"]
    if "server_cpu_s_per_session" in a:
        cpu_ratio = num(
            round(a["server_cpu_s_per_session"] / b["server_cpu_s_per_session"], 2)
            if b.get("server_cpu_s_per_session")
            else None,
            "×",
        )
        lines.append(
            f"| the same burst: server CPU seconds per session (all processes) | "
            f"{b.get('server_cpu_s_per_session')} | {a['server_cpu_s_per_session']} | {cpu_ratio} |"
        )
    b, a = bare["steady"], app["steady"]
    lines.append(
        f"| {s['steady']} steady sessions, {s['think']:g} s mean think time, {s['seconds']:g} s: "
        f"reruns, median / p95, errors | {b['runs']}, {num(b['median_s'], ' s', 3)} / "
        f"{num(b['p95_s'], ' s', 3)}, {b['errors']} | {a['runs']}, {num(a['median_s'], ' s', 3)}"
        f" / {num(a['p95_s'], ' s', 3)}, {a['errors']} | p95 {num(ratio['steady_p95'], '×')} |"
    )
    lines += ["", "Budgets:", ""]
    lines += [f"- {mark(met)}: {line}" for line, met in verdicts(room)]
    reruns = app.get("rerun_ms", {})
    if reruns:
        lines += [
            "",
            (
                "A rerun of each page on the bundled data (AppTest, the script thread with the "
                "serialisation of its elements; budget: median ≤ 60 ms):"
            ),
            "",
            "| page | median ms | p95 ms | CPU median ms |",
            "|---|---|---|---|",
        ]
        lines += [
            f"| {page.removesuffix('.py')} | {row['median_ms']} | {row['p95_ms']} | "
            f"{row.get('cpu_median_ms', '—')} |"
            for page, row in reruns.items()
        ]
    return lines
