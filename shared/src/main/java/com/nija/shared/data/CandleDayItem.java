package com.nija.shared.data;

import java.time.Instant;

/**
 * One UTC day of closed candles of one market and interval ({@code pk = CANDLES#<symbol>#<interval>},
 * {@code sk = DAY#<yyyy-mm-dd>}): a day of 1-minute candles is 1,440 bars, about 90 KB as text, well under the 400 KB
 * item limit. {@code candles} is one line per bar, {@code <open epoch s>,<open>,<high>,<low>,<close>,<volume>}, oldest
 * first. {@code expiresAt} is the end of the day plus the interval's retention.
 */
public record CandleDayItem(String pk, String sk, String symbol, String interval, String day, String candles,
                            Integer count, Instant updatedAt, Long expiresAt, Long version) {}
