"""A local preview (`newsmirror serve`): the site served under its base_url path, rebuilt as its inputs change,
open pages reloaded. Nothing here changes the built site: the reload script exists only in what is sent."""

from generator.serve.app import serve

__all__ = ["serve"]
