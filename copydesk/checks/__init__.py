"""Built-in checkers, one module each."""
