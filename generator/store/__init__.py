"""The content store: posts as Markdown files with YAML front matter, term names in one data file."""
