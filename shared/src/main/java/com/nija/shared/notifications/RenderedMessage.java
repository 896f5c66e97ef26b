package com.nija.shared.notifications;

/**
 * One event as each channel sends it: a subject and plain text (email, Telegram, Discord) and the JSON document a
 * webhook receives.
 */
public record RenderedMessage(String subject, String text, String json) {}
