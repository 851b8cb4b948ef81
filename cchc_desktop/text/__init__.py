"""Vietnamese text: folding for search and matching (folding), a collation key (collation), money
and numbers in words (money_words), numbers in figures the Vietnamese way (numbers: 19.393;
7,7%). May import: errors.
"""
