"""合作地图: flying lines between Beijing (and other partners) and Inner Mongolia, offline."""

import os

import streamlit as st

from geo.arcs import MAP_HEIGHT_PX, MAP_VIEWS, PHONE_HEIGHT_PX, find_view
from metrics.citation import sources_behind
from metrics.markdown import escape_markdown
from metrics.relations import SCOPES
from metrics.tables import link_table
from ui import cards, charts, legend, map_cache, page, state, tables
from ui.labels import LABELS

KEY_VIEW, KEY_SCOPE = "view", "scope"  # URL parameters: ?view=乌海&scope=inner
KEY_DETAILS = "map_details"  # the expander with the partner chart and the relation table
APPROVAL_ENV = "JMB_MAP_APPROVAL_NO"  # 审图号, shown under the map when a deployment has one
# A tooltip is not clipped by the map's box; TOOLTIP_JS then moves it back wholly inside the map.
MAP_CSS = (
    "<style>.deck-widgets-root > div, [data-testid=stDeckGlJsonChart] > div {overflow: visible !important;}"
    "[data-testid=stColumn]:has([data-testid=stDeckGlJsonChart]) {position: relative; z-index: 3;}"
    # A phone: the four views on one row, and the three scopes on one (16 px padding a button
    # wrapped 乌海 at 390 px; the scopes' longer names take a smaller type).
    "@media (max-width: 480px) {.st-key-w_map_view [role=radiogroup],"
    ".st-key-w_map_scope [role=radiogroup] {flex-wrap: nowrap;}"
    ".st-key-w_map_view button, .st-key-w_map_scope button {padding: 4px 7px; min-width: 0;}"
    ".st-key-w_map_scope button p {font-size: 13px; white-space: nowrap;}}"
    "</style>"
)
TOOLTIP_JS = """<script>
(() => {
  if (window.jmbTooltipClamp) return;
  window.jmbTooltipClamp = true;
  const clamp = (tip) => {
    const map = tip.closest("[data-testid=stDeckGlJsonChart]");
    if (!map || tip.style.display === "none") return;
    const m = map.getBoundingClientRect(), t = tip.getBoundingClientRect();
    const [ox, oy] = [Number(tip.dataset.dx || 0), Number(tip.dataset.dy || 0)];
    const [left, top] = [t.left - ox, t.top - oy];
    let dx = Math.min(0, m.right - 4 - (left + t.width)), dy = Math.min(0, m.bottom - 4 - (top + t.height));
    dx = Math.max(dx, m.left + 4 - left); dy = Math.max(dy, m.top + 4 - top);
    if (dx === ox && dy === oy) return;
    tip.dataset.dx = dx; tip.dataset.dy = dy;
    tip.style.translate = dx + "px " + dy + "px";
  };
  new MutationObserver((changes) => {
    for (const c of changes) if (c.target.classList && c.target.classList.contains("deck-tooltip")) clamp(c.target);
  }).observe(document.body, {subtree: true, attributes: true, attributeFilter: ["style"]});
})();
</script>"""

ctx = page.start()
phone = map_cache.map_is_narrow()
st.html(MAP_CSS + TOOLTIP_JS, unsafe_allow_javascript=True)
st.title(LABELS["nav_map"])
page.filters_caption(ctx, {"period": LABELS["why_links_period"]})

# The URL names a view as its button does (?view=乌海); an older link's key (?view=wuhai) or an
# alias (?view=乌海市) is read as that view and rewritten in the button's words.
asked = st.query_params.get(KEY_VIEW, "")
if (known := find_view(asked)) and asked != MAP_VIEWS[known].label:
    st.query_params[KEY_VIEW] = MAP_VIEWS[known].label
view_column, scope_column = st.columns(2)
with view_column:
    view_label = state.url_choice(
        KEY_VIEW,
        [view.label for view in MAP_VIEWS.values()],
        LABELS["map_view"],
        what=LABELS["map_view"],
        key="w_map_view",
        label_visibility="collapsed",
    )
    view_key = find_view(view_label)
