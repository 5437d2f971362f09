"""The overview's headline board as HTML: tiles that link to their sentence, pairs, fields."""

from __future__ import annotations

from html import escape
from urllib.parse import quote

import pandas as pd

from metrics.colors import text_shade
from metrics.relations import OTHER
from ui.labels import LABELS

BOARD_CSS = """
<style>
.board {display:grid; grid-template-columns:repeat(auto-fill,minmax(138px,1fr)); gap:8px;
  margin:0 0 6px 0;}
a.tile {display:block; text-decoration:none; color:#101828; background:#fff;
  border:1px solid #d0d5dd; border-left:5px solid var(--c); border-radius:8px;
  padding:4px 9px 5px 9px; min-width:0; position:relative;}
a.tile:hover {border-color:var(--c); box-shadow:0 1px 4px rgba(16,24,40,.18);}
a.tile {container-type:inline-size;}
/* The amount never breaks (增长20%以上 stays whole): one line, shrunk to the tile's width.
   --w is the amount's width in em (ui.headline.em_width). */
.tile-value {font-size:min(var(--max, 23px), calc(98cqi / var(--w, 5))); font-weight:800;
  line-height:1.25; color:var(--ct, var(--c)); white-space:nowrap;}
.tile-label {font-size:13px; line-height:1.35; color:#344054; display:-webkit-box;
  -webkit-line-clamp:2; -webkit-box-orient:vertical; overflow:hidden;}
.tile-where {font-size:12px; color:#475467;}
.tile-mark {font-size:12px; font-weight:700; color:#fff; background:#475467;
  border-radius:4px; padding:0 4px; margin-right:4px;}
.board-head {font-size:15px; font-weight:700; margin:4px 0 4px 0; color:#101828;}
.pairs {font-size:15px; line-height:1.9; color:#101828;}
.pairs td {padding:0 10px 0 0; white-space:nowrap;}
.pairs td:first-child {white-space:normal; overflow-wrap:anywhere;}
.pairs .n {font-variant-numeric:tabular-nums; text-align:right;}
.pairs .sum td {border-top:1px solid #98a2b3; font-weight:600;}
.fields {width:100%; border-collapse:collapse; font-size:15px; color:#101828;}
.fields td {padding:6px 8px; border-bottom:1px solid #eaecf0; vertical-align:top;}
.fields .f {font-weight:700; white-space:nowrap; border-left:5px solid var(--c);}
.fields .why {color:#475467;}
@media (max-width: 640px) {
  .board {grid-template-columns:repeat(2,minmax(0,1fr));}
  .tile-value {--max:22px;}
  .fields td {display:block; border-bottom:none; padding:2px 8px;}
  .fields tr {display:block; border-bottom:1px solid #eaecf0; padding:4px 0;}
}
</style>
"""
PROJECTOR_BOARD_CSS = """
<style>
.tile-value {--max:40px;} .tile-label {font-size:18px;} .tile-where {font-size:16px;}
.pairs, .fields {font-size:20px;}
</style>
"""


def source_link(figure_id: str) -> str:
    """The 来源 page URL that opens a figure's sentence."""
    return f"sources?figure={quote(figure_id)}"


def em_width(text: str) -> float:
    """About how many em `text` takes in bold Noto Sans CJK: a Han character 1, ASCII 0.6."""
    return max(1.0, sum(0.6 if ord(c) < 128 else 1.0 for c in text))


def tiles_html(tiles: pd.DataFrame, target: bool = False) -> str:
    """Headline tiles: the source's phrase, the indicator and place, each a link to its sentence.
    Targets carry the 目标 mark on the number itself."""
    mark = f'<span class="tile-mark">{LABELS["board_target_mark"]}</span>' if target else ""
    items = "".join(
        f'<a class="{"tile target" if target else "tile"}" style="--c:{escape(t.color)};--ct:{text_shade(t.color)}" href="{source_link(t.figure_id)}" '
        f'target="_self" title="{escape(t.quote)}（{LABELS["board_tile_help"]}）">'
        f'<div class="tile-value" style="--w:{em_width(t.label):.2f}">{escape(t.label)}</div>'
        f'<div class="tile-label">{mark}{escape(t.indicator)}</div>'
        f'<div class="tile-where">{escape(t.place)} · {escape(t.field)}</div></a>'
        for t in tiles.itertuples(index=False)
    )
    return f'<div class="board">{items}</div>'


def pairs_html(pairs: pd.DataFrame, limit: int = 10) -> str:
    """京蒙结对 as a short table: partner — city, 已实现 n, 计划 m; pairs past `limit` are summed
    in one 其余 row and a 合计 row closes the table, so its totals are the chart's."""
    head = (
        f"<tr><td></td><td class='n'>{LABELS['relation_achieved']}</td>"
        f"<td class='n'>{LABELS['relation_planned']}</td></tr>"
    )
    shown = [
        (LABELS["board_pairs_row"].format(partner=r.partner, local=r.local), r.achieved, r.planned)
        for r in pairs.head(limit).itertuples(index=False)
    ]
    rest = pairs.iloc[limit:]
    if not rest.empty:
        more = LABELS["board_pairs_more"].format(n=len(rest))
        shown.append((more, rest["achieved"].sum(), rest["planned"].sum()))
    total = (LABELS["board_pairs_total"], pairs["achieved"].sum(), pairs["planned"].sum())
    rows = "".join(
        f"<tr{css}><td>{escape(name)}</td><td class='n'>{achieved}</td>"
        f"<td class='n'>{planned}</td></tr>"
        for (name, achieved, planned), css in [*((r, "") for r in shown), (total, " class='sum'")]
    )
    return f'<table class="pairs">{head}{rows}</table>'


def fields_html(summary: pd.DataFrame) -> str:
    """Each field in one row: its main results (as the sources put them), counts and relations;
    a field without figures says that the sources report none."""
    rows = []
    for r in summary.itertuples(index=False):
        if r.results:
            results = escape(r.results)
        else:
            why = LABELS["board_field_targets_only"] if r.target_count else _no_figures(r.field)
            results = f'<span class="why">{escape(why)}</span>'
        counts = LABELS["board_field_counts"].format(results=r.result_count, targets=r.target_count)
        relations = LABELS["board_field_relations"].format(achieved=r.achieved, planned=r.planned)
        rows.append(
            f'<tr><td class="f" style="--c:{escape(r.color)}">{escape(r.field)}</td>'
            f"<td>{results}</td><td class='why'>{counts}<br>{relations}</td></tr>"
        )
    return f'<table class="fields">{"".join(rows)}</table>'


def _no_figures(field: str) -> str:
    return LABELS["board_field_none"].format(
        field=LABELS["board_field_other"] if field == OTHER else field
    )
