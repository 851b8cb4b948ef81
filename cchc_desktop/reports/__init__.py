"""Official documents (Nghị định 30/2020/NĐ-CP): each kind collects its data, then the one
renderer lays it out (base, parts, tables own the NĐ30 rules); cli.py is the entry point.

May import every core package except cli; never ui.
"""
