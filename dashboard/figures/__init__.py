"""Figure builders: pure functions, a DataFrame and options in, a figure out (no queries)."""
