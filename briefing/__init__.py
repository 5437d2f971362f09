"""Briefing deck export (PPTX with native charts) and its command line; no streamlit."""
