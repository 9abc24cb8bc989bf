"""Figure builders: pure functions, a DataFrame and the language in, a figure out."""
