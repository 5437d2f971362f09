"""关于: data scope (口径), what the qualifiers mean, where the data and boundaries come from."""

import streamlit as st

from geo.boundaries import ATTRIBUTION
from metrics.citation import sources_as_of
from ui import auth, cards, loaders, page
from ui.labels import LABELS, QUALIFIER_LABELS

APPROVAL_ENV = "JMB_MAP_APPROVAL_NO"  # the map page prints its value as 审图号

ctx = page.start()
data = ctx.data
st.title(LABELS["nav_about"])
st.caption(LABELS["about_caption"])
page.filters_caption(ctx, dict.fromkeys(ctx.filters.names(), LABELS["why_about"]), show=False)

st.subheader("数据口径")
st.markdown(
    "\n".join(
        [
            (
                f"- 收录 **{len(data.sources)}** 份来源文件，整理出 **{len(data.figures)}** 个数字、"
                f"**{len(data.links)}** 条合作关系、**{len(data.tasks)}** 条行动方案任务、"
                f"**{len(data.places)}** 个地点和机构。"
            ),
            (
                "- **成果**：新闻或工作报告中已经完成的事项；**目标**：行动方案设定、尚待完成的事项。"
                "两者来自不同地区、不同文件时，不能直接相减或求完成率。"
            ),
            "- 数值一律换算为基本单位存储（50亿元记为 5000000000 元），显示时再写成万、亿。",
            (
                "- 每个数字都附原文逐字引文（保留原文错字，如「9家人驻」），"
                "并由自动测试逐字核对；原文中不是协作数字的数（日期、文号、序号、名称中的数字）"
                "列入忽略清单并写明理由。"
            ),
            "- 机构没有精确坐标时，取其所在区县的坐标；地区（长三角、京津冀等）和国家取代表点。",
            (
                "- 数据保存在数据库中，只有编辑账号可以修改；每次修改都记录修改人、时间、"
                "修改前后的内容和原因，两人同时修改同一条数据时后保存者会收到提示，不会互相覆盖。"
            ),
        ]
    )
)

st.subheader("限定词")
st.table(
    {
        "限定": list(QUALIFIER_LABELS.values()),
        "示例": ["14场", "250余人次", "近百家", "50亿元以上", "增长72%", "增长20%以上"],
    }
)

st.subheader("来源文件")
cards.source_footer(data.sources)

st.subheader("地图数据")
st.markdown(LABELS["about_map_public"])

if auth.editor():  # library names and settings are for whoever runs the dashboard
    with st.expander(LABELS["about_admin"], expanded=False):
        st.markdown(LABELS["about_admin_text"].format(attribution=ATTRIBUTION, env=APPROVAL_ENV))

st.subheader(LABELS["about_version"])
st.markdown(LABELS["about_sources_as_of"].format(date=sources_as_of(data.sources)))
edited = loaders.last_edit_at(ctx.path)
if edited:
    st.markdown(LABELS["board_last_edit"].format(date=edited))
