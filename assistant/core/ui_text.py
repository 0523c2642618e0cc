"""Interface strings in Korean and English (section texts live in the section catalogue)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "welcome": {
        "en": "Welcome to Plan Assistant ({mode}). I'll interview you one question at a time and "
        "build your {kind} plan as we go. Answer in your own words; type 'help' for commands "
        "(skip, back, goto, show plan, export ...). Tip: 'company <name>' puts your company on the plan.",
        "ko": "Plan Assistant에 오신 것을 환영합니다 ({mode}). 한 번에 하나씩 질문드리며 "
        "{kind} 계획을 함께 만들겠습니다. 편하게 답해 주세요. 명령어는 '도움말'을 입력하세요 "
        "(건너뛰기, 이전, 이동, 계획 보기, 내보내기 ...). 팁: '회사 <이름>'을 입력하면 계획서에 회사 이름이 들어갑니다.",
    },
    "resume": {
        "en": "Welcome back - resuming your plan{company} ({done}/{total} sections done).",
        "ko": "다시 오셨네요. 저장된 계획{company}을 이어서 진행합니다 ({done}/{total} 섹션 완료).",
    },
    "kind_integrated": {"en": "sales & marketing", "ko": "영업 및 마케팅"},
    "kind_marketing": {"en": "marketing", "ko": "마케팅"},
    "kind_sales": {"en": "sales", "ko": "영업"},
    "hint": {
        "en": "_('example' shows a sample answer · 'skip' · 'back' · 'help')_",
        "ko": "_('예시': 답 예시 보기 · '건너뛰기' · '이전' · '도움말')_",
    },
    "also": {"en": "Also:", "ko": "함께 적어 주세요:"},
    "current_answer": {
        "en": "Current answer (type a new one to replace it, or 'skip' to keep it):",
        "ko": "현재 답변 (새로 입력하면 바뀌고, '건너뛰기'를 입력하면 그대로 둡니다):",
    },
    "saved": {"en": "Saved to **{title}**.", "ko": "**{title}**에 저장했습니다."},
    "ask_revenue_model": {"en": "One thing the numbers depend on: how does the business earn - a subscription (monthly or annual fees), one-off orders, a take rate on transactions, or projects? Say e.g. 'revenue model: subscription'.", "ko": "숫자 계산에 필요한 한 가지: 매출이 어떻게 생기나요? 구독(월·연 요금), 건별 주문, 거래 수수료, 프로젝트 중 무엇인지 알려 주세요. 예: '수익 모델: 구독'."},
    "skipped": {"en": "Skipped **{title}** - you can come back with 'goto'.", "ko": "**{title}**을(를) 건너뛰었습니다. '이동'으로 언제든 돌아올 수 있습니다."},
    "kept": {"en": "Kept **{title}** as it is.", "ko": "**{title}**은(는) 그대로 두었습니다."},
    "empty": {"en": "I didn't get an answer - type your answer, or 'help' for commands.", "ko": "입력이 비어 있습니다. 답을 입력하거나 '도움말'을 입력해 주세요."},
    "too_long": {
        "en": "That message is {n:,} characters; the limit is {limit:,}. Please shorten it or split it across sections (the first {limit:,} characters are kept in the conversation).",
        "ko": "메시지가 {n:,}자로, 최대 {limit:,}자를 넘습니다. 줄이거나 여러 섹션에 나눠 주세요 (앞의 {limit:,}자는 대화 기록에 남아 있습니다).",
    },
    "unknown_section": {"en": "I couldn't find a section called \"{arg}\". Type 'progress' to see the numbered list.", "ko": "\"{arg}\" 섹션을 찾지 못했습니다. '진행 상황'으로 번호 목록을 확인하세요."},
    "finished": {
        "en": "All sections are covered. Type 'show plan' to read it, 'export pdf' (or docx, pptx, md, json) to save it, or 'goto <section>' to edit.",
        "ko": "모든 섹션을 다뤘습니다. '계획 보기'로 읽고, '내보내기 pdf'(또는 docx, pptx, md, json)로 저장하거나, '이동 <섹션>'으로 고칠 수 있습니다.",
    },
    "finished_skipped": {"en": "Still open (skipped): {items}.", "ko": "아직 비어 있는 섹션(건너뜀): {items}."},
    "example": {"en": "Example answer for **{title}**:\n\n> {example}", "ko": "**{title}** 예시 답:\n\n> {example}"},
    "no_current": {"en": "There's no open question right now.", "ko": "지금 진행 중인 질문이 없습니다."},
    "help_title": {"en": "Commands (type them on their own; a leading '/' also works):", "ko": "명령어 (단독으로 입력하세요. 앞에 '/'를 붙여도 됩니다):"},
    "progress_title": {"en": "Progress: {done}/{total} sections", "ko": "진행률: {done}/{total} 섹션"},
    "goal_checked": {"en": "I checked each goal against SMART:", "ko": "각 목표를 SMART 기준으로 점검했습니다:"},
    "offer_blanks": {
        "en": "Goal {n} could be stronger. A stronger shape:\n\n> {suggestion}\n\nFill in the parts in [brackets] ({names}) and type goal {n} again (only goal {n} changes), or type **keep** to keep yours.",
        "ko": "{n}번 목표를 더 다듬을 수 있습니다. 이렇게 바꿔 보세요:\n\n> {suggestion}\n\n[대괄호] 부분({names})을 채워 {n}번 목표를 다시 입력하거나(그 목표만 바뀝니다), **유지**를 입력해 그대로 두세요.",
    },
    "needs_blanks": {
        "en": "The suggested rewrite of goal {n} still has blanks: {names}. Type goal {n} with them filled in and I'll replace only that goal, or type **keep**.",
        "ko": "{n}번 목표의 수정 제안에 아직 빈칸이 있습니다: {names}. 빈칸을 채운 {n}번 목표를 입력하면 그 목표만 바꾸고, 그대로 두려면 **유지**를 입력하세요.",
    },
    "offer": {
        "en": "Goal {n} could be stronger. Suggested rewrite:\n\n> {suggestion}\n\nType **accept** to use it, **keep** to keep yours, or type an edited goal.",
        "ko": "{n}번 목표를 더 다듬을 수 있습니다. 수정 제안:\n\n> {suggestion}\n\n**수락**을 입력하면 적용하고, **유지**를 입력하면 그대로 두며, 고친 목표를 직접 입력해도 됩니다.",
    },
    "too_many_goals": {
        "en": "That answer has {n} goal lines; a goals section takes at most {limit}. Keep the goals that matter most (3-6 is typical) and send them again.",
        "ko": "목표가 {n}줄입니다. 목표 섹션은 최대 {limit}줄까지 받습니다. 가장 중요한 목표(보통 3-6개)만 남겨 다시 보내 주세요.",
    },
    "read_back": {"en": "I read: {line}", "ko": "읽은 내용: {line}"},
    "read_back_hint": {
        "en": "_Anything read wrong? Say it in plain words, e.g. 'target is 45', 'baseline 30' or 'goal 2 deadline June 2027'._",
        "ko": "_잘못 읽은 부분이 있으면 그대로 말씀해 주세요. 예: '목표는 45건', '기준값 30건', '목표 2 기한 2027년 6월'._",
    },
    "corrected": {"en": "Corrected goal {n} - I read: {line}", "ko": "{n}번 목표를 고쳤습니다. 읽은 내용: {line}"},
    "no_goal_to_correct": {
        "en": "There's no goal {n} to correct yet.",
        "ko": "고칠 {n}번 목표가 아직 없습니다.",
    },
    "accepted": {"en": "Updated goal {n}.", "ko": "{n}번 목표를 바꿨습니다."},
    "kept_goal": {"en": "Kept goal {n} as you wrote it.", "ko": "{n}번 목표를 그대로 두었습니다."},
    "persona_added": {"en": "Added persona {n}. Every field you did not give is listed as something to find out in customer interviews.", "ko": "페르소나 {n}을(를) 추가했습니다. 말하지 않은 항목은 고객 인터뷰에서 확인할 것으로 넣었습니다."},
    "too_many_personas": {"en": "A plan keeps at most five personas; fewer, sharper personas work better.", "ko": "계획에는 페르소나를 최대 5개까지 둡니다. 적고 선명한 페르소나가 더 잘 작동합니다."},
    "fact_not_read": {"en": "I could not read \"{value}\" as a value for {label}. Type a number with its unit, e.g. 20%, $150,000, 2% a month or 4.", "ko": "\"{value}\"을(를) {label} 값으로 읽지 못했습니다. 20%, 1,500만 원, 월 2%, 4처럼 단위와 함께 숫자로 적어 주세요."},
    "nothing_pending": {"en": "There's no suggestion waiting for an answer.", "ko": "답을 기다리는 제안이 없습니다."},
    "export_ready": {"en": "Exporting the plan as {fmt}.", "ko": "계획서를 {fmt} 형식으로 내보냅니다."},
    "upload_read": {"en": "Read {n} {frequency} periods of **{column}** from {name}. Forecast for the next {horizon} periods with {model} (holdout MAE {mae}). The Sales Forecast section is now filled from the data; anything you type there later is added to its assumptions.", "ko": "{name}에서 **{column}** {n}개 기간({frequency})을 읽었습니다. {model}(으)로 다음 {horizon}개 기간을 예측했습니다(검증 MAE {mae}). 영업 예측 섹션은 데이터로 채워졌고, 이후 입력하는 내용은 가정에 추가됩니다."},
    "bad_format": {"en": "Export formats are md, docx, pdf, pptx, hwpx and json (e.g. 'export pdf').", "ko": "내보내기 형식은 md, docx, pdf, pptx, hwpx, json입니다 (예: '내보내기 pdf')."},
    "language_set": {"en": "The plan is now in English.", "ko": "이제 계획서를 한국어로 작성합니다."},
    "bad_language": {"en": "Languages: 'language en' or 'language ko'.", "ko": "언어: '언어 ko' 또는 '언어 en'."},
    "company_read": {
        "en": "Company name read as **{name}**: the plan's title uses it _(not right? type 'company <name>')_.",
        "ko": "회사 이름을 **{name}**(으)로 읽었습니다. 계획서 제목에 쓰입니다 _(다르면 '회사 <이름>'처럼 입력하세요)_.",
    },
    "company_set": {"en": "Company set to {name}.", "ko": "회사 이름을 {name}(으)로 정했습니다."},
    "new_plan": {"en": "Starting a new plan. Your current plan stays saved.", "ko": "새 계획을 시작합니다. 지금 계획은 저장되어 있습니다."},
    "no_personas": {"en": "No persona yet - answer the audience question first ('goto personas').", "ko": "아직 페르소나가 없습니다. 먼저 타깃 고객 질문에 답해 주세요('이동 페르소나')."},
    "goal_here": {"en": "This answer reads as a goal (a dated target). It is saved under **{title}**; a goal belongs in the goals questions ({goals}): type 'back' to correct this answer, and give the goal again when the goals question comes.", "ko": "이 답은 목표처럼 보입니다(기한이 있는 목표 수치). **{title}**에 저장했으며, 목표는 목표 질문({goals})에 답해야 점검됩니다. 이 질문의 답은 '이전'으로 돌아가 고칠 수 있고, 목표는 목표 질문에서 다시 입력해 주세요."},
    "budget_here": {"en": "This answer reads as a budget (a total and its split). It is saved under **{title}**, but the plan reads the budget only from **{budget}**: type 'goto budget' to give it there, or 'back' to correct this answer.", "ko": "이 답은 예산처럼 보입니다(총액과 항목별 비중). **{title}**에 저장했지만, 예산은 **{budget}** 질문의 답에서만 읽습니다. '이동 예산'으로 가서 입력하거나 '이전'으로 돌아가 이 답을 고쳐 주세요."},
    "committee": {"en": "Your answers name others in the buying decision: {roles}. Add a card for each with 'another persona: …'.", "ko": "답변에 구매 결정에 함께하는 사람이 보입니다: {roles}. '페르소나 추가: …'로 카드를 더할 수 있습니다."},
    "restyle_offline": {"en": "Rewriting in another style needs a model (set OPENAI_API_KEY or OPENAI_BASE_URL). Offline, the messages and copy use your own words within each channel's limit: type 'copy' to see them, or edit your positioning answer ('goto positioning').", "ko": "다른 어조로 다시 쓰려면 모델이 필요합니다(OPENAI_API_KEY 또는 OPENAI_BASE_URL 설정). 오프라인에서는 메시지와 카피가 입력하신 말로 채널별 글자 수 안에서 만들어집니다. '카피'로 확인하거나 포지셔닝 답을 고쳐 주세요('이동 포지셔닝')."},
    "no_messaging": {"en": "No messaging yet - answer the positioning question first ('goto positioning').", "ko": "아직 메시지가 없습니다. 먼저 포지셔닝 질문에 답해 주세요('이동 포지셔닝')."},
    "qa_none": {"en": "I couldn't find guidance on that in the knowledge base.", "ko": "지식 베이스에서 관련 안내를 찾지 못했습니다."},
    "back_to": {"en": "Back to the interview:", "ko": "인터뷰로 돌아갑니다:"},
    "llm_fallback_why": {
        "en": "_(This turn used the offline path: {why} Your answer is saved.)_",
        "ko": "_(이번 답은 오프라인 방식으로 처리했습니다: {why} 답변은 저장되어 있습니다.)_",
    },
    "llm_summary_fallback": {
        "en": "_(The model's summary was not usable ({why}); the offline summary is shown.)_",
        "ko": "_(모델 요약을 쓸 수 없어({why}) 오프라인 요약을 보여 드립니다.)_",
    },
    "llm_followup_fallback": {
        "en": "_(The model could not check this answer for gaps, so no follow-up question.)_",
        "ko": "_(모델이 이 답의 빠진 부분을 확인하지 못해 추가 질문은 없습니다.)_",
    },
    "llm_fallback": {"en": "_(The model did not answer, so this turn used the offline path. Your answer is saved.)_", "ko": "_(모델이 응답하지 않아 이번 답은 오프라인 방식으로 처리했습니다. 답변은 저장되어 있습니다.)_"},
    "error": {"en": "Something went wrong while handling that ({detail}). Your message is saved; please try again.", "ko": "처리 중 문제가 생겼습니다({detail}). 입력은 저장되어 있으니 다시 시도해 주세요."},
}  # fmt: skip


def t(key: str, lang: str, **kwargs: object) -> str:
    """The string `key` in `lang`, formatted."""
    entry = TEXT[key]
    template = entry["ko"] if lang == "ko" else entry["en"]
    text = template.format(**kwargs) if kwargs else template
    if lang == "ko":
        from assistant.core.lang import fix_particles

        return fix_particles(text)
    return text
