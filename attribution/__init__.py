"""Quote attribution for news text: who said what, where and when, with exact offsets."""

from attribution.parse.model import Attribution, Span
from attribution.parse.pipeline import extract

__all__ = ["Attribution", "Span", "extract"]
__version__ = "0.1.0"
