"""Excel exchange screens: export, return templates, receiving returns with their preview.
"""
