package com.nija.shared.brokers;

/** Where a trader's new orders go: NIJA's paper broker (every trader's default) or their connected live venue. */
public enum TradingMode { PAPER, LIVE }
