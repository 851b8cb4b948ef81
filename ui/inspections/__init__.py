"""Inspection screens: plans, units inspected, results, team, đề cương; the one-stop and
targets windows.
"""
