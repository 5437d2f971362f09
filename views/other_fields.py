"""其他领域: the action plan's other fields (产业, 能源, 人才, …), one at a time."""

import streamlit as st

from metrics.vocab import FIELDS, PRIMARY_FIELDS
from ui import field_view
from ui.labels import LABELS

KEY_TOPIC = "topic"  # URL parameter: ?topic=能源
OTHER_FIELDS = [f for f in FIELDS if f not in PRIMARY_FIELDS]

requested = st.query_params.get(KEY_TOPIC, OTHER_FIELDS[0])
if requested not in OTHER_FIELDS:
    st.warning(LABELS["unknown_in_url"].format(filter="领域", values=requested))
    requested = OTHER_FIELDS[0]
topic = (
    st.segmented_control(
        LABELS["other_field_select"], OTHER_FIELDS, default=requested, key="w_topic"
    )
    or requested
)
st.query_params[KEY_TOPIC] = topic
field_view.render(topic)
