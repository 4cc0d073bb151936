"""Pure rendering: answers into replies, message plans, keyboards and callback data."""
