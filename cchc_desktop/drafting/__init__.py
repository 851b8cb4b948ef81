"""Drafting the báo cáo kết quả thực hiện công tác CCHC from the register: the facts of a period
(facts), how they are said in plain Vietnamese (wording), one drafter per section of the outline
(direction, areas, assessment, outlook), the officer's own words kept per section (texts), and
the report as printed: the officer's words where written, the draft elsewhere (outline).

May import: errors, text, schedule, register, plans, progress, inspections. Never reports or ui.
"""
