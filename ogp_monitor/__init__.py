"""OGP Monitor: a dashboard of Open Government Partnership action plans."""

__version__ = "0.1.0"
