---- MODULE literals ----
A == 42
B == \b101 + \o17 + \h1F + \H1f
C == 1.5
D == "a \"quoted\" \\ string\n"
E == TRUE /\ FALSE
F == BOOLEAN \cup STRING
G == 123456789012345678901234567890
====
