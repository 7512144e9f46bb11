---- MODULE invalid_hex ----
A == \h1G
====
