---- MODULE unknown_backslash_word ----
A == x \notsubset y
====
