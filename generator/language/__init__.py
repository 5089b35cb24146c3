"""The site's language, shared by the stages: the words the import writes into posts and the theme shows."""
