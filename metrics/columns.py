"""The columns of each curated table (data/*.csv and the store's tables), in file order."""

SOURCE_COLUMNS = [
    "source_id",
    "title",
    "publisher",
    "author",
    "doc_number",
    "published",
    "period",
    "kind",
    "path",
]

FIGURE_COLUMNS = [
    "figure_id",
    "source_id",
    "quote",
    "amount",
    "value",
    "unit",
    "qualifier",
    "kind",
    "field",
    "indicator",
    "place",
    "partner",
    "period",
]

LINK_COLUMNS = [
    "link_id",
    "source_id",
    "quote",
    "from_name",
    "to_name",
    "field",
    "link_type",
    "status",
    "direction",
]
# tasks.csv, as metrics.plan.parse_plan_tasks makes it from the plan.
TASK_COLUMNS = [
    "task_id",
    "source_id",
    "section_no",
    "section",
    "item_no",
    "title",
    "text",
    "responsible",
    "targets",
]
PLACE_COLUMNS = ["name", "aliases", "kind", "adcode", "lon", "lat", "parent", "side"]

# Optional figure columns relating one figure to another ('' when unrelated): `part_of` names
# the whole a figure is part of (率先入驻 4家 of 入驻 9家); `describes` names the figure whose
# items this one qualifies (50亿元以上 per project of 重点项目2个: one target as the plan says).
RELATION_COLUMNS = ["part_of", "describes"]
