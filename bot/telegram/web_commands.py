"""The admins' commands about web sources: ``/add URL`` indexes one page now, ``/feeds`` shows
how each feed fared. Anyone else is told the command is for admins, as with ``/reload``."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot.render import feeds
from bot.runtime.refresh import refresher_of
from bot.runtime.services import services_of
from bot.settings import web_url_problem
from bot.telegram.commands import admin_message
from bot.telegram.sending import NO_PREVIEW


async def add_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/add URL (admins only): fetch and index the page now; reply with its title and sentence
    count, or why it failed."""
    message = await admin_message(update, context, "/add")
    if message is None:
        return
    words = context.args or []
    url = words[0] if len(words) == 1 else ""
    problem = web_url_problem(url) if url else "Which page?" if not words else "One address at a time, please."
    if problem is not None:
        await message.reply_html(feeds.add_problem_html(problem), do_quote=False)
        return
    added = await refresher_of(context.application).add(url)
    if added.title is None:
        text = feeds.add_failed_html(url, added.error or "unknown reason")
    else:
        text = feeds.added_html(url, added.title, added.sentences)
    await message.reply_html(text, do_quote=False, link_preview_options=NO_PREVIEW)


async def feeds_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/feeds (admins only): each feed's last refresh, article count and last error."""
    message = await admin_message(update, context, "/feeds")
    if message is None:
        return
    settings = services_of(context).settings
    refresher = refresher_of(context.application)
    record = refresher.record
    view = feeds.SourcesView(
        feeds=settings.feeds,
        statuses=record.feeds,
        added=len(record.added),
        refresh_minutes=settings.refresh_minutes,
        refreshed_at=record.refreshed_at,
        error=record.error,
        running=refresher.running,
    )
    await message.reply_html(feeds.feeds_html(view), do_quote=False, link_preview_options=NO_PREVIEW)