with scope_column:
    scope = state.url_choice(
        KEY_SCOPE,
        list(SCOPES),
        LABELS["relation_scope"],
        what=LABELS["relation_scope"],
        key="w_map_scope",
        format_func=lambda s: LABELS[f"relation_scope_{s}"],
        label_visibility="collapsed",
    )

pairs, _ = map_cache.map_pairs(ctx.path, ctx.filters, scope, view_key, phone)
links = map_cache.scoped_links(ctx.path, ctx.filters, scope)
chart_key = f"map_{view_key}_{scope}_{int(ctx.projector)}_{int(phone)}"
left, right = st.columns([3, 1.25])
with left:
    if pairs.empty:
        page.empty_state(ctx)
        event = None
    else:
        event = st.pydeck_chart(
            map_cache.map_deck(
                ctx.path,
                ctx.filters,
                scope,
                view_key,
                ctx.projector,
                phone,
                map_cache.picture_density(phone),
            ),
            height=PHONE_HEIGHT_PX if phone else MAP_HEIGHT_PX,
            on_select="rerun",
            selection_mode="single-object",
            key=chart_key,
        )
    approval = os.environ.get(APPROVAL_ENV, "")
    st.caption(
        LABELS["map_attribution"]
        + (LABELS["map_approval"].format(number=approval) if approval else "")
    )
with right:  # what is picked first: on a laptop it stays above the fold
    token, from_url = legend.current_pick(event, chart_key)
    found = (
        map_cache.picked(ctx.path, ctx.filters, scope, view_key, phone, token) if token else None
    )
    if token and found is None:
        if from_url:  # a shared link or a typed value that names nothing on this map
            state.warn_unknown(LABELS["map_pick"], token)
        token = ""
    legend.keep_pick(chart_key, token)
    picked_ids, picked_label = found or ([], "")
    if picked_label:
        st.markdown(f"**{LABELS['map_selected']}**：{escape_markdown(picked_label)}")
    st.caption(LABELS["map_caption"])
    st.html(legend.map_legend_html(pairs, choropleth=bool(MAP_VIEWS[view_key].choropleth)))
    outside = sorted(set(pairs.loc[pairs["off_frame"] != "", "off_frame"]))
    if outside:
        st.caption(LABELS["map_off_frame"].format(names=escape_markdown("、".join(outside))))

shown = links[links["link_id"].isin(picked_ids)] if picked_ids else links
if picked_ids and st.session_state.get("map_picked") != token:
    st.session_state[KEY_DETAILS] = True  # a click on the map (or a shared ?pick=) opens it
st.session_state["map_picked"] = token
# Below the map, and only drawn once opened: the first open of the page draws the map alone.
details = st.expander(LABELS["map_details"], key=KEY_DETAILS, on_change="rerun")
if details.open and not shown.empty:
    with details:
        st.caption(LABELS["map_details_count"].format(count=len(shown)))
        chart_column, table_column = st.columns([1, 2])
        with chart_column:
            st.subheader(LABELS["field_links_by_partner"])
            st.caption(LABELS["field_partners_caption"])
            partners = map_cache.partner_chart(shown, ctx.data.places, ctx.projector)
            if partners is not None:
                charts.show(
                    partners,
                    key="map_partners",
                    on_pick=state.pick_to_filter("partner", "map_partners"),
                )
        with table_column:
            st.subheader(LABELS["field_links"])
            rows = (
                link_table(shown, ctx.data.sources)
                if picked_ids
                else map_cache.link_rows(ctx.path, ctx.filters, scope)
            )
            tables.link_dataframe(tables.paged(rows, key="map_links_page"), key="map_links")
if not shown.empty:
    cards.source_footer(sources_behind(shown, ctx.data.sources))
