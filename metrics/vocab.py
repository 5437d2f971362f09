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
    "对",
    "位",
    "种",
    "份",
    "节",
    "列",
    "趟",
    "斤",
    "批次",
    "款",
    "支",
    "辆",
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
# The side of the cooperation a place is on (places.csv `side`).
LOCAL_SIDE, BEIJING_SIDE, OTHER_SIDE = "inner_mongolia", "beijing", "other"
SIDES: tuple[str, ...] = (LOCAL_SIDE, BEIJING_SIDE, OTHER_SIDE)
PLACE_KINDS: tuple[str, ...] = (
    "country",
    "province",
    "city",
    "county",
    "region",
    "institution",
)


# Display names of the vocabulary values, shared by the pages (ui/labels/ re-exports them),
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


# Words that point a reported number to its field, for guessing the field of a figure in a new
# report (ingest). Several words per field; the nearest to the number wins, the longer on a tie.
FIELD_WORDS: dict[str, tuple[str, ...]] = {
    "教育": ("教育", "学校", "校长", "教师", "师资", "学生", "课堂", "课程", "支教", "送教",
           "教研", "幼儿园", "研学", "名师", "学科", "师生", "中小学"),
    "医疗": ("医疗", "医院", "医生", "医务", "患者", "诊疗", "会诊", "手术", "门诊", "坐诊",
           "带教", "专科", "接诊", "筛查", "卫健", "义诊", "病"),
    "科创": ("科创", "科技", "创新", "研发", "孵化", "飞地", "成果转化", "实验室", "院士",
           "专家工作站", "技术合同", "中试", "科研", "高新", "科技合作项目"),
    "文旅": ("文旅", "旅游", "游客", "景区", "演出", "文化", "乌兰牧骑", "旅行社", "线路",
           "专列", "观众", "观看"),
    "产业": ("产业", "园区", "项目", "投资", "招商", "企业落地", "签约", "开工", "投产", "融资",
           "分支机构", "产业项目", "投资项目", "签约项目", "合作项目", "示范园", "种植", "养殖"),
    "能源": ("电力", "能源", "绿电", "光伏", "风电", "特高压", "输电", "储能"),
    "人才": ("人才", "干部", "挂职", "跟岗", "博士", "专业技术"),
    "消费帮扶": ("消费帮扶", "农畜产品", "农产品", "销售", "购销", "采购", "直供", "直营",
             "展销", "供应商", "产销", "冷链", "特色产品"),
    "劳务协作": ("劳务", "就业", "务工", "稳岗", "招聘会", "岗位", "劳动力", "转移就业"),
    "基础设施": ("基站", "5G", "道路", "公路", "铁路", "小区", "管网", "供水", "供热"),
    "生态": ("生态", "治沙", "造林", "绿化", "碳汇", "荒漠化"),
    "对外开放": ("进出口", "外贸", "口岸", "中欧班列", "海铁联运", "班列"),
    "综合": ("帮扶资金", "援助资金", "协作资金", "结对", "盟市", "旗县", "脱贫户", "受益群众",
           "合作协议", "重点任务", "帮扶项目", "协作项目", "扶贫", "帮扶对子", "乡镇", "贫困村",
           "贫困人口", "建档立卡", "联席会议", "捐款", "捐物", "社会帮扶"),
}  # fmt: skip
