"""Webhook mode: the web server Telegram posts updates to, and registering it with Telegram."""
