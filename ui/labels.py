"""Every UI string in one place (Chinese first), so an English toggle stays possible."""

LABELS: dict[str, str] = {
    "app_title": "京蒙协作成果看板",
    "nav_overview": "总览",
    "overview_caption": (
        "京蒙协作（乌海、鄂尔多斯）已报告的成果和行动方案目标。每个数字都注明出处，并附原文句子。"
    ),
    "filter_header": "筛选",
    "filter_field": "领域",
    "filter_field_help": "可多选；不选即全部领域。筛选条件会写入网址，复制网址即可分享当前视图。",
    "filter_field_placeholder": "全部领域",
    "unknown_field_in_url": "网址中的领域“{values}”无法识别，已忽略。",
    "summary_figures": "数字",
    "summary_links": "合作关系",
    "summary_tasks": "方案任务",
    "summary_sources": "来源文件",
    "kpi_header": "主要数字",
    "kind_achievement": "成果",
    "kind_target": "目标",
    "card_partner": "合作方",
    "card_quote": "原文",
    "empty_field": "所选领域（{fields}）暂无数字。请在左侧“领域”中放宽筛选，或清空以查看全部领域。",
    "footer_title": "数据来源",
    "footer_doc_number": "文号",
    "footer_author": "作者",
    "footer_published": "发布日期",
    "footer_period": "报告期",
    "unknown": "未注明",
}

KIND_LABELS: dict[str, str] = {
    "achievement": LABELS["kind_achievement"],
    "target": LABELS["kind_target"],
}
