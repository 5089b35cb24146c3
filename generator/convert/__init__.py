"""WordPress items to the content format: HTML cleanup passes, then Markdown."""
