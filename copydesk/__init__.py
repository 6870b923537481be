"""copydesk: editorial quality checks for news article drafts."""

__version__ = "0.1.0"
