"""A second editor in another process (run by test_concurrency.py): at each agreed moment it
saves one figure's note and prints what happened, one JSON line per round."""

from __future__ import annotations

import json
import sys
import time

from store.db import make_engine
from store.edit import ConflictError, StoreError, get_row, update_row


def main(url: str, figure_id: str, start: float, rounds: int, step: float, fixed: int) -> None:
    """Round i starts at start + i*step; `fixed` > 0 pins the expected version (a stale form)."""
    engine = make_engine(url)
    for number in range(rounds):
        time.sleep(max(0.0, start + number * step - time.time()))
        version = fixed or get_row(engine, "figures", figure_id)["version"]
        note = f"{sys.argv[0][-6:]}-{figure_id}-{number}-{time.time_ns()}"
        try:
            update_row(engine, "figures", figure_id, version, {"note": note}, "并发", "测试")
            outcome = "ok"
        except ConflictError:
            outcome = "conflict"
        except StoreError as error:
            outcome = f"refused: {error}"
        except Exception as error:  # noqa: BLE001 — the test reports it
            outcome = f"error: {type(error).__name__}: {error}"
        print(json.dumps({"round": number, "note": note, "outcome": outcome}), flush=True)
    engine.dispose()


if __name__ == "__main__":
    url, figure_id, start, rounds, step, fixed = sys.argv[1:7]
    main(url, figure_id, float(start), int(rounds), float(step), int(fixed))
