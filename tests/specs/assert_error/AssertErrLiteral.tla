------------------------- MODULE AssertErrLiteral -------------------------
\* TLCExt!AssertError needs a string literal as its first argument: TLC stops with an error.
EXTENDS TLC, TLCExt
Msg == "boom"
ASSUME AssertError(Msg, Assert(FALSE, "boom"))
=============================================================================
