//! The TLA+ lexer: text to tokens with spans; canonical operator symbols.
