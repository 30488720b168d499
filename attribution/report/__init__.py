"""Findings as people and machines read them: text, JSON, SARIF, GitHub annotations.

Imports ``check.findings``; nothing in ``parse`` or ``check`` imports this package.
"""
