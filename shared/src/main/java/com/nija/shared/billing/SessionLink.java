package com.nija.shared.billing;

/** Where to send the trader: a Stripe Checkout or Customer Portal page. */
public record SessionLink(String url) {}
