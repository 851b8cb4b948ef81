"""Kiểm tra CCHC: inspection plans, team, units inspected, the đề cương, results and follow-up,
self-inspection reports; one-stop figures (một cửa) and targets (chỉ tiêu).

May import: errors, text, register, plans, schedule, excel.read (one-stop returns).
"""
