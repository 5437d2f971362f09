"""What each slide of the briefing shows, independent of how it is drawn: the 汇报模式 page and the
PPTX draw the same plans, so a number reads the same in the room and in the forwarded file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from briefing.captions import link_counts, status_counts, supplied_by  # noqa: F401 (re-exported)
from briefing.text import TEXT
from briefing.titles import listed_links, other_name, own_slide, relation_statuses, titled
from metrics.citation import source_titles, sources_as_of, sources_behind
from metrics.display import TARGET, count_kinds, fold_described, fold_parts, kind_mix, marked_label
from metrics.filters import Filters, describe_filters, filter_figures, filter_links
from metrics.linebreak import text_em
from metrics.load import Dataset
from metrics.relations import in_scope
from metrics.tables import figure_table, kpi_cards
from metrics.targets import target_progress
from metrics.tracker import tasks_reached
from metrics.vocab import FIELDS, FILTER_LABELS, field_order

KPI_PER_ROW = 4
LIST_ROWS = 8
OTHER_ROWS = 10  # lines on the 其他领域 slide (smaller type)
CHART_BARS = 10  # bars in a field slide's chart (the largest of its main unit): what fits a slide
NOTED_ROWS = 60  # figures quoted in a field slide's notes beyond those on the slide
PLAN_CHART_MIN = 3  # sections below which tasks per section are listed, not charted
TASK_UNIT = "项"  # tasks are counted as the 行动方案 page counts them (26 项任务)


@dataclass
class SlidePlan:
    """What one slide shows (the page and the PPTX share it)."""

    kind: str  # title, kpis, field, other, map, plan, sources
    title: str
    subtitle: str = ""
    rows: pd.DataFrame = field(default_factory=pd.DataFrame)
    chart: pd.DataFrame = field(default_factory=pd.DataFrame)  # indicator, value, bar_text, kind
    chart_unit: str = ""
    image: bytes = b""
    source_ids: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # the slide's list, as shown
    field: str = ""  # the field whose colour the slide takes

    @property
    def chart_title(self) -> str:
        """'单位：人次', with what it mixes: '（斜线为目标）' or '（均为目标）'."""
        mix = kind_mix(self.chart["kind"]) if "kind" in self.chart else ""
        suffix = {"mixed": "（斜线为目标）", TARGET: "（均为目标）"}.get(mix, "")
        return f"单位：{self.chart_unit}{suffix}"


def describe_scope(filters: Filters, data: Dataset) -> str:
    """'领域：医疗；内蒙古地区：乌海市' or '全部领域、全部地区'."""
    titles = source_titles(data.sources)
    return describe_filters(filters, titles) or TEXT["all"]


def quote_notes(table: pd.DataFrame) -> list[str]:
    """'指标：“引文”——《来源》' for every row (figures, or links by their type)."""
    return [
        f"{row.indicator if 'indicator' in table else row.link_type}："
        f"“{row.quote}”——《{row.source_title}》"
        for row in table.itertuples(index=False)
    ]


def link_line(row: object, form: str = "") -> str:
    """'北京市 → 乌海市：演出' the way the relation runs (乌海市 → 北京市 when Inner Mongolia goes
    to the partner, ↔ both ways), with （计划） when it is planned, not done; `form` instead of
    its link type when given (link_lines)."""
    partner, local = row.from_name, row.to_name
    flow = {"to_partner": f"{local} → {partner}", "both": f"{partner} ↔ {local}"}.get(
        row.direction, f"{partner} → {local}"
    )
    planned = TEXT["link_planned"] if row.status == "planned" else ""
    return TEXT["link_line"].format(flow=flow, form=form or row.link_type) + planned


QUOTE_NAME_EM = 20  # a quote up to this wide names its relation whole (“葡萄乌海 沙漠看海”推介会)
QUOTED = re.compile(r"“[^”]+”")


def relation_name(row: object) -> str:
    """What tells a relation from another of the same places and type: its quote when short
    (verbatim), else its type with the name the quote puts in quotation marks, else its type
    with the quote's beginning."""
    if text_em(row.quote) <= QUOTE_NAME_EM:
        return row.quote
    if found := QUOTED.search(row.quote):
        return f"{row.link_type}{found.group()}"
    return TEXT["link_named"].format(form=row.link_type, start=row.quote[: QUOTE_NAME_EM // 2])


def link_lines(rows: pd.DataFrame) -> list[str]:
    """link_line of each relation; relations that would read the same (two 推介会 from 乌海市 to
    北京市, two events) each name what differs (relation_name), never reading as one."""
    plain = [link_line(r) for r in rows.itertuples()]
    quotes: dict[str, set[str]] = {}
    for line, quote in zip(plain, rows["quote"], strict=True):
        quotes.setdefault(line, set()).add(quote)
    return [
        link_line(r, relation_name(r)) if len(quotes[line]) > 1 else line
        for line, r in zip(plain, rows.itertuples(), strict=True)
    ]


def figure_lines(rows: pd.DataFrame, with_field: bool = False) -> list[str]:
    """'250余人次　北京医疗机构派出专家（乌海市）', a part under its whole; links as link_line."""
    if "bar_text" not in rows:
        return link_lines(rows)
    lines = []
    for r in rows.itertuples():
        prefix = f"{r.field} · " if with_field else ""
        lines.append(f"{prefix}{marked_label(r.display, r.kind)}　{r.indicator}（{r.place}）")
        if r.parts_detail:
            lines.append(f"　　{r.parts_detail}")
    return lines


def figure_count(figures: pd.DataFrame) -> str:
    """'6 个成果数字', '6 个目标' or '5 个成果数字、1 个目标': results and targets apart, a
    target counted the way 行动方案's slide counts it (count_kinds); '' for no figure."""
    results, targets = count_kinds(figures) if len(figures) else (0, 0)
    parts = [TEXT["figures"].format(n=results)] if results else []
    parts += [TEXT["targets"].format(n=targets)] if targets else []
    return "、".join(parts)


def fold_for_list(figures: pd.DataFrame) -> pd.DataFrame:
    """A slide's figures as its list and chart show them: a target with the figures describing
    it as one line (fold_described), parts under their whole (fold_parts)."""
    return fold_parts(fold_described(figures)) if len(figures) else figures


def counts_line(figures: pd.DataFrame, links: pd.DataFrame) -> str:
    """'6 个成果数字 · 合作关系：已实现 12 条' — never a '0 个数字'."""
    parts = [counted] if (counted := figure_count(figures)) else []
    if relations := link_counts(links):
        parts.append(TEXT["links"].format(parts=relations))
    return " · ".join(parts)


def plan_slides(
    data: Dataset, filters: Filters, boundaries: dict[str, pd.DataFrame] | None = None
) -> list[SlidePlan]:
    """A view's slides: title, 主要数字, main fields, 其他领域, map, plan, sources; none empty."""
    from briefing.deck import map_slide  # drawing the map picture belongs to the deck

    figures = filter_figures(data.figures, filters, data.places)
    links = filter_links(data.links, filters, data.places)
    # Counts on every slide take the 京蒙 relations (a Beijing side), as 总览 does by default.
    links = links.assign(jingmeng=links.index.isin(in_scope(links, data.places).index))
    table = figure_table(figures, data.sources)
    titles = source_titles(data.sources)
    link_rows = links.assign(source_title=links["source_id"].map(titles))
    behind = list(sources_behind(pd.concat([figures, links]), data.sources)["source_id"])
    subtitle = f"{describe_scope(filters, data)}\n"
    subtitle += TEXT["updated"].format(date=sources_as_of(data.sources))
    slides = [SlidePlan("title", TEXT["title"], subtitle, source_ids=behind)]
    slides += kpi_slide(figures, links, data)
    slides += field_slides(table, link_rows)
    if boundaries is not None and not links.empty:
        slides.append(map_slide(data, links, boundaries))
    slides += plan_slide(data, filters)
    tasks_from = [i for plan in slides if plan.kind == "plan" for i in plan.source_ids]
    sources = supplied_by(data.sources, figures, links, tasks_from)  # briefing.captions
    slides.append(
        SlidePlan(
            "sources",
            TEXT["sources"],
            TEXT["sources_sub"],
            rows=sources,
            source_ids=list(sources["source_id"]),
        )
    )
    return slides


def kpi_slide(figures: pd.DataFrame, links: pd.DataFrame, data: Dataset) -> list[SlidePlan]:
    """主要数字: a row of results, then a row of targets, never mixed in one row."""
    cards = kpi_cards(figures, data.sources)
    rows = pd.concat(
        [
            cards[cards["kind"] != TARGET].head(KPI_PER_ROW),
            cards[cards["kind"] == TARGET].head(KPI_PER_ROW),
        ]
    )
    if rows.empty:
        return []
    mixed = kind_mix(rows["kind"]) == "mixed"
    ids = figures.set_index("figure_id").loc[rows["figure_id"], "source_id"]
    return [
        SlidePlan(
            "kpis",
            TEXT["kpis_mixed"]
            if mixed
            else titled(TEXT["kpis"], rows["kind"], relation_statuses(links)),
            TEXT["kpis_sub"] if mixed else counts_line(figures, links),
            rows=rows.reset_index(drop=True),
            source_ids=list(dict.fromkeys(ids)),
            notes=quote_notes(rows),
        )
    ]


def _chart_rows(table: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """The largest group of (folded) figures sharing a unit, at most CHART_BARS of the largest in
    table order: what one native chart can compare. Keeps the table's index."""
    if table.empty:
        return pd.DataFrame(), ""
    unit = table["unit"].value_counts().index[0]
    rows = table[table["unit"] == unit]
    if len(rows) < 2:
        return pd.DataFrame(), ""
    if len(rows) > CHART_BARS:
        rows = rows.loc[rows["value"].nlargest(CHART_BARS).index.sort_values()]
    columns = ["figure_id", "indicator", "value", "display", "bar_text", "kind", "place"]
    return rows[[*columns, "quote", "source_title", "parts_detail"]], unit


def field_slides(table: pd.DataFrame, link_rows: pd.DataFrame) -> list[SlidePlan]:
    """One slide per field with enough to show (own_slide); the thinner ones share one slide."""
    names = sorted(set(table["field"]) | set(link_rows["field"]), key=field_order)
    counts = table["field"].value_counts()
    main = [n for n in names if own_slide(n, counts.get(n, 0), link_rows[link_rows["field"] == n])]
    thin = [n for n in names if n not in main]
    slides = [_field_slide(n, table[table["field"] == n], link_rows[link_rows["field"] == n])
              for n in main]  # fmt: skip
    if len(thin) == 1:
        name = thin[0]
        slides.append(
            _field_slide(name, table[table["field"] == name], link_rows[link_rows["field"] == name])
        )
    elif thin:
        slides.append(_other_slide(thin, table, link_rows))
    return slides


def _field_slide(name: str, in_field: pd.DataFrame, links: pd.DataFrame) -> SlidePlan:
    in_field = in_field.reset_index(drop=True)
    folded = fold_for_list(in_field)
    chart, unit = _chart_rows(folded)
    # Notes quote every figure on the slide (its chart and its list), then the next ones up
    # to NOTED_ROWS; a region-wide field has thousands, which no briefing note can hold.
    noted = in_field.loc[
        list(dict.fromkeys([*chart.index, *in_field.index[: LIST_ROWS + NOTED_ROWS]]))
    ]
    unnoted = len(in_field) - len(noted)
    listed = listed_links(links).head(LIST_ROWS)
    counted = counts_line(in_field, links)
    return SlidePlan(
        "field",
        titled(name, in_field["kind"], relation_statuses(links, listed=in_field.empty)),
        " · ".join(p for p in (TEXT["links_only"] if in_field.empty else "", counted) if p),
        rows=folded.head(LIST_ROWS) if len(folded) else listed,
        chart=chart.reset_index(drop=True),
        chart_unit=unit,
        source_ids=list(dict.fromkeys([*in_field["source_id"], *links["source_id"]])),
        notes=quote_notes(noted)
        + ([TEXT["more"].format(n=unnoted)] if unnoted else [])
        + quote_notes(listed),
        lines=figure_lines(folded.head(LIST_ROWS)) if len(folded) else figure_lines(listed),
        field=name if name in FIELDS else "",
    )


def _other_slide(names: list[str], table: pd.DataFrame, link_rows: pd.DataFrame) -> SlidePlan:
    """The thin fields on one slide: their figures (kind marked), then their relations counted."""
    figures = table[table["field"].isin(names)]
    links = link_rows[link_rows["field"].isin(names)]
    folded = fold_for_list(figures.reset_index(drop=True))
    lines = figure_lines(folded, with_field=True)[: OTHER_ROWS - 1] if len(folded) else []
    per_field = [
        f"{n} {counted}" for n in names if (counted := link_counts(links[links["field"] == n]))
    ]
    if per_field:
        lines.append(TEXT["links_line"].format(parts="、".join(per_field)))
    return SlidePlan(
        "other",
        titled(other_name(names), figures["kind"], relation_statuses(links)),
        " · ".join(p for p in ("、".join(names), counts_line(figures, links)) if p),
        rows=folded,
        source_ids=list(dict.fromkeys([*figures["source_id"], *links["source_id"]])),
        notes=quote_notes(figures) + quote_notes(links.head(LIST_ROWS)),
        lines=lines,
    )


def plan_slide(data: Dataset, filters: Filters) -> list[SlidePlan]:
    """The plan's tasks per section and its targets, as far as the filters reach (none: no slide)."""
    # Filters that cannot apply to tasks are named on the slide.
    tasks, blind = tasks_reached(data, filters)
    if tasks.empty:
        return []
    targets = target_progress(data.figures, tasks, pd.DataFrame(), data.texts)
    reached = filters.with_values("kind", ()).with_values("period", ())
    if len(targets):  # a task reached through 医疗 relations keeps its 产业 target off the slide
        shown = set(filter_figures(data.figures, reached, data.places)["figure_id"])
        targets = targets[targets["figure_id"].isin(shown)]
    by_section = tasks.groupby("section", sort=False).size().rename("value").reset_index()
    by_section = by_section.rename(columns={"section": "indicator"})
    by_section = by_section.assign(
        bar_text=by_section["value"].astype(str) + TASK_UNIT, kind="", place="", figure_id=""
    )
    by_section["display"] = by_section["bar_text"]
    plans = data.sources[data.sources["source_id"].isin(tasks["source_id"])]
    titles = source_titles(data.sources)
    doc = "、".join(plans["doc_number"].replace("", pd.NA).dropna()) or "、".join(plans["title"])
    total = int(data.tasks["source_id"].isin(plans["source_id"]).sum())
    subtitle = TEXT["plan_sub" if len(tasks) == total else "plan_sub_part"].format(
        doc=doc, tasks=len(tasks), total=total
    )
    if len(targets):
        subtitle += " · " + TEXT["targets"].format(n=len(targets))
    if not reached.is_empty():
        subtitle += "\n" + TEXT["plan_reach"].format(filters=describe_scope(reached, data))
    if blind:
        names = "、".join(FILTER_LABELS[n] for n in blind)
        subtitle += "\n" + TEXT["plan_blind"].format(names=names)
    lines = [
        f"{marked_label(t.target, TARGET)}　{t.indicator}" for t in targets.itertuples(index=False)
    ] or [f"{t.task_id} {t.title}（{t.responsible}）" for t in tasks.itertuples(index=False)]
    return [
        SlidePlan(
            "plan",
            TEXT["plan"],
            subtitle,
            rows=targets,
            chart=by_section if len(by_section) >= PLAN_CHART_MIN else pd.DataFrame(),
            chart_unit=TASK_UNIT,
            source_ids=list(dict.fromkeys(tasks["source_id"])),
            notes=[
                f"{t.indicator}：“{t.plan_quote}”——《{titles.get(t.source_id, '')}》"
                for t in targets.itertuples(index=False)
            ],
            lines=lines[:LIST_ROWS],
        )
    ]
