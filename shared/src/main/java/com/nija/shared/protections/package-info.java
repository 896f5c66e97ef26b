/**
 * Per-trader circuit breakers beside the risk rules: a maximum drawdown from the equity peak (a warning, then no new
 * entries), a cooldown on a symbol after repeated losing stop-losses (Freqtrade's StoplossGuard) and an optional daily
 * profit target. They only ever stop new entries: exits, stops, targets and closes always go through.
 */
package com.nija.shared.protections;
