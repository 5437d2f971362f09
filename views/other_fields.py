"""其他领域: the action plan's other fields (产业, 能源, 人才, …), one at a time."""

from metrics.vocab import FIELDS, PRIMARY_FIELDS
from ui import field_view, state
from ui.labels import FILTER_LABELS, LABELS

KEY_TOPIC = "topic"  # URL parameter: ?topic=能源
OTHER_FIELDS = [f for f in FIELDS if f not in PRIMARY_FIELDS]

topic = state.url_choice(
    KEY_TOPIC,
    OTHER_FIELDS,
    LABELS["other_field_select"],
    what=FILTER_LABELS["field"],
    key="w_topic",
)
field_view.render(topic)
