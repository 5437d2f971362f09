"""The controlled vocabularies (fields, units, qualifiers, kinds) with their order and colours."""

# Fields (领域): the four the users filter by come first, then the action plan's own.
FIELDS: tuple[str, ...] = (
    "教育",
    "医疗",
    "科创",
    "文旅",
    "产业",
    "能源",
    "人才",
    "消费帮扶",
    "劳务协作",
    "基础设施",
    "生态",
    "对外开放",
    "综合",
)
PRIMARY_FIELDS: tuple[str, ...] = FIELDS[:4]

# Okabe-Ito for the four primary fields (colour-blind safe on white and on a projector),
# Paul Tol's muted scheme for the rest.
FIELD_COLORS: dict[str, str] = {
    "教育": "#0072B2",
    "医疗": "#D55E00",
    "科创": "#009E73",
    "文旅": "#CC79A7",
    "产业": "#E69F00",
    "能源": "#56B4E9",
    "人才": "#882255",
    "消费帮扶": "#999933",
    "劳务协作": "#AA4499",
    "基础设施": "#6F6F6F",
    "生态": "#117733",
    "对外开放": "#332288",
    "综合": "#44AA99",
}

# Units a figure may carry (base units: 元, never 亿元).
UNITS: tuple[str, ...] = (
    "人次",
    "例次",
    "人",
    "名",
    "场",
    "家",
    "个",
    "条",
    "项",
    "所",
    "批",
    "次",
    "元",
    "%",
    "个月",
    "倍",
    "亩",
    "头",
    "度",
    "吨",
    "户",
    "台",
    "套",
    "座",
    "期",
    "场次",
    "公里",
)

# exact; more_than 余/多/超; about 近/约/左右; at_least 以上 (a floor); growth 增长…%;
# growth_at_least 增长…%以上 (a growth rate with a floor).
QUALIFIERS: tuple[str, ...] = (
    "exact",
    "more_than",
    "about",
    "at_least",
    "growth",
    "growth_at_least",
)

KINDS: tuple[str, ...] = ("achievement", "target")
LINK_STATUSES: tuple[str, ...] = ("achieved", "planned")
# Which way the cooperation flows: to the Inner Mongolia side, to the partner, or both ways.
DIRECTIONS: tuple[str, ...] = ("to_local", "to_partner", "both")
SOURCE_KINDS: tuple[str, ...] = ("news", "plan", "report")
PLACE_KINDS: tuple[str, ...] = (
    "country",
    "province",
    "city",
    "county",
    "region",
    "institution",
)


# Display names of the vocabulary values, shared by the pages (ui/labels.py re-exports them),
# the briefing deck and the map tooltips.
KIND_LABELS: dict[str, str] = {"achievement": "成果", "target": "目标"}
STATUS_LABELS: dict[str, str] = {"achieved": "已实现", "planned": "计划"}
DIRECTION_LABELS: dict[str, str] = {
    "to_local": "合作方 → 内蒙古",
    "to_partner": "内蒙古 → 合作方",
    "both": "双向",
}
FILTER_LABELS: dict[str, str] = {
    "field": "领域",
    "place": "内蒙古地区",
    "partner": "合作方",
    "source": "来源",
    "kind": "类型",
    "period": "时期",
}


def field_order(field: str) -> int:
    """Position of a field in the vocabulary, unknown fields last."""
    return FIELDS.index(field) if field in FIELDS else len(FIELDS)


# Monthly status of an action-plan task (the tracker); 滞后 marks a late task.
TASK_STATUSES: tuple[str, ...] = ("未启动", "推进中", "已完成", "滞后")
TASK_STATUS_COLORS: dict[str, str] = {
    "未启动": "#98a2b3",
    "推进中": "#0072B2",
    "已完成": "#009E73",
    "滞后": "#D55E00",
}
