"""Table headers and value display names (keyed by data column or code).

The data tables' headers (figures, links, tasks, sources) live in metrics/texts.py: validation,
bulk import and the downloads name columns the same way.
"""

from metrics.texts import (
    COLUMN_LABELS,
    DOWNLOAD_STEM,
    FIGURE_COLUMN_LABELS,
    LINK_COLUMN_LABELS,
    SEARCH_LABEL,
    SHEET_FIGURES,
    SHEET_FILTERS,
    SHEET_SOURCES,
    SOURCE_COLUMN_LABELS,
    TASK_COLUMN_LABELS,
)

__all__ = [
    "COLUMN_LABELS",
    "DOWNLOAD_STEM",
    "FIGURE_COLUMN_LABELS",
    "LINK_COLUMN_LABELS",
    "SEARCH_LABEL",
    "SHEET_FIGURES",
    "SHEET_FILTERS",
    "SHEET_SOURCES",
    "SOURCE_COLUMN_LABELS",
    "TASK_COLUMN_LABELS",
]

SOURCE_KIND_LABELS: dict[str, str] = {"news": "新闻报道", "plan": "行动方案", "report": "工作报告"}

QUALIFIER_LABELS: dict[str, str] = {
    "exact": "确数",
    "more_than": "余/多/超（大于）",
    "about": "近/约/左右（约数）",
    "at_least": "以上（下限）",
    "growth": "增长率",
    "growth_at_least": "增长率（下限）",
}
# One example amount per qualifier, in QUALIFIER_LABELS' order (the 关于 page's table).
QUALIFIER_EXAMPLES: list[str] = [
    "14场",
    "250余人次",
    "近百家",
    "50亿元以上",
    "增长72%",
    "增长20%以上",
]

AUDIT_COLUMN_LABELS: dict[str, str] = {
    "at": "时间（UTC）",
    "actor": "修改人",
    "action": "操作",
    "table_name": "表",
    "row_id": "编号",
    "before": "修改前",
    "after": "修改后",
    "reason": "原因",
}
AUDIT_ACTION_LABELS: dict[str, str] = {
    "seed": "初始导入",
    "create": "新增",
    "update": "修改",
    "import": "批量导入",
    "status": "报送进展",
    "publish": "发布报告",
    "login": "登录",
    "login_failed": "登录失败",
    "restore": "从备份恢复",
}
AUDIT_TABLE_LABELS: dict[str, str] = {
    "sources": "来源",
    "places": "地点",
    "figures": "指标",
    "links": "合作关系",
    "tasks": "任务",
    "task_updates": "任务进展",
    "users": "账号",
}
UPDATE_COLUMN_LABELS: dict[str, str] = {
    "month": "月份",
    "status": "状态",
    "note": "进展说明",
    "achieved": "完成值",
    "quote": "引文",
    "author": "报送人",
    "created_at": "报送时间（UTC）",
}

# The review table of an imported report (keyed by ingest.publish.REVIEW_COLUMNS).
IMPORT_REVIEW_COLUMNS: dict[str, str] = {
    "keep": "采用",
    "quote": "数量",
    "field": "领域",
    "indicator": "指标",
    "place": "地区",
    "kind": "类型",
    "duplicate": "重复",
    "sentence": "原句",
}

# Whether a report's figure concerns Beijing (ingest's `beijing` guess), as the review table shows it.
BEIJING_LABELS: dict[str, str] = {"yes": "是", "no": "否", "unknown": "不确定"}

# 行动方案 table headers (issue 18: moved out of views/tracker.py), keyed by data column.
TRACKER_TASK_COLUMNS: dict[str, str] = {
    "task_id": "编号",
    "title": "任务",
    "responsible": "责任单位",
    "status": "状态",
    "month": "最近报送",
    "note": "最近进展",
    "stale": "本月",
}
TRACKER_UNIT_COLUMNS: dict[str, str] = {
    "unit": "责任单位",
    "tasks": "任务数",
    "late": "滞后",
    "done": "已完成",
    "stale": "本月未报送",
}
TRACKER_TARGET_COLUMNS: dict[str, str] = {
    "task_id": "任务",
    "indicator": "目标",
    "target": "目标值",
    "rule": "达成条件",
    "plan_quote": "方案原文",
    "achieved": "最近报送值",
    "month": "报送月份",
    "share": "进度",
    "result": "状态",
    "quote": "报送引文",
}

# --- Issue 15 (H15): sign-ins that change no data ---
AUDIT_ACTION_LABELS |= {
    "login_token": "保持登录",
    "login_oidc": "统一身份认证登录",
    "logout": "退出登录",
}
