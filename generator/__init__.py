"""newsmirror: WordPress content in, a static offline-readable news mirror out."""

__version__ = "0.1.0"
