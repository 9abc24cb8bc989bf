"""Figure builders, one module per view: pure functions from DataFrames (and the
language and options) to plotly figure dicts.  They never query."""
