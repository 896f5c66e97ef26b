package com.nija.shared.marketdata;

/** A candle file line that breaks the format of {@link CandleFiles}: the message names the line and the rule. */
public class CandleFileException extends MarketDataException {
    private final int line;

    public CandleFileException(int line, String rule) {
        super("candle file line " + line + ": " + rule);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
