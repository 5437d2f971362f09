"""UI strings of the work section (行动方案, 数据维护, login) and of error messages."""

LABELS: dict[str, str] = {
    # Work section: the action-plan tracker and data maintenance.
    "nav_section_work": "工作",
    "nav_tracker": "行动方案",
    "nav_maintain": "数据维护",
    "login_header": "编辑登录",
    "login_user": "用户名",
    "login_password": "密码",
    "login_submit": "登录",
    "login_failed": "用户名或密码不正确。",
    "login_as": "已登录：{name}（编辑）",
    "logout": "退出登录",
    "login_required": "本看板需要登录后查看。请输入账号和密码。",
    "login_for_edit": "修改数据需要编辑账号。请在侧栏的“编辑登录”中登录（手机上先点左上角的 » 打开侧栏）；查看数据无需登录。",
    "tracker_caption": (
        "{title}（{doc}）的 {n} 项任务、责任单位和每月进展。"
        "市商务局按月统筹调度：本月（{month}）尚未报送进展的任务会被标出。"
    ),
    # Under a sidebar filter that reaches part of the plan: the whole plan's count, then the part.
    "tracker_caption_filtered": (
        "{title}（{doc}）共 {total} 项任务，当前筛选下显示其中 {n} 项，及其责任单位和每月进展。"
        "市商务局按月统筹调度：本月（{month}）尚未报送进展的任务会被标出。"
    ),
    "tracker_total": "任务",
    "tracker_done": "已完成",
    "tracker_doing": "推进中",
    "tracker_late": "滞后",
    "tracker_stale": "本月未报送",
    "tracker_filter_section": "章节",
    "tracker_filter_unit": "责任单位",
    "tracker_filter_status": "状态",
    "tracker_tab_sections": "按章节",
    "tracker_tab_units": "按责任单位",
    "tracker_tab_targets": "目标进度",
    "tracker_tab_history": "进展与报送",
    "tracker_none": "没有符合筛选条件的任务。",
    "tracker_stale_flag": "⚠ 本月未报送",
    "tracker_unit_caption": "每个责任单位牵头或参与的任务数；滞后数多的单位排在前面。点选一行查看其任务。",
    "tracker_unit_tasks": "{unit} 的任务",
    "tracker_targets_caption": (
        "行动方案的量化目标，按方案原文的表述一条一个（如“帮助引进50亿元以上重点项目2个”是一个目标）。"
        "尚无报送完成值的目标显示“未报送”，不计进度；有报送值时按“达成条件”判断："
        "“以上”“确数”达到即算完成，“余/超”须超过，“近/约”达到 95% 即算完成。完成值都附有来源原文。"
    ),
    "tracker_filter_blind": "“{names}”筛选不适用于行动方案任务：任务都是方案设定的计划，没有成果或时期之分。",
    "tracker_no_targets_here": "所选任务没有量化目标。",
    "tracker_pick_task": "任务",
    "tracker_history_empty": "这项任务还没有报送过进展。",
    "tracker_form_header": "报送进展",
    "tracker_month": "月份",
    "tracker_status": "状态",
    "tracker_note": "进展说明",
    "tracker_with_value": "同时报送完成值（须附来源原文）",
    "tracker_target": "对应目标",
    "tracker_value": "完成值（基本单位，如 元、个、%）",
    "tracker_source": "完成值来源",
    "tracker_quote": "引文（从来源原文复制含该数字的原句）",
    "tracker_submit": "提交进展",
    "tracker_saved": "已记录 {task} 的 {month} 进展。",
    "tracker_no_targets": "本任务没有量化目标，只报送状态和说明。",
    "maintain_caption": "修改数据、导入新报告、备份与批量导入、查看修改记录。每次修改都记录修改人、时间、前后内容和原因。",
    "maintain_tab_edit": "修改数据",
    "maintain_tab_ingest": "导入报告",
    "maintain_tab_backup": "备份与批量导入",
    "maintain_tab_audit": "修改记录",
    "edit_table": "要修改的数据",
    "edit_pick": "选择记录",
    "edit_search": "查找记录（编号、指标、地点、任务名）",
    "edit_search_more": "共 {n} 条符合，下拉框只列出前 {shown} 条；请输入更多文字缩小范围。",
    "edit_new": "＋ 新增",
    "edit_reason": "修改说明（必填，例如“据某月报更正”）",
    "edit_reason_missing": "请填写修改说明。",
    "edit_save": "保存修改",
    "edit_saved": "已保存（第 {version} 版）。",
    "edit_unchanged": "没有改动，未保存。",
    "edit_conflict_now": "当前内容（他人修改后）",
    "edit_amount": "数量（原文写法，如 250余人次、50亿元以上）",
    "edit_place": "地区（内蒙古）",
    "edit_responsible": "责任单位（用、分隔）",
    "edit_none": "（无）",
    "edit_gone": "记录“{key}”已不存在",
    "about_sources_as_of": "来源截至：{date}（来源文件本身的日期）",
    "import_caption": "上传 txt（UTF-8/GBK/GB18030/UTF-16）、docx、有文字层的 pdf、xlsx 或 csv，或直接粘贴正文。",
    "import_file": "报告文件",
    "import_paste": "或粘贴正文",
    "import_no_numbers": "没有在文中找到数字。",
    "import_title": "报告标题（必填）",
    "import_publisher": "发布单位",
    "import_date": "发布日期（如 2025-06-30）",
    "import_found": (
        "找到 {n} 个候选数字。取消勾选不是指标的数字，修正领域、指标、地区和类型。"
        "“重复”列非空表示已由其他报告收录，默认不勾选，发布后也不会重复计数。"
    ),
    "import_publish": "发布",
    "import_published": "已发布：来源 {source}，{n} 个数字",
    "import_duplicates": "（其中 {n} 个与已有数字重复，不重复计数）",
    "backup_file": "京蒙协作看板备份.zip",
    "import_too_large": "报告中有 {n} 个数字过大，无法作为数字记录，已略去：{shown}",
    "import_beijing_only": "只看与北京合作的数字（隐藏的行不发布）",
    "import_partner": "合作方",
    "import_beijing": "涉京",
    "edit_parsed": "解析为：数值 {value}，单位 {unit}，限定 {qualifier}",
    "edit_quote": "引文（来源原文中的原句，一字不差）",
    "edit_text_readonly": "任务原文（来自行动方案，不可修改）",
    "edit_targets": "量化目标",
    "backup_export": "下载完整备份（zip：全部表格 CSV、来源原文、修改记录）",
    "backup_import": "上传 CSV 或备份 zip 批量导入（先预览，全部无误才写入）",
    "backup_preview_ok": "预览：{creates} 行新增，{updates} 行修改，{unchanged} 行不变。确认后点“写入”。",
    "backup_preview_bad": "有 {n} 行未通过检查，未写入任何数据。请修改后重新上传：",
    "backup_apply": "写入",
    "backup_applied": "已写入 {n} 行。",
    "backup_nothing": "文件中的数据与现有数据完全相同，无需写入。",
    "audit_caption": "最近 {n} 条修改记录（最新在前）。",
    # Robustness (issue 15): fallbacks, errors, conflicts, login throttling.
    "data_fallback": (
        "数据库中的数据目前无法加载，以下显示最近一次可用的数据。"
        "请编辑在“数据维护”中修正：{problem}"
    ),
    "error_unexpected": "页面出现意外错误，已记录（错误编号 {error_id}）。请刷新页面重试；如仍出现，请把错误编号告知管理员。",
    "edit_conflict_reloaded": "表单已换成最新内容（第 {version} 版）。请确认后再决定是否修改并保存。",
    "backup_preview_stale": "上传的文件已更换，请重新预览。",
    "login_locked": "该账号连续登录失败次数过多，已暂时锁定，请 {minutes} 分钟后再试。",
    "excel_failed": "生成 Excel 文件失败（错误编号 {error_id}），请改用 CSV 下载或告知管理员。",
}

