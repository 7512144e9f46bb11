---- MODULE unknown_character ----
A == x ; y
====
