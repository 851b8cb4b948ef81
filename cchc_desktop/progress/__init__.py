"""Progress per task and reporting period: entries (record), task states in a period (states),
and the dashboard figures (due soon, overdue, counts by area/unit/status).

May import: errors, register, plans, schedule.
"""
