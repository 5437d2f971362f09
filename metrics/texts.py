"""Display text that code below ui/ writes: column names, download sheets, filter descriptions.

The pages get all of it through `ui.labels` (which re-exports this module), so a column keeps one
name on every surface: the tables on the pages, the Excel and CSV downloads, the edit form and the
messages of validation and bulk import.
"""

# Every data column's display name, whatever table it sits in.
COLUMN_LABELS: dict[str, str] = {
    "figure_id": "编号",
    "link_id": "编号",
    "task_id": "编号",
    "source_id": "来源",
    "source_title": "来源",
    "field": "领域",
    "indicator": "指标",
    "display": "数量",
    "amount": "数量",
    "value": "数值（基本单位）",
    "unit": "单位",
    "qualifier": "限定",
    "qualifier_label": "限定",
    "kind": "类型",
    "kind_label": "类型",
    "place": "地区",
    "partner": "合作方",
    "from_name": "合作方",
    "to_name": "内蒙古一侧",
    "link_type": "关系类型",
    "status": "状态",
    "status_label": "状态",
    "direction": "流向",
    "direction_label": "流向",
    "quote": "原文引文",
    "period": "时期",
    "publisher": "发布机关",
    "author": "作者",
    "doc_number": "文号",
    "published": "发布日期",
    "license": "性质",
    "part_note": "部分与整体",
    "section": "章节",
    "responsible": "责任单位",
    "target_display": "目标",
    "text": "原文",
    "note": "说明",
}


def _headers(columns: tuple[str, ...], **own: str) -> dict[str, str]:
    """`columns` in display order with their names; `own` names a column only this table has."""
    return {c: own[c] if c in own else COLUMN_LABELS[c] for c in columns}


# The columns each table shows (pages, Excel, CSV), in order. Only `title` and `note` differ by
# table: a source's 标题 and a task's 任务; a figure's 口径说明 and a link's 备注.
FIGURE_COLUMN_LABELS = _headers(
    (
        "field",
        "indicator",
        "display",
        "qualifier_label",
        "kind_label",
        "place",
        "partner",
        "quote",
        "value",
        "unit",
        "period",
        "source_title",
        "publisher",
        "doc_number",
        "published",
        "note",
        "part_note",
        "figure_id",
    ),
    note="口径说明",
)
LINK_COLUMN_LABELS = _headers(
    (
        "from_name",
        "to_name",
        "field",
        "status_label",
        "link_type",
        "direction_label",
        "quote",
        "source_title",
        "note",
        "link_id",
    ),
    note="备注",
)
TASK_COLUMN_LABELS = _headers(
    ("task_id", "section", "title", "responsible", "target_display", "text"), title="任务"
)
# The 来源 sheet of a download: what a reader needs to find the document (no internal columns).
SOURCE_COLUMN_LABELS = _headers(
    # Not `license`: for the news feature it repeats 类型 (新闻报道) under another name.
    ("title", "kind_label", "publisher", "author", "doc_number", "published", "period"),
    title="标题",
)

# The download of the 数据表 page: sheet names and the filters sheet.
SHEET_FIGURES = "数字"
SHEET_SOURCES = "来源"
SHEET_FILTERS = "筛选条件"
FILTERS_SHEET_COLUMNS = ("筛选项", "取值")
FILTERS_SHEET_NONE = ("（无）", "全部数据")
SEARCH_LABEL = "搜索"
DOWNLOAD_STEM = "京蒙协作数字_"

# Joining values and filters in one line: '领域：教育、医疗；类型：成果'. 、 also separates the values
# of one cell in the curated tables (a task's responsible units and targets).
LIST_SEPARATOR = "、"
CLAUSE_SEPARATOR = "；"
NAME_VALUE = "{name}：{values}"
