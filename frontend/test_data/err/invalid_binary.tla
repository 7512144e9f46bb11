---- MODULE invalid_binary ----
A == \b102
====
