---- MODULE unicode_ops ----
A == ∀ x ∈ S : x ≤ 3 ∧ x ≠ 2
B == ∃ y ∈ S : y ≥ 1 ∨ ¬ P
C == S ∪ (T ∩ U)
D == a ⇒ b
E == □ P ∧ ◇ Q
F == ⟨1, 2⟩
G == [x ∈ S ↦ x]
H == S ⊆ T
====
