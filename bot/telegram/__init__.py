"""The Telegram edge: application wiring, handlers, buttons, inline mode, sending."""
