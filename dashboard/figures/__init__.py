"""Figure builders: pure functions, DataFrame and options in, plotly figure dict out."""
