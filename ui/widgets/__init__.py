"""Small widgets and formatting shared by every screen: the Lưu/Hủy row, editors, number and date
formatting, search-match highlighting. Imports no other ui package.
"""
