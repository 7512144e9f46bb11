---- MODULE invalid_escape ----
A == "C:\path"
====
