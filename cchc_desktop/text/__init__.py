"""Vietnamese text: folding for search and matching (folding), a collation key (collation), money
and numbers in words and figures (money_words). May import: errors.
"""
