"""Rendering: Markdown to HTML, tables of contents, template views, Jinja2 templates."""
