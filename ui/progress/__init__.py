"""Progress screens: the progress panel of a task, the dashboard (Tổng quan).
"""
