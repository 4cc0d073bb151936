"""Pure rendering: answers, context and the bot's pages into Telegram HTML (or plain text),
message plans, keyboards and callback data. Nothing here sends or reads a chat."""
