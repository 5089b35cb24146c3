"""Output: which pages the site has, and writing them (with static files) into site/."""