# The monthly 调度表 round trip on 行动方案 (issue 17).
LABELS |= {
    "schedule_header": "月度调度表（下载 → 填写 → 上传）",
    "schedule_caption": (
        "按月份和责任单位下载 xlsx 调度表：灰色列为上月情况（只读），"
        "责任单位填写状态（下拉选择）、进展、目标值的最新数和报送人后，由编辑上传。"
        "上传后先显示每行将要发生的变化，确认后整份文件一次写入；同一文件重复上传不会重复记录。"
    ),
    "schedule_month": "调度月份",
    "schedule_unit": "责任单位",
    "schedule_download": "下载调度表（xlsx）",
    "schedule_upload": "上传填好的调度表（可多选）",
    "schedule_errors": "“{name}”有 {n} 处错误，这份文件不会写入：",
    "schedule_preview": "预览：每行将要发生的变化",
    "schedule_apply": "确认写入",
    "schedule_applied": "“{name}”：已写入 {n} 条进展。",
    "schedule_nothing": "“{name}”：与看板已有记录相同，没有需要写入的内容。",
    "schedule_no_rows": "“{name}”：没有填写任何一行。",
    "schedule_file": "调度表_{month}_{unit}.xlsx",
    "schedule_login": "以编辑账号登录后可上传填好的调度表。",
}
LABELS |= {"tracker_reported_flag": "✓", "tracker_no_value": "—"}

# The tables the 数据维护 editor can change.
EDIT_TABLE_LABELS: dict[str, str] = {
    "figures": "指标（数字）",
    "links": "合作关系",
    "tasks": "方案任务",
}

# --- Issue 15 (H15): sign-in kept across reloads, unified identity (OIDC), last good revision ---
LABELS |= {
    "login_oidc": "统一身份认证登录",
    "login_oidc_refused": (
        "统一身份认证账号“{who}”没有编辑权限。查看数据无需登录；如需编辑，请联系管理员开通。"
    ),
    "data_fallback_as_of": "（所示数据为 {at} 的版本）",
}
