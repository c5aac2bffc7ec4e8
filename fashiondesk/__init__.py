"""fashiondesk: a desktop catalogue for clothing boutiques."""

__version__ = "0.1.0"
